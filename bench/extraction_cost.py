"""CPU cost per page of the default extraction against the bare `tesseract` CLI and `ocr-engine ocr`, in the
same run, with the per-field accuracy of each setting of the second readings (issue 16).

Usage:
    .venv/bin/python bench/extraction_cost.py --set ../shared/corpus/sroie-sample --limit 30
    .venv/bin/python bench/extraction_cost.py --set ../shared/corpus/einvoice-dev --dpi 200
    .venv/bin/python bench/extraction_cost.py --set ... --settings defaults,before --limit 10
    .venv/bin/python bench/extraction_cost.py --set ... --settings defaults --limit 12 --breakdown

What is measured, on the same page files (SROIE receipts as they are; einvoice-dev PDFs rasterised to grey
images at `--dpi` by `extraction_corpus.rasterise`, so nothing but pixels is left):
- `bare`: the `tesseract` CLI with its defaults, one process per page (`tesseract PAGE OUT tsv`);
- `ocr`: `ocr-engine ocr PAGES... --workers 1` (one process for all pages);
- one process per extraction setting (`--child`), which reads every page from scratch (no cache: first
  reading, second readings, RapidOCR) and extracts it as the flow's extract task does with the product's
  default project settings (`ProjectSettings` defaults: OCR configuration, extraction options,
  calibration), except for the second readings the setting changes.
CPU seconds are user + system time of the child processes (`resource.getrusage(RUSAGE_CHILDREN)` around
each), not wall time: the machine is shared, CPU time is what a page costs. A setting's time includes its
process start and imports, as `ocr-engine extract` pays them, amortised over the pages.

Accuracy per field is scored with `extraction_accuracy.is_right` (the rules in its docstring).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_corpus import load_set, rasterise

ROOT = Path(__file__).resolve().parents[1]
OCR_ENGINE = Path(sys.executable).with_name("ocr-engine")
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1", "ORT_DISABLE_TELEMETRY": "1"}

# extract_with_page_images arguments of each setting; `defaults` is what the product does by default
SETTINGS: dict[str, dict] = {
    "defaults": {},
    "before": {"enhanced_rows": False, "second_opinion_rows": False},  # whole-page second readings
    "gate-0.8": {"second_opinion_below": 0.8},  # RapidOCR asked below 0.8, the default until 2026-11-30
    "rows-second-opinion": {"second_opinion_rows": True},  # RapidOCR recognising the chosen lines only
    "no-enhanced": {"enhanced": False},
    "no-second-opinion": {"second_opinion": False},
    "no-reread": {"reread": False},
    "first-reading-only": {"reread": False, "enhanced": False, "second_opinion": False},
}


# the steps `--breakdown` times in each child: (module, attribute, step); a class attribute "Class.__call__"
STEPS = (
    ("ocr_tasks.extraction.tesseract_regions", "TesseractRegionReader.__call__", "region re-reads"),
    ("ocr_tasks.extraction.tesseract_regions", "enhanced_reading", "enhanced reading"),
    ("rapidocr.ch_ppocr_det.main", "TextDetector.__call__", "RapidOCR detection"),
    ("rapidocr.ch_ppocr_cls.main", "TextClassifier.__call__", "RapidOCR line orientation"),
    ("rapidocr.ch_ppocr_rec.main", "TextRecognizer.__call__", "RapidOCR recognition"),
    ("ocr_tasks.engines.image_regions", "image_text_document", "image text"),
)


def _time_steps(seconds: dict[str, float]) -> None:
    """Wrap each of `STEPS` so that its process CPU seconds add up in `seconds` (nested steps are not
    subtracted: none of these calls another)."""
    import importlib

    for module_name, attribute, step in STEPS:
        owner = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name)

        def timed(*args, _original=original, _step=step, **kwargs):
            started = time.process_time()
            try:
                return _original(*args, **kwargs)
            finally:
                seconds[_step] = seconds.get(_step, 0.0) + time.process_time() - started

        setattr(owner, name, timed)


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: list[str], **kwargs) -> tuple[float, float, subprocess.CompletedProcess]:
    """(CPU seconds of the child, wall seconds, result)."""
    cpu, wall = _cpu_children(), time.perf_counter()
    result = subprocess.run(cmd, env=ENV, capture_output=True, text=True, check=False, **kwargs)
    return _cpu_children() - cpu, time.perf_counter() - wall, result


def _pages(docs, dpi: int) -> list[Path]:
    return [rasterise(d.path, dpi=dpi) if d.path.suffix.lower() == ".pdf" else d.path for d in docs]


def _child(args: argparse.Namespace) -> int:
    """Extract every document of the set with one setting; print `{doc id: {field: value}}` as JSON."""
    from expectations.project_settings import ProjectSettings
    from ocr_tasks.extraction.tesseract_regions import extract_with_page_images
    from ocr_tasks.ingest import ingest_path
    from ocr_tasks.recognise import recognise_document

    settings = ProjectSettings.from_dict({})
    config = settings.ocr.config("eng")
    config = replace(config, workers=1)
    extraction = settings.extraction
    flags = {
        "reread": extraction.reread,
        "enhanced": extraction.enhanced,
        "second_opinion": extraction.second_opinion,
        "second_opinion_below": extraction.second_opinion_below,
        **SETTINGS[args.child],
    }
    docs = _docs(args)
    out: dict[str, dict] = {}
    steps: dict[str, float] = {}
    if args.breakdown:
        _time_steps(steps)
    for doc, page in zip(docs, _pages(docs, args.dpi), strict=True):
        with tempfile.TemporaryDirectory(prefix="bench-cost-") as workdir:
            started = time.process_time()
            ingested = ingest_path(page, config=config, workdir=Path(workdir))
            document = recognise_document(ingested, config, workers=1)
            middle = time.process_time()
            invoice = extract_with_page_images(
                ingested, document, languages="eng", options=extraction.options(), **flags
            )
            steps["first reading"] = steps.get("first reading", 0.0) + middle - started
            steps["extraction"] = steps.get("extraction", 0.0) + time.process_time() - middle
        values = {name: found.value for name, found in invoice.fields.items()}
        values["line_items"] = str(len(invoice.line_items))
        out[doc.id] = {"values": values, "pages": len(document.pages)}
    json.dump({"documents": out, "steps": steps}, sys.stdout)
    return 0


def _docs(args: argparse.Namespace):
    docs = [d for d in load_set(args.set) if d.truth]
    return docs[: args.limit] if args.limit else docs


def _accuracy(docs, values: dict[str, dict]) -> dict[str, float]:
    from extraction_accuracy import is_right

    fields = sorted({f for d in docs for f in d.truth})
    scores = {}
    for field in fields:
        right = [
            is_right(field, values[d.id]["values"].get(field), truth, issuer=d.kind == "invoice2data")
            for d in docs
            if (truth := d.truth.get(field)) is not None
        ]
        scores[field] = sum(right) / len(right)
    return scores


def print_breakdown(breakdown: dict[str, dict[str, float]], n: int) -> None:
    """CPU s per document of each step, per setting (process CPU inside the child: `first reading` is
    ingest + Tesseract's page reading, `extraction` all of `extract_with_page_images`, the steps below it
    are parts of `extraction`; the rest of a setting's CPU is its process start and imports)."""
    names = ["first reading", "extraction", *(step for _, _, step in STEPS)]
    print("\n| setting | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for setting, steps in breakdown.items():
        print(f"| {setting} | " + " | ".join(f"{steps.get(name, 0.0) / n:.2f}" for name in names) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", required=True, type=Path)
    parser.add_argument("--dpi", type=int, default=200, help="resolution PDFs are rasterised at")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--settings", default="defaults,before,no-enhanced,no-second-opinion,no-reread")
    parser.add_argument(
        "--breakdown", action="store_true", help="also print each setting's CPU per step (`STEPS`)"
    )
    parser.add_argument("--child", choices=sorted(SETTINGS), help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    args = parser.parse_args(argv)
    if args.child:
        return _child(args)

    docs = _docs(args)
    pages = _pages(docs, args.dpi)
    n = len(pages)
    fields = sorted({f for d in docs for f in d.truth})
    print(f"# Extraction cost: {args.set.name}, {len(docs)} documents ({n} page files), CPU s per document\n")
    print("| setting | CPU s/doc | x bare | wall s/doc | " + " | ".join(fields) + " | macro |")
    print("|---|---:|---:|---:|" + "---:|" * (len(fields) + 1), flush=True)
    rows: list[tuple[str, float, float, dict | None]] = []

    def report(name: str, cpu: float, wall: float, accuracy: dict | None) -> None:
        """One row of the table, printed as soon as it is measured (a long run can be read as it goes)."""
        rows.append((name, cpu, wall, accuracy))
        cells = [f"{accuracy[f]:.2f}" for f in fields] if accuracy else ["-"] * len(fields)
        macro = f"{sum(accuracy.values()) / len(accuracy):.3f}" if accuracy else "-"
        ratio = cpu / n / (rows[0][1] / n)
        line = f"| {name} | {cpu / n:.2f} | {ratio:.1f} | {wall / n:.2f} | " + " | ".join(cells)
        print(line + f" | {macro} |", flush=True)

    with tempfile.TemporaryDirectory(prefix="bench-bare-") as out:
        cpu = wall = 0.0
        for i, page in enumerate(pages):
            c, w, _ = _run(["tesseract", str(page), f"{out}/{i}", "tsv"])
            cpu, wall = cpu + c, wall + w
    report("bare `tesseract` CLI (psm 3, one process per page)", cpu, wall, None)
    c, w, result = _run([str(OCR_ENGINE), "ocr", *map(str, pages), "--workers", "1"], cwd=ROOT)
    if result.returncode != 0:
        print(result.stderr[-2000:], file=sys.stderr)
    report("`ocr-engine ocr --workers 1`", c, w, None)
    raw: dict[str, dict] = {}
    breakdown: dict[str, dict[str, float]] = {}
    for name in args.settings.split(","):
        cmd = [sys.executable, __file__, "--set", str(args.set), "--dpi", str(args.dpi), "--child", name]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        if args.breakdown:
            cmd += ["--breakdown"]
        c, w, result = _run(cmd, cwd=ROOT)
        if result.returncode != 0:
            print(f"{name} failed:\n{result.stderr[-3000:]}", file=sys.stderr)
            continue
        child = json.loads(result.stdout)
        raw[name], breakdown[name] = child["documents"], child["steps"]
        report(f"extraction: {name}", c, w, _accuracy(docs, raw[name]))
    if args.breakdown:
        print_breakdown(breakdown, n)
    print(f"\nload average at the end: {', '.join(f'{v:.1f}' for v in os.getloadavg())}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "raw": raw}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
