"""Tax ids and IBANs through the field libraries, and the country packs they are chosen by."""

from __future__ import annotations

import importlib
import re

import pytest

from ocr_tasks.normalise.countries import COUNTRY_CURRENCY, country_packs, guess_country
from ocr_tasks.normalise.tax_ids import iban_valid, tax_id_valid


@pytest.mark.parametrize(
    ("printed", "country", "expected"),
    [
        ("DE136695976", None, True),
        ("DE 136 695 976", None, True),
        ("DE136695977", None, False),  # one check digit off
        ("FR11999999998", None, True),
        ("ATU13585627", None, True),
        ("CHE-123.456.788 MWST", None, True),
        ("12/345/67890", "DE", True),  # Steuernummer, checked by the German pack's module
        ("B12345678", "ES", False),
        ("12345", None, None),  # no country, no prefix: nothing can tell
    ],
)
def test_tax_ids_are_checked_by_their_country(
    printed: str, country: str | None, expected: bool | None
) -> None:
    assert tax_id_valid(printed, country) is expected


def test_iban_check_digits_and_country_length() -> None:
    assert iban_valid("DE88 2008 0000 0970 3757 00")
    assert not iban_valid("DE88 2008 0000 0970 3757 01")  # check digits
    assert not iban_valid("DE88 2008 0000 0970 3757")  # too short for Germany
    assert not iban_valid("not an iban")


def test_every_pack_names_real_modules_and_compiles() -> None:
    packs = country_packs()
    for required in ("DE", "AT", "CH", "FR", "BE", "NL", "ES", "IT", "GB", "US", "IN", "MY", "SG"):
        assert required in packs, required
        assert packs[required].currency
    for pack in packs.values():
        if pack.postcode:
            re.compile(pack.postcode)
        for name in pack.tax_ids:
            assert callable(importlib.import_module(f"stdnum.{name}").is_valid), name
    assert packs["US"].day_first is False and packs["DE"].day_first is True
    assert COUNTRY_CURRENCY["CH"] == "CHF"


def test_country_from_printed_cues() -> None:
    assert guess_country("Hauptstr. 5, 10115 Berlin, Deutschland, Tel. +49 30 1234") == "DE"
    assert guess_country("Lot 5, Jalan SS 21/39, 47400 Petaling Jaya, Selangor") == "MY"
    assert guess_country("TVA FR11999999998") == "FR"
    assert guess_country("no cue at all") is None
