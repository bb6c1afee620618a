"""A zero is no subtotal under a non-zero total (issue 13: SROIE X00016469672's subtotal came from its
`Total : 0.00` row, between `Discount 0.00` and `Rounding 0.00`): a non-zero net or total - tax wins,
else the page has no subtotal."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction import extract_invoice
from tests.ocr_tasks.extraction.layout_pages import text_layer_page

HEAD = [
    [("SOON HUAT MACHINERY ENTERPRISE", 0.10)],
    [("CASH SALES", 0.35)],
    [("Doc No.", 0.05), ("CS00004040", 0.30), ("Date:", 0.65), ("11/01/2019", 0.77)],
    [("Item", 0.05), ("Qty", 0.30), ("S/Price", 0.40), ("Amount", 0.75)],
    [("1072", 0.05), ("1", 0.30), ("80.00", 0.40), ("80.00", 0.75)],
    [("70561", 0.05), ("2", 0.30), ("123.50", 0.40), ("247.00", 0.75)],
]


def _amounts(totals_block: list[tuple[str, str]]) -> dict[str, str]:
    rows = HEAD + [[(label, 0.40), (amount, 0.77)] for label, amount in totals_block]
    invoice = extract_invoice(text_layer_page(rows))
    return {n: f.value for n, f in invoice.fields.items() if n in ("total", "subtotal", "tax_amount")}


@pytest.mark.parametrize(
    "block",
    [
        # a zero tax chosen: total - tax is the net
        [
            ("Total Sales :", "327.00"),
            ("Discount :", "0.00"),
            ("Taxable :", "0.00"),
            ("GST 6% :", "0.00"),
            ("Total :", "327.00"),
        ],
        [
            ("Total :", "327.00"),
            ("Zero rated :", "327.00"),
            ("Taxable amount :", "0.00"),
            ("GST @ 6% :", "0.00"),
            ("Total Payable :", "327.00"),
        ],
        # a non-zero net printed above the zero one
        [
            ("Sub Total :", "327.00"),
            ("Discount :", "0.00"),
            ("Net Total :", "0.00"),
            ("Rounding :", "0.00"),
            ("Total :", "327.00"),
        ],
    ],
)
def test_a_zero_yields_to_the_net_the_total_implies(block):
    found = _amounts(block)
    assert found["total"] == "327.00"
    assert found["subtotal"] == "327.00"


def test_a_zero_with_nothing_better_is_no_subtotal():
    found = _amounts(
        [
            ("Total Sales :", "327.00"),
            ("Discount :", "0.00"),
            ("Net Total :", "0.00"),
            ("Rounding :", "0.00"),
            ("Total Sales :", "327.00"),
        ]
    )
    assert found["total"] == "327.00"
    assert "subtotal" not in found


def test_a_zero_subtotal_of_a_zero_total_stays():
    found = _amounts([("Sub Total :", "0.00"), ("GST 6% :", "0.00"), ("Total :", "0.00")])
    assert found.get("subtotal") == "0.00"
