"""A coloured stamp's ink dropped from a colour page before it is read.

Bookkeepers stamp invoices (`BEZAHLT`, `PAID`, `GEBUCHT`, `RECEIVED`), usually in red, often across the
totals. Converted to grey, red ink is as dark as print (luma of (217, 41, 46) is about 94 of 255), so
Tesseract reads the stamp's letters into the rows under it and loses the labels it covers (`20 % USt.` under
`BEZAHLT` gave no tax). In the red channel the same ink is nearly white while black print stays black: where
strongly red ink lies over black print - a stamp over the page, not red text printed beside other text - the
page's grey is taken from the red channel there.

Red regions are found on a small copy: pixels whose red exceeds green and blue by RED_MARGIN, grouped
(dilated) into regions; a region is a stamp when the dark, unsaturated print inside its box is at least
MIN_PRINT_SHARE of its red ink (a red heading or a red total printed on its own has next to no black print
within its box). Pages without such a region are left alone.
"""

from __future__ import annotations

ANALYSIS_SIDE = 800
RED_MARGIN = 60  # red above both green and blue by this much: red ink
DARK = 110  # black print: all channels below this
MIN_RED_PIXELS = 150  # on the small copy: smaller red marks are no stamp
INK_LIGHT = 200  # red ink alone is at least this light in the red channel (ink over print is darker)
MIN_PRINT_SHARE = 0.05  # black print inside a red region's box, as a share of its red pixels


def _red_mask(rgb):
    import numpy as np

    r, g, b = (rgb[:, :, k].astype(np.int16) for k in range(3))
    return (r - g > RED_MARGIN) & (r - b > RED_MARGIN)


def stamp_regions(rgb) -> list[tuple[int, int, int, int]]:
    """Boxes (x, y, w, h, full-size pixels) of red ink laid over black print on an RGB numpy page: the red
    regions are found on a small copy, the print inside them counted at full size (thin strokes of print
    turn grey when the page is made small)."""
    import cv2
    import numpy as np

    h, w = rgb.shape[:2]
    scale = min(1.0, ANALYSIS_SIDE / max(h, w))
    small = cv2.resize(rgb, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    red = _red_mask(small)
    if int(red.sum()) < MIN_RED_PIXELS:
        return []
    grown = cv2.dilate(red.astype(np.uint8), np.ones((9, 9), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
    boxes = []
    for label in range(1, count):
        x, y, bw, bh, _ = stats[label]
        if int(red[y : y + bh, x : x + bw].sum()) < MIN_RED_PIXELS:
            continue
        x0, y0 = int(x / scale), int(y / scale)
        x1, y1 = min(w, int((x + bw) / scale) + 2), min(h, int((y + bh) / scale) + 2)
        crop = rgb[y0:y1, x0:x1]
        ink = _red_mask(crop)
        dark = (crop.max(axis=2) < DARK) & ~ink
        if dark.sum() >= MIN_PRINT_SHARE * ink.sum():
            boxes.append((x0, y0, x1 - x0, y1 - y0))
    return boxes


def without_stamp_ink(image):
    """A grey PIL copy of a colour page with its stamps' red ink dropped, or None when it has no stamp (or
    is not in colour)."""
    import numpy as np
    from PIL import Image

    if image.mode not in ("RGB", "RGBA", "P", "CMYK"):
        return None
    rgb = np.asarray(image.convert("RGB"))
    boxes = stamp_regions(rgb)
    if not boxes:
        return None
    grey = np.asarray(image.convert("L")).copy()
    for x, y, w, h in boxes:
        crop = rgb[y : y + h, x : x + w]
        light = crop[:, :, 0].copy()  # red ink is light in the red channel, print stays dark
        light[_red_mask(crop) & (light > INK_LIGHT)] = 255  # the ink alone (not over print) is paper
        grey[y : y + h, x : x + w] = light
    out = Image.fromarray(grey)
    if "dpi" in image.info:
        out.info["dpi"] = image.info["dpi"]
    return out
