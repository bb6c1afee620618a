"""Retrying a document that failed (OCR error, a cancelled task) by uploading the file again: the new
upload is no duplicate of the failed one (that one has no values and books nothing), so it is approved
without an override; a file uploaded again after it was read is still a duplicate."""

from __future__ import annotations

import pytest

from tests.django_api.conftest import png_bytes, upload

pytestmark = pytest.mark.django_db


def _upload(client, project, run_on_commit, name: str, data: bytes) -> dict:
    response = run_on_commit(
        client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload(name, data)]},
        format="multipart",
    )
    assert response.status_code == 202, response.content
    return response.json()["documents"][0]


def test_a_failed_document_uploaded_again_is_no_duplicate(alice_client, project, run_on_commit):
    data = png_bytes(7)
    failed = _upload(alice_client, project, run_on_commit, "scan-fail.png", data)  # the fake engine fails it
    base = f"/api/projects/{project.pk}/documents/"
    assert alice_client.get(base + failed["id"] + "/").json()["status"] == "failed"

    retried = _upload(alice_client, project, run_on_commit, "scan.png", data)
    detail = alice_client.get(base + retried["id"] + "/").json()
    assert detail["status"] == "processed"
    assert detail["duplicate_of"] is None
    approved = alice_client.post(base + retried["id"] + "/approve/", {}, format="json")
    assert approved.status_code == 200, approved.content  # no "uploaded twice" check to override


def test_a_read_document_uploaded_again_is_still_a_duplicate(alice_client, project, run_on_commit):
    data = png_bytes(8)
    first = _upload(alice_client, project, run_on_commit, "scan.png", data)
    again = _upload(alice_client, project, run_on_commit, "scan-again.png", data)
    detail = alice_client.get(f"/api/projects/{project.pk}/documents/{again['id']}/").json()
    assert detail["duplicate_of"] == first["id"]
