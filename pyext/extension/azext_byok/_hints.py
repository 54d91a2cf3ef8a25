"""CLI hints: the arguments of `az byok prereqs` that supply the facts an `unknown` check misses.

The core's messages are the same in every host, including the browser page, so they name the
tool output to give. These hints name this command's arguments instead, in the report's own
`cli_hints` field, so the core's fields stay the same as in the shared vectors.
"""

_OFFLINE = ("Sign in with `az login` and run without --offline, or give --facts FILE exported "
            "by such a run.")
_RETRY = "Run again once the cause above is fixed."
_DEVICE_INFO = ("Give --device-info FILE, or --primus-tools JAR with --hsm-host, --hsm-user "
                "and --hsm-password-file.")
_PROBE = "Give --primus-tools JAR."
_SETUP_PASSWORD = ("Give --setup-password-issued-at TIME, or --permanent-secret-fetched true "
                   "once Primus Tools has fetched the permanent secret.")

# Hints for facts the HSM client computer or the user supplies, by fact path or its parent.
_HINTS = {
    "context.target": "Give --vault-name NAME for a Key Vault or --hsm-name NAME for a "
                      "Managed HSM.",
    "context.hsm_service": "Give --hsm-service primus|cloudhsm.",
    "context.key_type": "Give --key-type RSA|EC|oct.",
    "context.key_size": "Give --key-size BITS.",
    "context.curve": "Give --curve P-256|P-384|P-521|P-256K.",
    "hsm.firmware": _DEVICE_INFO,
    "tools.primus_tools_version": _DEVICE_INFO,
    "tools.azure_byok_export_available": _PROBE,
    "hsm.target_key": "Give --key-flags FILE, or --primus-tools JAR with --key-name NAME and "
                      "the HSM connection.",
    "tools.java_version": "Give --java PATH or --primus-tools JAR.",
    "tools.java_present": "Give --java PATH or --primus-tools JAR.",
    "hsm.setup_password_issued_at": _SETUP_PASSWORD,
    "hsm.permanent_secret_fetched": _SETUP_PASSWORD,
    "hsm.partition": "Give --partition NAME (or --hsm-user NAME) with --hsm-config FILE.",
    "hsm": "Give --hsm-config FILE, with --partition NAME when it has several partitions.",
    "byok_file": "Give --byok-file FILE.",
}

_LOGIN_FACTS = ("azure.logged_in", "azure.subscription_state", "azure.subscription_id")


def cli_hints(report, settings):
    """Return {check id: hint} for every `unknown` check whose missing facts an argument
    supplies. Checks with no such argument (the current time, the CLI version) get none."""
    hints = {}
    for check in report.get("checks", []):
        if check.get("status") != "unknown":
            continue
        sentences = []
        for path in check.get("missing") or []:
            sentence = hint_for(path, settings)
            if sentence and sentence not in sentences:
                sentences.append(sentence)
        if _PROBE in sentences and _DEVICE_INFO in sentences:
            # The GetDeviceInfo hint names --primus-tools already.
            sentences.remove(_PROBE)
        if sentences:
            hints[check["id"]] = " ".join(sentences)
    return hints


def hint_for(path, settings):
    """Return the sentence that names the arguments supplying the fact at `path`, or None."""
    if path.startswith("azure."):
        return _azure_hint(path, settings)
    prefix = path
    while prefix:
        if prefix in _HINTS:
            return _HINTS[prefix]
        prefix = prefix.rpartition(".")[0]
    return None


def _azure_hint(path, settings):
    """Return the argument that names the missing vault or KEK, or how to reach Azure."""
    if path == "azure.cli_version":
        return None
    if path in _LOGIN_FACTS:
        return _OFFLINE if settings.offline else "Sign in with `az login`."
    if path == "azure.kek" or path.startswith("azure.kek."):
        if not (settings.kek_name or settings.kek_id):
            return ("Give --kek-name NAME with --vault-name or --hsm-name, or --kek-id URL.")
    elif not (settings.vault_name or settings.hsm_name):
        return "Give --vault-name NAME or --hsm-name NAME."
    return _OFFLINE if settings.offline else _RETRY
