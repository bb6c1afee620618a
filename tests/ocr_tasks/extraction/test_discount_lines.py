"""A discount credited as a line of the items table (session 15, helper H5; round 8a's strict xfail): a row
that prints quantity x a negative unit price = its amount in the header's columns (`Rabatt  1  -10,00
-10,00`, `Remise commerciale sur tables  1  -120,00 €  -120,00 €`) is an item with a negative amount, even
with a discount word and just above the totals: the items then add up to the net the page prints. A
spreadsheet's price printed at its cell's right edge, nearer the amount's label than its own, is still the
price (the left one of two numbers nearest the amount's label)."""

from __future__ import annotations

from datetime import date

from ocr_tasks.extraction import ExtractionOptions, extract_invoice

from .layout_pages import text_layer_page

OPTIONS = ExtractionOptions(today=date(2025, 11, 10))


def _invoice(header, items, totals):
    rows = [
        [("Tischlerei Holzwerk GmbH", 0.08)],
        [("Lindenweg 4, 28195 Bremen", 0.08)],
        [],
        [("Rechnung", 0.08), ("Rechnungsnummer 2025-118", 0.6)],
        [("Rechnungsdatum 03.11.2025", 0.6)],
        [],
        header,
        *items,
        [],
        *totals,
    ]
    return extract_invoice(text_layer_page(rows), options=OPTIONS)


def test_a_discount_line_at_a_negative_price_is_an_item():
    header = [("Bezeichnung", 0.08), ("Menge", 0.45), ("Einzelpreis", 0.58), ("Gesamt", 0.78)]
    items = [
        [("Eichentisch", 0.08), ("2", 0.47), ("250,00", 0.58), ("500,00", 0.78)],
        [("Stuhl Buche", 0.08), ("4", 0.47), ("60,00", 0.58), ("240,00", 0.78)],
        [("Rabatt Treuekunde", 0.08), ("1", 0.47), ("-40,00", 0.58), ("-40,00", 0.78)],
    ]
    totals = [
        [("Summe netto", 0.58), ("700,00", 0.78)],
        [("USt 19 %", 0.58), ("133,00", 0.78)],
        [("Gesamtbetrag", 0.58), ("833,00", 0.78)],
    ]
    invoice = _invoice(header, items, totals)
    assert [item.cells["amount"].value for item in invoice.line_items] == ["500.00", "240.00", "-40.00"]
    assert invoice.fields["subtotal"].value == "700.00"


def test_a_price_at_its_cells_right_edge_is_the_price():
    """Labels at their cells' left edges, numbers at their right edges: the price ends under the amount's
    label's left, nearer it than its own label."""
    header = [("Désignation", 0.08), ("Qté", 0.45), ("P.U. HT", 0.55), ("Montant HT", 0.72)]
    items = [
        [("Table chêne", 0.08), ("2", 0.5), ("300,00 €", 0.63), ("600,00 €", 0.8)],
        [("Remise commerciale", 0.08), ("1", 0.5), ("-50,00 €", 0.63), ("-50,00 €", 0.8)],
    ]
    totals = [
        [("Total HT", 0.55), ("550,00 €", 0.8)],
        [("TVA 20 %", 0.55), ("110,00 €", 0.8)],
        [("Total TTC", 0.55), ("660,00 €", 0.8)],
    ]
    invoice = _invoice(header, items, totals)
    assert [item.cells["amount"].value for item in invoice.line_items] == ["600.00", "-50.00"]
    assert invoice.line_items[0].cells["unit_price"].value == "300.00"
