"""Vendor names as printed and as OCR slips them (table-driven)."""

import pytest

from ocr_tasks.extraction.party_fields import clean_name


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
