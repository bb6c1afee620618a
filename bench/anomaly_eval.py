"""Anomaly detection and validation cost on a synthetic ledger (see `anomaly_ledger.py`, fixed seed).

    .venv/bin/python bench/anomaly_eval.py [--seed 7] [--batch 100]

The ledger is replayed in arrival order in batches of `--batch`: each batch is validated with the GX
suites (timed: the cost per document), then scored against everything before it, with a model refitted
on that history (rules only while the history is shorter than `min_history`). Printed: precision and
recall per rule kind on the injected cases; for the learned outliers, recall on the injected 5x-20x
amounts and precision counting (a) only those, (b) also other injected documents whose amount is 5x
from the vendor's median for another reason (near-threshold, split parts); and the validation cost.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from anomaly_ledger import TODAY, build_ledger

from ocr_tasks.anomaly import AnomalySettings, fit_model, score_anomalies
from ocr_tasks.anomaly.kinds import OUTLIER, RULE_KINDS
from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.invoice_types import FieldValue, Invoice, LineItem

FIELDS = (
    "vendor_name",
    "invoice_number",
    "invoice_date",
    "due_date",
    "total",
    "subtotal",
    "tax_amount",
    "tax_rate",
    "currency",
    "iban",
)


def to_invoice(record: InvoiceRecord) -> Invoice:
    """The extracted invoice the record stands for (line items sum to the subtotal)."""
    fields = {
        n: FieldValue(n, getattr(record, n), getattr(record, n), 0.95) for n in FIELDS if getattr(record, n)
    }
    count = max(1, record.line_item_count)
    cents = round(float(record.subtotal) * 100)
    amounts = [cents // count + (1 if i < cents % count else 0) for i in range(count)]
    items = tuple(
        LineItem(
            {
                c: FieldValue(c, v, v, 0.95)
                for c, v in (
                    ("description", f"item {i}"),
                    ("quantity", "1"),
                    ("unit_price", f"{a / 100:.2f}"),
                    ("amount", f"{a / 100:.2f}"),
                )
            }
        )
        for i, a in enumerate(amounts)
    )
    return Invoice(fields=fields, line_items=items)


def _row(cells, widths) -> str:
    return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=False)) + " |"


def print_table(header: list[str], rows: list[list]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    print(_row(header, widths))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(_row(row, widths))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    from expectations.runner import validate_batch
    from expectations.settings import ValidationSettings

    ledger = build_ledger(seed=args.seed)
    settings = AnomalySettings(today=TODAY)
    vsettings = ValidationSettings(today=TODAY)
    flagged: dict[str, set[str]] = {}
    validation_seconds: list[float] = []
    fit_seconds: list[float] = []
    score_seconds: list[float] = []
    records = ledger.records
    for start in range(0, len(records), args.batch):
        batch, history = records[start : start + args.batch], records[:start]
        started = time.perf_counter()
        validation = validate_batch({r.document_id: to_invoice(r) for r in batch}, settings=vsettings)
        validation_seconds.append(time.perf_counter() - started)
        started = time.perf_counter()
        model = fit_model(history, settings=settings)
        fit_seconds.append(time.perf_counter() - started)
        started = time.perf_counter()
        found = score_anomalies(batch, history, validation=validation, settings=settings, model=model)
        score_seconds.append(time.perf_counter() - started)
        for doc_id, anomalies in found.items():
            flagged[doc_id] = {a.kind for a in anomalies}

    truth = ledger.truth
    print(
        f"ledger: {len(records)} invoices, {len(ledger.vendor_median)} vendors, seed {args.seed}, "
        f"{sum(1 for t in truth.values() if t - {'new_vendor'})} injected anomalies "
        f"(+ {sum(1 for t in truth.values() if 'new_vendor' in t)} first invoices of a vendor)\n"
    )
    rows = []
    for kind in RULE_KINDS:
        expected = {d for d, kinds in truth.items() if kind in kinds}
        got = {d for d, kinds in flagged.items() if kind in kinds}
        hit = expected & got
        rows.append(
            [
                kind,
                len(expected),
                len(got),
                len(hit),
                f"{len(hit) / len(got):.3f}" if got else "-",
                f"{len(hit) / len(expected):.3f}" if expected else "-",
            ]
        )
    print("Rules (precision and recall on the injected cases)")
    print_table(["kind", "injected", "flagged", "correct", "precision", "recall"], rows)

    injected = {d for d, kinds in truth.items() if OUTLIER in kinds}
    got = {d for d, kinds in flagged.items() if OUTLIER in kinds}
    lenient = injected | ledger.collateral
    print(
        "\nLearned outliers (IsolationForest + per-vendor robust z;"
        " injected totals 5x-20x the vendor's median)"
    )
    print_table(
        [
            "injected",
            "flagged",
            "recall",
            "precision (injected only)",
            "precision (any 5x amount)",
            "other flagged",
        ],
        [
            [
                len(injected),
                len(got),
                f"{len(injected & got) / len(injected):.3f}",
                f"{len(injected & got) / len(got):.3f}" if got else "-",
                f"{len(lenient & got) / len(got):.3f}" if got else "-",
                ", ".join(sorted(got - lenient)) or "-",
            ]
        ],
    )
    misses = Counter(k for d, kinds in truth.items() for k in kinds if k not in flagged.get(d, set()))
    if misses:
        print("\nmissed:", dict(misses))
    per_doc = [s * 1000 / args.batch for s in validation_seconds]
    later = per_doc[1:]
    print(f"\nValidation cost (batches of {args.batch}, GX suites invoice_fields + line_items)")
    print_table(
        [
            "first batch (s, incl. GX import)",
            "later batches mean (s)",
            "ms/document amortised (later)",
            "ms/document worst later batch",
        ],
        [
            [
                f"{validation_seconds[0]:.2f}",
                f"{sum(validation_seconds[1:]) / len(later):.3f}",
                f"{sum(later) / len(later):.2f}",
                f"{max(later):.2f}",
            ]
        ],
    )
    print(
        f"\nAnomaly scoring: fit {sum(fit_seconds):.1f} s over {len(fit_seconds)} refits "
        f"(last {fit_seconds[-1]:.2f} s on {len(records) - args.batch} invoices); "
        f"scoring {sum(score_seconds) * 1000 / len(records):.2f} ms/document"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
