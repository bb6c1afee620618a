"""Round 4 of the held-out scan check (`held_out_scans_4.py`): nine invoices and receipts drawn for capture
forms rounds 1-3 lack, read from the drawn PDF's own text layer through the product's ingest, and five of
them in their capture form (a phone photo, a till roll photographed on a dark table, a colour scan with a
red stamp over the totals, a page scanned upside down, a landscape page) by the product's default OCR path
with real Tesseract. Each test asserts what a reader of the page writes down. The whole set, four readings
each, is `bench/held_out_scans.py --rounds 4`."""

from __future__ import annotations

import pytest

from tests.ocr_tasks.extraction.held_out_scan_readings import (
    CAPTURED,
    TEXT_LAYER,
    check_field,
    field_params,
    read_cases,
)
from tests.ocr_tasks.extraction.held_out_scans_4 import CASES

NAMES = sorted(CASES)
CAPTURED_PAGES = ("photo_de", "till_roll_es", "stamp_at", "upside_down_gb", "landscape_ch")
EXPECTED = {name: CASES[name][1] for name in NAMES}


@pytest.fixture(scope="module")
def text_layer(tmp_path_factory):
    return read_cases(tmp_path_factory.mktemp("held-out-4"), NAMES, TEXT_LAYER, round_key="4:")


@pytest.fixture(scope="module")
def captured(tmp_path_factory):
    return read_cases(tmp_path_factory.mktemp("held-out-4"), CAPTURED_PAGES, CAPTURED, round_key="4:")


@pytest.mark.parametrize(("name", "field"), list(field_params(EXPECTED, NAMES)))
def test_field_read_from_the_drawn_text_layer(text_layer, name, field):
    check_field(text_layer[name], name, field)


@pytest.mark.parametrize("name", NAMES)
def test_items_counted_from_the_drawn_text_layer(text_layer, name):
    case, _, items = text_layer[name]
    assert items == case.items


@pytest.mark.parametrize(("name", "field"), list(field_params(EXPECTED, CAPTURED_PAGES)))
def test_field_read_from_the_captured_page(captured, name, field):
    check_field(captured[name], name, field)


@pytest.mark.parametrize("name", CAPTURED_PAGES)
def test_items_counted_on_the_captured_page(captured, name):
    case, _, items = captured[name]
    assert items == case.items
