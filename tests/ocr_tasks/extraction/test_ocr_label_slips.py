"""Labels and amounts as OCR misreads them on scans (issue 13): characters OCR confuses in a label
(`LV.A.` for `I.V.A.`, `Tota1`, `T0TAL`, `Rechnungsnumrner`), a slipped decimal separator (`1,813,24`),
read as the printed label or amount would be, and nothing more."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.extraction.keywords import (
    LABELS,
    has_label,
    has_negative,
    label_strength,
    ocr_shape,
    repair_legal_form,
)
from ocr_tasks.normalise.amounts import find_amounts, parse_amount
from tests.ocr_tasks.extraction.layout_pages import text_layer_page


@pytest.mark.parametrize(
    ("printed", "field"),
    [
        ("LV.A. 21%", "tax_amount"),
        ("M.w.5t.", "tax_amount"),
        ("Tota1", "total"),
        ("T0TAL", "total"),
        ("Rechnungsnumrner:", "invoice_number"),
        ("Subtota1", "subtotal"),
        ("Tota|", "total"),  # a bar for the `l`, which `fold` alone drops
    ],
)
def test_a_label_with_characters_ocr_confuses_still_labels_its_field(printed, field):
    assert 0.85 <= has_label(printed, field) < 1.0  # weaker than the label as printed


@pytest.mark.parametrize(
    ("printed", "field"),
    [("Rechnungsnummer", "total"), ("Datum", "tax_amount"), ("10 Stk", "total"), ("Liva", "tax_amount")],
)
def test_an_ocr_shape_match_needs_the_whole_word(printed, field):
    assert has_label(printed, field) < 0.85


def test_ocr_shapes_leave_numbers_alone():
    assert ocr_shape("Tota1 10,50") == "totai 10 50"  # `fold`'s punctuation, the digits as printed
    assert ocr_shape("LV.A. 21%") == "iva 21%"


def test_a_negative_label_with_an_ocr_slip_still_says_no():
    """`Subtota1` is no total, as `Subtotal` is not."""
    assert has_negative("Subtotal", "total") >= 1.0
    assert has_negative("Subtota1", "total") >= 0.9
    assert has_negative("Tota1", "total") == 0.0


def test_an_exact_label_beats_its_misread_twin():
    assert label_strength("Total", LABELS["total"]) > label_strength("Tota1", LABELS["total"])


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("1,813,24", "1813.24"),
        ("1.813.24 EUR", "1813.24"),
        ("12.345.678,90", "12345678.90"),
        ("1,234,567", "1234567"),  # groups of three throughout: thousands, as before
        ("1.813,24", "1813.24"),
    ],
)
def test_a_slipped_decimal_separator_reads_as_the_amount_printed(printed, value):
    assert parse_amount(printed) == Decimal(value)
    assert [a.value for a in find_amounts(f"Total {printed}")] == [Decimal(value)]


def test_a_slipped_separator_whatever_the_documents_decimal_separator():
    assert parse_amount("1,813,24", decimal_separator=",") == Decimal("1813.24")
    assert parse_amount("1.813.24", decimal_separator=",") == Decimal("1813.24")
    assert parse_amount("1,81,24") != Decimal("18124")  # no group of three: no thousands at all


def test_totals_block_read_with_ocr_slips():
    """A Spanish totals block as Tesseract read a scan: `LV.A.`, a slipped separator in the total."""
    rows = [
        [("Talleres Ruiz S.L.", 0.06), ("FACTURA", 0.72)],
        [("Factura nº:", 0.58), ("2024/0137", 0.76)],
        [("Fecha:", 0.58), ("07/03/2024", 0.76)],
        [],
        [("Base imponible", 0.58), ("1.498,55 €", 0.82)],
        [("LV.A. 21%", 0.58), ("314,69 €", 0.82)],
        [("Tota1 factura", 0.58), ("1,813,24 €", 0.82)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=ExtractionOptions(today=date(2024, 6, 1)))
    values = {name: field.value for name, field in invoice.fields.items()}
    assert (values.get("subtotal"), values.get("tax_amount"), values.get("total")) == (
        "1498.55",
        "314.69",
        "1813.24",
    )


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("Ferramenta Colombo S.r.1.", "Ferramenta Colombo S.r.l."),
        ("ACME TRADING 1TD", "ACME TRADING LTD"),
        ("Studio Rossi 5.p.A.", "Studio Rossi S.p.A."),
        ("Hotel Room 101", "Hotel Room 101"),  # no legal form: as read
        ("S.r.1.", "S.r.1."),  # a legal form alone is no name
    ],
)
def test_a_legal_form_with_characters_ocr_confuses_is_read_as_printed(read, printed):
    assert repair_legal_form(read) == printed


def test_a_party_name_ending_in_a_misread_legal_form():
    """The Italian fattura's parties on a degraded scan: `S.r.1.` for `S.r.l.`."""
    rows = [
        [("Ferramenta Colombo S.r.1.", 0.06), ("FATTURA", 0.72)],
        [("Via Milano 12, 20121 Milano", 0.06)],
        [("P.IVA 00743110157", 0.06)],
        [],
        [("Spett.le", 0.56)],
        [("Studio Tecnico Bianchi S.r.1.", 0.56)],
        [("Via Roma 3, 10121 Torino", 0.56)],
        [],
        [("Fattura n.", 0.06), ("124/2024", 0.25), ("Data", 0.56), ("15/03/2024", 0.66)],
        [],
        [("Imponibile", 0.58), ("1.250,00", 0.82)],
        [("IVA 22%", 0.58), ("275,00", 0.82)],
        [("Totale", 0.58), ("1.525,00", 0.82)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=ExtractionOptions(today=date(2024, 6, 1)))
    values = {name: field.value for name, field in invoice.fields.items()}
    assert values.get("vendor_name") == "Ferramenta Colombo S.r.l."
    assert values.get("customer_name") == "Studio Tecnico Bianchi S.r.l."


def test_a_row_of_labels_whose_number_signs_ocr_read_as_digits_is_still_a_row_of_labels():
    """A Spanish credit note's header as Tesseract read a scan: `Abono n2  Cliente n&  N2 pedido` over
    the values; the `2` of a misread `nº` is no value, so the row labels the row under it."""
    rows = [
        [("Ferretería Ruiz S.L.", 0.06)],
        [("Calle Mayor 4, 34001 Palencia", 0.06)],
        [],
        [("Fecha de emisión", 0.06), ("Abono n2", 0.30), ("Cliente n&", 0.48), ("N2 pedido", 0.64)],
        [("09/09/2024", 0.06), ("R4817963", 0.30), ("342571", 0.48), ("ORD-4803632", 0.64)],
        [("Nota de abono", 0.06)],
        [],
        [("Base imponible", 0.58), ("100,00 €", 0.82)],
        [("IVA 21%", 0.58), ("21,00 €", 0.82)],
        [("Total", 0.58), ("121,00 €", 0.82)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=ExtractionOptions(today=date(2024, 12, 1)))
    assert invoice.fields["invoice_number"].value == "R4817963"
