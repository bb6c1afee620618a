"""HEIC photos (iPhone cameras' default format): recognised by content, turned upright once, read by real
Tesseract; a damaged one is refused with its code."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from ocr_tasks.config import OcrConfig
from ocr_tasks.errors import OcrPipelineError
from ocr_tasks.ingest import ingest_bytes
from ocr_tasks.ingest.detect import HEIC, sniff_media_type
from ocr_tasks.recognise import recognise_page
from tests.ocr_tasks import builders

CONFIG = OcrConfig()


def _heic(image: Image.Image, **params) -> bytes:
    return builders.encode(image.convert("RGB"), "HEIF", quality=95, **params)


def test_heic_is_known_by_its_brand_not_its_name(tmp_path):
    data = _heic(builders.text_page(width=900))
    assert data[4:12] == b"ftypheic" and sniff_media_type(data) == HEIC
    doc = ingest_bytes(data, name="IMG_0042.jpg", config=CONFIG, workdir=tmp_path)
    assert doc.source.media_type == HEIC
    # an AVIF photo shares the generic `mif1` brand but no HEVC one: not taken for HEIC
    avif_head = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00mif1miaf" + b"\x00" * 32
    assert sniff_media_type(avif_head) is None
    generic = b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1heic" + b"\x00" * 32
    assert sniff_media_type(generic) == HEIC


def test_a_heic_photo_becomes_an_upright_page_tesseract_reads(tmp_path):
    page = builders.text_page(width=1400)  # wider than tall
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera held turned: display rotated 90 degrees clockwise
    doc = ingest_bytes(
        _heic(page.rotate(90, expand=True), exif=exif.tobytes()),
        name="p.heic",
        config=CONFIG,
        workdir=tmp_path,
    )
    (only,) = doc.pages
    assert only.needs_ocr and Path(only.image_path).suffix == ".png"  # re-encoded for Tesseract
    assert (only.width, only.height) == page.size  # turned upright once, not twice
    text = recognise_page(only, CONFIG).text
    assert "INV-2024-0042" in text and "62.40" in text


def test_a_truncated_heic_is_corrupt(tmp_path):
    data = _heic(builders.text_page(width=900))
    with pytest.raises(OcrPipelineError) as info:
        ingest_bytes(data[: len(data) // 2], name="cut.heic", config=CONFIG, workdir=tmp_path)
    assert info.value.code == "corrupt_file"
