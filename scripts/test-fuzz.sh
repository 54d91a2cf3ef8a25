#!/usr/bin/env bash
# Runs every fuzz target of the readers, and the evaluation target, for a short, bounded time,
# seeded with the real cases in tests/cases, the shared vectors and the seeds in fuzz/seeds. Fails when a target finds a crash; libFuzzer
# then leaves the input in fuzz/artifacts/<target>/.
#
# FUZZ_SECONDS sets the time per target (default 10). With the default, the run takes about
# two minutes plus the build. docs/fuzzing.md describes the longer run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT/fuzz"

SECONDS_PER_TARGET="${FUZZ_SECONDS:-10}"

if ! cargo fuzz --version >/dev/null 2>&1; then
    step "cargo install cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

# cargo-fuzz passes sanitizer flags that stable Rust accepts only with RUSTC_BOOTSTRAP.
export RUSTC_BOOTSTRAP=1
# The build lives in the cache, so a fresh clone on the same machine does not rebuild libFuzzer.
TARGET_DIR="$BYOK_CACHE/fuzz-target"

step "cargo fuzz build"
cargo fuzz build --target-dir "$TARGET_DIR"

CASES="$ROOT/tests/cases"
declare -A SEEDS=(
    [az_version]="$CASES/az-version-json $CASES/az-version-text"
    [keyvault_show]="$CASES/keyvault-show $CASES/mhsm-show seeds/keyvault_show"
    [keyvault_key]="$CASES/keyvault-key"
    [primus_device_info]="$CASES/securosys"
    [primus_key_flags]="$CASES/securosys"
    [primus_command_help]="seeds/primus_command_help"
    [hsm_security_config]="$CASES/securosys"
    [java_version]="$CASES/java-version seeds/java_version"
    [byok_file]="$CASES/securosys"
    [facts]="seeds/facts"
    [evaluate]="$ROOT/tests/vectors seeds/facts"
    [recognize]="$CASES/az-version-json $CASES/az-version-text $CASES/keyvault-show $CASES/mhsm-show $CASES/keyvault-key $CASES/java-version $CASES/securosys seeds/primus_command_help seeds/facts"
)

summary=()
for target in az_version keyvault_show keyvault_key primus_device_info primus_key_flags \
    primus_command_help hsm_security_config java_version byok_file facts recognize evaluate; do
    step "cargo fuzz run $target (${SECONDS_PER_TARGET} s)"
    mkdir -p "corpus/$target"
    log="$(mktemp)"
    # shellcheck disable=SC2086 # the seed list is a list of folders
    if ! cargo fuzz run --target-dir "$TARGET_DIR" "$target" "corpus/$target" ${SEEDS[$target]} -- \
        -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$log" 2>&1; then
        tail -n 40 "$log"
        echo "fuzz target $target failed; the input is in fuzz/artifacts/$target/" >&2
        exit 1
    fi
    runs="$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' || echo "?")"
    summary+=("$target: $runs executions, no crash")
    rm -f "$log"
done

step "fuzz summary"
printf '%s\n' "${summary[@]}"
