"""The page preview of a page photographed at an angle is warped flat when the OCR engine read it so
(`orientation.correct`, recorded as the page's `rectified`), so the result's relative boxes land on the
words; other pages, and a reading stored before the engine warped pages, are shown as they are."""

from __future__ import annotations

import io

from PIL import Image

from django_api.invoices.page_images import page_png
from ocr_tasks.engines.orientation import correct
from tests.ocr_tasks.test_perspective import _page, _photo


def _jpeg(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def test_a_keystoned_photo_is_previewed_as_it_was_read():
    data = _jpeg(_photo(tilt=16, margin=0.15))
    read = correct(Image.open(io.BytesIO(data)), rotation=0, skew=0.0)
    shown = Image.open(io.BytesIO(page_png(data=data, media_type="image/jpeg", index=0, rectified=True)))
    assert shown.size == read.size != Image.open(io.BytesIO(data)).size


def test_a_photo_read_before_pages_were_warped_is_previewed_as_it_was_read():
    """A document processed before the engine warped keystoned photos holds boxes read on the photo as it
    is: its preview is not warped under them."""
    data = _jpeg(_photo(tilt=16, margin=0.15))
    shown = Image.open(io.BytesIO(page_png(data=data, media_type="image/jpeg", index=0)))
    assert shown.size == Image.open(io.BytesIO(data)).size


def test_the_engine_records_that_it_warped_the_page(tmp_path):
    from ocr_tasks.config import OcrConfig
    from ocr_tasks.engines.tesseract import TesseractEngine
    from ocr_tasks.ingest import ingest_path
    from ocr_tasks.ocr_types import OcrPage

    engine, config = TesseractEngine(), OcrConfig(workers=1, psm=6, languages="eng")
    read = {}
    for name, image in (("photo", _photo(tilt=16, margin=0.15)), ("flat", _page())):
        path = tmp_path / f"{name}.jpg"
        path.write_bytes(_jpeg(image))
        page = engine.recognise(ingest_path(path, config=config, workdir=tmp_path / name).pages[0], config)
        read[name] = OcrPage.from_dict(page.to_dict()).rectified  # as the result stores it
    assert read == {"photo": True, "flat": False}


def test_a_flat_page_is_previewed_as_it_is():
    data = _jpeg(_page())
    shown = Image.open(io.BytesIO(page_png(data=data, media_type="image/jpeg", index=0, rectified=True)))
    assert shown.size == _page().size  # nothing to warp: no page at an angle found
