"""Country of a document's vendor, guessed from printed cues (ISO 3166 alpha-2), and its currency.

Cues, strongest first: VAT/GST identifiers with a country prefix (`NL810433941B01`), IBANs (`NL50INGB...`),
country names in English and local languages, address lines only one country prints (a US city, state code
and ZIP), phone country codes (`+31`), and regional names that only occur in one country (Malaysian
states).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PACKS_FILE = Path(__file__).with_name("country_packs.json")


@dataclass(frozen=True, slots=True)
class CountryPack:
    """What the engine knows of one country (data: `country_packs.json`)."""

    code: str
    currency: str | None = None
    names: tuple[str, ...] = ()
    phone_prefixes: tuple[str, ...] = ()
    tax_ids: tuple[str, ...] = ()  # python-stdnum modules, e.g. "de.vat", "de.stnr"
    postcode: str | None = None  # regular expression of the postcode as printed
    address_line: str | None = None  # an address line only this country prints (`Columbus, OH 43215`)
    day_first: bool | None = True  # None: dates print year first
    tax_id_labels: tuple[str, ...] = ()  # labels of ids only this country prints (`P.IVA`, `SIRET`, `KvK`)
    legal_forms: tuple[str, ...] = ()  # its legal forms as printed, regular expressions (`PTE\.?\s?LTD`)
    languages: tuple[str, ...] = ()  # the lexicon languages (ISO 639-1) that say a page is this country's


@lru_cache(maxsize=1)
def country_packs() -> dict[str, CountryPack]:
    raw = json.loads(PACKS_FILE.read_text(encoding="utf-8"))["countries"]
    return {
        code: CountryPack(
            code=code,
            currency=entry.get("currency"),
            names=tuple(entry.get("names", ())),
            phone_prefixes=tuple(entry.get("phone_prefixes", ())),
            tax_ids=tuple(entry.get("tax_ids", ())),
            postcode=entry.get("postcode"),
            address_line=entry.get("address_line"),
            day_first=entry.get("day_first", True),
            tax_id_labels=tuple(entry.get("tax_id_labels", ())),
            legal_forms=tuple(entry.get("legal_forms", ())),
            languages=tuple(entry.get("languages", ())),
        )
        for code, entry in raw.items()
    }


def legal_form_patterns() -> tuple[str, ...]:
    """The legal forms of every country pack (regular expressions as printed), each once, in pack order."""
    return tuple(dict.fromkeys(form for pack in country_packs().values() for form in pack.legal_forms))


def language_country(language: str | None) -> str | None:
    """The country a page in `language` is from when one pack alone lists the language (`sv`: SE, `da`: DK,
    `nb`: NO), else None (`de`: Germany, Austria or Switzerland). A `kr` with no other country evidence is
    read by it."""
    found = [code for code, pack in country_packs().items() if language and language in pack.languages]
    return found[0] if len(found) == 1 else None


COUNTRY_CURRENCY: dict[str, str] = {c: p.currency for c, p in country_packs().items() if p.currency}
_NAMES: dict[str, str] = {name: c for c, p in country_packs().items() for name in p.names}
_PHONE: dict[str, str] = {prefix: c for c, p in country_packs().items() for prefix in p.phone_prefixes}
# compiled once: a pattern per name and prefix, more than `re`'s cache keeps among extraction's patterns
_NAME_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"(?<![a-z])" + re.escape(name) + r"(?![a-z])"), cc) for name, cc in _NAMES.items()
)
_PHONE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(re.escape(prefix) + r"[\s\d(]"), cc) for prefix, cc in _PHONE.items()
)
_ADDRESS_LINES: dict[str, re.Pattern[str]] = {
    c: re.compile(p.address_line) for c, p in country_packs().items() if p.address_line
}
_TAX_ID_LABELS: dict[str, re.Pattern[str]] = {
    c: re.compile(
        r"(?<![\w.])(?:" + "|".join(re.escape(label) for label in p.tax_id_labels) + r")(?![\w])",
        re.IGNORECASE,
    )
    for c, p in country_packs().items()
    if p.tax_id_labels
}
_VAT_RE = re.compile(
    r"\b(?P<cc>AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|"
    r"SE|SI|SK)\s?(?:U)?\d[\dA-Z]{7,11}\b"
)
# a VAT id printed in groups (`GB 475 2218 88`, `BE 0472.918.352`): a cue only when its check digits hold
_GROUPED_VAT_RE = re.compile(
    r"\b(?P<cc>AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK)"
    r"\s?U?\d{2,4}(?:[\s.]\d{2,4}){1,4}(?![\dA-Z])"
)
_IBAN_RE = re.compile(r"\b(?P<cc>[A-Z]{2})\d{2}\s?[A-Z0-9]{4}(?:\s?[A-Z0-9]{2,4}){2,7}\b")
# Norway's VAT id: the organisation number and MVA (`Org.nr. 923 609 016 MVA`, `NO 923609016 MVA`)
_NO_MVA_RE = re.compile(r"\b(?:NO\s?)?\d{3}\s?\d{3}\s?\d{3}\s?MVA\b")


def _valid_vat(compact: str) -> bool:
    from stdnum.eu import vat as eu_vat
    from stdnum.gb import vat as gb_vat

    return bool(gb_vat.is_valid(compact) if compact.startswith("GB") else eu_vat.is_valid(compact))


def _mva_votes(text: str) -> Counter[str]:
    """3 votes for Norway for each Norwegian VAT id whose check digit holds (`Org.nr. 923 609 016 MVA`)."""
    from stdnum.no import mva

    found = sum(1 for m in _NO_MVA_RE.finditer(text) if mva.is_valid(m.group(0)))
    return Counter({"NO": 3 * found} if found else {})


def _grouped_vat_votes(text: str) -> Counter[str]:
    """3 votes for the country of each VAT id printed in groups whose check digits hold (`GB 475 2218 88`)."""
    votes: Counter[str] = Counter()
    for m in _GROUPED_VAT_RE.finditer(text):
        if not _VAT_RE.fullmatch(m.group(0)) and _valid_vat(re.sub(r"[\s.]", "", m.group(0))):
            votes["GR" if m.group("cc") == "EL" else m.group("cc")] += 3
    return votes


# the countries that print each label: `NIF` is Spain's and Portugal's
_LABEL_COUNTRIES: dict[str, set[str]] = {}
for _cc, _pack in country_packs().items():
    for _label in _pack.tax_id_labels:
        _LABEL_COUNTRIES.setdefault(_label.lower(), set()).add(_cc)


def _label_votes(text: str) -> Counter[str]:
    """3 votes for each country whose national id's label is printed (`P.IVA 07463290150`, `SIRET`, `KvK`),
    shared among the countries that print the same label (`NIF`: 1.5 for Spain and Portugal, so a
    Portuguese receipt's `ATCUD` decides)."""
    votes: Counter[str] = Counter()
    for cc, pattern in _TAX_ID_LABELS.items():
        printed = {m.group(0).lower() for m in pattern.finditer(text)}
        if printed:
            votes[cc] = max(3 / len(_LABEL_COUNTRIES[label]) for label in printed)
    return votes


def guess_country(text: str) -> str | None:
    """Most likely ISO 3166 alpha-2 country of the document's parties, or None without cues."""
    if not text:
        return None
    votes: Counter[str] = Counter()
    for m in _VAT_RE.finditer(text):
        cc = "GR" if m.group("cc") == "EL" else m.group("cc")
        votes[cc] += 3
    votes.update(_grouped_vat_votes(text))
    votes.update(_mva_votes(text))
    for m in _IBAN_RE.finditer(text):
        if m.group("cc") in COUNTRY_CURRENCY:
            votes[m.group("cc")] += 3
    lowered = text.lower()
    for pattern, cc in _NAME_PATTERNS:
        hits = len(pattern.findall(lowered))
        if hits:
            votes[cc] += 2 * min(hits, 3)
    for pattern, cc in _PHONE_PATTERNS:
        if pattern.search(text):
            votes[cc] += 1
    for cc, pattern in _ADDRESS_LINES.items():
        if hits := len(pattern.findall(text)):
            votes[cc] += 2 * min(hits, 3)
    votes.update(_label_votes(text))
    if not votes:
        return None
    best = max(votes.values())
    tied = [cc for cc, v in votes.items() if v == best]
    # a tie goes to the country named first: the letterhead before the addressee (a US hotel's folio for a
    # guest from Germany)
    return tied[0] if len(tied) == 1 else min(tied, key=lambda cc: _first_cue(text, cc))


def _first_cue(text: str, cc: str) -> int:
    """Offset of the first cue of country `cc` in `text` (its length when none)."""
    pack = country_packs()[cc]
    patterns = [
        re.compile(r"\b" + ("EL" if cc == "GR" else cc) + r"\s?U?\d"),
        re.compile(r"\b" + cc + r"\d{2}"),
    ]
    patterns += [
        re.compile(r"(?<![a-z])" + re.escape(name) + r"(?![a-z])", re.IGNORECASE) for name in pack.names
    ]
    patterns += [re.compile(re.escape(prefix) + r"[\s\d(]") for prefix in pack.phone_prefixes]
    patterns += [p for p in (_ADDRESS_LINES.get(cc), _TAX_ID_LABELS.get(cc)) if p is not None]
    return min((m.start() for p in patterns if (m := p.search(text))), default=len(text))
