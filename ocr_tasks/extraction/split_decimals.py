"""Amounts that OCR split after their decimal separator, joined again before the page's rows are built.

Tesseract reads a monospaced amount (Courier from a line printer, at 200 dpi) as two words when the
separator's cell leaves a gap: `2.215,` `30`, `178,` `40-`, or before it in a proportional font at 200 dpi:
`2.771` `,28`. The head then reads as a whole number, the tail as 30 or 40, and a delivery note's sum or an
item's amount is lost. A head that ends in `,` or `.` and a tail of exactly two digits (and a sign) right
after it, or a whole figure and a tail of a separator and two digits, closer than one of the head's
characters (OCR's boxes of the two may overlap), are one amount as printed.

Cents printed raised in smaller type (`49,⁹⁰ €`, `12⁵⁰`: shops' and restaurants' typography) are such a
tail on every page, a text layer's too (its characters are exact, but the raised cents are a word of their
own): a tail of two digits at most `RAISED_SIZE` of the head's height whose foot stands at least
`RAISED_FOOT` of the head's height above the head's, right after the head. A head without a separator
(`12⁵⁰`) takes one: `,` after a head grouped with `.`, else `.`. Other tails of a text layer stay apart.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ocr_tasks.geometry import bbox_union
from ocr_tasks.ocr_types import TEXT_LAYER, Block, Line, OcrPage, Word

_HEAD = re.compile(r"[-+]?\d[\d.,']*[.,]")
_WHOLE = re.compile(r"[-+]?\d[\d.,']*\d|\d")
_TAIL = re.compile(r"\d{2}[-+]?")
_SEPARATED_TAIL = re.compile(r"[.,]\d{2}[-+]?")  # the split falls before the separator: `2.771` `,28`
RAISED_SIZE = 0.8  # a raised tail is at most this share of the head's height
RAISED_FOOT = 0.2  # and its foot stands this share of the head's height above the head's


def _raised(head: Word, tail: Word) -> bool:
    """Whether `tail` is printed raised in smaller type after `head` (superscript cents)."""
    h = head.bbox.height
    return (
        h > 0
        and tail.bbox.height <= RAISED_SIZE * h
        and tail.bbox.y1 <= head.bbox.y1 - RAISED_FOOT * h
        and tail.bbox.y0 >= head.bbox.y0 - 0.5 * h
    )


def _right_after(head: Word, tail: Word) -> bool:
    return tail.bbox.x0 > head.bbox.x0 and tail.bbox.x0 - head.bbox.x1 < head.bbox.width / len(head.text)


def _joined_text(head: Word, tail: Word, *, raised_only: bool) -> str | None:
    """The amount `head` and `tail` print together, or None when they are two words."""
    if not raised_only and _WHOLE.fullmatch(head.text) and _SEPARATED_TAIL.fullmatch(tail.text):
        return head.text + tail.text if _right_after(head, tail) else None
    if not _TAIL.fullmatch(tail.text) or not _right_after(head, tail):
        return None
    raised = _raised(head, tail)
    if _HEAD.fullmatch(head.text) and (raised or not raised_only):
        return head.text + tail.text
    if raised and _WHOLE.fullmatch(head.text):
        return head.text + ("," if "." in head.text else ".") + tail.text
    return None


def _joined(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """A line's words with each amount split after its separator joined (OCR: tails on the head's line)."""
    out: list[Word] = []
    for word in words:
        head = out[-1] if out else None
        text = _joined_text(head, word, raised_only=False) if head is not None else None
        if text is not None:
            out[-1] = Word(text, bbox_union([head.bbox, word.bbox]), min(head.confidence, word.confidence))
            continue
        out.append(word)
    return tuple(out)


def _raised_tails(page: OcrPage) -> dict[int, Word | None]:
    """id(head) -> the head joined with its raised cents, wherever on the page the cents' word is (a text
    layer may put a column's raised cents in the line of the column before it); the cents' own word maps to
    None."""
    words = [w for line in page.lines for w in line.words]
    tails = [w for w in words if _TAIL.fullmatch(w.text)]
    joined: dict[int, Word | None] = {}
    used: set[int] = set()
    for head in words:
        if not (_HEAD.fullmatch(head.text) or _WHOLE.fullmatch(head.text)):
            continue
        for tail in tails:
            if id(tail) in used or tail is head:
                continue
            text = _joined_text(head, tail, raised_only=True)
            if text is not None:
                bbox = bbox_union([head.bbox, tail.bbox])
                joined[id(head)] = Word(text, bbox, min(head.confidence, tail.confidence))
                joined[id(tail)] = None
                used.add(id(tail))
                break
    return joined


def decimals_rejoined(page: OcrPage) -> OcrPage:
    """The page with every amount split after its decimal separator joined again (on a text layer, only
    raised cents)."""
    raised = _raised_tails(page)
    blocks = []
    changed = bool(raised)
    for block in page.blocks:
        lines = []
        for line in block.lines:
            words = tuple(raised.get(id(w), w) for w in line.words) if raised else line.words
            words = tuple(w for w in words if w is not None)
            if page.source != TEXT_LAYER:
                words = _joined(words)
            if not words:
                continue
            changed |= words != line.words
            lines.append(Line.of(words) if words != line.words else line)
        if lines:
            blocks.append(Block.of(lines))
    return replace(page, blocks=tuple(blocks)) if changed else page
