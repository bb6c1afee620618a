"""What OCR does to labels and names on scanned invoices, and how the extraction reads through it: a
table's heading with a rule read as marks beside it (`_—_Leistung`), a carried-forward sum without its
accent (`Ubertrag` for `Übertrag`) between two pages of items, a label without its accent (`Echeance`),
a legal form with a letter misread (`S.r.I.` for `S.r.l.`)."""

from __future__ import annotations

from datetime import date

import pytest

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.extraction.keywords import concept_pattern, repair_legal_form
from tests.ocr_tasks.extraction.layout_pages import text_layer_page, text_layer_pages

TODAY = ExtractionOptions(today=date(2025, 6, 1))


def test_a_heading_with_rule_marks_beside_a_label_still_heads_the_table():
    rows = [
        [("Datenwerk Consulting GmbH", 0.06)],
        [("Rechnung RE-2024-0412", 0.06)],
        [],
        [("Pos.", 0.06), ("_—_Leistung", 0.12), ("Tage", 0.56), ("Tagessatz", 0.66), ("Betrag", 0.84)],
        [("1", 0.06), ("Beratung Datenmigration", 0.12), ("6", 0.57), ("1.050,00", 0.66), ("6.300,00", 0.84)],
        [("2", 0.06), ("Workshop Schulung vor Ort", 0.12), ("1", 0.57), ("900,00", 0.66), ("900,00", 0.85)],
        [],
        [("Nettobetrag", 0.55), ("7.200,00 €", 0.84)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    assert [item.get("amount") for item in invoice.line_items] == ["6300.00", "900.00"]


@pytest.mark.parametrize("label", ["Übertrag", "Ubertrag"])
def test_a_carried_forward_sum_without_its_accent_does_not_end_the_items(label):
    header = [("Pos.", 0.06), ("Bezeichnung", 0.12), ("Menge", 0.56), ("E-Preis", 0.68), ("Gesamt", 0.84)]
    first = [
        [("Elektro Schuster GmbH", 0.06)],
        [("Rechnung 2024-1177", 0.06)],
        [],
        header,
        [("1", 0.06), ("Unterputzdose 60 mm", 0.12), ("50", 0.56), ("0,48", 0.68), ("24,00", 0.85)],
        [("2", 0.06), ("Montage Elektriker", 0.12), ("16", 0.56), ("58,00", 0.68), ("928,00", 0.84)],
        [],
        [(label, 0.55), ("952,00", 0.84)],
    ]
    second = [
        [("Rechnung 2024-1177 - Seite 2 von 2", 0.06)],
        header,
        [(label, 0.55), ("952,00", 0.84)],
        [("3", 0.06), ("Kleinmaterial", 0.12), ("1", 0.56), ("45,00", 0.68), ("45,00", 0.85)],
        [],
        [("Nettobetrag", 0.55), ("997,00 €", 0.84)],
    ]
    invoice = extract_invoice(text_layer_pages([first, second]), options=TODAY)
    assert [item.get("amount") for item in invoice.line_items] == ["24.00", "928.00", "45.00"]


@pytest.mark.parametrize("printed", ["Übertrag", "Ubertrag", "A reporter", "À reporter"])
def test_a_label_is_found_with_or_without_its_accents(printed):
    assert concept_pattern(("carried_forward",)).search(f"{printed}  2.273,50")


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("Ottica Ferretti S.r.I.", "Ottica Ferretti S.r.l."),
        ("Ferramenta Colombo S.r.Ì.", "Ferramenta Colombo S.r.l."),
        ("NORDFRUCHT 5.A.", "NORDFRUCHT S.A."),
        ("Baz Costruzioni S.R.1.", "Baz Costruzioni S.R.L."),
        ("Atelier Favre Sarl", "Atelier Favre Sarl"),  # a legal form as printed stays as it is
        ("Phase II", "Phase II"),
        ("Studio 1", "Studio 1"),
        ("Harbor Point Ltd", "Harbor Point Ltd"),
    ],
)
def test_a_misread_legal_form_is_spelled_as_printed(read, printed):
    assert repair_legal_form(read) == printed


def test_a_legal_form_read_with_a_capital_i_is_spelled_as_printed_in_the_vendor_name():
    rows = [
        [("Ottica Ferretti S.r.I.", 0.55)],
        [("Via Emilia Est 245", 0.55)],
        [("41121 Modena (MO)", 0.55)],
        [],
        [("FATTURA N. 218/2024 del 14/11/2024", 0.06)],
        [("Totale documento EUR", 0.50), ("530,70", 0.80)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    assert invoice.fields["vendor_name"].value == "Ottica Ferretti S.r.l."


def test_a_second_reading_that_puts_another_letter_with_an_accent_is_no_accent_restored():
    from ocr_tasks.extraction.name_accents import accents_restored

    assert accents_restored("Ferramenta Colombo S.r.l.", "Ferramenta Colombo S.r.Ì.") is None
    assert accents_restored("Bergkaserei", "Bergkäserei") == "Bergkäserei"
    assert accents_restored("Gémez Martin", "Gómez Martín") == "Gómez Martín"
