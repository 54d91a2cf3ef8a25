"""Help of the `byok` command group and `az byok prereqs`."""

from knack.help_files import helps  # pylint: disable=unused-import

helps["byok"] = """
type: group
short-summary: Prepare Bring Your Own Key (BYOK) transfers from a Securosys HSM into Azure Key Vault.
"""

helps["byok prereqs"] = """
type: command
short-summary: Check whether everything is in place to move a key from a Securosys Primus HSM or CloudHSM partition into a Key Vault or Managed HSM.
long-summary: >
    Gathers facts about the vault and its key exchange key (KEK), the Azure CLI and the sign-in,
    the HSM (firmware, device and partition policy, target key flags) and the HSM client tools
    (Java, Primus Tools), then evaluates every prerequisite. Each check is pass, warn, fail,
    unknown (a fact could not be gathered; the message says why and how to get it) or skipped,
    and every gap comes with the exact fix.

    Facts come from Azure (unless --offline), from Primus Tools run with --primus-tools, and from
    saved outputs (--device-info, --key-flags, --hsm-config, --byok-file) or a facts bundle
    (--facts) written on another computer with --export-facts. Passwords are passed to Primus
    Tools only as file:<path>; this command never reads, prints or stores them.

    The report is data, so --output json|yaml|table|tsv and --query work. --output table shows
    the checklist within 120 columns, with each message's first sentence and each fix's first
    commands; json and yaml keep the full text. For an unknown check, the report's cli_hints
    field and the table's Fix column name the arguments that supply the missing facts.

    Exit codes: 0 ready; 4 not ready (a check failed, or has a status given with --fail-on);
    5 incomplete (no check failed, but some could not run). The report is printed in all three
    cases. As in every az command, an unknown argument or choice exits with 2, and other errors
    (invalid values, missing files) with 1.
examples:
  - name: Check a Key Vault and its KEK for an RSA 3072 key from an on-premises Primus HSM, with Primus Tools on this computer.
    text: >
        az byok prereqs --vault-name contoso-kv --kek-name KEKforBYOK --key-type RSA --key-size 3072
        --hsm-service primus --primus-tools ./primus-tools.jar --hsm-host hsm.contoso.com --hsm-port 2300
        --hsm-user PART001 --hsm-password-file ~/.primus/part001.pw --key-name myTargetKey --output table
  - name: On an offline HSM client computer, check saved outputs and write the facts for the online computer.
    text: >
        az byok prereqs --offline --hsm-service primus --key-type EC --curve P-256
        --device-info getdeviceinfo.txt --key-flags listkeyflags.txt
        --hsm-config security-config.xml --partition PART001 --export-facts hsm-facts.json
  - name: On the online computer, merge the HSM facts and check a Managed HSM; fail the CI job on warnings too.
    text: >
        az byok prereqs --hsm-name contoso-mhsm --kek-name KEKforBYOK --key-type oct --key-size 256
        --facts hsm-facts.json --fail-on fail warn
  - name: Check a .byok file against the KEK before importing it, and list only the checks that need work.
    text: >
        az byok prereqs --vault-name contoso-kv --kek-name KEKforBYOK --byok-file target.byok
        --query "checks[?status!='pass'].{check:id, status:status, message:message}" --output table
  - name: In a script, print one tab-separated line per check that needs work (check id and status); --output tsv needs a --query that selects a list.
    text: >
        az byok prereqs --offline --hsm-config security-config.xml --hsm-user PART001
        --query "checks[?status!='pass'].[id, status]" --output tsv
"""
