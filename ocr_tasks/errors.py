"""Typed errors with stable codes. Each reaches users as `code: message` (CLI) or a JSON body (API).

Codes are part of the public contract: never rename one, only add.
"""

from __future__ import annotations


class OcrPipelineError(Exception):
    """Base error. `code` is stable; `http_status` is what the API answers for it; `transient` errors
    may be retried (timeouts, storage hiccups), the others are bad input and are never retried."""

    code = "pipeline_error"
    http_status = 500
    transient = False

    def __init__(self, message: str, *, detail: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "message": self.message,
            **({"detail": self.detail} if self.detail else {}),
        }


class BadInput(OcrPipelineError):
    code = "bad_input"
    http_status = 400


class EmptyFile(BadInput):
    code = "empty_file"


class UnsupportedDocument(BadInput):
    code = "unsupported_type"
    http_status = 415


class CorruptDocument(BadInput):
    code = "corrupt_file"
    http_status = 422


class EncryptedDocument(BadInput):
    code = "encrypted_pdf"
    http_status = 422


class DocumentTooLarge(BadInput):
    code = "file_too_large"
    http_status = 413


class TooManyPages(BadInput):
    code = "too_many_pages"
    http_status = 413


class ImageTooLarge(BadInput):
    """Too many pixels: refused before decoding (decompression bombs)."""

    code = "image_too_large"
    http_status = 413


class OcrEngineError(OcrPipelineError):
    code = "ocr_failed"
    http_status = 500


class OcrTimeout(OcrEngineError):
    code = "ocr_timeout"
    http_status = 504
    transient = True


class ExtractionError(OcrPipelineError):
    code = "extraction_failed"


class TemplateError(BadInput):
    code = "invalid_template"


class TemplateTooLarge(TemplateError):
    """An uploaded template over the size limit (refused before it is parsed)."""

    code = "template_too_large"
    http_status = 413


class InvalidExpectation(BadInput):
    """A user's expectation configuration that Great Expectations (or the batch runner) cannot use."""

    code = "invalid_expectation"


class AnomalyModelError(OcrPipelineError):
    """Stored anomaly-model bytes that cannot be read (corrupt, or written by an incompatible version):
    refit the project's model."""

    code = "invalid_anomaly_model"


class StorageError(OcrPipelineError):
    code = "storage_error"
    http_status = 503
    transient = True


class Cancelled(OcrPipelineError):
    code = "cancelled"
    http_status = 409


def error_code(exc: BaseException) -> str:
    """Stable code for any exception (unknown ones are `internal_error`)."""
    return exc.code if isinstance(exc, OcrPipelineError) else "internal_error"


class FileMissing(BadInput):
    """A path given to the CLI or `ingest_path` does not exist."""

    code = "file_not_found"
    http_status = 404


class FileUnreadable(BadInput):
    """A path exists but cannot be read (a directory, no permission, an I/O error)."""

    code = "file_unreadable"


class EInvoiceInvalid(BadInput):
    """An XML (bare, or attached to a PDF) that is malformed or not a CII/UBL invoice."""

    code = "einvoice_invalid"
    http_status = 422


class XmlUnsafe(BadInput):
    """An XML with a DOCTYPE, entity declarations or external references: refused unparsed."""

    code = "xml_unsafe"
    http_status = 422


class NoInvoiceAttachment(BadInput):
    """An e-mail (.eml) carrying no attachment that could be an invoice (a PDF, an image, an e-invoice
    XML): its body text is not read as one, and logos, signatures and calendar invitations are not
    invoices. `detail.parts` names what the e-mail held."""

    code = "no_invoice_attachment"
    http_status = 422


class TooManyAttachments(BadInput):
    """An e-mail with more attachments (or MIME parts) than one upload may hold files."""

    code = "too_many_attachments"
    http_status = 413
