"""The document as extraction sees it: visual rows of words with character offsets back to word boxes.

OCR engines and PDF text layers split a printed row differently (Tesseract's psm 3 puts the label and the
amount of `TOTAL ..... 80.90` in two blocks). Extraction works on *rows*: engine lines whose vertical
extents overlap are merged left to right. A regex match on a row's text maps back to the words it covers,
which gives the field's box and the mean word confidence. A legal form after a name that OCR read with
digits (`Colombo S.r.1.`) is taken as printed (`S.r.l.`, `keywords.repair_legal_form`); every other word
is as read. Marks OCR made of drawings (a logo read as `©`, `[|`, `P|` on lines of their own) are no
words of a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ocr_tasks.extraction.keywords import LABELS, has_label, repair_legal_form
from ocr_tasks.geometry import BBox, bbox_union
from ocr_tasks.normalise.dates import find_dates
from ocr_tasks.ocr_types import Line, OcrDocument, OcrPage, Word


@dataclass(frozen=True, slots=True)
class Row:
    """Words of one printed row on one page, left to right; `starts[i]` is word i's offset in `text`."""

    page: int
    index: int  # position of the row on its page, top to bottom
    words: tuple[Word, ...]
    text: str
    starts: tuple[int, ...]
    bbox: BBox

    @property
    def height(self) -> float:
        return self.bbox.height

    def words_in_span(self, start: int, end: int) -> tuple[Word, ...]:
        """Words whose characters intersect [start, end) of `text`."""
        picked = []
        for word, offset in zip(self.words, self.starts, strict=True):
            if offset < end and start < offset + len(word.text):
                picked.append(word)
        return tuple(picked)

    def span_bbox(self, start: int, end: int) -> BBox:
        words = self.words_in_span(start, end)
        return bbox_union(w.bbox for w in words) if words else self.bbox

    def span_confidence(self, start: int, end: int) -> float:
        words = self.words_in_span(start, end)
        return sum(w.confidence for w in words) / len(words) if words else 0.0

    def word_index_at(self, offset: int) -> int:
        for i, start in enumerate(self.starts):
            if start <= offset < start + len(self.words[i].text) + 1:
                return i
        return len(self.words) - 1


COLUMN_GAP_CHARS = 2.0  # a gap wider than this many character widths separates columns


def _make_row(page: int, index: int, words: list[Word], *, ordered: bool = False) -> Row:
    """Words left to right (or in the order given: `ordered`) joined by one space, or two across a column
    gap (so that `4  191,81` in two columns is never read as the number 4 191,81)."""
    words = _legal_forms_as_printed(list(words) if ordered else sorted(words, key=lambda w: w.bbox.x0))
    char_widths = [w.bbox.width / len(w.text) for w in words if len(w.text) >= 2]
    char_width = sorted(char_widths)[len(char_widths) // 2] if char_widths else 0.01
    starts, text = [], ""
    for i, w in enumerate(words):
        if i:
            gap = w.bbox.x0 - words[i - 1].bbox.x1
            text += "  " if gap > COLUMN_GAP_CHARS * char_width else " "
        starts.append(len(text))
        text += w.text
    return Row(page, index, tuple(words), text, tuple(starts), bbox_union(w.bbox for w in words))


def _legal_forms_as_printed(words: list[Word]) -> list[Word]:
    """A legal form after a word of letters, read with characters OCR confuses (`Colombo S.r.1.`, `ACME
    1TD`), as printed (`S.r.l.`, `LTD`: `keywords.repair_legal_form`); every other word as read. A legal
    form ends a name: a word with another word of letters close after it is a word of the name
    (`KEDAI MAKAN SRI MELATI`: `SRI` is no `SRL`)."""
    out = list(words)
    for i in range(1, len(out)):
        previous, word = out[i - 1], out[i]
        slipped = any(c.isdigit() or c in "|!IÌÍ" for c in word.text)
        if not slipped or not any(c.isalpha() for c in previous.text) or _name_goes_on(out, i):
            continue
        fixed = repair_legal_form(f"{previous.text} {word.text}").rpartition(" ")[2]
        if fixed != word.text:
            out[i] = replace(word, text=fixed)
    return out


def _name_goes_on(words: list[Word], i: int) -> bool:
    """Whether a word of letters follows word `i` within a character's width or two (the same name goes
    on), not across a column gap."""
    if i + 1 >= len(words) or not any(c.isalpha() for c in words[i + 1].text):
        return False
    word = words[i]
    char_width = word.bbox.width / max(1, len(word.text))
    return words[i + 1].bbox.x0 - word.bbox.x1 <= COLUMN_GAP_CHARS * char_width


MARK_CONFIDENCE = 0.35  # OCR's confidence in a glyph it made of a drawing (a logo, a rule, a stamp)
MARK_HEIGHT = 3.0  # a glyph this many times taller than the page's typical word is a drawing
NO_CONFIDENCE = 0.06  # a word of letters read with next to no confidence is no text at all


def is_drawing_mark(word: Word, typical_height: float, *, tall_only: bool = False) -> bool:
    """Whether OCR made a word of a drawing (a logo's ring read `©`, its bars `[|`, `P|`, `a`, `Sean`): a
    word without a digit read with next to no confidence, or one of one or two characters read with little
    confidence or far taller than the page's words (`tall_only`: only the latter). `page_rows` drops the
    engine lines made of such marks only, and a far taller glyph anywhere."""
    text = word.text.strip()
    if any(c.isdigit() for c in text):
        return False
    tall = typical_height > 0 and word.bbox.height > MARK_HEIGHT * typical_height
    if tall_only:
        return len(text) <= 2 and tall
    if word.confidence < NO_CONFIDENCE:  # `Sean`, `paramere` made of a logo's bars on a scan
        return True
    return len(text) <= 2 and (tall or word.confidence < MARK_CONFIDENCE)


def _overlaps_horizontally(a: BBox, b: BBox) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0.25 * min(a.width, b.width)


def _stacked(a: Line, b: Line) -> bool:
    """Whether two lines in one vertical band are printed one over the other (words of one over words of
    the other), not beside each other: lines whose spans overlap but whose words interleave are one printed
    row (a spreadsheet's cells that the PDF draws after the rest of their row: `Chaudière ... 1  10 %`, then
    `2 890,00 €  2 890,00 €` in the gaps)."""
    return _overlaps_horizontally(a.bbox, b.bbox) and any(
        _overlaps_horizontally(u.bbox, v.bbox) for u in a.words for v in b.words
    )


def page_rows(page: OcrPage, *, min_overlap: float = 0.55) -> list[Row]:
    """Rows of a page, top to bottom: engine lines merged when they share a vertical band."""
    heights = sorted(w.bbox.height for line in page.lines for w in line.words if w.text.strip())
    typical = heights[len(heights) // 2] if heights else 0.0

    # a line of the engine made of marks only is a drawing; a mark between words of text (a sender line's
    # `●` read `e` with little confidence) is the text's own, unless it stands far taller than the text
    drawn = {
        id(w)
        for line in page.lines
        for w in line.words
        if all(is_drawing_mark(x, typical) for x in line.words if x.text.strip())
        or is_drawing_mark(w, typical, tall_only=True)
    }

    def kept(word: Word) -> bool:
        return bool(word.text.strip()) and id(word) not in drawn

    lines: list[Line] = [line for line in page.lines if any(kept(w) for w in line.words)]
    lines.sort(key=lambda ln: (ln.bbox.center[1], ln.bbox.x0))
    groups: list[list[Line]] = []
    for line in lines:
        placed = False
        for group in reversed(groups[-4:]):
            band = bbox_union(g.bbox for g in group)
            if band.vertical_overlap(line.bbox) >= min_overlap and not any(_stacked(g, line) for g in group):
                group.append(line)
                placed = True
                break
        if not placed:
            groups.append([line])
    rows = []
    for group in groups:
        words = [w for line in group for w in line.words if kept(w)]
        if words:
            rows.append(words)
    rows.sort(key=lambda ws: min(w.bbox.y0 for w in ws))
    rows, ordered = wrapped_cells(_without_frames(rows))
    kept_rows = [(ws, id(ws) in ordered) for ws in rows if ws]
    return [_make_row(page.index, i, ws, ordered=o) for i, (ws, o) in enumerate(kept_rows)]


# A frame drawn with characters (a line printer's form, `+------+` over `| FATT. N. | 2026/000412 |`): its
# sides are bars one above the other, its corners `+` runs of rule characters
_FRAME_SIDES = frozenset("|¦│┃║")
_FRAME_CORNER = re.compile(r"[+┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬][-=+─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬]+")


def _is_side(word: Word) -> bool:
    return len(word.text) == 1 and word.text in _FRAME_SIDES


def _without_frames(rows: list[list[Word]]) -> list[list[Word]]:
    """The rows without the characters of a frame drawn in text: a corner run (`+-----+`), and a bar with
    another bar at its place on the row above or below (a frame's side; a lone `|` between the parts of a
    sender line is a separator and stays). The words inside the frame are then apart by a column gap, as
    in its cells (`FATT. N.  2026/000412`)."""

    def side_beside(word: Word, other: list[Word]) -> bool:
        middle = word.bbox.center[0]
        return any(_is_side(o) and abs(o.bbox.center[0] - middle) < word.bbox.height for o in other)

    out = []
    for i, words in enumerate(rows):
        near = (rows[i - 1] if i else []) + (rows[i + 1] if i + 1 < len(rows) else [])
        out.append(
            [
                w
                for w in words
                if not _FRAME_CORNER.fullmatch(w.text) and not (_is_side(w) and side_beside(w, near))
            ]
        )
    return out


# A cell wrapped over lines: the next line of a cell starts within half a line height of its left edge (or
# ends at its right edge, right-aligned), below it at the cell's own line spacing (a table row's padding
# puts the next row's cell further down)
_CELL_EDGE = 0.5
_CELL_LINE_GAP = 0.6
_LABEL_LINES = 3
_CELL_GAP_CHARS = 1.5  # cells of a key-value table sit closer than the columns of a row


def _fragments(words: list[Word]) -> list[list[Word]]:
    """The words of a row left to right, in runs apart by column gaps (a cell each; the gap measured in
    the characters of the two words beside it: a row's letter-spaced capitals elsewhere widen no gap)."""

    def char_width(w: Word) -> float:
        return w.bbox.width / max(1, len(w.text))

    runs: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.bbox.x0):
        last = runs[-1][-1] if runs else None
        if last is not None and w.bbox.x0 - last.bbox.x1 <= _CELL_GAP_CHARS * min(
            char_width(last), char_width(w)
        ):
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


def row_cells(row: Row) -> list[list[Word]]:
    """The cells of a printed row, left to right: its words in runs apart by column gaps."""
    return _fragments(list(row.words))


def _text(run: list[Word]) -> str:
    return " ".join(w.text for w in run)


def _goes_on_in(a: BBox, b: BBox) -> bool:
    """Whether the run boxed `b` is the next line of the cell that holds the run boxed `a`."""
    height = min(a.height, b.height)
    if height <= 0 or max(a.height, b.height) > 1.35 * height:
        return False
    gap = b.y0 - a.y1
    if not -0.35 * height <= gap <= _CELL_LINE_GAP * height:
        return False
    return abs(a.x0 - b.x0) <= _CELL_EDGE * height or abs(a.x1 - b.x1) <= _CELL_EDGE * height


def _label_gain(first: str, joined: str) -> bool:
    """Whether the lines joined make a field's label that the first line alone is not (`Invoice` /
    `Date:`, `Data di` / `scadenza :`)."""
    return any(has_label(joined, field) > has_label(first, field) + 0.5 for field in LABELS)


def _date_across(first: str, second: str) -> bool:
    """Whether a date starts on the cell's first line and ends with its second (`October 1,` / `2024`)."""
    joined = f"{first} {second}"
    end = len(joined.rstrip(".,;"))
    return any(d.start < len(first) < d.end and d.end >= end for d in find_dates(joined))


def _label_lines(label: list[Word], next_line, taken: set[int]) -> list[list[Word]] | None:
    """The lines of a label wrapped in its cell (`Amount` / `Due` / `(USD):`), or None: only the last ends
    with a colon, none before it holds a digit, and only together they make a field's label."""
    lines = [label]
    while len(lines) < _LABEL_LINES and not _text(lines[-1]).endswith(":"):
        below = next_line(lines[-1])
        if below is None or id(below) in taken:
            break
        lines.append(below)
    texts = [_text(run) for run in lines]
    if (
        len(lines) < 2
        or not texts[-1].endswith(":")
        or any(":" in t or any(c.isdigit() for c in t) for t in texts[:-1])
        or not _label_gain(texts[0], " ".join(texts))
    ):
        return None
    return lines


def _join_dates(runs, next_line, moved: dict[int, list[list[Word]]], taken: set[int]) -> None:
    """A date begun at the end of a cell's line and ended by the cell's next line (`October 1,` / `2024`)
    joins it (into `moved`)."""
    for row in runs:
        for run in row:
            below = None if id(run) in taken else next_line(run)
            if below is not None and id(below) not in taken and _date_across(_text(run), _text(below)):
                moved[id(run)] = [below]
                taken.update({id(run), id(below)})


def wrapped_cells(rows: list[list[Word]]) -> tuple[list[list[Word]], set[int]]:
    """The rows with the lines of a cell that a narrow table column wrapped joined to the cell's first line
    (an HTML engine wraps a key-value table's label and value where the column is too narrow: `Invoice`
    over `Date:`, `February` over `7, 2025`; the continuation shares its row with other columns' lines):
    a label whose lines end with a colon only at the last and only together make a field's label, its
    value beside it with the value's lines on the label's lines; a date begun at the end of a cell's line
    and ended by the next line. Returns the rows (top to bottom) and the ids of those whose words are now
    in reading order (left to right, a cell's lines in turn)."""
    runs = [_fragments(ws) for ws in rows]
    where = {id(run): i for i, row in enumerate(runs) for run in row}
    boxes = {id(run): bbox_union(w.bbox for w in run) for row in runs for run in row}  # each run's once

    def next_line(run: list[Word]) -> list[Word] | None:
        i = where[id(run)]
        for later in runs[i + 1 : i + 5]:
            for other in later:
                if _goes_on_in(boxes[id(run)], boxes[id(other)]):
                    return other
        return None

    moved: dict[int, list[list[Word]]] = {}  # id(run) -> the lines joined after it
    taken: set[int] = set()
    for row in runs:
        for k, label in enumerate(row[:-1]):
            lines = None if id(label) in taken else _label_lines(label, next_line, taken)
            if lines is None:
                continue
            value, label_rows = row[k + 1], {where[id(run)] for run in lines[1:]}
            values, below = [], next_line(value)
            while below is not None and where[id(below)] in label_rows and id(below) not in taken:
                values.append(below)
                below = next_line(below)
            moved[id(label)], moved[id(value)] = lines[1:], values
            taken.update(id(run) for run in [label, value, *lines[1:], *values])
    _join_dates(runs, next_line, moved, taken)
    gone = {id(run) for lines in moved.values() for run in lines}
    out, ordered = [], set()
    for row in runs:
        words = [w for run in row if id(run) not in gone for w in (run + sum(moved.get(id(run), []), []))]
        if any(moved.get(id(run)) for run in row):
            ordered.add(id(words))
        out.append(words)
    return out, ordered


def document_rows(document: OcrDocument) -> list[Row]:
    """Rows of every page in reading order (OCR's amounts split after their decimal separator joined
    again first: `split_decimals`)."""
    from ocr_tasks.extraction.split_decimals import decimals_rejoined

    rows: list[Row] = []
    for page in document.pages:
        rows.extend(page_rows(decimals_rejoined(page)))
    return rows
