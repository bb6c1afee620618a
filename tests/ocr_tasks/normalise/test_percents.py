"""The one percentage pattern and its three forms (`ocr_tasks.normalise.percents`)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ocr_tasks.normalise.percents import (
    LONE_PERCENT,
    PERCENT,
    PERCENT_AHEAD,
    RATE_AFTER_PERCENT_LABEL,
    percent_value,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [("MwSt 19%", "19"), ("TVA 5,5 %", "5.5"), ("Rem. 10.25%", "10.25"), ("7 %", "7")],
)
def test_a_printed_percentage_and_its_number(text, value):
    assert percent_value(PERCENT.search(text)) == Decimal(value)
    assert percent_value(LONE_PERCENT.search(text)) == Decimal(value)


def test_only_the_lone_form_refuses_the_tail_of_a_longer_number():
    assert PERCENT.search("100% cotton").group(0) == "00%"
    assert LONE_PERCENT.search("100% cotton") is None
    assert LONE_PERCENT.search("1.119%") is None


def test_the_form_ahead_matches_at_a_position_after_blanks():
    text = "2% 10 days"
    assert PERCENT_AHEAD.match("30 days  2 %", len("30 days"))
    assert PERCENT_AHEAD.match(text, 2) is None  # a space and a number without `%`
    assert PERCENT_AHEAD.match("net 30 days", 3) is None


def test_no_percentage_without_the_sign_or_with_three_digits():
    assert PERCENT.search("19 EUR") is None
    assert LONE_PERCENT.search("120%") is None


def test_a_rate_after_a_percent_label():
    assert percent_value(RATE_AFTER_PERCENT_LABEL.search("MwSt.-% 19,0")) == Decimal("19.0")
    assert percent_value(RATE_AFTER_PERCENT_LABEL.search("USt % 7")) == Decimal("7")
    assert RATE_AFTER_PERCENT_LABEL.search("USt % 7,50 EUR").group(1) == "7,50"
    assert RATE_AFTER_PERCENT_LABEL.search("Rabatt % 1234") is None  # four digits: no rate


def test_a_rate_after_a_percent_label_is_never_the_head_of_a_longer_amount():
    assert RATE_AFTER_PERCENT_LABEL.search("Rabatt % 1.234,50") is None
    assert RATE_AFTER_PERCENT_LABEL.search("USt % 19.5").group(1) == "19.5"
    assert RATE_AFTER_PERCENT_LABEL.search("MwSt.-% 19,0.").group(1) == "19,0"
