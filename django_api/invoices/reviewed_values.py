"""The current value of a document's fields and line items: the extraction, overridden by reviewers'
corrections. Pure functions over a `DocumentResult` row (or None)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ocr_tasks.invoice_types import LINE_ITEM_CELLS, FieldValue, Invoice, LineItem


def current_fields(result) -> dict[str, str | None]:
    if result is None:
        return {}
    values: dict[str, str | None] = {name: f.get("value") for name, f in result.fields.items()}
    values.update(result.corrected_fields)
    return values


def current_line_items(result) -> list[dict[str, Any]]:
    if result is None:
        return []
    if result.corrected_line_items is not None:
        return [dict(row) for row in result.corrected_line_items]
    return [
        {col: (item.get(col) or {}).get("value") for col in LINE_ITEM_CELLS if col in item}
        for item in result.line_items
    ]


def field_confidences(result) -> list[float]:
    if result is None:
        return []
    return [
        float(f.get("confidence", 0.0))
        for name, f in result.fields.items()
        if name not in result.corrected_fields
    ]


def key_field_confidence(result, names) -> float | None:
    """The lowest confidence among the key fields `names` the document has: a reviewer's value counts as
    sure (1.0), a field not found is left out (triage reports it apart); None when it has none of them.
    Unlike the lowest of all fields, one weak optional field (a tax amount the calibration rates 0.0)
    does not make a document with sure key fields read as 0 % sure."""
    if result is None:
        return None
    confidences = []
    for name in names:
        if name in result.corrected_fields:
            if result.corrected_fields[name] is not None:
                confidences.append(1.0)
        elif name in result.fields:
            confidences.append(float(result.fields[name].get("confidence", 0.0)))
    return round(min(confidences), 4) if confidences else None


def reviewed_invoice(result) -> Invoice:
    """The document's current values as an `Invoice` (what the suites validate): each reviewer's value
    replaces the extracted one (confidence 1.0, box kept when the field had one), a cleared field is
    absent, and the reviewers' line items replace the extracted ones."""
    if result is None:
        return Invoice()
    extracted = Invoice.from_dict((result.result or {}).get("invoice") or {"fields": result.fields})
    fields = dict(extracted.fields)
    for name, value in result.corrected_fields.items():
        if value is None:
            fields.pop(name, None)
            continue
        base = fields.get(name)
        fields[name] = FieldValue(
            name=name,
            value=value,
            raw_text=value,
            confidence=1.0,
            page=base.page if base else 0,
            bbox=base.bbox if base else None,
        )
    items = extracted.line_items
    if result.corrected_line_items is not None:
        items = tuple(
            LineItem(
                cells={
                    col: FieldValue(name=col, value=str(cell), raw_text=str(cell), confidence=1.0)
                    for col, cell in row.items()
                    if cell is not None
                }
            )
            for row in result.corrected_line_items
        )
    return replace(extracted, fields=fields, line_items=items)
