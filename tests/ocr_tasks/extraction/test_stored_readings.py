"""A document gives the same fields whether it is extracted when it is read or later from its stored OCR:
the flow extracts the reading it just made; a re-extraction, and the bench's cache, extract the stored copy
(`to_dict` -> JSON -> `from_dict`), which must hold every bit of each box (`ocr_types.exact_box`)."""

from __future__ import annotations

import json

from ocr_tasks.config import EXTRACTION_PSM, OcrConfig
from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.geometry import BBox
from ocr_tasks.ingest import ingest_path
from ocr_tasks.ocr_types import TEXT_LAYER, Block, Line, OcrDocument, OcrPage, Word
from ocr_tasks.recognise import recognise_document

# monospaced text layer whose totals table heads its columns exactly two character widths apart
# (`Warenwert  Zu-/Abschlag  Fracht-Verp-Vers ...`): boxes rounded to 6 decimals read other column gaps
TABLE = "einvoice-dev/pdf/additional-data-sample-1.pdf"


def _stored(document: OcrDocument) -> OcrDocument:
    return OcrDocument.from_dict(json.loads(json.dumps(document.to_dict())))


def _fields(document: OcrDocument) -> dict:
    invoice = extract_invoice(document, options=ExtractionOptions(scorer="hand"))
    return invoice.to_dict()


def _read(corpus, tmp_path) -> OcrDocument:
    config = OcrConfig(psm=EXTRACTION_PSM, workers=1)
    return recognise_document(ingest_path(corpus / TABLE, config=config, workdir=tmp_path), config, workers=1)


def test_a_text_layer_and_its_stored_copy_give_the_same_fields(corpus, tmp_path):
    fresh = _read(corpus, tmp_path)
    assert _fields(fresh) == _fields(_stored(fresh))


def test_a_stored_reading_reads_back_equal(corpus, tmp_path):
    fresh = _read(corpus, tmp_path)
    assert _stored(fresh) == fresh


def test_a_word_keeps_every_bit_of_its_box_and_confidence():
    word = Word(text="1/7", bbox=BBox(1 / 7, 2 / 7, 3 / 7, 0.5 + 1e-9), confidence=2 / 3)
    page = OcrPage(
        index=0, width=595, height=842, dpi=72, blocks=(Block.of([Line.of([word])]),), source=TEXT_LAYER
    )
    stored = OcrPage.from_dict(json.loads(json.dumps(page.to_dict())))
    assert stored.blocks[0].lines[0].words[0] == word
    assert stored.blocks == page.blocks
