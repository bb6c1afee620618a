"""Image documents (PNG, JPEG, TIFF incl. multi-page, WebP, BMP, HEIC) -> page images on disk.

Limits are checked on the header before any pixel is decoded (decompression bombs). EXIF orientation is
honoured; a missing or implausible DPI is assumed to be the configured one; very small images are
upscaled so that Tesseract sees letters of a workable size. When nothing needs changing, the original
bytes are written as the page file (no decode, no re-encode: Tesseract reads them directly).
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from ocr_tasks.config import OcrConfig
from ocr_tasks.errors import CorruptDocument, ImageTooLarge, TooManyPages
from ocr_tasks.ingest.detect import JPEG, PNG, TIFF, extension_for
from ocr_tasks.ingest.heif import enable_heif
from ocr_tasks.ingest.pages import PageInput

MIN_PLAUSIBLE_DPI = 100
MAX_PLAUSIBLE_DPI = 1200
SMALL_IMAGE_SIDE = 800  # images whose longer side is below this are upscaled
UPSCALE_TARGET_SIDE = 1600
MAX_UPSCALE = 4.0
_EXIF_ORIENTATION = 0x0112
# Formats Tesseract (Leptonica) reads as they are; others are re-encoded to PNG.
_PASS_THROUGH = {PNG, JPEG}
_PASS_THROUGH_MODES = {"1", "L", "P", "RGB", "LA", "RGBA"}  # not CMYK, 16-bit or float pixels


def _open(data: bytes):
    from PIL import Image

    enable_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # DecompressionBombWarning: our own limit decides
            return Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise ImageTooLarge(f"image is too large to decode safely ({exc})") from exc
    except Exception as exc:  # PIL raises UnidentifiedImageError, SyntaxError, struct.error...
        raise CorruptDocument(f"image cannot be read: {exc}") from exc


def _check_pixels(width: int, height: int, config: OcrConfig, page: int) -> None:
    limit = config.limits.max_pixels_per_page
    if width <= 0 or height <= 0:
        raise CorruptDocument(f"page {page + 1} has an invalid size {width}x{height}")
    if width * height > limit:
        raise ImageTooLarge(
            f"page {page + 1} is {width}x{height} = {width * height:,} pixels, above the limit of {limit:,}",
            detail={"width": width, "height": height, "max_pixels": limit, "page": page},
        )


def _declared_dpi(info: dict, default: int) -> int:
    dpi = info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        value = 0
    return value if MIN_PLAUSIBLE_DPI <= value <= MAX_PLAUSIBLE_DPI else default


def _upscale_factor(width: int, height: int) -> float:
    longer = max(width, height)
    if longer >= SMALL_IMAGE_SIDE:
        return 1.0
    return min(MAX_UPSCALE, UPSCALE_TARGET_SIDE / longer)


def _exif_orientation(image) -> int:
    try:
        return int(image.getexif().get(_EXIF_ORIENTATION, 1) or 1)
    except Exception:  # noqa: BLE001 - broken EXIF never blocks the page
        return 1


def image_pages(data: bytes, media_type: str, *, config: OcrConfig, workdir: Path) -> list[PageInput]:
    """Split an image document into pages, writing one image file per page into `workdir`."""
    image = _open(data)
    frames = 1
    if media_type == TIFF:
        try:
            frames = getattr(image, "n_frames", 1)  # walks the IFDs only, decodes nothing
        except Exception as exc:
            raise CorruptDocument(f"TIFF directory cannot be read: {exc}") from exc
        if frames > config.limits.max_pages:
            raise TooManyPages(
                f"document has {frames} pages, above the limit of {config.limits.max_pages}",
                detail={"pages": frames, "max_pages": config.limits.max_pages},
            )
    pages = []
    for index in range(frames):
        if frames > 1:
            image.seek(index)
        _check_pixels(image.width, image.height, config, index)
        pages.append(
            _write_page(image, data, media_type, index, config=config, workdir=workdir, single=frames == 1)
        )
    return pages


def _write_page(
    image, data: bytes, media_type: str, index: int, *, config: OcrConfig, workdir: Path, single: bool
):
    from PIL import Image, ImageOps

    dpi = _declared_dpi(image.info, config.dpi)
    orientation = _exif_orientation(image)
    factor = _upscale_factor(image.width, image.height)
    target = workdir / f"page-{index:04d}"
    passable = media_type in _PASS_THROUGH and image.mode in _PASS_THROUGH_MODES
    if single and passable and orientation == 1 and factor == 1.0:
        _verify_intact(data, media_type)
        path = target.with_suffix(extension_for(media_type))
        path.write_bytes(data)
        return PageInput(index=index, width=image.width, height=image.height, dpi=dpi, image_path=str(path))
    try:
        image.load()
        page = ImageOps.exif_transpose(image) if orientation != 1 else image.copy()
    except Exception as exc:  # truncated or corrupt pixel data
        raise CorruptDocument(f"page {index + 1} cannot be decoded: {exc}") from exc
    page = _flatten(page)
    if factor != 1.0:
        size = (round(page.width * factor), round(page.height * factor))
        page = page.resize(size, Image.Resampling.LANCZOS)
        dpi = round(dpi * factor)
    path = target.with_suffix(".png")
    page.save(path, format="PNG", compress_level=1, dpi=(dpi, dpi))
    return PageInput(index=index, width=page.width, height=page.height, dpi=dpi, image_path=str(path))


def _flatten(page):
    """Grey or RGB on white: transparency becomes white paper, palettes and CMYK become RGB."""
    from PIL import Image

    if page.mode in ("1", "L", "RGB"):
        return page
    if page.mode in ("LA", "PA", "RGBA", "P") or "transparency" in page.info:
        rgba = page.convert("RGBA")
        white = Image.new("RGB", rgba.size, "white")
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if page.mode.startswith("I") or page.mode == "F":
        return _to_8bit(page)
    return page.convert("RGB")


def _verify_intact(data: bytes, media_type: str) -> None:
    """Cheap integrity check of a file handed to Tesseract undecoded: PNG chunk CRCs up to IEND; for a
    JPEG without its end marker, a full decode (which raises on truncated data)."""
    from PIL import Image

    try:
        if media_type == PNG:
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
        elif data.rstrip(b"\x00\r\n ")[-2:] != b"\xff\xd9":
            with Image.open(io.BytesIO(data)) as image:
                image.load()
    except Exception as exc:
        raise CorruptDocument(f"image data is damaged or truncated: {exc}") from exc


def _to_8bit(page):
    """16-bit or float grey -> 8-bit grey, scaled by the image's own range (16-bit scans use 0-65535,
    some writers only 0-255)."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(page, dtype=np.float64)
    low, high = float(pixels.min()), float(pixels.max())
    top = 255.0 if high <= 255 and low >= 0 else high
    bottom = 0.0 if top == 255.0 else low
    scaled = (pixels - bottom) * (255.0 / max(top - bottom, 1e-9))
    return Image.fromarray(np.clip(scaled, 0, 255).astype(np.uint8), mode="L")
