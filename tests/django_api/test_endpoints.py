"""Happy paths of every endpoint, with the fake engine behind the real port and the synchronous executor."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from django_api.invoices.models import Document, FieldCorrection, OcrTask
from django_api.invoices.services.pipeline_records import task_finish
from tests.api_shapes import response_schema, shape_errors
from tests.django_api.conftest import pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


def _process(client, project, run_on_commit, files):
    response = run_on_commit(
        client.post, f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    )
    assert response.status_code == 202, response.content
    return response.json()


def test_token_login_and_me(alice, anon_client):
    response = anon_client.post(
        "/api/auth/token/", {"username": "alice", "password": "alice-pw-123"}, format="json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["username"] == "alice" and len(body["token"]) == 40
    me = anon_client.get("/api/me/", HTTP_AUTHORIZATION=f"Token {body['token']}")
    assert me.json() == {"id": alice.id, "username": "alice"}


def test_token_login_wrong_password(alice, anon_client):
    response = anon_client.post("/api/auth/token/", {"username": "alice", "password": "nope"}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_credentials"


def test_projects_create_list_get(alice_client, project):
    created = alice_client.post("/api/projects/", {"name": "Second"}, format="json")
    assert created.status_code == 201
    assert created.json()["role"] == "owner" and created.json()["name"] == "Second"
    listed = alice_client.get("/api/projects/").json()
    assert [p["name"] for p in listed] == ["Second", "Alice invoices"]
    detail = alice_client.get(f"/api/projects/{project.pk}/").json()
    assert detail["id"] == project.pk and detail["document_count"] == 0 and detail["task_count"] == 0


def test_viewer_sees_project_with_its_role(vera_client, project):
    assert vera_client.get(f"/api/projects/{project.pk}/").json()["role"] == "viewer"


def test_upload_process_and_task_endpoints(alice_client, project, run_on_commit):
    body = _process(
        alice_client,
        project,
        run_on_commit,
        [
            upload("inv-001.png", png_bytes(1)),
            upload("inv-002.pdf", pdf_bytes(2)),
            upload("mismatch.png", png_bytes(3)),
        ],
    )
    task_id = body["task_id"]
    assert body["status_url"] == f"/api/projects/{project.pk}/ocr-status/{task_id}/"
    assert [d["name"] for d in body["documents"]] == ["inv-001.png", "inv-002.pdf", "mismatch.png"]
    assert body["rejected"] == []

    status = alice_client.get(body["status_url"]).json()
    assert status["status"] == "succeeded"
    assert status["progress"]["documents_done"] == 3 and status["progress"]["documents_total"] == 3
    # the fake engine reports one page per document (the real flow reports rendered pages)
    assert status["progress"]["pages_total"] == 3 and status["progress"]["percent"] == 100.0
    assert status["error"] is None and status["finished_at"] is not None

    tasks = alice_client.get(f"/api/projects/{project.pk}/tasks/").json()
    assert [t["task_id"] for t in tasks] == [task_id] and tasks[0]["document_count"] == 3

    check = alice_client.get(f"/api/projects/{project.pk}/ocr-check-task/{task_id}/").json()
    assert check["flow_run_id"].startswith("fake-")
    assert check["prefect_url"].endswith(f"/runs/flow-run/{check['flow_run_id']}")
    assert check["documents"][0]["steps"]["ocr"] == {"status": "done", "seconds": 0.02}

    validation = alice_client.get(f"/api/projects/{project.pk}/ocr-validation/{task_id}/").json()
    by_name = {d["name"]: d for d in validation["documents"]}
    assert by_name["inv-001.png"]["success"] is True
    assert by_name["mismatch.png"]["success"] is False
    failed = [o for o in by_name["mismatch.png"]["reports"][0]["outcomes"] if not o["success"]]
    assert failed[0]["description"] == "Subtotal plus tax equals the total."

    anomalies = alice_client.get(f"/api/projects/{project.pk}/ocr-anomalies/{task_id}/").json()
    assert anomalies == {"task_id": task_id, "anomalies": []}


def test_duplicate_upload_recorded_and_flagged(alice_client, project, run_on_commit):
    first = _process(alice_client, project, run_on_commit, [upload("a.png", png_bytes(7))])
    second = _process(alice_client, project, run_on_commit, [upload("again.png", png_bytes(7))])
    duplicate = Document.objects.get(pk=second["documents"][0]["id"])
    assert str(duplicate.duplicate_of_id) == first["documents"][0]["id"]
    anomalies = alice_client.get(f"/api/projects/{project.pk}/ocr-anomalies/{second['task_id']}/").json()[
        "anomalies"
    ]
    assert [(a["kind"], a["document_name"]) for a in anomalies] == [("exact_duplicate", "again.png")]
    assert anomalies[0]["related_document_ids"] == [first["documents"][0]["id"]]


def test_downloads_json_csv_xlsx(alice_client, project, run_on_commit):
    body = _process(
        alice_client,
        project,
        run_on_commit,
        [upload("inv-9.png", png_bytes(9)), upload("x.pdf", pdf_bytes())],
    )
    base = f"/api/projects/{project.pk}/ocr-download/{body['task_id']}/"

    as_json = alice_client.get(base + "?format=json")
    assert as_json["Content-Type"] == "application/json"
    rows = json.loads(as_json.content)
    assert [r["name"] for r in rows] == ["inv-9.png", "x.pdf"]
    assert (
        rows[0]["fields"]["invoice_number"] == "INV-9"
        and rows[0]["result"]["invoice"]["fields"]["total"]["value"] == "12.50"
    )

    as_csv = alice_client.get(base + "?format=csv")
    assert as_csv["Content-Type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(as_csv.content.decode())))
    assert [(r["name"], r["total"], r["vendor_name"]) for r in table] == [
        ("inv-9.png", "12.50", "ACME Supplies"),
        ("x.pdf", "12.50", "ACME Supplies"),
    ]

    items = list(
        csv.DictReader(io.StringIO(alice_client.get(base + "?format=csv&table=line_items").content.decode()))
    )
    assert [(r["name"], r["row"], r["description"], r["amount"]) for r in items] == [
        ("inv-9.png", "1", "Widget", "10.00"),
        ("x.pdf", "1", "Widget", "10.00"),
    ]

    workbook = load_workbook(io.BytesIO(alice_client.get(base + "?format=xlsx").content))
    assert workbook.sheetnames == ["documents", "line_items", "vat"]
    header = [c.value for c in workbook["documents"][1]]
    second_row = dict(zip(header, [c.value for c in workbook["documents"][2]], strict=True))
    assert second_row["invoice_number"] == "INV-9" and workbook["line_items"].max_row == 3

    bad = alice_client.get(base + "?format=docx")
    assert bad.status_code == 400 and bad.json()["code"] == "validation_error"


def test_documents_list_detail_corrections_approve(alice_client, project, run_on_commit):
    body = _process(
        alice_client,
        project,
        run_on_commit,
        [upload("inv-5.png", png_bytes(5)), upload("lowconf.png", png_bytes(6))],
    )
    doc_id = body["documents"][0]["id"]
    listed = alice_client.get(f"/api/projects/{project.pk}/documents/").json()
    assert [d["name"] for d in listed] == ["inv-5.png", "lowconf.png"]
    assert (
        listed[0]["status"] == "processed"
        and listed[0]["total"] == "12.50"
        and listed[0]["needs_review"] is False
    )
    assert listed[1]["min_confidence"] == 0.5 and listed[1]["needs_review"] is True
    assert (
        alice_client.get(f"/api/projects/{project.pk}/documents/?vendor=acme&date_from=2024-03-01").json()[0][
            "id"
        ]
        == doc_id
    )
    assert alice_client.get(f"/api/projects/{project.pk}/documents/?date_from=2024-04-01").json() == []
    assert alice_client.get(f"/api/projects/{project.pk}/documents/?status=approved").json() == []

    detail = alice_client.get(f"/api/projects/{project.pk}/documents/{doc_id}/").json()
    assert detail["fields"]["total"]["value"] == "12.50" and detail["fields"]["total"]["bbox"] == [
        0.1,
        0.1,
        0.4,
        0.15,
    ]
    assert detail["pages"][0]["image_url"].endswith(f"/documents/{doc_id}/pages/0/image/")
    assert detail["line_items"] == [{"description": "Widget", "amount": "10.00"}]

    patched = alice_client.patch(
        f"/api/projects/{project.pk}/documents/{doc_id}/fields/",
        {
            "fields": {"total": "13.00", "vendor_name": "ACME Supplies"},
            "line_items": [{"description": "Widget", "amount": "13.00"}],
        },
        format="json",
    )
    assert patched.status_code == 200
    fields = patched.json()["fields"]
    assert fields["total"]["value"] == "13.00" and fields["total"]["corrected"] is True
    assert fields["total"]["original_value"] == "12.50" and fields["vendor_name"]["corrected"] is False
    corrections = patched.json()["corrections"]
    assert [(c["field"], c["old_value"], c["new_value"], c["user"]) for c in corrections] == [
        ("total", "12.50", "13.00", "alice"),
        (
            "line_items",
            [{"description": "Widget", "amount": "10.00"}],
            [{"description": "Widget", "amount": "13.00"}],
            "alice",
        ),
    ]
    document = Document.objects.get(pk=doc_id)
    assert document.result.fields["total"]["value"] == "12.50"  # the extraction is kept
    assert FieldCorrection.objects.filter(document=document).count() == 2

    unknown = alice_client.patch(
        f"/api/projects/{project.pk}/documents/{doc_id}/fields/", {"fields": {"colour": "red"}}, format="json"
    )
    assert unknown.status_code == 400 and unknown.json()["code"] == "validation_error"

    # the corrected total (13.00) is no longer subtotal + tax: an error-level check (the corrected item
    # adds up to the total, as an item priced with tax included may, so the items' check holds)
    approve = f"/api/projects/{project.pk}/documents/{doc_id}/approve/"
    blocked = alice_client.post(approve)
    assert (blocked.status_code, blocked.json()["code"]) == (409, "checks_failed")
    failed = [(f["suite"], f["expectation"]) for f in blocked.json()["detail"]["failed"]]
    assert (
        "invoice_fields",
        "Subtotal plus tax equals the total (within 0.01 per line plus rounding).",
    ) in failed
    assert "line_items" not in [suite for suite, _ in failed], failed
    assert Document.objects.get(pk=doc_id).status == "processed"
    no_reason = alice_client.post(approve, {"force": True}, format="json")
    assert (no_reason.status_code, no_reason.json()["code"]) == (400, "validation_error")
    approved = alice_client.post(approve, {"force": True, "reason": "subtotal printed wrong"}, format="json")
    assert approved.status_code == 200, approved.json()
    assert approved.json()["status"] == "approved" and approved.json()["approved_by"] == "alice"
    assert approved.json()["approval_override_reason"] == "subtotal printed wrong"


def test_page_image_png(alice_client, project, run_on_commit):
    body = _process(
        alice_client,
        project,
        run_on_commit,
        [upload("two.pdf", pdf_bytes(2)), upload("one.png", png_bytes(2))],
    )
    pdf_id, png_id = (d["id"] for d in body["documents"])
    page = alice_client.get(f"/api/projects/{project.pk}/documents/{pdf_id}/pages/1/image/")
    assert (
        page.status_code == 200
        and page["Content-Type"] == "image/png"
        and page.content[:8] == b"\x89PNG\r\n\x1a\n"
    )
    assert (
        alice_client.get(f"/api/projects/{project.pk}/documents/{png_id}/pages/0/image/").status_code == 200
    )
    missing = alice_client.get(f"/api/projects/{project.pk}/documents/{pdf_id}/pages/2/image/")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"


def test_summary_and_project_export(alice_client, project, run_on_commit):
    _process(
        alice_client,
        project,
        run_on_commit,
        [upload("a.png", png_bytes(1)), upload("b.png", png_bytes(2)), upload("fail.png", png_bytes(3))],
    )
    _process(alice_client, project, run_on_commit, [upload("a-again.png", png_bytes(1))])
    summary = alice_client.get(f"/api/projects/{project.pk}/summary/").json()
    assert summary["status_counts"]["processed"] == 3 and summary["status_counts"]["failed"] == 1
    # a.png and b.png; a-again.png is a.png uploaded again (duplicate_of): its amount is not spent twice
    assert summary["spend"] == [
        {"vendor": "ACME Supplies", "month": "2024-03", "currency": "EUR", "total": "25.00"}
    ]
    assert summary["anomaly_scores"] == [0.95]
    assert summary["top_anomalies"][0]["document_name"] == "a-again.png"
    exported = alice_client.get(f"/api/projects/{project.pk}/export/?format=csv")
    assert exported.status_code == 200
    assert sorted(r["name"] for r in csv.DictReader(io.StringIO(exported.content.decode()))) == [
        "a-again.png",
        "a.png",
        "b.png",
        "fail.png",
    ]


def test_partially_failed_task_reports_the_failed_document(alice_client, project, run_on_commit):
    body = _process(
        alice_client,
        project,
        run_on_commit,
        [upload("good.png", png_bytes(1)), upload("fail.png", png_bytes(2))],
    )
    status = alice_client.get(body["status_url"]).json()
    assert status["status"] == "partially_failed"
    check = alice_client.get(f"/api/projects/{project.pk}/ocr-check-task/{body['task_id']}/").json()
    failed = next(d for d in check["documents"] if d["name"] == "fail.png")
    assert (
        failed["status"] == "failed"
        and failed["error"]["code"] == "ocr_failed"
        and failed["steps"]["ocr"]["status"] == "failed"
    )


def test_cancel_finished_task_is_409_and_queued_task_cancels(alice_client, project, run_on_commit, settings):
    body = _process(alice_client, project, run_on_commit, [upload("a.png", png_bytes(1))])
    finished = alice_client.post(f"/api/projects/{project.pk}/ocr-cancel/{body['task_id']}/")
    assert finished.status_code == 409 and finished.json()["code"] == "task_finished"

    settings.OCR_EXECUTOR = "none"  # the task stays queued
    queued = _process(alice_client, project, run_on_commit, [upload("b.png", png_bytes(2))])
    first = alice_client.post(f"/api/projects/{project.pk}/ocr-cancel/{queued['task_id']}/")
    again = alice_client.post(f"/api/projects/{project.pk}/ocr-cancel/{queued['task_id']}/")
    assert (first.status_code, first.json()["status"]) == (202, "cancelled")
    assert (again.status_code, again.json()["status"]) == (202, "cancelled")
    assert OcrTask.objects.get(pk=queued["task_id"]).finished_at is not None


def test_schema_and_swagger(anon_client):
    schema = anon_client.get("/api/schema/?format=json", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = json.loads(schema.content)["paths"]
    p, t, d = (
        "/api/projects/{project_id}/",
        "{task_id}/",
        "/api/projects/{project_id}/documents/{document_id}/",
    )
    expected = {
        "/api/",
        "/api/auth/token/",
        "/api/auth/logout/",
        "/api/me/",
        "/api/ocr-health/",
        "/api/fields/",
        "/api/projects/",
        p,
        p + "settings/",
        p + "summary/",
        p + "members/",
        p + "members/{username}/",
        p + "export/",
        p + "process-invoices/",
        p + "tasks/",
        p + "ocr-status/" + t,
        p + "ocr-cancel/" + t,
        p + "ocr-download/" + t,
        p + "ocr-validation/" + t,
        p + "ocr-anomalies/" + t,
        p + "ocr-check-task/" + t,
        p + "documents/",
        d,
        d + "pages/{index}/image/",
        d + "fields/",
        d + "approve/",
        d + "reject/",
        d + "reextract/",
        d + "einvoice/",
        p + "webhooks/",
        p + "webhooks/{webhook_id}/",
        p + "webhooks/{webhook_id}/deliveries/",
        p + "rescore/",
        p + "vendors/",
        p + "vendors/{key}/",
        p + "vendors/{key}/fields/{field}/",
        p + "vendors/{key}/template/",
        p + "templates/",
        p + "templates/{name}/",
    }
    assert set(paths) == expected
    operations = [(method, path, op) for path, ops in paths.items() for method, op in ops.items()]
    unsummarised = [f"{method} {path}" for method, path, op in operations if not op.get("summary")]
    assert unsummarised == []  # every operation says what it does in the Swagger page
    status_schema = paths[p + "ocr-status/" + t]["get"]["responses"]["200"]
    assert status_schema["content"]["application/json"]["schema"]["$ref"].endswith("/TaskStatus")
    assert anon_client.get("/api/docs/").status_code == 200


def test_clearing_a_field_and_editing_an_approved_document(alice_client, project, run_on_commit):
    body = _process(alice_client, project, run_on_commit, [upload("inv-7.png", png_bytes(7))])
    doc = f"/api/projects/{project.pk}/documents/{body['documents'][0]['id']}/"
    assert alice_client.post(doc + "approve/").json()["status"] == "approved"
    cleared = alice_client.patch(doc + "fields/", {"fields": {"currency": None}}, format="json").json()
    assert cleared["fields"]["currency"] == {
        **cleared["fields"]["currency"],
        "value": None,
        "corrected": True,
        "original_value": "EUR",
    }
    assert (cleared["status"], cleared["approved_by"]) == ("processed", None)  # a change needs a new approval
    unchanged = alice_client.patch(doc + "fields/", {"fields": {"currency": None}}, format="json").json()
    assert len(unchanged["corrections"]) == 1  # the same value again records nothing


def test_document_not_ready_for_review(alice_client, project, run_on_commit, settings):
    settings.OCR_EXECUTOR = "none"
    body = _process(alice_client, project, run_on_commit, [upload("q.png", png_bytes(8))])
    doc = f"/api/projects/{project.pk}/documents/{body['documents'][0]['id']}/"
    approve = alice_client.post(doc + "approve/")
    assert (approve.status_code, approve.json()["code"]) == (409, "document_not_ready")
    patch = alice_client.patch(doc + "fields/", {"fields": {"total": "1.00"}}, format="json")
    assert (patch.status_code, patch.json()["code"]) == (409, "document_not_ready")


def test_task_list_items_carry_a_failed_tasks_reason(alice_client, project, run_on_commit):
    ok = _process(alice_client, project, run_on_commit, [upload("ok.png", png_bytes(1))])["task_id"]
    bad = _process(alice_client, project, run_on_commit, [upload("bad.png", png_bytes(2))])["task_id"]
    OcrTask.objects.filter(pk=bad).update(status="running", finished_at=None)
    task_finish(task_id=bad, status="failed", error_code="invalid_settings", error_message="Bad ocr.psm.")

    tasks = {t["task_id"]: t for t in alice_client.get(f"/api/projects/{project.pk}/tasks/").json()}
    assert tasks[bad]["status"] == "failed"
    assert tasks[bad]["error"] == {"code": "invalid_settings", "message": "Bad ocr.psm."}
    assert tasks[ok]["error"] is None
    status = alice_client.get(f"/api/projects/{project.pk}/ocr-status/{bad}/").json()
    assert status["error"] == tasks[bad]["error"]  # the list and the detail agree
    schema = response_schema("/api/projects/{project_id}/tasks/", "get", 200)
    assert shape_errors(list(tasks.values()), schema) == []


def test_a_heic_photo_is_taken_stored_as_sent_and_previewed(alice_client, project, run_on_commit):
    """An iPhone photo (HEIC) uploads like any image: its media type named by content, its bytes stored
    as sent, its page shown as PNG in the orientation it was taken in."""
    from PIL import Image

    from ocr_tasks.ingest.heif import enable_heif

    enable_heif()
    photo = io.BytesIO()
    Image.new("RGB", (320, 200), "white").save(photo, format="HEIF", quality=90)
    body = _process(alice_client, project, run_on_commit, [upload("IMG_0042.HEIC", photo.getvalue())])
    (doc_id,) = (d["id"] for d in body["documents"])
    stored = Document.objects.get(pk=doc_id)
    assert stored.media_type == "image/heic" and stored.size == len(photo.getvalue())
    page = alice_client.get(f"/api/projects/{project.pk}/documents/{doc_id}/pages/0/image/")
    assert page.status_code == 200 and page["Content-Type"] == "image/png"
    with Image.open(io.BytesIO(page.content)) as preview:
        assert preview.size == (320, 200)
