"""Each invoice of a split scan as a file of its own: the PDF's pages copied into a new PDF (PDFium's
page import: no re-rendering, text layers kept), a TIFF's frames into a new multi-page TIFF."""

from __future__ import annotations

import io
from collections.abc import Sequence

from ocr_tasks.errors import CorruptDocument, UnsupportedDocument
from ocr_tasks.ingest.detect import PDF, TIFF, sniff_media_type
from ocr_tasks.ingest.pdfium_lock import PDFIUM_LOCK


def _pdf_parts(data: bytes, groups: Sequence[Sequence[int]]) -> list[bytes]:
    import pypdfium2 as pdfium

    parts = []
    with PDFIUM_LOCK:  # PDFium is not thread-safe
        try:
            source = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise CorruptDocument(f"the PDF cannot be read: {exc}") from exc
        try:
            for pages in groups:
                part = pdfium.PdfDocument.new()
                part.import_pages(source, list(pages))
                buffer = io.BytesIO()
                part.save(buffer)
                part.close()
                parts.append(buffer.getvalue())
        finally:
            source.close()
    return parts


def _tiff_parts(data: bytes, groups: Sequence[Sequence[int]]) -> list[bytes]:
    from PIL import Image

    parts = []
    with Image.open(io.BytesIO(data)) as image:
        for pages in groups:
            frames = []
            for index in pages:
                image.seek(index)
                frames.append(image.copy())
            buffer = io.BytesIO()
            frames[0].save(
                buffer, format="TIFF", save_all=True, append_images=frames[1:], compression="tiff_lzw"
            )
            parts.append(buffer.getvalue())
    return parts


def split_file(data: bytes, groups: Sequence[Sequence[int]]) -> list[bytes]:
    """One file per group of page indices (0-based, in the order given), of the scan's own type."""
    media_type = sniff_media_type(data)
    if media_type == PDF:
        return _pdf_parts(data, groups)
    if media_type == TIFF:
        return _tiff_parts(data, groups)
    raise UnsupportedDocument("only a PDF or a TIFF scan is split into invoices")
