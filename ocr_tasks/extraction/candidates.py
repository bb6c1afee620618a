"""Candidates: every plausible value of a field, with where it sits and the layout features that score it.

Candidate generators (`amount_fields`, `date_fields`, `party_fields`, `identifier_fields`) produce these;
`scoring` turns the features into a score and a confidence; `extract` picks the winners.
"""

from __future__ import annotations

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


def left_context(row: Row, start: int, *, words: int = 5) -> str:
    """Up to `words` words printed before offset `start` on the same row."""
    return " ".join(row.text[:start].split()[-words:])


def above_context(rows: list[Row], row: Row, bbox: BBox, *, max_gap_rows: int = 2) -> str:
    """Text of the nearest rows above `row` (same page) whose words overlap `bbox` horizontally."""
    position = rows.index(row) if row in rows else -1
    texts: list[str] = []
    for other in reversed(rows[max(0, position - max_gap_rows):position]):
        if other.page != row.page:
            continue
        width = max(bbox.width, 0.08)
        cx0, cx1 = bbox.x0 - width * 0.5, bbox.x1 + width * 0.5
        picked = [w.text for w in other.words if w.bbox.x1 >= cx0 and w.bbox.x0 <= cx1]
        if picked:
            texts.append(" ".join(picked))
            break
    return " ".join(texts)


def group_by_field(candidates: list[Candidate]) -> dict[str, list[Candidate]]:
    grouped: dict[str, list[Candidate]] = {}
    for c in candidates:
        grouped.setdefault(c.field, []).append(c)
    return grouped
