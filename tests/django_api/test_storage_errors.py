"""Storage failures and unexpected errors (issue 16 item 4): a media folder that refuses writes answers
503 `storage_error` and keeps nothing of the upload (no row, no file, what was stored before intact); every
unexpected exception is logged at once with its traceback and answered 500 `server_error`."""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage

from django_api.invoices.models import Document, OcrTask
from tests.django_api.conftest import png_bytes, upload

pytestmark = pytest.mark.django_db


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _post(client, project, files):
    return client.post(f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart")


@pytest.fixture
def stored_before(alice_client, project, settings):
    """One document stored before the storage fails: it must stay whole."""
    assert _post(alice_client, project, [upload("before.png", png_bytes(0))]).status_code == 202
    files = _files(Path(settings.MEDIA_ROOT))
    assert len(files) == 1
    return {path: path.read_bytes() for path in files}


def _assert_nothing_new_kept(settings, stored_before) -> None:
    assert Document.objects.count() == 1 and OcrTask.objects.count() == 1
    assert {p: p.read_bytes() for p in _files(Path(settings.MEDIA_ROOT))} == stored_before


@pytest.mark.parametrize(
    "failure",
    [
        OSError(errno.EROFS, "Read-only file system"),
        PermissionError(errno.EACCES, "Permission denied"),
        OSError(errno.ENOSPC, "No space left on device"),
    ],
    ids=["read-only", "permission", "disk-full"],
)
def test_a_storage_that_refuses_writes_answers_503_and_keeps_nothing(
    alice_client, project, settings, stored_before, monkeypatch, caplog, failure
):
    """The second file's write fails half-way (after the first file was written): no row, no file."""
    real_save = FileSystemStorage._save
    calls = []

    def failing_save(self, name, content):
        calls.append(name)
        if len(calls) == 1:
            return real_save(self, name, content)
        Path(self.path(name)).parent.mkdir(parents=True, exist_ok=True)
        Path(self.path(name)).write_bytes(b"half a fi")  # a write that stopped part-way
        raise failure

    monkeypatch.setattr(FileSystemStorage, "_save", failing_save)
    with caplog.at_level(logging.ERROR, logger="django_api"):
        response = _post(
            alice_client, project, [upload("a.png", png_bytes(1)), upload("b.png", png_bytes(2))]
        )
    assert response.status_code == 503, response.content[:300]
    body = response.json()
    assert body["code"] == "storage_error"
    assert failure.strerror in body["message"] and "nothing of this upload was kept" in body["message"]
    assert str(settings.MEDIA_ROOT) not in response.content.decode()  # no server path in the answer
    assert len(calls) == 2
    _assert_nothing_new_kept(settings, stored_before)
    logged = [r for r in caplog.records if r.name == "django_api.invoices.api.errors"]
    assert len(logged) == 1 and logged[0].exc_info is not None
    assert "POST /api/projects/" in logged[0].getMessage()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder; see the patched test")
def test_an_unwritable_media_folder_answers_503(alice_client, project, settings, stored_before):
    media = Path(settings.MEDIA_ROOT)
    folders = [media, *(p for p in media.rglob("*") if p.is_dir())]
    for folder in folders:
        folder.chmod(0o500)
    try:
        response = _post(alice_client, project, [upload("a.png", png_bytes(1))])
    finally:
        for folder in folders:
            folder.chmod(0o700)
    assert (response.status_code, response.json()["code"]) == (503, "storage_error")
    _assert_nothing_new_kept(settings, stored_before)


def test_an_unexpected_error_is_logged_with_its_traceback_and_answered_500(
    alice_client, project, monkeypatch, caplog
):
    def broken(**kwargs):
        raise RuntimeError("a bug somewhere below the view")

    monkeypatch.setattr("django_api.invoices.api.tasks.task_list", broken)
    with caplog.at_level(logging.ERROR, logger="django_api"):
        response = alice_client.get(f"/api/projects/{project.pk}/tasks/")
    assert response.status_code == 500
    assert response.json() == {"code": "server_error", "message": "The server failed to answer this request."}
    records = [r for r in caplog.records if r.name == "django_api.invoices.api.errors"]
    assert len(records) == 1
    assert f"GET /api/projects/{project.pk}/tasks/" in records[0].getMessage()
    assert records[0].exc_info[0] is RuntimeError
    assert "a bug somewhere below the view" not in response.content.decode()  # no internals to the client


def test_a_bad_request_is_not_logged_as_an_error(alice_client, project, caplog):
    with caplog.at_level(logging.ERROR, logger="django_api"):
        response = _post(alice_client, project, [upload("empty.png", b"")])
    assert response.status_code == 400
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
