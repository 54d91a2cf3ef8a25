"""Planted secrets (password files, the XML pkcs_password) appear in no output of any
command, including errors, --debug and exported facts."""

import os

import pytest

from conftest import EXAMPLES

PARTITION_SECRET = "Pl4nt-3dPar-tition-Secr3-tXYZW"
PROXY_SECRET = "Pr0xy-Pl4nt-edSec-retQQ-RSTUV"
XML_SECRET = "PRIMUSDEV"


@pytest.fixture
def secret_files(tmp_path):
    partition = tmp_path / "partition.pw"
    partition.write_text(PARTITION_SECRET + "\n")
    proxy = tmp_path / "proxy.pw"
    proxy.write_text(PROXY_SECRET + "\n")
    for path in (partition, proxy):
        path.chmod(0o600)
    return partition, proxy


def assert_no_secret(*texts):
    for text in texts:
        for secret in (PARTITION_SECRET, PROXY_SECRET, XML_SECRET):
            assert secret not in text


@pytest.mark.parametrize("host", ["hsm.test", "crash.test", "garbage.test", "refused.test"])
@pytest.mark.parametrize("debug", [[], ["--debug"]])
def test_no_secret_in_any_output(az, standin_jar, secret_files, tmp_path, host, debug):
    partition, proxy = secret_files
    exported = tmp_path / "facts.json"

    result = az("byok", "prereqs", "--offline", "--hsm-service", "cloudhsm",
                "--key-type", "RSA", "--key-size", "2048", "--primus-tools", standin_jar,
                "--hsm-host", host, "--hsm-user", "PART001", "--hsm-password-file", partition,
                "--hsm-proxy-user", "proxy", "--hsm-proxy-password-file", proxy,
                "--key-name", "myPrimusByoK",
                "--hsm-config", EXAMPLES / "hsm-security-config-reference.xml",
                "--partition", "PART001", "--export-facts", exported, *debug,
                env={"BYOK_WATCH_FILES": os.pathsep.join(map(str, secret_files))})

    assert result.code in (4, 5)
    assert_no_secret(result.stdout, result.stderr, exported.read_text())
    assert [line for line in result.playback if line.startswith("OPENED")] == []


def test_file_watch_sees_opened_files(az, secret_files):
    partition, _ = secret_files

    # The watch itself works: a password file given as a saved output is opened and logged.
    result = az("byok", "prereqs", "--offline", "--device-info", partition,
                env={"BYOK_WATCH_FILES": str(partition)})

    assert f"OPENED {os.path.realpath(partition)}" in result.playback


@pytest.mark.parametrize("output", ["table", "tsv", "yaml"])
def test_no_secret_in_other_formats(az, secret_files, output):
    partition, _ = secret_files

    result = az("byok", "prereqs", "--offline", "--hsm-host", "hsm.test", "--hsm-user", "P",
                "--hsm-password-file", partition,
                "--hsm-config", EXAMPLES / "hsm-security-config-reference.xml",
                "--output", output)

    assert_no_secret(result.stdout, result.stderr)


def test_no_secret_in_errors(az, secret_files):
    partition, _ = secret_files

    # A usage error after the password file was given, with --debug.
    result = az("byok", "prereqs", "--offline", "--hsm-password-file", partition,
                "--hsm-port", "0", "--debug")

    assert result.code not in (0, 4, 5)
    assert_no_secret(result.stdout, result.stderr)


def test_password_file_given_as_xml_is_not_echoed(az, secret_files):
    partition, _ = secret_files

    # The wrong file as a saved output: the reader's error must not quote its content.
    result = az("byok", "prereqs", "--offline", "--device-info", partition, "--debug")

    assert_no_secret(result.stdout, result.stderr)
