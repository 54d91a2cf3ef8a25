"""Checks of the arguments of `az byok prereqs` before any fact is gathered."""

import os

from azure.cli.core.azclierror import (
    FileOperationError,
    InvalidArgumentValueError,
    MutuallyExclusiveArgumentError,
    RequiredArgumentMissingError,
)

from azext_byok._constants import DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS

# Arguments that name a file this command reads.
_INPUT_FILES = {
    "device_info": "--device-info",
    "key_flags": "--key-flags",
    "hsm_config": "--hsm-config",
    "byok_file": "--byok-file",
    "facts_file": "--facts",
    "primus_tools": "--primus-tools",
}

# Password files are only checked for existence, never opened.
_PASSWORD_FILES = {
    "hsm_password_file": "--hsm-password-file",
    "hsm_proxy_password_file": "--hsm-proxy-password-file",
}


def validate_prereqs(namespace):
    _validate_target(namespace)
    _validate_key(namespace)
    _validate_files(namespace)
    _validate_connection(namespace)
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
    if namespace.partition and not namespace.hsm_config:
        raise RequiredArgumentMissingError(
            "--partition chooses a partition in a security configuration, but --hsm-config "
            "is missing.",
            "Give the XML file exported with hsm_sec_export_config with --hsm-config.")


def _validate_files(namespace):
    for attribute, option in {**_INPUT_FILES, **_PASSWORD_FILES}.items():
        path = getattr(namespace, attribute, None)
        if path is None:
            continue
        expanded = os.path.expanduser(path)
        if not os.path.isfile(expanded):
            raise FileOperationError(
                f"{option} '{path}': file not found.",
                "Check the path, or leave the argument out.")
        setattr(namespace, attribute, expanded)
    if namespace.export_facts:
        path = os.path.expanduser(namespace.export_facts)
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise FileOperationError(
                f"--export-facts '{namespace.export_facts}': folder '{folder}' not found.",
                "Create the folder first, or write the file elsewhere.")
        namespace.export_facts = path


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
