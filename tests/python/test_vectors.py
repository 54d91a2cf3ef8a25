"""Every shared vector, evaluated through the Python API, gives the core's report."""

import json
from pathlib import Path

import byok_prereqs
import pytest

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
VECTOR_FILES = sorted(VECTORS.glob("*.json"))


def test_vectors_exist():
    assert VECTOR_FILES, f"no vectors in {VECTORS}"


@pytest.mark.parametrize("path", VECTOR_FILES, ids=[path.stem for path in VECTOR_FILES])
def test_vector(path):
    vector = json.loads(path.read_text(encoding="utf-8"))
    options = vector.get("options", {})

    report = byok_prereqs.evaluate(vector["facts"], skip=options.get("skip"),
                                   fail_on=options.get("fail_on"), now=options.get("now"))

    expected = vector["expected"]
    assert report["verdict"] == expected["verdict"]
    statuses = {check["id"]: check["status"] for check in report["checks"]}
    assert statuses == expected["checks"]
    report_file = VECTORS / "reports" / f"{path.stem}.report.json"
    assert report == json.loads(report_file.read_text(encoding="utf-8"))
