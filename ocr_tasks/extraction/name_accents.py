"""Party names read again in the document's language, for the letters the first reading's model lacks.

The OCR path reads a page with one Tesseract model (the CLI's default is `eng`), which has no `ä`, `ó`,
`à`, `ô`: `Bergkäserei` comes out `Bergkaserei`, `Gómez` `Gémez`, `Hôtel` `Hétel`. Once the labels tell
the document's language (`Invoice.language`), the boxes of the vendor's and the customer's names are read
again with that language's model (`tesseract_regions.names_in_document_language` builds the reader); the
second reading replaces the first only where it differs by accented letters alone, so a name is never
re-spelled, only given the accents the page prints. Pure: the reader comes in as a `RegionReader`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from ocr_tasks.extraction.options import RegionReader
from ocr_tasks.invoice_types import Invoice

NAME_FIELDS = ("vendor_name", "customer_name")
MAX_SHARE = 0.25  # at most this share of a name's letters may change


def accents_restored(first: str, again: str) -> str | None:
    """The words of `again` (a reading of the name's box, which may hold more of its row) that are
    `first` with some letters replaced by accented ones (`Bergkaserei` -> `Bergkäserei`, `Gémez Martin`
    -> `Gómez Martín`), else None (another spelling, other words, nothing changed)."""
    again = " ".join(again.split())
    size = len(first)
    for start in range(len(again) - size + 1):
        end = start + size
        if (start and again[start - 1] != " ") or (end < len(again) and again[end] not in " ,;"):
            continue
        if _only_accents_added(first, again[start:end]):
            return again[start:end]
    return None


def _base(letter: str) -> str:
    """A letter without its accent, in lower case (`Ä` -> `a`)."""
    return unicodedata.normalize("NFKD", letter)[0].lower()


def _only_accents_added(first: str, again: str) -> bool:
    changed = 0
    for a, b in zip(first, again, strict=True):
        if a == b:
            continue
        if not (a.isalpha() and b.isalpha() and not b.isascii() and a.lower() != b.lower()):
            return False
        if a.isascii() and _base(b) != a.lower():
            return False  # another letter with an accent (`S.r.l.` read again `S.r.Ì.`), not an accent added
        changed += 1
    return 0 < changed <= max(1, MAX_SHARE * sum(c.isalpha() for c in first))


def with_accented_names(invoice: Invoice, reader: RegionReader) -> Invoice:
    """The invoice with its party names read again by `reader` (a reader in the document's language)
    where the second reading only adds accents."""
    fields = dict(invoice.fields)
    changed = False
    for name in NAME_FIELDS:
        field = fields.get(name)
        if field is None or field.bbox is None or not field.value:
            continue
        better = accents_restored(field.value, reader(field.page, field.bbox))
        if better is not None:
            fields[name] = replace(field, value=better)
            changed = True
    return replace(invoice, fields=fields) if changed else invoice
