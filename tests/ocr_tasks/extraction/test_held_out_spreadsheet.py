"""Held-out invoices made in spreadsheets (issue 13, round 8a): invoices as small businesses keep them in
Excel or LibreOffice Calc templates, written as `.xlsx` workbooks by `bench/print_spreadsheet_invoices.py`
(openpyxl) and printed to PDF by headless LibreOffice Calc, which recalculates the formulas. A cell grid:
merged title and party cells, the seller's block top left or top right, `Bill to` / `Rechnungsempfänger` /
`Client` / `Factuur aan` / `Cliente` / `Destinatario` blocks, label and value cells far apart on a row, items
tables with cell borders, numbers in number formats (`1.234,50 €`, `£1,234.50`, `€ 1.234,50`, the
accounting format with the currency symbol at the cell's left edge and the number at its right, negatives in
parentheses, zero as a dash), VAT rates in percent cells and columns, totals with their labels one or two
cells to the left, notes rows, company data and bank details in footer rows; portrait and landscape, some
fitted to the page width (small print), some with printed gridlines. en (GB, US, IE), de (DE, AT), fr (FR,
BE), nl (NL, BE), es, it; a credit note, a deposit, a discount, two VAT rates, a retención IRPF. VAT ids and
IBANs carry valid check digits. The PDFs are committed in `spreadsheet_invoices/` with `expectations.json`,
written from the printed pages and committed before the product read them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from schwifty import IBAN
from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat
from stdnum.us import ein as us_ein

from tests.ocr_tasks.extraction.pdf_folders import FolderReadings, pdf_cases

FOLDER = Path(__file__).with_name("spreadsheet_invoices")
CASES = pdf_cases(FOLDER)
RASTERISED = (
    "rechnung_de_elektro",
    "invoice_ie_facilities",
    "factuur_nl_schilder",
)  # ~6-15 s of Tesseract each

# (case, field, why the text-layer reading still misses it)
_MISSES: list[tuple[str, str, str]] = []
READINGS = FolderReadings(CASES, _MISSES)


@pytest.mark.parametrize(("case", "name"), READINGS.params(fields=True))
def test_field_from_the_text_layer(case, name, tmp_path_factory):
    READINGS.assert_field(case, name, tmp_path_factory)


@pytest.mark.parametrize(("case", "name"), READINGS.params(fields=False))
def test_line_items_from_the_text_layer(case, name, tmp_path_factory):
    READINGS.assert_items(case, tmp_path_factory)


@pytest.mark.parametrize("case", RASTERISED)
def test_fields_of_the_page_rasterised_at_200_dpi(case, tmp_path_factory):
    """The same page without its text layer, read by Tesseract as a scan: every field and the items."""
    READINGS.assert_rasterised(case, tmp_path_factory)


def test_every_workbook_has_its_pdf_and_expectations():
    """Each invoice the script writes is printed, committed and described (one printed without its
    expectations would be measured by nothing), with its batch and how its sheet is printed."""
    source = (Path(__file__).parents[3] / "bench" / "print_spreadsheet_invoices.py").read_text(
        encoding="utf-8"
    )
    assert all(f"def {name}() -> Workbook:" in source for name in CASES)
    assert {p.stem for p in FOLDER.glob("*.pdf")} == set(CASES)
    assert all(case.pdf.read_bytes().startswith(b"%PDF") for case in CASES.values())
    assert all(case.notes["batch"] in {1, 2} and case.notes["sheet"] for case in CASES.values())


def test_the_pages_identifiers_carry_valid_check_digits():
    """The ids printed on the pages are real-format ids (a miss is the extraction's, not the data's)."""
    for case in CASES.values():
        if case.expected.get("iban"):
            IBAN(case.expected["iban"])  # raises on a bad check digit
        vat = case.expected.get("vendor_tax_id")
        if vat is None:
            continue
        if re.fullmatch(r"\d{2}-\d{7}", vat):
            assert us_ein.is_valid(vat), (case.name, vat)
        elif vat.startswith("GB"):
            assert gb_vat.is_valid(vat), (case.name, vat)
        else:
            assert eu_vat.is_valid(vat) or eu_vat.is_valid("ES" + vat), (case.name, vat)  # a Spanish NIF bare


def test_the_expected_amounts_add_up():
    """The pages' arithmetic: subtotal + tax = total (less the Spanish retención IRPF of 15 % of the base),
    the items add up to the net (less the US member discount of 5 %), and the amount due is the total less
    the deposit paid."""
    withheld = {"factura_es_carpinteria": 0.15}
    discount = {"invoice_us_event_rentals": 0.05}
    paid = {"invoice_us_event_rentals": 1000.00, "rechnung_at_tischlerei": 2000.00}
    for case in CASES.values():
        expected = case.expected
        subtotal = expected["subtotal"]
        net = float(subtotal[0] if isinstance(subtotal, tuple) else subtotal)
        total = float(expected["total"])
        tax = float(expected["tax_amount"])
        assert net + tax - round(net * withheld.get(case.name, 0.0), 2) == pytest.approx(total), case.name
        items = sum(float(a) for a in case.items)
        assert round(items * (1 - discount.get(case.name, 0.0)), 2) == pytest.approx(net), case.name
        if "amount_due" in expected:
            assert total - paid[case.name] == pytest.approx(float(expected["amount_due"])), case.name
