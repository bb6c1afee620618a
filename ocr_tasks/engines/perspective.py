"""Perspective correction of a page photographed at an angle (a keystoned phone photo): the page's four
corners found on a small grey copy (OpenCV), the page warped to a rectangle.

Only when the corners are sure, so that flat scans and receipts are never touched: the page must be
a bright quadrilateral on a clearly darker surface, wholly inside the frame (no corner within
`BORDER_MARGIN` of the image's edge), covering `MIN_AREA`-`MAX_AREA` of the image, its outline a clean
quadrilateral (the polygon fitted to the outline has four corners and holds `MIN_FILL` of the outline's
area), and in perspective: a corner's angle `MIN_KEYSTONE`+ degrees off 90 (a page merely turned is a
rectangle, which the deskew handles: it is left alone). Deterministic in the image, so every reader of
the page (`orientation.correct`) warps it the same way and their boxes line up.
"""

from __future__ import annotations

import math

ANALYSIS_SIDE = 800  # longer side of the grey copy the corners are searched on
MIN_AREA, MAX_AREA = 0.25, 0.92  # share of the image the page covers
BORDER_MARGIN = 0.01  # share of the image's side a corner keeps from the edge
MIN_FILL = 0.95  # the quadrilateral's area over the outline's
MIN_EDGE = 0.9  # share of each side of the page that must lie on an edge
MIN_CONTRAST = 40.0  # grey levels between the page's median and the surface's
MIN_KEYSTONE = 2.0  # degrees a corner must be off 90 for the page to be warped
MAX_KEYSTONE = 30.0  # beyond this the outline is not a page seen at an angle


def _order(points):
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    import numpy as np

    points = np.asarray(points, dtype=np.float32).reshape(4, 2)
    by_sum = points.sum(axis=1)
    by_diff = np.diff(points, axis=1).ravel()
    return np.float32(
        [
            points[np.argmin(by_sum)],
            points[np.argmin(by_diff)],
            points[np.argmax(by_sum)],
            points[np.argmax(by_diff)],
        ]
    )


def _angles(corners) -> list[float]:
    """Interior angle at each corner, in degrees."""
    angles = []
    for i in range(4):
        prev, here, nxt = corners[i - 1], corners[i], corners[(i + 1) % 4]
        a = (prev[0] - here[0], prev[1] - here[1])
        b = (nxt[0] - here[0], nxt[1] - here[1])
        norm = math.hypot(*a) * math.hypot(*b)
        if norm == 0:
            return [0.0] * 4
        cosine = max(-1.0, min(1.0, (a[0] * b[0] + a[1] * b[1]) / norm))
        angles.append(math.degrees(math.acos(cosine)))
    return angles


def _outline(small):
    """The outline of the small grey image's edges whose convex hull is the largest (Canny: a page's border
    is a sharp edge even where a shadow darkens the paper; a border with a gap is no closed outline, but
    its hull is still the page), as a contour, or None."""
    import cv2

    edges = cv2.Canny(small, 40, 120)
    edges = cv2.dilate(edges, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    return max(contours, key=lambda contour: cv2.contourArea(cv2.convexHull(contour)))


def _edge_strength(gradient, a, b, samples: int = 60) -> float:
    """Share of points along the side a-b with a strong brightness gradient within 3 pixels."""
    import numpy as np

    h, w = gradient.shape
    hits = 0
    for t in np.linspace(0.1, 0.9, samples):
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        x0, x1 = max(0, int(x) - 3), min(w, int(x) + 4)
        y0, y1 = max(0, int(y) - 3), min(h, int(y) + 4)
        hits += bool(x1 > x0 and y1 > y0 and gradient[y0:y1, x0:x1].max() > 0)
    return hits / samples


def page_corners(gray):
    """The page's four corners (top-left, top-right, bottom-right, bottom-left; float32 pixels of `gray`)
    when the page is a sure quadrilateral seen in perspective, else None. `gray`: a uint8 numpy image."""
    import cv2
    import numpy as np

    height, width = gray.shape[:2]
    if min(height, width) < 64:
        return None
    scale = min(1.0, ANALYSIS_SIDE / max(height, width))
    small = cv2.resize(gray, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (5, 5), 0)
    outline = _outline(small)
    if outline is None:
        return None
    hull = cv2.convexHull(outline)
    area = cv2.contourArea(hull)
    total = small.shape[0] * small.shape[1]
    if not MIN_AREA * total <= area <= MAX_AREA * total:
        return None
    polygon = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
    if len(polygon) != 4 or not cv2.isContourConvex(polygon):
        return None
    if cv2.contourArea(polygon) < MIN_FILL * area:
        return None
    corners = _order(polygon)
    h, w = small.shape[:2]
    margin = BORDER_MARGIN * max(h, w)
    if any(x < margin or y < margin or x > w - 1 - margin or y > h - 1 - margin for x, y in corners):
        return None  # the page runs out of the frame: its corners are not its corners
    edges = cv2.Canny(small, 40, 120)
    if min(_edge_strength(edges, corners[i], corners[(i + 1) % 4]) for i in range(4)) < MIN_EDGE:
        return None  # a side that is no edge of the page (a shadow's, the text's)
    inside = np.zeros_like(small)
    cv2.fillConvexPoly(inside, corners.astype(np.int32), 255)
    page, surface = small[inside > 0], small[inside == 0]
    if surface.size < 0.05 * total or float(np.median(page)) - float(np.median(surface)) < MIN_CONTRAST:
        return None
    off = max(abs(angle - 90.0) for angle in _angles(corners))
    if not MIN_KEYSTONE <= off <= MAX_KEYSTONE:
        return None
    return corners / scale


def rectified(image):
    """`image` (PIL) with the page found in it warped to an upright rectangle and the surface around it
    cut away, or None when no page is surely seen in perspective (`page_corners`). Keeps the image's
    mode and DPI."""
    import cv2
    import numpy as np
    from PIL import Image

    grey = np.asarray(image if image.mode == "L" else image.convert("L"))
    corners = page_corners(grey)
    if corners is None:
        return None
    tl, tr, br, bl = corners
    width = round(max(np.hypot(*(tr - tl)), np.hypot(*(br - bl))))
    height = round(max(np.hypot(*(bl - tl)), np.hypot(*(br - tr))))
    target = np.float32([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]])
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    source = np.asarray(image if image.mode in ("L", "RGB") else image.convert("RGB"))
    warped = cv2.warpPerspective(
        source, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    out = Image.fromarray(warped)
    if image.info.get("dpi"):
        out.info["dpi"] = image.info["dpi"]
    return out
