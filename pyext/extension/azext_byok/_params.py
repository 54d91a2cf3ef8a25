"""Arguments of `az byok prereqs`. Every help text names what the argument sets and its unit."""

from azure.cli.core.commands.parameters import get_enum_type, get_three_state_flag

from azext_byok._constants import (
    CURVES,
    DEFAULT_TIMEOUT_SECONDS,
    FAIL_ON_STATUSES,
    HSM_SERVICES,
    KEY_TYPES,
    MAX_TIMEOUT_SECONDS,
)


def load_arguments(self, _):
    with self.argument_context("byok prereqs", arg_group="Target") as c:
        c.argument("vault_name", options_list=["--vault-name"],
                   help="Name of the Key Vault (Premium SKU) that receives the target key.")
        c.argument("hsm_name", options_list=["--hsm-name"],
                   help="Name of the Managed HSM that receives the target key.")
        c.argument("resource_group_name", options_list=["--resource-group", "-g"],
                   help="Resource group of the vault. Found from the vault name when not given.")
        c.argument("kek_name", options_list=["--kek-name"],
                   help="Name of the key exchange key (KEK) in the vault.")
        c.argument("kek_id", options_list=["--kek-id"],
                   help="Key identifier URL of the KEK, for example "
                        "https://contoso-kv.vault.azure.net/keys/KEKforBYOK/<version>. "
                        "Give --vault-name or --hsm-name as well for the vault checks.")
        c.argument("key_type", options_list=["--key-type"], arg_type=get_enum_type(KEY_TYPES),
                   help="Type of the target key: RSA, EC or oct (AES).")
        c.argument("key_size", options_list=["--key-size"], type=int,
                   help="Size of the target key in bits: 2048, 3072 or 4096 for RSA; "
                        "128, 192 or 256 for oct.")
        c.argument("curve", options_list=["--curve"], arg_type=get_enum_type(CURVES),
                   help="Curve of an EC target key.")

    with self.argument_context("byok prereqs", arg_group="HSM") as c:
        c.argument("hsm_service", options_list=["--hsm-service"],
                   arg_type=get_enum_type(HSM_SERVICES),
                   help="Where the target key is: an on-premises Primus HSM or a CloudHSM partition.")
        c.argument("key_name", options_list=["--key-name"],
                   help="Name of the target key on the HSM; ListKeyFlags reads its flags.")
        c.argument("primus_tools", options_list=["--primus-tools"],
                   help="Path of the Primus Tools jar (primus-tools.jar). Runs GetDeviceInfo, "
                        "ListKeyFlags and AzureByokExport -help.")
        c.argument("java", options_list=["--java"],
                   help="Path of the java executable that runs Primus Tools. Default: java on PATH.")
        c.argument("hsm_host", options_list=["--hsm-host"],
                   help="Host name or IP address of the HSM (Primus Tools -host).")
        c.argument("hsm_port", options_list=["--hsm-port"], type=int,
                   help="TCP port of the HSM's JCE interface (Primus Tools -port), for example 2300.")
        c.argument("hsm_user", options_list=["--hsm-user"],
                   help="Partition (user) name on the HSM (Primus Tools -user). With --hsm-config "
                        "and no --partition, also the partition read from the security "
                        "configuration.")
        c.argument("hsm_password_file", options_list=["--hsm-password-file"],
                   help="File that contains the partition password (setup password or permanent "
                        "secret). Passed to Primus Tools as file:<path>; this command never reads it.")
        c.argument("hsm_proxy_user", options_list=["--hsm-proxy-user"],
                   help="CloudHSM proxy user name (Primus Tools -primusproxyuser).")
        c.argument("hsm_proxy_password_file", options_list=["--hsm-proxy-password-file"],
                   help="File that contains the CloudHSM proxy password. Passed to Primus Tools "
                        "as file:<path>; this command never reads it.")
        c.argument("setup_password_issued_at", options_list=["--setup-password-issued-at"],
                   help="When the partition's setup password was issued: an RFC 3339 time such "
                        "as 2026-01-31T09:30:00Z or 2026-01-31T10:30:00+01:00, or the local "
                        "time of this computer as 'YYYY-MM-DD HH:MM', converted to UTC.")
        c.argument("permanent_secret_fetched", options_list=["--permanent-secret-fetched"],
                   arg_type=get_three_state_flag(),
                   help="Whether Primus Tools has already fetched the permanent secret, which "
                        "replaces the setup password and does not expire.")

    with self.argument_context("byok prereqs", arg_group="Saved outputs") as c:
        # `append` keeps every occurrence, so the validator can merge several --device-info
        # files and reject a repeated single-file argument instead of keeping only the last.
        c.argument("device_info", options_list=["--device-info"], nargs="+", action="append",
                   help="Files with saved Primus Tools GetDeviceInfo output, the LC display "
                        "reading or hsm_diagnostics fw text. Several files may be given, separated "
                        "by spaces or with the argument repeated; a later file's values replace "
                        "an earlier one's, with a warning.")
        c.argument("key_flags", options_list=["--key-flags"], action="append",
                   help="File with saved Primus Tools ListKeyFlags output for the target key. "
                        "One file only.")
        c.argument("hsm_config", options_list=["--hsm-config"], action="append",
                   help="Security configuration XML exported with hsm_sec_export_config. "
                        "One file only.")
        c.argument("partition", options_list=["--partition"],
                   help="Partition to read from the security configuration. Default: the "
                        "--hsm-user value, or the only partition in the file.")
        c.argument("byok_file", options_list=["--byok-file"], action="append",
                   help="A .byok file written by AzureByokExport, to check before importing it. "
                        "One file only.")
        c.argument("facts_file", options_list=["--facts"], action="append",
                   help="Facts bundle (JSON) written by --export-facts on another computer or by "
                        "the browser page. Values gathered here replace the ones in the bundle. "
                        "One file only.")
        c.argument("export_facts", options_list=["--export-facts"],
                   help="Write the gathered facts to this JSON file, to merge them on another "
                        "computer with --facts. The file contains no passwords.")

    with self.argument_context("byok prereqs", arg_group="Run") as c:
        c.argument("offline", options_list=["--offline"], action="store_true",
                   help="Make no Azure calls; the Azure checks are reported as unknown.")
        c.argument("skip", options_list=["--skip"], nargs="+",
                   help="Check ids to skip, separated by spaces, for example hsm.firmware azure.login.")
        c.argument("fail_on", options_list=["--fail-on"], nargs="+",
                   arg_type=get_enum_type(FAIL_ON_STATUSES),
                   help="Statuses that make the verdict not-ready (exit code 4). fail always "
                        "does; add warn or unknown to make them count too.")
        c.argument("timeout", options_list=["--timeout"], type=int,
                   help="Seconds each external call (an Azure request, a Primus Tools or java run) "
                        f"may take, from 1 to {MAX_TIMEOUT_SECONDS}. "
                        f"Default: {DEFAULT_TIMEOUT_SECONDS}.")
