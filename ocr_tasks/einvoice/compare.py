"""The e-invoice's XML against its visible page: the values an AP team must see agree (total, issue date,
invoice number, IBAN, seller VAT id). A field counts only when both sides have it: a value the page
extraction missed is no mismatch. Amounts compare by absolute value (credit notes often print theirs
without sign), identifiers without spaces and case."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from ocr_tasks.invoice_types import Invoice

COMPARED: tuple[str, ...] = ("total", "invoice_date", "invoice_number", "iban", "vendor_tax_id")


def _key(name: str, value: str) -> Any:
    if name == "total":
        try:
            return abs(Decimal(value))
        except InvalidOperation:
            return value
    return "".join(value.split()).upper()


def page_mismatches(xml: Invoice, page: Invoice) -> list[dict[str, Any]]:
    """`{field, xml, page, page_confidence}` for each compared field whose two values differ."""
    out = []
    for name in COMPARED:
        expected, shown = xml.get(name), page.get(name)
        if expected and shown and _key(name, expected) != _key(name, shown):
            confidence = page.fields[name].confidence
            out.append(
                {"field": name, "xml": expected, "page": shown, "page_confidence": round(confidence, 4)}
            )
    return out


def checked_against_page(einvoice, document) -> Invoice:
    """The e-invoice's invoice (`EInvoice.as_invoice`) with `einvoice.page_mismatches` from the plain
    extraction of its pages' OCR/text layer (`document`; milliseconds, no second readings). A bare XML
    (no pages) is returned as is."""
    from dataclasses import replace

    from ocr_tasks.extraction.extract import extract_invoice

    invoice = einvoice.as_invoice()
    if not document.pages:
        return invoice
    mismatches = page_mismatches(invoice, extract_invoice(document))
    return replace(invoice, einvoice={**(invoice.einvoice or {}), "page_mismatches": mismatches})
