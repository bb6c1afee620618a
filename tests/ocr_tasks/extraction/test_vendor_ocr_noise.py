"""Vendor names on noisy receipt scans: a legal form read with one slip, the registration number that
follows a company's name, a name printed under the sender's contact rows, a logo read as letters."""

import pytest

from ocr_tasks.extraction import extract_invoice
from ocr_tasks.extraction.party_fields import fuzzy_legal_tail, low_ocr_confidence

from .synthetic import SyntheticInvoice


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ANZEL ADVERTISING (M) Sdn bid", True),  # one wrong letter
        ("GARDENIA BAKERIES (KL) SDN EHD", True),
        ("ACME TRADING PTE LTDD", True),  # one extra letter
        ("Muster Bau GmbH & Co KG", True),
        ("SUSU LUMGUT mo AG", False),  # short forms are never matched loosely (`AG` in noise)
        ("Sdn bid", False),  # a legal form alone is no name
        ("PASAR MINI JIN SENG", False),
        ("SDN BHD TOWER SERVICES", False),  # only the end of a name is looked at
    ],
)
def test_fuzzy_legal_tail(name, expected):
    assert fuzzy_legal_tail(name) is expected


def test_low_ocr_confidence_is_zero_for_clean_reads_and_one_for_noise():
    assert low_ocr_confidence(0.95) == 0.0
    assert low_ocr_confidence(0.45) == 0.0
    assert low_ocr_confidence(0.0) == 1.0
    assert 0.0 < low_ocr_confidence(0.3) < 1.0


def _vendor(rows: list[str]) -> str | None:
    printed = [[(row, 150)] for row in rows]
    document = SyntheticInvoice(
        rows=printed, truth={}, items=[], lang="en", row_y=[150 + 70 * i for i in range(len(rows))]
    ).to_document()
    return extract_invoice(document).get("vendor_name")


def test_customer_under_the_senders_contact_rows_is_not_the_vendor():
    rows = [
        "PERNIAGAAN ZHENG HUI",
        "JM0325955-V",
        "NO.59 JALAN PERMAS 9/5",
        "BANDAR BARU PERMAS JAYA",
        "81750 JOHOR BAHRU",
        "TEL : 07-386 7524 FAX: 07-386 3792",
        "GST NO : 000800589824",
        "SIMPLIFIED TAX INVOICE",
        "GOGIANT ENGINEERING (M) SDN BHD",
        "Receipt #: CS00084670",
        "Date: 09/03/2018",
        "TOTAL  332.30",
    ]
    assert _vendor(rows) == "PERNIAGAAN ZHENG HUI"


def test_name_with_a_slipped_legal_form_and_its_registration_number_wins_over_the_customer():
    rows = [
        "GARDENIA BAKERIES (KL) SDN EHD (139386 X)",
        "Lot 3, Jalan Pelabur 23/1,",
        "40300 Shah Alam, Selangor",
        "Tel: 03-5423228 Fax: 03-5423213",
        "TAX INVOICE / ADJUSTMENT NOTE",
        "Cash Inv No.: 7030F715",
        "Date: 30/10/2017",
        "MAKASSAR FRESH MARKET SDN BHD",
        "GROUND FLOOR, NO. 4 & 6,",
        "JALAN SS 15/4B,",
        "17500 SUBANG JAYA, SELANGOR",
        "TOTAL  62.60",
    ]
    assert _vendor(rows) == "GARDENIA BAKERIES (KL) SDN EHD"


def test_footer_legal_name_under_contact_rows_is_still_the_vendor():
    """The contact rule concerns the upper half: a sender's legal name in the footer keeps its weight."""
    rows = ["INVOICE", "Invoice No: 4711", "Date: 09/03/2018", "Bill to:", "Jane Doe", "12 Main Street"]
    rows += [f"Item {i}  1  10.00" for i in range(20)]
    rows += ["TOTAL  200.00", "Tel: 030-1234567", "Nordic Supplies GmbH", "Hauptstrasse 5, 10115 Berlin"]
    assert _vendor(rows) == "Nordic Supplies GmbH"
