"""An approved intra-community Factur-X exported over the API: the XML gives the deliver-to country but no
actual delivery date, so the export names BT-72 (BR-IC-11) instead of offering an invalid file; the
delivery date a reviewer types is stored as a field and written to the UBL/CII. A line's VAT category
(BT-151) is a line cell corrections keep."""

from __future__ import annotations

import pytest

from ocr_tasks.einvoice import read_pdf, read_xml
from ocr_tasks.einvoice.validation import validate_einvoice
from ocr_tasks.result_types import ERROR
from tests.django_api.conftest import process_pngs

pytestmark = pytest.mark.django_db


def _stored_as_einvoice(project, run_on_commit, client, corpus, name: str) -> str:
    """A document whose stored reading is the corpus PDF's e-invoice (the fake flow reads a PNG)."""
    from django_api.invoices.models import DocumentResult

    document_id = process_pngs(client, project, run_on_commit, ["facture.png"])["facture.png"]
    einvoice = read_pdf((corpus / "einvoice-dev" / "pdf" / name).read_bytes())
    stored = DocumentResult.objects.get(document_id=document_id)
    invoice = einvoice.as_invoice().to_dict()
    stored.result = {**stored.result, "invoice": invoice}
    stored.fields, stored.line_items = invoice["fields"], invoice["line_items"]
    stored.save()
    return document_id


def _patch(client, url: str, body: dict):
    version = client.get(url).json()["result_version"]
    return client.patch(url + "fields/", {**body, "result_version": version}, format="json")


def test_an_approved_intra_community_factur_x_exports_once_its_delivery_date_is_known(
    alice_client, project, run_on_commit, corpus
):
    document_id = _stored_as_einvoice(project, run_on_commit, alice_client, corpus, "Facture_UE_EN16931.pdf")
    url = f"/api/projects/{project.pk}/documents/{document_id}/"
    approved = alice_client.post(url + "approve/", {"force": True, "reason": "checked"}, format="json")
    assert approved.status_code == 200, approved.content[:300]

    refused = alice_client.get(url + "einvoice/?format=ubl")
    assert refused.status_code == 422
    assert refused.json()["code"] == "einvoice_incomplete"
    assert refused.json()["detail"]["missing"] == [
        {
            "term": "BT-72",
            "name": "Actual delivery date",
            "rule": "BR-IC-11",
            "or": [{"term": "BG-14", "name": "Invoicing period"}],
        }
    ]

    corrected = _patch(alice_client, url, {"fields": {"delivery_date": "03.11.2017"}})
    assert corrected.status_code == 200, corrected.content[:300]
    assert corrected.json()["fields"]["delivery_date"]["value"] == "2017-11-03"  # typed as printed
    for fmt in ("ubl", "cii"):
        response = alice_client.get(url + f"einvoice/?format={fmt}")
        assert response.status_code == 200, response.content[:500]
        back = read_xml(response.content)
        results = validate_einvoice(response.content, back.syntax, profile=back.profile)
        assert [r.rule for r in results if r.severity == ERROR] == []
        assert back.invoice.get("delivery_date") == "2017-11-03"
        assert back.details["delivery"]["country"] == "ES"
        assert [i.get("tax_category") for i in back.invoice.line_items] == ["K", "K", "K"]


def test_a_corrected_line_keeps_its_vat_category(alice_client, project, run_on_commit, corpus):
    document_id = _stored_as_einvoice(project, run_on_commit, alice_client, corpus, "Facture_UE_EN16931.pdf")
    url = f"/api/projects/{project.pk}/documents/{document_id}/"
    items = alice_client.get(url).json()["line_items"]
    assert [item["tax_category"] for item in items] == ["K", "K", "K"]
    items[0]["description"] = "Nougat de l'Abbaye 250 g"
    corrected = _patch(alice_client, url, {"fields": {"delivery_date": "2017-11-03"}, "line_items": items})
    assert corrected.status_code == 200, corrected.content[:300]
    assert [item["tax_category"] for item in corrected.json()["line_items"]] == ["K", "K", "K"]
    response = alice_client.get(url + "einvoice/?format=cii")
    assert response.status_code == 200, response.content[:500]
    back = read_xml(response.content).invoice.line_items
    assert [(i.get("description"), i.get("tax_category")) for i in back][0] == (
        "Nougat de l'Abbaye 250 g",
        "K",
    )
