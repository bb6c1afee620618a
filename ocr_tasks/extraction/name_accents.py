"""Party names read again in the document's language, for the letters the first reading's model lacks.

The OCR path reads a page with one Tesseract model (the CLI's default is `eng`), which has no `ä`, `ó`,
`à`, `ô`: `Bergkäserei` comes out `Bergkaserei`, `Gómez` `Gémez`, `Hôtel` `Hétel`. Once the labels tell
the document's language (`Invoice.language`), the boxes of the vendor's and the customer's names are read
again with that language's model (`tesseract_regions.names_in_document_language` builds the readers); the
second reading replaces the first only where it differs by accented letters alone (and, with them, letters
small type ran together: `rn` read `m`), so a name is never re-spelled, only given the accents the page
prints. Pure: the reader comes in as a `RegionReader`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from ocr_tasks.extraction.options import RegionReader
from ocr_tasks.geometry import BBox
from ocr_tasks.invoice_types import Invoice

NAME_FIELDS = ("vendor_name", "customer_name")
MAX_SHARE = 0.25  # at most this share of a name's letters may change
# The name's box read again with room above and below it (shares of its height): a capital's accent or
# umlaut stands above the box the first reading gave its letters (`KÖHLER` read `KOHLER` and boxed without
# the dots, on a till roll at 200 dpi), a cedilla below it
ROOM_ABOVE, ROOM_BELOW = 0.5, 0.2


# What a model without the letter makes of it, beyond the letter without its accent (`ä` -> `a`): `eng`
# reads `ü` as two strokes or one (`Grünwerk` -> `Griinwerk`, `Mühle` -> `Mihle`), `ß` as `B`
# (`Weinstraße` -> `WeinstraBe`), `ñ` as `fi` or `f` (`Núñez` -> `Nufiez`, `Peñuelas` -> `Pefuelas`), `ł`
# as `t` (`Usługi` -> `Ustugi`; it has no base letter to fall back to) and `ó` as `6` (`Kraków` -> `Krak6w`);
# the Danish and Norwegian `ø` and `æ` (no base letter either) as `a`, `e` or `o` (`Sjømat` -> `Sjamat`,
# `Rørlegger` -> `Rerlegger`) and as two letters (`Kjær` -> `Kjzer`, `Cykelkælderen` -> `Cykelkeelderen`)
OTHER_SHAPES = {
    "ü": ("ii", "ti", "li", "i"),
    "Ü": ("Ii",),
    "ß": ("B", "fs", "13"),
    "ñ": ("fi", "f"),
    "ł": ("l", "t"),
    "Ł": ("L",),
    "ó": ("6",),
    "ø": ("o", "a", "e", "0", "@"),
    "Ø": ("O", "0", "@"),
    "æ": ("ae", "ze", "ee", "z", "e", "a"),
    "Æ": ("AE", "Ae", "E"),
    "č": ("€", "¢"),  # Czech and Slovak (`Auto Kova€`)
    "Č": ("€", "¢"),
    "ř": ("f",),  # `rejstfiku`
    "ő": ("6",),  # Hungarian (`Vev6`)
    "ö": ("6",),  # `K6nyv`
}
INSIDE_WORDS_ONLY = frozenset("ßñ")  # no word starts with these: a `B` there is a `B`
# Letters small type runs together, which the enlarged second reading tells apart: `rn` read as `m`
# (`Garnier` -> `Gamier`). Taken only in a name the second reading also gives an accent the first lacked.
RUN_TOGETHER = {"rn": "m"}


def accents_restored(first: str, again: str) -> str | None:
    """The words of `again` (a reading of the name's box, which may hold more of its row) that are
    `first` with some letters replaced by accented ones (`Bergkaserei` -> `Bergkäserei`, `Gémez Martin`
    -> `Gómez Martín`, `Griinwerk` -> `Grünwerk`), and with letters run together told apart where an accent
    is also added (`Editions Gamier` -> `Éditions Garnier`), else None (another spelling, other words,
    nothing changed)."""
    again = " ".join(again.split())
    letters = sum(c.isalpha() for c in first)
    for start in range(len(again)):
        if start and again[start - 1] != " ":
            continue
        for end, accents, apart in _alignments(first, again, start):
            if (end < len(again) and again[end] not in " ,;") or not 0 < accents + apart <= max(
                1, MAX_SHARE * letters
            ):
                continue
            if apart and not accents:
                continue
            return again[start:end]
    return None


def _base(letter: str) -> str:
    """A letter without its accent, in lower case (`Ä` -> `a`)."""
    return unicodedata.normalize("NFKD", letter)[0].lower()


def _alignments(first: str, again: str, start: int):
    """(end, accents added, letters told apart) of each way `again[start:end]` spells `first` with accents
    added: each letter of `first` the same, or a letter of `again` with an accent standing for its base
    letter (or another accented letter, or one of its `OTHER_SHAPES`) in `first`, or letters of `again`
    that `first` ran together (`RUN_TOGETHER`)."""
    stack = [(0, start, 0, 0)]
    while stack:
        i, j, changed, apart = stack.pop()
        if i == len(first):
            yield j, changed, apart
            continue
        if j == len(again):
            continue
        a, b = first[i], again[j]
        if a == b:
            stack.append((i + 1, j + 1, changed, apart))
            continue
        inside_word = j > 0 and again[j - 1].isalpha()
        for shape in OTHER_SHAPES.get(b, ()):
            if first.startswith(shape, i) and (inside_word or b not in INSIDE_WORDS_ONLY):
                stack.append((i + len(shape), j + 1, changed + 1, apart))
        for letters, joined in RUN_TOGETHER.items():
            if a == joined and again.startswith(letters, j):
                stack.append((i + 1, j + len(letters), changed, apart + 1))
        if _accent_for(a, b):
            stack.append((i + 1, j + 1, changed + 1, apart))


def _accent_for(a: str, b: str) -> bool:
    """`b`, a letter with an accent, read as `a`: its base letter, or another accented letter (`é` for
    `ó`), never another letter (`S.r.l.` read again `S.r.Ì.`)."""
    if not (a.isalpha() and b.isalpha() and not b.isascii() and a.lower() != b.lower()):
        return False
    return not a.isascii() or _base(b) == a.lower()


def _with_room(box: BBox) -> BBox:
    """The box with room above and below it for accents (`ROOM_ABOVE`, `ROOM_BELOW`), within the page."""
    return BBox(
        box.x0, max(0.0, box.y0 - ROOM_ABOVE * box.height), box.x1, min(1.0, box.y1 + ROOM_BELOW * box.height)
    )


def with_accented_names(invoice: Invoice, *readers: RegionReader) -> Invoice:
    """The invoice with its party names read again where a second reading only adds accents: each name is
    asked of `readers` in turn (the document language's model alone, then with the first reading's: a
    model mixed with `eng` reads `Pellè` as `Pelle`) until one adds accents or reads the name as it
    stands (nothing to add)."""
    fields = dict(invoice.fields)
    changed = False
    for name in NAME_FIELDS:
        field = fields.get(name)
        if field is None or field.bbox is None or not field.value:
            continue
        for reader in readers:
            again = reader(field.page, _with_room(field.bbox))
            better = accents_restored(field.value, again)
            if better is not None:
                fields[name] = replace(field, value=better)
                changed = True
                break
            if field.value in " ".join(again.split()):
                break
    return replace(invoice, fields=fields) if changed else invoice
