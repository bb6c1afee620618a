"""Uneven light taken out of a page image before it is read (phone photos, receipts on a table).

Tesseract binarises a page with one global threshold: on a phone photo whose light falls off across the
page, or under the shadow of the phone, the darker side's text drowns (a photographed invoice lost its
letterhead, its information block and its items header that way), and a receipt photographed on a dark
table throws the threshold off. The page's background is estimated on a small grey copy - a grey closing
with a kernel of a fortieth of the copy's shorter side (print vanishes into the paper around it), smoothed -
and the page divided by it: paper becomes white everywhere, print stays dark; where the background is far
darker than paper (a table around a receipt) the image is made white, as dividing would only magnify its
grain into specks. Only pages whose paper's brightness varies much (its 95th and 5th percentiles differ by
more than MIN_SPREAD of the 95th) are touched: a scan's background is even and its image is left as it is
(a dark table band covers too little of a page to move the 5th percentile), and a mild fall-off is left
to Tesseract's own thresholding, which copes with it. Photometric only: boxes are unchanged,
so every reader that corrects a page (`orientation.correct`) applies it and their crops line up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

ANALYSIS_SIDE = 600  # longer side of the copy the background is estimated on
KERNEL_SHARE = 0.025  # the closing's kernel, as a share of the copy's shorter side
# Paper brightness variation (share of its bright level) from which a page is flattened: the held-out scans'
# degraded copies (a lamp's fall-off of 20-40 %, strong noise) read as well or better as they are (94 -> 90
# fields right when flattened), phone photos with a shadow (55-60 %) lose whole regions unless flattened
MIN_SPREAD = 0.45
NOT_PAPER = 0.3  # background darker than this share of the paper's level is a table under the page


def _background(gray: np.ndarray) -> np.ndarray:
    """The paper's brightness, estimated on a small copy (at the copy's size)."""
    import cv2

    h, w = gray.shape
    scale = min(1.0, ANALYSIS_SIDE / max(h, w))
    small = cv2.resize(gray, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    k = max(3, int(min(small.shape) * KERNEL_SHARE) | 1)
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    smooth = cv2.GaussianBlur(closed, (0, 0), k / 2)
    return smooth


def _spread(background: np.ndarray) -> tuple[float, float]:
    """(spread, bright level) of a background estimate: how much the paper's brightness varies, (95th - 5th
    percentile) / 95th, over the paper only (a dark table around it is no paper in shadow)."""
    import numpy as np

    high = float(np.percentile(background, 95))
    paper = background[background >= NOT_PAPER * high]
    low = float(np.percentile(paper, 5)) if paper.size else high
    return (high - low) / max(high, 1.0), high


def background_spread(gray: np.ndarray) -> float:
    """How much the page's paper brightness varies (see `_spread`)."""
    return _spread(_background(gray))[0]


def flatten_illumination(gray: np.ndarray, *, always: bool = False) -> np.ndarray | None:
    """The grey page divided by its background (paper white everywhere), or None when its background is
    even (a scan: nothing to do). `always`: however even it looks (a photographed page cut out of the
    photo: `perspective`; the surface around it, which told its light was uneven, is gone)."""
    import cv2
    import numpy as np

    background = _background(gray)
    spread, high = _spread(background)
    if spread < MIN_SPREAD and not always:
        return None
    h, w = gray.shape
    full = cv2.resize(background, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    flat = np.clip(cv2.divide(gray.astype(np.float32), np.maximum(full, 1.0), scale=255.0), 0, 255)
    flat[full < NOT_PAPER * high] = 255  # a dark table around the page: no paper, nothing to read
    return flat.astype(np.uint8)


def flattened(image, *, always: bool = False):
    """A grey PIL copy of `image` with its uneven light taken out, or None when its light is even (and not
    `always`)."""
    import numpy as np
    from PIL import Image

    gray = np.asarray(image.convert("L"))
    flat = flatten_illumination(gray, always=always)
    if flat is None:
        return None
    out = Image.fromarray(flat)
    if "dpi" in image.info:
        out.info["dpi"] = image.info["dpi"]
    return out
