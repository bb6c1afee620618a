"""Hostile and careless clients: unrouted paths, bad ids, PATCH bodies out of shape, oversized input.
Each answer is the one error body `{"code", "message"}` with a stable code, and nothing stored changes."""

from __future__ import annotations

import pytest

from tests.django_api.conftest import png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def processed(alice_client, project, run_on_commit):
    body = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("a.png", png_bytes(1))]},
        format="multipart",
    ).json()
    return {"p": project.pk, "t": body["task_id"], "d": body["documents"][0]["id"]}


@pytest.mark.parametrize(
    "path",
    [
        "/api/projects/null/",
        "/api/projects/-1/tasks/",
        "/api/projects/1/documents/x/pages/0.5/image/",
        "/api/projects/1/documents/x/pages/-1/image/",
        "/api/nothing-here/",
        "/not-api/",
    ],
)
def test_unrouted_paths_answer_the_json_error_body(alice_client, path):
    response = alice_client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"code": "not_found", "message": "Not found."}
