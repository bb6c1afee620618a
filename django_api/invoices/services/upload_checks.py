"""Cheap checks of an uploaded file before anything is stored: name, size, type by content, pages.

Raises the typed errors of `ocr_tasks.errors` (their `code` and `http_status` reach the client). The
full ingest (rendering, text layer) runs later in the flow; here we only open headers."""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from ocr_tasks.config import Limits
from ocr_tasks.errors import (
    BadInput,
    CorruptDocument,
    DocumentTooLarge,
    EmptyFile,
    EncryptedDocument,
    ImageTooLarge,
    TooManyPages,
    UnsupportedDocument,
)
from ocr_tasks.ingest.detect import PDF, XML, describe_unknown, sniff_media_type
from ocr_tasks.ingest.filenames import sanitize_filename  # re-exported: the upload path names files with it
from ocr_tasks.ingest.pdfium_lock import PDFIUM_LOCK


@dataclass(frozen=True, slots=True)
class CheckedUpload:
    name: str
    media_type: str
    pages: int
    size: int
    sha256: str


def _pdf_pages(data: bytes) -> int:
    """The page count; the error code comes from this call's own failure (the lock keeps another
    thread's PDFium call from changing the library's last error in between)."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:  # PDFium is not thread-safe (ocr_tasks/ingest/pdfium_lock.py)
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise EncryptedDocument("the PDF is encrypted (password protected)") from exc
            raise CorruptDocument(f"the PDF cannot be read: {exc}") from exc
        try:
            return len(pdf)
        finally:
            pdf.close()


def _check_frame_size(width: int, height: int, *, index: int, frames: int, limits: Limits) -> None:
    where = f"frame {index + 1} of the image" if frames > 1 else "the image"
    if width <= 0 or height <= 0:
        raise CorruptDocument(f"{where} has an invalid size {width}x{height}")
    if width * height > limits.max_pixels_per_page:
        raise ImageTooLarge(
            f"{where} is {width}x{height} pixels, above the limit of {limits.max_pixels_per_page:,}",
            detail={
                "width": width,
                "height": height,
                "page": index,
                "max_pixels": limits.max_pixels_per_page,
            },
        )


def _image_pages(data: bytes, *, limits: Limits) -> int:
    from PIL import Image

    from ocr_tasks.ingest.heif import enable_heif

    enable_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise ImageTooLarge(f"image is too large to decode safely ({exc})") from exc
    except Exception as exc:  # PIL raises several types for bad data
        raise CorruptDocument(f"the image cannot be read: {exc}") from exc
    with image:
        try:
            frames = getattr(image, "n_frames", 1)
        except Exception as exc:
            raise CorruptDocument(f"the image's frames cannot be read: {exc}") from exc
        if frames > limits.max_pages:  # before walking the frames
            raise TooManyPages(
                f"the image has {frames} frames, above the limit of {limits.max_pages}",
                detail={"pages": frames, "max_pages": limits.max_pages},
            )
        for index in range(frames):  # every frame (page) of a TIFF has its own size: check each
            try:
                image.seek(index)
            except Image.DecompressionBombError as exc:
                raise ImageTooLarge(f"frame {index + 1} is too large to decode safely ({exc})") from exc
            except Exception as exc:
                raise CorruptDocument(f"frame {index + 1} of the image cannot be read: {exc}") from exc
            _check_frame_size(*image.size, index=index, frames=frames, limits=limits)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        image = Image.open(io.BytesIO(data))
    with image:
        try:
            image.verify()
        except Exception as exc:
            raise CorruptDocument(f"the image data is damaged: {exc}") from exc
    return frames


class NamelessFilePart(BadInput):
    """A file part sent with `filename=""`: Django's parser reads it as a text field, so its bytes cannot
    be trusted as a file's."""

    code = "missing_filename"


def nameless_part_error(*, size: int) -> BadInput:
    """The rejection of a `files` part without a file name: `empty_file` when it has no content (a form's
    file input left empty), `missing_filename` otherwise."""
    if size == 0:
        return EmptyFile("a file part without a file name and without content (no file was chosen?)")
    return NamelessFilePart(
        'the file part has no file name (filename=""), so it was read as text, not as a file:'
        " send the file with its name"
    )


def check_upload(*, data: bytes, name: str, limits: Limits) -> CheckedUpload:
    """Check one uploaded file; raise a typed error with a stable code, or describe it."""
    if not data:
        raise EmptyFile("the file is empty")
    if len(data) > limits.max_file_bytes:
        raise DocumentTooLarge(
            f"the file is {len(data):,} bytes, above the limit of {limits.max_file_bytes:,}",
            detail={"size": len(data), "max_bytes": limits.max_file_bytes},
        )
    media_type = sniff_media_type(data)
    if media_type is None:
        found = describe_unknown(data)
        raise UnsupportedDocument(
            ("the content is not" if found == "unknown content" else f"the content is {found}, not")
            + " a PDF, a PNG/JPEG/TIFF/WebP/BMP image or a CII/UBL e-invoice XML"
        )
    if media_type == XML:
        return _checked(data, name, media_type, pages=_einvoice_pages(data))
    pages = _pdf_pages(data) if media_type == PDF else _image_pages(data, limits=limits)
    if pages < 1:
        raise CorruptDocument("the document has no pages")
    if pages > limits.max_pages:
        raise TooManyPages(
            f"the document has {pages} pages, above the limit of {limits.max_pages}",
            detail={"pages": pages, "max_pages": limits.max_pages},
        )
    return _checked(data, name, media_type, pages=pages)


def _einvoice_pages(data: bytes) -> int:
    """A bare XML is read in full now (milliseconds), so that a hostile or non-invoice XML is refused
    at upload (`xml_unsafe`, `einvoice_invalid`); it has no page."""
    from ocr_tasks.einvoice import read_xml

    read_xml(data)
    return 0


def _checked(data: bytes, name: str, media_type: str, *, pages: int) -> CheckedUpload:
    return CheckedUpload(
        name=sanitize_filename(name, media_type=media_type),
        media_type=media_type,
        pages=pages,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
