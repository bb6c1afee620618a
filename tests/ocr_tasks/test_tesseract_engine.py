"""The Tesseract engine on real Tesseract: words, lines, reading order, boxes, orientation and skew
correction, timeouts. Pages are small synthetic renders (fast); one real receipt from the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from ocr_tasks.config import Limits, OcrConfig
from ocr_tasks.engines import OcrEngine, get_engine
from ocr_tasks.engines.tesseract import TesseractEngine
from ocr_tasks.errors import OcrTimeout
from ocr_tasks.ingest import ingest_bytes, ingest_path
from ocr_tasks.ocr_types import OCR
from tests.ocr_tasks import builders
from tests.ocr_tasks.text_checks import assert_in_order

CONFIG = OcrConfig(workers=1)
EXPECTED = (
    "acme office supplies",
    "invoice number inv-2024-0042",
    "date 12 march 2024",
    "total due eur 62.40",
)


@pytest.fixture(scope="module")
def engine() -> TesseractEngine:
    return TesseractEngine()


def _recognise(engine, image: Image.Image, tmp_path: Path, config: OcrConfig = CONFIG):
    doc = ingest_bytes(builders.encode(image, "PNG"), name="page.png", config=config, workdir=tmp_path)
    return engine.recognise(doc.pages[0], config)


def test_registry_gives_a_tesseract_engine_with_name_and_version():
    engine = get_engine()
    assert isinstance(engine, OcrEngine) and isinstance(engine, TesseractEngine)
    assert engine.name == "tesseract" and engine.version[0].isdigit()
    with pytest.raises(ValueError):
        get_engine("no-such-engine")


def test_words_lines_reading_order_and_boxes(engine, tmp_path):
    page = _recognise(engine, builders.text_page(), tmp_path)
    assert page.source == OCR and page.engine == "tesseract" and page.engine_version
    assert page.rotation == 0 and page.skew == 0.0
    assert_in_order(page.text, *EXPECTED)
    lines = page.lines
    assert len(lines) == len(builders.INVOICE_LINES)
    assert [line.bbox.y0 for line in lines] == sorted(line.bbox.y0 for line in lines)
    for line in lines:
        xs = [w.bbox.x0 for w in line.words]
        assert xs == sorted(xs)
        assert line.bbox.x0 == min(w.bbox.x0 for w in line.words)
        assert line.bbox.x1 == max(w.bbox.x1 for w in line.words)
        assert line.bbox.y0 == min(w.bbox.y0 for w in line.words)
        assert line.bbox.y1 == max(w.bbox.y1 for w in line.words)
    for word in page.words:
        assert 0.0 <= word.bbox.x0 < word.bbox.x1 <= 1.0 and 0.0 <= word.bbox.y0 < word.bbox.y1 <= 1.0
        assert 0.0 <= word.confidence <= 1.0
    assert page.confidence > 0.8
    total = next(line for line in lines if "total" in line.text.lower())
    # the last rendered line sits at the bottom of the page, left margin at 60 px of 1400
    assert total.bbox.y0 > 0.75 and total.bbox.x0 == pytest.approx(60 / 1400, abs=0.01)


@pytest.mark.parametrize("angle", [90, 180, 270])
def test_rotated_pages_are_turned_upright(engine, tmp_path, angle):
    upright = builders.text_page()
    page = _recognise(engine, upright.rotate(angle, expand=True, fillcolor=255), tmp_path)
    assert page.rotation == angle  # PIL rotates counter-clockwise; the fix is the same angle clockwise
    assert (page.width, page.height) == upright.size
    assert_in_order(page.text, *EXPECTED)


@pytest.mark.parametrize("angle", [4.0, -3.0])
def test_skewed_pages_are_deskewed(engine, tmp_path, angle):
    skewed = builders.text_page().rotate(angle, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    page = _recognise(engine, skewed, tmp_path)
    assert page.skew == pytest.approx(angle, abs=0.5)
    assert page.rotation == 0
    assert_in_order(page.text, *EXPECTED)
    assert len(page.lines) == len(builders.INVOICE_LINES)


def test_two_languages_at_once(engine, tmp_path):
    german = builders.text_page(["Rechnung für Müller GmbH", "Straße 5, Größe XL", "Gesamtbetrag 99,00"])
    page = _recognise(engine, german, tmp_path, OcrConfig(workers=1, languages="eng+deu"))
    assert page.language == "eng+deu"
    assert_in_order(page.text, "rechnung für müller", "straße", "größe", "gesamtbetrag 99,00")


def test_page_timeout_is_an_ocr_timeout(engine, tmp_path):
    config = OcrConfig(workers=1, limits=Limits(page_timeout_seconds=0.01))
    with pytest.raises(OcrTimeout) as info:
        _recognise(engine, builders.text_page(), tmp_path, config)
    assert info.value.code == "ocr_timeout" and info.value.transient


def test_sroie_receipt(engine, tmp_path, corpus):
    receipt = corpus / "sroie-sample" / "images" / "X51005433492.jpg"
    doc = ingest_path(receipt, config=CONFIG, workdir=tmp_path)
    page = engine.recognise(doc.pages[0], CONFIG)
    with Image.open(receipt) as image:
        assert (page.width, page.height) == image.size  # upright scan: recognised as it is
    assert page.rotation == 0
    assert_in_order(page.text, "unihakka international sdn bhd", "johor", "total", "8.20")
    truth = [
        line.split(",", 8)[8]
        for line in (corpus / "sroie-sample" / "ocr_lines" / "X51005433492.txt")
        .read_text(encoding="utf-8", errors="replace")
        .splitlines()
        if line.count(",") >= 8
    ]
    truth_words = {w.lower() for line in truth for w in line.split() if len(w) > 2}
    found = {w.text.lower() for w in page.words}
    assert len(truth_words & found) / len(truth_words) > 0.5  # word recall (baseline in ENVIRONMENT.md ~0.7)


def test_tesseract_failure_is_an_ocr_failed_error(engine, tmp_path):
    from ocr_tasks.errors import OcrEngineError

    with pytest.raises(OcrEngineError) as info:
        _recognise(engine, builders.text_page(["x"]), tmp_path, OcrConfig(workers=1, languages="xxx"))
    assert info.value.code == "ocr_failed" and "xxx" in info.value.message


def test_faint_sideways_receipt_is_turned_even_when_osd_cannot_tell(engine, tmp_path, corpus):
    receipt = Image.open(corpus / "sroie-sample" / "images" / "X51005433494.jpg")
    sideways = receipt.rotate(90, expand=True)  # OSD answers "too few characters" on this one
    doc = ingest_bytes(
        builders.encode(sideways, "JPEG", quality=95), name="r.jpg", config=CONFIG, workdir=tmp_path
    )
    page = engine.recognise(doc.pages[0], CONFIG)
    assert page.rotation == 90
    assert (page.width, page.height) == receipt.size
    assert_in_order(page.text, "bhd", "gst", "thank you for your patronage")


def test_the_c_api_reads_a_receipt_exactly_as_the_cli(engine, tmp_path, corpus, monkeypatch):
    from ocr_tasks.engines import tesseract_api

    assert tesseract_api.available()  # tesserocr is built against the CLI's libtesseract by setup
    doc = ingest_path(
        corpus / "sroie-sample" / "images" / "X51005433492.jpg", config=CONFIG, workdir=tmp_path
    )
    through_api = engine.recognise(doc.pages[0], CONFIG)
    monkeypatch.setenv("OCR_TESSERACT_BINDING", "cli")
    assert not tesseract_api.available()
    through_cli = engine.recognise(doc.pages[0], CONFIG)
    assert through_api.words and through_api.blocks == through_cli.blocks  # words, boxes, confidences


def test_the_c_api_lends_each_engine_to_one_thread_at_a_time_and_reports_unreadable_images(tmp_path):
    import threading
    from contextlib import ExitStack

    from ocr_tasks.engines import tesseract_api
    from ocr_tasks.errors import OcrEngineError

    pool = tesseract_api._EnginePool()
    with pool.lend("eng", 3) as mine:
        with pool.lend("eng", 3) as busy, pool.lend("eng", 6) as other_mode:
            assert busy is not mine and other_mode is not mine  # in use: never lent twice
    assert pool.idle("eng", 3) == 2 and pool.idle("eng", 6) == 1
    lent = []

    def read_in_a_new_thread():  # a flow run's fresh thread pool finds the engines already made
        with pool.lend("eng", 3) as api:
            lent.append(api)

    thread = threading.Thread(target=read_in_a_new_thread)
    thread.start(), thread.join()
    assert lent[0] in (mine, busy) and pool.idle("eng", 3) == 2
    with ExitStack() as stack:  # more at once than are kept idle: the extra ones are ended when given back
        for _ in range(tesseract_api.MAX_IDLE_ENGINES + 2):
            stack.enter_context(pool.lend("eng", 3))
    assert pool.idle("eng", 3) == tesseract_api.MAX_IDLE_ENGINES
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    with pytest.raises(OcrEngineError) as info:
        tesseract_api.image_to_data(str(broken), CONFIG, timeout=10)
    assert info.value.code == "ocr_failed" and "broken.png" in info.value.message
