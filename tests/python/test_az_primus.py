"""`az byok prereqs` running the Primus Tools stand-in and java for real: output, timeouts,
crashes, garbage and a missing java."""

import json
import time

import pytest

from conftest import requires_readers


@pytest.fixture
def password_file(tmp_path):
    path = tmp_path / "partition.pw"
    path.write_text("ABCDE-FGHIJ-KLMNO-PQRST-UVWXY\n")
    path.chmod(0o600)
    return path


def primus_args(jar, password_file, host="hsm.test", *extra):
    return ["byok", "prereqs", "--offline", "--hsm-service", "primus",
            "--key-type", "EC", "--curve", "P-256", "--primus-tools", jar,
            "--hsm-host", host, "--hsm-port", "2300", "--hsm-user", "PART001",
            "--hsm-password-file", password_file, "--key-name", "myPrimusByoK", *extra]


@requires_readers
def test_standin_outputs_become_facts(az, standin_jar, password_file):
    result = az(*primus_args(standin_jar, password_file))

    firmware = result.check("hsm.firmware")
    assert firmware["status"] == "pass"
    assert "RX-2.11.2-T" in firmware["observed"]
    assert result.check("tools.primus-tools")["status"] == "pass"
    assert result.check("hsm.target-key-flags")["status"] == "pass"
    assert result.check("tools.java")["status"] == "pass"


def test_standin_gets_password_as_file(az, standin_jar, password_file, tmp_path):
    log = tmp_path / "standin.log"

    az(*primus_args(standin_jar, password_file), env={"STANDIN_LOG": str(log)})

    calls = [line.split("\x1f") for line in log.read_text().splitlines()]
    commands = sorted(call[0] for call in calls)
    assert commands == ["AzureByokExport", "GetDeviceInfo", "ListKeyFlags"]
    for call in calls:
        if "-password" in call:
            assert call[call.index("-password") + 1] == f"file:{password_file}"


def test_hanging_tool_times_out(az, standin_jar, password_file):
    started = time.monotonic()

    result = az(*primus_args(standin_jar, password_file, "hang.test", "--timeout", "3"))

    elapsed = time.monotonic() - started
    message = result.check("tools.primus-tools")["message"] + result.check("hsm.firmware")["message"]
    assert "GetDeviceInfo did not answer within 3 s" in message
    assert elapsed < 60
    assert "Traceback" not in result.stderr


def test_crashing_tool_quotes_exception(az, standin_jar, password_file):
    result = az(*primus_args(standin_jar, password_file, "crash.test"))

    firmware = result.check("hsm.firmware")
    assert firmware["status"] == "unknown"
    assert "GetDeviceInfo failed with exit code 1" in firmware["message"]
    assert "IllegalStateException" in firmware["message"]
    flags = result.check("hsm.target-key-flags")
    assert "ListKeyFlags failed with exit code 1" in flags["message"]


def test_refused_connection_quotes_cause(az, standin_jar, password_file):
    result = az(*primus_args(standin_jar, password_file, "refused.test"))

    assert "java.net.ConnectException" in result.check("hsm.firmware")["message"]


def test_garbage_output_is_unreadable(az, standin_jar, password_file):
    result = az(*primus_args(standin_jar, password_file, "garbage.test"))

    firmware = result.check("hsm.firmware")
    assert firmware["status"] == "unknown"
    assert "the output of GetDeviceInfo could not be read" in firmware["message"]


def test_flooding_tool_is_bounded(az, standin_jar, password_file):
    result = az(*primus_args(standin_jar, password_file, "flood.test"))

    assert result.code in (4, 5)
    assert result.check("hsm.firmware")["status"] == "unknown"


@requires_readers
def test_old_primus_tools_lacks_command(az, standin_jar, password_file):
    result = az(*primus_args(standin_jar, password_file), env={"STANDIN_MODE": "old"})

    assert result.check("tools.primus-tools")["status"] == "fail"


def test_java_not_on_path_fails_java_check(az, standin_jar, password_file, tmp_path):
    # az runs from its virtual environment by absolute path, so an empty PATH hides only java.
    empty_folder = tmp_path / "no-java"
    empty_folder.mkdir()

    result = az(*primus_args(standin_jar, password_file), env={"PATH": str(empty_folder)})

    java = result.check("tools.java")
    assert java["status"] == "fail"
    assert "Java was not found" in java["message"]
    assert "could not start" in result.check("hsm.firmware")["message"]


def test_missing_java_path_is_usage_error(az, standin_jar, password_file):
    result = az(*primus_args(standin_jar, password_file, "hsm.test", "--java",
                             "/nonexistent/bin/java"))

    assert result.code == 1
    assert "--java '/nonexistent/bin/java': file not found" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_incomplete_connection_is_explained(az, standin_jar):
    result = az("byok", "prereqs", "--offline", "--key-type", "EC", "--curve", "P-384",
                "--primus-tools", standin_jar, "--hsm-host", "hsm.test")

    message = result.check("hsm.firmware")["message"]
    assert "GetDeviceInfo was not run" in message
    assert "--hsm-password-file" in message


def test_tool_calls_run_concurrently(az, standin_jar, password_file, tmp_path):
    exported = tmp_path / "facts.json"
    started = time.monotonic()

    # GetDeviceInfo, ListKeyFlags and AzureByokExport -help all hang for the whole timeout.
    az(*primus_args(standin_jar, password_file, "hang.test", "--timeout", "4",
                    "--export-facts", exported),
       env={"STANDIN_MODE": "hang"})

    elapsed = time.monotonic() - started
    reasons = json.loads(exported.read_text())["unavailable"]
    assert reasons["hsm.firmware"] == "GetDeviceInfo did not answer within 4 s"
    assert reasons["hsm.target_key"] == "ListKeyFlags did not answer within 4 s"
    assert (reasons["tools.azure_byok_export_available"]
            == "AzureByokExport -help did not answer within 4 s")
    # One after the other they would take at least 12 s.
    assert elapsed < 10
