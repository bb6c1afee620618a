"""Splitting a batch scan (many paper invoices scanned into one PDF or TIFF) into its invoices.

Owns the evidence of where an invoice begins (`page_markers`: "Page 1 of 2" restarting; `blank_pages`:
separator sheets; a new invoice number or vendor read surely from the page), the conservative decision
from it (`boundaries.invoice_groups`, a `SplitPlan`), the evidence of a recognised scan
(`evidence.split_plan`) and writing each invoice's pages as a file of its own (`parts.split_file`).
Pure; imports PIL, numpy, pypdfium2 and the project's types (extraction is imported when evidence is
read); must not import django, prefect or streamlit."""

from ocr_tasks.scan_split.boundaries import PageEvidence, SplitPlan, invoice_groups
from ocr_tasks.scan_split.page_markers import PageMarker, page_marker

__all__ = ["PageEvidence", "PageMarker", "SplitPlan", "invoice_groups", "page_marker"]
