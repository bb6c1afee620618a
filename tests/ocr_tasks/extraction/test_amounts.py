"""Amount normaliser: printed amounts to canonical decimal strings."""

from decimal import Decimal

import pytest

from ocr_tasks.normalise.amounts import find_amounts, format_amount, normalise_amount, parse_amount

CASES = [
    ("RM 9.00", "9.00"),
    ("RM9.00", "9.00"),
    ("$4.95", "4.95"),
    ("279.84 $", "279.84"),
    ("1.234,50 EUR", "1234.50"),
    ("EUR 4.904,94", "4904.94"),
    ("€ 717,97", "717.97"),
    ("1,234.56", "1234.56"),
    ("USD1,000.00", "1000.00"),
    ("1 234,50", "1234.50"),
    ("1\u202f234,50", "1234.50"),
    ("1'234.50", "1234.50"),
    ("1 234 567.89", "1234567.89"),
    ("12,345,678.9", "12345678.90"),
    ("1,234", "1234.00"),
    ("1.234", "1234.00"),
    ("0.500", "0.500"),
    ("12,5", "12.50"),
    ("9", "9.00"),
    ("-12.00", "-12.00"),
    ("- 12,00", "-12.00"),
    ("12.00-", "-12.00"),
    ("(12.00)", "-12.00"),
    ("($ 1,200.00)", "-1200.00"),
    ("TOTAL: 80.90", "80.90"),
    ("Total incl. BTW € 49,99", "49.99"),
    ("abc", None),
    ("A123", None),
    ("", None),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_normalise_amount(text, expected):
    assert normalise_amount(text) == expected


@pytest.mark.parametrize(
    "text,sep,expected",
    [
        ("1,234", ",", Decimal("1.234")),
        ("1.234", ".", Decimal("1.234")),
        ("1.234,5", ",", Decimal("1234.5")),
        ("1,234.5", ".", Decimal("1234.5")),
    ],
)
def test_decimal_separator_option(text, sep, expected):
    assert parse_amount(text, decimal_separator=sep) == expected


def test_format_amount_keeps_at_least_two_decimals():
    assert format_amount(Decimal(9)) == "9.00"
    assert format_amount(Decimal("9.5")) == "9.50"
    assert format_amount(Decimal("0.125")) == "0.125"
    assert format_amount(Decimal(-3)) == "-3.00"


def test_find_amounts_reports_spans_and_decimals():
    text = "2 x 3.50 = RM 7.00"
    found = find_amounts(text)
    assert [str(a.value) for a in found] == ["2", "3.50", "7.00"]
    assert [a.has_decimals for a in found] == [False, True, True]
    assert text[found[2].start : found[2].end].strip().endswith("7.00")
