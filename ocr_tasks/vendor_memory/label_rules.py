"""Which printed text a lesson may keep as a field's label.

The rules, besides those of `shapes.label_words` (page counters, dates and numbers are no label):
- **A label of another field is not this field's.** The lexicons map label phrases to field concepts
  (`extraction.keywords.has_label`); a label that names some other field and not this one (`BTW bedrag`,
  the VAT amount, over the subtotal; `Factuuradres`, the billing address, over the vendor's name) is not
  learned for this field: the nearest label that names it is, else a label that names nothing (`Beleg`),
  else the lesson is one of place only. The names take their parties' labels (`vendor_name`: `seller`,
  `customer_name`: `bill_to`/`ship_to`).
- **A label looks like a label.** Prose printed before a value (`in the image below:`, `the issuer
  encapsulated their`) is not: a label holds no stop-word (`label_stop_words.json`, per language) outside a
  lexicon phrase of several words (`numero de factura` keeps its `de`), and a column segment of more than
  `MAX_SEGMENT_WORDS` words is a label only when it ends with a colon or holds a lexicon phrase. After
  prose, the words after its last stop-word still are, when they hold a lexicon phrase.
- A tax word in a label that says the amount includes the tax (`incl. of GST`) names no tax field.
- **A header is printed close over its value** (`locate._above_segment`): at most `MAX_ABOVE_GAP_ROWS`
  row heights above it, and never a line holding letter words after a number (an address: `IJOK, 45600
  BESTARI JAYA`). The rules above judge what a label looks like, not where it is: a receipt whose phone
  and tax-id rows OCR lost had its address line, six rows over the date, taught as `ok bestariaaya`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ocr_tasks.extraction.keywords import FIELD_CONCEPTS, fold, has_inclusive, has_label, lexicon

STOP_WORDS_FILE = Path(__file__).with_name("label_stop_words.json")
NAMES = 0.5  # `has_label` strength from which a label names a field
MAX_SEGMENT_WORDS = 6  # letter words of a column segment beyond which it is prose (without colon or phrase)
# what a tax word names, unless the label says the amount includes the tax (`Total RM incl. of GST`)
TAX_NAMES = frozenset({"tax_amount", "vendor_tax_id", "tax_rate"})
# the label groups that name a field, where they are not the field's own (`keywords.FIELD_CONCEPTS`)
OWN_LABELS: dict[str, tuple[str, ...]] = {"vendor_name": ("seller",), "customer_name": ("customer",)}


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Every language's stop-words of `label_stop_words.json`, folded."""
    data = json.loads(STOP_WORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(fold(w) for words in data["words"].values() for w in words if fold(w))


@lru_cache(maxsize=1)
def _phrase_pattern() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(any lexicon phrase, any lexicon phrase of several words), folded, on word boundaries."""
    folded = {fold(p) for phrases in lexicon().values() for p in phrases} - {""}

    def pattern(items: set[str]) -> re.Pattern[str]:
        alternatives = "|".join(re.escape(f) for f in sorted(items, key=len, reverse=True))
        return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")

    return pattern(folded), pattern({f for f in folded if " " in f})


def _covered(text: str, pattern: re.Pattern[str]) -> set[int]:
    """Indices of the words of `text` (space-separated, folded) inside a match of `pattern`."""
    starts, position = [], 0
    for word in text.split(" "):
        starts.append(position)
        position += len(word) + 1
    covered: set[int] = set()
    at = 0
    while (m := pattern.search(text, at)) is not None:
        covered |= {i for i, s in enumerate(starts) if m.start() <= s < m.end()}
        at = m.start() + 1
    return covered


@lru_cache(maxsize=16384)
def stray_stop_words(label: str) -> tuple[str, ...]:
    """The stop-words of a label (letter words, folded) that no lexicon phrase of several words holds."""
    text = " ".join(fold(label).split())
    words = text.split(" ") if text else []
    held = _covered(text, _phrase_pattern()[1])
    return tuple(w for i, w in enumerate(words) if w in stop_words() and i not in held)


def looks_like_label(segment: str, label: str) -> bool:
    """Whether `label` (the letter words kept of the printed `segment` before or above a value) is a
    label: no stray stop-word; a long segment only when it ends with a colon or holds a lexicon phrase."""
    if not label or stray_stop_words(label):
        return False
    segment_words = [w for w in fold(segment).split() if w.isalpha()]
    if len(segment_words) <= MAX_SEGMENT_WORDS:
        return True
    return segment.rstrip().endswith(":") or bool(_phrase_pattern()[0].search(fold(label)))


def label_part(segment: str, label: str) -> str:
    """What of `label` (the letter words kept of `segment`) is a label: all of it when it looks like one;
    else, after prose, the words after its last stray stop-word when they hold a lexicon phrase (`Banque
    de la Foret compte IBAN` -> `foret compte iban`); else ""."""
    if looks_like_label(segment, label):
        return label
    stray = stray_stop_words(label)
    if not stray:
        return ""
    words = fold(label).split()
    last = max(i for i, w in enumerate(words) if w == stray[-1])
    rest = " ".join(words[last + 1 :])
    if rest and _phrase_pattern()[0].search(rest) and looks_like_label(rest, rest):
        return rest
    return ""


@lru_cache(maxsize=16384)
def named_fields(label: str) -> frozenset[str]:
    """The fields and label groups (`keywords.FIELD_CONCEPTS`) whose labels `label` names."""
    if not label:
        return frozenset()
    named = frozenset(name for name in FIELD_CONCEPTS if has_label(label, name) >= NAMES)
    return named - TAX_NAMES if has_inclusive(label) else named


def _own(field: str) -> frozenset[str]:
    return frozenset((field, *OWN_LABELS.get(field, ())))


def names_field(label: str, field: str) -> bool:
    return bool(named_fields(label) & _own(field))


def names_other_field(label: str, field: str) -> bool:
    """Whether `label` names another field and not `field` (`btw bedrag` for the subtotal)."""
    named = named_fields(label)
    return bool(named - _own(field)) and not named & _own(field)


def keeps_stored_label(label: str, field: str) -> bool:
    """Whether a stored lesson's label passes the rules (memories learned before them may hold prose or
    another field's label: the lesson is then one of place)."""
    return not stray_stop_words(label) and not names_other_field(label, field)
