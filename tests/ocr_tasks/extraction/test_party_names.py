"""Vendor names and addresses as printed and as OCR slips them (table-driven)."""

import pytest

from ocr_tasks.extraction import extract_invoice
from ocr_tasks.extraction.party_fields import clean_name

from .synthetic import SyntheticInvoice


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("MR. D.I.Y. (M) SON BHD", "MR. D.I.Y. (M) SDN BHD"),
        ("MAKASSAR FRESH MARKET S0N BHD", "MAKASSAR FRESH MARKET SDN BHD"),
        ("KEDAI PAPAN YEW CHUAN SDN BHO", "KEDAI PAPAN YEW CHUAN SDN BHD"),
        ("Gardenia Bakeries (KL) Son Bhd", "Gardenia Bakeries (KL) Sdn Bhd"),
        ("UNIHAKKA INTERNATIONAL SDN BHD (867388-U)", "UNIHAKKA INTERNATIONAL SDN BHD"),
        ("SONY CENTRE", "SONY CENTRE"),  # a name that merely starts like the slip stays as printed
        ("Coolblue B.V. - Weena 664", "Coolblue B.V."),
    ],
)
def test_clean_name(printed, expected):
    assert clean_name(printed) == expected


@pytest.mark.parametrize(
    "after", ["(687 1D No :000305020352)", "SEL. BST NOz 001149342944", "(GST ID No :000306020352)"]
)
def test_vendor_address_stops_at_a_tax_number_whatever_its_label_became(after):
    rows = [
        "MR. D.I.Y. (M) SDN BHD",
        "LOT 1851-A & 1851-B, JALAN KPB 6,",
        "KAWASAN PERINDUSTRIAN BALAKONG,",
        "43300 SERI KEMBANGAN, SELANGOR",
        after,
        "(TESCO EXTRA ARA DAMANSARA)",
        "-TAX INVOICE-",
        "TOTAL  RM 8.10",
    ]
    printed = [[(row, 150)] for row in rows]
    document = SyntheticInvoice(
        rows=printed, truth={}, items=[], lang="en", row_y=[150 + 70 * i for i in range(len(rows))]
    ).to_document()
    assert extract_invoice(document).get("vendor_address") == (
        "LOT 1851-A & 1851-B, JALAN KPB 6, KAWASAN PERINDUSTRIAN BALAKONG, 43300 SERI KEMBANGAN, SELANGOR"
    )
