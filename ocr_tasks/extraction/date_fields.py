"""Candidates for invoice_date and due_date: every date printed, with its label and position.

The day/month order comes from `ExtractionOptions.day_first` when given, else from the other dates on the
document (`infer_day_first`), else from the country (month-first only for the US).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from ocr_tasks.extraction.candidates import Candidate, above_context, left_context
from ocr_tasks.extraction.item_table_header import is_items_header
from ocr_tasks.extraction.keywords import concept_pattern, has_label, has_negative
from ocr_tasks.extraction.rows import Row
from ocr_tasks.normalise.dates import (
    DEFAULT_LANGUAGES,
    DateMatch,
    find_dates,
    find_glued_dates,
    repair_date_text,
)

DATE_FIELD_NAMES = ("invoice_date", "due_date")
FAR_FUTURE_YEAR = 2035  # a printed year beyond this is far more often an OCR slip (2048 for 2018)


def _repaired_dates(row: Row, printed: list[DateMatch], day_first: bool | None) -> list[DateMatch]:
    """Dates readable only after undoing typical OCR slips, on rows that carry a date label."""
    if has_label(row.text, "invoice_date") < 1.0:
        return []
    taken = [(d.start, d.end) for d in printed if d.value.year <= FAR_FUTURE_YEAR]
    repaired = find_dates(repair_date_text(row.text), day_first=day_first) + find_glued_dates(
        row.text, day_first=day_first
    )
    return [d for d in repaired if not any(d.start < e and s < d.end for s, e in taken)]


def _labelled_as_other_date(features: dict[str, float]) -> bool:
    """A date whose own label names another date (`Fecha de vencimiento`, `Due date`, `Lieferdatum`) more
    strongly than an invoice date: never the invoice date, whatever else it has for it (a second
    reading that missed the real one makes it the first and earliest date there)."""
    negative = features["negative_label"]
    return negative >= 1.0 and negative > max(features["label_left"], features["label_above"])


def _joint_invoice_date_label(label: str) -> bool:
    """A label naming the invoice date and another date in one, apart by a slash (`Rechnungsdatum/
    Lieferdatum`, `Invoice date / Tax point`): the date is the invoice date too."""
    parts = [p for p in label.split("/") if p.strip()]
    return len(parts) >= 2 and any(
        has_label(p, "invoice_date") >= 1.0 and not has_negative(p, "invoice_date") for p in parts
    )


# a letter's place and date (`Wien, am 8. April 2024`, `Lyon, le 15 mars 2024`, `Uster, 15. März 2024`): the
# date the document is issued on, whatever the dates of the services in its items (`Klage vom 12.02.2024`)
_LETTER_DATE = re.compile(
    r"(?:^|\s{2,})[^\W\d][^\W\d .'-]*(?:[ -][^\W\d][^\W\d.'-]*){0,2},\s*"
    r"(?:den|am|le|il|el|op|on|the)?\s*$",
    re.IGNORECASE,
)


def _letter_date(before: str) -> bool:
    return _LETTER_DATE.search(before) is not None


# the invoice a credit note or a cancellation refers to, named right before a date (`Gutschrift zur Rechnung
# RE-2025-0388 vom 22.09.2025`, `Avoir sur facture F-118 du 3 mars 2024`: the lexicons' `invoice_reference`,
# then at most the invoice's number and a preposition): that date is the other invoice's
_INVOICE_REFERENCE = concept_pattern(("invoice_reference",))
_REFERENCED_NUMBER = re.compile(
    r"\s*[:.]?\s*(?:(?:nr|no|n°|#)\.?\s*)?(?:\S*\d\S*\s+)?\w{0,4}\s*$", re.IGNORECASE
)


# ... or right after that invoice's number printed again elsewhere (`stornieren wir die Rechnung R-2025-0233
# vom 15.10.2025` under a subject `Stornorechnung zur Rechnung R-2025-0233 vom 15.10.2025`)
_NUMBER_BEFORE_DATE = re.compile(r"(\S*\d\S*)\s+\w{0,4}\s*$")
_NUMBER_AFTER_REFERENCE = re.compile(r"\s*[:.]?\s*(?:(?:nr|no|n°|#)\.?\s*)?(\S*\d\S*)", re.IGNORECASE)


def _referenced_invoice_date(before: str, referenced: set[str]) -> bool:
    references = list(_INVOICE_REFERENCE.finditer(before))
    if references and _REFERENCED_NUMBER.fullmatch(before[references[-1].end() :]) is not None:
        return True
    number = _NUMBER_BEFORE_DATE.search(before)  # that invoice's number again (`die Rechnung R-1 vom ...`)
    return number is not None and number.group(1).strip(".,:;") in referenced


_INVOICE_WORD = concept_pattern(("invoice_title",))
_CREDIT_WORD = concept_pattern(("credit_note_title", "credit_word"))


# the document's own title and number, then a short word, right before a date, at the start of a row or of a
# column (`Rechnung # RE-20190121/507 von 21.01.2019`, `Facture N° F-118 du 3 mars 2024`, `Invoice 42 of 1 May
# 2024`): the date of the invoice, whatever date the letter prints above it
_TITLED_NUMBER = re.compile(
    r"\s*[:.]?\s*(?:(?:nr|no|n°|nº|n\.º|num|núm|n|#)\.?\s*)?\S*\d\S*\s+[^\W\d_]{2,5}\s*$", re.IGNORECASE
)


def _titled_number_date(before: str) -> bool:
    text = before.rstrip()
    gap = text.rfind("  ")
    segment = text[gap + 2 :] if gap >= 0 else text.lstrip()  # the row, or its last column
    title = _INVOICE_WORD.match(segment)
    if title is None or _CREDIT_WORD.search(segment):
        return False
    return _TITLED_NUMBER.fullmatch(segment[title.end() :]) is not None


def _under_invoice_reference(rows: list[Row], index: int, start: int) -> bool:
    """Whether a date labelled as an invoice's (`INVOICE DATE. . . :  03/30/26`) sits in an info block right
    under the line that names the invoice a credit note refers to (`ORIG. INVOICE . . :  0411928`, the
    lexicons' `invoice_reference`, in the same column): that invoice's date, not the credit note's."""
    row = rows[index]
    before = row.text[:start].rstrip()
    label_start = before.rfind("  ") + 2 if "  " in before else 0
    label = before[label_start:]
    if index == 0 or not _INVOICE_WORD.search(label) or _CREDIT_WORD.search(label):
        return False
    above = rows[index - 1]
    if above.page != row.page or row.bbox.y0 - above.bbox.y1 > 1.5 * row.height:
        return False
    x = row.span_bbox(label_start, label_start + 1).x0
    return any(
        abs(above.span_bbox(m.start(), m.end()).x0 - x) < 0.02 and re.search(r"\d", above.text[m.end() :])
        for m in _INVOICE_REFERENCE.finditer(above.text)
    )


def _referenced_numbers(rows: list[Row]) -> set[str]:
    """The numbers of the invoices a credit note or cancellation refers to (`zur Rechnung R-2025-0233`)."""
    numbers = set()
    for row in rows:
        for reference in _INVOICE_REFERENCE.finditer(row.text):
            m = _NUMBER_AFTER_REFERENCE.match(row.text[reference.end() :])
            if m is not None:
                numbers.add(m.group(1).strip(".,:;"))
    return numbers


# a label cell's wrapped line sits at most this many row heights under the label's row
_WRAP_GAP = 0.8
# how far (share of the page width) a wrapped line may start from where the label starts
_WRAP_ALIGN = 0.01


def _wrapped_label(rows: list[Row], index: int, start: int, label: str) -> str:
    """The label of a value left of it, with its cell's wrapped line: a narrow label cell breaks `Invoice
    Date` after `Invoice`, the value printed beside the first line (`Invoice  30 September 2025` over
    `Date`). The line is the next row of the page when it starts where the label starts, lies left of the
    value, holds at most three words and no digit, and sits right under it."""
    row = rows[index]
    words = label.split()
    if not words or index + 1 >= len(rows):
        return label
    below = rows[index + 1]
    label_x = row.span_bbox(row.text.rfind(words[0], 0, start), start).x0
    value_x = row.span_bbox(start, start + 1).x0
    if (
        below.page != row.page
        or below.bbox.y0 - row.bbox.y1 > _WRAP_GAP * row.height
        or abs(below.bbox.x0 - label_x) > _WRAP_ALIGN
        or below.bbox.x1 >= value_x
        or len(below.words) > 3
        or any(ch.isdigit() for ch in below.text)
    ):
        return label
    return f"{label} {below.text}"


def _date_label(rows: list[Row], index: int, start: int) -> str:
    """The label left of a date on row `index`, with its cell's wrapped line where that makes it a date's
    label (and only there)."""
    left = left_context(rows[index], start, stop_at_value=True)
    wrapped = _wrapped_label(rows, index, start, left)

    def strength(label: str) -> float:
        return max(has_label(label, name) for name in DATE_FIELD_NAMES)

    return wrapped if strength(wrapped) > strength(left) else left


def implausible_date(value: date, *, today: date | None, typical_year: int | None = None) -> bool:
    """A date no invoice is issued on: more than a year after today, or years after the document's other
    dates (a date 17 years ahead is a misread or another number, not the invoice date)."""
    if today is not None and (value - today).days > 366:
        return True
    return typical_year is not None and value.year > typical_year + 2


def date_candidates(
    rows: list[Row],
    *,
    day_first: bool | None,
    today: date | None = None,
    exact_text: bool = False,
    languages: Sequence[str] = DEFAULT_LANGUAGES,
) -> list[Candidate]:
    """Candidates of every printed date; `exact_text` (a PDF text layer) skips the OCR-slip repairs."""
    found: list[tuple[Row, DateMatch, bool]] = []
    for row in rows:
        printed = find_dates(row.text, day_first=day_first, languages=languages)
        found += [(row, d, False) for d in printed]
        if not exact_text:
            found += [(row, d, True) for d in _repaired_dates(row, printed, day_first)]
    plausible = [(row, d, repaired) for row, d, repaired in found if d.value.year <= FAR_FUTURE_YEAR]
    counts = Counter(d.value for _, d, _ in plausible)
    earliest = min((d.value for _, d, _ in plausible), default=None)
    years = sorted(d.value.year for _, d, _ in plausible)
    typical_year = years[len(years) // 2] if len(years) >= 3 else None
    referenced = _referenced_numbers(rows)
    out: list[Candidate] = []
    for row, d, repaired in found:
        order = next((i for i, (_, other, _) in enumerate(plausible) if other is d), len(plausible))
        left = _date_label(rows, rows.index(row), d.start)
        bbox = row.span_bbox(d.start, d.end)
        above = above_context(rows, row, bbox)
        index = rows.index(row)
        # a `Date` column of the items table heads the items' dates (a folio's nights), not the invoice's
        in_items = index > 0 and rows[index - 1].page == row.page and is_items_header(rows[index - 1])
        base = {
            "first": float(order == 0),
            "order": min(order, 5) / 5.0,
            "repeats": min(counts[d.value] - 1, 3) / 3.0,
            "is_earliest": float(d.value == earliest),
            "ambiguous": float(d.ambiguous),
            "numeric": float(d.numeric),
            "rel_y": row.bbox.center[1],
            "future": float(today is not None and d.value > today),
            "has_time": float(":" in row.text[d.end : d.end + 12]),
            "repaired": float(repaired),
            "far_future": float(d.value.year > FAR_FUTURE_YEAR),
            "implausible": float(implausible_date(d.value, today=today, typical_year=typical_year)),
        }
        for name in DATE_FIELD_NAMES:
            feats = dict(base)
            feats["label_left"] = has_label(left, name)
            feats["label_above"] = has_label(above, name)
            own_label = left if re.search(r"[A-Za-z]{3}", left) else above
            feats["negative_label"] = has_negative(own_label, name)
            if name == "invoice_date" and _joint_invoice_date_label(own_label):
                feats["negative_label"] = 0.0
            if own_label is left:
                feats["label_above"] = 0.0
            if name == "invoice_date" and in_items:
                feats["label_above"] = 0.0
            if name == "invoice_date" and (
                _letter_date(row.text[: d.start]) or _titled_number_date(row.text[: d.start])
            ):
                feats["label_left"] = max(feats["label_left"], 1.0)
            if name == "invoice_date" and _labelled_as_other_date(feats):
                continue
            if name == "invoice_date" and _referenced_invoice_date(row.text[: d.start], referenced):
                continue
            if name == "invoice_date" and _under_invoice_reference(rows, index, d.start):
                continue
            out.append(
                Candidate(
                    field=name,
                    value=d.value.isoformat(),
                    raw_text=d.raw,
                    page=row.page,
                    bbox=bbox,
                    ocr_confidence=row.span_confidence(d.start, d.end),
                    features=feats,
                    row_index=rows.index(row),
                )
            )
    return out


def align_second_reading(primary: list[Candidate], extra: list[Candidate]) -> None:
    """Order features of another reading's dates measured against the primary reading too (in place): a
    date that reading shows first is not first when the primary reading has another date above it, nor
    the earliest when the primary has an earlier one. A reading that missed the invoice's date would
    otherwise make the due date its first and earliest date."""
    for c in extra:
        if c.field not in DATE_FIELD_NAMES:
            continue
        others = [p for p in primary if p.field == c.field and p.value != c.value]
        if any((p.page, p.bbox.y0) < (c.page, c.bbox.y0 - 0.005) for p in others):
            c.features["first"] = 0.0
        if any(p.value < c.value for p in others):
            c.features["is_earliest"] = 0.0
