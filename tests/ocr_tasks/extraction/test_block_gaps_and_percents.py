"""Address blocks end at an empty line whatever the type's size and line spacing (a PDF's text layer sets
lines closer than the hand-written test rows, a title is drawn larger than the address under it), and a
percentage inside a description (`100% cotton`) is no VAT rate of its item."""

from __future__ import annotations

from datetime import date

import pytest

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.extraction.address_blocks import address_blocks
from ocr_tasks.extraction.rows import document_rows
from tests.ocr_tasks.extraction.layout_pages import text_layer_page

TODAY = ExtractionOptions(today=date(2025, 6, 1))


def _letter_rows():
    return [
        [("Keukenstudio Maasland", 0.62)],
        [("Havenstraat 41", 0.62)],
        [("3011 AB Rotterdam", 0.62)],
        [],
        [("Fam. J. Bakker", 0.06)],
        [("Lindelaan 7", 0.06)],
        [("2991 CD Barendrecht", 0.06)],
        [],
        [("FACTUUR 2024-1042", 0.06)],
        [("Datum:", 0.06), ("12-03-2024", 0.22)],
        [("Vervaldatum:", 0.06), ("26-03-2024", 0.22)],
        [],
        [("Omschrijving", 0.06), ("Aantal", 0.48), ("Prijs", 0.62), ("Bedrag", 0.80)],
        [("Keukenblok eiken", 0.06), ("1", 0.50), ("6.450,00", 0.62), ("6.450,00", 0.80)],
        [],
        [("Totaal incl. btw", 0.50), ("€ 7.804,50", 0.80)],
    ]


# line pitch as the test rows set it (0.018: 1.6 line heights) and as a PDF's text layer does (1.3)
@pytest.mark.parametrize("step", [0.018, 0.0145, 0.0135])
def test_an_empty_line_ends_the_address_block_whatever_the_line_spacing(step):
    page = text_layer_page(_letter_rows(), step=step)
    blocks = [[s.text for s in b.segments] for b in address_blocks(document_rows(page))]
    assert ["Fam. J. Bakker", "Lindelaan 7", "2991 CD Barendrecht"] in blocks
    invoice = extract_invoice(page, options=TODAY)
    assert invoice.fields["customer_name"].value == "Fam. J. Bakker"


def test_a_percentage_inside_a_description_is_no_vat_rate():
    rows = [
        [("Northgate Textiles Ltd", 0.06)],
        [("12 Mill Lane", 0.06)],
        [("Leeds LS1 4AB", 0.06)],
        [],
        [("INVOICE 4471", 0.06)],
        [("Date: 05/03/2025", 0.06)],
        [],
        [("Description", 0.06), ("Qty", 0.50), ("Unit price", 0.62), ("Amount", 0.80)],
        [("T-shirt 100% cotton, navy", 0.06), ("10", 0.50), ("8.00", 0.62), ("80.00", 0.80)],
        [("Polo shirt 20% polyester", 0.06), ("5", 0.50), ("12.00", 0.62), ("60.00", 0.80)],
        [],
        [("Total", 0.62), ("140.00", 0.80)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    assert [item.get("amount") for item in invoice.line_items] == ["80.00", "60.00"]
    assert "tax_rate" not in invoice.line_items[0].cells  # `100%`'s tail `00%` is no rate


@pytest.mark.parametrize("name", ["nl", "2:deposit_nl", "2:amount_column_ie"])
def test_the_customer_read_from_a_drawn_pdfs_text_layer(tmp_path, name):
    """Held-out pages drawn as PDFs (a larger title row, the PDF's own line spacing), read through the
    product's ingest: the customer's block is found as in the hand-written rows."""
    from tests.ocr_tasks.extraction.rendered_pages import held_out_cases, read_invoice

    case = held_out_cases()[name]
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(case.render())
    invoice, _ = read_invoice(pdf, ExtractionOptions(today=case.today))
    got = invoice.fields.get("customer_name")
    assert case.matches("customer_name", got and got.value, case.expected["customer_name"])
