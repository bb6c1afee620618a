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


def test_a_box_ocr_drew_over_two_lines_does_not_end_the_address_block():
    """A 200 dpi scan: OCR read a smudge beside the window's second line as `conan` in one box reaching
    over the street line under it; that box's zero gap is no leading, and the postcode line still belongs
    to the block (before, the block ended over the postcode line, had no address and gave no customer)."""
    from dataclasses import replace as replaced

    from ocr_tasks.ocr_types import Block, Line

    rows = _letter_rows()
    rows[5:5] = [[("conan", 0.06)]]  # a line of noise between the name and the street
    document = text_layer_page(rows, step=0.02)  # lines 0.009 apart: most of a line's height
    page = document.pages[0]
    lines = []
    for block in page.blocks:
        for line in block.lines:
            if line.text == "conan":  # its box reaches to the bottom of the street line under it
                word = line.words[0]
                line = Line.of([replaced(word, bbox=replaced(word.bbox, y1=word.bbox.y1 + 0.02))])
            lines.append(line)
    page = replaced(page, blocks=tuple(Block.of([line]) for line in lines), source="ocr")
    blocks = [
        [s.text for s in b.segments] for b in address_blocks(document_rows(replaced(document, pages=(page,))))
    ]
    assert ["Fam. J. Bakker", "conan", "Lindelaan 7", "2991 CD Barendrecht"] in blocks


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


def _with_taller_line(document, text: str, factor: float):
    """`document` with the line reading `text` drawn `factor` times as tall (a larger type on the same
    baseline), as a text layer gives a slogan or title set in a bigger font."""
    from dataclasses import replace

    from ocr_tasks.geometry import BBox
    from ocr_tasks.ocr_types import Block, Line

    page = document.pages[0]
    blocks = []
    for block in page.blocks:
        line = block.lines[0]
        if line.text == text:
            words = [
                replace(w, bbox=BBox(w.bbox.x0, w.bbox.y1 - factor * w.bbox.height, w.bbox.x1, w.bbox.y1))
                for w in line.words
            ]
            block = Block.of([Line.of(words)])
        blocks.append(block)
    return replace(document, pages=(replace(page, blocks=tuple(blocks)),))


def test_a_slogan_over_the_address_window_is_no_part_of_the_customers_block():
    """A line drawn larger over the recipient's window with an empty line under it (a web shop's slogan
    `Dat regelen wij graag voor u.`) is parted from the block under it, though under a block's first line
    a gap of two line heights is allowed (OCR's word boxes are shorter than the lines): the gaps between
    the window's own lines are the measure once the block is whole."""
    rows = [
        [("FACTUUR", 0.06), ("Tegelhuis Noord B.V.", 0.62)],
        [("Stationsweg 8", 0.62)],
        [("Dat regelen wij graag voor u.", 0.06), ("9711 AB Groningen", 0.62)],
        [],
        [("M. de Vries", 0.06)],
        [("Kerklaan 14", 0.06)],
        [("8011 CD Zwolle", 0.06)],
        [],
        [("Factuurnummer: 2024-311", 0.06)],
        [("Factuurdatum: 12-03-2024", 0.06)],
        [],
        [("Omschrijving", 0.06), ("Aantal", 0.48), ("Prijs", 0.62), ("Bedrag", 0.80)],
        [("Vloertegels 60x60", 0.06), ("12", 0.50), ("45,00", 0.62), ("540,00", 0.80)],
        [],
        [("Totaal incl. btw", 0.50), ("€ 653,40", 0.80)],
    ]
    page = _with_taller_line(text_layer_page(rows, step=0.0145), "Dat regelen wij graag voor u.", 1.6)
    blocks = [[s.text for s in b.segments] for b in address_blocks(document_rows(page))]
    assert ["M. de Vries", "Kerklaan 14", "8011 CD Zwolle"] in blocks, blocks
    invoice = extract_invoice(page, options=TODAY)
    assert invoice.fields["customer_name"].value == "M. de Vries"
