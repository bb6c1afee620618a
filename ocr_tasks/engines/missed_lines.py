"""Lines of print that a page's Tesseract reading left out, read on their own.

Tesseract's `psm 6` reads a page as one block of text of one size; a line printed much larger than the
rest (a letterhead's name in 15 pt bold beside a title, over 8-9 pt body text) is sometimes left out
whole, words and all, and the vendor is then taken from the line under it. This module finds the
horizontal bands of the page image that hold ink but no word of the reading (a row-by-row count of dark
pixels), reads each such band as one line (`psm 7`), and adds its sure words to the page as a block of
their own. Bands thinner than a line of text (rules) or taller than a few lines (logos, photos, stamps)
are left alone, as are words read with little confidence (graphics read as letters). Pure apart from
the Tesseract call; the page's own words are never changed.
"""

from __future__ import annotations

from dataclasses import replace

from ocr_tasks.engines.image_regions import placed_blocks
from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import OcrDocument, OcrPage

DARK = 128  # grey level under which a pixel is ink
INK_SHARE = 0.004  # a pixel row holds ink when this share of its pixels is dark
MIN_LINE_SHARE = 0.45  # a band thinner than this share of the page's typical word height is a rule
MAX_LINE_SHARE = 3.5  # a band taller than this many typical word heights is a drawing
PAD_SHARE = 0.25  # room above and below a band, as a share of its height
BAND_PSM = 7  # one line of text
MAX_BANDS = 4  # bands read per page at most (a page with more is not one with a missed line)
TIMEOUT_SECONDS = 10.0


def ink_bands(image) -> list[tuple[int, int]]:
    """(top, bottom) pixel rows of the runs of rows that hold ink, top to bottom."""
    import numpy as np

    dark = np.asarray(image.convert("L")) < DARK
    inked = dark.sum(axis=1) >= max(2, INK_SHARE * dark.shape[1])
    bands, start = [], None
    for y, ink in enumerate(inked):
        if ink and start is None:
            start = y
        elif not ink and start is not None:
            bands.append((start, y))
            start = None
    if start is not None:
        bands.append((start, len(inked)))
    return bands


def missed_bands(bands: list[tuple[int, int]], page: OcrPage, height: int) -> list[tuple[int, int]]:
    """The bands of a line's height that no word of the page's reading overlaps."""
    words = [w.bbox for line in page.lines for w in line.words if w.text.strip()]
    if not words:
        return []
    heights = sorted(b.height * height for b in words)
    typical = heights[len(heights) // 2]
    missed = []
    for top, bottom in bands:
        size = bottom - top
        if not MIN_LINE_SHARE * typical <= size <= MAX_LINE_SHARE * typical:
            continue
        if any(b.y0 * height < bottom and top < b.y1 * height for b in words):
            continue
        missed.append((top, bottom))
    return missed if len(missed) <= MAX_BANDS else []


def with_missed_lines(page: OcrPage, image, *, languages: str) -> OcrPage:
    """`page` (read from `image`, turned and deskewed as the reading was) with the sure words of the ink
    bands its reading left out added as blocks of their own."""
    from PIL import ImageOps

    from ocr_tasks.engines.tesseract import read_image_data
    from ocr_tasks.layout.tesseract_rows import blocks_from_tesseract

    extra = []
    for top, bottom in missed_bands(ink_bands(image), page, image.height):
        pad = max(4, round(PAD_SHARE * (bottom - top)))
        y0, y1 = max(0, top - pad), min(image.height, bottom + pad)
        crop = ImageOps.expand(image.crop((0, y0, image.width, y1)), border=10, fill=255)
        try:
            data = read_image_data(crop, languages=languages, psm=BAND_PSM, timeout=TIMEOUT_SECONDS)
        except Exception:  # noqa: BLE001 (an unreadable band adds nothing)
            continue
        inner = BBox(10 / crop.width, 10 / crop.height, 1 - 10 / crop.width, 1 - 10 / crop.height)
        region = BBox(0.0, y0 / image.height, 1.0, y1 / image.height)
        extra.extend(placed_blocks(blocks_from_tesseract(data, crop.width, crop.height), region, inner))
    return replace(page, blocks=page.blocks + tuple(extra)) if extra else page


def document_with_missed_lines(ingested, document: OcrDocument, *, languages: str = "eng") -> OcrDocument:
    """`document` with the lines its Tesseract reading left out of each image page added
    (`with_missed_lines`); the document as it is when no page image exists or nothing was missed."""
    from ocr_tasks.engines.orientation import correct, open_page

    if ingested is None:  # a document read elsewhere, its page images gone
        return document
    images = {p.index: p.image_path for p in ingested.pages if p.image_path}
    pages = []
    for page in document.pages:
        path = images.get(page.index)
        if page.source == "text_layer" or path is None:
            pages.append(page)
            continue
        image = correct(open_page(path), rotation=page.rotation, skew=page.skew)
        pages.append(with_missed_lines(page, image, languages=languages))
    changed = any(a is not b for a, b in zip(pages, document.pages, strict=True))
    return replace(document, pages=tuple(pages)) if changed else document
