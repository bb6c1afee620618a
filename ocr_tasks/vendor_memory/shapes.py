"""Shapes of printed values and labels, compared across documents of one vendor.

`value_format("RE-2024-0042")` is `AA-9999-9999` (digits 9, letters A, separators kept); two values have
the same shape when their formats are equal, or equal once runs are collapsed (`9.9,9` for both
`1.234,50` and `12.999,00`). A label is kept as its letter words, case-folded without accents, numbers
dropped (`MwSt. 19 % auf` -> `mwst auf`), so the rate or base printed in it may change. What only looks
like a label is no label: a page counter (`Seite 1 von 2`, `Page 1 / 2`, `Pagina 1 di 2`: the lexicons'
`page_word` and `page_of` concepts) and a date printed beside a value (`15. März 2024`) are dropped
before the words are taken, and numbers alone leave no words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ocr_tasks.extraction.keywords import fold, phrases
from ocr_tasks.invoice_types import AMOUNT_FIELDS, DATE_FIELDS
from ocr_tasks.normalise.dates import find_dates

MAX_LABEL_WORDS = 4
TEXT_FIELDS = frozenset({"vendor_name", "customer_name"})
# the fields a memory learns: amounts, dates, codes printed once, the parties' names
LEARNABLE_FIELDS = (
    *sorted(AMOUNT_FIELDS),
    *sorted(DATE_FIELDS),
    "invoice_number",
    "po_number",
    "vendor_tax_id",
    "iban",
    "vendor_name",
    "customer_name",
)


def field_kind(field: str) -> str:
    """`amount`, `date`, `text` (a name) or `code` (an identifier compared without its punctuation)."""
    if field in AMOUNT_FIELDS:
        return "amount"
    if field in DATE_FIELDS:
        return "date"
    return "text" if field in TEXT_FIELDS else "code"


@lru_cache(maxsize=65536)
def value_format(printed: str) -> str:
    """Digits -> 9, letters -> A, everything else kept; whitespace collapsed to one space."""
    shape = "".join("9" if ch.isdigit() else "A" if ch.isalpha() else ch for ch in printed.strip())
    return re.sub(r"\s+", " ", shape)


@lru_cache(maxsize=65536)
def collapsed(shape: str) -> str:
    return re.sub(r"(9)9+|(A)A+", lambda m: m.group(1) or m.group(2), shape)


def format_match(expected: str, printed: str) -> float:
    """1.0 for the same format, 0.8 for the same collapsed format, 0.0 otherwise ("" matches anything)."""
    if not expected:
        return 1.0
    shape = value_format(printed)
    if shape == expected:
        return 1.0
    return 0.8 if collapsed(shape) == collapsed(expected) else 0.0


@lru_cache(maxsize=1)
def _page_counter() -> re.Pattern[str]:
    """A page counter in folded text (`seite 1 von 2`, `page 1 2` for `Page 1 / 2`, `pag 3`), built from
    the lexicons' `page_word` and `page_of` phrases."""
    words = "|".join(re.escape(fold(p)) for p in sorted(phrases("page_word"), key=len, reverse=True))
    of = "|".join(re.escape(fold(p)) for p in sorted(phrases("page_of"), key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\s*\d+(?:\s+(?:(?:{of})\s+)?\d+)?\b")


def _without_dates(text: str) -> str:
    for match in reversed(find_dates(text)):
        text = text[: match.start] + " " + text[match.end :]
    return text


@lru_cache(maxsize=65536)
def _label_words(text: str) -> tuple[str, ...]:
    folded = _page_counter().sub(" ", fold(_without_dates(text)))
    return tuple(w for w in folded.split() if w.isalpha())[-MAX_LABEL_WORDS:]


def label_words(text: str) -> list[str]:
    """The letter words of a label (at most the last `MAX_LABEL_WORDS`), case-folded, numbers dropped,
    page counters and dates printed in it left out (`Seite 1 von 2` and `15. März 2024` have none)."""
    return list(_label_words(text))


def is_page_counter_label(label: str) -> bool:
    """Whether a stored label (letter words, numbers already dropped) is what is left of a page counter:
    `seite von`, `page`, `pagina di` (memories learned before page counters were left out)."""
    words = label.split()
    page_words = {fold(p) for p in phrases("page_word")}
    return bool(words) and words[0] in page_words and set(words[1:]) <= {fold(p) for p in phrases("page_of")}


def compact(text: str) -> str:
    """Letters and digits only, case-folded (identifiers compared without spacing and punctuation)."""
    return "".join(ch for ch in fold(text) if ch.isalnum())
