"""E-invoice export: an `Invoice` (OCR'd or read from an e-invoice; current values) as a UBL 2.1
Invoice/CreditNote or a CII D16B (Factur-X EN 16931) XML, validated against EN 16931 before it is
offered. Which project field feeds which business term, and which terms are mandatory, is data
(`business_terms.json`). Imports nothing outside `ocr_tasks`; lxml, drafthorse and the validators are
loaded on first use.

Modules: `export` (build, write, validate), `build` (`build_document`: the content of an export from an
`Invoice`, from `values`, `parties`, `vat`, `lines` and `credit_signs`), `document` (that content's
types), `ubl` / `cii` (the two writers), `terms` (the business-term table and the typed errors)."""

from ocr_tasks.einvoice.writers.export import CONTENT_TYPE, FORMATS, ExportedXml, export_einvoice
from ocr_tasks.einvoice.writers.terms import EInvoiceExportInvalid, EInvoiceIncomplete, MissingTerm

__all__ = [
    "CONTENT_TYPE",
    "FORMATS",
    "EInvoiceExportInvalid",
    "EInvoiceIncomplete",
    "ExportedXml",
    "MissingTerm",
    "export_einvoice",
]
