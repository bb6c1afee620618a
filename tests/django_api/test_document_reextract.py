"""A reviewer reads one document again (`POST .../documents/{id}/reextract/`): a credit note read before
the e-invoice mapping knew EN 16931 BG-3 (the invoice it credits) names that invoice afterwards, without a
new upload; reviewers' corrections stay on top; the version moves on; owner-scoped (another user's
document answers 404), viewers 403, an approved document 409.

The upload runs the fake flow (fields from the file name); the stored result is then made what the real
flow stored for this Factur-X credit note before BG-3 was read (`source: einvoice`, no
`preceding_invoices`); the reading again is the real one (the PDF's XML, EN 16931 validation)."""

from __future__ import annotations

import pytest

from django_api.invoices.models import DocumentResult, SupersededChecks
from tests.api_shapes import response_schema, shape_errors
from tests.django_api.conftest import upload

pytestmark = pytest.mark.django_db

CREDIT_NOTE = "einvoice-dev/pdf/Avoir_FR_type381_EN16931.pdf"  # credits FA-2017-0010 of 2017-11-13


def _credit_note_read_before_bg3(client, project, run_on_commit, corpus) -> str:
    data = (corpus / CREDIT_NOTE).read_bytes()
    response = run_on_commit(
        client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("avoir.pdf", data)]},
        format="multipart",
    )
    assert response.status_code == 202, response.content
    doc_id = response.json()["documents"][0]["id"]
    result = DocumentResult.objects.get(document_id=doc_id)
    invoice = result.result["invoice"]
    invoice["source"] = "einvoice"
    invoice["einvoice"] = {"syntax": "CII", "profile": "EN16931"}  # no preceding_invoices yet
    result.save()
    return doc_id


def _url(project, doc_id, what="reextract/"):
    return f"/api/projects/{project.pk}/documents/{doc_id}/{what}"


def test_a_credit_note_read_again_names_the_invoice_it_credits_and_keeps_corrections(
    alice_client, project, run_on_commit, corpus
):
    doc_id = _credit_note_read_before_bg3(alice_client, project, run_on_commit, corpus)
    before = alice_client.get(_url(project, doc_id, "")).json()
    assert before["preceding_invoices"] == []
    corrected = alice_client.patch(
        _url(project, doc_id, "fields/"),
        {"fields": {"vendor_name": "Au bon moulin (siège)"}, "result_version": before["result_version"]},
        format="json",
    )
    assert corrected.status_code == 200, corrected.json()
    version = corrected.json()["result_version"]

    response = alice_client.post(_url(project, doc_id), {"result_version": version}, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (
        shape_errors(
            body,
            response_schema("/api/projects/{project_id}/documents/{document_id}/reextract/", "post", 200),
        )
        == []
    )
    document = body["document"]
    assert document["preceding_invoices"] == [
        {"number": "FA-2017-0010", "date": "2017-11-13", "document_id": None}
    ]
    assert document["fields"]["document_type"]["value"] == "credit_note"
    assert document["fields"]["invoice_number"]["value"] == "AV-2017-0005"  # the XML's, not the file name's
    assert "invoice_number" in body["changed"] and "total" in body["changed"]
    # the reviewer's correction stays on top of the new reading
    assert body["corrections_kept"] == ["vendor_name"]
    assert document["fields"]["vendor_name"]["value"] == "Au bon moulin (siège)"
    assert document["result_version"] > version and response["ETag"] == f'"{document["result_version"]}"'
    assert SupersededChecks.objects.filter(document_id=doc_id, reason="reextract").count() == 1

    # the form opened before answers 409 and changes nothing
    stale = alice_client.post(_url(project, doc_id), {"result_version": version}, format="json")
    assert stale.status_code == 409 and stale.json()["code"] == "stale_version"
    # the same version as the ETag the detail sent, in If-Match: a failed precondition (412), unchanged
    by_tag = alice_client.post(_url(project, doc_id), {}, format="json", HTTP_IF_MATCH=f'"{version}"')
    assert (by_tag.status_code, by_tag.json()["code"]) == (412, "stale_version")
    assert by_tag.json()["detail"]["current_version"] == document["result_version"]
    assert alice_client.get(_url(project, doc_id, "")).json()["result_version"] == document["result_version"]


def test_reading_again_is_for_members_who_may_write_and_never_an_approved_document(
    alice_client, bob_client, vera_client, project, run_on_commit, corpus
):
    doc_id = _credit_note_read_before_bg3(alice_client, project, run_on_commit, corpus)
    assert bob_client.post(_url(project, doc_id), {}, format="json").status_code == 404
    assert vera_client.post(_url(project, doc_id), {}, format="json").status_code == 403
    approved = alice_client.post(
        _url(project, doc_id, "approve/"), {"force": True, "reason": "checked by hand"}, format="json"
    )
    assert approved.status_code == 200, approved.json()
    refused = alice_client.post(_url(project, doc_id), {}, format="json")
    assert refused.status_code == 409 and refused.json()["code"] == "document_approved"
    detail = alice_client.get(_url(project, doc_id, "")).json()
    assert detail["preceding_invoices"] == [] and detail["status"] == "approved"


def test_a_field_the_new_reading_does_not_find_keeps_its_earlier_value(alice_client, project, run_on_commit):
    # a scan is read again from its stored OCR only (no page images: no logo text, no region re-reads); in
    # the walk-through saeco.pdf lost its vendor name, found on the first reading in its logo's image
    from tests.django_api.conftest import png_bytes

    response = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("scan.png", png_bytes(3))]},
        format="multipart",
    )
    doc_id = response.json()["documents"][0]["id"]
    before = alice_client.get(_url(project, doc_id, "")).json()
    assert before["fields"]["vendor_name"]["value"] == "ACME Supplies"  # the fake engine's first reading

    body = alice_client.post(_url(project, doc_id), {}, format="json").json()
    assert "vendor_name" in body["earlier_kept"] and "line_items" in body["earlier_kept"]
    assert body["document"]["fields"]["vendor_name"]["value"] == "ACME Supplies"
    assert len(body["document"]["line_items"]) == len(before["line_items"]) > 0
    assert "vendor_name" not in body["changed"]


def test_the_projects_rescore_with_reextract_keeps_what_the_new_reading_misses(project, processed_document):
    # the same rule for `rescore` with `reextract` (the port's save_reextracted): no field lost
    from dataclasses import replace

    from django_api.orchestration.django_port import DjangoPort

    _, document_id = processed_document
    port = DjangoPort()
    (stored,) = port.load_project_results(str(project.pk))
    vendor = stored.invoice.fields["vendor_name"].value
    fields = {n: f for n, f in stored.invoice.fields.items() if n != "vendor_name"}
    port.save_reextracted(str(project.pk), replace(stored, invoice=replace(stored.invoice, fields=fields)))
    assert DocumentResult.objects.get(document_id=document_id).fields["vendor_name"]["value"] == vendor
