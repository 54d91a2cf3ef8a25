#!/usr/bin/env bash
# Measures the Azure CLI extension: `az byok prereqs --offline` against `az version`, run
# alternately in one loop so both see the same machine state, and the import time of the
# native module byok_prereqs. Prints the figures; docs/benchmarks.md records them.
#
#   scripts/bench-python.sh          40 rounds of each az command
#   ROUNDS=10 scripts/bench-python.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ROUNDS="${ROUNDS:-40}"
AZ="$BYOK_CACHE/az-venv/bin/az"
PYTHON="$BYOK_CACHE/az-venv/bin/python"

if ! command -v hyperfine >/dev/null; then
    step "hyperfine from Debian's packages"
    apt-get update -qq
    apt-get install -y -qq hyperfine
fi

bash scripts/test-python.sh --build-only

# A fresh configuration folder, so the measurement does not depend on ~/.azure.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export AZURE_CONFIG_DIR="$work/config"
export AZURE_CORE_COLLECT_TELEMETRY=false
step "az extension add into $AZURE_CONFIG_DIR"
PIP_FIND_LINKS="$ROOT/target/wheels/core" PIP_NO_INDEX=1 \
    "$AZ" extension add --source "$ROOT"/target/wheels/extension/byok-*-py3-none-any.whl --yes \
    --only-show-errors
"$AZ" byok prereqs --offline --only-show-errors >/dev/null || true

step "machine"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "$(free -g | awk '/Mem:/ {print $2}') GiB memory; $("$AZ" version --query '"azure-cli"' -o tsv) Azure CLI; $("$PYTHON" --version)"

step "az byok prereqs --offline against az version, $ROUNDS alternating rounds"
"$PYTHON" - "$AZ" "$ROUNDS" <<'PY'
import statistics
import subprocess
import sys
import time

az, rounds = sys.argv[1], int(sys.argv[2])
commands = {
    "az version": [az, "version", "--only-show-errors"],
    "az byok prereqs --offline": [az, "byok", "prereqs", "--offline", "--only-show-errors"],
}
times = {name: [] for name in commands}
names = list(commands)
for round_number in range(rounds):
    # Swap the order every round so neither command always runs second.
    order = names if round_number % 2 == 0 else names[::-1]
    for name in order:
        started = time.perf_counter()
        subprocess.run(commands[name], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times[name].append(time.perf_counter() - started)

for name in names:
    values = times[name]
    print(f"{name}: median {statistics.median(values) * 1000:.0f} ms, "
          f"mean {statistics.mean(values) * 1000:.0f} ms, "
          f"min {min(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms")
ratio = statistics.median(times[names[1]]) / statistics.median(times[names[0]])
print(f"ratio of medians (byok prereqs / version): {ratio:.3f} (target: at most 1.10)")
PY

step "hyperfine cross-check (each command in its own block)"
hyperfine --warmup 3 --runs 20 --style basic --ignore-failure \
    "$AZ version --only-show-errors" \
    "$AZ byok prereqs --offline --only-show-errors"

step "import time of byok_prereqs (python -X importtime, 30 runs)"
"$PYTHON" -m pip install --quiet --disable-pip-version-check --target "$work/core" \
    --no-deps "$ROOT"/target/wheels/core/*.whl
"$PYTHON" - "$work/core" <<'PY'
import statistics
import subprocess
import sys

folder = sys.argv[1]
samples = []
for _ in range(30):
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import byok_prereqs"],
        env={"PYTHONPATH": folder}, capture_output=True, text=True, check=True)
    # Lines read "import time: self [us] | cumulative | imported package".
    for line in completed.stderr.splitlines():
        fields = [field.strip() for field in line.split("|")]
        if len(fields) == 3 and fields[2] == "byok_prereqs":
            samples.append(int(fields[1]))
print(f"import byok_prereqs: median {statistics.median(samples) / 1000:.2f} ms, "
      f"max {max(samples) / 1000:.2f} ms over {len(samples)} runs (target: under 3 ms)")
PY
