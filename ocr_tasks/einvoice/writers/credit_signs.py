"""A credit note's amounts as the UBL CreditNote / CII 381 it is exported as: magnitudes.

The extraction reports a credit note's amounts as positive magnitudes whatever its page prints
(`ocr_tasks/extraction/README.md`) and an e-invoice read from a type-381 XML holds positive amounts, but a
reviewer may correct a credit note to negative amounts. EN 16931 writes a credit note (type 381) with
positive amounts, the type code carrying the direction. So a credit note whose totals are all negative or
zero is written with every amount as its absolute value (line quantities positive); one whose totals are
all positive or zero is written as it is; one mixing positive and negative totals says two things at once
and is refused (`EInvoiceExportInvalid`, rule `credit-note-signs`) rather than guessed. An invoice keeps
its signs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ocr_tasks.einvoice.writers.terms import EInvoiceExportInvalid
from ocr_tasks.einvoice.writers.values import decimal_value
from ocr_tasks.invoice_types import FieldValue, Invoice, LineItem
from ocr_tasks.total_signs import MIXED, NEGATIVE, TOTALS, printed_totals, totals_sign

ITEM_AMOUNTS = ("quantity", "unit_price", "amount")
RULE = "credit-note-signs"


def _abs_text(text: Any) -> Any:
    """The absolute value of a decimal string (as written: "-20.48" -> "20.48"); other values as given."""
    value = decimal_value(text)
    return format(abs(value), "f") if value is not None else text


def _abs_field(f: FieldValue) -> FieldValue:
    return replace(f, value=_abs_text(f.value))


def _abs_details(details: Mapping[str, Any]) -> dict[str, Any]:
    """The e-invoice details the writers read amounts from (VAT breakdown, allowances and charges)."""
    out = dict(details)
    if details.get("vat_breakdown"):
        out["vat_breakdown"] = [
            {**row, "basis": _abs_text(row.get("basis")), "tax": _abs_text(row.get("tax"))}
            for row in details["vat_breakdown"]
        ]
    if details.get("allowances_charges"):
        out["allowances_charges"] = [
            {**row, "amount": _abs_text(row.get("amount"))} for row in details["allowances_charges"]
        ]
    return out


def credit_note_as_magnitudes(invoice: Invoice, *, syntax: str) -> Invoice:
    """`invoice` (a credit note) with its amounts as the CreditNote writes them; raises
    `EInvoiceExportInvalid` when its totals mix signs."""
    totals = {name: decimal_value(invoice.get(name)) for name in TOTALS}
    signed = {name: value for name, value in totals.items() if value is not None and value != 0}
    sign = totals_sign(signed)
    if sign not in (NEGATIVE, MIXED):
        return invoice
    if sign == MIXED:
        printed = printed_totals(invoice, signed)
        message = (
            f"This credit note's totals mix positive and negative amounts ({printed}): a credit note's "
            "totals must be all negative or all positive. Correct the sign of the amounts that differ."
        )
        raise EInvoiceExportInvalid(
            [{"rule": RULE, "severity": "error", "message": message, "location": None}],
            syntax=syntax,
            message=f"Cannot export as {syntax}: {message}",
        )
    fields = {name: _abs_field(f) if name in TOTALS else f for name, f in invoice.fields.items()}
    items = tuple(
        LineItem(cells={c: _abs_field(f) if c in ITEM_AMOUNTS else f for c, f in item.cells.items()})
        for item in invoice.line_items
    )
    details = _abs_details(invoice.einvoice) if invoice.einvoice else invoice.einvoice
    return replace(invoice, fields=fields, line_items=items, einvoice=details)
