"""IBANs and VAT ids misread by OCR, read back from their structure and check digits."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction import extract_invoice
from ocr_tasks.normalise.iban_repair import repair_iban, repair_vat_id
from tests.ocr_tasks.extraction.layout_pages import text_layer_page


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("NL58 DIZV 9829 4565 81", "NL58DJZV9829456581"),  # J read as I in the bank code
        ("£S1837986032744428461923", "ES1837986032744428461923"),  # E read as £
        ("1T82E0709467095400937583163", "IT82E0709467095400937583163"),  # I read as 1
        ("DE88 2008 0000 0970 3757 0O", "DE88200800000970375700"),  # 0 read as O where digits go
        ("DE88 2008 0000 0970 3757 00", "DE88200800000970375700"),  # already right
    ],
)
def test_misread_ibans_are_read_back(printed, expected):
    assert repair_iban(printed) == expected


@pytest.mark.parametrize(
    "printed",
    [
        "NL58 DIZV 9829 4565 82",  # a digit wrong: no single look-alike swap fixes the check digits
        "DE88 2008 0000 0970 3757",  # too short for Germany
        "XX12 3456 7890",  # no IBAN country
        "Rechnung 4711",
    ],
)
def test_no_repair_without_a_unique_valid_reading(printed):
    assert repair_iban(printed) is None


def test_a_misread_iban_after_its_label_is_the_documents_iban():
    rows = [
        [("Pixel Print BV", 0.08)],
        [("Totaal", 0.5), ("121,00", 0.8)],
        [("Bank Blauwhuis  IBAN: NL58 DIZV 9829 4565 81  Swift: IXBLNL1G", 0.08)],
    ]
    invoice = extract_invoice(text_layer_page(rows))
    assert invoice.get("iban") == "NL58DJZV9829456581"


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("1T29972000037", "IT29972000037"),  # I read as 1
        ("1129972000037", "IT29972000037"),  # IT read as 11
        ("DE 87901652Z", "DE879016522"),  # 2 read as Z in the number
        ("DE136695976", "DE136695976"),  # already right
        ("DE136695977", None),  # a wrong digit, no look-alike: not guessed
        ("12345678901", None),  # a national number: no prefix to read
    ],
)
def test_misread_vat_ids_are_read_back(printed, expected):
    assert repair_vat_id(printed) == expected


def test_a_misread_vat_id_after_its_label_is_the_vendors():
    rows = [
        [("Pixel Print S.r.l.", 0.08)],
        [("Totale", 0.5), ("122,00", 0.8)],
        [("P.IVA 1T29972000037", 0.08)],
    ]
    assert extract_invoice(text_layer_page(rows)).get("vendor_tax_id") == "IT29972000037"


def test_a_made_up_vat_id_with_a_wrong_check_digit_is_not_turned_into_a_real_one():
    assert repair_vat_id("NL123456789B01") is None  # printed so on a sample: left as printed, not "repaired"


def test_a_mistyped_iban_is_not_turned_into_another_account():
    # DE88 2008 0000 0970 3757 00 with one digit wrong: a digit swap could make some valid IBAN, never tried
    assert repair_iban("DE88 2008 0000 0970 3757 01") is None
    assert repair_iban("DE88 2008 0000 0970 3752 00") is None


def _qr_bill_receipt(printed_iban: str) -> list:
    """A Swiss QR bill's receipt part: the account printed under `Konto / Zahlbar an`, no IBAN label."""
    return [
        [("Bergsport Bühler AG", 0.08)],
        [("Total CHF", 0.5), ("1'250.00", 0.8)],
        [("Empfangsschein", 0.05), ("Zahlteil", 0.4)],
        [("Konto / Zahlbar an", 0.05)],
        [(printed_iban, 0.05)],
        [("Bergsport Bühler AG", 0.05)],
    ]


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("CHO5 0070 0110 0000 1235 5", "CH0500700110000012355"),  # 0 of the check digits read as O
        ("CH05 OO7O 0110 0000 1235 5", "CH0500700110000012355"),  # 0 read as O in the bank code
    ],
)
def test_a_misread_iban_printed_without_its_label_is_read_back(printed, expected):
    invoice = extract_invoice(text_layer_page(_qr_bill_receipt(printed)))
    assert invoice.get("iban") == expected


def test_an_unlabelled_run_that_is_no_valid_iban_after_repair_is_no_iban():
    # one digit wrong in the account: no look-alike reading makes it valid, so nothing is reported
    invoice = extract_invoice(text_layer_page(_qr_bill_receipt("CHO5 0070 0110 0000 1236 5")))
    assert invoice.get("iban") is None
