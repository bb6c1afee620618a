"""The document's currency from a page: weighed evidence, not the first sign (issue 13: a scan of an
invoice2data Saeco invoice read the order line's `E103184` as `£103184` and reported GBP)."""

from __future__ import annotations

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from tests.ocr_tasks.extraction.layout_pages import text_layer_page


def _saeco_like(reference: str):
    return text_layer_page(
        [
            [("Strategic Corp", 0.10)],
            [("Fakestreet 46", 0.10)],
            [("3500 MJ Utrecht", 0.10)],
            [],
            [("Factuur datum", 0.40), ("Factuur", 0.60)],
            [("8-9-2022", 0.40), ("VF1005193039", 0.60)],
            [],
            [("Artikel  Omschrijving", 0.05), ("Prijs", 0.50), ("BTW", 0.60), ("Bedrag", 0.85)],
            [(f"{reference}  Onderhoudsset", 0.05), ("49,99", 0.50), ("21%", 0.60), ("49,99", 0.85)],
            [("Factuur totaal EUR", 0.55), ("49,99", 0.85)],
            [],
            [("BTW-nr: NL8152.54.295.B01", 0.05)],
            [("IBAN: NL58RABO0198723202", 0.05)],
        ]
    )


def test_a_sign_misread_on_a_reference_does_not_decide_the_currency():
    invoice = extract_invoice(_saeco_like("£103184"), options=ExtractionOptions(country=None))
    assert invoice.fields["currency"].value == "EUR"
    assert invoice.fields["currency"].raw_text == "EUR"


def test_the_totals_mark_outweighs_a_priced_mark_elsewhere():
    page = text_layer_page(
        [
            [("Price list", 0.05)],
            [("Reference price £ 10.00", 0.05)],
            [("Total due", 0.55), ("USD 10.00", 0.80)],
        ]
    )
    invoice = extract_invoice(page)
    assert invoice.fields["currency"].value == "USD"
