"""Scanned PDF pages that carry someone else's OCR: a page image with the words of a scanner's OCR (a
multi-function printer's scan-to-mail), of OCRmyPDF or of paperless laid over it as text nobody sees.

Such a page is a scan: its text is what the image shows, and the layer is another program's reading of
it, often poor (characters confused, words merged, lines out of order or missing, boxes off the ink).
OCRmyPDF tells the two kinds of text apart the same way (`--redo-ocr`: invisible text is OCR and is
redone, printable text is kept). A page is taken for a scan with a foreign OCR layer when images cover
at least `SCAN_IMAGE_COVERAGE` of it and at least `HIDDEN_TEXT_SHARE` of its characters are hidden:
drawn in text render mode 3 (invisible: what Tesseract's PDF renderer, OCRmyPDF and scanners write) or
drawn before an image that covers them (older scanners hide their OCR under the page image). Pages with
visible text (born-digital pages, a letterhead image under printed text) keep the text-layer path.

With `OcrConfig.scan_text_layer == "ocr"` (the default) such a page is rendered and OCR'd like any scan,
and the layer travels along (`PageInput.scan_text_layer`) as a fallback: `own_or_layer` keeps our
reading unless it holds less than `FALLBACK_SHARE` of the layer's letters and digits (an image too poor
for us that the scanner read at its full resolution before compressing it). With `"trust"` the layer is
read as the page's text, as before: no OCR, faster, the other program's mistakes included.
"""

from __future__ import annotations

import ctypes

from ocr_tasks.ocr_types import OcrPage

SCAN_IMAGE_COVERAGE = 0.5  # share of the page images cover for it to be a scan
HIDDEN_TEXT_SHARE = 0.8  # share of its characters a page's text must hide to be another program's OCR
COVERING_IMAGE_SHARE = 0.5  # an image hides the text under it when it covers this share of the page
FALLBACK_SHARE = 0.25  # our reading with fewer letters and digits than this share of the layer's: the layer
INVISIBLE = 3  # PDF text render mode 3: neither filled nor stroked


def image_coverage(page) -> float:
    """Share of the page area covered by image objects (overlaps counted twice, capped at 1)."""
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = page.get_bbox()
    area = max(1e-6, (right - left) * (top - bottom))
    covered = 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        x0, y0, x1, y1 = obj.get_bounds()
        width = max(0.0, min(x1, right) - max(x0, left))
        height = max(0.0, min(y1, top) - max(y0, bottom))
        covered += width * height
    return min(1.0, covered / area)


def _address(raw) -> int | None:
    return ctypes.cast(raw, ctypes.c_void_p).value


def _covering_images(page) -> list[tuple[int, tuple[float, float, float, float]]]:
    """(place in the page's drawing order, bounds) of the page's top-level images that cover at least
    `COVERING_IMAGE_SHARE` of it."""
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = page.get_bbox()
    area = max(1e-6, (right - left) * (top - bottom))
    found = []
    for place, obj in enumerate(page.get_objects(max_depth=1)):
        if obj.type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            continue
        x0, y0, x1, y1 = obj.get_bounds()
        if max(0.0, min(x1, right) - max(x0, left)) * max(0.0, min(y1, top) - max(y0, bottom)) >= (
            COVERING_IMAGE_SHARE * area
        ):
            found.append((place, (x0, y0, x1, y1)))
    return found


def hidden_text_share(page) -> float:
    """Share of the page's characters (not spaces) that nobody sees: drawn invisible (render mode 3) or
    drawn before an image that covers them. 0 for a page without text."""
    import pypdfium2.raw as pdfium_c

    covering = _covering_images(page)
    order = {}
    if covering:
        order = {_address(obj.raw): place for place, obj in enumerate(page.get_objects(max_depth=1))}
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        total = hidden = 0
        modes: dict[int | None, bool] = {}  # per text object: hidden
        for i in range(pdfium_c.FPDFText_CountChars(raw)):
            if chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 0x20).isspace():
                continue
            total += 1
            obj = pdfium_c.FPDFText_GetTextObject(raw, i)
            key = _address(obj) if obj else None
            if key not in modes:
                modes[key] = bool(obj) and _hidden(obj, order.get(key), covering)
            hidden += modes[key]
    finally:
        textpage.close()
    return hidden / total if total else 0.0


def _hidden(obj, place: int | None, covering) -> bool:
    import pypdfium2.raw as pdfium_c

    if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == INVISIBLE:
        return True
    if place is None:  # inside a form: its place in the page's order is not known
        return False
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(
        obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    ):
        return False
    cx, cy = (left.value + right.value) / 2, (bottom.value + top.value) / 2
    return any(later > place and x0 <= cx <= x1 and y0 <= cy <= y1 for later, (x0, y0, x1, y1) in covering)


def is_scan_with_ocr_layer(page) -> bool:
    """The page is a scan under another program's OCR (see the module's docstring)."""
    return image_coverage(page) >= SCAN_IMAGE_COVERAGE and hidden_text_share(page) >= HIDDEN_TEXT_SHARE


def _letters(page: OcrPage) -> int:
    return sum(ch.isalnum() for word in page.words for ch in word.text)


def own_or_layer(reading: OcrPage, layer: OcrPage | None) -> OcrPage:
    """Our OCR's `reading` of a scanned page, or the page's foreign OCR `layer` when ours holds fewer than
    `FALLBACK_SHARE` of the layer's letters and digits."""
    if layer is None or _letters(reading) >= FALLBACK_SHARE * _letters(layer):
        return reading
    return layer
