#!/usr/bin/env bash
# Runs every test: formatting, lints, the core's tests and vectors, the Python host, the
# browser host. Installs what is missing first.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test (core, vectors, cases)"
cargo test --workspace

for part in test-python.sh test-web.sh test-fuzz.sh; do
    if [[ -f "scripts/$part" ]]; then
        step "$part"
        bash "scripts/$part"
    fi
done
