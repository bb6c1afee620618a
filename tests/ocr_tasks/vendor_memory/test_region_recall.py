"""Re-reading the remembered region with real Tesseract (issue 15): a receipt whose first OCR pass garbled
the date (`O3/v3/2O17`) gets it from the memory's region read again on the page image; one crop per such
field, none for another vendor's receipt, none without page images (the text-layer path)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.extraction.tesseract_regions import TesseractRegionReader
from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import OCR, Block, Line, OcrDocument, OcrPage, SourceDocument, Word
from ocr_tasks.vendor_memory import VendorMemory, learn
from tests.ocr_tasks.vendor_memory.documents import WHEN

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
W, H = 900, 1300


def receipt(
    path: Path,
    name: str,
    day: str,
    total: str,
    *,
    misread: dict[str, str] | None = None,
    date_label: str = "Date:",
) -> OcrDocument:
    """A receipt drawn on a page image, and its OCR reading (the words where they are drawn; `misread`:
    words the first OCR pass got wrong)."""
    rows = [
        (name, 180, 60),
        ("NO 12 JALAN TEMENGGUNG 21/9", 150, 110),
        ("43200 CHERAS, SELANGOR", 200, 160),
        ("Bill No: CS10234", 60, 280),
        (f"{date_label} {day}", 60, 330),
        ("NASI LEMAK", 60, 430),
        ("6.50", 700, 430),
        ("TEH TARIK", 60, 480),
        ("2.20", 700, 480),
        ("TOTAL", 60, 580),
        (total, 700, 580),
        ("THANK YOU", 330, 700),
    ]
    font = ImageFont.truetype(FONT, 30)
    image = Image.new("L", (W, H), 255)
    draw = ImageDraw.Draw(image)
    space = draw.textlength(" ", font=font)
    lines = []
    for text, x, y in rows:
        words, cursor = [], float(x)
        for token in text.split():
            draw.text((cursor, y), token, font=font, fill=0)
            left, top, right, bottom = draw.textbbox((cursor, y), token, font=font)
            shown = (misread or {}).get(token, token)
            words.append(Word(shown, BBox(left / W, top / H, right / W, bottom / H), 0.9))
            cursor = right + space
        lines.append(Line.of(words))
    image.save(path)
    page = OcrPage(
        index=0, width=W, height=H, dpi=200, blocks=tuple(Block.of([ln]) for ln in lines), source=OCR
    )
    return OcrDocument(SourceDocument(path.stem, path.as_uri(), "image/png", "0" * 64), (page,))


class CountingReader:
    """A real `TesseractRegionReader` over one page image that counts its crops."""

    def __init__(self, path: Path) -> None:
        self.reader = TesseractRegionReader({0: (str(path), 0, 0.0)})
        self.boxes: list[BBox] = []

    def __call__(self, page: int, box: BBox) -> str:
        self.boxes.append(box)
        return self.reader(page, box)


@pytest.fixture(scope="module")
def taught(tmp_path_factory) -> VendorMemory:
    path = tmp_path_factory.mktemp("receipts") / "first.png"
    first = receipt(path, "KEDAI MAKAN SRI MELATI", "19/02/2017", "8.70")
    final = {"vendor_name": "Kedai Makan Sri Melati", "invoice_date": "2017-02-19", "total": "8.70"}
    memory = learn(None, ocr=first, extracted=extract_invoice(first), final=final, actor="rita", when=WHEN)
    assert memory is not None and memory.lessons["invoice_date"].label == "date"
    return memory


def test_a_garbled_date_is_read_again_in_the_remembered_region(taught, tmp_path):
    path = tmp_path / "second.png"
    second = receipt(
        path, "KEDAI MAKAN SRI MELATI", "03/03/2017", "12.40", misread={"03/03/2017": "O3/v3/2O17"}
    )
    assert extract_invoice(second, memories=[taught]).get("invoice_date") != "2017-03-03"  # no images
    reader = CountingReader(path)
    result = extract_invoice(second, options=ExtractionOptions(region_reader=reader), memories=[taught])
    assert result.get("invoice_date") == "2017-03-03"
    assert "invoice_date" in result.memory["fields"]
    memory_crops = [b for b in reader.boxes if b.x1 < 0.9]  # the total's re-read reads whole rows
    assert len(memory_crops) == 1  # one crop, for the one field the page's text gave no value


def test_another_vendors_receipt_reads_no_remembered_region(taught, tmp_path):
    path = tmp_path / "other.png"
    other = receipt(
        path, "RESTORAN NASI KANDAR PELITA", "03/03/2017", "12.40", misread={"03/03/2017": "O3/v3/2O17"}
    )
    reader = CountingReader(path)
    result = extract_invoice(other, options=ExtractionOptions(region_reader=reader), memories=[taught])
    assert result.memory is None
    assert all(b.x1 >= 0.9 for b in reader.boxes)  # only the general engine's total re-read, if any


def test_a_lesson_whose_label_is_gone_reads_nothing_again(taught, tmp_path):
    path = tmp_path / "relabelled.png"
    garbled = {"03/03/2017": "O3/v3/2O17"}
    changed = receipt(
        path, "KEDAI MAKAN SRI MELATI", "03/03/2017", "12.40", misread=garbled, date_label="Tarikh"
    )
    reader = CountingReader(path)
    result = extract_invoice(changed, options=ExtractionOptions(region_reader=reader), memories=[taught])
    assert result.memory is not None  # the vendor is known, its layout changed
    assert all(b.x1 >= 0.9 for b in reader.boxes)  # no remembered region read
    assert result.get("invoice_date") != "2017-03-03"
