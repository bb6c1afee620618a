"""QR codes found and decoded on a page image with OpenCV (`cv2.QRCodeDetector`, no system library beyond
what OpenCV already needs), then parsed as payment codes.

`decode_qr_codes` returns every decoded QR payload with its box (relative 0-1, top-left origin, the one
`BBox` convention); `payment_codes_on_image` keeps those that parse as payment codes and the reasons of
those that do not. OpenCV's Aruco-based detector (`QRCodeDetectorAruco`) locates the codes on a small
copy of the page (binarised when the first look finds none: a grey, unevenly lit photo), and each code
is decoded from its cut of the full-size page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ocr_tasks.geometry import BBox
from ocr_tasks.payment_codes.payloads import PaymentCode, PaymentCodeRejected, parse_payment_code

# codes are located on a copy of the page at most this many pixels long (A4: ~120 dpi; a 20 mm GiroCode
# still has ~2 px modules, which the Aruco-based locator finds), then read at full size. Locating costs
# ~0.02-0.05 CPU s per A4 page (decoding a whole 300 dpi page: 0.2-0.4 s; the classic `QRCodeDetector`
# on it 0.2-0.6 s, and it missed a 21 mm GiroCode below 3508 px); bench/payment_qr.py
_LOCATE_SIDE = 1400
_MAX_CODES = 8  # a page of stickers or a hostile one: the first few codes only
_MARGINS = (0.2, 0.05)  # white around a located code in its cut, as a share of its side: tried in turn
_SMALL_CROP = 600  # a cut smaller than this (px) is also tried enlarged


@dataclass(frozen=True, slots=True)
class DecodedQr:
    """One decoded QR code: its payload text and its box on the page."""

    text: str
    bbox: BBox


@dataclass(frozen=True, slots=True)
class PageCodes:
    """The payment codes of one page, and the reasons of QR codes that are no (valid) payment code."""

    codes: tuple[PaymentCode, ...] = ()
    rejected: tuple[str, ...] = ()


def _grey(image):
    import cv2
    import numpy as np

    array = np.asarray(image)
    if array.ndim == 3:
        array = cv2.cvtColor(array, cv2.COLOR_RGB2GRAY if array.shape[2] == 3 else cv2.COLOR_RGBA2GRAY)
    return np.ascontiguousarray(array.astype(np.uint8))


def _locate(grey) -> list:
    """Quadrangles (4 corner points) of the QR codes OpenCV's Aruco-based detector finds."""
    import cv2

    try:
        ok, points = cv2.QRCodeDetectorAruco().detectMulti(grey)
    except cv2.error:
        return []
    return [quad for quad in points] if ok and points is not None else []


def _read_crop(crop) -> str:
    """The payload of the one code in `crop` (a white-padded cut of the page at full size): as it is and
    binarised (uneven light), then, for a small cut, enlarged 2x and 3x (modules of 2-3 px on a phone
    photo; OpenCV's decoder succeeds at one size and fails at another); "" when none decodes."""
    import cv2

    factors = (1, 2, 3) if max(crop.shape) < _SMALL_CROP else (1,)
    for factor in factors:
        scaled = (
            crop
            if factor == 1
            else cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
        )
        binary = cv2.adaptiveThreshold(scaled, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, 51, 10)
        for attempt in (scaled, binary):
            for detector in (cv2.QRCodeDetectorAruco(), cv2.QRCodeDetector()):
                try:
                    text, _, _ = detector.detectAndDecode(attempt)
                except cv2.error:
                    continue
                if text:
                    return text
    return ""


def _cut(grey, corners, margin: float):
    x0, y0 = corners.min(axis=0)
    x1, y1 = corners.max(axis=0)
    extra = margin * max(x1 - x0, y1 - y0) + 4
    cx0, cy0 = int(max(0, x0 - extra)), int(max(0, y0 - extra))
    cx1, cy1 = int(min(grey.shape[1], x1 + extra)), int(min(grey.shape[0], y1 + extra))
    return grey[cy0:cy1, cx0:cx1] if cx1 - cx0 >= 8 and cy1 - cy0 >= 8 else None


def decode_qr_codes(image) -> list[DecodedQr]:
    """Every QR code OpenCV decodes on `image` (a PIL image or an array, any mode), with its box: codes
    are located on a copy at most `_LOCATE_SIDE` pixels long (again binarised when none is found), then
    each is read from its cut of the full-size image."""
    import cv2
    import numpy as np

    grey = _grey(image)
    height, width = grey.shape[:2]
    # a white margin: a code cut out to its edge (an image region placed on a PDF page) has no quiet
    # zone, and OpenCV finds no finder pattern that touches the border
    pad = max(8, max(width, height) // 40)
    grey = cv2.copyMakeBorder(grey, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    scale = min(1.0, _LOCATE_SIDE / max(grey.shape))
    small = grey if scale == 1.0 else cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    quads = _locate(small) or _locate(
        cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, 31, 10)
    )
    found = []
    for quad in quads[:_MAX_CODES]:
        corners = np.asarray(quad, dtype=float) / scale
        text = ""
        for margin in _MARGINS:
            crop = _cut(grey, corners, margin)
            if crop is not None and (text := _read_crop(np.ascontiguousarray(crop))):
                break
        if text:
            x0, y0 = corners.min(axis=0)
            x1, y1 = corners.max(axis=0)
            box = BBox(
                min(1.0, max(0.0, (x0 - pad) / width)),
                min(1.0, max(0.0, (y0 - pad) / height)),
                min(1.0, max(0.0, (x1 - pad) / width)),
                min(1.0, max(0.0, (y1 - pad) / height)),
            )
            found.append(DecodedQr(text, box))
    return found


def payment_codes_on_image(image, *, page: int = 0) -> PageCodes:
    """The payment codes printed on one page image; QR codes of other kinds (a URL) are ignored, malformed
    payment codes are listed by reason."""
    codes, rejected = [], []
    for qr in decode_qr_codes(image):
        try:
            codes.append(parse_payment_code(qr.text, page=page, bbox=qr.bbox))
        except PaymentCodeRejected as exc:
            if exc.reason != "not_a_payment_code":
                rejected.append(exc.reason)
    return PageCodes(codes=tuple(codes), rejected=tuple(rejected))


def payment_codes_in_files(paths: Sequence[tuple[int, str | Path]]) -> PageCodes:
    """The payment codes of page image files, given as (page index, path)."""
    from PIL import Image

    codes, rejected = [], []
    for index, path in paths:
        with Image.open(path) as image:
            found = payment_codes_on_image(image.convert("L"), page=index)
        codes += found.codes
        rejected += found.rejected
    return PageCodes(codes=tuple(codes), rejected=tuple(rejected))
