"""The evidence of each page of a recognised batch scan (`boundaries.PageEvidence`), and its split plan.

Per page: blank (little ink on its image, and at most a few words read), its page marker (from its
text), and its invoice number and vendor as extraction reads the page alone, kept only when read
surely enough: a vendor at a calibrated confidence of 0.8 (a sheet of terms read as the vendor
"Terms: payment within 30 days" scores 0.61), an invoice number at 0.5 (numbers read right on drawn
200 dpi pages score 0.54-0.64: `tests/ocr_tasks/scan_split/test_real_scan.py`). A number counts only
against another number, so a page 2 whose "number" is an order number splits only when the first
page's number was read too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ocr_tasks.ocr_types import OcrDocument, OcrPage
from ocr_tasks.scan_split.blank_pages import is_blank
from ocr_tasks.scan_split.boundaries import PageEvidence, SplitPlan, invoice_groups
from ocr_tasks.scan_split.page_markers import page_marker

MIN_VENDOR_CONFIDENCE = 0.8
MIN_NUMBER_CONFIDENCE = 0.5
MAX_BLANK_WORDS = 3  # a blank sheet's speckles read as a word or two at most


def _sure(invoice, name: str, min_confidence: float) -> str | None:
    found = invoice.fields.get(name)
    return found.value if found is not None and found.value and found.confidence >= min_confidence else None


def page_evidence(
    document: OcrDocument,
    page: OcrPage,
    *,
    image: Path | None,
) -> PageEvidence:
    """One page's evidence; `image`: its rendered image (None: blankness is told by its words alone)."""
    words = sum(len(line.words) for line in page.lines)
    if words <= MAX_BLANK_WORDS and (image is None or is_blank(image)):
        return PageEvidence(index=page.index, blank=True)
    from ocr_tasks.extraction.extract import extract_invoice  # heavy: only once pages are read

    alone = OcrDocument(source=document.source, pages=(replace(page, index=0),))
    invoice = extract_invoice(alone)
    return PageEvidence(
        index=page.index,
        marker=page_marker(page.text),
        invoice_number=_sure(invoice, "invoice_number", MIN_NUMBER_CONFIDENCE),
        vendor=_sure(invoice, "vendor_name", MIN_VENDOR_CONFIDENCE),
    )


def split_plan(document: OcrDocument, images: Sequence[Path | None] = ()) -> SplitPlan:
    """Where the invoices of a recognised scan begin; `images[i]`: page i's image (optional)."""
    evidence = [
        page_evidence(document, page, image=images[i] if i < len(images) else None)
        for i, page in enumerate(document.pages)
    ]
    return invoice_groups(evidence)
