"""Party names read again in the document's language (`name_accents`): only accents are taken from the
second reading, never another spelling (a stand-in reader here; real Tesseract in test_held_out_scans)."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction.name_accents import accents_restored, with_accented_names
from ocr_tasks.geometry import BBox
from ocr_tasks.invoice_types import FieldValue, Invoice


@pytest.mark.parametrize(
    ("first", "again", "restored"),
    [
        ("Bergkaserei Emmental AG", "Bergkäserei Emmental AG", "Bergkäserei Emmental AG"),
        ("Laura Gémez Martin", "Laura Gómez Martín FACTURA", "Laura Gómez Martín"),  # more of the row
        ("Hétel du Parc S.A.", "Client : Hôtel du Parc S.A. 4, rue de la Gare", "Hôtel du Parc S.A."),
        ("Muller AG", "Miller AG", None),  # another letter, not an accent
        ("Muller AG", "Müller AGX", None),  # another word
        ("Acme GmbH", "Acme GmbH", None),  # nothing to add
        ("Abc", "Äöü", None),  # too much of the name changes
        # `eng` reads `ü` as two strokes and `ß` as `B`: one letter of the second reading for two of the first
        ("Griinwerk Catering GmbH", "Grünwerk Catering GmbH : Weinstraße 12", "Grünwerk Catering GmbH"),
        ("Getranke StraBer KG", "Getränke Straßer KG", "Getränke Straßer KG"),
        ("Griinwerk GmbH", "Grinwerk GmbH", None),  # a letter lost, not an accent added
        ("Bauer GmbH", "ßauer GmbH", None),  # no word starts with `ß`: that `B` is a `B`
    ],
)
def test_only_accents_are_taken_from_the_second_reading(first, again, restored):
    assert accents_restored(first, again) == restored


def _field(name: str, value: str) -> FieldValue:
    return FieldValue(name, value, value, 0.9, 0, BBox(0.1, 0.1, 0.5, 0.12))


def test_the_names_of_an_invoice_take_the_accents_of_the_second_reading():
    invoice = Invoice(
        fields={
            "vendor_name": _field("vendor_name", "Bergkaserei Emmental AG"),
            "customer_name": _field("customer_name", "Hotel Bellevue AG"),
            "total": _field("total", "12.50"),
        }
    )
    readings = {
        "Bergkaserei Emmental AG": "Bergkäserei Emmental AG",
        "Hotel Bellevue AG": "Hotel Bellevue AG",
    }
    asked = []

    def reader(page: int, box: BBox) -> str:
        asked.append((page, box))
        return readings[next(v for v in readings if len(asked) == 1 or v.startswith("Hotel"))]

    out = with_accented_names(invoice, reader)
    assert out.fields["vendor_name"].value == "Bergkäserei Emmental AG"
    assert out.fields["customer_name"].value == "Hotel Bellevue AG"
    assert out.fields["total"] is invoice.fields["total"]
    assert len(asked) == 2  # the two names, nothing else
