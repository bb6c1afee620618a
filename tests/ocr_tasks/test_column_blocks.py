"""Columns side by side whose lines sit at other heights, read one column at a time
(`engines.column_blocks`): on a drawn letter whose recipient block sits beside the sender's details half a
line lower, real Tesseract (psm 6) mixes the two columns' lines and misreads words of both; the engine
reads the block column by column and gets every word. Lines that share their rows (labels and values, a
table) are no such block, and a page without one is not read again."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from ocr_tasks.config import OcrConfig
from ocr_tasks.engines import column_blocks
from ocr_tasks.engines.tesseract import TesseractEngine, read_image_data
from ocr_tasks.extraction.rows import page_rows
from ocr_tasks.ingest import ingest_path
from tests.ocr_tasks.extraction.held_out_scans_3 import two_column_address_facture_fr
from tests.ocr_tasks.extraction.rendered_pages import rasterise
from tests.ocr_tasks.extraction.styled_pages import draw_pdf

SENDER = (
    "Fietsatelier Domstad",
    "Voorstraat 64",
    "3512 AR Utrecht",
    "030 231 88 40",
    "KvK: 60123456",
    "Btw-id: NL875483847B01",
    "IBAN: NL91 ABNA 0417 1643 00",
)
RECIPIENT = ("Studio Kanaalzicht B.V.", "T.a.v. administratie", "Oudegracht 190", "3511 NP Utrecht")
BODY = ("Creditfactuur", "Creditfactuurnummer", "CR-2024-007", "Totaal", "€-773,19")


def _letter(pen) -> None:
    """The sender's details at the right, the recipient's block at the left a third of a line lower and a
    point larger, then a title and two rows of labels and values."""
    for i, line in enumerate(SENDER):
        pen.text(130, 24 + i * 5.5, line, size=9, bold=i == 0)
    for i, line in enumerate(RECIPIENT):
        pen.text(20, 42.5 + i * 5.5, line, size=10)
    pen.text(20, 80, "Creditfactuur", size=18)
    pen.text(20, 90, "Creditfactuurnummer", size=9)
    pen.text(70, 90, "CR-2024-007", size=9)
    pen.text(20, 100, "Totaal", size=9)
    pen.text(70, 100, "€ -773,19", size=9)


def _page_image(tmp_path: Path) -> Path:
    document = pdfium.PdfDocument(draw_pdf(_letter))
    try:
        image = document[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    path = tmp_path / "letter.png"
    image.save(path, dpi=(200, 200))
    return path


def _read(path: Path, tmp_path: Path, name: str):
    config = OcrConfig(workers=1, psm=6, languages="eng", deskew=False)
    ingested = ingest_path(path, config=config, workdir=tmp_path / name)
    return TesseractEngine().recognise(ingested.pages[0], config)


def test_offset_columns_are_read_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _page_image(tmp_path)
    rows = [row.text for row in page_rows(_read(path, tmp_path, "columns"))]
    for line in SENDER:  # each of the sender's lines is read whole, in a row of its own
        assert line in rows, (line, rows)
    assert any(row.startswith("Studio Kana") and "030" not in row for row in rows)
    assert "3511 NP Utrecht" in rows  # the recipient's postcode line too, without the sender's IBAN

    monkeypatch.setattr(column_blocks, "COLUMN_PSMS", ())  # the page as psm 6 reads it in one block
    plain = [row.text for row in page_rows(_read(path, tmp_path, "plain"))]
    # real Tesseract on this page: lines of both columns in one row, words of the mixed lines misread
    assert any("Studio" in row and "030" in row for row in plain)
    assert not all(line in plain for line in SENDER)


def test_a_letterhead_beside_the_title_block_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 15 pt letterhead line beside smaller text at other heights, which psm 6 leaves out whole
    (test_missed_lines: its premise), is read by the engine with the block's columns read apart."""
    image = rasterise(draw_pdf(two_column_address_facture_fr), tmp_path / "page.png", dpi=200)
    config = OcrConfig(languages="eng", psm=6, workers=1)
    ingested = ingest_path(image, config=config, workdir=tmp_path / "columns")
    assert "ATELIER VERDIER" in TesseractEngine().recognise(ingested.pages[0], config).text
    monkeypatch.setattr(column_blocks, "COLUMN_PSMS", ())
    ingested = ingest_path(image, config=config, workdir=tmp_path / "plain")
    assert "VERDIER" not in TesseractEngine().recognise(ingested.pages[0], config).text


def test_rows_that_share_their_heights_are_no_offset_columns(tmp_path: Path) -> None:
    """Labels and values, a table's cells: column gaps, but the parts sit on one row."""
    path = _page_image(tmp_path)
    page = _read(path, tmp_path, "page")
    data = read_image_data(Image.open(path), languages="eng", psm=6, timeout=60)
    height = column_blocks.word_height(data)
    gaps = column_blocks.offset_gaps(data, height)
    assert gaps and all(gap.bottom < 0.3 * Image.open(path).height for gap in gaps)  # only in the letterhead
    assert any("Creditfactuurnummer" in row.text and "CR-2024-007" in row.text for row in page_rows(page))


def test_a_page_without_offset_columns_is_not_read_again() -> None:
    data = {
        "level": [5, 5, 5, 5],
        "page_num": [1] * 4,
        "block_num": [1] * 4,
        "par_num": [1] * 4,
        "line_num": [1, 1, 2, 2],
        "word_num": [1, 2, 1, 2],
        "left": [100, 600, 100, 600],
        "top": [100, 102, 140, 141],
        "width": [200, 150, 180, 150],
        "height": [20, 20, 20, 20],
        "conf": [96, 96, 96, 96],
        "text": ["Rechnungsnummer", "2025-0093", "Rechnungsdatum", "31.01.2025"],
    }

    def no_image():
        raise AssertionError("the image is asked for only when a line mixes offset columns")

    assert column_blocks.read_columns(data, no_image, lambda image: {}) is data


def test_a_block_ends_at_an_empty_band_and_at_a_line_across_the_gutter() -> None:
    ink = np.zeros((400, 300), bool)
    ink[100:110, 20:100] = ink[120:130, 20:100] = True  # the left column's lines
    ink[95:105, 200:280] = ink[115:125, 200:280] = True  # the right column's, half a line higher
    ink[80:90, 20:280] = True  # a line across the gutter above, close to the block
    ink[200:210, 20:100] = True  # a line of the left column far below, after an empty band
    gap = column_blocks.Gap(top=100, bottom=110, left=100, right=200)
    assert column_blocks.grow_block(ink, gap, height=10.0) == (90, 129)
