"""A VAT id's country (session 15, helper H5; batch 3 of the held-out receipts): a number printed in digits
alone after its label that is a member state's VAT number as printed keeps its digits (its leading digits
are no look-alikes of another country's prefix), and a label several countries print (`NIF`: Spain's and
Portugal's) shares its vote, so the country's own label (`ATCUD`) decides."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction.tax_id_fields import with_country_prefix
from ocr_tasks.normalise.countries import guess_country
from ocr_tasks.normalise.iban_repair import repair_vat_id


@pytest.mark.parametrize(
    ("printed", "country", "expected"),
    [
        ("86408610664", "IT", "IT86408610664"),  # was BG408610664: `86` read as `BG`
        ("570204763", "PT", "PT570204763"),  # a Portuguese NIF
    ],
)
def test_a_national_vat_number_keeps_its_leading_digits(printed, country, expected):
    assert repair_vat_id(printed) is None
    assert with_country_prefix(printed, country) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("1129972000037", "IT29972000037"),  # `P.IVA 1T29972000037` read with digits for its prefix
        ("1T29972000037", "IT29972000037"),
        ("0E879016522", "DE879016522"),
    ],
)
def test_a_misread_prefix_is_still_read_back(printed, expected):
    assert repair_vat_id(printed) == expected


def test_a_label_two_countries_print_shares_its_vote():
    receipt = "PASTELARIA AVENIDA\nAvenida Doces, Lda.\n1250-146 Lisboa\nNIF: 570204763\nATCUD: JJ4K7M2P-1873"
    assert guess_country(receipt) == "PT"
    assert guess_country("FARMACIA SOL\n28013 Madrid\nNIF: B12345674") == "ES"
    assert guess_country("BAR PACO\nC.I.F. B12345674") == "ES"
