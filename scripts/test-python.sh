#!/usr/bin/env bash
# Builds the byok-prereqs wheel (maturin) and the byok extension wheel, then runs the Python
# tests: the core's Python API on the shared vectors, and `az byok prereqs` in a real Azure CLI
# with the extension added by `az extension add`. Exits with pytest's status.
#
#   scripts/test-python.sh               build both wheels and run every test
#   scripts/test-python.sh --build-only  build both wheels into target/wheels and stop
#   scripts/test-python.sh -k primus     extra arguments go to pytest
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

AZ_VENV="$BYOK_CACHE/az-venv"
TEST_VENV="$BYOK_CACHE/test-venv"
WHEELS="$ROOT/target/wheels"

bash scripts/setup-python.sh

step "cargo clippy -p byok-prereqs-py --features python"
cargo clippy --quiet -p byok-prereqs-py --features python --all-targets -- -D warnings

step "byok-prereqs wheel (maturin, release build)"
rm -rf "$WHEELS/core"
"$AZ_VENV/bin/maturin" build --quiet --release -m pyext/Cargo.toml -o "$WHEELS/core" \
    -i "$AZ_VENV/bin/python"

step "byok extension wheel (py3-none-any)"
rm -rf "$WHEELS/extension" pyext/extension/build
"$TEST_VENV/bin/python" -m pip wheel --quiet --disable-pip-version-check --no-deps \
    --no-build-isolation -w "$WHEELS/extension" pyext/extension
rm -rf pyext/extension/build pyext/extension/*.egg-info
ls "$WHEELS"/core/*.whl "$WHEELS"/extension/*.whl

if [[ "${1:-}" == "--build-only" ]]; then
    exit 0
fi

step "pytest tests/python"
"$TEST_VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall \
    --no-deps "$WHEELS"/core/*.whl
export BYOK_AZ="$AZ_VENV/bin/az"
export BYOK_WHEELS="$WHEELS"
# No .pytest_cache in the work tree.
exec "$TEST_VENV/bin/python" -m pytest -p no:cacheprovider tests/python "$@"
