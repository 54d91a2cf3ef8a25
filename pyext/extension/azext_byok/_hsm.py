"""Facts from the HSM client computer: `java -version` and Primus Tools (GetDeviceInfo,
ListKeyFlags, AzureByokExport -help)."""

from azext_byok._facts import SOURCE_JAVA_VERSION, Fragment
from azext_byok._tools import ToolFailure, ToolNotFound, failure_excerpt, run_tool

DEVICE_INFO_FACTS = ["hsm.firmware", "tools.primus_tools_version"]
KEY_FLAGS_FACTS = ["hsm.target_key"]
COMMAND_HELP_FACTS = ["tools.azure_byok_export_available"]
JAVA_FACTS = ["tools.java_version"]


def connection_arguments(settings):
    """Return the Primus Tools connection arguments, or None when the connection is not given.

    Passwords are passed as `file:<path>`, which Primus Tools reads itself.
    """
    if not (settings.hsm_host and settings.hsm_user and settings.hsm_password_file):
        return None
    arguments = ["-host", settings.hsm_host]
    if settings.hsm_port is not None:
        arguments += ["-port", str(settings.hsm_port)]
    arguments += ["-user", settings.hsm_user, "-password", f"file:{settings.hsm_password_file}"]
    if settings.hsm_proxy_user:
        arguments += [
            "-primusproxyuser", settings.hsm_proxy_user,
            "-primusproxypassword", f"file:{settings.hsm_proxy_password_file}",
        ]
    return arguments


def gather_java(core, settings):
    fragment = Fragment()
    try:
        run = run_tool([settings.java, "-version"], "java -version", settings.timeout)
    except ToolNotFound as error:
        fragment.set("tools.java_present", False, SOURCE_JAVA_VERSION)
        fragment.unavailable(JAVA_FACTS, f"{error}; install Java 8 or later, or give --java")
        return fragment
    except ToolFailure as error:
        fragment.unavailable(JAVA_FACTS, str(error))
        return fragment

    if run.returncode != 0:
        fragment.unavailable(
            JAVA_FACTS,
            f"java -version failed with exit code {run.returncode}: {failure_excerpt(run)}")
        return fragment
    _parse_into(core, fragment, run.output, "java-version", "java -version", JAVA_FACTS)
    return fragment


def gather_primus(core, settings, command):
    """Run one Primus Tools command (`GetDeviceInfo`, `ListKeyFlags` or `AzureByokExport`)."""
    fragment = Fragment()
    jar_arguments = [settings.java, "-jar", settings.primus_tools]
    if command == "AzureByokExport":
        label, kind, paths = "AzureByokExport -help", "primus-command-help", COMMAND_HELP_FACTS
        argv = jar_arguments + ["AzureByokExport", "-help"]
    else:
        connection = connection_arguments(settings)
        if command == "GetDeviceInfo":
            label, kind, paths = "GetDeviceInfo", "primus-device-info", DEVICE_INFO_FACTS
            extra = []
        else:
            label, kind, paths = "ListKeyFlags", "primus-key-flags", KEY_FLAGS_FACTS
            if not settings.key_name:
                fragment.unavailable(
                    paths, "ListKeyFlags was not run because --key-name (the target key on "
                           "the HSM) was not given")
                return fragment
            extra = ["-keyname", settings.key_name]
        if connection is None:
            fragment.unavailable(
                paths, f"{label} was not run because the HSM connection is incomplete; give "
                       "--hsm-host, --hsm-user and --hsm-password-file")
            return fragment
        argv = jar_arguments + [command] + connection + extra

    try:
        run = run_tool(argv, label, settings.timeout)
    except ToolNotFound as error:
        fragment.unavailable(paths, f"{label} could not start: {error}; install Java 8 or "
                                    "later, or give --java")
        return fragment
    except ToolFailure as error:
        fragment.unavailable(paths, str(error))
        return fragment

    # A usage text may come with a non-zero exit code; other commands must succeed.
    if run.returncode != 0 and command != "AzureByokExport":
        fragment.unavailable(
            paths, f"{label} failed with exit code {run.returncode}: {failure_excerpt(run)}")
        return fragment
    _parse_into(core, fragment, run.output, kind, label, paths)
    return fragment


def _parse_into(core, fragment, text, kind, label, paths):
    try:
        parsed = core.parse_text(text, kind=kind)
    except core.ByokError as error:
        fragment.unavailable(paths, f"the output of {label} could not be read: {error}")
        return
    fragment.merge_parsed(parsed)
