"""Dotted leaders erased before Tesseract reads a page (`engines.leader_dots`): the runs found on a drawn
totals block, what is no leader (decimal points, an ellipsis, noise), and an amount real Tesseract misreads
beside a leader and reads right through the engine once the dots are gone."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from ocr_tasks.config import OcrConfig
from ocr_tasks.engines.leader_dots import erase_leader_dots
from ocr_tasks.engines.tesseract import TesseractEngine
from ocr_tasks.ingest import ingest_path
from tests.ocr_tasks.extraction.styled_pages import Pen, draw_pdf

TOTALS = [("Subtotal", "713.99"), ("Shipping", "25.00"), ("Sales Tax (8.75%)", "62.47"), ("Total", "801.46")]


def _totals_page(pen: Pen, *, leaders: bool) -> None:
    pen.text(18, 20, "Harbor Chandlery", size=11, bold=True)
    pen.text(18, 30, "Rope and fittings as ordered... thank you.", size=8)
    for k, (label, value) in enumerate(TOTALS):
        y = 45 + k * 4.8
        if leaders:
            pen.leader(110, 192, y, label, value, size=8)
        else:
            pen.text(110, y, label, size=8)
            pen.text(192, y, value, size=8, right=True)


def _grey(pdf: bytes, dpi: int = 200) -> np.ndarray:
    document = pdfium.PdfDocument(pdf)
    try:
        return np.asarray(document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
    finally:
        document.close()


def test_a_page_without_leaders_is_left_alone() -> None:
    """Decimal points, an ellipsis and the dots of letters are no leader."""
    page = _grey(draw_pdf(lambda pen: _totals_page(pen, leaders=False)))
    assert erase_leader_dots(page) is None


def test_scattered_specks_are_no_leader() -> None:
    page = _grey(draw_pdf(lambda pen: _totals_page(pen, leaders=False))).copy()
    rng = np.random.default_rng(3)
    for y, x in zip(rng.integers(100, 2200, 400), rng.integers(100, 1500, 400), strict=True):
        page[y : y + 2, x : x + 2] = 0
    assert erase_leader_dots(page) is None


def test_leaders_are_erased_and_the_text_kept() -> None:
    with_leaders = _grey(draw_pdf(lambda pen: _totals_page(pen, leaders=True)))
    plain = _grey(draw_pdf(lambda pen: _totals_page(pen, leaders=False)))
    cleaned = erase_leader_dots(with_leaders)
    assert cleaned is not None
    ink_left = np.count_nonzero(cleaned < 128)
    # what is left is the page without its leaders: the same ink to within a few edge pixels
    assert abs(ink_left - np.count_nonzero(plain < 128)) < 0.02 * np.count_nonzero(plain < 128)


def test_an_amount_beside_a_leader_is_read_right(tmp_path: Path) -> None:
    """At 200 dpi, 8 pt, Tesseract (psm 6) reads the subtotal beside its leader `213,99`; with the leaders
    erased by the engine it reads `713.99`."""
    image = tmp_path / "totals.png"
    from PIL import Image

    Image.fromarray(_grey(draw_pdf(lambda pen: _totals_page(pen, leaders=True)))).save(image, dpi=(200, 200))
    engine = TesseractEngine()
    texts = {}
    for erase in (False, True):
        config = OcrConfig(workers=1, psm=6, languages="eng", erase_rules=erase)
        ingested = ingest_path(image, config=config, workdir=tmp_path / str(erase))
        page = engine.recognise(ingested.pages[0], config)
        texts[erase] = " ".join(word.text for word in page.words)
    assert "713.99" in texts[True] and "801.46" in texts[True]
    assert "713.99" not in texts[False]  # the misreading the erasing removes (real Tesseract, this page)
