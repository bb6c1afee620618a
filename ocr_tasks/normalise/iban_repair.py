"""IBANs and VAT ids as OCR misreads them, read back with the help of their structure and check digits.

A scanned IBAN loses a character or two to look-alike glyphs: `1T82E07...` (I read as 1), `£S18...`
(E as £), `NL58 DIZV...` (J as I). The country's BBAN format (schwifty's registry: `4!a10!n` for NL, four
letters then ten digits) says which positions hold letters and which digits, so look-alikes are mapped
to the kind each position needs; if the check digits still fail, single letter look-alike swaps (J read as
I; never a digit for a digit, which would make a mistyped IBAN someone else's) are tried and a repair is
kept only when exactly one of them gives a valid IBAN (ISO 13616 mod 97: a random string
passes 1 time in 97, and the length and format must fit too).
"""

from __future__ import annotations

import re
from functools import lru_cache

from schwifty import registry

from ocr_tasks.normalise.tax_ids import iban_valid, tax_id_valid

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
            if ch.isdigit() and alternative.isdigit():
                continue  # a digit for a digit would turn a mistyped IBAN into someone else's account
            if kinds[position] == "n" and not alternative.isdigit():
                continue
            if kinds[position] == "a" and not alternative.isalpha():
                continue
            tried = country + body[:position] + alternative + body[position + 1 :]
            if iban_valid(tried):
                found.add(tried)
    return found.pop() if len(found) == 1 else None


_VAT_PREFIXES = frozenset(
    "AT BE BG CY CZ DE DK EE EL ES FI FR GB HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK XI".split()
)


# glyph -> the letters it may stand for in a VAT id's country prefix (`1T` and `11` for `IT`, `17` too)
_PREFIX_LETTERS = {
    "1": "IT",
    "7": "T",
    "|": "I",
    "!": "I",
    "0": "OD",  # `0E` for `DE`
    "5": "S",
    "8": "B",
    "6": "G",
    "£": "E",
    "€": "E",
}


def _prefixes(head: str) -> set[str]:
    options = [_PREFIX_LETTERS.get(ch, "") + (ch if ch.isalpha() else "") for ch in head]
    return {a + b for a in options[0] for b in options[1]} & _VAT_PREFIXES


def _valid_readings(prefix: str, body: str) -> set[str]:
    """The valid ids of `prefix + body` as printed or with one letter in the number read as its digit."""
    if tax_id_valid(prefix + body):
        return {prefix + body}
    found = set()
    for position, ch in enumerate(body):
        # only a letter read for a digit (`Z` for 2, `O` for 0) or a digit read for a letter where the
        # country's format has one (`801` for the `B01` of a Dutch id, `882174301` for a Spanish CIF's
        # `B82174301`): swapping digits for digits would "repair" any made-up number with a wrong check
        # digit into a real one, while a letter where the format wants a digit, or a digit where it wants a
        # letter, is no valid id as printed
        alternative = _AS_DIGIT.get(ch, "") if ch.isalpha() else _AS_LETTER.get(ch, "")
        tried = prefix + body[:position] + alternative + body[position + 1 :]
        if alternative and tax_id_valid(tried):
            found.add(tried)
    return found


def _national_vat_number(digits: str) -> bool:
    """Whether a number printed in digits alone is some member state's VAT number as printed (`86408610664`,
    an Italian partita IVA after `P.IVA`): its leading digits are then no look-alikes of a country prefix
    (`86` for `BG`, whose check the rest may pass by chance); the document's country prefixes it
    (`tax_id_fields.with_country_prefix`)."""
    return any(tax_id_valid(prefix + digits) for prefix in _VAT_PREFIXES - {"XI"})


def repair_vat_id(printed: str) -> str | None:
    """The valid EU VAT id an OCR reading most likely shows (`1T29972000037` and `1129972000037` ->
    `IT29972000037`, `DE 87901652Z` -> `DE879016522`), or None: the country prefix's look-alikes become
    letters, a letter in the number is read as its look-alike digit, and a reading is kept only when
    exactly one passes python-stdnum's check."""
    compact = re.sub(r"[\s\-.,°'\"/]+", "", printed.upper())
    if len(compact) < 8 or compact.isdigit() and _national_vat_number(compact):
        return None
    found = set()
    for prefix in _prefixes(compact[:2]):
        found |= _valid_readings(prefix, compact[2:])
    return found.pop() if len(found) == 1 else None
