"""`az byok prereqs` in a real Azure CLI, with no Azure calls: examples, bundles, output,
exit codes and argument errors."""

import json

import pytest

from conftest import (
    EXAMPLES,
    EXIT_INCOMPLETE,
    EXIT_NOT_READY,
    EXIT_READY,
    ROOT,
    requires_readers,
    table_rows,
)

EXAMPLE_ARGS = [
    "--offline", "--hsm-service", "primus", "--key-type", "RSA", "--key-size", "4096",
    "--device-info", EXAMPLES / "getdeviceinfo.txt",
    "--hsm-config", EXAMPLES / "hsm-security-config-reference.xml", "--partition", "PART001",
    "--key-flags", EXAMPLES / "listkeyflags.txt",
]


def ready_bundle(tmp_path):
    """A facts bundle in which every check passes: the shared ready vector, permanent secret
    fetched so the setup password cannot expire."""
    vector = json.loads((ROOT / "tests" / "vectors" / "ready-keyvault-primus-rsa.json")
                        .read_text())
    facts = vector["facts"]
    facts["hsm"]["permanent_secret_fetched"] = {"value": True, "source": "entered by user"}
    facts["azure"]["kek"].pop("expires", None)
    path = tmp_path / "ready.json"
    path.write_text(json.dumps(facts))
    return path


def test_offline_example_reports_azure_unknown(az):
    result = az("byok", "prereqs", *EXAMPLE_ARGS)

    assert result.code in (EXIT_NOT_READY, EXIT_INCOMPLETE), result.stderr
    login = result.check("azure.login")
    assert login["status"] == "unknown"
    assert "--offline" in login["message"]
    assert "az login" in login["message"]
    assert result.check("azure.cli.version")["status"] == "pass"
    assert result.unrecorded() == []


@requires_readers
def test_offline_example_reads_hsm_files(az):
    result = az("byok", "prereqs", *EXAMPLE_ARGS)

    assert result.code == EXIT_NOT_READY
    export = result.check("hsm.key-export")
    assert export["status"] == "fail"
    assert export["remediation"]["console"]
    assert result.check("hsm.jce.device")["status"] == "pass"
    assert result.check("hsm.target-key-flags")["status"] == "pass"


def test_ready_bundle_exits_zero(az, tmp_path):
    result = az("byok", "prereqs", "--offline", "--facts", ready_bundle(tmp_path))

    assert result.code == EXIT_READY, result.stdout + result.stderr
    assert result.report["verdict"] == "ready"


def test_fail_on_unknown_exits_not_ready(az):
    result = az("byok", "prereqs", "--offline", "--fail-on", "fail", "unknown")

    assert result.code == EXIT_NOT_READY
    assert result.report["verdict"] == "not-ready"
    assert result.report["fail_on"] == ["fail", "unknown"]


def test_incomplete_exits_five(az):
    result = az("byok", "prereqs", "--offline", "--skip", "azure.cli.version")

    assert result.code == EXIT_INCOMPLETE
    assert result.report["verdict"] == "incomplete"
    assert result.check("azure.cli.version")["status"] == "skipped"


def test_export_and_reuse_facts(az, tmp_path):
    exported = tmp_path / "hsm-facts.json"

    first = az("byok", "prereqs", "--offline", "--hsm-service", "cloudhsm",
               "--key-type", "EC", "--curve", "P-256", "--export-facts", exported)
    second = az("byok", "prereqs", "--offline", "--facts", exported)

    assert first.code in (EXIT_NOT_READY, EXIT_INCOMPLETE)
    facts = json.loads(exported.read_text())
    assert facts["context"]["hsm_service"]["value"] == "cloudhsm"
    assert facts["unavailable"]["azure.logged_in"]
    assert second.report["context"]["curve"] == "P-256"
    assert second.report["context"]["hsm_service"] == "cloudhsm"


def test_bundle_conflict_warns(az, tmp_path):
    bundle = tmp_path / "bundle.json"
    bundle.write_text(json.dumps({"schema_version": 1, "context": {
        "key_type": {"value": "EC", "source": "browser page"}}}))

    result = az("byok", "prereqs", "--offline", "--facts", bundle, "--key-type", "RSA",
                "--key-size", "2048")

    assert result.report["context"]["key_type"] == "RSA"
    assert "context.key_type" in result.stderr
    assert "replaces" in result.stderr


@pytest.mark.parametrize("output, marker", [
    ("table", "azure.login"), ("tsv", "incomplete"), ("yaml", "verdict:"),
    ("jsonc", "verdict"),
])
def test_output_formats(az, output, marker):
    result = az("byok", "prereqs", "--offline", "--output", output)

    assert result.code in (EXIT_NOT_READY, EXIT_INCOMPLETE)
    assert marker in result.stdout


def test_table_shows_checklist(az):
    result = az("byok", "prereqs", "--offline", "--output", "table")

    header = result.stdout.splitlines()[0]
    assert header.split() == ["Status", "Check", "Observed", "Message", "Fix"]
    assert "[?] unknown" in result.stdout


def test_table_fix_gives_both_hsm_ways(az):
    result = az("byok", "prereqs", "--offline", "--output", "table",
                "--hsm-config", str(EXAMPLES / "hsm-security-config-reference.xml"),
                "--partition", "PART001")

    fix = table_rows(result.stdout)["hsm.key-export"]["Fix"]
    assert "LC display: SETUP → CONFIGURATION → SECURITY → USER SECURITY → KEY EXPORT" in fix
    assert "Console: hsm_sec_enter_user_config; hsm_user_set_config key_export=true" in fix


def test_query_selects_fields(az):
    result = az("byok", "prereqs", "--offline", "--query", "checks[?status=='unknown'].id")

    ids = json.loads(result.stdout)
    assert "azure.login" in ids
    assert "azure.cli.version" not in ids


def test_help_lists_examples_and_exit_codes(az):
    result = az("byok", "prereqs", "--help")

    assert result.code == 0
    assert result.stdout.count("az byok prereqs") >= 4
    assert "Exit codes: 0 ready; 4 not ready" in result.stdout
    assert "--hsm-password-file" in result.stdout


@pytest.mark.parametrize("args, expected", [
    (["--vault-name", "a", "--hsm-name", "b"], "mutually exclusive"),
    (["--kek-name", "KEK"], "--kek-name needs --vault-name or --hsm-name"),
    (["--kek-id", "contoso-kv/KEK"], "not a key identifier URL"),
    (["--device-info", "/nonexistent/info.txt"], "file not found"),
    (["--hsm-port", "70000"], "--hsm-port 70000 is invalid"),
    (["--timeout", "0"], "--timeout 0 is invalid"),
    (["--partition", "PART001"], "--hsm-config is missing"),
    (["--key-type", "RSA", "--curve", "P-256"], "--curve applies to EC keys"),
    (["--hsm-host=-password"], "Primus Tools would read it as an option"),
])
def test_invalid_arguments_fail_without_traceback(az, args, expected):
    result = az("byok", "prereqs", "--offline", *args)

    assert result.code not in (EXIT_READY, EXIT_NOT_READY, EXIT_INCOMPLETE)
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_unknown_choice_is_usage_error(az):
    result = az("byok", "prereqs", "--key-type", "DSA")

    assert result.code == 2
    assert "DSA" in result.stderr


def test_unknown_skip_id_is_error(az):
    result = az("byok", "prereqs", "--offline", "--skip", "no.such.check")

    assert result.code == 1
    assert "unknown check id 'no.such.check'" in result.stderr
    assert "azure.cli.version" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_bundle_is_error(az, tmp_path):
    bundle = tmp_path / "bundle.json"
    bundle.write_text('{"schema_version": 7}')

    result = az("byok", "prereqs", "--offline", "--facts", bundle)

    assert result.code == 1
    assert "schema_version: unsupported value 7" in result.stderr
    assert "--export-facts" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_saved_output_makes_unknown(az, tmp_path):
    garbage = tmp_path / "info.txt"
    garbage.write_text("%%%% nothing a tool prints %%%%\n")

    result = az("byok", "prereqs", "--offline", "--key-type", "EC", "--curve", "P-256",
                "--device-info", garbage)

    firmware = result.check("hsm.firmware")
    assert firmware["status"] == "unknown"
    assert "--device-info 'info.txt' could not be read" in firmware["message"]
    assert "could not be read" in result.stderr


def test_missing_native_module_is_explained(az):
    result = az("byok", "prereqs", "--offline", remove_native=True)

    assert result.code == 1
    assert "byok_prereqs could not be loaded" in result.stderr
    assert "az extension add" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_native_module_keeps_az_working(az):
    version = az("version", remove_native=True)
    help_text = az("byok", "prereqs", "--help", remove_native=True)

    assert version.code == 0
    assert "azure-cli" in version.stdout
    assert help_text.code == 0


@requires_readers
def test_utf16_saved_output_is_read(az, tmp_path):
    saved = tmp_path / "getdeviceinfo-powershell.txt"
    text = (EXAMPLES / "getdeviceinfo.txt").read_text()
    saved.write_bytes(text.encode("utf-16"))

    result = az("byok", "prereqs", "--offline", "--key-type", "EC", "--curve", "P-256",
                "--device-info", saved)

    assert result.check("hsm.firmware")["status"] == "pass"


def test_oversized_saved_output_is_rejected(az, tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as stream:
        stream.truncate(32 * 1024 * 1024 + 1)

    result = az("byok", "prereqs", "--offline", "--device-info", big)

    assert result.code == 1
    assert "larger than the limit of 33554432 bytes" in result.stderr
    assert "Traceback" not in result.stderr


def test_unavailable_reason_reads_as_one_sentence(az, tmp_path):
    garbage = tmp_path / "flags.txt"
    garbage.write_text("garbage\n")

    result = az("byok", "prereqs", "--offline", "--key-flags", garbage)

    assert ".." not in result.check("hsm.target-key-flags")["message"]
