"""Words -> lines -> blocks from the rows of one Tesseract `image_to_data` call.

Tesseract numbers every word with its block, paragraph and line; those numbers are the grouping (a
`Block` is one Tesseract paragraph), in Tesseract's output order, which is its reading order. Line and
block boxes are unions of their word boxes (never Tesseract's line rows, which include empty space).
Pixel boxes and 0-100 confidences are converted here, once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ocr_tasks.geometry import bbox_from_pixels
from ocr_tasks.ocr_types import Block, Line, Word

WORD_LEVEL = 5


def _confidence(value: Any) -> float:
    try:
        conf = float(value)
    except (TypeError, ValueError):
        return 0.0
    return min(1.0, max(0.0, conf / 100.0))


def blocks_from_tesseract(data: Mapping[str, Sequence[Any]], width: int, height: int) -> tuple[Block, ...]:
    """Blocks of lines of words from `image_to_data(..., output_type=DICT)` for a `width` x `height` image."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    order: list[tuple[int, int, int]] = []
    for i, text in enumerate(data.get("text", ())):
        if int(data["level"][i]) != WORD_LEVEL:
            continue
        text = (text or "").strip()
        if not text:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        box = bbox_from_pixels(
            float(data["left"][i]),
            float(data["top"][i]),
            float(data["width"][i]),
            float(data["height"][i]),
            width,
            height,
        )
        if key not in lines:
            lines[key] = []
            order.append(key)
        lines[key].append(Word(text=text, bbox=box, confidence=_confidence(data["conf"][i])))
    blocks: dict[tuple[int, int], list[Line]] = {}
    for key in order:
        blocks.setdefault(key[:2], []).append(Line.of(lines[key]))
    return tuple(Block.of(block_lines) for block_lines in blocks.values())
