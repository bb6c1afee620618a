"""The seam and the port: the embedded thread pool, cancellation during a run, recovery after a restart,
a flow that raises, 20 concurrent uploads (SQLite, or PostgreSQL with TEST_DATABASE_URL)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from django_api.invoices.models import Document, OcrTask
from django_api.orchestration import seam
from django_api.orchestration.django_port import DjangoPort, build_port
from flows.port import PipelinePort
from tests.django_api import fake_flow
from tests.django_api.conftest import client_for, png_bytes, upload


def _wait_for(predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_django_port_satisfies_the_protocol(db):
    assert isinstance(build_port(), PipelinePort)


@pytest.mark.django_db(transaction=True)
def test_cancel_during_a_run_stops_before_the_next_document(alice, project, settings):
    settings.OCR_EXECUTOR = "thread"
    reached, release = threading.Event(), threading.Event()

    def block_on_second(task_id, index):
        if index == 1:
            reached.set()
            release.wait(10)

    fake_flow.hooks.before_document = block_on_second
    client = client_for(alice)
    files = [upload(f"doc{i}.png", png_bytes(i)) for i in range(3)]
    body = client.post(
        f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    ).json()
    assert reached.wait(10), "the flow never reached the second document"
    assert client.get(body["status_url"]).json()["status"] == "running"

    check = client.get(f"/api/projects/{project.pk}/ocr-check-task/{body['task_id']}/").json()
    steps = {d["name"]: d["steps"] for d in check["documents"]}
    assert steps["doc0.png"]["ocr"] == {"status": "done", "seconds": 0.02}
    assert steps["doc2.png"]["ocr"] == {"status": "running", "seconds": None}
    cancel = client.post(f"/api/projects/{project.pk}/ocr-cancel/{body['task_id']}/")
    assert (cancel.status_code, cancel.json()["status"]) == (202, "cancelling")
    release.set()
    seam.wait_idle(10)

    status = client.get(body["status_url"]).json()
    assert status["status"] == "cancelled" and status["finished_at"] is not None
    docs = {d.name: d for d in Document.objects.filter(task_id=body["task_id"])}
    assert docs["doc0.png"].status == "processed"
    assert (docs["doc1.png"].status, docs["doc1.png"].error_code) == ("failed", "cancelled")
    assert (docs["doc2.png"].status, docs["doc2.png"].error_code) == ("failed", "cancelled")
    again = client.post(f"/api/projects/{project.pk}/ocr-cancel/{body['task_id']}/")
    assert (again.status_code, again.json()["status"]) == (202, "cancelled")


def _queued_task(client, project, run_on_commit, settings, name):
    settings.OCR_EXECUTOR = "none"
    body = run_on_commit(
        client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload(name, png_bytes(len(name)))]},
        format="multipart",
    ).json()
    return OcrTask.objects.get(pk=body["task_id"])


@pytest.mark.django_db
def test_restart_requeues_running_tasks_and_fails_exhausted_ones(
    alice_client, project, run_on_commit, settings
):
    interrupted = _queued_task(alice_client, project, run_on_commit, settings, "a.png")
    exhausted = _queued_task(alice_client, project, run_on_commit, settings, "bb.png")
    cancelling = _queued_task(alice_client, project, run_on_commit, settings, "ccc.png")
    never_started = _queued_task(alice_client, project, run_on_commit, settings, "dddd.png")
    OcrTask.objects.filter(pk=interrupted.pk).update(status="running", attempts=1, current_step="ocr")
    OcrTask.objects.filter(pk=exhausted.pk).update(status="running", attempts=settings.OCR_MAX_ATTEMPTS)
    OcrTask.objects.filter(pk=cancelling.pk).update(status="cancelling", attempts=1)
    Document.objects.filter(task__in=[interrupted, exhausted]).update(status="processing")

    settings.OCR_EXECUTOR = "sync"  # the "new process" runs what recovery hands back
    dispatched = seam.recover_on_startup()

    assert sorted(dispatched) == sorted([str(interrupted.pk), str(never_started.pk)])
    for task in (interrupted, exhausted, cancelling, never_started):
        task.refresh_from_db()
    assert (interrupted.status, interrupted.attempts) == ("succeeded", 2)
    assert (never_started.status, never_started.attempts) == ("succeeded", 1)
    assert (exhausted.status, exhausted.error_code) == ("failed", "interrupted")
    assert Document.objects.get(task=exhausted).error_code == "interrupted"
    assert cancelling.status == "cancelled"
    assert not OcrTask.objects.filter(status__in=["running", "queued", "cancelling"]).exists()


@pytest.mark.django_db
def test_a_flow_that_raises_leaves_the_task_failed(alice_client, project, run_on_commit):
    def explode(task_id, index):
        raise RuntimeError("engine crashed")

    fake_flow.hooks.before_document = explode
    body = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("a.png", png_bytes(1))]},
        format="multipart",
    ).json()
    status = alice_client.get(body["status_url"]).json()
    assert status["status"] == "failed"
    assert status["error"] == {"code": "internal_error", "message": "engine crashed"}
    assert Document.objects.get(pk=body["documents"][0]["id"]).status == "failed"


@pytest.mark.django_db
def test_port_reads_history_and_stores_models(alice_client, project, run_on_commit):
    body = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("h.png", png_bytes(4))]},
        format="multipart",
    ).json()
    port = DjangoPort()
    inputs = port.load_task(body["task_id"])
    assert inputs.project_id == str(project.pk) and [d.name for d in inputs.documents] == ["h.png"]
    assert port.read_document(inputs.documents[0]) == png_bytes(4)
    history = port.load_history(str(project.pk))
    assert [(r.document_id, r.total, r.vendor_name, r.line_item_count) for r in history] == [
        (body["documents"][0]["id"], "12.50", "ACME Supplies", 1)
    ]
    assert port.load_history(str(project.pk), exclude_task_id=body["task_id"]) == []
    results = port.load_project_results(str(project.pk))
    assert results[0].invoice.get("total") == "12.50"
    assert port.load_anomaly_model(str(project.pk)) is None
    port.save_anomaly_model(str(project.pk), b"\x00model", "iforest-1")
    assert port.load_anomaly_model(str(project.pk)) == (b"\x00model", "iforest-1")


@pytest.mark.django_db
def test_an_anomaly_model_written_by_anyone_but_the_server_is_never_unpickled(project, settings):
    """Database write access alone must not become code execution: a blob whose signature is missing
    or does not match (tampered, or another project's) is refused before anything reads it."""
    from django_api.invoices.models import ProjectAnomalyModel

    port = DjangoPort()
    project_id = str(project.pk)
    port.save_anomaly_model(project_id, b"\x00model", "iforest-1")
    ProjectAnomalyModel.objects.filter(project_id=project_id).update(blob=b"\x00evil")
    assert port.load_anomaly_model(project_id) is None
    ProjectAnomalyModel.objects.filter(project_id=project_id).update(blob=b"\x00model", signature="")
    assert port.load_anomaly_model(project_id) is None
    port.save_anomaly_model(project_id, b"\x00model", "iforest-1")
    assert port.load_anomaly_model(project_id) == (b"\x00model", "iforest-1")
    settings.SECRET_KEY = "another-installation-key-" + "x" * 40  # a blob signed elsewhere
    assert port.load_anomaly_model(project_id) is None


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_uploads_lose_nothing(alice, project, settings):
    settings.OCR_EXECUTOR = "thread"
    settings.OCR_WORKERS = 4
    barrier = threading.Barrier(20)

    def one_upload(i):
        try:
            client = client_for(alice)
            barrier.wait(10)
            response = client.post(
                f"/api/projects/{project.pk}/process-invoices/",
                {"files": [upload(f"c{i}.png", png_bytes(i))]},
                format="multipart",
            )
            return response.status_code, response.json()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(one_upload, range(20)))
    assert [code for code, _ in results] == [202] * 20, results
    assert _wait_for(lambda: OcrTask.objects.filter(status="succeeded").count() == 20, timeout=60), list(
        OcrTask.objects.values_list("status", "error_code", "error_message")
    )
    seam.wait_idle(10)
    task_ids = {body["task_id"] for _, body in results}
    assert {str(pk) for pk in OcrTask.objects.values_list("pk", flat=True)} == task_ids
    assert Document.objects.filter(status="processed").count() == 20
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"


@pytest.mark.django_db
def test_distributed_dispatch_records_the_flow_run(
    alice_client, project, run_on_commit, settings, monkeypatch
):
    from flows import dispatch as flows_dispatch

    settings.OCR_PIPELINE_MODE = "distributed"
    submitted = []

    def fake_submit(task_id, *, mode=None):
        submitted.append((task_id, mode))
        return flows_dispatch.Submission(
            task_id=task_id, mode=mode, flow_run_id="11111111-2222-3333-4444-555555555555"
        )

    monkeypatch.setattr(flows_dispatch, "task_submit", fake_submit)
    body = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("d.png", png_bytes(1))]},
        format="multipart",
    ).json()
    assert submitted == [(body["task_id"], "distributed")]
    task = OcrTask.objects.get(pk=body["task_id"])
    assert (task.status, task.flow_run_id) == ("queued", "11111111-2222-3333-4444-555555555555")
    assert fake_flow.hooks.calls == []  # nothing ran in the API process


@pytest.mark.django_db
def test_distributed_dispatch_failure_fails_the_task(
    alice_client, project, run_on_commit, settings, monkeypatch
):
    from flows import dispatch as flows_dispatch

    settings.OCR_PIPELINE_MODE = "distributed"

    def unreachable(task_id, *, mode=None):
        raise ConnectionError("Prefect API unreachable")

    monkeypatch.setattr(flows_dispatch, "task_submit", unreachable)
    body = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("d.png", png_bytes(1))]},
        format="multipart",
    ).json()
    status = alice_client.get(body["status_url"]).json()
    assert status["status"] == "failed"
    assert status["error"] == {"code": "dispatch_failed", "message": "Prefect API unreachable"}


@pytest.mark.django_db
def test_distributed_recovery_leaves_live_flow_runs_alone(alice, project, settings, monkeypatch):
    settings.OCR_PIPELINE_MODE = "distributed"
    live = OcrTask.objects.create(
        project=project, created_by=alice, status="running", attempts=1, flow_run_id="live"
    )
    dead = OcrTask.objects.create(
        project=project, created_by=alice, status="running", attempts=1, flow_run_id="dead"
    )
    handed = OcrTask.objects.create(project=project, created_by=alice, status="queued", flow_run_id="waiting")
    never = OcrTask.objects.create(project=project, created_by=alice, status="queued")
    monkeypatch.setattr(seam, "flow_run_is_active", lambda flow_run_id: flow_run_id in ("live", "waiting"))
    dispatched = []
    monkeypatch.setattr(seam, "_run_deployment", dispatched.append)
    recovered = seam.recover_on_startup()
    assert sorted(recovered) == sorted([str(dead.pk), str(never.pk)])
    assert sorted(dispatched) == sorted(recovered)
    live.refresh_from_db(), handed.refresh_from_db(), dead.refresh_from_db()
    assert (live.status, handed.status, dead.status) == ("running", "queued", "queued")


@pytest.mark.parametrize(
    ("alive", "state", "marked_crashed"),
    [(True, "RUNNING", False), (False, "RUNNING", True), (False, "CRASHED", False), (False, None, False)],
)
def test_flow_run_is_active_trusts_heartbeats_not_the_running_state(
    settings, monkeypatch, alive, state, marked_crashed
):
    """The liveness itself is tested against a real Prefect server (tests/flows/test_distributed_liveness.py);
    here: the stale window the seam asks for, and a silent Running run is marked Crashed in Prefect."""
    import flows.run_liveness as liveness

    settings.PREFECT_API_URL = "http://prefect.invalid/api"
    settings.OCR_HEARTBEAT_MISSED = 2
    asked, crashed = [], []

    def fake(flow_run_id, *, stale_after, api_url):
        asked.append((flow_run_id, stale_after, api_url))
        return liveness.Liveness(alive, state, "test")

    monkeypatch.setattr(liveness, "flow_run_liveness", fake)
    monkeypatch.setattr(
        liveness, "flow_run_mark_crashed", lambda run_id, message, api_url: crashed.append(run_id)
    )
    monkeypatch.setenv("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "30")
    assert seam.flow_run_is_active("r1") is alive
    assert asked == [("r1", 60, "http://prefect.invalid/api")]
    assert crashed == (["r1"] if marked_crashed else [])


@pytest.mark.django_db
def test_a_flow_failing_while_the_process_stops_hands_its_task_back(alice_client, project, run_on_commit):
    def stopping(task_id, index):
        raise RuntimeError("can't register atexit after shutdown")

    fake_flow.hooks.before_document = stopping
    seam.shutdown()  # the process is stopping (gunicorn's worker_int / worker_exit)
    try:
        body = run_on_commit(
            alice_client.post,
            f"/api/projects/{project.pk}/process-invoices/",
            {"files": [upload("s.png", png_bytes(2))]},
            format="multipart",
        ).json()
    finally:
        seam._stopping.clear()
    task = OcrTask.objects.get(pk=body["task_id"])
    assert (task.status, task.error_code, task.attempts) == ("queued", "", 0)
    assert Document.objects.get(pk=body["documents"][0]["id"]).status == "pending"


@pytest.mark.django_db(transaction=True)
def test_the_embedded_worker_gives_memory_back_after_each_run_even_a_failed_one(
    alice, project, settings, monkeypatch
):
    """The API worker runs flows for days: after each run (succeeded or raised) freed heap goes back to
    the system, or the process stays at its largest run's peak (bench/api_memory.py)."""
    settings.OCR_EXECUTOR = "thread"
    trims: list[str] = []
    monkeypatch.setattr(seam, "give_back_freed_memory", lambda: trims.append(threading.current_thread().name))

    def explode(task_id, index):
        raise RuntimeError("engine crashed")

    client = client_for(alice)
    client.post(
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("ok.png", png_bytes(3))]},
        format="multipart",
    )
    seam.wait_idle(20)
    fake_flow.hooks.before_document = explode
    client.post(
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("bad.png", png_bytes(4))]},
        format="multipart",
    )
    seam.wait_idle(20)
    assert len(trims) == 2
    assert all(name.startswith("ocr-task") for name in trims), trims  # in the executor's thread
    assert sorted(OcrTask.objects.values_list("status", flat=True)) == ["failed", "succeeded"]
