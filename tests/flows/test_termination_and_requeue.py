"""What Prefect stopping a run does to the task (issue 18), driven in-process with fake engines:

- a cancel delivered as Prefect's termination (`TerminationSignal` in the flow, as a worker's SIGTERM
  raises it) keeps the documents already read, their page images readable until they are kept, and no
  message names a server path;
- a run killed without a cancel (its worker gone) crashes: the task goes back to the queue as a new
  attempt (re-submitted in distributed mode), the next attempt skips what was saved, each result is saved
  once, and its progress restarts explicitly with the attempt's number; once the attempts are used up
  the task fails `interrupted`."""

from __future__ import annotations

import itertools
import signal
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from prefect import get_client, task
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import TerminationSignal

import flows.tasks
from flows import page_folder
from flows.batch_processing import BatchProcessing, scrub
from flows.port import CANCELLED, FAILED, QUEUED, SUCCEEDED
from flows.process import process_invoices
from flows.progress import STEPS
from tests.flows.fakes import fake_settings, png_bytes


def run_off_the_main_thread(port, task_id: str):
    """Run `process_invoices(task_id)` on another thread (in the main thread Prefect would also deliver a
    TerminationSignal's SIGTERM to this process, as a killed flow process gets it); returns the flow
    run's final state as Prefect records it (a terminated run raises instead of returning one)."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["state"] = process_invoices(task_id, return_state=True)
        except TerminationSignal as exc:
            outcome["raised"] = exc

    runner = threading.Thread(target=run)
    runner.start()
    runner.join(timeout=120)
    assert not runner.is_alive()
    with get_client(sync_client=True) as client:
        return client.read_flow_run(port.task(task_id).flow_run_id).state


def pngs(count: int) -> list[tuple[str, bytes]]:
    return [(f"doc-{i}.png", png_bytes(f"invoice {i}")) for i in range(count)]


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.setenv("OCR_WORKDIR", str(tmp_path))
    return tmp_path / "ocr-pages"


def extract_reading_page_images(monkeypatch, seconds: float) -> None:
    """Extraction that takes `seconds` and re-reads its page images (as the region re-reads do): it
    fails when they were deleted under it."""
    original = flows.tasks.extract

    @task(name="extract-reading-images", cache_policy=NO_CACHE, persist_result=False)
    def extract(ingested, document, *args):
        time.sleep(seconds)
        for page in ingested.pages:
            Path(page.image_path).read_bytes()
        return original.fn(ingested, document, *args)

    monkeypatch.setattr(flows.tasks, "extract", extract)


def assert_monotone_per_attempt(log) -> None:
    """Within an attempt nothing goes back; a new attempt starts with a `requeued` report carrying its
    number, and every report of that attempt carries it."""
    attempts = [list(group) for _, group in itertools.groupby(log, key=lambda p: p.attempt)]
    for reports in attempts:
        body = [p for p in reports if p.step != "requeued"]
        for before, after in itertools.pairwise(body):
            assert after.pages_done >= before.pages_done and after.documents_done >= before.documents_done
            assert after.pages_total >= before.pages_total
            assert STEPS.index(after.step) >= STEPS.index(before.step)
            assert (after.percent or 0.0) >= (before.percent or 0.0)


# -- a cancel through Prefect's termination ---------------------------------------------------------
def test_a_cancel_delivered_as_a_termination_keeps_the_documents_already_read(
    port, fake_engines, monkeypatch, workdir
):
    extract_reading_page_images(monkeypatch, 0.5)
    task_id = port.add_task("p1", pngs(8), settings=fake_settings("slow"))
    harvest = BatchProcessing.harvest
    fired = []

    def harvest_then_terminate(self, **kwargs):
        harvest(self, **kwargs)
        extracted = [d for d in self.docs.values() if d.extracted]
        under_way = [d for d in self.docs.values() if d.extraction is not None]
        if not fired and len(extracted) >= 2 and under_way:
            fired.append([d.source.id for d in under_way])
            port.cancel(task_id)  # what the API does before Prefect cancels the run
            raise TerminationSignal(signal.SIGTERM)  # the worker's SIGTERM, as Prefect raises it

    monkeypatch.setattr(BatchProcessing, "harvest", harvest_then_terminate)

    state = run_off_the_main_thread(port, task_id)

    assert fired, "the run ended before the termination was delivered"
    assert state.is_cancelled() or state.is_crashed()  # Prefect's record of a terminated run
    assert port.status(task_id) == CANCELLED
    kept, failed = port.results(task_id), port.failures(task_id)
    assert len(kept) >= 2 and all(r.invoice is not None for r in kept.values())
    # extractions under way when the termination came finished with their page images still there
    assert set(fired[0]) <= set(kept)
    assert len(kept) + len(failed) == 8 and {e.code for e in failed.values()} == {"cancelled"}
    messages = [e.message for e in failed.values()] + [e.message for r in kept.values() for e in r.errors]
    assert not [m for m in messages if str(workdir.parent) in m or "/tmp" in m], messages
    assert list(workdir.iterdir()) == []  # the run's page folder is removed once the results are kept


def test_a_cancel_delivered_as_a_termination_ends_the_task_in_the_flows_own_process(port, workdir):
    """The task is `cancelled` as soon as the terminated run has kept its work, not once its process has
    exited and the worker has run the cancellation hook (extractions under way kept a process alive for
    ~25 s on the local stack, `bench/distributed.py --part cancel`)."""
    from flows.project_settings import check_project_settings

    task_id = port.add_task("p1", pngs(2), settings=fake_settings("slow"))
    port.mark_running(task_id, flow_run_id=None)
    port.cancel(task_id)
    inputs = port.load_task(task_id)
    run = BatchProcessing(port, inputs, settings=check_project_settings(inputs.settings), flow_run_id=None)

    run.terminated()  # no hook runs here

    assert port.status(task_id) == CANCELLED
    assert {e.code for e in port.failures(task_id).values()} == {"cancelled"}


def test_messages_users_see_name_no_server_path():
    error = "[Errno 2] No such file or directory: '/tmp/ocr-pages/task-1-x/doc/page-0000.jpg'"
    assert scrub(error) == "[Errno 2] No such file or directory: 'page-0000.jpg'"
    assert scrub("cannot read https://bucket.example/a/b.pdf") == "cannot read https://bucket.example/a/b.pdf"


def test_page_folders_of_runs_that_died_are_swept_and_live_ones_kept(workdir):
    live = page_folder.PageFolder.open("live-task")
    dead = workdir / "dead-task-abc"
    (dead / "doc").mkdir(parents=True)
    (dead / page_folder.LOCK).touch()  # nobody holds its lock: its process is gone
    (dead / "doc" / "page-0000.png").write_bytes(b"x")

    page_folder.PageFolder.open("another").remove()  # opening a folder sweeps the dead ones

    assert not dead.exists() and live.path.exists()
    live.remove()
    assert not live.path.exists()


# -- a killed run re-queues ----------------------------------------------------------------------
def crash_after_saving(monkeypatch, saved: int) -> None:
    """The worker is killed during the save: `saved` results are stored, then the process goes (Prefect
    raises TerminationSignal with no cancel asked)."""
    original = flows.tasks.save_results

    @task(name="save-then-die", cache_policy=NO_CACHE, persist_result=False)
    def save_results(port, task_id, results):
        for result in list(results)[:saved]:
            port.save_document_result(task_id, result)
        raise TerminationSignal(signal.SIGTERM)

    monkeypatch.setattr(flows.tasks, "save_results", save_results)
    return original


def test_a_killed_run_requeues_its_task_and_the_next_attempt_keeps_what_was_saved(
    port, fake_engines, monkeypatch, workdir
):
    import flows.dispatch
    import flows.process

    submitted = []
    monkeypatch.setattr(flows.process, "pipeline_mode", lambda: "distributed")
    monkeypatch.setattr(flows.dispatch, "task_submit", lambda task_id, mode=None: submitted.append(task_id))
    saves = Counter()
    real_save = port.save_document_result

    def counted_save(task_id, result):
        saves[result.source.id] += 1
        real_save(task_id, result)

    monkeypatch.setattr(port, "save_document_result", counted_save)
    original_save = crash_after_saving(monkeypatch, saved=2)
    task_id = port.add_task("p1", pngs(5), settings=fake_settings("fake"))

    state = run_off_the_main_thread(port, task_id)

    assert state.is_crashed()
    assert port.status(task_id) == QUEUED and port.task(task_id).attempts == 1  # the attempt counted
    assert submitted == [task_id]  # handed to Prefect again: any worker takes it
    assert len(port.results(task_id)) == 2 and not port.failures(task_id)
    assert list(workdir.iterdir()) == []
    pages_read_first = fake_engines["fake"].calls

    monkeypatch.setattr(flows.tasks, "save_results", original_save)
    summary = process_invoices(task_id)  # what the worker that takes it runs

    assert summary["status"] == SUCCEEDED == port.status(task_id)
    assert len(summary["documents"]) == 5 and all(d["ok"] for d in summary["documents"].values())
    assert fake_engines["fake"].calls - pages_read_first == 3  # the two saved documents are not read again
    assert len(port.results(task_id)) == 5 and set(saves.values()) == {1}  # each result saved once
    log = port.progress_log(task_id)
    assert_monotone_per_attempt(log)
    requeued = next(i for i, p in enumerate(log) if p.step == "requeued")
    assert log[requeued].attempt == 2 and log[requeued].percent == 0.0
    second = log[requeued + 1 :]
    assert {p.attempt for p in second} == {2} and {p.attempt for p in log[:requeued]} == {1}
    # the new attempt starts from what was saved: two documents (and their pages) done from its first report
    assert (second[0].documents_done, second[0].pages_done, second[0].pages_total) == (2, 2, 5)
    assert second[-1].documents_done == 5


def test_a_task_whose_attempts_are_used_up_fails_interrupted(port, fake_engines, monkeypatch, workdir):
    import flows.dispatch

    submitted = []
    monkeypatch.setattr(flows.dispatch, "task_submit", lambda task_id, mode=None: submitted.append(task_id))
    port.max_attempts = 1
    crash_after_saving(monkeypatch, saved=1)
    task_id = port.add_task("p1", pngs(3), settings=fake_settings("fake"))

    state = run_off_the_main_thread(port, task_id)

    assert state.is_crashed()
    assert port.status(task_id) == FAILED and port.task(task_id).error.code == "interrupted"
    assert submitted == []
    assert len(port.results(task_id)) == 1  # what was saved stays
    assert {e.code for e in port.failures(task_id).values()} == {"interrupted"}


def test_a_crash_of_a_task_being_cancelled_ends_it_cancelled(port, fake_engines, monkeypatch, workdir):
    from flows.process import on_crashed

    task_id = port.add_task("p1", pngs(1), settings=fake_settings("fake"))
    port.mark_running(task_id, flow_run_id="run-1")
    port.cancel(task_id)

    on_crashed(None, type("FlowRun", (), {"parameters": {"task_id": task_id}})(), None)

    assert port.status(task_id) == CANCELLED
