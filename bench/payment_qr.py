"""Payment QR codes as evidence: the held-out QR invoices (`tests/ocr_tasks/extraction/payment_qr_invoices`:
Swiss QR-bills de/fr/it/en, EPC GiroCodes de/nl/fr-BE/de-AT) read with and without the codes' evidence.

Readings of each PDF: `text layer` (the product's ingest), `200 dpi` (pages rasterised grey, no text layer),
`photo` (the pages degraded like a poor scan, `rendered_pages.scan_copy`: skew, blur, noise, JPEG, 150 dpi),
`phone` (a hand-held phone photo: 160 dpi, perspective, uneven light, blur, noise, JPEG 40: `phone_photo`).
Each reading is recognised once; its fields are extracted twice by `extract_with_page_images`, with
`payment_codes=False` and `True`. Prints per reading and field the share right without / with the codes,
the codes decoded, and the time per page of the code search (ingest's page image or rendered regions,
OpenCV) beside the bare `tesseract` CLI (default settings) on the same page
images in the same run.

Usage:
    .venv/bin/python bench/payment_qr.py
    .venv/bin/python bench/payment_qr.py --readings "text layer" --misses
"""

from __future__ import annotations

import argparse
import inspect
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ocr_tasks.config import EXTRACTION_PSM, OcrConfig  # noqa: E402
from ocr_tasks.extraction import ExtractionOptions  # noqa: E402
from ocr_tasks.extraction.tesseract_regions import extract_with_page_images  # noqa: E402
from ocr_tasks.ingest import ingest_path  # noqa: E402
from ocr_tasks.recognise import recognise_document  # noqa: E402
from tests.ocr_tasks.extraction.pdf_folders import matches, pdf_cases  # noqa: E402
from tests.ocr_tasks.extraction.rendered_pages import rasterise, scan_copy  # noqa: E402

FOLDER = ROOT / "tests/ocr_tasks/extraction/payment_qr_invoices"
READINGS = ("text layer", "200 dpi", "photo", "phone")
PHOTO_SEED = 15
PHONE_DPI = 160


def phone_photo(pdf: bytes, out: Path, *, seed: int) -> Path:
    """The first page as a hand-held phone photo sent on by a messenger app: `PHONE_DPI` (A4 at ~1300 x 1850
    px), tilted in perspective (corners moved up to 3.5 %), lit unevenly (one side 35 % darker), blurred
    (sigma 1.3 px), with sensor noise and JPEG quality 40; saved as a grey PNG of the JPEG's pixels."""
    import io
    import random

    import cv2
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    rng = random.Random(seed)
    document = pdfium.PdfDocument(pdf)
    try:
        page = np.asarray(
            document[0].render(scale=PHONE_DPI / 72, grayscale=True).to_pil().convert("L"), dtype=np.float32
        )
    finally:
        document.close()
    h, w = page.shape
    d = 0.035
    source = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    target = np.float32(
        [
            [rng.uniform(0, d) * w, rng.uniform(0, d) * h],
            [w - rng.uniform(0, d) * w, rng.uniform(0, d) * h],
            [w - rng.uniform(0, d) * w, h - rng.uniform(0, d) * h],
            [rng.uniform(0, d) * w, h - rng.uniform(0, d) * h],
        ]
    )
    warped = cv2.warpPerspective(page, cv2.getPerspectiveTransform(source, target), (w, h), borderValue=200)
    light = (
        np.linspace(1.0, 0.65, w, dtype=np.float32)[None, :]
        * np.linspace(1.0, 0.9, h, dtype=np.float32)[:, None]
    )
    shaded = cv2.GaussianBlur(warped * light, (0, 0), 1.3)
    noisy = shaded + np.random.default_rng(seed).normal(0, 6, shaded.shape).astype(np.float32)
    image = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=40)
    out = out.with_suffix(".png")
    Image.open(io.BytesIO(buffer.getvalue())).convert("L").save(out, dpi=(PHONE_DPI, PHONE_DPI))
    return out


def _file_for(case, reading: str, workdir: Path) -> Path:
    if reading == "text layer":
        return case.pdf
    if reading == "200 dpi":
        return rasterise(case.pdf.read_bytes(), workdir / f"{case.name}-200.png")
    if reading == "photo":
        return scan_copy(case.pdf.read_bytes(), workdir / f"{case.name}-photo.png", seed=PHOTO_SEED)
    return phone_photo(case.pdf.read_bytes(), workdir / f"{case.name}-phone.png", seed=PHOTO_SEED)


def _bare_tesseract(paths: list[str]) -> float:
    start = time.perf_counter()
    for path in paths:
        subprocess.run(["tesseract", path, "-"], capture_output=True, check=False)
    return time.perf_counter() - start


def run(cases, readings, workdir: Path):
    with_codes = "payment_codes" in inspect.signature(extract_with_page_images).parameters
    rows, timings, decoded = [], [], []
    config = OcrConfig(languages="eng", psm=EXTRACTION_PSM, workers=1)
    for case in cases:
        for reading in readings:
            path = _file_for(case, reading, workdir)
            (workdir / f"{case.name}-{reading[:4]}").mkdir(exist_ok=True)
            ingested = ingest_path(path, config=config, workdir=workdir / f"{case.name}-{reading[:4]}")
            document = recognise_document(ingested, config, workers=1)
            options = ExtractionOptions(today=case.today)
            ways = {"without": {"payment_codes": False} if with_codes else {}}
            if with_codes:
                from ocr_tasks.payment_codes.pages import document_payment_codes

                start = time.perf_counter()
                found = document_payment_codes(ingested, document)
                search = time.perf_counter() - start
                decoded.append((case.name, reading, [c.kind for c in found.codes], list(found.rejected)))
                images = [p.image_path for p in ingested.pages if p.image_path]
                bare = _bare_tesseract(images) if images else None
                timings.append(
                    {"reading": reading, "search": search, "bare": bare, "pages": len(ingested.pages)}
                )
                ways["with"] = {"payment_codes": True}
            for way, kwargs in ways.items():
                invoice = extract_with_page_images(ingested, document, options=options, **kwargs)
                for field, expected in case.expected.items():
                    got = invoice.get(field)
                    rows.append(
                        {
                            "case": case.name,
                            "reading": reading,
                            "way": way,
                            "field": field,
                            "expected": expected,
                            "got": got,
                            "right": matches(field, got, expected),
                        }
                    )
            right = {
                way: sum(
                    r["right"]
                    for r in rows
                    if (r["case"], r["reading"], r["way"]) == (case.name, reading, way)
                )
                for way in ways
            }
            print(
                f"  {case.name} / {reading}: "
                + ", ".join(f"{way} {right[way]}/{len(case.expected)}" for way in ways),
                flush=True,
            )
    return rows, timings, decoded


def print_tables(rows, timings, decoded, readings, *, misses: bool) -> None:
    ways = list(dict.fromkeys(r["way"] for r in rows))
    fields = list(dict.fromkeys(r["field"] for r in rows))
    head = [f"{reading} {way}" for reading in readings for way in ways]
    print("| field | " + " | ".join(head) + " |")
    print("|---|" + "---|" * len(head))
    for field in fields + ["checks wrong"]:
        cells = []
        for reading in readings:
            for way in ways:
                these = [r for r in rows if r["reading"] == reading and r["way"] == way]
                if field == "checks wrong":
                    cells.append(f"{sum(not r['right'] for r in these)} of {len(these)}")
                else:
                    right = [r["right"] for r in these if r["field"] == field]
                    cells.append(f"{sum(right) / len(right):.2f}")
        print(f"| {field} | " + " | ".join(cells) + " |")
    if decoded:
        print()
        print("| reading | documents with a code decoded | rejected codes |")
        print("|---|---|---|")
        for reading in readings:
            these = [d for d in decoded if d[1] == reading]
            print(
                f"| {reading} | {sum(bool(d[2]) for d in these)} of {len(these)} | "
                f"{sum(len(d[3]) for d in these)} |"
            )
    if timings:
        print()
        print("| reading | code search s/page | bare tesseract s/page |")
        print("|---|---|---|")
        for reading in readings:
            these = [t for t in timings if t["reading"] == reading]
            pages = sum(t["pages"] for t in these)
            bare = [t["bare"] for t in these if t["bare"] is not None]
            print(
                f"| {reading} | {sum(t['search'] for t in these) / pages:.3f} | "
                + (f"{sum(bare) / pages:.2f} |" if bare else "- (no page image) |")
            )
    if misses:
        print()
        for r in rows:
            if not r["right"]:
                print(
                    f"  {r['case']} / {r['reading']} / {r['way']}: {r['field']} expected {r['expected']!r}, "
                    f"got {r['got']!r}"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folder", type=Path, default=FOLDER)
    parser.add_argument("--cases", nargs="*")
    parser.add_argument("--readings", nargs="*", default=list(READINGS), choices=READINGS)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    cases = pdf_cases(args.folder)
    chosen = [cases[name] for name in (args.cases or cases)]
    with tempfile.TemporaryDirectory(prefix="payment-qr-") as workdir:
        rows, timings, decoded = run(chosen, tuple(args.readings), Path(workdir))
    print_tables(rows, timings, decoded, tuple(args.readings), misses=args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
