"""Four of the hand-written held-out invoices (`test_held_out_invoices.py`) drawn as real A4 pages
(`rendered_pages.py`: reportlab, Helvetica), rasterised at 200 dpi grey without a text layer and read by the
product's default OCR path with real Tesseract (`eng`, psm 6, the second readings of the CLI). Each test
asserts what a reader of the page writes down; the fields that this OCR cannot read as printed are strict
xfails with the reason. The whole set, three readings each, is `bench/held_out_scans.py`."""

from __future__ import annotations

import pytest

from tests.ocr_tasks.extraction.held_out_scan_readings import (
    AT_200_DPI,
    check_field,
    field_params,
    read_cases,
)
from tests.ocr_tasks.extraction.rendered_pages import held_out_cases

# es_columns: `Nº` over its value, bold, read `Ne`; it_withholding: `Avv.` and `S.r.l.`; ch: an umlaut in
# the vendor's name (`eng` reads `a`, the name re-read with `deu`: `name_accents`); us: `$` amounts.
PAGES = ("ch", "es_columns", "it_withholding", "us")
OCR_LIMITS = {
    ("it_withholding", "vendor_name"): "`Avv.` (avvocato) read `Aw.`: `vv` and `w` are one shape at 200 dpi",
}
EXPECTED = {name: held_out_cases()[name].expected for name in PAGES}


@pytest.fixture(scope="module")
def read_pages(tmp_path_factory):
    return read_cases(tmp_path_factory.mktemp("held-out-200dpi"), PAGES, AT_200_DPI)


@pytest.mark.parametrize(("name", "field"), list(field_params(EXPECTED, PAGES, OCR_LIMITS)))
def test_field_read_from_the_200_dpi_page(read_pages, name, field):
    check_field(read_pages[name], name, field)


@pytest.mark.parametrize("name", PAGES)
def test_items_counted_on_the_200_dpi_page(read_pages, name):
    case, _, items = read_pages[name]
    assert items == case.items
