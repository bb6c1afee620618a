"""The XML attachments of a PDF (Factur-X / ZUGFeRD / XRechnung hybrids), read with PDFium.

PDFium is not thread-safe (ENVIRONMENT.md): every call here runs under the process-wide
`ocr_tasks.ingest.pdfium_lock.PDFIUM_LOCK`, like ingest, upload checks and page images, and the document
is closed before it is released. Attachments with a known e-invoice name come first, in `KNOWN_NAMES`
order; other `.xml` attachments follow.
"""

from __future__ import annotations

from ocr_tasks.ingest.pdfium_lock import PDFIUM_LOCK

KNOWN_NAMES: tuple[str, ...] = ("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml")
MAX_ATTACHMENTS = 64
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def _rank(name: str) -> int:
    lowered = name.lower()
    return KNOWN_NAMES.index(lowered) if lowered in KNOWN_NAMES else len(KNOWN_NAMES)


def xml_attachments(data: bytes) -> list[tuple[str, bytes]]:
    """`(name, bytes)` of the PDF's XML attachments (known e-invoice names first); none when the PDF
    cannot be opened (ingest reports that) or has none. An attachment above the size cap is skipped."""
    import pypdfium2 as pdfium

    found: list[tuple[str, bytes]] = []
    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            return []
        try:
            for index in range(min(pdf.count_attachments(), MAX_ATTACHMENTS)):
                attachment = pdf.get_attachment(index)
                name = attachment.get_name() or ""
                if not name.lower().endswith(".xml"):
                    continue
                try:
                    payload = attachment.get_data()
                except pdfium.PdfiumError:
                    continue
                if len(payload) <= MAX_ATTACHMENT_BYTES:
                    found.append((name, bytes(payload)))
        finally:
            pdf.close()
    return sorted(found, key=lambda item: _rank(item[0]))
