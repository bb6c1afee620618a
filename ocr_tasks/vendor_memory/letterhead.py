"""A vendor's letterhead: the text of the first rows of page 1, for documents whose VAT id, IBAN, tax number
and name the engine cannot read (receipts; scans where OCR garbled them).

`letterhead(rows)` is the letter words of the first `HEAD_ROWS` rows of page 1 that hold at least
`MIN_ROW_LETTERS` letters, in the top `HEAD_TOP` of the page: case-folded without accents, digits (and so
amounts, dates, phone numbers) removed, one-letter words dropped. A memory keeps up to `MAX_HEADS`
letterheads of its vendor as `head:<text>` identifiers (the weakest kind, below the name); a document's
letterhead matches one when rapidfuzz's `ratio` reaches `HEAD_MATCH`.

`HEAD_ROWS` and `HEAD_MATCH` come from the SROIE sample (bench/learning_curve.py's receipts, 101 pairs
of receipts of one vendor): with four rows, 70 of those pairs reach 90; receipts of different vendors
reach 86 at most (two restaurants of one street: `restoran wan sheng no jalan temenggung seksyen bandar
mahkota cheras ...` against `restoran de coffee no jalan temenggung bandar mahkota cheras ...`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from ocr_tasks.extraction.keywords import fold
from ocr_tasks.extraction.rows import Row

HEAD_ROWS = 4  # rows of the letterhead
MIN_ROW_LETTERS = 4  # a row with fewer letters (a stamp, a smudge, a number) is not part of it
HEAD_TOP = 0.5  # page fraction: the letterhead starts in the top half of page 1
MIN_HEAD_CHARS = 16  # a shorter letterhead says too little to recognise a vendor by
MAX_HEAD_CHARS = 200  # kept per letterhead (a memory holds a bounded identifier)
MAX_HEADS = 3  # letterheads kept per memory (its vendor's scans differ)
HEAD_MATCH = 90.0  # rapidfuzz ratio of a document's letterhead to a remembered one
SAME_HEAD = 97.0  # a new letterhead this like a kept one adds nothing
HEAD = "head:"

_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=65536)
def _row_words(text: str) -> str:
    return " ".join(_LETTER_WORD.findall(re.sub(r"\d", "", fold(text))))


def letterhead(rows: Sequence[Row]) -> str:
    """The document's letterhead text ("" when page 1 has too little text at its top)."""
    found: list[str] = []
    for row in rows:
        if row.page != 0 or row.bbox.y0 > HEAD_TOP:
            continue
        words = _row_words(row.text)
        if sum(ch.isalpha() for ch in words) < MIN_ROW_LETTERS:
            continue
        found.append(words)
        if len(found) >= HEAD_ROWS:
            break
    text = " ".join(found)[:MAX_HEAD_CHARS].strip()
    return text if len(text) >= MIN_HEAD_CHARS else ""


def heads_of(identifiers: Iterable[str]) -> list[str]:
    """The letterhead texts among a memory's identifiers."""
    return [i[len(HEAD) :] for i in identifiers if i.startswith(HEAD)]


def head_similarity(head: str, identifiers: Iterable[str]) -> float:
    """The best rapidfuzz ratio of `head` to the memory's letterheads (0.0 when it keeps none)."""
    return max((fuzz.ratio(head, kept) for kept in heads_of(identifiers)), default=0.0)


def with_head(identifiers: Sequence[str], head: str) -> tuple[str, ...]:
    """`identifiers` with the letterhead `head` added (the newest first among at most `MAX_HEADS`); a
    letterhead almost equal to a kept one (`SAME_HEAD`) is not added."""
    kept = heads_of(identifiers)
    if not head or any(fuzz.ratio(head, k) >= SAME_HEAD for k in kept):
        return tuple(identifiers)
    others = [i for i in identifiers if not i.startswith(HEAD)]
    return (*others, *(HEAD + h for h in [head, *kept][:MAX_HEADS]))
