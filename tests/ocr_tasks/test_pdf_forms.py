"""Invoices filled in as PDF forms: the typed values live in form fields, not in the page content.

The PDFs of `form_invoices/` are drawn by `form_invoices/draw_forms.py` (reportlab AcroForm text fields,
labels as page content); the expected values are those the script types into the fields.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ocr_tasks.config import OcrConfig
from ocr_tasks.extraction import ExtractionOptions
from ocr_tasks.ingest import ingest_path
from ocr_tasks.ingest.pdf_forms import flattened
from tests.ocr_tasks.extraction.rendered_pages import read_invoice

FOLDER = Path(__file__).resolve().parent / "form_invoices"
OPTIONS = ExtractionOptions(today=date(2025, 7, 1))
EXPECTED = {
    "invoice_form_gb.pdf": {
        "invoice_number": "NJ-2025-0193",
        "invoice_date": "2025-03-14",
        "due_date": "2025-04-13",
        "customer_name": "Harbour Cafe Ltd",
        "vendor_name": "Northwind Joinery Ltd",
        "subtotal": "1250.00",
        "tax_amount": "250.00",
        "total": "1500.00",
        "currency": "GBP",
    },
    "rechnung_formular_de.pdf": {
        "invoice_number": "2025-047",
        "invoice_date": "2025-06-02",
        "due_date": "2025-06-16",
        "customer_name": "Weinhaus Berger GmbH",
        "vendor_name": "Malerbetrieb Sonja Krüger",
        "subtotal": "1750.00",
        "tax_amount": "332.50",
        "total": "2082.50",
        "currency": "EUR",
        "iban": "DE89370400440532013000",
        "vendor_tax_id": "DE136695976",
    },
}
ITEMS = {"invoice_form_gb.pdf": ["930.00", "320.00"], "rechnung_formular_de.pdf": ["1480.00", "270.00"]}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_pages_own_text_holds_the_labels_but_none_of_the_typed_values(name):
    text = pdfium.PdfDocument(FOLDER / name)[0].get_textpage().get_text_range()
    assert "Bill to" in text or "Kunde" in text
    assert EXPECTED[name]["invoice_number"] not in text and EXPECTED[name]["customer_name"] not in text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_ingest_reads_the_typed_values_on_their_labels_rows(name, tmp_path):
    (page,) = ingest_path(FOLDER / name, config=OcrConfig(), workdir=tmp_path).pages
    assert page.text_page is not None and not page.needs_ocr  # still read from the text layer, no OCR
    lines = [line.text for line in page.text_page.lines]
    number = EXPECTED[name]["invoice_number"]
    label_row = next(line for line in page.text_page.lines if number in line.text)
    label = next(
        line for line in page.text_page.lines if line.text.startswith(("Invoice number", "Rechnungsnummer"))
    )
    assert abs(label_row.bbox.center[1] - label.bbox.center[1]) < 0.01, lines  # on the label's row


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_fields_of_a_filled_in_form(name):
    invoice = read_invoice(FOLDER / name, OPTIONS)[0]
    got = {
        field: (invoice.fields[field].value if field in invoice.fields else None) for field in EXPECTED[name]
    }
    assert got == EXPECTED[name]
    assert [item.cells["amount"].value for item in invoice.line_items if "amount" in item.cells] == ITEMS[
        name
    ]


def test_a_pdf_without_a_form_is_left_as_it_is():
    pdf = pdfium.PdfDocument(Path(__file__).resolve().parent / "extraction/office_invoices/creditnota_nl.pdf")
    assert flattened(pdf) is pdf
    pdf.close()
