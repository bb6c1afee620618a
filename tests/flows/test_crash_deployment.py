"""A flow-run process killed mid-task (kill -9, as when its machine goes) under a real process worker: the
worker marks the run Crashed and runs its `on_crashed` hook, which re-queues the task as a new attempt
and submits it again; the worker takes the new run and the task succeeds with every document."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from flows.dispatch import task_submit
from flows.port import FINISHED, SUCCEEDED
from tests.flows.fakes import fake_settings, png_bytes
from tests.flows.test_deployment import stack, wait_for  # noqa: F401  (the module's Prefect stack)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


def flow_run_process(flow_run_id: str) -> int | None:
    """The pid of the process a worker started for this flow run (its environment names the run)."""
    marker = f"PREFECT__FLOW_RUN_ID={flow_run_id}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                return int(entry.name)
        except OSError:
            continue
    return None


def test_a_killed_flow_run_process_requeues_the_task_and_a_worker_finishes_it(stack):  # noqa: F811
    port, _ = stack
    task_id = port.add_task(
        "remote", [(f"p{i}.png", png_bytes(f"p{i}")) for i in range(12)], settings=fake_settings("slow")
    )
    first = task_submit(task_id, mode="distributed").flow_run_id
    wait_for(lambda: any(p.pages_done >= 3 for p in port.progress_log(task_id)), 150, "pages to be read")
    pid = wait_for(lambda: flow_run_process(first), 30, "the flow run's process")

    os.kill(pid, signal.SIGKILL)

    wait_for(lambda: port.task(task_id).attempts >= 2, 120, "a second attempt to start")
    wait_for(lambda: port.status(task_id) in FINISHED, 150, "the task to finish")
    assert port.status(task_id) == SUCCEEDED
    record = port.task(task_id)
    assert record.attempts == 2 and record.flow_run_id != first
    assert len(port.results(task_id)) == 12 and not port.failures(task_id)
    log = port.progress_log(task_id)
    requeued = [p for p in log if p.step == "requeued"]
    assert len(requeued) == 1 and requeued[0].attempt == 2
