#!/usr/bin/env bash
# Builds the WebAssembly module and the browser files, then runs the web tests: the shared
# vectors and the TypeScript declarations in Node, and the page, the docs page embed and the
# single file in headless Chromium. Screenshots go to test-results/screenshots/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/setup-web.sh

# The bindings compile only for wasm32, so the workspace's native clippy does not see them.
# The core is linted there; --no-deps lints only the bindings.
step "cargo clippy (wasm32)"
cargo clippy --package byok-prereqs-wasm --target wasm32-unknown-unknown --profile wasm-release \
    --no-deps -- -D warnings

step "build the WebAssembly module and the page"
(cd web && node scripts/build.mjs)

step "web tests (Node and Chromium)"
(cd web && node --test test/)
