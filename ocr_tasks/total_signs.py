"""The signs of a document's totals (subtotal, tax, total, amount due): whether they agree, and how to
name them when they do not. One rule for the validation's `amount_signs` column
(`expectations.frames`) and the credit note export (`ocr_tasks.einvoice.writers.credit_signs`); each
reads the amounts as numbers its own way and hands them here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from ocr_tasks.invoice_types import Invoice

TOTALS: tuple[str, ...] = ("subtotal", "tax_amount", "total", "amount_due")
TOTAL_LABELS: dict[str, str] = {
    "subtotal": "subtotal",
    "tax_amount": "tax",
    "total": "total",
    "amount_due": "amount due",
}
POSITIVE, NEGATIVE, MIXED = "positive", "negative", "mixed"


def totals_sign(known: Mapping[str, float | Decimal]) -> str | None:
    """`positive` or `negative` when the known totals agree in sign (zero agrees with either), `mixed`
    when some are positive and others negative; None when none is known."""
    if not known:
        return None
    values = known.values()
    if any(v > 0 for v in values) and any(v < 0 for v in values):
        return MIXED
    return NEGATIVE if any(v < 0 for v in values) else POSITIVE


def printed_totals(invoice: Invoice, names: Iterable[str]) -> str:
    """The named totals as the document holds them (`subtotal 100.00, total -119.00`)."""
    return ", ".join(f"{TOTAL_LABELS[name]} {invoice.get(name)}" for name in names)
