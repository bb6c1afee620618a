"""The hand-written held-out invoices (`tests/ocr_tasks/extraction/test_held_out_invoices*.py`) rendered to
real A4 pages (`tests/ocr_tasks/extraction/rendered_pages.py`), round 3 drawn in styles of its own
(`held_out_scans_3.py`, `styled_pages.py`), round 4 drawn for capture forms (`held_out_scans_4.py`) and
round 5 for keystoned phone photos (`held_out_scans_5.py`), round 8c for Spanish, Italian and French scans
at 200 and 300 dpi (`held_out_scans_8.py`), read three ways, per field, and rounds 4, 5 and 8 a fourth way:

- `text layer`: the PDF as drawn, read through the product's ingest (pypdfium2 text layer);
- `200 dpi`: the page rasterised at 200 dpi grey, no text layer, read by the product's default OCR path
  (Tesseract `eng`, psm 6, `extract_with_page_images` with its second readings, as the CLI does);
- `degraded`: the page at 150 dpi, skewed, blurred, noisy and JPEG-compressed (now and then photographed),
  `bench/synthetic/degrade.py`, seed = `--seed` + the case's place;
- `captured` (rounds 4, 5 and 8): the page in the case's own capture form (`capture_forms.py`: a phone photo,
  a fax, a two-page scan, a till roll photographed on a table, a colour scan with a red stamp, a page scanned
  upside down or sideways, a landscape page), same seed, read by the same OCR path.

With `--sandwich`, two more readings of the degraded page as scanners and OCRmyPDF deliver it: a PDF of
the page image with someone else's OCR over it as invisible text (`tests/ocr_tasks/sandwich_pdfs.py`):
- `sandwich good`: Tesseract's own PDF renderer (`tesseract page.png out pdf`, what OCRmyPDF wraps);
- `sandwich poor`: a cheap scanner OCR's layer (characters confused, words merged, lines out of order or
  missing, boxes at a wrong scale), seeded like the degraded copy;
read through the product's ingest with `--scan-text-layer` (`ocr`, the default: the page is OCR'd, the
layer kept as a fallback; `trust`: the layer is read as the page's text, as before issue 13).

Prints accuracy per reading and field (the expected values are the tests' `CASES`: what a reader of the
page writes down; vendor_tax_id compacted as the test compares it), item counts, the seconds per page of
each reading (OCR + extraction) and of the bare `tesseract` CLI (default settings) on the same images in
the same run, and, with `--misses`, every wrong field.

Usage:
    .venv/bin/python bench/held_out_scans.py            # every case of rounds 1-5, ~10 min on one core
    .venv/bin/python bench/held_out_scans.py --rounds 4 --misses
    .venv/bin/python bench/held_out_scans.py --cases us de --misses
    .venv/bin/python bench/held_out_scans.py --only degraded "sandwich good" "sandwich poor"
    .venv/bin/python bench/held_out_scans.py --only "sandwich good" "sandwich poor" --scan-text-layer trust
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ocr_tasks.config import SCAN_TEXT_LAYER_CHOICES  # noqa: E402
from ocr_tasks.extraction import ExtractionOptions  # noqa: E402
from tests.ocr_tasks.extraction.rendered_pages import (  # noqa: E402
    HeldOutCase,
    held_out_cases,
    rasterise,
    read_invoice,
    scan_copy,
)

READINGS = ("text layer", "200 dpi", "degraded", "captured")
SANDWICH_READINGS = ("sandwich good", "sandwich poor")


def bare_tesseract_seconds(image: Path) -> float:
    """Seconds of the bare `tesseract` CLI on `image` (a multi-page TIFF: all its pages, 120 s each)."""
    from PIL import Image

    with Image.open(image) as opened:
        pages = getattr(opened, "n_frames", 1)
    started = time.perf_counter()
    subprocess.run(
        ["tesseract", str(image), "-"],
        capture_output=True,
        timeout=120 * pages,
        check=False,
        env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin:/usr/local/bin"},
    )
    return time.perf_counter() - started


def default_order(names) -> list[str]:
    """Rounds 1 and 2 first, in the order their degraded seeds were first measured in, then rounds 3, 4 and 5
    (a later round never moves an earlier case's place, hence its seed)."""
    everything = sorted(names)
    later = [c for c in everything if c.startswith(("3:", "4:", "5:", "8:"))]
    return [c for c in everything if c not in later] + sorted(later)


def sandwiches(scan: Path, stem: Path, seed: int) -> dict[str, Path]:
    """The degraded page `scan` as two sandwich PDFs (see the module's docstring)."""
    from tests.ocr_tasks.sandwich_pdfs import each_page, poor_sandwich, tesseract_sandwich

    good, poor = (
        stem.with_name(stem.name + "-sandwich-good.pdf"),
        stem.with_name(stem.name + "-sandwich-poor.pdf"),
    )
    good.write_bytes(each_page(scan, tesseract_sandwich))
    poor.write_bytes(each_page(scan, lambda page: poor_sandwich(page, seed=seed)))
    return {"sandwich good": good, "sandwich poor": poor}


def run(
    cases: list[str],
    seed: int,
    workdir: Path,
    *,
    readings: tuple[str, ...] = READINGS,
    scan_text_layer: str = "ocr",
) -> tuple[list[dict], list[dict]]:
    """Rows {case, reading, field, expected, got, right} (line_items: the item count), and timings. A case's
    seed is `seed` + its place in the default order, whichever cases are run. `readings`: which of
    READINGS + SANDWICH_READINGS; `scan_text_layer`: how the sandwiches are read (`OcrConfig`)."""
    rows, timings = [], []
    all_cases = held_out_cases()
    order = default_order(all_cases)
    for name in cases:
        place = order.index(name)
        case: HeldOutCase = all_cases[name]
        pdf = case.render()
        stem = workdir / name.replace(":", "_")
        stem.with_suffix(".pdf").write_bytes(pdf)
        scan = scan_copy(pdf, stem.with_name(stem.name + "-scan.png"), seed=seed + place)
        files = {
            "text layer": stem.with_suffix(".pdf"),
            "200 dpi": rasterise(pdf, stem.with_name(stem.name + "-200.png")),
            "degraded": scan,
        }
        if case.capture is not None:
            files["captured"] = case.capture(pdf, stem.with_name(stem.name + "-captured"), seed + place)
        if set(SANDWICH_READINGS) & set(readings):
            files.update(sandwiches(scan, stem, seed + place))
        files = {reading: path for reading, path in files.items() if reading in readings}
        options = ExtractionOptions(today=case.today)
        for reading, path in files.items():
            settings = {"scan_text_layer": scan_text_layer} if reading in SANDWICH_READINGS else {}
            started = time.perf_counter()
            invoice, document = read_invoice(path, options, **settings)
            seconds = time.perf_counter() - started
            bare = (
                None
                if reading == "text layer"
                else bare_tesseract_seconds(scan if reading in SANDWICH_READINGS else path)
            )
            timings.append(
                {"reading": reading, "seconds": seconds, "bare": bare, "pages": len(document.pages)}
            )
            got = {field: value.value for field, value in invoice.fields.items()}
            for field, value in case.expected.items():
                right = case.matches(field, got.get(field), value)
                rows.append(_row(name, reading, field, value, got.get(field), right))
            items = len(invoice.line_items)
            rows.append(_row(name, reading, "line_items", case.items, items, items == case.items))
        scores = []
        for reading in readings:
            these = [r for r in rows if r["case"] == name and r["reading"] == reading]
            if not these:
                continue
            scores.append(f"{reading}: {sum(r['right'] for r in these)}/{len(these)}")
        print(f"  {name}: " + ", ".join(scores), file=sys.stderr)
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


def print_tables(
    rows: list[dict], timings: list[dict], *, misses: bool, readings: tuple[str, ...] = READINGS
) -> None:
    fields = list(dict.fromkeys(r["field"] for r in rows))
    print("| field | " + " | ".join(readings) + " |")
    print("|---|" + "---|" * len(readings))
    for field in [*fields, "macro"]:
        cells = []
        for reading in readings:
            if field == "macro":
                accs = [_accuracy(rows, f, reading)[0] for f in fields]
                accs = [a for a in accs if a is not None]
                cells.append(f"**{sum(accs) / len(accs):.3f}**" if accs else "-")
                continue
            accuracy, n = _accuracy(rows, field, reading)
            cells.append("-" if accuracy is None else f"{accuracy:.2f} ({n})")
        print(f"| {field} | " + " | ".join(cells) + " |")
    print()
    rounds = sorted({_round(r["case"]) for r in rows})
    print("| round (macro) | " + " | ".join(readings) + " |")
    print("|---|" + "---|" * len(readings))
    for number in rounds:
        these = [r for r in rows if _round(r["case"]) == number]
        cells = []
        for reading in readings:
            accs = [_accuracy(these, f, reading)[0] for f in fields]
            accs = [a for a in accs if a is not None]
            cells.append(f"{sum(accs) / len(accs):.3f}" if accs else "-")
        print(f"| {number} | " + " | ".join(cells) + " |")
    print()
    print_timings(timings, readings)
    if misses:
        print()
        print_misses(rows)


def print_timings(timings: list[dict], readings: tuple[str, ...]) -> None:
    """Seconds per page of each reading (OCR + extraction) beside the bare `tesseract` CLI's."""
    print("| reading | pages | seconds per page (OCR + extraction) | bare tesseract CLI per page |")
    print("|---|---|---|---|")
    for reading in readings:
        these = [t for t in timings if t["reading"] == reading]
        if not these:
            continue
        pages = sum(t["pages"] for t in these)
        ours = sum(t["seconds"] for t in these) / pages
        bare = [t["bare"] for t in these if t["bare"] is not None]
        bare_cell = f"{sum(bare) / pages:.2f}" if bare else "- (no OCR)"
        print(f"| {reading} | {pages} | {ours:.2f} | {bare_cell} |")


def print_misses(rows: list[dict]) -> None:
    """Every wrong check: case, reading, field, what was read and what was expected."""
    print("| case | reading | field | got | expected |")
    print("|---|---|---|---|---|")
    for row in rows:
        if not row["right"]:
            cells = (row["case"], row["reading"], row["field"], row["got"], row["expected"])
            print("| " + " | ".join(str(c) for c in cells) + " |")


def _round(case: str) -> str:
    """The round a case belongs to (`3:logo_footer_de` -> 3; round 1 has no prefix)."""
    return case.split(":")[0] if ":" in case else "1"


def _accuracy(rows: list[dict], field: str, reading: str) -> tuple[float | None, int]:
    these = [r for r in rows if r["field"] == field and r["reading"] == reading]
    return (sum(r["right"] for r in these) / len(these) if these else None), len(these)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", nargs="*", help="case names (default: every case of rounds 1-5)")
    parser.add_argument("--rounds", nargs="*", help="only these rounds (1 2 3 4 5)")
    parser.add_argument("--seed", type=int, default=29, help="seed of the degraded copies (+ case place)")
    parser.add_argument("--misses", action="store_true", help="list every wrong field")
    parser.add_argument("--keep", type=Path, help="write the pages here instead of a temporary directory")
    parser.add_argument("--sandwich", action="store_true", help="add the two sandwich PDF readings")
    parser.add_argument("--only", nargs="*", choices=READINGS + SANDWICH_READINGS, help="only these readings")
    parser.add_argument(
        "--scan-text-layer",
        choices=SCAN_TEXT_LAYER_CHOICES,
        default="ocr",
        help="how the sandwich PDFs' text layers are read (OcrConfig.scan_text_layer; default ocr)",
    )
    args = parser.parse_args(argv)
    readings = READINGS + (SANDWICH_READINGS if args.sandwich else ())
    readings = tuple(args.only) if args.only else readings
    options = {"readings": readings, "scan_text_layer": args.scan_text_layer}
    cases = args.cases or default_order(held_out_cases())
    if args.rounds:
        cases = [c for c in cases if _round(c) in args.rounds]
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        rows, timings = run(cases, args.seed, args.keep, **options)
    else:
        with tempfile.TemporaryDirectory(prefix="held-out-scans-") as workdir:
            rows, timings = run(cases, args.seed, Path(workdir), **options)
    print(f"held-out hand-written invoices: {len(cases)} pages, degraded seed {args.seed}")
    if set(SANDWICH_READINGS) & set(readings):
        print(f"sandwich PDFs read with scan_text_layer={args.scan_text_layer}")
    print_tables(rows, timings, misses=args.misses, readings=readings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
