"""Resident memory of one process after it has read and extracted N documents on several threads, as the
API's embedded executor does (issue 16: the API process grew to 1.1-2 GB, with OCR models per thread).

Usage:
    .venv/bin/python bench/extraction_memory.py --documents 100 --threads 4

Each document is ingested, read by Tesseract (C API) and extracted with the product's default settings
(`extract_with_page_images`: second readings on, RapidOCR when unsure) on a pool of `--threads` threads;
a new pool every `--batch` documents, as each flow run starts its own task-runner threads. Prints VmRSS
(`/proc/self/status`) and the peak (`ru_maxrss`) every batch, and the RapidOCR engines alive at the end.
This is the library's part of the API process (no Django, no Prefect): the part that held the models.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_corpus import load_set

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "sroie-sample"


def rss_mb() -> tuple[float, float]:
    """(current VmRSS, peak ru_maxrss) in MB."""
    current = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            current = int(line.split()[1]) / 1024
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=CORPUS)
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--batch", type=int, default=10, help="documents per thread pool (one flow run)")
    args = parser.parse_args(argv)

    from expectations.project_settings import ProjectSettings
    from ocr_tasks.engines import rapidocr_reading
    from ocr_tasks.extraction.tesseract_regions import extract_with_page_images
    from ocr_tasks.ingest import ingest_path
    from ocr_tasks.recognise import recognise_document

    settings = ProjectSettings.from_dict({})
    config = replace(settings.ocr.config("eng"), workers=1)
    paths = [d.path for d in load_set(args.set)]
    paths = (paths * (args.documents // max(1, len(paths)) + 1))[: args.documents]

    def one(path: Path) -> None:
        with tempfile.TemporaryDirectory(prefix="bench-memory-") as workdir:
            ingested = ingest_path(path, config=config, workdir=Path(workdir))
            document = recognise_document(ingested, config, workers=1)
            extract_with_page_images(ingested, document, options=settings.extraction.options())

    print(f"| documents | VmRSS MB | peak MB | s |\n|---:|---:|---:|---:|\n| 0 | {rss_mb()[0]:.0f} | - | 0 |")
    started = time.perf_counter()
    for start in range(0, len(paths), args.batch):
        with ThreadPoolExecutor(max_workers=args.threads) as pool:
            list(pool.map(one, paths[start : start + args.batch]))
        current, peak = rss_mb()
        done = min(len(paths), start + args.batch)
        print(f"| {done} | {current:.0f} | {peak:.0f} | {time.perf_counter() - started:.0f} |", flush=True)
    engines = [kind for kind in rapidocr_reading._shared if kind != "pid"]
    print(f"\nRapidOCR engines alive in the process: {len(engines)} ({', '.join(engines) or 'none'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
