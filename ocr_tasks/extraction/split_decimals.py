"""Amounts that OCR split after their decimal separator, joined again before the page's rows are built.

Tesseract reads a monospaced amount (Courier from a line printer, at 200 dpi) as two words when the
separator's cell leaves a gap: `2.215,` `30`, `178,` `40-`. The head then reads as a whole number, the tail
as 30 or 40, and a delivery note's sum or an item's amount is lost. A head that ends in `,` or `.` and a
tail of exactly two digits (and a sign) right after it, closer than one of the head's characters (OCR's
boxes of the two may overlap), are one amount as printed. Text layers are left as they are (their
characters are exact).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ocr_tasks.geometry import bbox_union
from ocr_tasks.ocr_types import TEXT_LAYER, Block, Line, OcrPage, Word

_HEAD = re.compile(r"[-+]?\d[\d.,']*[.,]")
_TAIL = re.compile(r"\d{2}[-+]?")


def _joined(words: tuple[Word, ...]) -> tuple[Word, ...]:
    out: list[Word] = []
    for word in words:
        head = out[-1] if out else None
        if (
            head is not None
            and _HEAD.fullmatch(head.text)
            and _TAIL.fullmatch(word.text)
            and word.bbox.x0 > head.bbox.x0
            and word.bbox.x0 - head.bbox.x1 < head.bbox.width / len(head.text)
        ):
            out[-1] = Word(
                head.text + word.text,
                bbox_union([head.bbox, word.bbox]),
                min(head.confidence, word.confidence),
            )
            continue
        out.append(word)
    return tuple(out)


def decimals_rejoined(page: OcrPage) -> OcrPage:
    """The page with every amount split after its decimal separator joined again (an OCR page only)."""
    if page.source == TEXT_LAYER:
        return page
    blocks = []
    changed = False
    for block in page.blocks:
        lines = []
        for line in block.lines:
            words = _joined(line.words)
            changed |= len(words) != len(line.words)
            lines.append(Line.of(words) if len(words) != len(line.words) else line)
        blocks.append(Block.of(lines))
    return replace(page, blocks=tuple(blocks)) if changed else page
