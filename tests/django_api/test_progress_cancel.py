"""Progress and cancellation as the API reports them: the stored percentage (weighted by step, from the
flow) never goes back and is below 100 until the task ends; a cancel through the API ends a task run
by the real flow (Django port, a fake engine of seconds per page) within a poll, `cancelled`, with its
documents marked, never "N/N documents", and the Prefect flow run Cancelled."""

from __future__ import annotations

import time

import pytest

from django_api.invoices.models import Document, OcrTask
from django_api.invoices.services.pipeline_records import task_finish, task_progress_save
from django_api.orchestration import seam
from ocr_tasks.engines import ENGINES
from tests.django_api.conftest import client_for, upload
from tests.flows.fakes import FAKE_ENGINES, fake_settings
from tests.flows.fakes import png_bytes as page_png

CANCEL_WITHIN = 2.5  # seconds; a page of the fake engine takes 4


def _report(task, step, percent, *, pages_done=0, documents_done=0):
    task_progress_save(
        task_id=task.pk,
        step=step,
        documents_done=documents_done,
        documents_total=2,
        pages_done=pages_done,
        pages_total=2,
        percent=percent,
    )
    task.refresh_from_db()
    return task


@pytest.fixture
def running_task(alice_client, project, run_on_commit, settings):
    settings.OCR_EXECUTOR = "none"
    body = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload(f"d{i}.png", page_png(f"d{i}")) for i in range(2)]},
        format="multipart",
    ).json()
    OcrTask.objects.filter(pk=body["task_id"]).update(status="running")
    return OcrTask.objects.get(pk=body["task_id"]), body["status_url"]


@pytest.mark.django_db
def test_the_api_shows_the_flows_weighted_percent_never_back_and_100_only_at_the_end(
    alice_client, running_task
):
    task, status_url = running_task
    assert _report(task, "ocr", 12.5, pages_done=1).percent == 12.5
    # every page read but the documents still to extract: not 100 (it was pages_done / pages_total)
    assert _report(task, "extract", 31.0, pages_done=2).percent == 31.0
    assert _report(task, "extract", 20.0, pages_done=2).percent == 31.0  # a late report: never back
    assert _report(task, "save", 120.0, pages_done=2, documents_done=2).percent == 99.9  # below 100
    status = alice_client.get(status_url).json()
    assert status["status"] == "running" and status["current_step"] == "save"
    assert status["progress"]["percent"] == 99.9
    assert set(status["progress"]) == {
        "documents_done",
        "documents_extracted",
        "documents_total",
        "pages_done",
        "pages_total",
        "percent",
    }

    task_finish(task_id=task.pk, status="succeeded")

    assert alice_client.get(status_url).json()["progress"]["percent"] == 100.0


@pytest.mark.django_db
def test_a_cancelled_task_keeps_its_counts_and_percent(alice_client, running_task):
    task, status_url = running_task
    _report(task, "ocr", 40.0, pages_done=1)

    task_finish(task_id=task.pk, status="cancelled", error_code="cancelled", error_message="cancelled")

    status = alice_client.get(status_url).json()
    assert (status["status"], status["current_step"]) == ("cancelled", "cancelled")
    progress = status["progress"]
    assert progress["percent"] == 40.0 and progress["documents_done"] == 0 < progress["documents_total"]
    assert set(Document.objects.filter(task=task).values_list("error_code", flat=True)) == {"cancelled"}


def _flow_run_state_type(flow_run_id: str) -> str:
    from uuid import UUID

    from prefect import get_client

    with get_client(sync_client=True) as client:
        return client.read_flow_run(UUID(flow_run_id)).state.type.value


@pytest.mark.django_db(transaction=True)
def test_cancel_through_the_api_ends_a_real_flow_run_within_a_poll(alice, project, settings, monkeypatch):
    for name, engine in FAKE_ENGINES.items():
        engine.calls = 0
        monkeypatch.setitem(ENGINES, name, engine)
    settings.OCR_FLOW = "flows.dispatch:task_submit"
    settings.OCR_EXECUTOR = "thread"
    project.settings = fake_settings("glacial")  # 4 s a page
    project.save()
    client = client_for(alice)
    files = [upload(f"doc{i}.png", page_png(f"doc {i}")) for i in range(6)]
    body = client.post(
        f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    ).json()
    deadline = time.monotonic() + 90
    status = client.get(body["status_url"]).json()
    while time.monotonic() < deadline and status["progress"]["pages_done"] < 1:
        time.sleep(0.05)
        status = client.get(body["status_url"]).json()
    assert status["status"] == "running" and 0 < status["progress"]["percent"] < 100, status

    asked = time.monotonic()
    cancel = client.post(f"/api/projects/{project.pk}/ocr-cancel/{body['task_id']}/")
    assert cancel.status_code == 202
    while time.monotonic() < asked + 30 and status["status"] != "cancelled":
        time.sleep(0.05)
        status = client.get(body["status_url"]).json()
    latency = time.monotonic() - asked
    seam.wait_idle(60)

    assert status["status"] == "cancelled" and latency < CANCEL_WITHIN, (status, latency)
    assert status["current_step"] == "cancelled" and status["error"]["code"] == "cancelled"
    progress = status["progress"]
    assert progress["documents_done"] < progress["documents_total"] == 6  # never "6/6 documents"
    assert progress["percent"] < 100
    documents = Document.objects.filter(task_id=body["task_id"])
    assert {(d.status, d.error_code) for d in documents} == {("failed", "cancelled")}
    assert FAKE_ENGINES["glacial"].calls < 6  # the pages not started were withdrawn
    task = OcrTask.objects.get(pk=body["task_id"])
    assert _flow_run_state_type(task.flow_run_id) == "CANCELLED"  # what the Prefect UI shows
