"""A page of a stored document as PNG for the review screen (PDF rendered with pypdfium2, image frames
converted with Pillow). Boxes are relative, so any resolution fits; PDF pages render at 150 dpi."""

from __future__ import annotations

import io

from django_api.invoices.errors import NotFound

PREVIEW_DPI = 150


def page_png(*, data: bytes, media_type: str, index: int) -> bytes:
    if media_type == "application/pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            if not 0 <= index < len(pdf):
                raise NotFound("Page not found.")
            image = pdf[index].render(scale=PREVIEW_DPI / 72).to_pil()
        finally:
            pdf.close()
    else:
        from PIL import Image, ImageOps

        image = Image.open(io.BytesIO(data))
        frames = getattr(image, "n_frames", 1)
        if not 0 <= index < frames:
            raise NotFound("Page not found.")
        image.seek(index)
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("RGB", "L", "1"):
            image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
