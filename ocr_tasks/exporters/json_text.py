"""JSON and plain-text exports."""

from __future__ import annotations

import json

from ocr_tasks.ocr_types import OcrDocument

PAGE_BREAK = "\f"


def to_json(doc: OcrDocument, *, indent: int | None = 2) -> str:
    """The document's `to_dict()` as JSON (round-trips through `OcrDocument.from_dict(json.loads(...))`)."""
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=indent)


def to_text(doc: OcrDocument) -> str:
    """Plain text in reading order: a line per line, a blank line between blocks, a form feed between
    pages."""
    return f"\n{PAGE_BREAK}\n".join(page.text for page in doc.pages) + "\n"
