#!/usr/bin/env bash
# Builds the browser files and measures them: sizes of the .wasm and the page, and times in
# headless Chromium. Writes the "## Browser page" section of docs/benchmarks.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/setup-web.sh
step "build the WebAssembly module and the page"
(cd web && node scripts/build.mjs)
step "measure"
(cd web && node scripts/bench.mjs "$@")
