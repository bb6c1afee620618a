"""`process_invoices` orchestration with fake OCR engines: failures, retries, cancellation, progress."""

from __future__ import annotations

import itertools
import threading
import time

import pytest

from flows.port import CANCELLED, FAILED, PARTIALLY_FAILED, SUCCEEDED
from flows.process import process_invoices
from flows.progress import STEPS
from tests.flows.fakes import fake_settings, png_bytes


def assert_monotone(log) -> None:
    assert log, "no progress was reported"
    for before, after in itertools.pairwise(log):
        assert after.documents_done >= before.documents_done
        assert after.pages_done >= before.pages_done
        assert after.pages_total >= before.pages_total
        assert STEPS.index(after.step) >= STEPS.index(before.step)
        assert after.pages_done <= after.pages_total and after.documents_done <= after.documents_total


def pngs(count: int) -> list[tuple[str, bytes]]:
    return [(f"page-{i}.png", png_bytes(f"invoice {i}")) for i in range(count)]


def test_documents_are_ingested_a_few_per_task_run_and_a_bad_one_among_them_fails_alone(
    port, fake_engines, monkeypatch
):
    import flows.tasks

    runs = []
    ingest = flows.tasks.ingest_documents

    def counted(port_, sources, *args):
        runs.append(len(sources.unquote()))  # passed quote()d
        return ingest(port_, sources, *args)

    monkeypatch.setattr(flows.tasks, "ingest_documents", counted)
    files = pngs(16)
    files.insert(5, ("broken.png", png_bytes()[:60]))  # ingested in one run with good documents
    task_id = port.add_task("p1", files, settings=fake_settings("paced"))

    summary = process_invoices(task_id)

    assert summary["status"] == PARTIALLY_FAILED and len(port.results(task_id)) == 16
    assert [e.code for e in port.failures(task_id).values()] == ["corrupt_file"]
    assert runs[0] == 1 and sum(runs) == 17 and len(runs) <= 6  # the first alone: OCR starts at once
    log = port.progress_log(task_id)
    assert_monotone(log)
    # the page total is the pages counted when the files were received (the broken file's are not),
    # from the first report on, while most pages are to be read
    assert {p.pages_total for p in log} == {16}
    ocr_step = next(p for p in log if p.step == "ocr")
    assert ocr_step.pages_done < 16
    assert log[-1].pages_total == log[-1].pages_done == 16


def test_one_corrupt_file_fails_alone(port, fake_engines):
    files = pngs(2) + [("broken.png", png_bytes()[:60]), ("notes.txt", b"just some text, not an invoice")]
    task_id = port.add_task("p1", files, settings=fake_settings("fake"))

    summary = process_invoices(task_id)

    assert port.status(task_id) == PARTIALLY_FAILED == summary["status"]
    names = {doc.id: doc.name for doc in port.load_task(task_id).documents}
    failures = {names[doc_id]: error.code for doc_id, error in port.failures(task_id).items()}
    assert failures == {"broken.png": "corrupt_file", "notes.txt": "unsupported_type"}
    results = port.results(task_id)
    assert sorted(names[d] for d in results) == ["page-0.png", "page-1.png"]
    for result in results.values():
        assert result.ok
        assert result.invoice is not None and result.invoice.get("total") == "120.00"
        assert {"ingest", "ocr", "extract", "validate", "anomalies", "save", "total"} <= set(result.timings)
        assert [r.suite for r in result.validation][:2] == ["invoice_fields", "line_items"]
    log = port.progress_log(task_id)
    assert_monotone(log)
    assert (log[-1].step, log[-1].documents_done, log[-1].pages_done) == ("save", 4, 2)


def test_transient_failure_is_retried_then_succeeds(port, fake_engines):
    task_id = port.add_task("p1", pngs(1), settings=fake_settings("flaky"))

    process_invoices(task_id)

    assert fake_engines["flaky"].calls == 2
    assert port.status(task_id) == SUCCEEDED
    assert port.failures(task_id) == {}


def test_bad_input_is_not_retried(port, fake_engines):
    task_id = port.add_task("p1", pngs(1), settings=fake_settings("broken"))

    state = process_invoices(task_id, return_state=True)

    assert fake_engines["broken"].calls == 1
    assert port.status(task_id) == FAILED
    assert state.is_failed()  # Prefect's final state is the task's: not Completed
    assert state.result(raise_on_failure=False)["status"] == FAILED
    [error] = port.failures(task_id).values()
    assert (error.code, error.step) == ("ocr_failed", "ocr")
    assert port.task(task_id).error.code == "ocr_failed"


def test_cancel_mid_run_keeps_the_values_read_and_marks_every_unfinished_document(port, fake_engines):
    task_id = port.add_task("p1", pngs(8), settings=fake_settings("slow"))
    runner = threading.Thread(target=process_invoices, args=(task_id,), kwargs={"return_state": True})
    runner.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(p.pages_done >= 2 for p in port.progress_log(task_id)):
        time.sleep(0.05)
    port.cancel(task_id)
    cancelled_at = time.monotonic()
    runner.join(timeout=60)

    assert not runner.is_alive()
    assert port.status(task_id) == CANCELLED
    kept, failed = port.results(task_id), port.failures(task_id)
    # documents extracted before the cancel keep their values, saved unvalidated and marked cancelled
    assert all(r.invoice is not None and [e.code for e in r.errors] == ["cancelled"] for r in kept.values())
    assert failed and {e.code for e in failed.values()} == {"cancelled"}
    assert len(kept) + len(failed) == 8
    # stopped within the pages in flight (2 workers): the slow engine was not run on every page
    assert fake_engines["slow"].calls < 8
    assert time.monotonic() - cancelled_at < 30
    assert_monotone(port.progress_log(task_id))


def test_cancelled_before_start_reads_nothing(port, fake_engines):
    task_id = port.add_task("p1", pngs(2), settings=fake_settings("fake"))
    port.cancel(task_id)

    state = process_invoices(task_id, return_state=True)

    assert state.is_cancelled()
    assert port.status(task_id) == CANCELLED
    assert fake_engines["fake"].calls == 0
    assert port.results(task_id) == {}
    assert len(port.failures(task_id)) == 2


def test_embedded_submission_runs_the_flow_in_process(port, fake_engines):
    from flows.dispatch import task_submit

    task_id = port.add_task("p1", pngs(1), settings=fake_settings("fake"))

    submission = task_submit(task_id, mode="embedded")

    assert submission.mode == "embedded" and submission.summary["status"] == SUCCEEDED
    assert submission.flow_run_id == port.task(task_id).flow_run_id
    assert port.status(task_id) == SUCCEEDED


def test_a_document_whose_save_fails_for_good_fails_alone(port, fake_engines, monkeypatch):
    task_id = port.add_task("p1", pngs(3), settings=fake_settings("fake"))
    names = {doc.id: doc.name for doc in port.load_task(task_id).documents}
    real_save = port.save_document_result

    def save(task, result):
        if names[result.source.id] == "page-1.png":
            raise ValueError("this result cannot be stored")
        real_save(task, result)

    monkeypatch.setattr(port, "save_document_result", save)
    summary = process_invoices(task_id)

    assert port.status(task_id) == PARTIALLY_FAILED == summary["status"]
    assert sorted(names[d] for d in port.results(task_id)) == ["page-0.png", "page-2.png"]
    [(doc_id, error)] = port.failures(task_id).items()
    assert names[doc_id] == "page-1.png" and error.step == "save"
    assert_monotone(port.progress_log(task_id))
    assert port.progress_log(task_id)[-1].documents_done == 3


def test_a_task_whose_project_settings_are_misread_fails_at_once_naming_them(port, fake_engines):
    settings = {**fake_settings("fake"), "extraction": {"reread": "false", "second_opinion_below": "0.5"}}
    task_id = port.add_task("p1", pngs(2), settings=settings)

    state = process_invoices(task_id, return_state=True)

    assert state.is_failed()  # Prefect's final state is the task's
    assert state.result(raise_on_failure=False)["status"] == FAILED == port.status(task_id)
    assert port.task(task_id).error.code == "invalid_settings"
    message = port.task(task_id).error.message
    assert "extraction.reread" in message and "extraction.second_opinion_below" in message
    assert {e.code for e in port.failures(task_id).values()} == {"invalid_settings"}
    assert len(port.failures(task_id)) == 2 and not port.results(task_id)
    assert fake_engines["fake"].calls == 0  # nothing was read


def test_project_settings_check_accepts_what_the_flow_reads_and_names_what_it_would_misread():
    from flows.project_settings import InvalidSettings, check_project_settings

    check_project_settings(
        {
            "ocr_engine": "fake",
            "approval_threshold": 1000,
            "custom_expectations": [],
            "ocr": {"psm": 6, "detect_orientation": False},
            "validation": {"tolerance": 0.02},
            "extraction": {
                "enhanced": False,
                "second_opinion_below": 0.5,
                "day_first": None,
                "country": "MY",
            },
            "anomaly": {"contamination": 0.05, "min_history": 30},
            "unknown_key": "left alone",
        }
    )
    for bad, named in [
        ({"ocr": {"psm": 6.5}}, "ocr.psm"),
        ({"ocr": []}, "ocr"),
        ({"approval_threshold": "1000"}, "approval_threshold"),
        ({"anomaly": {"min_history": True}}, "anomaly.min_history"),
        ({"extraction": {"second_opinion_below": 5}}, "second_opinion_below"),
    ]:
        with pytest.raises(InvalidSettings) as caught:
            check_project_settings(bad)
        assert caught.value.code == "invalid_settings" and named in caught.value.message
