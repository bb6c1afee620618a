"""Upload limits of issue 16 item 6: a file part with `filename=""` is answered, never dropped; the pages of
one upload and the pages waiting in a project's queue are bounded; Django's own limits are said in the
user's words."""

from __future__ import annotations

import pytest

from django_api.invoices.models import Document, OcrTask
from django_api.orchestration.django_port import DjangoPort
from tests.django_api.conftest import pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


def _raw_post(client, project, parts: list[tuple[str, bytes]]):
    """A multipart body written by hand: the test client never sends `filename=""`."""
    boundary = "limits-boundary-41c2"
    body = b""
    for name, data in parts:
        body += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + data
            + b"\r\n"
        )
    body += f"--{boundary}--\r\n".encode()
    return client.generic(
        "POST",
        f"/api/projects/{project.pk}/process-invoices/",
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )


def _post(client, project, files):
    return client.post(f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart")


def test_an_empty_part_without_a_file_name_alone_is_400_empty_file(alice_client, project):
    """A form's file input left empty sends `filename=""` and no bytes: it was answered 400 `no_files`."""
    response = _raw_post(alice_client, project, [("", b"")])
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "empty_file"
    assert [(r["name"], r["code"]) for r in body["detail"]["rejected"]] == [("unnamed", "empty_file")]
    assert Document.objects.count() == 0 and OcrTask.objects.count() == 0


def test_a_part_without_a_file_name_beside_good_files_is_rejected_not_dropped(alice_client, project):
    """It was silently dropped (202, empty `rejected`)."""
    response = _raw_post(alice_client, project, [("good.png", png_bytes(1)), ("", b"some bytes"), ("", b"")])
    assert response.status_code == 202, response.content[:300]
    body = response.json()
    assert [d["name"] for d in body["documents"]] == ["good.png"]
    assert [(r["name"], r["code"]) for r in body["rejected"]] == [
        ("unnamed", "missing_filename"),
        ("unnamed", "empty_file"),
    ]
    assert "file name" in body["rejected"][0]["message"]
    assert Document.objects.count() == 1


def test_a_part_without_a_file_name_alone_is_400_missing_filename(alice_client, project):
    response = _raw_post(alice_client, project, [("", png_bytes(1))])
    assert (response.status_code, response.json()["code"]) == (400, "missing_filename")
    assert Document.objects.count() == 0


def test_the_pages_of_one_upload_are_bounded(alice_client, project, settings):
    settings.OCR_MAX_PAGES_PER_REQUEST = 3
    response = _post(alice_client, project, [upload("a.pdf", pdf_bytes(2)), upload("b.pdf", pdf_bytes(2))])
    assert response.status_code == 413
    body = response.json()
    assert body["code"] == "too_many_pages"
    assert body["detail"] == {"pages": 4, "max_pages_per_request": 3}
    assert "4 pages in all" in body["message"] and "several uploads" in body["message"]
    assert Document.objects.count() == 0 and OcrTask.objects.count() == 0
    ok = _post(alice_client, project, [upload("a.pdf", pdf_bytes(2)), upload("c.png", png_bytes(1))])
    assert ok.status_code == 202


def test_the_pages_waiting_in_a_project_queue_are_bounded(
    alice_client, bob_client, project, bob_project, settings
):
    settings.OCR_EXECUTOR = "none"  # tasks stay queued: their pages wait
    settings.OCR_MAX_QUEUED_PAGES_PER_PROJECT = 3
    first = _post(alice_client, project, [upload("a.pdf", pdf_bytes(2))])
    assert first.status_code == 202
    full = _post(alice_client, project, [upload("b.pdf", pdf_bytes(2))])
    assert full.status_code == 429
    body = full.json()
    assert body["code"] == "queue_full"
    assert body["detail"] == {"pages": 2, "queued_pages": 2, "max_queued_pages": 3}
    assert full["Retry-After"] == "60"
    assert Document.objects.filter(project=project).count() == 1
    assert _post(alice_client, project, [upload("c.png", png_bytes(1))]).status_code == 202  # fits: 3
    assert _post(bob_client, bob_project, [upload("d.pdf", pdf_bytes(2))]).status_code == 202  # own queue
    cancel = alice_client.post(f"/api/projects/{project.pk}/ocr-cancel/{first.json()['task_id']}/")
    assert cancel.status_code == 202  # its documents end `failed`: no longer waiting
    assert _post(alice_client, project, [upload("b.pdf", pdf_bytes(2))]).status_code == 202


def test_processed_documents_do_not_count_as_queued(alice_client, project, settings, run_on_commit):
    settings.OCR_MAX_QUEUED_PAGES_PER_PROJECT = 2
    for seed in range(3):  # the fake flow processes each at once (sync executor)
        response = run_on_commit(_post, alice_client, project, [upload(f"{seed}.pdf", pdf_bytes(2))])
        assert response.status_code == 202, response.json()


def test_inbox_sweeps_have_no_page_quota(alice, project, settings):
    """A sweep processes its task at once; a quota refusal would move good files to the errors folder."""
    settings.OCR_MAX_PAGES_PER_REQUEST = 1
    settings.OCR_MAX_QUEUED_PAGES_PER_PROJECT = 1
    task_id = DjangoPort().create_task(str(project.pk), [("a.pdf", pdf_bytes(3))])
    assert OcrTask.objects.get(pk=task_id).pages_total == 3


def test_django_file_count_limit_is_said_in_the_users_words(alice_client, project, settings):
    """The message named `settings.DATA_UPLOAD_MAX_NUMBER_FILES`."""
    settings.OCR_MAX_FILES_PER_REQUEST = 3
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 4
    response = _post(alice_client, project, [upload(f"{i}.png", png_bytes(i)) for i in range(6)])
    assert response.status_code == 413
    body = response.json()
    assert body["code"] == "request_too_large"
    assert body["message"] == "Too many files in one request: send at most 3 files per upload."
    assert body["detail"] == {"max_files": 3}
    assert "settings" not in body["message"] and "DATA_UPLOAD" not in body["message"]


def test_django_body_size_limit_is_said_in_the_users_words(alice_client, project, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = _raw_post(alice_client, project, [("", b"x" * 5000)])  # a nameless part counts as a field
    assert (response.status_code, response.json()["code"]) == (413, "request_too_large")
    assert "1,000 bytes" in response.json()["message"] and "settings" not in response.json()["message"]
