"""Columns side by side whose lines sit at other heights, read one column at a time.

Tesseract's `psm 6` reads a page as one block of text: two blocks printed side by side (the recipient's
address window beside the sender's details, a letterhead beside the title and the amount due, the
document's info block beside the address) become one set of lines. When the two columns' lines sit at
other heights, one line of the reading takes words of both (`Studio Kanaalzicht B.V.  030 231 88 40` from
two rows half a line apart), the parties' lines mix, and the baseline fitted across both loses letters
(`egatoria foscana` for a 12 pt name beside 9 pt text; `tun phentaas3606` for a VAT id in a box).

Such a line is found in the page's own reading: two parts of it a column gap apart (`GAP_HEIGHTS` word
heights) whose middles lie at least `OFFSET_SHARE` of a word's height apart. Around it, the page image
gives the block: the pixel rows up and down to an empty band of `BLANK_HEIGHTS` word heights, as long as a
vertical strip of white (the gutter) still parts the columns. The block is cut at the gutters that part
such lines and each part is read on its own (the page's mode, words placed back on the page); the words
the page's reading had in the block's rows are replaced by them. Pages without such a line (most
receipts, one-column letters, tables whose cells share their rows) are left as read, at no cost beyond a
pass over the reading's words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

WORD_LEVEL = 5
GAP_HEIGHTS = 1.5  # a gap this many word heights wide parts columns (a word space is ~0.3-0.5)
OFFSET_SHARE = 0.5  # middles of the two parts this share of the smaller part's height apart
BLANK_HEIGHTS = 1.5  # an empty band this many word heights high ends a block
DARK = 128  # grey level under which a pixel is ink
MAX_BLOCKS = 4  # blocks read again per page at most
PAD_PIXELS = 10  # white border around each part: Tesseract misses text touching the edge
AFTER_BLOCK = 10_000  # block numbers of the page's words after a block read again start this much higher
# the columns read apart are kept unless Tesseract is this much less sure of them (mean word confidence,
# 0-100) than of its page reading of the block: a stamp's remains read 61 against 75, a letterhead the page
# reading merged 93.7 against 94.1
CONFIDENCE_MARGIN = 5.0
COLUMN_PSMS = (4, 6)  # page segmentation modes that read a page as one column (`psm 3` finds blocks)


@dataclass(frozen=True, slots=True)
class Gap:
    """A column gap inside one line of the reading, in pixels: the line's rows and the gap's columns."""

    top: int
    bottom: int
    left: int
    right: int


@dataclass(frozen=True, slots=True)
class Block:
    """Rows `top`..`bottom` (pixels, inclusive) of the page cut at the x positions `cuts`."""

    top: int
    bottom: int
    cuts: tuple[int, ...]


def _words(data: dict) -> list[int]:
    return [
        i
        for i, t in enumerate(data.get("text", ()))
        if int(data["level"][i]) == WORD_LEVEL and (t or "").strip()
    ]


def _box(data: dict, i: int) -> tuple[int, int, int, int]:
    left, top = int(data["left"][i]), int(data["top"][i])
    return left, top, left + int(data["width"][i]), top + int(data["height"][i])


def _is_text(word: str) -> bool:
    return sum(ch.isalnum() for ch in word) >= 2


def word_height(data: dict) -> float:
    """The median height of the reading's words of two or more letters or digits (pixels)."""
    heights = sorted(_box(data, i)[3] - _box(data, i)[1] for i in _words(data) if _is_text(data["text"][i]))
    return float(heights[len(heights) // 2]) if heights else 0.0


def _band(part: list[int], data: dict) -> tuple[float, float]:
    """The rows of a part of a line: the medians of its text words' tops and bottoms."""
    boxes = sorted((_box(data, i) for i in part if _is_text(data["text"][i])), key=lambda b: b[1])
    tops = sorted(b[1] for b in boxes)
    bottoms = sorted(b[3] for b in boxes)
    return tops[len(tops) // 2], bottoms[len(bottoms) // 2]


def offset_gaps(data: dict, height: float) -> list[Gap]:
    """The column gaps of the reading's lines whose two sides sit at other heights."""
    lines: dict[tuple, list[int]] = {}
    for i in _words(data):
        lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    gaps = []
    for words in lines.values():
        words.sort(key=lambda i: _box(data, i)[0])
        parts = [[words[0]]]
        for a, b in zip(words, words[1:], strict=False):
            if _box(data, b)[0] - _box(data, a)[2] >= GAP_HEIGHTS * height:
                parts.append([b])
            else:
                parts[-1].append(b)
        for left, right in zip(parts, parts[1:], strict=False):
            if not any(_is_text(data["text"][i]) for i in left) or not any(
                _is_text(data["text"][i]) for i in right
            ):
                continue
            (t0, b0), (t1, b1) = _band(left, data), _band(right, data)
            smaller = max(1.0, min(b0 - t0, b1 - t1))
            if abs((t0 + b0) - (t1 + b1)) / 2 >= OFFSET_SHARE * smaller:
                boxes = [_box(data, i) for i in left + right]
                gaps.append(
                    Gap(
                        top=min(b[1] for b in boxes),
                        bottom=max(b[3] for b in boxes),
                        left=max(_box(data, i)[2] for i in left),
                        right=min(_box(data, i)[0] for i in right),
                    )
                )
    return gaps


def _white_run(ink_columns, x: int) -> tuple[int, int] | None:
    """The run of columns without ink around column `x` (None when `x` holds ink)."""
    if ink_columns[x]:
        return None
    left, right = x, x
    while left > 0 and not ink_columns[left - 1]:
        left -= 1
    while right < len(ink_columns) - 1 and not ink_columns[right + 1]:
        right += 1
    return left, right


def grow_block(ink, gap: Gap, height: float) -> tuple[int, int] | None:
    """Rows (top, bottom) of the block around a line with a column gap: up and down from the line while a
    gutter of `GAP_HEIGHTS` word heights still parts its columns, to an empty band of `BLANK_HEIGHTS` word
    heights (or the last empty row before a line that crosses the gutter). None when the line's own rows
    leave no such gutter."""
    rows_ink = ink.any(axis=1)
    columns = ink[gap.top : gap.bottom + 1].any(axis=0)
    middle = (gap.left + gap.right) // 2
    if _white_run(columns, middle) is None:
        return None
    wide = GAP_HEIGHTS * height
    ends = []
    for step in (-1, 1):
        y = gap.top if step < 0 else gap.bottom
        end, blank, last_blank = y, 0, None
        seen = columns.copy()
        while 0 <= y + step < ink.shape[0]:
            y += step
            if not rows_ink[y]:
                blank += 1
                last_blank = y
                if blank >= BLANK_HEIGHTS * height:
                    break
                continue
            blank = 0
            seen_now = seen | ink[y]
            run = _white_run(seen_now, middle)
            if run is None or run[1] - run[0] < wide:
                end = last_blank if last_blank is not None else None
                break
            seen = seen_now
            end = y
        if end is None:
            return None
        ends.append(end)
    top, bottom = ends
    return (int(top), int(bottom)) if bottom >= top else None


def column_blocks(ink, gaps: list[Gap], height: float) -> list[Block]:
    """The blocks of the page (`ink`: a boolean image) around the lines with an offset column gap (blocks
    that overlap made one), each cut at the gutters those lines cross."""
    spans: list[tuple[int, int]] = []
    for gap in gaps:
        middle_row = (gap.top + gap.bottom) // 2
        if any(top <= middle_row <= bottom for top, bottom in spans):
            continue
        rows = grow_block(ink, gap, height)
        if rows is None:
            continue
        top, bottom = rows
        for other in [s for s in spans if s[0] <= bottom and top <= s[1]]:
            spans.remove(other)
            top, bottom = min(top, other[0]), max(bottom, other[1])
        spans.append((top, bottom))
    blocks = []
    for top, bottom in sorted(spans)[:MAX_BLOCKS]:
        columns = ink[top : bottom + 1].any(axis=0)
        cuts = set()
        for gap in gaps:
            if not top <= (gap.top + gap.bottom) // 2 <= bottom:
                continue
            for x in range(gap.left, gap.right + 1):
                run = _white_run(columns, x)
                if run is not None and run[1] - run[0] >= GAP_HEIGHTS * height:
                    cuts.add((run[0] + run[1]) // 2)
                    break
        if cuts:
            blocks.append(Block(top, bottom, tuple(sorted(cuts))))
    return blocks


Reader = Callable[[object], dict]  # a PIL image -> `image_to_data` dict


def read_columns(data: dict, open_image: Callable[[], object], read: Reader) -> dict:
    """The reading `data` of a page image (`image_to_data` as a dict, in the image's pixels) with the
    blocks of columns at other heights read again one column at a time (`read`: an image -> its reading);
    `data` itself when the page has none. `open_image` gives the image (a PIL image, as Tesseract read it),
    asked only when the reading holds such a line."""
    import numpy as np
    from PIL import ImageOps

    height = word_height(data)
    gaps = offset_gaps(data, height) if height else []
    if not gaps:
        return data
    image = open_image().convert("L")
    gray = np.asarray(image)
    blocks = column_blocks(gray < DARK, gaps, height)
    if not blocks:
        return data
    new_words: dict[int, list[dict]] = {}
    next_block = max((int(b) for b in data["block_num"]), default=0) + 1
    for k, block in enumerate(blocks):
        edges = (0, *block.cuts, gray.shape[1])
        entries = []
        for x0, x1 in zip(edges, edges[1:], strict=False):
            part = image.crop((x0, block.top, x1, block.bottom + 1))
            try:
                read_data = read(ImageOps.expand(part, border=PAD_PIXELS, fill=255))
            except Exception:  # noqa: BLE001 - a part not read: the page's reading of the block stands
                entries = None
                break
            for i in _words(read_data):
                left, top, right, bottom = _box(read_data, i)
                entries.append(
                    {
                        "level": WORD_LEVEL,
                        "page_num": 1,
                        "block_num": next_block,
                        "par_num": int(read_data["block_num"][i]) * 100 + int(read_data["par_num"][i]),
                        "line_num": int(read_data["line_num"][i]),
                        "word_num": int(read_data["word_num"][i]),
                        "left": left - PAD_PIXELS + x0,
                        "top": top - PAD_PIXELS + block.top,
                        "width": right - left,
                        "height": bottom - top,
                        "conf": read_data["conf"][i],
                        "text": read_data["text"][i],
                    }
                )
            next_block += 1
        if entries is not None and _surer(entries, _words_in(data, block)):
            new_words[k] = entries
    if not new_words:
        return data
    return _replaced(data, blocks, new_words)


def _words_in(data: dict, block: Block) -> list[dict]:
    """The page reading's words whose middle lies in the block's rows."""
    out = []
    for i in _words(data):
        _, top, _, bottom = _box(data, i)
        if block.top <= (top + bottom) / 2 <= block.bottom:
            out.append({"conf": data["conf"][i], "text": data["text"][i]})
    return out


def _mean_confidence(entries: list[dict]) -> float:
    confs = [float(e["conf"]) for e in entries if _is_text(str(e["text"])) and float(e["conf"]) >= 0]
    return sum(confs) / len(confs) if confs else 0.0


def _surer(new: list[dict], old: list[dict]) -> bool:
    """Whether the columns read apart are read about as surely as the page's reading of the block, or
    more (a stamp's remains can put a line at other heights where the page's reading was right: then the
    crops read worse, and the page's reading stands)."""
    return _mean_confidence(new) >= _mean_confidence(old) - CONFIDENCE_MARGIN


def _replaced(data: dict, blocks: list[Block], new_words: dict[int, list[dict]]) -> dict:
    """`data` with the words whose middle lies in a block's rows replaced by that block's new words (placed
    where the block's first word was, so the reading order stays top to bottom)."""
    keys = list(data)
    out: dict[str, list] = {key: [] for key in keys}
    placed = set()

    def add(entry: dict) -> None:
        for key in keys:
            out[key].append(entry.get(key, ""))

    for i in range(len(data["text"])):
        inside = None
        if int(data["level"][i]) == WORD_LEVEL:
            _, top, _, bottom = _box(data, i)
            middle = (top + bottom) / 2
            inside = next(
                (k for k, b in enumerate(blocks) if k in new_words and b.top <= middle <= b.bottom), None
            )
        if inside is None:
            entry = {key: data[key][i] for key in keys}
            if placed:  # the page's words after a block: a block of their own, after it in reading order
                entry["block_num"] = int(entry["block_num"]) + AFTER_BLOCK * len(placed)
            add(entry)
            continue
        if inside not in placed:
            placed.add(inside)
            for entry in new_words[inside]:
                add(entry)
    for k, entries in new_words.items():  # a block whose rows held no word of the page's reading
        if k not in placed:
            for entry in entries:
                add(entry)
    return out
