"""scripts/demo.sh with a stand-in `az`: its own configuration folder, telemetry off, and the
exit code for each verdict."""

import os
import subprocess

import pytest

from conftest import ROOT

# Records the environment of each call and exits with $FAKE_AZ_EXIT for `az byok prereqs`.
FAKE_AZ = """#!/usr/bin/env bash
echo "$AZURE_CONFIG_DIR|$AZURE_CORE_COLLECT_TELEMETRY|$*" >> "$FAKE_AZ_LOG"
if [[ "$1" == "byok" ]]; then
    exit "$FAKE_AZ_EXIT"
fi
"""


def run_demo(tmp_path, exit_code):
    cache = tmp_path / "cache"
    az = cache / "az-venv" / "bin" / "az"
    az.parent.mkdir(parents=True)
    az.write_text(FAKE_AZ)
    az.chmod(0o755)
    log = tmp_path / "az.log"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "BYOK_CACHE": str(cache),
        "FAKE_AZ_LOG": str(log),
        "FAKE_AZ_EXIT": str(exit_code),
    }
    completed = subprocess.run(["bash", str(ROOT / "scripts" / "demo.sh"), "--no-build"],
                               env=env, capture_output=True, text=True, timeout=60,
                               check=False)
    calls = [line.split("|", 2) for line in log.read_text().splitlines()]
    return completed, calls, cache


def test_demo_uses_own_config(tmp_path):
    _, calls, cache = run_demo(tmp_path, 4)

    commands = [call[2].split()[:2] for call in calls]
    assert ["extension", "remove"] in commands
    assert ["extension", "add"] in commands
    assert ["byok", "prereqs"] in commands
    for config_dir, telemetry, _ in calls:
        assert config_dir == str(cache / "demo-azure-config")
        assert telemetry == "false"


@pytest.mark.parametrize("verdict_code", [0, 4, 5])
def test_demo_verdict_exits_zero(tmp_path, verdict_code):
    completed, _, _ = run_demo(tmp_path, verdict_code)

    assert completed.returncode == 0, completed.stderr
    assert "deliberately not ready" in completed.stdout
    assert "Key Export and Key Extract disabled" in completed.stdout


@pytest.mark.parametrize("error_code", [1, 2, 3])
def test_demo_error_exits_nonzero(tmp_path, error_code):
    completed, _, _ = run_demo(tmp_path, error_code)

    assert completed.returncode == error_code
    assert f"Exit code {error_code}" in completed.stderr
