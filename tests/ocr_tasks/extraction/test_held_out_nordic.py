"""Held-out Swedish, Danish and Norwegian invoices (issue 13, round 8b): three languages beyond the first
eight, read by general means (the lexicons `sv.json`, `da.json`, `nb.json` and `fi.json`, the Tesseract
models `swe`, `dan`, `nor` and `fin`, the country packs SE, DK, NO and FI, their month names).

Batch 1, eight invoices written as HTML and printed by headless Chromium (`nordic_invoices/<case>.html` ->
`<case>.pdf`, committed with `expectations.json` before the product read them, 2582d5f): a Swedish Faktura
from an accounting program (Summa exkl. moms / Moms 25 % / Öresavrundning / Att betala SEK, Org.nr,
Momsreg.nr, Bankgiro, OCR-nummer), a KREDITFAKTURA with negative rows at 12 % and 25 %, a sole trader's
letter invoice (`Stockholm den 28 mars 2025`, kr); a Danish Faktura (Fakturanr., Fakturadato,
Forfaldsdato, Total DKK / At betale, CVR-nr.), an A/S Kreditnota (I alt DKK), a carpenter's Faktura (dates
in words, Betalt a conto, Håndværkerfradrag); a Norwegian FAKTURA (Org.nr. ... MVA, KID, Sum eks. MVA / MVA
25 % / Å betale NOK) and a Kreditnota at 15 % and 25 % (Sum MVA, Totalt, Til gode).

First run, before any Nordic knowledge (`bench/held_out_pdfs.py --folder
tests/ocr_tasks/extraction/nordic_invoices --misses`): text layer 43 of 109 checks wrong (macro 0.611),
200 dpi 45 of 109 (0.593): no `Moms`, `MVA`, `Summa exkl. moms`, `Sum eks. MVA`, so no tax and no net;
no `Förfallodatum`, `Forfaldsdato`, `Forfallsdato`; no items header (`Benämning`, `Beskrivelse`,
`Antall`, `Beløp`); `Kreditfaktura`, `Kreditnota` read as invoices; no `CVR-nr.` and no Norwegian VAT id
(`919 911 999 MVA`); `Betalt a conto 20. februar 2025` read as the invoice date. With the lexicons, the
month names, the languages in `LANGUAGES` and the country packs: 3 wrong. The three, by general rules:
- a document title left of the vendor's name across a column gap (`FAKTURA      Bergen Regnskapskontor
  AS`, `KREDITFAKTURA      Västkustens Grossist AB`) is no part of the name (`party_fields`);
- a payment's reference (`OCR-nummer 1048220410`, `KID`, `FIK`, `viitenumero`: the lexicons'
  `payment_reference`) is no invoice number (`identifier_fields._OTHER_NUMBER`).
After them: 0 of 109 wrong on the text layer.

Batch 2, five invoices written after those fixes and committed before the product read them (2f4cbe1): a
Swedish subscription's FAKTURA (labels above values, bankgiro and OCR only, no IBAN), a Danish web shop's
Faktura with prices including the tax (`Subtotal 1.196,00 / Fragt 49,00 / Total inkl. moms / Heraf moms`),
a Norwegian plumber's Faktura (`NO 879 341 965 MVA`, KID, discount column, Akonto betalt), and two Finnish
documents (a LASKU with Viitenumero, Y-tunnus, ALV 25,5 %; a HYVITYSLASKU at 14 % and 25,5 %). First run
on the text layer: 2 of 69 checks wrong (macro 0.971), both on the web shop's page, fixed by general rules:
- the web shop's gross `Subtotal` (the sum of prices including the tax, the shipping then added, the tax
  printed under the total) is no net (`amount_choice._gross_subtotal`); the page prints none;
- the date beside the letterhead's `CVR-nr. 65595982` on its row (`Fakturadato: 02.05.2025`) is no tax
  number (`tax_id_fields._PRINTED_DATE`).
After them: 0 of 178 checks wrong over both batches. At 200 dpi (`eng`): 5 of 178, all vendor names:
`eng` reads `ø` and `æ` as other letters (`Sjamat`, `Kjzer`), which the name's re-read in the document's
language now restores (`name_accents.OTHER_SHAPES`), and `FAKTURA` read in pieces (`FA KT U RA`) before the
letterhead; after both: 0 of 178.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from schwifty import IBAN

from ocr_tasks.extraction import ExtractionOptions
from ocr_tasks.extraction.keywords import LANGUAGES, lexicon
from ocr_tasks.extraction.language import detect_language
from ocr_tasks.extraction.tesseract_regions import TESSERACT_MODELS
from ocr_tasks.normalise.countries import country_packs
from ocr_tasks.normalise.currency import detect_currency
from ocr_tasks.normalise.tax_ids import tax_id_valid
from tests.ocr_tasks.extraction.pdf_folders import FolderReadings, pdf_cases

FOLDER = Path(__file__).with_name("nordic_invoices")
CASES = pdf_cases(FOLDER)
_COUNTRY = {"sv": "SE", "da": "DK", "nb": "NO", "fi": "FI"}

# (case, field, why the text-layer reading still misses it)
_MISSES: list[tuple[str, str, str]] = []
READINGS = FolderReadings(CASES, _MISSES)


@pytest.mark.parametrize(("case", "name"), READINGS.params(fields=True))
def test_field_from_the_text_layer(case, name, tmp_path_factory):
    READINGS.assert_field(case, name, tmp_path_factory)


@pytest.mark.parametrize(("case", "name"), READINGS.params(fields=False))
def test_line_items_from_the_text_layer(case, name, tmp_path_factory):
    READINGS.assert_items(case, tmp_path_factory)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_document_language_is_detected(case):
    assert READINGS.read(case).language == case.rsplit("_", 1)[1]


def test_every_case_has_its_html_its_pdf_and_valid_identifiers():
    assert {p.stem for p in FOLDER.glob("*.pdf")} == set(CASES) == {p.stem for p in FOLDER.glob("*.html")}
    for case in CASES.values():
        country = _COUNTRY[case.name.rsplit("_", 1)[1]]
        assert tax_id_valid(case.expected["vendor_tax_id"], country)
        if case.expected["iban"] is not None:  # a Swedish invoice may print only its bankgiro
            IBAN(case.expected["iban"])  # raises on a wrong check digit


PAGES = {
    "sv": ["FAKTURA", "Fakturanummer 10482", "Förfallodatum 2025-04-13", "Summa exkl. moms 12 400,00"],
    "da": ["Faktura", "Fakturanr. 2025-0315", "Forfaldsdato 28-03-2025", "At betale 7.085,00"],
    "nb": ["FAKTURA", "Fakturanr. 24117", "Forfallsdato 28.03.2025", "Sum eks. MVA 9 830,00", "Å betale"],
    "fi": ["LASKU", "Laskun numero 2025-118", "Eräpäivä 28.3.2025", "Maksettava yhteensä 1 240,00"],
    # the neighbours the Nordic words must not take: German, Dutch and English labels
    "de": [
        "Rechnung",
        "Rechnungsnummer 4711",
        "Fälligkeitsdatum 28.03.2025",
        "Nettobetrag 100,00 MwSt 19,00",
    ],
    "nl": ["Factuur", "Factuurnummer 2025-15", "Vervaldatum 28-03-2025", "Totaal excl. btw 100,00"],
    "en": ["INVOICE", "Invoice number 1001", "Due date 28/03/2025", "Subtotal 100.00 VAT 20.00"],
}


@pytest.mark.parametrize("language", sorted(PAGES))
def test_nordic_labels_name_their_language_and_their_neighbours_keep_theirs(language):
    assert language in LANGUAGES
    assert detect_language(PAGES[language]) == language


def test_their_lexicons_cover_the_core_concepts_and_tesseract_reads_them_with_their_models():
    core = {"invoice_title", "invoice_number", "invoice_date", "due_date", "subtotal", "tax", "total"}
    core |= {"amount_due", "already_paid", "bill_to", "seller", "vat_id", "iban", "credit_note_title"}
    core |= {"column_description", "column_quantity", "column_unit_price", "column_amount", "legal_form"}
    core |= {"payment_reference"}
    for language in ("sv", "da", "nb", "fi"):
        assert core <= set(lexicon((language,)))
    assert [TESSERACT_MODELS[lang] for lang in ("sv", "da", "nb", "fi")] == ["swe", "dan", "nor", "fin"]


def test_nordic_tax_ids_currencies_and_postcodes():
    assert tax_id_valid("SE551423629701") and not tax_id_valid("SE551423629801")
    assert tax_id_valid("28420242", "DK") and not tax_id_valid("28420243", "DK")
    assert tax_id_valid("NO 919 911 999 MVA") and tax_id_valid("919 911 999 MVA")
    assert not tax_id_valid("919 911 998 MVA")  # Norway's organisation number has a check digit
    assert tax_id_valid("2329938-3", "FI") and tax_id_valid("FI23299383")
    assert detect_currency("Att betala SEK 15 500,00") == "SEK"
    assert detect_currency("Total DKK 7.085,00") == "DKK"
    assert detect_currency("Å betale NOK 12 287,50") == "NOK"
    packs = country_packs()
    assert [packs[c].currency for c in ("SE", "DK", "NO", "FI")] == ["SEK", "DKK", "NOK", "EUR"]
    assert re.search(packs["SE"].postcode, "113 59 Stockholm")
    assert re.search(packs["DK"].postcode, "1620 København V")
    assert re.search(packs["NO"].postcode, "0150 Oslo")
    assert re.search(packs["FI"].postcode, "00100 Helsinki")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stockholm den 28 mars 2025", "2025-03-28"),
        ("Roskilde, 14. marts 2025", "2025-03-14"),
        ("Oslo, 3. desember 2024", "2024-12-03"),
        ("Helsingissä 14. maaliskuuta 2025", "2025-03-14"),
        ("Sidste rettidige betalingsdato: 28. marts 2025", "2025-03-28"),
    ],
)
def test_nordic_month_names_are_read_in_the_default_languages(text, expected):
    from ocr_tasks.normalise.dates import find_dates

    found = find_dates(text, languages=ExtractionOptions().languages)
    assert [d.value.isoformat() for d in found] == [expected]


def test_a_french_des_is_no_month():
    """The Nordic month names are matched exactly (no prefixes): `des` (French `of the`) stays a word."""
    from ocr_tasks.normalise.dates import find_dates

    assert find_dates("3 des 12 articles", languages=ExtractionOptions().languages) == []


# Rules the batch's first run asked for (each fails without it)


def _extract(rows: list[list[tuple[str, int]]], lang: str = "sv"):
    from ocr_tasks.extraction import extract_invoice
    from tests.ocr_tasks.extraction.synthetic import SyntheticInvoice

    document = SyntheticInvoice(
        rows=rows, truth={}, items=[], lang=lang, row_y=[150 + 70 * i for i in range(len(rows))]
    ).to_document()
    return extract_invoice(document)


def test_a_payment_reference_is_no_invoice_number():
    """`OCR-nummer` (Sweden), `KID` (Norway), `FIK` (Denmark), `viitenumero` (Finland) label the payment's
    reference, a longer number than the invoice's: it does not win over `Fakturanummer`."""
    rows = [
        [("Norrsken Tryckeri AB", 150), ("FAKTURA", 1500)],
        [("Sveavägen 44", 150), ("Fakturanummer", 1500), ("10482", 1900)],
        [("113 59 Stockholm", 150), ("Fakturadatum", 1500), ("2025-03-14", 1900)],
        [("OCR-nummer", 1500), ("1048220410", 1900)],
        [("Att betala SEK", 1500), ("15 500,00", 1900)],
    ]
    assert _extract(rows).get("invoice_number") == "10482"


@pytest.mark.parametrize(
    ("title", "name"),
    [("FAKTURA", "Bergen Regnskapskontor AS"), ("KREDITFAKTURA", "Västkustens Grossist AB")],
)
def test_a_title_left_of_the_letterhead_across_a_gap_is_no_part_of_the_vendor_name(title, name):
    from ocr_tasks.extraction.party_fields import clean_name

    assert clean_name(f"{title}      {name}") == name
    assert clean_name(f"{title} Service AB") == f"{title} Service AB"  # a title word in a name stays


def test_a_norwegian_vat_id_is_the_vendors():
    rows = [
        [("Bergen Regnskapskontor AS", 150), ("FAKTURA", 1500)],
        [("Strandgaten 18", 150), ("Fakturanr.", 1500), ("24117", 1900)],
        [("5013 Bergen", 150), ("Fakturadato", 1500), ("14.03.2025", 1900)],
        [("Org.nr. 919 911 999 MVA", 150)],
        [("Å betale NOK", 1500), ("12 287,50", 1900)],
    ]
    assert _extract(rows, "en").get("vendor_tax_id") in {"919911999MVA", "NO919911999MVA"}


def test_a_swedish_postcode_line_ends_the_recipients_address():
    """`457 40 Fjällbacka`: a Swedish postcode prints its five digits as three and two; the block above it
    is a postal address, so its first row names the customer."""
    rows = [
        [("Norrsken Tryckeri AB", 150), ("FAKTURA", 1500)],
        [("Sveavägen 44", 150), ("Fakturanummer", 1500), ("10482", 1900)],
        [("113 59 Stockholm", 150), ("Fakturadatum", 1500), ("2025-03-14", 1900)],
        [("Fjällbacka Kafé & Bageri AB", 1300)],
        [("Att: Karin Lind", 1300)],
        [("Hamngatan 3", 1300)],
        [("457 40 Fjällbacka", 1300)],
        [("Att betala SEK", 1500), ("15 500,00", 1900)],
    ]
    assert _extract(rows).get("customer_name") == "Fjällbacka Kafé & Bageri AB"


# Rules batch 2's first run asked for (each fails without it)


def test_a_date_after_a_tax_id_on_its_row_is_no_tax_number():
    """The letterhead's `CVR-nr. 65595982` beside the title block's `Fakturadato: 02.05.2025`: the date
    after the tax-id label's row is no tax number (it tied with the CVR number)."""
    from ocr_tasks.extraction.rows import document_rows
    from ocr_tasks.extraction.tax_id_fields import tax_id_candidates
    from tests.ocr_tasks.extraction.synthetic import SyntheticInvoice

    rows = [
        [("Cykelkælderen ApS", 150), ("Faktura", 1500)],
        [("CVR-nr. 65595982", 150), ("Fakturadato: 02.05.2025", 1500)],
        [("CVR-nr. 65595982", 150), ("Forfaldsdato: 10-05-2025", 1500)],
    ]
    document = SyntheticInvoice(rows=rows, truth={}, items=[], lang="en", row_y=[150, 220, 290]).to_document()
    assert {c.value for c in tax_id_candidates(document_rows(document))} == {"65595982"}


_ITEMS = [
    [("Varenr.", 150), ("Produkt", 400), ("Antal", 1300), ("Stk. pris", 1600), ("Beløb", 2000)],
    [("CK-2201", 150), ("Cykelhjelm, str. M", 400), ("1", 1300), ("599,00", 1600), ("599,00", 2000)],
    [("CK-3150", 150), ("LED-lygtesæt", 400), ("2", 1300), ("189,00", 1600), ("378,00", 2000)],
    [("CK-0904", 150), ("Cykellås", 400), ("1", 1300), ("219,00", 1600), ("219,00", 2000)],
]


def test_a_subtotal_of_prices_including_the_tax_is_no_net():
    """A web shop's totals: `Subtotal` sums prices that include the tax, the shipping is added, and the tax
    is printed under the total (`Heraf moms`): the page prints no net."""
    rows = [[("Cykelkælderen ApS", 150), ("Faktura", 1500)], *_ITEMS]
    rows += [
        [("Subtotal", 1400), ("1.196,00", 2000)],
        [("Fragt", 1400), ("49,00", 2000)],
        [("Total inkl. moms", 1400), ("1.245,00", 2000)],
        [("Heraf moms (25%)", 1400), ("249,00", 2000)],
        [("At betale DKK", 1400), ("1.245,00", 2000)],
    ]
    invoice = _extract(rows, "en")
    assert invoice.get("total") == "1245.00" and invoice.get("tax_amount") == "249.00"
    assert invoice.get("subtotal") in {None, "996.00"}


def test_a_net_with_the_tax_and_shipping_under_it_stays_the_net():
    rows = [[("Bluegrass Fluid Power LLC", 150), ("INVOICE", 1500)], *_ITEMS]
    rows += [
        [("Subtotal", 1400), ("1.196,00", 2000)],
        [("Moms 25%", 1400), ("299,00", 2000)],
        [("Fragt", 1400), ("49,00", 2000)],
        [("Total", 1400), ("1.544,00", 2000)],
    ]
    assert _extract(rows, "en").get("subtotal") == "1196.00"


# Rules the 200 dpi reading asked for (each fails without it)


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("Tomrermester Jens Kjzer", "Tømrermester Jens Kjær"),  # `æ` read as two letters by `eng`
        ("Cykelkeelderen ApS", "Cykelkælderen ApS"),
        ("Rerlegger Hansen & Senn AS", "Rørlegger Hansen & Sønn AS"),  # `ø` read as another vowel
        ("Lofoten Sjamat AS", "Lofoten Sjømat AS"),
    ],
)
def test_danish_and_norwegian_letters_read_again_in_the_documents_language(first, again):
    """`ø` and `æ` have no base letter: `eng` reads them as other letters, the language's model (`dan`,
    `nor`) as printed; the second reading restores them and changes nothing else."""
    from ocr_tasks.extraction.name_accents import accents_restored

    assert accents_restored(first, again) == again
    assert accents_restored(first, again.replace("e", "i")) is None  # other letters besides: not taken


def test_a_letter_spaced_title_read_in_pieces_left_of_the_letterhead_is_no_part_of_the_name():
    from ocr_tasks.extraction.party_fields import clean_name

    assert clean_name("FA KT U RA  Bergen Regnskapskontor AS") == "Bergen Regnskapskontor AS"
