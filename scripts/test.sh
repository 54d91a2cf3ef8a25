#!/usr/bin/env bash
# Runs every test: formatting, lints, the core's tests and shared vectors, the Python host and
# the Azure CLI extension, the browser host, and a short fuzzing run. Installs what is missing
# first. Every stage runs even when an earlier one fails; the last line counts the stages, and
# the exit status is non-zero when any stage failed.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

if ! bash scripts/setup.sh; then
    echo "setup failed: the tools above could not be installed, so no test ran" >&2
    exit 1
fi

passed=0
failed=()

# Runs one stage and records its outcome.
stage() {
    local name="$1"
    shift
    step "$name"
    if "$@"; then
        passed=$((passed + 1))
    else
        failed+=("$name")
    fi
}

stage "cargo fmt --check" cargo fmt --all -- --check
stage "cargo clippy" cargo clippy --workspace --all-targets -- -D warnings
stage "cargo test (core, vectors, cases)" cargo test --workspace
stage "Python module and az extension (scripts/test-python.sh)" bash scripts/test-python.sh
stage "WebAssembly module and page (scripts/test-web.sh)" bash scripts/test-web.sh
stage "fuzzing, short run (scripts/test-fuzz.sh)" bash scripts/test-fuzz.sh

echo
for name in "${failed[@]}"; do
    echo "FAILED: $name"
done
echo "stages: $passed passed, ${#failed[@]} failed"
[[ ${#failed[@]} -eq 0 ]]
