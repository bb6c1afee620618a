"""Memory candidates: for each lesson of the vendor's memory, the value printed next to the remembered
label on the remembered side, of the remembered shape, nearest the remembered place.

The label wins over the place: a label found elsewhere on the page still gives its value (scored a bit
lower the further it moved). A lesson without a label reads the remembered place itself. A lesson whose
label is gone (a changed layout) gives no candidate, and neither does a place holding nothing of the
value's shape: the general engine's choice stands.

A candidate's score is a floor above the general engine's usual range (strong evidence), lowered by
misses; its confidence follows the lesson's track record (confirmations against misses). Weak candidates
(`memory_weak`) only support the general engine (they raise the confidence of the value it chose and
fill a field it leaves empty): those of a lesson never needed to correct the engine, and those of a
label that gives several values on the page (`VAT 21 %` and `VAT 9 %` both read `vat`; only the one at
the remembered place is kept).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from ocr_tasks.extraction.candidates import Candidate
from ocr_tasks.extraction.keywords import fold
from ocr_tasks.extraction.rows import Row
from ocr_tasks.geometry import BBox
from ocr_tasks.vendor_memory.lessons import FieldLesson, VendorMemory
from ocr_tasks.vendor_memory.locate import Reading, label_of, readings
from ocr_tasks.vendor_memory.shapes import field_kind, format_match

MEMORY_SCORE = 4.0  # score of a memory candidate: this + MEMORY_WEIGHT x quality x track record
MEMORY_WEIGHT = 6.0
AMBIGUOUS_SCORE = -1.0  # base score when the label gives several values (weaker than most labelled values)
AMBIGUOUS = 0.5  # quality factor of such a value
FUZZY_LABEL = 86  # rapidfuzz ratio for an OCR-garbled label
PLACE_TOLERANCE = 0.025  # page fraction: how far a value may sit from the remembered place


def track_record(lesson: FieldLesson) -> float:
    """0-1: how far the lesson's reviews agreed with it (1.0 for a fresh lesson)."""
    return (lesson.confirmations + 1) / (lesson.confirmations + lesson.misses + 1)


def lesson_confidence(lesson: FieldLesson, quality: float) -> float:
    """Confidence of a value read by a lesson: rises with confirmations (0.78 fresh, ~0.95 after 20),
    falls with misses; times the match quality."""
    c, m = lesson.confirmations, lesson.misses
    return max(0.05, min(0.97, 0.97 * (c + 2) / (c + m + 2.5) * quality))


def _distance(a: BBox, b: BBox) -> float:
    (ax, ay), (bx, by) = a.center, b.center
    return math.hypot(ax - bx, ay - by)


def _at_place(box: BBox, page: int, lesson: FieldLesson) -> bool:
    """Whether a box sits where the lesson's value sat (its page, within `PLACE_TOLERANCE`)."""
    (ax, ay), (bx, by) = box.center, lesson.box.center
    return (
        page == lesson.page
        and abs(ay - by) <= PLACE_TOLERANCE + lesson.box.height / 2
        and abs(ax - bx) <= PLACE_TOLERANCE + lesson.box.width / 2
    )


def _word_count(lesson: FieldLesson) -> int | None:
    return lesson.value_format.count(" ") + 1 if field_kind(lesson.field) == "code" else None


def _shaped(lesson: FieldLesson, found: list[Reading]) -> list[tuple[Reading, float]]:
    if field_kind(lesson.field) in ("amount", "date"):
        return [(r, 1.0) for r in found]
    out = []
    for r in found:
        match = format_match(lesson.value_format, r.printed)
        if match > 0:
            out.append((r, match))
    return out


def _place_values(rows: Sequence[Row], lesson: FieldLesson, day_first) -> list[tuple[Reading, Row, float]]:
    """Values of the lesson's shape printed at the remembered place (a lesson without a label)."""
    box = lesson.box
    out = []
    for row in rows:
        if row.page != lesson.page or abs(row.bbox.center[1] - box.center[1]) > PLACE_TOLERANCE + box.height:
            continue
        for reading, match in _shaped(
            lesson,
            readings(
                row, lesson.field, day_first=day_first, words=_word_count(lesson), shape=lesson.value_format
            ),
        ):
            if reading.bbox.x1 >= box.x0 - PLACE_TOLERANCE and reading.bbox.x0 <= box.x1 + PLACE_TOLERANCE:
                out.append((reading, row, match))
    if field_kind(lesson.field) == "text" and out:  # a name: the longest run of words at the place
        out = [max(out, key=lambda item: (item[2], len(item[0].printed)))]
    return out


def label_quality(found: str, wanted: str) -> float:
    """1.0 for the same label, 0.8 for an OCR-garbled one (rapidfuzz), 0.0 otherwise."""
    if found == wanted:
        return 1.0
    if len(wanted) >= 5 and found and fuzz.ratio(found, wanted) >= FUZZY_LABEL:
        return 0.8
    return 0.0


@lru_cache(maxsize=65536)
def _letter_words(text: str) -> str:
    """A row's words of letters only, case-folded (as labels are kept: numbers dropped)."""
    return " ".join(w for w in fold(text).split() if w.isalpha())


def _may_hold(folded: str, label: str) -> bool:
    """A quick test before the exact one: whether a row's folded text may hold the label."""
    return label in folded or (len(label) >= 5 and fuzz.partial_ratio(label, folded) >= FUZZY_LABEL)


def _labelled_values(rows: Sequence[Row], lesson: FieldLesson, day_first) -> list[tuple[Reading, Row, float]]:
    """Values of the lesson's shape whose own label (as `learn` reads it: the chunk on their left, else
    the column header above) is the lesson's label on the lesson's side."""
    holds = [_may_hold(_letter_words(row.text), lesson.label) for row in rows]
    words = _word_count(lesson)
    out = []
    for position, row in enumerate(rows):
        near = holds[position] if lesson.label_side == "left" else any(holds[max(0, position - 2) : position])
        if not near:
            continue
        found = readings(row, lesson.field, day_first=day_first, words=words, shape=lesson.value_format)
        for reading, match in _shaped(lesson, found):
            label, side = label_of(rows, row, reading, position, field=lesson.field)
            quality = label_quality(label, lesson.label) if side == lesson.label_side else 0.0
            if quality > 0:
                out.append((reading, row, quality * match))
    if field_kind(lesson.field) == "text":  # a name: the longest run of words with the label, per row
        longest: dict[int, tuple[Reading, Row, float]] = {}
        for item in out:
            key = id(item[1])
            if key not in longest or (item[2], len(item[0].printed)) > (
                longest[key][2],
                len(longest[key][0].printed),
            ):
                longest[key] = item
        out = list(longest.values())
    return out


def _one_per_row(found: list[tuple[Reading, Row, float]], lesson: FieldLesson) -> list:
    """On a row with several values under the label (`TVA 20 % base 24 197,34  4 839,47`), the one in
    the remembered column (nearest the remembered box's horizontal centre)."""
    by_row: dict[int, tuple[Reading, Row, float]] = {}
    x = lesson.box.center[0]
    for item in found:
        key = id(item[1])
        if key not in by_row or abs(item[0].bbox.center[0] - x) < abs(by_row[key][0].bbox.center[0] - x):
            by_row[key] = item
    return list(by_row.values())


def lesson_candidates(
    rows: Sequence[Row], lesson: FieldLesson, *, day_first: bool | None = None
) -> list[Candidate]:
    """The candidates one lesson gives on a document's rows (none when its label or place is empty)."""
    if lesson.label:
        found = _labelled_values(rows, lesson, day_first)
    else:
        found = _place_values(rows, lesson, day_first)
    index = {id(row): i for i, row in enumerate(rows)}
    out = []
    record = track_record(lesson)
    found = _one_per_row(found, lesson)
    # the label gives values on several rows (`VAT 21 %` and `VAT 9 %` both read `vat`): only those at
    # the remembered place, as weak evidence (they fill a field the general engine leaves empty)
    ambiguous = len({reading.value for reading, _, _ in found}) > 1
    if ambiguous:
        found = [item for item in found if _at_place(item[0].bbox, item[1].page, lesson)]
    for reading, row, quality in found:
        moved = _distance(reading.bbox, lesson.box) if row.page == lesson.page else 1.0
        out.append(
            memory_candidate(
                lesson,
                value=reading.value,
                printed=reading.printed,
                page=row.page,
                bbox=reading.bbox,
                ocr_confidence=row.span_confidence(reading.start, reading.end),
                quality=quality,
                moved=moved,
                ambiguous=ambiguous,
                row_index=index.get(id(row), -1),
                record=record,
            )
        )
    return out


def memory_candidate(
    lesson: FieldLesson,
    *,
    value: str,
    printed: str,
    page: int,
    bbox: BBox,
    ocr_confidence: float,
    quality: float,
    moved: float,
    ambiguous: bool = False,
    row_index: int = -1,
    record: float | None = None,
) -> Candidate:
    """A candidate read by `lesson` (`quality` 0-1: how well label, shape and place matched; `moved`:
    how far from the remembered place), scored above the general engine's usual range."""
    record = track_record(lesson) if record is None else record
    quality *= 1.0 - min(0.3, moved)  # the label wins over the place, by a little less when it moved
    if ambiguous:
        quality *= AMBIGUOUS
    score = (AMBIGUOUS_SCORE if ambiguous else MEMORY_SCORE) + MEMORY_WEIGHT * quality * record
    c = Candidate(
        field=lesson.field,
        value=value,
        raw_text=printed,
        page=page,
        bbox=bbox,
        ocr_confidence=ocr_confidence,
        features={
            "memory": quality,
            "memory_moved": moved,
            "memory_score": score,
            "memory_weak": float(ambiguous or not lesson.corrected),
        },
        row_index=row_index,
    )
    c.score = score
    c.confidence = lesson_confidence(lesson, quality)
    c.features["memory_confidence"] = c.confidence  # kept when a chooser rescores its pool
    return c


def memory_candidates(
    rows: Sequence[Row], memory: VendorMemory, *, day_first: bool | None = None
) -> list[Candidate]:
    """Candidates of every lesson of `memory`: for each field, the best-placed one (nearest the
    remembered place among equally good matches)."""
    out = []
    for lesson in memory.lessons.values():
        cands = lesson_candidates(rows, lesson, day_first=day_first)
        if cands:
            out.append(max(cands, key=lambda c: (c.score, -c.features["memory_moved"])))
    return out
