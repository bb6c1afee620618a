"""What kind of document the page is: `invoice`, `credit_note` or `receipt` (the `document_type` field).

The title decides when one is printed in the upper part of the first page: a credit-note title (`Avoir`,
`Gutschrift`, `Credit note`, or a credit word before an invoice title: `Credit invoice`, `Storno-Rechnung`)
or a receipt title (`Kassenbon`, `Ticket de caisse`, `Official receipt`)
starting a row. Without a title, a page that records cash handed over and change given is a receipt (a
sale settled at the counter), and so is one that records a card payment and names no customer and no due
date; anything else is an invoice, with a lower confidence.
"""

from __future__ import annotations

import re

from ocr_tasks.extraction.keywords import concept_alternation, concept_pattern
from ocr_tasks.extraction.rows import Row
from ocr_tasks.invoice_types import FieldValue

_CREDIT_NOTE_TITLE = concept_pattern(("credit_note_title",))
_COMPOSED_CREDIT_TITLE = re.compile(
    r"(?:"
    + concept_alternation("credit_word")
    + r")[\s\-]*(?:"
    + concept_alternation("invoice_title")
    + r")(?!\w)",
    re.IGNORECASE,
)
_RECEIPT_TITLE = concept_pattern(("receipt_title",))
_INVOICE_TITLE = concept_pattern(("invoice_title",))
_CASH = concept_pattern(("cash",))
_CHANGE = concept_pattern(("change",))
_CARD_PAYMENT = concept_pattern(("card_payment",))
TITLE_AREA = 0.4  # share of the first page's height where a title is looked for


def _title_rows(rows: list[Row]) -> list[Row]:
    first_page = rows[0].page if rows else 0
    return [r for r in rows if r.page == first_page and r.bbox.y0 < TITLE_AREA]


def _titled(rows: list[Row], pattern) -> Row | None:
    """The first row of the title area that starts with one of the pattern's phrases."""
    for row in _title_rows(rows):
        m = pattern.match(row.text.strip())
        if m is not None:
            return row
    return None


def _credit_note_title(rows: list[Row]) -> Row | None:
    return _titled(rows, _CREDIT_NOTE_TITLE) or _titled(rows, _COMPOSED_CREDIT_TITLE)


def is_credit_note(rows: list[Row]) -> bool:
    """Whether the document is titled as a credit note (`Avoir AV-2017-0005`, `Gutschrift`)."""
    return _credit_note_title(rows) is not None


def _field(value: str, confidence: float, row: Row | None) -> FieldValue:
    return FieldValue(
        "document_type",
        value,
        row.text.strip() if row is not None else "",
        confidence,
        row.page if row is not None else 0,
        row.bbox if row is not None else None,
    )


def document_type_field(rows: list[Row], *, addressed: bool = True) -> FieldValue:
    """The `document_type` field with the title row that says it (no box when nothing is printed).
    `addressed`: the page names a customer or a due date; an untitled page that does neither and records
    a card payment (`Bezahlt girocard`, `Betaald met pin`, `Pagamento elettronico`) and prints no invoice
    word in its title area is a receipt too (a sale settled at the counter: a fuel station's, a taxi's)."""
    if (row := _credit_note_title(rows)) is not None:
        return _field("credit_note", 0.95, row)
    if (row := _titled(rows, _RECEIPT_TITLE)) is not None:
        return _field("receipt", 0.9, row)
    settled_at_counter = any(_CASH.search(r.text) for r in rows) and any(_CHANGE.search(r.text) for r in rows)
    if settled_at_counter:
        return _field("receipt", 0.75, None)
    if (row := _titled(rows, _INVOICE_TITLE)) is not None:
        return _field("invoice", 0.9, row)
    titled = any(  # `Credit card invoice`; a receipt word (`... WITH RECEIPT`) is no invoice's title
        (m := _INVOICE_TITLE.search(r.text)) and not _RECEIPT_TITLE.match(m.group(0))
        for r in _title_rows(rows)
    )
    paid = None if addressed or titled else next((r for r in rows if _CARD_PAYMENT.search(r.text)), None)
    if paid is not None:
        return _field("receipt", 0.7, paid)
    return _field("invoice", 0.6, None)
