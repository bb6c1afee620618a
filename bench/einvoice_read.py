"""E-invoice reading on einvoice-dev: per-field accuracy of the invoice read from each PDF's embedded XML
(`ocr_tasks.einvoice.read_pdf`) against the labels, next to the text-layer extraction of the same PDF,
and the time per document of each.

    .venv/bin/python bench/einvoice_read.py [--set ../shared/corpus/einvoice-dev] [--repeat 5]

- XML read: PDF opened with PDFium, attachments listed, XML parsed safely and mapped (median of
  `--repeat` runs per document, after one warm-up run of the whole set).
- Text layer: what the pipeline does without the XML: ingest (text layer read; logos and other images on
  the first page rendered), recognise (image regions OCR'd, text-layer pages skipped), `extract_invoice`
  (no second readings). One run per document, after the same warm-up. (Ingest also looks for the
  embedded XML now: ~1-2 ms of this time.)
A field counts as right when equal to its label (amounts as decimals, IBAN without spaces); `line_items`
is the count. Accuracy is over the documents whose label has the field. Last, the documents whose
page shows another total / date / number / IBAN / VAT id than their XML (`einvoice_mismatch`).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocr_tasks.config import OcrConfig
from ocr_tasks.einvoice import read_pdf
from ocr_tasks.einvoice.compare import page_mismatches
from ocr_tasks.extraction.extract import extract_invoice
from ocr_tasks.ingest import ingest_path
from ocr_tasks.invoice_types import AMOUNT_FIELDS, Invoice
from ocr_tasks.recognise import recognise_document

DEFAULT_SET = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "einvoice-dev"


def right(name: str, label, invoice: Invoice | None) -> bool:
    if invoice is None:
        return False
    if name == "line_items":
        return len(invoice.line_items) == label
    got = invoice.get(name)
    if got is None:
        return False
    if name in AMOUNT_FIELDS:
        try:
            return Decimal(got) == Decimal(label)
        except InvalidOperation:
            return False
    if name == "iban":
        return got.replace(" ", "").upper() == label.replace(" ", "").upper()
    return got == label


def read_xml_timed(data: bytes, repeat: int) -> tuple[Invoice | None, float]:
    times, read = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        read = read_pdf(data)
        times.append(time.perf_counter() - started)
    return (read.invoice if read else None), statistics.median(times)


def text_layer_timed(path: Path, config: OcrConfig) -> tuple[Invoice, float]:
    with tempfile.TemporaryDirectory() as workdir:
        started = time.perf_counter()
        ingested = ingest_path(path, config=config, workdir=Path(workdir))
        document = recognise_document(ingested, config, workers=1)
        invoice = extract_invoice(document)
        return invoice, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pdfs = sorted((args.set / "pdf").glob("*.pdf"))
    config = OcrConfig()
    for pdf in pdfs:  # warm-up: imports, PDFium, Tesseract
        read_pdf(pdf.read_bytes())
    text_layer_timed(pdfs[0], config)

    counts: dict[str, list[int]] = {}
    xml_times, text_times = [], []
    mismatched: dict[str, list[dict]] = {}
    for pdf in pdfs:
        label = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
        xml_invoice, xml_seconds = read_xml_timed(pdf.read_bytes(), args.repeat)
        text_invoice, text_seconds = text_layer_timed(pdf, config)
        xml_times.append(xml_seconds)
        if xml_invoice is not None:
            mismatched[pdf.name] = page_mismatches(xml_invoice, text_invoice)
        text_times.append(text_seconds)
        for name, expected in label.items():
            tally = counts.setdefault(name, [0, 0, 0])
            tally[0] += 1
            tally[1] += right(name, expected, xml_invoice)
            tally[2] += right(name, expected, text_invoice)

    print(f"einvoice-dev: {len(pdfs)} PDFs ({args.set})\n")
    print("| field | labelled | embedded XML | text layer |\n|---|---|---|---|")
    all_n = all_xml = all_text = 0
    for name, (n, xml_ok, text_ok) in counts.items():
        print(f"| {name} | {n} | {xml_ok / n:.2f} | {text_ok / n:.2f} |")
        all_n, all_xml, all_text = all_n + n, all_xml + xml_ok, all_text + text_ok
    print(f"| **all fields** | {all_n} | {all_xml / all_n:.3f} | {all_text / all_n:.3f} |")
    print("\n| time per document | median | p90 | max | total |\n|---|---|---|---|---|")
    for name, times in (("embedded XML read", xml_times), ("text-layer extraction", text_times)):
        ordered = sorted(times)
        p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
        print(
            f"| {name} | {statistics.median(times) * 1000:.1f} ms | {p90 * 1000:.1f} ms | "
            f"{max(times) * 1000:.1f} ms | {sum(times):.2f} s |"
        )
    ratio = statistics.median(text_times) / statistics.median(xml_times)
    print(f"\nXML read is {ratio:.0f}x faster (medians) on {len(pdfs)} documents.")
    flagged = {name: found for name, found in mismatched.items() if found}
    print(f"\neinvoice_mismatch (XML vs text-layer page): {len(flagged)} of {len(mismatched)} documents")
    for name, found in flagged.items():
        print(f"- {name}: " + "; ".join(f"{m['field']} XML {m['xml']} / page {m['page']}" for m in found))


if __name__ == "__main__":
    main()
