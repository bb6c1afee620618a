"""Line items of receipts: rows without a header (priced rows above the totals, kept only when they add
up), and summary/payment rows under a headed table (never items). Table-driven on realistic rows."""

import pytest

from ocr_tasks.extraction import extract_invoice

from .synthetic import SyntheticInvoice

HEAD = [
    "MR. D.I.Y. (M) SDN BHD",
    "(CO.REG :860671-D)",
    "LOT 1851-A & 1851-B, JALAN KPB 6,",
    "43300 SERI KEMBANGAN, SELANGOR",
    "-TAX INVOICE-",
]


def _items(rows: list) -> list[tuple]:
    printed = [[(row, 150)] if isinstance(row, str) else row for row in rows]
    document = SyntheticInvoice(
        rows=printed, truth={}, items=[], lang="en", row_y=[150 + 70 * i for i in range(len(printed))]
    ).to_document()
    invoice = extract_invoice(document)
    return [
        (i.get("description"), i.get("quantity"), i.get("unit_price"), i.get("amount"))
        for i in invoice.line_items
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # description row, code row, then the priced row (barcode, quantity, unit price, amount)
        (
            [
                "MULTIPURPOSE BROOM 737P W/4FT  #8",
                "WA16 - 24",
                "9555221300282  2X  6.50  13.00",
                "HOSE PUMP C88351#  *S",
                "KE23-33-53 - 12/120",
                "9074333  1X  1.90  1.90",
                "Item(s) : 2  Qty(s) : 3",
                "Total Incl. GST@6%  RM 14.90",
                "CASH  RM 20.00",
                "CHANGE  RM 5.10",
            ],
            [
                ("MULTIPURPOSE BROOM 737P W/4FT #8", "2.00", "6.50", "13.00"),
                ("HOSE PUMP C88351# *S", "1.00", "1.90", "1.90"),
            ],
        ),
        # one row per item, description first
        (
            [
                "05-Aug-2017  02:11:23 PM",
                "FRUITS  *1  24.00",
                "VEGETABLES  *2  16.00",
                "Sub Total  RM40.00",
                "Total  RM40.00",
                "Received Cash  RM50.00",
                "Change  RM10.00",
            ],
            [("FRUITS", "1.00", None, "24.00"), ("VEGETABLES", "2.00", None, "16.00")],
        ),
        # a tax code after the amount
        (
            [
                "Cashier: ANN",
                "COFFEE (T AWAY)  1  2.10  2.10  SR",
                "SOYA BEAN  2  1.20  2.40  SR",
                "TOTAL  4.50",
            ],
            [("COFFEE (T AWAY)", "1.00", "2.10", "2.10"), ("SOYA BEAN", "2.00", "1.20", "2.40")],
        ),
        # amounts that add up to nothing printed and no quantity x price check: no items rather than a guess
        (["Cashier: ANN", "COFFEE  3.10", "SOYA BEAN  2.40", "TOTAL  9.90"], []),
        # an item named like a payment word (`CARD COVER`) is still an item; the card payment is not
        (
            ["Cashier: ANN", "CARD COVER (SJB-4013)", "1X  3.90  3.90  SR", "Total  3.90", "VISA CARD  3.90"],
            [("CARD COVER (SJB-4013)", "1.00", "3.90", "3.90")],
        ),
        # nothing priced above the total
        (["Cashier: ANN", "TOTAL  9.90", "CASH  10.00"], []),
    ],
)
def test_receipt_items_without_a_header(body, expected):
    assert _items(HEAD + body) == expected


def test_summary_and_payment_rows_under_a_headed_table_are_not_items():
    rows = HEAD + [
        [("Description", 150), ("Qty", 1100), ("Price", 1400), ("Amount", 1800)],
        [("Total Sales (Excluding GST)", 150), ("60.91", 1800)],
        [("Widget", 150), ("2", 1100), ("5.00", 1400), ("10.00", 1800)],
        [("Gadget", 150), ("1", 1100), ("7.50", 1400), ("7.50", 1800)],
        [("GST payable (6%)", 150), ("1.05", 1800)],
        [("TOTAL", 150), ("18.55", 1800)],
    ]
    assert _items(rows) == [("Widget", "2.00", "5.00", "10.00"), ("Gadget", "1.00", "7.50", "7.50")]


def test_a_tax_summary_table_is_not_an_items_table():
    rows = HEAD + [
        "Widget  1X  5.00  5.00",
        "TOTAL  5.00",
        [("GST Summary", 150), ("Amount(RM)", 1100), ("Tax(RM)", 1600)],
        [("SR @ 6%", 150), ("4.72", 1100), ("0.28", 1600)],
    ]
    assert _items(rows) == [("Widget", "1.00", "5.00", "5.00")]
