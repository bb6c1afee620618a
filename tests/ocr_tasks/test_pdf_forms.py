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


def _wide(text: str):
    import ctypes

    import pypdfium2.raw as pdfium_c

    data = (text + "\x00").encode("utf-16-le")
    return ctypes.cast(ctypes.create_string_buffer(data, len(data)), ctypes.POINTER(pdfium_c.FPDF_WCHAR))


def _typed_with_a_text_tool(labels_and_values: list[tuple[str, str]]) -> bytes:
    """An A4 page printing `labels` (page content, Helvetica) with each value typed beside its label as
    a FreeText annotation, the way a viewer's text tool (Preview's Text, Fill & Sign) adds it."""
    import io

    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    for i, (label, value) in enumerate(labels_and_values):
        y = 760 - 30 * i
        text = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 10.0)
        pdfium_c.FPDFText_SetText(text, _wide(label))
        pdfium_c.FPDFPageObj_Transform(text, 1, 0, 0, 1, 50, y)
        pdfium_c.FPDFPage_InsertObject(page.raw, text)
        annot = pdfium_c.FPDFPage_CreateAnnot(page.raw, pdfium_c.FPDF_ANNOT_FREETEXT)
        pdfium_c.FPDFAnnot_SetRect(annot, pdfium_c.FS_RECTF(200, y + 12, 400, y - 4))
        pdfium_c.FPDFAnnot_SetStringValue(annot, b"Contents", _wide(value))
        # PDFium gives the appearance the annotation's rectangle as its box: page coordinates
        appearance = f"BT /Helv 10 Tf 0 g 202 {y} Td ({value}) Tj ET"
        pdfium_c.FPDFAnnot_SetAP(annot, pdfium_c.FPDF_ANNOT_APPEARANCEMODE_NORMAL, _wide(appearance))
        pdfium_c.FPDFPage_CloseAnnot(annot)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    page.close()
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def test_values_typed_with_a_viewers_text_tool_are_read(tmp_path):
    rows = [
        ("INVOICE", ""),
        ("Blue Door Bakery, 12 Canal Street, Manchester M1 3HE", ""),
        ("Invoice number", "BD-7781"),
        ("Invoice date", "03/02/2025"),
        ("Bill to", "Quayside Deli Ltd"),
        ("Total due", "£412.50"),
    ]
    path = tmp_path / "typed.pdf"
    path.write_bytes(_typed_with_a_text_tool([(label, value) for label, value in rows]))
    own = pdfium.PdfDocument(path)[0].get_textpage().get_text_range()
    assert "Invoice number" in own and "BD-7781" not in own  # the typed values are annotations
    (page,) = ingest_path(path, config=OcrConfig(), workdir=tmp_path / "work").pages
    assert page.text_page is not None and "BD-7781" in page.text_page.text
    invoice = read_invoice(path, OPTIONS)[0]
    got = {name: invoice.fields[name].value for name in ("invoice_number", "invoice_date", "total")}
    assert got == {"invoice_number": "BD-7781", "invoice_date": "2025-02-03", "total": "412.50"}
