"""An accounts-payable clerk's week (found driving the dashboard over a week of mixed mail): a credit note
takes off the spend instead of adding to it, the export can be limited to the approved documents (a
bookkeeping import must not take unreviewed values or a duplicate), and a file uploaded again is not
approved without a reason (it would be booked twice). Fake engine behind the real port."""

from __future__ import annotations

import csv
import io
import logging
import threading
import zipfile
from types import SimpleNamespace

import pytest

from tests.api_shapes import response_schema, shape_errors
from tests.django_api.conftest import png_bytes, upload

pytestmark = pytest.mark.django_db


def _process(client, project, run_on_commit, files) -> dict:
    response = run_on_commit(
        client.post, f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    )
    assert response.status_code == 202, response.content
    return response.json()


def _ids(client, project) -> dict[str, str]:
    return {d["name"]: d["id"] for d in client.get(f"/api/projects/{project.pk}/documents/").json()}


def _approve(client, project, document_id, **body):
    return client.post(
        f"/api/projects/{project.pk}/documents/{document_id}/approve/", body or None, format="json"
    )


def test_a_credit_note_takes_off_the_spend(alice_client, project, run_on_commit):
    _process(
        alice_client, project, run_on_commit, [upload("a.png", png_bytes(1)), upload("b.png", png_bytes(2))]
    )
    ids = _ids(alice_client, project)
    before = alice_client.get(f"/api/projects/{project.pk}/summary/").json()["spend"]
    assert [row["total"] for row in before] == ["25.00"]  # two invoices of 12.50
    corrected = alice_client.patch(
        f"/api/projects/{project.pk}/documents/{ids['b.png']}/fields/",
        {"fields": {"document_type": "credit_note"}},
        format="json",
    )
    assert corrected.status_code == 200, corrected.json()
    rows = {d["name"]: d for d in alice_client.get(f"/api/projects/{project.pk}/documents/").json()}
    assert rows["b.png"]["document_type"] == "credit_note" and rows["a.png"]["document_type"] != "credit_note"
    spend = alice_client.get(f"/api/projects/{project.pk}/summary/").json()["spend"]
    assert spend == [{"vendor": "ACME Supplies", "month": "2024-03", "currency": "EUR", "total": "0.00"}]


def test_the_export_can_take_only_the_approved_documents(alice_client, project, run_on_commit):
    _process(
        alice_client, project, run_on_commit, [upload("a.png", png_bytes(1)), upload("b.png", png_bytes(2))]
    )
    ids = _ids(alice_client, project)
    assert _approve(alice_client, project, ids["a.png"], force=True, reason="checked").status_code == 200

    export = f"/api/projects/{project.pk}/export/"
    every = alice_client.get(export, {"format": "csv"})
    assert sorted(r["name"] for r in csv.DictReader(io.StringIO(every.content.decode()))) == [
        "a.png",
        "b.png",
    ]
    approved = alice_client.get(export, {"format": "csv", "status": "approved"})
    assert approved.status_code == 200
    assert [r["name"] for r in csv.DictReader(io.StringIO(approved.content.decode()))] == ["a.png"]
    # the e-invoice zip too: b.png is neither exported nor listed as missing
    zipped = alice_client.get(export, {"format": "ubl", "status": "approved"})
    assert zipped.status_code == 200
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as archive:
        listed = archive.read("missing.json").decode() if "missing.json" in archive.namelist() else ""
        names = " ".join(archive.namelist())
    assert "b.png" not in listed and "b-" not in names

    bad = alice_client.get(export, {"format": "csv", "status": "booked"})
    assert bad.status_code == 400 and bad.json()["code"] == "validation_error"


def test_the_status_filter_answers_404_for_another_users_project(bob_client, project):
    answer = bob_client.get(f"/api/projects/{project.pk}/export/", {"format": "csv", "status": "approved"})
    assert answer.status_code == 404


def test_a_file_uploaded_again_is_not_approved_without_a_reason(alice_client, project, run_on_commit):
    _process(alice_client, project, run_on_commit, [upload("coolblue2.pdf.png", png_bytes(7))])
    _process(alice_client, project, run_on_commit, [upload("coolblue2-again.png", png_bytes(7))])
    ids = _ids(alice_client, project)

    blocked = _approve(alice_client, project, ids["coolblue2-again.png"])
    assert blocked.status_code == 409, blocked.json()
    body = blocked.json()
    assert body["code"] == "checks_failed" and "twice" in body["message"]
    duplicate = [f for f in body["detail"]["failed"] if f["suite"] == "duplicates"]
    assert len(duplicate) == 1 and "“coolblue2.pdf.png”" in duplicate[0]["expectation"]
    detail = alice_client.get(f"/api/projects/{project.pk}/documents/{ids['coolblue2-again.png']}/").json()
    assert detail["status"] == "processed"

    # the first upload is no duplicate: its approval is not held back by the copy
    assert _approve(alice_client, project, ids["coolblue2.pdf.png"]).status_code == 200
    forced = _approve(
        alice_client, project, ids["coolblue2-again.png"], force=True, reason="two deliveries, same number"
    )
    assert forced.status_code == 200, forced.json()
    assert forced.json()["approval_override_reason"] == "two deliveries, same number"


def test_a_duplicate_is_rejected_with_a_reason_and_leaves_the_spend_and_exports(
    alice_client, vera_client, bob_client, project, run_on_commit
):
    _process(alice_client, project, run_on_commit, [upload("a.png", png_bytes(7))])
    _process(alice_client, project, run_on_commit, [upload("a-again.png", png_bytes(7))])
    ids = _ids(alice_client, project)
    reject = f"/api/projects/{project.pk}/documents/{ids['a-again.png']}/reject/"

    no_reason = alice_client.post(reject, {}, format="json")
    assert no_reason.status_code == 400 and no_reason.json()["code"] == "validation_error"
    assert vera_client.post(reject, {"reason": "dup"}, format="json").status_code == 403  # a viewer
    assert bob_client.post(reject, {"reason": "dup"}, format="json").status_code == 404  # another user
    stale = alice_client.post(reject, {"reason": "dup", "result_version": 99}, format="json")
    assert stale.status_code == 409 and stale.json()["code"] == "stale_version"
    stale_tag = alice_client.post(reject, {"reason": "dup"}, format="json", HTTP_IF_MATCH='"99"')
    # a stale If-Match is a failed precondition (RFC 9110: 412), a stale body version a conflict (409)
    assert stale_tag.status_code == 412 and stale_tag.json()["code"] == "stale_version"

    rejected = alice_client.post(reject, {"reason": "uploaded twice, a.png is the one"}, format="json")
    assert rejected.status_code == 200, rejected.json()
    body = rejected.json()
    template = "/api/projects/{project_id}/documents/{document_id}/reject/"
    assert shape_errors(body, response_schema(template, "post", 200)) == []  # as declared in the schema
    assert body["status"] == "rejected" and body["needs_review"] is False
    assert (
        body["rejection"]["by"] == "alice"
        and body["rejection"]["reason"] == "uploaded twice, a.png is the one"
    )
    rows = alice_client.get(f"/api/projects/{project.pk}/documents/", {"status": "rejected"}).json()
    assert [r["name"] for r in rows] == ["a-again.png"]
    # the original is approved; the export of approved documents holds it alone
    assert _approve(alice_client, project, ids["a.png"]).status_code == 200
    export = alice_client.get(f"/api/projects/{project.pk}/export/", {"format": "csv", "status": "approved"})
    assert [r["name"] for r in csv.DictReader(io.StringIO(export.content.decode()))] == ["a.png"]
    summary = alice_client.get(f"/api/projects/{project.pk}/summary/").json()
    assert summary["status_counts"]["rejected"] == 1 and summary["spend"][0]["total"] == "12.50"

    # approving it later takes the rejection back (a reviewer's change of mind), with the duplicate's reason
    taken_back = _approve(alice_client, project, ids["a-again.png"], force=True, reason="two deliveries")
    assert taken_back.status_code == 200 and taken_back.json()["rejection"] is None


def test_a_worker_warms_the_rechecks_up_in_the_background(monkeypatch):
    """The first correction or approval after the API started waited 15.6 s for the validation library
    (the dashboard gave up at 15 s and said the API was down); a worker now loads it when it starts."""
    from django_api.config import gunicorn_conf
    from django_api.orchestration import seam

    warmed = threading.Event()
    monkeypatch.setattr(seam, "checks_warm_up", lambda: warmed.set() or 0.1)
    monkeypatch.setattr(seam, "recover_on_startup", lambda: [])
    worker = SimpleNamespace(cfg=SimpleNamespace(workers=1), age=1, log=logging.getLogger("test-worker"))
    monkeypatch.delenv("OCR_WARM_CHECKS", raising=False)
    gunicorn_conf.post_worker_init(worker)
    assert warmed.wait(10)
    warmed.clear()
    monkeypatch.setenv("OCR_WARM_CHECKS", "0")  # turned off
    gunicorn_conf.post_worker_init(worker)
    assert not warmed.wait(0.5)


def test_the_warm_up_runs_the_real_suites_on_an_empty_invoice():
    from django_api.orchestration.seam import checks_warm_up

    assert checks_warm_up() >= 0.0
