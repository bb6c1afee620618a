"""Train the learned candidate scorer (logistic regression per field) and compare it with hand weights.

Usage:
    .venv/bin/python bench/train_scorer.py [--write]

Data: every candidate of every labelled document of the corpus sets (SROIE receipts through OCR;
invoice2data PDFs through their text layer and rasterised through OCR), labelled right/wrong with the
scoring rules of extraction_accuracy.py. Evaluation: 5-fold cross-validation grouped by document (a
document's candidates never sit in both the training and the held-out fold); the metric is top-1
accuracy on held-out documents: the share of documents whose best-scored candidate is right, for the
hand weights and for the model trained on the other folds. Deterministic (lbfgs, fixed fold assignment).
`--write` fits on all documents and writes ocr_tasks/extraction/scorer_model.json (plain coefficients).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from extraction_accuracy import is_right
from extraction_corpus import cached_ocr, load_set, rasterise
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from ocr_tasks.cli.extract_cmd import EXTRACTION_PSM
from ocr_tasks.config import OcrConfig
from ocr_tasks.extraction.extract import candidates_for
from ocr_tasks.extraction.scoring import HAND_WEIGHTS, MODEL_PATH, load_model

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
FIELDS = ("total", "invoice_date", "vendor_name", "invoice_number", "subtotal")
MODEL_VERSION = 1
MIN_SLOPE = 0.5  # a calibration must keep confidence increasing (a flat or inverted fit is not stored)
C = 0.5


def collect(config: OcrConfig) -> list[dict]:
    """One record per (document, field): candidates' features and right/wrong labels."""
    records = []
    sources = []
    for doc in load_set(CORPUS / "sroie-sample"):
        sources.append((f"sroie/{doc.id}", doc.path, doc.truth, False))
    for doc in load_set(CORPUS / "invoice2data-dev"):
        sources.append((f"i2d-text/{doc.id}", doc.path, doc.truth, True))
        sources.append((f"i2d-ocr/{doc.id}", rasterise(doc.path), doc.truth, True))
    for doc_id, path, truth, issuer in sources:
        document, _ = cached_ocr(path, config)
        candidates = candidates_for(document)
        for field in FIELDS:
            if field not in truth:
                continue
            cands = [c for c in candidates if c.field == field]
            records.append(
                {
                    "doc": doc_id.split("/", 1)[1],
                    "field": field,
                    "features": [c.features for c in cands],
                    "right": [is_right(field, c.value, truth[field], issuer=issuer) for c in cands],
                }
            )
    return records


def hand_score(field: str, features: dict) -> float:
    bias, weights = HAND_WEIGHTS[field]
    return bias + sum(weights.get(k, 0.0) * v for k, v in features.items())


def matrix(records: list[dict], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    xs = [[f.get(n, 0.0) for n in names] for r in records for f in r["features"]]
    ys = [int(y) for r in records for y in r["right"]]
    return np.array(xs, dtype=float).reshape(-1, len(names)), np.array(ys, dtype=int)


def top1(records: list[dict], scorer) -> float:
    right = 0
    for r in records:
        if r["features"]:
            scores = [scorer(f) for f in r["features"]]
            right += r["right"][int(np.argmax(scores))]
    return right / len(records) if records else 0.0


def fit(records: list[dict], names: list[str], c: float = C) -> LogisticRegression | None:
    x, y = matrix(records, names)
    if len(set(y.tolist())) < 2:
        return None
    return LogisticRegression(C=c, max_iter=5000).fit(x, y)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return float(np.log(p / (1 - p)))


def calibrate(config: OcrConfig) -> dict:
    """Platt scaling of the reported confidence per field: p = sigmoid(a * logit(confidence) + b), fitted
    on the extracted fields of every corpus document (right/wrong by the bench's rules), checked with
    grouped 5-fold CV (Brier score before/after). Only fields with at least 40 extracted values."""
    from extraction_accuracy import is_right as right_by_rules

    from ocr_tasks.extraction import ExtractionOptions, extract_invoice

    samples: dict[str, list[tuple[str, float, bool]]] = {}
    sources = [(d.id, d.path, d.truth, False) for d in load_set(CORPUS / "sroie-sample")]
    for d in load_set(CORPUS / "invoice2data-dev"):
        sources += [(d.id, d.path, d.truth, True), (d.id, rasterise(d.path), d.truth, True)]
    for doc_id, path, truth, issuer in sources:
        document, _ = cached_ocr(path, config)
        invoice = extract_invoice(document, options=ExtractionOptions(calibrate=False))
        for field, expected in truth.items():
            got = invoice.fields.get(field)
            if got is not None:
                samples.setdefault(field, []).append(
                    (doc_id, got.confidence, right_by_rules(field, got.value, expected, issuer=issuer))
                )
    out = {}
    print("\n| field | n | Brier raw | Brier calibrated (held-out) |\n|---|---|---|---|")
    for field, rows in sorted(samples.items()):
        if len(rows) < 40:
            continue
        x = np.array([[_logit(c)] for _, c, _ in rows])
        y = np.array([int(r) for _, _, r in rows])
        if len(set(y.tolist())) < 2:
            continue
        docs = sorted({d for d, _, _ in rows})
        groups = np.array([docs.index(d) for d, _, _ in rows])
        calibrated = np.zeros(len(rows))
        for train_idx, test_idx in GroupKFold(n_splits=5).split(x, groups=groups):
            clf = LogisticRegression(C=10.0).fit(x[train_idx], y[train_idx])
            calibrated[test_idx] = clf.predict_proba(x[test_idx])[:, 1]
        raw = np.array([c for _, c, _ in rows])
        print(
            f"| {field} | {len(rows)} | {np.mean((raw - y) ** 2):.3f}"
            f" | {np.mean((calibrated - y) ** 2):.3f} |"
        )
        clf = LogisticRegression(C=10.0).fit(x, y)
        if clf.coef_[0][0] < MIN_SLOPE:
            print(
                f"  ({field}: slope {clf.coef_[0][0]:.2f} < {MIN_SLOPE}: confidence not informative here, "
                "left uncalibrated)"
            )
            continue
        out[field] = {"a": round(float(clf.coef_[0][0]), 5), "b": round(float(clf.intercept_[0]), 5)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write the model file")
    parser.add_argument("--C", type=float, default=C, help=f"inverse regularisation strength ({C})")
    args = parser.parse_args(argv)
    records = collect(OcrConfig(workers=1, psm=EXTRACTION_PSM))
    model: dict = {"version": MODEL_VERSION, "C": args.C, "fields": {}}
    print("| field | docs | held-out top-1 hand | held-out top-1 learned | reachable |")
    print("|---|---|---|---|---|")
    for field in FIELDS:
        recs = [r for r in records if r["field"] == field]
        names = sorted({k for r in recs for f in r["features"] for k in f})
        if len(recs) < 10 or not names:
            continue
        docs = sorted({r["doc"] for r in recs})
        groups = np.array([docs.index(r["doc"]) for r in recs])
        hand_acc, learned_acc, n = 0.0, 0.0, 0
        for train_idx, test_idx in GroupKFold(n_splits=5).split(np.zeros(len(recs)), groups=groups):
            train = [recs[i] for i in train_idx]
            test = [recs[i] for i in test_idx]
            clf = fit(train, names, args.C)
            hand_acc += top1(test, lambda f, field=field: hand_score(field, f)) * len(test)
            if clf is not None:
                weights = dict(zip(names, clf.coef_[0], strict=True))
                bias = clf.intercept_[0]
                learned_acc += top1(
                    test, lambda f, w=weights, b=bias: b + sum(c * f.get(nm, 0.0) for nm, c in w.items())
                ) * len(test)
            n += len(test)
        reachable = sum(any(r["right"]) for r in recs) / len(recs)
        print(f"| {field} | {len(recs)} | {hand_acc / n:.3f} | {learned_acc / n:.3f} | {reachable:.3f} |")
        clf = fit(recs, names, args.C)
        if clf is not None and learned_acc > hand_acc:
            model["fields"][field] = {
                "intercept": round(float(clf.intercept_[0]), 5),
                "coef": {nm: round(float(c), 5) for nm, c in zip(names, clf.coef_[0], strict=True)},
                "cv_top1": {"hand": round(hand_acc / n, 4), "learned": round(learned_acc / n, 4)},
                "documents": len(recs),
            }
    print(f"\nfields where the learned model beats hand weights on held-out folds: {sorted(model['fields'])}")
    if args.write:
        MODEL_PATH.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n")
        load_model.cache_clear()
        model["calibration"] = calibrate(OcrConfig(workers=1, psm=EXTRACTION_PSM))
        MODEL_PATH.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n")
        load_model.cache_clear()
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
