"""Totals of receipts: with a cash rounding the rounded (payable) total wins, whatever OCR did to the
labels; a region re-read does not outvote two readings of the page that agree (table-driven)."""

from dataclasses import replace

import pytest

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.ocr_types import Block, Line, OcrDocument

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


def _low_confidence(document: OcrDocument, confidence: float) -> OcrDocument:
    """The same document with every word read at `confidence` (a faint scan)."""
    pages = []
    for page in document.pages:
        blocks = [
            Block.of(
                [Line.of([replace(w, confidence=confidence) for w in line.words]) for line in block.lines]
            )
            for block in page.blocks
        ]
        pages.append(replace(page, blocks=tuple(blocks)))
    return replace(document, pages=tuple(pages))


@pytest.mark.parametrize(("second_agrees", "expected"), [(True, "6.00"), (False, "8.00")])
def test_a_region_re_read_does_not_outvote_two_agreeing_readings(second_agrees, expected):
    rows = [
        [(text, 150)]
        for text in [
            "KEDAI KOPI SDN BHD",
            "NO 2, JALAN TEMENGGUNG 19/9",
            "Tax Invoice",
            "Cham (B)  2  3.00  6.00",
            "Total (Inclusive of GST):  6.00",
            "CASH  10.00",
            "CHANGE  4.00",
        ]
    ]
    sample = SyntheticInvoice(
        rows=rows, truth={}, items=[], lang="en", row_y=[150 + 70 * i for i in range(len(rows))]
    )
    first = _low_confidence(sample.to_document(), 0.4)
    second = first if second_agrees else None

    def reader(page, box):
        return "Total (Inclusive of GST): 8.00"  # the re-read of the total's row disagrees

    invoice = extract_invoice(first, options=ExtractionOptions(region_reader=reader, second_reading=second))
    assert invoice.get("total") == expected


def test_a_total_under_an_ocr_broken_inclusive_label():
    rows = [
        "ANZEL ADVERTISING (M) SDN BHD",
        "LOT 3, JALAN PELABUR 23/1, 40300 SHAH ALAM",
        "TAX INVOICE",
        "DESIGN  1  31.80  31.80",
        "ROLLUP BUNTING  2  178.08  356.16",
        "DEPOSIT  1  -287.62  -287.62",
        "Total Sales (Excluding GST) :  94.34",
        "Discount  0.00",
        "Total GST  5.66",
        "Rounding  0.00",
        "Total Sales (i clusive of GST)  100.00",
    ]
    printed = [[(row, 150)] for row in rows]
    document = SyntheticInvoice(
        rows=printed, truth={}, items=[], lang="en", row_y=[150 + 70 * i for i in range(len(rows))]
    ).to_document()
    assert extract_invoice(document).get("total") == "100.00"
