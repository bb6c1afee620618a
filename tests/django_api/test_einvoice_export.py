"""E-invoice export over the API: `ocr-download?format=ubl|cii` (a zip of validated XML plus
`missing.json`) and the per-document `GET .../documents/{id}/einvoice/`, built from the current values
(reviewers' corrections applied); another user's document answers 404."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from ocr_tasks.einvoice import read_xml
from ocr_tasks.einvoice.validation import validate_einvoice
from ocr_tasks.result_types import ERROR
from tests.django_api.conftest import png_bytes, upload

pytestmark = pytest.mark.django_db

# what the fake flow's invoice lacks for EN 16931 (tests/django_api/fake_flow.py): buyer, the seller's
# country and VAT id (standard-rated VAT needs it), and the line's VAT rate follows the invoice's
COMPLETING = {
    "vendor_tax_id": "DE123456789",
    "vendor_address": "Hauptstraße 1, 10115, Berlin, DE",
    "customer_name": "Bakkerij de Vries B.V.",
    "customer_address": "Dorpsstraat 12, 1234 AB, Utrecht, Nederland",
    "due_date": "2024-04-15",
}


def _process(client, project, run_on_commit, names: list[str]) -> dict:
    files = [upload(name, png_bytes(i)) for i, name in enumerate(names)]
    return run_on_commit(
        client.post, f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    ).json()


def _correct(client, project, document_id: str, fields: dict) -> None:
    url = f"/api/projects/{project.pk}/documents/{document_id}/"
    version = client.get(url).json()["result_version"]
    response = client.patch(url + "fields/", {"fields": fields, "result_version": version}, format="json")
    assert response.status_code == 200, response.content[:300]


def _valid(xml: bytes, fmt: str) -> bool:
    einvoice = read_xml(xml)
    results = validate_einvoice(xml, einvoice.syntax, profile=einvoice.profile)
    return not [r for r in results if r.severity == ERROR]


def test_task_download_as_ubl_and_cii_zips_the_exportable_and_lists_the_others(
    alice_client, project, run_on_commit
):
    body = _process(alice_client, project, run_on_commit, ["inv-1.png", "inv-2.png"])
    complete, incomplete = (d["id"] for d in body["documents"])
    _correct(alice_client, project, complete, COMPLETING)
    for fmt in ("ubl", "cii"):
        response = alice_client.get(
            f"/api/projects/{project.pk}/ocr-download/{body['task_id']}/?format={fmt}"
        )
        assert response.status_code == 200
        assert response["Content-Type"] == "application/zip"
        assert response["Content-Disposition"].endswith(f'-{fmt}.zip"')
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        xml_names = [n for n in archive.namelist() if n.endswith(".xml")]
        assert xml_names == [f"inv-1-{complete[:8]}-{fmt}.xml"]
        xml = archive.read(xml_names[0])
        assert _valid(xml, fmt)
        read = read_xml(xml).invoice
        assert read.get("customer_name") == "Bakkerij de Vries B.V."  # the reviewer's value
        assert read.get("invoice_number") == "INV-1"
        missing = json.loads(archive.read("missing.json"))
        assert [(m["document_id"], m["name"], m["code"]) for m in missing] == [
            (incomplete, "inv-2.png", "einvoice_incomplete")
        ]
        terms = {t["term"]: t["name"] for t in missing[0]["detail"]["missing"]}
        assert terms == {
            "BT-40": "Seller country code",
            "BT-44": "Buyer name",
            "BT-55": "Buyer country code",
            "BT-31": "Seller VAT identifier",
        }


def test_document_einvoice_download_and_its_missing_terms(alice_client, project, run_on_commit):
    body = _process(alice_client, project, run_on_commit, ["inv-7.png"])
    document = body["documents"][0]["id"]
    url = f"/api/projects/{project.pk}/documents/{document}/einvoice/"
    refused = alice_client.get(url + "?format=cii")
    assert refused.status_code == 422
    error = refused.json()
    assert error["code"] == "einvoice_incomplete"
    assert {"term": "BT-44", "name": "Buyer name"} in error["detail"]["missing"]
    assert "BT-44 Buyer name" in error["message"]

    _correct(alice_client, project, document, COMPLETING)
    for fmt, root in (("ubl", b"<Invoice"), ("cii", b"<rsm:CrossIndustryInvoice")):
        response = alice_client.get(url + f"?format={fmt}")
        assert response.status_code == 200, response.content[:500]
        assert response["Content-Type"] == "application/xml"
        assert root in response.content
        assert _valid(response.content, fmt)
    assert alice_client.get(url).status_code == 200  # UBL by default
    assert alice_client.get(url + "?format=pdf").json()["code"] == "validation_error"


def test_amounts_that_do_not_add_up_answer_the_broken_rule(alice_client, project, run_on_commit):
    body = _process(alice_client, project, run_on_commit, ["inv-mismatch.png"])  # total 99.00
    document = body["documents"][0]["id"]
    _correct(alice_client, project, document, COMPLETING)
    response = alice_client.get(f"/api/projects/{project.pk}/documents/{document}/einvoice/?format=ubl")
    assert response.status_code == 422
    assert response.json()["code"] == "einvoice_export_invalid"
    assert "BR-CO-15" in {e["rule"] for e in response.json()["detail"]["errors"]}


def test_another_users_document_and_task_answer_404(alice_client, bob_client, project, run_on_commit):
    body = _process(alice_client, project, run_on_commit, ["inv-3.png"])
    document, task = body["documents"][0]["id"], body["task_id"]
    assert bob_client.get(f"/api/projects/{project.pk}/documents/{document}/einvoice/").status_code == 404
    assert bob_client.get(f"/api/projects/{project.pk}/ocr-download/{task}/?format=ubl").status_code == 404


def test_a_viewer_may_export(vera_client, alice_client, project, run_on_commit):
    body = _process(alice_client, project, run_on_commit, ["inv-4.png"])
    _correct(alice_client, project, body["documents"][0]["id"], COMPLETING)
    url = f"/api/projects/{project.pk}/documents/{body['documents'][0]['id']}/einvoice/?format=ubl"
    assert vera_client.get(url).status_code == 200


def test_the_schema_documents_the_formats_and_the_missing_terms_answer(anon_client):
    schema = anon_client.get("/api/schema/?format=json", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    paths = json.loads(schema.content)["paths"]
    single = paths["/api/projects/{project_id}/documents/{document_id}/einvoice/"]["get"]
    assert single["summary"]
    assert "application/xml" in single["responses"]["200"]["content"]
    assert "einvoice_incomplete" in single["responses"]["422"]["description"]
    download = paths["/api/projects/{project_id}/ocr-download/{task_id}/"]["get"]
    formats = next(p for p in download["parameters"] if p["name"] == "format")["schema"]["enum"]
    assert {"ubl", "cii", "json", "csv", "xlsx"} <= set(formats)
    assert "application/zip" in download["responses"]["200"]["content"]


def test_an_einvoice_document_exports_its_kept_details_with_the_reviewers_values(
    alice_client, project, run_on_commit, corpus
):
    """A document read from an e-invoice (stored as the real flow stores it) exports in the other syntax
    with its parties, VAT breakdown and payment; a reviewer's corrected invoice number is the one written."""
    from django_api.invoices.models import DocumentResult
    from ocr_tasks.einvoice import read_xml as read_einvoice

    source = read_einvoice((corpus / "einvoice-dev" / "xml" / "ubl" / "ubl-tc434-example2.xml").read_bytes())
    invoice = source.as_invoice().to_dict()
    body = _process(alice_client, project, run_on_commit, ["peppol.png"])
    document = body["documents"][0]["id"]
    stored = DocumentResult.objects.get(document_id=document)
    stored.result = {**stored.result, "invoice": invoice}
    stored.fields, stored.line_items = invoice["fields"], invoice["line_items"]
    stored.save()
    _correct(alice_client, project, document, {"invoice_number": "TOSL108-A"})

    response = alice_client.get(f"/api/projects/{project.pk}/documents/{document}/einvoice/?format=cii")
    assert response.status_code == 200, response.content[:500]
    back = read_einvoice(response.content)
    assert back.invoice.get("invoice_number") == "TOSL108-A"
    assert back.invoice.get("total") == source.invoice.get("total")
    for key in ("seller", "buyer", "vat_breakdown", "allowances_charges", "bic"):
        assert back.details[key] == source.details[key], key
    assert len(back.invoice.line_items) == len(source.invoice.line_items)


def test_the_project_export_offers_the_same_zip_across_tasks(
    alice_client, bob_client, project, run_on_commit
):
    """`GET .../export/?format=ubl|cii` (the dashboard's Export): every task's documents, the complete
    ones as validated XML, the others in missing.json; another user's project 404."""
    first = _process(alice_client, project, run_on_commit, ["a.png"])
    second = _process(alice_client, project, run_on_commit, ["b.png"])
    complete = first["documents"][0]["id"]
    _correct(alice_client, project, complete, COMPLETING)
    for fmt in ("ubl", "cii"):
        response = alice_client.get(f"/api/projects/{project.pk}/export/?format={fmt}")
        assert response.status_code == 200, response.content[:300]
        assert response["Content-Type"] == "application/zip"
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        xml_names = [n for n in archive.namelist() if n.endswith(".xml")]
        assert len(xml_names) == 1 and _valid(archive.read(xml_names[0]), fmt)
        missing = json.loads(archive.read("missing.json"))
        assert [m["document_id"] for m in missing] == [second["documents"][0]["id"]]
    assert bob_client.get(f"/api/projects/{project.pk}/export/?format=ubl").status_code == 404
