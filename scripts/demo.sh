#!/usr/bin/env bash
# Builds both wheels, adds the byok extension to the Azure CLI in $BYOK_CACHE/az-venv with
# `az extension add`, and runs `az byok prereqs --offline` on the built-in example: the
# vendor's reference security configuration, GetDeviceInfo and ListKeyFlags output in
# examples/. It needs no Azure sign-in: the Azure checks come out `unknown`, each with the
# steps that run it.
#
# The CLI uses its own configuration folder, $BYOK_CACHE/demo-azure-config, so the user's
# ~/.azure (extensions, sign-in) is left alone, and telemetry is off for every command.
# Exits 0 when the command gave a verdict (0 ready, 4 not ready, 5 incomplete). The reference
# configuration is deliberately not ready, so 4 is the expected verdict. Any other code is an
# error, and the script exits with it.
#
#   scripts/demo.sh             build both wheels, add the extension and run the example
#   scripts/demo.sh --no-build  reuse the wheels already in target/wheels
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

AZ="$BYOK_CACHE/az-venv/bin/az"
export AZURE_CONFIG_DIR="$BYOK_CACHE/demo-azure-config"
export AZURE_CORE_COLLECT_TELEMETRY=false
mkdir -p "$AZURE_CONFIG_DIR"

if [[ "${1:-}" != "--no-build" ]]; then
    bash scripts/test-python.sh --build-only
fi

step "az extension add --source target/wheels/extension/byok-*.whl (config: $AZURE_CONFIG_DIR)"
"$AZ" extension remove --name byok >/dev/null 2>&1 || true
# pip finds the native core in target/wheels/core; the extension needs nothing else.
PIP_FIND_LINKS="$ROOT/target/wheels/core" PIP_NO_INDEX=1 \
    "$AZ" extension add --source "$ROOT"/target/wheels/extension/byok-*-py3-none-any.whl --yes

step "az byok prereqs --offline on the examples"
set +e
"$AZ" byok prereqs --offline \
    --hsm-service primus --key-type RSA --key-size 4096 \
    --device-info examples/getdeviceinfo.txt \
    --hsm-config examples/hsm-security-config-reference.xml --partition PART001 \
    --key-flags examples/listkeyflags.txt \
    --output table
status=$?
set -e

echo
case "$status" in
    0 | 4 | 5)
        echo "Exit code $status: the command ran and gave its verdict (0 ready, 4 not ready,"
        echo "5 incomplete). The built-in example is deliberately not ready: the vendor's"
        echo "reference configuration has Key Export and Key Extract disabled, so 4 (not ready)"
        echo "is the expected answer. For the Azure checks, sign in with \`az login\` and run"
        echo "again without --offline, with --vault-name and --kek-name."
        exit 0
        ;;
    *)
        echo "Exit code $status: az byok prereqs failed before it gave a verdict; see the" >&2
        echo "error above." >&2
        exit "$status"
        ;;
esac
