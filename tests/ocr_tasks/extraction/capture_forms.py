"""How a page reaches the product when nobody scanned it well: the capture forms of the round-4 held-out
scan check (`held_out_scans_4.py`), each a function (PDF bytes, output path without suffix, seed) -> the
image file written. Deterministic in the seed; numpy, Pillow and OpenCV only.

- `phone_photo`: the page photographed with a phone - on a desk, tilted 3-8 degrees in perspective, the
  paper slightly bulged (barrel curvature), light falling off across the page with a soft shadow, a little
  blur and sensor noise, JPEG quality 70;
- `keystoned_photo`: the page photographed from a low angle: all of it in the frame on a darker surface,
  in strong perspective (12-18 degrees: the far edge 10-16 % shorter), mild light falloff, JPEG 75;
- `fax`: a fax-like copy - 200 dpi, one bit per pixel (a hard threshold), slight skew, speckles;
- `light_scan`: a flatbed scan at 200 dpi grey, slightly skewed, every page (a multi-page TIFF for more);
- `light_scan_300`: the same flat-bed scan at 300 dpi grey (round 8c);
- `colour_scan`: a flatbed scan at 200 dpi in colour (a red stamp stays red), slightly skewed;
- `till_roll_on_table`: a narrow receipt photographed on a dark table: the roll in a much wider image,
  turned a little, uneven light, JPEG 70;
- `upside_down` / `sideways`: a 200 dpi grey scan fed upside down / turned a quarter (90 degrees clockwise);
- `faded_thermal_scan`: a thermal till roll whose print has faded (grey, unevenly along the roll), on a
  flatbed scanner at 300 dpi grey, slightly skewed;
- `faded_till_roll_photo`: the same faded roll photographed on a dark table (`till_roll_on_table`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

SCAN_DPI = 200
THERMAL_SCAN_DPI = 300


def _render(pdf: bytes, dpi: int, *, colour: bool = False):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [
            page.render(scale=dpi / 72, grayscale=not colour).to_pil().convert("RGB" if colour else "L")
            for page in document
        ]
    finally:
        document.close()


def _skew(image, angle: float):
    from PIL import Image

    fill = 255 if image.mode == "L" else (255, 255, 255)
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)


def _noise(image, rng, sigma: float):
    import numpy as np
    from PIL import Image

    array = np.asarray(image, dtype=float)
    return Image.fromarray(np.clip(array + rng.normal(0, sigma, array.shape), 0, 255).astype(np.uint8))


def _save(images, out: Path, dpi: int) -> Path:
    out = out.with_suffix(".png" if len(images) == 1 else ".tif")
    extra = {"save_all": True, "append_images": images[1:]} if images[1:] else {}
    images[0].save(out, dpi=(dpi, dpi), **extra)
    return out


def _jpeg(image, out: Path, quality: int = 70) -> Path:
    out = out.with_suffix(".jpg")
    image.save(out, "JPEG", quality=quality)
    return out


def _barrel(array, strength: float):
    """The image bulged like paper that does not lie flat (radial distortion `strength`, OpenCV remap)."""
    import cv2
    import numpy as np

    h, w = array.shape[:2]
    ys, xs = np.indices((h, w), dtype=np.float32)
    cx, cy = w / 2, h / 2
    nx, ny = (xs - cx) / cx, (ys - cy) / cy
    factor = 1 + strength * (nx * nx + ny * ny)
    map_x, map_y = (nx * factor * cx + cx).astype(np.float32), (ny * factor * cy + cy).astype(np.float32)
    return cv2.remap(array, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _lighting(array, rng, *, falloff: float, shadow: float):
    """Light falling off across the page along a random direction and a soft shadow over one side."""
    import cv2
    import numpy as np

    h, w = array.shape[:2]
    ys, xs = np.indices((h, w), dtype=np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    along = (np.cos(angle) * (xs / w - 0.5) + np.sin(angle) * (ys / h - 0.5)) + 0.5
    light = 1.0 - falloff * np.clip(along, 0, 1)
    mask = np.zeros((h, w), np.float32)
    side = rng.integers(4)
    band = rng.uniform(0.18, 0.3)
    if side == 0:
        mask[:, : int(band * w)] = 1
    elif side == 1:
        mask[:, int((1 - band) * w) :] = 1
    elif side == 2:
        mask[: int(band * h), :] = 1
    else:
        mask[int((1 - band) * h) :, :] = 1
    mask = cv2.GaussianBlur(mask, (0, 0), sigmaX=w * 0.06)
    light = light * (1.0 - shadow * mask)
    if array.ndim == 3:
        light = light[:, :, None]
    return np.clip(array.astype(np.float32) * light, 0, 255).astype(np.uint8)


def _photograph(page_rgb, rng, *, background: tuple[int, int, int], margin: float, tilt: float):
    """The page laid on a surface of `background` colour (`margin` of its size around it), seen by a
    camera `tilt` degrees off: a perspective warp and a turn of the same order."""
    import cv2
    import numpy as np

    page = np.asarray(page_rgb)
    h, w = page.shape[:2]
    pad_x, pad_y = int(w * margin), int(h * margin * 0.6)
    canvas_h, canvas_w = h + 2 * pad_y, w + 2 * pad_x
    surface = np.empty((canvas_h, canvas_w, 3), np.float32)
    surface[:] = background
    surface += rng.normal(0, 6, surface.shape)  # the grain of the table
    surface = np.clip(surface, 0, 255).astype(np.uint8)
    corners = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    # the camera off-axis: one edge of the page foreshortened, the whole turned by up to `tilt`
    shrink = np.tan(np.radians(tilt)) * 0.5
    near = rng.integers(4)
    target = corners.copy()
    if near == 0:  # top edge farther away
        target[0, 0] += w * shrink / 2
        target[1, 0] -= w * shrink / 2
    elif near == 1:  # bottom edge farther away
        target[3, 0] += w * shrink / 2
        target[2, 0] -= w * shrink / 2
    elif near == 2:  # left edge farther
        target[0, 1] += h * shrink / 3
        target[3, 1] -= h * shrink / 3
    else:
        target[1, 1] += h * shrink / 3
        target[2, 1] -= h * shrink / 3
    turn = np.radians(rng.uniform(0.4, 1.0) * tilt * rng.choice([-1, 1]) * 0.5)
    centre = np.float32([w / 2, h / 2])
    rotation = np.float32([[np.cos(turn), -np.sin(turn)], [np.sin(turn), np.cos(turn)]])
    target = (target - centre) @ rotation.T + centre + np.float32([pad_x, pad_y])
    matrix = cv2.getPerspectiveTransform(corners, target.astype(np.float32))
    warped = cv2.warpPerspective(page, matrix, (canvas_w, canvas_h), flags=cv2.INTER_LINEAR)
    inside = cv2.warpPerspective(
        np.full((h, w), 255, np.uint8), matrix, (canvas_w, canvas_h), flags=cv2.INTER_LINEAR
    )
    alpha = (inside.astype(np.float32) / 255)[:, :, None]
    return (warped * alpha + surface * (1 - alpha)).astype(np.uint8)


def phone_photo(pdf: bytes, out: Path, seed: int) -> Path:
    """The first page photographed with a phone on a light desk (see the module docstring)."""
    import cv2
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    page = _render(pdf, SCAN_DPI, colour=True)[0]
    tilt = float(rng.uniform(3, 8))
    photo = _photograph(page, rng, background=(176, 160, 138), margin=0.06, tilt=tilt)
    photo = _barrel(photo, float(rng.uniform(0.015, 0.03)))
    photo = _lighting(photo, rng, falloff=float(rng.uniform(0.2, 0.35)), shadow=float(rng.uniform(0.25, 0.4)))
    photo = cv2.GaussianBlur(photo, (0, 0), sigmaX=float(rng.uniform(0.5, 0.9)))
    photo = np.asarray(_noise(Image.fromarray(photo), rng, 4.0))
    return _jpeg(Image.fromarray(photo), out, 70)


def keystoned_photo(pdf: bytes, out: Path, seed: int) -> Path:
    """The first page photographed from a low angle, held in front of the camera or leant back on a desk:
    the whole page in the frame on a darker surface, in strong perspective (12-18 degrees off axis: the
    far edge 10-16 % shorter than the near one, turned a little), mild light falloff, a little blur and
    noise, JPEG quality 75."""
    import cv2
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    page = _render(pdf, SCAN_DPI, colour=True)[0]
    tilt = float(rng.uniform(12, 18))
    photo = _photograph(page, rng, background=(96, 88, 80), margin=0.08, tilt=tilt)
    photo = _lighting(photo, rng, falloff=float(rng.uniform(0.1, 0.2)), shadow=float(rng.uniform(0.1, 0.2)))
    photo = cv2.GaussianBlur(photo, (0, 0), sigmaX=float(rng.uniform(0.4, 0.7)))
    photo = np.asarray(_noise(Image.fromarray(photo), rng, 3.0))
    return _jpeg(Image.fromarray(photo), out, 75)


def fax(pdf: bytes, out: Path, seed: int) -> Path:
    """Every page as a fax: 200 dpi, 1 bit, a slight skew, speckles (see the module docstring)."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    pages = []
    for page in _render(pdf, SCAN_DPI):
        page = _skew(page, float(rng.uniform(0.3, 0.9) * rng.choice([-1, 1])))
        page = _noise(page, rng, 18.0)
        bits = np.asarray(page) > 150
        speckle = rng.random(bits.shape)
        bits = np.where(speckle < 0.0015, ~bits, bits)
        pages.append(Image.fromarray(bits).convert("1"))
    return _save(pages, out, SCAN_DPI)


def light_scan(pdf: bytes, out: Path, seed: int) -> Path:
    """Every page scanned at 200 dpi grey, each slightly skewed (see the module docstring)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    pages = [
        _noise(_skew(page, float(rng.uniform(0.4, 1.4) * rng.choice([-1, 1]))), rng, 5.0)
        for page in _render(pdf, SCAN_DPI)
    ]
    return _save(pages, out, SCAN_DPI)


def light_scan_300(pdf: bytes, out: Path, seed: int) -> Path:
    """Every page scanned at 300 dpi grey, each slightly skewed, as `light_scan`."""
    import numpy as np

    rng = np.random.default_rng(seed)
    pages = [
        _noise(_skew(page, float(rng.uniform(0.4, 1.4) * rng.choice([-1, 1]))), rng, 5.0)
        for page in _render(pdf, THERMAL_SCAN_DPI)
    ]
    return _save(pages, out, THERMAL_SCAN_DPI)


def colour_scan(pdf: bytes, out: Path, seed: int) -> Path:
    """Every page scanned at 200 dpi in colour, slightly skewed (see the module docstring)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    pages = [
        _noise(_skew(page, float(rng.uniform(0.4, 1.2) * rng.choice([-1, 1]))), rng, 4.0)
        for page in _render(pdf, SCAN_DPI, colour=True)
    ]
    return _save(pages, out, SCAN_DPI)


def till_roll_on_table(pdf: bytes, out: Path, seed: int) -> Path:
    """A till roll photographed on a dark table: the narrow roll in an image about three times as wide."""
    import numpy as np

    rng = np.random.default_rng(seed)
    return _roll_on_table(_render(pdf, SCAN_DPI, colour=True)[0], rng, out)


def _roll_on_table(roll, rng, out: Path) -> Path:
    """The roll image photographed on a dark table (turned a little, uneven light, JPEG 70)."""
    import cv2
    import numpy as np
    from PIL import Image

    photo = _photograph(roll, rng, background=(58, 44, 36), margin=1.0, tilt=float(rng.uniform(3, 6)))
    photo = _lighting(photo, rng, falloff=float(rng.uniform(0.15, 0.3)), shadow=float(rng.uniform(0.2, 0.3)))
    photo = cv2.GaussianBlur(photo, (0, 0), sigmaX=0.7)
    photo = np.asarray(_noise(Image.fromarray(photo), rng, 4.0))
    return _jpeg(Image.fromarray(photo), out, 70)


def _faded(image, rng):
    """Thermal print that has faded: the ink grey (40-55 % of the paper's darkness left), fading more towards
    one end of the roll, on slightly yellowed paper with a little grain."""
    import numpy as np
    from PIL import Image

    array = np.asarray(image, dtype=np.float32)
    h = array.shape[0]
    ink = (255.0 - array) / 255.0  # 1 where the printer burnt black
    left = float(rng.uniform(0.45, 0.6))
    along = np.linspace(left, left - float(rng.uniform(0.0, 0.1)), h, dtype=np.float32)
    if rng.random() < 0.5:
        along = along[::-1]
    shape = (h,) + (1,) * (array.ndim - 1)
    paper = np.array([246.0, 242.0, 230.0], np.float32) if array.ndim == 3 else np.float32(242.0)
    faded = paper - ink * along.reshape(shape) * 255.0
    faded += rng.normal(0, 3.0, array.shape)
    return Image.fromarray(np.clip(faded, 0, 255).astype(np.uint8))


def faded_thermal_scan(pdf: bytes, out: Path, seed: int) -> Path:
    """A faded thermal roll on a flatbed scanner at 300 dpi grey, slightly skewed (module docstring)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    pages = [
        _skew(_faded(page, rng), float(rng.uniform(0.5, 1.8) * rng.choice([-1, 1])))
        for page in _render(pdf, THERMAL_SCAN_DPI)
    ]
    return _save(pages, out, THERMAL_SCAN_DPI)


def faded_till_roll_photo(pdf: bytes, out: Path, seed: int) -> Path:
    """A faded thermal roll photographed on a dark table, as `till_roll_on_table` (module docstring)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    return _roll_on_table(_faded(_render(pdf, SCAN_DPI, colour=True)[0], rng), rng, out)


def _turned(pdf: bytes, out: Path, seed: int, quarter_turns: int) -> Path:
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    pages = []
    for page in _render(pdf, SCAN_DPI):
        page = _skew(page, float(rng.uniform(0.3, 0.8) * rng.choice([-1, 1])))
        turned = page.transpose(
            Image.Transpose.ROTATE_180 if quarter_turns == 2 else Image.Transpose.ROTATE_270
        )
        pages.append(_noise(turned, rng, 5.0))
    return _save(pages, out, SCAN_DPI)


def upside_down(pdf: bytes, out: Path, seed: int) -> Path:
    """Every page scanned upside down (turned 180 degrees)."""
    return _turned(pdf, out, seed, 2)


def sideways(pdf: bytes, out: Path, seed: int) -> Path:
    """Every page scanned turned a quarter, 90 degrees clockwise (the text runs top to bottom)."""
    return _turned(pdf, out, seed, 1)


FORMS: dict[str, Callable[[bytes, Path, int], Path]] = {
    "phone photo": phone_photo,
    "keystoned photo": keystoned_photo,
    "fax": fax,
    "scan": light_scan,
    "scan 300 dpi": light_scan_300,
    "colour scan": colour_scan,
    "till roll on a table": till_roll_on_table,
    "upside down": upside_down,
    "sideways": sideways,
    "faded thermal scan": faded_thermal_scan,
    "faded till roll photo": faded_till_roll_photo,
}
