"""Read a born-digital PDF page's text layer (pypdfium2) into an `OcrPage` with `source="text_layer"`.

Characters with their boxes come from PDFium; words break at whitespace and wide gaps, lines at PDFium's
generated line breaks or a change of baseline; blocks at wide vertical gaps (see `ocr_tasks.layout`).
Boxes are converted once, here, from PDF user space (bottom-left origin, page rotation) to `BBox`.
"""

from __future__ import annotations

import ctypes
import unicodedata

from ocr_tasks.geometry import BBox
from ocr_tasks.layout.grouping import blocks_from_lines
from ocr_tasks.ocr_types import TEXT_LAYER, Line, OcrPage, Word

MIN_USABLE_CHARS = 10  # fewer visible characters than this: the page is treated as a scan
MIN_GOOD_CHAR_RATIO = 0.8  # share of characters that decode to real text (not private use, not U+FFFD)
WORD_GAP_RATIO = 0.6  # a horizontal gap wider than this many char heights splits words
PDFIUM_ENGINE = "pdfium-text-layer"

_LINE_BREAKS = {"\r", "\n", "\x02", "\x03"}


def _is_good(ch: str) -> bool:
    if ch == "\ufffd":
        return False
    return unicodedata.category(ch) not in ("Co", "Cn", "Cc", "Cs")


class _Transform:
    """PDF user space -> relative top-left coordinates of the page as displayed (after /Rotate)."""

    def __init__(self, bounds: tuple[float, float, float, float], rotation: int) -> None:
        self.left, self.bottom, self.right, self.top = bounds
        self.rotation = rotation % 360

    def box(self, left: float, bottom: float, right: float, top: float) -> BBox | None:
        width, height = self.right - self.left, self.top - self.bottom
        if width <= 0 or height <= 0:
            return None
        points = [
            ((x - self.left) / width, (self.top - y) / height) for x, y in ((left, top), (right, bottom))
        ]
        points = [self._rotate(x, y) for x, y in points]
        xs = sorted(min(1.0, max(0.0, p[0])) for p in points)
        ys = sorted(min(1.0, max(0.0, p[1])) for p in points)
        return BBox(xs[0], ys[0], xs[1], ys[1])

    def _rotate(self, x: float, y: float) -> tuple[float, float]:
        if self.rotation == 90:
            return 1.0 - y, x
        if self.rotation == 180:
            return 1.0 - x, 1.0 - y
        if self.rotation == 270:
            return y, 1.0 - x
        return x, y


def _chars(textpage, transform: _Transform):
    """Yield (char, BBox | None) for every character of the text page, generated ones included."""
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    rect = pdfium_c.FS_RECTF()
    for i in range(count):
        ch = chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 0x20)
        box = None
        visible = not ch.isspace() and ch not in _LINE_BREAKS
        if visible and pdfium_c.FPDFText_GetLooseCharBox(raw, i, ctypes.byref(rect)):
            box = transform.box(rect.left, rect.bottom, rect.right, rect.top)
        yield ch, box


def _breaks_line(last: BBox, box: BBox) -> bool:
    """`box` does not continue the line of `last`: another baseline, or back to the left of it."""
    return last.vertical_overlap(box) < 0.5 or box.x1 < last.x0


class _LineBuilder:
    """Collects characters into words and words into lines."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.line_words: list[Word] = []
        self.word_chars: list[str] = []
        self.word_boxes: list[BBox] = []

    def add(self, ch: str, box: BBox) -> None:
        """A visible character: it closes the word at a wide gap, the line at a line change."""
        if self.word_boxes:
            last = self.word_boxes[-1]
            height = max(last.height, box.height, 1e-6)
            if _breaks_line(last, box):
                self.close_line()
            elif box.x0 - last.x1 > WORD_GAP_RATIO * height:
                self.close_word()
        elif self.line_words and _breaks_line(self.line_words[-1].bbox, box):
            self.close_line()
        self.word_chars.append(ch)
        self.word_boxes.append(box)

    def close_word(self) -> None:
        text = "".join(self.word_chars).strip()
        if text:
            boxes = self.word_boxes
            box = BBox(
                min(b.x0 for b in boxes),
                min(b.y0 for b in boxes),
                max(b.x1 for b in boxes),
                max(b.y1 for b in boxes),
            )
            self.line_words.append(Word(text=text, bbox=box, confidence=1.0))
        self.word_chars.clear()
        self.word_boxes.clear()

    def close_line(self) -> None:
        self.close_word()
        if self.line_words:
            self.lines.append(Line.of(self.line_words))
        self.line_words.clear()


def _words_and_lines(chars) -> list[Line]:
    builder = _LineBuilder()
    for ch, box in chars:
        if ch in _LINE_BREAKS:
            builder.close_line()
        elif box is None:
            builder.close_word()
        else:
            builder.add(ch, box)
    builder.close_line()
    return builder.lines


def read_text_layer(pdf_page, *, index: int, dpi: int) -> OcrPage | None:
    """The page's text layer as an `OcrPage`, or None when it has no usable text (a scan, or glyphs that
    do not map to Unicode)."""
    textpage = pdf_page.get_textpage()
    try:
        transform = _Transform(tuple(pdf_page.get_bbox()), pdf_page.get_rotation())
        chars = list(_chars(textpage, transform))
    finally:
        textpage.close()
    visible = [ch for ch, box in chars if box is not None]
    if len(visible) < MIN_USABLE_CHARS:
        return None
    if sum(_is_good(ch) for ch in visible) / len(visible) < MIN_GOOD_CHAR_RATIO:
        return None
    lines = _words_and_lines(chars)
    if not lines:
        return None
    width_pt, height_pt = pdf_page.get_size()  # PDFium reports the displayed size (after /Rotate)
    return OcrPage(
        index=index,
        width=round(width_pt * dpi / 72),
        height=round(height_pt * dpi / 72),
        dpi=dpi,
        blocks=blocks_from_lines(lines),
        source=TEXT_LAYER,
        engine=PDFIUM_ENGINE,
        engine_version=_pdfium_version(),
    )


def _pdfium_version() -> str:
    import pypdfium2

    return f"pypdfium2 {pypdfium2.PYPDFIUM_INFO}"
