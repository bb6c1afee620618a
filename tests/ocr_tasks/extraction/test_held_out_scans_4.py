"""Round 4 of the held-out scan check (`held_out_scans_4.py`): nine invoices and receipts drawn for capture
forms rounds 1-3 lack, read from the drawn PDF's own text layer through the product's ingest, and five of
them in their capture form (a phone photo, a till roll photographed on a dark table, a colour scan with a
red stamp over the totals, a page scanned upside down, a landscape page) by the product's default OCR path
with real Tesseract. Each test asserts what a reader of the page writes down. The whole set, four readings
each, is `bench/held_out_scans.py --rounds 4`."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction import ExtractionOptions
from tests.ocr_tasks.extraction.held_out_scans_4 import CASES
from tests.ocr_tasks.extraction.rendered_pages import held_out_cases, read_invoice

CAPTURED = ("photo_de", "till_roll_es", "stamp_at", "upside_down_gb", "landscape_ch")
SEED = 7  # any seed: the forms are drawn at random within their bounds (tilt, light, shadow side)


def _read(tmp_path_factory, names, *, captured: bool):
    cases = held_out_cases()
    workdir = tmp_path_factory.mktemp("held-out-4")
    out = {}
    for name in names:
        case = cases[f"4:{name}"]
        pdf = case.render()
        if captured:
            path = case.capture(pdf, workdir / name, SEED)
        else:
            path = workdir / f"{name}.pdf"
            path.write_bytes(pdf)
        invoice, _ = read_invoice(path, ExtractionOptions(today=case.today))
        out[name] = (case, {f: v.value for f, v in invoice.fields.items()}, len(invoice.line_items))
    return out


@pytest.fixture(scope="module")
def text_layer(tmp_path_factory):
    return _read(tmp_path_factory, sorted(CASES), captured=False)


@pytest.fixture(scope="module")
def captured(tmp_path_factory):
    return _read(tmp_path_factory, CAPTURED, captured=True)


def _params(names):
    for name in names:
        for field in CASES[name][1]:
            yield pytest.param(name, field, id=f"{name}-{field}")


@pytest.mark.parametrize(("name", "field"), list(_params(sorted(CASES))))
def test_field_read_from_the_drawn_text_layer(text_layer, name, field):
    case, values, _ = text_layer[name]
    assert case.matches(field, values.get(field), case.expected[field]), (
        f"{name}.{field}: {values.get(field)!r}"
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_items_counted_from_the_drawn_text_layer(text_layer, name):
    case, _, items = text_layer[name]
    assert items == case.items


@pytest.mark.parametrize(("name", "field"), list(_params(CAPTURED)))
def test_field_read_from_the_captured_page(captured, name, field):
    case, values, _ = captured[name]
    assert case.matches(field, values.get(field), case.expected[field]), (
        f"{name} ({case.form}).{field}: {values.get(field)!r}"
    )


@pytest.mark.parametrize("name", CAPTURED)
def test_items_counted_on_the_captured_page(captured, name):
    case, _, items = captured[name]
    assert items == case.items
