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


def test_only_thin_strokes_are_kept_as_rules_and_their_pixels_unchanged() -> None:
    """`_thin` clears the strokes too thick to be rules (a bar, a bold block) and keeps the others pixel
    for pixel, whatever mix a page holds."""
    import cv2

    from ocr_tasks.engines.ruling_lines import _thin

    strokes = np.zeros((300, 400), np.uint8)
    strokes[20:22, 10:390] = 255  # a rule, 2 px
    strokes[60:90, 10:390] = 255  # a bar, 30 px: no rule
    strokes[150:153, 50:300] = 255  # a rule, 3 px
    strokes[200:260, 100:140] = 255  # a block
    count, labels, stats, _ = cv2.connectedComponentsWithStats(strokes, connectivity=8)
    expected = np.where((stats[:, cv2.CC_STAT_HEIGHT] <= 5)[labels] & (labels > 0), 255, 0).astype(np.uint8)
    assert np.array_equal(_thin(strokes, 0, 5), expected)
    assert expected[20, 10] == expected[151, 60] == 255 and expected[70, 10] == expected[230, 120] == 0
    assert not _thin(strokes[55:95], 0, 5).any()  # only a thick stroke: nothing
    assert not _thin(np.zeros_like(strokes), 0, 5).any()
