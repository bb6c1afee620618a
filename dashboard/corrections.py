"""Build the body of `PATCH /api/projects/{id}/documents/{doc_id}/fields/` from the review form.

Only values the reviewer changed are sent, so each one becomes exactly one audit record.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

LINE_ITEM_COLUMNS: tuple[str, ...] = ("description", "quantity", "unit_price", "amount")


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value).strip()


def changed_fields(
    original: Mapping[str, Mapping[str, Any]], edited: Mapping[str, str]
) -> dict[str, str | None]:
    """`{name: new value}` for every edited field whose text differs from the extracted value.

    A field cleared to an empty string is sent as `None` (the API removes the value).
    """
    changes: dict[str, str | None] = {}
    for name, new in edited.items():
        old = _as_text((original.get(name) or {}).get("value"))
        new_text = _as_text(new)
        if new_text != old:
            changes[name] = new_text or None
    return changes


def normalise_line_items(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, str | None]]:
    """Rows of the line-item editor as the API's `{description, quantity, unit_price, amount}` strings;
    rows with every cell empty are dropped."""
    items: list[dict[str, str | None]] = []
    for row in rows:
        item = {col: (_as_text(row.get(col)) or None) for col in LINE_ITEM_COLUMNS}
        if any(v is not None for v in item.values()):
            items.append(item)
    return items


def patch_body(
    original_fields: Mapping[str, Mapping[str, Any]],
    edited_fields: Mapping[str, str],
    original_items: Iterable[Mapping[str, Any]],
    edited_items: Iterable[Mapping[str, Any]],
) -> dict[str, Any]:
    """The PATCH body, or `{}` when nothing changed. `line_items` is sent only when the table changed."""
    body: dict[str, Any] = {}
    fields = changed_fields(original_fields, edited_fields)
    if fields:
        body["fields"] = fields
    new_items = normalise_line_items(edited_items)
    if new_items != normalise_line_items(original_items):
        body["line_items"] = new_items
        body.setdefault("fields", {})
    return body
