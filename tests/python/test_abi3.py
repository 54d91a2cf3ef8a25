"""The abi3 wheel imports and evaluates on every CPython from 3.10 on that this machine has."""

import glob
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, built_wheel

VECTOR = ROOT / "tests" / "vectors" / "ready-keyvault-primus-rsa.json"
REPORT = ROOT / "tests" / "vectors" / "reports" / "ready-keyvault-primus-rsa.report.json"

CHECK_SCRIPT = """
import json, sys
import byok_prereqs
vector = json.load(open(sys.argv[1]))
options = vector.get("options", {})
report = byok_prereqs.evaluate(vector["facts"], skip=options.get("skip"),
                               fail_on=options.get("fail_on"), now=options.get("now"))
assert report == json.load(open(sys.argv[2])), "report differs"
print(sys.version_info[:2])
"""


def interpreters():
    """Find CPython 3.10 and later: pyenv's versions and python3.X on PATH, one per version."""
    candidates = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/bin/python3")))
    candidates += [shutil.which(f"python3.{minor}") for minor in range(10, 15)]
    found = {}
    for candidate in filter(None, candidates):
        try:
            completed = subprocess.run(
                [candidate, "-c", "import sys; print(sys.version_info[0], sys.version_info[1])"],
                capture_output=True, text=True, timeout=30, check=True)
        except (OSError, subprocess.SubprocessError):
            continue
        version = tuple(int(part) for part in completed.stdout.split())
        if version >= (3, 10):
            found.setdefault(version, candidate)
    return [found[version] for version in sorted(found)] or [sys.executable]


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wheel")
    with zipfile.ZipFile(built_wheel("core", "*.whl")) as wheel:
        wheel.extractall(folder)
    return folder


@pytest.mark.parametrize("python", interpreters())
def test_wheel_runs_on_interpreter(python, unpacked_wheel):
    completed = subprocess.run([python, "-c", CHECK_SCRIPT, str(VECTOR), str(REPORT)],
                               env={"PYTHONPATH": str(unpacked_wheel), "PATH": os.environ["PATH"]},
                               capture_output=True, text=True, timeout=60, check=False)

    assert completed.returncode == 0, completed.stderr
