"""Draw extracted fields as labelled boxes on a page image (PIL), one highlighted.

Boxes are relative 0-1 `[x0, y0, x1, y1]` with a top-left origin, as the API serves them.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from PIL import Image, ImageDraw, ImageFont

BOX_COLOUR = (30, 110, 230)
HIGHLIGHT_COLOUR = (230, 40, 40)


def field_boxes_on_page(fields: Mapping[str, Mapping[str, Any]], page: int) -> dict[str, tuple[float, ...]]:
    """`{field name: bbox}` for the fields that have a box on page `page`."""
    boxes: dict[str, tuple[float, ...]] = {}
    for name, field in fields.items():
        bbox = field.get("bbox")
        if bbox and len(bbox) == 4 and int(field.get("page") or 0) == page:
            boxes[name] = tuple(float(v) for v in bbox)
    return boxes


def to_pixels(bbox: tuple[float, ...], width: int, height: int) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = (max(0.0, min(1.0, v)) for v in bbox)
    return (
        round(x0 * width),
        round(y0 * height),
        round(x1 * width),
        round(y1 * height),
    )


def draw_field_boxes(
    image_bytes: bytes, boxes: Mapping[str, tuple[float, ...]], highlight: str | None = None
) -> Image.Image:
    """The page as an RGB image with every box outlined and labelled; `highlight` drawn thick and red."""
    image = Image.open(io.BytesIO(image_bytes)).convert("RGB")
    draw = ImageDraw.Draw(image, "RGBA")
    width, height = image.size
    line = max(2, width // 400)
    font_size = max(12, height // 70)
    try:
        font = ImageFont.load_default(size=font_size)
    except TypeError:  # very old Pillow
        font = ImageFont.load_default()
    ordered = sorted(boxes, key=lambda name: name == highlight)  # highlighted one last, on top
    placed: list[tuple[int, int, int, int]] = []
    for name in ordered:
        colour = HIGHLIGHT_COLOUR if name == highlight else BOX_COLOUR
        x0, y0, x1, y1 = to_pixels(boxes[name], width, height)
        if name == highlight:
            draw.rectangle((x0, y0, x1, y1), fill=(*colour, 50))
        draw.rectangle((x0, y0, x1, y1), outline=colour, width=line * (2 if name == highlight else 1))
        left, top, right, bottom = draw.textbbox((0, 0), name, font=font)
        label = _label_position(x0, y0, y1, right - left + 6, bottom - top + 4, width, height, placed)
        placed.append(label)
        draw.rectangle(label, fill=colour)
        draw.text((label[0] + 3 - left, label[1] + 2 - top), name, fill=(255, 255, 255), font=font)
    return image


def _overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _label_position(
    x0: int,
    y0: int,
    y1: int,
    label_w: int,
    label_h: int,
    width: int,
    height: int,
    placed: list[tuple[int, int, int, int]],
) -> tuple[int, int, int, int]:
    """Above the box if free, else below it, else stacked further up, so labels do not hide each other."""
    x = max(0, min(x0, width - label_w))
    candidates = [y0 - label_h, y1] + [y0 - label_h * k for k in range(2, 6)]
    for y in candidates:
        rect = (x, max(0, min(y, height - label_h)), 0, 0)
        rect = (rect[0], rect[1], rect[0] + label_w, rect[1] + label_h)
        if not any(_overlaps(rect, other) for other in placed):
            return rect
    y = max(0, y0 - label_h)
    return (x, y, x + label_w, y + label_h)
