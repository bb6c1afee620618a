"""Validate a batch of extracted invoices with the suites: one GX run per suite over the whole batch.

`validate_batch` builds one frame per suite kind (all documents together), validates it in the shared
ephemeral context (`expectations.context`) and splits each expectation's unexpected rows back to their
documents, giving every document one `ValidationReport` per suite. An expectation that checks nothing
for a document (line-item checks of a document without line items, the format of a field that was not
found, an arithmetic check with an amount missing) passes with the observed value `NOT_APPLICABLE`
("not applicable"), so that reports say it was not checked rather than that it held.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

import pandas as pd

from expectations import context
from expectations.custom import build_custom_suite, check_custom_expectations
from expectations.frames import invoice_fields_frame, line_items_frame
from expectations.settings import DEFAULT_SETTINGS, ValidationSettings
from expectations.suites import CUSTOM, INVOICE_FIELDS, LINE_ITEMS, invoice_fields_suite, line_items_suite
from ocr_tasks.invoice_types import Invoice
from ocr_tasks.result_types import ERROR, WARNING, ExpectationOutcome, ValidationReport

_COLUMN_KWARGS = ("column", "column_A", "column_B")
# The observed value of an expectation that had nothing to check for a document: a line-item check on a
# document without line items, or a check of a field that was not found, passes as "not applicable"
# instead of claiming the value was fine.
NOT_APPLICABLE = "not applicable"


@lru_cache(maxsize=16)
def _suite(name: str, settings: ValidationSettings) -> Any:
    return {INVOICE_FIELDS: invoice_fields_suite, LINE_ITEMS: line_items_suite}[name](settings)


@lru_cache(maxsize=64)
def _custom_suite(configs_json: str) -> Any:
    return build_custom_suite(json.loads(configs_json))


def plain(value: Any) -> Any:
    """A JSON-friendly Python value: numpy scalars unwrapped, NaN as None, tuples as lists."""
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _columns(kwargs: Mapping[str, Any]) -> list[str]:
    columns = [kwargs[k] for k in _COLUMN_KWARGS if kwargs.get(k)]
    return columns + list(kwargs.get("column_list") or ())


def _one_or_many(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def _by_column(values: dict[str, Any]) -> Any:
    """One column's value alone; several columns as a {column: value} mapping."""
    return next(iter(values.values())) if len(values) == 1 else values


def _observed(rows: list[dict[str, Any]], columns: list[str]) -> Any:
    """The document's values of the expectation's columns: a scalar for one row and one column."""
    per_row = [_by_column({c: plain(row[c]) for c in columns if c in row}) for row in rows]
    if not per_row:
        return None
    distinct = [v for n, v in enumerate(per_row) if v not in per_row[:n]]
    return _one_or_many(distinct)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _checks_nothing(config: Any, rows: list[dict[str, Any]], columns: list[str]) -> bool:
    """True when GX skips every row of the document for this expectation: no rows at all (line-item
    checks of a document without line items), or only rows whose values it ignores (a format or range
    check of a field that was not found, a pair check with a value missing). Not-null checks look at
    missing values, so they always check something."""
    if not rows:
        return True
    if "not_be_null" in str(config.type) or not columns:
        return False
    ignore = str(config.kwargs.get("ignore_row_if") or "")
    for row in rows:
        missing = [_missing(row.get(c)) for c in columns]
        if len(columns) == 1:
            skipped = missing[0]
        elif ignore in ("either_value_is_missing", "any_value_is_missing"):
            skipped = any(missing)
        elif ignore == "never":
            skipped = False
        else:  # GX's defaults: both_values_are_missing / all_values_are_missing
            skipped = all(missing)
        if not skipped:
            return False
    return True


def _unexpected_by_document(result: Any, columns: list[str]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = defaultdict(list)
    for entry in (result.result or {}).get("unexpected_index_list") or ():
        values = {c: plain(entry.get(c)) for c in columns if c in entry}
        found[str(entry["document_id"])].append(_by_column(values))
    return found


def _template(config: Any) -> ExpectationOutcome:
    """The document-independent part of an expectation's outcome (read once per expectation)."""
    meta = config.meta or {}
    severity = getattr(config.severity, "value", config.severity)
    columns = _columns(config.kwargs)
    return ExpectationOutcome(
        expectation=config.type,
        description=config.description or f"Custom expectation {config.type} on {', '.join(columns)}.",
        success=True,
        severity=ERROR if severity in (None, "critical") else WARNING,
        fields=tuple(meta.get("fields") or columns),
    )


def _validate_suite(
    suite: Any, asset: str, frame: pd.DataFrame, document_ids: Sequence[str]
) -> dict[str, tuple[ExpectationOutcome, ...]]:
    rows_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in frame.to_dict("records"):
        rows_of[str(row["document_id"])].append(row)
    outcomes: dict[str, list[ExpectationOutcome]] = {doc_id: [] for doc_id in document_ids}
    if frame.empty:
        configs = [(e.configuration, None) for e in suite.expectations]
    else:
        run = context.validate_frame(asset, frame, suite)
        configs = [(r.expectation_config, r) for r in run.results]
    for config, result in configs:
        template = _template(config)
        columns = _columns(config.kwargs)
        crashed = result is not None and (result.exception_info or {}).get("raised_exception")
        unexpected = _unexpected_by_document(result, columns) if result is not None else {}
        for doc_id in document_ids:
            bad = unexpected.get(doc_id, [])
            rows = rows_of.get(doc_id, [])
            skipped = not bad and _checks_nothing(config, rows, columns)
            observed = NOT_APPLICABLE if skipped else _observed(rows, columns)
            if crashed and rows:
                observed = {"error": str(result.exception_info.get("exception_message"))}
            outcomes[doc_id].append(
                replace(
                    template,
                    success=not bad and not (crashed and rows),
                    observed_value=observed,
                    unexpected_values=tuple(bad),
                )
            )
    return {doc_id: tuple(items) for doc_id, items in outcomes.items()}


def validate_batch(
    invoices: Mapping[str, Invoice],
    *,
    settings: ValidationSettings | None = None,
    custom_expectations: Sequence[dict] = (),
) -> dict[str, tuple[ValidationReport, ...]]:
    """Validate every invoice of the batch; keyed by document id, one report per suite
    (`invoice_fields`, `line_items`, and `custom` when the project has its own expectations).
    A bad custom expectation raises `InvalidExpectation` before anything runs."""
    settings = settings or DEFAULT_SETTINGS
    document_ids = [str(doc_id) for doc_id in invoices]
    if not document_ids:
        return {}
    custom_json = json.dumps(check_custom_expectations(list(custom_expectations)), sort_keys=True)
    fields_frame = invoice_fields_frame(invoices, settings)
    per_suite = {
        INVOICE_FIELDS: _validate_suite(
            _suite(INVOICE_FIELDS, settings), INVOICE_FIELDS, fields_frame, document_ids
        ),
        LINE_ITEMS: _validate_suite(
            _suite(LINE_ITEMS, settings), LINE_ITEMS, line_items_frame(invoices, settings), document_ids
        ),
    }
    if custom_expectations:
        per_suite[CUSTOM] = _validate_suite(
            _custom_suite(custom_json), INVOICE_FIELDS, fields_frame, document_ids
        )
    return {
        doc_id: tuple(
            ValidationReport(doc_id, name, outcomes[doc_id]) for name, outcomes in per_suite.items()
        )
        for doc_id in document_ids
    }
