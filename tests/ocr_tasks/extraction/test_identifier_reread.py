"""An unsure invoice number is read again from its box (issue 13: SROIE X00016469672's `CS00004040` was
read `s00004040`, conf 0.46, its word box as wide as ten characters; a re-read of the box gave the whole
number). The extraction rule, with a stand-in region reader: the re-read replaces the value only when it
extends the first reading."""

from __future__ import annotations

from dataclasses import replace

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import OCR, Block, Line, OcrDocument
from tests.ocr_tasks.extraction.layout_pages import text_layer_page


def _scanned_receipt(number: str, confidence: float) -> OcrDocument:
    """A receipt as Tesseract gives it (image page), the document number's word read with `confidence`."""
    doc = text_layer_page(
        [
            [("SOON HUAT MACHINERY ENTERPRISE", 0.10)],
            [("NO.53 JALAN PUTRA 1, 81200 JOHOR BAHRU", 0.10)],
            [("CASH SALES", 0.35)],
            [("Doc No.", 0.05), (number, 0.30), ("Date:", 0.65), ("11/01/2019", 0.77)],
            [("ENGINE OIL", 0.05), ("1", 0.40), ("17.00", 0.60), ("17.00", 0.80)],
            [("Total Sales :", 0.40), ("17.00", 0.80)],
            [("CASH :", 0.40), ("17.00", 0.80)],
        ]
    )
    page = doc.pages[0]
    blocks = tuple(
        Block.of(
            [
                Line.of([replace(w, confidence=confidence) if w.text == number else w for w in line.words])
                for line in block.lines
            ]
        )
        for block in page.blocks
    )
    return replace(doc, pages=(replace(page, blocks=blocks, source=OCR),))


class _Reader:
    """Stands in for `tesseract_regions`' reader: returns `text` for every region it is asked about."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.regions: list[BBox] = []

    def __call__(self, page: int, region: BBox) -> str:
        self.regions.append(region)
        return self.text


def _number(document: OcrDocument, reader: _Reader) -> str:
    invoice = extract_invoice(document, options=ExtractionOptions(region_reader=reader))
    return invoice.fields["invoice_number"].value


def test_an_unsure_number_is_extended_by_the_reread_of_its_box():
    reader = _Reader("CS00004040\n")
    assert _number(_scanned_receipt("s00004040", 0.46), reader) == "CS00004040"
    box = reader.regions[-1]
    assert box.x0 >= 0.29 and box.x1 <= 0.40  # the word's box, not the whole row


def test_a_reread_that_does_not_contain_the_first_reading_is_not_taken():
    assert _number(_scanned_receipt("s00004040", 0.46), _Reader("CS00004848")) == "s00004040"
    assert _number(_scanned_receipt("s00004040", 0.46), _Reader("Doc No. CS00004040")) == "s00004040"


def test_a_sure_number_is_not_read_again():
    reader = _Reader("CS00004040")
    assert _number(_scanned_receipt("s00004040", 0.97), reader) == "s00004040"
