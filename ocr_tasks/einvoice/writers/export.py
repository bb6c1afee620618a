"""Exporting an `Invoice` as an EN 16931 e-invoice: build the content (`build.build_document`), write it
(`ubl.write_ubl` or `cii.write_cii`), validate it with the same XSD + schematron as the intake
(`ocr_tasks.einvoice.validation.validate_einvoice`), and hand back the bytes only when no error is found.

A document lacking mandatory terms raises `EInvoiceIncomplete` (code `einvoice_incomplete`, the terms
listed); one whose XML still breaks a rule raises `EInvoiceExportInvalid` (`einvoice_export_invalid`,
the rules listed). Warnings (e.g. Factur-X code-list advice) do not stop an export."""

from __future__ import annotations

from dataclasses import dataclass

from ocr_tasks.einvoice.syntax import CII, UBL_CREDIT_NOTE, UBL_INVOICE
from ocr_tasks.einvoice.writers.build import build_document
from ocr_tasks.einvoice.writers.terms import EInvoiceExportInvalid
from ocr_tasks.invoice_types import Invoice
from ocr_tasks.result_types import ERROR

FORMATS = ("ubl", "cii")
SYNTAX_NAMES = {"ubl": "UBL 2.1", "cii": "CII D16B (Factur-X EN 16931)"}
CONTENT_TYPE = "application/xml"


@dataclass(frozen=True, slots=True)
class ExportedXml:
    """A validated e-invoice: its bytes, the syntax written, and the validator's warnings."""

    xml: bytes
    syntax: str
    warnings: tuple[dict, ...] = ()


def export_einvoice(invoice: Invoice, fmt: str) -> ExportedXml:
    """`invoice` as a validated UBL (`fmt="ubl"`) or CII (`fmt="cii"`) e-invoice."""
    from ocr_tasks.einvoice.validation import validate_einvoice
    from ocr_tasks.einvoice.writers.cii import write_cii
    from ocr_tasks.einvoice.writers.ubl import write_ubl

    if fmt not in FORMATS:
        raise ValueError(f"unknown e-invoice format {fmt!r}; expected one of {', '.join(FORMATS)}")
    doc = build_document(invoice, syntax=SYNTAX_NAMES[fmt])
    if fmt == "ubl":
        xml, syntax, profile = write_ubl(doc), (UBL_CREDIT_NOTE if doc.credit_note else UBL_INVOICE), None
    else:
        xml, syntax, profile = write_cii(doc), CII, "EN 16931"
    results = validate_einvoice(xml, syntax, profile=profile, factur_x=fmt == "cii")
    errors = [r.to_dict() for r in results if r.severity == ERROR]
    if errors:
        raise EInvoiceExportInvalid(errors, syntax=SYNTAX_NAMES[fmt])
    return ExportedXml(xml=xml, syntax=syntax, warnings=tuple(r.to_dict() for r in results))
