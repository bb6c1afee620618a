"""What only looks like a label is not learned as one: a page counter (in each invoice language), a date
printed beside the value, numbers alone; a real label in the same place still is."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction.rows import document_rows
from ocr_tasks.geometry import BBox
from ocr_tasks.vendor_memory import FieldLesson
from ocr_tasks.vendor_memory.locate import locate
from tests.ocr_tasks.extraction.layout_pages import CHAR_W, text_layer_page

PAGE_COUNTERS = [
    "Seite 1 von 2",
    "Page 1 of 2",
    "Page 1 / 2",
    "Page 1 sur 2",
    "Pagina 1 di 2",
    "Pag. 1 di 2",
    "Pagina 1 van 2",
    "Página 1 de 2",
    "Blatt 2",
]


def _evidence(left: str, field: str, value: str):
    page = text_layer_page([[(left, 0.08), (value, 0.3)], [], [("Endsumme", 0.55), ("119,00", 0.8)]])
    return locate(document_rows(page), field, value)


@pytest.mark.parametrize("counter", PAGE_COUNTERS)
def test_a_page_counter_is_no_label(counter):
    evidence = _evidence(counter, "vendor_name", "Zenith Print GmbH")
    assert evidence is not None and evidence.printed == "Zenith Print GmbH"
    assert (evidence.label, evidence.label_side) == ("", "")


@pytest.mark.parametrize("left", ["15. März 2024", "03.04.2024", "12345"])
def test_a_date_or_a_number_is_no_label(left):
    evidence = _evidence(left, "invoice_number", "ZP/88123")
    assert evidence is not None and (evidence.label, evidence.label_side) == ("", "")


@pytest.mark.parametrize(
    ("left", "label"),
    [
        ("Belegkennung:", "belegkennung"),
        # `datum` labels the date printed with it, another field: the words after that date label the value
        ("Datum 03.04.2024 Beleg", "beleg"),
        ("Seite 1 von 2 Beleg", "beleg"),
    ],
)
def test_a_real_label_in_the_same_place_is_learned(left, label):
    evidence = _evidence(left, "invoice_number", "ZP/88123")
    assert evidence is not None and (evidence.label, evidence.label_side) == (label, "left")


@pytest.mark.parametrize("stored", ["seite von", "page", "page of", "pagina di", "pagina van"])
def test_a_stored_page_counter_label_is_dropped_when_read(stored):
    box = BBox(0.3, 0.1, 0.5, 0.12)
    data = FieldLesson("vendor_name", 0, box, stored, "left", "AAAAAA AAAAA AAAA").to_dict()
    lesson = FieldLesson.from_dict(data)
    assert (lesson.label, lesson.label_side) == ("", "")
    kept = FieldLesson.from_dict({**data, "field": "total", "label": "page total", "value_format": "99,99"})
    assert (kept.label, kept.label_side) == ("page total", "left")


def test_a_misread_date_is_learned_as_the_date_alone_with_the_label_before_it():
    # the reviewer's date (25th) differs from the printed one (24th, or an OCR misreading of it): the
    # lesson takes the span most like it, and of the spans with the same digits the tightest
    page = text_layer_page(
        [[("Doc No: CS00031664 Date: 24/12/2018", 0.05)], [], [("Total", 0.55), ("80.90", 0.8)]]
    )
    evidence = locate(document_rows(page), "invoice_date", "2018-12-25")
    assert evidence is not None
    assert evidence.printed == "24/12/2018"
    assert (evidence.label, evidence.label_side) == ("doc no date", "left")


# -- another field's label (issue: approving a Dutch web-shop invoice taught `btw bedrag`, the VAT amount,
# as the subtotal's label) ----------------------------------------------------------------------------------


def _vat_table(header: list[tuple[str, float]]):
    """A VAT summary whose column headers sit left of their right-aligned amounts, as on saeco.pdf's OCR:
    `BTW bedrag` (the VAT amount) is printed over the subtotal's amount."""
    return text_layer_page(
        [
            [("Factuur totaal EUR", 0.5), ("49,99", 0.85)],
            [],
            header,
            [("21 %", 0.08), ("41,31", 0.45), ("8,68", 0.65), ("49,99", 0.85)],
            [],
            [("Uw BTW nummer: NL00333599698", 0.08)],
        ]
    )


SAECO_HEADER = [("BTW %", 0.08), ("Grondslag", 0.28), ("BTW bedrag", 0.44), ("Totaal", 0.84)]


def test_a_label_of_another_field_is_not_learned():
    rows = document_rows(_vat_table(SAECO_HEADER))
    subtotal = locate(rows, "subtotal", "41.31")
    assert subtotal is not None and subtotal.printed == "41,31"
    assert (subtotal.label, subtotal.label_side) == ("", "")  # by its place only
    tax = locate(rows, "tax_amount", "8.68")
    assert tax is not None and (tax.label, tax.label_side) == ("", "")  # `8,68` has no header over it


def test_a_label_of_the_field_itself_is_still_learned_in_the_same_place():
    header = [("BTW %", 0.08), ("Netto", 0.28), ("Grondslag", 0.44), ("Totaal", 0.84)]
    subtotal = locate(document_rows(_vat_table(header)), "subtotal", "41.31")
    assert subtotal is not None and (subtotal.label, subtotal.label_side) == ("grondslag", "above")


def test_the_nearest_label_that_names_the_field_wins_over_another_fields_label():
    page = text_layer_page(
        [
            [("Nettobetrag", 0.7)],
            [("MwSt", 0.5), ("100,00", 0.7)],
            [],
            [("Endsumme", 0.5), ("119,00", 0.7)],
        ]
    )
    evidence = locate(document_rows(page), "subtotal", "100.00")
    assert evidence is not None and (evidence.label, evidence.label_side) == ("nettobetrag", "above")


def test_a_billing_address_heading_is_not_the_vendors_label():
    page = text_layer_page([[("Factuuradres", 0.08)], [("Strategic Corp", 0.08)], [], [("Totaal", 0.5)]])
    rows = document_rows(page)
    vendor = locate(rows, "vendor_name", "Strategic Corp")
    assert vendor is not None and (vendor.label, vendor.label_side) == ("", "")
    customer = locate(rows, "customer_name", "Strategic Corp")
    assert customer is not None and (customer.label, customer.label_side) == ("factuuradres", "above")


def test_learn_keeps_the_subtotal_by_its_place():
    from ocr_tasks.extraction import extract_invoice
    from ocr_tasks.vendor_memory import learn
    from tests.ocr_tasks.vendor_memory.documents import WHEN

    page = _vat_table(SAECO_HEADER)
    extracted = extract_invoice(page)
    memory = learn(
        None,
        ocr=page,
        extracted=extracted,
        final={"subtotal": "41.31", "tax_amount": "8.68", "total": "49.99", "vendor_tax_id": "NL00333599698"},
        actor="reviewer",
        when=WHEN,
    )
    assert memory is not None
    assert memory.lessons["subtotal"].label == ""
    assert all(
        lesson.label != "btw bedrag" for lesson in memory.lessons.values() if lesson.field != "tax_amount"
    )


@pytest.mark.parametrize(
    ("field", "stored"),
    [("subtotal", "btw bedrag"), ("vendor_name", "factuuradres"), ("vendor_name", "in the image below")],
)
def test_a_stored_label_of_another_field_or_prose_is_dropped_when_read(field, stored):
    box = BBox(0.3, 0.1, 0.5, 0.12)
    lesson = FieldLesson.from_dict(FieldLesson(field, 0, box, stored, "above", "99,99").to_dict())
    assert (lesson.label, lesson.label_side) == ("", "")


# -- prose is no label (issue: re-typing the vendor name taught `in the image below`) --------------------


PROSE = [
    "The issuer encapsulated their company data in the image below:",
    "This Invoice consists of regular text and",
    "Volgens onze administratie heeft u de factuur vooruitbetaald met",
    "Die Ware wird geliefert an",
]


@pytest.mark.parametrize("sentence", PROSE)
def test_a_sentence_above_a_value_is_no_label(sentence):
    page = text_layer_page([[(sentence, 0.05)], [("e-Luscious Nederland B.V.", 0.05)], [], [("Totaal", 0.5)]])
    evidence = locate(document_rows(page), "vendor_name", "e-Luscious Nederland B.V.")
    assert evidence is not None and evidence.printed == "e-Luscious Nederland B.V."
    assert (evidence.label, evidence.label_side) == ("", "")


@pytest.mark.parametrize("sentence", PROSE)
def test_a_sentence_before_a_value_on_its_row_is_no_label(sentence):
    text = sentence.rstrip(":")
    value_x = 0.02 + (len(text) + 1) * CHAR_W  # one space after the sentence: the same segment
    page = text_layer_page([[(text, 0.02), ("ZP/88123", value_x)], [], [("Endsumme", 0.55), ("119,00", 0.8)]])
    rows = document_rows(page)
    assert rows[0].text == f"{text} ZP/88123"
    evidence = locate(rows, "invoice_number", "ZP/88123")
    assert evidence is not None and (evidence.label, evidence.label_side) == ("", "")


@pytest.mark.parametrize(
    ("left", "field", "label"),
    [
        ("Numéro de facture", "invoice_number", "numero de facture"),  # `de` inside a lexicon phrase
        ("Your reference", "po_number", "your reference"),
        ("Vorgang", "po_number", "vorgang"),
        # after the prose's last stop-word (`und`), a lexicon phrase still labels the value
        ("Auftrag und Lieferschein:", "po_number", "lieferschein"),
        ("Auftrag und Anfrage:", "po_number", ""),  # `Anfrage` is in no lexicon
        ("la Forêt compte IBAN", "iban", "foret compte iban"),
    ],
)
def test_short_labels_and_lexicon_phrases_are_still_learned(left, field, label):
    evidence = _evidence(left, field, "ZP/88123")
    assert evidence is not None and evidence.label == label
    assert evidence.label_side == ("left" if label else "")


def test_a_tax_word_in_an_inclusive_total_label_names_no_tax_field():
    evidence = _evidence("RM incl. of GST", "total", "80,90")
    assert evidence is not None and (evidence.label, evidence.label_side) == ("rm incl of gst", "left")


def _receipt(lost_rows: int, over_date: str = "IJOK, 45600 BESTARIAAYA,"):
    """A receipt's letterhead, `lost_rows` rows the OCR lost (phone, tax id), then the date alone on its row
    (SROIE X51005361895 as the walk-through's reading had it: the vendor memory learned the address line
    `ok bestariaaya` as the date's label, from above)."""
    return text_layer_page(
        [
            [("FUYI MINI MARKET", 0.3)],
            [("TAMAN SEJATI,", 0.32)],
            [(over_date, 0.27)],
            *([[]] * lost_rows),
            [("25/01/2018 1:22:56PM", 0.3)],
            [],
            [("Total Includes GST 6%", 0.1), ("9.00", 0.8)],
        ]
    )


@pytest.mark.parametrize("over_date", ["IJOK, 45600 BESTARIAAYA,", "Tarikh Jual"])
def test_a_line_far_above_a_receipts_date_is_no_label(over_date):
    # the reviewer corrected the date; the line printed over it was six rows up (the rows between lost)
    evidence = locate(document_rows(_receipt(5, over_date)), "invoice_date", "2018-01-25")
    assert evidence is not None and evidence.printed == "25/01/2018"
    assert (evidence.label, evidence.label_side) == ("", "")


@pytest.mark.parametrize(
    "address", ["IJOK, 45600 BESTARIAAYA,", "No 43-45-47G, TAMAN SEJATI", "Hauptstr. 5 Berlin"]
)
def test_an_address_line_right_over_a_value_is_no_header(address):
    evidence = locate(document_rows(_receipt(0, address)), "invoice_date", "2018-01-25")
    assert evidence is not None and (evidence.label, evidence.label_side) == ("", "")


@pytest.mark.parametrize(("header", "label"), [("Tarikh Jual", "tarikh jual"), ("Kassa 3", "kassa")])
def test_a_header_right_over_the_value_still_heads_it(header, label):
    evidence = locate(document_rows(_receipt(0, header)), "invoice_date", "2018-01-25")
    assert evidence is not None and (evidence.label, evidence.label_side) == (label, "above")
