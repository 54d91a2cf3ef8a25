"""Table output of `az byok prereqs`: the checklist, one row per check, within 120 columns.

Long cells are wrapped onto several lines and shortened: the message to its first sentence,
the fix to its summary and the first command of each long way. `--output json` and
`--output yaml` keep the full text.
"""

import re
import textwrap
from collections import OrderedDict

from knack.log import get_logger

logger = get_logger(__name__)

# Text symbols, so a status never depends on colour alone (the same as the core's text renderer).
_SYMBOLS = {"pass": "[ok]", "warn": "[!]", "fail": "[x]", "unknown": "[?]", "skipped": "[-]"}

# Ways to fix a check, as the report's remediation names them, with the label the table shows.
_WAYS = [("LC display", "lc_display"), ("Console", "console"), ("Azure CLI", "az"), ("Steps", "steps")]

# Column widths in characters. With the Status column (11) and two spaces between columns,
# a row is at most 119 characters, so it fits a 120-column terminal.
_CHECK_WIDTH = 20
_OBSERVED_WIDTH = 14
_MESSAGE_WIDTH = 32
_FIX_WIDTH = 34

# A way whose lines joined are longer than this shows its first line and a count of the rest.
_MAX_WAY_CHARS = 70
# A first sentence longer than this is cut, so one row stays about five lines high.
_MAX_MESSAGE_CHARS = 160

# The end of a sentence: a full stop, then a space and a capital letter or a quoted command.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`'\"(])")

_FULL_TEXT_NOTE = ("The table shows the first sentence of each message and the first command "
                   "of each long fix; --output json or --output yaml shows the full text.")


def transform_report_table(result):
    """Turn a report into checklist rows; other shapes (after --query) pass unchanged."""
    if not isinstance(result, dict) or "checks" not in result:
        return result
    hints = result.get("cli_hints") or {}
    rows = []
    shortened = False
    for check in result["checks"]:
        status = check.get("status", "")
        message, cut_message = _first_sentence(check.get("message", ""))
        fix, cut_fix = _fix_text(check, hints.get(check.get("id")))
        shortened = shortened or cut_message or cut_fix
        rows.append(OrderedDict([
            ("Status", f"{_SYMBOLS.get(status, '')} {status}".strip()),
            ("Check", _wrap(check.get("id", ""), _CHECK_WIDTH)),
            ("Observed", _wrap(check.get("observed") or "", _OBSERVED_WIDTH)),
            ("Message", _wrap(message, _MESSAGE_WIDTH)),
            ("Fix", "\n".join(_wrap(part, _FIX_WIDTH) for part in fix)),
        ]))
    if shortened:
        logger.warning("%s", _FULL_TEXT_NOTE)
    return rows


def _wrap(text, width):
    return textwrap.fill(text, width, break_on_hyphens=False, break_long_words=True)


def _first_sentence(message):
    """Return (first sentence, whether text was left out)."""
    sentence = _SENTENCE_END.split(message, maxsplit=1)[0]
    cut = sentence != message
    if len(sentence) > _MAX_MESSAGE_CHARS:
        sentence = sentence[:_MAX_MESSAGE_CHARS - 1].rstrip() + "…"
        cut = True
    return sentence, cut


def _fix_text(check, hint):
    """Return (the fix as a list of paragraphs, whether text was left out).

    An `unknown` check with a CLI hint shows the hint and the summary: the ways apply once the
    check can run. Other checks show the summary and every way, both HSM ways included.
    """
    remediation = check.get("remediation") or {}
    summary = remediation.get("summary", "")
    if check.get("status") == "unknown" and hint:
        ways_left_out = any(remediation.get(key) for _, key in _WAYS)
        return [part for part in (hint, summary) if part], ways_left_out
    parts = [summary] if summary else []
    cut = False
    for label, key in _WAYS:
        lines = remediation.get(key) or []
        if not lines:
            continue
        # A console fix is a sequence, and its first line alone misleads, so a short way is
        # shown whole.
        joined = "; ".join(lines)
        if len(joined) > _MAX_WAY_CHARS and len(lines) > 1:
            joined = f"{lines[0]} (and {len(lines) - 1} more)"
            cut = True
        parts.append(f"{label}: {joined}")
    return parts, cut
