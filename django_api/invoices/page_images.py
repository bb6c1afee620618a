"""A page of a stored document as PNG for the review screen (PDF rendered with pypdfium2, image frames
converted with Pillow). Boxes are relative, so any resolution fits; PDF pages render at 150 dpi, and any
page is scaled down to at most `MAX_PREVIEW_PIXELS` (a PDF page may declare a huge size: rendering it
as is would take gigabytes)."""

from __future__ import annotations

import io
import math

from django.conf import settings

from django_api.invoices.errors import NotFound
from ocr_tasks.errors import ImageTooLarge, StorageError
from ocr_tasks.ingest.heif import enable_heif
from ocr_tasks.ingest.pdfium_lock import PDFIUM_LOCK

PREVIEW_DPI = 150
MAX_PREVIEW_PIXELS = 12_000_000


def _pdf_scale(width_pt: float, height_pt: float) -> float:
    scale = PREVIEW_DPI / 72
    area = max(width_pt * height_pt, 1.0) * scale * scale
    if area > MAX_PREVIEW_PIXELS:
        scale *= math.sqrt(MAX_PREVIEW_PIXELS / area) * 0.999  # PDFium rounds sizes up
    return scale


def page_png(
    *, data: bytes, media_type: str, index: int, rotation: int = 0, skew: float = 0.0, rectified: bool = False
) -> bytes:
    """Page `index` as PNG, warped flat when the OCR engine read it so (`rectified`: a page photographed at
    an angle) and turned by the `rotation`/`skew` it applied, as the engine read it, so that the result's
    relative boxes line up with the picture. A bare e-invoice XML has no page."""
    if media_type == "application/xml":
        raise NotFound("Page not found: an e-invoice XML has no pages.")
    if media_type == "application/pdf":
        import pypdfium2 as pdfium

        with PDFIUM_LOCK:  # PDFium is not thread-safe (ocr_tasks/ingest/pdfium_lock.py)
            pdf = pdfium.PdfDocument(data)
            pdf.init_forms()  # a filled-in form shows its fields' values, as the reading saw them
            try:
                if not 0 <= index < len(pdf):
                    raise NotFound("Page not found.")
                page = pdf[index]
                bitmap = page.render(scale=_pdf_scale(*page.get_size()))
                image = bitmap.to_pil().copy()
                bitmap.close()
                page.close()
            finally:
                pdf.close()
    else:
        from PIL import Image, ImageOps

        enable_heif()
        image = Image.open(io.BytesIO(data))
        frames = getattr(image, "n_frames", 1)
        if not 0 <= index < frames:
            raise NotFound("Page not found.")
        image.seek(index)
        limit = settings.OCR_MAX_PIXELS_PER_PAGE
        if image.width * image.height > limit:  # checked at upload; files stored before are re-checked
            raise ImageTooLarge(
                f"page {index + 1} is {image.width}x{image.height} pixels, above the limit of {limit:,}",
                detail={"page": index, "max_pixels": limit},
            )
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("RGB", "L", "1"):
            image = image.convert("RGB")
        if image.width * image.height > MAX_PREVIEW_PIXELS:
            ratio = math.sqrt(MAX_PREVIEW_PIXELS / (image.width * image.height))
            image.thumbnail((max(1, int(image.width * ratio)), max(1, int(image.height * ratio))))
    if rectified:  # read warped flat (`orientation.correct`): shown the same way; a reading stored before
        # the engine warped pages, or a page it left alone, is shown as it is, under the boxes read on it
        from ocr_tasks.engines import perspective

        image = perspective.rectified(image) or image
    if rotation or skew:
        from ocr_tasks.engines.orientation import apply_orientation

        image = apply_orientation(image, rotation=rotation, skew=skew)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def document_page_png(document, *, index: int) -> bytes:
    """The page of a stored document; its file missing or unreadable in storage -> `StorageError` (503
    storage_error), not a crash."""
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise StorageError(
            f"the stored file of {document.name} cannot be read: {exc.strerror or exc}"
        ) from exc
    return page_png(data=data, media_type=document.media_type, index=index, **_orientation(document, index))


def _orientation(document, index: int) -> dict:
    """The rotation, skew and warp the OCR engine applied to the page (none before it was processed)."""
    result = getattr(document, "result", None)
    pages = ((result.result or {}).get("ocr") or {}).get("pages") or [] if result is not None else []
    for page in pages:
        if page.get("index") == index:
            return {
                "rotation": int(page.get("rotation") or 0),
                "skew": float(page.get("skew") or 0.0),
                "rectified": bool(page.get("rectified")),
            }
    return {}
