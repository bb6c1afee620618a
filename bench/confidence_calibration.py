"""Confidence calibration and review triage on the labelled corpus sets.

Usage:
    .venv/bin/python bench/confidence_calibration.py            # report (held-out folds)
    .venv/bin/python bench/confidence_calibration.py --write    # also refit on all and write the tables

Each set is extracted with the product's defaults (re-read, enhanced reading, RapidOCR second opinion;
OCR cached in bench/.cache as in extraction_accuracy.py): sroie-sample (scans), invoice2data-dev (text
layer and rasterised at 300 dpi), einvoice-dev (text layer). Every extracted field is right or wrong by
extraction_accuracy's rules. Per field, an isotonic regression maps the engine's raw confidence to the
share of right values; it is fitted on 5 grouped folds (a document never in its own training fold), so
the reliability diagram and the triage below are held out.

Triage is the API's `needs_review` rule on those held-out confidences: a document is auto-cleared when
the key fields it is labelled with (vendor, invoice date, total, invoice number, currency) are all
extracted with a calibrated confidence >= the threshold and the header suites (real Great
Expectations, project defaults; the line-items suite does not gate, as in the API) report no
error-level failure. Anomalies are not part of it here (they
need a project's history). Reported: share of documents auto-cleared and the share of wrong key fields
among them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.isotonic import IsotonicRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_accuracy import _extract, is_right
from extraction_corpus import load_set, rasterise

from ocr_tasks.cli.extract_cmd import EXTRACTION_PSM
from ocr_tasks.config import OcrConfig
from ocr_tasks.extraction.confidence_calibration import CALIBRATION_PATH
from ocr_tasks.invoice_types import KEY_FIELDS

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
THRESHOLDS = (0.7, 0.8, 0.9, 0.95)
NOT_GATING_SUITES = ("line_items",)
MIN_SAMPLES = 30
FOLDS = 5


def _sources() -> list[tuple[str, object, Path]]:
    out = [("sroie-sample", d, d.path) for d in load_set(CORPUS / "sroie-sample")]
    for d in load_set(CORPUS / "invoice2data-dev"):
        out += [("invoice2data-dev", d, d.path), ("invoice2data-dev raster", d, rasterise(d.path))]
    out += [("einvoice-dev", d, d.path) for d in load_set(CORPUS / "einvoice-dev")]
    return out


def collect() -> tuple[list[dict], dict]:
    """One row per labelled, extracted field; and the invoices by (set, document) for validation."""
    settings = {
        "config": OcrConfig(workers=1, psm=EXTRACTION_PSM),
        "scorer": "hand",
        "reread": True,
        "second_psm": None,
        "enhanced": True,
        "second_opinion": True,
    }
    rows, invoices = [], {}
    for name, doc, source in _sources():
        invoice = _extract(doc, source, settings)[0]
        group = f"{name}/{doc.id}"
        invoices[group] = (invoice, doc)
        for field, expected in doc.truth.items():
            got = invoice.fields.get(field)
            if got is None:
                continue
            right = is_right(field, got.value, expected, issuer=doc.kind == "invoice2data")
            rows.append({"set": name, "group": group, "field": field, "raw": got.confidence, "right": right})
    return rows, invoices


def held_out(rows: list[dict]) -> None:
    """Adds `p`: the held-out calibrated confidence of each row (raw where a field has too few rows)."""
    by_field: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_field[row["field"]].append(row)
    for field_rows in by_field.values():
        y = np.array([r["right"] for r in field_rows], dtype=float)
        if len(field_rows) < MIN_SAMPLES or len(set(y.tolist())) < 2:
            for r in field_rows:
                r["p"] = r["raw"]
            continue
        x = np.array([r["raw"] for r in field_rows])
        groups = [r["group"] for r in field_rows]
        for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
            model = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(x[train], y[train])
            for i, p in zip(test, model.predict(x[test]), strict=True):
                field_rows[i]["p"] = float(p)


def reliability(rows: list[dict], key: str) -> None:
    print(f"\n| {key} bin | n | mean confidence | share right |\n|---|---|---|---|")
    bins: dict[int, list[dict]] = defaultdict(list)
    for r in rows:
        bins[min(int(r[key] * 10), 9)].append(r)
    for b in sorted(bins):
        sel = bins[b]
        mean = np.mean([r[key] for r in sel])
        right = np.mean([r["right"] for r in sel])
        print(f"| {b / 10:.1f}-{(b + 1) / 10:.1f} | {len(sel)} | {mean:.3f} | {right:.3f} |")
    conf = np.array([r[key] for r in rows])
    right = np.array([r["right"] for r in rows], dtype=float)
    ece = sum(
        len(sel) / len(rows) * abs(np.mean([r[key] for r in sel]) - np.mean([r["right"] for r in sel]))
        for sel in bins.values()
    )
    print(f"Brier {np.mean((conf - right) ** 2):.4f} · expected calibration error {ece:.4f}")


def validation_errors(invoices: dict) -> dict[str, int]:
    """Error-level failures per document of the suites that gate triage (not the line-items suite: see
    the API's rule). The corpus documents are 2008-2020 invoices: the 10-year age limit is widened so
    that their age alone does not send them to review."""
    from expectations.runner import validate_batch
    from expectations.settings import ValidationSettings

    reports = validate_batch(
        {g: inv for g, (inv, _) in invoices.items()}, settings=ValidationSettings(max_age_years=30)
    )
    return {
        g: sum(
            1
            for r in rs
            if r.suite not in NOT_GATING_SUITES
            for o in r.outcomes
            if not o.success and o.severity == "error"
        )
        for g, rs in reports.items()
    }


def triage(rows: list[dict], invoices: dict, errors: dict[str, int]) -> None:
    by_group: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in rows:
        by_group[r["group"]][r["field"]] = r
    sets = sorted({g.split("/")[0] for g in invoices})
    print("\n| set | threshold | documents | auto-cleared | share | wrong key fields among cleared |")
    print("|---|---|---|---|---|---|")
    for name in sets:
        groups = [g for g in invoices if g.split("/")[0] == name]
        for threshold in THRESHOLDS:
            cleared, wrong, total = 0, 0, 0
            for g in groups:
                _, doc = invoices[g]
                keys = [f for f in KEY_FIELDS if f in doc.truth]
                found = by_group[g]
                if errors[g] or any(f not in found or found[f]["p"] < threshold for f in keys):
                    continue
                cleared += 1
                total += len(keys)
                wrong += sum(not found[f]["right"] for f in keys)
            share = cleared / len(groups) if groups else 0
            rate = f"{wrong}/{total} = {wrong / total:.3f}" if total else "-"
            print(f"| {name} | {threshold} | {len(groups)} | {cleared} | {share:.2f} | {rate} |")


def write_tables(rows: list[dict]) -> None:
    by_field: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_field[row["field"]].append(row)
    tables = {}
    for field, field_rows in sorted(by_field.items()):
        y = np.array([r["right"] for r in field_rows], dtype=float)
        if len(field_rows) < MIN_SAMPLES or len(set(y.tolist())) < 2:
            continue
        x = np.array([r["raw"] for r in field_rows])
        model = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(x, y)
        tables[field] = {
            "n": len(field_rows),
            "x": [round(float(v), 4) for v in model.X_thresholds_],
            "y": [round(float(v), 4) for v in model.y_thresholds_],
        }
    data = {
        "about": "per-field isotonic calibration of extraction confidences; bench/confidence_calibration.py",
        "sets": sorted({r["set"] for r in rows}),
        "fields": tables,
    }
    CALIBRATION_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {CALIBRATION_PATH} ({len(tables)} fields)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="refit on all rows and write the tables")
    args = parser.parse_args(argv)
    rows, invoices = collect()
    print(f"# Confidence calibration: {len(invoices)} documents, {len(rows)} extracted labelled fields")
    held_out(rows)
    reliability(rows, "raw")
    reliability(rows, "p")
    triage(rows, invoices, validation_errors(invoices))
    if args.write:
        write_tables(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
