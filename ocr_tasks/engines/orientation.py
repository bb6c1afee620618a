"""Page orientation and skew, measured cheaply before recognition.

Skew comes from projection profiles of the dark pixels of a small grey copy of the page (a few
milliseconds with numpy): the angle whose row profile is sharpest is the angle of the text lines. The
same profiles give a first guess whether the page is sideways (text lines vertical); it is only a guess
(on the SROIE receipts: 5 % of upright ones look sideways, 17 % of turned ones look upright), so it
decides where to spend Tesseract's OSD, which costs about as much as recognising a receipt (0.7 s,
measured): for a page that looks sideways, or when recognition came out poor; see `engines.tesseract`.

Angles are degrees counter-clockwise (PIL's convention); `skew` is the tilt of the text lines, so the
correction rotates by `-skew`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

ANALYSIS_SIDE = 1000  # longer side of the grey copy the profiles are computed on
MAX_POINTS = 40_000
MAX_SKEW = 10.0  # degrees searched either side of horizontal
MIN_SKEW = 1.0  # smaller tilts are left alone: Tesseract's line finder copes, rotating costs time
SIDEWAYS_MARGIN = 1.25  # vertical-line profile must be this much sharper to call a page sideways


@dataclass(frozen=True, slots=True)
class PageGeometry:
    skew: float  # degrees ccw of the text lines read as the page is (0 when unknown)
    sideways: bool  # text lines run vertically: the page is rotated by 90 or 270 degrees
    sideways_ratio: float = 0.0  # sharpness of vertical over horizontal lines (> SIDEWAYS_MARGIN: sideways)


def analysis_image(image):
    """A small grey numpy copy of a PIL image (JPEG pages use the decoder's draft mode: cheap), its uneven
    light taken out as the page will be read (`illumination`)."""
    import numpy as np
    from PIL import Image

    scale = ANALYSIS_SIDE / max(image.size)
    if scale < 1.0:
        if image.format == "JPEG":
            image.draft("L", (int(image.width * scale), int(image.height * scale)))
        small = image.convert("L")
        if max(small.size) > ANALYSIS_SIDE * 1.1:
            factor = ANALYSIS_SIDE / max(small.size)
            small = small.resize(
                (max(1, int(small.width * factor)), max(1, int(small.height * factor))),
                Image.Resampling.BILINEAR,
            )
    else:
        small = image.convert("L")
    from ocr_tasks.engines.illumination import flatten_illumination

    gray = np.asarray(small)
    flat = flatten_illumination(gray)
    return gray if flat is None else flat


def _dark_points(gray):
    import numpy as np

    if gray.size == 0:
        return None
    histogram = np.bincount(gray.ravel(), minlength=256).astype(float)
    threshold = _otsu(histogram)
    ys, xs = np.nonzero(gray < threshold)
    if len(xs) < 50 or len(xs) > 0.5 * gray.size:
        return None  # blank page, or a dark photo background: no reliable profile
    if len(xs) > MAX_POINTS:
        pick = np.random.default_rng(0).choice(len(xs), MAX_POINTS, replace=False)
        xs, ys = xs[pick], ys[pick]
    return xs.astype(float), ys.astype(float)


def _otsu(histogram) -> float:
    import numpy as np

    total = histogram.sum()
    levels = np.arange(256)
    weight_bg = np.cumsum(histogram)
    mean_bg = np.cumsum(histogram * levels)
    weight_fg = total - weight_bg
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean_bg[-1] * weight_bg - mean_bg * total) ** 2 / (weight_bg * weight_fg)
    between = np.nan_to_num(between)
    return float(np.argmax(between)) + 0.5


def _sharpness(xs, ys, angle: float) -> float:
    """How peaked the projection of the points onto the axis at `angle` is: the sum of squared bin counts
    relative to the same points spread evenly over the same span (1.0), so that a narrow page's columns
    do not beat its rows merely by having fewer bins."""
    import numpy as np

    a = math.radians(angle)
    projection = ys * math.cos(a) + xs * math.sin(a)
    counts = np.bincount((projection - projection.min()).astype(np.int64)).astype(float)
    return float((counts**2).sum() * len(counts) / (len(xs) ** 2))


def _best_angle(xs, ys, centre: float) -> tuple[float, float]:
    """The sharpest angle within MAX_SKEW of `centre` (to 0.25 degree) and its sharpness: a 2-degree
    scan, then 0.25-degree steps around its best (24 profiles instead of 80 at 0.1 degree)."""
    scores: dict[float, float] = {}

    def score(angle: float) -> float:
        if angle not in scores:
            scores[angle] = _sharpness(xs, ys, angle)
        return scores[angle]

    best = max((centre + step for step in range(-int(MAX_SKEW), int(MAX_SKEW) + 1, 2)), key=score)
    best = max((best + step / 4 for step in range(-6, 7)), key=score)
    return best, score(best)


def measure_geometry(gray) -> PageGeometry:
    """Skew of the text lines and whether the page is sideways, from a small grey numpy image."""
    points = _dark_points(gray)
    if points is None:
        return PageGeometry(skew=0.0, sideways=False)
    xs, ys = points
    upright_angle, upright_score = _best_angle(xs, ys, 0.0)
    _, sideways_score = _best_angle(xs, ys, 90.0)
    ratio = sideways_score / max(upright_score, 1e-9)
    return PageGeometry(skew=round(upright_angle, 2), sideways=ratio > SIDEWAYS_MARGIN, sideways_ratio=ratio)


def apply_orientation(image, *, rotation: int, skew: float):
    """`image` rotated `rotation` degrees clockwise, then by `-skew` (white fill, canvas expanded), in its
    own mode: the geometry the OCR engine recognised, so that the page's relative boxes line up with it
    (page previews use it too)."""
    from PIL import Image

    if rotation:
        image = image.transpose(
            {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}[
                rotation
            ]
        )
    if abs(skew) >= MIN_SKEW:
        white = 255 if image.mode in ("L", "1") else (255,) * len(image.getbands())
        image = image.rotate(-skew, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=white)
    return image


def prepared(image):
    """The grey page as it is read, or None when it is read as it is: a stamp's red ink over the print
    dropped (`stamp_ink`: a colour page) and its uneven light taken out (`illumination`: a photographed
    page). Photometric only: boxes stay where they are."""
    from ocr_tasks.engines.illumination import flattened
    from ocr_tasks.engines.stamp_ink import without_stamp_ink

    grey = without_stamp_ink(image)
    flat = flattened(image if grey is None else grey)
    return grey if flat is None else flat


def flat_page(image):
    """A page photographed at an angle warped flat and cut out of the photo (`perspective.rectified`), a
    stamp's ink dropped and its light always evened (the surface that told its light was uneven is cut
    away; on the round-5 keystoned photos the warped pages lost their upper half to Tesseract's threshold
    when left uneven); None when the image is no such photo (scans, most photos: see `perspective`)."""
    from ocr_tasks.engines.illumination import flattened
    from ocr_tasks.engines.perspective import rectified
    from ocr_tasks.engines.stamp_ink import without_stamp_ink

    warped = rectified(image)
    if warped is None:
        return None
    grey = without_stamp_ink(warped) or warped
    return flattened(grey, always=True)


_UNKNOWN = object()


def correct(image, *, rotation: int, skew: float, flat=_UNKNOWN):
    """`image` in grey, warped flat when it is a page photographed at an angle (`flat_page`; `flat`: that
    page when the caller has it already, None when it has none), else `prepared` (a stamp's ink and a
    photo's uneven light taken out; a scan is left as it is), with `apply_orientation`: the image every
    reader of the page reads, so their boxes line up.

    Grey because Tesseract binarises a grey image anyway, and a third of the pixels rotate faster."""
    if flat is _UNKNOWN:
        flat = flat_page(image)
    if flat is not None:
        image = flat
    else:
        image = prepared(image) or (image if image.mode == "L" else image.convert("L"))
    return apply_orientation(image, rotation=rotation, skew=skew)


def open_page(path):
    """A page image loaded as it is read: EXIF orientation applied, colour kept (a stamp's red ink is told
    from print by its colour: `prepared`), every other mode in grey."""
    from PIL import Image, ImageOps

    with Image.open(path) as opened:
        image = ImageOps.exif_transpose(opened)
        return image.convert("RGB") if image.mode in ("RGB", "RGBA", "P", "CMYK") else image.convert("L")


def turned_page_images(ingested, document):
    """Yield `(first reading's OcrPage, grey page image)` for each OCRed image page of an ingested
    document, the image turned and deskewed as that reading turned it (`correct`: so relative boxes of a
    new reading line up with the first). Text-layer pages and pages without an image are skipped."""
    by_index = {p.index: p for p in document.pages}
    for page_input in ingested.pages:
        first = by_index.get(page_input.index)
        if not page_input.image_path or first is None or first.source == "text_layer":
            continue
        yield first, correct(open_page(page_input.image_path), rotation=first.rotation, skew=first.skew)
