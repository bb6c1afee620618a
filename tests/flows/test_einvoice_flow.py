"""`process_invoices` end to end on e-invoices: a hybrid PDF and a bare XML are read from their XML
(`source: "einvoice"`), the PDF's page is still read for review, the XML has no page."""

from __future__ import annotations

from flows.port import SUCCEEDED
from flows.process import process_invoices

HYBRID = "einvoice-dev/pdf/Facture_FR_EN16931.pdf"
BARE = "einvoice-dev/xml/ubl/ubl-tc434-example2.xml"


def test_a_hybrid_pdf_and_a_bare_xml_are_read_from_their_xml(port, corpus):
    task_id = port.add_task("ap", [corpus / HYBRID, corpus / BARE])

    summary = process_invoices(task_id)

    assert summary["status"] == SUCCEEDED == port.status(task_id), summary
    by_name = {r.source.name: r for r in port.results(task_id).values()}
    pdf, xml = by_name["Facture_FR_EN16931.pdf"], by_name["ubl-tc434-example2.xml"]
    assert pdf.invoice.source == xml.invoice.source == "einvoice"
    assert pdf.invoice.get("total") == "671.15" and pdf.invoice.fields["total"].confidence == 1.0
    assert pdf.invoice.einvoice["profile"] == "EN 16931"
    assert len(pdf.ocr.pages) >= 1 and pdf.ocr.text.strip()  # the page, for the review screen
    assert xml.source.media_type == "application/xml" and xml.ocr.pages == ()
    assert xml.invoice.einvoice["syntax"] == "UBL 2.1 Invoice"
    assert {r.suite for r in xml.validation} >= {"invoice_fields"}
    assert port.progress_log(task_id)[-1].documents_done == 2
