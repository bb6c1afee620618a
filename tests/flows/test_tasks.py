"""Task logic through `.fn()` and the small orchestration helpers, without a flow run."""

from __future__ import annotations

from concurrent.futures import Future
from types import SimpleNamespace

import pytest

from flows import tasks
from flows.memory_port import InMemoryPort
from flows.page_window import PageWindow
from flows.port import PipelinePort
from flows.progress import ProgressTracker
from flows.settings import ConfigurationError, get_port, load_factory, use_port
from ocr_tasks.anomaly import AnomalySettings
from ocr_tasks.config import OcrConfig
from ocr_tasks.errors import CorruptDocument, OcrEngineError, OcrTimeout, StorageError
from ocr_tasks.result_types import DocumentResult
from tests.flows.fakes import png_bytes


def failed_state(exc: BaseException):
    return SimpleNamespace(result=lambda raise_on_failure=True: exc)


def test_only_transient_errors_are_retried():
    assert tasks.retry_if_transient(None, None, failed_state(OcrTimeout("slow")))
    assert tasks.retry_if_transient(None, None, failed_state(StorageError("hiccup")))
    assert not tasks.retry_if_transient(None, None, failed_state(CorruptDocument("bad")))
    assert not tasks.retry_if_transient(None, None, failed_state(OcrEngineError("broken")))
    assert not tasks.retry_if_transient(None, None, failed_state(ValueError("bug")))


def test_ingest_task_reads_through_the_port_and_fails_bad_documents_alone(tmp_path):
    port = InMemoryPort()
    task_id = port.add_task(
        "p", [("a.png", png_bytes("hello")), ("b.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20)]
    )
    good, bad = port.load_task(task_id).documents

    first, second = tasks.ingest_documents.fn(port, [good, bad], OcrConfig(), str(tmp_path))
    assert first.error is None and first.source.id == good.id
    assert first.document.source.media_type == "image/png"
    assert [p.index for p in first.document.pages] == [0] and (tmp_path / good.id).is_dir()
    assert second.document is None and isinstance(second.error, CorruptDocument)


def test_read_of_a_missing_blob_is_a_transient_storage_error_that_fails_the_ingest_run():
    port = InMemoryPort()
    source = port.load_task(port.add_task("p", [("a.png", b"x")])).documents[0]
    port._blobs.clear()
    with pytest.raises(StorageError) as caught:
        tasks.ingest_documents.fn(port, [source], OcrConfig(), "unused")
    assert caught.value.transient


def test_ocr_page_task_uses_the_named_engine(fake_engines, tmp_path):
    port = InMemoryPort()
    source = port.load_task(port.add_task("p", [("a.png", png_bytes())])).documents[0]
    page = tasks.ingest_one(port, source, OcrConfig(), str(tmp_path)).pages[0]

    result = tasks.ocr_page.fn(page, OcrConfig(), "fake")

    assert result.engine == "fake" and "Total 120.00" in result.text
    assert fake_engines["fake"].calls == 1


def test_settings_of_merges_flat_and_section_settings():
    settings = tasks.settings_of(
        {"approval_threshold": 500, "ocr": {}, "anomaly": {"z_threshold": 2.0}}
    ).anomaly
    assert (settings.approval_threshold, settings.z_threshold) == (500, 2.0)
    assert settings.min_history == AnomalySettings().min_history


def test_save_results_task_writes_through_the_port_and_hands_back_bad_saves():
    port = InMemoryPort()
    task_id = port.add_task("p", [("a.png", b"x"), ("b.png", b"y"), ("c.png", b"z")])
    a, b, c = port.load_task(task_id).documents
    real_save = port.save_document_result

    def save(task, result):
        if result.source.id == b.id:
            raise ValueError("cannot store this one")
        real_save(task, result)

    port.save_document_result = save
    failed = tasks.save_results.fn(
        port, task_id, [DocumentResult(source=s, timings={"ocr": 1.0}) for s in (a, b, c)]
    )

    assert set(failed) == {b.id} and isinstance(failed[b.id], ValueError)
    assert set(port.results(task_id)) == {a.id, c.id}
    assert port.results(task_id)[c.id].timings == {"ocr": 1.0}


def test_save_results_task_stops_on_a_transient_error_so_that_it_is_retried():
    port = InMemoryPort()
    task_id = port.add_task("p", [("a.png", b"x"), ("b.png", b"y")])
    a, b = port.load_task(task_id).documents

    def save(task, result):
        raise StorageError("database locked")

    port.save_document_result = save
    with pytest.raises(StorageError):
        tasks.save_results.fn(port, task_id, [DocumentResult(source=s) for s in (a, b)])


def test_progress_never_goes_back():
    port = InMemoryPort()
    task_id = port.add_task("p", [])
    tracker = ProgressTracker(port, task_id, documents=["d1"])
    tracker.enter("ocr")
    tracker.enter("ingest")  # ignored: steps only move forward
    tracker.ingested("d1", 1)
    tracker.page_done("d1")
    tracker.page_done("d1")  # never above the total: nothing changed, nothing reported
    tracker.document_done("d1")
    log = port.progress_log(task_id)
    assert [p.step for p in log] == ["ocr"] * 4
    assert [p.pages_done for p in log] == [0, 0, 1, 1]
    assert (log[-1].pages_done, log[-1].pages_total, log[-1].documents_done) == (1, 1, 1)
    assert log[0].percent is None  # no percent while a document's page count is unknown
    percents = [p.percent for p in log[1:]]
    assert percents == sorted(percents) and percents[-1] == 99.0  # 100 only once the task has ended


class InstantFuture:
    """Just enough of a PrefectFuture for `PageWindow`."""

    def __init__(self, fn, page):
        self._future = Future()
        try:
            self._future.set_result(fn(page))
        except Exception as exc:  # noqa: BLE001
            self._future.set_exception(exc)

    def add_done_callback(self, callback):
        self._future.add_done_callback(lambda _: callback(self))

    def result(self, raise_on_failure=True):
        return self._future.result()


def test_page_window_keeps_at_most_limit_in_flight_and_stops():
    submitted = []

    def submit(page):
        submitted.append(page)
        return InstantFuture(lambda p: 1 / p, page)

    window = PageWindow(submit, limit=2)
    window.extend(("doc", page) for page in (1, 0, 4, 5))
    seen = []
    for _key, value, error in window.results():
        seen.append((value, type(error).__name__ if error else None))
        window.stop()  # after the first page back: nothing new is submitted, the page in flight returns
    assert submitted == [1, 0]
    assert seen == [(1.0, None), (None, "ZeroDivisionError")]


class QueuedFuture:
    """A page submitted to a thread pool: queued until `start()`, as Prefect's futures wrap it."""

    def __init__(self, page):
        self.page = page
        self.wrapped_future = Future()

    def start(self):
        assert self.wrapped_future.set_running_or_notify_cancel()

    def finish(self):
        self.wrapped_future.set_result(self.page * 10)

    def add_done_callback(self, callback):
        self.wrapped_future.add_done_callback(lambda _: callback(self))

    def result(self, raise_on_failure=True):
        return self.wrapped_future.result()


class QueueingRunner:
    """Submits pages as `QueuedFuture`s and keeps them, in order (`finish_at_once`: done on submission)."""

    def __init__(self, *, finish_at_once: bool = False) -> None:
        self.submitted: list[QueuedFuture] = []
        self.finish_at_once = finish_at_once

    def __call__(self, page) -> QueuedFuture:
        self.submitted.append(QueuedFuture(page))
        if self.finish_at_once:
            self.submitted[-1].start(), self.submitted[-1].finish()
        return self.submitted[-1]


def test_page_window_queues_pages_ahead_and_withdraws_them_when_stopped():
    submit = QueueingRunner()
    submitted = submit.submitted
    window = PageWindow(submit, limit=2, ahead=2)
    window.extend(("doc", page) for page in range(1, 9))
    assert next(window.results(wait=False), None) is None
    assert [f.page for f in submitted] == [1, 2, 3, 4]  # two read, two waiting for a free worker
    submitted[0].start(), submitted[1].start()
    submitted[0].finish()
    results = window.results()
    assert next(results)[:2] == ("doc", 10)
    window.stop()  # page 2 is being read; 3 and 4 are withdrawn, nothing more is submitted
    assert [f.wrapped_future.cancelled() for f in submitted] == [False, False, True, True]
    submitted[1].finish()
    assert [value for _, value, _ in results] == [20]
    assert len(submitted) == 4


def test_page_window_refills_as_pages_come_back():
    window = PageWindow(QueueingRunner(finish_at_once=True), limit=1, ahead=1)
    window.extend(("doc", page) for page in range(1, 6))
    assert [value for _, value, _ in window.results()] == [10, 20, 30, 40, 50]


def test_page_window_drops_the_queued_pages_of_a_failed_document():
    submit = QueueingRunner()
    submitted = submit.submitted
    window = PageWindow(submit, limit=1, ahead=2)
    window.extend([("bad", 1), ("bad", 2), ("good", 3), ("bad", 4)])
    assert next(window.results(wait=False), None) is None  # submits the first three
    results = window.results()
    submitted[0].start(), submitted[0].finish()
    assert next(results)[:2] == ("bad", 10)
    window.drop(lambda key: key == "bad")  # page 2 queued: withdrawn; page 4 not submitted yet
    assert submitted[1].wrapped_future.cancelled() and not submitted[2].wrapped_future.cancelled()
    submitted[2].start(), submitted[2].finish()
    assert [(key, value) for key, value, _ in results] == [("good", 30)]
    assert [f.page for f in submitted] == [1, 2, 3]


def test_port_selection_from_the_environment(monkeypatch):
    monkeypatch.setenv("OCR_PIPELINE_PORT", "flows.memory_port:default_port")
    monkeypatch.setattr("flows.settings._port", None)
    port = get_port()
    assert isinstance(port, PipelinePort) and get_port() is port
    other = InMemoryPort()
    with use_port(other):
        assert get_port() is other
    assert get_port() is port
    with pytest.raises(ConfigurationError):
        load_factory("flows.memory_port.default_port")
    with pytest.raises(ConfigurationError):
        load_factory("flows.nowhere:factory")


def test_extract_task_takes_options_from_project_settings(tmp_path):
    from ocr_tasks.ocr_types import OcrDocument
    from tests.flows.fakes import invoice_page

    port = InMemoryPort()
    source = port.load_task(port.add_task("p", [("a.png", png_bytes())])).documents[0]
    ingested = tasks.ingest_one(port, source, OcrConfig(), str(tmp_path))
    document = OcrDocument(source=source, pages=(invoice_page(ingested.pages[0]),))
    settings = {
        "extraction": {"line_items": False, "enhanced": False, "reread": False},
        "approval_threshold": 5,
    }

    invoice = tasks.extract.fn(ingested, document, "eng", settings)

    assert invoice.get("total") == "120.00" and invoice.line_items == ()
