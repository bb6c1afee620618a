"""A task's progress counts the documents already read (found in a clerk's week: 12 receipts showed
"0/12 documents" for minutes, until the batch's checks and save at the very end). The flow reports
`documents_extracted` through the port; the API stores and shows it beside `documents_done`."""

from __future__ import annotations

import pytest

from django_api.invoices.models import OcrTask
from django_api.invoices.services.pipeline_records import task_finish
from django_api.orchestration.django_port import DjangoPort
from flows.port import Progress
from tests.django_api.conftest import png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def running_task(alice_client, project, run_on_commit, settings):
    settings.OCR_EXECUTOR = "none"  # nothing runs it: the test reports as the flow would
    body = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload(f"d{i}.png", png_bytes(i + 1)) for i in range(3)]},
        format="multipart",
    ).json()
    task_id = body["task_id"]
    DjangoPort().mark_running(task_id, flow_run_id=None)
    return task_id, body["status_url"]


def test_the_documents_read_count_up_before_any_is_checked_and_saved(alice_client, running_task):
    task_id, status_url = running_task
    port = DjangoPort()
    port.report_progress(task_id, Progress("extract", 0, 3, 3, 3, percent=60.0, documents_extracted=2))
    progress = alice_client.get(status_url).json()["progress"]
    assert (progress["documents_extracted"], progress["documents_done"], progress["documents_total"]) == (
        2,
        0,
        3,
    )
    listed = alice_client.get(status_url.split("ocr-status")[0] + "tasks/").json()
    assert listed[0]["progress"]["documents_extracted"] == 2  # the dashboard's task list reads this one

    task_finish(task_id=task_id, status="succeeded")
    progress = alice_client.get(status_url).json()["progress"]
    assert (progress["documents_extracted"], progress["documents_done"]) == (3, 3)


def test_a_report_without_the_count_never_says_fewer_read_than_done(alice_client, running_task):
    task_id, status_url = running_task
    DjangoPort().report_progress(task_id, Progress("save", 2, 3, 3, 3, percent=95.0))
    assert alice_client.get(status_url).json()["progress"]["documents_extracted"] == 2


def test_a_requeued_task_reads_again_from_zero(running_task):
    task_id, _ = running_task
    port = DjangoPort()
    port.report_progress(task_id, Progress("extract", 0, 3, 3, 3, percent=60.0, documents_extracted=3))
    assert port.requeue_task(task_id)
    assert OcrTask.objects.get(pk=task_id).documents_extracted == 0
