"""A graceful stop (SIGTERM, SIGINT) of a process running a task in embedded mode hands the task back
to the queue instead of failing it, and a task being cancelled ends `cancelled`: a real process
(`tests.flows.stop_runner`: the flow on a pool thread, as the API runs it) signalled mid-task, its port
state read from the file it shares with the test. The stops run on the process's own ephemeral Prefect
(embedded without `PREFECT_API_URL`: the server stops with the process); the stop during a cancel runs on
the session's Prefect API (`prefect_server`), as under `make run`, which saves it an ephemeral start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.port import CANCELLED, QUEUED, RUNNING
from tests.flows.fakes import fake_settings, png_bytes
from tests.flows.file_port import FilePort

REPO_ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # starts a process with its own Prefect server


def start_runner(tmp_path: Path, task_id: str, prefect_api_url: str | None = None) -> subprocess.Popen:
    """The runner on the Prefect API at `prefect_api_url`, else on an ephemeral server of its own."""
    env = dict(os.environ, OCR_TEST_PORT_FILE=str(tmp_path / "port.pickle"), PREFECT_HOME=str(tmp_path))
    env.update(OCR_PAGE_CONCURRENCY="2", OCR_STOP_GRACE_SECONDS="8", PYTHONUNBUFFERED="1")
    env.pop("PREFECT_API_URL", None)
    if prefect_api_url:
        env["PREFECT_API_URL"] = prefect_api_url
    return subprocess.Popen(
        [sys.executable, "-m", "tests.flows.stop_runner", task_id],
        cwd=REPO_ROOT,
        env=env,
        stdout=(tmp_path / "runner.log").open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_for(predicate, timeout: float, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if process.poll() is not None:
            break
        time.sleep(0.1)
    pytest.fail(f"condition not met; runner log:\n{log.read_text(errors='replace')[-3000:]}")


def stop(process: subprocess.Popen, sig: int) -> float:
    """Signal the runner; returns how long it took to exit."""
    sent = time.monotonic()
    process.send_signal(sig)
    try:
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
    return time.monotonic() - sent


def a_task(port: FilePort) -> str:
    files = [("broken.png", png_bytes()[:60])]  # read first: fails before the stop
    files += [(f"doc-{i}.png", png_bytes(f"invoice {i}")) for i in range(12)]
    return port.add_task("p1", files, settings=fake_settings("slow"))  # 0.6 s a page


def pages_done(port: FilePort, task_id: str) -> int:
    log = port.progress_log(task_id)
    return log[-1].pages_done if log else 0


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_mid_task_hands_the_task_back_with_its_finished_documents_intact(tmp_path, sig):
    port = FilePort(tmp_path / "port.pickle")
    task_id = a_task(port)
    runner = start_runner(tmp_path, task_id)
    log = tmp_path / "runner.log"
    wait_for(lambda: pages_done(port, task_id) >= 2, 120, runner, log)

    seconds = stop(runner, sig)

    output = log.read_text(errors="replace")
    assert "cannot schedule new futures" not in output, output[-3000:]
    assert port.status(task_id) == QUEUED, output[-3000:]
    assert port.task(task_id).statuses == [QUEUED, RUNNING, QUEUED]
    assert port.task(task_id).error is None
    names = {doc.id: doc.name for doc in port.load_task(task_id).documents}
    # the document that had failed keeps its error; no other document was failed or half-saved
    assert {names[d]: e.code for d, e in port.failures(task_id).items()} == {"broken.png": "corrupt_file"}
    assert port.results(task_id) == {}
    last = port.progress_log(task_id)[-1]  # progress starts again from zero
    assert (last.step, last.pages_done, last.documents_done, last.percent) == ("requeued", 0, 0, 0.0)
    assert "summary queued" in output
    assert seconds < 10, f"stopped in {seconds:.1f} s"


def test_a_stop_while_the_task_is_being_cancelled_ends_it_cancelled(tmp_path, prefect_server):
    port = FilePort(tmp_path / "port.pickle")
    task_id = a_task(port)
    runner = start_runner(tmp_path, task_id, prefect_server)
    log = tmp_path / "runner.log"
    wait_for(lambda: pages_done(port, task_id) >= 2, 120, runner, log)

    port.cancel(task_id)
    stop(runner, signal.SIGTERM)

    output = log.read_text(errors="replace")
    assert port.status(task_id) == CANCELLED, output[-3000:]
    assert port.task(task_id).error.code == "cancelled"
    codes = {e.code for e in port.failures(task_id).values()}
    assert codes <= {"cancelled", "corrupt_file"} and "cancelled" in codes
