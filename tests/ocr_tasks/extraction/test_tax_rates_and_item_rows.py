"""Totals blocks with tax per rate and items tables with sub-rows, from text-layer pages: a rate's base is
no tax (the tax is the amount equal to base x rate), and rows that print no amount in the amount column
(discount details, set components, notes whose dates read as numbers) are no items, while an item whose
description is printed under its numbers is one; a row printing the items' sum is a sum carried over a
page break (skipped) or a subtotal ending the items, whatever its label."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.extraction.amount_fields import amount_candidates
from ocr_tasks.extraction.rows import document_rows
from tests.ocr_tasks.extraction.layout_pages import text_layer_page

TODAY = ExtractionOptions(today=date(2024, 12, 1))


def tax_table_rows(total_tax_label: str) -> list[list[tuple[str, float]]]:
    """A French totals area: a tax table (rate, base, tax) with the totals block printed on its right."""
    return [
        [("Au bon moulin SARL", 0.06)],
        [("Facture FA-2024-0010", 0.06)],
        [("Description", 0.06), ("Quantité", 0.45), ("Prix unitaire", 0.60), ("Prix HT", 0.86)],
        [("Nougat 250g", 0.06), ("20", 0.47), ("4,55 €", 0.62), ("81,90 €", 0.86)],
        [("Huile d'olive", 0.06), ("25", 0.47), ("21,72 €", 0.62), ("543,00 €", 0.86)],
        [("Taxe", 0.06), ("Base", 0.30), ("Montant", 0.42), ("Total HT", 0.72), ("624,90 €", 0.86)],
        [
            ("TVA collectée (vente) 20,0 %", 0.06),
            ("81,90 €", 0.30),
            ("16,38 €", 0.42),
            (total_tax_label, 0.72),
            ("46,25 €", 0.86),
        ],
        [("TVA collectée (vente) 5,5 %", 0.06), ("543,00 €", 0.30), ("29,87 €", 0.42)],
        [("Total TTC", 0.72), ("671,15 €", 0.86)],
    ]


def _values(rows) -> dict[str, str]:
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    return {name: f.value for name, f in invoice.fields.items()}


def test_the_base_of_a_rate_is_no_tax_and_its_tax_is():
    rows = document_rows(text_layer_page(tax_table_rows("Total TVA")))
    labelled = {
        c.value
        for c in amount_candidates(rows)
        if c.field == "tax_amount" and c.features["label_left"] >= 1.0 and c.features["rate_on_row"]
    }
    assert {"16.38", "29.87"} <= labelled  # the taxes of 20 % and 5.5 %, labelled by their row
    assert not {"81.90", "543.00"} & labelled  # their bases


def test_the_tax_total_is_found_when_its_label_is_misread():
    """A scan reads `Total TVA` as `TAHEOS`: the taxes per rate add up to the tax that makes the totals
    consistent (624,90 + 46,25 = 671,15), not the base printed after the first rate."""
    for label in ("Total TVA", "TAHEOS"):
        values = _values(tax_table_rows(label))
        assert (values["subtotal"], values["tax_amount"], values["total"]) == ("624.90", "46.25", "671.15")


def items_table_rows() -> list[list[tuple[str, float]]]:
    header = [("Art-Nr  Bezeichnung", 0.06), ("Menge", 0.45), ("Einzelpreis", 0.58), ("MwSt-%", 0.72)]
    return [
        [("Musterlieferant GmbH", 0.06)],
        [("Rechnung R-2024-17", 0.06)],
        [*header, ("Betrag", 0.86)],
        [
            ("Wichtige Information: Bei Bestellungen bis zum 19.12. ist die", 0.06),
            ("23.12. garantiert.", 0.71),
        ],
        [
            ("ZS997  Zitronensäure 100ml", 0.06),
            ("100", 0.46),
            ("1,0000", 0.59),
            ("19,0", 0.73),
            ("100,00", 0.87),
        ],
        [("Artikelrabatt 1: 2,00 %  Basis: 75,00 €", 0.10), ("Rabatt: -0,03 €/Stk.", 0.55)],
        [("4100130013294  2031", 0.06), ("15", 0.46), ("12,0000", 0.59), ("19,0", 0.73), ("180,00", 0.87)],
        [("K4321  Bierbrau Pils 20/0500", 0.10)],
        [("Basisartikel:", 0.08)],
        [("JOG103 Erdbeer 20 x 150g Becher", 0.08), ("20,0000", 0.46), ("7,0", 0.73)],
        [("Summe netto", 0.55), ("280,00", 0.87)],
    ]


def test_sub_rows_components_and_notes_are_no_items():
    invoice = extract_invoice(text_layer_page(items_table_rows()), options=TODAY)
    assert [item.get("amount") for item in invoice.line_items] == ["100.00", "180.00"]
    assert "Zitronensäure" in invoice.line_items[0].get("description")


def test_a_description_printed_under_the_numbers_continues_the_item():
    invoice = extract_invoice(text_layer_page(items_table_rows()), options=TODAY)
    assert invoice.line_items[1].get("description") == "K4321 Bierbrau Pils 20/0500"


def test_a_description_between_two_priced_columns():
    rows = [
        [("Muster GmbH", 0.06)],
        [("Pos.  Stück ME", 0.06), ("Leistung", 0.30), ("Preis/Einh.", 0.70), ("Gesamt EUR", 0.84)],
        [("1  20 Stk.", 0.06), ("Softwarelizenz (12 Monate)", 0.30), ("990,97", 0.72), ("19.819,40", 0.85)],
        [("2  4,50 Std.", 0.06), ("Montagearbeiten", 0.30), ("22,00", 0.72), ("99,00", 0.87)],
        [("Gesamt netto", 0.55), ("19.918,40", 0.85)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    assert [item.get("amount") for item in invoice.line_items] == ["19819.40", "99.00"]
    assert "Montagearbeiten" in invoice.line_items[1].get("description")


def _two_pages(first: list, second: list):
    one, two = text_layer_page(first), text_layer_page(second)
    return replace(one, pages=(one.pages[0], replace(two.pages[0], index=1)))


def _sum_rows(label: str, *, next_page: bool) -> list:
    header = [("Beschreibung", 0.06), ("Menge", 0.45), ("Preis", 0.62), ("Betrag", 0.84)]
    first = [
        [("Muster GmbH", 0.06)],
        header,
        [("Wartung", 0.06), ("2", 0.46), ("200,00", 0.62), ("400,00", 0.85)],
        [("Ersatzteile", 0.06), ("1", 0.46), ("100,00", 0.62), ("100,00", 0.85)],
        [(label, 0.06), ("500,00", 0.85)],
    ]
    rest = [
        [("Anfahrt", 0.06), ("1", 0.46), ("50,00", 0.62), ("50,00", 0.87)],
        [("Summe netto", 0.55), ("550,00", 0.85)],
    ]
    if not next_page:
        return first + [[("Frachtkosten", 0.55), ("9,00", 0.87)], [("Summe netto", 0.55), ("509,00", 0.85)]]
    return [first, [header, [("Stand von Seite 1", 0.06), ("500,00", 0.85)], *rest]]


def test_a_sum_carried_over_a_page_break_is_no_item():
    """A sum carried at the foot of page 1 and at the head of page 2 (`Stand Seite 1`, a label no lexicon
    holds) is no item."""
    invoice = extract_invoice(_two_pages(*_sum_rows("Stand Seite 1", next_page=True)), options=TODAY)
    assert [item.get("amount") for item in invoice.line_items] == ["400.00", "100.00", "50.00"]


def test_a_subtotal_of_the_items_ends_the_table():
    """A row printing the items' sum with priced rows after it on the page (charges, totals) ends the
    items, whatever its label (`Positionswert`, a word no lexicon holds)."""
    invoice = extract_invoice(text_layer_page(_sum_rows("Positionswert", next_page=False)), options=TODAY)
    assert [item.get("amount") for item in invoice.line_items] == ["400.00", "100.00"]


def test_a_description_under_the_numbers_may_hold_a_number_of_its_own():
    """The description under an item's numbers holds a size that a scan reads with decimals (`0,5l` read
    `0,51`): it ends left of the item's first priced column, so it is no priced row and the item stands."""
    rows = items_table_rows()
    rows[-1:-1] = [
        [("2001015001325  1805", 0.06), ("15", 0.46), ("3,1000", 0.59), ("19,0", 0.73), ("46,50", 0.87)],
        [("K4322  Leergutpfand 20 x 0,51", 0.10)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    assert [item.get("amount") for item in invoice.line_items] == ["100.00", "180.00", "46.50"]
    assert invoice.line_items[2].get("description") == "K4322 Leergutpfand 20 x 0,51"


def test_a_column_of_rates_is_no_tax_amount():
    """A totals table whose `MwSt-%` column prints the rates beside the `MwSt-Betrag` column: the rates are
    no tax amounts by their heading, the taxes are."""
    rows = document_rows(
        text_layer_page(
            [
                [("Musterlieferant GmbH", 0.06)],
                [("Nettobetrag", 0.30), ("MwSt-Betrag", 0.50), ("MwSt-%", 0.66), ("Endbetrag", 0.84)],
                [("321,40", 0.30), ("61,07", 0.50), ("19,0", 0.66), ("382,47", 0.84)],
                [("127,59", 0.30), ("8,93", 0.50), ("7,0", 0.66), ("136,52", 0.84)],
            ]
        )
    )
    headed = {c.value: c.features["label_above"] for c in amount_candidates(rows) if c.field == "tax_amount"}
    assert headed["61.07"] >= 1.0 and headed["8.93"] >= 1.0
    assert headed["19.00"] == 0.0 and headed["7.00"] == 0.0


def test_an_item_priced_in_whole_units_is_an_item():
    """`Kette  30 Meter  10  300` under `Menge  Einzel/€  Gesamt/€` prints its price and amount without
    decimals; quantity x unit price = amount, so it is an item as its neighbours priced with cents are
    (the three add up to the net)."""
    rows = [
        [("Acme GmbH", 0.12)],
        [("Rechnung Nr. 42", 0.12)],
        [("Nr.", 0.12), ("Bezeichnung", 0.19), ("Menge", 0.53), ("Einzel/€", 0.665), ("Gesamt/€", 0.806)],
        [("1", 0.12), ("Amboss 250 kg", 0.19), ("1 Stück", 0.53), ("1.000,00", 0.662), ("1.000,00", 0.817)],
        [("3", 0.12), ("Kette", 0.19), ("30 Meter", 0.518), ("10", 0.709), ("300", 0.854)],
        [("2", 0.12), ("Transport", 0.19), ("Pauschal", 0.515), ("120,00", 0.676), ("120,00", 0.831)],
        [("Summe netto", 0.632), ("1.420,00", 0.82)],
        [("Rechnungsbetrag", 0.632), ("1.689,80", 0.82)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    assert [item.get("amount") for item in invoice.line_items] == ["1000.00", "300.00", "120.00"]
    assert (invoice.line_items[1].get("quantity"), invoice.line_items[1].get("unit_price")) == (
        "30.00",
        "10.00",
    )
