"""The sum row of an items table whose columns hold each line's net and its tax.

The classic Romanian invoice form (and others like it) prints no totals block: under the items
`Valoarea -lei-  Valoarea TVA -lei-` a row `Total  8.450,00  1.774,50` sums the two columns, and only the
grand total follows (`Total de plată  10.224,50`). Its label is a total word, but its amounts are the net
and the tax: each is the sum of the column it stands in. Read from the items table's header
(`item_table_header.find_header`) and the rows under it; nothing here knows a language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from ocr_tasks.extraction.candidates import Candidate, header_chunk
from ocr_tasks.extraction.item_table_header import find_header
from ocr_tasks.extraction.keywords import has_inclusive
from ocr_tasks.extraction.rows import Row
from ocr_tasks.normalise.amounts import AmountMatch

# the amount field each summed column gives
_FIELD_OF = {"amount": "subtotal", "tax_amount": "tax_amount"}
# the features a label gives a candidate: on the sum row the column says what an amount is, not the row's
# total word
_LABEL_FEATURES = ("label_left", "negative_label", "final_total_label", "amount_due_label", "inclusive_label")


def _column(row: Row, a: AmountMatch, columns: dict[str, float]) -> str:
    x = row.span_bbox(a.start, a.end).center[0]
    return min(columns, key=lambda k: abs(columns[k] - x))


def _summed(row: Row, amounts: list[AmountMatch], columns: dict[str, float], sums: dict[str, Decimal]):
    """{amount index: field} of the amounts of `row` that are the sums `sums` of their columns."""
    found = {}
    for i, a in enumerate(amounts):
        column = _column(row, a, columns)
        if a.has_decimals and sums.get(column) and a.value == sums[column]:
            found[i] = _FIELD_OF[column]
    return found


def items_sum_row(
    rows: list[Row], per_row: Sequence[tuple[Row, list[AmountMatch]]], sum_label: re.Pattern[str]
) -> tuple[int, dict[int, str]] | None:
    """(row index, {amount index: field}) of the row that sums an items table's net and tax columns: the
    first row after the items whose label matches `sum_label` (a total word alone), whose amount under
    the amount column is the sum of the items' amounts and whose amount under the tax-amount column the
    sum of their taxes; the amount column says nothing of the tax included. None when there is none."""
    header = find_header(rows)
    if header is None or not set(_FIELD_OF) <= header[1].keys():
        return None
    start, columns = header
    sums = dict.fromkeys(_FIELD_OF, Decimal(0))
    for index in range(start + 1, len(rows)):
        row, amounts = per_row[index]
        if row.page != rows[start].page:
            return None
        if not any(a.has_decimals for a in amounts):
            continue
        if sum_label.match(row.text[: amounts[0].start]) is None:
            for a in amounts:
                if a.has_decimals and _column(row, a, columns) in sums:
                    sums[_column(row, a, columns)] += a.value
            continue
        found = _summed(row, amounts, columns, sums)
        if sorted(found.values()) != sorted(_FIELD_OF.values()):
            return None
        net = amounts[next(i for i, name in found.items() if name == "subtotal")]
        if has_inclusive(header_chunk(rows[start], row.span_bbox(net.start, net.end))):
            return None  # a column of amounts with the tax (`Bruttó ár`): its sum is no net
        return index, found
    return None


def label_items_sums(
    candidates: list[Candidate],
    rows: list[Row],
    per_row: Sequence[tuple[Row, list[AmountMatch]]],
    sum_label: re.Pattern[str],
) -> list[Candidate]:
    """`candidates` with the amounts of the items' sum row (`items_sum_row`) labelled by their columns:
    the net's and the tax's candidates as if their column's header named them, none by the row's word."""
    found = items_sum_row(rows, per_row, sum_label)
    if found is None:
        return candidates
    index, fields = found
    row, amounts = per_row[index]
    boxes = {i: row.span_bbox(a.start, a.end) for i, a in enumerate(amounts)}
    for candidate in candidates:
        field = next((fields[i] for i, box in boxes.items() if i in fields and box == candidate.bbox), None)
        if candidate.row_index != index or field is None:
            continue
        for name in _LABEL_FEATURES:
            candidate.features[name] = 0.0
        candidate.features["label_above"] = float(candidate.field == field)
    return candidates
