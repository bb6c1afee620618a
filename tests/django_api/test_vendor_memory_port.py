"""The Django port's side of vendor memory: a run reads only its project's memories and templates
(templates parsed by the safe loader; a stored one that no longer parses is left out), and a
re-extracting rescore replaces only processed documents' extraction (approved ones stay as approved)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from django_api.invoices.models import Document, DocumentResult, ProjectTemplate
from django_api.invoices.services.reviews import document_approve
from django_api.orchestration.django_port import DjangoPort
from ocr_tasks.invoice_types import FieldValue
from tests.django_api.test_vendor_memory_api import GOOD_TEMPLATE, KEY, remember

pytestmark = pytest.mark.django_db


def test_a_run_reads_only_its_projects_memories_and_templates(project, bob_project, alice, bob):
    remember(project)
    remember(bob_project, key="vat:DE999999999")
    ProjectTemplate.objects.create(project=project, name="nordwind", source=GOOD_TEMPLATE, created_by=alice)
    ProjectTemplate.objects.create(project=project, name="broken", source="!!python/name:os.system\n")
    ProjectTemplate.objects.create(project=bob_project, name="bobs", source=GOOD_TEMPLATE, created_by=bob)
    port = DjangoPort()
    assert [m.key for m in port.vendor_memories(str(project.pk))] == [KEY]
    assert [t.name for t in port.project_templates(str(project.pk))] == ["nordwind"]  # "broken" left out
    assert [m.key for m in port.vendor_memories(str(bob_project.pk))] == ["vat:DE999999999"]


def test_reextraction_replaces_processed_documents_only(project, alice, processed_document):
    _, document_id = processed_document
    port = DjangoPort()
    assert port.reextractable_document_ids(str(project.pk)) == [document_id]
    (stored,) = port.load_project_results(str(project.pk))
    number = FieldValue(name="po_number", value="PO-7", raw_text="PO-7", confidence=0.9, page=0)
    fresh = replace(
        stored, invoice=replace(stored.invoice, fields={**stored.invoice.fields, "po_number": number})
    )
    version = DocumentResult.objects.get(document_id=document_id).version

    port.save_reextracted(str(project.pk), fresh)
    row = DocumentResult.objects.get(document_id=document_id)
    assert row.fields["po_number"]["value"] == "PO-7" and row.version > version  # an open form is stale

    document = Document.objects.get(pk=document_id)
    document_approve(user=alice, project=project, document=document, force=True, reason="checked")
    assert port.reextractable_document_ids(str(project.pk)) == []
    gone = replace(fresh, invoice=replace(fresh.invoice, fields={}))
    port.save_reextracted(str(project.pk), gone)  # approved meanwhile: left as approved
    assert DocumentResult.objects.get(document_id=document_id).fields["po_number"]["value"] == "PO-7"
    assert Document.objects.get(pk=document_id).status == "approved"
