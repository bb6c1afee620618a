"""A till roll's item amounts read again where the page reading garbled them (faded thermal print, photos).

A receipt's items are kept only when they add up to a total printed under them (`receipt_items`). On a
faded roll the page reading misreads amounts (`2/16 e221` for `2,16 € 1`, `173076 1` for `1,30 € 1`, `890,
€.2`), so the block never adds up and no items are reported. When that happens and a `RegionReader` is at
hand (an OCR page whose image still exists), the price part of each row around the first totals row
(the words after the row's first column gap, up to the roll's right edge, when one of them was read
unsurely) is read again on its own (enlarged, binarised, one line), and the items are looked for once more
on the rows so read. Nothing is taken from the second reading unless the items then check out as they must
on the first. (On the round's faded thermal scan every garbled amount reads right so; on its photographs
the enlarged crops read no better than the page, and nothing changes.)
"""

from __future__ import annotations

from ocr_tasks.extraction.options import RegionReader
from ocr_tasks.extraction.receipt_items import TOTALS
from ocr_tasks.extraction.rows import Row
from ocr_tasks.geometry import BBox, bbox_union
from ocr_tasks.ocr_types import Word

ROWS_ABOVE = 20  # rows above the first totals row whose price part may be read again
ROWS_BELOW = 6  # and rows from it down (the totals an item block is checked against)
SURE = 0.9  # a price part whose every word was read at least this surely is not read again
REREAD_CONFIDENCE = (
    0.6  # confidence given to the words of a second reading (Tesseract's line mode gives none)
)


def _price_part(row: Row) -> int | None:
    """Index of the first word after the row's first column gap (`BAGUETTE TRADITION  173076 1`), when
    words with letters come before it; None for a row without such a gap."""
    gap = row.text.find("  ")
    if gap < 0 or not any(ch.isalpha() for ch in row.text[:gap]):
        return None
    return next((i for i, start in enumerate(row.starts) if start > gap), None)


def _part_box(row: Row, first: int, right: float) -> BBox:
    """The price part's box, from the end of the words before it to the roll's right edge (`right`: the
    amounts are printed flush right), with room above and below."""
    part = bbox_union(w.bbox for w in row.words[first:])
    pad = row.height * 0.3
    left = max(row.words[first - 1].bbox.x1, part.x0 - row.height)
    edge = max(part.x1, right) + row.height
    return BBox(left, max(0.0, part.y0 - pad), min(1.0, edge), min(1.0, part.y1 + pad))


def _with_part_read(row: Row, first: int, text: str) -> Row:
    """`row` with the words of its price part replaced by `text`, spread over the part's box."""
    tokens = text.split()
    part = bbox_union(w.bbox for w in row.words[first:])
    width = part.x1 - part.x0
    total_chars = sum(len(t) for t in tokens) + len(tokens) - 1
    words, position = list(row.words[:first]), 0
    for token in tokens:
        x0 = part.x0 + width * position / total_chars
        x1 = part.x0 + width * (position + len(token)) / total_chars
        words.append(Word(token, BBox(x0, part.y0, x1, part.y1), REREAD_CONFIDENCE))
        position += len(token) + 1
    head = row.text[: row.starts[first]].rstrip()
    out_text, starts = head + "  ", list(row.starts[:first])
    for i, token in enumerate(tokens):
        if i:
            out_text += " "
        starts.append(len(out_text))
        out_text += token
    return Row(row.page, row.index, tuple(words), out_text, tuple(starts), bbox_union(w.bbox for w in words))


def rows_read_again(rows: list[Row], reader: RegionReader) -> list[Row] | None:
    """The rows with the unsure price parts around the first totals row read again, or None when there is
    no totals row or nothing was read differently."""
    end = next((i for i, row in enumerate(rows) if i and TOTALS.search(row.text)), None)
    if end is None:
        return None
    window = [r for r in rows[max(0, end - ROWS_ABOVE) : end + ROWS_BELOW] if r.page == rows[end].page]
    right = max(r.bbox.x1 for r in window)
    out, changed = list(rows), False
    for i in range(max(0, end - ROWS_ABOVE), min(len(rows), end + ROWS_BELOW)):
        row = rows[i]
        first = _price_part(row) if row.page == rows[end].page else None
        if first is None or min(w.confidence for w in row.words[first:]) >= SURE:
            continue
        text = " ".join(reader(row.page, _part_box(row, first, right)).split())
        if text and text != row.text[row.starts[first] :]:
            out[i] = _with_part_read(row, first, text)
            changed = True
    return out if changed else None
