"""Held-out round 6c: European and US till receipts (`tests/ocr_tasks/extraction/receipts/*.html`: a German
supermarket with VAT letters, its VAT table, the TSE block and a card slip, a fuel station, a restaurant's
Bewirtung receipt, a French ticket de caisse and a bakery, a Dutch kassabon, a Spanish farmacia's factura
simplificada, an Italian documento commerciale, a US grocery with sales tax, a British hardware shop, ...),
58 and 80 mm rolls in monospace printed by headless Chromium (`tests/ocr_tasks/extraction/receipt_pages.py`),
read four ways, per field:

- `text layer`: the PDF as Chromium printed it (an e-receipt), through the product's ingest and
  `extract_with_page_images` with its defaults, as the CLI reads it;
- `200 dpi`: the roll rasterised at 200 dpi grey, no text layer, the product's default OCR path;
- `thermal scan`: the print faded (grey, unevenly along the roll), on a flatbed at 300 dpi grey, skewed
  (`capture_forms.faded_thermal_scan`, seed = `--seed` + the case's place in `expectations.json`);
- `photo`: the faded roll photographed on a dark table (`capture_forms.faded_till_roll_photo`, same seed).

Each case is read by `held_out_html.read_case` (the readings, timings, field rows and the items' amounts), its
fields compared as `receipt_pages.matches` compares them (the vendor's address as SROIE's); prints accuracy
per reading and field, seconds per page beside the bare `tesseract` CLI, with `--misses` every wrong field.

Usage:
    .venv/bin/python bench/held_out_receipts.py                      # 16 receipts, ~5 min on one core
    .venv/bin/python bench/held_out_receipts.py --batch 1 --misses
    .venv/bin/python bench/held_out_receipts.py --only "text layer" --cases kassabon_nl --misses
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from held_out_html import print_tables, read_case  # noqa: E402

from ocr_tasks.extraction import ExtractionOptions  # noqa: E402
from tests.ocr_tasks.extraction.capture_forms import faded_thermal_scan, faded_till_roll_photo  # noqa: E402
from tests.ocr_tasks.extraction.html_pages import print_pdfs  # noqa: E402
from tests.ocr_tasks.extraction.receipt_pages import (  # noqa: E402
    CAPTURE_SEED,
    ReceiptCase,
    capture_seed,
    matches,
    receipt_cases,
)

READINGS = ("text layer", "200 dpi", "thermal scan", "photo")
CAPTURES = {"thermal scan": faded_thermal_scan, "photo": faded_till_roll_photo}


def run(
    cases: list[ReceiptCase], workdir: Path, readings: tuple[str, ...], seed: int
) -> tuple[list[dict], list[dict]]:
    """Rows {case, reading, field, expected, got, right} and timings {reading, seconds, bare, pages}; the
    text layer is always read (it is the printed PDF every other reading starts from)."""
    pdfs = print_pdfs(cases, workdir)
    rows, timings = [], []
    for case in cases:
        pdf = pdfs[case.name]
        raster = workdir / f"{case.name}-200.png" if "200 dpi" in readings else None
        place = capture_seed(case.name, seed)
        captures = {
            reading: capture(pdf.read_bytes(), workdir / f"{case.name}-{reading.replace(' ', '-')}", place)
            for reading, capture in CAPTURES.items()
            if reading in readings
        }
        case_rows, case_timings = read_case(
            case, pdf, raster, ExtractionOptions(today=case.today), captures=captures, compare=matches
        )
        rows += [r for r in case_rows if r["reading"] in readings]
        timings += [t for t in case_timings if t["reading"] in readings]
    return rows, timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", nargs="*", help="case names (default: every receipt)")
    parser.add_argument("--batch", type=int, nargs="*", help="only these batches (1, 2, 3)")
    parser.add_argument("--only", nargs="*", choices=READINGS, help="only these readings")
    parser.add_argument(
        "--seed", type=int, default=CAPTURE_SEED, help="seed of the captures (+ the case's place)"
    )
    parser.add_argument("--misses", action="store_true", help="list every wrong field")
    parser.add_argument("--keep", type=Path, help="write the PDFs and images here instead of a temporary dir")
    args = parser.parse_args(argv)
    everything = receipt_cases(tuple(args.batch) if args.batch else None)
    cases = [everything[name] for name in (args.cases or everything)]
    readings = tuple(r for r in READINGS if r in args.only) if args.only else READINGS
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        rows, timings = run(cases, args.keep, readings, args.seed)
    else:
        with tempfile.TemporaryDirectory(prefix="held-out-receipts-") as workdir:
            rows, timings = run(cases, Path(workdir), readings, args.seed)
    print(f"held-out till receipts printed by Chromium: {len(cases)} receipts, capture seed {args.seed}")
    print_tables(rows, timings, readings, misses=args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
