"""OCR throughput and quality of `ocr-engine ocr` against the bare `tesseract` CLI, in the same run.

Pages: SROIE receipts from the shared corpus plus the invoice2data invoices rendered to 300-dpi PNG
(scans without a text layer). Prints one markdown table:
- pages/s of `ocr-engine ocr` with 1 worker and with all cores, and of the bare `tesseract` CLI run the
  same way (one process per page, 1 at a time / as many at a time as cores) on the same files;
- ratio ours/bare (wall time), peak RSS of the largest single process;
- born-digital PDF pages (text layer, no OCR) against the same pages OCR'd;
- character error rate and word recall against the SROIE line transcripts (ground-truth lines ordered top
  to bottom, then left to right), for our output and for the bare CLI's.

Usage: .venv/bin/python bench/ocr_throughput.py [--receipts 20] [--psm 3] [--workers N]
Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("OCR_CORPUS_DIR", REPO.parent / "shared" / "corpus"))
OCR_ENGINE = Path(sys.executable).with_name("ocr-engine")
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}


def render_invoices(out: Path) -> list[Path]:
    import pypdfium2 as pdfium

    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for pdf_path in sorted((CORPUS / "invoice2data-dev" / "images").glob("*.pdf")):
        pdf = pdfium.PdfDocument(str(pdf_path))
        for i in range(len(pdf)):
            image = pdf[i].render(scale=300 / 72, grayscale=True).to_pil()
            path = out / f"{pdf_path.stem}-p{i + 1}.png"
            image.save(path, dpi=(300, 300))
            paths.append(path)
        pdf.close()
    return paths


# Runs a command as a "child subreaper" (Linux prctl), so that every process of its tree, orphans included
# (e.g. multiprocessing's fork server and its workers), is reaped here and counted in RUSAGE_CHILDREN.
_MEASURE = """
import ctypes, json, os, resource, subprocess, sys
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
code = subprocess.call(sys.argv[1:])
while True:
    try:
        os.wait()
    except ChildProcessError:
        break
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write("\\n" + json.dumps({"rss": usage.ru_maxrss, "cpu": usage.ru_utime + usage.ru_stime}) + "\\n")
sys.exit(code)
"""


def timed(cmd: list[str], **kwargs) -> tuple[float, int, float, subprocess.CompletedProcess]:
    """Wall seconds, peak RSS (KB) of the largest process of the tree, CPU seconds (user + system) of the
    whole tree, and the result."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, *cmd], check=False, capture_output=True, text=True, env=ENV, **kwargs
    )
    seconds = time.perf_counter() - started
    try:
        measured = json.loads(result.stderr.strip().splitlines()[-1])
    except (ValueError, IndexError):
        measured = {"rss": 0, "cpu": 0.0}
    return seconds, int(measured["rss"]), float(measured["cpu"]), result


def bare_tesseract(pages: list[Path], psm: int, processes: int, out: Path) -> tuple[float, int, float]:
    """Run `tesseract PAGE OUT --psm N tsv` per page, `processes` at a time: wall s, peak RSS, CPU s."""
    out.mkdir(parents=True, exist_ok=True)
    rss, cpu = [], []

    def one(page: Path) -> None:
        _, peak, used, result = timed(
            ["tesseract", str(page), str(out / page.stem), "--psm", str(psm), "tsv"]
        )
        rss.append(peak)
        cpu.append(used)
        if result.returncode != 0:
            raise RuntimeError(result.stderr)

    started = time.perf_counter()
    with ThreadPoolExecutor(processes) as pool:
        list(pool.map(one, pages))
    return time.perf_counter() - started, max(rss), sum(cpu)


def ours(pages: list[Path], psm: int, workers: int, out: Path) -> tuple[float, int, float]:
    cmd = [str(OCR_ENGINE), "ocr", *map(str, pages), "--workers", str(workers), "--psm", str(psm)]
    seconds, rss, cpu, result = timed([*cmd, "--format", "json", "--out", str(out), "--no-progress"])
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return seconds, rss, cpu


def text_layer_seconds_per_page(repeats: int = 5) -> tuple[float, int]:
    """In-process ingest + recognise of the born-digital invoice PDFs (text layer, no OCR)."""
    sys.path.insert(0, str(REPO))
    from ocr_tasks.config import OcrConfig
    from ocr_tasks.ingest import ingest_path
    from ocr_tasks.recognise import recognise_document

    config = OcrConfig(workers=1)
    pdfs = sorted((CORPUS / "invoice2data-dev" / "images").glob("*.pdf"))
    ingest_path(pdfs[0], config=config)  # warm imports
    pages = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeats):
            for pdf in pdfs:
                doc = recognise_document(ingest_path(pdf, config=config, workdir=Path(tmp)), config)
                assert all(p.source == "text_layer" for p in doc.pages), pdf
                pages += len(doc.pages)
    return (time.perf_counter() - started) / pages, pages


# -- quality -----------------------------------------------------------------------------------------
def truth_text(receipt_id: str) -> str:
    rows = []
    for line in (
        (CORPUS / "sroie-sample" / "ocr_lines" / f"{receipt_id}.txt")
        .read_text(encoding="utf-8", errors="replace")
        .splitlines()
    ):
        parts = line.split(",", 8)
        if len(parts) == 9:
            xs, ys = [int(v) for v in parts[0:8:2]], [int(v) for v in parts[1:8:2]]
            rows.append((min(ys), min(xs), parts[8]))
    return "\n".join(text for _, _, text in sorted(rows))


def our_text(path: Path) -> str:
    doc = json.loads(path.read_text())
    return "\n".join(
        " ".join(w["text"] for w in line["words"])
        for page in doc["pages"]
        for block in page["blocks"]
        for line in block["lines"]
    )


def tsv_text(path: Path) -> str:
    lines: dict[tuple[str, str, str], list[str]] = {}
    for row in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 12 and cols[0] == "5" and cols[11].strip():
            lines.setdefault((cols[2], cols[3], cols[4]), []).append(cols[11].strip())
    return "\n".join(" ".join(words) for words in lines.values())


def quality(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """Mean CER (whitespace-normalised, lower case) and mean word recall over (ocr, truth) pairs."""
    from rapidfuzz.distance import Levenshtein

    cers, recalls = [], []
    for ocr, truth in pairs:
        ocr_n, truth_n = " ".join(ocr.lower().split()), " ".join(truth.lower().split())
        cers.append(Levenshtein.distance(ocr_n, truth_n) / max(1, len(truth_n)))
        truth_words = truth_n.split()
        remaining = ocr_n.split()
        hits = 0
        for word in truth_words:
            if word in remaining:
                remaining.remove(word)
                hits += 1
        recalls.append(hits / max(1, len(truth_words)))
    return sum(cers) / len(cers), sum(recalls) / len(recalls)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--receipts", type=int, default=20)
    parser.add_argument("--psm", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    if not shutil.which("tesseract"):
        print("tesseract is not installed", file=sys.stderr)
        return 2
    receipts = sorted((CORPUS / "sroie-sample" / "images").glob("*.jpg"))[: args.receipts]
    tmp = Path(tempfile.mkdtemp(prefix="ocr-bench-"))
    try:
        invoices = render_invoices(tmp / "invoices")
        pages = receipts + invoices
        n = len(pages)
        runs = {}
        runs["bare 1"] = bare_tesseract(pages, args.psm, 1, tmp / "bare1")
        runs["ours 1"] = ours(pages, args.psm, 1, tmp / "ours1")
        runs[f"bare {args.workers}"] = bare_tesseract(pages, args.psm, args.workers, tmp / "bareN")
        runs[f"ours {args.workers}"] = ours(pages, args.psm, args.workers, tmp / "oursN")
        text_layer, text_pages = text_layer_seconds_per_page()

        ours_pairs = [(our_text(tmp / "ours1" / f"{r.stem}.json"), truth_text(r.stem)) for r in receipts]
        bare_pairs = [(tsv_text(tmp / "bare1" / f"{r.stem}.tsv"), truth_text(r.stem)) for r in receipts]
        ours_cer, ours_recall = quality(ours_pairs)
        bare_cer, bare_recall = quality(bare_pairs)
        rotated = sum(
            1
            for r in receipts
            if json.loads((tmp / "ours1" / f"{r.stem}.json").read_text())["pages"][0]["rotation"]
        )
        deskewed = sum(
            1
            for r in receipts
            if json.loads((tmp / "ours1" / f"{r.stem}.json").read_text())["pages"][0]["skew"]
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    ocr_seconds_per_page = runs["ours 1"][0] / n
    print(
        f"# OCR throughput: {len(receipts)} SROIE receipts + {len(invoices)} rendered invoice pages"
        f" = {n} pages, psm {args.psm}, OMP_THREAD_LIMIT=1, {os.cpu_count()} cores\n"
    )
    print(
        "| run | wall s | pages/s | ours/bare wall | CPU s | ours/bare CPU | peak RSS MB (largest process) |"
    )
    print("|---|---|---|---|---|---|---|")
    for label in ("1", str(args.workers)):
        bare_s, bare_rss, bare_cpu = runs[f"bare {label}"]
        ours_s, ours_rss, ours_cpu = runs[f"ours {label}"]
        print(
            f"| bare `tesseract` CLI, {label} at a time | {bare_s:.1f} | {n / bare_s:.2f} |"
            f" | {bare_cpu:.1f} | | {bare_rss / 1024:.0f} |"
        )
        print(
            f"| `ocr-engine ocr --workers {label}` | {ours_s:.1f} | {n / ours_s:.2f}"
            f" | {ours_s / bare_s:.2f}x | {ours_cpu:.1f} | {ours_cpu / max(bare_cpu, 1e-9):.2f}x"
            f" | {ours_rss / 1024:.0f} |"
        )
    scale = runs["ours 1"][0] / runs[f"ours {args.workers}"][0]
    bare_scale = runs["bare 1"][0] / runs[f"bare {args.workers}"][0]
    print("\n| measure | value | target |")
    print("|---|---|---|")
    print(
        f"| ours 1 worker / bare 1 process (wall) | {runs['ours 1'][0] / runs['bare 1'][0]:.2f}x"
        f" (CPU: {runs['ours 1'][2] / runs['bare 1'][2]:.2f}x) | <= 1.10x |"
    )
    print(
        f"| ours {args.workers} workers speed-up over 1 worker | {scale:.2f}x (bare CLI: {bare_scale:.2f}x) |"
        f" >= 1.7x |"
    )
    print(
        f"| born-digital PDF page (text layer, in-process, {text_pages} pages)"
        f" | {text_layer * 1000:.1f} ms |  |"
    )
    print(f"| OCR'd page (ours, 1 worker) | {ocr_seconds_per_page * 1000:.0f} ms |  |")
    print(f"| text-layer speed-up over OCR | {ocr_seconds_per_page / text_layer:.0f}x | >= 20x |")
    print(
        f"| peak RSS per worker | {max(runs['ours 1'][1], runs[f'ours {args.workers}'][1]) / 1024:.0f} MB |"
        f" < 500 MB |"
    )
    print(f"\n| quality on {len(receipts)} SROIE receipts (psm {args.psm}) | CER mean | word recall |")
    print("|---|---|---|")
    print(
        f"| ours (`ocr-engine ocr`: orientation, deskew; {rotated} rotated, {deskewed} deskewed) |"
        f" {ours_cer:.3f} | {ours_recall:.3f} |"
    )
    print(f"| bare `tesseract` CLI | {bare_cer:.3f} | {bare_recall:.3f} |")
    print(f"\nload average during the run: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
