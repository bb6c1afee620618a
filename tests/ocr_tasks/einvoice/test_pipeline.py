"""The pipeline's ingest and extract steps on e-invoices: a hybrid PDF's invoice comes from its XML
(`source: "einvoice"`), its pages are still ingested for review; a broken attachment falls back to the
page, with the reason on the invoice."""

from __future__ import annotations

from flows import tasks
from flows.memory_port import InMemoryPort
from ocr_tasks.config import OcrConfig
from ocr_tasks.invoice_types import Invoice
from ocr_tasks.ocr_types import OcrDocument
from ocr_tasks.result_types import DocumentResult
from tests.ocr_tasks.einvoice.builders import pdf_with_attachments

NO_SECOND_READINGS = {"extraction": {"enhanced": False, "reread": False, "second_opinion": False}}


def _ingest(tmp_path, name: str, data: bytes):
    port = InMemoryPort()
    source = port.load_task(port.add_task("p", [(name, data)])).documents[0]
    return source, tasks.ingest_one(port, source, OcrConfig(), str(tmp_path))


def test_a_hybrid_pdf_is_read_from_its_xml_and_keeps_its_pages(corpus, tmp_path):
    pdf = corpus / "einvoice-dev" / "pdf" / "Facture_FR_EN16931.pdf"
    source, ingested = _ingest(tmp_path, pdf.name, pdf.read_bytes())
    assert ingested.einvoice is not None and ingested.einvoice_error is None
    assert len(ingested.pages) >= 1

    invoice = tasks.extract.fn(ingested, OcrDocument(source=source, pages=()), "eng", NO_SECOND_READINGS)

    assert invoice.source == "einvoice"
    assert invoice.get("total") == "671.15" and invoice.fields["total"].confidence == 1.0
    assert invoice.einvoice["syntax"] == "CII D16B" and invoice.einvoice["profile"] == "EN 16931"
    stored = DocumentResult(source=source, invoice=invoice).to_dict()
    assert stored["invoice"]["source"] == "einvoice"
    assert stored["invoice"]["einvoice"]["attachment"] == "factur-x.xml"
    again = DocumentResult.from_dict(stored).invoice
    assert again.source == "einvoice" and again.einvoice["profile"] == "EN 16931"


def test_an_ocr_invoice_dict_is_unchanged():
    assert set(Invoice().to_dict()) == {"fields", "line_items", "template"}


def test_a_hostile_attachment_is_reported_and_the_page_is_extracted(tmp_path):
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>'
    source, ingested = _ingest(tmp_path, "hybrid.pdf", pdf_with_attachments(("factur-x.xml", bomb)))
    assert ingested.einvoice is None and ingested.einvoice_error["code"] == "xml_unsafe"
    document = OcrDocument(source=source, pages=())

    invoice = tasks.extract.fn(ingested, document, "eng", NO_SECOND_READINGS)

    assert invoice.source is None
    assert invoice.einvoice == {"error": ingested.einvoice_error}


def test_a_bare_xml_is_ingested_without_pages_and_extracted_from_its_xml(corpus, tmp_path):
    xml = corpus / "einvoice-dev" / "xml" / "cii" / "XRechnung-O.xml"
    source, ingested = _ingest(tmp_path, "upload.bin", xml.read_bytes())
    assert ingested.source.media_type == "application/xml" and ingested.pages == ()

    invoice = tasks.extract.fn(ingested, OcrDocument(source=source, pages=()), "eng", NO_SECOND_READINGS)

    assert invoice.source == "einvoice" and invoice.get("invoice_number") == "150377292"
    assert invoice.einvoice["attachment"] is None


def test_a_hybrid_pdf_whose_page_shows_another_invoice_is_flagged(corpus, tmp_path):
    from ocr_tasks.recognise import recognise_document

    pdf = corpus / "einvoice-dev" / "pdf" / "sample_inofficial_20190125_atgp_factur-x_v_1_0.pdf"
    source, ingested = _ingest(tmp_path, pdf.name, pdf.read_bytes())
    document = recognise_document(ingested, OcrConfig(), workers=1)

    invoice = tasks.extract.fn(ingested, document, "eng", NO_SECOND_READINGS)

    mismatches = {m["field"]: m for m in invoice.einvoice["page_mismatches"]}
    assert mismatches["invoice_number"]["xml"] == "FA-2017-0010"
    assert mismatches["invoice_number"]["page"] == "RE-20190121/507"
    assert invoice.get("invoice_number") == "FA-2017-0010"  # the XML's value stays the invoice's


def test_a_hybrid_pdf_whose_page_agrees_has_no_mismatch(corpus, tmp_path):
    from ocr_tasks.recognise import recognise_document

    pdf = corpus / "einvoice-dev" / "pdf" / "Facture_FR_EN16931.pdf"
    source, ingested = _ingest(tmp_path, pdf.name, pdf.read_bytes())
    document = recognise_document(ingested, OcrConfig(), workers=1)

    invoice = tasks.extract.fn(ingested, document, "eng", NO_SECOND_READINGS)

    assert invoice.einvoice["page_mismatches"] == []
