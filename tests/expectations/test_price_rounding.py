"""A line whose net price is sent rounded (EN 16931 BT-146 may carry any decimals; the line amount BT-131
is computed from the unrounded price) is no arithmetic error: the Factur-X BASIC samples send 4.10 for
4.095, so 50 x 4.10 = 205.00 against the line's 204.75. The line check allows |quantity| / base quantity x
half a unit of the price's last decimal, besides the project's tolerance; beyond that it still fails."""

from __future__ import annotations

from dataclasses import replace

import pytest

from expectations.frames import price_rounding
from expectations.runner import validate_batch
from ocr_tasks.invoice_types import Invoice
from tests.expectations.test_suites import ITEM_ARITHMETIC

ROUNDED_PRICE = [
    ("Facture_DOM_BASIC.pdf", ("50.00", "4.10", "204.75")),
    ("Facture_UE_BASIC.pdf", ("8.00", "4.10", "32.76")),
    ("Avoir_FR_type381_BASIC.pdf", ("5.00", "4.10", "20.48")),
]


def _invoice(corpus, name: str) -> Invoice:
    from ocr_tasks.einvoice.reader import read_pdf

    return read_pdf((corpus / "einvoice-dev" / "pdf" / name).read_bytes()).as_invoice()


def _arithmetic_holds(invoice: Invoice, settings) -> bool:
    (_, items) = validate_batch({"doc": invoice}, settings=settings)["doc"]
    return {o.description: o.success for o in items.outcomes}[ITEM_ARITHMETIC]


def _first_line(invoice: Invoice, **cells: str) -> Invoice:
    first = invoice.line_items[0]
    template = first.cells["unit_price"]
    changed = {
        name: replace(first.cells.get(name, template), name=name, value=value, raw_text=value)
        for name, value in cells.items()
    }
    items = (replace(first, cells={**first.cells, **changed}), *invoice.line_items[1:])
    return replace(invoice, line_items=items)


@pytest.mark.parametrize(("name", "printed"), ROUNDED_PRICE, ids=[n for n, _ in ROUNDED_PRICE])
def test_a_rounded_net_price_from_the_xml_passes_the_line_check(corpus, settings, name, printed):
    invoice = _invoice(corpus, name)
    first = invoice.line_items[0]
    assert (first.get("quantity"), first.get("unit_price"), first.get("amount")) == printed
    assert first.get("gross_unit_price") is None and first.get("discount_percent") is None  # BASIC: none
    assert _arithmetic_holds(invoice, settings)


def test_beyond_the_prices_rounding_the_line_still_fails(corpus, settings):
    invoice = _invoice(corpus, "Facture_DOM_BASIC.pdf")
    # 50 x [4.095, 4.105) is 204.75 to 205.25: 205.50 is no rounding
    assert not _arithmetic_holds(_first_line(invoice, amount="205.50"), settings)
    # a price sent with four decimals is exact to them: 50 x 4.0950 = 204.75, and 204.50 is wrong
    exact = _first_line(invoice, unit_price="4.0950", amount="204.50")
    assert not _arithmetic_holds(exact, settings)
    assert _arithmetic_holds(_first_line(invoice, unit_price="4.0950"), settings)


def test_the_slack_scales_with_quantity_and_base_quantity(corpus):
    first = _invoice(corpus, "Facture_DOM_BASIC.pdf").line_items[0]
    assert price_rounding(first) == pytest.approx(0.25)  # 50 units x 0.005
    per_hundred = _first_line(_invoice(corpus, "Facture_DOM_BASIC.pdf"), price_base_quantity="100")
    assert price_rounding(per_hundred.line_items[0]) == pytest.approx(0.0025)
