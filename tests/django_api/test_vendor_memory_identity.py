"""The project's vendor memory is keyed by reviewed values (issue 15): through the API's fields PATCH and
approval, an engine that read the buyer's VAT id as the vendor's keys the memory only until the reviewer
corrects it; then the corrected VAT id does (or the vendor's memory the project already had takes the
corrections over), and the vendor's next invoice finds the memory. A correction is used at once; the
identifiers the engine read are marked unreviewed until approval."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest

from django_api.invoices.models import Document, LessonAction, OcrTask, VendorLesson, VendorMemory
from ocr_tasks.extraction import extract_invoice
from ocr_tasks.invoice_types import FieldValue, Invoice
from ocr_tasks.ocr_types import OcrDocument
from ocr_tasks.result_types import DocumentResult
from tests.ocr_tasks.vendor_memory.documents import FIRST, SECOND, VAT, zenith

pytestmark = pytest.mark.django_db

BUYER_VAT = "DE811569869"


def stored_document(project, user, ocr: OcrDocument, extracted: Invoice, name: str) -> Document:
    """A processed document of `project` holding `extracted` as its result (as the pipeline's port saves
    it)."""
    from django_api.invoices.services.pipeline_records import document_result_save

    task = OcrTask.objects.create(project=project, created_by=user)
    document = Document.objects.create(
        project=project,
        task=task,
        name=name,
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        media_type="application/pdf",
    )
    result = DocumentResult(source=ocr.source, ocr=ocr, invoice=extracted).to_dict()
    result["source"]["id"] = str(document.pk)
    document_result_save(document_id=document.pk, result=result)
    return document


def patch(client, project, document, fields: dict):
    response = client.patch(
        f"/api/projects/{project.pk}/documents/{document.pk}/fields/", {"fields": fields}, format="json"
    )
    assert response.status_code == 200, response.content


def approve(client, project, document):
    response = client.post(
        f"/api/projects/{project.pk}/documents/{document.pk}/approve/",
        {"force": True, "reason": "checked"},
        format="json",
    )
    assert response.status_code == 200, response.content


def next_invoice(project) -> Invoice:
    from django_api.invoices.selectors.vendor_memory import pipeline_vendor_memories

    return extract_invoice(zenith(*SECOND), memories=pipeline_vendor_memories(project_id=project.pk))


def misread_document(project, user, name: str) -> Document:
    """Zenith's first invoice, stored with the buyer's VAT id taken for the vendor's (an engine's mistake)."""
    first = zenith(*FIRST)
    extracted = extract_invoice(first)
    fields = dict(extracted.fields)
    fields["vendor_tax_id"] = FieldValue("vendor_tax_id", BUYER_VAT, BUYER_VAT, 0.9, 0, None)
    return stored_document(project, user, first, replace(extracted, fields=fields), name)


def test_a_corrected_vat_id_keys_the_memory_and_the_next_invoice_finds_it(alice, alice_client, project):
    document = misread_document(project, alice, "first.pdf")
    patch(alice_client, project, document, {"invoice_number": "ZP/88123"})  # the number first
    (row,) = VendorMemory.objects.filter(project=project)  # used at once, keyed by the engine's reading
    assert row.key == f"vat:{BUYER_VAT}" and f"vat:{BUYER_VAT}" in row.data["unreviewed"]
    patch(alice_client, project, document, {"vendor_tax_id": VAT})  # then the vendor's VAT id
    (row,) = VendorMemory.objects.filter(project=project)
    assert row.key == f"vat:{VAT}"
    assert f"vat:{BUYER_VAT}" not in row.identifiers
    assert row.data["lessons"]["invoice_number"]["corrected"] is True  # the earlier correction stays
    approve(alice_client, project, document)
    (row,) = VendorMemory.objects.filter(project=project)
    assert row.key == f"vat:{VAT}" and f"vat:{BUYER_VAT}" not in row.identifiers
    assert "name:zenith print" in row.identifiers and row.data["unreviewed"] == []  # all reviewed now
    result = next_invoice(project)
    assert result.memory is not None and result.memory["vendor"] == f"vat:{VAT}"
    assert result.get("invoice_number") == "ZP/90555"


def test_a_vendor_already_known_takes_over_the_corrections_of_a_misread_document(
    alice, alice_client, project
):
    known = zenith(*FIRST)
    confirmed = stored_document(project, alice, known, extract_invoice(known), "known.pdf")
    approve(alice_client, project, confirmed)  # the vendor is known by its reviewed VAT id
    (row,) = VendorMemory.objects.filter(project=project)
    assert row.key == f"vat:{VAT}" and "invoice_number" not in row.data["lessons"]
    document = misread_document(project, alice, "misread.pdf")
    patch(alice_client, project, document, {"invoice_number": "ZP/88123"})
    assert VendorMemory.objects.filter(project=project, key=f"vat:{BUYER_VAT}").exists()
    patch(alice_client, project, document, {"vendor_tax_id": VAT})
    (row,) = VendorMemory.objects.filter(project=project)  # the misread one is gone
    assert row.key == f"vat:{VAT}" and f"vat:{BUYER_VAT}" not in row.identifiers
    assert row.data["lessons"]["invoice_number"]["corrected"] is True
    assert next_invoice(project).get("invoice_number") == "ZP/90555"


def test_a_correction_is_used_at_once_and_its_vendor_reviewed_at_approval(alice, alice_client, project):
    first = zenith(*FIRST)
    document = stored_document(project, alice, first, extract_invoice(first), "first.pdf")
    patch(alice_client, project, document, {"invoice_number": "ZP/88123"})
    (row,) = VendorMemory.objects.filter(project=project)
    assert row.key == f"vat:{VAT}" and f"vat:{VAT}" in row.data["unreviewed"]
    assert next_invoice(project).get("invoice_number") == "ZP/90555"  # used at once
    approve(alice_client, project, document)
    (row,) = VendorMemory.objects.filter(project=project)
    assert row.key == f"vat:{VAT}" and row.data["unreviewed"] == []
    lesson = row.data["lessons"]["invoice_number"]
    assert lesson["corrected"] is True and lesson["taught_by"] == "alice"
    number = VendorLesson.objects.get(document=document, field="invoice_number")
    assert number.action == LessonAction.CORRECTED and number.user == alice
    assert VendorLesson.objects.filter(document=document, action=LessonAction.CONFIRMED).exists()


def test_a_viewers_correction_teaches_nothing_even_at_a_later_approval(
    alice, vera_client, alice_client, project
):
    first = zenith(*FIRST)
    document = stored_document(project, alice, first, extract_invoice(first), "first.pdf")
    response = vera_client.patch(
        f"/api/projects/{project.pk}/documents/{document.pk}/fields/",
        {"fields": {"invoice_number": "ZP/88123"}},
        format="json",
    )
    assert response.status_code == 403
    approve(alice_client, project, document)
    (row,) = VendorMemory.objects.filter(project=project)
    assert not row.data["lessons"].get("invoice_number", {}).get("corrected", False)
    assert not VendorLesson.objects.filter(action=LessonAction.CORRECTED).exists()
