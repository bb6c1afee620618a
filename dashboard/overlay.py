"""Draw extracted fields as labelled boxes on a page image (PIL), one highlighted.

Boxes are relative 0-1 `[x0, y0, x1, y1]` with a top-left origin, as the API serves them.
"""

from __future__ import annotations

import io
from typing import Any, Mapping

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
    x0, y0, x1, y1 = bbox
    clamp = lambda v: max(0.0, min(1.0, v))  # noqa: E731
    return (round(clamp(x0) * width), round(clamp(y0) * height), round(clamp(x1) * width),
            round(clamp(y1) * height))


def draw_field_boxes(image_bytes: bytes, boxes: Mapping[str, tuple[float, ...]],
                     highlight: str | None = None) -> Image.Image:
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
    for name in ordered:
        colour = HIGHLIGHT_COLOUR if name == highlight else BOX_COLOUR
        x0, y0, x1, y1 = to_pixels(boxes[name], width, height)
        if name == highlight:
            draw.rectangle((x0, y0, x1, y1), fill=colour + (50,))
        draw.rectangle((x0, y0, x1, y1), outline=colour, width=line * (2 if name == highlight else 1))
        left, top, right, bottom = draw.textbbox((0, 0), name, font=font)
        label_y = max(0, y0 - (bottom - top) - 4)
        draw.rectangle((x0, label_y, x0 + (right - left) + 6, label_y + (bottom - top) + 4), fill=colour)
        draw.text((x0 + 3 - left, label_y + 2 - top), name, fill=(255, 255, 255), font=font)
    return image
