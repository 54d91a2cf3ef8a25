"""Checks of the arguments of `az byok prereqs` before any fact is gathered."""

import os
import re
import shutil
from datetime import datetime, timedelta, timezone

from azure.cli.core.azclierror import (
    ArgumentUsageError,
    FileOperationError,
    InvalidArgumentValueError,
    MutuallyExclusiveArgumentError,
    RequiredArgumentMissingError,
)

from azext_byok._constants import DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS

# Arguments that name one file this command reads. The saved outputs among them are parsed
# with `action="append"`, so a repeat arrives as a list and is rejected here.
_INPUT_FILES = {
    "key_flags": "--key-flags",
    "hsm_config": "--hsm-config",
    "byok_file": "--byok-file",
    "facts_file": "--facts",
    "primus_tools": "--primus-tools",
}
_SINGLE_FILE_LISTS = ("key_flags", "hsm_config", "byok_file", "facts_file")

# A setup password issue time may lie this far ahead of this computer's clock, for clock skew
# between the HSM client and this computer (the core allows the same).
_MAX_CLOCK_SKEW = timedelta(minutes=5)

_RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")

# Password files are only checked for existence, never opened.
_PASSWORD_FILES = {
    "hsm_password_file": "--hsm-password-file",
    "hsm_proxy_password_file": "--hsm-proxy-password-file",
}


def validate_prereqs(namespace):
    _validate_target(namespace)
    _validate_key(namespace)
    _validate_repeats(namespace)
    _validate_partition(namespace)
    _validate_files(namespace)
    _validate_java(namespace)
    _validate_connection(namespace)
    _validate_setup_password(namespace)
    _validate_timeout(namespace)


def _validate_target(namespace):
    if namespace.vault_name and namespace.hsm_name:
        raise MutuallyExclusiveArgumentError(
            "--vault-name and --hsm-name are mutually exclusive: the key goes to one vault.",
            "Give --vault-name for a Key Vault or --hsm-name for a Managed HSM.")
    if namespace.resource_group_name and not (namespace.vault_name or namespace.hsm_name):
        raise RequiredArgumentMissingError(
            "--resource-group needs --vault-name or --hsm-name.",
            "Name the vault whose resource group this is.")
    if namespace.kek_name and namespace.kek_id:
        raise MutuallyExclusiveArgumentError(
            "--kek-name and --kek-id are mutually exclusive.",
            "Give the KEK's name with the vault, or its full key identifier URL.")
    if namespace.kek_name and not (namespace.vault_name or namespace.hsm_name):
        raise RequiredArgumentMissingError(
            "--kek-name needs --vault-name or --hsm-name.",
            "Name the vault that holds the KEK, or give --kek-id.")
    if namespace.kek_id:
        kek_id = namespace.kek_id.strip()
        if not kek_id.lower().startswith("https://") or "/keys/" not in kek_id.lower():
            raise InvalidArgumentValueError(
                f"--kek-id '{kek_id}' is not a key identifier URL.",
                "Give it as https://<vault>.vault.azure.net/keys/<name>/<version>, as "
                "`az keyvault key show --query key.kid` prints it.")


def _validate_key(namespace):
    if namespace.key_size is not None and namespace.key_size <= 0:
        raise InvalidArgumentValueError(
            f"--key-size {namespace.key_size} is invalid: the size is a positive number of bits.",
            "Give 2048, 3072 or 4096 for RSA, or 128, 192 or 256 for oct.")
    if namespace.curve and namespace.key_type not in (None, "EC"):
        raise InvalidArgumentValueError(
            f"--curve applies to EC keys, but --key-type is {namespace.key_type}.",
            "Remove --curve, or use --key-type EC.")
    if namespace.key_size is not None and namespace.key_type == "EC":
        raise InvalidArgumentValueError(
            "--key-size does not apply to EC keys: the curve sets the size.",
            "Give --curve P-256|P-384|P-521|P-256K instead.")


def _validate_repeats(namespace):
    """Flatten the --device-info files and reject a repeated single-file argument."""
    if namespace.device_info:
        namespace.device_info = [path for group in namespace.device_info for path in group]
    for attribute in _SINGLE_FILE_LISTS:
        paths = getattr(namespace, attribute)
        if not paths:
            continue
        if len(paths) > 1:
            option = _INPUT_FILES[attribute]
            raise ArgumentUsageError(
                f"{option} was given {len(paths)} times ({', '.join(repr(p) for p in paths)}), "
                "but it takes one file.",
                f"Give {option} once. Only --device-info takes several files.")
        setattr(namespace, attribute, paths[0])


def _validate_partition(namespace):
    """Choose the partition read from the security configuration.

    --hsm-user names the partition Primus Tools signs in to, so a different --partition would
    report one partition's policy under the other's name.
    """
    partition = namespace.partition
    user = namespace.hsm_user
    if partition and user and partition.strip().lower() != user.strip().lower():
        raise MutuallyExclusiveArgumentError(
            f"--partition '{partition}' and --hsm-user '{user}' name different partitions.",
            "Give the same partition to both, or leave --partition out: with --hsm-config, "
            "--hsm-user also chooses the partition read from the security configuration.")
    if partition and not namespace.hsm_config:
        raise RequiredArgumentMissingError(
            "--partition chooses a partition in a security configuration, but --hsm-config "
            "is missing.",
            "Give the XML file exported with hsm_sec_export_config with --hsm-config.")
    if not partition and user and namespace.hsm_config:
        namespace.partition = user


def _checked_file(path, option):
    """Return the expanded path of an existing file, or raise a message that names `option`."""
    expanded = os.path.expanduser(path)
    if os.path.isdir(expanded):
        raise FileOperationError(f"{option} '{path}' is a directory, not a file.",
                                 "Give the path of the file inside it.")
    if not os.path.isfile(expanded):
        raise FileOperationError(f"{option} '{path}': file not found.",
                                 "Check the path, or leave the argument out.")
    return expanded


def _validate_files(namespace):
    if namespace.device_info:
        namespace.device_info = [_checked_file(path, "--device-info")
                                 for path in namespace.device_info]
    for attribute, option in _INPUT_FILES.items():
        path = getattr(namespace, attribute, None)
        if path is not None:
            setattr(namespace, attribute, _checked_file(path, option))
    for attribute, option in _PASSWORD_FILES.items():
        path = getattr(namespace, attribute, None)
        if path is None:
            continue
        # The value is never shown: a user may have typed the password itself here.
        expanded = os.path.expanduser(path)
        if os.path.isdir(expanded):
            raise FileOperationError(f"The path given with {option} is a directory, not a file.",
                                     "Give the path of the file that contains the password.")
        if not os.path.isfile(expanded):
            raise FileOperationError(
                f"The file named by {option} was not found.",
                "Give the path of a file that contains the password, never the password itself.")
        setattr(namespace, attribute, expanded)
    if namespace.export_facts:
        path = os.path.expanduser(namespace.export_facts)
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise FileOperationError(
                f"--export-facts '{namespace.export_facts}': folder '{folder}' not found.",
                "Create the folder first, or write the file elsewhere.")
        namespace.export_facts = path


def _validate_java(namespace):
    """Resolve --java to an executable; a path the user named must exist."""
    if namespace.java is None:
        return
    java = os.path.expanduser(namespace.java)
    if os.sep in java or (os.altsep and os.altsep in java):
        if os.path.isdir(java):
            raise FileOperationError(f"--java '{namespace.java}' is a directory, not a file.",
                                     "Give the path of the java executable, such as "
                                     "/usr/lib/jvm/temurin-21-jre/bin/java.")
        if not os.path.isfile(java):
            raise FileOperationError(f"--java '{namespace.java}': file not found.",
                                     "Check the path, or leave --java out to use java on PATH.")
        if not os.access(java, os.X_OK):
            raise FileOperationError(f"--java '{namespace.java}' is not executable.",
                                     "Give the path of the java executable itself.")
        namespace.java = java
        return
    found = shutil.which(java)
    if found is None:
        raise FileOperationError(f"--java '{namespace.java}' was not found on PATH.",
                                 "Give the full path of the java executable.")
    namespace.java = found


def _validate_setup_password(namespace):
    """Convert --setup-password-issued-at to an RFC 3339 time in UTC."""
    text = namespace.setup_password_issued_at
    if text is None:
        return
    value = text.strip()
    example = ("Give an RFC 3339 time such as 2026-01-31T09:30:00Z or "
               "2026-01-31T10:30:00+01:00, or this computer's local time as "
               "'2026-01-31 10:30'.")
    try:
        if _RFC3339.match(value):
            # Python 3.10's fromisoformat reads neither "Z" nor every fraction length, and the
            # check needs whole seconds only.
            whole = re.sub(r"\.\d+", "", value).upper().replace("Z", "+00:00")
            moment = datetime.fromisoformat(whole)
        elif _LOCAL_TIME.match(value):
            # A naive time is local time, so astimezone applies this computer's UTC offset.
            moment = datetime.strptime(value, "%Y-%m-%d %H:%M").astimezone()
        else:
            raise ValueError("unrecognized form")
    except ValueError:
        raise InvalidArgumentValueError(
            f"--setup-password-issued-at '{text}' is not a valid time.", example) from None
    moment = moment.astimezone(timezone.utc)
    if moment > datetime.now(timezone.utc) + _MAX_CLOCK_SKEW:
        raise InvalidArgumentValueError(
            f"--setup-password-issued-at '{text}' is in the future "
            f"({moment.strftime('%Y-%m-%dT%H:%M:%SZ')}).",
            "Check the date and this computer's clock. " + example)
    namespace.setup_password_issued_at = moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# Values passed to Primus Tools as option values; one starting with "-" would read as an option.
_TOOL_VALUES = {
    "hsm_host": "--hsm-host",
    "hsm_user": "--hsm-user",
    "hsm_proxy_user": "--hsm-proxy-user",
    "key_name": "--key-name",
}


def _validate_connection(namespace):
    for attribute, option in _TOOL_VALUES.items():
        value = getattr(namespace, attribute, None)
        if value is not None and (not value.strip() or value.startswith("-")):
            raise InvalidArgumentValueError(
                f"{option} '{value}' is invalid: Primus Tools would read it as an option.",
                "Give the name without a leading '-'.")
    if namespace.hsm_port is not None and not 1 <= namespace.hsm_port <= 65535:
        raise InvalidArgumentValueError(
            f"--hsm-port {namespace.hsm_port} is invalid: a TCP port is 1 to 65535.",
            "The Primus HSM JCE interface listens on 2300 unless configured otherwise.")
    if namespace.hsm_proxy_user and not namespace.hsm_proxy_password_file:
        raise RequiredArgumentMissingError(
            "--hsm-proxy-user needs --hsm-proxy-password-file.",
            "Put the CloudHSM proxy password in a file readable only by you and give its path.")
    if namespace.hsm_service == "primus" and namespace.hsm_proxy_user:
        raise InvalidArgumentValueError(
            "--hsm-proxy-user applies to CloudHSM, but --hsm-service is primus.",
            "Remove the proxy arguments, or use --hsm-service cloudhsm.")


def _validate_timeout(namespace):
    if namespace.timeout is None:
        namespace.timeout = DEFAULT_TIMEOUT_SECONDS
    if not 1 <= namespace.timeout <= MAX_TIMEOUT_SECONDS:
        raise InvalidArgumentValueError(
            f"--timeout {namespace.timeout} is invalid: give 1 to {MAX_TIMEOUT_SECONDS} seconds.",
            f"The default is {DEFAULT_TIMEOUT_SECONDS} seconds per call.")
