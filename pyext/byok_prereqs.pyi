"""Type stubs of byok_prereqs, the Python module of the byok-prereqs core."""

from typing import Any, Literal, Mapping

__version__: str
FACTS_SCHEMA_VERSION: int
REPORT_SCHEMA_VERSION: int
CHECK_IDS: tuple[str, ...]
INPUT_KINDS: tuple[str, ...]
FORMATS: tuple[str, ...]
STATUSES: tuple[str, ...]

FactsLike = Mapping[str, Any] | str

class ByokError(ValueError):
    """Base class of the errors raised by byok_prereqs."""

    code: str | None

class InvalidFactsError(ByokError): ...
class UnsupportedSchemaError(ByokError): ...
class InputTooLargeError(ByokError): ...
class UnrecognizedInputError(ByokError): ...
class InvalidInputError(ByokError): ...
class InvalidOptionError(ByokError): ...

def parse_text(text: str, kind: str | None = None, partition: str | None = None) -> dict[str, Any]:
    """Read tool output into a dict with `kind`, `label`, `facts` and `warnings`."""

def evaluate(
    facts: FactsLike,
    *,
    skip: list[str] | None = None,
    fail_on: list[str] | None = None,
    now: str | None = None,
) -> dict[str, Any]:
    """Evaluate every check against the facts and return the report."""

def merge_facts(base: FactsLike, update: FactsLike) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Merge `update` into `base`; return the merged facts and the replaced values."""

def load_facts(facts: FactsLike) -> dict[str, Any]:
    """Validate a facts document and return it in normal form."""

def render(
    report: Mapping[str, Any],
    format: Literal["json", "text", "markdown", "md", "junit"] = "text",
) -> str:
    """Render a report as JSON, a text checklist, Markdown or JUnit XML."""

def rules() -> list[dict[str, Any]]:
    """Return the catalogue: one dict per check."""
