"""E-invoice export (issue #14): per set and format (UBL 2.1, CII D16B Factur-X EN 16931), the share of
documents exported as a file that passes EN 16931 (XSD + schematron) and the export time per document.

    .venv/bin/python bench/einvoice_export.py [--corpus ../shared/corpus] [--receipts 10] [--repeat 3]

Sets:
- einvoice-dev `xml/cii`, `xml/ubl` (bare XML) and `pdf` (the embedded XML): the invoice read exactly
  (`read_xml` / `read_pdf`); also split by whether the source itself passes EN 16931 with 0 errors and
  has invoice lines (MINIMUM and BASIC WL profiles have none; ZUGFeRD 1.0 is not EN 16931);
- invoice2data-dev (4 PDFs with a text layer) and the first `--receipts` SROIE receipts (scans, OCR'd
  with Tesseract): the invoice as `ocr-engine extract` reads it (run once, as a subprocess).

Outcomes: `valid` (the file was offered), `incomplete` (`einvoice_incomplete`: mandatory business terms
missing), `invalid` (`einvoice_export_invalid`: every term present, a rule such as BR-CO-13 broken).
Time: median of `--repeat` runs of `export_einvoice` (build + write + validate), with the write alone
(content built and serialised, no validation) beside it; stylesheets compiled once before timing.

The plain way, for comparison: the XSD alone (what drafthorse's own `serialize(schema=...)` or an
XSD-only check does): how many of the files refused as `invalid` it would have let through, and its time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocr_tasks.einvoice import read_pdf, read_xml
from ocr_tasks.einvoice.artefacts import VALIDATION_LOCK, artefacts_for, safe_lxml_parser, schema, warm_up
from ocr_tasks.einvoice.syntax import CII, UBL_CREDIT_NOTE, UBL_INVOICE, ZUGFERD1
from ocr_tasks.einvoice.validation import validate_einvoice
from ocr_tasks.einvoice.writers import EInvoiceExportInvalid, EInvoiceIncomplete, export_einvoice
from ocr_tasks.einvoice.writers.build import build_document
from ocr_tasks.einvoice.writers.cii import write_cii
from ocr_tasks.einvoice.writers.ubl import write_ubl
from ocr_tasks.invoice_types import Invoice
from ocr_tasks.result_types import ERROR

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
WRITERS = {"ubl": write_ubl, "cii": write_cii}


def einvoice_sets(root: Path) -> dict[str, list[tuple[str, Invoice, bool]]]:
    """(name, invoice, source passes EN 16931 with lines) per einvoice-dev set."""
    out: dict[str, list[tuple[str, Invoice, bool]]] = {}
    for label, paths, reader in (
        ("einvoice-dev xml/cii", sorted((root / "xml" / "cii").glob("*.xml")), read_xml),
        (
            "einvoice-dev xml/ubl",
            sorted(p for p in (root / "xml" / "ubl").glob("*") if p.is_file()),
            read_xml,
        ),
        ("einvoice-dev pdf", sorted((root / "pdf").glob("*.pdf")), read_pdf),
    ):
        rows = []
        for path in paths:
            try:
                source = reader(path.read_bytes())
            except Exception:  # noqa: BLE001 - an unreadable source (the empty ubl/FT) has nothing to export
                continue
            if source is None:
                continue
            rows.append((path.name, source.as_invoice(), _source_ok(source)))
        out[label] = rows
    return out


def _source_ok(source) -> bool:
    if source.syntax == ZUGFERD1 or not source.invoice.line_items:
        return False
    results = validate_einvoice(
        source.xml, source.syntax, profile=source.profile, factur_x=source.attachment is not None
    )
    return not any(r.severity == ERROR for r in results)


def extracted_set(paths: list[Path]) -> list[tuple[str, Invoice, bool]]:
    """The invoices `ocr-engine extract` reads from `paths` (one run, jsonl)."""
    if not paths:
        return []
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = [str(ROOT / ".venv" / "bin" / "ocr-engine"), "extract", *map(str, paths), "--no-progress"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    rows = []
    for line in done.stdout.splitlines():
        record = json.loads(line)
        invoice = Invoice.from_dict({"fields": record["fields"], "line_items": record["line_items"]})
        rows.append((Path(record["source"]).name, invoice, False))
    return rows


def _median(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _attempt(invoice: Invoice, fmt: str) -> tuple[str, Counter]:
    try:
        export_einvoice(invoice, fmt)
    except EInvoiceIncomplete as exc:
        return "incomplete", Counter(t.term for t in exc.terms)
    except EInvoiceExportInvalid as exc:
        return "invalid", Counter(e["rule"] for e in exc.errors)
    return "valid", Counter()


def _write_only(invoice: Invoice, fmt: str) -> None:
    WRITERS[fmt](build_document(invoice, syntax=fmt))


def _xsd_only(invoice: Invoice, fmt: str) -> bool:
    """Whether the written file passes its XSD alone (no schematron)."""
    from lxml import etree

    doc = build_document(invoice, syntax=fmt)
    syntax = CII if fmt == "cii" else (UBL_CREDIT_NOTE if doc.credit_note else UBL_INVOICE)
    xml = WRITERS[fmt](doc)
    with VALIDATION_LOCK:
        return schema(artefacts_for(syntax, "EN 16931").xsd).validate(
            etree.fromstring(xml, safe_lxml_parser())
        )


def measure(rows, fmt: str, repeat: int) -> dict:
    outcomes: Counter = Counter()
    xsd_passes_invalid, xsd_times = 0, []
    missing: Counter = Counter()
    broken: Counter = Counter()
    times, write_times = [], []
    for _name, invoice, _ok in rows:
        outcome, terms = _attempt(invoice, fmt)
        outcomes[outcome] += 1
        (missing if outcome == "incomplete" else broken).update(terms)
        times.append(_median(lambda invoice=invoice: _attempt(invoice, fmt), repeat))
        if outcome == "valid":
            write_times.append(_median(lambda invoice=invoice: _write_only(invoice, fmt), repeat))
        if outcome != "incomplete":
            xsd_times.append(_median(lambda invoice=invoice: _xsd_only(invoice, fmt), repeat))
            xsd_passes_invalid += outcome == "invalid" and _xsd_only(invoice, fmt)
    return {
        "n": len(rows),
        "outcomes": outcomes,
        "missing": missing,
        "broken": broken,
        "ms": statistics.median(times) * 1000 if times else 0.0,
        "write_ms": statistics.median(write_times) * 1000 if write_times else 0.0,
        "xsd_ms": statistics.median(xsd_times) * 1000 if xsd_times else 0.0,
        "xsd_passes_invalid": xsd_passes_invalid,
    }


def _top(counts: Counter, n: int = 4) -> str:
    return ", ".join(f"{k} x{v}" for k, v in counts.most_common(n)) or "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("OCR_CORPUS_DIR", DEFAULT_CORPUS)))
    parser.add_argument("--receipts", type=int, default=10, help="SROIE receipts to OCR (0: none)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    started = time.perf_counter()
    warm_up(artefacts_for(CII, "EN 16931").schematron, artefacts_for(UBL_INVOICE, None).schematron)
    print(f"Stylesheets compiled once: {(time.perf_counter() - started) * 1000:.0f} ms\n")

    sets = einvoice_sets(args.corpus / "einvoice-dev")
    every = [row for rows in sets.values() for row in rows]
    sets["einvoice-dev, sources valid with lines"] = [row for row in every if row[2]]
    sets["invoice2data-dev (text layer, extracted)"] = extracted_set(
        sorted((args.corpus / "invoice2data-dev" / "images").glob("*.pdf"))
    )
    if args.receipts:
        receipts = sorted((args.corpus / "sroie-sample" / "images").glob("*.jpg"))[: args.receipts]
        sets[f"sroie-sample ({len(receipts)} receipts, OCR'd)"] = extracted_set(receipts)

    print(
        "| set | format | documents | exported valid | incomplete | invalid | export + validate "
        "per doc (median) | write only | XSD alone: time, invalid let through | most missing terms | "
        "broken rules |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for label, rows in sets.items():
        for fmt in ("ubl", "cii"):
            m = measure(rows, fmt, args.repeat)
            n = m["n"] or 1
            o = m["outcomes"]
            print(
                f"| {label} | {fmt} | {m['n']} | {o['valid']} ({o['valid'] / n:.0%}) | {o['incomplete']} | "
                f"{o['invalid']} | {m['ms']:.1f} ms | {m['write_ms']:.1f} ms | {m['xsd_ms']:.1f} ms, "
                f"{m['xsd_passes_invalid']} of {o['invalid']} | {_top(m['missing'])} | "
                f"{_top(m['broken'])} |"
            )
    print(f"\nload average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
