"""The VAT breakdown of any invoice as a bookkeeping import books it: one row per VAT category and rate
with its net amount, tax and gross, in the direction it books (a credit note's negative, its amounts
being kept as magnitudes).

The rows are the ones the UBL/CII export writes (`writers.vat.vat_breakdown`: the e-invoice's own
breakdown, else the lines' rates when they hold two or more, else the single rate the document gives or
its tax implies on its subtotal), each saying where it came from (`basis`): `einvoice`, `lines`,
`single_rate`, or `totals` when no rate can be told (one row with the subtotal and the tax, the rate
empty: a person books it). Nothing is invented: a document without a subtotal or a tax still gets its
`totals` row with what it has. Rows derived from the lines or a rate count only when they add up to
the document's subtotal and tax.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ocr_tasks.invoice_types import Invoice

EINVOICE, LINES, SINGLE_RATE, TOTALS = "einvoice", "lines", "single_rate", "totals"


@dataclass(frozen=True, slots=True)
class VatRow:
    category: str | None  # EN 16931 VAT category code (S, Z, E, AE, K, G, O, ...); None: not known
    rate: Decimal | None  # percent; None: not known (or "not subject to VAT")
    net: Decimal | None
    tax: Decimal | None
    basis: str  # where the row comes from: einvoice, lines, single_rate, totals

    @property
    def gross(self) -> Decimal | None:
        return None if self.net is None or self.tax is None else self.net + self.tax

    def booked(self, *, credit_note: bool) -> dict[str, str | None]:
        """Net, tax and gross as decimal strings in the direction they book: a credit note's negative."""

        def text(value: Decimal | None) -> str | None:
            if value is None:
                return None
            return f"{-value:f}" if credit_note else f"{value:f}"

        return {"net": text(self.net), "tax": text(self.tax), "gross": text(self.gross)}


def _totals(invoice: Invoice) -> tuple[Decimal | None, Decimal | None]:
    """(subtotal, tax), each derived from the total and the other when missing."""
    from ocr_tasks.einvoice.writers.values import decimal_value

    subtotal, tax, total = (decimal_value(invoice.get(n)) for n in ("subtotal", "tax_amount", "total"))
    if subtotal is None and tax is not None and total is not None:
        subtotal = total - tax
    if tax is None and subtotal is not None and total is not None:
        tax = total - subtotal
    return subtotal, tax


def _agrees(rows, subtotal: Decimal | None, tax: Decimal | None) -> bool:
    """Derived rows count only when they add up to the document's subtotal and tax (a cent of rounding
    per row allowed): lines printed with VAT included would otherwise book the wrong amounts."""
    if subtotal is None or tax is None:
        return False
    slack = Decimal("0.01") * len(rows)
    net_sum = sum((r.basis for r in rows), Decimal(0))
    tax_sum = sum((r.tax for r in rows), Decimal(0))
    return abs(net_sum - subtotal) <= slack and abs(tax_sum - tax) <= slack


def vat_rows(invoice: Invoice) -> list[VatRow]:
    """The invoice's VAT rows (at least one)."""
    from ocr_tasks.einvoice.writers.credit_signs import credit_note_as_magnitudes
    from ocr_tasks.einvoice.writers.terms import EInvoiceExportInvalid
    from ocr_tasks.einvoice.writers.values import decimal_value
    from ocr_tasks.einvoice.writers.vat import lines_breakdown, vat_breakdown

    if invoice.get("document_type") == "credit_note":
        try:
            invoice = credit_note_as_magnitudes(invoice, syntax="CSV")
        except EInvoiceExportInvalid:  # totals of mixed signs: kept as read (the checks flag them)
            pass
    details = invoice.einvoice or {}
    subtotal, tax = _totals(invoice)
    kept = bool(details.get("vat_breakdown"))
    basis = EINVOICE if kept else LINES if lines_breakdown(invoice, details) else SINGLE_RATE
    rows = vat_breakdown(invoice, details, subtotal, tax, [])
    if rows and (kept or _agrees(rows, subtotal, tax)):
        return [VatRow(r.category, r.rate, r.basis, r.tax, basis) for r in rows]
    # only a rate the document states: the lines disagreed, so one its totals imply is a coincidence
    return [VatRow(None, decimal_value(invoice.get("tax_rate")), subtotal, tax, TOTALS)]
