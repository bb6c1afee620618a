"""Recognition orchestration with a fake engine: page order, parallel worker processes, text-layer pages
bypassing the engine, progress callback, failures and cancellation."""

from __future__ import annotations

import os

import pytest

from ocr_tasks.config import OcrConfig
from ocr_tasks.errors import Cancelled, OcrEngineError
from ocr_tasks.geometry import BBox
from ocr_tasks.ingest import IngestedDocument, PageInput
from ocr_tasks.ocr_types import TEXT_LAYER, Block, Line, OcrPage, SourceDocument, Word
from ocr_tasks.recognise import ocr_path, recognise_document, recognise_page
from tests.ocr_tasks.fakes import FakeEngine

SOURCE = SourceDocument(id="d1", uri="", media_type="image/tiff", sha256="0" * 64)


def _text_page(index: int) -> OcrPage:
    word = Word(text="born-digital", bbox=BBox(0.1, 0.1, 0.3, 0.2), confidence=1.0)
    return OcrPage(
        index=index, width=100, height=100, dpi=300, blocks=(Block.of([Line.of([word])]),), source=TEXT_LAYER
    )


def _doc(n: int, text_pages: tuple[int, ...] = ()) -> IngestedDocument:
    pages = tuple(
        PageInput(index=i, width=100, height=100, dpi=300, text_page=_text_page(i))
        if i in text_pages
        else PageInput(index=i, width=100, height=100, dpi=300, image_path=f"/nowhere/{i}.png")
        for i in range(n)
    )
    return IngestedDocument(source=SOURCE, pages=pages)


def test_text_layer_page_is_returned_as_is_without_calling_the_engine():
    page = _doc(1, text_pages=(0,)).pages[0]
    assert recognise_page(page, OcrConfig(), FakeEngine()) is page.text_page


def test_pages_come_back_in_order_from_several_processes():
    done = []
    result = recognise_document(
        _doc(6, text_pages=(2,)),
        OcrConfig(),
        FakeEngine(),
        workers=2,
        on_page_done=lambda page: done.append(page.index),
    )
    assert [p.index for p in result.pages] == list(range(6))
    assert result.pages[2].source == TEXT_LAYER and result.pages[2].text == "born-digital"
    assert [p.words[0].text for p in result.pages if p.index != 2] == [f"page-{i}" for i in (0, 1, 3, 4, 5)]
    pids = {p.words[1].text for p in result.pages if p.index != 2}
    assert f"pid-{os.getpid()}" not in pids  # OCR pages ran in worker processes
    assert sorted(done) == list(range(6))
    assert result.source == SOURCE


def test_one_worker_runs_in_this_process():
    result = recognise_document(_doc(2), OcrConfig(), FakeEngine(), workers=1)
    assert {p.words[1].text for p in result.pages} == {f"pid-{os.getpid()}"}


def test_a_failing_page_fails_the_document_with_its_error():
    with pytest.raises(OcrEngineError) as info:
        recognise_document(_doc(4), OcrConfig(), FakeEngine(fail_on=2), workers=2)
    assert info.value.code == "ocr_failed"


def test_an_exception_from_the_callback_stops_the_document():
    seen = []

    def cancel_after_first(page):
        seen.append(page.index)
        raise Cancelled("cancelled by the user")

    with pytest.raises(Cancelled):
        recognise_document(_doc(3), OcrConfig(), FakeEngine(), workers=1, on_page_done=cancel_after_first)
    assert len(seen) == 1


def test_ocr_path_removes_its_page_images(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    doc = ocr_path(corpus / "invoice2data-dev" / "images" / "coolblue1.pdf")
    assert doc.pages and doc.pages[0].source == TEXT_LAYER
    assert "coolblue" in doc.text.lower()
    assert list(tmp_path.iterdir()) == []


def test_batch_yields_in_input_order_with_errors_and_cleans_page_images(tmp_path):
    from ocr_tasks.recognise import recognise_paths
    from tests.ocr_tasks import builders

    png = builders.encode(builders.text_page(["x"], width=900), "PNG")
    names = ["a.png", "empty.png", "b.png", "a-again.png"]
    for name in names:
        (tmp_path / name).write_bytes(b"" if name == "empty.png" else png)

    class Bar:
        total = 0
        done = 0

        def refresh(self):
            pass

        def update(self, n):
            self.done += n

    bar = Bar()
    seen_images = []
    items = []
    for item in recognise_paths(
        [tmp_path / n for n in names],
        OcrConfig(),
        engine=FakeEngine(),
        workers=2,
        progress=bar,
        lookahead_pages=1,
    ):
        items.append(item)
        if item.ingested:
            paths = [p.image_path for p in item.ingested.pages]
            assert all(os.path.exists(p) for p in paths)  # still there while the item is being used
            seen_images.extend(paths)
    assert [i.path.name for i in items] == names
    assert [i.ok for i in items] == [True, False, True, True]
    assert items[1].error.code == "empty_file"
    assert items[0].document.pages[0].words[0].text == "page-0"
    assert items[0].document.source.sha256 == items[3].document.source.sha256  # same content twice is fine
    assert bar.total == 3 and bar.done == 3
    assert seen_images and not any(os.path.exists(p) for p in seen_images)


def test_a_dead_worker_fails_its_pages_and_the_pool_recovers_for_later_ones():
    from ocr_tasks.recognise import PageRecogniser, page_result
    from tests.ocr_tasks.fakes import DyingEngine

    pages = _doc(4).pages
    with PageRecogniser(OcrConfig(), DyingEngine(die_on=0), workers=2) as pool:
        first = pool.submit(pages[0])
        with pytest.raises(OcrEngineError):
            page_result(first)
        later = [pool.submit(p) for p in pages[1:]]
        assert [page_result(f).words[0].text for f in later] == ["page-1", "page-2", "page-3"]


def test_workers_are_forked_only_from_a_single_threaded_process():
    import threading

    from ocr_tasks.recognise import _worker_context

    if threading.active_count() == 1:
        assert _worker_context().get_start_method() == "fork"
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert _worker_context().get_start_method() == "forkserver"
    finally:
        release.set()
        thread.join()
