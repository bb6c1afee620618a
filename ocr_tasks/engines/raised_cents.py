"""Cents printed raised in smaller type after an amount (`49,⁹⁰ €`, `€ 162,⁶⁰`), read on their own.

Shops, restaurants and some office templates print an amount's cents as superscript: two digits at about
60 % of the type size, their foot at mid-height of the figures. Tesseract's page reading takes them for
marks (`49,` `%€`, `35,` `°€`, `179,"`, `37,5°`, or nothing at all), so the amount reads as a whole number
(`172,` -> 172.00) or is lost. This module finds, in the page's reading, a figure that ends in a decimal
separator and is not followed by two digits (`HEAD`), looks right of the separator in the page image for
ink that stands only above the baseline zone (the raised cents: a digit of the amount reaches the baseline,
the separator stands only in that zone), reads that patch enlarged as one line (`psm 7`) and, when it reads
exactly two digits, writes them after the separator; a mark it had made of them (`%`, `°`, `"`) is dropped,
a currency sign kept. Pure apart from the Tesseract call; pages without such a figure are left as read, at
the cost of a pass over their words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ocr_tasks.ocr_types import Block, Line, OcrDocument, OcrPage, Word

# a figure ending in its separator, then what OCR made of raised cents: nothing, marks, a digit and a mark
HEAD = re.compile(r"([€$£]?[-+]?\d[\d.,']*[.,])((?:\d(?=[^\w\s]))?[^\w\s]{0,3})")
# a figure run into marks without its separator (`89°`, `245°`, `1983”`: a scan lost the comma and read
# the raised cents as marks, or one of them as a digit of the figure): read again from the image
MERGED = re.compile(r"([€$£]?[-+]?\d[\d.,']*)([^\w\s]{1,3})")
CURRENCY = re.compile(r"[€$£]")
DARK = 128  # grey level under which a pixel is ink
BASELINE_ZONE = 0.7  # ink below this share of the figures' height (from their top) reaches the baseline
REACH = 1.6  # look this many figure heights right of the separator at most
MAX_START = 0.6  # the raised cents start within this many figure heights after the separator
TARGET_PIXELS = 48  # the raised digits are enlarged to about this height
PSM = 7
TIMEOUT_SECONDS = 5.0
MAX_READS = 12  # figures looked at per page at most


def _raised_columns(image, left: int, right: int, top: int, bottom: int) -> tuple[int, int, int] | None:
    """(the separator's first, the cents' first, the cents' last) pixel column of the raised cents in
    `left..right`, rows `top..bottom` (the figures' box): the first run of columns whose ink stands only above
    the baseline zone that follows, within `MAX_START` box heights, a run whose ink stands only in it (the
    separator, `,` or `.`); None if none."""
    import numpy as np

    height = bottom - top
    if right - left < 3 or height < 6:
        return None
    patch = np.asarray(image.crop((left, top, right, bottom)).convert("L")) < DARK
    split = round(BASELINE_ZONE * height)
    upper, lower = patch[:split].any(axis=0), patch[split:].any(axis=0)
    gap = max(2, round(0.15 * height))
    separator_start = separator_end = None
    c = 0
    while c < len(upper):
        if lower[c] and not upper[c]:
            separator_start = c
            while c < len(upper) and lower[c] and not upper[c]:
                c += 1
            separator_end = c
            continue
        if (
            upper[c]
            and not lower[c]
            and separator_end is not None
            and c - separator_end <= MAX_START * height
        ):
            first = last = c
            while c < len(upper) and not lower[c] and c - last <= gap:
                if upper[c]:
                    last = c
                c += 1
            return left + separator_start, left + first, left + last
        if upper[c]:
            separator_end = None  # a figure after the separator: no raised cents there
        c += 1
    return None


def _read_patch(image, box: tuple[int, int, int, int], languages: str) -> str:
    from PIL import Image, ImageOps

    from ocr_tasks.engines.tesseract import read_image_text

    crop = image.crop(box).convert("L")
    scale = max(1.0, min(6.0, TARGET_PIXELS / max(1, crop.height)))
    crop = crop.resize((round(crop.width * scale), round(crop.height * scale)), Image.Resampling.LANCZOS)
    crop = ImageOps.expand(crop, border=16, fill=255)
    try:
        return read_image_text(crop, languages=languages, psm=PSM, timeout=TIMEOUT_SECONDS).strip()
    except Exception:  # noqa: BLE001 (an unreadable patch adds nothing)
        return ""


def _cents(
    image, head: Word, next_word: Word | None, figure_end: float, languages: str, *, figure: bool = False
) -> tuple[str | None, str] | None:
    """(the figure with its separator, when `figure` asks it read again, else None; the two raised digits)
    right of `head`'s separator (`figure_end`: its relative x), or None."""
    width, height = image.size
    x0, y0, y1 = round(figure_end * width), round(head.bbox.y0 * height), round(head.bbox.y1 * height)
    h = y1 - y0
    limit = max(x0, round(head.bbox.x1 * width)) + round(REACH * h)
    if next_word is not None and next_word.bbox.x0 * width > x0 and not CURRENCY.search(next_word.text):
        limit = min(limit, round(next_word.bbox.x0 * width))
    found = _raised_columns(image, round(head.bbox.x0 * width), min(width, limit), y0, y1)
    if found is None:
        return None
    separator, first, last = found
    pad = max(2, round(0.1 * h))
    text = _read_patch(
        image,
        (max(0, first - pad), max(0, y0 - pad), min(width, last + pad + 1), y0 + round(0.7 * h)),
        languages,
    )
    digits = text.replace(" ", "")
    if not re.fullmatch(r"\d{2}", digits):
        return None
    if not figure:
        return None, digits
    # the figure as far as its separator, without the raised cents OCR ran into it (`245°` for `24,⁵⁰`)
    left = max(0, round(head.bbox.x0 * width) - pad)
    read = _read_patch(image, (left, max(0, y0 - pad), first - 1, min(height, y1 + pad)), languages)
    read = read.replace(" ", "")
    return (read, digits) if HEAD.fullmatch(read) and not HEAD.fullmatch(read).group(2) else None


def with_raised_cents(page: OcrPage, image, *, languages: str = "eng") -> OcrPage:
    """`page` (read from `image`, turned and deskewed as the reading was) with the raised cents of its
    amounts read and written after their separators (see the module docstring)."""
    reads = 0
    blocks = []
    changed = False
    for block in page.blocks:
        lines = []
        for line in block.lines:
            words = list(line.words)
            i = 0
            while i < len(words) and reads < MAX_READS:
                match = HEAD.fullmatch(words[i].text) or MERGED.fullmatch(words[i].text)
                after = words[i + 1] if i + 1 < len(words) else None
                if match is None or (after is not None and re.match(r"\d{2}", after.text)):
                    i += 1
                    continue
                head = words[i]
                share = len(match.group(1)) / len(head.text)
                figure_end = head.bbox.x0 + share * head.bbox.width
                reads += 1
                merged = match.re is MERGED
                found = _cents(image, head, after, figure_end, languages, figure=merged)
                if found is None:
                    i += 1
                    continue
                figure, cents = found
                junk = after is not None and not any(ch.isalnum() for ch in after.text)
                marks = match.group(2) + (after.text if junk else "")
                sign = CURRENCY.search(marks)
                words[i] = Word((figure or match.group(1)) + cents, head.bbox, head.confidence)
                if junk:
                    rest = sign.group(0) if sign else ""
                    words[i + 1 : i + 2] = [replace(after, text=rest)] if rest else []
                elif sign:
                    words.insert(i + 1, Word(sign.group(0), head.bbox, head.confidence))
                changed = True
                i += 1
            lines.append(Line.of(words) if words != list(line.words) else line)
        blocks.append(Block.of(lines))
    return replace(page, blocks=tuple(blocks)) if changed else page


def document_with_raised_cents(ingested, document: OcrDocument, *, languages: str = "eng") -> OcrDocument:
    """`document` with the raised cents of each image page's amounts read (`with_raised_cents`); the
    document as it is when no page image exists or no amount ends in a bare separator."""
    from ocr_tasks.engines.orientation import correct, open_page

    if ingested is None:
        return document
    images = {p.index: p.image_path for p in ingested.pages if p.image_path}
    pages = []
    for page in document.pages:
        path = images.get(page.index)
        heads = path is not None and page.source != "text_layer" and _has_bare_head(page)
        if not heads:
            pages.append(page)
            continue
        image = correct(open_page(path), rotation=page.rotation, skew=page.skew)
        pages.append(with_raised_cents(page, image.convert("L"), languages=languages))
    changed = any(a is not b for a, b in zip(pages, document.pages, strict=True))
    return replace(document, pages=tuple(pages)) if changed else document


def _has_bare_head(page: OcrPage) -> bool:
    for line in page.lines:
        for word, after in zip(line.words, line.words[1:] + (None,), strict=True):
            bare = HEAD.fullmatch(word.text) or MERGED.fullmatch(word.text)
            if bare and not (after is not None and re.match(r"\d{2}", after.text)):
                return True
    return False
