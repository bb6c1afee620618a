"""Tax ids and IBANs checked by the field libraries: python-stdnum for VAT ids and national tax numbers
(the modules each country pack names), schwifty for IBANs (country length, BBAN shape and check digits).

`tax_id_valid` answers True/False when a library can check the number (an EU VAT id by its prefix, a
national number by the document's country), None when nothing can (no country known, no module for it).
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from types import ModuleType

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from stdnum.eu import vat as eu_vat

from ocr_tasks.normalise.countries import country_packs

_EU_PREFIXES = frozenset(eu_vat.MEMBER_STATES) | {"el"}


@lru_cache(maxsize=64)
def _module(name: str) -> ModuleType:
    return importlib.import_module(f"stdnum.{name}")


def _compact(value: str) -> str:
    return re.sub(r"[\s./\-]", "", value).upper()


def tax_id_valid(value: str, country: str | None = None) -> bool | None:
    """Whether the printed tax id passes its format and check digits (None: no library can tell)."""
    compact = _compact(value)
    prefix = compact[:2]
    if prefix in {"GB", "XI"}:
        return bool(_module("gb.vat").is_valid(compact))
    if prefix == "CH":
        return bool(_module("ch.vat").is_valid(compact))
    if prefix.lower() in _EU_PREFIXES:
        return bool(eu_vat.is_valid(compact))
    if compact.endswith("MVA"):  # Norway's VAT id (`NO 919 911 999 MVA`, also without its prefix)
        return bool(_module("no.mva").is_valid(compact))
    pack = country_packs().get(country or "")
    if pack is None or not pack.tax_ids:
        return None
    return any(_module(name).is_valid(value) for name in pack.tax_ids)


def national_tax_id_valid(value: str) -> bool:
    """Whether some country pack's national tax-id module accepts the printed id (India's GSTIN
    `29AAGCM4821K1Z6`, Singapore's UEN `201912345R`): for an id whose page says what it is by its label."""
    return any(_module(name).is_valid(value) for pack in country_packs().values() for name in pack.tax_ids)


def iban_valid(value: str) -> bool:
    """Whether an IBAN (spaces and dashes ignored) has its country's length, BBAN shape and check digits."""
    try:
        IBAN(re.sub(r"[\s\-]", "", value))
    except (SchwiftyException, ValueError):
        return False
    return True
