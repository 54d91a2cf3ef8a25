"""Table output of `az byok prereqs`: the checklist, one row per check."""

from collections import OrderedDict

# Text symbols, so a status never depends on colour alone (the same as the core's text renderer).
_SYMBOLS = {"pass": "[ok]", "warn": "[!]", "fail": "[x]", "unknown": "[?]", "skipped": "[-]"}

# Ways to fix a check, as the report's remediation names them, with the label the table shows.
_WAYS = [("LC display", "lc_display"), ("Console", "console"), ("Azure CLI", "az"), ("Steps", "steps")]


def transform_report_table(result):
    """Turn a report into checklist rows; other shapes (after --query) pass unchanged."""
    if not isinstance(result, dict) or "checks" not in result:
        return result
    rows = []
    for check in result["checks"]:
        status = check.get("status", "")
        remediation = check.get("remediation") or {}
        fix = remediation.get("summary", "")
        # Every way and every line, in order: a console fix is a sequence, and its first line
        # alone misleads. The HSM fixes give both ways the vendor documents.
        for label, key in _WAYS:
            lines = remediation.get(key) or []
            if lines:
                fix = f"{fix} {label}: {'; '.join(lines)}.".strip()
        rows.append(OrderedDict([
            ("Status", f"{_SYMBOLS.get(status, '')} {status}".strip()),
            ("Check", check.get("id", "")),
            ("Observed", check.get("observed") or ""),
            ("Message", check.get("message", "")),
            ("Fix", fix),
        ]))
    return rows
