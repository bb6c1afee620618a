"""Distributed mode against a real Prefect server on loopback: `/api/ocr-health/` tells whether a worker
polls the pool (degraded with a reason when none does), and cancelling a queued task cancels its flow
run so that it never starts."""

from __future__ import annotations

import time
import uuid

import pytest
from prefect import flow
from prefect.client.schemas.actions import WorkPoolCreate
from prefect.workers.process import ProcessWorker

from django_api.invoices.models import OcrTask
from flows import serve
from flows.run_liveness import prefect_client
from tests.flows.test_deployment import free_port, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.django_db, pytest.mark.timeout(300)]


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-health")
    port = free_port()
    env = serve.stack_env(port, poll_seconds=1)
    env.update({"PREFECT_HOME": str(home / "prefect"), "PREFECT_LOGGING_LEVEL": "WARNING"})
    server = serve.start_server(port, env, home / "server.log")
    try:
        serve.wait_healthy(env["PREFECT_API_URL"], timeout=120, process=server)
        yield env, home
    finally:
        serve.stop(server)


@pytest.fixture
def distributed(settings, prefect_server):
    env, home = prefect_server
    pool = f"pool-{uuid.uuid4().hex[:8]}"
    # through the API in this process: `prefect work-pool create` costs a CLI start (~10 s) per test
    with prefect_client(env["PREFECT_API_URL"]) as client:
        template = ProcessWorker.get_default_base_job_template()
        client.create_work_pool(WorkPoolCreate(name=pool, type="process", base_job_template=template))
    settings.OCR_PIPELINE_MODE = "distributed"
    settings.PREFECT_API_URL = env["PREFECT_API_URL"]
    settings.OCR_WORK_POOL = pool
    return env, home, pool


def health(client) -> tuple[int, dict]:
    response = client.get("/api/ocr-health/")
    return response.status_code, response.json()


def test_no_worker_polling_the_pool_is_degraded_with_the_reason(anon_client, distributed):
    _, _, pool = distributed
    status_code, body = health(anon_client)
    assert status_code == 200
    assert body["status"] == "degraded" and body["degraded"] == ["prefect"] and body["healthy"]
    prefect = body["checks"]["prefect"]
    assert prefect["ok"] and prefect["degraded"] and prefect["live_workers"] == 0 and prefect["workers"] == []
    assert f"no worker polls work pool {pool!r}" in prefect["message"]


def test_a_worker_polling_the_pool_makes_it_healthy_and_is_listed(anon_client, distributed):
    env, home, pool = distributed
    worker = serve.start_worker(pool, env, home / f"{pool}.log", name="health-worker")
    try:
        status_code, body = wait_for(
            lambda: (answer := health(anon_client))[1]["status"] == "healthy" and answer, 90, "a live worker"
        )
    finally:
        serve.stop(worker)
    assert status_code == 200 and body["degraded"] == []
    prefect = body["checks"]["prefect"]
    assert prefect["live_workers"] == 1
    [listed] = prefect["workers"]
    assert listed["name"] == "health-worker" and listed["live"] and listed["last_heartbeat"]


def test_a_worker_silent_too_long_no_longer_counts(anon_client, distributed, settings):
    env, home, pool = distributed
    worker = serve.start_worker(pool, env, home / f"{pool}.log", name="gone-worker")
    try:
        wait_for(lambda: health(anon_client)[1]["status"] == "healthy", 90, "a live worker")
    finally:
        serve.stop(worker)
    time.sleep(2)
    settings.OCR_WORKER_STALE_SECONDS = 1  # its last heartbeat is now older than that
    status_code, body = health(anon_client)
    assert status_code == 200 and body["status"] == "degraded"
    [listed] = body["checks"]["prefect"]["workers"]
    assert listed["name"] == "gone-worker" and not listed["live"]


def test_a_missing_pool_is_unhealthy(anon_client, distributed, settings):
    settings.OCR_WORK_POOL = f"missing-{uuid.uuid4().hex[:8]}"
    status_code, body = health(anon_client)
    assert status_code == 503 and body["status"] == "unhealthy" and body["unhealthy"] == ["prefect"]
    assert "cannot read work pool" in body["checks"]["prefect"]["message"]


@flow(name="queued-probe")
def queued_probe() -> None:
    return None


def test_cancelling_a_queued_task_cancels_its_flow_run(
    alice_client, project, alice, distributed, run_on_commit
):
    from prefect.states import Scheduled

    env, _, _ = distributed
    with prefect_client(env["PREFECT_API_URL"]) as client:
        run = client.create_flow_run(queued_probe, state=Scheduled())
    task = OcrTask.objects.create(project=project, created_by=alice, status="queued", flow_run_id=str(run.id))

    response = run_on_commit(alice_client.post, f"/api/projects/{project.pk}/ocr-cancel/{task.pk}/")

    assert response.status_code == 202 and response.json()["status"] == "cancelled"
    with prefect_client(env["PREFECT_API_URL"]) as client:
        state = client.read_flow_run(run.id).state
    assert state.is_cancelled()  # never picked up by a worker, never ends Completed
