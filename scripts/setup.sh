#!/usr/bin/env bash
# Installs every tool the project needs on a fresh machine. Safe to run again: each part
# skips what is already installed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

for part in setup-python.sh setup-web.sh; do
    if [[ -f "$ROOT/scripts/$part" ]]; then
        bash "$ROOT/scripts/$part"
    fi
done
