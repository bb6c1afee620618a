"""Line-item cells read from the page against the e-invoice's own lines (einvoice-dev).

    .venv/bin/python bench/line_item_cells.py [--set ../shared/corpus/einvoice-dev] [--misses]

`extraction_accuracy.py` scores line items by their count only. This compares each item's quantity, unit
price and amount read from the PDF's text layer (the product's ingest, recognition and extraction; the
embedded XML is never read for the page) with the XML's lines, item by item, on the documents whose item
count is right (sizes compared: a credit note reads as magnitudes). Some XML lines describe something the
page does not print (ZUGFeRD 1 line totals with tax included, an XML of another invoice): `--misses`
lists each document's first wrong items to tell those from reading errors.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ocr_tasks.config import OcrConfig
from ocr_tasks.einvoice import read_pdf
from ocr_tasks.extraction import extract_invoice
from ocr_tasks.ingest import ingest_path
from ocr_tasks.recognise import recognise_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("OCR_CORPUS_DIR", ROOT.parent / "shared" / "corpus"))
COLUMNS = ("quantity", "unit_price", "amount")


def _same(read: str | None, expected: str) -> bool:
    try:
        return read is not None and abs(Decimal(read)) == abs(Decimal(expected))
    except InvalidOperation:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=CORPUS / "einvoice-dev")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    right = dict.fromkeys(COLUMNS, 0)
    seen = dict.fromkeys(COLUMNS, 0)
    documents = counted = 0
    config = OcrConfig(workers=1)
    for pdf in sorted((args.set / "pdf").glob("*.pdf")):
        try:
            lines = read_pdf(pdf.read_bytes()).invoice.line_items
        except Exception:  # noqa: BLE001  (no e-invoice inside: nothing to compare with)
            continue
        if not lines:
            continue
        documents += 1
        with tempfile.TemporaryDirectory() as work:
            page = extract_invoice(
                recognise_document(ingest_path(pdf, config=config, workdir=Path(work)), config)
            )
        if len(page.line_items) != len(lines):
            continue
        counted += 1
        wrong = []
        for read, expected in zip(page.line_items, lines, strict=True):
            cells = [(c, read.get(c), expected.get(c)) for c in COLUMNS if expected.get(c) is not None]
            for column, got, want in cells:
                seen[column] += 1
                right[column] += _same(got, want)
            if any(not _same(got, want) for _, got, want in cells):
                wrong.append({c: (got, want) for c, got, want in cells})
        if args.misses and wrong:
            print(f"- {pdf.stem}: {wrong[:2]}")
    print(f"\n{documents} documents with lines in their XML, {counted} with the right item count\n")
    print("| cell | right | of | accuracy |\n|---|---:|---:|---:|")
    for column in COLUMNS:
        share = right[column] / seen[column] if seen[column] else 0.0
        print(f"| {column} | {right[column]} | {seen[column]} | {share:.2f} |")


if __name__ == "__main__":
    main()
