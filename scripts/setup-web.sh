#!/usr/bin/env bash
# Installs what the browser part needs, skipping what is already there: the wasm32 Rust target,
# wasm-bindgen-cli of exactly the version wasm/Cargo.toml pins, Debian's Chromium for the
# browser tests, and the npm packages locked in web/package-lock.json.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

# The CLI writes the JavaScript glue, which must match the crate's version exactly.
PINNED="$(sed -n 's/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' "$ROOT/wasm/Cargo.toml")"
if [[ -z "$PINNED" ]]; then
    echo "error: wasm/Cargo.toml has no line wasm-bindgen = \"=X.Y.Z\"" >&2
    exit 1
fi
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $PINNED" ]]; then
    step "wasm-bindgen-cli $PINNED (about 3 minutes)"
    # Without --locked: the CLI's own lockfile names dependency versions that a registry
    # mirror may not carry.
    cargo install wasm-bindgen-cli --version "$PINNED" --force
fi

if [[ ! -x /usr/bin/chromium ]]; then
    step "Chromium from Debian's packages"
    apt-get update
    apt-get install -y chromium
fi

if ! command -v npm >/dev/null; then
    echo "error: npm is missing; install Node.js 20 or later with npm (Debian: apt-get install nodejs npm)" >&2
    exit 1
fi
# npm ci reinstalls from scratch; skip it while node_modules matches the lockfile.
STAMP="$ROOT/web/node_modules/.byok-package-lock.json"
if ! cmp -s "$ROOT/web/package-lock.json" "$STAMP"; then
    step "npm ci in web/"
    (cd "$ROOT/web" && npm ci --no-audit --no-fund)
    cp "$ROOT/web/package-lock.json" "$STAMP"
fi
