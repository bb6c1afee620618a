"""The page preview of a page photographed at an angle is warped flat as the OCR engine read it
(`orientation.correct`), so the result's relative boxes land on the words; other pages are shown as they
are."""

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
    shown = Image.open(io.BytesIO(page_png(data=data, media_type="image/jpeg", index=0)))
    assert shown.size == read.size != Image.open(io.BytesIO(data)).size


def test_a_flat_page_is_previewed_as_it_is():
    data = _jpeg(_page())
    shown = Image.open(io.BytesIO(page_png(data=data, media_type="image/jpeg", index=0)))
    assert shown.size == _page().size
