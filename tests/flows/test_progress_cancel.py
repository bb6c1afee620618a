"""Progress that moves (weighted by step, never back, below 100 until the task ends) and prompt
cancellation (within a poll of the request, wherever the run is; the flow run ends Cancelled), driven
with fake engines and slowed steps."""

from __future__ import annotations

import itertools
import threading
import time

import pytest
from prefect import get_client, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import StateType

from expectations.project_settings import ProjectSettings
from flows.port import CANCELLED, SUCCEEDED
from flows.process import process_invoices
from flows.progress import STEP_COSTS, step_costs, weighted_percent
from tests.flows.fakes import fake_settings, png_bytes
from tests.flows.test_process_flow import assert_monotone

CANCEL_WITHIN = 2.5  # seconds from the request to the task's `cancelled` (the pages take longer)


def pngs(count: int) -> list[tuple[str, bytes]]:
    return [(f"doc-{i}.png", png_bytes(f"invoice {i}")) for i in range(count)]


def wait_until(predicate, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def start(task_id: str) -> tuple[threading.Thread, dict]:
    """Run the flow on a thread; `outcome["state"]` is its final Prefect state."""
    outcome: dict = {}

    def run() -> None:
        outcome["state"] = process_invoices(task_id, return_state=True)

    runner = threading.Thread(target=run, daemon=True)
    runner.start()
    return runner, outcome


def cancel_and_time(port, task_id: str) -> float:
    port.cancel(task_id)
    asked = time.monotonic()
    assert wait_until(lambda: port.status(task_id) == CANCELLED, timeout=30), port.status(task_id)
    return time.monotonic() - asked


def flow_run_state_type(state) -> StateType:
    """The flow run's state as Prefect's API records it (what the UI shows)."""
    with get_client(sync_client=True) as client:
        return client.read_flow_run(state.state_details.flow_run_id).state.type


def slow_extract(monkeypatch, seconds: float) -> None:
    import flows.tasks

    original = flows.tasks.extract

    @task(name="slow-extract", cache_policy=NO_CACHE, persist_result=False)
    def extract(ingested, document, *args):
        time.sleep(seconds)
        return original.fn(ingested, document, *args)

    monkeypatch.setattr(flows.tasks, "extract", extract)


def slow_validate(monkeypatch, seconds: float) -> None:
    import flows.tasks

    original = flows.tasks.validate

    @task(name="slow-validate", cache_policy=NO_CACHE, persist_result=False)
    def validate(invoices, custom_expectations=(), project_settings=None):
        time.sleep(seconds)
        return original.fn(invoices, custom_expectations, project_settings)

    monkeypatch.setattr(flows.tasks, "validate", validate)


def assert_percent_moves_forward_below_100(log) -> None:
    percents = [p.percent for p in log]
    assert all(p is not None and 0.0 <= p < 100.0 for p in percents), percents
    assert all(b >= a for a, b in itertools.pairwise(percents)), percents


# -- progress ------------------------------------------------------------------------------------
def test_the_percentage_is_weighted_by_step_not_by_pages():
    documents, pages = 4, 4
    read_not_extracted = {"ingest": (4, documents), "ocr": (pages, pages), "extract": (0, documents)}
    for step in ("validate", "anomalies", "save"):
        read_not_extracted[step] = (0, documents)
    assert weighted_percent(read_not_extracted) < 30.0  # a pages-only bar said 100 here
    everything = {step: (documents, documents) for step in STEP_COSTS} | {"ocr": (pages, pages)}
    assert weighted_percent(everything) == pytest.approx(100.0)
    assert weighted_percent({}) == 0.0
    # extraction weighs what the project's second readings cost
    assert step_costs()["extract"] == step_costs(ProjectSettings())["extract"] == STEP_COSTS["extract"]
    off = {"enhanced": False, "reread": False, "second_opinion": False}
    plain = step_costs(ProjectSettings.from_dict({"extraction": off}))
    assert plain["extract"][1] < STEP_COSTS["ocr"][1] < STEP_COSTS["extract"][1]


def test_progress_moves_through_extraction_never_back_and_below_100_until_the_end(
    port, fake_engines, monkeypatch
):
    slow_extract(monkeypatch, 0.4)
    task_id = port.add_task("p1", pngs(6), settings=fake_settings("paced"))

    summary = process_invoices(task_id)

    assert summary["status"] == SUCCEEDED == port.status(task_id)
    log = port.progress_log(task_id)
    assert_monotone(log)
    assert_percent_moves_forward_below_100(log)
    all_read = next(p for p in log if p.pages_total == 6 and p.pages_done == 6)
    assert all_read.percent < 90.0  # extraction, validation, scoring and saving still to come
    extracting = [p.percent for p in log if p.step == "extract"]
    assert len(set(extracting)) >= 2  # the bar moves while documents are extracted
    assert log[-1].step == "save" and log[-1].documents_done == 6 and log[-1].percent >= 95.0


# -- cancellation ----------------------------------------------------------------------------------
def test_cancel_while_pages_are_read_ends_the_task_at_once_and_the_flow_run_cancelled(port, fake_engines):
    task_id = port.add_task("p1", pngs(6), settings=fake_settings("glacial"))  # 4 s a page
    runner, outcome = start(task_id)
    assert wait_until(lambda: any(p.pages_done >= 1 for p in port.progress_log(task_id)))

    latency = cancel_and_time(port, task_id)
    runner.join(timeout=60)

    assert latency < CANCEL_WITHIN  # it did not wait for the pages being read
    assert not runner.is_alive()
    state = outcome["state"]
    assert state.is_cancelled() and flow_run_state_type(state) == StateType.CANCELLED
    summary = state.result(raise_on_failure=False)
    assert summary["status"] == CANCELLED and port.task(task_id).error.code == "cancelled"
    kept, failed = port.results(task_id), port.failures(task_id)
    assert len(kept) + len(failed) == 6 and {e.code for e in failed.values()} == {"cancelled"}
    for result in kept.values():  # read before the cancel: values kept, marked not finished
        assert result.invoice.get("total") == "120.00" and [e.code for e in result.errors] == ["cancelled"]
    assert {o["error"] for o in summary["documents"].values()} == {"cancelled"}
    assert fake_engines["glacial"].calls < 6
    log = port.progress_log(task_id)
    assert_monotone(log)
    assert_percent_moves_forward_below_100(log)
    assert log[-1].documents_done < log[-1].documents_total  # never "6/6 documents" for a cancel


def test_cancel_while_documents_are_extracted_does_not_wait_for_them(port, fake_engines, monkeypatch):
    slow_extract(monkeypatch, 5.0)
    task_id = port.add_task("p1", pngs(3), settings=fake_settings("fake"))
    runner, outcome = start(task_id)
    assert wait_until(lambda: any(p.step == "extract" for p in port.progress_log(task_id)))

    latency = cancel_and_time(port, task_id)
    runner.join(timeout=60)

    assert latency < CANCEL_WITHIN
    assert outcome["state"].is_cancelled()
    assert port.results(task_id) == {}  # none was extracted
    assert [e.code for e in port.failures(task_id).values()] == ["cancelled"] * 3
    assert port.progress_log(task_id)[-1].documents_done == 0


def test_cancel_during_validation_keeps_the_extracted_values_unvalidated(port, fake_engines, monkeypatch):
    slow_validate(monkeypatch, 5.0)
    task_id = port.add_task("p1", pngs(2), settings=fake_settings("fake"))
    runner, outcome = start(task_id)
    assert wait_until(lambda: any(p.step == "validate" for p in port.progress_log(task_id)))

    latency = cancel_and_time(port, task_id)
    runner.join(timeout=60)

    assert latency < CANCEL_WITHIN
    assert outcome["state"].is_cancelled() and flow_run_state_type(outcome["state"]) == StateType.CANCELLED
    results = port.results(task_id)
    assert len(results) == 2 and port.failures(task_id) == {}
    for result in results.values():
        assert result.invoice.get("total") == "120.00" and result.validation == ()
        assert [e.code for e in result.errors] == ["cancelled"] and not result.ok
    assert port.progress_log(task_id)[-1].documents_done == 0


def test_a_task_left_alone_still_ends_completed_in_prefect(port, fake_engines):
    task_id = port.add_task("p1", pngs(1), settings=fake_settings("fake"))

    state = process_invoices(task_id, return_state=True)

    assert state.is_completed() and flow_run_state_type(state) == StateType.COMPLETED
    assert state.result()["status"] == SUCCEEDED


def test_a_cancel_from_the_prefect_ui_reaches_a_run_no_worker_can_stop(port, fake_engines):
    from flows.dispatch import flow_run_cancel

    task_id = port.add_task("p1", pngs(4), settings=fake_settings("glacial"))  # embedded: in this process
    runner, outcome = start(task_id)
    assert wait_until(lambda: any(p.pages_done >= 1 for p in port.progress_log(task_id)))

    asked = time.monotonic()
    flow_run_cancel(port.task(task_id).flow_run_id)  # what the UI's Cancel does: the run is Cancelling
    assert wait_until(lambda: port.status(task_id) == CANCELLED, timeout=30)
    latency = time.monotonic() - asked
    runner.join(timeout=60)

    assert latency < CANCEL_WITHIN + 1.0  # Prefect is asked once a second
    assert outcome["state"].is_cancelled() and flow_run_state_type(outcome["state"]) == StateType.CANCELLED
    assert {e.code for e in port.failures(task_id).values()} == {"cancelled"}
