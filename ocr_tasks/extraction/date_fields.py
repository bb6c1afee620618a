"""Candidates for invoice_date and due_date: every date printed, with its label and position.

The day/month order comes from `ExtractionOptions.day_first` when given, else from the other dates on the
document (`infer_day_first`), else from the country (month-first only for the US).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from ocr_tasks.extraction.candidates import Candidate, above_context, left_context
from ocr_tasks.extraction.keywords import has_label, has_negative
from ocr_tasks.extraction.rows import Row
from ocr_tasks.normalise.dates import find_dates

DATE_FIELD_NAMES = ("invoice_date", "due_date")


def date_candidates(rows: list[Row], *, day_first: bool | None, today: date | None = None) -> list[Candidate]:
    found = [(row, d) for row in rows for d in find_dates(row.text, day_first=day_first)]
    counts = Counter(d.value for _, d in found)
    earliest = min((d.value for _, d in found), default=None)
    out: list[Candidate] = []
    for order, (row, d) in enumerate(found):
        left = left_context(row, d.start, stop_at_value=True)
        bbox = row.span_bbox(d.start, d.end)
        above = above_context(rows, row, bbox)
        base = {
            "first": float(order == 0),
            "order": min(order, 5) / 5.0,
            "repeats": min(counts[d.value] - 1, 3) / 3.0,
            "is_earliest": float(d.value == earliest),
            "ambiguous": float(d.ambiguous),
            "numeric": float(d.numeric),
            "rel_y": row.bbox.center[1],
            "future": float(today is not None and d.value > today),
            "has_time": float(":" in row.text[d.end:d.end + 12]),
        }
        for name in DATE_FIELD_NAMES:
            feats = dict(base)
            feats["label_left"] = has_label(left, name)
            feats["label_above"] = has_label(above, name)
            own_label = left if re.search(r"[A-Za-z]{3}", left) else above
            feats["negative_label"] = has_negative(own_label, name)
            if own_label is left:
                feats["label_above"] = 0.0
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
