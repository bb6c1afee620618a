"""Exports: JSON round trip, plain text in reading order, well-formed hOCR with pixel boxes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from ocr_tasks.exporters import export, to_hocr, to_json, to_text
from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import Block, Line, OcrDocument, OcrPage, SourceDocument, Word


def _word(text: str, x0: float, y0: float) -> Word:
    return Word(text=text, bbox=BBox(x0, y0, x0 + 0.1, y0 + 0.05), confidence=0.87)


DOC = OcrDocument(
    source=SourceDocument(
        id="d1", uri="file:///tmp/a.pdf", media_type="application/pdf", sha256="ab" * 32, name="a <&> b.pdf"
    ),
    pages=(
        OcrPage(
            index=0,
            width=2000,
            height=1000,
            dpi=300,
            engine="tesseract",
            engine_version="5.3.0",
            blocks=(
                Block.of(
                    [
                        Line.of([_word("Invoice", 0.1, 0.1), _word("A&B", 0.3, 0.1)]),
                        Line.of([_word("Date", 0.1, 0.2)]),
                    ]
                ),
                Block.of([Line.of([_word("Total", 0.5, 0.8)])]),
            ),
        ),
        OcrPage(
            index=1,
            width=2000,
            height=1000,
            dpi=300,
            engine="tesseract",
            engine_version="5.3.0",
            blocks=(Block.of([Line.of([_word("Page", 0.1, 0.1), _word("two", 0.3, 0.1)])]),),
        ),
    ),
)


def test_json_round_trips():
    restored = OcrDocument.from_dict(json.loads(to_json(DOC)))
    assert restored.to_dict() == DOC.to_dict() and restored.text == DOC.text  # boxes rounded to 1e-6
    assert json.loads(export(DOC, "json"))["pages"][1]["blocks"][0]["lines"][0]["words"][1]["text"] == "two"


def test_text_is_in_reading_order_with_blocks_and_pages_separated():
    assert to_text(DOC) == "Invoice A&B\nDate\n\nTotal\n\f\nPage two\n"


def test_hocr_is_well_formed_with_pixel_boxes_and_confidences():
    root = ET.fromstring(to_hocr(DOC).encode())
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    pages = root.findall(".//h:div[@class='ocr_page']", ns)
    assert len(pages) == 2 and "bbox 0 0 2000 1000" in pages[0].get("title")
    words = root.findall(".//h:span[@class='ocrx_word']", ns)
    assert [w.text for w in words] == ["Invoice", "A&B", "Date", "Total", "Page", "two"]
    assert words[0].get("title") == "bbox 200 100 400 150; x_wconf 87"
    lines = pages[0].findall(".//h:span[@class='ocr_line']", ns)
    assert lines[0].get("title") == "bbox 200 100 800 150"
    assert root.find(".//h:meta[@name='ocr-system']", ns).get("content") == "tesseract 5.3.0"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        export(DOC, "pdf")
