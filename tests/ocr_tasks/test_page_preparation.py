"""What a page goes through before Tesseract reads it when it was photographed or stamped
(`engines.illumination`, `engines.stamp_ink`, `orientation.prepared`): uneven light taken out of a photo,
a scan left alone, a red stamp's ink dropped where it lies over print and red print left alone; and, with
real Tesseract, a stamped totals block and a photographed page read through the engine."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from ocr_tasks.config import OcrConfig
from ocr_tasks.engines.illumination import background_spread, flatten_illumination
from ocr_tasks.engines.orientation import prepared
from ocr_tasks.engines.stamp_ink import stamp_regions, without_stamp_ink
from ocr_tasks.engines.tesseract import TesseractEngine
from ocr_tasks.ingest import ingest_path
from tests.ocr_tasks.extraction.styled_pages import Pen, draw_pdf


def _totals(pen: Pen, *, stamp: bool = False, red_heading: bool = False) -> None:
    pen.text(18, 20, "Schreinerei Vogt KG", size=13, bold=True)
    if red_heading:
        pen._canvas.setFillColorRGB(0.85, 0.16, 0.18)
        pen._canvas.setFont("Helvetica-Bold", 20)
        pen._canvas.drawString(18 * 72 / 25.4, (297 - 40) * 72 / 25.4, "ZAHLUNGSERINNERUNG")
    for k, (label, value) in enumerate(
        [("Nettobetrag", "1.480,00 €"), ("19 % USt.", "281,20 €"), ("Gesamtbetrag", "1.761,20 €")]
    ):
        pen.text(110, 60 + k * 6, label, bold=k == 2)
        pen.text(192, 60 + k * 6, value, bold=k == 2, right=True)
    if stamp:
        pen.stamp(140, 64, "BEZAHLT", angle=14, multiply=True)


def _page(draw, *, dpi: int = 200) -> Image.Image:
    document = pdfium.PdfDocument(draw_pdf(draw))
    try:
        return document[0].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()


def _shaded(image: Image.Image) -> Image.Image:
    """The page with its light falling off to a third on the right, as a phone photo under a lamp."""
    grey = np.asarray(image.convert("L"), dtype=float)
    light = np.linspace(1.0, 0.35, grey.shape[1])[None, :]
    return Image.fromarray((grey * light).astype(np.uint8))


def test_a_scans_even_background_is_left_alone() -> None:
    page = np.asarray(_page(_totals).convert("L"))
    assert background_spread(page) < 0.05
    assert flatten_illumination(page) is None
    assert prepared(Image.fromarray(page)) is None


def test_a_photos_falling_light_is_taken_out() -> None:
    shaded = np.asarray(_shaded(_page(_totals)))
    flat = flatten_illumination(shaded)
    assert flat is not None
    paper = flat[50:150, :]  # a band of paper above the print, from the bright side to the dark one
    assert paper[:, :100].mean() > 240 and paper[:, -100:].mean() > 240
    assert shaded[50:150, -100:].mean() < 110  # it was dark there
    assert flat.min() < 60  # the print stays dark


def test_a_red_stamp_over_print_is_found_and_its_ink_dropped() -> None:
    page = _page(lambda pen: _totals(pen, stamp=True))
    regions = stamp_regions(np.asarray(page))
    assert len(regions) == 1
    grey = np.asarray(without_stamp_ink(page))
    x, y, w, h = regions[0]
    plain = np.asarray(_page(_totals).convert("L"))
    # inside the stamp's box the page is (nearly) the page without the stamp: no dark ink is left where
    # the plain page is paper
    inside, without = grey[y : y + h, x : x + w], plain[y : y + h, x : x + w]
    assert np.count_nonzero((inside < 128) & (without > 200)) < 0.01 * inside.size


def test_red_print_beside_no_other_print_is_no_stamp() -> None:
    page = _page(lambda pen: _totals(pen, red_heading=True))
    assert stamp_regions(np.asarray(page)) == []
    assert without_stamp_ink(page) is None


def _read(image: Image.Image, tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    image.save(path, dpi=(200, 200))
    config = OcrConfig(workers=1, psm=6, languages="eng")
    ingested = ingest_path(path, config=config, workdir=tmp_path / f"{name}-work")
    page = TesseractEngine().recognise(ingested.pages[0], config)
    return " ".join(word.text for word in page.words)


def test_the_label_under_a_stamp_is_read(tmp_path: Path) -> None:
    text = _read(_page(lambda pen: _totals(pen, stamp=True)), tmp_path, "stamped.png")
    assert "% ust" in text.lower() and "281,20" in text and "BEZAHLT" not in text


def test_the_dark_side_of_a_photographed_page_is_read(tmp_path: Path) -> None:
    text = _read(_shaded(_page(_totals)), tmp_path, "shaded.png")
    assert "1.761,20" in text and "281,20" in text
