"""Settings of anomaly scoring: one frozen object passed in (never read from the environment)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class AnomalySettings:
    """Thresholds of the rules and the learned detector.

    approval_threshold: invoices at or above it need approval; `near_threshold_fraction` below it is
    "just under". split_window_days: invoices of one vendor inside this window that each stay under the
    threshold (and are each at least `split_min_part_fraction` of it) but together reach it are a split.
    duplicate_window_days: how far apart in date a fuzzy duplicate may be. round_amount_unit /
    round_amount_min: a total that is a whole multiple of the unit and at least the minimum is "round".
    new_vendor_min_history: a project needs this many past invoices before "new vendor" means anything.
    min_history: fewer past invoices than this and no model is fitted (rules only).
    min_vendor_history: the learned detector scores a document only when its vendor has this many past
    invoices. z_threshold: robust (modified) z-score from which a feature is "unusual";
    min_amount_ratio: a total is an outlier for its vendor only if it is also at least this many times
    above (or below) the vendor's median, so that tight-priced vendors do not flag 2x invoices.
    contamination: the IsolationForest's expected share of outliers. today: reference date (None: the
    real today).
    """

    approval_threshold: float = 10_000.0
    near_threshold_fraction: float = 0.05
    split_window_days: int = 7
    split_min_part_fraction: float = 0.25
    duplicate_window_days: int = 30
    round_amount_unit: float = 100.0
    round_amount_min: float = 500.0
    amount_tolerance: float = 0.01
    new_vendor_min_history: int = 20
    min_history: int = 100
    min_vendor_history: int = 5
    z_threshold: float = 3.5
    min_amount_ratio: float = 3.0
    contamination: float = 0.02
    n_estimators: int = 200
    random_state: int = 42
    today: date | None = None

    def reference_date(self) -> date:
        return self.today or date.today()


DEFAULT_SETTINGS = AnomalySettings()
