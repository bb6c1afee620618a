"""Test documents generated in code: rendered text pages, hand-built PDFs (encrypted, many pages), a
decompression-bomb PNG header. Nothing here is OCR output; nothing is copied from the corpus."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
)

INVOICE_LINES = (
    "ACME Office Supplies Ltd",
    "Invoice number INV-2024-0042",
    "Date 12 March 2024",
    "Paper A4 box 3 x 12.50 37.50",
    "Stapler heavy duty 1 x 24.90",
    "Total due EUR 62.40",
)


def font(size: int) -> ImageFont.FreeTypeFont:
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    raise RuntimeError("DejaVu Sans not found: apt-get install fonts-dejavu-core")


def text_page(lines=INVOICE_LINES, *, width: int = 1400, size: int = 36, margin: int = 60) -> Image.Image:
    """A white grey-scale page with `lines` of black text, one per row."""
    step = int(size * 1.8)
    image = Image.new("L", (width, margin * 2 + step * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    face = font(size)
    for i, line in enumerate(lines):
        draw.text((margin, margin + i * step), line, fill=0, font=face)
    return image


def encode(image: Image.Image, fmt: str, **params) -> bytes:
    if fmt == "HEIF":  # an iPhone's format: Pillow writes it through pillow-heif
        from ocr_tasks.ingest.heif import enable_heif

        enable_heif()
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **params)
    return buffer.getvalue()


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def bomb_png(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares `width` x `height` pixels (a decompression bomb's shape)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")
    )


def blank_pdf(pages: int) -> bytes:
    """A PDF with `pages` empty A4 pages (pypdfium2)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def _pdf(objects: list[bytes], trailer: bytes) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d " % (len(objects) + 1) + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes = b"secret", owner_password: bytes = b"owner") -> bytes:
    """A one-page PDF encrypted with the standard security handler (RC4 40-bit, revision 2) and a user
    password: it cannot be opened without the password."""
    padded_user = (user_password + _PAD)[:32]
    padded_owner = (owner_password + _PAD)[:32]
    o_value = _rc4(hashlib.md5(padded_owner).digest()[:5], padded_user)
    permissions = -44
    file_id = hashlib.md5(b"encrypted-fixture").digest()
    key = hashlib.md5(padded_user + o_value + struct.pack("<i", permissions) + file_id).digest()[:5]
    u_value = _rc4(key, _PAD)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + o_value.hex().encode()
        + b"> /U <"
        + u_value.hex().encode()
        + b"> /P %d >>" % permissions,
    ]
    trailer = (
        b"/Root 1 0 R /Encrypt 4 0 R /ID [<"
        + file_id.hex().encode()
        + b"> <"
        + file_id.hex().encode()
        + b">]"
    )
    return _pdf(objects, trailer)


def image_pdf(pages: list[Image.Image]) -> bytes:
    """A scanned-style PDF: each page is an image, there is no text layer (PIL's PDF writer)."""
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:], resolution=150)
    return buffer.getvalue()


def with_text_stamp(pdf_bytes: bytes, text: str, *, x: float = 40, y: float = 800, size: float = 10) -> bytes:
    """`pdf_bytes` with a line of real (text-layer) text added on its first page, like a scanner's
    header or a 'PAID' stamp over a scan."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(pdf_bytes)
    page = pdf[0]
    obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(size))
    encoded = (text + "\x00").encode("utf-16-le")
    buffer = ctypes.create_string_buffer(encoded, len(encoded))
    pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    pdf.save(out)
    page.close()
    pdf.close()
    return out.getvalue()
