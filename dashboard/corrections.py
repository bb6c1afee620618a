"""Build the body of `PATCH /api/projects/{id}/documents/{doc_id}/fields/` from the review form, and the
form's field list (the API's `GET /api/fields/`, not a copy of it).

Only values the reviewer changed are sent, so each one becomes exactly one audit record.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

from dashboard.api_client import ApiError

FIELDS_CACHE = "invoice_fields"  # session key: {api base URL: the API's field list}

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


def with_hidden_cells(
    items: list[dict[str, str | None]], originals: Iterable[Mapping[str, Any]]
) -> list[dict[str, str | None]]:
    """The edited items with the cells the editor does not show (the VAT rate, an e-invoice line's price
    terms such as its discount): from the original item at the same place when the table kept its
    length, else from the one original item with the same description. Without them a corrected table
    would lose its discounts and the line check would fail lines that are right."""
    originals = [dict(o) for o in originals]
    descriptions = Counter(_as_text(o.get("description")) for o in originals)
    out = []
    for index, item in enumerate(items):
        source: Mapping[str, Any] | None = None
        if len(items) == len(originals):
            source = originals[index]
        elif (text := _as_text(item.get("description"))) and descriptions[text] == 1:
            source = next(o for o in originals if _as_text(o.get("description")) == text)
        hidden = {
            k: _as_text(v) for k, v in (source or {}).items() if k not in LINE_ITEM_COLUMNS and _as_text(v)
        }
        out.append({**hidden, **item})
    return out


def patch_body(
    original_fields: Mapping[str, Mapping[str, Any]],
    edited_fields: Mapping[str, str],
    original_items: Iterable[Mapping[str, Any]],
    edited_items: Iterable[Mapping[str, Any]],
    full_items: Iterable[Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """The PATCH body, or `{}` when nothing changed. `line_items` is sent only when the table changed,
    with each item's hidden cells from `full_items` (the document's items as the API gave them)."""
    body: dict[str, Any] = {}
    fields = changed_fields(original_fields, edited_fields)
    if fields:
        body["fields"] = fields
    new_items = normalise_line_items(edited_items)
    if new_items != normalise_line_items(original_items):
        body["line_items"] = with_hidden_cells(new_items, full_items or [])
        body.setdefault("fields", {})
    return body


def invoice_fields(client: Any, state: MutableMapping[str, Any]) -> list[dict[str, Any]] | None:
    """The API's invoice fields in display order (`[{name, kind, label}]`), asked once per session and
    API (kept in `state`, the session state); `None` when the call fails (asked again on the next run)."""
    cache: dict = state.setdefault(FIELDS_CACHE, {})
    base_url = getattr(client, "base_url", "")
    if base_url not in cache:
        try:
            listed = client.fields()
        except ApiError:
            return None
        if not isinstance(listed, list) or not all(isinstance(f, dict) and f.get("name") for f in listed):
            return None
        cache[base_url] = listed
    return cache[base_url]


def field_order(listed: Iterable[Mapping[str, Any]] | None, fields: Mapping[str, Any]) -> tuple[str, ...]:
    """The names of the review form, in order: the API's list, or, without it, the document's own
    fields (then no field is offered as "not found")."""
    if listed is None:
        return tuple(fields)
    return tuple(str(f["name"]) for f in listed)


def saved_text(sent: Mapping[str, Any], saved: Mapping[str, Any] | None) -> str:
    """The fields saved, as the flash says them: `invoice date (31.12.2024 saved as 2024-12-31), total`.
    The API stores a date or amount typed as printed in the pipeline's form (`2024-12-31`, `1234.50`);
    the clerk is told when what was stored differs from what was typed."""
    stored = (saved or {}).get("fields") or {}
    parts = []
    for name, typed in sent.items():
        label = name.replace("_", " ")
        value = (stored.get(name) or {}).get("value") if isinstance(stored.get(name), Mapping) else None
        if typed is not None and value is not None and str(value) != str(typed).strip():
            label += f" ({str(typed).strip()} saved as {value})"
        elif typed is None:
            label += " (cleared)"
        parts.append(label)
    return ", ".join(parts)


def _change_text(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, list):  # line items: one correction holds the whole table
        return f"{len(value)} line item(s)"
    return str(value)


def correction_rows(corrections: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """The correction history as a clerk reads it: field, was, now, by, when (UTC, to the second)."""
    rows = []
    for c in corrections:
        when = str(c.get("created_at") or "").replace("T", " ", 1)[:19]
        rows.append(
            {
                "field": str(c.get("field") or "").replace("_", " "),
                "was": _change_text(c.get("old_value")),
                "now": _change_text(c.get("new_value")),
                "by": str(c.get("user") or ""),
                "when (UTC)": when,
            }
        )
    return rows
