"""Vendors and customers from Faker per locale, with VAT ids and IBANs that pass their check digits."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cache

from faker import Faker
from schwifty import IBAN
from stdnum import luhn
from stdnum.at import uid as at_uid
from stdnum.be import vat as be_vat
from stdnum.ch import vat as ch_vat
from stdnum.de import vat as de_vat
from stdnum.es import vat as es_vat
from stdnum.gb import vat as gb_vat
from stdnum.it import iva as it_iva
from stdnum.nl import btw as nl_btw

# language -> (Faker locale, country, currency) choices
LOCALES: dict[str, list[tuple[str, str, str]]] = {
    "en": [("en_US", "US", "USD"), ("en_GB", "GB", "GBP")],
    "de": [("de_DE", "DE", "EUR"), ("de_AT", "AT", "EUR"), ("de_CH", "CH", "CHF")],
    "fr": [("fr_FR", "FR", "EUR"), ("fr_BE", "BE", "EUR")],
    "nl": [("nl_NL", "NL", "EUR"), ("nl_BE", "BE", "EUR")],
    "es": [("es_ES", "ES", "EUR")],
    "it": [("it_IT", "IT", "EUR")],
}
# country -> locale whose addresses and bank accounts belong to it (fr_BE falls back to en_US addresses)
COUNTRY_LOCALE = {
    "US": "en_US",
    "GB": "en_GB",
    "DE": "de_DE",
    "AT": "de_AT",
    "CH": "de_CH",
    "FR": "fr_FR",
    "BE": "nl_BE",
    "NL": "nl_NL",
    "ES": "es_ES",
    "IT": "it_IT",
}
DIGITS = "0123456789"


@dataclass
class Party:
    name: str
    lines: list[str]  # street, postcode + city (+ country)
    country: str
    vat_id: str | None = None  # compact, as labelled
    vat_printed: str | None = None  # as printed
    iban: str | None = None
    iban_printed: str | None = None
    bic: str | None = None
    phone: str = ""
    fax: str = ""
    email: str = ""
    web: str = ""
    director: str = ""
    register: str = ""
    bank_name: str = ""
    extra: dict = field(default_factory=dict)


@cache
def _faker(locale: str) -> Faker:
    return Faker(locale)


def faker_for(locale: str, seed: int) -> Faker:
    fake = _faker(locale)
    fake.seed_instance(seed)
    return fake


def _complete(prefix: str, valid, chars: str = DIGITS, width: int = 1) -> str:
    """prefix + the first suffix of `width` characters from `chars` that makes `valid` true."""
    suffixes = [""]
    for _ in range(width):
        suffixes = [s + c for s in suffixes for c in chars]
    for suffix in suffixes:
        if valid(prefix + suffix):
            return prefix + suffix
    raise ValueError(f"no valid completion of {prefix}")


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice(DIGITS) for _ in range(n - 1))


def _fr_vat(rng: random.Random) -> str:
    siren = _digits(rng, 8)
    siren += luhn.calc_check_digit(siren)
    key = (12 + 3 * (int(siren) % 97)) % 97
    return f"FR{key:02d}{siren}"


def _it_vat(rng: random.Random) -> str:
    return _complete(f"IT{_digits(rng, 7)}{rng.randint(1, 99):03d}", it_iva.is_valid)


VAT_MAKERS = {
    "DE": lambda rng: _complete("DE" + _digits(rng, 8), de_vat.is_valid),
    "AT": lambda rng: _complete("ATU" + _digits(rng, 7), at_uid.is_valid),
    "CH": lambda rng: _complete("CHE" + _digits(rng, 8), lambda v: ch_vat.is_valid(v + "MWST")),
    "FR": _fr_vat,
    "BE": lambda rng: _complete("BE0" + _digits(rng, 7), be_vat.is_valid, width=2),
    "NL": lambda rng: _complete("NL" + _digits(rng, 8), lambda v: nl_btw.is_valid(v + "B01")) + "B01",
    "ES": lambda rng: _complete("ESB" + _digits(rng, 7), es_vat.is_valid, DIGITS + "ABCDEFGHIJ"),
    "IT": _it_vat,
    "GB": lambda rng: _complete("GB" + _digits(rng, 7), gb_vat.is_valid, width=2),
}


def vat_id(country: str, rng: random.Random) -> tuple[str, str] | None:
    """(label value, printed form) of a valid VAT id of the country, None for the US."""
    maker = VAT_MAKERS.get(country)
    if maker is None:
        return None
    for _ in range(50):  # some bodies have no valid check digit (mod 11): draw another
        try:
            compact = maker(rng)
            break
        except ValueError:
            continue
    if country == "CH":
        digits = compact[3:]
        printed = f"CHE-{digits[:3]}.{digits[3:6]}.{digits[6:]}"
        return printed, printed + rng.choice([" MWST", " MWST", " TVA", ""])
    if country in ("GB", "BE") and rng.random() < 0.5:
        return compact, f"{compact[:2]} {compact[2:5]} {compact[5:9]} {compact[9:]}".strip()
    if country == "DE" and rng.random() < 0.3:
        return compact, f"DE {compact[2:]}"
    return compact, compact


def iban_for(country: str, fake: Faker) -> IBAN | None:
    if country == "US":
        return None
    for _ in range(20):
        candidate = fake.iban()
        try:
            iban = IBAN(candidate)
        except ValueError:
            continue
        if iban.country_code == country:
            return iban
    raise ValueError(f"Faker gave no valid {country} IBAN")


def _address(fake: Faker, country: str) -> list[str]:
    if country == "US":
        lines = [fake.street_address(), f"{fake.city()}, {fake.state_abbr()} {fake.zipcode()}"]
    elif country == "GB":
        lines = [fake.street_address().replace("\n", ", "), fake.city(), fake.postcode()]
    else:
        lines = [fake.street_address().replace("\n", " "), f"{fake.postcode()} {fake.city()}"]
    return lines


def make_party(country: str, rng: random.Random, *, vendor: bool, person: bool = False) -> Party:
    fake = faker_for(COUNTRY_LOCALE[country], rng.randrange(1 << 30))
    name = fake.name() if person else fake.company()
    party = Party(name=name, lines=_address(fake, country), country=country)
    if not vendor:
        if not person and country != "US" and rng.random() < 0.6:
            party.vat_id, party.vat_printed = vat_id(country, rng)
        return party
    vat = vat_id(country, rng)
    if vat:
        party.vat_id, party.vat_printed = vat
    iban = iban_for(country, fake)
    if iban is not None:
        party.iban, party.iban_printed = iban.compact, iban.formatted if rng.random() < 0.7 else iban.compact
        party.bic = fake.swift(length=rng.choice([8, 11]))
    party.phone, party.fax = fake.phone_number(), fake.phone_number()
    party.email = fake.company_email()
    party.web = "www." + party.email.split("@")[1]
    party.director = fake.name()
    party.register = str(rng.randint(1000, 99999))
    party.bank_name = f"{fake.last_name()} Bank" if country in ("US", "GB") else f"Bank {fake.city()}"
    return party
