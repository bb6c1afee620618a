"""Candidates: every plausible value of a field, with where it sits and the layout features that score it.

Candidate generators (`amount_fields`, `date_fields`, `party_fields`, `identifier_fields`,
`tax_id_fields`) produce these; `scoring` turns the features into a score and a confidence; `extract`
picks the winners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ocr_tasks.extraction.rows import Row
from ocr_tasks.geometry import BBox


@dataclass(slots=True)
class Candidate:
    field: str
    value: str
    raw_text: str
    page: int
    bbox: BBox
    ocr_confidence: float
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0
    confidence: float = 0.0
    row_index: int = -1
    margin: float = float("inf")  # score lead over the best candidate with a different value


def left_context(row: Row, start: int, *, words: int = 5, stop_at_value: bool = False) -> str:
    """Up to `words` words printed before offset `start` on the same row; with `stop_at_value`, only those
    after the previous word that holds a digit (the label of this value, not of its neighbour)."""
    before = row.text[:start].split()[-words:]
    if stop_at_value:
        while any(ch.isdigit() for ch in "".join(before)):
            cut = max(i for i, w in enumerate(before) if any(ch.isdigit() for ch in w))
            before = before[cut + 1 :]
    return " ".join(before)


def header_chunk(row: Row, bbox: BBox, *, max_gap: float = 0.02, values: Row | None = None) -> str:
    """Words of `row` above `bbox` (horizontal overlap), extended left and right to the words printed
    close to them (a multi-word column header such as `Facture N°`), but not over a word that heads
    another value of the row of `values` (`Rechnungsdatum Zahlbar bis` over `30.11.2022  07.12.2022`)."""
    words = row.words
    hit = [i for i, w in enumerate(words) if w.bbox.x1 >= bbox.x0 - 0.005 and w.bbox.x0 <= bbox.x1 + 0.005]
    if not hit:
        return ""
    others = [
        w.bbox
        for w in (values.words if values is not None else ())
        if w.bbox.x1 < bbox.x0 or w.bbox.x0 > bbox.x1
    ]

    def heads_another(word: BBox) -> bool:
        return any(o.x1 >= word.x0 and o.x0 <= word.x1 for o in others)

    lo, hi = min(hit), max(hit)
    while (
        lo > 0
        and words[lo].bbox.x0 - words[lo - 1].bbox.x1 < max_gap
        and not heads_another(words[lo - 1].bbox)
    ):
        lo -= 1
    while (
        hi + 1 < len(words)
        and words[hi + 1].bbox.x0 - words[hi].bbox.x1 < max_gap
        and not heads_another(words[hi + 1].bbox)
    ):
        hi += 1
    return " ".join(w.text for w in words[lo : hi + 1])


def above_context(rows: list[Row], row: Row, bbox: BBox, *, max_gap_rows: int = 2) -> str:
    """Column header of `bbox`: the nearest row above (same page) with words over it, as `header_chunk`."""
    position = rows.index(row) if row in rows else -1
    for other in reversed(rows[max(0, position - max_gap_rows) : position]):
        if other.page != row.page:
            continue
        chunk = header_chunk(other, bbox, values=row)
        if chunk:
            return chunk
    return ""


def _numbers_only(chunk: str) -> bool:
    return bool(chunk) and bool(re.search(r"\d", chunk)) and not re.search(r"[A-Za-z]{3}", chunk)


def totals_table_header(rows: list[Row], row: Row, bbox: BBox, is_header, *, max_rows: int = 4) -> str:
    """The column label of an amount in the last row of a totals table (`Nettobetrag  MwSt-Betrag
    Endbetrag` over rows of numbers, the sum row last): found through the rows of numbers above it, and
    only for the last of them; `is_header(text)` says whether a row is such a table's header."""
    position = rows.index(row) if row in rows else -1
    if position < 0:
        return ""
    below = rows[position + 1] if position + 1 < len(rows) else None
    if below is not None and below.page == row.page and _numbers_only(header_chunk(below, bbox)):
        return ""  # not the last row of the column
    for other in reversed(rows[max(0, position - max_rows) : position]):
        if other.page != row.page:
            return ""
        chunk = header_chunk(other, bbox)
        if _numbers_only(chunk):
            continue
        if not is_header(other.text):
            return ""
        return cell_in_order(other, row, bbox) or chunk
    return ""


def _cells(row: Row) -> list[BBox]:
    """The boxes of a row's cells: its runs of words apart by column gaps (two spaces in `text`)."""
    return [row.span_bbox(*m.span()) for m in re.finditer(r"\S+(?: \S+)*", row.text)]


def cell_in_order(header: Row, row: Row, bbox: BBox) -> str:
    """The header cell over the value at `bbox` counted in order: in a grid whose header and value rows
    have as many cells, each header cell between the value cells either side of its own, the k-th cell
    heads the k-th value (`USt-Satz  Netto  USt  Brutto` over `Summe  1.675,00 €  196,33 €  1.871,33 €`:
    labels at their cells' left edge, numbers at the right edge, so the `€` of the net stands under `USt`);
    else by the cells' edges (`_head_by_edges`). "" when the rows are no such grid."""
    heads, cells = _cells(header), _cells(row)
    if len(cells) < 2:
        return ""
    spans = [m.span() for m in re.finditer(r"\S+(?: \S+)*", header.text)]
    mine = next((k for k, cell in enumerate(cells) if cell.x0 <= bbox.center[0] <= cell.x1), None)
    if mine is None:
        return ""
    if len(heads) == len(cells) and all(
        head.x1 >= (cells[k - 1].x1 if k else -1.0)
        and head.x0 <= (cells[k + 1].x0 if k + 1 < len(cells) else 2.0)
        for k, head in enumerate(heads)
    ):
        return header.text[spans[mine][0] : spans[mine][1]]
    return _head_by_edges(header, cells, mine)


def _head_by_edges(header: Row, cells: list[BBox], mine: int) -> str:
    """The header words over value cell `mine` when header cells run together (`Taux Base HT` over `10 %`
    and `1 684,00 €`): each header word heads the first value that ends more than a character width after
    the word starts (a label at its cell's left edge starts about where the number of the cell before it
    ends). "" unless every value after the first gets a header word."""
    widths = sorted(w.bbox.width / len(w.text) for w in header.words if w.text)
    char = widths[len(widths) // 2] if widths else 0.0
    owner = [
        next((k for k, cell in enumerate(cells) if word.bbox.x0 < cell.x1 - char), len(cells) - 1)
        for word in header.words
    ]
    if not set(range(1, len(cells))) <= set(owner):
        return ""
    return " ".join(w.text for w, k in zip(header.words, owner, strict=True) if k == mine)


def group_by_field(candidates: list[Candidate]) -> dict[str, list[Candidate]]:
    grouped: dict[str, list[Candidate]] = {}
    for c in candidates:
        grouped.setdefault(c.field, []).append(c)
    return grouped
