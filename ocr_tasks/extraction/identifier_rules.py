"""Rules that keep identifier candidates (invoice and order numbers) honest on receipts and invoices.

Receipts print `No` in many places that are not the document number: the street address (`NO 122.124,
JALAN ...`, `No. 3, Jalan SS 21/39`), registration and tax ids (`Co. Reg No`, `GST ID No`), phone and
card numbers (`Tel & Fax No`, `Card No`). Three rules keep them out:

- `blocked_qualifier`: a word printed just before the label says whose number it is (`GST Reg No`,
  `Company No`, `Table No`) -> not the document number.
- `in_address`: the label and the value sit in the same printed segment as a street word (`Jalan`,
  `Street`, `Straat`, `Lot`, `Floor`, ...) -> an address.
- a bare `No` label (no document word with it) needs a value with at least four digits
  (`bare_no_value_ok`): house numbers have fewer.

OCR repairs: a document prefix read as symbols (`C$1802/27714`, `€S806012727`, `©S00017351`) is mapped
back to letters (`repair_prefix`), and a letter prefix printed apart from the digits (`CS 23304`) is
joined to them (`separated_prefix`).
"""

from __future__ import annotations

import re

from ocr_tasks.extraction.keywords import fold, phrases

# Words printed before a `No` label that make the number belong to something other than the document.
BLOCKED_QUALIFIERS = frozenset(
    {
        "gst",
        "sst",
        "vat",
        "btw",
        "uid",
        "ust",
        "mwst",
        "steuer",
        "iva",
        "tva",
        "nif",
        "cif",
        "siret",
        "siren",
        "rcs",
        "rea",
        "hrb",
        "hra",
        "tin",
        "brn",
        "ssm",
        "roc",
        "kvk",
        "reg",
        "regn",
        "registration",
        "co",
        "coy",
        "company",
        "comp",
        "business",
        "id",
        "tel",
        "telephone",
        "phone",
        "fax",
        "hp",
        "mobile",
        "hotline",
        "card",
        "member",
        "membership",
        "acc",
        "account",
        "a c",
        "ac",
        "iban",
        "table",
        "tbl",
        "pax",
        "ic",
        "nric",
        "passport",
        "vehicle",
        "car",
        "lorry",
        "plate",
        "item",
        "items",
        "qty",
        "page",
        "cust",
        "customer",
        "client",
        "counter",
        "terminal",
        "staff",
        "cashier",
        "shop",
        "lot",
        "unit",
        "house",
        "block",
        "blk",
        "postal",
        "postcode",
        "zip",
        "batch",
        "serial",
        "approval",
        "auth",
        "trace",
        "mid",
        "tid",
        "rrn",
        "stan",
        "voucher",
        "room",
        "seat",
        "queue",
    }
)
# Street and building words of every language (the lexicons' `street_word` concept: `Jalan`, `Street`,
# `Straße`, `Rue`, `Calle`, `Via`, ...)
STREET_WORDS = re.compile(
    r"(?<![A-Za-z])("
    + "|".join(re.escape(w) for w in sorted(phrases("street_word"), key=len, reverse=True))
    + r")(?![A-Za-z])",
    re.IGNORECASE,
)
# Glyphs OCR prints for the letters of a document prefix (`CS`), before the first digit of a number.
_PREFIX_GLYPHS = {"$": "S", "€": "C", "©": "C", "¢": "C", "§": "S"}
_AMOUNT = re.compile(r"\d{1,3}(?:[,.]\d{3})*[.,]\d{2}")
# Words that may sit between a label and its value but are never part of the value.
_NOT_PREFIX = frozenset(
    {
        "no",
        "nr",
        "nbr",
        "num",
        "number",
        "ref",
        "rm",
        "usd",
        "eur",
        "sgd",
        "myr",
        "id",
        "date",
        "tel",
        "at",
        "on",
        "of",
        "is",
        "to",
        "inv",
        "doc",
        "bill",
        "invoice",
        "receipt",
        "a",
        "i",
    }
)


def blocked_qualifier(row_text: str, label_start: int, *, words: int = 2) -> bool:
    """Whether one of the `words` words printed just before the label, in its printed segment (a column gap
    of two spaces ends it: `Konto (IBAN)  Rechnungsnummer:` in a sidebar), says the number is someone
    else's."""
    gap = row_text.rfind("  ", 0, label_start)
    before = fold(row_text[gap + 1 if gap >= 0 else 0 : label_start]).split()[-words:]
    pairs = {" ".join(before[i : i + 2]) for i in range(len(before) - 1)}
    return any(w in BLOCKED_QUALIFIERS for w in before) or bool(pairs & BLOCKED_QUALIFIERS)


def _segment(text: str, start: int, end: int) -> str:
    """The printed segment around [start, end): up to the column gaps (two spaces) on either side."""
    left = text.rfind("  ", 0, start)
    right = text.find("  ", end)
    return text[left + 1 if left >= 0 else 0 : right if right >= 0 else len(text)]


def in_address(row_text: str, label_start: int, value_end: int) -> bool:
    """Whether the label and its value share a printed segment with a street word."""
    return bool(STREET_WORDS.search(_segment(row_text, label_start, value_end)))


def bare_no_value_ok(value: str) -> bool:
    """A value after a bare `No` label: a document number has at least four digits."""
    return sum(ch.isdigit() for ch in value) >= 4


def repair_prefix(token: str) -> str:
    """Symbols OCR read for prefix letters, before the first digit, turned back into letters; a symbol that
    repeats the letter next to it is one glyph read twice (`C€$00012659` -> `CS00012659`). Amounts and
    tokens without such a symbol are returned unchanged."""
    first_digit = next((i for i, ch in enumerate(token) if ch.isdigit()), len(token))
    head, tail = token[:first_digit], token[first_digit:]
    if not any(ch in _PREFIX_GLYPHS for ch in head) or _AMOUNT.fullmatch(tail):
        return token
    letters: list[str] = []
    for ch in head:
        mapped = _PREFIX_GLYPHS.get(ch)
        if mapped is None:
            letters.append(ch)
        elif not letters or letters[-1].upper() != mapped:
            letters.append(mapped)
    return "".join(letters) + tail


_SEPARATED = re.compile(r"(?<![A-Za-z0-9])([A-Z]{1,4})[ ]$")


def separated_prefix(between: str, token: str) -> str | None:
    """The letter prefix printed one space before a number that starts with a digit (`CS 23304`) or with one
    capital before its series/number (a Portuguese type code before its series: `FT A2025/58`), or None."""
    if not (token[:1].isdigit() or re.fullmatch(r"[A-Z]\d+/\d+", token)):
        return None
    m = _SEPARATED.search(between)
    if m is None or m.group(1).lower() in _NOT_PREFIX:
        return None
    return m.group(1)
