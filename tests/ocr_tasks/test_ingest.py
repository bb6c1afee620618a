"""Ingest: type by content, page splitting, image normalisation, PDF text layers, and every bad input
answered with its stable code."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from PIL import Image

from ocr_tasks.config import Limits, OcrConfig
from ocr_tasks.errors import OcrPipelineError
from ocr_tasks.ingest import ingest_bytes, ingest_path
from ocr_tasks.ocr_types import TEXT_LAYER
from tests.ocr_tasks import builders

CONFIG = OcrConfig()


def _ingest(data: bytes, tmp_path: Path, name: str = "upload", config: OcrConfig = CONFIG):
    return ingest_bytes(data, name=name, config=config, workdir=tmp_path)


def _code(data: bytes, tmp_path: Path, config: OcrConfig = CONFIG, name: str = "upload") -> str:
    with pytest.raises(OcrPipelineError) as info:
        _ingest(data, tmp_path, name=name, config=config)
    return info.value.code


# -- types by content ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fmt", "media_type", "params"),
    [
        ("PNG", "image/png", {}),
        ("JPEG", "image/jpeg", {"quality": 90}),
        ("TIFF", "image/tiff", {"compression": "tiff_lzw"}),
        ("WEBP", "image/webp", {"lossless": True}),
        ("BMP", "image/bmp", {}),
    ],
)
def test_each_image_type_becomes_one_page_file_tesseract_can_read(tmp_path, fmt, media_type, params):
    page = builders.text_page(width=1000).convert("RGB")
    doc = _ingest(builders.encode(page, fmt, **params), tmp_path, name="scan.bin")
    assert doc.source.media_type == media_type
    assert len(doc.pages) == 1
    (only,) = doc.pages
    assert (only.width, only.height) == page.size
    assert only.text_page is None and only.needs_ocr
    written = Path(only.image_path)
    assert written.is_file() and tmp_path in written.parents
    assert written.suffix in (".png", ".jpg")  # formats Tesseract reads directly
    with Image.open(written) as image:
        assert image.size == page.size


def test_type_comes_from_content_not_from_the_name(tmp_path):
    png = builders.encode(builders.text_page(width=900), "PNG")
    assert _ingest(png, tmp_path, name="invoice.pdf").source.media_type == "image/png"
    pdf = builders.blank_pdf(1)
    assert _ingest(pdf, tmp_path, name="photo.jpg").source.media_type == "application/pdf"
    assert _code(b"GIF89a" + b"\x00" * 64, tmp_path, name="scan.png") == "unsupported_type"
    assert _code(b"Total: 12.00\nthis is plain text\n", tmp_path, name="invoice.pdf") == "unsupported_type"


def test_source_record_has_hash_size_and_name(tmp_path):
    data = builders.blank_pdf(1)
    doc = ingest_bytes(
        data, name="a.pdf", config=CONFIG, document_id="doc-1", uri="s3://bucket/a.pdf", workdir=tmp_path
    )
    assert doc.source.id == "doc-1" and doc.source.uri == "s3://bucket/a.pdf" and doc.source.name == "a.pdf"
    assert doc.source.size == len(data)
    import hashlib

    assert doc.source.sha256 == hashlib.sha256(data).hexdigest()


def test_multipage_tiff_gives_one_page_each(tmp_path):
    pages = [builders.text_page([f"Page {n} of three"], width=800) for n in (1, 2, 3)]
    data = builders.encode(pages[0], "TIFF", save_all=True, append_images=pages[1:])
    doc = _ingest(data, tmp_path)
    assert [p.index for p in doc.pages] == [0, 1, 2]
    assert len({p.image_path for p in doc.pages}) == 3
    assert all(Path(p.image_path).is_file() for p in doc.pages)


def test_exif_orientation_is_applied(tmp_path):
    image = builders.text_page(width=1000).convert("RGB")  # wider than tall
    exif = Image.Exif()
    exif[0x0112] = 6  # display rotated 90 degrees clockwise
    doc = _ingest(builders.encode(image, "JPEG", exif=exif.tobytes()), tmp_path)
    (page,) = doc.pages
    assert (page.width, page.height) == (image.height, image.width)
    with Image.open(page.image_path) as written:
        assert written.size == (image.height, image.width)


def test_dpi_kept_when_declared_assumed_when_missing_and_small_images_upscaled(tmp_path):
    page = builders.text_page(width=1000)
    assert _ingest(builders.encode(page, "PNG", dpi=(200, 200)), tmp_path / "a").pages[0].dpi == 200
    assert _ingest(builders.encode(page, "PNG"), tmp_path / "b").pages[0].dpi == CONFIG.dpi
    small = page.resize((400, 120))
    (upscaled,) = _ingest(builders.encode(small, "PNG", dpi=(150, 150)), tmp_path / "c").pages
    assert upscaled.width > 400 * 2 and upscaled.dpi > 150 * 2
    assert upscaled.width / upscaled.height == pytest.approx(400 / 120, rel=0.02)


# -- PDFs ---------------------------------------------------------------------------------------------
def test_born_digital_pdf_pages_come_from_the_text_layer(tmp_path, corpus):
    doc = ingest_path(
        corpus / "invoice2data-dev" / "images" / "AzureInterior.pdf", config=CONFIG, workdir=tmp_path
    )
    (page,) = doc.pages
    assert page.text_page is not None and page.image_path is None and not page.needs_ocr
    text_page = page.text_page
    assert text_page.source == TEXT_LAYER and text_page.engine
    text = text_page.text.lower()
    for earlier, later in [
        ("invoice", "inv/2023/03/0008"),
        ("description", "quantity"),
        ("beeswax", "office chair"),
    ]:
        assert earlier in text and later in text and text.index(earlier) < text.index(later)
    assert len(text_page.words) > 50
    for line in text_page.lines:
        assert line.bbox.x0 <= min(w.bbox.x0 for w in line.words) and line.bbox.x1 >= max(
            w.bbox.x1 for w in line.words
        )
        assert [w.bbox.x0 for w in line.words] == sorted(w.bbox.x0 for w in line.words)
    tops = [block.bbox.y0 for block in text_page.blocks]
    assert tops[0] < 0.35  # the title is near the top of the page, not mirrored (PDF y axis flipped)


def test_pdf_without_text_layer_is_rendered_at_the_configured_dpi(tmp_path):
    scan = builders.text_page(width=1000)
    doc = _ingest(builders.image_pdf([scan, scan]), tmp_path, config=OcrConfig(dpi=200))
    assert len(doc.pages) == 2
    for page in doc.pages:
        assert page.needs_ocr and page.dpi == 200
        with Image.open(page.image_path) as image:
            # PIL wrote the page at 150 dpi: 1000 px -> 6.67 in -> 1333 px at 200 dpi
            assert image.size == (page.width, page.height)
            assert page.width == pytest.approx(1000 * 200 / 150, abs=2)


# -- bad input, each with its code --------------------------------------------------------------------
def test_empty_file(tmp_path):
    assert _code(b"", tmp_path) == "empty_file"
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(OcrPipelineError) as info:
        ingest_path(empty, config=CONFIG, workdir=tmp_path)
    assert info.value.code == "empty_file"


def test_missing_file(tmp_path):
    with pytest.raises(OcrPipelineError) as info:
        ingest_path(tmp_path / "nope.pdf", config=CONFIG)
    assert info.value.code == "file_not_found"


def test_truncated_images_and_pdf_are_corrupt(tmp_path):
    page = builders.text_page(width=900).convert("RGB")
    png = builders.encode(page, "PNG")
    jpeg = builders.encode(page, "JPEG")
    assert _code(png[: len(png) // 2], tmp_path / "png") == "corrupt_file"
    assert _code(jpeg[: len(jpeg) // 2], tmp_path / "jpg") == "corrupt_file"
    assert _code(b"%PDF-1.7\n" + bytes(range(256)) * 20, tmp_path / "pdf") == "corrupt_file"


def test_encrypted_pdf(tmp_path):
    assert _code(builders.encrypted_pdf(), tmp_path) == "encrypted_pdf"


def test_file_too_large_is_refused_before_reading(tmp_path):
    config = OcrConfig(limits=Limits(max_file_bytes=1000))
    assert _code(builders.blank_pdf(1) + b"\n" * 1000, tmp_path, config=config) == "file_too_large"
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * 5000)
    with pytest.raises(OcrPipelineError) as info:
        ingest_path(big, config=config)
    assert info.value.code == "file_too_large"


def test_decompression_bomb_is_refused_without_decoding(tmp_path):
    started = time.perf_counter()
    assert _code(builders.bomb_png(60_000, 60_000), tmp_path) == "image_too_large"  # 3.6 gigapixels
    config = OcrConfig(limits=Limits(max_pixels_per_page=5_000_000))
    assert _code(builders.bomb_png(4_000, 4_000), tmp_path, config=config) == "image_too_large"
    assert time.perf_counter() - started < 2.0  # decoding 3.6 Gpx would take minutes and gigabytes


def test_too_many_pages(tmp_path):
    config = OcrConfig(limits=Limits(max_pages=2))
    assert _code(builders.blank_pdf(3), tmp_path, config=config) == "too_many_pages"
    frames = [builders.text_page([f"page {n}"], width=300) for n in range(3)]
    tiff = builders.encode(frames[0], "TIFF", save_all=True, append_images=frames[1:])
    assert _code(tiff, tmp_path, config=config) == "too_many_pages"
    assert len(_ingest(builders.blank_pdf(2), tmp_path, config=config).pages) == 2


def test_text_layer_boxes_are_top_left_relative_and_follow_page_rotation(tmp_path):
    import pypdfium2 as pdfium

    data = builders.with_text_stamp(builders.blank_pdf(1), "Invoice 2024-001 ACME", x=60, y=780, size=12)
    (page,) = _ingest(data, tmp_path / "upright").pages
    words = page.text_page.words
    assert [w.text for w in words] == ["Invoice", "2024-001", "ACME"]
    first = words[0].bbox
    assert first.x0 == pytest.approx(60 / 595, abs=0.01)
    assert 0.0 < first.y0 < first.y1 == pytest.approx((842 - 780) / 842, abs=0.01)  # baseline at y=780 pt
    assert (page.width, page.height) == (round(595 * 300 / 72), round(842 * 300 / 72))

    pdf = pdfium.PdfDocument(data)
    pdf[0].set_rotation(90)  # displayed turned clockwise: the top-left text ends up top-right
    rotated = io.BytesIO()
    pdf.save(rotated)
    pdf.close()
    (turned,) = _ingest(rotated.getvalue(), tmp_path / "rotated").pages
    assert (turned.width, turned.height) == (page.height, page.width)
    box = turned.text_page.words[0].bbox
    assert box.x1 == pytest.approx(1 - first.y0, abs=0.01) and box.y0 == pytest.approx(first.x0, abs=0.01)


def test_scan_with_a_little_real_text_is_ocrd_not_read(tmp_path):
    scan = builders.image_pdf([builders.text_page()])
    stamped = builders.with_text_stamp(scan, "Scanned by OfficeJet 2024-03-12")
    (page,) = _ingest(stamped, tmp_path).pages
    assert page.needs_ocr and page.image_path and Path(page.image_path).is_file()


def test_16_bit_and_cmyk_images_become_8_bit_pages_with_their_contrast(tmp_path):
    import numpy as np

    grey = np.asarray(builders.text_page(width=900))
    sixteen = Image.fromarray(grey.astype(np.uint16) * 257)  # full 16-bit range
    cmyk = builders.text_page(width=900).convert("CMYK")
    for n, data in enumerate([builders.encode(sixteen, "PNG"), builders.encode(cmyk, "JPEG")]):
        (page,) = _ingest(data, tmp_path / str(n)).pages
        with Image.open(page.image_path) as written:
            assert written.mode in ("L", "RGB")
            low, high = written.convert("L").getextrema()
            assert low < 40 and high > 215  # black text on white paper, not a flat page
