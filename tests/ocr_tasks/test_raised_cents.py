"""Cents printed raised in smaller type after an amount's separator (`49,⁹⁰ €`) are read on their own
(`engines.raised_cents`), with real Tesseract on a drawn A4 page at 200 dpi; a text layer's raised cents are
joined to their amount (`extraction.split_decimals`)."""

from __future__ import annotations

import re

from PIL import Image, ImageDraw

from ocr_tasks.config import EXTRACTION_PSM, OcrConfig
from ocr_tasks.engines.raised_cents import _raised_columns, document_with_raised_cents
from ocr_tasks.extraction.split_decimals import decimals_rejoined
from ocr_tasks.geometry import BBox
from ocr_tasks.ingest import ingest_path
from ocr_tasks.ocr_types import OCR, TEXT_LAYER, Block, Line, OcrPage, Word
from ocr_tasks.recognise import recognise_document
from tests.ocr_tasks.extraction.rendered_pages import rasterise
from tests.ocr_tasks.extraction.styled_pages import Pen, draw_pdf

PT_IN_MM = 25.4 / 72


def _raised(pen: Pen, x: float, y: float, head: str, cents: str, *, size: float = 9.0) -> None:
    small = size * 0.6
    pen.text(x, y - size * 0.36 * PT_IN_MM, cents, size=small, right=True)
    pen.text(x - pen.width(cents, size=small), y, head, size=size, right=True)


def _price_list(pen: Pen) -> None:
    pen.text(18, 20, "Papeteria Rossi", size=15, bold=True)
    rows = [
        ("Quaderno a righe", "4,", "90"),
        ("Penna stilografica", "37,", "50"),
        ("Inchiostro blu", "12,", "80"),
    ]
    for k, (name, head, cents) in enumerate(rows):
        pen.text(18, 40 + k * 6, name)
        _raised(pen, 120, 40 + k * 6, head, cents)
        pen.text(140, 40 + k * 6, "1.250,00")  # an amount printed plainly, in the next column
    pen.text(18, 64, "Totale")
    _raised(pen, 120, 64, "55,", "20")


def test_the_columns_of_raised_ink_after_a_separator_are_the_cents():
    # (the separator's first column, the cents' first and last)
    image = Image.new("L", (120, 40), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((5, 5, 14, 34), fill=0)  # a figure, baseline to top
    draw.rectangle((18, 30, 20, 36), fill=0)  # the comma, in the baseline zone only
    draw.rectangle((24, 4, 30, 18), fill=0)  # two raised digits
    draw.rectangle((33, 4, 39, 18), fill=0)
    draw.rectangle((60, 5, 69, 34), fill=0)  # a figure further on
    assert _raised_columns(image, 0, 120, 4, 38) == (18, 24, 39)
    plain = Image.new("L", (120, 40), 255)
    ImageDraw.Draw(plain).rectangle((5, 5, 14, 34), fill=0)
    ImageDraw.Draw(plain).rectangle((24, 5, 33, 34), fill=0)  # the next figure on the baseline: no cents
    assert _raised_columns(plain, 0, 120, 4, 38) is None


def test_the_raised_cents_tesseract_reads_as_marks_are_read_on_their_own(tmp_path):
    image = rasterise(draw_pdf(_price_list), tmp_path / "page.png", dpi=200)
    config = OcrConfig(languages="eng", psm=EXTRACTION_PSM, workers=1)
    ingested = ingest_path(image, config=config, workdir=tmp_path)
    document = recognise_document(ingested, config, workers=1)
    text = document.pages[0].text
    # the premise: the page's reading has not the printed amounts
    assert not all(amount in text for amount in ("4,90", "37,50", "12,80", "55,20"))
    richer = document_with_raised_cents(ingested, document).pages[0].text
    for amount in ("4,90", "37,50", "12,80", "55,20"):
        assert re.search(rf"(?<![\d,]){amount}(?!\d)", richer), (amount, richer)
    assert richer.count("1.250,00") == text.count("1.250,00")  # plain amounts as read


def _word(text: str, x0: float, x1: float, y0: float, y1: float) -> Word:
    return Word(text, BBox(x0, y0, x1, y1), 1.0)


def _page(lines: list[list[Word]], source: str) -> OcrPage:
    return OcrPage(
        index=0,
        width=1000,
        height=1000,
        dpi=200,
        blocks=tuple(Block.of([Line.of(words)]) for words in lines),
        source=source,
    )


def test_a_text_layers_raised_cents_join_their_amount_wherever_its_line_puts_them():
    head = _word("89,", 0.884, 0.906, 0.2845, 0.297)
    cents = _word("90", 0.904, 0.914, 0.2847, 0.2922)  # 60 % of the height, its foot raised
    # the PDF's line of the price column before holds the amount column's cents
    page = _page([[_word("24,", 0.73, 0.75, 0.2845, 0.297), cents], [head]], TEXT_LAYER)
    words = [w.text for line in decimals_rejoined(page).lines for w in line.words]
    assert "89,90" in words and "90" not in words
    whole = _page(
        [[_word("12", 0.5, 0.515, 0.30, 0.3125), _word("50", 0.516, 0.526, 0.3002, 0.3077)]], TEXT_LAYER
    )
    assert [w.text for line in decimals_rejoined(whole).lines for w in line.words] == ["12.50"]


def test_a_text_layers_tail_on_the_baseline_stays_apart():
    page = _page(
        [[_word("Via Etnea 312,", 0.1, 0.3, 0.09, 0.1), _word("95", 0.301, 0.32, 0.09, 0.1)]], TEXT_LAYER
    )
    assert decimals_rejoined(page) is page
    ocr = _page([[_word("178,", 0.1, 0.13, 0.09, 0.1), _word("40", 0.131, 0.15, 0.09, 0.1)]], OCR)
    assert [w.text for line in decimals_rejoined(ocr).lines for w in line.words] == ["178,40"]
