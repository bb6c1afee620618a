"""PDFs with chosen XML attachments, built with PDFium (one blank page)."""

from __future__ import annotations

import ctypes
import io


def pdf_with_attachments(*attachments: tuple[str, bytes]) -> bytes:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument.new()
    try:
        pdf.new_page(595, 842)
        for name, data in attachments:
            wide = ctypes.create_string_buffer((name + "\0").encode("utf-16-le"))
            handle = pdfium_c.FPDFDoc_AddAttachment(pdf, ctypes.cast(wide, pdfium_c.FPDF_WIDESTRING))
            contents = ctypes.create_string_buffer(data, len(data))
            assert pdfium_c.FPDFAttachment_SetFile(handle, pdf, contents, len(data))
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
    finally:
        pdf.close()
