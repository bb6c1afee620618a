"""The learned detector: an IsolationForest over the features of a project's history, plus a per-vendor
robust z-score of the total. scikit-learn is imported inside `fit_model` and `from_bytes` only.

An invoice is reported as an `outlier` when its total's robust z-score against the vendor's other
invoices reaches `z_threshold`, or when the forest isolates it (beyond the `contamination` cut) and at
least one feature is that far from the history's median. The explanation names those features.
"""

from __future__ import annotations

import hashlib
import math
import pickle
from dataclasses import asdict, dataclass
from typing import Any, Sequence

from ocr_tasks.anomaly.features import FEATURES, LABELS, features_of, robust_center_scale, vendor_amount_z
from ocr_tasks.anomaly.kinds import OUTLIER
from ocr_tasks.anomaly.ledger import Entry, Ledger
from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.anomaly.settings import DEFAULT_SETTINGS, AnomalySettings
from ocr_tasks.errors import AnomalyModelError
from ocr_tasks.result_types import WARNING, Anomaly

FORMAT = "iforest-v1"
_MAGIC = b"OCRANOM1"


@dataclass(frozen=True)
class AnomalyModel:
    """A fitted detector. `version` names the format, the scikit-learn version, the training size and a
    hash of the training data and settings. Persist with `to_bytes()`; the bytes are a pickle (stored by
    the project itself, never accepted from users)."""

    forest: Any
    centers: tuple[float, ...]
    scales: tuple[float, ...]
    threshold: float  # anomaly score (0-1, -score_samples) above which the forest isolates a point
    trained_on: int
    version: str
    settings: AnomalySettings

    def to_bytes(self) -> bytes:
        payload = {
            "format": FORMAT,
            "forest": self.forest,
            "centers": self.centers,
            "scales": self.scales,
            "threshold": self.threshold,
            "trained_on": self.trained_on,
            "version": self.version,
            "settings": asdict(self.settings),
        }
        return _MAGIC + pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_bytes(cls, data: bytes) -> "AnomalyModel":
        import sklearn.ensemble  # noqa: F401  (the forest's classes must be importable)

        if not data.startswith(_MAGIC):
            raise AnomalyModelError("The stored anomaly model is not in a known format; refit it.")
        try:
            payload = pickle.loads(data[len(_MAGIC):])
        except Exception as exc:
            raise AnomalyModelError(f"The stored anomaly model cannot be read ({exc}); refit it.") from exc
        if payload.get("format") != FORMAT:
            raise AnomalyModelError(f"The stored anomaly model has format {payload.get('format')!r}, "
                                    f"expected {FORMAT!r}; refit it.")
        return cls(
            forest=payload["forest"],
            centers=tuple(payload["centers"]),
            scales=tuple(payload["scales"]),
            threshold=float(payload["threshold"]),
            trained_on=int(payload["trained_on"]),
            version=payload["version"],
            settings=AnomalySettings(**payload["settings"]),
        )

    def standardise(self, values: dict[str, float]) -> list[float]:
        """Robust z of each feature against the training history (missing values at the median: 0)."""
        return [
            0.0 if math.isnan(values[name]) else (values[name] - center) / scale
            for name, center, scale in zip(FEATURES, self.centers, self.scales)
        ]

    def isolation_score(self, z_values: list[float]) -> float:
        return float(-self.forest.score_samples([z_values])[0])


def _training_rows(history: Sequence[InvoiceRecord]) -> list[dict[str, float]]:
    ledger = Ledger.of(history)
    rows = []
    for entries in ledger.by_vendor.values():
        for entry in entries:
            others = [o for o in entries if o is not entry]
            row = features_of(entry, others)
            if row is not None:
                rows.append(row)
    return rows


def fit_model(
    history: Sequence[InvoiceRecord], *, settings: AnomalySettings | None = None
) -> AnomalyModel | None:
    """Fit the detector on a project's history; None when there are fewer than `settings.min_history`
    usable invoices (scoring then runs the rules only and says so)."""
    settings = settings or DEFAULT_SETTINGS
    rows = _training_rows(history)
    if len(rows) < settings.min_history:
        return None
    import sklearn
    from sklearn.ensemble import IsolationForest

    stats = [robust_center_scale([row[name] for row in rows], floor=0.05) for name in FEATURES]
    centers = tuple(0.0 if math.isnan(c) else c for c, _ in stats)
    scales = tuple(s for _, s in stats)
    partial = AnomalyModel(None, centers, scales, 0.0, len(rows), "", settings)
    matrix = [partial.standardise(row) for row in rows]
    forest = IsolationForest(
        n_estimators=settings.n_estimators,
        contamination=settings.contamination,
        random_state=settings.random_state,
    ).fit(matrix)
    digest = hashlib.sha256(
        repr((sorted(r.document_id for r in history), asdict(settings))).encode()
    ).hexdigest()[:12]
    version = f"{FORMAT}/sklearn-{sklearn.__version__}/n={len(rows)}/{digest}"
    return AnomalyModel(forest, centers, scales, float(-forest.offset_), len(rows), version, settings)


def _describe(name: str, value: float, center: float) -> str:
    if name == "log_total":
        return f"total {10**value:,.2f} (typical {10**center:,.2f})"
    if name in ("vendor_invoice_count", "days_since_vendor_previous"):
        return f"{LABELS[name]} {math.expm1(value):.0f} (typical {math.expm1(center):.0f})"
    if name == "total_vs_vendor_median":
        return f"{LABELS[name]} x{10**value:.2f} (typical x{10**center:.2f})"
    return f"{LABELS[name]} {value:g} (typical {center:g})"


def learned_anomaly(
    model: AnomalyModel, entry: Entry, others: Sequence[Entry], settings: AnomalySettings
) -> Anomaly | None:
    """The `outlier` anomaly of one invoice, or None. `others`: the vendor's earlier invoices."""
    if len(others) < settings.min_vendor_history:
        return None
    values = features_of(entry, others)
    if values is None:
        return None
    vendor_z, vendor_median = vendor_amount_z(entry, others)
    z_values = model.standardise(values)
    isolation = model.isolation_score(z_values)
    unusual = {
        name: z
        for name, z in zip(FEATURES, z_values)
        if abs(z) >= settings.z_threshold and name != "total_vs_vendor_median"
    }
    if not math.isnan(vendor_z) and abs(vendor_z) >= settings.z_threshold:
        unusual["total_vs_vendor_median"] = vendor_z
    by_vendor = "total_vs_vendor_median" in unusual
    if not unusual or not (by_vendor or isolation > model.threshold):
        return None
    ranked = sorted(unusual.items(), key=lambda item: -abs(item[1]))
    parts = []
    for name, z in ranked:
        if name == "total_vs_vendor_median":
            parts.append(f"total {entry.total:,.2f} is {entry.total / vendor_median:.1f}x the vendor's median "
                         f"{vendor_median:,.2f} (robust z {z:+.1f})")
        else:
            index = FEATURES.index(name)
            parts.append(f"{_describe(name, values[name], model.centers[index])} (robust z {z:+.1f})")
    strongest = abs(ranked[0][1])
    score = min(1.0, max(isolation, strongest / (2 * settings.z_threshold)))
    return Anomaly(
        document_id=entry.document_id,
        kind=OUTLIER,
        severity=WARNING,
        score=score,
        explanation="Unusual for this project: " + "; ".join(parts) + ".",
        evidence={
            "features": {name: round(z, 2) for name, z in ranked},
            "isolation_score": round(isolation, 4),
            "isolation_threshold": round(model.threshold, 4),
            "model_version": model.version,
        },
    )
