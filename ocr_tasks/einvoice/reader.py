"""Reading an e-invoice: a bare XML (`read_xml`) or the XML embedded in a PDF (`read_pdf`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ocr_tasks.einvoice.mapping import map_cii, map_ubl
from ocr_tasks.einvoice.pdf_attachments import KNOWN_NAMES, xml_attachments
from ocr_tasks.einvoice.safe_xml import parse_xml
from ocr_tasks.einvoice.syntax import UBL_CREDIT_NOTE, UBL_INVOICE, profile_of, syntax_of
from ocr_tasks.errors import BadInput
from ocr_tasks.invoice_types import Invoice

SOURCE = "einvoice"


@dataclass(frozen=True, slots=True)
class EInvoice:
    """An invoice read exactly from its XML; `details` holds what `Invoice` has no field for (guideline
    id, document type code, BIC, VAT breakdown)."""

    invoice: Invoice
    syntax: str
    profile: str | None
    attachment: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    xml: bytes = field(default=b"", repr=False, compare=False)  # as received, for `validation`

    def to_dict(self) -> dict[str, Any]:
        """What a result carries about its e-invoice (the invoice itself travels separately)."""
        return {
            "source": SOURCE,
            "syntax": self.syntax,
            "profile": self.profile,
            "attachment": self.attachment,
            **self.details,
        }

    def as_invoice(self) -> Invoice:
        """The invoice marked `source: "einvoice"`, carrying syntax, profile and details."""
        meta = {k: v for k, v in self.to_dict().items() if k != "source"}
        return replace(self.invoice, source=SOURCE, einvoice=meta)


def read_xml(data: bytes, *, attachment: str | None = None) -> EInvoice:
    """The invoice of a CII / ZUGFeRD 1 / UBL XML; raises `EInvoiceInvalid`, `XmlUnsafe` or
    `DocumentTooLarge`."""
    root = parse_xml(data)
    syntax = syntax_of(root)
    mapper = map_ubl if syntax in (UBL_INVOICE, UBL_CREDIT_NOTE) else map_cii
    invoice, details = mapper(root, syntax)
    return EInvoice(
        invoice=invoice,
        syntax=syntax,
        profile=profile_of(details.get("guideline_id")),
        attachment=attachment,
        details=details,
        xml=data,
    )


def read_pdf(data: bytes) -> EInvoice | None:
    """The e-invoice embedded in a PDF: the first XML attachment that reads as one, known names first.
    None when there is none; when only attachments with a known e-invoice name exist and all fail, the
    first one's error is raised (a hybrid PDF whose XML is broken or hostile is worth saying so)."""
    first_error: BadInput | None = None
    for name, payload in xml_attachments(data):
        try:
            return read_xml(payload, attachment=name)
        except BadInput as exc:
            if first_error is None and name.lower() in KNOWN_NAMES:
                first_error = exc
    if first_error is not None:
        raise first_error
    return None
