"""Printed amounts to `Decimal` and to the canonical decimal string (`"1234.50"`).

Accepts decimal comma or point, thousands separators (`,` `.` space, narrow space, apostrophe), currency
symbols or codes before or after (`RM 9.00`, `1.234,50 EUR`, `$4.95`), and negative forms (`-12.00`,
`12.00-`, `(12.00)`, `- 12,00`). When the separator is ambiguous (`1,234` vs `1,23`) the rule is: one
separator followed by exactly three digits is a thousands separator, unless the caller says otherwise
through `decimal_separator`. A number whose separators are all the same but whose last group has two
digits (`1,813,24`, `1.813.24`: OCR or a typist slipped one separator) reads its last separator as the
decimal one. Indian grouping (lakh and crore: `5,72,890.00`, `1,23,45,678.00`: the last three digits, then
pairs, with commas and a decimal point) reads as the number it prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

_CURRENCY_TOKENS = (
    r"(?:US\$|USD|EUR|GBP|MYR|RM|SGD|S\$|AUD|A\$|CAD|C\$|CHF|HKD|HK\$|JPY|INR|IDR|Rp|NZD|SEK|NOK|DKK|PLN|"
    r"CZK|HUF|RON|THB|PHP|CNY|RMB|ZAR|BRL|R\$|Fr\.|kr|zł|Kč|Ft|lei|[€$£¥₹₱฿₩₫]"
    r"|(?<![^\W\d_])R(?=\s?\d))"  # the rand's R right before the figure (`R8,950.00`, `R 1 234,56`)
)
# ... and at the end of the text before a figure (`_ends_with_currency`: the figure follows)
_CURRENCY_AT_END = re.compile(_CURRENCY_TOKENS.replace(r"R(?=\s?\d)", "R") + r"$", re.IGNORECASE)
# Spaces as thousands separators are ambiguous inside a row (`4 191.81` is a quantity and a price): in
# rows they count only before a decimal comma (`1 234,50`); narrow no-break spaces always count. A text
# that holds a single amount (`parse_amount`) accepts any of them.
_GROUPED = r"\d{1,3}(?:[,.'\u202f]\d{3})+(?:[.,]\d{1,4})?"
# India's lakh and crore grouping (`5,72,890.00`, `12,34,567.00`): pairs of digits, then the last three
_LAKH = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,4})?"
_SPACED_STRICT = r"\d{1,3}(?:[ \u00a0]\d{3})+,\d{1,4}(?![\d.])"
_SPACED_LENIENT = r"\d{1,3}(?:[ ,.'\u202f\u00a0]\d{3})+(?:[.,]\d{1,4})?"
_PLAIN = r"\d+(?:[.,]\d{1,8})?"  # unit prices with up to eight decimals (`8,50000000`, the SDI copy)


def _amount_re(number: str) -> re.Pattern[str]:
    return re.compile(
        r"(?P<lparen>\()?\s*(?P<sign1>[-\u2212])?\s*(?:" + _CURRENCY_TOKENS + r"\s?)?(?P<sign2>[-\u2212])?\s*"
        r"(?P<num>" + number + r")(?![\d])"
        r"(?:\s?" + _CURRENCY_TOKENS + r")?(?P<sign3>-(?![\d]))?\s*(?P<rparen>\))?",
        re.IGNORECASE,
    )


_AMOUNT_RE = _amount_re(f"{_SPACED_STRICT}|{_LAKH}|{_GROUPED}|{_PLAIN}")
# ... but a number spaced in thousands with a decimal point that fills its cell (`Betrag  1 949.75`, `CHF
# 1 949.75`: the Swiss QR-bill's form) is one amount: a column gap or a currency mark before it, a column gap,
# the row's end or a currency mark after it, or nothing else on the row (a quantity beside a price has none)
_SPACED_DOT_CELL = re.compile(
    r"(?:(?<=\s\s)|(?<=[€$£]\s)|(?<=[€$£])|(?<=\b[A-Z]{3}\s))"
    r"\d{1,3}(?:[ \u00a0]\d{3})+\.\d{2}"
    r"(?=\s{2,}|\s*\Z|\s?[A-Z]{3}\b|\s?[€$£])"
    r"|\A\d{1,3}(?:[ \u00a0]\d{3})+\.\d{2}(?=\s*\Z)"  # or the whole text
)
# ... and so is a whole number spaced in thousands that fills its cell, or is followed by its currency
# (`Nettó ár  90 000  27%`, `Fizetendő:  295 910 Ft`, `1 500 Kč`: forint and koruna print no decimals)
_SPACED_WHOLE_CELL = re.compile(
    r"(?:(?<=\s\s)|(?<=:\s)|(?<=[€$£]\s)|(?<=[€$£])|\A)"
    r"\d{1,3}(?:[ \u00a0]\d{3})+"
    r"(?=\s{2,}|\s*\Z|\s?(?i:" + _CURRENCY_TOKENS + r")(?!\w))"
)
_AMOUNT_RE_LENIENT = _amount_re(f"{_LAKH}|{_SPACED_LENIENT}|{_PLAIN}")
_LAKH_RE = re.compile(_LAKH)
_SEPARATORS = " ,.'\u202f\u00a0"
_TYPESET_APOSTROPHE = re.compile(r"(?<=\d)\u2019(?=\d{3}(?!\d))")


@dataclass(frozen=True, slots=True)
class AmountMatch:
    """An amount found in a text: span, raw text, value, and whether it shows decimals (`12.50`)."""

    start: int
    end: int
    raw: str
    value: Decimal
    has_decimals: bool


def _slipped_separator(num: str, seps: list[tuple[int, str]]) -> bool:
    """`1,813,24`, `1.813.24`: two or more of one separator (`.` or `,`), groups of three between them and
    two digits after the last - a decimal separator that OCR or a typist slipped (no grouping ends in two
    digits)."""
    kinds = {c for _, c in seps}
    if len(seps) < 2 or len(kinds) != 1 or not kinds <= {".", ","}:
        return False
    groups = num.split(seps[0][1])
    return len(groups[-1]) == 2 and all(len(g) == 3 for g in groups[1:-1]) and 1 <= len(groups[0]) <= 3


_AMBIGUOUS = -2  # `_decimal_at`: the separators cannot be read (two decimal separators)


def _decimal_at(num: str, seps: list[tuple[int, str]], decimal_separator: str | None) -> int | None:
    """Offset of the decimal separator in `num`, None when every separator groups thousands, or
    `_AMBIGUOUS`."""
    if _slipped_separator(num, seps):
        return seps[-1][0]
    if decimal_separator in (".", ","):
        last = [i for i, c in seps if c == decimal_separator]
        if len(last) > 1:
            return _AMBIGUOUS
        return last[-1] if last else None
    last_i, last_c = seps[-1]
    tail = num[last_i + 1 :]
    kinds = {c for _, c in seps}
    if last_c in ".," and len(kinds) > 1:
        return last_i
    if last_c in ".," and sum(1 for _, c in seps if c == last_c) == 1:
        head = num[:last_i].replace(" ", "").replace("\u202f", "").replace("\u00a0", "").replace("'", "")
        if len(tail) != 3 or head in ("0", ""):
            return last_i
    # several of the same separator, or a space/apostrophe last: all are thousands separators
    return None


def _number_to_decimal(num: str, decimal_separator: str | None) -> tuple[Decimal, bool] | None:
    """Decimal value of a bare number with separators, and whether it had a decimal part."""
    num = num.strip()
    seps = [(i, c) for i, c in enumerate(num) if c in _SEPARATORS]
    if not seps:
        return Decimal(num), False
    decimal_at = _decimal_at(num, seps, decimal_separator)
    if decimal_at == _AMBIGUOUS:
        return None
    if decimal_at is not None:
        whole, frac = num[:decimal_at], num[decimal_at + 1 :]
        if any(c in _SEPARATORS for c in frac):
            return None
    else:
        whole, frac = num, ""
    whole_digits = "".join(c for c in whole if c.isdigit())
    groups = re.split(r"[ ,.'\u202f\u00a0]", whole)
    if len(groups) > 1 and any(len(g) != 3 for g in groups[1:]) and not _LAKH_RE.fullmatch(num):
        return None
    try:
        value = Decimal(f"{whole_digits or '0'}.{frac}" if frac else whole_digits)
    except InvalidOperation:
        return None
    return value, bool(frac)


def find_amounts(
    text: str, *, decimal_separator: str | None = None, lenient_spaces: bool = False
) -> list[AmountMatch]:
    """All amounts in `text`, in order. Numbers glued to letters (`A123`) are skipped. `lenient_spaces`
    reads every space between digit groups as a thousands separator (for a text holding one amount)."""
    # extraction asks of the same rows for amounts, items, headers and totals: each text is read once
    return list(_amounts_in(text, decimal_separator, lenient_spaces))


@lru_cache(maxsize=8192)
def _amounts_in(text: str, decimal_separator: str | None, lenient_spaces: bool) -> tuple[AmountMatch, ...]:
    found: list[AmountMatch] = []
    pattern = _AMOUNT_RE_LENIENT if lenient_spaces else _AMOUNT_RE
    # a cell's spaced amount read with narrow spaces (one character for one: the offsets stay)
    scanned = _SPACED_DOT_CELL.sub(lambda m: re.sub(r"[ \u00a0]", "\u202f", m.group(0)), text)
    scanned = _SPACED_WHOLE_CELL.sub(lambda m: re.sub(r"[ \u00a0]", "\u202f", m.group(0)), scanned)
    # the Swiss thousands apostrophe as typeset (`3’437.58`: U+2019, TeX's and a word processor's `'`)
    scanned = _TYPESET_APOSTROPHE.sub("'", scanned)
    for m in pattern.finditer(scanned):
        num = m.group("num")
        start_num = m.start("num")
        if start_num > 0 and text[start_num - 1].isalpha() and not _ends_with_currency(text[:start_num]):
            continue
        end = m.end("num")
        if (
            end < len(text)
            and text[end].isalpha()
            and not re.match(_CURRENCY_TOKENS, text[end:], re.IGNORECASE)
        ):
            continue
        parsed = _number_to_decimal(num, decimal_separator)
        if parsed is None:
            continue
        value, has_decimals = parsed
        start = m.start()
        sign1 = m.group("sign1")
        if sign1 and m.start("sign1") > 0 and text[m.start("sign1") - 1].isalpha():
            # a hyphen that ends a word (`Waren-` over `wirtschaft`, a line broken by hyphenation in an item's
            # description beside its quantity `42`): no minus
            sign1, start = None, m.start("num")
        negative = bool(sign1 or m.group("sign2") or m.group("sign3")) or bool(
            m.group("lparen") and m.group("rparen")
        )
        if negative:
            value = -value
        raw = text[start : m.end()].strip()
        found.append(AmountMatch(start, m.end(), raw, value, has_decimals))
    return tuple(found)


def _ends_with_currency(prefix: str) -> bool:
    return _CURRENCY_AT_END.search(prefix) is not None


def parse_amount(text: str, *, decimal_separator: str | None = None) -> Decimal | None:
    """The amount printed in `text` (the first one), or None when there is none.

    `decimal_separator` (`"."` or `","`) forces the reading of ambiguous separators; None infers it.
    """
    if not text:
        return None
    matches = find_amounts(text, decimal_separator=decimal_separator, lenient_spaces=True)
    return matches[0].value if matches else None


def format_amount(value: Decimal, *, places: int = 2) -> str:
    """Canonical decimal string with at least `places` decimals (`Decimal("9") -> "9.00"`)."""
    exponent = value.as_tuple().exponent
    shown = max(places, -exponent if isinstance(exponent, int) else places)
    return f"{value:.{shown}f}"


def normalise_amount(text: str, *, decimal_separator: str | None = None) -> str | None:
    """`parse_amount` then `format_amount`, or None."""
    value = parse_amount(text, decimal_separator=decimal_separator)
    return None if value is None else format_amount(value)
