"""The current value of a document's fields and line items: the extraction, overridden by reviewers'
corrections. Pure functions over a `DocumentResult` row (or None)."""

from __future__ import annotations

from typing import Any

from ocr_tasks.invoice_types import LINE_ITEM_COLUMNS


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
        {col: (item.get(col) or {}).get("value") for col in LINE_ITEM_COLUMNS if col in item}
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
