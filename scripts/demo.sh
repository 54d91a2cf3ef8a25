#!/usr/bin/env bash
# Builds both wheels, adds the byok extension to the Azure CLI in $BYOK_CACHE/az-venv with
# `az extension add`, and runs `az byok prereqs --offline` on the built-in example: the
# vendor's reference security configuration, GetDeviceInfo and ListKeyFlags output in
# examples/. It needs no Azure sign-in: the Azure checks come out `unknown`, each with the
# steps that run it. Exits with the command's exit code (0 ready, 4 not ready, 5 incomplete).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

AZ="$BYOK_CACHE/az-venv/bin/az"

bash scripts/test-python.sh --build-only

step "az extension add --source target/wheels/extension/byok-*.whl"
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
echo "Exit code $status (0 ready, 4 not ready, 5 incomplete). Sign in with \`az login\` and run"
echo "again without --offline, with --vault-name and --kek-name, for the Azure checks."
exit "$status"
