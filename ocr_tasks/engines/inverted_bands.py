"""Light text on dark bands turned dark on light before Tesseract reads a page.

Invoice templates print the document's title, the item table's header or the total in a band of dark
colour with white letters (`NOTE DE CRÉDIT` in a charcoal bar, a navy `Description | Qty | Amount` row).
Tesseract's page segmentation looks for dark text on a light page: a 200 dpi scan of a Belgian credit note
lost its white title entirely, and with it the only word that made it a credit note.

A band is found as one connected region of dark pixels that is wide, at least a text line high, mostly
dark within its box, clear of the image's edges, and whose light pixels are letters: several parts,
mostly enclosed by the dark ground. Glyphs of dark print are small regions, a table's rules are thin and
hollow, a large dark glyph of a logo leaves its light outside it, the desk around a photographed page
touches the image's edges. Inside each band the grey values are inverted and the band's ground made
white, pixel values only, so the reading and every box stay where they were. Pages without a band are
left alone.
"""

from __future__ import annotations

import numpy as np

DARK = 110  # band pixels: grey below this (charcoal, navy, dark green or red bands)
MIN_WIDTH_SHARE = 0.15  # a band spans at least this share of the page's width
MIN_HEIGHT_SHARE = (
    0.008  # and is at least a line of text high (0.8 % of the page's height: ~19 px at 200 dpi)
)
MAX_HEIGHT_SHARE = 0.25  # higher dark regions are pictures, not bands
MIN_FILL = 0.6  # dark pixels within the band's box (its letters and rounded corners are the rest)
MIN_LETTERS = 0.02  # light pixels within the box: a solid bar without text is left as it is
MIN_HOLES = 2  # letters: light parts enclosed by the band's ground
MIN_ENCLOSED = 0.6  # share of the box's light pixels that the dark ground encloses
MAX_BANDS = 12  # more such regions make a dark picture (a photo's texture), not a page's bands


def dark_bands(gray: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes (x, y, w, h, pixels) of the dark bands holding light text on a grey page."""
    import cv2

    h, w = gray.shape[:2]
    dark = (gray < DARK).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    bands = []
    for label in range(1, count):
        x, y, bw, bh, area = (int(v) for v in stats[label])
        if bw < MIN_WIDTH_SHARE * w or not MIN_HEIGHT_SHARE * h <= bh <= MAX_HEIGHT_SHARE * h:
            continue
        if x == 0 or y == 0 or x + bw >= w or y + bh >= h:
            continue  # the table or desk around a photographed page, a scanner lid's shadow
        if area >= MIN_FILL * bw * bh and _holds_letters(gray[y : y + bh, x : x + bw]):
            bands.append((x, y, bw, bh))
    return bands if len(bands) <= MAX_BANDS else []  # so many: a dark picture, no bands


def _holds_letters(box: np.ndarray) -> bool:
    """Whether the light pixels inside a dark region's box are letters: enough of them, in at least
    `MIN_HOLES` parts, mostly enclosed by the dark ground (a large dark glyph of a logo, `S`, leaves its
    light outside it, along the box's edges)."""
    import cv2

    light = (box >= 255 - DARK).astype(np.uint8)
    total = int(np.count_nonzero(light))
    if total < MIN_LETTERS * box.size:
        return False
    count, _, stats, _ = cv2.connectedComponentsWithStats(light, connectivity=8)
    h, w = box.shape[:2]
    enclosed, holes = 0, 0
    for x, y, bw, bh, area in (stats[label] for label in range(1, count)):
        if x > 0 and y > 0 and x + bw < w and y + bh < h:
            enclosed += int(area)
            holes += 1
    return holes >= MIN_HOLES and enclosed >= MIN_ENCLOSED * total


def lighten_dark_bands(gray: np.ndarray) -> np.ndarray | None:
    """A copy of the grey page with each dark band's grey values inverted (light text becomes dark text on
    a light ground); None when the page has no band."""
    bands = dark_bands(gray)
    if not bands:
        return None
    out = gray.copy()
    for x, y, bw, bh in bands:
        box = out[y : y + bh, x : x + bw]
        # the band's ground white (an inverted charcoal ground stays mid grey, which Tesseract's
        # segmentation takes for a picture), its letters and their soft edges inverted
        out[y : y + bh, x : x + bw] = np.where(box < DARK, 255, 255 - box)
    return out
