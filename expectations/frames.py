"""The data frames the suites run on, built from extracted invoices (pandas only, no GX here).

`invoice_fields_frame`: one row per document. Columns hold the normalised field values (strings for text
and dates, floats for amounts), each key field's confidence, and derived columns that turn cross-field
rules into plain column checks (`invoice_age_days`, `days_until_due`, `arithmetic_gap` against
`arithmetic_tolerance`, `tax_rate_percent`, the totals of a credit note by magnitude, `amount_signs`).
`line_items_frame`: one row per line item, with `line_gap`/`line_tolerance` (quantity x unit price vs
amount, see `line_gap`), `line_sign` (whether the amount's sign is that of quantity x unit price) and the
document-level `items_sum_gap`/`items_sum_tolerance` (sum of amounts vs the subtotal, or vs the total when
the items are priced with tax included, as web shops print them).

A line's amount is checked the way EN 16931 computes it (BT-131): quantity x net price / price base
quantity, less the line's allowances, plus its charges. So besides quantity x unit price the check accepts
the amount after the line's discount, when the line carries one: a `discount_amount` cell (allowances
less charges), a `discount_percent` cell, or a percentage printed in one of these two discount cells (a
page's `Rem. 10%`, read into a cell whose raw text shows the `%`), applied to the unit price or to the
`gross_unit_price`; a percentage in any other cell (the VAT rate's `19%`) is no discount. Prices per a
`price_base_quantity` (per 12, per 100) are divided by it; an amount printed with the line's
tax included (quantity x price x (1 + rate)) is accepted like items that add up to the total. A line
without any of these must multiply out. The e-invoice reader fills those cells from the XML.

Rounding (`line_tolerance`): besides the project's `tolerance` and half a cent for the amount's own rounding
(BT-131 has at most 2 decimals, BR-DEC-23), a line may be off by what the unit price's rounding makes of
it: EN 16931 lets the net price (BT-146) carry any number of decimals and computes the line amount from it,
so a price sent or printed rounded (`4.10` for 4.095: 20 x 4.095 = 81.90, 20 x 4.10 = 82.00) is accepted
within |quantity| / base quantity x half a unit of the price's last decimal (`price_rounding`; the
Factur-X BASIC samples of the corpus do this). EN 16931's schematron has no rule on BT-131's arithmetic;
Peppol BIS 3.0 (PEPPOL-EN16931-R120) checks it with a fixed slack of 0.02, which the quantity-scaled
bound replaces: a price of 4.10 for 4.095 on 50 units is 0.25 off, within the price's rounding.
The size of the amount is checked there; its sign separately (`line_sign`, a warning): EN 16931 puts a
returned line's minus on the quantity (the net price is never negative, BR-27), but its own examples
print returns as `6 x 18.33 = -109.98`.

A credit note's amounts are read as positive magnitudes (`ocr_tasks/extraction/README.md`), but a
reviewer may type its totals or items negative. So a credit note's total and amount due are checked by
their magnitudes (`total_or_credit_magnitude`, `amount_due_or_credit_magnitude`: an amount due of -80.00
on a total of -100.00 is not more than the total), every document's totals must agree in sign
(`amount_signs`), and a credit note's line items are compared by magnitude (unsigned items may stand
next to negative totals).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

import pandas as pd

from expectations.settings import ValidationSettings
from ocr_tasks.invoice_types import KEY_FIELDS, Invoice, LineItem
from ocr_tasks.normalise.percents import LONE_PERCENT, percent_value
from ocr_tasks.total_signs import MIXED, TOTALS, printed_totals, totals_sign

TEXT_COLUMNS: tuple[str, ...] = (
    "vendor_name",
    "invoice_number",
    "currency",
    "invoice_date",
    "due_date",
    "iban",
)
AMOUNT_COLUMNS: tuple[str, ...] = TOTALS
DERIVED_COLUMNS: tuple[str, ...] = (
    "tax_rate_percent",
    "invoice_age_days",
    "days_until_due",
    "arithmetic_gap",
    "arithmetic_tolerance",
    "line_item_count",
    "total_or_credit_magnitude",
    "amount_due_or_credit_magnitude",
    "amount_signs",
)
INVOICE_COLUMNS: tuple[str, ...] = (
    ("document_id",)
    + TEXT_COLUMNS
    + AMOUNT_COLUMNS
    + tuple(f"{name}_confidence" for name in KEY_FIELDS)
    + DERIVED_COLUMNS
)
LINE_ITEM_COLUMNS: tuple[str, ...] = (
    "document_id",
    "item_index",
    "description",
    "quantity",
    "unit_price",
    "amount",
    "line_gap",
    "line_tolerance",
    "line_sign",
    "items_sum_gap",
    "items_sum_tolerance",
)
ROUNDING = 0.005  # half a cent: amounts printed rounded to the cent


def to_number(value: str | None) -> float:
    """A normalised decimal string as a float; NaN when missing or not a number."""
    if value is None or str(value).strip() == "":
        return math.nan
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return math.nan
    return float(number) if number.is_finite() else math.nan


def to_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _text(invoice: Invoice, name: str) -> str | None:
    value = invoice.get(name)
    return value.strip() if value and value.strip() else None


def _confidence(invoice: Invoice, name: str) -> float:
    field = invoice.fields.get(name)
    return float(field.confidence) if field and field.value.strip() else math.nan


def _days_between(start: date | None, end: date | None) -> float:
    return float((end - start).days) if start and end else math.nan


def is_credit_note(invoice: Invoice) -> bool:
    return (invoice.get("document_type") or "").strip() == "credit_note"


def amount_signs(invoice: Invoice) -> str | None:
    """`positive` or `negative` when the document's subtotal, tax, total and amount due agree in sign
    (zero agrees with either), else `mixed: <the amounts>`; None when none of them is a number."""
    values = {name: to_number(invoice.get(name)) for name in AMOUNT_COLUMNS}
    known = {name: v for name, v in values.items() if not math.isnan(v)}
    sign = totals_sign(known)
    return f"{MIXED}: {printed_totals(invoice, known)}" if sign == MIXED else sign


def invoice_row(document_id: str, invoice: Invoice, settings: ValidationSettings) -> dict:
    row: dict = {"document_id": document_id}
    row.update({name: _text(invoice, name) for name in TEXT_COLUMNS})
    row.update({name: to_number(invoice.get(name)) for name in AMOUNT_COLUMNS})
    row.update({f"{name}_confidence": _confidence(invoice, name) for name in KEY_FIELDS})
    subtotal, tax, total = row["subtotal"], row["tax_amount"], row["total"]
    rate = to_number(invoice.get("tax_rate"))
    if math.isnan(rate) and not math.isnan(tax) and not math.isnan(subtotal) and subtotal != 0:
        rate = round(100.0 * tax / subtotal, 2)
    invoice_date = to_date(row["invoice_date"])
    count = len(invoice.line_items)
    row.update(
        tax_rate_percent=rate,
        invoice_age_days=_days_between(invoice_date, settings.reference_date()),
        days_until_due=_days_between(invoice_date, to_date(row["due_date"])),
        arithmetic_gap=round(abs(subtotal + tax - total), 4),  # NaN unless all three are known
        arithmetic_tolerance=settings.tolerance * max(1, count) + ROUNDING,
        line_item_count=count,
        total_or_credit_magnitude=abs(total) if is_credit_note(invoice) else total,
        amount_due_or_credit_magnitude=abs(row["amount_due"])
        if is_credit_note(invoice)
        else row["amount_due"],
        amount_signs=amount_signs(invoice),
    )
    return row


def invoice_fields_frame(invoices: Mapping[str, Invoice], settings: ValidationSettings) -> pd.DataFrame:
    rows = [invoice_row(doc_id, invoice, settings) for doc_id, invoice in invoices.items()]
    return pd.DataFrame(rows, columns=list(INVOICE_COLUMNS))


# the cells of `invoice_types.LINE_ITEM_PRICE_TERMS` that hold a line's discount
DISCOUNT_CELLS: tuple[str, ...] = ("discount_percent", "discount_amount")


def _discount_percents(item: LineItem) -> list[float]:
    """The line's discount percentages: its `discount_percent` cell, and a percentage printed in one of its
    `DISCOUNT_CELLS` (a page's `Rem. 10%` read into a cell whose raw text shows the `%`). A percentage in
    another cell is no discount: a VAT rate cell's `19%` must not loosen the line check."""
    percents = [to_number(item.get("discount_percent"))]
    for name in DISCOUNT_CELLS:
        cell = item.cells.get(name)
        match = LONE_PERCENT.search(cell.raw_text or "") if cell else None
        if match:
            percents.append(float(percent_value(match)))
    return sorted({p for p in percents if not math.isnan(p) and 0 < p < 100})


def line_gap(item: LineItem) -> float:
    """How far the line's amount is from what its quantity and price make (by size; NaN when quantity,
    price or amount is missing): the smallest gap over quantity x price and, when the line carries them,
    that less its discount (amount or percentage, on the net or the gross price), per its price base
    quantity, or with its tax included. See the module docstring."""
    quantity, price, amount = (to_number(item.get(c)) for c in ("quantity", "unit_price", "amount"))
    base = to_number(item.get("price_base_quantity"))
    # some producers write the price into the base quantity (the CEN CII examples): the amount may match
    # the price per unit or per the base quantity
    bases = [1.0] + ([base] if not math.isnan(base) and base > 0 and base != 1 else [])
    gross = to_number(item.get("gross_unit_price"))
    prices = [price] + ([gross] if not math.isnan(gross) else [])
    discount = to_number(item.get("discount_amount"))
    rate = to_number(item.get("tax_rate"))
    percents = _discount_percents(item)
    expected: list[float] = []
    for per in bases:
        net = quantity * price / per
        expected.append(net)
        if not math.isnan(discount):
            expected.append(net - discount)
        expected += [quantity * p / per * (1 - pct / 100) for p in prices for pct in percents]
        if not math.isnan(rate) and rate > 0:
            expected.append(net * (1 + rate / 100))
    return round(min(abs(abs(e) - abs(amount)) for e in expected), 4)


def price_rounding(item: LineItem) -> float:
    """How far quantity x unit price may be from the line amount because the unit price is given rounded:
    |quantity| / price base quantity x half a unit of the price's last decimal (`4.10`: 0.005 per unit;
    `4.0950`: 0.00005). 0 when the quantity or price is missing. See the module docstring."""
    quantity = to_number(item.get("quantity"))
    printed = str(item.get("unit_price") or "").strip()
    try:
        exponent = Decimal(printed).as_tuple().exponent
    except InvalidOperation:
        return 0.0
    if math.isnan(quantity) or not isinstance(exponent, int):
        return 0.0
    base = to_number(item.get("price_base_quantity"))
    per = base if not math.isnan(base) and base > 0 else 1.0
    return abs(quantity) / per * 0.5 * 10.0 ** min(exponent, 0)


def line_sign(item: LineItem) -> str | None:
    """`agrees` when the amount has the sign of quantity x unit price (or either is zero), else
    `differs: quantity q x price p, amount a`; None when one of them is missing."""
    quantity, price, amount = (to_number(item.get(c)) for c in ("quantity", "unit_price", "amount"))
    if any(math.isnan(v) for v in (quantity, price, amount)):
        return None
    if quantity * price * amount >= 0:
        return "agrees"
    printed = (item.get("quantity"), item.get("unit_price"), item.get("amount"))
    return "differs: quantity {} x price {}, amount {}".format(*printed)


def items_sum_gap(amounts: list[float], subtotal: float, total: float) -> float:
    """How far the items' sum is from the subtotal (net items) or, nearer, the total (items priced with
    tax included); by size. NaN without items or without a subtotal (receipts printing only a total are
    not checked, as before)."""
    if not amounts or math.isnan(subtotal):
        return math.nan
    targets = [t for t in (subtotal, total) if not math.isnan(t)]
    return round(min(abs(abs(sum(amounts)) - abs(t)) for t in targets), 4)


def _document_item_rows(document_id: str, invoice: Invoice, settings: ValidationSettings) -> list[dict]:
    # amounts by size: a credit note prints `2 x 100,00 = -200,00` or unsigned items next to negative
    # totals, and a return is printed `6 x 18.33 = -109.98`; an invoice's sign is checked by `line_sign`
    rows = []
    for index, item in enumerate(invoice.line_items):
        quantity, price, amount = (to_number(item.get(c)) for c in ("quantity", "unit_price", "amount"))
        rows.append(
            {
                "document_id": document_id,
                "item_index": index,
                "description": item.get("description"),
                "quantity": quantity,
                "unit_price": price,
                "amount": amount,
                "line_gap": line_gap(item),
                "line_tolerance": round(settings.tolerance + ROUNDING + price_rounding(item), 6),
                "line_sign": None if is_credit_note(invoice) else line_sign(item),
            }
        )
    amounts = [row["amount"] for row in rows if not math.isnan(row["amount"])]
    sum_gap = items_sum_gap(amounts, to_number(invoice.get("subtotal")), to_number(invoice.get("total")))
    for row in rows:
        row["items_sum_gap"] = sum_gap
        row["items_sum_tolerance"] = settings.tolerance * len(rows) + ROUNDING
    return rows


def line_items_frame(invoices: Mapping[str, Invoice], settings: ValidationSettings) -> pd.DataFrame:
    rows = [r for doc_id, inv in invoices.items() for r in _document_item_rows(doc_id, inv, settings)]
    return pd.DataFrame(rows, columns=list(LINE_ITEM_COLUMNS))
