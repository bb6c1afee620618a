"""What only looks like a label is not learned as one: a page counter (in each invoice language), a date
printed beside the value, numbers alone; a real label in the same place still is."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction.rows import document_rows
from ocr_tasks.geometry import BBox
from ocr_tasks.vendor_memory import FieldLesson
from ocr_tasks.vendor_memory.locate import locate
from tests.ocr_tasks.extraction.layout_pages import text_layer_page

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
        ("Datum 03.04.2024 Beleg", "datum beleg"),
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
    kept = FieldLesson.from_dict({**data, "label": "page total"})
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
