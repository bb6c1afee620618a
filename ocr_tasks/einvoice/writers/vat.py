"""VAT in an export: the document's breakdown (BG-23: kept from the e-invoice, else derived from the
subtotal, the tax and a single rate), the rate a tax implies on its basis, and the VAT category of a
line or an allowance/charge by its rate. Each term it cannot fill is added to the caller's `out` list."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ocr_tasks.einvoice.writers.document import VatBreakdown
from ocr_tasks.einvoice.writers.terms import MissingTerm, missing, table
from ocr_tasks.einvoice.writers.values import CENT, decimal_value, text_value, to_cent
from ocr_tasks.invoice_types import Invoice


def implied_rate(basis: Decimal, tax: Decimal) -> Decimal | None:
    """The VAT rate (at most two decimals) that gives `tax` on `basis` to the cent, or None."""
    if not basis:
        return None
    exact = tax / basis * 100
    for places in (Decimal("1"), Decimal("0.1"), CENT):
        rate = exact.quantize(places, rounding=ROUND_HALF_UP)
        if to_cent(basis * rate / 100) == to_cent(tax):
            return rate
    return None


def _category_for_rate(rate: Decimal | None) -> str | None:
    return table()["standard_rate_category"] if rate is not None and rate > 0 else None


def _line_category(item, rate: Decimal | None) -> str | None:
    """A line's VAT category: the one its e-invoice gave (BT-151), else S for a positive rate."""
    return (text_value(item.get("tax_category")) or "").upper() or _category_for_rate(rate)


def lines_breakdown(invoice: Invoice, details: Mapping[str, Any]) -> list[VatBreakdown] | None:
    """The breakdown per VAT category and rate of the lines, when they hold two or more (an invoice at
    7 % and 19 % whose XML has no header breakdown, as ZUGFeRD 1.0 allows): each basis the sum of its
    lines' net amounts (and of the document-level allowances and charges at its rate), each tax that
    basis at its rate. None when a line lacks its amount, rate or category, or when the lines hold one
    rate (the document's subtotal and tax are its breakdown then)."""
    bases: dict[tuple[str, Decimal], Decimal] = {}
    for item in invoice.line_items:
        rate, amount = decimal_value(item.get("tax_rate")), decimal_value(item.get("amount"))
        category = _line_category(item, rate)
        if rate is None or amount is None or category is None:
            return None
        bases[(category, rate)] = bases.get((category, rate), Decimal(0)) + amount
    if len(bases) < 2:
        return None
    for extra in details.get("allowances_charges") or []:
        rate, amount = decimal_value(extra.get("tax_rate")), decimal_value(extra.get("amount"))
        keys = [key for key in bases if key[1] == rate]
        if amount is None or len(keys) != 1:
            return None
        bases[keys[0]] += amount if extra.get("charge") else -amount
    reasons = table()["exemption_reasons"]
    return [
        VatBreakdown(
            category,
            None if category == "O" else rate,
            to_cent(basis),
            to_cent(basis * rate / 100),
            reasons.get(category),
        )
        for (category, rate), basis in bases.items()
    ]


def vat_breakdown(
    invoice: Invoice, details: Mapping[str, Any], subtotal, tax, out: list[MissingTerm]
) -> list[VatBreakdown]:
    reasons = table()["exemption_reasons"]
    kept = details.get("vat_breakdown") or []
    if kept:
        rows = []
        for i, row in enumerate(kept, 1):
            category, basis, amount = (
                text_value(row.get("category")),
                decimal_value(row.get("basis")),
                decimal_value(row.get("tax")),
            )
            where = f"VAT breakdown {i}"
            for term, value in (("BT-118", category), ("BT-116", basis), ("BT-117", amount)):
                if value is None:
                    out.append(missing(term, where=where))
            if category and basis is not None and amount is not None:
                reason = text_value(row.get("exemption_reason")) or reasons.get(category)
                rows.append(VatBreakdown(category, decimal_value(row.get("rate")), basis, amount, reason))
        return rows
    by_lines = lines_breakdown(invoice, details)
    if by_lines:
        return by_lines
    if subtotal is None or tax is None:
        out.append(missing("BG-23"))
        return []
    rate = decimal_value(invoice.get("tax_rate"))
    if rate is None:
        rate = implied_rate(subtotal, tax)
    category = _category_for_rate(rate)
    if category is None:
        out.append(missing("BT-119" if rate is None else "BT-118", where="VAT breakdown 1"))
        return []
    return [VatBreakdown(category, rate, subtotal, tax)]


def category_of(rate: Decimal | None, vat: list[VatBreakdown], kept: str | None = None) -> str | None:
    """The VAT category (of the breakdown) that a line or an allowance/charge with `rate` falls in: the
    one its e-invoice gave (`kept`, BT-151) when the breakdown has it at that rate, else by the rate."""
    if kept and any(row.category == kept and (row.rate is None or row.rate == rate) for row in vat):
        return kept
    if rate is None:
        return vat[0].category if len(vat) == 1 else None
    for row in vat:
        if row.rate is not None and row.rate == rate:
            return row.category
    if rate == 0:
        return next((row.category for row in vat if row.rate is None), None)
    return None
