"""Lines Tesseract's psm 6 leaves out whole (a letterhead's name in large bold over small text) are read
on their own (`engines.missed_lines`), with real Tesseract on a drawn A4 page at 200 dpi."""

from __future__ import annotations

from PIL import Image, ImageDraw

from ocr_tasks.config import EXTRACTION_PSM, OcrConfig
from ocr_tasks.engines import column_blocks
from ocr_tasks.engines.missed_lines import document_with_missed_lines, ink_bands, missed_bands
from ocr_tasks.ingest import ingest_path
from ocr_tasks.recognise import recognise_document
from tests.ocr_tasks.extraction.held_out_scans_3 import two_column_address_facture_fr
from tests.ocr_tasks.extraction.rendered_pages import rasterise
from tests.ocr_tasks.extraction.styled_pages import draw_pdf


def test_ink_bands_are_the_runs_of_rows_with_ink():
    image = Image.new("L", (400, 200), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 30, 300, 45), fill=0)
    draw.rectangle((20, 100, 200, 101), fill=0)  # a rule
    assert ink_bands(image) == [(30, 46), (100, 102)]


def test_the_letterhead_line_psm_6_left_out_is_read_and_joins_the_page(tmp_path, monkeypatch):
    # the page as psm 6 reads it in one block: the engine's column reading (`engines.column_blocks`) reads
    # this letterhead beside the title block itself (test_column_blocks), which would leave nothing missed
    monkeypatch.setattr(column_blocks, "COLUMN_PSMS", ())
    image = rasterise(draw_pdf(two_column_address_facture_fr), tmp_path / "page.png", dpi=200)
    config = OcrConfig(languages="eng", psm=EXTRACTION_PSM, workers=1)
    ingested = ingest_path(image, config=config, workdir=tmp_path)
    document = recognise_document(ingested, config, workers=1)
    page = document.pages[0]
    with Image.open(image) as opened:
        missed = missed_bands(ink_bands(opened.convert("L")), page, opened.height)
    # the premise: psm 6 leaves the 15 pt letterhead line (name and title) out of this page
    assert "VERDIER" not in page.text
    assert missed, "the letterhead's band holds ink and no word"
    richer = document_with_missed_lines(ingested, document)
    assert "ATELIER VERDIER" in richer.pages[0].text
    assert richer.pages[0].text.count("Lyon") == page.text.count("Lyon")  # the page's own words unchanged
