"""The reviewer's walk-through on `invoice2data-dev/saeco.pdf` (a Dutch web-shop invoice), rasterised and
read by real Tesseract: approving it taught `btw bedrag` (the VAT amount's column header, printed over the
right-aligned subtotal) as the subtotal's label, and re-typing the vendor's name (printed in the image
below a sentence) taught `in the image below`. Neither is learned now; the real labels still are."""

from __future__ import annotations

from datetime import UTC, datetime

import pypdfium2 as pdfium

from ocr_tasks.config import EXTRACTION_PSM, OcrConfig
from ocr_tasks.extraction import extract_invoice
from ocr_tasks.extraction.rows import document_rows
from ocr_tasks.ingest import ingest_path
from ocr_tasks.recognise import recognise_document
from ocr_tasks.vendor_memory import learn, memory_candidates

CONFIG = OcrConfig(workers=1, psm=EXTRACTION_PSM, languages="eng", erase_rules=True)


def test_approving_the_scanned_saeco_invoice_learns_only_real_labels(corpus, tmp_path):
    pdf = pdfium.PdfDocument(str(corpus / "invoice2data-dev" / "images" / "saeco.pdf"))
    try:
        image = pdf[0].render(scale=300 / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    scan = tmp_path / "saeco.png"
    image.save(scan)
    ocr = recognise_document(ingest_path(scan, config=CONFIG, workdir=tmp_path / "work"), CONFIG)
    extracted = extract_invoice(ocr)
    assert (extracted.get("subtotal"), extracted.get("tax_amount")) == ("41.31", "8.68")
    final = {
        "subtotal": "41.31",
        "tax_amount": "8.68",
        "total": "49.99",
        "invoice_number": "VF1005193039",
        "vendor_name": "e-Luscious Nederland B.V.",  # re-typed by the reviewer
    }
    memory = learn(
        None,
        ocr=ocr,
        extracted=extracted,
        final=final,
        actor="reviewer",
        when=datetime(2026, 11, 30, tzinfo=UTC),
        identity={"vendor_name": "e-Luscious Nederland B.V."},
    )
    assert memory is not None
    labels = {field: (lesson.label, lesson.label_side) for field, lesson in memory.lessons.items()}
    assert labels["subtotal"] == ("", "")  # by its place: the header over it names the VAT amount
    assert labels["tax_amount"] == ("btw bedrag", "above")
    assert labels["vendor_name"] == ("", "")  # `in the image below:` is a sentence
    assert labels["total"] == ("factuur totaal", "left")
    assert labels["invoice_number"] == ("factuur", "above")
    # the lessons of place read their values again (a name ending with a dot included)
    recalled = {c.field: c.value for c in memory_candidates(document_rows(ocr), memory)}
    assert recalled["subtotal"] == "41.31"
    assert recalled["vendor_name"] == "e-Luscious Nederland B.V."
