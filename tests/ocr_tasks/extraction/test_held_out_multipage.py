"""Held-out long invoices (issue 13 item 4, round 9c): 3 to 15 pages whose item tables run over page breaks,
made by different producers (`bench/make_multipage_invoices.py`: WeasyPrint with a repeated `thead` under
paged-media margin boxes or template-laid pages with carried-forward rows, Chromium's header and footer
templates, reportlab platypus `LongTable(repeatRows=1)` and a table per page, LibreOffice Calc with print
titles and manual page breaks), in en, de, fr, nl, es and it, with their page headers (vendor, number,
page x of y), footers of company data on every page, delivery-note sub-totals, a VAT summary on its own page
and terms-and-conditions pages after the invoice. `multipage_invoices/expectations.json` holds what a reader
writes down, written and committed before the product read the pages; the history of the round (first run,
fixes, batch 2) is in `bench/README.md`.

Beyond the fields and the items' amounts in order (so their count and their sum), each page's own check:
how many items it prints (no carried-forward sum, repeated header, page header or footer row read as an
item, none lost at a page break) and no field found on a terms-and-conditions page."""

from __future__ import annotations

from pathlib import Path

import pytest
from schwifty import IBAN

from ocr_tasks.normalise.tax_ids import tax_id_valid
from tests.ocr_tasks.extraction.pdf_folders import FolderReadings, pdf_cases

FOLDER = Path(__file__).with_name("multipage_invoices")
CASES = pdf_cases(FOLDER)
_COUNTRY = {"de": "DE", "en": "GB", "fr": "FR", "nl": "NL", "es": "ES", "it": "IT"}

# (case, field, why the text-layer reading still misses it)
_CITY = "batch 2: the recipient's postcode line's city (or the sender line) read as the customer's name"
_MISSES: list[tuple[str, str, str]] = [
    ("factura_mensual_es", "customer_name", _CITY),
    ("facture_travaux_fr", "customer_name", _CITY),
    ("gutschrift_de", "customer_name", _CITY),
    ("invoice_catalogue_en", "customer_name", _CITY),
    ("gutschrift_de", "invoice_number", "batch 2: GS-2025-00412 read as GS-2025"),
    (
        "facture_travaux_fr",
        "line_items",
        "batch 2: the first delivery note's sous-total after 2 items ends them",
    ),
]
# (case, why its items per page are not yet right): the same sous-total
_PAGE_MISSES = {"facture_travaux_fr": "batch 2: the first delivery note's sous-total after 2 items ends them"}
READINGS = FolderReadings(CASES, _MISSES)
# the documents also read as 200 dpi grey scans (no text layer) in the tests; bench/held_out_pdfs.py reads all
RASTERISED = ["factura_suministros_es"]
# read at 200 dpi for their items and per-page counts (their customer's name is a 200 dpi miss)
RASTERISED_ITEMS = ["fattura_ricambi_it"]


def _items_per_page(invoice, pages: int) -> list[int]:
    found = [0] * pages
    for item in invoice.line_items:
        found[item.cells["amount"].page] += 1
    return found


@pytest.mark.parametrize(("case", "name"), READINGS.params(fields=True))
def test_field_from_the_text_layer(case, name, tmp_path_factory):
    READINGS.assert_field(case, name, tmp_path_factory)


@pytest.mark.parametrize(("case", "name"), READINGS.params(fields=False))
def test_line_items_from_the_text_layer(case, name, tmp_path_factory):
    READINGS.assert_items(case, tmp_path_factory)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c, marks=[pytest.mark.xfail(strict=True, reason=_PAGE_MISSES[c])] if c in _PAGE_MISSES else []
        )
        for c in sorted(CASES)
    ],
)
def test_each_page_prints_its_own_items_and_the_terms_no_field(case, tmp_path_factory):
    invoice = READINGS.read(case, "text layer", tmp_path_factory)
    notes = CASES[case].notes
    assert _items_per_page(invoice, notes["pages"]) == notes["items_per_page"]
    barred = {page - 1 for page in notes["no_fields_on"]}
    assert not {name for name, value in invoice.fields.items() if value.page in barred}


@pytest.mark.parametrize("case", RASTERISED)
def test_fields_of_the_pages_rasterised_at_200_dpi(case, tmp_path_factory):
    """The same pages without their text layer, read by Tesseract as a scan: every field and the items."""
    READINGS.assert_rasterised(case, tmp_path_factory)


@pytest.mark.parametrize("case", RASTERISED_ITEMS)
def test_items_of_the_pages_rasterised_at_200_dpi(case, tmp_path_factory):
    """`A riportare` / `Riporto` garbled by OCR and an amount split before its comma (`2.771` `,28`): every
    item, none from the carried sums, on its own page."""
    invoice = READINGS.read(case, "200 dpi", tmp_path_factory)
    amounts = [item.cells["amount"].value for item in invoice.line_items if "amount" in item.cells]
    assert CASES[case].item_amounts_right(amounts)
    assert _items_per_page(invoice, CASES[case].notes["pages"]) == CASES[case].notes["items_per_page"]


def test_every_case_has_its_pdf_valid_identifiers_and_items_that_add_up():
    assert {p.stem for p in FOLDER.glob("*.pdf")} == set(CASES)
    for case in CASES.values():
        expected = case.expected
        vat = expected["vendor_tax_id"]
        assert tax_id_valid(vat, vat[:2] if vat[:2].isalpha() else _COUNTRY[case.notes["language"]])
        IBAN(expected["iban"])  # raises on a wrong check digit
        net = sum(float(a) for a in case.items)
        assert abs(net - float(expected["subtotal"])) < 0.005
        assert sum(case.notes["items_per_page"]) == len(case.items)
        assert 3 <= case.notes["pages"] <= 15


# --- the rules the round's misses called for (each test fails without its rule) ------------------------

_INVOICE_PAGE = [
    [("Pennine Office Supplies Ltd", 0.08)],
    [("INVOICE", 0.6)],
    [("Invoice No.", 0.6), ("INV-1182", 0.75)],
    [("Description", 0.08), ("Qty", 0.5), ("Unit Price", 0.6), ("Amount", 0.8)],
    [("Copy paper A4", 0.08), ("2", 0.5), ("10.00", 0.6), ("20.00", 0.8)],
    [("Toner cartridge", 0.08), ("1", 0.5), ("30.00", 0.6), ("30.00", 0.8)],
    [("Subtotal", 0.6), ("50.00", 0.8)],
    [("VAT 20%", 0.6), ("10.00", 0.8)],
    [("Total GBP", 0.6), ("60.00", 0.8)],
]


def _terms_page(title: str) -> list:
    return [
        [("Pennine Office Supplies Ltd · Invoice INV-1182", 0.08), ("Page 2 of 2", 0.8)],
        [(title, 0.08)],
        [("1. These terms apply from 1 January 2024 and replace the version of 12 May 2021.", 0.08)],
        [("2. Late payment: interest of 8% and a fixed sum of £40.00 per invoice.", 0.08)],
    ]


def test_a_terms_page_after_the_invoice_gives_no_field():
    """The clauses' date and amounts are no invoice date or total (`invoice_wholesale_en`: the terms'
    `version of 12 May 2021` was read as the invoice date)."""
    from ocr_tasks.extraction import ExtractionOptions, extract_invoice
    from tests.ocr_tasks.extraction.layout_pages import text_layer_pages

    document = text_layer_pages([_INVOICE_PAGE, _terms_page("Terms and Conditions of Sale")])
    invoice = extract_invoice(
        document, options=ExtractionOptions(today=__import__("datetime").date(2025, 12, 1))
    )
    assert "invoice_date" not in invoice.fields
    assert invoice.fields["total"].value == "60.00"
    assert {field.page for field in invoice.fields.values()} == {0}


@pytest.mark.parametrize(
    "title",
    [
        "Terms and Conditions of Sale",
        "Allgemeine Geschäftsbedingungen",
        "Conditions générales de vente",
        "Algemene leveringsvoorwaarden",
        "Condiciones generales de venta",
        "Condizioni generali di vendita",
        "1. AGB",
    ],
)
def test_a_terms_title_at_a_later_pages_top_makes_it_a_terms_page(title):
    from ocr_tasks.extraction.rows import document_rows
    from ocr_tasks.extraction.terms_pages import terms_pages
    from tests.ocr_tasks.extraction.layout_pages import text_layer_pages

    rows = document_rows(text_layer_pages([_INVOICE_PAGE, _terms_page(title), _terms_page("")]))
    assert terms_pages(rows) == {1, 2}  # the page after it continues the terms


def test_a_mention_of_the_terms_the_first_page_and_a_table_after_them_stay():
    from ocr_tasks.extraction.rows import document_rows
    from ocr_tasks.extraction.terms_pages import terms_pages
    from tests.ocr_tasks.extraction.layout_pages import text_layer_pages

    mention = [[("Our terms and conditions apply: payment within 30 days of 01/10/2025.", 0.08)]]
    first = [[("Terms and Conditions", 0.08)], *_INVOICE_PAGE]
    pages = [first, mention + _INVOICE_PAGE[3:], _terms_page("Terms and Conditions"), _INVOICE_PAGE[3:]]
    assert terms_pages(document_rows(text_layer_pages(pages))) == {2}


def _wrapped_meta_page(label_below: str) -> list:
    return [
        [("Pennine Office Supplies Ltd", 0.08)],
        [("INVOICE", 0.6)],
        [("Invoice No.", 0.6), ("INV-1182", 0.75)],
        [("Invoice", 0.6), ("30 September 2025", 0.72)],
        [(label_below, 0.6)],
        [("Description", 0.08), ("Qty", 0.5), ("Unit Price", 0.6), ("Amount", 0.8)],
        [("Price list of 12 May 2021", 0.08), ("2", 0.5), ("10.00", 0.6), ("20.00", 0.8)],
        [("Total GBP", 0.6), ("20.00", 0.8)],
    ]


def test_a_date_label_wrapped_in_its_cell_labels_the_date_beside_its_first_line():
    """`Invoice` / `Date` in a narrow cell, the date beside `Invoice` (`invoice_wholesale_en`'s page 1)."""
    from ocr_tasks.extraction.date_fields import date_candidates
    from ocr_tasks.extraction.rows import document_rows
    from tests.ocr_tasks.extraction.layout_pages import text_layer_page

    def label(below: str) -> float:
        rows = document_rows(text_layer_page(_wrapped_meta_page(below)))
        found = date_candidates(rows, day_first=True)
        return next(c for c in found if c.field == "invoice_date" and c.value == "2025-09-30").features[
            "label_left"
        ]

    assert label("Date") >= 1.0
    assert label("Reference") == 0.0  # another cell's word under it makes no date label


def test_an_amount_split_before_its_decimal_comma_is_joined_again():
    """At 200 dpi Tesseract reads `2.771,28` as `2.771` and `,28` a space apart (`fattura_ricambi_it`'s
    item 51, so the items' sum no longer matched the carried-forward rows, read as two items)."""
    from ocr_tasks.extraction.rows import document_rows
    from ocr_tasks.extraction.split_decimals import decimals_rejoined
    from ocr_tasks.geometry import BBox
    from ocr_tasks.ocr_types import Block, Line, OcrDocument, OcrPage, SourceDocument, Word

    def page(words: list[tuple[str, float, float]], source: str = "ocr") -> OcrPage:
        line = Line.of([Word(text, BBox(x0, 0.1, x1, 0.108), 0.9) for text, x0, x1 in words])
        return OcrPage(index=0, width=1654, height=2339, dpi=200, blocks=(Block.of([line]),), source=source)

    split = [("51", 0.09, 0.10), ("Batteria", 0.2, 0.26), ("2.771", 0.80, 0.831), (",28", 0.835, 0.85)]
    far = [("Art.", 0.09, 0.12), ("12", 0.2, 0.215), (",50", 0.4, 0.42)]  # far apart: two numbers
    document = OcrDocument(SourceDocument("it", "memory://it", "image/png", "0" * 64), (page(split),))
    assert document_rows(document)[0].text.endswith("2.771,28")
    document = OcrDocument(SourceDocument("it", "memory://it", "image/png", "0" * 64), (page(far),))
    assert document_rows(document)[0].text.endswith("12  ,50")
    assert decimals_rejoined(page(split, "text_layer")).lines[0].words[2].text == "2.771"  # exact: left alone


def test_a_sum_carried_over_a_page_break_is_no_item_whatever_its_label_reads():
    """`A riportare` / `Riporto` in a narrow cell read `Ati` `port` `are` and `Rip` `orto` at 200 dpi, and an
    item's amount misread (so the items no longer add up to the carried sum): the pair of rows that print
    the same sum at one page's foot and under the next page's header are no items."""
    from ocr_tasks.extraction.line_items import extract_line_items
    from ocr_tasks.extraction.rows import document_rows
    from tests.ocr_tasks.extraction.layout_pages import text_layer_pages

    head = [("Riga", 0.08), ("Descrizione", 0.2), ("Q.tà", 0.5), ("Prezzo unitario", 0.6), ("Importo", 0.82)]
    first = [
        head,
        [("1", 0.08), ("Filtro olio", 0.2), ("2", 0.5), ("10,00", 0.62), ("20,00", 0.84)],
        [("2", 0.08), ("Candela", 0.2), ("3", 0.5), ("10,00", 0.62), ("38,00", 0.84)],  # 30,00 misread
        [("Ati", 0.08), ("50,00", 0.84)],
        [("port", 0.08)],
        [("are", 0.08)],
    ]
    second = [
        [("Ricambi Auto Emilia S.r.l. - Fattura 2025/1184", 0.08), ("Pagina 2 di 2", 0.8)],
        head,
        [("Rip", 0.08), ("50,00", 0.84)],
        [("orto", 0.08)],
        [("3", 0.08), ("Batteria", 0.2), ("1", 0.5), ("70,00", 0.62), ("70,00", 0.84)],
        [("Totale imponibile", 0.6), ("120,00", 0.84)],
    ]
    rows = document_rows(text_layer_pages([first, second]))
    amounts = [item.cells["amount"].value for item in extract_line_items(rows, decimal_separator=",")]
    assert amounts == ["20.00", "38.00", "70.00"]


def test_an_item_priced_as_much_as_the_next_pages_first_item_stays_an_item():
    """A monthly fee on the last row of a page and the first of the next: the same amount, but no sum."""
    from ocr_tasks.extraction.line_items import extract_line_items
    from ocr_tasks.extraction.rows import document_rows
    from tests.ocr_tasks.extraction.layout_pages import text_layer_pages

    head = [("Description", 0.08), ("Amount", 0.82)]
    first = [
        head,
        [("Hosting January", 0.08), ("100.00", 0.84)],
        [("Hosting February", 0.08), ("100.00", 0.84)],
    ]
    second = [head, [("Hosting March", 0.08), ("100.00", 0.84)], [("Total", 0.6), ("300.00", 0.84)]]
    rows = document_rows(text_layer_pages([first, second]))
    assert len(extract_line_items(rows)) == 3
