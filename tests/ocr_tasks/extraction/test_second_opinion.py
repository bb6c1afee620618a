"""The second opinion of another engine (RapidOCR) on amounts and dates: when it is asked, how its lines
become words, and a faint receipt whose total Tesseract does not read (real Tesseract and RapidOCR)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

import ocr_tasks.engines.rapidocr_reading as rapid
import ocr_tasks.extraction.extract as extract_module
from ocr_tasks.config import OcrConfig
from ocr_tasks.extraction import tesseract_regions
from ocr_tasks.extraction.options import ExtractionOptions
from ocr_tasks.extraction.tesseract_regions import extract_with_page_images, needs_second_opinion
from ocr_tasks.ingest import ingest_path
from ocr_tasks.normalise.amounts import normalise_amount
from ocr_tasks.normalise.dates import parse_date
from ocr_tasks.recognise import recognise_document


def invoice_with(**confidences):
    return SimpleNamespace(fields={name: SimpleNamespace(confidence=c) for name, c in confidences.items()})


@pytest.mark.parametrize(
    ("confidences", "asked"),
    [
        ({"total": 0.95, "invoice_date": 0.92}, False),
        ({"total": 0.85, "invoice_date": 0.8}, False),
        ({"total": 0.95, "invoice_date": 0.6}, True),
        ({"total": 0.95, "invoice_date": 0.75}, False),  # the date asks below 0.7 (SECOND_OPINION_SLACK)
        ({"total": 0.95, "invoice_date": 0.69}, True),
        ({"total": 0.75, "invoice_date": 0.95}, True),  # the total below 0.8
        ({"total": 0.79, "invoice_date": 0.9}, True),
        ({"total": 0.4, "invoice_date": 0.99}, True),
        ({"invoice_date": 0.99}, True),  # no total at all
        ({}, True),
    ],
)
def test_asked_when_the_total_or_date_is_missing_or_unsure(confidences, asked):
    assert needs_second_opinion(invoice_with(**confidences)) is asked


def test_lines_become_words_with_their_share_of_the_box():
    boxes = [
        [[100, 50], [300, 50], [300, 70], [100, 70]],  # "TOTAL 12.50": 11 characters over 200 px
        [[0, 0], [10, 0], [10, 10], [0, 10]],  # blank text: dropped
        [[-20, 90], [520, 90], [520, 110], [-20, 110]],
    ]  # off the page on both sides: clipped
    blocks = rapid.lines_to_blocks(boxes, ["TOTAL 12.50", "  ", "CASH"], [0.9, 0.8, 1.3], 500, 200)

    assert [[w.text for line in b.lines for w in line.words] for b in blocks] == [
        ["TOTAL", "12.50"],
        ["CASH"],
    ]
    total, amount = blocks[0].lines[0].words
    assert total.bbox.x0 == pytest.approx(0.2) and total.bbox.x1 == pytest.approx((100 + 200 * 5 / 11) / 500)
    assert amount.bbox.x1 == pytest.approx(0.6) and amount.bbox.y0 == pytest.approx(0.25)
    cash = blocks[1].lines[0].words[0]
    assert (cash.bbox.x0, cash.bbox.x1) == (0.0, 1.0) and cash.confidence == 1.0


# the fakes are no real invoices: no calibration of their confidences
RAW = ExtractionOptions(calibrate=False)


class Recorder:
    def __init__(self, result=None):
        self.calls = 0
        self.result = result

    def __call__(self, ingested, document):
        self.calls += 1
        return self.result


# the whole-page reading (the reading of chosen lines: test_second_reading_regions.py)
PAGE = {"second_opinion_rows": False}


def test_not_asked_when_switched_off_or_when_sure(monkeypatch):
    recorder = Recorder()
    monkeypatch.setattr(rapid, "rapidocr_reading", recorder)
    unsure, sure = invoice_with(total=0.3, invoice_date=0.3), invoice_with(total=0.99, invoice_date=0.95)
    document = SimpleNamespace(pages=())

    monkeypatch.setattr(
        extract_module, "extract_invoice", lambda doc, templates=(), options=None, memories=(): unsure
    )
    assert (
        extract_with_page_images(
            None,
            document,
            reread=False,
            enhanced=False,
            second_opinion=False,
            image_text=False,
            options=RAW,
            **PAGE,
        )
        is unsure
    )
    assert recorder.calls == 0
    extract_with_page_images(
        None, document, reread=False, enhanced=False, image_text=False, options=RAW, **PAGE
    )
    assert recorder.calls == 1  # asked, answered nothing: the first answer stands

    monkeypatch.setattr(
        extract_module, "extract_invoice", lambda doc, templates=(), options=None, memories=(): sure
    )
    extract_with_page_images(
        None, document, reread=False, enhanced=False, image_text=False, options=RAW, **PAGE
    )
    assert recorder.calls == 1


@pytest.mark.slow
def test_faint_receipt_total_comes_from_the_second_opinion(corpus, tmp_path):
    """A receipt whose printed total Tesseract's reading does not contain at all."""
    receipt = "X51006393376"  # a faint receipt: Tesseract reads little more than its number
    label = json.loads((corpus / "sroie-sample" / "labels" / f"{receipt}.json").read_text())
    config = OcrConfig(workers=1, psm=tesseract_regions.EXTRACTION_PSM)
    ingested = ingest_path(
        corpus / "sroie-sample" / "images" / f"{receipt}.jpg", config=config, workdir=tmp_path
    )
    document = recognise_document(ingested, config)
    expected_total = normalise_amount(label["total"])
    assert expected_total not in document.text  # the premise: Tesseract's text lacks it

    without = extract_with_page_images(ingested, document, second_opinion=False)
    with_other = extract_with_page_images(ingested, document)

    assert without.get("total") != expected_total
    assert with_other.get("total") == expected_total
    assert with_other.get("invoice_date") == parse_date(label["date"]).isoformat()
    assert rapid.available()


def test_the_threshold_is_a_setting():
    assert needs_second_opinion(invoice_with(total=0.6, invoice_date=0.6), threshold=0.5) is False
    assert needs_second_opinion(invoice_with(total=0.6, invoice_date=0.6), threshold=0.7) is True


def test_the_date_asks_lower_than_the_total_by_its_slack():
    date_only_unsure = invoice_with(total=0.9, invoice_date=0.65)
    assert needs_second_opinion(date_only_unsure, threshold=0.7) is False  # 0.65 >= 0.7 - 0.1
    assert needs_second_opinion(date_only_unsure, threshold=0.7, slack={}) is True
    assert needs_second_opinion(invoice_with(total=0.9, invoice_date=0.55), threshold=0.7) is True
