"""The declared shapes are binding: every JSON body the views send, on a project with processed, failed,
corrected, approved and duplicate documents, matches the OpenAPI schema strictly (`tests/api_shapes.py`):
a key a selector adds or drops, or a type it changes, fails here, not in a client."""

from __future__ import annotations

import pytest

from tests.api_shapes import assert_shape, component_schema, openapi_schema, response_schema, shape_errors
from tests.django_api.conftest import png_bytes, upload

P = "/api/projects/{project_id}/"
T = "{task_id}/"
D = P + "documents/{document_id}/"


@pytest.fixture
def world(alice_client, project, run_on_commit):
    """One task with a processed, a failed, a failing-checks and a duplicate document; the first one
    corrected, the third approved with an override."""
    files = [
        upload("a.png", png_bytes(1)),
        upload("b-fail.png", png_bytes(2)),
        upload("c-mismatch.png", png_bytes(3)),
        upload("d.png", png_bytes(1)),  # same bytes as a.png
    ]
    body = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": files},
        format="multipart",
    ).json()
    ids = {d["name"]: d["id"] for d in body["documents"]}
    base = f"/api/projects/{project.pk}/documents/"
    corrected = alice_client.patch(
        base + ids["a.png"] + "/fields/",
        {"fields": {"total": "12.50", "due_date": "2024-04-15"}, "line_items": [{"description": "Bolt"}]},
        format="json",
    )
    assert corrected.status_code == 200, corrected.content
    approved = alice_client.post(
        base + ids["c-mismatch.png"] + "/approve/",
        {"force": True, "reason": "checked by hand"},
        format="json",
    )
    assert approved.status_code == 200, approved.content
    return {"project_id": project.pk, "task_id": body["task_id"], "ids": ids}


# GET endpoints whose bodies are checked against the schema by their own tests
CHECKED_ELSEWHERE = [  # tests/django_api/test_webhooks.py
    P + "webhooks/",
    P + "webhooks/{webhook_id}/",
    P + "webhooks/{webhook_id}/deliveries/",
    # tests/django_api/test_vendor_memory_api.py
    P + "vendors/",
    P + "vendors/{key}/",
    P + "templates/",
    P + "templates/{name}/",
    # tests/django_api/test_project_members.py
    P + "members/",
]


def _get(client, template: str, world, query: str = "", **ids) -> tuple[object, dict]:
    url = template.format(project_id=world["project_id"], task_id=world["task_id"], **ids) + query
    response = client.get(url)
    return response, response_schema(template, "get", response.status_code)


GET_ENDPOINTS = [
    "/api/",
    "/api/me/",
    "/api/ocr-health/",
    "/api/projects/",
    P,
    P + "settings/",
    P + "summary/",
    P + "tasks/",
    P + "ocr-status/" + T,
    P + "ocr-validation/" + T,
    P + "ocr-anomalies/" + T,
    P + "ocr-check-task/" + T,
    P + "documents/",
]


def test_every_get_body_is_the_declared_shape(alice_client, world):
    """All JSON GETs (one world: its set-up runs the fake flow and the re-checks, ~6 s)."""
    problems = []
    requests = [(t, "", {}) for t in GET_ENDPOINTS]
    requests += [(D, "", {"document_id": doc_id}) for doc_id in world["ids"].values()]
    requests += [(t, "?format=json", {}) for t in (P + "export/", P + "ocr-download/" + T)]
    for template, query, ids in requests:
        response, schema = _get(alice_client, template, world, query, **ids)
        assert response.status_code in (200, 503), (template, response.content)  # health: 503 same body
        problems += [f"GET {template}{query} {ids or ''} {e}" for e in shape_errors(response.json(), schema)]
        if template == D:
            assert response["ETag"] == f'"{response.json()["result_version"]}"'
    assert not problems, "bodies that do not match the API schema:\n" + "\n".join(problems)


def test_write_and_error_answers_are_the_declared_shapes(alice_client, anon_client, world):
    base = f"/api/projects/{world['project_id']}/"
    doc = base + f"documents/{world['ids']['d.png']}/"
    detail = alice_client.get(doc).json()
    answers = {
        ("/api/projects/", "post"): alice_client.post("/api/projects/", {"name": "Second"}, format="json"),
        (D + "fields/", "patch"): alice_client.patch(
            doc + "fields/",
            {"fields": {"total": "13.00"}, "result_version": detail["result_version"]},
            format="json",
        ),
        (D + "approve/", "post"): alice_client.post(doc + "approve/", {}, format="json"),
        (P + "ocr-cancel/" + T, "post"): alice_client.post(base + f"ocr-cancel/{world['task_id']}/"),
    }
    for (template, method), response in answers.items():
        assert_shape(
            response.json(), response_schema(template, method, response.status_code), f"{method} {template}"
        )
    stale = alice_client.patch(
        base + f"documents/{world['ids']['a.png']}/fields/",
        {"fields": {"total": "1.00"}, "result_version": 1},
        format="json",
    )
    errors = [
        stale,
        anon_client.get("/api/projects/"),
        alice_client.get("/api/projects/999999/"),
        alice_client.get(base + "documents/?status=nope"),
    ]
    assert [e.status_code for e in errors] == [409, 401, 404, 400]
    for error in errors:
        assert_shape(error.json(), component_schema("Error"), f"error {error.status_code}")


def test_upload_and_login_answers_are_the_declared_shapes(alice_client, anon_client, project, run_on_commit):
    accepted = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("x.png", png_bytes(7)), upload("empty.png", b"")]},
        format="multipart",
    )
    assert accepted.status_code == 202
    assert accepted.json()["rejected"], "the empty file is rejected, its entry checked too"
    assert_shape(accepted.json(), response_schema(P + "process-invoices/", "post", 202), "upload")
    login = anon_client.post("/api/auth/token/", {"username": "alice", "password": "alice-pw-123"})
    assert_shape(login.json(), response_schema("/api/auth/token/", "post", 200), "login")


def test_a_drifted_body_is_caught():
    """The check itself: an undeclared key, a missing key and a wrong type are each reported."""
    schema = component_schema("Progress")
    good = {
        "documents_done": 1,
        "documents_extracted": 2,
        "documents_total": 2,
        "pages_done": 1,
        "pages_total": 2,
        "percent": 50.0,
    }
    assert shape_errors(good, schema) == []
    assert shape_errors({**good, "eta_seconds": 3}, schema)
    assert shape_errors({k: v for k, v in good.items() if k != "percent"}, schema)
    assert shape_errors({**good, "documents_done": "1"}, schema)
    nullable = component_schema("TaskStatus")
    assert any("created_at" in e for e in shape_errors({"created_at": "now"}, nullable))


def test_every_json_get_operation_is_covered():
    """A new GET endpoint with a JSON body gets a shape test (add it to the lists above)."""
    covered = {*GET_ENDPOINTS, D, P + "export/", P + "ocr-download/" + T, "/api/fields/", *CHECKED_ELSEWHERE}
    json_gets = {
        path
        for path, operations in openapi_schema()["paths"].items()
        if "get" in operations
        and "application/json" in operations["get"]["responses"].get("200", {}).get("content", {})
        and path != "/api/schema/"
    }
    uncovered = sorted(json_gets - covered)
    assert not uncovered, (
        f"GET endpoints with a JSON body and no shape check: {uncovered}; add them to GET_ENDPOINTS of "
        "tests/django_api/test_response_shapes.py (and declare their answer in invoices/api/schemas.py)"
    )
