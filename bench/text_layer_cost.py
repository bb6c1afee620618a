"""Seconds per text-layer page of reading a born-digital PDF as the product does, step by step, against the
bare `tesseract` CLI on the same pages rasterised (issue 13: extraction <= 0.3 s per text-layer page).

Usage:
    .venv/bin/python bench/text_layer_cost.py --set ../shared/corpus/einvoice-dev \\
        --set ../shared/corpus/invoice2data-dev --folder tests/ocr_tasks/extraction/office_invoices
    .venv/bin/python bench/text_layer_cost.py --set ../shared/corpus/einvoice-dev --dump /tmp/a.json
    .venv/bin/python bench/text_layer_cost.py --set ../shared/corpus/einvoice-dev --profile /tmp/x.prof

Each PDF is read from scratch (no cache) in this process as the CLI and the flow read it
(`tests/ocr_tasks/extraction/rendered_pages.read_invoice`): `ingest` (`ingest_path`: type check, pages,
pypdfium2 text layer, page images), `recognise` (`recognise_document`: a text-layer page as it is),
`extraction` (`extract_with_page_images` with the product's default second readings and options; a held-out
folder's `_today` as `today`). Only documents whose pages all have a text layer are timed. Times are per
page (a document's time divided by its pages): CPU (`time.process_time`, this process) and wall
(`time.perf_counter`); the machine is shared, so CPU is the figure to compare. The first document is read
once before timing (imports, lexicons, first-call caches; the `warm-up` row). `bare tesseract`: the CLI with
its defaults on the first page of the first `--bare` documents rasterised at 300 dpi grey (CPU of the child).

`--dump FILE` writes every document's extracted invoice (`Invoice.to_dict`: values, raw text, confidence,
page, box; line items) as JSON, to diff two trees' outputs (an empty diff: same results). `--profile FILE`
writes cProfile statistics of the timed extraction steps (`python -m pstats FILE`).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from extraction_corpus import load_set, rasterise  # noqa: E402

from ocr_tasks.config import EXTRACTION_PSM, OcrConfig  # noqa: E402
from ocr_tasks.extraction import ExtractionOptions  # noqa: E402
from ocr_tasks.extraction.tesseract_regions import extract_with_page_images  # noqa: E402
from ocr_tasks.ingest import ingest_path  # noqa: E402
from ocr_tasks.recognise import recognise_document  # noqa: E402
from tests.ocr_tasks.extraction.pdf_folders import pdf_cases  # noqa: E402

STEPS = ("ingest", "recognise", "extraction")


def documents(sets: list[Path], folders: list[Path]) -> list[tuple[str, Path, date | None]]:
    """(group, PDF, today) of every PDF of the corpus sets and held-out folders, in a stable order."""
    out = []
    for folder in sets:
        out += [(folder.name, d.path, None) for d in load_set(folder) if d.path.suffix.lower() == ".pdf"]
    for folder in folders:
        out += [(folder.name, c.pdf, c.today) for _, c in sorted(pdf_cases(folder).items())]
    return out


def read(pdf: Path, today: date | None, profiler: cProfile.Profile | None = None) -> dict:
    """Times of each step (CPU, wall), the pages, whether all have a text layer, and the invoice."""
    config = OcrConfig(psm=EXTRACTION_PSM, workers=1)
    times: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="text-layer-cost-") as workdir:

        def timed(step: str, call):
            cpu, wall = time.process_time(), time.perf_counter()
            if profiler is not None:
                profiler.enable()
            try:
                return call()
            finally:
                if profiler is not None:
                    profiler.disable()
                times[step] = (time.process_time() - cpu, time.perf_counter() - wall)

        ingested = timed("ingest", lambda: ingest_path(pdf, config=config, workdir=Path(workdir)))
        document = timed("recognise", lambda: recognise_document(ingested, config, workers=1))
        options = ExtractionOptions(today=today)
        invoice = timed("extraction", lambda: extract_with_page_images(ingested, document, options=options))
    pages = len(document.pages)
    text_layer = all(p.source == "text_layer" for p in document.pages)
    return {"times": times, "pages": pages, "text_layer": text_layer, "invoice": invoice}


def bare_tesseract(pdfs: list[Path]) -> list[float]:
    """CPU seconds of the bare CLI on the first page of each PDF, rasterised at 300 dpi grey."""
    out = []
    for pdf in pdfs:
        image = rasterise(pdf, dpi=300)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            ["tesseract", str(image), "-", "tsv"],
            capture_output=True,
            check=False,
            timeout=300,
            env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin:/usr/local/bin"},
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return out


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]


def _step(row: dict, step: str, which: int) -> float:
    """A document's seconds per page in `step` (all steps: `total`); `which`: 0 CPU, 1 wall."""
    steps = STEPS if step == "total" else (step,)
    return sum(row["per_page"][s][which] for s in steps)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", action="append", type=Path, default=[], help="a corpus set (repeatable)")
    parser.add_argument("--folder", action="append", type=Path, default=[], help="a held-out PDF folder")
    parser.add_argument("--bare", type=int, default=3, help="documents whose first page the CLI reads")
    parser.add_argument("--dump", type=Path, help="write every document's invoice here (JSON)")
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the timed steps here")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents of each group")
    args = parser.parse_args(argv)
    docs = documents(args.set, args.folder)
    if args.limit:
        groups = {group for group, _, _ in docs}
        docs = [d for g in sorted(groups) for d in [d for d in docs if d[0] == g][: args.limit]]
    if not docs:
        print("no PDFs found", file=sys.stderr)
        return 2
    warm = time.process_time()
    read(docs[0][1], docs[0][2])
    warm = time.process_time() - warm
    profiler = cProfile.Profile() if args.profile else None
    rows, dump = [], {}
    for group, pdf, today in docs:
        result = read(pdf, today, profiler)
        dump[f"{group}/{pdf.name}"] = result["invoice"].to_dict()
        if result["text_layer"] and result["pages"]:
            per_page = {
                s: (c / result["pages"], w / result["pages"]) for s, (c, w) in result["times"].items()
            }
            rows.append({"group": group, "doc": pdf.name, "pages": result["pages"], "per_page": per_page})
    bare = bare_tesseract([pdf for _, pdf, _ in docs[: args.bare]]) if args.bare else []
    if args.dump:
        args.dump.write_text(json.dumps(dump, indent=1, sort_keys=True, ensure_ascii=False))
    if profiler is not None:
        profiler.dump_stats(str(args.profile))
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else ["?"]
    print(
        f"# Text-layer pages: {len(rows)} documents, {sum(r['pages'] for r in rows)} pages "
        f"(of {len(docs)} PDFs), load average {' '.join(load)}; warm-up {warm:.2f} CPU s"
    )
    print("| group | step | pages | CPU s/page median | CPU p90 | wall s/page median | wall p90 |")
    print("|---|---|---:|---:|---:|---:|---:|")
    groups = sorted({r["group"] for r in rows}) + ["all"]
    for group in groups:
        these = [r for r in rows if group in ("all", r["group"])]
        for step in (*STEPS, "total"):
            cpu = [_step(r, step, 0) for r in these]
            wall = [_step(r, step, 1) for r in these]
            pages = sum(r["pages"] for r in these)
            print(
                f"| {group} | {step} | {pages} | {statistics.median(cpu):.3f} | {_p90(cpu):.3f} "
                f"| {statistics.median(wall):.3f} | {_p90(wall):.3f} |"
            )
    if bare:
        name = f"bare `tesseract` (300 dpi, first pages of {len(bare)})"
        print(f"| {name} | OCR | {len(bare)} | {statistics.median(bare):.3f} | {_p90(bare):.3f} | | |")
    slowest = sorted(rows, key=lambda r: -r["per_page"]["extraction"][0])[:5]
    print(
        "slowest extraction (CPU s/page): "
        + ", ".join(f"{r['doc']} {r['per_page']['extraction'][0]:.2f}" for r in slowest)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
