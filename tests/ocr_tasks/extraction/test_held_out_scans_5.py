"""Round 5 of the held-out scan check (`held_out_scans_5.py`): three invoices captured as keystoned phone
photos, read from the drawn PDF's own text layer through the product's ingest, and two of them as the
photo (`capture_forms.keystoned_photo`, seed `CAPTURE_SEED`) by the product's default OCR path with real
Tesseract. Each test asserts what a reader of the page writes down; strict xfails name what is still
misread. At this seed the pages' bottom-left corners touch the frame, so no page is warped flat
(`engines.perspective` trusts no corner at the edge); the whole set at the bench's seeds, where two of
three are warped, is `bench/held_out_scans.py --rounds 5`."""

from __future__ import annotations

import pytest

from tests.ocr_tasks.extraction.held_out_scan_readings import (
    CAPTURED,
    TEXT_LAYER,
    check_field,
    field_params,
    read_cases,
)
from tests.ocr_tasks.extraction.held_out_scans_5 import CASES

NAMES = sorted(CASES)
CAPTURED_PAGES = ("keystone_fr", "keystone_nl")
EXPECTED = {name: CASES[name][1] for name in NAMES}
CAPTURED_MISSES = {
    ("keystone_fr", "customer_name"): "a stray mark read as `q` after the name on the photo's dark edge",
    ("keystone_nl", "customer_name"): "the recipient block under `Factuur aan` is not taken as the customer",
}


@pytest.fixture(scope="module")
def text_layer(tmp_path_factory):
    return read_cases(tmp_path_factory.mktemp("held-out-5"), NAMES, TEXT_LAYER, round_key="5:")


@pytest.fixture(scope="module")
def captured(tmp_path_factory):
    return read_cases(tmp_path_factory.mktemp("held-out-5"), CAPTURED_PAGES, CAPTURED, round_key="5:")


@pytest.mark.parametrize(("name", "field"), list(field_params(EXPECTED, NAMES)))
def test_field_read_from_the_drawn_text_layer(text_layer, name, field):
    check_field(text_layer[name], name, field)


@pytest.mark.parametrize("name", NAMES)
def test_items_counted_from_the_drawn_text_layer(text_layer, name):
    case, _, items = text_layer[name]
    assert items == case.items


@pytest.mark.parametrize(("name", "field"), list(field_params(EXPECTED, CAPTURED_PAGES, CAPTURED_MISSES)))
def test_field_read_from_the_keystoned_photo(captured, name, field):
    check_field(captured[name], name, field)


@pytest.mark.parametrize("name", CAPTURED_PAGES)
def test_items_counted_on_the_keystoned_photo(captured, name):
    case, _, items = captured[name]
    assert items == case.items
