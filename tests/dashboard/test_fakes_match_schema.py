"""The dashboard's test fake answers what the API answers: every body `FakeApi` returns for the calls
the dashboard makes validates, strictly, against the OpenAPI schema the API serves (generated in-process
from the views and `django_api/invoices/api/schemas.py`; `tests/api_shapes.py`). A change of the API's
shapes breaks this test (fix `tests/dashboard/fakes.py`, then the dashboard) instead of the UI.

The dashboard itself never imports Django; this test does, to read the schema."""

from __future__ import annotations

import inspect

import pytest

from dashboard.api_client import ApiClient, ApiError, UploadFile
from tests.api_shapes import assert_shape, component_schema, response_schema
from tests.dashboard.fakes import DEFAULT_SETTINGS, DOC_A, DOC_B, INVOICE_FIELDS, TASK_1, FakeApi

P = "/api/projects/{project_id}/"
D = P + "documents/{document_id}/"

# the fake's method -> (operation path, method, status) of the API call the real client makes
OPERATIONS = {
    "me": ("/api/me/", "get", 200),
    "health": ("/api/ocr-health/", "get", 200),
    "fields": ("/api/fields/", "get", 200),
    "list_projects": ("/api/projects/", "get", 200),
    "create_project": ("/api/projects/", "post", 201),
    "project_summary": (P + "summary/", "get", 200),
    "project_settings": (P + "settings/", "get", 200),
    "update_project_settings": (P + "settings/", "patch", 200),
    "upload": (P + "process-invoices/", "post", 202),
    "list_tasks": (P + "tasks/", "get", 200),
    "task_status": (P + "ocr-status/{task_id}/", "get", 200),
    "cancel_task": (P + "ocr-cancel/{task_id}/", "post", 202),
    "list_documents": (P + "documents/", "get", 200),
    "document": (D, "get", 200),
    "update_fields": (D + "fields/", "patch", 200),
    "approve": (D + "approve/", "post", 200),
    "reject": (D + "reject/", "post", 200),
    "reextract": (D + "reextract/", "post", 200),
    "list_vendors": (P + "vendors/", "get", 200),
    "list_templates": (P + "templates/", "get", 200),
    "upload_template": (P + "templates/", "post", 201),
    "rescore": (P + "rescore/", "post", 202),
    "list_members": (P + "members/", "get", 200),
    "set_member": (P + "members/{username}/", "put", 201),
}
NOT_JSON = {"sign_in", "export_project", "download_task", "page_image", "vendor_template"}  # token, bytes
NO_BODY = {"forget_vendor", "forget_vendor_field", "delete_template", "remove_member"}  # 204


def _check(name: str, body: object) -> None:
    path, method, status = OPERATIONS[name]
    assert_shape(body, response_schema(path, method, status), f"FakeApi.{name}")


@pytest.fixture
def fake() -> FakeApi:
    return FakeApi()


def test_reads_match_the_schema(fake):
    _check("me", fake.me())
    _check("health", fake.health())
    _check("fields", fake.fields())
    _check("list_projects", fake.list_projects())
    _check("project_summary", fake.project_summary(1))
    _check("project_settings", fake.project_settings(1))
    _check("list_tasks", fake.list_tasks(1))
    _check("task_status", fake.task_status(1, TASK_1))
    _check("list_documents", fake.list_documents(1))
    for document_id in fake.documents:
        _check("document", fake.document(1, document_id))


def test_writes_and_the_documents_after_them_match_the_schema(fake):
    _check("create_project", fake.create_project("Invoices 2026"))
    _check("list_projects", fake.list_projects())
    accepted = fake.upload(1, [UploadFile("a.jpg", b"jpeg"), UploadFile("empty.png", b"")])
    assert accepted["rejected"]
    _check("upload", accepted)
    _check("list_tasks", fake.list_tasks(1))
    _check("cancel_task", fake.cancel_task(1, TASK_1))
    changed = fake.update_project_settings(1, {"review": {"confidence": 0.95}, "ocr_engine": "tesseract"})
    _check("update_project_settings", changed)
    body = {
        "fields": {"total": "9.50", "subtotal": None, "invoice_number": "INV-0042"},
        "line_items": [{"description": "Tea", "quantity": "1", "unit_price": None, "amount": "0.50"}],
        "result_version": 1,
    }
    _check("update_fields", fake.update_fields(1, DOC_A, body))
    _check("approve", fake.approve(1, DOC_B, result_version=1))
    fake.documents[DOC_A]["failing_error_checks"] = [{"suite": "invoice", "expectation": "date"}]
    with pytest.raises(ApiError):
        fake.approve(1, DOC_A)
    forced = fake.approve(1, DOC_A, force=True, reason="date misprinted")
    _check("approve", forced)
    assert forced["approval_override_reason"] == "date misprinted"
    rejected = fake.reject(
        1, DOC_B, reason="uploaded twice", result_version=fake.documents[DOC_B]["result_version"]
    )
    _check("reject", rejected)
    assert rejected["rejection"]["reason"] == "uploaded twice"
    _check("list_documents", fake.list_documents(1))
    _check("project_summary", fake.project_summary(1))
    fake.reextract_changes = {"invoice_number": "AV-2017-0005"}
    fake.reextract_references = [{"number": "FA-2017-0010", "date": "2017-11-13", "document_id": None}]
    _check("reextract", fake.reextract(1, DOC_B, result_version=fake.documents[DOC_B]["result_version"]))


def test_the_fake_error_bodies_the_dashboard_relies_on_are_api_errors(fake):
    """The codes the fake raises are codes the API documents in its one error body."""
    error = component_schema("Error")
    for code in ("stale_version", "not_found", "checks_failed", "empty_file"):
        assert_shape({"code": code, "message": "…", "detail": {}}, error, f"error {code}")


def test_the_fake_field_list_is_the_apis():
    from django_api.invoices.api.invoice_fields import invoice_fields

    assert INVOICE_FIELDS == invoice_fields()


def test_the_fake_default_settings_are_the_apis():
    from expectations.project_settings import ProjectSettings

    assert DEFAULT_SETTINGS == ProjectSettings().to_dict()


def test_every_json_call_of_the_client_is_faked_and_checked():
    """A new `ApiClient` call with a JSON answer needs a fake and a row in OPERATIONS."""
    calls = {
        name for name, member in inspect.getmembers(ApiClient, inspect.isfunction) if not name.startswith("_")
    }
    assert calls - NOT_JSON - NO_BODY - set(OPERATIONS) == {
        "project"
    }  # one project: not used by the dashboard
    assert all(callable(getattr(FakeApi, name, None)) for name in OPERATIONS)


def test_the_members_answers_match_the_schema(fake):
    _check("list_members", fake.list_members(1))
    _check("set_member", fake.set_member(1, "rita", "reviewer"))


def test_the_vendor_memory_and_template_answers_match_the_schema(fake):
    _check("list_vendors", fake.list_vendors(1))
    _check("upload_template", fake.upload_template(1, "nordwind", b"issuer: x\n"))
    _check("list_templates", fake.list_templates(1))
    _check("rescore", fake.rescore(1, reextract=True))
