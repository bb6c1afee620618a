"""The Django port's task intake (files swept from an inbox by `watch_inbox`) and project listing
(the nightly refit of every project)."""

from __future__ import annotations

import pytest

from django_api.invoices.models import OcrTask
from django_api.orchestration.django_port import DjangoPort
from ocr_tasks.errors import BadInput
from tests.django_api.conftest import png_bytes

pytestmark = pytest.mark.django_db


def test_project_ids_lists_every_project(project, bob_project):
    assert DjangoPort().project_ids() == [str(project.pk), str(bob_project.pk)]


def test_create_task_by_id_or_name_checks_files_like_an_upload(project, alice):
    port = DjangoPort()
    task_id = port.create_task(str(project.pk), [("a.png", png_bytes(1)), ("notes.txt", b"hello")])
    task = OcrTask.objects.get(pk=task_id)
    assert task.project == project and task.status == "queued" and task.created_by == alice
    assert [d.name for d in task.documents.all()] == ["a.png"]  # the text file is refused

    by_name = OcrTask.objects.get(pk=port.create_task(project.name, [("b.png", png_bytes(2))]))
    assert by_name.project == project


def test_create_task_refuses_an_all_bad_sweep_or_an_unknown_project(project):
    port = DjangoPort()
    with pytest.raises(BadInput) as refused:
        port.create_task(str(project.pk), [("notes.txt", b"hello")])
    assert refused.value.code == "unsupported_type"
    with pytest.raises(BadInput):
        port.create_task("no such project", [("a.png", png_bytes(1))])
    assert not OcrTask.objects.exists()


def test_create_task_refuses_a_sweep_over_the_request_limits_as_bad_input(project, settings):
    settings.OCR_MAX_FILES_PER_REQUEST = 1
    with pytest.raises(BadInput) as refused:
        DjangoPort().create_task(str(project.pk), [("a.png", png_bytes(1)), ("b.png", png_bytes(2))])
    assert refused.value.code == "request_too_large"
    assert not OcrTask.objects.exists()
