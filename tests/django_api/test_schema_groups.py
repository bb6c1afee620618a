"""The OpenAPI schema reads like a table of contents for an integrator: operations grouped by what they
act on, and the description says how to get a token, follow a task, page the documents and avoid
overwriting another reviewer's change."""

from __future__ import annotations

from collections import Counter

from tests.api_shapes import openapi_schema, operation

P = "/api/projects/{project_id}/"


def test_operations_under_a_project_are_grouped_by_what_they_act_on():
    assert operation(P + "documents/")["tags"] == ["documents"]
    assert operation(P + "documents/{document_id}/einvoice/")["tags"] == ["exports"]
    assert operation(P + "ocr-status/{task_id}/")["tags"] == ["uploads and tasks"]
    assert operation(P + "process-invoices/", "post")["tags"] == ["uploads and tasks"]
    assert operation(P + "members/")["tags"] == ["members"]
    assert operation(P + "webhooks/")["tags"] == ["webhooks"]
    assert operation("/api/projects/")["tags"] == ["projects"]
    groups = Counter(
        op["tags"][0] for ops in openapi_schema()["paths"].values() for op in ops.values() if op.get("tags")
    )
    assert groups["projects"] < 10  # no longer every path under a project


def test_the_description_says_how_to_authenticate_follow_tasks_page_and_guard_changes():
    text = openapi_schema()["info"]["description"]
    for needed in ("/api/auth/token/", "Authorization: Token", "ocr-status", "webhook", "limit=", "If-Match"):
        assert needed in text, needed
