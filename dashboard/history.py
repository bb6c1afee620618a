"""The review page's history: who changed which field of a document, when, from what to what (the
detail's `corrections`, oldest first), and who approved or rejected it. Plain strings, escaped for
Markdown; drawn by the review page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dashboard.wording import label_of, markdown_safe, short_time


def _value(value: Any) -> str:
    if value is None or value == "":
        return "nothing"
    if isinstance(value, list):
        return f"{len(value)} line item(s)"
    return f"“{markdown_safe(str(value))}”"


def history_lines(doc: Mapping[str, Any], labels: Mapping[str, str] | None = None) -> list[str]:
    """One line per change, oldest first: `2026-11-30 21:04:22 UTC · rita · PO number: “1257” → “PO-1”`
    (`labels`: the API's field labels), then the approval or rejection that stands."""
    labels = labels or {}
    lines = []
    for change in doc.get("corrections") or []:
        field = str(change.get("field") or "?")
        what = "Line items" if field == "line_items" else labels.get(field) or label_of(field)
        lines.append(
            f"{short_time(change.get('created_at'))} · {markdown_safe(str(change.get('user') or '?'))} · "
            f"{what}: {_value(change.get('old_value'))} → {_value(change.get('new_value'))}"
        )
    first = doc.get("first_approval")
    if isinstance(first, Mapping):
        lines.append(
            f"{short_time(first.get('at'))} · {markdown_safe(str(first.get('by') or '?'))} · first approval"
        )
    if doc.get("approved_by"):
        lines.append(
            f"{short_time(doc.get('approved_at'))} · {markdown_safe(str(doc['approved_by']))} · approved"
            + (" despite failed checks" if doc.get("approval_override_reason") else "")
        )
    rejection = doc.get("rejection")
    if isinstance(rejection, Mapping):
        lines.append(
            f"{short_time(rejection.get('at'))} · {markdown_safe(str(rejection.get('by') or '?'))} · rejected"
        )
    return lines
