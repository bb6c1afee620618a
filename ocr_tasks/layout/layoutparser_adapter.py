"""Conversion between `OcrPage` and layoutparser's `Layout` of `TextBlock`s (pixel rectangles).

layoutparser is the layout data model of the project (its deep models are not available here); it is
imported inside these functions only, because importing it takes seconds.
Element ids are hierarchical strings: block `"3"`, line `"3.1"`, word `"3.1.4"`; `parent` holds the id of
the enclosing element, so a word-level layout converts back without loss of grouping.
"""

from __future__ import annotations

from ocr_tasks.geometry import bbox_from_pixels
from ocr_tasks.ocr_types import Block, Line, OcrPage, Word

LEVELS = ("block", "line", "word")


def _rectangle(lp, bbox, page: OcrPage):
    x0, y0, x1, y1 = bbox.to_pixels(page.width, page.height)
    return lp.Rectangle(x0, y0, x1, y1)


def to_layoutparser(page: OcrPage, level: str = "block"):
    """A `layoutparser.Layout` of `TextBlock`s, one per block, line or word of `page` (pixel coordinates)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    import layoutparser as lp

    elements = []
    for b, block in enumerate(page.blocks):
        if level == "block":
            elements.append(
                lp.TextBlock(
                    _rectangle(lp, block.bbox, page),
                    text=block.text,
                    id=f"{b}",
                    type="block",
                    score=block.confidence,
                )
            )
            continue
        for n, line in enumerate(block.lines):
            if level == "line":
                elements.append(
                    lp.TextBlock(
                        _rectangle(lp, line.bbox, page),
                        text=line.text,
                        id=f"{b}.{n}",
                        type="line",
                        parent=f"{b}",
                        score=line.confidence,
                    )
                )
                continue
            for w, word in enumerate(line.words):
                elements.append(
                    lp.TextBlock(
                        _rectangle(lp, word.bbox, page),
                        text=word.text,
                        id=f"{b}.{n}.{w}",
                        type="word",
                        parent=f"{b}.{n}",
                        score=word.confidence,
                    )
                )
    return lp.Layout(elements, page_data={"width": page.width, "height": page.height, "index": page.index})


def from_layoutparser(layout, *, width: int, height: int) -> tuple[Block, ...]:
    """Blocks from a word-level `Layout` made by `to_layoutparser(page, "word")` (ids `"b.l.w"`), in order.

    Raises ValueError for other layouts: block- or line-level layouts carry no word boxes."""
    lines: dict[tuple[str, str], list[Word]] = {}
    for element in layout:
        parts = str(element.id).split(".")
        if element.type != "word" or len(parts) != 3:
            raise ValueError("from_layoutparser needs a word-level layout with ids 'block.line.word'")
        x0, y0, x1, y1 = element.coordinates
        box = bbox_from_pixels(x0, y0, x1 - x0, y1 - y0, width, height)
        score = float(element.score) if element.score is not None else 0.0
        lines.setdefault((parts[0], parts[1]), []).append(
            Word(text=element.text or "", bbox=box, confidence=score)
        )
    blocks: dict[str, list[Line]] = {}
    for (block_id, _), words in lines.items():
        blocks.setdefault(block_id, []).append(Line.of(words))
    return tuple(Block.of(block_lines) for block_lines in blocks.values())
