"""Detect a document's media type from its content (magic bytes), never from its name."""

from __future__ import annotations

import re

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
WEBP = "image/webp"
BMP = "image/bmp"
GIF = "image/gif"
HEIC = "image/heic"  # HEIC/HEIF photos (iPhone cameras), opened through pillow-heif (`heif.py`)
XML = "application/xml"  # a bare e-invoice (CII / UBL); read by `ocr_tasks.einvoice`, no pages

SUPPORTED_MEDIA_TYPES: tuple[str, ...] = (PDF, PNG, JPEG, TIFF, WEBP, BMP, HEIC, XML)
IMAGE_MEDIA_TYPES = frozenset({PNG, JPEG, TIFF, WEBP, BMP, HEIC})

_EXTENSIONS = {
    PDF: ".pdf",
    PNG: ".png",
    JPEG: ".jpg",
    TIFF: ".tif",
    WEBP: ".webp",
    BMP: ".bmp",
    HEIC: ".heic",
    XML: ".xml",
}
# ISO base media file brands of HEIF images coded with HEVC (`mif1`/`msf1` are generic: AVIF uses them too,
# so they count only with a HEVC brand among the compatible ones)
_HEIC_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"})
_GENERIC_HEIF_BRANDS = frozenset({b"mif1", b"msf1"})
_UTF8_BOM = b"\xef\xbb\xbf"
_HTML = re.compile(rb"<(?:!doctype\s+)?html[\s>]", re.IGNORECASE)


def _looks_like_xml(head: bytes) -> bool:
    """An XML declaration, a comment, a DOCTYPE or a first element (not HTML), after an optional
    UTF-8 byte-order mark and white space (whether it is an invoice is for the e-invoice reader)."""
    text = head.removeprefix(_UTF8_BOM).lstrip(b" \t\r\n")
    if _HTML.match(text):  # an HTML page is no XML document, whatever its name says
        return False
    if text.startswith((b"<?xml", b"<!--", b"<!DOCTYPE")):  # a DOCTYPE is refused later as xml_unsafe
        return True
    return len(text) > 1 and text[:1] == b"<" and (text[1:2].isalpha() or text[1:2] == b"_")


def _is_heic(head: bytes) -> bool:
    """An ISO base media `ftyp` box whose major brand is a HEVC-coded HEIF one, or a generic HEIF brand
    with a HEVC one among its compatible brands."""
    if len(head) < 16 or head[4:8] != b"ftyp":
        return False
    size = min(int.from_bytes(head[:4], "big"), len(head))
    major = head[8:12]
    compatible = {head[i : i + 4] for i in range(16, size - 3, 4)}
    return major in _HEIC_BRANDS or (major in _GENERIC_HEIF_BRANDS and bool(compatible & _HEIC_BRANDS))


def sniff_media_type(data: bytes) -> str | None:
    """The media type of `data` from its leading bytes, or None when it is none of the supported ones.

    Unsupported but recognisable types are named through `filetype` (for a clear error message)."""
    head = data[:1024]
    if head.startswith(b"%PDF-") or (b"%PDF-" in head and head.lstrip().startswith(b"%PDF-")):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return TIFF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:2] == b"BM" and len(head) >= 26:
        return BMP
    if _is_heic(head):
        return HEIC
    if _looks_like_xml(head):
        return XML
    return None


def describe_unknown(data: bytes) -> str:
    """A human name for content that is not supported ("image/gif", "application/zip", "text or binary")."""
    import filetype  # light, but only needed on the error path

    kind = filetype.guess(data[:8192])
    return kind.mime if kind else "unknown content"


def extension_for(media_type: str) -> str:
    return _EXTENSIONS.get(media_type, ".bin")
