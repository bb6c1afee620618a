"""The pixel limit binds PDF pages drawn with vectors too (issue 16: a 100-inch vector page reached 81.5
Mpx through OCR): the rendered page, with PDFium's rounding, and the page the engine deskews on an
expanded canvas both stay within `max_pixels_per_page`; a page that cannot is refused."""

from __future__ import annotations

import io
import math

import pytest
from PIL import Image

from ocr_tasks.config import Limits, OcrConfig
from ocr_tasks.engines.orientation import MAX_SKEW, apply_orientation
from ocr_tasks.errors import ImageTooLarge
from ocr_tasks.ingest.pdf import MIN_RENDER_DPI, deskew_growth, pdf_pages, rendered_pixels


def vector_pdf(width_pt: float, height_pt: float) -> bytes:
    """One page of the given MediaBox holding only vector lines (no text layer, no image)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(width_pt, height_pt)
    path = raw.FPDFPageObj_CreateNewPath(0, 0)
    for x in range(0, int(width_pt), max(1, int(width_pt) // 20)):
        raw.FPDFPath_MoveTo(path, x, 0)
        raw.FPDFPath_LineTo(path, x + height_pt / 10, height_pt)
    raw.FPDFPath_SetDrawMode(path, 0, True)
    raw.FPDFPageObj_SetStrokeWidth(path, 3)
    raw.FPDFPage_InsertObject(page.raw, path)
    page.gen_content()
    buffer = io.BytesIO()
    pdf.save(buffer)
    page.close()
    pdf.close()
    return buffer.getvalue()


def render(data: bytes, tmp_path, config: OcrConfig):
    (page,) = pdf_pages(data, config=config, workdir=tmp_path)
    with Image.open(page.image_path) as image:
        assert image.size == (page.width, page.height)
    return page


LIMIT = 4_000_000  # small, so that the renders stay quick; the arithmetic is the same at 60 Mpx


@pytest.mark.parametrize("deskew", [True, False])
def test_a_huge_vector_page_is_rendered_within_the_limit_even_once_deskewed(tmp_path, deskew):
    config = OcrConfig(dpi=300, deskew=deskew, limits=Limits(max_pixels_per_page=LIMIT))
    side = 20 * 72  # 20 inches: 36 Mpx at 300 dpi, 2.1 Mpx at 72
    page = render(vector_pdf(side, side), tmp_path, config)

    assert page.width * page.height <= LIMIT
    assert page.dpi >= MIN_RENDER_DPI
    if deskew:  # the engine turns it by up to MAX_SKEW on an expanded canvas: still within the limit
        turned = apply_orientation(Image.new("L", (page.width, page.height), 255), rotation=0, skew=MAX_SKEW)
        assert turned.width * turned.height <= LIMIT
    else:  # no headroom needed: the highest DPI that fits
        assert rendered_pixels(side, side, page.dpi + 1) > LIMIT


def test_rounding_up_of_each_side_is_counted(tmp_path):
    # a size whose exact product is just under the limit at the DPI the square root gives, but whose
    # rounded-up sides are not
    config = OcrConfig(dpi=300, deskew=False, limits=Limits(max_pixels_per_page=LIMIT))
    width_pt, height_pt = 1001.4, 1001.4 / 2.3
    exact_dpi = math.floor(72 * math.sqrt(LIMIT / (width_pt * height_pt)))
    assert (
        rendered_pixels(width_pt, height_pt, exact_dpi)
        > LIMIT
        >= (width_pt * height_pt) * (exact_dpi / 72) ** 2
    )
    page = render(vector_pdf(width_pt, height_pt), tmp_path, config)
    assert page.width * page.height <= LIMIT and page.dpi < exact_dpi


def test_a_page_too_large_even_at_the_lowest_dpi_is_refused(tmp_path):
    config = OcrConfig(limits=Limits(max_pixels_per_page=LIMIT))
    with pytest.raises(ImageTooLarge) as raised:
        pdf_pages(vector_pdf(100 * 72, 100 * 72), config=config, workdir=tmp_path)
    assert raised.value.code == "image_too_large" and raised.value.detail["max_pixels"] == LIMIT


def test_the_default_limit_bounds_a_100_inch_page(tmp_path):
    """With the defaults (300 dpi, 60 Mpx, deskew on) a 100-inch page cannot be rendered at 72 dpi with
    room for a deskew (51.8 Mpx x 1.34): refused; a 60-inch one is rendered below 60 Mpx with room."""
    config = OcrConfig()
    with pytest.raises(ImageTooLarge):
        pdf_pages(vector_pdf(100 * 72, 100 * 72), config=config, workdir=tmp_path)
    side = 60 * 72
    dpi = round(72 * math.sqrt(60_000_000 / deskew_growth(side, side) / side**2) - 0.5)
    assert rendered_pixels(side, side, dpi) * deskew_growth(side, side) <= 60_000_000


def test_ordinary_pages_keep_the_configured_dpi(tmp_path):
    config = OcrConfig(dpi=300)
    page = render(vector_pdf(595, 842), tmp_path, config)  # A4
    assert page.dpi == 300 and (page.width, page.height) == (2480, 3509)
