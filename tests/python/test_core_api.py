"""The Python API of the core: functions, typed errors, merging, rendering, catalogue."""

import importlib.metadata
import json

import byok_prereqs
import pytest

from conftest import CASES, EXAMPLES, requires_readers

MINIMAL = {"schema_version": 1,
           "context": {"target": {"value": "key-vault", "source": "entered by user"}},
           "azure": {"vault_sku": {"value": "standard", "source": "az keyvault show"}}}


def test_evaluate_returns_report_dict():
    report = byok_prereqs.evaluate(MINIMAL)

    assert report["verdict"] == "not-ready"
    assert report["schema_version"] == byok_prereqs.REPORT_SCHEMA_VERSION
    assert [check["id"] for check in report["checks"]] == list(byok_prereqs.CHECK_IDS)


def test_evaluate_accepts_json_text():
    assert byok_prereqs.evaluate(json.dumps(MINIMAL)) == byok_prereqs.evaluate(MINIMAL)


def test_evaluate_skip_and_fail_on():
    report = byok_prereqs.evaluate(MINIMAL, skip=["azure.vault.sku"], fail_on=["unknown"])

    sku = next(check for check in report["checks"] if check["id"] == "azure.vault.sku")
    assert sku["status"] == "skipped"
    # The core always adds fail, so fail_on cannot hide a failing check.
    assert report["fail_on"] == ["fail", "unknown"]
    assert report["verdict"] == "not-ready"


@pytest.mark.parametrize("facts, error_class, code", [
    ({"schema_version": 2}, byok_prereqs.UnsupportedSchemaError, "unsupported-schema"),
    ({"schema_version": 1, "azure": {"vault_sku": {"value": 3}}},
     byok_prereqs.InvalidFactsError, "invalid-facts"),
    ("{not json", byok_prereqs.InvalidFactsError, "invalid-facts"),
    ("x" * (4 * 1024 * 1024 + 1), byok_prereqs.InputTooLargeError, "input-too-large"),
])
def test_evaluate_raises_typed_errors(facts, error_class, code):
    with pytest.raises(error_class) as caught:
        byok_prereqs.evaluate(facts)

    assert caught.value.code == code
    assert error_class.code == code
    assert isinstance(caught.value, byok_prereqs.ByokError)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value)


def test_error_message_names_field():
    with pytest.raises(byok_prereqs.InvalidFactsError) as caught:
        byok_prereqs.evaluate({"schema_version": 1, "azure": {"vault_sku": {"value": 3}}})

    assert "azure.vault_sku" in str(caught.value)


def test_invalid_options_raise_invalid_option():
    for call in (lambda: byok_prereqs.evaluate(MINIMAL, skip=["no.such.check"]),
                 lambda: byok_prereqs.evaluate(MINIMAL, now="yesterday"),
                 lambda: byok_prereqs.evaluate(MINIMAL, fail_on=["sometimes"]),
                 lambda: byok_prereqs.parse_text("text", kind="no-such-kind"),
                 lambda: byok_prereqs.render(byok_prereqs.evaluate(MINIMAL), "pdf")):
        with pytest.raises(byok_prereqs.InvalidOptionError) as caught:
            call()
        assert caught.value.code == "invalid-option"


def test_unsupported_python_types_raise_type_error():
    with pytest.raises(TypeError):
        byok_prereqs.evaluate({"schema_version": 1, "context": {1: "x"}})
    with pytest.raises(TypeError):
        byok_prereqs.evaluate({"schema_version": 1, "context": object()})


def test_self_referencing_facts_raise():
    facts = {"schema_version": 1}
    facts["context"] = facts

    with pytest.raises(ValueError):
        byok_prereqs.evaluate(facts)


def test_merge_facts_reports_replaced():
    base = {"schema_version": 1,
            "hsm": {"firmware": {"value": "RX-2.8.46", "source": "HSM LC display"}}}
    update = {"schema_version": 1,
              "hsm": {"firmware": {"value": "RX-2.11.2-T", "source": "Primus Tools GetDeviceInfo"},
                      "device_name": {"value": "PRIMUS-HSM", "source": "Primus Tools GetDeviceInfo"}}}

    merged, replaced = byok_prereqs.merge_facts(base, update)

    assert merged["hsm"]["firmware"]["value"] == "RX-2.11.2-T"
    assert merged["hsm"]["device_name"]["value"] == "PRIMUS-HSM"
    assert [change["path"] for change in replaced] == ["hsm.firmware"]
    assert replaced[0]["old"]["value"] == "RX-2.8.46"


def test_load_facts_normalizes():
    facts = byok_prereqs.load_facts({"schema_version": 1, "context": {}})

    assert facts == {"schema_version": 1}


@pytest.mark.parametrize("format_name, marker", [
    ("json", '"verdict"'), ("text", "[x]"), ("markdown", "|"), ("md", "|"),
    ("junit", "<testsuite"),
])
def test_render_formats(format_name, marker):
    output = byok_prereqs.render(byok_prereqs.evaluate(MINIMAL), format_name)

    assert marker in output


def test_render_rejects_non_report():
    with pytest.raises(ValueError):
        byok_prereqs.render({"verdict": "ready"})


def test_rules_match_check_ids():
    rules = byok_prereqs.rules()

    assert tuple(rule["id"] for rule in rules) == byok_prereqs.CHECK_IDS
    assert all(rule["remediation"]["summary"] for rule in rules)


def test_module_constants():
    assert byok_prereqs.FACTS_SCHEMA_VERSION == 1
    assert "primus-device-info" in byok_prereqs.INPUT_KINDS
    assert set(byok_prereqs.FORMATS) == {"json", "text", "markdown", "junit"}
    assert set(byok_prereqs.STATUSES) == {"pass", "warn", "fail", "unknown", "skipped"}


def test_parse_text_reads_facts_bundle():
    parsed = byok_prereqs.parse_text(json.dumps(MINIMAL), kind="facts")

    assert parsed["kind"] == "facts"
    assert parsed["facts"]["azure"]["vault_sku"]["value"] == "standard"


def test_parse_text_unrecognized_raises():
    with pytest.raises(byok_prereqs.UnrecognizedInputError) as caught:
        byok_prereqs.parse_text("nothing a tool prints")

    assert caught.value.code == "unrecognized-input"


@requires_readers
def test_parse_text_reads_device_info():
    parsed = byok_prereqs.parse_text((EXAMPLES / "getdeviceinfo.txt").read_text(),
                                     kind="primus-device-info")

    assert parsed["facts"]["hsm"]["firmware"]["value"].strip() == "RX-2.11.2-T"


@requires_readers
def test_parse_text_hides_pkcs_password():
    text = (CASES / "securosys" / "hsm-security-config-reference-v2.11.1.xml").read_text()

    parsed = byok_prereqs.parse_text(text, kind="hsm-security-config", partition="PART001")

    assert "PRIMUSDEV" not in json.dumps(parsed)
    assert parsed["facts"]["hsm"]["key_export"]["value"] is False


def test_module_has_docstring_and_version():
    assert "BYOK" in byok_prereqs.__doc__
    assert byok_prereqs.__version__ == importlib.metadata.version("byok-prereqs")
