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
        # `eng` reads `ñ` as `fi`, `ł` as `t` (no base letter), `ó` as `6`
        ("Carpinteria Nufiez Hermanos", "Carpintería Núñez Hermanos", "Carpintería Núñez Hermanos"),
        ("Ustugi Informatyczne", "Usługi Informatyczne", "Usługi Informatyczne"),
        ("Krak6w", "Kraków", "Kraków"),
        ("Hostal Giralda Pefuelas", "Hostal Giralda Peñuelas, S.L.", "Hostal Giralda Peñuelas"),
        ("Fiat Italia", "ñat Italia", None),  # no word starts with `ñ`
        # letters small type ran together (`rn` read `m`) are told apart only with an accent added
        ("Editions Gamier-Mérel", "Éditions Garnier-Mérel SAS", "Éditions Garnier-Mérel"),
        ("Gamier SA", "Garnier SA", None),
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


def test_each_name_is_asked_of_the_readers_in_turn_until_one_adds_accents_or_has_nothing_to_add():
    invoice = Invoice(
        fields={
            "vendor_name": _field("vendor_name", "Studio Pelle S.r.l.s."),
            "customer_name": _field("customer_name", "Farmacia Moretti S.n.c."),
        }
    )
    asked = []

    def alone(page: int, box: BBox) -> str:  # the language's model alone sees the grave accent
        asked.append("alone")
        return "Studio Pellè S.r.l.s." if len(asked) == 1 else "Farmacia Moretti S.n.c."

    def mixed(page: int, box: BBox) -> str:
        asked.append("mixed")
        return "Studio Pelle S.r.l.s."

    out = with_accented_names(invoice, alone, mixed)
    assert out.fields["vendor_name"].value == "Studio Pellè S.r.l.s."
    assert out.fields["customer_name"].value == "Farmacia Moretti S.n.c."
    assert asked == ["alone", "alone"]  # the second reader is not asked: nothing left to add

    asked.clear()
    out = with_accented_names(invoice, lambda page, box: "Studio Pcl1e", mixed)
    assert asked == ["mixed", "mixed"]  # a reading that is neither asks the next reader
