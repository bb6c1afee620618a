"""Held-out Czech, Slovak, Hungarian and Romanian invoices (issue 13, round 9b): four languages beyond the
first twelve, read by general means (the lexicons `cs.json`, `sk.json`, `hu.json` and `ro.json`, the
Tesseract models `ces`, `slk`, `hun` and `ron`, the country packs CZ, SK, HU and RO, their month names).

Batch 1, eight invoices written as HTML and printed by headless Chromium (`cee_invoices/<case>.html` ->
`<case>.pdf`, committed with `expectations.json` before the product read them, 14d9d41): a Czech Faktura –
daňový doklad (IČO, DIČ, Datum vystavení, DUZP, Variabilní symbol, Celkem k úhradě in Kč) and an
OPRAVNÝ DAŇOVÝ DOKLAD (dobropis); a Slovak FAKTÚRA (IČ DPH, Dátum vyhotovenia, Suma na úhradu) and a
wholesaler's FAKTÚRA - DAŇOVÝ DOKLAD at 19 % and 23 % with Uhradené zálohou / K úhrade; a Hungarian SZÁMLA
(Adószám 27967090-2-43, Közösségi adószám, dates `2026.11.29.`, forint without decimals, Fizetendő) and a
bookshop's Számla with dates in words (`2026. november 18.`); a Romanian FACTURĂ FISCALĂ on the classic form
(Furnizor | title | Cumpărător, Valoarea / Valoarea TVA columns, a `Total` row under them, Total de plată)
and an app's Factura at 11 % and 21 % in RON.

First run, before any knowledge of these languages (`bench/held_out_pdfs.py --folder
tests/ocr_tasks/extraction/cee_invoices --misses`): text layer 58 of 111 checks wrong (macro 0.478), 200
dpi 60 of 111 (0.460): no tax, net or due date on most pages, no items, `DODAVATEL ODBĚRATEL` as the
vendor, `Kreditfaktura`-like titles (`OPRAVNÝ DAŇOVÝ DOKLAD`) read as invoices, forint totals read as
`295.00`. With the lexicons, the languages, the month names and the country packs: 14 wrong. The rest by
general rules (each with a rule test below that fails without it):
- a whole number spaced in thousands that fills its cell or stands before its currency (`90 000`,
  `295 910 Ft`) is one amount (`normalise.amounts`);
- on a page that prints no money with decimals, whole numbers under the unit price and the amount are the
  item's prices when the amount is a whole multiple of the price; a date's numbers (`2026.11.27.`) are no
  money with decimals (`line_items._points_dropped`, `_largest_printed_money`);
- the number of a column a label refers to (`Total de plată (col. 5 + col. 6)`) is no amount
  (`amount_fields`, the lexicons' `column_reference`);
- the row that sums an items table's net and tax columns (`Total  8.450,00  1.774,50` under `Valoarea`
  and `Valoarea TVA`) gives the net and the tax, not the total (`items_sum_row`).
After them: 0 of 111 wrong on the text layer.

Batch 2, five documents written after those fixes and committed before the product was changed for them
(de40c66): a Czech e-shop's invoice drawn by reportlab (`faktura_eshop_cs.py`), a Slovak DOBROPIS, a
Romanian FACTURĂ STORNO, and a Slovak garage's and a Hungarian service company's invoice printed and
scanned at 200 dpi (image-only PDFs, `scanned.py`). First run: 10 of 68 checks wrong (0.857; the scans are
OCRed in both readings), 200 dpi 12 of 68. Fixed by general rules (rule tests below): labels matched
without their accents as OCR drops them, `č.` a bare number marker (and `€.`/`¢.` after a title), `zo dňa`
/ `ze dne` no invoice-date label, Romanian `Șos.` a street word, `č`/`ö`/`ő` as `eng` reads them in the name
re-read. Both batches after: 3 of 179 wrong on the text layer (the strict xfails below), 19 of 179 at 200
dpi.
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
from ocr_tasks.normalise.countries import country_packs, guess_country
from ocr_tasks.normalise.currency import detect_currency
from ocr_tasks.normalise.tax_ids import tax_id_valid
from tests.ocr_tasks.extraction.pdf_folders import FolderReadings, pdf_cases

FOLDER = Path(__file__).with_name("cee_invoices")
CASES = pdf_cases(FOLDER)
_COUNTRY = {"cs": "CZ", "sk": "SK", "hu": "HU", "ro": "RO"}

# (case, field, why the text-layer reading still misses it)
_MISSES: list[tuple[str, str, str]] = [
    (
        "dobropis_sk",
        "line_items",
        "a discount row on a credit note (`Zľava z ceny ... -1 ks 45,50 -45,50`) is dropped",
    ),
    (
        "faktura_autoservis_sk",
        "customer_name",
        "the scan's heading `Odberateľ:` read `Odberate!’:` is taken as the name",
    ),
    ("szamla_szerviz_hu", "customer_name", "the scan's heading `Vevő:` read `Vev6:` is taken as the name"),
]
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
    assert {p.stem for p in FOLDER.glob("*.pdf")} == set(CASES)
    assert {p.stem for p in FOLDER.glob("*.html")} | {p.stem for p in FOLDER.glob("*.py")} >= set(CASES)
    for case in CASES.values():
        country = _COUNTRY[case.name.rsplit("_", 1)[1]]
        ids = case.expected["vendor_tax_id"]
        assert any(
            tax_id_valid(re.sub(r"-\d-\d\d$", "", i), country)
            for i in (ids if isinstance(ids, tuple) else (ids,))
        )
        if case.expected["iban"] is not None:  # a Hungarian shop may print only its giro account
            IBAN(case.expected["iban"])  # raises on a wrong check digit


PAGES = {
    "cs": ["Faktura – daňový doklad", "Datum vystavení: 29. 11. 2026", "Odběratel", "Celkem k úhradě"],
    "sk": ["FAKTÚRA", "Dátum vyhotovenia 27.11.2026", "Dátum splatnosti 11.12.2026", "Suma na úhradu"],
    "hu": ["SZÁMLA", "Számla sorszáma: DN-2026/0877", "Fizetési határidő 2026.12.14.", "Fizetendő"],
    "ro": ["FACTURĂ FISCALĂ", "Data emiterii: 29.11.2026", "Data scadenței: 14.12.2026", "Total de plată"],
    # the neighbours the new words must not take: Polish, German and English labels
    "pl": ["Faktura VAT", "Data wystawienia 12.05.2025", "Termin płatności 26.05.2025", "Do zapłaty"],
    "de": [
        "Rechnung",
        "Rechnungsnummer 4711",
        "Fälligkeitsdatum 28.03.2025",
        "Nettobetrag 100,00 MwSt 19,00",
    ],
    "en": ["INVOICE", "Invoice number 1001", "Due date 28/03/2025", "Subtotal 100.00 VAT 20.00"],
}


@pytest.mark.parametrize("language", sorted(PAGES))
def test_cee_labels_name_their_language_and_their_neighbours_keep_theirs(language):
    assert language in LANGUAGES
    assert detect_language(PAGES[language]) == language


def test_their_lexicons_cover_the_core_concepts_and_tesseract_reads_them_with_their_models():
    core = {"invoice_title", "invoice_number", "invoice_date", "due_date", "subtotal", "tax", "total"}
    core |= {"amount_due", "already_paid", "bill_to", "seller", "vat_id", "iban", "credit_note_title"}
    core |= {"column_description", "column_quantity", "column_unit_price", "column_amount", "legal_form"}
    core |= {"payment_reference", "delivery_date", "column_reference"}
    for language in ("cs", "sk", "hu", "ro"):
        assert core <= set(lexicon((language,)))
    assert [TESSERACT_MODELS[lang] for lang in ("cs", "sk", "hu", "ro")] == ["ces", "slk", "hun", "ron"]


def test_cee_tax_ids_currencies_postcodes_and_countries():
    assert tax_id_valid("CZ66856469") and not tax_id_valid("CZ66856468")
    assert tax_id_valid("SK2087685457") and not tax_id_valid("SK2087685456")
    assert tax_id_valid("HU27967090") and tax_id_valid("27967090", "HU")
    assert (
        tax_id_valid("RO40715489") and tax_id_valid("13775726", "RO") and not tax_id_valid("13775727", "RO")
    )
    assert detect_currency("Celkem k úhradě 6 227,20 Kč") == "CZK"
    assert detect_currency("Fizetendő: 295 910 Ft") == "HUF"
    packs = country_packs()
    assert [packs[c].currency for c in ("CZ", "SK", "HU", "RO")] == ["CZK", "EUR", "HUF", "RON"]
    assert re.search(packs["CZ"].postcode, "602 00 Brno")
    assert re.search(packs["SK"].postcode, "058 01 Poprad")
    assert re.search(packs["HU"].postcode, "1097 Budapest")
    assert re.search(packs["RO"].postcode, "400118 Cluj-Napoca")
    assert packs["HU"].day_first is None  # Hungarian dates print the year first
    assert guess_country("Dodávateľ  IČ DPH: SK2087685457") == "SK"
    assert guess_country("Adószám: 26460332-1-06") == "HU"
    assert guess_country("CUI: 13775726") == "RO"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kelt: Szeged, 2026. november 18.", "2026-11-18"),
        ("Fizetési határidő: 2026. dec. 2.", "2026-12-02"),
        ("Számla kelte 2026.11.29.", "2026-11-29"),
        ("V Brně dne 18. listopadu 2026", "2026-11-18"),
        ("Bratislava 3. decembra 2026", "2026-12-03"),
        ("Brașov, 29 noiembrie 2026", "2026-11-29"),
        ("Datum vystavení: 29. 11. 2026", "2026-11-29"),
    ],
)
def test_cee_month_names_and_the_hungarian_year_first_date_are_read(text, expected):
    from ocr_tasks.normalise.dates import find_dates

    found = find_dates(text, languages=ExtractionOptions().languages)
    assert [d.value.isoformat() for d in found] == [expected]


# Rules the batch's first run asked for (each fails without it)


def _extract(rows: list[list[tuple[str, int]]], lang: str = "en"):
    from ocr_tasks.extraction import extract_invoice
    from tests.ocr_tasks.extraction.synthetic import SyntheticInvoice

    document = SyntheticInvoice(
        rows=rows, truth={}, items=[], lang=lang, row_y=[150 + 70 * i for i in range(len(rows))]
    ).to_document()
    return extract_invoice(document)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Fizetendő:  295 910 Ft", ["295910"]),  # before its currency
        ("Díszdoboz  400 db  245  98 000  27%  26 460", ["400", "245", "98000", "27", "26460"]),  # its cell
        ("Celkem k úhradě  6 227,20 Kč", ["6227.20"]),
        ("QTY 2 500", ["2", "500"]),  # a quantity and a price apart by one space stay two numbers
        ("Art. 4 191.81", ["4", "191.81"]),
    ],
)
def test_a_whole_number_spaced_in_thousands_that_fills_its_cell_is_one_amount(text, values):
    from ocr_tasks.normalise.amounts import find_amounts

    assert [str(a.value) for a in find_amounts(text)] == values


def test_items_priced_in_whole_forint_are_items():
    """A page that prints no money with decimals (forint): whole numbers under the unit price and the
    amount are the item's prices when the amount is a multiple of the price, even where the quantity's
    digits are read apart (`5 000 db`); the dates `2026.11.27.` are no money with decimals."""
    rows = [
        [("Duna Nyomda Kft.", 150), ("SZÁMLA", 1500)],
        [("Teljesítés dátuma", 150), ("2026.11.27.", 700), ("Számla kelte", 1300), ("2026.11.29.", 1800)],
        [("Megnevezés", 150), ("Mennyiség", 1000), ("Egységár", 1350), ("Nettó ár", 1650), ("ÁFA", 2000)],
        [("Boros címke", 150), ("5 000 db", 1000), ("18", 1420), ("90 000", 1650), ("27%", 2000)],
        [("Díszdoboz", 150), ("400 db", 1000), ("245", 1390), ("98 000", 1650), ("27%", 2000)],
        [("Grafikai tervezés", 150), ("1 db", 1000), ("45 000", 1330), ("45 000", 1650), ("27%", 2000)],
        [("Nettó érték összesen:", 1100), ("233 000 Ft", 1650)],
        [("ÁFA 27%:", 1100), ("62 910 Ft", 1650)],
        [("Fizetendő:", 1100), ("295 910 Ft", 1650)],
    ]
    invoice = _extract(rows, "hu")
    assert [item.cells["amount"].value for item in invoice.line_items] == ["90000.00", "98000.00", "45000.00"]
    assert invoice.get("total") == "295910.00" and invoice.get("subtotal") == "233000.00"


_RO_TABLE = [
    [("Carpatic Soft S.R.L.", 150), ("FACTURĂ FISCALĂ", 1000)],
    [("Nr. crt.", 150), ("Denumirea", 450), ("Cant.", 1000), ("Preț unitar", 1200)]
    + [("Valoarea", 1620), ("Valoarea TVA", 1950)],
    [("1", 150), ("Licență software", 450), ("1", 1000), ("4.200,00", 1200), ("4.200,00", 1620)]
    + [("882,00", 2050)],
    [("2", 150), ("Implementare", 450), ("10", 1000), ("250,00", 1260), ("2.500,00", 1620), ("525,00", 2050)],
]


def test_a_column_number_in_a_label_is_no_amount():
    """`Total de plată (col. 5 + col. 6)`: the numbers of the columns the label adds are no total."""
    rows = [*_RO_TABLE, [("Total", 1300), ("6.700,00", 1620), ("1.407,00", 2050)]]
    rows += [[("Total de plată (col. 5 + col. 6)", 900), ("8.107,00 lei", 1620)]]
    assert _extract(rows, "ro").get("total") == "8107.00"


def test_the_row_that_sums_the_items_net_and_tax_columns_gives_the_net_and_the_tax():
    """Under `Valoarea` and `Valoarea TVA` a row `Total  6.700,00  1.407,00` sums the items' net and tax
    columns: its amounts are the net and the tax, whatever its total word says; the grand total follows."""
    rows = [*_RO_TABLE, [("Total", 1300), ("6.700,00", 1620), ("1.407,00", 2050)]]
    rows += [[("Total de plată", 900), ("8.107,00 lei", 1620)]]
    invoice = _extract(rows, "ro")
    assert (invoice.get("subtotal"), invoice.get("tax_amount"), invoice.get("total")) == (
        "6700.00",
        "1407.00",
        "8107.00",
    )


def test_a_sum_row_that_is_not_the_columns_sums_keeps_its_total_label():
    """A `Total` row whose amounts are not the sums of the columns above them is left to the usual rules."""
    from ocr_tasks.extraction.amount_fields import _SUM_LABEL, _row_amounts
    from ocr_tasks.extraction.items_sum_row import items_sum_row
    from ocr_tasks.extraction.rows import document_rows
    from tests.ocr_tasks.extraction.synthetic import SyntheticInvoice

    rows = [*_RO_TABLE, [("Total", 1300), ("6.800,00", 1620), ("1.407,00", 2050)]]
    document = SyntheticInvoice(
        rows=rows, truth={}, items=[], lang="ro", row_y=[150 + 70 * i for i in range(len(rows))]
    ).to_document()
    found = document_rows(document)
    per_row = [(row, _row_amounts(row, None)) for row in found]
    assert items_sum_row(found, per_row, _SUM_LABEL) is None
    rows[-1] = [("Total", 1300), ("6.700,00", 1620), ("1.407,00", 2050)]
    document = SyntheticInvoice(
        rows=rows, truth={}, items=[], lang="ro", row_y=[150 + 70 * i for i in range(len(rows))]
    ).to_document()
    found = document_rows(document)
    per_row = [(row, _row_amounts(row, None)) for row in found]
    assert items_sum_row(found, per_row, _SUM_LABEL) == (len(found) - 1, {0: "subtotal", 1: "tax_amount"})


# Rules the guards asked for (the other held-out sets read as before; each fails without it)


@pytest.mark.parametrize(
    ("name", "repaired"),
    [
        ("Quaderno rilegato a mano A5", "Quaderno rilegato a mano A5"),  # a paper size, no `a.s.`
        ("Stavby Horák a.5.", "Stavby Horák a.s."),  # the Czech form with its points
        ("Colombo S.r.1.", "Colombo S.r.l."),
        ("Acme 1TD", "Acme LTD"),
    ],
)
def test_a_legal_form_printed_with_points_is_repaired_only_in_a_word_with_points(name, repaired):
    from ocr_tasks.extraction.keywords import repair_legal_form

    assert repair_legal_form(name) == repaired


def test_an_item_named_a_report_is_no_sum_carried_forward():
    """`Market analysis report` in an item's description: the Romanian `report` (a sum carried forward)
    is listed only as it labels a sum (`de reportat`, `reportat`), so the English word stays an item's."""
    rows = [
        [("Harbour & Finch Consulting Ltd", 150), ("TAX INVOICE", 1500)],
        [("Description", 150), ("Qty", 1300), ("Unit price", 1500), ("Net", 1900)],
        [("Strategy workshop (day)", 150), ("1", 1300), ("950.00", 1500), ("950.00", 1900)],
        [("Market analysis report", 150), ("1", 1300), ("2,400.00", 1500), ("2,400.00", 1900)],
        [("Subtotal", 1500), ("3,350.00", 1900)],
    ]
    assert [item.cells["amount"].value for item in _extract(rows).line_items] == ["950.00", "2400.00"]


# Rules batch 2's first run asked for (each fails without it)


def test_the_czech_number_marker_labels_the_number_under_the_title():
    """`Faktura - daňový doklad` over `č. 2026-00871`: `č.` (číslo) is a bare number marker, as `No.` is;
    `č. ú. 28004561/2010` (číslo účtu, an account) is no document number."""
    rows = [
        [("ZahradaPlus s.r.o.", 150), ("Faktura - daňový doklad", 1500)],
        [("Průmyslová 1472/12", 150), ("č. 2026-00871", 1800)],
        [("779 00 Olomouc", 150), ("č. ú. 28004561/2010", 1500)],
        [("Celkem k úhradě", 1500), ("9 249,66 Kč", 1950)],
    ]
    assert _extract(rows, "cs").get("invoice_number") == "2026-00871"


@pytest.mark.parametrize("title", ["Faktúra č. 20260458", "Faktura €. 20260458", "Faktura ¢. 20260458"])
def test_a_title_and_its_number_marker_as_ocr_reads_it_label_the_number(title):
    from ocr_tasks.extraction.identifier_fields import TITLE_BEFORE_NUMBER

    assert TITLE_BEFORE_NUMBER.match(title) is not None


def test_the_date_of_the_corrected_invoice_is_no_credit_notes_date():
    """`Opravný doklad k faktúre č. 2026/0901 zo dňa 14.11.2026`: `zo dňa` / `ze dne` (of the day) date
    whatever document the row names (here the corrected invoice), so they label no invoice date; the
    credit note's own is `Dátum vyhotovenia` (dobropis_sk's text-layer field test reads 2026-12-02)."""
    from ocr_tasks.extraction.keywords import has_label

    assert has_label("Dátum vyhotovenia:", "invoice_date") >= 1.0
    assert has_label("k faktúre č. 2026/0901 zo dňa", "invoice_date") == 0.0
    assert has_label("k faktuře č. 2026/0388 ze dne", "invoice_date") == 0.0


def test_a_number_in_a_romanian_street_address_is_no_document_number():
    """`Șos. Giurgiului nr. 131, 040656 București`: `nr.` in an address (`Șos.`, șoseaua) numbers a house."""
    from ocr_tasks.extraction.identifier_rules import in_address

    text = "Șos. Giurgiului nr. 131, 040656 București"
    assert in_address(text, text.index("nr."), len(text) - 10)


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("Auto Kova€ s.r.o.", "Auto Kováč s.r.o."),  # `č` read as `€` by `eng`
        ("Kavarna Sluneénice s.r.o.", "Kavárna Slunečnice s.r.o."),
        ("Tisza K6nyv Bt.", "Tisza Könyv Bt."),  # `ö` read as `6`
        ("Agro Sud Distribuţie S.R.L.", "Agro Sud Distribuție S.R.L."),  # the comma below as a cedilla
    ],
)
def test_czech_hungarian_and_romanian_letters_read_again_in_the_documents_language(first, again):
    from ocr_tasks.extraction.name_accents import accents_restored

    assert accents_restored(first, again) == again
