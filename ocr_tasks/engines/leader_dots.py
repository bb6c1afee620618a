"""Dotted leaders erased before Tesseract reads a page.

Totals blocks and tables print leaders between a label and its value (`Subtotal ........ 713.99`). Tesseract
reads the dots as letters (`oo... ccc cesses`) and, worse, the run of dots changes how it reads the digits
beside it: at 200 dpi `713.99` came out `213,99` on a drawn invoice, and read right once the dots were gone.
A leader is a run of at least MIN_DOTS small, roughly square blobs of ink on one line, evenly spaced (each
gap within SPACING_TOLERANCE of the run's median gap, which is at most MAX_GAP_HEIGHTS text heights), with
print on its line just left and just right of it (a label and its value). A decimal point, an ellipsis
(three dots), the dots of `i` and `j` (letters between them), noise specks (no even spacing) and dotted
rules across a receipt or around a box (nothing beside them) are no leader. Pages without a leader are
left alone (nothing re-encoded).
"""

from __future__ import annotations

import cv2
import numpy as np

MIN_DOTS = 6
MAX_DOT_HEIGHTS = 0.35  # a dot is at most this share of the text height high and wide
MAX_GAP_HEIGHTS = 1.2  # neighbouring dots of a leader are closer than this many text heights
SPACING_TOLERANCE = 0.35  # share of the median gap a gap may differ by
EVEN_SHARE = 0.8  # share of a run's gaps that must be even
GLYPH_HEIGHTS = 0.6  # a letter or digit beside a leader is at least this share of the text height high
MIN_TEXT_HEIGHT = 6  # pixels: smaller components are no glyphs (when measuring the text height)


def _text_height(heights: np.ndarray, areas: np.ndarray) -> float | None:
    glyphs = heights[(heights >= MIN_TEXT_HEIGHT) & (areas >= 20)]
    return float(np.median(glyphs)) if len(glyphs) else None


def _even(xs: list[float]) -> bool:
    gaps = np.diff(xs)
    median = float(np.median(gaps))
    return median > 0 and float(np.mean(np.abs(gaps - median) <= SPACING_TOLERANCE * median)) >= EVEN_SHARE


def _leader_runs(centres: np.ndarray, candidates: np.ndarray, text_height: float) -> list[list[int]]:
    """Runs of candidate dots (component labels) that form leaders: on one line, close, evenly spaced."""
    order = candidates[np.lexsort((centres[candidates, 0], np.round(centres[candidates, 1] / text_height)))]
    runs: list[list[int]] = []
    run: list[int] = []
    for label in order:
        if run:
            last = run[-1]
            near = centres[label, 0] - centres[last, 0] < MAX_GAP_HEIGHTS * text_height
            level = abs(centres[label, 1] - centres[last, 1]) < 0.25 * text_height
            if near and level and centres[label, 0] > centres[last, 0]:
                run.append(int(label))
                continue
            runs.append(run)
        run = [int(label)]
    if run:
        runs.append(run)
    return [r for r in runs if len(r) >= MIN_DOTS and _even([float(centres[i, 0]) for i in r])]


def _between_words(
    labels: np.ndarray, stats: np.ndarray, centres: np.ndarray, run: list[int], th: float
) -> bool:
    """Whether letters or digits stand on the run's line just left of its first dot and just right of its
    last: a leader between a label and its value, not a dotted rule across a receipt, under a heading or
    around a box (erasing those gains nothing and changes how Tesseract reads the rest of the page)."""
    h, w = labels.shape
    y = float(np.mean(centres[run, 1]))
    top, bottom = max(0, int(y - 0.6 * th)), min(h, int(y + 0.3 * th) + 1)
    reach, gap = int(3 * th), int(0.3 * th) + 1
    first, last = int(centres[run[0], 0]), int(centres[run[-1], 0])

    def glyph_in(x0: int, x1: int) -> bool:
        found = np.unique(labels[top:bottom, max(0, x0) : min(w, max(0, x1))])
        return any(
            label
            and stats[label, cv2.CC_STAT_HEIGHT] >= GLYPH_HEIGHTS * th
            # on the leader's baseline: a glyph's foot level with the dots (not the text over an underline)
            and abs(stats[label, cv2.CC_STAT_TOP] + stats[label, cv2.CC_STAT_HEIGHT] - y) <= 0.3 * th
            for label in found
        )

    return glyph_in(first - reach, first - gap) and glyph_in(last + gap, last + reach)


def erase_leader_dots(gray: np.ndarray) -> np.ndarray | None:
    """A copy of the grey page with its dotted leaders painted white, or None when it has none."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, labels, stats, centres = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count < MIN_DOTS + 1:
        return None
    heights, widths = stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_WIDTH]
    areas = stats[:, cv2.CC_STAT_AREA]
    text_height = _text_height(heights[1:], areas[1:])
    if text_height is None:
        return None
    limit = MAX_DOT_HEIGHTS * text_height
    ratio = widths / np.maximum(heights, 1)
    small = (heights <= limit) & (widths <= limit) & (ratio >= 0.5) & (ratio <= 2.0) & (areas >= 2)
    small[0] = False  # the background
    candidates = np.flatnonzero(small)
    if len(candidates) < MIN_DOTS:
        return None
    runs = [
        r
        for r in _leader_runs(centres, candidates, text_height)
        if _between_words(labels, stats, centres, r, text_height)
    ]
    if not runs:
        return None
    cleaned = gray.copy()
    for run in runs:
        for label in run:  # each dot's own pixels, within its box (no pass over the whole page)
            x, y, w, h = stats[label, :4]
            box = cleaned[y : y + h, x : x + w]
            box[labels[y : y + h, x : x + w] == label] = 255
    return cleaned
