"""A worker machine lost mid-task (issue 18): the local stack of the runbook (`scripts/local_stack.py`:
PostgreSQL, Prefect server, two process workers, the API under gunicorn in distributed mode, the
recovery watcher); 10 receipts uploaded; when 3 pages are done, `kill -9` of the worker that picked the
run and of its flow process. The run's heartbeats stop, the watcher takes it as gone, the task becomes a
new flow run on the other worker and succeeds within 2 minutes of the kill: 10/10 documents, each with
one result and one set of checks."""

from __future__ import annotations

import time
from uuid import UUID

import pytest

from tests.e2e.stack import (
    FAST_SETTINGS,
    FINISHED,
    Client,
    database_rows,
    flow_run_state,
    kill_run_and_worker,
    local_stack,
    receipts,
    wait_for,
)

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.timeout(900)]


def test_a_task_whose_worker_is_killed_finishes_on_the_other_worker(corpus):
    with local_stack(workers=2) as state:
        client = Client(state)
        project = client.project("lost-worker", FAST_SETTINGS)
        task_id = client.upload(project, receipts(corpus, 10))

        wait_for(
            lambda: (
                (s := client.status(project, task_id))["status"] == "running"
                and s["progress"]["pages_done"] >= 3
            ),
            300,
            "3 pages to be done",
        )
        [(flow_run_id, attempts_before)] = database_rows(
            state, "SELECT flow_run_id, attempts FROM invoices_ocrtask WHERE id = %s", UUID(task_id)
        )
        killed = kill_run_and_worker(state, flow_run_id)
        killed_at = time.monotonic()

        final = wait_for(
            lambda: (s := client.status(project, task_id))["status"] in FINISHED and s,
            120,
            "the task to finish",
        )
        took = time.monotonic() - killed_at
        print(f"killed {killed} (attempt {attempts_before}); the task ended {took:.0f} s later")

        assert final["status"] == "succeeded", final
        assert took <= 120
        [(status, attempts, last_run)] = database_rows(
            state, "SELECT status, attempts, flow_run_id FROM invoices_ocrtask WHERE id = %s", UUID(task_id)
        )
        assert (status, attempts) == ("succeeded", attempts_before + 1)
        assert last_run != flow_run_id  # a new flow run, on the worker left
        assert flow_run_state(state, flow_run_id) == "CRASHED"  # Prefect agrees the lost run is over
        assert flow_run_state(state, last_run) == "COMPLETED"
        documents = database_rows(
            state,
            "SELECT d.status, (SELECT count(*) FROM invoices_documentresult r WHERE r.document_id = d.id), "
            "(SELECT count(*) - count(DISTINCT v.suite) FROM invoices_validationresult v "
            "WHERE v.document_id = d.id) FROM invoices_document d WHERE d.task_id = %s",
            UUID(task_id),
        )
        assert len(documents) == 10
        assert [d[0] for d in documents] == ["processed"] * 10
        assert [d[1] for d in documents] == [1] * 10  # one result each
        assert [d[2] for d in documents] == [0] * 10  # no check saved twice
        survivor = next(name for name in state["pids"] if name.startswith("worker-") and name != killed)
        log = (state["log_dir"] / f"{survivor}.log").read_text()
        assert f"Worker '{survivor}' submitting flow run '{last_run}'" in log
