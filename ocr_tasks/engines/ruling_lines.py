"""Ruling lines of tables and boxes erased before Tesseract reads a page.

Invoices print their items, tax breakdown and totals in ruled tables. Tesseract's page segmentation takes
a cell border for part of a glyph or a column separator and drops whole rows (on a scanned French invoice
at 200 dpi, psm 6, all three item rows and the tax table were lost; with the rules erased they are read).
Lines are found by morphology: on the binarised page, an opening with a long thin horizontal element keeps
only horizontal strokes at least ~1/30 of the page's larger side long, a vertical one such vertical
strokes; of those, only thin ones are rules (a large glyph's stroke is thick, and no glyph is that long).
Their pixels (slightly dilated) are painted white when they form a grid. Pages without one are left
alone and keep their original file (nothing re-encoded).
"""

from __future__ import annotations

import cv2
import numpy as np

# A line is at least this share of the page's larger side long, and never shorter than MIN_LINE_PIXELS
# (so that the strokes of large glyphs on a small image are no lines); it is at most MAX_THICKNESS_SHARE
# of that side thick (rules are 1-4 px at 200-300 dpi; a bold glyph's stroke is no rule).
MIN_LINE_SHARE = 1 / 30
MIN_LINE_PIXELS = 60
MAX_THICKNESS_SHARE = 1 / 250
# A ruled table: at least this many places where rules cross (a 3x3 grid has 16; on 100 receipts of the
# corpus 99 had fewer than 8, the ruled invoices of the e-invoice set 12 to 78)
MIN_CROSSINGS = 8


def _thin(strokes: np.ndarray, axis: int, max_thickness: int) -> np.ndarray:
    """The connected strokes whose thickness across `axis` (0: horizontal lines' height, 1: vertical
    lines' width) is at most `max_thickness`. (`strokes` is 0/255: what is kept is copied as it is, and
    only the boxes of the strokes too thick are cleared, instead of a lookup over the whole page.)"""
    if not cv2.countNonZero(strokes):
        return np.zeros_like(strokes)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(strokes, connectivity=8)
    thickness = stats[:, cv2.CC_STAT_HEIGHT] if axis == 0 else stats[:, cv2.CC_STAT_WIDTH]
    thick = np.flatnonzero(thickness[1:] > max_thickness) + 1  # label 0 is the background
    if len(thick) == count - 1:
        return np.zeros_like(strokes)
    kept = strokes.copy()
    for label in thick:
        x, y, w, h = stats[label, :4]
        box = kept[y : y + h, x : x + w]
        box[labels[y : y + h, x : x + w] == label] = 0
    return kept


def _ink(gray: np.ndarray) -> tuple[np.ndarray, int, int]:
    """(binarised page, shortest line, thickest rule) of a grey page."""
    side = max(gray.shape)
    length = max(MIN_LINE_PIXELS, int(side * MIN_LINE_SHARE))
    max_thickness = max(5, int(side * MAX_THICKNESS_SHARE))
    ink = cv2.adaptiveThreshold(~gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2)
    return ink, length, max_thickness


def _lines(ink: np.ndarray, axis: int, length: int, max_thickness: int) -> np.ndarray:
    """Mask (uint8, 255 = line) of the long, thin strokes along `axis` (0: horizontal, 1: vertical)."""
    shape = (length, 1) if axis == 0 else (1, length)
    strokes = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, shape))
    return _thin(strokes, axis, max_thickness)


def _masks(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(horizontal, vertical) masks (uint8, 255 = line) of the long, thin strokes of a grey page."""
    ink, length, max_thickness = _ink(gray)
    return _lines(ink, 0, length, max_thickness), _lines(ink, 1, length, max_thickness)


def line_mask(gray: np.ndarray) -> np.ndarray:
    """Mask (uint8, 255 = line) of the long, thin horizontal and vertical strokes of a grey page."""
    horizontal, vertical = _masks(gray)
    return cv2.dilate(horizontal | vertical, np.ones((3, 3), np.uint8))


def _crossings(horizontal: np.ndarray, vertical: np.ndarray) -> int:
    """How many places a horizontal and a vertical rule meet (the cells' corners of a ruled table)."""
    if not (cv2.countNonZero(horizontal) and cv2.countNonZero(vertical)):
        return 0
    near = np.ones((5, 5), np.uint8)
    count, _, _, _ = cv2.connectedComponentsWithStats(
        cv2.dilate(horizontal, near) & cv2.dilate(vertical, near)
    )
    return count - 1


def erase_ruling_lines(gray: np.ndarray) -> np.ndarray | None:
    """A copy of the grey page with its ruling lines painted white, or None when it has no ruled table:
    at least MIN_CROSSINGS corners where rules meet. Only a grid troubles Tesseract's segmentation; a
    receipt's separators or the edge of a photographed slip are left as they are (on the receipts of the
    corpus, erasing them changed digits of dates)."""
    ink, length, max_thickness = _ink(gray)
    vertical = _lines(ink, 1, length, max_thickness)
    if not cv2.countNonZero(vertical):  # no vertical rule, no grid (most receipts): one direction read
        return None
    horizontal = _lines(ink, 0, length, max_thickness)
    if _crossings(horizontal, vertical) < MIN_CROSSINGS:
        return None
    mask = cv2.dilate(horizontal | vertical, np.ones((3, 3), np.uint8))
    cleaned = gray.copy()
    cleaned[mask > 0] = 255
    return cleaned
