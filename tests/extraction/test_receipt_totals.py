"""Totals of receipts with a cash rounding: the rounded (payable) total wins, whatever OCR did to the
labels (table-driven on realistic rows)."""

import pytest

from ocr_tasks.extraction import extract_invoice

from .synthetic import SyntheticInvoice

HEAD = [
    "MR. D.I.Y. (M) SDN BHD",
    "LOT 1851-A & 1851-B, JALAN KPB 6,",
    "43300 SERI KEMBANGAN, SELANGOR",
    "-TAX INVOICE-",
    "STEEL WOOL SH-2#  *S",
    "8970273  5X  1.62  8.11",
]


def _total(rows: list[str]) -> str | None:
    printed = [[(row, 150)] for row in HEAD + rows]
    document = SyntheticInvoice(
        rows=printed, truth={}, items=[], lang="en", row_y=[150 + 70 * i for i in range(len(printed))]
    ).to_document()
    return extract_invoice(document).get("total")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [
                "TOTAL INCL .. GST  RM 8.11",
                "ROUNDING ADJUSTMENT  RM -0.01",
                "TOTAL ROUNDED  RM 8.10",
                "CASH  RM 50.00",
                "CHANGE  RM 41.90",
            ],
            "8.10",
        ),
        (
            [
                "TOTAL INCL .. GST  RM 8.11",
                "FOUNDING ADJUSTMENT  ~RM 0.01",
                "TOTAL ROUNDED  RM 8.10",
                "CASH  RM 50.00",
                "CHANGE  RM 41.90",
            ],
            "8.10",
        ),
        (
            ["Total Incl. GST  RM 8.11", "Rounding Adj  -0.01", "Rounded Total  RM 8.10", "CASH  RM 10.00"],
            "8.10",
        ),
        (["Total Incl. GST  RM 8.11", "CASH  RM 10.00", "CHANGE  RM 1.89"], "8.11"),
    ],
)
def test_rounded_total_of_a_receipt(rows, expected):
    assert _total(rows) == expected
