"""`az byok prereqs` arguments: partition choice, entered facts, repeated files, CLI hints,
the table layout and the messages for bad paths. No Azure calls."""

import json
import re

import pytest

from conftest import CASES, EXAMPLES, EXIT_NOT_READY, requires_readers, table_rows

REFERENCE_XML = EXAMPLES / "hsm-security-config-reference.xml"


@pytest.fixture
def two_partitions(tmp_path):
    """The reference configuration with a second partition, PART002, that allows Key Export
    and Key Extract (PART001 allows neither)."""
    text = REFERENCE_XML.read_text()
    part001 = re.search(r"\t\t<crypto_user .*?</crypto_user>\n", text, re.DOTALL).group(0)
    part002 = (part001.replace("<user_name>PART001<", "<user_name>PART002<")
               .replace("<export_keys>disabled<", "<export_keys>enabled<")
               .replace("<extract_keys>disabled<", "<extract_keys>enabled<"))
    path = tmp_path / "two-partitions.xml"
    path.write_text(text.replace(part001, part001 + part002))
    return path


def assert_usage_error(result, expected):
    assert result.code == 1
    assert expected in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_partition_conflicting_hsm_user_rejected(az, two_partitions):
    result = az("byok", "prereqs", "--offline", "--hsm-config", two_partitions,
                "--partition", "PART002", "--hsm-user", "PART001")

    assert_usage_error(result, "--partition 'PART002' and --hsm-user 'PART001' name different "
                               "partitions")


@requires_readers
def test_hsm_user_chooses_partition(az, two_partitions):
    result = az("byok", "prereqs", "--offline", "--hsm-service", "primus",
                "--hsm-config", two_partitions, "--hsm-user", "PART002")

    export = result.check("hsm.key-export")
    assert export["status"] == "pass"
    assert "PART002" in export["message"]
    assert result.check("hsm.key-extract")["status"] == "pass"
    assert "replaces" not in result.stderr


@requires_readers
def test_same_partition_and_hsm_user_accepted(az, two_partitions):
    result = az("byok", "prereqs", "--offline", "--hsm-service", "primus",
                "--hsm-config", two_partitions, "--hsm-user", "PART001",
                "--partition", "PART001")

    assert result.check("hsm.key-export")["status"] == "fail"
    assert "PART001" in result.check("hsm.key-export")["message"]


def test_help_says_hsm_user_chooses_partition(az):
    result = az("byok", "prereqs", "--help")

    # Help text wraps at spaces and hyphens, so compare words only.
    text = " ".join(result.stdout.split())
    assert "no --partition, also the partition read from the security configuration" in text


@requires_readers
def test_unknown_partition_keeps_device_settings(az, two_partitions):
    result = az("byok", "prereqs", "--offline", "--hsm-service", "primus",
                "--hsm-config", two_partitions, "--partition", "NOPE")

    assert result.check("hsm.jce.device")["status"] == "pass"
    export = result.check("hsm.key-export")
    assert export["status"] == "unknown"
    assert "partition 'NOPE' is not in this security configuration" in export["message"]
    assert "PART001, PART002" in export["message"]


def test_setup_password_local_time_to_utc(az, tmp_path):
    exported = tmp_path / "facts.json"

    # POSIX TZ "UTC-2" is two hours east of UTC.
    az("byok", "prereqs", "--offline", "--setup-password-issued-at", "2026-01-15 10:30",
       "--export-facts", exported, env={"TZ": "UTC-2"})

    issued = json.loads(exported.read_text())["hsm"]["setup_password_issued_at"]
    assert issued == {"value": "2026-01-15T08:30:00Z", "source": "entered by user"}


def test_setup_password_rfc3339_offset(az, tmp_path):
    exported = tmp_path / "facts.json"

    result = az("byok", "prereqs", "--offline", "--hsm-service", "primus",
                "--setup-password-issued-at", "2026-01-15T10:30:00.5+01:00",
                "--export-facts", exported)

    issued = json.loads(exported.read_text())["hsm"]["setup_password_issued_at"]
    assert issued["value"] == "2026-01-15T09:30:00Z"
    # Issued months ago, with the Primus HSM default lifespan of 72 hours.
    assert result.check("hsm.setup-password")["status"] == "fail"


@pytest.mark.parametrize("value, expected", [
    ("yesterday", "'yesterday' is not a valid time"),
    ("2026-13-01 10:00", "'2026-13-01 10:00' is not a valid time"),
    ("2026-01-15T10:30", "'2026-01-15T10:30' is not a valid time"),
    ("2999-01-01T00:00:00Z", "is in the future"),
])
def test_setup_password_invalid_time_rejected(az, value, expected):
    result = az("byok", "prereqs", "--offline", "--setup-password-issued-at", value)

    assert_usage_error(result, expected)
    assert "2026-01-31T09:30:00Z" in result.stderr


def test_permanent_secret_fetched_passes(az):
    result = az("byok", "prereqs", "--offline", "--permanent-secret-fetched", "true")

    check = result.check("hsm.setup-password")
    assert check["status"] == "pass"
    assert {"fact": "hsm.permanent_secret_fetched", "source": "entered by user"} \
        in check["evidence"]


def test_permanent_secret_choice_checked(az):
    result = az("byok", "prereqs", "--offline", "--permanent-secret-fetched", "maybe")

    assert result.code == 2
    assert "maybe" in result.stderr


@requires_readers
def test_several_device_info_files_merged(az):
    lc_display = CASES / "securosys" / "002-lcd-display-primus-hsm-x-V2.8.46.txt"

    result = az("byok", "prereqs", "--offline", "--key-type", "EC", "--curve", "P-256",
                "--device-info", EXAMPLES / "getdeviceinfo.txt", "--device-info", lc_display)

    firmware = result.check("hsm.firmware")
    assert firmware["observed"] == "V2.8.46"
    assert result.check("tools.primus-tools")["status"] != "unknown"
    assert "hsm.firmware: \"V2.8.46\"" in result.stderr
    assert "replaces \"RX-2.11.2-T\"" in result.stderr


@requires_readers
def test_device_info_files_after_one_option(az):
    lc_display = CASES / "securosys" / "002-lcd-display-primus-hsm-x-V2.8.46.txt"

    result = az("byok", "prereqs", "--offline", "--key-type", "EC", "--curve", "P-256",
                "--device-info", lc_display, EXAMPLES / "getdeviceinfo.txt")

    assert result.check("hsm.firmware")["observed"] == "RX-2.11.2-T"


@pytest.mark.parametrize("option", ["--key-flags", "--hsm-config", "--byok-file", "--facts"])
def test_repeated_single_file_rejected(az, tmp_path, option):
    first = tmp_path / "first.txt"
    second = tmp_path / "second.txt"
    for path in (first, second):
        path.write_text("x\n")

    result = az("byok", "prereqs", "--offline", option, first, option, second)

    assert_usage_error(result, f"{option} was given 2 times")
    assert "first.txt" in result.stderr
    assert "second.txt" in result.stderr


def test_cli_hints_name_arguments(az):
    result = az("byok", "prereqs", "--offline", "--vault-name", "contoso-kv")

    hints = result.report["cli_hints"]
    assert "--key-flags FILE" in hints["hsm.target-key-flags"]
    assert "--primus-tools JAR" in hints["hsm.target-key-flags"]
    assert "--device-info FILE" in hints["tools.primus-tools"]
    assert hints["tools.primus-tools"].count("--primus-tools JAR") == 1
    assert "--java PATH" in hints["tools.java"]
    assert "--setup-password-issued-at TIME" in hints["hsm.setup-password"]
    assert "--permanent-secret-fetched true" in hints["hsm.setup-password"]
    assert "--key-type RSA|EC|oct" in hints["azure.key-type"]
    assert "run without --offline" in hints["azure.vault.sku"]
    assert "--kek-name NAME" in hints["azure.kek"]
    assert "azure.cli.version" not in hints


def test_cli_hints_only_for_unknown(az, tmp_path):
    result = az("byok", "prereqs", "--offline", "--permanent-secret-fetched", "true")

    report = result.report
    unknown = {check["id"] for check in report["checks"] if check["status"] == "unknown"}
    assert set(report["cli_hints"]) <= unknown
    assert "hsm.setup-password" not in report["cli_hints"]


def test_table_fix_shows_cli_hint(az):
    result = az("byok", "prereqs", "--offline", "--output", "table")

    rows = table_rows(result.stdout)
    assert "Give --java PATH or --primus-tools JAR." in rows["tools.java"]["Fix"]
    assert "--device-info FILE" in rows["hsm.firmware"]["Fix"]


def test_table_fits_120_columns(az):
    result = az("byok", "prereqs", *[
        "--offline", "--hsm-service", "primus", "--key-type", "RSA", "--key-size", "4096",
        "--device-info", EXAMPLES / "getdeviceinfo.txt", "--hsm-config", REFERENCE_XML,
        "--key-flags", EXAMPLES / "listkeyflags.txt", "--output", "table"])

    widths = [len(line) for line in result.stdout.splitlines()]
    assert max(widths) <= 120
    rows = table_rows(result.stdout)
    assert len(rows) == len(json.loads(az("byok", "prereqs", "--offline").stdout)["checks"])
    assert "--output json" in result.stderr


def test_table_message_is_first_sentence(az):
    result = az("byok", "prereqs", "--offline", "--output", "table")

    message = table_rows(result.stdout)["tools.java"]["Message"]
    assert message == "The Java version is not known."


def test_help_gives_tsv_query(az):
    result = az("byok", "prereqs", "--help")

    text = " ".join(result.stdout.split())
    assert "--query \"checks[?status!='pass'].[id, status]\" --output tsv" in text


def test_tsv_query_prints_one_line_per_check(az):
    result = az("byok", "prereqs", "--offline", "--query", "checks[?status!='pass'].[id, status]",
                "--output", "tsv")

    lines = result.stdout.splitlines()
    assert "azure.login\tunknown" in lines
    assert all(len(line.split("\t")) == 2 for line in lines)


def test_directory_for_file_named(az, tmp_path):
    result = az("byok", "prereqs", "--offline", "--device-info", tmp_path)

    assert_usage_error(result, "is a directory, not a file")


def test_empty_saved_output_says_empty(az, tmp_path):
    empty = tmp_path / "info.txt"
    empty.write_text("")

    result = az("byok", "prereqs", "--offline", "--device-info", empty)

    message = result.check("hsm.firmware")["message"]
    assert "--device-info 'info.txt' could not be read: the file is empty" in message
    assert "paste" not in message


def test_empty_bundle_is_error(az, tmp_path):
    empty = tmp_path / "facts.json"
    empty.write_text("\n\n")

    result = az("byok", "prereqs", "--offline", "--facts", empty)

    assert_usage_error(result, "the file contains only white space")


@pytest.mark.parametrize("option", ["--hsm-password-file", "--hsm-proxy-password-file"])
def test_password_file_value_not_echoed(az, option):
    typed = "ZqTypedPw!991"

    result = az("byok", "prereqs", "--offline", option, typed)

    assert_usage_error(result, f"The file named by {option} was not found")
    assert typed not in result.stderr


@requires_readers
def test_kek_id_offline_matches_byok_file(az):
    byok_file = CASES / "securosys" / "005-byok-file-generator-GRIMSEL-RX-2.9.0-T.json"
    kid = "https://contoso-kv.vault.azure.net/keys/KEKforBYOK/0123456789abcdef"

    result = az("byok", "prereqs", "--offline", "--kek-id", kid, "--byok-file", byok_file)

    check = result.check("byok.file")
    assert check["status"] == "fail"
    assert "but the KEK is 'KEKforBYOK'" in check["message"]
    assert result.code == EXIT_NOT_READY


@requires_readers
def test_hsm_user_case_differs_without_warning(az):
    result = az("byok", "prereqs", "--offline", "--hsm-service", "primus",
                "--hsm-config", REFERENCE_XML, "--hsm-user", "part001")

    assert result.check("hsm.key-export")["status"] == "fail"
    assert "hsm.partition" not in result.stderr
