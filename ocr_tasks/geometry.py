"""Geometry: the one box type of the project (relative 0-1, top-left origin) and pure helpers.

Tesseract and PDF coordinates are converted to `BBox` once, at the engine or ingest boundary.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


@dataclass(frozen=True, slots=True)
class BBox:
    """Axis-aligned box in page-relative coordinates: 0 <= x0 <= x1 <= 1, 0 <= y0 <= y1 <= 1."""

    x0: float
    y0: float
    x1: float
    y1: float

    def __post_init__(self) -> None:
        if not (0.0 <= self.x0 <= self.x1 <= 1.0 and 0.0 <= self.y0 <= self.y1 <= 1.0):
            raise ValueError(f"invalid relative box {self.x0, self.y0, self.x1, self.y1}")

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def center(self) -> tuple[float, float]:
        return ((self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2)

    def to_list(self) -> list[float]:
        return [round(self.x0, 6), round(self.y0, 6), round(self.x1, 6), round(self.y1, 6)]

    @classmethod
    def from_list(cls, values: Iterable[float]) -> BBox:
        x0, y0, x1, y1 = (float(v) for v in values)
        return cls(x0, y0, x1, y1)

    def to_pixels(self, width: int, height: int) -> tuple[int, int, int, int]:
        return (
            round(self.x0 * width),
            round(self.y0 * height),
            round(self.x1 * width),
            round(self.y1 * height),
        )

    def vertical_overlap(self, other: BBox) -> float:
        """Overlap of the two vertical extents divided by the smaller height (0-1)."""
        top, bottom = max(self.y0, other.y0), min(self.y1, other.y1)
        smaller = min(self.height, other.height)
        if smaller <= 0:
            return 0.0
        return max(0.0, bottom - top) / smaller


def bbox_from_pixels(left: float, top: float, width: float, height: float, page_w: int, page_h: int) -> BBox:
    """Convert a pixel box (left, top, width, height) on a page of page_w x page_h to a `BBox`."""
    if page_w <= 0 or page_h <= 0:
        raise ValueError("page size must be positive")
    x0, y0 = _clamp(left / page_w), _clamp(top / page_h)
    x1, y1 = _clamp((left + width) / page_w), _clamp((top + height) / page_h)
    return BBox(x0, y0, max(x0, x1), max(y0, y1))


def bbox_union(boxes: Iterable[BBox]) -> BBox:
    """Smallest box containing all `boxes` (at least one)."""
    boxes = list(boxes)
    if not boxes:
        raise ValueError("bbox_union needs at least one box")
    return BBox(
        min(b.x0 for b in boxes),
        min(b.y0 for b in boxes),
        max(b.x1 for b in boxes),
        max(b.y1 for b in boxes),
    )
