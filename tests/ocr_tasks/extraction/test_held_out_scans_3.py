"""Round 3 of the held-out scan check (`held_out_scans_3.py`): eight invoices drawn in styles rounds 1 and
2 lack (logo-only letterhead with the vendor in the footer, grey heading bands, billing | delivery
columns, 8 pt print, boxed totals, dotted leaders), read from the drawn PDF's own text layer through the
product's ingest, and two of them rasterised at 200 dpi and read by the product's default OCR path with
real Tesseract. Each test asserts what a reader of the page writes down. The whole set, three readings
each, is `bench/held_out_scans.py --cases 3:...`."""

from __future__ import annotations

import pytest

from tests.ocr_tasks.extraction.held_out_scan_readings import (
    AT_200_DPI,
    TEXT_LAYER,
    check_field,
    field_params,
    read_cases,
)
from tests.ocr_tasks.extraction.held_out_scans_3 import CASES

NAMES = sorted(CASES)
OCR_PAGES = ("logo_footer_de", "two_column_address_fr")  # a logo letterhead; a line psm 6 leaves out
EXPECTED = {name: CASES[name][1] for name in NAMES}


@pytest.fixture(scope="module")
def text_layer(tmp_path_factory):
    return read_cases(tmp_path_factory.mktemp("held-out-3"), NAMES, TEXT_LAYER, round_key="3:")


@pytest.fixture(scope="module")
def at_200_dpi(tmp_path_factory):
    return read_cases(tmp_path_factory.mktemp("held-out-3"), OCR_PAGES, AT_200_DPI, round_key="3:")


@pytest.mark.parametrize(("name", "field"), list(field_params(EXPECTED, NAMES)))
def test_field_read_from_the_drawn_text_layer(text_layer, name, field):
    check_field(text_layer[name], name, field)


@pytest.mark.parametrize("name", NAMES)
def test_items_counted_from_the_drawn_text_layer(text_layer, name):
    case, _, items = text_layer[name]
    assert items == case.items


@pytest.mark.parametrize(("name", "field"), list(field_params(EXPECTED, OCR_PAGES)))
def test_field_read_from_the_200_dpi_page(at_200_dpi, name, field):
    check_field(at_200_dpi[name], name, field)
