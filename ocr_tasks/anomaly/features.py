"""Features of one invoice for the learned detector, computed against the other invoices of its vendor.

`log_total` (log10 of the total), `total_vs_vendor_median` (log10 ratio to the vendor's median total),
`vendor_invoice_count` (log1p of the vendor's invoices including this one), `days_since_vendor_previous`
(log1p of the days since the vendor's previous invoice), `weekday` (0 = Monday), `line_item_count` and
`tax_rate` (percent; from the record or tax / subtotal). Missing values are NaN (imputed by the model).
Pure numpy/statistics; no scikit-learn here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import median

from ocr_tasks.anomaly.keys import amount
from ocr_tasks.anomaly.ledger import Entry

FEATURES: tuple[str, ...] = (
    "log_total",
    "total_vs_vendor_median",
    "vendor_invoice_count",
    "days_since_vendor_previous",
    "weekday",
    "line_item_count",
    "tax_rate",
)
LABELS = {
    "log_total": "total",
    "total_vs_vendor_median": "total compared with the vendor's median",
    "vendor_invoice_count": "number of invoices from the vendor",
    "days_since_vendor_previous": "days since the vendor's previous invoice",
    "weekday": "weekday",
    "line_item_count": "number of line items",
    "tax_rate": "tax rate",
}
# The smallest spread each feature is standardised with, in its own unit, so that a history where a
# feature barely varies (every invoice has 2 items) does not turn any change into a huge z-score.
MIN_SCALES: dict[str, float] = {
    "log_total": 0.1,
    "total_vs_vendor_median": 0.1,
    "vendor_invoice_count": 0.25,
    "days_since_vendor_previous": 0.25,
    "weekday": 1.0,
    "line_item_count": 1.0,
    "tax_rate": 1.0,
}
# Features the forest's findings may be explained by. The amount is judged by the vendor z-score; the
# global total, the vendor's invoice count and the days since its previous invoice only help the forest
# (a short gap is the duplicate and split rules' business, and same-day invoices are common).
NAMED_FEATURES: tuple[str, ...] = ("weekday", "line_item_count", "tax_rate")
MIN_LOG_SCALE = 0.1  # log10 (~26 %): a vendor whose totals never vary does not make every change an outlier


def robust_center_scale(values: Sequence[float], floor: float = 1e-6) -> tuple[float, float]:
    """Median and a robust spread (1.4826 x MAD, else 1.2533 x mean absolute deviation, else `floor`)."""
    clean = [v for v in values if not math.isnan(v)]
    if not clean:
        return math.nan, floor
    center = median(clean)
    deviations = [abs(v - center) for v in clean]
    scale = 1.4826 * median(deviations)
    if scale <= floor:
        scale = 1.2533 * sum(deviations) / len(deviations)
    return center, max(scale, floor)


def tax_rate(entry: Entry) -> float:
    rate = amount(entry.record.tax_rate)
    if rate is not None:
        return rate
    tax, subtotal = amount(entry.record.tax_amount), amount(entry.record.subtotal)
    return 100.0 * tax / subtotal if tax is not None and subtotal else math.nan


def vendor_amount_z(entry: Entry, others: Sequence[Entry]) -> tuple[float, float]:
    """(robust z of log10 total against the vendor's other invoices, the vendor's median total)."""
    logs = [math.log10(o.total) for o in others if o.total and o.total > 0]
    if not logs or not entry.total or entry.total <= 0:
        return math.nan, math.nan
    center, scale = robust_center_scale(logs, MIN_LOG_SCALE)
    return (math.log10(entry.total) - center) / scale, 10**center


def features_of(entry: Entry, others: Sequence[Entry]) -> dict[str, float] | None:
    """The feature values of `entry`, `others` being the vendor's other invoices known at the time.
    None when the total is missing or not positive (nothing to learn from)."""
    if entry.total is None or entry.total <= 0:
        return None
    logs = [math.log10(o.total) for o in others if o.total and o.total > 0]
    log_total = math.log10(entry.total)
    earlier = [(entry.day - o.day).days for o in others if entry.day and o.day and o.day <= entry.day]
    return {
        "log_total": log_total,
        "total_vs_vendor_median": log_total - median(logs) if logs else math.nan,
        "vendor_invoice_count": math.log1p(len(others) + 1),
        "days_since_vendor_previous": math.log1p(min(earlier)) if earlier else math.nan,
        "weekday": float(entry.day.weekday()) if entry.day else math.nan,
        "line_item_count": float(entry.record.line_item_count or 0),
        "tax_rate": tax_rate(entry),
    }
