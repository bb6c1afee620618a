"""Light text on dark bands turned dark on light before Tesseract reads a page (`engines.inverted_bands`):
the bands found on a drawn credit note, what is no band (dark print, a ruled table, a large dark glyph, the
desk around a photographed page), and a table heading real Tesseract loses in its band and reads through
the engine once the band is turned."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from ocr_tasks.config import OcrConfig
from ocr_tasks.engines.inverted_bands import dark_bands, lighten_dark_bands
from ocr_tasks.engines.tesseract import TesseractEngine
from ocr_tasks.ingest import ingest_path
from tests.ocr_tasks.extraction.styled_pages import Pen, draw_pdf


def _credit_note(pen: Pen, *, bands: bool) -> None:
    if bands:
        pen.band(18, 14, 192, 28, grey=0.26)  # a charcoal title bar, the title in white
        pen.band(18, 70, 192, 77, grey=0.18)  # the items table's heading row
    white = 1.0 if bands else 0.0
    pen.text(22, 24, "CREDIT NOTE", size=20, grey=white)
    pen.text(188, 23, "CN-2025-0042", size=10, right=True, grey=white)
    pen.text(18, 40, "Harbour Print Ltd, 4 Quay Street, Bristol BS1 4DJ", size=9)
    pen.text(18, 48, "Date: 14/02/2025", size=9)
    pen.text(20, 75, "Description", size=9, bold=True, grey=white)
    pen.text(190, 75, "Amount", size=9, bold=True, right=True, grey=white)
    pen.text(20, 84, "Posters A2, wrong colour", size=9)
    pen.text(190, 84, "360.00", size=9, right=True)
    pen.rule(18, 192, 90)
    pen.text(150, 97, "Total", size=9, bold=True)
    pen.text(190, 97, "432.00", size=9, right=True)


def _grey(pdf: bytes, dpi: int = 200) -> np.ndarray:
    document = pdfium.PdfDocument(pdf)
    try:
        return np.asarray(document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
    finally:
        document.close()


def test_the_title_bar_and_the_table_heading_are_bands() -> None:
    page = _grey(draw_pdf(lambda pen: _credit_note(pen, bands=True)))
    bands = dark_bands(page)
    assert len(bands) == 2
    turned = lighten_dark_bands(page)
    assert turned is not None
    for x, y, w, h in bands:
        inside = turned[y : y + h, x : x + w]
        assert np.count_nonzero(inside > 200) > 0.6 * inside.size  # a light ground now
        assert np.count_nonzero(inside < 80) > 0.02 * inside.size  # and dark letters on it
    outside = np.ones(page.shape, bool)
    for x, y, w, h in bands:
        outside[y : y + h, x : x + w] = False
    assert np.array_equal(turned[outside], page[outside])  # the rest of the page is untouched


def test_a_page_without_bands_is_left_alone() -> None:
    """Dark print, a rule and a ruled box are no band."""
    page = _grey(draw_pdf(lambda pen: (_credit_note(pen, bands=False), pen.box(18, 60, 192, 100))))
    assert dark_bands(page) == [] and lighten_dark_bands(page) is None


def test_a_large_dark_glyph_and_a_desk_around_the_page_are_no_bands() -> None:
    page = np.full((1400, 1000), 255, np.uint8)
    page[100:260, 100:300] = 20  # a logo's large dark square with a light gap cut along its edge
    page[100:180, 100:140] = 255
    page[1300:, :] = 40  # the dark desk under a photographed page, touching the image's edge
    page[1320:1340, 100:400:20] = 250  # light specks on it
    assert dark_bands(page) == []


def test_a_table_heading_in_a_dark_band_is_read(tmp_path: Path) -> None:
    """At 200 dpi, psm 6, Tesseract loses the white 9 pt heading of the items table in its dark band (the
    20 pt title it reads); the engine turns the bands and reads both."""
    from PIL import Image

    image = tmp_path / "credit-note.png"
    Image.fromarray(_grey(draw_pdf(lambda pen: _credit_note(pen, bands=True)))).save(image, dpi=(200, 200))
    engine = TesseractEngine()
    texts = {}
    for clean in (False, True):
        config = OcrConfig(workers=1, psm=6, languages="eng", erase_rules=clean)
        ingested = ingest_path(image, config=config, workdir=tmp_path / str(clean))
        page = engine.recognise(ingested.pages[0], config)
        texts[clean] = " ".join(word.text for word in page.words)
    assert "CREDIT NOTE" in texts[True] and "Description" in texts[True] and "432.00" in texts[True]
    assert "Description" not in texts[False]  # what the band hides from Tesseract (real Tesseract, this page)
