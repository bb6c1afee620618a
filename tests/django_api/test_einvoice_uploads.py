"""Bare e-invoice XML uploads: accepted by content (not by name) with no pages, refused with their code
when hostile or not an invoice; a stored XML's page endpoint answers 404, not a crash."""

from __future__ import annotations

import pytest

from django_api.invoices.models import Document
from tests.django_api.conftest import upload

pytestmark = pytest.mark.django_db


def _post(client, project, files, run_on_commit):
    return run_on_commit(
        client.post, f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    )


def test_a_bare_xml_invoice_is_accepted_by_content_and_has_no_page(
    alice_client, project, run_on_commit, corpus
):
    data = (corpus / "einvoice-dev" / "xml" / "ubl" / "ubl-tc434-example2.xml").read_bytes()
    response = _post(alice_client, project, [upload("scan.pdf", data)], run_on_commit)
    assert response.status_code == 202, response.content[:300]
    doc_id = response.json()["documents"][0]["id"]
    document = Document.objects.get(pk=doc_id)
    assert document.media_type == "application/xml"  # (the fake flow of these tests reports one page)
    queued = alice_client.post(  # not dispatched: the document as the upload checks stored it
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("b.xml", data)]},
        format="multipart",
    )
    assert Document.objects.get(pk=queued.json()["documents"][0]["id"]).pages == 0
    assert document.name.endswith(".pdf")  # the name is the client's; the type is the content's

    detail = alice_client.get(f"/api/projects/{project.pk}/documents/{doc_id}/")
    assert detail.status_code == 200
    page = alice_client.get(f"/api/projects/{project.pk}/documents/{doc_id}/pages/0/image/")
    assert page.status_code == 404


@pytest.mark.parametrize(
    ("data", "code", "status"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>',
            "xml_unsafe",
            422,
        ),
        (b'<?xml version="1.0"?><notes><note>hi</note></notes>', "einvoice_invalid", 422),
        (
            b'<?xml version="1.0"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">',
            "einvoice_invalid",
            422,
        ),
        (b"<html><body>%PDF-1.4</body></html>", "unsupported_type", 415),
    ],
    ids=["xxe", "not-an-invoice", "truncated", "html"],
)
def test_bad_xml_is_refused_with_its_code(alice_client, project, run_on_commit, data, code, status):
    response = _post(alice_client, project, [upload("invoice.xml", data)], run_on_commit)
    assert (response.status_code, response.json()["code"]) == (status, code), response.content[:300]
    assert Document.objects.count() == 0


def test_the_detail_of_an_e_invoice_carries_its_parties_and_vat_breakdown(
    alice_client, project, run_on_commit, corpus
):
    """What the dashboard shows for a bare XML: the detail says the values came from the XML and gives
    seller, buyer and the VAT table; a page read by OCR says `source: null` and its language."""
    from django_api.invoices.models import DocumentResult
    from ocr_tasks.einvoice.reader import read_xml

    data = (corpus / "einvoice-dev" / "xml" / "ubl" / "ubl-tc434-example2.xml").read_bytes()
    response = _post(alice_client, project, [upload("b.xml", data)], run_on_commit)
    doc_id = response.json()["documents"][0]["id"]
    url = f"/api/projects/{project.pk}/documents/{doc_id}/"
    plain = alice_client.get(url).json()
    assert plain["source"] is None and plain["einvoice"] is None  # the fake flow read it as a page

    einvoice = read_xml(data).as_invoice()
    stored = DocumentResult.objects.get(document_id=doc_id)
    stored.result = {**stored.result, "invoice": einvoice.to_dict()}
    stored.save()

    detail = alice_client.get(url).json()
    assert detail["source"] == "einvoice"
    assert detail["einvoice"]["syntax"] == einvoice.einvoice["syntax"]
    assert detail["einvoice"]["seller"]["name"] == einvoice.einvoice["seller"]["name"]
    assert detail["einvoice"]["buyer"]["name"]
    rates = [row["rate"] for row in detail["einvoice"]["vat_breakdown"]]
    assert rates and all(rate is not None for rate in rates)
