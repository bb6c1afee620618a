"""Currency to ISO 4217: from printed codes and symbols, else from the vendor's country.

`detect_currency` counts the currency marks in a text (codes as whole words, symbols, local marks such
as `RM`), resolves ambiguous symbols (`$`, `kr`, `¥`) with the country when known, and falls back to the
country's currency when nothing is printed. `guess_country` (in `countries`) gives that country from the
text itself (VAT id prefixes, IBAN, country and state names, phone prefixes).
"""

from __future__ import annotations

import re
from collections import Counter

from ocr_tasks.normalise.countries import COUNTRY_CURRENCY

ISO_CODES: frozenset[str] = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "MYR",
        "SGD",
        "AUD",
        "CAD",
        "CHF",
        "HKD",
        "JPY",
        "CNY",
        "INR",
        "IDR",
        "NZD",
        "SEK",
        "NOK",
        "DKK",
        "PLN",
        "CZK",
        "HUF",
        "RON",
        "BGN",
        "THB",
        "PHP",
        "VND",
        "KRW",
        "TWD",
        "ZAR",
        "BRL",
        "MXN",
        "ARS",
        "CLP",
        "COP",
        "PEN",
        "TRY",
        "RUB",
        "UAH",
        "AED",
        "SAR",
        "QAR",
        "KWD",
        "BHD",
        "OMR",
        "ILS",
        "EGP",
        "NGN",
        "KES",
        "MAD",
        "PKR",
        "BDT",
        "LKR",
    ]
)

# Unambiguous marks -> code. Checked as whole tokens (case-sensitive where the mark is a word).
_MARKS: tuple[tuple[str, str], ...] = (
    ("US$", "USD"),
    ("S$", "SGD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("HK$", "HKD"),
    ("NZ$", "NZD"),
    ("R$", "BRL"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₹", "INR"),
    ("₱", "PHP"),
    ("฿", "THB"),
    ("₩", "KRW"),
    ("₫", "VND"),
    ("₺", "TRY"),
    ("₽", "RUB"),
    ("zł", "PLN"),
    ("Kč", "CZK"),
    ("RM", "MYR"),
    ("Rp", "IDR"),
    ("RMB", "CNY"),
    ("Fr.", "CHF"),
    ("Euro", "EUR"),
    ("Euros", "EUR"),
)
_AMBIGUOUS_DOLLAR = {
    "US": "USD",
    "SG": "SGD",
    "AU": "AUD",
    "CA": "CAD",
    "HK": "HKD",
    "NZ": "NZD",
    "MX": "MXN",
}
_AMBIGUOUS_KRONA = {"SE": "SEK", "NO": "NOK", "DK": "DKK", "IS": "ISK"}
_AMBIGUOUS_YEN = {"JP": "JPY", "CN": "CNY"}


# Legal forms that spell a currency code: `SDN BHD` (Sendirian Berhad) is no Bahraini dinar.
_LEGAL_FORM_BEFORE = {"BHD": re.compile(r"(?:S[DO0]N|SENDIRIAN)\.?\s*$", re.IGNORECASE)}


def _is_legal_form(text: str, start: int, token: str) -> bool:
    before = _LEGAL_FORM_BEFORE.get(token)
    return before is not None and bool(before.search(text[max(0, start - 12) : start]))


def find_currency_marks(text: str, *, country: str | None = None) -> list[str]:
    """ISO codes of every currency mark in `text`, in order (ambiguous `$` uses `country`, else USD)."""
    found: list[str] = []
    mark_table = dict(_MARKS)
    for m in re.finditer(
        r"(?<![A-Za-z])([A-Za-z]{1,3}\$|[A-Z]{3}|[A-Za-zł]{2,5}\.?|[€£₹₱฿₩₫₺₽$¥]|kr)"
        r"(?![A-Za-z])",
        text,
    ):
        token = m.group(1)
        if _is_legal_form(text, m.start(1), token):
            continue
        if token in ISO_CODES:
            found.append(token)
        elif token in mark_table:
            found.append(mark_table[token])
        elif token.rstrip(".") in mark_table and token.endswith("."):
            found.append(mark_table[token.rstrip(".")])
        elif token.lower() in ("euro", "euros"):
            found.append("EUR")
        elif token == "$":
            found.append(_AMBIGUOUS_DOLLAR.get(country or "", "USD"))
        elif token == "kr":
            code = _AMBIGUOUS_KRONA.get(country or "")
            if code:
                found.append(code)
        elif token == "¥":
            found.append(_AMBIGUOUS_YEN.get(country or "", "JPY"))
    return found


def detect_currency(text: str, *, country: str | None = None) -> str | None:
    """The ISO 4217 currency of a document text: the most frequent printed mark, else the country's.

    `country` is an ISO 3166 alpha-2 code; it resolves `$`/`kr`/`¥` and is the fallback when no
    currency is printed at all.
    """
    marks = find_currency_marks(text or "", country=country)
    if marks:
        counts = Counter(marks)
        best = max(counts.values())
        for code in marks:  # earliest among the most frequent
            if counts[code] == best:
                return code
    if country:
        return COUNTRY_CURRENCY.get(country.upper())
    return None
