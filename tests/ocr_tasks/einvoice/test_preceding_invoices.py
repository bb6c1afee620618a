"""An e-invoice's reference to the invoice it credits or corrects (EN 16931 BG-3: BT-25 number, BT-26
date) is read into its details, so that a credit note's review page can name the invoice it takes off
(a clerk's week: the page printed "Facture liée FA-2017-0010", the review page did not say it)."""

from __future__ import annotations

from ocr_tasks.einvoice.reader import read_pdf, read_xml


def test_a_factur_x_credit_note_names_the_invoice_it_credits(corpus):
    data = (corpus / "einvoice-dev" / "pdf" / "Avoir_FR_type381_EN16931.pdf").read_bytes()
    einvoice = read_pdf(data)
    assert einvoice is not None
    assert einvoice.details["preceding_invoices"] == [{"number": "FA-2017-0010", "date": "2017-11-13"}]
    assert einvoice.as_invoice().einvoice["preceding_invoices"][0]["number"] == "FA-2017-0010"


def test_a_ubl_invoice_with_a_billing_reference(corpus):
    data = (corpus / "einvoice-dev" / "xml" / "ubl" / "ubl-tc434-example5.xml").read_bytes()
    assert read_xml(data).details["preceding_invoices"] == [{"number": "TOSL109", "date": "2013-03-10"}]


def test_an_invoice_without_a_reference_has_none(corpus):
    data = (corpus / "einvoice-dev" / "pdf" / "Facture_FR_EN16931.pdf").read_bytes()
    einvoice = read_pdf(data)
    assert einvoice is not None and einvoice.details["preceding_invoices"] == []
