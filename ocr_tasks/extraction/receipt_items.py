"""Line items of receipts that print no header row: the run of priced rows just above the totals.

Receipts list goods without `Description / Qty / Price / Amount` headers, often over two or three rows: a
description row, sometimes a code row, then a row that ends with the amount (`9555221300282  2X  6.50
13.00`). The items block is found by walking up from the first totals row (`Total`, `Sub Total`,
`Item(s) : 2`) while rows are priced rows or description rows, and stopping at a row of header data (date,
cashier, tax id, ...). A priced row with no words of its own takes the description rows printed since the
previous item. Quantity is an integer marked `2X`, `x2`, `*1` or a bare small integer before the unit price.

A row that charges a rate's tax on a base between the charges (`VAT at 5% on 117.48  5.87`) is no item:
its tax counts with the items when the block is checked. The block is kept only when it checks out: the
amounts (with those taxes) add up to a total or subtotal printed below it, or most items show quantity x
unit price = amount. Otherwise no items are reported (a guess is worse than
none).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ocr_tasks.extraction.keywords import concept_alternation, concept_pattern
from ocr_tasks.extraction.rows import Row
from ocr_tasks.geometry import bbox_union
from ocr_tasks.invoice_types import FieldValue
from ocr_tasks.normalise.amounts import AmountMatch, find_amounts, format_amount
from ocr_tasks.normalise.dates import find_dates
from ocr_tasks.normalise.percents import LONE_PERCENT, percent_value

# The rows that start a till's totals (the lexicons' `till_total`: `Sub Total`, `Summe`, `Totaal`, `Totale`,
# `Razem`, `Item(s)`, `Volume :`), each a whole word, or ending in its own sign (`Volume:20.5`)
TOTALS = re.compile(
    r"(?<!\w)(?:" + concept_alternation("till_total", min_length=4) + r")(?:(?<=\W)|(?!\w))", re.IGNORECASE
)
# Rows of header data, payment or summary (the lexicons' `till_data`: `Cashier`, `Kasse`, `Tisch`, `Caisse`,
# `Scontrino`, and cash, change, rounding, discount): the items block never runs through one.
_NOT_ITEM = re.compile(
    r"(?<!\w)(?:"
    + concept_alternation("till_data", min_length=2)
    + r"|"
    + concept_alternation("cash", "change", "rounding", "discount")
    + r")(?!\w)",
    re.IGNORECASE,
)
_QUANTITY = re.compile(r"(?<![\w.,])(?:(\d{1,3})\s?[xX*](?![\w])|[xX*]\s?(\d{1,3})(?![\d.,]))")
_TRAILER = re.compile(
    r"^[\s*#§$€£|:.\-]*(?:[A-Z]{1,2}|\d)?[\s*#§$|:.\-]*$"
)  # tax codes after the amount (`SR`, `*S`, `B`), a currency sign and a VAT code digit (`2,16 € 1`)
_DISCOUNT = concept_pattern(("discount",))
# A quantity or weight times a unit price and nothing else (`6 Stk x 0,25`, `12 @ 0.05`), under an item
_DETAIL = re.compile(r"^\W*(\d{1,4}(?:[.,]\d{1,3})?)\s*(?:[^\W\d_]{1,4}\.?)?\s*[xX×@*]\s*$")
MAX_TEXT_ROWS = 3  # description or code rows in a row without a priced row
SUM_TOLERANCE = Decimal("0.05")


def _priced(row: Row, decimal_separator: str | None) -> list[AmountMatch] | None:
    """Decimal amounts of a row whose last amount ends it (only a tax code may follow), else None. A negative
    last amount is a discount or a saving on the goods (`REWARDS SAVINGS  -1.00 T`)."""
    amounts = [a for a in find_amounts(row.text, decimal_separator=decimal_separator) if a.has_decimals]
    if not amounts or not _TRAILER.match(row.text[amounts[-1].end :]) or amounts[-1].value == 0:
        return None
    return amounts


def _is_header_data(row: Row, below: tuple[Row, list[AmountMatch] | None] | None = None) -> bool:
    """A row of header data, payment or summary. A text row over a priced row that prints no words of its
    own (`TORNILLO 4X40 CAJA` over `2 x 3,95  7,90`: `caja` is a box there, not the till) is that item's
    description, whatever words it holds, unless it holds a date or a time."""
    if find_dates(row.text) or re.search(r"\d{1,2}:\d{2}", row.text):
        return True
    if (
        below is not None
        and below[1] is not None
        and not re.search(r"[^\W\d_]{3}", below[0].text[: below[1][0].start])
    ):
        return False
    return bool(_NOT_ITEM.search(row.text))


def _block(
    rows: list[Row], end: int, decimal_separator: str | None
) -> list[tuple[Row, list[AmountMatch] | None]]:
    """Rows of the items block above row `end`, top to bottom: (row, its amounts or None for a text row)."""
    block: list[tuple[Row, list[AmountMatch] | None]] = []
    text_run = 0
    for row in reversed(rows[:end]):
        amounts = _priced(row, decimal_separator)
        discounted = amounts is not None and amounts[-1].value < 0 and _DISCOUNT.search(row.text)
        below = block[-1] if block and amounts is None else None
        if row.page != rows[end].page or _is_header_data(row, below) and not discounted:
            break  # a discount on the goods (`RABATT KAFFEE  -2,00 B`, `TRADE DISCOUNT 10%  -4.45`) goes on
        text_run = 0 if amounts else text_run + 1
        if text_run > MAX_TEXT_ROWS:
            break
        block.append((row, amounts))
    block.reverse()
    return block


_TAX_LABEL = concept_pattern(("tax",))
CENT = Decimal("0.01")


def _rate_tax(row: Row, amounts: list[AmountMatch]) -> Decimal | None:
    """The tax of a row that charges a rate on a base between the charges (`VAT at 5% on 117.48  5.87`): a
    tax label, a rate, two amounts the second of which is the first times the rate (to the cent). No
    item: the tax the items carry."""
    rate = LONE_PERCENT.search(row.text)
    if rate is None or len(amounts) != 2 or not _TAX_LABEL.search(row.text[: amounts[0].start]):
        return None
    base, tax = amounts[0].value, amounts[1].value
    return tax if abs(base * percent_value(rate) / 100 - tax) <= CENT else None


def _cell(column: str, value: str, raw: str, row: Row, start: int, end: int) -> FieldValue:
    return FieldValue(
        column, value, raw, round(row.span_confidence(start, end), 4), row.page, row.span_bbox(start, end)
    )


def _own_description(row: Row, first: int, quantity: re.Match[str] | None) -> tuple[str, int, int]:
    """The description printed on the item's own row and its span: before the numbers, or between a
    leading quantity and the price (`1 x Vollkornbrot  4,20 A`)."""
    start_of_numbers = min([first] + ([quantity.start()] if quantity else []))
    own = row.text[:start_of_numbers].strip(" :-*@")
    if not re.search(r"[A-Za-z]{3}", own) and quantity is not None and quantity.end() < first:
        return row.text[quantity.end() : first].strip(" :-*@"), quantity.end(), first
    return own, 0, start_of_numbers


def _item(row: Row, amounts: list[AmountMatch], pending: list[Row]) -> dict[str, FieldValue] | None:
    amount = amounts[-1]
    cells = {
        "amount": _cell("amount", format_amount(amount.value), amount.raw, row, amount.start, amount.end)
    }
    first = amounts[0].start
    if len(amounts) >= 2:
        unit = amounts[-2]
        cells["unit_price"] = _cell(
            "unit_price", format_amount(unit.value), unit.raw, row, unit.start, unit.end
        )
        first = unit.start
    quantity = None
    for m in _QUANTITY.finditer(row.text, 0, first):
        quantity = m
    if quantity is None and len(amounts) >= 2:
        quantity = re.search(
            r"(?<!\S)()(\d{1,3})\s+$", row.text[:first]
        )  # a bare integer before the unit price
    if quantity is not None:
        value = Decimal(quantity.group(1) or quantity.group(2))
        if value > 0:
            cells["quantity"] = _cell(
                "quantity", format_amount(value), quantity.group(0), row, quantity.start(), quantity.end()
            )
    own, start, end = _own_description(row, first, quantity)
    if re.search(r"[A-Za-z]{3}", own):
        cells["description"] = _cell("description", own, own, row, start, max(start + 1, end))
    else:
        described = [r for r in pending if re.search(r"[A-Za-z]{3}", r.text)]
        if not described:
            return None
        text = " ".join(r.text.strip() for r in described)
        first_row = described[0]
        cells["description"] = FieldValue(
            "description",
            text,
            "\n".join(r.text for r in described),
            round(sum(r.span_confidence(0, len(r.text)) for r in described) / len(described), 4),
            first_row.page,
            first_row.bbox if len(described) == 1 else bbox_union(r.bbox for r in described),
        )
    return cells


def _detail_of(row: Row, amounts: list[AmountMatch], items: list[dict[str, FieldValue]]) -> bool:
    """Whether a row is the quantity or weight of the item above it (`6 Stk x 0,25` under `PFAND  1,50 A`,
    `12 @ 0.05` under `NY BOTTLE DEPOSIT  0.60`): a count times its one amount, which makes that item's
    amount (to the cent)."""
    if len(amounts) != 1 or not items:
        return False
    m = _DETAIL.match(row.text[: amounts[0].start])
    if m is None:
        return False
    count = Decimal(m.group(1).replace(",", "."))
    return abs(count * amounts[0].value - Decimal(items[-1]["amount"].value)) <= CENT


def _checks_out(items: list[dict[str, FieldValue]], totals: list[Decimal], taxes: Decimal) -> bool:
    """Whether the items add up to a total printed below them (with the taxes charged between them, if
    any), or most of them print quantity x unit price = amount."""
    amounts = sum(Decimal(i["amount"].value) for i in items)
    if any(abs(amounts - t) <= SUM_TOLERANCE or abs(amounts + taxes - t) <= SUM_TOLERANCE for t in totals):
        return True
    consistent = sum(
        1
        for i in items
        if "quantity" in i
        and "unit_price" in i
        and Decimal(i["quantity"].value) * Decimal(i["unit_price"].value) == Decimal(i["amount"].value)
    )
    return consistent * 2 > len(items)


def receipt_line_items(
    rows: list[Row], *, decimal_separator: str | None = None
) -> list[dict[str, FieldValue]]:
    """Item cells of a receipt without a header row, or [] when no block checks out."""
    for end, row in enumerate(rows):
        if not TOTALS.search(row.text) or end == 0:
            continue
        block = _block(rows, end, decimal_separator)
        if not any(a for _, a in block):
            continue
        items: list[dict[str, FieldValue]] = []
        pending: list[Row] = []
        taxes = Decimal(0)
        for block_row, amounts in block:
            if amounts is None:
                pending.append(block_row)
                continue
            if _detail_of(block_row, amounts, items):
                pending = []
                continue
            tax = _rate_tax(block_row, amounts)
            if tax is not None:
                taxes += tax
                pending = []
                continue
            cells = _item(block_row, amounts, pending)
            pending = []
            if cells is not None:
                items.append(cells)
        totals = [
            a.value
            for r in rows[end : end + 6]
            if r.page == row.page
            for a in find_amounts(r.text, decimal_separator=decimal_separator)
            if a.has_decimals
        ]
        return items if items and _checks_out(items, totals, taxes) else []
    return []
