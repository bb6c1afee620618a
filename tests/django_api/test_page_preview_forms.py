"""The review screen's page of a filled-in PDF form shows the typed values (real Tesseract reads them
off the preview), as the reading saw them (`ocr_tasks/ingest/pdf_forms.py`)."""

from __future__ import annotations

import io
from pathlib import Path

import pytesseract
from PIL import Image

from django_api.invoices.page_images import page_png

FORM = Path(__file__).resolve().parents[1] / "ocr_tasks/form_invoices/invoice_form_gb.pdf"


def test_a_filled_in_forms_preview_shows_its_values():
    png = page_png(data=FORM.read_bytes(), media_type="application/pdf", index=0)
    with Image.open(io.BytesIO(png)) as page:
        text = pytesseract.image_to_string(page.convert("L"))
    assert "Invoice number" in text  # the page's own content
    assert "NJ-2025-0193" in text and "Harbour Cafe" in text and "1,500.00" in text  # the fields' values
