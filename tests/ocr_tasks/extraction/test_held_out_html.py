"""Held-out invoices from a producer the product had never been tested on (issue 13): 17 HTML invoices
(`html_invoices/*.html`) in the styles of the web services and shop systems that print most invoices a small
business receives (Stripe, Shopify, WooCommerce, Odoo, Invoice Ninja, Zoho, Chargebee, Wave, a marketplace,
Moneybird, a DIN 5008 web tool, a French SaaS, a Belgian accounting app, PrestaShop, Holded, a cloud host, a
Dutch web shop), in en/de/fr/nl/es/it, B2B and B2C, printed to PDF by headless Chromium (`html_pages.py`)
and read through the product's real path: ingest (the text layer through pypdfium2), then
`extract_with_page_images` with its defaults; three of them also rasterised at 200 dpi grey without the text
layer (Tesseract). CSS tables, flex and grid columns, an SVG or CSS logo, `Intl.NumberFormat` amounts
(`1 234,50 €` with U+202F and U+00A0), soft hyphens, letter-spaced titles, superscript cents, text drawn by
scripts and CSS generated content, print-hidden elements. VAT ids and IBANs carry valid check digits. The
expectations (`html_invoices/expectations.json`) were written and committed before the product was run on
the pages.

Measurement, the first run (after a fault of the harness itself was fixed: one browser page reused for every
invoice kept the previous page's script constants, so two pages printed without their amounts): text layer
16 of 230 checks wrong (macro 0.932 over 14 fields), 200 dpi 26 wrong (macro 0.890); `bench/held_out_html.py`.
Their causes, grouped:
- Chromium's text layer: letter-spaced text (`letter-spacing: 0.35em`, `R E C H N U N G`, `KA N TI N E`) came
  out in single letters, as PDFium generates a space between separately placed glyphs; superscript cents
  (`7,<sup>45</sup>`) as two words. Not a miss of a field here, but no label or title printed that way could
  be read: fixed in `ingest/text_layer.py` (a generated space splits a word only where the page shows a gap
  wider than the letters' own spacing); tested in `tests/ocr_tasks/test_text_layer_chromium.py`.
- Italian labels of web templates missing from the lexicon (5 checks): `Fatturare a` / `Spedire a` (Zoho),
  `Indirizzo di fatturazione` / `Indirizzo di consegna` (PrestaShop), `Totale parziale`, `Totale (IVA
  escl.)`, `IVA totale`: added to `lexicons/it.json` (the PrestaShop customer, subtotal and tax, the Zoho
  subtotal and customer now right).
- the document type (4 checks): an item row `Avoir commercial – geste ... -50,00 €` read as a credit-note
  title (an invoice typed credit note, its credit line's sign lost); `CREDIT NOTE` right of the letterhead on
  its row not read as the title (a Chargebee credit note typed invoice, its items negative): fixed in
  `document_type.py` (a row that prints a price is no title row; a credit-note title alone in a part after a
  column gap is the title).
- the Zoho fattura's title `FATTURA` alone on the top row taken as the vendor (1): a document title alone, in
  any lexicon language, is no vendor candidate (`party_fields._TITLE_ALONE`).
- a logo's word mark left of the company's legal name on one row joined into the vendor's name (2:
  `alpenstack  Alpenstack Cloud GmbH`, `Savonnerie des Calanques  Savonnerie des Calanques SARL`): the
  legal name is taken when it holds the mark (`party_fields._brand_beside_name`).
- a VAT-id label ending a footer row whose id starts the next row (`... · TVA intracommunautaire` over
  `FR03894821990 · IBAN ...`) was no label, and the SIREN of `RCS Marseille 894 821 990` won (1): a label
  that ends the row above labels an id that starts its row (`tax_id_fields._label_wrapped`).
- Wave's `Amount Due (USD)` (printed in the header and the foot) chosen as the total over `Total:`, its
  payment printed positive (1): a total-labelled amount less rows of one sign between it and the amount due
  (`amount_choice._total_before_payments` took negative rows only).
- extraction rules (2): listed in `_MISSES` below with their causes, as strict xfails while they fail.
After these fixes: text layer 2 of 230 wrong, 200 dpi 15 (the Wave fix checked on its own page); tables in
bench/README.md. The autónoma's name under `DATOS DEL EMISOR`, with `DATOS DEL CLIENTE` on the same row over
the other column, is read from the text layer since round 6d (WeasyPrint's print of the page missed it too):
a customer label heads a name only from its own column segment (`party_fields._customer_label_over`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from schwifty import IBAN
from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat

from ocr_tasks.extraction import ExtractionOptions
from tests.dashboard.browser import CHROMIUM
from tests.ocr_tasks.extraction.html_pages import TODAY, html_cases, matches, print_pdfs
from tests.ocr_tasks.extraction.rendered_pages import rasterise, read_invoice

CASES = html_cases()
OPTIONS = ExtractionOptions(today=TODAY)
# the pages are printed by headless Chromium (as the browser tests, skipped where it is not installed)
printed = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"headless Chromium not installed at {CHROMIUM}"
)
RASTERISED = ("stripe_saas_en", "shop_gross_de", "ninja_factura_es")  # ~6 s of Tesseract each

# (case, field, why the text-layer reading still misses it)
_MISSES: list[tuple[str, str, str]] = []
XFAIL = {(case, field): reason for case, field, reason in _MISSES}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """Every HTML invoice printed once by Chromium (~0.5 s a page)."""
    return print_pdfs(list(CASES.values()), tmp_path_factory.mktemp("html-pdfs"))


_READ: dict[tuple[str, str], object] = {}


def _read(pdfs, case: str, reading: str = "text layer"):
    key = (case, reading)
    if key not in _READ:
        path = pdfs[case]
        if reading == "200 dpi":
            path = rasterise(path.read_bytes(), path.with_name(path.stem + "-200.png"))
        _READ[key] = read_invoice(path, OPTIONS)[0]
    return _READ[key]


def _params(fields: bool, cases=CASES):
    for case in sorted(cases):
        names = list(CASES[case].expected) if fields else ["line_items"]
        for name in names:
            reason = XFAIL.get((case, name))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(case, name, id=f"{case}-{name}", marks=marks)


@pytest.mark.browser
@printed
@pytest.mark.parametrize(("case", "name"), list(_params(fields=True)))
def test_field_from_the_text_layer(pdfs, case, name):
    invoice = _read(pdfs, case)
    field = invoice.fields.get(name)
    got = None if field is None else field.value
    expected = CASES[case].expected[name]
    assert matches(name, got, expected), f"{case}.{name}: got {got!r}, expected {expected!r}"


@pytest.mark.browser
@printed
@pytest.mark.parametrize(("case", "name"), list(_params(fields=False)))
def test_line_items_from_the_text_layer(pdfs, case, name):
    invoice = _read(pdfs, case)
    amounts = [item.cells["amount"].value for item in invoice.line_items if "amount" in item.cells]
    assert CASES[case].item_amounts_right(amounts), (
        f"{case}: got {amounts}, expected {list(CASES[case].items)}"
    )


@pytest.mark.browser
@printed
@pytest.mark.parametrize("case", RASTERISED)
def test_fields_of_the_page_rasterised_at_200_dpi(pdfs, case):
    """The same page without its text layer, read by Tesseract as a scan: every field and the items."""
    invoice = _read(pdfs, case, "200 dpi")
    wrong = {}
    for name, expected in CASES[case].expected.items():
        field = invoice.fields.get(name)
        got = None if field is None else field.value
        if not matches(name, got, expected):
            wrong[name] = (got, expected)
    amounts = [item.cells["amount"].value for item in invoice.line_items if "amount" in item.cells]
    if not CASES[case].item_amounts_right(amounts):
        wrong["line_items"] = (amounts, CASES[case].items)
    assert not wrong


def test_the_pages_identifiers_carry_valid_check_digits():
    """The ids printed on the pages are real-format ids (a miss is the extraction's, not the data's)."""
    for case in CASES.values():
        if case.expected.get("iban"):
            IBAN(case.expected["iban"])  # raises on a bad check digit
        vat = case.expected.get("vendor_tax_id")
        if vat:
            valid = gb_vat.is_valid(vat) if vat.startswith("GB") else eu_vat.is_valid(vat)
            assert valid or eu_vat.is_valid("ES" + vat), (case.name, vat)  # a Spanish NIF printed bare


def test_the_expected_amounts_add_up():
    """The pages' arithmetic: subtotal + tax = total where no discount, shipping or withholding lies between
    them; the items add up to the net or the gross they are printed in."""
    for case in CASES.values():
        expected = case.expected
        if "subtotal" not in expected:
            continue
        subtotal = (
            expected["subtotal"][0] if isinstance(expected["subtotal"], tuple) else expected["subtotal"]
        )
        between = {
            "zoho_fattura_it": 29.00 - 104.25,
            "wave_letter_us": 38.00 - 55.50,
            "autonomo_irpf_es": -74.63,
        }
        assert float(subtotal) + float(expected["tax_amount"]) + between.get(case.name, 0.0) == pytest.approx(
            float(expected["total"])
        ), case.name
    items = {name: sum(float(a) for a in case.items) for name, case in CASES.items()}
    assert items["odoo_factuur_nl"] == pytest.approx(503.00)
    assert items["hosting_grid_en"] == pytest.approx(314.72)
    assert items["shop_gross_de"] - 17.70 + 5.90 == pytest.approx(165.20)  # gross prices, discount, shipping
    assert items["marketplace_de"] == pytest.approx(115.97)
