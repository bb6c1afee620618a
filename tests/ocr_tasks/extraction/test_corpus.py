"""Extraction on real documents of the shared corpus: invoice2data PDFs (text layer) and receipts (real
Tesseract OCR). Expected values come from the corpus labels."""

import json
from pathlib import Path

import pytest

from ocr_tasks.config import OcrConfig
from ocr_tasks.extraction import extract_invoice
from ocr_tasks.extraction.tesseract_regions import extract_with_page_images
from ocr_tasks.ingest import ingest_path
from ocr_tasks.normalise.amounts import normalise_amount
from ocr_tasks.normalise.dates import parse_date
from ocr_tasks.recognise import ocr_path, recognise_document

I2D = ("AzureInterior", "coolblue1", "coolblue2", "saeco")


def _text_layer_invoice(corpus: Path, name: str, tmp_path: Path):
    doc = ingest_path(
        corpus / "invoice2data-dev" / "images" / f"{name}.pdf", config=OcrConfig(workers=1), workdir=tmp_path
    )
    assert all(not p.needs_ocr for p in doc.pages)  # born-digital: no OCR needed
    return extract_with_page_images(doc, recognise_document(doc, OcrConfig(workers=1)))


@pytest.mark.parametrize("name", I2D)
def test_invoice2data_pdfs_through_their_text_layer(corpus, tmp_path, name):
    label = json.loads((corpus / "invoice2data-dev" / "labels" / f"{name}.json").read_text())
    invoice = _text_layer_invoice(corpus, name, tmp_path)
    assert invoice.get("total") == f"{label['amount']:.2f}"
    assert invoice.get("subtotal") == f"{label['amount_untaxed']:.2f}"
    assert invoice.get("invoice_date") == label["date"]
    assert invoice.get("invoice_number") == label["invoice_number"]
    assert invoice.get("currency") == label["currency"]
    total = invoice.fields["total"]
    assert total.bbox is not None and total.confidence >= 0.5
    vendor = invoice.get("vendor_name").lower()  # saeco prints it only inside its logo image
    assert label["issuer"].lower() in vendor or vendor in label["issuer"].lower()


def test_coolblue_line_items(corpus, tmp_path):
    label = json.loads((corpus / "invoice2data-dev" / "labels" / "coolblue1.json").read_text())
    invoice = _text_layer_invoice(corpus, "coolblue1", tmp_path)
    expected = [
        f"{line['price_subtotal']:.2f}" for line in label["invoice2data_expected"]["lines"] if "name" in line
    ]
    amounts = [item.get("amount") for item in invoice.line_items]
    assert sorted(amounts) == sorted(expected)  # the label lists the levy line last
    first = invoice.line_items[0]
    assert "ipad" in first.get("description").lower() and first.get("tax_rate") == "21.00"


@pytest.mark.parametrize("receipt", ["X51005663317"])
def test_scanned_receipt_through_tesseract(corpus, receipt):
    label = json.loads((corpus / "sroie-sample" / "labels" / f"{receipt}.json").read_text())
    document = ocr_path(corpus / "sroie-sample" / "images" / f"{receipt}.jpg", OcrConfig(workers=1))
    invoice = extract_invoice(document)
    assert invoice.get("total") == normalise_amount(label["total"])
    assert invoice.get("invoice_date") == parse_date(label["date"]).isoformat()
    assert label["company"].lower()[:10] in invoice.get("vendor_name").lower()
