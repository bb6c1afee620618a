"""Comparison keys: vendor names, invoice numbers and IBANs reduced to what identifies them, and the
record's numbers and dates parsed (None when missing or unreadable)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

# Legal-form suffixes, as token sequences after punctuation is removed ("S.A.R.L." -> "sarl").
_LEGAL_SUFFIXES: tuple[tuple[str, ...], ...] = tuple(
    tuple(s.split())
    for s in sorted(
        [
            "sdn bhd",
            "bhd",
            "berhad",
            "sdn berhad",
            "bv",
            "nv",
            "gmbh",
            "gmbh co kg",
            "co kg",
            "kg",
            "ag",
            "ltd",
            "limited",
            "pte ltd",
            "pty ltd",
            "pty",
            "pte",
            "plc",
            "llc",
            "llp",
            "inc",
            "incorporated",
            "corp",
            "corporation",
            "co",
            "company",
            "sa",
            "sas",
            "sarl",
            "srl",
            "spa",
            "sl",
            "oy",
            "ab",
            "as",
            "aps",
            "kft",
            "sro",
            "sp z oo",
        ],
        key=lambda s: -len(s.split()),
    )
)
_OCR_CONFUSIONS = str.maketrans(
    {"O": "0", "Q": "0", "D": "0", "L": "1", "I": "1", "S": "5", "B": "8", "Z": "2"}
)


def vendor_key(name: str | None) -> str | None:
    """Case, accents, punctuation and legal suffixes removed: "ACME Sdn. Bhd." and "Acme" -> "acme"."""
    if not name:
        return None
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " ")
    tokens = re.sub(r"[^a-z0-9 ]+", "", re.sub(r"[\s,;/\-]+", " ", text)).split()
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for suffix in _LEGAL_SUFFIXES:
            if len(tokens) > len(suffix) and tuple(tokens[-len(suffix) :]) == suffix:
                tokens = tokens[: -len(suffix)]
                changed = True
                break
    return " ".join(tokens) or None


def invoice_number_key(number: str | None) -> str | None:
    """Upper case, white space removed: "inv 0042" and "INV0042" are the same invoice number."""
    if not number:
        return None
    key = re.sub(r"\s+", "", number).upper()
    return key or None


def confusable_key(number: str | None) -> str | None:
    """Punctuation removed and OCR look-alikes folded (O/Q/D->0, I/L->1, S->5, B->8, Z->2):
    "INV-1O23" and "INV1023" share a key."""
    key = invoice_number_key(number)
    if not key:
        return None
    folded = re.sub(r"[^A-Z0-9]", "", key).translate(_OCR_CONFUSIONS)
    return folded or None


def iban_key(iban: str | None) -> str | None:
    if not iban:
        return None
    key = re.sub(r"[\s\-]", "", iban).upper()
    return key or None


def amount(value: str | None) -> float | None:
    if value is None or not str(value).strip():
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return float(number) if number.is_finite() else None


def iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
