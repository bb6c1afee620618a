"""Round 3 of the held-out scan check (`held_out_scans_3.py`): eight invoices drawn in styles rounds 1 and
2 lack (logo-only letterhead with the vendor in the footer, grey heading bands, billing | delivery
columns, 8 pt print, boxed totals, dotted leaders), read from the drawn PDF's own text layer through the
product's ingest, and two of them rasterised at 200 dpi and read by the product's default OCR path with
real Tesseract. Each test asserts what a reader of the page writes down. The whole set, three readings
each, is `bench/held_out_scans.py --cases 3:...`."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction import ExtractionOptions
from tests.ocr_tasks.extraction.held_out_scans_3 import CASES
from tests.ocr_tasks.extraction.rendered_pages import held_out_cases, rasterise, read_invoice

OCR_PAGES = ("logo_footer_de", "two_column_address_fr")  # a logo letterhead; a line psm 6 leaves out


def _read(tmp_path_factory, names, *, dpi: int | None):
    cases = held_out_cases()
    workdir = tmp_path_factory.mktemp("held-out-3")
    out = {}
    for name in names:
        case = cases[f"3:{name}"]
        pdf = case.render()
        if dpi is None:
            path = workdir / f"{name}.pdf"
            path.write_bytes(pdf)
        else:
            path = rasterise(pdf, workdir / name, dpi=dpi)
        invoice, _ = read_invoice(path, ExtractionOptions(today=case.today))
        out[name] = (case, {f: v.value for f, v in invoice.fields.items()}, len(invoice.line_items))
    return out


@pytest.fixture(scope="module")
def text_layer(tmp_path_factory):
    return _read(tmp_path_factory, sorted(CASES), dpi=None)


@pytest.fixture(scope="module")
def at_200_dpi(tmp_path_factory):
    return _read(tmp_path_factory, OCR_PAGES, dpi=200)


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


@pytest.mark.parametrize(("name", "field"), list(_params(OCR_PAGES)))
def test_field_read_from_the_200_dpi_page(at_200_dpi, name, field):
    case, values, _ = at_200_dpi[name]
    assert case.matches(field, values.get(field), case.expected[field]), (
        f"{name}.{field}: {values.get(field)!r}"
    )
