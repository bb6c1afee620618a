"""What kind of document the page is: `invoice`, `credit_note`, `receipt` or `quote` (the `document_type`
field).

The title decides when one is printed in the upper part of the first page: a credit-note title (`Avoir`,
`Gutschrift`, `Credit note`, or a credit word before an invoice title: `Credit invoice`, `Storno-Rechnung`)
or a receipt title (`Kassenbon`, `Ticket de caisse`, `Official receipt`) starting a row (a credit-note title
also alone, with its number, in a part of a row after a column gap: `quillstack CREDIT NOTE`; a row that
prints a price is an item, no title); a quote's title (`Angebot`, `Devis`, `Offerte`, `Proforma invoice`:
the lexicons' `quote_title`) starting a row or a part of a row after a column gap, when no part starts with
an invoice title (an invoice's info box may name the quote it follows). A quote or proforma is no invoice to
book: it asks for no payment it could be booked against. A `Gutschrift` that says it is a self-billed
invoice (`self_billing`) is an invoice. Without a title, a page that records cash handed over and change
given is a receipt (a sale settled at the counter), and so is one that records a card payment and names no
customer and no due date, titled as an invoice or not (a restaurant's `Rechnung` paid at the table);
anything else is an invoice, with a lower confidence.
"""

from __future__ import annotations

import re

from ocr_tasks.extraction.keywords import concept_alternation, concept_pattern, letters_joined
from ocr_tasks.extraction.rows import Row
from ocr_tasks.extraction.self_billing import is_self_billed
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
_QUOTE_TITLE = concept_pattern(("quote_title",))
_CASH = concept_pattern(("cash",))
_CHANGE = concept_pattern(("change",))
_CARD_PAYMENT = concept_pattern(("card_payment",))
TITLE_AREA = 0.4  # share of the first page's height where a title is looked for


def _title_text(row: Row) -> str:
    """A row's text as a title is read: stripped, letter-spaced words written as words (a line printer's
    `C R E D I T   M E M O`)."""
    return letters_joined(row.text.strip())


def _title_rows(rows: list[Row]) -> list[Row]:
    first_page = rows[0].page if rows else 0
    return [r for r in rows if r.page == first_page and r.bbox.y0 < TITLE_AREA]


def _titled(rows: list[Row], pattern) -> Row | None:
    """The first row of the title area that starts with one of the pattern's phrases."""
    for row in _title_rows(rows):
        m = pattern.match(_title_text(row))
        if m is not None:
            return row
    return None


# Labels of the other documents an invoice names (`Bon de livraison`, `BON LIVR. N°`, `Bon de commande`):
# a receipt word (`bon`) that starts one is no title
_OTHER_DOCUMENT = concept_pattern(("delivery_note", "order_number"))


def _receipt_titled(rows: list[Row]) -> Row | None:
    """The first row of the title area that starts with a receipt's title that is not the start of a longer
    label of another document (`BON LIVR. N° ..: BL2600977` names a delivery note)."""
    for row in _title_rows(rows):
        text = _title_text(row)
        m = _RECEIPT_TITLE.match(text)
        if m is None:
            continue
        other = _OTHER_DOCUMENT.match(text)
        if other is None or other.end() <= m.end():
            return row
    return None


def _parts(row: Row) -> list[str]:
    """The row's parts between column gaps (`Plomberie Martin  DEVIS N° D-2024-031`)."""
    return [p for p in re.split(r"\s{2,}", _title_text(row)) if p]


def _quote_title(rows: list[Row]) -> Row | None:
    """The first row of the title area with a part that starts with a quote's title, unless a part of a
    title row starts with an invoice title (`Rechnung` over an info box naming `Angebot AN-12`)."""
    title_rows = _title_rows(rows)
    if any(_INVOICE_TITLE.match(part) for row in title_rows for part in _parts(row)):
        return None
    return next((row for row in title_rows if any(_QUOTE_TITLE.match(p) for p in _parts(row))), None)


def is_quote(rows: list[Row]) -> bool:
    """Whether the document is titled as a quote or a proforma (`Angebot`, `DEVIS N° D-2024-031`)."""
    return _quote_title(rows) is not None and _credit_note_title(rows) is None


# A price (`-50,00`, `1.234,56`): a row that prints one is an item or totals row, no title; a date's day and
# month (`Gutschrift zur Rechnung RE-2025-0388 vom 22.09.2025`) are none
_PRICE = re.compile(r"\d[.,]\d{2}(?!\d|[.,]\d)")
# A number after a title in its own part (`CREDIT NOTE  CN-0042`, `Avoir n° 12`)
_TITLE_NUMBER = re.compile(r"\s*(?:(?:no|nr|n°|#)\.?:?\s*)?[\w/\-]*\d[\w/\-]*", re.IGNORECASE)


def _credit_note_title(rows: list[Row]) -> Row | None:
    """The title area's first row that starts with a credit-note title, or holds one alone (with its number)
    in the parts after a column gap (`quillstack      CREDIT NOTE`: a title right of the letterhead; `CREDIT
    MEMO` letter-spaced, which OCR reads as words apart by column gaps); a row that prints a price is an
    item (`Avoir commercial – geste ...  -50,00 €` on an invoice), no title."""
    for row in _title_rows(rows):
        text = _title_text(row)
        if _PRICE.search(text):
            continue
        if _CREDIT_NOTE_TITLE.match(text) or _COMPOSED_CREDIT_TITLE.match(text):
            return row
        parts = _parts(row)
        for part in (" ".join(parts[i:]) for i in range(1, len(parts))):
            m = _CREDIT_NOTE_TITLE.match(part) or _COMPOSED_CREDIT_TITLE.match(part)
            rest = part[m.end() :] if m is not None else None
            if rest is not None and (not rest.strip() or _TITLE_NUMBER.fullmatch(rest)):
                return row
    return None


def is_credit_note(rows: list[Row]) -> bool:
    """Whether the document is titled as a credit note (`Avoir AV-2017-0005`, `Gutschrift`), and is no
    self-billed invoice (`Gutschrift` in the sense of § 14 Abs. 2 UStG, `self_billing`)."""
    return _credit_note_title(rows) is not None and not is_self_billed(rows)


def _card_paid(rows: list[Row]) -> Row | None:
    """The row that records a card payment (`Bezahlt Mastercard`, `Betaald met pin`), if any."""
    return next((r for r in rows if _CARD_PAYMENT.search(r.text)), None)


def _field(value: str, confidence: float, row: Row | None) -> FieldValue:
    return FieldValue(
        "document_type",
        value,
        row.text.strip() if row is not None else "",
        confidence,
        row.page if row is not None else 0,
        row.bbox if row is not None else None,
    )


def settled_at_till(rows: list[Row]) -> bool:
    """Evidence, whoever the page seems to name, that it records a sale settled at a counter: a receipt's
    title starting a row of the title area, cash handed over with change given, or a card payment on a page
    whose title area no invoice, credit-note or quote title heads (a till roll's `SALE` / `Till 2  Receipt
    20817` paid by card). Such a page names a customer only where it says so (a label, a salutation)."""
    if _credit_note_title(rows) is not None or _quote_title(rows) is not None:
        return False
    if _receipt_titled(rows) is not None:
        return True
    if any(_CASH.search(r.text) for r in rows) and any(_CHANGE.search(r.text) for r in rows):
        return True
    titled = any(
        (m := _INVOICE_TITLE.search(r.text)) and not _RECEIPT_TITLE.match(m.group(0))
        for r in _title_rows(rows)
    )
    return not titled and _card_paid(rows) is not None


def document_type_field(rows: list[Row], *, addressed: bool = True) -> FieldValue:
    """The `document_type` field with the title row that says it (no box when nothing is printed).
    `addressed`: the page names a customer or a due date; an untitled page that does neither and records
    a card payment (`Bezahlt girocard`, `Betaald met pin`, `Pagamento elettronico`) and prints no invoice
    word in its title area is a receipt too (a sale settled at the counter: a fuel station's, a taxi's)."""
    if (row := _credit_note_title(rows)) is not None:
        if is_self_billed(rows):
            return _field("invoice", 0.85, row)  # a self-billed invoice (EN 16931 type 389)
        return _field("credit_note", 0.95, row)
    if (row := _receipt_titled(rows)) is not None:
        return _field("receipt", 0.9, row)
    if (row := _quote_title(rows)) is not None:
        return _field("quote", 0.9, row)
    settled_at_counter = any(_CASH.search(r.text) for r in rows) and any(_CHANGE.search(r.text) for r in rows)
    if settled_at_counter:
        return _field("receipt", 0.75, None)
    if (row := _titled(rows, _INVOICE_TITLE)) is not None:
        if not addressed and _card_paid(rows) is not None:
            return _field("receipt", 0.7, row)  # a restaurant's `Rechnung` paid by card at the table
        return _field("invoice", 0.9, row)
    titled = any(  # `Credit card invoice`; a receipt word (`... WITH RECEIPT`) is no invoice's title
        (m := _INVOICE_TITLE.search(r.text)) and not _RECEIPT_TITLE.match(m.group(0))
        for r in _title_rows(rows)
    )
    paid = None if addressed or titled else _card_paid(rows)
    if paid is not None:
        return _field("receipt", 0.7, paid)
    return _field("invoice", 0.6, None)
