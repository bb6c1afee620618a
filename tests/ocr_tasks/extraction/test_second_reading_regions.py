"""Second readings of the regions that matter (issue 16): which rows are read again (unsure rows holding
amounts, dates or their labels), the enhanced reading of those bands only and RapidOCR recognising only
their lines (real Tesseract and RapidOCR), the rows read with confidence standing as their own second
reading, one RapidOCR engine per process, and Tesseract's C API reading images in memory as the CLI."""

from __future__ import annotations

import threading

import pytest

import ocr_tasks.engines.rapidocr_reading as rapid
from ocr_tasks.config import OcrConfig
from ocr_tasks.engines.tesseract import import_pytesseract, read_image_text
from ocr_tasks.extraction.extract import SECOND_READING_FIELDS, candidates_for
from ocr_tasks.extraction.reread import bands_to_reread, with_sure_rows
from ocr_tasks.extraction.rows import document_rows
from ocr_tasks.extraction.tesseract_regions import enhanced_reading, extract_with_page_images
from ocr_tasks.geometry import BBox
from ocr_tasks.ingest import ingest_path
from ocr_tasks.ocr_types import OCR, Block, Line, OcrDocument, OcrPage, Word
from ocr_tasks.recognise import recognise_document
from tests.ocr_tasks.builders import text_page

LINES = (
    "Northwind Traders GmbH",
    "Hauptstrasse 12 Berlin",
    "Invoice date 12/03/2024",
    "Thank you for your order",
    "Total EUR 62.40",
)


def _row_words(texts: list[str], y: float, confidence: float) -> tuple[Word, ...]:
    return tuple(
        Word(text=t, bbox=BBox(0.1 + 0.15 * i, y, 0.2 + 0.15 * i, y + 0.02), confidence=confidence)
        for i, t in enumerate(texts)
    )


def _document(rows: list[tuple[list[str], float]]) -> OcrDocument:
    """One OCR page; each row (words, confidence) 0.1 apart from the next."""
    blocks = tuple(
        Block.of([Line.of(_row_words(words, 0.05 + 0.1 * i, confidence))])
        for i, (words, confidence) in enumerate(rows)
    )
    page = OcrPage(index=0, width=1000, height=1400, dpi=300, blocks=blocks, source=OCR)
    return OcrDocument(source=None, pages=(page,))


def test_only_unsure_rows_that_matter_are_read_again():
    document = _document(
        [
            (["Northwind", "Traders"], 0.40),  # unsure, but no amount, date or label: not read again
            (["Date", "12/03/2024"], 0.95),  # a date read with confidence: stands
            (["Wie", "BENE", "12/04/2024"], 0.35),  # a date under a garbled label: read again
            (["TOTAL", "62.40"], 0.97),  # the total read with confidence: stands
            (["Ttei", "O6/C2/2016"], 0.30),  # a date the parsers cannot read (O for 0, C for 0)
        ]
    )
    rows = document_rows(document)
    bands = bands_to_reread(rows, candidates_for(document), SECOND_READING_FIELDS)
    assert list(bands) == [0]
    read_again = [
        " ".join(r.text.split())
        for r in rows
        if any(top <= r.bbox.y0 and r.bbox.y1 <= bottom for top, bottom in bands[0])
    ]
    assert read_again == ["Wie BENE 12/04/2024", "Ttei O6/C2/2016"]
    assert all(bottom - top < 0.05 for top, bottom in bands[0])  # rows with a margin, not the page


def test_rows_read_with_confidence_stand_as_their_own_second_reading():
    document = _document([(["Date", "12/03/2024"], 0.95), (["Wie", "BENE", "12/04/2024"], 0.35)])
    rows = document_rows(document)
    bands = {0: [(rows[1].bbox.y0 - 0.01, rows[1].bbox.y1 + 0.01)]}
    again_words = _row_words(["Due", "Date", "12/04/2024"], rows[1].bbox.y0, 0.9)
    again = OcrDocument(
        source=None,
        pages=(
            OcrPage(index=0, width=1000, height=1400, dpi=300, blocks=(Block.of([Line.of(again_words)]),)),
        ),
    )
    second = with_sure_rows(again, document, rows, bands)
    assert [" ".join(r.text.split()) for r in document_rows(second)] == [
        "Date 12/03/2024",
        "Due Date 12/04/2024",
    ]
    assert " ".join(with_sure_rows(None, document, rows, bands).text.split()) == "Date 12/03/2024"


@pytest.fixture(scope="module")
def page_reading(tmp_path_factory):
    """A rendered invoice page, ingested and read by real Tesseract."""
    workdir = tmp_path_factory.mktemp("regions")
    path = workdir / "page.png"
    text_page(LINES, width=1200, size=34).save(path)
    config = OcrConfig(workers=1, psm=6)
    ingested = ingest_path(path, config=config, workdir=workdir / "work")
    return ingested, recognise_document(ingested, config)


def _band_of(document: OcrDocument, text: str) -> tuple[float, float]:
    row = next(r for r in document_rows(document) if text in r.text)
    return row.bbox.y0 - row.height * 0.5, row.bbox.y1 + row.height * 0.5


def test_the_enhanced_reading_of_a_band_reads_that_band_only(page_reading):
    ingested, document = page_reading
    top, bottom = _band_of(document, "62.40")
    second = enhanced_reading(ingested, document, regions={0: [(top, bottom)]})
    assert second is not None and len(second.pages) == 1
    assert "Total EUR 62.40" in second.text
    assert "Northwind" not in second.text and "Invoice date" not in second.text
    words = [w for b in second.pages[0].blocks for line in b.lines for w in line.words]
    assert all(top <= w.bbox.y0 and w.bbox.y1 <= bottom for w in words)  # placed back on the page
    first_total = next(r for r in document_rows(document) if "62.40" in r.text).bbox
    again_total = next(r for r in document_rows(second) if "62.40" in r.text).bbox
    assert abs(first_total.y0 - again_total.y0) < 0.01 and abs(first_total.x0 - again_total.x0) < 0.02


@pytest.mark.skipif(not rapid.available(), reason="RapidOCR is not installed")
def test_rapidocr_recognises_the_lines_of_the_bands_and_those_tesseract_missed(page_reading):
    ingested, document = page_reading
    date_band = _band_of(document, "Invoice date")
    seen = [  # the first reading's lines, as if Tesseract had missed the total's line
        line.bbox
        for block in document.pages[0].blocks
        for line in block.lines
        if "62" not in " ".join(w.text for w in line.words)
    ]
    from ocr_tasks.engines.orientation import turned_page_images

    ((first, image),) = list(turned_page_images(ingested, document))
    page = rapid.read_lines_in_bands(image, [date_band], seen, dpi=first.dpi)
    text = " ".join(w.text for b in page.blocks for line in b.lines for w in line.words)
    assert "12/03/2024" in text and "62.40" in text
    assert "Northwind" not in text and "Thank" not in text  # covered and outside the bands: not recognised


@pytest.mark.skipif(not rapid.available(), reason="RapidOCR is not installed")
def test_one_rapidocr_engine_per_process_shared_by_threads(monkeypatch):
    made = []
    import rapidocr

    real = rapidocr.RapidOCR

    def counting(*args, **kwargs):
        made.append(kwargs.get("params", {}))
        return real(*args, **kwargs)

    monkeypatch.setattr(rapid, "_shared", {})
    monkeypatch.setattr(rapidocr, "RapidOCR", counting)
    engines = []
    threads = [threading.Thread(target=lambda: engines.append(rapid._engine())) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(made) == 1 and len({id(e) for e in engines}) == 1
    assert made[0]["Det.limit_side_len"] == rapid.DET_MIN_SIDE  # narrow receipts not enlarged to 736 px
    assert rapid._engine("recognise") is rapid._engine("recognise") is not engines[0]
    assert len(made) == 2


def test_the_c_api_reads_a_crop_as_the_cli_does(page_reading):
    from PIL import Image

    ingested, document = page_reading
    with Image.open(ingested.pages[0].image_path) as opened:
        image = opened.convert("L")
    top, bottom = _band_of(document, "62.40")
    crop = image.crop((0, int(top * image.height), image.width, int(bottom * image.height)))
    cli = import_pytesseract().image_to_string(crop, lang="eng", config="--psm 6")
    assert read_image_text(crop, languages="eng", psm=6, timeout=30) == cli
    assert "62.40" in cli


def test_the_default_enhanced_reading_reads_bands_not_pages(page_reading, monkeypatch):
    """With the defaults the enhanced reading gets bands, never the whole page; with `second_opinion_rows`
    RapidOCR, when asked, recognises chosen lines instead of reading the whole page."""
    import ocr_tasks.extraction.tesseract_regions as regions

    ingested, document = page_reading
    calls = {"enhanced": [], "page_second_opinion": 0, "lines_second_opinion": 0}
    real = regions.enhanced_reading

    def recording(*args, **kwargs):
        calls["enhanced"].append(kwargs.get("regions"))
        return real(*args, **kwargs)

    def whole_page(*args, **kwargs):
        calls["page_second_opinion"] += 1

    def lines(*args, **kwargs):
        calls["lines_second_opinion"] += 1

    monkeypatch.setattr(regions, "enhanced_reading", recording)
    monkeypatch.setattr(rapid, "rapidocr_reading", whole_page)
    monkeypatch.setattr(rapid, "rapidocr_lines_reading", lines)
    invoice = extract_with_page_images(ingested, document)
    assert invoice.get("total") == "62.40"
    assert all(r is not None for r in calls["enhanced"])  # bands only, when any row is unsure
    assert calls["lines_second_opinion"] == 0
    unsure = extract_with_page_images(ingested, document, second_opinion_below=1.01, second_opinion_rows=True)
    assert unsure.get("total") == "62.40"
    assert calls["lines_second_opinion"] == 1 and calls["page_second_opinion"] == 0


def test_page_detections_run_one_at_a_time(monkeypatch):
    """Detection holds a few hundred MB while it runs: threads reading pages take turns (recognition not)."""
    import time as clock

    from PIL import Image

    running, peak = [0], [0]
    guard = threading.Lock()

    class SlowDetector:
        def __call__(self, image):
            with guard:
                running[0] += 1
                peak[0] = max(peak[0], running[0])
            clock.sleep(0.05)
            with guard:
                running[0] -= 1
            return type("Found", (), {"boxes": None})()

    monkeypatch.setattr(rapid, "_engine", lambda kind="page": SlowDetector())
    image = Image.new("L", (200, 100), 255)
    threads = [
        threading.Thread(target=rapid.read_lines_in_bands, args=(image, [(0.0, 1.0)], [])) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == 1
