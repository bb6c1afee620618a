"""Invoices built in code for the expectation tests: one good invoice and variants of it."""

from __future__ import annotations

from datetime import date

from ocr_tasks.invoice_types import FieldValue, Invoice, LineItem

TODAY = date(2026, 6, 15)
GOOD_FIELDS = {
    "vendor_name": "Acme Trading Sdn Bhd",
    "invoice_number": "INV-2026/0042",
    "invoice_date": "2026-06-01",
    "due_date": "2026-07-01",
    "currency": "MYR",
    "subtotal": "100.00",
    "tax_amount": "6.00",
    "tax_rate": "6.00",
    "total": "106.00",
    "amount_due": "106.00",
}
GOOD_ITEMS = (
    {"description": "Paper A4", "quantity": "2", "unit_price": "25.00", "amount": "50.00"},
    {"description": "Toner", "quantity": "1", "unit_price": "50.00", "amount": "50.00"},
)


def make_invoice(
    fields: dict[str, str | None] | None = None,
    items: tuple[dict[str, str | None], ...] | None = None,
    confidence: dict[str, float] | None = None,
) -> Invoice:
    """The good invoice with `fields` changed (None removes a field), other `items`, lower `confidence`."""
    values = {**GOOD_FIELDS, **(fields or {})}
    conf = confidence or {}
    return Invoice(
        fields={n: FieldValue(n, v, v, conf.get(n, 0.95)) for n, v in values.items() if v is not None},
        line_items=tuple(
            LineItem({c: FieldValue(c, v, v, 0.9) for c, v in item.items() if v is not None})
            for item in (GOOD_ITEMS if items is None else items)
        ),
    )
