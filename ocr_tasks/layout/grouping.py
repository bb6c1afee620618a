"""Group lines into blocks when no engine numbering is available (PDF text layers).

Lines keep their given order (a PDF's content-stream order is usually the author's reading order); a new
block starts at a vertical gap wider than `BLOCK_GAP_RATIO` line heights, or when the next line jumps back
up the page (a new column).
"""

from __future__ import annotations

from statistics import median

from ocr_tasks.ocr_types import Block, Line

BLOCK_GAP_RATIO = 1.0


def blocks_from_lines(lines: list[Line] | tuple[Line, ...]) -> tuple[Block, ...]:
    if not lines:
        return ()
    typical = median(line.bbox.height for line in lines) or 1e-6
    blocks: list[Block] = []
    current: list[Line] = [lines[0]]
    for line in lines[1:]:
        previous = current[-1]
        gap = line.bbox.y0 - previous.bbox.y1
        same_row = previous.bbox.vertical_overlap(line.bbox) > 0.5
        if gap > BLOCK_GAP_RATIO * typical or (gap < -typical and not same_row):
            blocks.append(Block.of(current))
            current = []
        current.append(line)
    blocks.append(Block.of(current))
    return tuple(blocks)
