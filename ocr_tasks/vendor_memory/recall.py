"""Memory candidates: for each lesson of the vendor's memory, the value printed next to the remembered
label on the remembered side, of the remembered shape, nearest the remembered place.

The label wins over the place: a label found elsewhere on the page still gives its value (scored a bit
lower the further it moved). A lesson without a label reads the remembered place itself. A lesson whose
label is gone (a changed layout) gives no candidate, and neither does a place holding nothing of the
value's shape: the general engine's choice stands.

A candidate's score is a floor above the general engine's usual range (strong evidence), lowered by
misses; its confidence follows the lesson's track record (confirmations against misses).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rapidfuzz import fuzz

from ocr_tasks.extraction.candidates import Candidate, header_chunk
from ocr_tasks.extraction.keywords import fold
from ocr_tasks.extraction.rows import Row
from ocr_tasks.geometry import BBox
from ocr_tasks.vendor_memory.lessons import FieldLesson, VendorMemory
from ocr_tasks.vendor_memory.locate import Reading, readings
from ocr_tasks.vendor_memory.shapes import field_kind, format_match

MEMORY_SCORE = 4.0  # score of a memory candidate: this + MEMORY_WEIGHT x quality x track record
MEMORY_WEIGHT = 6.0
FUZZY_LABEL = 86  # rapidfuzz ratio for an OCR-garbled label
PLACE_TOLERANCE = 0.025  # page fraction: how far a value may sit from the remembered place
BELOW_ROWS = 3  # rows under a label above that may hold its value


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


def _row_tokens(row: Row) -> list[tuple[str, int]]:
    """Letter words of a row, case-folded, each with the index of the word it came from."""
    return [
        (token, i) for i, word in enumerate(row.words) for token in fold(word.text).split() if token.isalpha()
    ]


def label_hits(row: Row, label: str) -> list[tuple[int, int, float]]:
    """(first word, last word, quality) of each place `label` is printed on `row` (exact 1.0, fuzzy 0.8)."""
    wanted = label.split()
    tokens = _row_tokens(row)
    n = len(wanted)
    out = []
    for i in range(len(tokens) - n + 1):
        window = [t for t, _ in tokens[i : i + n]]
        if window == wanted:
            quality = 1.0
        elif len(label) >= 5 and fuzz.ratio(" ".join(window), label) >= FUZZY_LABEL:
            quality = 0.8
        else:
            continue
        out.append((tokens[i][1], tokens[i + n - 1][1], quality))
    return out


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


def _right_of(row: Row, last_word: int, lesson: FieldLesson, day_first) -> list[tuple[Reading, float]]:
    word = row.words[last_word]
    lo = row.starts[last_word] + len(word.text)
    found = readings(row, lesson.field, lo=lo, day_first=day_first, words=_word_count(lesson))
    if field_kind(lesson.field) == "text":  # a name: the column chunk after the label
        found = [r for r in found if r.start == min((x.start for x in found), default=-1)]
        found = found[-1:]
    return _shaped(lesson, found)


def _below(rows: Sequence[Row], position: int, label_box: BBox, lesson, day_first):
    row = rows[position]
    out = []
    for other in rows[position + 1 : position + 1 + BELOW_ROWS]:
        if other.page != row.page:
            break
        found = readings(other, lesson.field, day_first=day_first, words=_word_count(lesson))
        under = [
            r
            for r in found
            if r.bbox.x1 >= label_box.x0 - 0.02
            and r.bbox.x0 <= label_box.x1 + 0.02
            and header_chunk(row, r.bbox)
        ]
        if under:
            out += _shaped(lesson, under)
            break
    return out


def _place_values(rows: Sequence[Row], lesson: FieldLesson, day_first) -> list[tuple[Reading, Row, float]]:
    """Values of the lesson's shape printed at the remembered place (a lesson without a label)."""
    box = lesson.box
    out = []
    for row in rows:
        if row.page != lesson.page or abs(row.bbox.center[1] - box.center[1]) > PLACE_TOLERANCE + box.height:
            continue
        for reading, match in _shaped(
            lesson, readings(row, lesson.field, day_first=day_first, words=_word_count(lesson))
        ):
            if reading.bbox.x1 >= box.x0 - PLACE_TOLERANCE and reading.bbox.x0 <= box.x1 + PLACE_TOLERANCE:
                out.append((reading, row, match))
    if field_kind(lesson.field) == "text" and out:  # a name: the longest run of words at the place
        out = [max(out, key=lambda item: (item[2], len(item[0].printed)))]
    return out


def _labelled_values(rows: Sequence[Row], lesson: FieldLesson, day_first) -> list[tuple[Reading, Row, float]]:
    out = []
    for position, row in enumerate(rows):
        for first, last, quality in label_hits(row, lesson.label):
            if lesson.label_side == "left":
                found = _right_of(row, last, lesson, day_first)
            else:
                label_box = BBox(
                    row.words[first].bbox.x0,
                    row.words[first].bbox.y0,
                    row.words[last].bbox.x1,
                    row.words[last].bbox.y1,
                )
                found = _below(rows, position, label_box, lesson, day_first)
            out += [(reading, row, quality * match) for reading, match in found]
    return out


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
    for reading, row, quality in found:
        moved = _distance(reading.bbox, lesson.box) if row.page == lesson.page else 1.0
        quality *= 1.0 - min(0.3, moved)  # the label wins over the place, by a little less when it moved
        score = MEMORY_SCORE + MEMORY_WEIGHT * quality * record
        c = Candidate(
            field=lesson.field,
            value=reading.value,
            raw_text=reading.printed,
            page=row.page,
            bbox=reading.bbox,
            ocr_confidence=row.span_confidence(reading.start, reading.end),
            features={"memory": quality, "memory_moved": moved, "memory_score": score},
            row_index=index.get(id(row), -1),
        )
        c.score = score
        c.confidence = lesson_confidence(lesson, quality)
        c.features["memory_confidence"] = c.confidence  # kept when a chooser rescores its pool
        out.append(c)
    return out


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
