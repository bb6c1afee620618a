"""The document's language from the labels only its lexicon has, restricted to `options.languages`."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.extraction.language import detect_language
from ocr_tasks.invoice_types import Invoice
from tests.ocr_tasks.extraction.layout_pages import text_layer_page

PAGES = {
    "de": ["Rechnungsnummer: RE-2024/0815", "Rechnungsdatum: 03.07.2024", "Zahlbar bis 17.07.2024"],
    "fr": ["N° de facture FA-2017-0010", "Date de facture 13/11/2017", "Date d'échéance 13/12/2017"],
    "nl": ["Factuurnummer 2023-1993", "Factuurdatum 15-02-2023", "Vervaldatum 15-03-2023", "Te betalen"],
    "es": ["Número de factura 2024-7716", "Fecha de vencimiento 05/06/2022", "Base imponible"],
    "it": ["Numero fattura F2023/9063", "Data fattura 11/08/2023", "Data di scadenza 10/09/2023"],
    "en": ["Invoice number INV-0042", "Invoice date 12 March 2024", "Payment due 11 April 2024"],
}


@pytest.mark.parametrize("language", sorted(PAGES))
def test_the_language_of_the_labels(language):
    assert detect_language(PAGES[language]) == language


def test_no_labels_no_language():
    assert detect_language(["ACME", "12,00", "Total 12,00"]) is None


def test_the_result_carries_it_and_options_restrict_it():
    document = text_layer_page([[(line, 0.08)] for line in PAGES["de"]])
    assert extract_invoice(document).language == "de"
    only_english = ExtractionOptions(languages=("en",))
    assert extract_invoice(document, options=only_english).language is None
    restored = Invoice.from_dict(extract_invoice(document).to_dict())
    assert restored.language == "de"


def test_month_names_are_read_in_the_options_languages_only():
    document = text_layer_page([[("Rechnungsnummer: 4711", 0.08)], [("Rechnungsdatum: 3. März 2024", 0.08)]])
    assert extract_invoice(document).get("invoice_date") == "2024-03-03"
    french_only = ExtractionOptions(languages=("fr",))
    assert extract_invoice(document, options=french_only).get("invoice_date") is None
