"""Isolation and roles: every endpoint x another user's project/task/document -> 404; viewers' writes
-> 403; no token -> 401."""

from __future__ import annotations

import pytest

from django_api.invoices.models import Document, FieldCorrection, OcrTask
from tests.django_api.conftest import png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def processed(project, processed_document):
    task, document = processed_document
    return {"project": project.pk, "task": task, "document": document}


def endpoints(p, t, d):
    """(method, path, body) of every project-scoped endpoint."""
    return [
        ("get", f"/api/projects/{p}/", None),
        ("get", f"/api/projects/{p}/summary/", None),
        ("get", f"/api/projects/{p}/export/?format=json", None),
        ("post", f"/api/projects/{p}/process-invoices/", "files"),
        ("get", f"/api/projects/{p}/tasks/", None),
        ("get", f"/api/projects/{p}/ocr-status/{t}/", None),
        ("post", f"/api/projects/{p}/ocr-cancel/{t}/", None),
        ("get", f"/api/projects/{p}/ocr-download/{t}/?format=csv", None),
        ("get", f"/api/projects/{p}/ocr-validation/{t}/", None),
        ("get", f"/api/projects/{p}/ocr-anomalies/{t}/", None),
        ("get", f"/api/projects/{p}/ocr-check-task/{t}/", None),
        ("get", f"/api/projects/{p}/documents/", None),
        ("get", f"/api/projects/{p}/documents/{d}/", None),
        ("get", f"/api/projects/{p}/documents/{d}/pages/0/image/", None),
        ("patch", f"/api/projects/{p}/documents/{d}/fields/", {"fields": {"total": "1.00"}}),
        ("post", f"/api/projects/{p}/documents/{d}/approve/", None),
    ]


def call(client, method, path, body):
    if body == "files":
        return client.post(path, {"files": [upload("x.png", png_bytes(5))]}, format="multipart")
    return getattr(client, method)(path, body, format="json") if body else getattr(client, method)(path)


def _unchanged_state():
    return (
        OcrTask.objects.count(),
        Document.objects.count(),
        FieldCorrection.objects.count(),
        list(Document.objects.values_list("status", flat=True)),
        list(OcrTask.objects.values_list("status", flat=True)),
    )


def test_other_users_project_task_document_answer_404(bob_client, processed, bob_project, bob):
    """Bob gets 404 on Alice's project, and on Alice's task/document reached through his own project."""
    before = _unchanged_state()
    p, t, d = processed["project"], processed["task"], processed["document"]
    cases = endpoints(p, t, d) + [
        case
        for case in endpoints(bob_project.pk, t, d)
        if "{" not in case[1] and (t in case[1] or d in case[1])
    ]
    assert len(cases) == 16 + 10  # 6 task and 4 document endpoints through his own project
    for method, path, body in cases:
        response = call(bob_client, method, path, body)
        assert response.status_code == 404, (method, path, response.status_code)
        assert response.json()["code"] == "not_found", path
        assert b"a.png" not in response.content
    assert _unchanged_state() == before


def test_unknown_ids_answer_404(alice_client, processed):
    p = processed["project"]
    for method, path, body in endpoints(p, "00000000-0000-0000-0000-000000000000", "not-a-uuid"):
        if "ocr-" in path or "/documents/not-a-uuid/" in path:
            assert call(alice_client, method, path, body).status_code == 404, path
    assert alice_client.get("/api/projects/999999/").status_code == 404


def test_viewer_reads_but_writes_are_403(vera_client, processed):
    before = _unchanged_state()
    p, t, d = processed["project"], processed["task"], processed["document"]
    writes = 0
    for method, path, body in endpoints(p, t, d):
        response = call(vera_client, method, path, body)
        if method == "get":
            assert response.status_code == 200, path
        else:
            writes += 1
            assert response.status_code == 403, (method, path, response.status_code)
            assert response.json()["code"] == "permission_denied"
    assert writes == 4
    assert _unchanged_state() == before


def test_no_token_is_401_everywhere(anon_client, processed):
    p, t, d = processed["project"], processed["task"], processed["document"]
    cases = endpoints(p, t, d) + [
        ("get", "/api/projects/", None),
        ("post", "/api/projects/", {"name": "x"}),
        ("get", "/api/me/", None),
    ]
    for method, path, body in cases:
        response = call(anon_client, method, path, body)
        assert response.status_code == 401, (method, path, response.status_code)
        assert response.json()["code"] == "not_authenticated"


def test_bad_token_is_401(anon_client, processed):
    anon_client.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    response = anon_client.get(f"/api/projects/{processed['project']}/")
    assert response.status_code == 401 and response.json()["code"] == "not_authenticated"


def test_session_authentication_works(anon_client, alice, processed):
    anon_client.force_login(alice)
    assert anon_client.get(f"/api/projects/{processed['project']}/tasks/").status_code == 200


def test_project_list_shows_only_own_projects(bob_client, processed, bob_project):
    assert [p["name"] for p in bob_client.get("/api/projects/").json()] == ["Bob invoices"]
