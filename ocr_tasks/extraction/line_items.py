"""Line items: the rows of the items table between its header and the totals.

The header is the row with the most column labels (description / quantity / unit price / amount in
several languages; `item_table_header`). Each following row with a decimal amount in the amount column
is an item until a totals label; rows whose amounts sit only in other columns (discount details, set
components, notes) are not. A row whose first priced amount is the items' sum so far is a sum carried
over a page break (skipped) or a subtotal ending the items. Numbers are assigned to columns by the
header's x positions.
Receipts without a header row go to `receipt_items` (priced rows above the totals, kept only when they add
up). Rows without numbers that sit directly under an item are appended to its description (wrapped
descriptions, or the whole description when the item's row prints none). On a credit note every amount is
reported as a magnitude (EN 16931; see README.md).

Not every priced row is goods: a shipping row that charges nothing is no item (a charged one is); a row
whose label holds a tax or total word is still an item when it prints quantity x unit price = amount (a
city tax charged as a line). A section total (`Total Fees`) ends the items unless further sections follow
that each end with their own sum and a totals row below prints the sum of all sections (`EXPENSES` ...
`Total Expenses`, then `Total This Invoice`): then their items are read too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ocr_tasks.extraction.item_table_header import find_header, header_hits
from ocr_tasks.extraction.keywords import (
    concept_alternation,
    concept_pattern,
    label_strength,
    phrases,
)
from ocr_tasks.extraction.receipt_items import receipt_line_items
from ocr_tasks.extraction.rows import Row
from ocr_tasks.geometry import bbox_union
from ocr_tasks.invoice_types import FieldValue, LineItem
from ocr_tasks.normalise.amounts import AmountMatch, find_amounts, format_amount
from ocr_tasks.normalise.dates import find_dates
from ocr_tasks.normalise.percents import LONE_PERCENT, PERCENT, percent_value

_END = re.compile(
    r"\b(sub\s?total|subtotaal|total|totaal|zwischensumme|gesamtbetrag|summe|montant total|"
    r"amount due|balance|rounding|tax summary|gst summary)\b",
    re.IGNORECASE,
)
# Labels of summary and payment rows under a table: never an item, wherever the table ends.
_SUMMARY = re.compile(
    r"\b(tender\w*|payable|round\w*\s*adj\w*|gross|"
    + concept_alternation("cash", "change", "discount", "rounding", "already_paid")
    + r"|"
    r"net\s*amt|excl\w*\s*(gst|tax|vat)|(gst|sst|vat|tax)\s*(@|\d|payable|amt|amount)|service\s*charge|"
    r"points|total\s*gst|gst\s*summary|includ\w*\s+(\d+%\s*)?gst)\b|"
    r"\b(sr|zr|es|os)\b\s*[:(]?\s*@?\s*\d{0,2}\s*%",
    re.IGNORECASE,
)
_CARRIED_FORWARD = concept_pattern(("carried_forward",))
_CARRIED_FORWARD_PHRASES = phrases("carried_forward")


def _carried_forward(row: Row) -> bool:
    """A carried-forward sum (`Übertrag`, `À reporter`), also as OCR reads it without its accents or with
    letters it confuses (`Ubertrag`, `A reporter`)."""
    return bool(_CARRIED_FORWARD.search(row.text)) or (
        label_strength(row.text, _CARRIED_FORWARD_PHRASES, fuzzy=False) >= 0.9
    )


# Rows below this share of the page are its footer (company data, bank details, page numbers)
FOOTER_Y = 0.88


def _table_goes_on(row: Row, last_item: Row | None) -> bool:
    """Whether a row below `FOOTER_Y` still belongs to the items table: it follows the last item on its
    page at the table's own line spacing (a word processor's table runs down to the bottom margin; the
    page's footer sits apart from it)."""
    return (
        last_item is not None
        and row.page == last_item.page
        and row.bbox.y0 - last_item.bbox.y1 < 1.2 * max(row.height, last_item.height)
    )


def _cell(column: str, value: str, raw: str, row: Row, start: int, end: int) -> FieldValue:
    return FieldValue(
        column, value, raw, round(row.span_confidence(start, end), 4), row.page, row.span_bbox(start, end)
    )


_NUMERIC_COLUMNS = ("quantity", "unit_price", "amount")
_PERCENT_COLUMNS = ("tax_rate", "discount")


def _column_of(row: Row, a: AmountMatch, header: dict[str, float]) -> str:
    """The column of a number on an item row: its nearest column label; but money that lands nearest a
    column of percentages on a row that prints its percentages (`€ 387,60  22%` under `Importo  IVA`, the
    label at its cell's left edge, the number at its right edge) belongs to the nearest column of numbers."""
    x = row.span_bbox(a.start, a.end).center[0]
    column = min(header, key=lambda k: abs(header[k] - x))
    if column in _PERCENT_COLUMNS and a.has_decimals and LONE_PERCENT.search(row.text):
        numeric = [k for k in header if k in _NUMERIC_COLUMNS]
        if numeric:
            return min(numeric, key=lambda k: abs(header[k] - x))
    return column


def _assign(amounts: list[AmountMatch], header: dict[str, float] | None, row: Row) -> dict[str, AmountMatch]:
    if header:
        # each number goes to the nearest column label; those under the description (article codes,
        # sizes) or the VAT rate (`22` under `IVA`) are no quantity, price or amount
        assigned: dict[str, AmountMatch] = {}
        distance: dict[str, float] = {}  # a quantity or price: the number nearest its label
        taxes: set[int] = set()  # numbers under a tax-amount label (`USt-Betrag`): the line's tax
        for a in amounts:
            x = row.span_bbox(a.start, a.end).center[0]
            column = _column_of(row, a, header)
            if column == "tax_amount":
                taxes.add(id(a))
            if column not in _NUMERIC_COLUMNS:
                continue
            if column == "amount" and "amount" in assigned and "unit_price" in header:
                # two numbers nearest the amount's label (a spreadsheet's price at its cell's right edge,
                # nearer the next label `Montant HT` than its own `P.U. HT`): the left one is the price
                if "unit_price" not in assigned and header["unit_price"] < header["amount"]:
                    assigned["unit_price"], distance["unit_price"] = assigned["amount"], 0.0
            if column not in assigned or column == "amount" or abs(header[column] - x) < distance[column]:
                assigned[column], distance[column] = a, abs(header[column] - x)
        if "amount" not in assigned and amounts:
            placed = {id(a) for a in assigned.values()} | taxes
            priced = [a for a in amounts if a.has_decimals and id(a) not in placed]
            price = assigned.get("unit_price")
            if price is not None and priced and price.start > priced[-1].start:
                # no label names the amount column and the price's label sits over the last money column
                # (`Prix HT` heading the line's net beside a two-row `Prix / unitaire`): the amount is the
                # rightmost money of the row, the price the one before it
                assigned["amount"], assigned["unit_price"] = price, priced[-1]
            else:
                assigned["amount"] = priced[-1] if priced else amounts[-1]
        return assigned
    assigned = {"amount": amounts[-1]}
    rest = amounts[:-1]
    if rest and rest[-1].has_decimals:
        assigned["unit_price"] = rest.pop()
    if rest and not rest[-1].has_decimals and 0 < rest[-1].value < 10000:
        assigned["quantity"] = rest.pop()
    return assigned


def _continue_description(items: list[dict[str, FieldValue]], last_row: Row | None, row: Row) -> None:
    """A wordy row without amounts just under an item continues that item's description."""
    if not (
        items
        and last_row is not None
        and row.page == last_row.page
        and re.search(r"[A-Za-z]{3}", row.text)
        and row.bbox.y0 - last_row.bbox.y1 < 1.5 * row.height
    ):
        return
    desc = items[-1].get("description")
    if desc is not None:
        items[-1]["description"] = FieldValue(
            "description",
            _joined_lines(desc, row.text.strip()),
            f"{desc.raw_text}\n{row.text}".strip(),
            desc.confidence or round(row.span_confidence(0, len(row.text)), 4),
            desc.page,
            bbox_union([desc.bbox, row.bbox]) if desc.bbox else row.bbox,
        )


# a word broken at a line's end by hyphenation (`Umset-` over `zung`: a lower-case letter goes on) or a
# compound's hyphen at the end (`Code-` over `Review`)
_BROKEN_WORD = re.compile(r"[^\W\d_]-$")


def _joined_lines(desc: FieldValue, line: str) -> str:
    """An item's description with its next line: after a word broken by hyphenation, the word made whole
    (`Umsetzung`); after a compound's hyphen (`Code-` / `Review`), the hyphen kept; else a space."""
    if not desc.value or not _BROKEN_WORD.search(desc.raw_text.splitlines()[-1] if desc.raw_text else ""):
        return f"{desc.value} {line}".strip()
    if line[:1].islower():
        return f"{desc.value}{line}"
    return f"{desc.value}-{line}"


_TOTALS_LABEL = concept_pattern(("subtotal", "total", "tax", "amount_due", "already_paid"))


def _item_amounts(row: Row, decimal_separator: str | None) -> list[AmountMatch]:
    """Amounts of a row, without percentages and without the numbers of a printed date."""
    dates = [(d.start, d.end) for d in find_dates(row.text)]
    return [
        a
        for a in find_amounts(row.text, decimal_separator=decimal_separator)
        if not PERCENT.match(row.text[a.start :].strip())
        and not any(a.start < e and s < a.end for s, e in dates)
        and not _in_code(row.text, a)
    ]


def _in_code(text: str, a: AmountMatch) -> bool:
    """Whether a whole number is part of a code or a name (`VT-8`, `MT-210`, `58A`, `A5`), not a number
    of the item."""
    if a.has_decimals:
        return False
    printed = text[a.start : a.end]
    begin = a.start + len(printed) - len(printed.lstrip())  # the match may hold spaces around the number
    stop = begin + len(printed.strip())
    return bool(_CODE_BEFORE.search(text[:begin])) or text[stop : stop + 1].isalpha()


_CODE_BEFORE = re.compile(r"[^\W\d_][-/]?$")


# an article code of letters and digits joined by hyphens (`DISC-230`, `NET-12-A`, `HX-12-150-G5`): no word of
# a label, whatever its letters spell
_ARTICLE_CODE = re.compile(r"(?<!\S)(?=\S*[^\W\d_])(?=\S*\d)[^\s-]+(?:-[^\s-]+)+(?!\S)(?!\s*%)")


def _is_totals_row(label: str) -> bool:
    label = _ARTICLE_CODE.sub(" ", label)
    return bool(_END.search(label) or _SUMMARY.search(label) or _TOTALS_LABEL.search(label))


def _cell_before_price(row: Row, amounts: list[AmountMatch]) -> str:
    """The cell printed just left of a row's first decimal amount (`Base imponible` in `Forma de pago:
    transferencia a 30 días  Base imponible  1.480,00 €`, a note's cell beside a totals label)."""
    priced = [a.start for a in amounts if a.has_decimals]
    if not priced:
        return ""
    cells = [c for c in re.split(r"\s{2,}", row.text[: priced[0]]) if c.strip()]
    return cells[-1] if cells else ""


_POSITION = re.compile(r"\s*\d{1,3}[.)]?\s+(?=\D)")


def _description_span(
    row: Row, amounts: list[AmountMatch], assigned: dict[str, AmountMatch]
) -> tuple[int, int] | None:
    """Where the item's description is printed: before the first number, else between the first number
    and the first priced column (`1,00  Künstlerische Gestaltung  7%  160,00 €`), else between two priced
    columns (a quantity with decimals first), else after the amount. Text with letters before the first
    number that went to a column is the description (numbers under the description's label, `8 mm`, stay
    in it), without a leading item position (`1`, `2.`)."""
    first_placed = min(a.start for a in assigned.values())
    position = _POSITION.match(row.text)
    lead_start = position.end() if position and position.end() < first_placed else 0
    if re.search(r"[A-Za-z]{2}", row.text[lead_start:first_placed]):
        return lead_start, first_placed
    first_number = min(a.start for a in amounts)
    if re.search(r"[A-Za-z]{2}", row.text[:first_number]):
        return 0, first_number
    first_end = min(a.end for a in amounts if a.start == first_number)
    priced = min((a.start for a in amounts if a.has_decimals and a.start >= first_end), default=len(row.text))
    if re.search(r"[A-Za-z]{2}", row.text[first_end:priced]):
        return first_end, priced
    decimals = [a for a in amounts if a.has_decimals]
    for a, b in zip(decimals, decimals[1:], strict=False):
        if re.search(r"[A-Za-z]{4}", row.text[a.end : b.start]):
            return a.end, b.start  # between two priced columns: `2  4,50 Std.  Montagearbeiten  22,00  99,00`
    tail_start = assigned["amount"].end
    if re.search(r"[A-Za-z]{3}", row.text[tail_start:]):
        return tail_start, len(row.text)
    return None


def _in_amount_column(row: Row, amounts: list[AmountMatch], columns: dict[str, float]) -> bool:
    """Whether one of the row's decimal amounts sits in the header's amount column (nearer its label than
    any other column's). Detail rows under an item (`Rabatt: -0,03 €/Stk.` under the unit price), the
    components of a set printed with their VAT rate only, and a note whose dates read as numbers have
    none there: they are no items. Only where the amount is the header's rightmost price column (a
    header read otherwise, e.g. `Importe unit.` taken as the amount, says nothing of positions)."""
    prices = [columns[k] for k in ("quantity", "unit_price") if k in columns]
    if "amount" not in columns or any(x > columns["amount"] for x in prices):
        return True
    return any(a.has_decimals and _column_of(row, a, columns) == "amount" for a in amounts)


def _sum_of_items(items: list[dict[str, FieldValue]], amounts: list[AmountMatch]) -> bool:
    """Whether a row's first priced amount is the sum of the items so far (a sum carried over a page break,
    `Continued from page 1  174.565,37`, `Übertrag`, or a subtotal under the items), whatever its label."""
    priced = [a for a in amounts if a.has_decimals]
    if len(items) < 2 or not priced:
        return False
    try:
        so_far = sum(Decimal(item["amount"].value) for item in items if "amount" in item)
    except ArithmeticError:
        return False
    return abs(abs(so_far) - abs(priced[0].value)) <= Decimal("0.01")


def _priced_rows_follow(rows: list[Row], index: int, decimal_separator: str | None) -> bool:
    """Whether rows with a decimal amount follow `index` on its page, above the footer."""
    row = rows[index]
    return any(
        r.page == row.page
        and r.bbox.y0 <= FOOTER_Y
        and any(a.has_decimals for a in _item_amounts(r, decimal_separator))
        for r in rows[index + 1 :]
    )


_DISCOUNT_LABEL = concept_pattern(("discount",))
_SHIPPING_LABEL = concept_pattern(("shipping_charge",))


def _free_shipping(row: Row, amounts: list[AmountMatch]) -> bool:
    """Whether a row is a shipping or postage row that charges nothing (`Versandkosten  0,00 €  0,00 €`):
    no item a clerk books. A charged one stays an item: the items then add up to the net the page prints,
    as the page lists it (EN 16931 allows the charge as a line or as a document-level charge, BG-21)."""
    priced = [a for a in amounts if a.has_decimals]
    label = row.text[: min(a.start for a in amounts)]
    return bool(priced) and all(a.value == 0 for a in priced) and bool(_SHIPPING_LABEL.search(label))


_TAX_LABEL = concept_pattern(("tax",))


def _tax_among_charges(rows: list[Row], index: int, item_rows: list[Row]) -> bool:
    """Whether a tax row is one of the charges (a hotel folio's `04/08/2024  Transient Occupancy Tax 14%
    40.46` after each night's room): it starts where the items start, no total word labels it, and the
    next priced row of its page is another item, not a totals row. A VAT row of the totals block is followed
    by the total (or sits under the price columns) and still ends the items."""
    row = rows[index]
    if (
        not item_rows
        or not _TAX_LABEL.search(row.text)
        or _END.search(row.text)
        or abs(row.bbox.x0 - min(r.bbox.x0 for r in item_rows)) > 0.02
    ):
        return False
    after = (r for r in rows[index + 1 :] if r.page == row.page and r.bbox.y0 <= FOOTER_Y)
    following = next((r for r in after if any(a.has_decimals for a in find_amounts(r.text))), None)
    if following is None:
        return False
    first = min(a.start for a in find_amounts(following.text) if a.has_decimals)
    return not _is_totals_row(following.text[:first]) and not _TAX_LABEL.search(following.text[:first])


def _priced_as_item(row: Row, amounts: list[AmountMatch], columns: dict[str, float]) -> bool:
    """Whether a row under the header prints quantity x unit price = amount in the header's columns (`Imposta
    di soggiorno  6  3,50  esente  21,00`): an item, even when its description holds a tax or total word
    (a city tax, an eco-tax or a deposit charged as a line), and a discount credited as a line at a negative
    price (`Remise commerciale  1  -120,00 €  -120,00 €`, `Rabatt  1  -10,00  -10,00`: it counts into the
    net the items add up to). A summary row never multiplies so."""
    assigned = _assign(amounts, columns, row)
    quantity, price, amount = (assigned.get(k) for k in ("quantity", "unit_price", "amount"))
    if quantity is None or price is None or amount is None or len({id(quantity), id(price), id(amount)}) < 3:
        return False
    return quantity.value > 0 and price.value != 0 and quantity.value * price.value == amount.value


def _item_discount(rows: list[Row], index: int, amounts: list[AmountMatch]) -> bool:
    """Whether a row is an item's discount printed under it (`Rabatt 8 %  24,96-` between two items): a
    discount label, one negative amount, and the next priced row of its page is no totals row (another
    item). A discount row above the totals still ends the items."""
    row = rows[index]
    priced = [a for a in amounts if a.has_decimals]
    if len(priced) != 1 or priced[0].value >= 0 or not _DISCOUNT_LABEL.search(row.text):
        return False
    after = (r for r in rows[index + 1 :] if r.page == row.page and r.bbox.y0 <= FOOTER_Y)
    following = next((r for r in after if any(a.has_decimals for a in find_amounts(r.text))), None)
    if following is None:
        return False
    first = min(a.start for a in find_amounts(following.text) if a.has_decimals)
    return not _is_totals_row(following.text[:first])


def _description_below(rows: list[Row], index: int, amounts: list[AmountMatch]) -> bool:
    """Whether the row after `index` is a wordy row without decimal amounts printed just under it (the
    item's description on its own row, under the numbers: `4100130013294  15,0000 Stk.  180,00` over
    `K4321  Bierbrau Pils 20/0500`). A number of the description itself (`Leergutpfand 20 x 0,5l`, read
    `0,51` from a scan) ends left of the item row's first decimal number (`amounts`): no price column."""
    row = rows[index]
    # the next row that is more than a stray mark (a letter of vertical text printed in the margin)
    below = next((r for r in rows[index + 1 : index + 6] if len(r.text.strip()) > 2), None)
    if below is None:
        return False
    return (
        below.page == row.page
        and below.bbox.y0 - row.bbox.y1 < 1.5 * below.height
        and re.search(r"[A-Za-z]{3}", below.text) is not None
        and not _priced_under(below, find_amounts(below.text), _priced_from(row, amounts))
    )


def _priced_from(row: Row, amounts: list[AmountMatch]) -> float:
    """Where an item row's first decimal number starts (its first priced column)."""
    return min((row.span_bbox(a.start, a.end).x0 for a in amounts if a.has_decimals), default=-1.0)


def _priced_under(row: Row, amounts: list[AmountMatch], priced_from: float) -> bool:
    """Whether a decimal number of `row` reaches the price columns that start at `priced_from`: a number of
    a description (`20 x 0,5l` read `0,51`) ends left of them."""
    return any(a.has_decimals and row.span_bbox(a.start, a.end).x1 > priced_from for a in amounts)


def _item_cells(
    row: Row, amounts: list[AmountMatch], columns: dict[str, float] | None, *, description_below: bool = False
) -> dict[str, FieldValue] | None:
    """The cells of an item row; None when the row prints no description (unless `description_below`: it
    is printed on the next row, which continues this item's empty description)."""
    assigned = _assign(amounts, columns, row)
    span = _description_span(row, amounts, assigned)
    if span is None and not description_below:
        return None
    start, end = span or (0, 0)
    description = row.text[start:end].strip(" :-")
    cells: dict[str, FieldValue] = {
        "description": FieldValue(
            "description",
            description,
            row.text[start:end].strip(" :"),  # as printed: a word broken at the line's end keeps its hyphen
            round(row.span_confidence(start, max(start + 1, end)), 4) if span else 0.0,
            row.page,
            row.span_bbox(start, max(start + 1, end)) if span else None,
        )
    }
    for column, a in assigned.items():
        cells[column] = _cell(column, format_amount(a.value), a.raw, row, a.start, a.end)
    # the first of each: a VAT rate, a discount; never the tail of a longer number (`100% cotton`)
    for percent in LONE_PERCENT.finditer(row.text):
        rate = percent_value(percent)
        column = "discount_percent" if _under_discount(row, percent, columns) else "tax_rate"
        if column not in cells:
            cells[column] = _cell(
                column, format_amount(rate), percent.group(0), row, percent.start(), percent.end()
            )
    return cells


def _under_discount(row: Row, percent: re.Match[str], columns: dict[str, float] | None) -> bool:
    """Whether a percentage on an item row sits under the header's discount label (`Rem.`, `Rabatt`)
    rather than its VAT-rate label: the item's discount, not its tax rate."""
    if not columns or "discount" not in columns:
        return False
    x = row.span_bbox(percent.start(), percent.end()).center[0]
    tax = columns.get("tax_rate")
    return tax is None or abs(columns["discount"] - x) < abs(tax - x)


_SIGNED_COLUMNS = ("quantity", "unit_price", "amount")


def _magnitude(cells: dict[str, FieldValue]) -> dict[str, FieldValue]:
    """A credit note's item with its amounts as magnitudes (EN 16931: the document type carries the sign)."""
    return {
        name: replace(cell, value=cell.value.lstrip("-")) if name in _SIGNED_COLUMNS else cell
        for name, cell in cells.items()
    }


def extract_line_items(
    rows: list[Row], *, decimal_separator: str | None = None, credit_note: bool = False
) -> list[LineItem]:
    """The items of the page; `credit_note`: the document is a credit note, whose amounts are reported
    as magnitudes (as the totals are)."""
    items = _items(rows, decimal_separator)
    return [LineItem(cells=_magnitude(cells) if credit_note else cells) for cells in items]


# A priced row that starts this much (share of the page width) right of where the items start is printed
# under the price columns only: a totals block's row, whatever its label
_INDENT_OF_TOTALS = 0.25


def _largest_printed_money(rows: list[Row], decimal_separator: str | None) -> Decimal | None:
    """The largest amount printed with decimals on the document (its total, or the cash handed over); the
    numbers of a date are none (`2026.11.27.`)."""
    found = (a for row in rows for a in _item_amounts(row, decimal_separator))
    return max((a.value for a in found if a.has_decimals), default=None)


def _points_dropped(
    row: Row, amounts: list[AmountMatch], columns: dict[str, float], largest: Decimal | None
) -> list[AmountMatch]:
    """The row's amounts with the decimal point put back where OCR dropped it (`1  8091  8091` for `1
    80.91  80.91`), when the position is certain: whole numbers under the unit price and the amount that
    are larger than any amount the document prints with decimals (no item costs more than the total) while
    their hundredths are not, and quantity x unit price = amount (a row of footer numbers never agrees).
    On a page that prints no money with decimals (forint: `5 000 db  18  90 000`), whole numbers under the
    unit price and the amount are its prices as printed when the amount is a whole multiple of the price
    (the quantity's own digits may be read apart: `5 000 db`)."""
    if not {"amount", "unit_price"} <= columns.keys() or any(a.has_decimals for a in amounts):
        return amounts
    placed: dict[str, AmountMatch] = {}
    for a in amounts:
        if largest is None:  # whole units are the page's money: placed as money (`_column_of`)
            placed.setdefault(_column_of(row, AmountMatch(a.start, a.end, a.raw, a.value, True), columns), a)
            continue
        x = row.span_bbox(a.start, a.end).center[0]
        placed.setdefault(min(columns, key=lambda k: abs(columns[k] - x)), a)
    price, amount, quantity = placed.get("unit_price"), placed.get("amount"), placed.get("quantity")
    count = quantity.value if quantity is not None and quantity.raw.isdigit() else Decimal(1)
    if largest is None:
        if (
            price is None
            or amount is None
            or not 0 < price.value <= amount.value
            or amount.value % price.value
        ):
            return amounts
        scale = Decimal(1)  # a page of whole units: the numbers as printed
    elif price is None or amount is None or count * price.value != amount.value:
        return amounts
    elif all(a.raw.isdigit() and a.value > largest >= a.value / 100 for a in (price, amount)):
        scale = Decimal(100)
    elif quantity is not None and count > 1 and price.raw.isdigit() and amount.value <= largest:
        scale = Decimal(1)  # prices in whole units (`Kette  30 Meter  10  300`): the numbers as printed
    else:
        return amounts
    return [
        AmountMatch(a.start, a.end, a.raw, a.value / scale, True) if a is price or a is amount else a
        for a in amounts
    ]


def _under_prices_only(row: Row, item_rows: list[Row]) -> bool:
    """Whether a priced row starts far right of where the items start, under the price columns only
    (`Importo lordo merce`, `Trasporto` in a totals block): no item, whatever its label."""
    return bool(item_rows) and row.bbox.x0 - min(r.bbox.x0 for r in item_rows) > _INDENT_OF_TOTALS


def _carried_over(
    row: Row, last_row: Row | None, items: list[dict[str, FieldValue]], amounts: list[AmountMatch]
) -> bool:
    """Whether a totals-like row heads a new page with the sum of the items so far (`Report  2 000,00`,
    printed under the price columns): the sum carried over, the items go on under it."""
    return last_row is not None and row.page != last_row.page and _sum_of_items(items, amounts)


def _page_break_sums(rows: list[Row], decimal_separator: str | None) -> frozenset[int]:
    """Rows that carry a sum over a page break, by their place and amount alone: the last priced row above
    a page's footer and the first priced row of the next page print one and the same amount and nothing
    else priced, larger than any other amount of the first page (`A riportare  108.238,75` at a page's foot,
    `Riporto  108.238,75` under the next page's header), so a label OCR garbles (`Ati` / `port` / `are`) or
    an item lost on the way (the items no longer add up to the sum) does not make them items. Indices of
    both rows; one pass over the rows."""
    priced: dict[int, list[tuple[int, list[AmountMatch]]]] = {}
    for index, row in enumerate(rows):
        if row.bbox.y0 > FOOTER_Y:
            continue
        amounts = [a for a in _item_amounts(row, decimal_separator) if a.has_decimals]
        if amounts:
            priced.setdefault(row.page, []).append((index, amounts))
    found: set[int] = set()
    for page, page_rows in priced.items():
        following = priced.get(page + 1)
        if not following:
            continue
        (last, before), (first, after) = page_rows[-1], following[0]
        if len(before) != 1 or len(after) != 1 or before[0].value != after[0].value or before[0].value <= 0:
            continue
        others = [a.value for _, amounts in page_rows[:-1] for a in amounts]
        if others and before[0].value > max(others):
            found |= {last, first}
    return frozenset(found)


def _another_header(row: Row, header: Row) -> bool:
    """Whether `row` is another table's header on the items' page (`%IVA  Totale imponibile  Totale
    imposta` under the items): the items ended."""
    return row.page == header.page and header_hits(row) is not None


def _items(rows: list[Row], decimal_separator: str | None) -> list[dict[str, FieldValue]]:
    header = find_header(rows)
    if header is None:
        return receipt_line_items(rows, decimal_separator=decimal_separator)
    start, columns = header[0] + 1, header[1]
    table = _Table(rows, rows[start - 1], columns, decimal_separator)
    items, item_rows, stop = table.section(start, [])
    return items + _further_sections(table, items, item_rows, stop)


class _Table:
    """The rows of a page set with the items table's header and columns, read section by section."""

    def __init__(
        self, rows: list[Row], header: Row, columns: dict[str, float], decimal_separator: str | None
    ) -> None:
        self.rows, self.header, self.columns = rows, header, columns
        self.decimal_separator = decimal_separator
        self.largest = _largest_printed_money(rows, decimal_separator)
        self.break_sums = _page_break_sums(rows, decimal_separator)

    def first_priced(self, index: int) -> Decimal | None:
        """The first amount printed with decimals on row `index` (a section total's sum), if any."""
        priced = [a for a in _item_amounts(self.rows[index], self.decimal_separator) if a.has_decimals]
        return priced[0].value if priced else None

    def _skipped(self, index: int, last_row: Row | None) -> bool:
        """A page's footer, the header repeated on the next page, a carried-forward sum by its label or by
        its place at a page break (unless it reads as the items' end: a subtotal ends them)."""
        row = self.rows[index]
        return (
            (row.bbox.y0 > FOOTER_Y and not _table_goes_on(row, last_row))
            or (row.page != self.header.page and header_hits(row) is not None)
            or _carried_forward(row)
            or (index in self.break_sums and not _END.search(row.text))
        )

    def section(
        self, start: int, earlier_rows: list[Row]
    ) -> tuple[list[dict[str, FieldValue]], list[Row], int]:
        """The items from row `start` on, their rows, and the index of the row that ended them (a totals
        row, another table's header; `len(rows)` when none did)."""
        rows, columns, decimal_separator = self.rows, self.columns, self.decimal_separator
        items: list[dict[str, FieldValue]] = []
        item_rows: list[Row] = []
        last_row: Row | None = None
        for index in range(start, len(rows)):
            row = rows[index]
            if self._skipped(index, last_row):
                continue
            if items and (_END.search(row.text) or _another_header(row, self.header)):
                return items, item_rows, index
            amounts = _points_dropped(row, _item_amounts(row, decimal_separator), columns, self.largest)
            last_priced = (
                _priced_from(last_row, _item_amounts(last_row, decimal_separator)) if last_row else -1.0
            )
            if not _priced_under(row, amounts, last_priced):  # no amounts, or numbers of a description
                _continue_description(items, last_row, row)
                continue
            if _free_shipping(row, amounts):
                continue
            label = row.text[: min(a.start for a in amounts)]
            charged = _priced_as_item(row, amounts, columns) or _tax_among_charges(rows, index, item_rows)
            totals = _is_totals_row(label) or _is_totals_row(_cell_before_price(row, amounts))
            if (totals and not charged) or _under_prices_only(row, earlier_rows + item_rows):
                if (
                    items
                    and not _carried_over(row, last_row, items, amounts)
                    and not _item_discount(rows, index, amounts)
                ):
                    return items, item_rows, index
                continue
            if _sum_of_items(items, amounts):
                if (
                    last_row is not None
                    and row.page == last_row.page
                    and _priced_rows_follow(rows, index, decimal_separator)
                ):
                    return items, item_rows, index  # a subtotal under the items, the totals follow
                continue  # a sum carried to or from the next page
            if not _in_amount_column(row, amounts, columns):
                continue
            cells = _item_cells(
                row, amounts, columns, description_below=_description_below(rows, index, amounts)
            )
            if cells is not None:
                items.append(cells)
                item_rows.append(row)
                last_row = row
        return items, item_rows, len(rows)


def _amount_sum(items: list[dict[str, FieldValue]]) -> Decimal:
    return sum((Decimal(item["amount"].value) for item in items if "amount" in item), Decimal(0))


def _closes_with_its_sum(table: _Table, items: list[dict[str, FieldValue]], stop: int) -> bool:
    """Whether the row that ended a section prints the section's sum first (`Total Fees  1,760.00`)."""
    if not items or stop >= len(table.rows):
        return False
    printed = table.first_priced(stop)
    return printed is not None and abs(abs(printed) - abs(_amount_sum(items))) <= Decimal("0.01")


def _grand_sum_printed(table: _Table, after: int, total: Decimal) -> bool:
    """Whether a totals row after row `after` prints `total` (`Total This Invoice  2,110.00`)."""
    for row in table.rows[after + 1 :]:
        amounts = [a for a in _item_amounts(row, table.decimal_separator) if a.has_decimals]
        if not amounts or not _is_totals_row(row.text[: amounts[0].start]):
            continue
        if any(abs(abs(a.value) - abs(total)) <= Decimal("0.01") for a in amounts):
            return True
    return False


def _further_sections(
    table: _Table, first: list[dict[str, FieldValue]], item_rows: list[Row], stop: int
) -> list[dict[str, FieldValue]]:
    """Items of further sections after a section total (a law firm's `EXPENSES` after `Total Fees`): read
    on only when each section ends with a row that prints its own sum and a totals row further down prints
    the sum of all sections (the invoice's total); otherwise the first section total ended the items."""
    accepted: list[dict[str, FieldValue]] = []
    tentative: list[dict[str, FieldValue]] = []
    earlier_rows = list(item_rows)
    items = first
    while _closes_with_its_sum(table, items, stop):
        items, item_rows, stop = table.section(stop + 1, earlier_rows)
        if not _closes_with_its_sum(table, items, stop):
            break
        tentative += items
        earlier_rows += item_rows
        if _grand_sum_printed(table, stop, _amount_sum(first + tentative)):
            accepted = list(tentative)
    return accepted
