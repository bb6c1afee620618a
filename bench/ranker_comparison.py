"""Hand weights vs a logistic model vs gradient-boosted trees (HistGradientBoosting, which captures
feature interactions) as the candidate ranker, trained on synthetic invoices and the real corpus sets.

Usage:
    .venv/bin/python bench/synthetic_invoices.py --out /tmp/synth-rank --per-family 2 --seed 11
    .venv/bin/python bench/ranker_comparison.py --synthetic /tmp/synth-rank

Data: every candidate of every labelled document, labelled right/wrong with extraction_accuracy's rules:
the synthetic set through its text layer, einvoice-dev and invoice2data-dev through their text layers,
SROIE through OCR (cached). Metric: top-1 accuracy per field, the share of documents whose best-scored
candidate is right (before cross-field choices), on documents the model did not see:
- `synthetic held-out families`: trained on the synthetic TRAIN_FAMILIES (plus all real documents),
  scored on the HELD_OUT families (layouts the model never saw);
- `real documents`: 5-fold cross-validation grouped by document over the real sets (plus all synthetic
  documents in every training fold).
Nothing is written: the product keeps its hand weights unless a model wins here on the real documents.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from extraction_accuracy import is_right
from extraction_corpus import cached_ocr, load_set
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from synthetic import HELD_OUT

from ocr_tasks.config import EXTRACTION_PSM, OcrConfig
from ocr_tasks.extraction.extract import candidates_for
from ocr_tasks.extraction.scoring import HAND_WEIGHTS

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
FIELDS = ("total", "subtotal", "tax_amount", "amount_due", "invoice_date", "due_date", "invoice_number")


def _records(source: str, docs, config: OcrConfig, *, family_of=lambda d: "") -> list[dict]:
    out = []
    for doc in docs:
        document, _ = cached_ocr(doc.path, config)
        candidates = candidates_for(document)
        for field in FIELDS:
            if field not in doc.truth:
                continue
            cands = [c for c in candidates if c.field == field]
            out.append(
                {
                    "source": source,
                    "doc": f"{source}/{doc.id}",
                    "family": family_of(doc),
                    "field": field,
                    "features": [c.features for c in cands],
                    "right": [is_right(field, c.value, doc.truth[field]) for c in cands],
                }
            )
    return out


def collect(synthetic: Path, config: OcrConfig) -> list[dict]:
    records = _records("synthetic", load_set(synthetic), config, family_of=lambda d: d.id.rsplit("-", 2)[0])
    records += _records("einvoice", load_set(CORPUS / "einvoice-dev"), config)
    records += _records("invoice2data", load_set(CORPUS / "invoice2data-dev"), config)
    records += _records("sroie", load_set(CORPUS / "sroie-sample"), config)
    return records


def _matrix(records: list[dict], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    xs = [[f.get(n, 0.0) for n in names] for r in records for f in r["features"]]
    ys = [int(y) for r in records for y in r["right"]]
    return np.array(xs, dtype=float).reshape(-1, len(names)), np.array(ys, dtype=int)


def _top1(records: list[dict], score) -> float:
    scored = [r for r in records if r["features"]]
    if not scored:
        return float("nan")
    right = 0
    for r in scored:
        values = score(r)
        right += r["right"][int(np.argmax(values))]
    return right / len(records)


def _hand(field: str):
    bias, weights = HAND_WEIGHTS[field]
    return lambda r: [bias + sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in r["features"]]


def _model(kind: str, train: list[dict], names: list[str]):
    x, y = _matrix(train, names)
    if len(set(y.tolist())) < 2:
        return None
    if kind == "logistic":
        model = LogisticRegression(C=0.5, max_iter=5000).fit(x, y)
    else:
        model = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.1, random_state=0).fit(x, y)
    return lambda r: model.predict_proba(np.array([[f.get(n, 0.0) for n in names] for f in r["features"]]))[
        :, 1
    ]


def _compare(train: list[dict], test: list[dict], field: str) -> dict[str, float]:
    names = sorted({k for r in train + test for f in r["features"] for k in f})
    out = {"hand": _top1(test, _hand(field))}
    for kind in ("logistic", "hgb"):
        scorer = _model(kind, train, names)
        out[kind] = _top1(test, scorer) if scorer else float("nan")
    return out


def _cross_validated(real: list[dict], synthetic: list[dict], field: str) -> dict[str, float]:
    docs = sorted({r["doc"] for r in real})
    groups = np.array([docs.index(r["doc"]) for r in real])
    totals = {"hand": 0.0, "logistic": 0.0, "hgb": 0.0}
    for train_idx, test_idx in GroupKFold(n_splits=5).split(real, groups=groups):
        test = [real[i] for i in test_idx]
        result = _compare([real[i] for i in train_idx] + synthetic, test, field)
        for k in totals:
            totals[k] += result[k] * len(test)
    return {k: v / len(real) for k, v in totals.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", type=Path, required=True, help="a synthetic_invoices.py output folder")
    args = parser.parse_args(argv)
    records = collect(args.synthetic, OcrConfig(workers=1, psm=EXTRACTION_PSM))
    print("| field | split | n | hand | logistic | hgb |\n|---|---|---|---|---|---|")
    for field in FIELDS:
        mine = [r for r in records if r["field"] == field]
        synthetic = [r for r in mine if r["source"] == "synthetic"]
        real = [r for r in mine if r["source"] != "synthetic"]
        held = [r for r in synthetic if r["family"] in HELD_OUT]
        seen = [r for r in synthetic if r["family"] not in HELD_OUT]
        if held:
            res = _compare(seen + real, held, field)
            print(
                f"| {field} | synthetic held-out families | {len(held)} | "
                + " | ".join(f"{res[k]:.2f}" for k in ("hand", "logistic", "hgb"))
                + " |"
            )
        if len(real) >= 10:
            res = _cross_validated(real, synthetic, field)
            print(
                f"| {field} | real documents (5-fold) | {len(real)} | "
                + " | ".join(f"{res[k]:.2f}" for k in ("hand", "logistic", "hgb"))
                + " |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
