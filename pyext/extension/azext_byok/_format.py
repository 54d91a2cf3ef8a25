"""Table output of `az byok prereqs`: the checklist, one row per check."""

from collections import OrderedDict

# Text symbols, so a status never depends on colour alone (the same as the core's text renderer).
_SYMBOLS = {"pass": "[ok]", "warn": "[!]", "fail": "[x]", "unknown": "[?]", "skipped": "[-]"}


def transform_report_table(result):
    """Turn a report into checklist rows; other shapes (after --query) pass unchanged."""
    if not isinstance(result, dict) or "checks" not in result:
        return result
    rows = []
    for check in result["checks"]:
        status = check.get("status", "")
        remediation = check.get("remediation") or {}
        fix = remediation.get("summary", "")
        # Every command, in order: a console fix is a sequence, and its first line alone misleads.
        commands = list(remediation.get("az", [])) + list(remediation.get("console", []))
        if commands:
            fix = f"{fix} {'; '.join(commands)}".strip()
        rows.append(OrderedDict([
            ("Status", f"{_SYMBOLS.get(status, '')} {status}".strip()),
            ("Check", check.get("id", "")),
            ("Observed", check.get("observed") or ""),
            ("Message", check.get("message", "")),
            ("Fix", fix),
        ]))
    return rows
