"""The deployments of `prefect.yaml` end to end: a real `prefect server` on loopback, the `process`
work pool, `prefect deploy --all`, a process worker polling every second; one task run to completion
and one cancelled through Prefect. The worker's flow runs reach the test through a file-backed port.
Bounded in time; the server and the worker are stopped at the end."""

from __future__ import annotations

import os
import socket
import time

import pytest
from prefect import get_client
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows import serve
from flows.dispatch import flow_run_cancel, task_submit
from flows.port import CANCELLED, FINISHED, SUCCEEDED
from tests.flows.fakes import fake_settings, png_bytes
from tests.flows.file_port import FilePort

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-stack")
    port_number = free_port()
    env = serve.stack_env(port_number, poll_seconds=1)
    env.update(
        {
            "PREFECT_HOME": str(home / "prefect"),
            "PREFECT_LOGGING_LEVEL": "WARNING",
            "OCR_PIPELINE_PORT": "tests.flows.file_port:build_port",
            "OCR_TEST_PORT_FILE": str(home / "port.pickle"),
            "OCR_PAGE_CONCURRENCY": "1",
            "PYTHONPATH": os.pathsep.join([str(serve.ROOT), env.get("PYTHONPATH", "")]),
        }
    )
    server = worker = None
    try:
        server = serve.start_server(port_number, env, home / "server.log")
        serve.wait_healthy(env["PREFECT_API_URL"], timeout=120, process=server)
        serve.create_pool_and_deploy("process", env)
        worker = serve.start_worker("process", env, home / "worker.log")
        with temporary_settings(updates={PREFECT_API_URL: env["PREFECT_API_URL"]}):
            yield FilePort(env["OCR_TEST_PORT_FILE"]), home
    finally:
        serve.stop(worker)
        serve.stop(server)


def test_every_flow_of_prefect_yaml_is_deployed_with_its_schedule(stack):
    with get_client(sync_client=True) as client:
        deployments = {d.name: d for d in client.read_deployments()}
    assert set(deployments) == {
        "process-invoices",
        "refit-anomaly-models",
        "rescore-project",
        "watch-inbox",
        "deliver-pending-webhooks",
    }
    assert all(d.work_pool_name == "process" for d in deployments.values())
    [nightly] = deployments["refit-anomaly-models"].schedules
    assert nightly.active and nightly.schedule.cron == "15 2 * * *"
    [sweep] = deployments["watch-inbox"].schedules
    # off until set up: the deployment paused (the UI greys it out), its schedule ready for the one switch
    assert deployments["watch-inbox"].paused and sweep.schedule.interval.total_seconds() == 300
    assert not any(d.paused for name, d in deployments.items() if name != "watch-inbox")
    [webhooks] = deployments["deliver-pending-webhooks"].schedules
    assert webhooks.active and webhooks.schedule.interval.total_seconds() == 600


def test_a_deployment_runs_a_task_on_the_worker(stack, corpus):
    port, _ = stack
    task_id = port.add_task("remote", [corpus / "invoice2data-dev/images/saeco.pdf"])

    submission = task_submit(task_id, mode="distributed")

    assert submission.flow_run_id
    wait_for(lambda: port.status(task_id) in FINISHED, 150, "the worker to finish the task")
    assert port.status(task_id) == SUCCEEDED
    assert port.task(task_id).flow_run_id == submission.flow_run_id
    [result] = port.results(task_id).values()
    assert result.invoice.get("total") == "49.99"


def test_cancelling_the_flow_run_cancels_the_task_and_keeps_finished_documents(stack):
    port, _ = stack
    task_id = port.add_task(
        "remote", [(f"p{i}.png", png_bytes(f"p{i}")) for i in range(30)], settings=fake_settings("slow")
    )
    submission = task_submit(task_id, mode="distributed")
    wait_for(
        lambda: any(p.pages_done >= 2 for p in port.progress_log(task_id)), 150, "pages to be recognised"
    )

    saved_before = set(port.results(task_id))  # the documents finished before the cancel
    flow_run_cancel(submission.flow_run_id)

    wait_for(lambda: port.status(task_id) == CANCELLED, 60, "the task to be cancelled")
    with get_client(sync_client=True) as client:
        state = wait_for(
            lambda: (s := client.read_flow_run(submission.flow_run_id).state) and s.is_final() and s,
            30,
            "the flow run to stop",
        )
    assert state.is_cancelled()
    kept, failed = port.results(task_id), port.failures(task_id)
    # what was finished before the cancel is kept (how many it is depends on the timing: a cancel may land
    # between the pages' recognition and their documents' save), and the rest is cancelled, not lost
    assert saved_before <= set(kept) and all(r.invoice is not None for r in kept.values())
    assert failed and len(kept) + len(failed) == 30 and {e.code for e in failed.values()} == {"cancelled"}
