"""Scanned PDF pages that carry another program's OCR as invisible text (a scanner's scan-to-mail,
OCRmyPDF): ingested as scans and read by our OCR (real Tesseract), the layer kept as a fallback; with
`scan_text_layer="trust"` read from the layer as before. Born-digital pages keep their text layer, also
over a full-page background image, and a mixed PDF reads each page its own way."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ocr_tasks.config import EXTRACTION_PSM, OcrConfig
from ocr_tasks.geometry import BBox
from ocr_tasks.ingest import PageInput, ingest_bytes
from ocr_tasks.ingest.scanned_pages import hidden_text_share, own_or_layer
from ocr_tasks.ocr_types import OCR, TEXT_LAYER, Block, Line, OcrPage, Word
from ocr_tasks.recognise import recognise_page
from tests.ocr_tasks import builders
from tests.ocr_tasks.sandwich_pdfs import (
    poor_sandwich,
    tesseract_sandwich,
    under_image_sandwich,
    with_pages,
)

CONFIG = OcrConfig(languages="eng", psm=EXTRACTION_PSM, workers=1, dpi=150)
TRUST = CONFIG.with_(scan_text_layer="trust")
LINES = (
    "Northwind Stationery Limited",
    "14 Harbour Road, Bristol BS1 5TT",
    "INVOICE",
    "Invoice number INV-50813",
    "Invoice date 05/03/2024",
    "Customer Fabrikam Dental Practice",
    "Qty Description Unit price Amount",
    "10 Copy paper A4 500 sheets 4.50 45.00",
    "3 Toner cartridge black 61.00 183.00",
    "5 Ring binders blue 2.10 10.50",
    "Subtotal 238.50",
    "VAT 20% 47.70",
    "Total GBP 286.20",
)


@pytest.fixture(scope="module")
def scan(tmp_path_factory) -> Path:
    """The invoice as a 150 dpi grey page image (what a scanner stores)."""
    path = tmp_path_factory.mktemp("scan") / "page.png"
    builders.text_page(LINES, width=1240, size=26).save(path, dpi=(150, 150))
    return path


def _ingest(data: bytes, tmp_path: Path, config: OcrConfig = CONFIG):
    return ingest_bytes(data, name="scan.pdf", config=config, workdir=tmp_path).pages


def _born_digital(*, background: bool) -> bytes:
    """An invoice page drawn with reportlab as visible text, over a full-page letterhead image or not."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    if background:
        paper = Image.new("L", (620, 877), 235)
        pdf.drawImage(ImageReader(paper), 0, 0, width=A4[0], height=A4[1])
    pdf.setFont("Helvetica", 11)
    for row, text in enumerate(LINES):
        pdf.drawString(60, A4[1] - 80 - 20 * row, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_page_under_tesseracts_ocr_layer_is_ocrd_and_the_layer_kept(scan, tmp_path):
    (page,) = _ingest(tesseract_sandwich(scan), tmp_path)
    assert page.needs_ocr and page.image_path and Path(page.image_path).is_file()
    layer = page.scan_text_layer
    assert layer is not None and layer.source == TEXT_LAYER and "INV-50813" in [w.text for w in layer.words]
    reading = recognise_page(page, CONFIG)
    assert reading.source == OCR and reading.engine == "tesseract"
    words = [w.text for w in reading.words]
    assert "INV-50813" in words and "286.20" in words


def test_trust_reads_the_layer_without_ocr(scan, tmp_path):
    (page,) = _ingest(tesseract_sandwich(scan), tmp_path, TRUST)
    assert not page.needs_ocr and page.image_path is None
    assert "INV-50813" in [w.text for w in page.text_page.words]


def test_a_poor_scanner_layer_is_not_the_pages_text(scan, tmp_path):
    """The cheap scanner's layer confuses characters; our own reading of the image does not."""
    pdf = poor_sandwich(scan, seed=3, confusion=0.3)
    (trusted,) = _ingest(pdf, tmp_path / "trust", TRUST)
    layer_words = [w.text for w in trusted.text_page.words]
    assert "286.20" not in layer_words or "INV-50813" not in layer_words  # the layer's mistakes
    (page,) = _ingest(pdf, tmp_path / "ocr")
    assert page.needs_ocr
    words = [w.text for w in recognise_page(page, CONFIG).words]
    assert "INV-50813" in words and "286.20" in words


def test_text_hidden_under_the_page_image_is_another_programs_ocr(scan, tmp_path):
    (page,) = _ingest(under_image_sandwich(scan), tmp_path)
    assert page.needs_ocr and page.scan_text_layer is not None


def test_born_digital_pages_keep_their_text_layer_over_a_background_image(tmp_path):
    for background in (False, True):
        (page,) = _ingest(_born_digital(background=background), tmp_path / str(background))
        assert not page.needs_ocr and page.text_page is not None
        assert "INV-50813" in [w.text for w in page.text_page.words]


def test_a_mixed_pdf_reads_each_page_its_own_way(scan, tmp_path):
    """A born-digital invoice with a scanned delivery note (and its scanner's OCR) appended."""
    invoice, note = _ingest(with_pages(_born_digital(background=False), tesseract_sandwich(scan)), tmp_path)
    assert not invoice.needs_ocr and invoice.text_page.source == TEXT_LAYER
    assert note.needs_ocr and note.image_path and note.scan_text_layer is not None


def test_hidden_share_counts_invisible_characters(scan):
    import pypdfium2 as pdfium

    for data, expected in ((tesseract_sandwich(scan), 1.0), (_born_digital(background=True), 0.0)):
        pdf = pdfium.PdfDocument(data)
        try:
            page = pdf[0]
            assert hidden_text_share(page) == pytest.approx(expected)
            page.close()
        finally:
            pdf.close()


def _page(texts: list[str], source: str) -> OcrPage:
    words = [
        Word(text=t, bbox=BBox(0.1 * i, 0.1, 0.1 * i + 0.08, 0.12), confidence=0.9)
        for i, t in enumerate(texts)
    ]
    blocks = (Block.of([Line.of(words)]),) if words else ()
    return OcrPage(index=0, width=100, height=100, dpi=150, blocks=blocks, source=source)


def test_our_reading_wins_unless_it_found_almost_nothing():
    layer = _page(["Invoice", "INV-50813", "Total", "286.20"], TEXT_LAYER)
    assert own_or_layer(_page(["Invoice", "INV-5O813"], OCR), layer).source == OCR
    assert own_or_layer(_page(["~"], OCR), layer) is layer
    assert own_or_layer(_page([], OCR), None).source == OCR


class _BlindEngine:
    """An engine that reads nothing (an image too poor for it)."""

    name = "blind"
    version = "0"

    def recognise(self, page, config):
        return _page([], OCR)


def test_recognise_falls_back_on_the_layer_when_the_engine_reads_nothing(scan, tmp_path):
    (page,) = _ingest(tesseract_sandwich(scan), tmp_path)
    assert recognise_page(page, CONFIG, _BlindEngine()) is not None
    assert recognise_page(page, CONFIG, _BlindEngine()).source == TEXT_LAYER
    again = PageInput.from_dict(page.to_dict())
    assert again.scan_text_layer is not None and len(again.scan_text_layer.words) == len(
        page.scan_text_layer.words
    )


def test_an_unknown_scan_text_layer_setting_is_refused():
    with pytest.raises(ValueError, match="scan_text_layer"):
        OcrConfig(scan_text_layer="sometimes")


def test_the_ocr_command_reads_the_layer_only_when_told_to_trust_it(scan, tmp_path, capsys):
    import json

    from ocr_tasks.cli import main as cli_main

    pdf = tmp_path / "scanned.pdf"
    pdf.write_bytes(tesseract_sandwich(scan))
    sources = {}
    for choice in ("ocr", "trust"):
        assert cli_main.main(["ocr", str(pdf), "--workers", "1", "--scan-text-layer", choice]) == 0
        sources[choice] = json.loads(capsys.readouterr().out)["pages"][0]["source"]
    assert sources == {"ocr": OCR, "trust": TEXT_LAYER}
