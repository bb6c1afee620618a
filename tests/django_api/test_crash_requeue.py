"""A task whose flow run crashed (`DjangoPort.requeue_task(count_attempt=True)`, called by the flow's
`on_crashed` hook) and what its next attempt reads (`DjangoPort.load_task`): the attempt counts,
`OCR_MAX_ATTEMPTS` crashes fail it `interrupted`, documents already settled are handed to the next
attempt as such, and the pages counted at upload give the page total before any percent."""

from __future__ import annotations

import pytest

from django_api.invoices.models import Document, OcrTask
from django_api.orchestration.django_port import DjangoPort
from tests.django_api.test_requeue import _run_partly, queued_task  # noqa: F401  (a fixture)


@pytest.mark.django_db
def test_a_crash_requeues_the_task_counting_the_attempt(alice_client, queued_task, settings):  # noqa: F811
    settings.OCR_MAX_ATTEMPTS = 3
    task, _ = queued_task
    docs = _run_partly(task)

    assert DjangoPort().requeue_task(str(task.pk), count_attempt=True) is True

    task.refresh_from_db()
    assert (task.status, task.attempts, task.current_step, task.progress) == ("queued", 1, "requeued", 0.0)
    statuses = dict(Document.objects.filter(task=task).values_list("name", "status"))
    assert statuses == {"d0.png": "processed", "d1.png": "failed", "d2.png": "pending"}
    inputs = DjangoPort().load_task(str(task.pk))
    assert inputs.attempt == 2  # the next run is the second attempt
    assert dict(inputs.settled) == {str(docs["d0.png"].pk): "", str(docs["d1.png"].pk): "ocr_failed"}
    assert sum(inputs.page_counts.values()) == 3 and set(inputs.page_counts) == {
        str(d.pk) for d in docs.values()
    }


@pytest.mark.django_db
def test_a_crash_once_the_attempts_are_used_up_fails_the_task_interrupted(
    alice_client,
    queued_task,  # noqa: F811
    settings,
):
    settings.OCR_MAX_ATTEMPTS = 1
    task, _ = queued_task
    _run_partly(task)

    assert DjangoPort().requeue_task(str(task.pk), count_attempt=True) is False

    task.refresh_from_db()
    assert (task.status, task.error_code, task.attempts) == ("failed", "interrupted", 1)
    statuses = dict(Document.objects.filter(task=task).values_list("name", "status"))
    assert statuses == {"d0.png": "processed", "d1.png": "failed", "d2.png": "failed"}
    assert Document.objects.get(task=task, name="d2.png").error_code == "interrupted"


@pytest.mark.django_db
def test_a_task_no_longer_running_is_left_as_it_is(alice_client, queued_task):  # noqa: F811
    task, _ = queued_task

    assert DjangoPort().requeue_task(str(task.pk), count_attempt=True) is False

    assert OcrTask.objects.get(pk=task.pk).status == "queued"
