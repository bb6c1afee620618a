"""Held-out invoices kept as committed PDFs with an `expectations.json` beside them (a folder such as
`tests/ocr_tasks/extraction/office_invoices`: Writer and Calc documents exported by LibreOffice, or
`latex_invoices`: typeset by TeX; format in `tests/ocr_tasks/extraction/pdf_folders.py`), read two ways,
per field:

- `text layer`: the PDF through the product's ingest (pypdfium2 text layer) and `extract_with_page_images`
  with its defaults, as the CLI reads it;
- `200 dpi`: the pages rasterised at 200 dpi grey, no text layer, read by the product's default OCR path
  (Tesseract `eng`, psm 6, the second readings), as `bench/extraction_accuracy.py --ocr --dpi 200` does.

Prints accuracy per reading and field (compared as the HTML round compares them; `line_items`: the items'
amounts all right), the seconds per page of each reading (OCR + extraction) and of the bare `tesseract` CLI
(default settings) on the same images in the same run, and with `--misses` every wrong field. Shares its
tables with `bench/held_out_html.py` and `bench/held_out_scans.py`.

Usage:
    .venv/bin/python bench/held_out_pdfs.py --folder tests/ocr_tasks/extraction/office_invoices
    .venv/bin/python bench/held_out_pdfs.py --folder tests/ocr_tasks/extraction/office_invoices \
        --text-layer-only --misses
    .venv/bin/python bench/held_out_pdfs.py --folder tests/ocr_tasks/extraction/latex_invoices \
        --cases gutschrift_de --misses
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from held_out_html import READINGS, print_tables, read_case  # noqa: E402

from ocr_tasks.extraction import ExtractionOptions  # noqa: E402
from tests.ocr_tasks.extraction.pdf_folders import PdfCase, pdf_cases  # noqa: E402


def page_checks(case: PdfCase):
    """A long invoice's checks per page (`items_per_page`: how many items each page prints; `no_fields_on`:
    pages of terms and conditions where no field may be found), when its folder notes them."""
    if "items_per_page" not in case.notes:
        return None

    def checks(invoice) -> list[tuple[str, object, object, bool]]:
        pages = list(case.notes["items_per_page"])
        found = [0] * len(pages)
        for item in invoice.line_items:
            page = item.cells["amount"].page if "amount" in item.cells else None
            if page is not None and 0 <= page < len(found):
                found[page] += 1
        barred = {page - 1 for page in case.notes.get("no_fields_on", [])}
        stray = sorted(name for name, value in invoice.fields.items() if value.page in barred)
        return [("items_per_page", pages, found, found == pages), ("no_fields_on", [], stray, not stray)]

    return checks


def run(cases: list[PdfCase], workdir: Path, readings: tuple[str, ...]) -> tuple[list[dict], list[dict]]:
    """Rows {case, reading, field, expected, got, right} and timings {reading, seconds, bare, pages}."""
    rows, timings = [], []
    for case in cases:
        raster = workdir / f"{case.name}-200.png" if "200 dpi" in readings else None
        case_rows, case_timings = read_case(
            case, case.pdf, raster, ExtractionOptions(today=case.today), extra=page_checks(case)
        )
        rows += case_rows
        timings += case_timings
    return rows, timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folder", type=Path, required=True, help="PDFs with an expectations.json")
    parser.add_argument("--cases", nargs="*", help="case names (default: every case of the folder)")
    parser.add_argument(
        "--where", nargs=2, metavar=("NOTE", "VALUE"), help="only cases whose note has this value (batch 2)"
    )
    parser.add_argument("--text-layer-only", action="store_true", help="skip the rasterised reading")
    parser.add_argument("--misses", action="store_true", help="list every wrong field")
    args = parser.parse_args(argv)
    everything = pdf_cases(args.folder)
    names = args.cases or sorted(everything)
    cases = [everything[name] for name in names]
    if args.where:
        note, value = args.where
        cases = [c for c in cases if str(c.notes.get(note)) == value]
    readings = READINGS[:1] if args.text_layer_only else READINGS
    with tempfile.TemporaryDirectory(prefix="held-out-pdfs-") as workdir:
        rows, timings = run(cases, Path(workdir), readings)
    pages = sum(t["pages"] for t in timings if t["reading"] == "text layer")
    print(f"held-out PDFs of {args.folder}: {len(cases)} documents, {pages} pages")
    print_tables(rows, timings, readings, misses=args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
