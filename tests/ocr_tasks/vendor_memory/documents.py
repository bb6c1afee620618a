"""Documents of two vendors for the vendor memory tests, built with the text-layer row builder: the same
layout with different values (one vendor's series), a moved layout, and another vendor."""

from __future__ import annotations

from datetime import UTC, datetime

from ocr_tasks.ocr_types import OcrDocument
from tests.ocr_tasks.extraction.layout_pages import text_layer_page

VAT = "DE136695976"
IBAN = "DE89 3704 0044 0532 0130 00"
WHEN = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def zenith(
    number: str,
    day: str,
    net: str,
    tax: str,
    total: str,
    ref: str,
    *,
    moved: bool = False,
    number_label: str = "Belegkennung:",
) -> OcrDocument:
    """Zenith Print's invoice: its number under an unusual label (`Belegkennung`, which no lexicon
    knows), its order reference under `Vorgang`. `moved`: the header block sits lower and further left;
    `number_label`: a changed layout prints another label."""
    header = [
        [("Muster AG", 0.08), (number_label, 0.6), (number, 0.78)],
        [("Bahnhofstr. 1", 0.08), ("Ausgestellt:", 0.6), (day, 0.78)],
        [("10115 Berlin", 0.08), ("Vorgang", 0.6), (ref, 0.78)],
    ]
    if moved:
        header = [
            [("Muster AG", 0.08)],
            [("Bahnhofstr. 1", 0.08)],
            [("10115 Berlin", 0.08)],
            [],
            [("Ausgestellt:", 0.4), (day, 0.55)],
            [("Vorgang", 0.4), (ref, 0.55)],
            [(number_label, 0.4), (number, 0.55)],
        ]
    return text_layer_page(
        [
            [("Zenith Print GmbH", 0.08)],
            [("Hafenstr. 12, 20457 Hamburg", 0.08)],
            [],
            *header,
            [],
            [("Druckauftrag Flyer", 0.08), (net, 0.8)],
            [],
            [("Warenwert", 0.55), (net, 0.8)],
            [("USt 19 %", 0.55), (tax, 0.8)],
            [("Endsumme", 0.55), (total, 0.8)],
            [],
            [(f"USt-IdNr. {VAT}   IBAN {IBAN}", 0.08)],
        ]
    )


FIRST = ("ZP/88123", "03.04.2024", "100,00", "19,00", "119,00", "4711-A")
SECOND = ("ZP/90555", "17.05.2024", "250,50", "47,60", "298,10", "5812-B")
THIRD = ("ZP/91002", "02.06.2024", "80,00", "15,20", "95,20", "6001-C")
FIRST_TRUTH = {
    "invoice_number": "ZP/88123",
    "invoice_date": "2024-04-03",
    "po_number": "4711-A",
    "subtotal": "100.00",
    "tax_amount": "19.00",
    "total": "119.00",
    "vendor_name": "Zenith Print GmbH",
    "vendor_tax_id": VAT,
}


def other_vendor() -> OcrDocument:
    """Another vendor (its own VAT id and name) whose number label reads `Belegkennung` too."""
    return text_layer_page(
        [
            [("Nordlicht Papier KG", 0.08)],
            [("Ostweg 3, 24103 Kiel", 0.08)],
            [],
            [("Muster AG", 0.08), ("Rechnungsnummer:", 0.6), ("NP-4410", 0.8)],
            [("Bahnhofstr. 1", 0.08), ("Datum:", 0.6), ("11.03.2024", 0.8)],
            [("10115 Berlin", 0.08), ("Belegkennung:", 0.6), ("XX/11111", 0.8)],
            [],
            [("Nettobetrag", 0.55), ("40,00", 0.8)],
            [("MwSt 19 %", 0.55), ("7,60", 0.8)],
            [("Gesamtbetrag", 0.55), ("47,60", 0.8)],
            [],
            [("USt-IdNr. DE811569869", 0.08)],
        ]
    )
