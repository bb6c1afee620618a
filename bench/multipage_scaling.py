"""Does extraction time grow linearly with a long invoice's pages? Round 9c's documents cut to 1, 2, ... N
pages' worth of items (`bench/make_multipage_invoices.py`'s spec of a case, its items cut to k x the items
a page holds, drawn by the case's own producer into a temporary folder) and read from their text layer as
the CLI reads them; prints pages, items, the seconds of the whole reading and of extraction alone
(`extract_with_page_images` on the already ingested pages), seconds per page, and the items found.

    .venv/bin/python bench/multipage_scaling.py --case invoice_catalogue_en --steps 1 3 6 9 12 15
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import make_multipage_invoices as maker  # noqa: E402
from multipage_specs import SPECS  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--case", required=True)
    parser.add_argument("--steps", nargs="+", type=int, default=[1, 3, 6, 9, 12, 15], help="pages of items")
    parser.add_argument("--per-page", type=int, default=30, help="items per page of the cut copies")
    parser.add_argument("--repeat", type=int, default=2, help="best of this many readings")
    args = parser.parse_args(argv)

    from ocr_tasks.config import EXTRACTION_PSM, OcrConfig
    from ocr_tasks.extraction import ExtractionOptions
    from ocr_tasks.extraction.tesseract_regions import extract_with_page_images
    from ocr_tasks.ingest import ingest_path
    from ocr_tasks.recognise import recognise_document

    spec = next(s for s in SPECS if s.name == args.case)
    options = ExtractionOptions(today=__import__("datetime").date(2025, 12, 1))
    config = OcrConfig(languages="eng", psm=EXTRACTION_PSM, workers=1)
    print("| pages | items | items found | reading s | extraction s | extraction s/page | s/item |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="mp-scaling-") as work:
        maker.OUT = Path(work)
        for step in args.steps:
            count = max(3, min(len(spec.items), step * args.per_page - 12))
            cut = replace(
                spec, name=f"{spec.name}-{step}", items=spec.items[:count], groups=(), terms_pages=0
            )
            pdf = maker.make(cut)
            best_read = best_extract = float("inf")
            for _ in range(args.repeat):
                started = time.perf_counter()
                ingested = ingest_path(pdf, config=config, workdir=Path(work))
                document = recognise_document(ingested, config, workers=1)
                begun = time.perf_counter()
                invoice = extract_with_page_images(ingested, document, languages="eng", options=options)
                done = time.perf_counter()
                best_read, best_extract = min(best_read, done - started), min(best_extract, done - begun)
            pages = len(document.pages)
            print(
                f"| {pages} | {count} | {len(invoice.line_items)} | {best_read:.2f} | {best_extract:.2f} | "
                f"{best_extract / pages:.3f} | {best_extract / count * 1000:.1f} ms |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
