"""Field confidences as probabilities: the engine's final confidence of each field mapped through a
per-field isotonic calibration (`confidence_calibration.json`), fitted on held-out folds of the
labelled corpus sets by `bench/confidence_calibration.py`. After it, a field's confidence is the
measured share of right values among fields the engine gave that raw confidence, so a project's
approval threshold (e.g. 0.9) means "at most one in ten such values wrong".

A field without a table (too few labelled examples) keeps its confidence. Data, not code: refit with
the bench script when extraction changes."""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import replace
from functools import cache
from pathlib import Path

from ocr_tasks.invoice_types import Invoice

CALIBRATION_PATH = Path(__file__).with_name("confidence_calibration.json")


@cache
def load_tables(path: Path = CALIBRATION_PATH) -> dict[str, tuple[tuple[float, ...], tuple[float, ...]]]:
    """`{field: (raw confidences ascending, probabilities)}`; empty when the file is missing."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        name: (tuple(float(x) for x in table["x"]), tuple(float(y) for y in table["y"]))
        for name, table in data.get("fields", {}).items()
        if table.get("x") and len(table["x"]) == len(table.get("y", ()))
    }


def probability(field: str, confidence: float) -> float:
    """The calibrated probability of a raw `confidence` of `field` (linear between breakpoints, flat
    beyond the ends); the raw value when the field has no table."""
    table = load_tables().get(field)
    if table is None:
        return confidence
    xs, ys = table
    if confidence <= xs[0]:
        return ys[0]
    if confidence >= xs[-1]:
        return ys[-1]
    i = bisect_right(xs, confidence)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (confidence - x0) / (x1 - x0)


def calibrate_confidences(invoice: Invoice) -> Invoice:
    """The invoice with every field's confidence replaced by its calibrated probability, but those a
    payment QR code gave or confirmed (`Invoice.payment_code`): their confidence is the code's weighing
    (`extraction.payment_evidence`), which the page's tables know nothing of."""
    if not load_tables():
        return invoice
    by_code = {
        name
        for name, outcome in ((invoice.payment_code or {}).get("fields") or {}).items()
        if outcome != "page_over_code"
    }
    fields = {
        name: f if name in by_code else replace(f, confidence=round(probability(name, f.confidence), 4))
        for name, f in invoice.fields.items()
    }
    return replace(invoice, fields=fields)
