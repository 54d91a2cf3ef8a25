#!/usr/bin/env bash
# Installs the Python side's tools into $BYOK_CACHE, skipping what is already there:
#   az-venv    the Azure CLI from PyPI and maturin (builds the byok-prereqs wheel)
#   test-venv  pytest, PyYAML and the wheel builder for the extension
# and a JDK (javac) for the Primus Tools stand-in the tests build.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

AZ_CLI_VERSION="${AZ_CLI_VERSION:-2.91.0}"
PYTHON="${PYTHON:-python3}"
AZ_VENV="$BYOK_CACHE/az-venv"
TEST_VENV="$BYOK_CACHE/test-venv"

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
    echo "error: $PYTHON is older than Python 3.10, which the byok-prereqs wheel needs." >&2
    echo "Give another interpreter with PYTHON=/path/to/python3." >&2
    exit 1
fi
mkdir -p "$BYOK_CACHE"

if [[ ! -x "$AZ_VENV/bin/az" ]]; then
    step "Azure CLI $AZ_CLI_VERSION into $AZ_VENV (about 2 minutes)"
    "$PYTHON" -m venv "$AZ_VENV"
    "$AZ_VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        "azure-cli==$AZ_CLI_VERSION"
fi
if [[ ! -x "$AZ_VENV/bin/maturin" ]]; then
    step "maturin into $AZ_VENV"
    "$AZ_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "maturin>=1.9.4,<2"
fi

if [[ ! -x "$TEST_VENV/bin/pytest" ]]; then
    step "pytest into $TEST_VENV"
    "$PYTHON" -m venv "$TEST_VENV"
    "$TEST_VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        "pytest>=8" "PyYAML>=6" setuptools wheel
fi

if ! command -v javac >/dev/null || ! command -v jar >/dev/null; then
    step "JDK (javac, jar) from Debian's packages"
    apt-get update -qq
    apt-get install -y -qq default-jdk-headless
fi
