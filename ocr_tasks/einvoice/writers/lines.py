"""The lines of an export (BG-25) and its document-level allowances and charges (BG-20, BG-21), from
the invoice's line items and the e-invoice details: a quantity of 1 for a line priced at its amount, an
amount from quantity x price, a price from amount / quantity, and each line's VAT category by its rate.
Each mandatory term a line lacks is added to the caller's `out` list and the line is left out."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ocr_tasks.einvoice.writers.document import AllowanceCharge, Line, VatBreakdown
from ocr_tasks.einvoice.writers.terms import MissingTerm, missing, table
from ocr_tasks.einvoice.writers.values import decimal_value, plain, text_value, to_cent
from ocr_tasks.einvoice.writers.vat import category_of
from ocr_tasks.invoice_types import Invoice


def export_lines(invoice: Invoice, vat: list[VatBreakdown], out: list[MissingTerm]) -> list[Line]:
    unit = table()["default_unit_code"]
    lines = []
    if not invoice.line_items:
        out.append(missing("BG-25"))
    for i, item in enumerate(invoice.line_items, 1):
        where = f"line {i}"
        name = text_value(item.get("description"))
        quantity, price, amount = (decimal_value(item.get(c)) for c in ("quantity", "unit_price", "amount"))
        if quantity is None and amount is not None and (price is None or price == amount):
            quantity = Decimal(1)
        if amount is None and quantity is not None and price is not None:
            amount = to_cent(quantity * price)
        if price is None and amount is not None and quantity:
            price = plain((amount / quantity).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))
        rate = decimal_value(item.get("tax_rate"))
        if rate is None and len(vat) == 1:
            rate = vat[0].rate
        category = category_of(rate, vat, (text_value(item.get("tax_category")) or "").upper() or None)
        for term, value in (
            ("BT-153", name),
            ("BT-129", quantity),
            ("BT-131", amount),
            ("BT-146", price),
            ("BT-151", category),
        ):
            if value is None:
                out.append(missing(term, where=where))
        if None in (name, quantity, amount, price, category):
            continue
        if category == "O":  # "not subject to VAT" carries no rate
            rate = None
        lines.append(Line(str(i), name, quantity, unit, to_cent(amount), price, category, rate))  # type: ignore[arg-type]
    return lines


def allowances_charges(
    details: Mapping[str, Any], vat: list[VatBreakdown], out: list[MissingTerm]
) -> list[AllowanceCharge]:
    rows = []
    for i, row in enumerate(details.get("allowances_charges") or [], 1):
        charge = bool(row.get("charge"))
        where = f"{'charge' if charge else 'allowance'} {i}"
        amount, reason, rate = (
            decimal_value(row.get("amount")),
            text_value(row.get("reason")),
            decimal_value(row.get("tax_rate")),
        )
        category = category_of(rate, vat)
        terms = ("BT-99", "BT-104", "BT-102") if charge else ("BT-92", "BT-97", "BT-95")
        for term, value in zip(terms, (amount, reason, category), strict=True):
            if value is None:
                out.append(missing(term, where=where))
        if category == "O":
            rate = None
        if amount is not None and reason and category:
            rows.append(AllowanceCharge(charge, amount, reason, category, rate))
    return rows
