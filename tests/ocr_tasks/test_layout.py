"""Layout from Tesseract's numbering (pure, from a hand-made `image_to_data` dict), text-layer block
grouping, and the layoutparser round trip."""

from __future__ import annotations

import pytest

from ocr_tasks.geometry import BBox
from ocr_tasks.layout import blocks_from_lines, blocks_from_tesseract, from_layoutparser, to_layoutparser
from ocr_tasks.ocr_types import Line, OcrPage, Word

COLUMNS = (
    "level",
    "page_num",
    "block_num",
    "par_num",
    "line_num",
    "word_num",
    "left",
    "top",
    "width",
    "height",
    "conf",
    "text",
)


def _data(rows):
    return {name: [row[i] for row in rows] for i, name in enumerate(COLUMNS)}


# level, page, block, par, line, word, left, top, width, height, conf, text
ROWS = [
    (1, 1, 0, 0, 0, 0, 0, 0, 1000, 500, -1, ""),
    (2, 1, 1, 0, 0, 0, 100, 50, 700, 120, -1, ""),
    (4, 1, 1, 1, 1, 0, 100, 50, 900, 60, -1, ""),  # Tesseract's own line box: wider than its words
    (5, 1, 1, 1, 1, 1, 100, 50, 200, 40, 96.5, "Invoice"),
    (5, 1, 1, 1, 1, 2, 320, 55, 180, 50, 91.0, "INV-42"),
    (5, 1, 1, 1, 2, 1, 100, 120, 150, 40, 88.0, "Date"),
    (5, 1, 1, 1, 2, 2, 270, 118, 10, 40, 10.0, " "),  # empty word: dropped
    (5, 1, 1, 1, 2, 3, 300, 120, 250, 45, 85.0, "2024-03-12"),
    (5, 1, 2, 1, 1, 1, 600, 400, 200, 50, 70.0, "Total"),
    (5, 1, 2, 1, 1, 2, 820, 402, 120, 48, -1, "62.40"),
]


def test_blocks_lines_words_follow_tesseract_numbering_and_order():
    blocks = blocks_from_tesseract(_data(ROWS), 1000, 500)
    assert [[line.text for line in block.lines] for block in blocks] == [
        ["Invoice INV-42", "Date 2024-03-12"],
        ["Total 62.40"],
    ]
    first_line = blocks[0].lines[0]
    assert first_line.bbox == BBox(0.1, 0.1, 0.5, 0.21)  # union of its words, not Tesseract's 900 px row
    assert blocks[0].bbox == BBox(0.1, 0.1, 0.55, 0.33)
    assert first_line.words[0].confidence == pytest.approx(0.965)
    assert blocks[1].lines[0].words[1].confidence == 0.0  # -1 means no confidence


def test_empty_tesseract_output_gives_no_blocks():
    assert blocks_from_tesseract(_data(ROWS[:3]), 1000, 500) == ()


def _line(y0: float, y1: float, x0: float = 0.1, text: str = "w") -> Line:
    return Line.of([Word(text=text, bbox=BBox(x0, y0, x0 + 0.2, y1), confidence=1.0)])


def test_text_layer_lines_split_into_blocks_at_wide_gaps_and_column_jumps():
    lines = [
        _line(0.10, 0.12),
        _line(0.13, 0.15),
        _line(0.30, 0.32),
        _line(0.33, 0.35),
        _line(0.10, 0.12, x0=0.6),
        _line(0.13, 0.15, x0=0.6),
    ]
    blocks = blocks_from_lines(lines)
    assert [len(b.lines) for b in blocks] == [2, 2, 2]
    assert blocks[2].bbox.x0 == 0.6


def test_layoutparser_round_trip_keeps_words_lines_blocks():
    page = OcrPage(
        index=0, width=1000, height=500, dpi=300, blocks=blocks_from_tesseract(_data(ROWS), 1000, 500)
    )
    blocks = to_layoutparser(page, "block")
    assert [b.text for b in blocks] == [block.text for block in page.blocks]
    assert blocks[0].coordinates == (100, 50, 550, 165)
    lines = to_layoutparser(page, "line")
    assert [b.parent for b in lines] == ["0", "0", "1"]
    words = to_layoutparser(page, "word")
    assert len(words) == len(page.words)
    back = from_layoutparser(words, width=page.width, height=page.height)
    assert [[line.text for line in block.lines] for block in back] == [
        [line.text for line in block.lines] for block in page.blocks
    ]
    for original, restored in zip(
        page.words, (w for b in back for line in b.lines for w in line.words), strict=True
    ):
        assert restored.bbox.to_list() == pytest.approx(original.bbox.to_list(), abs=1e-3)
    with pytest.raises(ValueError):
        from_layoutparser(blocks, width=1000, height=500)
    with pytest.raises(ValueError):
        to_layoutparser(page, "paragraph")
