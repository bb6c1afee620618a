"""IBANs as OCR misreads them, read back with the help of their structure and check digits.

A scanned IBAN loses a character or two to look-alike glyphs: `1T82E07...` (I read as 1), `£S18...`
(E as £), `NL58 DIZV...` (J as I). The country's BBAN format (schwifty's registry: `4!a10!n` for NL, four
letters then ten digits) says which positions hold letters and which digits, so look-alikes are mapped
to the kind each position needs; if the check digits still fail, single look-alike swaps are tried and a
repair is kept only when exactly one of them gives a valid IBAN (ISO 13616 mod 97: a random string
passes 1 time in 97, and the length and format must fit too).
"""

from __future__ import annotations

import re
from functools import lru_cache

from schwifty import registry

from ocr_tasks.normalise.tax_ids import iban_valid

# glyph -> the letter / digit OCR most often confuses it with
_AS_LETTER = {
    "1": "I",
    "|": "I",
    "!": "I",
    "0": "O",
    "5": "S",
    "8": "B",
    "6": "G",
    "2": "Z",
    "£": "E",
    "€": "E",
}
_AS_DIGIT = {
    "O": "0",
    "D": "0",
    "Q": "0",
    "I": "1",
    "L": "1",
    "|": "1",
    "!": "1",
    "S": "5",
    "B": "8",
    "Z": "2",
    "G": "6",
    "T": "7",
    "A": "4",
}
# pairs of glyphs OCR swaps within one kind (tried one position at a time)
_SWAPS = {
    "I": "JL1",
    "J": "I",
    "L": "I",
    "O": "0DQ",
    "0": "O8",
    "8": "0B3",
    "3": "8",
    "1": "7I",
    "7": "1",
    "5": "6S",
    "6": "5",
    "M": "N",
    "N": "M",
    "U": "V",
    "V": "U",
}
_SPEC_PART = re.compile(r"(\d+)!([nac])")


@lru_cache(maxsize=128)
def _kinds(country: str) -> str | None:
    """Per IBAN position after the country code: `n` digit, `a` letter, `c` either (None: no IBAN)."""
    try:
        spec = registry.get_iban_spec(country)
    except Exception:  # not an IBAN country (schwifty raises its own lookup errors)
        return None
    return "nn" + "".join(kind * int(count) for count, kind in _SPEC_PART.findall(spec.bban_spec))


def _coerce(ch: str, kind: str) -> str:
    if kind == "n" and not ch.isdigit():
        return _AS_DIGIT.get(ch, ch)
    if kind == "a" and not ch.isalpha():
        return _AS_LETTER.get(ch, ch)
    return ch


def repair_iban(printed: str) -> str | None:
    """The valid IBAN an OCR reading most likely shows, or None (the reading as is when it is valid)."""
    compact = re.sub(r"[\s\-.,°'\"]+", "", printed.upper())
    country = "".join(_AS_LETTER.get(ch, ch) for ch in compact[:2])
    kinds = _kinds(country) if country.isalpha() else None
    if kinds is None or len(compact) != 2 + len(kinds):
        return None
    body = "".join(_coerce(ch, kind) for ch, kind in zip(compact[2:], kinds, strict=True))
    candidate = country + body
    if iban_valid(candidate):
        return candidate
    found = set()
    for position, ch in enumerate(body):
        for alternative in _SWAPS.get(ch, ""):
            if kinds[position] == "n" and not alternative.isdigit():
                continue
            if kinds[position] == "a" and not alternative.isalpha():
                continue
            tried = country + body[:position] + alternative + body[position + 1 :]
            if iban_valid(tried):
                found.add(tried)
    return found.pop() if len(found) == 1 else None
