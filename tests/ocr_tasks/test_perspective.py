"""Perspective correction (`engines.perspective`, `orientation.flat_page`): a page photographed at an angle
is found by its four corners and warped flat; flat scans, pages merely turned on a surface and pages cut
off by the frame are left alone. The engine reads the warped page (real Tesseract), and every later reader
(`orientation.correct`) gets the same image, so boxes line up."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from ocr_tasks.config import EXTRACTION_PSM, OcrConfig
from ocr_tasks.engines.orientation import correct, flat_page, open_page
from ocr_tasks.engines.perspective import page_corners, rectified
from ocr_tasks.engines.tesseract import TesseractEngine
from ocr_tasks.ingest import PageInput
from tests.ocr_tasks import builders
from tests.ocr_tasks.extraction.capture_forms import _photograph

LINES = (
    "Harbourside Joinery Ltd",
    "Invoice No. HJ-77120",
    "Invoice date 14/03/2024",
    "Oak shelving, fitted 2 x 180.00 360.00",
    "Skirting board, 2.4 m 12 x 9.50 114.00",
    "Subtotal 474.00",
    "VAT 20% 94.80",
    "Total due GBP 568.80",
)


def _page() -> Image.Image:
    """A white A4-shaped page (1240 x 1754) with the invoice's lines in its upper half."""
    page = Image.new("L", (1240, 1754), 255)
    page.paste(builders.text_page(LINES, width=1240, size=30), (0, 80))
    return page.convert("RGB")


def _photo(*, tilt: float, margin: float, seed: int = 5) -> Image.Image:
    rng = np.random.default_rng(seed)
    return Image.fromarray(_photograph(_page(), rng, background=(96, 88, 80), margin=margin, tilt=tilt))


def test_a_keystoned_photo_is_warped_to_the_page():
    photo = _photo(tilt=16, margin=0.15)
    corners = page_corners(np.asarray(photo.convert("L")))
    assert corners is not None
    flat = rectified(photo)
    assert flat is not None and flat.mode == "RGB"
    assert flat.height / flat.width == pytest.approx(1754 / 1240, rel=0.08)  # the page's shape


@pytest.mark.parametrize(
    "image",
    [
        pytest.param(lambda: _page(), id="flat scan"),
        pytest.param(lambda: _photo(tilt=0.0, margin=0.15), id="page on a surface, square on"),
        pytest.param(lambda: _photo(tilt=16, margin=-0.02), id="page cut off by the frame"),
        pytest.param(lambda: Image.fromarray(np.full((900, 700, 3), 128, np.uint8)), id="grey nothing"),
    ],
)
def test_pages_not_seen_at_an_angle_are_left_alone(image):
    assert flat_page(image()) is None


def test_the_engine_reads_the_warped_page_and_later_readers_get_the_same_image(tmp_path):
    path = tmp_path / "photo.jpg"
    _photo(tilt=16, margin=0.15).save(path, quality=85)
    with Image.open(path) as opened:
        width, height = opened.size
    page = PageInput(index=0, width=width, height=height, dpi=200, image_path=str(path))
    reading = TesseractEngine().recognise(page, OcrConfig(languages="eng", psm=EXTRACTION_PSM, workers=1))
    words = [w.text for w in reading.words]
    assert "HJ-77120" in words and "568.80" in words
    again = correct(open_page(path), rotation=reading.rotation, skew=reading.skew)
    assert (reading.width, reading.height) == again.size != (width, height)
