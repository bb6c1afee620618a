"""A Nordic `kr` (session 15, helper H5): Swedish, Danish and Norwegian crowns print the same sign, so `kr`
names a currency only with the country. The country comes from the page's evidence (VAT id, IBAN, names,
phone prefixes; a Norwegian VAT id `Org.nr. 923 609 016 MVA` now counts), else from its language when one
country pack alone lists it (`languages`: sv SE, da DK, nb NO); without either the currency stays unread."""

from __future__ import annotations

from datetime import date

import pytest

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.normalise.countries import guess_country, language_country

from .layout_pages import text_layer_page

OPTIONS = ExtractionOptions(today=date(2026, 11, 10))
LEFT, RIGHT = 0.08, 0.6


def _till(head: list[str], items: list[tuple[str, str]], tail: list[tuple[str, str]]) -> dict[str, str]:
    rows = [[(text, LEFT)] for text in head] + [[]]
    rows += [[(label, LEFT), (amount, RIGHT)] for label, amount in items + tail]
    invoice = extract_invoice(text_layer_page(rows), options=OPTIONS)
    return {name: field.value for name, field in invoice.fields.items()}


@pytest.mark.parametrize(
    ("head", "tail", "currency"),
    [
        (
            ["Kaffebaren", "Storgatan 12", "114 51 Stockholm", "Kvitto", "Datum 2026-11-02"],
            [("Totalt", "67,00 kr"), ("Varav moms 12%", "7,18 kr")],
            "SEK",
        ),
        (
            ["Bageriet", "Nørregade 4", "8000 Aarhus C", "Kvittering", "Dato 02.11.2026"],
            [("I alt", "67,00 kr"), ("Heraf moms", "13,40 kr")],
            "DKK",
        ),
        (
            ["Kaffebrenneriet", "Storgata 5", "0155 Oslo", "Kvittering", "Dato 02.11.2026"],
            [("Totalt", "67,00 kr"), ("Herav mva", "13,40 kr"), ("Bankkort", "67,00 kr")],
            "NOK",
        ),
    ],
)
def test_kr_is_read_by_the_pages_language(head, tail, currency):
    fields = _till(head, [("Kaffe", "35,00 kr"), ("Bulle", "32,00 kr")], tail)
    assert fields["total"] == "67.00"
    assert fields.get("currency") == currency


def test_kr_is_read_by_a_norwegian_vat_id():
    """An English-language page whose seller prints its Norwegian VAT id."""
    fields = _till(
        ["Fjord Coffee", "Harbour Street 5", "Org.nr. 923 609 016 MVA", "Receipt"],
        [("Coffee", "35,00 kr"), ("Bun", "32,00 kr")],
        [("Total", "67,00 kr")],
    )
    assert fields.get("currency") == "NOK"
    assert guess_country("Org.nr. 923 609 016 MVA") == "NO"
    assert guess_country("Org.nr. 923 609 017 MVA") is None  # the check digit fails


def test_kr_without_country_evidence_stays_unread():
    fields = _till(["SHOP"], [("Coffee", "35,00 kr"), ("Bun", "32,00 kr")], [("Total", "67,00 kr")])
    assert fields["total"] == "67.00"
    assert fields.get("currency") is None
    assert language_country("de") is None  # Germany, Austria, Switzerland: no one country
