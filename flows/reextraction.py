"""Reading one stored document again, for a reviewer who asks for it (the API's `.../reextract/`, within
the request): a document read before the extraction learned something (a credit note's BG-3 reference
to the invoice it credits, a field the lexicons did not know) gets the current reading without a new
upload. No flow run: the pipeline's own readers, called directly, as `flows.recheck` does for checks.

- An e-invoice (`source: einvoice`) is read again from its file: the bare XML, or the XML attached to
  its PDF (its page compared with it again, its EN 16931 findings again).
- Any other document is extracted again from its stored OCR, with the project's current vendor memory
  and templates (no page images any more: no region re-reads, no second opinion), as the project's
  rescore with `reextract` does.

The caller keeps reviewers' corrections on top and re-checks the document's current values."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from flows import tasks
from ocr_tasks.invoice_types import Invoice
from ocr_tasks.ocr_types import OcrDocument
from ocr_tasks.result_types import DocumentResult

XML_MEDIA_TYPE = "application/xml"
PDF_MEDIA_TYPE = "application/pdf"


def needs_source(result: DocumentResult) -> bool:
    """Whether reading `result` again needs its file (an e-invoice is read from its XML)."""
    return result.invoice is not None and result.invoice.source == "einvoice"


def _einvoice_again(result: DocumentResult, data: bytes) -> Invoice | None:
    from ocr_tasks.einvoice import read_pdf, read_xml
    from ocr_tasks.einvoice.compare import checked_against_page
    from ocr_tasks.einvoice.validation import with_validation

    einvoice = read_xml(data) if result.source.media_type == XML_MEDIA_TYPE else read_pdf(data)
    if einvoice is None:
        return None
    pages = result.ocr or OcrDocument(result.source, ())
    return with_validation(checked_against_page(einvoice, pages), einvoice)


def document_reextracted(
    result: DocumentResult,
    *,
    source: bytes | None,
    project_settings: Mapping[str, Any] | None,
    memories: Sequence[Any] = (),
    templates: Sequence[Any] = (),
) -> DocumentResult:
    """`result` with its invoice read again (its checks are the caller's to redo). `source`: the stored
    file's bytes (needed for an e-invoice, `needs_source`). A PDF whose XML attachment is gone or no
    longer reads as an e-invoice is extracted from its pages; raises the readers' typed errors
    (`EInvoiceInvalid`, `XmlUnsafe`) for a bare XML that no longer reads."""
    invoice = None
    if needs_source(result) and source is not None:
        invoice = _einvoice_again(result, source)
    if invoice is None:
        if result.ocr is None or not result.ocr.pages:
            return result  # nothing to read again (a bare XML without its file)
        settings = tasks.settings_of(project_settings)
        read = tasks.reextract.fn(
            [replace(result, invoice=None)], settings, tuple(memories), tuple(templates)
        )
        invoice = read.get(result.source.id, result.invoice)
    return replace(result, invoice=invoice)
