"""The one process-wide lock around PDFium.

PDFium (through pypdfium2) is not thread-safe: 8 threads opening and rendering valid PDFs in one
process crash it (SIGSEGV / "free(): invalid next size") and report "Data format error" on valid files,
and its last-error state is global, so the error code read after a failed call could belong to another
thread's call (a 0-page PDF answered `encrypted_pdf` after someone else's encrypted upload). Every
PDFium call of the project (ingest, upload checks, page images, e-invoice attachments) runs while
holding `PDFIUM_LOCK`, and closes what it opened (documents, pages, text pages, bitmaps) before letting
go, so that no PDFium object is freed later by the garbage collector on another thread.

Reentrant: a function holding it may call another that takes it.
"""

from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()
