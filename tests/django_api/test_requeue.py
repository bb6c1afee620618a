"""A task handed back by a stopping process (`DjangoPort.requeue_task`, `flows.port.TaskRequeue`) and a
task re-queued by the start-up recovery: `queued` again without their old progress."""

from __future__ import annotations

import pytest

from django_api.invoices.models import Document, OcrTask
from django_api.invoices.services.recovery import tasks_recover_interrupted
from django_api.orchestration.django_port import DjangoPort, build_port
from flows.port import Progress, TaskRequeue
from tests.django_api.conftest import png_bytes, upload


@pytest.fixture
def queued_task(alice_client, project, run_on_commit, settings):
    """A queued task of three documents that no executor picks up."""
    settings.OCR_EXECUTOR = "none"
    body = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload(f"d{i}.png", png_bytes(i)) for i in range(3)]},
        format="multipart",
    ).json()
    return OcrTask.objects.get(pk=body["task_id"]), body["status_url"]


def _run_partly(task: OcrTask) -> dict[str, Document]:
    """Running on its first attempt, some way in: d0 processed, d1 failed, d2 still processing."""
    port = DjangoPort()
    port.mark_running(str(task.pk), flow_run_id="flow-1")
    docs = {d.name: d for d in Document.objects.filter(task=task)}
    Document.objects.filter(pk=docs["d0.png"].pk).update(status="processed")
    Document.objects.filter(pk=docs["d1.png"].pk).update(
        status="failed", error_code="ocr_failed", error_message="unreadable", error_step="ocr"
    )
    OcrTask.objects.filter(pk=task.pk).update(
        current_step="ocr", progress=63.5, pages_done=2, documents_done=2, error_message="stale"
    )
    return docs


def test_the_django_port_hands_tasks_back(db):
    assert isinstance(build_port(), TaskRequeue)


@pytest.mark.django_db
def test_requeue_puts_a_running_task_back_without_its_progress_or_the_attempt(alice_client, queued_task):
    task, status_url = queued_task
    docs = _run_partly(task)
    task.refresh_from_db()
    assert (task.status, task.attempts) == ("running", 1)

    DjangoPort().requeue_task(str(task.pk))

    task.refresh_from_db()
    assert (task.status, task.attempts, task.current_step) == ("queued", 0, "requeued")
    assert (task.progress, task.pages_done, task.documents_done) == (0.0, 0, 0)
    assert (task.finished_at, task.error_code, task.error_message) == (None, "", "")
    assert task.flow_run_id == "flow-1" and task.documents_total == 3
    after = {d.name: d for d in Document.objects.filter(task=task)}
    assert after["d0.png"].status == "processed"  # finished documents keep their results
    assert (after["d1.png"].status, after["d1.png"].error_code) == ("failed", "ocr_failed")
    assert (after["d2.png"].status, after["d2.png"].error_code) == ("pending", "")
    assert set(after) == set(docs)
    shown = alice_client.get(status_url).json()
    assert shown["status"] == "queued" and shown["progress"]["percent"] == 0.0


@pytest.mark.django_db
def test_a_requeued_task_runs_again_on_the_same_attempt_and_reports_progress_from_zero(queued_task):
    task, _ = queued_task
    _run_partly(task)
    port = DjangoPort()
    port.requeue_task(str(task.pk))

    port.mark_running(str(task.pk), flow_run_id="flow-2")
    port.report_progress(str(task.pk), Progress("ocr", 0, 3, 1, 3, percent=12.0))
    task.refresh_from_db()
    assert (task.status, task.attempts, task.progress, task.pages_done) == ("running", 1, 12.0, 1)
    assert Document.objects.get(task=task, name="d2.png").status == "processing"


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["queued", "cancelling", "cancelled", "succeeded", "failed"])
def test_requeue_leaves_a_task_that_is_not_running_as_it_is(queued_task, status):
    task, _ = queued_task
    _run_partly(task)
    OcrTask.objects.filter(pk=task.pk).update(status=status)
    before = OcrTask.objects.values().get(pk=task.pk)
    documents = dict(Document.objects.filter(task=task).values_list("name", "status"))

    DjangoPort().requeue_task(str(task.pk))

    assert OcrTask.objects.values().get(pk=task.pk) == before
    assert dict(Document.objects.filter(task=task).values_list("name", "status")) == documents


@pytest.mark.django_db
def test_requeue_of_an_unknown_task_does_nothing(db):
    DjangoPort().requeue_task("00000000-0000-0000-0000-000000000000")


@pytest.mark.django_db
def test_recovery_requeues_a_running_task_without_its_old_progress(alice_client, queued_task):
    task, status_url = queued_task
    _run_partly(task)

    assert tasks_recover_interrupted(max_attempts=3) == [str(task.pk)]

    task.refresh_from_db()
    assert (task.status, task.current_step) == ("queued", "requeued")
    assert (task.progress, task.pages_done, task.documents_done) == (0.0, 0, 0)
    assert task.attempts == 1  # the recovery counts the interrupted attempt
    statuses = dict(Document.objects.filter(task=task).values_list("name", "status"))
    assert statuses == {"d0.png": "processed", "d1.png": "failed", "d2.png": "pending"}
    assert alice_client.get(status_url).json()["progress"]["percent"] == 0.0
