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
    lines' width) is at most `max_thickness`."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(strokes, connectivity=8)
    thickness = stats[:, cv2.CC_STAT_HEIGHT] if axis == 0 else stats[:, cv2.CC_STAT_WIDTH]
    keep = thickness <= max_thickness
    keep[0] = False  # the background
    return np.where(keep[labels], 255, 0).astype(np.uint8) if count > 1 else np.zeros_like(strokes)


def _masks(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(horizontal, vertical) masks (uint8, 255 = line) of the long, thin strokes of a grey page."""
    side = max(gray.shape)
    length = max(MIN_LINE_PIXELS, int(side * MIN_LINE_SHARE))
    max_thickness = max(5, int(side * MAX_THICKNESS_SHARE))
    ink = cv2.adaptiveThreshold(~gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2)
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    return _thin(horizontal, 0, max_thickness), _thin(vertical, 1, max_thickness)


def line_mask(gray: np.ndarray) -> np.ndarray:
    """Mask (uint8, 255 = line) of the long, thin horizontal and vertical strokes of a grey page."""
    horizontal, vertical = _masks(gray)
    return cv2.dilate(horizontal | vertical, np.ones((3, 3), np.uint8))


def _crossings(horizontal: np.ndarray, vertical: np.ndarray) -> int:
    """How many places a horizontal and a vertical rule meet (the cells' corners of a ruled table)."""
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
    horizontal, vertical = _masks(gray)
    if _crossings(horizontal, vertical) < MIN_CROSSINGS:
        return None
    mask = cv2.dilate(horizontal | vertical, np.ones((3, 3), np.uint8))
    cleaned = gray.copy()
    cleaned[mask > 0] = 255
    return cleaned
