"""Learning from reviewers end to end: the real flow (`flows.dispatch.task_submit`, embedded, on
a test Prefect API), real Tesseract and the Django port, on text-layer PDFs of one vendor's layout generated
here with reportlab. The general engine misses the invoice number (its label, "Belegkennung", is in no
lexicon); a reviewer's correction of the first invoice through the API makes the next invoice of that
vendor come out right, in that project only; a viewer's actions teach nothing; approving confirms;
forgetting removes the effect; a rescore asked for through the API re-extracts the vendor's earlier
document with what was learned."""

from __future__ import annotations

import io
from urllib.parse import quote

import pytest

from django_api.invoices.models import DocumentResult
from tests.django_api.conftest import poll_task, upload

KEY = "vat:DE136695976"
FIRST = {"number": "RB-20417", "date": "03.02.2025", "net": "50,00", "tax": "9,50", "total": "59,50"}
SECOND = {"number": "RB-31552", "date": "04.03.2025", "net": "80,00", "tax": "15,20", "total": "95,20"}
EARLIER = {"number": "RB-18800", "date": "06.01.2025", "net": "20,00", "tax": "3,80", "total": "23,80"}


def invoice_pdf(number: str, date: str, net: str, tax: str, total: str) -> bytes:
    """One page of Nordwind's layout (VAT id, IBAN, number to the right of "Belegkennung")."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    _, height = A4
    lines = [
        (50, 60, "Helvetica-Bold", 16, "Nordwind Buerobedarf GmbH"),
        (50, 78, "Helvetica", 10, "Hafenstrasse 12, 20457 Hamburg"),
        (50, 92, "Helvetica", 10, "USt-IdNr. DE136695976"),
        (50, 150, "Helvetica", 10, "Kunde: Beispiel AG, Ringweg 3, 10115 Berlin"),
        (50, 200, "Helvetica-Bold", 14, "Rechnung"),
        (350, 200, "Helvetica", 10, f"Datum: {date}"),
        (350, 214, "Helvetica", 10, f"Belegkennung {number}"),
        (50, 280, "Helvetica", 10, "Pos  Beschreibung                Menge   Preis"),
        (50, 296, "Helvetica", 10, f"1    Papier A4                    10      {net}"),
        (350, 360, "Helvetica", 10, f"Netto: {net} EUR"),
        (350, 374, "Helvetica", 10, f"MwSt 19%: {tax} EUR"),
        (350, 388, "Helvetica", 10, f"Gesamt: {total} EUR"),
        (50, 450, "Helvetica", 10, "IBAN DE89 3704 0044 0532 0130 00"),
    ]
    for x, y, font, size, text in lines:
        page.setFont(font, size)
        page.drawString(x, height - y, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


def process(client, run_on_commit, project_id: int, values: dict, name: str) -> dict:
    """Upload one invoice, wait for it, and return its document (detail)."""
    body = run_on_commit(
        client.post,
        f"/api/projects/{project_id}/process-invoices/",
        {"files": [upload(name, invoice_pdf(**values), "application/pdf")]},
        format="multipart",
    ).json()
    status = poll_task(client, body["status_url"], timeout=300.0)
    assert status["status"] == "succeeded", status
    document = body["documents"][0]["id"]
    return client.get(f"/api/projects/{project_id}/documents/{document}/").json()


def value(document: dict, field: str) -> str | None:
    return (document["fields"].get(field) or {}).get("value")


@pytest.mark.slow  # real OCR through the real flow, several runs
@pytest.mark.django_db(transaction=False)
def test_a_correction_teaches_the_next_invoice_of_the_vendor_in_that_project_only(
    alice_client, vera_client, bob_client, project, bob_project, run_on_commit, settings, prefect_server
):
    settings.OCR_FLOW = "flows.dispatch:task_submit"
    settings.OCR_EXECUTOR = "sync"
    p = project.pk
    vendors = f"/api/projects/{p}/vendors/"

    earlier = process(alice_client, run_on_commit, p, EARLIER, "nordwind-0.pdf")
    assert value(earlier, "invoice_number") != EARLIER["number"]
    first = process(alice_client, run_on_commit, p, FIRST, "nordwind-1.pdf")
    assert value(first, "invoice_number") != FIRST["number"]  # the general engine misses it
    assert value(first, "vendor_tax_id") == "DE136695976"
    fields_url = f"/api/projects/{p}/documents/{first['id']}/fields/"

    # a viewer's correction is refused and teaches nothing
    refused = vera_client.patch(fields_url, {"fields": {"invoice_number": FIRST["number"]}}, format="json")
    assert refused.status_code == 403
    assert alice_client.get(vendors).json() == []

    corrected = alice_client.patch(fields_url, {"fields": {"invoice_number": FIRST["number"]}}, format="json")
    assert corrected.status_code == 200, corrected.content
    (vendor,) = alice_client.get(vendors).json()
    assert vendor["key"] == KEY
    lessons = {f["field"]: f for f in vendor["fields"]}
    assert lessons["invoice_number"]["label"] == "belegkennung"
    assert lessons["invoice_number"]["label_side"] == "left"
    assert lessons["invoice_number"]["taught_by"] == "alice"

    # the next invoice of the vendor, in the same project: right at once, and says it used the memory
    second = process(alice_client, run_on_commit, p, SECOND, "nordwind-2.pdf")
    assert value(second, "invoice_number") == SECOND["number"]
    stored = DocumentResult.objects.get(document_id=second["id"]).result["invoice"]
    assert stored["memory"]["vendor"] == KEY and "invoice_number" in stored["memory"]["fields"]

    # approving it without change confirms the lesson
    approved = alice_client.post(
        f"/api/projects/{p}/documents/{second['id']}/approve/",
        {"force": True, "reason": "test"},
        format="json",
    )
    assert approved.status_code == 200, approved.content
    (vendor,) = alice_client.get(vendors).json()
    assert {f["field"]: f for f in vendor["fields"]}["invoice_number"]["confirmations"] >= 1
    history = alice_client.get(f"{vendors}{quote(KEY, safe='')}/").json()["lessons"]
    assert {(h["field"], h["action"], h["user"]) for h in history} >= {
        ("invoice_number", "corrected", "alice"),
        ("invoice_number", "confirmed", "alice"),
    }

    # a rescore of the vendor's earlier documents, asked for through the API, re-extracts the one no
    # reviewer approved with what the project learned since (a viewer may not ask)
    rescore = f"/api/projects/{p}/rescore/"
    assert vera_client.post(rescore, {"reextract": True}, format="json").status_code == 403
    asked = run_on_commit(alice_client.post, rescore, {"reextract": True}, format="json")
    assert asked.status_code == 202 and asked.json() == {"project_id": p, "reextract": True}
    again = alice_client.get(f"/api/projects/{p}/documents/{earlier['id']}/").json()
    assert value(again, "invoice_number") == EARLIER["number"]
    assert value(again, "total") == "23.80"

    # the same invoice in Bob's project: his project learned nothing
    elsewhere = process(bob_client, run_on_commit, bob_project.pk, SECOND, "nordwind-2.pdf")
    assert value(elsewhere, "invoice_number") != SECOND["number"]
    assert bob_client.get(f"/api/projects/{bob_project.pk}/vendors/").json() == []

    # forgetting the field removes the effect
    forgot = alice_client.delete(f"{vendors}{quote(KEY, safe='')}/fields/invoice_number/")
    assert forgot.status_code == 204
    third = process(alice_client, run_on_commit, p, SECOND, "nordwind-2-again.pdf")
    assert value(third, "invoice_number") != SECOND["number"]
