"""Country of a document's vendor, guessed from printed cues (ISO 3166 alpha-2), and its currency.

Cues, strongest first: VAT/GST identifiers with a country prefix (`NL810433941B01`), IBANs (`NL50INGB...`),
country names in English and local languages, phone country codes (`+31`), and regional names that only
occur in one country (Malaysian states).
"""

from __future__ import annotations

import re
from collections import Counter

COUNTRY_CURRENCY: dict[str, str] = {
    "AT": "EUR",
    "BE": "EUR",
    "CY": "EUR",
    "DE": "EUR",
    "EE": "EUR",
    "ES": "EUR",
    "FI": "EUR",
    "FR": "EUR",
    "GR": "EUR",
    "HR": "EUR",
    "IE": "EUR",
    "IT": "EUR",
    "LT": "EUR",
    "LU": "EUR",
    "LV": "EUR",
    "MT": "EUR",
    "NL": "EUR",
    "PT": "EUR",
    "SI": "EUR",
    "SK": "EUR",
    "US": "USD",
    "GB": "GBP",
    "MY": "MYR",
    "SG": "SGD",
    "AU": "AUD",
    "CA": "CAD",
    "CH": "CHF",
    "HK": "HKD",
    "JP": "JPY",
    "CN": "CNY",
    "IN": "INR",
    "ID": "IDR",
    "NZ": "NZD",
    "SE": "SEK",
    "NO": "NOK",
    "DK": "DKK",
    "PL": "PLN",
    "CZ": "CZK",
    "HU": "HUF",
    "RO": "RON",
    "TH": "THB",
    "PH": "PHP",
    "VN": "VND",
    "KR": "KRW",
    "ZA": "ZAR",
    "BR": "BRL",
    "MX": "MXN",
    "TR": "TRY",
    "AE": "AED",
    "SA": "SAR",
    "IL": "ILS",
}

_NAMES: dict[str, str] = {
    "netherlands": "NL",
    "nederland": "NL",
    "holland": "NL",
    "germany": "DE",
    "deutschland": "DE",
    "france": "FR",
    "belgium": "BE",
    "belgië": "BE",
    "belgique": "BE",
    "austria": "AT",
    "österreich": "AT",
    "spain": "ES",
    "españa": "ES",
    "italy": "IT",
    "italia": "IT",
    "ireland": "IE",
    "portugal": "PT",
    "luxembourg": "LU",
    "finland": "FI",
    "united states": "US",
    "usa": "US",
    "u.s.a.": "US",
    "united kingdom": "GB",
    "england": "GB",
    "scotland": "GB",
    "malaysia": "MY",
    "singapore": "SG",
    "australia": "AU",
    "canada": "CA",
    "switzerland": "CH",
    "schweiz": "CH",
    "suisse": "CH",
    "japan": "JP",
    "china": "CN",
    "india": "IN",
    "indonesia": "ID",
    "new zealand": "NZ",
    "sweden": "SE",
    "sverige": "SE",
    "norway": "NO",
    "norge": "NO",
    "denmark": "DK",
    "danmark": "DK",
    "poland": "PL",
    "polska": "PL",
    "thailand": "TH",
    "philippines": "PH",
    "vietnam": "VN",
    "hong kong": "HK",
    "south africa": "ZA",
    "brazil": "BR",
    "brasil": "BR",
    "mexico": "MX",
    "méxico": "MX",
    # regions that only occur in one country
    "selangor": "MY",
    "johor": "MY",
    "kuala lumpur": "MY",
    "penang": "MY",
    "pulau pinang": "MY",
    "negeri sembilan": "MY",
    "melaka": "MY",
    "perak": "MY",
    "pahang": "MY",
    "kedah": "MY",
    "sabah": "MY",
    "sarawak": "MY",
    "putrajaya": "MY",
    "sdn bhd": "MY",
    "sdn. bhd": "MY",
    "jalan": "MY",
    "taman": "MY",
    "bavaria": "DE",
    "bayern": "DE",
    "california": "US",
    "texas": "US",
    "new york": "US",
}
_PHONE = {
    "+31": "NL",
    "+49": "DE",
    "+33": "FR",
    "+32": "BE",
    "+43": "AT",
    "+34": "ES",
    "+39": "IT",
    "+353": "IE",
    "+351": "PT",
    "+44": "GB",
    "+60": "MY",
    "+65": "SG",
    "+61": "AU",
    "+41": "CH",
    "+81": "JP",
    "+86": "CN",
    "+91": "IN",
    "+62": "ID",
    "+64": "NZ",
    "+46": "SE",
    "+47": "NO",
    "+45": "DK",
    "+48": "PL",
    "+66": "TH",
    "+63": "PH",
    "+84": "VN",
    "+852": "HK",
    "+27": "ZA",
    "+55": "BR",
    "+52": "MX",
}
_VAT_RE = re.compile(
    r"\b(?P<cc>AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|"
    r"SE|SI|SK)\s?(?:U)?\d[\dA-Z]{7,11}\b"
)
_IBAN_RE = re.compile(r"\b(?P<cc>[A-Z]{2})\d{2}\s?[A-Z0-9]{4}(?:\s?[A-Z0-9]{2,4}){2,7}\b")


def guess_country(text: str) -> str | None:
    """Most likely ISO 3166 alpha-2 country of the document's parties, or None without cues."""
    if not text:
        return None
    votes: Counter[str] = Counter()
    for m in _VAT_RE.finditer(text):
        cc = "GR" if m.group("cc") == "EL" else m.group("cc")
        votes[cc] += 3
    for m in _IBAN_RE.finditer(text):
        if m.group("cc") in COUNTRY_CURRENCY:
            votes[m.group("cc")] += 3
    lowered = text.lower()
    for name, cc in _NAMES.items():
        hits = len(re.findall(r"(?<![a-z])" + re.escape(name) + r"(?![a-z])", lowered))
        if hits:
            votes[cc] += 2 * min(hits, 3)
    for prefix, cc in _PHONE.items():
        if re.search(re.escape(prefix) + r"[\s\d(]", text):
            votes[cc] += 1
    if not votes:
        return None
    return votes.most_common(1)[0][0]
