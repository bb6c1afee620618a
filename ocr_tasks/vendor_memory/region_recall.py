"""Re-reading a lesson's remembered region when the OCR gives no value of the lesson's shape there (a
receipt's `19/v2/ 2017` for 19/02/2017): the region is cropped from the page image and read again by a
`RegionReader` (`ExtractionOptions.region_reader`: Tesseract on an enlarged, binarised crop, one text
line), and a value of the lesson's kind and shape read there is offered as a memory candidate.

Only on the OCR path (the reader reads image pages; a text layer has none), only for the memory of the
document's vendor, only for lessons whose field got no memory candidate from the page's text, and only
where the re-read can change the result: a lesson that corrected the general engine, or a field the
engine found nothing for. One crop per such field. The region is the remembered value box, padded; for
a label printed left of its value, on the label's row (a receipt's rows shift up and down with its
length). A lesson whose label is not on the page reads nothing (a changed layout falls back to the
general engine: on the SROIE sample a card-paid receipt taught the total under `CREDIT RM`, and its
place on the vendor's cash-paid receipts holds the cash tendered). A crop holding several different
values of the field gives none.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ocr_tasks.extraction.candidates import Candidate
from ocr_tasks.extraction.options import RegionReader
from ocr_tasks.extraction.rows import Row
from ocr_tasks.geometry import BBox
from ocr_tasks.normalise.amounts import find_amounts, format_amount
from ocr_tasks.normalise.dates import find_dates
from ocr_tasks.vendor_memory.lessons import FieldLesson, VendorMemory
from ocr_tasks.vendor_memory.locate import Reading, label_of
from ocr_tasks.vendor_memory.recall import label_quality, memory_candidate
from ocr_tasks.vendor_memory.shapes import field_kind, format_match

REREAD_QUALITY = 0.8  # a value read again by a second OCR pass: a little weaker than one read on the page
REREAD_CONFIDENCE = 0.5  # OCR confidence given to it (the reader returns text only)
PAD_X = 0.03  # page fraction added left and right of the remembered box (plus a quarter of its width)
PAD_Y = 0.35  # fraction of the row (or box) height added above and below
COLUMN_SLACK = 0.01  # page fraction: a word starting this far left of the remembered box is in its column


def _label_row(rows: Sequence[Row], lesson: FieldLesson) -> Row | None:
    """The row whose value at the remembered column has the lesson's label on the lesson's side, read as
    `learn` reads labels (`locate.label_of`: the column chunk left of the value, else the header above);
    the nearest the remembered place when several have (None: none has)."""
    box = lesson.box
    found = []
    for position, row in enumerate(rows):
        if row.page != lesson.page:
            continue
        at = next(
            (i for i, word in enumerate(row.words) if word.bbox.x0 >= box.x0 - COLUMN_SLACK), len(row.words)
        )
        start = row.starts[at] if at < len(row.words) else len(row.text)
        place = BBox(box.x0, row.bbox.y0, box.x1, row.bbox.y1)
        label, side = label_of(rows, row, Reading("", "", start, start, place), position, field=lesson.field)
        if side == lesson.label_side and label_quality(label, lesson.label) > 0:
            found.append(row)
    return min(found, key=lambda r: abs(r.bbox.center[1] - box.center[1]), default=None)


def reread_region(rows: Sequence[Row], lesson: FieldLesson) -> BBox | None:
    """Where to read the lesson's value again: its remembered box, padded; for a label printed left of
    the value, on the label's row. None when the lesson's label is not on the page (a changed layout, a
    receipt paid otherwise: `CREDIT` where the first one printed it, `CASH` on the next): the general
    engine's choice stands."""
    box = lesson.box
    top, bottom = box.y0, box.y1
    if lesson.label:
        row = _label_row(rows, lesson)
        if row is None:
            return None
        if lesson.label_side == "left":
            top, bottom = row.bbox.y0, row.bbox.y1
    pad_x = PAD_X + box.width / 4
    pad_y = (bottom - top) * PAD_Y
    return BBox(
        max(0.0, box.x0 - pad_x),
        max(0.0, top - pad_y),
        min(1.0, box.x1 + pad_x),
        min(1.0, bottom + pad_y),
    )


def _code_values(text: str, lesson: FieldLesson) -> list[tuple[str, str, float]]:
    words = text.split()
    n = lesson.value_format.count(" ") + 1
    out = []
    for i in range(len(words) - n + 1):
        printed = " ".join(words[i : i + n]).strip(".,:;()#")
        match = format_match(lesson.value_format, printed)
        if match > 0 and printed[:1].isalnum() and printed[-1:].isalnum():
            out.append((printed, printed, match))
    return out


def read_value(
    text: str, lesson: FieldLesson, *, day_first: bool | None = None
) -> tuple[str, str, float] | None:
    """(value, printed, shape match) of the lesson's field in a re-read text; None when it holds none,
    or several different ones."""
    kind = field_kind(lesson.field)
    if kind == "amount":
        shaped = [(m, format_match(lesson.value_format, m.raw)) for m in find_amounts(text)]
        found = [(format_amount(m.value), m.raw, match) for m, match in shaped if match > 0]
    elif kind == "date":
        found = [(m.value.isoformat(), m.raw, 1.0) for m in find_dates(text, day_first=day_first)]
    elif kind == "code":
        found = _code_values(text, lesson)
    else:
        return None  # a name is not re-read: its shape says too little
    values = {value for value, _, _ in found}
    return found[0] if len(values) == 1 else None


def reread_candidates(
    rows: Sequence[Row],
    memory: VendorMemory,
    reader: RegionReader,
    *,
    recalled: Collection[str],
    engine_fields: Collection[str],
    day_first: bool | None = None,
) -> list[Candidate]:
    """Candidates read again in the remembered regions of `memory`'s lessons whose field has no memory
    candidate (`recalled`: the fields that have one), for lessons that corrected the general engine or
    fields the engine found nothing for (`engine_fields`: those it has candidates for)."""
    out = []
    for lesson in memory.lessons.values():
        if lesson.field in recalled or field_kind(lesson.field) == "text":
            continue
        if not lesson.corrected and lesson.field in engine_fields:
            continue  # a weak lesson only fills an empty field
        region = reread_region(rows, lesson)
        if region is None:
            continue
        try:
            text = reader(lesson.page, region)
        except Exception:  # noqa: BLE001 - a crop that cannot be read gives no candidate
            continue
        found = read_value(text or "", lesson, day_first=day_first)
        if found is None:
            continue
        value, printed, match = found
        (ax, ay), (bx, by) = region.center, lesson.box.center
        out.append(
            memory_candidate(
                lesson,
                value=value,
                printed=printed,
                page=lesson.page,
                bbox=region,
                ocr_confidence=REREAD_CONFIDENCE,
                quality=REREAD_QUALITY * match,
                moved=((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5,
            )
        )
        out[-1].features["memory_reread"] = 1.0
    return out
