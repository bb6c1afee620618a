"""Four of the hand-written held-out invoices (`test_held_out_invoices.py`) drawn as real A4 pages
(`rendered_pages.py`: reportlab, Helvetica), rasterised at 200 dpi grey without a text layer and read by the
product's default OCR path with real Tesseract (`eng`, psm 6, the second readings of the CLI). Each test
asserts what a reader of the page writes down; the fields that this OCR cannot read as printed are strict
xfails with the reason. The whole set, three readings each, is `bench/held_out_scans.py`."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction import ExtractionOptions
from tests.ocr_tasks.extraction.rendered_pages import held_out_cases, rasterise, read_invoice

# es_columns: `Nº` over its value, bold, read `Ne`; it_withholding: `Avv.` and `S.r.l.`; ch: an umlaut in
# the vendor's name (`eng` reads `a`, the name re-read with `deu`: `name_accents`); us: `$` amounts.
PAGES = ("ch", "es_columns", "it_withholding", "us")
OCR_LIMITS = {
    ("it_withholding", "vendor_name"): "`Avv.` (avvocato) read `Aw.`: `vv` and `w` are one shape at 200 dpi",
}


@pytest.fixture(scope="module")
def read_pages(tmp_path_factory):
    """The pages read once: case -> (expected, item count, {field: value}, items read)."""
    cases = held_out_cases()
    workdir = tmp_path_factory.mktemp("held-out-200dpi")
    out = {}
    for name in PAGES:
        case = cases[name]
        image = rasterise(case.render(), workdir / name, dpi=200)
        invoice, _ = read_invoice(image, ExtractionOptions(today=case.today))
        values = {field: value.value for field, value in invoice.fields.items()}
        out[name] = (case, values, len(invoice.line_items))
    return out


def _params():
    cases = held_out_cases()
    for name in PAGES:
        for field in cases[name].expected:
            reason = OCR_LIMITS.get((name, field))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(name, field, marks=marks, id=f"{name}-{field}")


@pytest.mark.parametrize(("name", "field"), list(_params()))
def test_field_read_from_the_200_dpi_page(read_pages, name, field):
    case, values, _ = read_pages[name]
    expected = case.expected[field]
    assert case.matches(field, values.get(field), expected), f"{name}.{field}: {values.get(field)!r}"


@pytest.mark.parametrize("name", PAGES)
def test_items_counted_on_the_200_dpi_page(read_pages, name):
    case, _, items = read_pages[name]
    assert items == case.items
