"""Held-out invoices from a producer the product had never read (issue 13, round 5b): 16 invoices typeset
with LaTeX (`latex_invoices/*.tex`, the PDFs committed beside them, typeset by
`bench/print_latex_invoices.sh`; the tests read the committed PDFs, TeX is no dependency) as freelancers,
consultants, lawyers and small firms in DE/AT/CH/FR/IT/ES/NL/GB/IE/US write them: KOMA-Script `scrlttr2`
letters (DIN 5008 address window, the back address over it, the reference line `Ihr Zeichen | Kundennummer
| Rechnungsnummer | Datum` printed as labels above values, the company data in the first foot; the Swiss
letter option with a QR-bill payment part), `tabularx` / `longtable` item tables (42 positions over two
pages, the head repeated), `siunitx` numbers (`1 520,00` with a thin space), babel typography (French
spaces before `:`, German quotes), ligatures, hyphenation at line ends, the CTAN `invoice` package; pdfTeX
(no space glyphs: PDFium guesses every space), XeTeX and LuaTeX (fontspec, OpenType fonts). Credit notes
(`Gutschrift`, `Stornorechnung`) with negative amounts, a Kleinunternehmerin (§ 19 UStG, no VAT), reverse
charge, IRPF withholding, Inarcassa and ritenuta, débours, CHF, GBP, USD. VAT ids and IBANs carry valid
check digits. The expectations (`latex_invoices/expectations.json`) were written and committed before the
product was run on the PDFs, in two batches of eight (8c878cf, 505d724; the second written after the first
batch's run, so its first run measures the fixes).

First run, batch 1 (8 invoices, 107 checks; `bench/held_out_pdfs.py`-style count, `/tmp` script): text layer
7 wrong (macro 0.938), 200 dpi 6 wrong (macro 0.946). Causes:
- pdfTeX's hyphenation: PDFium reports the hyphen that ends a line as U+0002, which `ingest/text_layer.py`
  read as a line break: `Warenwirt-` / `schaft` came out as `Warenwirt` / `schaft`, `an-` / `teilig` as `an`
  `teilig`. No field missed by it here, but no word broken at a line end read as printed: fixed (the glyph
  is read as the hyphen it is).
- a hyphen ending a word beside a number (`Veranstaltungstechnik, an-  1  −120,00 €`, the quantity of an item
  whose description is hyphenated) read as a minus: `-1` (`normalise.amounts.find_amounts`, once the hyphen
  was read): a sign glued to a letter before it is a hyphen.
- the document type of a `Gutschrift` (1, and its three amounts kept negative): the subject line `Gutschrift
  zur Rechnung RE-2025-0388 vom 22.09.2025` was taken for a row that prints a price (`2.09` of the date):
  fixed in `document_type._PRICE` (a date's day and month are no price).
- a `Gutschrift`'s date: the date of the invoice it corrects in the subject line (`... zur Rechnung
  RE-2025-0388 vom 22.09.2025`) and of the return in the reference line (`Retoure vom 02.10.2025`, under `Ihr
  Zeichen`) beat `Datum` over 09.10.2025: a date right after an invoice reference (the lexicons'
  `invoice_reference` and the invoice's number) is no invoice date (`date_fields._referenced_invoice_date`);
  `<noun> vom` labels that noun's date unless the noun is the document's own (`keywords.has_negative`).
- the Austrian consultant's name (`Mag. Dr. Eva Lindner`, no legal form) lost to the footer row `UID-Nr.:
  ATU67318299 · Erste Bank der oesterreichischen Sparkassen AG` (1): right since f882fab (another helper's
  rules for the office round); at 200 dpi the window's `Hofmühle` read `Hofmiihle` until the engine changes
  of 8e5504a (another helper's).
- one expectation was wrong, not the reading: the Kleinunternehmerin's `Steuernummer: 41/123/04567` is the
  vendor's tax id as the project defines the field (round 2 expects a Steuernummer there too); the
  expectation said null and was corrected after the first run (the only expectation changed).

First run, batch 2 (8 invoices written after that run, 109 checks, read with the fixes above): text layer 12
wrong (macro 0.888), 200 dpi 13 wrong. Fixed since (general rules; tests here and the rule tests below):
- the Swiss thousands apostrophe as TeX prints it (`3’437.58`, U+2019) was no separator: `2’400.00` read
  400.00, the total 437.58 (4 checks): `normalise.amounts.find_amounts` reads it as `'`.
- an IBAN broken across two lines of a paragraph (`... op rekening NL82 RABO` / `0314 9285 76 t.n.v.`, `IBAN
  IE85 BOFI 9000 1754 1239` / `87, BIC ...`; TeX justifies and breaks lines anywhere) was not read (2):
  `tax_id_fields._wrapped_iban` joins the groups when the joined IBAN passes its check.
- a Stornorechnung's date (1): the cancelled invoice's date in the letter's sentence (`stornieren wir die
  Rechnung R-2025-0233 vom 15.10.2025`, the subject names it `zur Rechnung R-2025-0233`) beat `Datum` over
  24.10.2025: a date right after the number of an invoice the page refers to is that invoice's too.
- `Débours non soumis à TVA ... 78,38 €` (a lawyer's disbursements outside the VAT) read as the tax (1): a
  row whose label says its amount lies outside the tax (the lexicons' `tax_exempt`, anywhere before the
  amount, beyond the 5-word label) prints no tax (`amount_fields`).
- a letter's recipient block headed by a department (`Accounts Department` over `Lir Maritime Services Ltd`)
  with an Irish Eircode (`Co. Cork P43 C953`) was no address block (1): the Eircode is a postcode line
  (`address_blocks`), an attention line (`Accounts Department`, the lexicons' `attention`) names no party.
- a logo's word mark left of a freelancer's trade name (`dijkhuis      Dijkhuis Webontwikkeling`) joined the
  name (1): `party_fields._brand_beside_name` takes a name that starts with the mark's words also without a
  legal form.
The rest are listed in `_MISSES` below with their causes, as strict xfails while they fail. At the end of
the session (`bench/held_out_pdfs.py --folder tests/ocr_tasks/extraction/latex_invoices`): text layer 4 of 216
checks wrong (macro 0.982), 200 dpi 11 (0.951), before the débours and the Eircode fixes; after them the text
layer 2 of 216 (0.991); tables in bench/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from schwifty import IBAN
from stdnum.ch import vat as ch_vat
from stdnum.es import nif as es_nif
from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat

from ocr_tasks.extraction import ExtractionOptions
from tests.ocr_tasks.extraction.pdf_folders import matches, pdf_cases
from tests.ocr_tasks.extraction.rendered_pages import rasterise, read_invoice

FOLDER = Path(__file__).with_name("latex_invoices")
CASES = pdf_cases(FOLDER)  # the day they are read on: `_today` of expectations.json, 2025-12-01
OPTIONS = ExtractionOptions(today=next(iter(CASES.values())).today)
RASTERISED = ("scrlttr2_rechnung_de", "facture_fr", "invoice_uk")  # ~3-5 s of Tesseract each
# (case, why the 200 dpi reading still misses a field of it)
_RASTER_MISSES: dict[str, str] = {}


# (case, field, why the text-layer reading still misses it)
_MISSES: list[tuple[str, str, str]] = [
    (
        "note_honoraires_fr",
        "vendor_name",
        "the lawyer's name over her profession (`Maître Hélène Garnier` / `Avocat au Barreau de Bordeaux`) "
        "taken as a two-row name",
    ),
    (
        "note_honoraires_fr",
        "subtotal",
        "`Total honoraires HT 1 920,00 €` under the items is not taken; the first item's 1 320,00 is",
    ),
]
XFAIL = {(case, field): reason for case, field, reason in _MISSES}

_READ: dict[tuple[str, str], object] = {}


def _read(case: str, reading: str = "text layer", tmp: Path | None = None):
    key = (case, reading)
    if key not in _READ:
        path = CASES[case].pdf
        if reading == "200 dpi":
            path = rasterise(path.read_bytes(), tmp / f"{case}-200.png")
        _READ[key] = read_invoice(path, OPTIONS)[0]
    return _READ[key]


def _params(fields: bool):
    for case in sorted(CASES):
        names = list(CASES[case].expected) if fields else ["line_items"]
        for name in names:
            reason = XFAIL.get((case, name))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(case, name, id=f"{case}-{name}", marks=marks)


@pytest.mark.parametrize(("case", "name"), list(_params(fields=True)))
def test_field_from_the_text_layer(case, name):
    invoice = _read(case)
    field = invoice.fields.get(name)
    got = None if field is None else field.value
    expected = CASES[case].expected[name]
    assert matches(name, got, expected), f"{case}.{name}: got {got!r}, expected {expected!r}"


@pytest.mark.parametrize(("case", "name"), list(_params(fields=False)))
def test_line_items_from_the_text_layer(case, name):
    invoice = _read(case)
    amounts = [item.cells["amount"].value for item in invoice.line_items if "amount" in item.cells]
    assert CASES[case].item_amounts_right(amounts), (
        f"{case}: got {amounts}, expected {list(CASES[case].items)}"
    )


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, marks=[pytest.mark.xfail(strict=True, reason=_RASTER_MISSES[case])])
        if case in _RASTER_MISSES
        else case
        for case in RASTERISED
    ],
)
def test_fields_of_the_page_rasterised_at_200_dpi(case, tmp_path):
    """The same page without its text layer, read by Tesseract as a scan: every field and the items."""
    invoice = _read(case, "200 dpi", tmp_path)
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


def test_every_source_has_its_pdf_and_names_its_engine():
    """The committed PDFs are the sources' (one each) and each source names the engine that typesets it."""
    sources = sorted(p.stem for p in FOLDER.glob("*.tex"))
    assert sources == sorted(CASES)
    for case in CASES.values():
        first = (FOLDER / f"{case.name}.tex").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"%!TEX program = {case.notes['engine']}"
        assert case.pdf.read_bytes().startswith(b"%PDF")


def test_the_pages_identifiers_carry_valid_check_digits():
    """The ids printed on the pages are real-format ids (a miss is the extraction's, not the data's)."""
    for case in CASES.values():
        if case.expected.get("iban"):
            IBAN(case.expected["iban"])  # raises on a bad check digit
        vat = case.expected.get("vendor_tax_id")
        if not vat:
            continue
        valid = (
            eu_vat.is_valid(vat)
            or gb_vat.is_valid(vat)
            or ch_vat.is_valid(f"{vat} MWST")
            or es_nif.is_valid(vat)
            or vat.count("/") == 2  # a German Steuernummer (no check digit a library knows for every Land)
        )
        assert valid, (case.name, vat)


def test_the_expected_amounts_add_up():
    """The pages' arithmetic: subtotal + tax = total, but for what lies between them on the page (IRPF and
    ritenuta withheld, débours outside the VAT, the invoice package's expenses); the items add up to the
    net."""
    between = {"factura_irpf_es": -307.50, "note_honoraires_fr": 78.38, "invoice_pkg_ie": 46.80}
    for case in CASES.values():
        expected = case.expected
        subtotal = expected["subtotal"]
        subtotal = subtotal[0] if isinstance(subtotal, tuple) else subtotal
        tax = expected["tax_amount"]
        tax = "0.00" if tax is None or isinstance(tax, tuple) else tax
        gross = float(subtotal) + float(tax) + between.get(case.name, 0.0)
        assert gross == pytest.approx(float(expected["total"])), case.name
        items = sum(float(a) for a in case.items)
        net = float(expected["subtotal"][-1] if case.name == "fattura_it" else subtotal)
        assert items == pytest.approx(net + (46.80 if case.name == "invoice_pkg_ie" else 0.0)), case.name


def test_a_hyphen_that_ends_a_typeset_line_is_read(tmp_path):
    """pdfTeX hyphenates `Warenwirtschaft` at a line end; PDFium reports that hyphen as U+0002. The words
    read as printed: `Waren-` on one line, `wirtschaft` on the next (no hyphen lost, no words run on)."""
    from ocr_tasks.config import OcrConfig
    from ocr_tasks.ingest import ingest_path

    document = ingest_path(CASES["scrlttr2_rechnung_de"].pdf, config=OcrConfig(), workdir=tmp_path)
    lines = [[w.text for w in line.words] for line in document.pages[0].text_page.lines]
    ends = [line[-1] for line in lines]
    assert "Waren-" in ends and "(pau-" in ends
    assert any(line[0] == "wirtschaft" for line in lines)
    assert not any("\x02" in word for line in lines for word in line)


def test_a_hyphen_glued_to_a_word_is_no_minus():
    """A word broken at a line end beside an item's quantity (`an-  1  −120,00 €`): the quantity is 1."""
    from ocr_tasks.normalise.amounts import find_amounts

    found = find_amounts("2  Aufbauservice Veranstaltungstechnik, an-  1  −120,00 €", decimal_separator=",")
    assert [str(a.value) for a in found] == ["2", "1", "-120.00"]
    assert [str(a.value) for a in find_amounts("Rabatt -5,00 €  EUR -3,00")] == ["-5.00", "-3.00"]


def test_an_items_description_broken_by_hyphenation_reads_whole():
    """TeX hyphenates narrow description cells (`Implementierung der Schnittstellen zur Waren-` over
    `wirtschaft ...`, `Qualitätssi-` over `cherung`): the item's description joins the word again; a
    compound's own hyphen (`Code-Review`) stays. `Std.` and `Satz` head the hours and the rate."""
    items = _read("scrlttr2_rechnung_de").line_items
    descriptions = [item.cells["description"].value for item in items]
    assert descriptions[1].startswith("Implementierung der Schnittstellen zur Warenwirtschaft einschließlich")
    assert descriptions[2] == "Code-Review, Effizienzprüfung und Qualitätssicherung"
    assert descriptions[3] == "Bereitstellung der Testumgebung 09/2025 (pauschal)"
    assert [item.cells["quantity"].value for item in items] == ["16.00", "42.00", "8.00", "1.00"]
