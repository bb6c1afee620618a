"""Table rules erased before Tesseract reads a page: the line mask on drawn pages, and the rows of a
ruled invoice table that real Tesseract reads only once its rules are gone."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from ocr_tasks.config import OcrConfig
from ocr_tasks.engines.ruling_lines import erase_ruling_lines, line_mask
from ocr_tasks.engines.tesseract import TesseractEngine
from ocr_tasks.ingest import ingest_path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _page(with_rules: bool) -> np.ndarray:
    image = Image.new("L", (1600, 1000), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 36) if Path(FONT).exists() else ImageFont.load_default()
    for i, text in enumerate(("Description   Qty   Amount", "Consulting   2   240,00", "Total   240,00")):
        draw.text((120, 120 + 120 * i), text, fill=0, font=font)
    if with_rules:
        for y in (100, 220, 340, 460):
            draw.line((100, y, 1500, y), fill=0, width=3)
        for x in (100, 900, 1500):
            draw.line((x, 100, x, 460), fill=0, width=3)
    return np.asarray(image)


def test_a_page_without_rules_is_left_alone() -> None:
    assert erase_ruling_lines(_page(with_rules=False)) is None


def test_rules_that_form_no_grid_are_left_alone() -> None:
    """Horizontal separators only (a receipt's, a modern invoice's): nothing erased."""
    page = np.asarray(_page(with_rules=False)).copy()
    page[220:223, 100:1500] = 0
    page[460:463, 100:1500] = 0
    assert erase_ruling_lines(page) is None


def test_rules_are_erased_and_glyphs_kept() -> None:
    ruled = _page(with_rules=True)
    cleaned = erase_ruling_lines(ruled)
    assert cleaned is not None
    assert cleaned[220, 300] == 255 and cleaned[300, 900] == 255  # a horizontal and a vertical rule
    plain = _page(with_rules=False)
    text_ink = np.count_nonzero(plain < 128)
    # the text's ink survives (a few pixels where a glyph touches a rule may go)
    assert np.count_nonzero((cleaned < 128) & (plain < 128)) > 0.97 * text_ink
    assert np.count_nonzero(line_mask(plain)) == 0


def test_the_rows_of_a_ruled_invoice_table_are_read(corpus: Path, tmp_path: Path) -> None:
    """A French invoice rendered at 200 dpi with no text layer: its items sit in a ruled table that
    Tesseract (psm 6) skips entirely while the rules are printed."""
    pdf = pdfium.PdfDocument(str(corpus / "einvoice-dev" / "pdf" / "Facture_FR_BASIC.pdf"))
    try:
        pdf[0].render(scale=200 / 72, grayscale=True).to_pil().save(tmp_path / "page.png", dpi=(200, 200))
    finally:
        pdf.close()
    config = OcrConfig(workers=1, psm=6)
    page = ingest_path(tmp_path / "page.png", config=config, workdir=tmp_path / "work").pages[0]
    text = TesseractEngine().recognise(page, config).text
    for printed in ("Biscuits", "495,00", "19,80", "16,38"):
        assert printed in text, printed
