"""Held-out invoices from a producer we had never tested: HTML invoices in the styles of web producers
(`tests/ocr_tasks/extraction/html_invoices/*.html`: Stripe, Shopify, WooCommerce, Odoo, Invoice Ninja, Zoho,
Chargebee, Wave, a marketplace, ...; en/de/fr/nl/es/it) printed to PDF by headless Chromium (Playwright,
`page.pdf()`, `tests/ocr_tasks/extraction/html_pages.py`), read two ways, per field:

- `text layer`: the PDF as Chromium printed it, through the product's ingest (pypdfium2 text layer) and
  `extract_with_page_images` with its defaults, as the CLI reads it;
- `200 dpi`: the pages rasterised at 200 dpi grey, no text layer, read by the product's default OCR path
  (Tesseract `eng`, psm 6, the second readings), as `bench/extraction_accuracy.py --ocr --dpi 200` does.

Prints accuracy per reading and field (the expectations are `html_invoices/expectations.json`, what a reader
of the page writes down, compared as `test_held_out_html.py` compares them; `line_items`: the items'
amounts all right), the seconds per page of each reading (OCR + extraction) and of the bare `tesseract` CLI
(default settings) on the same images in the same run, the seconds Chromium took to print them, and with
`--misses` every wrong field.

Usage:
    .venv/bin/python bench/held_out_html.py                  # 17 invoices, ~3 min on one core
    .venv/bin/python bench/held_out_html.py --text-layer-only --misses
    .venv/bin/python bench/held_out_html.py --cases odoo_factuur_nl --keep /tmp/html-pdfs
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from held_out_scans import bare_tesseract_seconds, print_misses, print_timings  # noqa: E402

from ocr_tasks.extraction import ExtractionOptions  # noqa: E402
from tests.ocr_tasks.extraction.html_pages import TODAY, html_cases, matches, print_pdfs  # noqa: E402
from tests.ocr_tasks.extraction.rendered_pages import rasterise, read_invoice  # noqa: E402

READINGS = ("text layer", "200 dpi")


def run(names: list[str], workdir: Path, readings: tuple[str, ...]) -> tuple[list[dict], list[dict], float]:
    """Rows {case, reading, field, expected, got, right}, timings, and Chromium's seconds to print."""
    cases = html_cases()
    chosen = [cases[name] for name in names]
    started = time.perf_counter()
    pdfs = print_pdfs(chosen, workdir)
    printing = time.perf_counter() - started
    options = ExtractionOptions(today=TODAY)
    rows, timings = [], []
    for case in chosen:
        pdf = pdfs[case.name]
        raster = pdf.with_name(pdf.stem + "-200.png") if "200 dpi" in readings else None
        case_rows, case_timings = read_case(case, pdf, raster, options)
        rows += case_rows
        timings += case_timings
    return rows, timings, printing


def read_case(
    case,
    pdf: Path,
    raster: Path | None,
    options,
    *,
    captures: dict[str, Path] | None = None,
    compare=matches,
    extra=None,
) -> tuple[list[dict], list[dict]]:
    """Rows {case, reading, field, expected, got, right} and timings {reading, seconds, bare, pages} of one
    held-out case (`name`, `expected`, `items`, `item_amounts_right`) read from its PDF's text layer and,
    when `raster` names the image to write, rasterised at 200 dpi, then from each image of `captures` (by
    reading: a scan, a photo); fields compared by `compare(field, got, expected)`; its score per reading on
    stderr. `extra(invoice)`: further checks of a reading, (field, expected, got, right) each."""
    files = {"text layer": pdf}
    if raster is not None:
        files["200 dpi"] = rasterise(pdf.read_bytes(), raster)
    files.update(captures or {})
    rows, timings = [], []
    for reading, path in files.items():
        started = time.perf_counter()
        invoice, document = read_invoice(path, options)
        seconds = time.perf_counter() - started
        bare = bare_tesseract_seconds(path) if reading != "text layer" else None
        timings.append({"reading": reading, "seconds": seconds, "bare": bare, "pages": len(document.pages)})
        got = {field: value.value for field, value in invoice.fields.items()}
        for field, value in case.expected.items():
            rows.append(
                _row(case.name, reading, field, value, got.get(field), compare(field, got.get(field), value))
            )
        amounts = [item.cells["amount"].value for item in invoice.line_items if "amount" in item.cells]
        rows.append(
            _row(
                case.name, reading, "line_items", list(case.items), amounts, case.item_amounts_right(amounts)
            )
        )
        for field, value, found, right in extra(invoice) if extra else ():
            rows.append(_row(case.name, reading, field, value, found, right))
    scores = []
    for reading in files:
        these = [r for r in rows if r["reading"] == reading]
        scores.append(f"{reading}: {sum(r['right'] for r in these)}/{len(these)}")
    print(f"  {case.name}: " + ", ".join(scores), file=sys.stderr)
    return rows, timings


def _row(case: str, reading: str, field: str, expected, got, right: bool) -> dict:
    return {
        "case": case,
        "reading": reading,
        "field": field,
        "expected": expected,
        "got": got,
        "right": right,
    }


def print_tables(rows: list[dict], timings: list[dict], readings: tuple[str, ...], *, misses: bool) -> None:
    """Accuracy per field and reading (macro: the mean over fields), seconds per page, the misses."""
    fields = list(dict.fromkeys(r["field"] for r in rows))
    print("| field | " + " | ".join(readings) + " |")
    print("|---|" + "---|" * len(readings))
    macro = {reading: [] for reading in readings}
    for field in fields:
        cells = []
        for reading in readings:
            these = [r["right"] for r in rows if r["field"] == field and r["reading"] == reading]
            macro[reading].append(sum(these) / len(these))
            cells.append(f"{sum(these) / len(these):.2f} ({len(these)})")
        print(f"| {field} | " + " | ".join(cells) + " |")
    print("| macro | " + " | ".join(f"**{sum(m) / len(m):.3f}**" for m in macro.values()) + " |")
    wrong = {reading: sum(not r["right"] for r in rows if r["reading"] == reading) for reading in readings}
    print(
        "| checks wrong | "
        + " | ".join(f"{wrong[r]} of {len(rows) // len(readings)}" for r in readings)
        + " |"
    )
    print()
    print_timings(timings, readings)
    if misses:
        print()
        print_misses(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", nargs="*", help="case names (default: every HTML invoice)")
    parser.add_argument("--text-layer-only", action="store_true", help="skip the rasterised reading")
    parser.add_argument("--misses", action="store_true", help="list every wrong field")
    parser.add_argument(
        "--keep", type=Path, help="write the PDFs and pages here instead of a temporary directory"
    )
    args = parser.parse_args(argv)
    names = args.cases or sorted(html_cases())
    readings = READINGS[:1] if args.text_layer_only else READINGS
    if args.keep:
        rows, timings, printing = run(names, args.keep, readings)
    else:
        with tempfile.TemporaryDirectory(prefix="held-out-html-") as workdir:
            rows, timings, printing = run(names, Path(workdir), readings)
    print(f"held-out HTML invoices printed by Chromium: {len(names)} documents, printed in {printing:.1f} s")
    print_tables(rows, timings, readings, misses=args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
