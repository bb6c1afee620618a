"""Vendor memory learning curve (issue 15): per vendor series, invoice 1 is reviewed (its ground truth
taught as a reviewer's corrections), then invoices 2..n are read before learning (the general engine) and
after (with the project's memories).

Usage:
    .venv/bin/python bench/learning_curve.py                       # Mustang, SROIE repeats, synthetic
    .venv/bin/python bench/learning_curve.py --sets synthetic --families 10 --raster
    .venv/bin/python bench/learning_curve.py --sets mustang --raster   # Mustang rasterised (200 dpi)
    .venv/bin/python bench/learning_curve.py --via-service   # taught through the API's review services

Series:
- `mustang`: the Mustang series of `einvoice-dev` (one small German vendor over the years; labels from the
  XML embedded in each PDF, see `extraction_corpus.py`), in file-name order, from the text layer (the
  attachment is never read) or, with `--raster`, rasterised at 200 dpi grey and OCRed.
- `sroie`: the vendors that recur in `sroie-sample` (three receipts or more by the label's company),
  each in id order; OCRed scans.
- `synthetic`: one vendor per family (`--families`, languages in turn) from `bench/synthetic/`
  (`vendor_series.py`: same sender, recipient, label wording and formats; new numbers, dates, items),
  `--count` invoices each, text layer; with `--raster` also their degraded image-only scans.

Teaching: the fields of `shapes.LEARNABLE_FIELDS` that the labels give are the reviewed values (`final`);
a field the general engine had wrong on invoice 1 is a *corrected* field. The teacher is an interface
(`Teacher`): `LibraryTeacher` calls `ocr_tasks.vendor_memory.learn`; with `--via-service`,
`service_teacher.ServiceTeacher` stores invoice 1 as a processed document of a project in a temporary
Django database and applies the ground truth as a reviewer's corrections (`document_fields_update`), then
approves it (`document_approve`), through the same services the API uses.

Reported per series and field: accuracy on invoices 2..n before and after, whether the field was
corrected on invoice 1 (target: >= 0.98 after on every corrected field of the following invoices of the
same layout). Then the documents of vendors never taught (einvoice-dev without Mustang, SROIE vendors
seen once, synthetic vendors of other families) with every memory present: no change allowed (+/- 0.01).
Then the look-up time per document: finding the vendor among all memories (plus `--decoys` made-up
vendors, a project with hundreds of vendors) and reading its candidates (target <= 20 ms), and the whole
extraction with and without memories; for OCRed sources the bare `tesseract` CLI's time on the same
files (the plain tool, same run). Extraction is `extract_invoice` on the cached first OCR reading (no
second reading or second opinion), the same for before and after; on OCRed documents with the region
reader the flows give it (`region_reader`: the total's rows read again, and, with memories, a remembered
region the page's text gave no value read again, `vendor_memory.region_recall`); `--no-reread` without.
The crops the memory adds are counted and timed (uncached) apart.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_accuracy import is_right
from extraction_corpus import cached_ocr, load_set, rasterise

from ocr_tasks.config import EXTRACTION_PSM, OcrConfig
from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.extraction.rows import document_rows
from ocr_tasks.invoice_types import Invoice
from ocr_tasks.ocr_types import OcrDocument
from ocr_tasks.vendor_memory import VendorMemory, learn
from ocr_tasks.vendor_memory.identity import ID_FIELDS, document_memory, review_memory, vendor_identifiers
from ocr_tasks.vendor_memory.recall import memory_candidates
from ocr_tasks.vendor_memory.shapes import LEARNABLE_FIELDS

CORPUS = Path(os.environ.get("OCR_CORPUS_DIR", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
WHEN = datetime(2026, 1, 1, tzinfo=UTC)
TOLERANCE = 0.01


@dataclass(frozen=True)
class SeriesDocument:
    id: str
    path: Path  # the file OCRed or read (a raster copy for rasterised PDFs)
    truth: dict[str, str]
    ocr: bool  # read by OCR (a bare tesseract time is measured) rather than a text layer


@dataclass
class Series:
    name: str
    docs: list[SeriesDocument]


class Teacher(Protocol):
    """Applies a reviewer's corrections; holds the project's memories."""

    name: str

    def memories(self) -> list[VendorMemory]: ...

    def teach(self, *, ocr: OcrDocument, extracted: Invoice, final: dict[str, str | None]) -> None: ...


@dataclass
class LibraryTeacher:
    """Teaches with `ocr_tasks.vendor_memory.learn`, memories kept in a list (as a project's table)."""

    name: str = "library"
    held: list[VendorMemory] = field(default_factory=list)

    def memories(self) -> list[VendorMemory]:
        return list(self.held)

    def teach(self, *, ocr: OcrDocument, extracted: Invoice, final: dict[str, str | None]) -> None:
        identity = {n: final[n] for n in ID_FIELDS if n in final}  # the reviewed identifying values
        current = review_memory(self.held, extracted, identity)
        memory = learn(current, ocr=ocr, extracted=extracted, final=final, actor="bench", when=WHEN)
        self.held = [m for m in self.held if m is not current]
        if memory is not None:
            self.held.append(memory)


# -- series ---------------------------------------------------------------------------------------------
def _source(path: Path, raster: bool) -> tuple[Path, bool]:
    if path.suffix.lower() == ".pdf":
        return (rasterise(path, dpi=200), True) if raster else (path, False)
    return path, True


def mustang_series(raster: bool) -> list[Series]:
    docs = [d for d in load_set(CORPUS / "einvoice-dev") if d.id.startswith("Mustang")]
    docs.sort(key=lambda d: d.id)
    return [Series("mustang" + (" (raster)" if raster else ""), [_doc(d, raster) for d in docs])]


def _doc(d, raster: bool) -> SeriesDocument:
    path, ocr = _source(d.path, raster)
    return SeriesDocument(d.id, path, dict(d.truth), ocr)


def sroie_groups() -> dict[str, list]:
    groups: dict[str, list] = defaultdict(list)
    for d in load_set(CORPUS / "sroie-sample"):
        groups[d.truth.get("vendor_name", "")].append(d)
    return groups


def sroie_series(minimum: int = 3) -> list[Series]:
    return [
        Series(f"sroie {name[:28]}", [_doc(d, False) for d in sorted(docs, key=lambda d: d.id)])
        for name, docs in sorted(sroie_groups().items())
        if len(docs) >= minimum
    ]


def synthetic_series(workdir: Path, families: int, count: int, seed: int, raster: bool) -> list[Series]:
    from synthetic import FAMILIES, LANGUAGES
    from synthetic.vendor_series import generate_series

    out = []
    for i, family in enumerate(FAMILIES[:families]):
        lang = LANGUAGES[i % len(LANGUAGES)]
        folder = workdir / f"{family.name}-{lang}"
        ids = generate_series(folder, family.name, lang, count=count, seed=seed, raster=raster)
        if len(ids) < 2:
            continue  # a family of credit notes only: no invoice series
        docs = {d.id: d for d in load_set(folder)}
        out.append(Series(f"synthetic {family.name} {lang}", [_doc(docs[i], False) for i in ids]))
        if raster:
            scans = {d.id: d for d in load_set(folder.with_name(folder.name + "-scan"))}
            out.append(
                Series(
                    f"synthetic {family.name} {lang} (scan)",
                    [SeriesDocument(i, scans[i].path, dict(scans[i].truth), True) for i in ids],
                )
            )
    return out


def untaught_documents(workdir: Path, families: int, seed: int) -> list[SeriesDocument]:
    """Documents of vendors no series teaches: einvoice-dev without Mustang, SROIE vendors seen once,
    three synthetic vendors of other families."""
    from synthetic import FAMILIES, LANGUAGES
    from synthetic.vendor_series import generate_series

    docs = [_doc(d, False) for d in load_set(CORPUS / "einvoice-dev") if not d.id.startswith("Mustang")]
    docs += [_doc(group[0], False) for group in sroie_groups().values() if len(group) == 1]
    for i, family in enumerate(FAMILIES[families : families + 3]):
        lang = LANGUAGES[(i + 1) % len(LANGUAGES)]
        folder = workdir / f"other-{family.name}-{lang}"
        ids = generate_series(folder, family.name, lang, count=2, seed=seed + 1)
        found = {d.id: d for d in load_set(folder)}
        docs += [_doc(found[i], False) for i in ids]
    return docs


# -- reading --------------------------------------------------------------------------------------------
CONFIG = OcrConfig(workers=1, psm=EXTRACTION_PSM, languages="eng", erase_rules=True)


def read(doc: SeriesDocument) -> OcrDocument:
    document, _ = cached_ocr(doc.path, CONFIG)
    return document


class CountingReader:
    """The document's region reader (Tesseract on a crop of the page image, readings cached on disk by
    `extraction_corpus`), remembering which boxes were asked for; `seconds` times a box again with the
    uncached reader (the cost of a crop on a first run)."""

    def __init__(self, reader) -> None:
        self.reader = reader
        self.boxes: list[tuple[int, tuple[float, ...]]] = []

    def __call__(self, page: int, box) -> str:
        self.boxes.append((page, tuple(box.to_list())))
        return self.reader(page, box)

    def seconds(self, page: int, box) -> float:
        from ocr_tasks.geometry import BBox

        started = time.perf_counter()
        self.reader.reader(page, BBox.from_list(list(box)))
        return time.perf_counter() - started

    def close(self) -> None:
        self.reader.close()


READ_AGAIN = True  # region re-reads on the OCR path (`--no-reread` turns them off)


def reader_for(doc: SeriesDocument) -> CountingReader | None:
    """A region reader over an OCRed document's page images (None for a text layer, or `--no-reread`)."""
    if not (doc.ocr and READ_AGAIN):
        return None
    _, reader = cached_ocr(doc.path, CONFIG, with_reader=True)
    return CountingReader(reader) if reader is not None else None


def extract(
    document: OcrDocument, memories: Sequence[VendorMemory], reader: CountingReader | None = None
) -> tuple[Invoice, float]:
    started = time.perf_counter()
    invoice = extract_invoice(document, options=ExtractionOptions(region_reader=reader), memories=memories)
    return invoice, time.perf_counter() - started


def lookup_seconds(document: OcrDocument, general: Invoice, memories: Sequence[VendorMemory]) -> float:
    """Finding the vendor's memory among `memories` and reading its candidates (the memory step of
    `extract_invoice`; the rows are built by the general engine anyway)."""
    rows = document_rows(document)
    started = time.process_time()
    memory = document_memory(memories, vendor_identifiers(general), rows, "\n".join(r.text for r in rows))
    if memory is not None:
        memory_candidates(rows, memory)
    return time.process_time() - started


DECOY_WORDS = ("jalan", "taman", "strasse", "gmbh", "sdn", "bhd", "rue", "avenue", "road", "market", "kg")


def decoys(memories: Sequence[VendorMemory], n: int, seed: int) -> list[VendorMemory]:
    """`n` made-up vendors (their own VAT ids, IBAN-like ids, names and letterheads) with real lessons, so
    that the look-up searches a project with many vendors."""
    if not memories or n <= 0:
        return []
    rng = random.Random(seed)
    out = []
    for i in range(n):
        model = memories[i % len(memories)]
        vat = f"vat:XX{rng.randrange(10**11):011d}"
        head = f"head:decoy vendor {i} " + " ".join(rng.choice(DECOY_WORDS) for _ in range(12))
        ids = (vat, f"iban:ZZ{rng.randrange(10**18):018d}", f"name:decoy vendor {i}", head)
        out.append(replace(model, key=vat, identifiers=ids, name=f"Decoy Vendor {i}"))
    return out


def bare_tesseract_seconds(path: Path) -> float | None:
    """Seconds of the bare `tesseract` CLI (default settings) on the file; an image-only PDF (a synthetic
    scan) is given as its page rendered at 300 dpi (the CLI reads no PDF)."""
    if path.suffix.lower() == ".pdf":
        path = rasterise(path, dpi=300)
    started = time.perf_counter()
    subprocess.run(
        ["tesseract", str(path), "-"],
        capture_output=True,
        timeout=300,
        check=False,
        env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin:/usr/local/bin"},
    )
    return time.perf_counter() - started


# -- the curve ------------------------------------------------------------------------------------------
def _final(truth: dict[str, str]) -> dict[str, str | None]:
    return {name: truth[name] for name in LEARNABLE_FIELDS if truth.get(name)}


def _fields(series: Series) -> list[str]:
    return [f for f in LEARNABLE_FIELDS if any(f in d.truth for d in series.docs)]


def _taught_first(series: Series, teacher: Teacher) -> set[str]:
    """Teach the series' first invoice (its labels as a reviewer's values); the fields corrected."""
    first = series.docs[0]
    document = read(first)
    reader = reader_for(first)
    try:
        general, _ = extract(document, teacher.memories(), reader)
    finally:
        if reader is not None:
            reader.close()
    final = _final(first.truth)
    teacher.teach(ocr=document, extracted=general, final=final)
    return {f for f, v in final.items() if not is_right(f, general.get(f), v)}


def _before_after(document: OcrDocument, memories: list, reader, timing: dict) -> tuple[Invoice, Invoice]:
    """The invoice without and with memories (same options), timing both and the memory's re-reads."""
    extract(document, (), reader)  # warm-up (per-text caches), so that neither timing below pays it
    if reader is not None:
        reader.boxes.clear()
    before, seconds_before = extract(document, (), reader)
    asked_before = set(reader.boxes) if reader is not None else set()
    # measured before the extraction with memories, whose caches (rows' letter words, shapes) it warms
    timing["lookup"].append(lookup_seconds(document, before, memories))
    if reader is not None:
        reader.boxes.clear()
    after, seconds_after = extract(document, memories, reader)
    if reader is not None:
        crops = [box for box in dict.fromkeys(reader.boxes) if box not in asked_before]
        timing["reread_crops"].append(len(crops))
        timing["reread"].extend(reader.seconds(*box) for box in crops)
    timing["without"].append(seconds_before)
    timing["with"].append(seconds_after)
    return before, after


def run_series(series: Series, teacher: Teacher, extra: list[VendorMemory], timing: dict) -> dict:
    corrected = _taught_first(series, teacher)
    right = {"before": defaultdict(list), "after": defaultdict(list)}
    used = 0
    for doc in series.docs[1:]:
        document = read(doc)
        reader = reader_for(doc)
        try:
            before, after = _before_after(document, teacher.memories() + extra, reader, timing)
        finally:
            if reader is not None:
                reader.close()
        used += after.memory is not None
        if doc.ocr and timing.get("bare_on"):
            bare = bare_tesseract_seconds(doc.path)
            if bare is not None:
                timing["bare"].append(bare)
        for f in _fields(series):
            if f in doc.truth:
                right["before"][f].append(is_right(f, before.get(f), doc.truth[f]))
                right["after"][f].append(is_right(f, after.get(f), doc.truth[f]))
    return {"corrected": corrected, "right": right, "found": used, "n": len(series.docs) - 1}


def _acc(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.2f}" if values else "-"


def print_series(name: str, result: dict) -> None:
    print(f"\n### {name}: invoices 2..{result['n'] + 1}, memory found on {result['found']}/{result['n']}")
    print("| field | corrected on #1 | before | after | n |\n|---|---|---|---|---|")
    for f, values in result["right"]["after"].items():
        before = result["right"]["before"][f]
        mark = "yes" if f in result["corrected"] else ""
        print(f"| {f} | {mark} | {_acc(before)} | {_acc(values)} | {len(values)} |")


def print_summary(results: dict[str, dict]) -> None:
    """Corrected fields over all series (the target) and all fields."""
    pooled = {"corrected": defaultdict(lambda: ([], [])), "all": defaultdict(lambda: ([], []))}
    for result in results.values():
        for f, after in result["right"]["after"].items():
            before = result["right"]["before"][f]
            kinds = ("all", "corrected") if f in result["corrected"] else ("all",)
            for kind in kinds:
                pooled[kind][f][0].extend(before)
                pooled[kind][f][1].extend(after)
    for kind, title in (("corrected", "fields corrected on invoice 1"), ("all", "every labelled field")):
        print(f"\n### All series, {title} (invoices 2..n)")
        print("| field | before | after | n |\n|---|---|---|---|")
        for f in LEARNABLE_FIELDS:
            if f in pooled[kind]:
                before, after = pooled[kind][f]
                print(f"| {f} | {_acc(before)} | {_acc(after)} | {len(after)} |")


def run_untaught(docs: list[SeriesDocument], memories: list[VendorMemory]) -> None:
    before_right, after_right = defaultdict(list), defaultdict(list)
    found: list[str] = []
    changed = 0
    for doc in docs:
        document = read(doc)
        reader = reader_for(doc)
        try:
            before, _ = extract(document, (), reader)
            after, _ = extract(document, memories, reader)
        finally:
            if reader is not None:
                reader.close()
        if after.memory is not None:
            found.append(f"{doc.id} ({after.memory['vendor']}: {len(after.memory['fields'])} fields)")
        changed += {k: v.value for k, v in before.fields.items()} != {
            k: v.value for k, v in after.fields.items()
        }
        for f in LEARNABLE_FIELDS:
            if f in doc.truth:
                before_right[f].append(is_right(f, before.get(f), doc.truth[f]))
                after_right[f].append(is_right(f, after.get(f), doc.truth[f]))
    print(f"\n### Vendors never taught: {len(docs)} documents, {len(memories)} memories present")
    print(f"a memory was found for {len(found)} documents; {changed} documents changed any field value")
    if found:
        print("(" + "; ".join(found) + ")")
    print("| field | without memories | with | change | within +/- 0.01 |\n|---|---|---|---|---|")
    for f, before in before_right.items():
        a, b = sum(before) / len(before), sum(after_right[f]) / len(after_right[f])
        print(f"| {f} | {a:.2f} | {b:.2f} | {b - a:+.2f} | {'yes' if abs(b - a) <= TOLERANCE else 'NO'} |")


def _ms(values: list[float], q: float) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000:.1f}"


def print_timing(timing: dict, n_memories: int) -> None:
    print(f"\n### Time per document ({n_memories} memories searched)")
    print("| step | median ms | p95 ms | max ms | n |\n|---|---|---|---|---|")
    for key, title in (
        ("lookup", "memory look-up, CPU time (find the vendor + its candidates)"),
        ("without", "extract_invoice without memories"),
        ("with", "extract_invoice with memories"),
        ("bare", "bare `tesseract` CLI on the OCRed files"),
        ("reread", "a remembered region read again (one Tesseract crop, uncached)"),
    ):
        values = timing.get(key, [])
        if values:
            cells = (
                title,
                _ms(values, 0.5),
                _ms(values, 0.95),
                f"{max(values) * 1000:.1f}",
                str(len(values)),
            )
            print("| " + " | ".join(cells) + " |")
    if timing["reread_crops"]:
        crops = timing["reread_crops"]
        print(
            f"\nremembered regions read again: {sum(crops)} crops on {sum(1 for c in crops if c)} of "
            f"{len(crops)} OCRed documents (at most {max(crops)} per document)"
        )
    if timing["with"] and timing["without"]:
        extra = statistics.median(timing["with"]) - statistics.median(timing["without"])
        print(f"\nmedian extraction time with memories minus without: {extra * 1000:+.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="mustang,sroie,synthetic", help="comma-separated series sets")
    parser.add_argument("--families", type=int, default=8, help="synthetic vendors (one per family)")
    parser.add_argument("--count", type=int, default=10, help="invoices per synthetic vendor")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--raster", action="store_true", help="also image-only copies (OCR)")
    parser.add_argument("--decoys", type=int, default=300, help="made-up vendors' memories searched too")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare tesseract CLI timing")
    parser.add_argument("--no-untaught", action="store_true", help="skip the vendors-never-taught check")
    parser.add_argument(
        "--no-reread",
        action="store_true",
        help="no region re-reads on the OCR path (neither the total's nor the memory's remembered regions)",
    )
    parser.add_argument(
        "--via-service",
        action="store_true",
        help="teach through the Django review services the API uses (temporary SQLite; service_teacher.py)",
    )
    args = parser.parse_args(argv)
    sets = set(args.sets.split(","))
    workdir = Path(tempfile.mkdtemp(prefix="learning-curve-"))
    series: list[Series] = []
    if "mustang" in sets:
        series += mustang_series(False) + (mustang_series(True) if args.raster else [])
    if "sroie" in sets:
        series += sroie_series()
    if "synthetic" in sets:
        series += synthetic_series(workdir, args.families, args.count, args.seed, args.raster)
    make_teacher = _service_teacher if args.via_service else LibraryTeacher
    teacher_name = "service (Django review services)" if args.via_service else "library"
    print(
        f"# Vendor memory learning curve: {len(series)} series, teacher {teacher_name}, {args.decoys} decoy "
        f"vendors, load average {os.getloadavg()[0]:.1f}"
    )
    global READ_AGAIN
    READ_AGAIN = not args.no_reread
    timing: dict = {
        "lookup": [],
        "without": [],
        "with": [],
        "bare": [],
        "reread": [],
        "reread_crops": [],
        "bare_on": not args.no_bare,
    }
    results = {}
    for s in series:
        teacher = make_teacher()  # a project per series: memories of other series are the decoys' job
        extra = decoys(_seed_memories(s), args.decoys, args.seed)
        results[s.name] = run_series(s, teacher, extra, timing)
        print_series(s.name, results[s.name])
    print_summary(results)
    print_timing(timing, args.decoys + 1)
    if not args.no_untaught:
        everyone = make_teacher()
        for s in series:
            _taught_first(s, everyone)
        run_untaught(untaught_documents(workdir, args.families, args.seed), everyone.memories())
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}")
    return 0


def _service_teacher() -> Teacher:
    """A project of a temporary Django database, taught through the review services (corrections, then
    approval), as a reviewer in the API does."""
    from service_teacher import ServiceTeacher

    return ServiceTeacher()


def _seed_memories(series: Series) -> list[VendorMemory]:
    """A memory to copy lessons from for the decoys (the series' own first invoice, taught)."""
    teacher = LibraryTeacher()
    document = read(series.docs[0])
    general, _ = extract(document, ())
    teacher.teach(ocr=document, extracted=general, final=_final(series.docs[0].truth))
    return teacher.memories()


if __name__ == "__main__":
    raise SystemExit(main())
