"""Values of a field as printed on rows, and the label printed with them: what `learn` records about the
reviewed value and what `recall` reads again on the vendor's next document.

Amounts and dates are compared in their normalised form (the `ocr_tasks.normalise` parsers: `1.234,50`
is 1234.50; `04.07.2013` is 2013-07-04), codes without spacing and punctuation, names case-folded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from rapidfuzz import fuzz

from ocr_tasks.extraction.candidates import header_chunk
from ocr_tasks.extraction.keywords import fold
from ocr_tasks.extraction.rows import Row
from ocr_tasks.geometry import BBox
from ocr_tasks.normalise.amounts import find_amounts, format_amount
from ocr_tasks.normalise.dates import find_dates
from ocr_tasks.vendor_memory.label_rules import label_part, looks_like_label, names_field, names_other_field
from ocr_tasks.vendor_memory.shapes import compact, field_kind, format_match, label_words

MAX_VALUE_WORDS = 8
MAX_LABEL_GAP = 0.3  # a label further left than this (page widths) belongs to something else
# a header further above its value than this many row heights (the taller of the two rows) heads nothing
# of it: an address line six rows over a receipt's date, its phone and tax-id rows lost by OCR, taught
# `ok bestariaaya` as the date's label
MAX_ABOVE_GAP_ROWS = 2.0


@dataclass(frozen=True, slots=True)
class Reading:
    """A value read on a row: normalised `value`, `printed` text, its span in `row.text` and box."""

    value: str
    printed: str
    start: int
    end: int
    bbox: BBox


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a reviewed value sits: page, box, the label printed with it and its side, the printed text."""

    page: int
    box: BBox
    label: str
    label_side: str
    printed: str
    row: Row


def _amount_readings(row: Row, lo: int, hi: int) -> list[Reading]:
    out = []
    for m in find_amounts(row.text[lo:hi]):
        start, end = lo + m.start, lo + m.end
        out.append(Reading(format_amount(m.value), m.raw, start, end, row.span_bbox(start, end)))
    return out


def _date_readings(row: Row, lo: int, hi: int, day_first: bool | None) -> list[Reading]:
    out = []
    for m in find_dates(row.text[lo:hi], day_first=day_first):
        start, end = lo + m.start, lo + m.end
        out.append(Reading(m.value.isoformat(), m.raw, start, end, row.span_bbox(start, end)))
    return out


def _word_spans(
    row: Row, lo: int, hi: int, words: int | None, shape: str | None = None, *, name: bool = False
) -> list[Reading]:
    """Runs of consecutive words inside [lo, hi) (`words` long, or 1..MAX_VALUE_WORDS), never across a
    column gap; with `shape`, only those of that shape (`format_match`). A `name` may end with a dot
    (`e-Luscious Nederland B.V.`, `Acme Inc.`)."""
    indices = [i for i, s in enumerate(row.starts) if s >= lo and s + len(row.words[i].text) <= hi]
    out = []
    for a_pos in range(len(indices)):
        lengths = [words] if words else range(1, MAX_VALUE_WORDS + 1)
        for n in lengths:
            if n is None or a_pos + n > len(indices):
                continue
            run = indices[a_pos : a_pos + n]
            if run[-1] - run[0] != n - 1:
                continue
            start, end = row.starts[run[0]], row.starts[run[-1]] + len(row.words[run[-1]].text)
            printed = row.text[start:end]
            if "  " in printed:
                break  # a column gap
            value = " ".join(printed.split())
            if shape is not None and not format_match(shape, printed):
                continue
            last = value[-2:-1] if name and value.endswith(".") else value[-1:]
            if value[:1].isalnum() and last.isalnum():  # not `#`, `:` or `(` around a code
                out.append(Reading(value, printed, start, end, row.span_bbox(start, end)))
    return out


def readings(
    row: Row,
    field: str,
    *,
    lo: int = 0,
    hi: int | None = None,
    day_first: bool | None = None,
    words: int | None = None,
    shape: str | None = None,
) -> list[Reading]:
    """Values of `field`'s kind printed in `row.text[lo:hi]` (codes and names: of `shape` when given)."""
    hi = len(row.text) if hi is None else hi
    kind = field_kind(field)
    if kind == "amount":
        return _amount_readings(row, lo, hi)
    if kind == "date":
        return _date_readings(row, lo, hi, day_first)
    return _word_spans(row, lo, hi, words, shape, name=kind == "text")


def same_value(field: str, reading: str, final: str) -> bool:
    kind = field_kind(field)
    if kind == "amount":
        try:
            return abs(Decimal(reading)) == abs(Decimal(str(final)))
        except InvalidOperation:
            return False
    if kind == "date":
        return reading == final
    if kind == "text":
        return fold(reading) == fold(final)
    return bool(compact(reading)) and compact(reading) == compact(final)


def _final_readings(row: Row, field: str, final: str) -> list[Reading]:
    kind = field_kind(field)
    if kind == "date":
        found = {}
        for day_first in (True, False):
            for r in readings(row, field, day_first=day_first):
                if same_value(field, r.value, final):
                    found[r.start] = r
        return list(found.values())
    out = [r for r in readings(row, field) if same_value(field, r.value, final)]
    # the tightest spans only: `RE-2024/502`, not `# RE-2024/502` around it (the same once compacted)
    out = [r for r in out if not any(o is not r and r.start <= o.start and o.end <= r.end for o in out)]
    if kind in ("code", "text") and not out:  # glued to its label: `Nr.RE-2024-0042`
        at = row.text.casefold().find(str(final).casefold())
        if at >= 0:
            end = at + len(str(final))
            out.append(Reading(str(final), row.text[at:end], at, end, row.span_bbox(at, end)))
    return out


def _left_segment(row: Row, start: int, bbox: BBox) -> str:
    """The column chunk printed just before the value on its row ("" when none, or too far left)."""
    before = row.text[:start].rstrip()
    chunk = before.split("  ")[-1] if before else ""
    if not label_words(chunk):
        return ""
    label_box = row.span_bbox(len(before) - len(chunk), len(before))
    return "" if bbox.x0 - label_box.x1 > MAX_LABEL_GAP else chunk


def left_label(row: Row, start: int, bbox: BBox) -> str:
    """The label printed left of the value on its row: the column chunk just before it, letters only."""
    return " ".join(label_words(_left_segment(row, start, bbox)))


def _above_segment(rows: Sequence[Row], row: Row, bbox: BBox, position: int) -> str:
    """The column header over the value: the nearest of the two rows above with words over it, printed
    close over the value (at most `MAX_ABOVE_GAP_ROWS` row heights between them); "" when those words are
    an address or a sentence holding a number (`_words_after_a_number`)."""
    for other in reversed(rows[max(0, position - 2) : position]):
        if other.page != row.page:
            continue
        if row.bbox.y0 - other.bbox.y1 > MAX_ABOVE_GAP_ROWS * max(row.height, other.height):
            break  # too far above: the rows between were lost or are blank, and the next one is further
        chunk = header_chunk(other, bbox)
        if chunk:
            return "" if _words_after_a_number(chunk) else chunk
    return ""


def _words_after_a_number(chunk: str) -> bool:
    """Whether letter words follow a number in a chunk (`IJOK, 45600 BESTARI JAYA`, `Hauptstr. 5 Berlin`):
    an address or a sentence with data in it, not a column header (`MwSt 19%` ends with its number)."""
    tokens = chunk.split()
    numbers = [i for i, t in enumerate(tokens) if any(ch.isdigit() for ch in t)]
    words = (t.strip(".,;:()") for t in tokens[numbers[0] + 1 :]) if numbers else ()
    return any(w.isalpha() and len(w) > 1 for w in words)


def _after_last_number(segment: str) -> str:
    """The words of a segment after its last token with a digit (`Datum 03.04.2024 Beleg` -> `Beleg`):
    the label of the value when the segment also holds another label and its value."""
    tokens = segment.split()
    last = max((i for i, t in enumerate(tokens) if any(ch.isdigit() for ch in t)), default=-1)
    return " ".join(tokens[last + 1 :]) if last >= 0 else ""


def label_of(
    rows: Sequence[Row],
    row: Row,
    reading: Reading,
    position: int | None = None,
    *,
    field: str | None = None,
) -> tuple[str, str]:
    """(label, side) of a value: on its left, else the column header above it (the nearest of the two
    rows above with words over it, close over it, no address), else ("", ""). `position`: the row's
    index in `rows` when known.

    Only what looks like a label counts (`label_rules.looks_like_label`: prose before a value is passed
    over for the header above it). With `field`, a label
    that names another field and not `field` (`btw bedrag` over the subtotal) is passed over for the
    other side's label when that one names `field`, else for the words after the last number of the left
    segment (`Datum 03.04.2024 Beleg` -> `beleg`) when they name no other field; else no label (a lesson
    of place)."""
    position = rows.index(row) if position is None else position
    options = []
    left = _left_segment(row, reading.start, reading.bbox)
    if left:
        options.append((left, "left"))
    above = _above_segment(rows, row, reading.bbox, position)
    if above:
        options.append((above, "above"))
    labels = [(" ".join(label_words(segment)), side, segment) for segment, side in options]
    labels = [(label_part(segment, label), side) for label, side, segment in labels]
    labels = [(label, side) for label, side in labels if label]
    if labels and (field is None or not names_other_field(labels[0][0], field)):
        return labels[0]
    if field is None:
        return "", ""
    for label, side in labels[1:]:
        if names_field(label, field):
            return label, side
    tail = " ".join(label_words(_after_last_number(left))) if left else ""
    if tail and looks_like_label(tail, tail) and not names_other_field(tail, field):
        return tail, "left"
    return "", ""


def _overlaps(a: BBox, b: BBox) -> bool:
    return a.x0 <= b.x1 and b.x0 <= a.x1 and a.y0 <= b.y1 and b.y0 <= a.y1


def locate(
    rows: Sequence[Row], field: str, final: str, *, hint: tuple[int, BBox | None] | None = None
) -> Evidence | None:
    """Where `final` (the reviewed value of `field`) is printed. Among several places: the one the engine
    chose (`hint`: its page and box), then one with a label, then the last (amounts: totals come last)
    or the first (the rest)."""
    found: list[tuple[float, int, Evidence]] = []
    for position, row in enumerate(rows):
        for reading in _final_readings(row, field, final):
            label, side = label_of(rows, row, reading, position, field=field)
            weight = 1.0 if side == "left" else 0.8 if side == "above" else 0.0
            if (
                hint is not None
                and hint[1] is not None
                and hint[0] == row.page
                and _overlaps(hint[1], reading.bbox)
            ):
                weight += 3.0
            order = position if field_kind(field) == "amount" else -position
            evidence = Evidence(row.page, reading.bbox, label, side, reading.printed, row)
            found.append((weight, order, evidence))
    if not found:
        return _misread(rows, field, final)
    return max(found, key=lambda item: (item[0], item[1]))[2]


MISREAD_RATIO = 85  # rapidfuzz ratio of a misread value to the reviewed one


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _printed_forms(field: str, final: str) -> list[str]:
    """What to compare a misread span with: the value's digits in the orders a date or amount is printed
    in, or the value itself (codes compacted, names folded)."""
    kind = field_kind(field)
    if kind == "date":
        try:
            day = date.fromisoformat(final)
        except ValueError:
            return []
        return [day.strftime(f) for f in ("%d%m%Y", "%m%d%Y", "%Y%m%d", "%d%m%y", "%m%d%y")]
    if kind == "amount":
        return [_digits(final)]
    return [compact(final) if kind == "code" else fold(final)]


def _misread(rows: Sequence[Row], field: str, final: str) -> Evidence | None:
    """Where an OCR-misread copy of the reviewed value is printed (`INV-96G79` for `INV-96679`, `19/v2/
    2017`): the span most like it (rapidfuzz, at least `MISREAD_RATIO`), so that the lesson still learns
    the label and place. Its shape is the reviewed value's, not the misread one's."""
    forms = [f for f in _printed_forms(field, final) if len(f) >= 4]
    if not forms:
        return None
    kind = field_kind(field)
    best: tuple[tuple[float, int], Evidence] | None = None
    for position, row in enumerate(rows):
        for reading in _word_spans(row, 0, len(row.text), None):
            if kind in ("date", "amount"):
                text = _digits(reading.printed)
            else:
                text = compact(reading.printed) if kind == "code" else fold(reading.printed)
            if not text or abs(len(text) - len(forms[0])) > 2:
                continue
            # as like, the tighter span: `24/12/2018`, not `Date: 24/12/2018` (the same digits)
            score = (max(fuzz.ratio(text, form) for form in forms), -len(reading.printed))
            if score[0] >= MISREAD_RATIO and (best is None or score > best[0]):
                label, side = label_of(rows, row, reading, position, field=field)
                printed = reading.printed if kind in ("date", "amount") else final
                best = (score, Evidence(row.page, reading.bbox, label, side, printed, row))
    return best[1] if best else None
