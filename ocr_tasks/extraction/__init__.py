"""Field extraction: OCR pages -> invoice fields (value, raw text, confidence, page, box) and line items.

Template-free by default: candidates from the layout (`rows`, `*_fields`, `address_blocks` for the
parties' address blocks), scored by hand weights or a learned logistic model (`scoring`), chosen with
cross-field consistency (`extract`, `amount_choice` for the totals block, `settle` for what the chosen
fields imply); invoice2data-style YAML templates (`templates`) override per vendor. Label knowledge is
data: `lexicons/<lang>.json` (en, de, fr, nl, es, it, ms), compiled once by `keywords`.
Normalisation lives in `ocr_tasks.normalise`.
Must not import the OCR engines, ingest, or any framework (django, prefect, streamlit, great_expectations);
it works on `OcrDocument` values only. A second reading of page regions comes in through
`ExtractionOptions.region_reader`; its Tesseract implementation, `tesseract_regions`, is the one adapter
module here that touches an engine, and only callers that hold page images import it (CLI, flows, bench).
"""

from ocr_tasks.extraction.extract import extract_invoice
from ocr_tasks.extraction.options import ExtractionOptions, RegionReader
from ocr_tasks.extraction.templates import Template, load_templates

__all__ = ["ExtractionOptions", "RegionReader", "Template", "extract_invoice", "load_templates"]
