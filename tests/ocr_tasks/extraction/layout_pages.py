"""Text-layer pages built in code for the invoice layout tests: rows of (text, x) chunks placed on an A4
page with exact word boxes, as a PDF text layer would give them."""

from __future__ import annotations

from dataclasses import replace

from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import Block, Line, OcrDocument, OcrPage, SourceDocument, Word

CHAR_W = 0.0085  # page-relative width of a character (10 pt text on A4)
ROW_H = 0.011


def text_layer_page(
    rows: list[list[tuple[str, float]]], *, top: float = 0.05, step: float = 0.018
) -> OcrDocument:
    """One page; row i sits at `top + i * step`; each chunk starts at its x (0-1). Empty rows leave a gap."""
    lines = []
    for i, row in enumerate(rows):
        y = top + i * step
        for text, x in row:
            words, cursor = [], x
            for token in text.split():
                width = len(token) * CHAR_W
                words.append(Word(token, BBox(cursor, y, min(1.0, cursor + width), y + ROW_H), 0.99))
                cursor += width + CHAR_W
            if words:
                lines.append(Line.of(words))
    page = OcrPage(
        index=0,
        width=2480,
        height=3508,
        dpi=300,
        blocks=tuple(Block.of([line]) for line in lines),
        source="text_layer",
        engine="test",
    )
    return OcrDocument(SourceDocument("layout", "memory://layout", "application/pdf", "0" * 64), (page,))


def text_layer_pages(
    pages: list[list[list[tuple[str, float]]]], *, top: float = 0.05, step: float = 0.018
) -> OcrDocument:
    """Several pages, each built as `text_layer_page` builds one, numbered in order (a multi-page PDF)."""
    built = [text_layer_page(rows, top=top, step=step) for rows in pages]
    return OcrDocument(built[0].source, tuple(replace(doc.pages[0], index=i) for i, doc in enumerate(built)))
