"""Item tables with more than goods: a second section of items after a section total, a charge row that
charges nothing, a tax charged as a priced line, a rate's tax printed between the charges, and the items
table's own sum row that names the net and the tax (issue 13, the round-3 known misses, fixed by general
rules). Each page here is new (other producers, languages and numbers than the held-out invoices)."""

from __future__ import annotations

from datetime import date

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from tests.ocr_tasks.extraction.layout_pages import text_layer_page

OPTIONS = ExtractionOptions(today=date(2025, 6, 1))


def _amounts(document) -> list[str]:
    invoice = extract_invoice(document, options=OPTIONS)
    return [item.cells["amount"].value for item in invoice.line_items]


def _consultancy(*, grand_total: str) -> list:
    return [
        [("Northgate Surveyors Ltd", 0.06), ("INVOICE 7713", 0.70)],
        [("Date: 2 May 2024", 0.70)],
        [],
        [("SURVEY WORK", 0.06)],
        [("Description", 0.06), ("Days", 0.55), ("Rate", 0.67), ("Amount", 0.84)],
        [("Boundary survey", 0.06), ("2", 0.56), ("450.00", 0.66), ("900.00", 0.84)],
        [("Drawings", 0.06), ("1", 0.56), ("300.00", 0.66), ("300.00", 0.84)],
        [("Total Survey Work", 0.55), ("1,200.00", 0.83)],
        [],
        [("DISBURSEMENTS", 0.06)],
        [("Land registry search", 0.06), ("40.00", 0.85)],
        [("Travel", 0.06), ("85.00", 0.85)],
        [("Total Disbursements", 0.55), ("125.00", 0.84)],
        [],
        [("Invoice Total", 0.55), (grand_total, 0.83)],
    ]


def test_a_second_section_after_a_section_total_is_read_when_the_invoice_total_sums_both():
    assert _amounts(text_layer_page(_consultancy(grand_total="1,325.00"))) == [
        "900.00",
        "300.00",
        "40.00",
        "85.00",
    ]


def test_the_items_end_at_the_first_section_total_when_no_total_sums_the_sections():
    assert _amounts(text_layer_page(_consultancy(grand_total="1,440.00"))) == ["900.00", "300.00"]


def test_rows_after_a_subtotal_are_no_second_section():
    rows = [
        [("Bäckereibedarf Kuhn GmbH", 0.06), ("Rechnung 2024-311", 0.66)],
        [("Datum 03.05.2024", 0.66)],
        [],
        [("Artikel", 0.06), ("Menge", 0.50), ("Preis", 0.64), ("Betrag", 0.82)],
        [("Backpapier 500 Bl.", 0.06), ("3", 0.51), ("12,40", 0.64), ("37,20", 0.83)],
        [("Teigschaber", 0.06), ("4", 0.51), ("3,90", 0.65), ("15,60", 0.83)],
        [("Zwischensumme", 0.55), ("52,80", 0.83)],
        [("Fracht", 0.55), ("9,50", 0.84)],
        [("Summe netto", 0.55), ("62,30", 0.83)],
        [("MwSt 19 %", 0.55), ("11,84", 0.83)],
        [("Gesamtbetrag", 0.55), ("74,14", 0.83)],
    ]
    assert _amounts(text_layer_page(rows)) == ["37.20", "15.60"]


def _shop(shipping: str) -> list:
    return [
        [("Boutique Lavande SARL", 0.06), ("Facture F-5521", 0.66)],
        [("Date : 04/05/2024", 0.66)],
        [],
        [("Désignation", 0.06), ("Qté", 0.50), ("Prix unitaire", 0.60), ("Montant", 0.84)],
        [("Savon au miel", 0.06), ("2", 0.51), ("6,50", 0.62), ("13,00", 0.85)],
        [("Bougie parfumée", 0.06), ("1", 0.51), ("18,00", 0.62), ("18,00", 0.85)],
        [("Frais de port", 0.06), (shipping, 0.85)],
        [],
        [("Total TTC", 0.60), ("31,00", 0.85)],
    ]


def test_a_shipping_row_that_charges_nothing_is_no_item():
    assert _amounts(text_layer_page(_shop("0,00"))) == ["13.00", "18.00"]


def test_a_charged_shipping_row_stays_an_item():
    rows = _shop("4,90")
    rows[-1] = [("Total TTC", 0.60), ("35,90", 0.85)]
    assert _amounts(text_layer_page(rows)) == ["13.00", "18.00", "4.90"]


def test_a_tax_charged_as_a_priced_line_is_an_item():
    rows = [
        [("Camping Les Pins", 0.06)],
        [("Facture n° 311 du 12/05/2024", 0.06)],
        [],
        [("Désignation", 0.06), ("Qté", 0.52), ("Prix", 0.62), ("Montant", 0.84)],
        [("Emplacement avec électricité", 0.06), ("4", 0.53), ("32,00", 0.62), ("128,00", 0.84)],
        [("Taxe de séjour (2 pers.)", 0.06), ("8", 0.53), ("0,60", 0.63), ("4,80", 0.85)],
        [],
        [("Total", 0.60), ("132,80", 0.84)],
    ]
    assert _amounts(text_layer_page(rows)) == ["128.00", "4.80"]


def test_a_rates_tax_between_the_charges_is_no_item():
    rows = [
        [("Riverside Water plc", 0.06)],
        [("Bill number 55120931", 0.56)],
        [("Bill date 3 May 2024", 0.56)],
        [],
        [("Charges for this period", 0.06)],
        [("Water supply, 24 m3 at 1.85", 0.06), ("44.40", 0.84)],
        [("Meter rental", 0.06), ("6.00", 0.85)],
        [("VAT at 20% on 6.00", 0.06), ("1.20", 0.85)],
        [("Sewerage", 0.06), ("38.20", 0.84)],
        [],
        [("Total amount due", 0.56), ("89.80", 0.84)],
    ]
    assert _amounts(text_layer_page(rows)) == ["44.40", "6.00", "38.20"]


def test_the_items_tables_sum_row_names_the_net_and_the_tax_under_a_rate_heading():
    rows = [
        [("Cabinet Morel Conseil", 0.06)],
        [("12 place Bellecour, 69002 Lyon", 0.06)],
        [],
        [("FACTURE N° 2024-088", 0.06)],
        [("Date : 06/05/2024", 0.06)],
        [],
        [("Prestation", 0.06), ("Montant HT", 0.50), ("TVA 20 %", 0.64), ("Montant TTC", 0.80)],
        [("Audit des comptes", 0.06), ("2 000,00", 0.50), ("400,00", 0.65), ("2 400,00", 0.80)],
        [("Conseil fiscal", 0.06), ("750,00", 0.51), ("150,00", 0.65), ("900,00", 0.81)],
        [],
        [("Total", 0.06), ("2 750,00", 0.50), ("550,00", 0.65), ("3 300,00", 0.80)],
        [],
        [("Net à payer : 3 300,00 €", 0.06)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=OPTIONS)
    values = {name: field.value for name, field in invoice.fields.items()}
    assert (values.get("subtotal"), values.get("tax_amount"), values.get("total")) == (
        "2750.00",
        "550.00",
        "3300.00",
    )


def test_tax_lines_among_the_charges_are_items():
    """A guest folio lists a local tax after each night's room (dated like the charges): lines of the
    folio, not its totals block."""
    rows = [
        [("LAKESIDE INN", 0.40)],
        [("Folio 88123", 0.56)],
        [],
        [("Date", 0.06), ("Description", 0.20), ("Amount", 0.80)],
        [("05/02/2024", 0.06), ("Room 214", 0.20), ("159.00", 0.80)],
        [("05/02/2024", 0.06), ("City Tax 6%", 0.20), ("9.54", 0.81)],
        [("05/03/2024", 0.06), ("Room 214", 0.20), ("159.00", 0.80)],
        [("05/03/2024", 0.06), ("City Tax 6%", 0.20), ("9.54", 0.81)],
        [("05/03/2024", 0.06), ("Breakfast", 0.20), ("18.00", 0.80)],
        [],
        [("Total", 0.50), ("355.08", 0.80)],
    ]
    assert _amounts(text_layer_page(rows)) == ["159.00", "9.54", "159.00", "9.54", "18.00"]


def test_a_vat_row_before_the_total_still_ends_the_items():
    rows = [
        [("Kopiershop Lenz", 0.06), ("Rechnung 5531", 0.66)],
        [("Datum 06.05.2024", 0.66)],
        [],
        [("Beschreibung", 0.06), ("Menge", 0.50), ("Preis", 0.64), ("Betrag", 0.82)],
        [("Farbkopien A4", 0.06), ("200", 0.51), ("0,25", 0.64), ("50,00", 0.83)],
        [("Bindung", 0.06), ("4", 0.51), ("3,50", 0.64), ("14,00", 0.83)],
        [("MwSt 19 %", 0.06), ("12,16", 0.83)],
        [("Gesamt", 0.06), ("76,16", 0.83)],
    ]
    assert _amounts(text_layer_page(rows)) == ["50.00", "14.00"]
