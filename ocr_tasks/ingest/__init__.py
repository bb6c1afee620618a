"""Ingest: check an uploaded file, detect its real type from its bytes, split it into pages.

Owns type detection (magic bytes), limits (size, pages, pixels: decompression bombs are refused before
decoding), PDF text layers (read, never OCR'd; a scanned page's invisible OCR layer is no text layer:
`scanned_pages`) and page images written to a work directory; e-mails (.eml) opened into the attachments
that may be invoices (`email_message`, `email_attachments`) and safe names for received files
(`filenames`). Imports only the standard library, PIL, pypdfium2 and the project's types; must not
import engines, django, prefect or streamlit.
"""

from ocr_tasks.ingest.documents import ingest_bytes, ingest_path
from ocr_tasks.ingest.pages import IngestedDocument, PageInput

__all__ = ["IngestedDocument", "PageInput", "ingest_bytes", "ingest_path"]
