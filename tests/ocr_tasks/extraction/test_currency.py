"""Currency and country detection."""

import pytest

from ocr_tasks.normalise.countries import guess_country
from ocr_tasks.normalise.currency import detect_currency


@pytest.mark.parametrize(
    "text,country,expected",
    [
        ("TOTAL RM 9.00", None, "MYR"),
        ("Total 1.234,50 EUR", None, "EUR"),
        ("€ 717,97", None, "EUR"),
        ("$4.95", None, "USD"),
        ("$4.95", "SG", "SGD"),
        ("$4.95", "AU", "AUD"),
        ("TOTAL AMOUNT: $8.20\nGST @6%: $0.46", "MY", "MYR"),  # a Malaysian till's `$` is the ringgit
        ("Total $12.00", "DE", "USD"),  # a German page's `$` stays the US dollar
        ("S$ 5.00", None, "SGD"),
        ("US$ 5.00", "SG", "USD"),
        ("CHF 12.00", None, "CHF"),
        ("£12.00", None, "GBP"),
        ("Summe 12,00 kr", "SE", "SEK"),
        ("Totaal 12,00", "NL", "EUR"),
        ("Total 12.00", "MY", "MYR"),
        ("Total 12.00", None, None),
        ("EUR 10 USD 5 EUR 3", None, "EUR"),
        ("TAX INVOICE 12.00", None, None),
    ],
)
def test_detect_currency(text, country, expected):
    assert detect_currency(text, country=country) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("BTW NL810433941B01", "NL"),
        ("IBAN DE89 3704 0044 0532 0130 00", "DE"),
        ("81100 JOHOR BAHRU, JOHOR", "MY"),
        ("Weena 664, 3012 CN Rotterdam, Nederland", "NL"),
        ("Tel +31 10 798 8999", "NL"),
        ("nothing here", None),
    ],
)
def test_guess_country(text, expected):
    assert guess_country(text) == expected


@pytest.mark.parametrize(
    "text,country,expected",
    [
        # OCR read the `E` of the reference E103184 as `£`: a sign glued to a long number without
        # decimals is no price; the amount's EUR decides.
        ("£103184 Onderhoudsset 49,99\nFactuur totaal EUR 49,99", None, "EUR"),
        ("Klant £103184", "NL", "EUR"),
        ("Klant £103184", None, None),
        # a mark beside an amount outweighs a bare one (a column header)
        ("Currency USD\nTotal 12,00 EUR", None, "EUR"),
        # a tie goes to the country's currency (VAT id / IBAN), not to the earliest mark
        ("£ 12.00\nEUR 12.00", "NL", "EUR"),
        ("£ 12.00\nEUR 12.00", "GB", "GBP"),
    ],
)
def test_currency_marks_are_weighed(text, country, expected):
    assert detect_currency(text, country=country) == expected


@pytest.mark.parametrize(
    "text,country,expected",
    [
        # a code that is a word of an item, alone: no mark (the country's currency, or none)
        ("- FASTER CX5N BALL PEN\nTOTAL 153.35", "MY", "MYR"),
        ("PHP development, 12 h\nTotal 1,440.00", "GB", "GBP"),
        ("CAD drawings of the extension\nTotal 900.00", None, None),
        # Berhad, a public company's legal form, not only after SDN
        ("AEON CO. (M) BHD (126926-H)\nTOTAL 40.90", "MY", "MYR"),
        ("AEON CO. (M) BHD (126926-H)\nTOTAL 40.90", None, None),
        # the same codes beside an amount are the currency
        ("Total PEN 153.35", "MY", "PEN"),
        ("Amount due: 1,440.00 PHP", None, "PHP"),
        ("Total CAD 900.00", "US", "CAD"),
        ("Amount due: BHD 245.75", None, "BHD"),
    ],
)
def test_a_code_that_is_a_word_counts_only_beside_an_amount(text, country, expected):
    assert detect_currency(text, country=country) == expected
