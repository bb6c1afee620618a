"""The seller and the buyer of an export (BG-4, BG-7): name, identifiers, VAT id, and the address split
into lines, postcode and city, with the country as given by the e-invoice or guessed from the VAT id,
the address or other cues."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ocr_tasks.einvoice.writers.document import Party
from ocr_tasks.einvoice.writers.values import text_value

_POSTCODE = re.compile(r"^(?=.*\d)[A-Z0-9][A-Z0-9 -]{1,9}$", re.IGNORECASE)
_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")


def split_address(address: str | None, country: str | None) -> tuple[tuple[str, ...], str | None, str | None]:
    """(lines, postcode, city) of an address joined with ", " (as the e-invoice mapping joins one, or as
    OCR reads it); a trailing country code equal to `country` is dropped (written as the country)."""
    parts = [p.strip() for p in (address or "").replace("\n", ", ").split(",") if p.strip()]
    if parts and country and parts[-1].upper() == country.upper():
        parts.pop()
    postcode = city = None
    if len(parts) >= 2 and _POSTCODE.match(parts[-2]):
        postcode, city, parts = parts[-2], parts[-1], parts[:-2]
    elif len(parts) >= 2:
        city, parts = parts[-1], parts[:-1]
    lines = tuple(parts[:2]) + ((", ".join(parts[2:]),) if len(parts) > 2 else ())
    return lines, postcode, city


def party(
    detail: Mapping[str, Any] | None, *, name: str | None, vat_id: str | None, address: str | None, cues: str
) -> Party:
    from ocr_tasks.normalise.countries import guess_country

    detail = detail or {}
    country = text_value(detail.get("country"))
    if not (country and _COUNTRY_CODE.match(country.upper())):
        country = guess_country(" ".join(t for t in (vat_id, address, cues) if t))
    lines, postcode, city = split_address(address, country)
    return Party(
        name=name,
        identifier=text_value(detail.get("id")),
        vat_id=vat_id,
        registration_id=text_value(detail.get("registration_id")),
        lines=lines,
        postcode=postcode,
        city=city,
        country=country.upper() if country else None,
    )
