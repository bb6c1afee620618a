"""Currency to ISO 4217: from printed codes and symbols, else from the vendor's country.

`detect_currency` weighs the currency marks in a text (codes as whole words, symbols, local marks such
as `RM`): a mark beside an amount counts more than a bare one, a sign glued to a long number without
decimals (OCR reading the `E` of `E103184` as `£`) not at all. It resolves ambiguous symbols (`$`, `kr`,
`¥`) with the country when known, gives ties to the country's currency, and falls back to it when nothing
is printed. `guess_country` (in `countries`) gives that country from the
text itself (VAT id prefixes, IBAN, country and state names, phone prefixes).
"""

from __future__ import annotations

import re

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
    ("Ft", "HUF"),
    ("lei", "RON"),
    ("Lei", "RON"),
    ("RM", "MYR"),
    ("Rp", "IDR"),
    ("RMB", "CNY"),
    ("Fr.", "CHF"),
    ("Euro", "EUR"),
    ("Euros", "EUR"),
)
# what a bare `$` means on a page of the country; Malaysia's ringgit was the Malaysian dollar (`$`) until
# 1993, and its tills still print `$5.50`, `TAX($)` beside `GST @6%`
_AMBIGUOUS_DOLLAR = {
    "US": "USD",
    "SG": "SGD",
    "AU": "AUD",
    "CA": "CAD",
    "HK": "HKD",
    "NZ": "NZD",
    "MX": "MXN",
    "MY": "MYR",
    "BN": "BND",
}
_AMBIGUOUS_KRONA = {"SE": "SEK", "NO": "NOK", "DK": "DKK", "IS": "ISK"}
# `Rs.` is the rupee of India, Pakistan, Sri Lanka and Nepal (India's when the page names no country)
_AMBIGUOUS_RUPEE = {"IN": "INR", "PK": "PKR", "LK": "LKR", "NP": "NPR"}
# South Africa's rand prints as a bare `R` right before the amount (`R 47 750,00`, `R1,234.56`); a single
# letter, so a mark only there, before an amount with its cents (`R$` is Brazil's real)
_RAND = r"R(?=[ \t\u00a0]?\d[\d,. \u00a0]*[.,]\d{2}(?!\d))"
_AMBIGUOUS_YEN = {"JP": "JPY", "CN": "CNY"}


# Legal forms that spell a currency code: `SDN BHD` (Sendirian Berhad) is no Bahraini dinar.
_LEGAL_FORM_BEFORE = {"BHD": re.compile(r"(?:S[DO0]N|SENDIRIAN)\.?\s*$", re.IGNORECASE)}


def _is_legal_form(text: str, start: int, token: str) -> bool:
    before = _LEGAL_FORM_BEFORE.get(token)
    return before is not None and bool(before.search(text[max(0, start - 12) : start]))


# A mark glued to a long number without decimals (`£103184`) is an OCR slip on a reference (`E103184`),
# not a price: it weighs nothing. A mark beside an amount with decimals (`€ 49,99`, `49,99 EUR`) weighs
# more than a bare mark (a column header, `Currency: EUR`).
_GLUED_LONG_NUMBER = re.compile(r"\d{5,}(?![.,]\d)")
_AMOUNT_AFTER = re.compile(r"[ \t]{0,3}[-+]?\d[\d.,' ]*[.,]\d{2}(?!\d)")
_AMOUNT_BEFORE = re.compile(r"\d[.,]\d{2}-?[ \t]{0,3}$")
BARE_MARK_WEIGHT = 1.0
AMOUNT_MARK_WEIGHT = 2.0
# ISO codes that are also words of item descriptions or names (`BALL PEN`, `PHP development`, `CAD
# drawings`, `TRY ME`, `COP`, `RUB`, the Malaysian legal form `BHD`, Berhad, after any name: `AEON CO. (M)
# BHD`): a mark only beside an amount, never alone
WORD_CODES = frozenset({"PEN", "PHP", "CAD", "TRY", "COP", "RUB", "BHD"})


def _mark_weight(text: str, start: int, end: int) -> float:
    if _GLUED_LONG_NUMBER.match(text, end):
        return 0.0
    if _AMOUNT_AFTER.match(text, end) or _AMOUNT_BEFORE.search(text[max(0, start - 24) : start]):
        return AMOUNT_MARK_WEIGHT
    return BARE_MARK_WEIGHT


_DOLLAR_CODES = frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD"})


def printed_dollar(text: str) -> str | None:
    """The dollar a page names by its ISO code (`Total NZD`, `Amount Due (CAD)`), when it names one only: what
    its `$` signs mean."""
    codes = {m.group(0) for m in re.finditer(r"(?<![A-Za-z])(?:USD|CAD|AUD|NZD|SGD|HKD)(?![A-Za-z])", text)}
    codes -= WORD_CODES  # `CAD drawings`
    return codes.pop() if len(codes) == 1 else None


def dollar_country(code: str) -> str | None:
    """The country whose `$` is the dollar `code` (`NZD` -> `NZ`)."""
    return next((cc for cc, c in _AMBIGUOUS_DOLLAR.items() if c == code), None)


def _code_of(token: str, mark_table: dict[str, str], country: str | None) -> str | None:
    if token in ISO_CODES:
        return token
    if token in mark_table:
        return mark_table[token]
    if token.rstrip(".") in mark_table and token.endswith("."):
        return mark_table[token.rstrip(".")]
    if token.lower() in ("euro", "euros"):
        return "EUR"
    if token == "$":
        return _AMBIGUOUS_DOLLAR.get(country or "", "USD")
    if token == "kr":
        return _AMBIGUOUS_KRONA.get(country or "")
    if token == "R":  # only where `_RAND` found it
        return "ZAR"
    if token.rstrip(".") == "Rs":
        return _AMBIGUOUS_RUPEE.get(country or "", "INR")
    if token == "¥":
        return _AMBIGUOUS_YEN.get(country or "", "JPY")
    return None


def weighted_currency_marks(text: str, *, country: str | None = None) -> list[tuple[str, float]]:
    """(ISO code, weight) of every currency mark in `text`, in order: 2 beside an amount with decimals,
    1 alone, 0 glued to a long number without decimals (an OCR slip on a reference, not a price) or a code
    that is also a word (`WORD_CODES`) standing alone."""
    found: list[tuple[str, float]] = []
    mark_table = dict(_MARKS)
    for m in re.finditer(
        r"(?<![A-Za-z])(" + _RAND + r"|[A-Za-z]{1,3}\$|[A-Z]{3}|[A-Za-złč]{2,5}\.?|[€£₹₱฿₩₫₺₽$¥]|kr)"
        r"(?![A-Za-z])",
        text,
    ):
        token = m.group(1)
        if _is_legal_form(text, m.start(1), token):
            continue
        code = _code_of(token, mark_table, country)
        if code:
            weight = _mark_weight(text, m.start(1), m.end(1))
            if token in WORD_CODES and weight < AMOUNT_MARK_WEIGHT:
                weight = 0.0
            found.append((code, weight))
    return found


def find_currency_marks(text: str, *, country: str | None = None) -> list[str]:
    """ISO codes of every currency mark in `text`, in order (ambiguous `$` uses `country`, else USD)."""
    return [code for code, _ in weighted_currency_marks(text, country=country)]


def choose_currency(marks: list[tuple[str, float]], *, country: str | None = None) -> str | None:
    """The currency the weighted marks (in reading order) point to: the largest total weight; a tie goes
    to the country's currency, else the earliest. None when no mark weighs anything."""
    weights: dict[str, float] = {}
    for code, weight in marks:
        if weight > 0:
            weights[code] = weights.get(code, 0.0) + weight
    if not weights:
        return None
    best = max(weights.values())
    tied = [code for code in weights if weights[code] == best]  # dicts keep reading order
    local = COUNTRY_CURRENCY.get((country or "").upper())
    return local if local in tied else tied[0]


def detect_currency(text: str, *, country: str | None = None) -> str | None:
    """The ISO 4217 currency of a document text: the printed marks weighed (`weighted_currency_marks`,
    `choose_currency`), else the country's.

    `country` is an ISO 3166 alpha-2 code; it resolves `$`/`kr`/`¥`, breaks ties and is the fallback
    when no currency is printed at all.
    """
    code = choose_currency(weighted_currency_marks(text or "", country=country), country=country)
    if code:
        return code
    if country:
        return COUNTRY_CURRENCY.get(country.upper())
    return None
