"""Draw extracted fields as outlined boxes on a page image (PIL), labelled beside the text, one highlighted.

Boxes are relative 0-1 `[x0, y0, x1, y1]` with a top-left origin, as the API serves them. A box is an
outline drawn just outside the text it marks (never filled, so the text stays readable); the highlighted
one is red and thicker. Each label is a small tag put where the page has no ink: the candidate positions
around its box (beside it, above, below, then further out) are scored by how much dark text they would
cover (an integral image of the page's dark pixels), by overlap with other labels and boxes, and by
distance; a label placed away from its box gets a thin leader line. `view` crops the page first (zoom).
A corrected field's box is labelled `<name> (as read)`: where the extracted value was read.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFont

BOX_COLOUR = (30, 110, 230)
HIGHLIGHT_COLOUR = (220, 30, 30)
TAG_ALPHA = 215  # label tags are nearly opaque: what little they cover still shows through
INK_LEVEL = 150  # grey values below this always count as ink (text, lines, stamps)
MIN_RENDER_WIDTH = 1000  # a crop (or a small page) is scaled up to at least this many pixels wide
DISPLAY_FONT_RATIO = 44  # label font = rendered width / this (about 13 px when shown ~570 px wide)
FULL_PAGE = (0.0, 0.0, 1.0, 1.0)

Rect = tuple[int, int, int, int]


AS_READ = " (as read)"  # after the name of a corrected field's box


def field_boxes_on_page(fields: Mapping[str, Mapping[str, Any]], page: int) -> dict[str, tuple[float, ...]]:
    """`{field name: bbox}` for the fields that have a box on page `page`. A field a reviewer corrected is
    named `<name> (as read)`: its box marks where the extracted value was read, which may not be where
    the right value is printed (a receipt's vendor box stayed on the address line it was misread from,
    labelled "vendor name", after the name was corrected to the shop's name above it)."""
    boxes: dict[str, tuple[float, ...]] = {}
    for name, field in fields.items():
        bbox = field.get("bbox")
        if bbox and len(bbox) == 4 and int(field.get("page") or 0) == page:
            boxes[f"{name}{AS_READ}" if field.get("corrected") else name] = tuple(float(v) for v in bbox)
    return boxes


def to_pixels(bbox: tuple[float, ...], width: int, height: int) -> Rect:
    x0, y0, x1, y1 = (max(0.0, min(1.0, v)) for v in bbox)
    return (
        round(x0 * width),
        round(y0 * height),
        round(x1 * width),
        round(y1 * height),
    )


def zoom_view(center_box: tuple[float, ...] | None, zoom: float) -> tuple[float, float, float, float]:
    """The relative region `1/zoom` of the page wide and high, centred on `center_box` (else on the top
    middle of the page), moved inside the page."""
    if zoom <= 1:
        return FULL_PAGE
    size = 1.0 / zoom
    if center_box is None:
        cx, cy = 0.5, size / 2
    else:
        cx, cy = (center_box[0] + center_box[2]) / 2, (center_box[1] + center_box[3]) / 2
    x0 = max(0.0, min(1.0 - size, cx - size / 2))
    y0 = max(0.0, min(1.0 - size, cy - size / 2))
    return (x0, y0, x0 + size, y0 + size)


def _in_view(bbox: tuple[float, ...], view: tuple[float, ...]) -> tuple[float, ...] | None:
    """`bbox` relative to `view` (clipped to it), or None when it lies outside."""
    vx0, vy0, vx1, vy1 = view
    x0, y0, x1, y1 = max(bbox[0], vx0), max(bbox[1], vy0), min(bbox[2], vx1), min(bbox[3], vy1)
    if x1 <= x0 or y1 <= y0:
        return None
    w, h = vx1 - vx0, vy1 - vy0
    return ((x0 - vx0) / w, (y0 - vy0) / h, (x1 - vx0) / w, (y1 - vy0) / h)


def _font(size: int) -> Any:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # very old Pillow
        return ImageFont.load_default()


def label_text(name: str) -> str:
    return name.replace("_", " ")


class InkMap:
    """Counts dark pixels in any rectangle of the page in O(1) (a summed-area table)."""

    def __init__(self, image: Image.Image) -> None:
        grey = np.asarray(image.convert("L"), dtype=np.uint8)
        # faint print (thermal receipts) is ink too: anything clearly darker than the paper
        level = max(INK_LEVEL, min(215, int(np.median(grey)) - 35))
        ink = grey < level
        self.height, self.width = ink.shape
        self.table = np.zeros((self.height + 1, self.width + 1), dtype=np.int64)
        self.table[1:, 1:] = ink.cumsum(0).cumsum(1)

    def fraction(self, rect: Rect) -> float:
        """Share of dark pixels in `rect`; the part outside the page counts as fully inked."""
        x0, y0, x1, y1 = rect
        area = max(1, (x1 - x0) * (y1 - y0))
        cx0, cy0 = max(0, min(self.width, x0)), max(0, min(self.height, y0))
        cx1, cy1 = max(0, min(self.width, x1)), max(0, min(self.height, y1))
        inside = max(0, cx1 - cx0) * max(0, cy1 - cy0)
        t = self.table
        dark = int(t[cy1, cx1] - t[cy0, cx1] - t[cy1, cx0] + t[cy0, cx0]) if inside else 0
        return (dark + (area - inside)) / area


def _overlap(a: Rect, b: Rect) -> float:
    """Area of the intersection of `a` and `b` as a share of `a`."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(0, w) * max(0, h) / max(1, (a[2] - a[0]) * (a[3] - a[1]))


def _candidates(box: Rect, size: tuple[int, int], gap: int) -> list[tuple[Rect, float]]:
    """Label rectangles around `box`, with their distance from it: beside the box on its line first,
    then above and below, then stepping further out left/right and up/down."""
    x0, y0, x1, y1 = box
    w, h = size
    mid = (y0 + y1) // 2 - h // 2
    spots: list[tuple[int, int]] = [
        (x1 + gap, mid),
        (x0 - gap - w, mid),
        (x0, y0 - gap - h),
        (x0, y1 + gap),
        (x1 - w, y0 - gap - h),
        (x1 - w, y1 + gap),
    ]
    step = max(h, 8)
    for k in range(1, 16):
        spots += [(x1 + gap + k * step, mid), (x0 - gap - w - k * step, mid)]
        for dy in (-k * step, k * step):
            spots += [(x1 + gap, mid + dy), (x0 - gap - w, mid + dy), (x0, y0 - gap - h + dy)]
    out = []
    for x, y in spots:
        rect = (x, y, x + w, y + h)
        dx = max(0, x0 - rect[2], rect[0] - x1)
        dy = max(0, y0 - rect[3], rect[1] - y1)
        out.append((rect, float(np.hypot(dx, dy))))
    return out


def place_label(
    box: Rect, size: tuple[int, int], ink: InkMap, taken: list[Rect], boxes: list[Rect], gap: int
) -> Rect:
    """The free spot nearest `box` for a label of `size`: least ink, not on other labels or boxes."""
    best: tuple[float, Rect] | None = None
    diagonal = float(np.hypot(ink.width, ink.height)) or 1.0
    for rect, distance in _candidates(box, size, gap):
        cost = ink.fraction(rect) * 4 + _overlap(rect, box) * 20  # never on the field's own text
        cost += sum(_overlap(rect, other) for other in taken) * 10
        cost += sum(_overlap(rect, other) for other in boxes) * 3
        cost += distance / diagonal * 2
        if best is None or cost < best[0]:
            best = (cost, rect)
    assert best is not None
    return best[1]


def draw_field_boxes(
    image_bytes: bytes,
    boxes: Mapping[str, tuple[float, ...]],
    highlight: str | None = None,
    view: tuple[float, ...] = FULL_PAGE,
) -> Image.Image:
    """The page (or its `view` region) as an RGB image with every box outlined just outside its text,
    `highlight` thick and red, each labelled in a free spot next to it."""
    page = Image.open(io.BytesIO(image_bytes)).convert("RGB")
    if tuple(view) != FULL_PAGE:
        page = page.crop(to_pixels(tuple(view), *page.size))
    if page.width < MIN_RENDER_WIDTH:
        scale = MIN_RENDER_WIDTH / page.width
        page = page.resize((MIN_RENDER_WIDTH, max(1, round(page.height * scale))), Image.Resampling.LANCZOS)
    visible = {name: b for name, b in ((n, _in_view(b, view)) for n, b in boxes.items()) if b is not None}
    if not visible:
        return page
    ink = InkMap(page)
    draw = ImageDraw.Draw(page, "RGBA")
    line = max(2, page.width // 500)
    font = _font(max(11, round(page.width / DISPLAY_FONT_RATIO)))
    pad = max(2, font.size // 5) if hasattr(font, "size") else 2
    pixel_boxes: dict[str, Rect] = {}
    for name, bbox in visible.items():
        x0, y0, x1, y1 = to_pixels(bbox, *page.size)
        grow = line * (2 if name == highlight else 1) + 1  # the outline sits outside the text
        pixel_boxes[name] = (x0 - grow, y0 - grow, x1 + grow, y1 + grow)
    for name in sorted(pixel_boxes, key=lambda n: n == highlight):  # highlighted one last, on top
        colour = HIGHLIGHT_COLOUR if name == highlight else BOX_COLOUR
        draw.rectangle(pixel_boxes[name], outline=colour, width=line * (2 if name == highlight else 1))
    taken: list[Rect] = []
    order = sorted(pixel_boxes, key=lambda n: (n != highlight, pixel_boxes[n][1]))  # highlighted first
    _, text_top, _, text_bottom = font.getbbox("Ag")
    for name in order:
        text = label_text(name)
        left, _, right, _ = font.getbbox(text)
        size = (right - left + 2 * pad, text_bottom - text_top + 2 * pad)
        others = [b for n, b in pixel_boxes.items() if n != name]
        rect = place_label(pixel_boxes[name], size, ink, taken, others, gap=line + 2)
        rect = _inside(rect, page.size)
        taken.append(rect)
        colour = HIGHLIGHT_COLOUR if name == highlight else BOX_COLOUR
        _leader(draw, rect, pixel_boxes[name], colour, max(1, line // 2))
        draw.rounded_rectangle(rect, radius=pad, fill=(*colour, TAG_ALPHA))
        draw.text((rect[0] + pad - left, rect[1] + pad - text_top), text, fill=(255, 255, 255), font=font)
    return page


def _inside(rect: Rect, size: tuple[int, int]) -> Rect:
    w, h = rect[2] - rect[0], rect[3] - rect[1]
    x = max(0, min(size[0] - w, rect[0]))
    y = max(0, min(size[1] - h, rect[1]))
    return (x, y, x + w, y + h)


def _leader(draw: ImageDraw.ImageDraw, label: Rect, box: Rect, colour: tuple[int, ...], width: int) -> None:
    """A thin line from a label that does not touch its box to the nearest point of the box."""
    lx = min(max(box[0], (label[0] + label[2]) // 2), box[2])
    ly = min(max(box[1], (label[1] + label[3]) // 2), box[3])
    ax = min(max(label[0], lx), label[2])
    ay = min(max(label[1], ly), label[3])
    if abs(ax - lx) + abs(ay - ly) > 6:
        draw.line([(ax, ay), (lx, ly)], fill=(*colour, 170), width=width)
