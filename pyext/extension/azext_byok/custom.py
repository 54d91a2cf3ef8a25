"""`az byok prereqs`: gather facts, evaluate them with the core, return the report."""

import codecs
import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor, wait
from datetime import datetime, timezone
from types import SimpleNamespace

from knack.log import get_logger

from azext_byok._constants import (
    EXIT_INCOMPLETE,
    EXIT_NOT_READY,
    EXIT_READY,
    PROGRESS_DELAY_SECONDS,
)
from azext_byok._facts import FACTS_SCHEMA_VERSION, SOURCE_USER, Fragment
from azext_byok._hints import cli_hints

logger = get_logger(__name__)

# Saved outputs the user names: argument, option, input kind and the facts each feeds.
_SAVED_OUTPUTS = [
    ("device_info", "--device-info", "primus-device-info",
     ["hsm.firmware", "tools.primus_tools_version"]),
    ("key_flags", "--key-flags", "primus-key-flags", ["hsm.target_key"]),
    ("hsm_config", "--hsm-config", "hsm-security-config",
     ["hsm.jce_device", "hsm.jce_partition", "hsm.key_export", "hsm.key_extract"]),
    ("byok_file", "--byok-file", "byok-file", ["byok_file"]),
]

_OFFLINE_REASON = ("not checked because --offline makes no Azure calls; run the command "
                   "without --offline on a computer signed in with `az login`, or merge its "
                   "facts with --facts")

# Input limits of the core, in bytes: facts bundles, and any other text.
MAX_FACTS_BYTES = 4 * 1024 * 1024
MAX_INPUT_BYTES = 32 * 1024 * 1024

_EXIT_CODES = {"ready": EXIT_READY, "not-ready": EXIT_NOT_READY, "incomplete": EXIT_INCOMPLETE}


def byok_prereqs(cmd, vault_name=None, hsm_name=None, resource_group_name=None,  # pylint: disable=too-many-locals,unused-argument
                 kek_name=None, kek_id=None, key_type=None, key_size=None, curve=None,
                 hsm_service=None, key_name=None, primus_tools=None, java=None,
                 hsm_host=None, hsm_port=None, hsm_user=None, hsm_password_file=None,
                 hsm_proxy_user=None, hsm_proxy_password_file=None,
                 device_info=None, key_flags=None, hsm_config=None, partition=None,
                 byok_file=None, facts_file=None, export_facts=None,
                 setup_password_issued_at=None, permanent_secret_fetched=None,
                 offline=False, skip=None, fail_on=None, timeout=None):
    settings = SimpleNamespace(**{name: value for name, value in locals().items()
                                  if name != "cmd"})
    settings.java_given = java is not None
    settings.java = java or shutil.which("java") or "java"
    core = _import_core()
    _check_skip_ids(core, skip)

    # Facts in order of precedence: the bundle, saved outputs, what this run gathers, and
    # last the arguments, which the user entered on purpose.
    fragments = []
    if facts_file:
        fragments.append(("--facts", _read_bundle(core, facts_file)))
    for attribute, option, kind, paths in _SAVED_OUTPUTS:
        # --device-info is a list of files, read in the order given; the others are one path.
        value = getattr(settings, attribute)
        paths_given = value if isinstance(value, list) else [value]
        for path in filter(None, paths_given):
            label = f"{option} '{os.path.basename(path)}'"
            fragments.append((label, _read_saved_output(core, path, option, kind, paths,
                                                        partition)))
    fragments.extend(_gather(cmd, core, settings))
    fragments.append(("arguments", _context_fragment(settings)))

    facts = _merge(core, fragments)
    if export_facts:
        _write_facts(facts, export_facts)

    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        report = core.evaluate(facts, skip=skip or [], fail_on=fail_on, now=now)
    except core.ByokError as error:
        raise _to_cli_error(error, "the evaluation options") from None

    # The core's report is the same in every host; the hints that name this command's
    # arguments go into a field of their own.
    report["cli_hints"] = cli_hints(report, settings)
    _exit_with_verdict(cmd.cli_ctx, report["verdict"])
    return report


def _import_core():
    """Import the native core here, not at load time, so a broken install cannot stop `az`."""
    try:
        import byok_prereqs
    except ImportError as error:
        from azure.cli.core.azclierror import CLIInternalError

        raise CLIInternalError(
            f"The native module byok_prereqs could not be loaded: {error}",
            "Reinstall the extension: az extension remove --name byok, then az extension add "
            "--source <byok wheel> with the byok-prereqs wheel where pip finds it "
            "(for example PIP_FIND_LINKS=<folder>).") from None
    return byok_prereqs


def _check_skip_ids(core, skip):
    """Reject unknown check ids before any slow call runs."""
    from azure.cli.core.azclierror import InvalidArgumentValueError

    unknown = [check_id for check_id in skip or [] if check_id not in core.CHECK_IDS]
    if unknown:
        raise InvalidArgumentValueError(
            f"--skip: unknown check id '{unknown[0]}'.",
            f"Valid ids are {', '.join(core.CHECK_IDS)}.")


def _to_cli_error(error, what):
    """Map a core exception to the Azure CLI error class for its code, with a recommendation."""
    from azure.cli.core.azclierror import (
        FileOperationError,
        InvalidArgumentValueError,
        UnclassifiedUserFault,
    )

    code = getattr(error, "code", None)
    if code in ("invalid-facts", "unsupported-schema"):
        return InvalidArgumentValueError(
            f"{what}: {error}",
            "Write facts bundles with `az byok prereqs --export-facts` or the browser page, "
            "with the same version of this extension.")
    if code == "input-too-large":
        return FileOperationError(f"{what}: {error}", "Give only the output of one command.")
    if code == "invalid-option":
        return InvalidArgumentValueError(f"{what}: {error}",
                                         "Run `az byok prereqs --help` for the valid values.")
    return UnclassifiedUserFault(f"{what}: {error}")


def _read_text(path, option, limit):
    """Read a file the user named, up to `limit` bytes.

    Text saved by Windows PowerShell is UTF-16 with a byte order mark, so the mark decides the
    encoding. Without a mark the text is read as UTF-8, and undecodable bytes are replaced.
    """
    from azure.cli.core.azclierror import FileOperationError

    try:
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise FileOperationError(f"{option} '{path}' could not be read: {error.strerror}",
                                 "Check the path and its permissions.") from None
    if len(data) > limit:
        raise FileOperationError(
            f"{option} '{path}' is larger than the limit of {limit} bytes and was not read.",
            "Give the output of one command only.")

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8-sig", errors="replace")


def _empty_reason(text):
    """Return why a file's text contains nothing to read, or None when it has content."""
    if text == "":
        return "the file is empty"
    if not text.strip():
        return "the file contains only white space"
    return None


def _read_bundle(core, path):
    from azure.cli.core.azclierror import FileOperationError

    fragment = Fragment()
    text = _read_text(path, "--facts", MAX_FACTS_BYTES)
    empty = _empty_reason(text)
    if empty:
        raise FileOperationError(f"--facts '{path}': {empty}.",
                                 "Give a facts bundle written with --export-facts.")
    try:
        parsed = core.parse_text(text, kind="facts")
    except core.ByokError as error:
        raise _to_cli_error(error, f"--facts '{path}'") from None
    fragment.merge_parsed(parsed)
    return fragment


def _read_saved_output(core, path, option, kind, paths, partition):
    """Read a saved tool output; an unreadable one makes its checks `unknown`, with the cause."""
    fragment = Fragment()
    name = os.path.basename(path)
    text = _read_text(path, option, MAX_INPUT_BYTES)
    empty = _empty_reason(text)
    if empty:
        reason = f"{option} '{name}' could not be read: {empty}"
        logger.warning("%s", reason)
        fragment.unavailable(paths, reason)
        return fragment
    try:
        parsed = core.parse_text(text, kind=kind,
                                 partition=partition if kind == "hsm-security-config" else None)
    except core.ByokError as error:
        reason = f"{option} '{name}' could not be read: {error}"
        logger.warning("%s", reason)
        fragment.unavailable(paths, reason)
        return fragment
    fragment.merge_parsed(parsed)
    fragment.warnings = [f"{option} '{name}': {warning}" for warning in fragment.warnings]
    return fragment


def _context_fragment(settings):
    """Facts the user entered as arguments: the target, the HSM service and the key."""
    fragment = Fragment()
    if settings.hsm_name:
        fragment.set("context.target", "managed-hsm", SOURCE_USER)
        fragment.set("azure.vault_name", settings.hsm_name, SOURCE_USER)
    elif settings.vault_name:
        fragment.set("context.target", "key-vault", SOURCE_USER)
        fragment.set("azure.vault_name", settings.vault_name, SOURCE_USER)
    if settings.resource_group_name:
        fragment.set("azure.resource_group", settings.resource_group_name, SOURCE_USER)
    for attribute, path in (("hsm_service", "context.hsm_service"),
                            ("key_type", "context.key_type"),
                            ("key_size", "context.key_size"),
                            ("curve", "context.curve")):
        value = getattr(settings, attribute)
        if value is not None:
            fragment.set(path, value, SOURCE_USER)
    if settings.key_name:
        fragment.set("hsm.target_key.name", settings.key_name, SOURCE_USER)
    if settings.hsm_user:
        fragment.set("hsm.partition", settings.hsm_user, SOURCE_USER)
    if settings.setup_password_issued_at:
        fragment.set("hsm.setup_password_issued_at", settings.setup_password_issued_at,
                     SOURCE_USER)
    if settings.permanent_secret_fetched is not None:
        fragment.set("hsm.permanent_secret_fetched", bool(settings.permanent_secret_fetched),
                     SOURCE_USER)
    return fragment


def _gather(cmd, core, settings):
    """Run the independent calls concurrently; return (label, fragment) pairs in a fixed order."""
    from azext_byok import _azure, _hsm

    cli_ctx = cmd.cli_ctx
    jobs = [("Azure CLI", _azure.gather_cli)]
    offline = Fragment()
    if settings.offline:
        offline.unavailable(_azure.LOGIN_FACTS, _OFFLINE_REASON)
        if settings.vault_name or settings.hsm_name:
            offline.unavailable(_azure.VAULT_FACTS, _OFFLINE_REASON)
        if settings.kek_name or settings.kek_id:
            offline.unavailable(_azure.KEK_FACTS, _OFFLINE_REASON)
        if settings.kek_id:
            # The KEK is not read offline, but its identifier lets the core match a .byok file.
            offline.set("azure.kek.kid", settings.kek_id.strip(), SOURCE_USER)
    else:
        jobs.append(("sign-in", lambda: _azure.gather_login(cli_ctx)))
        if settings.vault_name or settings.hsm_name:
            jobs.append(("az keyvault show", lambda: _azure.gather_vault(cli_ctx, settings)))
        if settings.kek_name or settings.kek_id:
            jobs.append(("az keyvault key show", lambda: _azure.gather_kek(cli_ctx, settings)))
    if not (settings.vault_name or settings.hsm_name):
        offline.unavailable(_azure.VAULT_FACTS, "no vault was named; give --vault-name or "
                                                "--hsm-name")
    if not (settings.kek_name or settings.kek_id):
        offline.unavailable(_azure.KEK_FACTS, "no KEK was named; give --kek-name or --kek-id")

    if settings.primus_tools or settings.java_given:
        jobs.append(("java -version", lambda: _hsm.gather_java(core, settings)))
    if settings.primus_tools:
        for command, label in (("GetDeviceInfo", "GetDeviceInfo"),
                               ("ListKeyFlags", "ListKeyFlags"),
                               ("AzureByokExport", "AzureByokExport -help")):
            jobs.append((label, lambda command=command: _hsm.gather_primus(core, settings,
                                                                           command)))

    results = _run_with_progress(cli_ctx, jobs)
    return [("this run", offline)] + results


def _run_with_progress(cli_ctx, jobs):
    """Run jobs in threads; show progress as `az` does when they take more than a second."""
    with ThreadPoolExecutor(max_workers=len(jobs)) as executor:
        futures = {executor.submit(job): label for label, job in jobs}
        done, pending = wait(futures, timeout=PROGRESS_DELAY_SECONDS)
        if pending:
            progress = cli_ctx.get_progress_controller()
            progress.begin()
            try:
                while pending:
                    names = ", ".join(sorted(futures[future] for future in pending))
                    progress.add(message=f"Waiting for {names}")
                    done, pending = wait(futures, timeout=0.25)
            finally:
                progress.end()
        del done
    return [(label, future.result()) for future, label in futures.items()]


def _merge(core, fragments):
    """Merge fragments in order with the core; warn where a later input replaced a value."""
    facts = {"schema_version": FACTS_SCHEMA_VERSION}
    for label, fragment in fragments:
        for warning in fragment.warnings:
            logger.warning("%s", warning)
        try:
            facts, replaced = core.merge_facts(facts, fragment.facts)
        except core.ByokError as error:
            from azure.cli.core.azclierror import CLIInternalError

            raise CLIInternalError(f"The facts from {label} could not be merged: {error}") \
                from None
        for change in replaced:
            if change["path"].startswith("unavailable."):
                continue
            old = change["old"]
            new = change["new"]
            if _same_text(old, new):
                # --hsm-user part001 and the XML's PART001 name one partition, for example.
                continue
            logger.warning("%s: %s (%s) replaces %s (%s) from an earlier input",
                           change["path"], _shown(new), label, _shown(old),
                           old.get("source", "unknown source") if isinstance(old, dict) else "")
    return facts


def _same_text(old, new):
    """Return whether two facts contain strings that differ at most in letter case."""
    values = [fact.get("value") if isinstance(fact, dict) else fact for fact in (old, new)]
    return all(isinstance(value, str) for value in values) and \
        values[0].casefold() == values[1].casefold()


def _shown(fact):
    value = fact.get("value") if isinstance(fact, dict) else fact
    return json.dumps(value)


def _write_facts(facts, path):
    from azure.cli.core.azclierror import FileOperationError

    try:
        with open(path, "w", encoding="utf-8") as stream:
            json.dump(facts, stream, indent=2, sort_keys=True)
            stream.write("\n")
    except OSError as error:
        raise FileOperationError(f"--export-facts '{path}' could not be written: "
                                 f"{error.strerror}", "Check the folder's permissions.") from None
    logger.warning("Facts written to %s", path)


def _exit_with_verdict(cli_ctx, verdict):
    """Make `az` exit with the verdict's code after it has printed the report."""
    from knack.events import EVENT_CLI_SUCCESSFUL_EXECUTE

    code = _EXIT_CODES.get(verdict, EXIT_INCOMPLETE)
    if code == EXIT_READY:
        return

    def exit_after_output(cli_ctx, **kwargs):  # pylint: disable=unused-argument
        raise SystemExit(code)

    cli_ctx.register_event(EVENT_CLI_SUCCESSFUL_EXECUTE, exit_after_output)
