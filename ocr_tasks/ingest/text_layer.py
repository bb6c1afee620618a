"""Read a born-digital PDF page's text layer (pypdfium2) into an `OcrPage` with `source="text_layer"`.

Characters with their boxes come from PDFium; words break at whitespace and wide gaps, lines at PDFium's
generated line breaks or a change of baseline; blocks at wide vertical gaps (see `ocr_tasks.layout`).
Boxes are converted once, here, from PDF user space (bottom-left origin, page rotation) to `BBox`.

A space PDFium *generated* (none in the content stream, inferred from glyph positions) breaks a word only
where the page shows a gap: wider than the gaps between the letters around it by `GENERATED_SPACE_RATIO`
character heights. Browsers print letter-spaced text (CSS `letter-spacing`: `R E C H N U N G`, `KANTINE ·
EVENTS`) glyph by glyph and PDFium guesses spaces between the letters; the letters' own spacing is no word
gap.

Text turned off the page's own direction (a registration line rotated into the left margin) is left out of
the lines: PDFium reads it glyph by glyph, each glyph a line of its own, which joined the rows beside it.
"""

from __future__ import annotations

import ctypes
import math
import unicodedata
from collections import Counter

from ocr_tasks.geometry import BBox
from ocr_tasks.ingest.readable_text import reads_as_text
from ocr_tasks.layout.grouping import blocks_from_lines
from ocr_tasks.ocr_types import TEXT_LAYER, Line, OcrPage, Word

MIN_USABLE_CHARS = 10  # fewer visible characters than this: the page is treated as a scan
MIN_GOOD_CHAR_RATIO = 0.8  # share of characters that decode to real text (not private use, not U+FFFD)
WORD_GAP_RATIO = 0.6  # a horizontal gap wider than this many char heights splits words
# a generated space splits words where its gap exceeds the letters' usual gap by this many char heights:
# a word space is 0.14-0.3 of the char height (PDFs without space glyphs, a producer's narrow spaces: 0.145),
# the gaps between the letters of one run vary by < 0.05 of it
GENERATED_SPACE_RATIO = 0.08
# between letters of different sizes on one line (`7,<sup>45</sup>`) no usual gap is known: a gap wider
# than this share of the smaller letter's height splits
SIZE_CHANGE_SPACE_RATIO = 0.25
LETTER_GAP_WINDOW = 12  # letters on each side whose gaps give a run's usual gap
MAX_TURN_DEGREES = 30  # a glyph turned further from the page's text direction is margin text, not a line
PDFIUM_ENGINE = "pdfium-text-layer"

_LINE_BREAKS = {"\r", "\n", "\x02", "\x03"}
# PDFium reports a hyphen glyph that ends a line (TeX's hyphenation `Warenwirt-` / `schaft`, a compound's
# dash at a line end) as U+0002 in place of the line break; the glyph is on the page and read as printed
_LINE_END_HYPHEN = "\x02"


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


def _off_direction(angles: list[float]) -> list[bool]:
    """Which characters run off the page's own text direction: more than `MAX_TURN_DEGREES` from the
    quarter turn most visible characters take (`angles`: PDFium's, in degrees; None for an invisible
    character). A line set turned in the margin (a registration line rotated 90 degrees) is read by PDFium
    glyph by glyph, each its own line, and its letters join the rows beside them; a page whose text all
    turns one way (a landscape page drawn turned) keeps it all."""
    turns = Counter(round(a / 90) % 4 for a in angles if a is not None)
    if not turns:
        return [False] * len(angles)
    main = turns.most_common(1)[0][0] * 90
    return [a is not None and abs((a - main + 180) % 360 - 180) > MAX_TURN_DEGREES for a in angles]


def _chars(textpage, transform: _Transform):
    """(char, BBox | None, generated) for every character of the text page, generated ones included
    (`generated`: PDFium inferred the character, the content stream has none). A character turned off the
    page's text direction (`_off_direction`) has no box: it is no part of the page's lines."""
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    rect = pdfium_c.FS_RECTF()
    out, angles = [], []
    for i in range(count):
        ch = chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 0x20)
        generated = pdfium_c.FPDFText_IsGenerated(raw, i) == 1
        if ch == _LINE_END_HYPHEN and not generated:
            ch = "-"  # the next glyph's baseline breaks the line
        box = None
        visible = not ch.isspace() and ch not in _LINE_BREAKS
        if visible and pdfium_c.FPDFText_GetLooseCharBox(raw, i, ctypes.byref(rect)):
            box = transform.box(rect.left, rect.bottom, rect.right, rect.top)
        angle = pdfium_c.FPDFText_GetCharAngle(raw, i) if box is not None else -1.0
        angles.append(math.degrees(angle) if angle >= 0 else None)  # -1: no angle (no glyph)
        out.append((ch, box, generated))
    return [
        (ch, None, generated) if off else (ch, box, generated)
        for (ch, box, generated), off in zip(out, _off_direction(angles), strict=True)
    ]


def _follows_on_line(a: BBox, b: BBox) -> bool:
    """`b` follows `a` on its line."""
    return a.vertical_overlap(b) >= 0.5 and b.x0 >= a.x0


def _same_size(a: BBox, b: BBox) -> bool:
    return 0.8 <= max(a.height, 1e-9) / max(b.height, 1e-9) <= 1.25


def _spaces_that_split(chars: list, width: float, page_height: float) -> set[int]:
    """Indexes of the generated spaces that split words. The gap across one, between the letters on either
    side, must be wider than the usual gap between neighbouring letters of the same run (letters of one
    size on one line; the lower quartile of `LETTER_GAP_WINDOW` gaps each side) by `GENERATED_SPACE_RATIO`
    char heights; between letters of different sizes on one line (`7,<sup>45</sup>`), wider than
    `SIZE_CHANGE_SPACE_RATIO` of the smaller letter's height. Spaces in the content stream always split.
    `width`, `page_height`: the page's size in points (boxes are relative to it)."""
    visible = [i for i, (_, box, _) in enumerate(chars) if box is not None]
    pairs = list(zip(visible, visible[1:], strict=False))
    gaps: list[float | None] = []  # in points, across nothing but generated spaces, on one line
    runs: list[int] = []  # a run ends at a line break, a change of line or of letter size
    run = 0
    for a, b in pairs:
        between = chars[a + 1 : b]
        box_a, box_b = chars[a][1], chars[b][1]
        on_line = _follows_on_line(box_a, box_b) and not any(ch in _LINE_BREAKS for ch, _, _ in between)
        if not on_line or not _same_size(box_a, box_b):
            run += 1
        soft = on_line and all(ch.isspace() and generated for ch, _, generated in between)
        gaps.append((box_b.x0 - box_a.x1) * width if soft else None)
        runs.append(run)
    splitting = set()
    for k, (a, b) in enumerate(pairs):
        spaces = [i for i in range(a + 1, b) if chars[i][2] and chars[i][0].isspace()]
        spaces = [i for i in spaces if chars[i][0] not in _LINE_BREAKS]
        gap = gaps[k]
        if not spaces or gap is None:
            splitting.update(spaces)  # across lines or beside a space of the content stream: as PDFium says
            continue
        box_a, box_b = chars[a][1], chars[b][1]
        if _same_size(box_a, box_b):
            around = range(max(0, k - LETTER_GAP_WINDOW), min(len(pairs), k + LETTER_GAP_WINDOW + 1))
            window = sorted(g for j in around if runs[j] == runs[k] and (g := gaps[j]) is not None)
            usual = window[len(window) // 4]
            height = max(box_a.height, box_b.height) * page_height
        else:
            usual, height = 0.0, min(box_a.height, box_b.height) * page_height
        ratio = GENERATED_SPACE_RATIO if _same_size(box_a, box_b) else SIZE_CHANGE_SPACE_RATIO
        if gap - usual > ratio * height:
            splitting.update(spaces)
    return splitting


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


def _words_and_lines(chars, size: tuple[float, float]) -> list[Line]:
    builder = _LineBuilder()
    splitting = _spaces_that_split(chars, *size)
    for i, (ch, box, generated) in enumerate(chars):
        if ch in _LINE_BREAKS:
            builder.close_line()
        elif box is None:
            if not generated or not ch.isspace() or i in splitting:
                builder.close_word()
        else:
            builder.add(ch, box)
    builder.close_line()
    return builder.lines


def read_text_layer(pdf_page, *, index: int, dpi: int) -> OcrPage | None:
    """The page's text layer as an `OcrPage`, or None when it has no usable text (a scan, or glyphs that
    do not map to Unicode: control characters, private use, or letters that read as no text,
    `readable_text`)."""
    textpage = pdf_page.get_textpage()
    try:
        transform = _Transform(tuple(pdf_page.get_bbox()), pdf_page.get_rotation())
        chars = list(_chars(textpage, transform))
    finally:
        textpage.close()
    visible = [ch for ch, box, _ in chars if box is not None]
    if len(visible) < MIN_USABLE_CHARS:
        return None
    if sum(_is_good(ch) for ch in visible) / len(visible) < MIN_GOOD_CHAR_RATIO:
        return None
    if not reads_as_text("".join(ch for ch, _, _ in chars)):
        return None  # a font's glyph numbers as printable letters (no `/ToUnicode`): OCR the page
    width_pt, height_pt = pdf_page.get_size()  # PDFium reports the displayed size (after /Rotate)
    lines = _words_and_lines(chars, (width_pt, height_pt))
    if not lines:
        return None
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
