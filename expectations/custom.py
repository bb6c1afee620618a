"""A project's own expectations: a JSON list of GX expectation configurations, checked before use.

Each entry is `{"type": "expect_...", "kwargs": {...}, "description"?, "severity"?: "critical" |
"warning", "meta"?}` and runs on the `invoice_fields` frame (columns in `frames.INVOICE_COLUMNS`).
Only row-level expectations (column map, column pair map, multicolumn map) are accepted: a batch is
validated as one frame, and only row-level results can be traced back to one document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from expectations.frames import INVOICE_COLUMNS
from ocr_tasks.errors import InvalidExpectation

if TYPE_CHECKING:
    from great_expectations import ExpectationSuite

_ALLOWED_KEYS = {"type", "kwargs", "meta", "description", "severity", "notes"}
_COLUMN_KWARGS = ("column", "column_A", "column_B")


def _fail(index: int, entry: Any, reason: str) -> InvalidExpectation:
    name = entry.get("type") if isinstance(entry, dict) else None
    label = f"expectation #{index + 1}" + (f" ({name})" if name else "")
    return InvalidExpectation(f"Custom {label} is invalid: {reason}", detail={"index": index, "type": name})


def _referenced_columns(kwargs: dict) -> list[str]:
    columns = [kwargs[k] for k in _COLUMN_KWARGS if k in kwargs]
    return columns + list(kwargs.get("column_list") or ())


def _check_one(index: int, entry: Any) -> Any:
    """The GX expectation object for one entry; raises `InvalidExpectation` naming the entry."""
    from great_expectations.expectations.expectation import (
        ColumnMapExpectation,
        ColumnPairMapExpectation,
        MulticolumnMapExpectation,
    )
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    if not isinstance(entry, dict):
        raise _fail(index, entry, f"expected a JSON object, got {type(entry).__name__}.")
    unknown = sorted(set(entry) - _ALLOWED_KEYS)
    if unknown:
        raise _fail(index, entry, f"unknown keys {unknown}; allowed: {sorted(_ALLOWED_KEYS)}.")
    if not isinstance(entry.get("type"), str) or not isinstance(entry.get("kwargs"), dict):
        raise _fail(index, entry, 'it needs a "type" string and a "kwargs" object.')
    try:
        expectation = ExpectationConfiguration(
            type=entry["type"],
            kwargs=entry["kwargs"],
            meta=entry.get("meta") or {},
            notes=entry.get("notes"),
            description=entry.get("description"),
            severity=entry.get("severity", "critical"),
        ).to_domain_obj()
    except Exception as exc:  # GX raises several unrelated types (lookup, pydantic, value errors)
        reason = " ".join(str(exc).split())[:300] or type(exc).__name__
        raise _fail(index, entry, f"Great Expectations rejected it: {reason}") from exc
    if not isinstance(
        expectation, (ColumnMapExpectation, ColumnPairMapExpectation, MulticolumnMapExpectation)
    ):
        raise _fail(
            index,
            entry,
            "only row-level expectations (column values, column pairs, multicolumn) "
            "can be checked per document.",
        )
    missing = [c for c in _referenced_columns(entry["kwargs"]) if c not in INVOICE_COLUMNS]
    if missing:
        raise _fail(index, entry, f"unknown column(s) {missing}; available: {list(INVOICE_COLUMNS)}.")
    return expectation


def check_custom_expectations(configs: list[dict]) -> list[dict]:
    """Check a user's expectation configurations against GX; returns them in canonical form
    (`type`, `kwargs`, `meta`, `description`, `severity`). Raises `InvalidExpectation` on the first bad
    one."""
    if not isinstance(configs, list):
        raise InvalidExpectation(
            f"Custom expectations must be a JSON list, got {type(configs).__name__}.", detail={"index": None}
        )
    canonical = []
    for index, entry in enumerate(configs):
        expectation = _check_one(index, entry)
        canonical.append(
            {
                "type": expectation.expectation_type,
                "kwargs": dict(entry["kwargs"]),
                "meta": dict(entry.get("meta") or {}),
                "description": entry.get("description"),
                "severity": getattr(expectation.severity, "value", expectation.severity),
            }
        )
    return canonical


def build_custom_suite(configs: list[dict]) -> ExpectationSuite:
    """The `custom` suite from already checked configurations."""
    import great_expectations as gx

    return gx.ExpectationSuite(name="custom", expectations=[_check_one(i, c) for i, c in enumerate(configs)])
