"""The learned detector: an IsolationForest over the features of a project's history, plus a per-vendor
robust z-score of the total. scikit-learn is imported inside `fit_model` and `from_bytes` only.

An invoice is reported as an `outlier` when its total's robust z-score against the vendor's other
invoices reaches `z_threshold` and the total is at least `min_amount_ratio` times off the vendor's
median; or when the forest isolates it (beyond the `contamination` cut) and at least one of the
`NAMED_FEATURES` is `z_threshold` robust z-scores from the history's median; or when such a feature is
twice that far out (an IsolationForest cannot extrapolate: a value far beyond the training range scores
no higher than the most extreme training point). The explanation names the features and their z-scores.
"""

from __future__ import annotations

import hashlib
import math
import pickle
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ocr_tasks.anomaly.features import (
    FEATURES,
    LABELS,
    MIN_SCALES,
    NAMED_FEATURES,
    features_of,
    robust_center_scale,
    vendor_amount_z,
)
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
    hash of the training data and settings. Persist with `to_bytes()`; the bytes are a pickle: store them
    where only the server writes, or signed (the Django port signs them with the secret key and refuses
    a blob whose signature fails), never from users."""

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
    def from_bytes(cls, data: bytes) -> AnomalyModel:
        if not data.startswith(_MAGIC):
            raise AnomalyModelError("The stored anomaly model is not in a known format; refit it.")
        import sklearn.ensemble  # noqa: F401  (the forest's classes must be importable)

        try:
            payload = pickle.loads(data[len(_MAGIC) :])
        except Exception as exc:
            raise AnomalyModelError(f"The stored anomaly model cannot be read ({exc}); refit it.") from exc
        if payload.get("format") != FORMAT:
            raise AnomalyModelError(
                f"The stored anomaly model has format {payload.get('format')!r}, "
                f"expected {FORMAT!r}; refit it."
            )
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
            for name, center, scale in zip(FEATURES, self.centers, self.scales, strict=True)
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

    stats = [robust_center_scale([row[name] for row in rows], floor=MIN_SCALES[name]) for name in FEATURES]
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


@dataclass(frozen=True, slots=True)
class Candidate:
    """An invoice to score with the model: its features and vendor z-score, taken against the vendor's
    invoices known when it arrived."""

    entry: Entry
    values: dict[str, float]
    vendor_z: float
    vendor_median: float


def candidate(entry: Entry, others: Sequence[Entry], settings: AnomalySettings) -> Candidate | None:
    """None when the vendor has fewer than `min_vendor_history` earlier invoices or the total is missing."""
    if len(others) < settings.min_vendor_history:
        return None
    values = features_of(entry, others)
    if values is None:
        return None
    vendor_z, vendor_median = vendor_amount_z(entry, others)
    return Candidate(entry, values, vendor_z, vendor_median)


def _explain(model: AnomalyModel, item: Candidate, ranked: list[tuple[str, float]]) -> str:
    parts = []
    for name, z in ranked:
        if name == "total_vs_vendor_median":
            parts.append(
                f"total {item.entry.total:,.2f} is {item.entry.total / item.vendor_median:.1f}x the vendor's "
                f"median {item.vendor_median:,.2f} (robust z {z:+.1f})"
            )
        else:
            center = model.centers[FEATURES.index(name)]
            parts.append(f"{_describe(name, item.values[name], center)} (robust z {z:+.1f})")
    return "Unusual for this project: " + "; ".join(parts) + "."


def learned_anomalies(
    model: AnomalyModel, candidates: Sequence[Candidate], settings: AnomalySettings
) -> list[Anomaly]:
    """The `outlier` anomalies among `candidates` (the forest scores them in one call)."""
    if not candidates:
        return []
    matrix = [model.standardise(item.values) for item in candidates]
    isolation = [float(-s) for s in model.forest.score_samples(matrix)]
    found = []
    for item, z_values, score in zip(candidates, matrix, isolation, strict=True):
        # A forest cannot score a value beyond its training range above the most extreme training point,
        # so a feature twice the z threshold out is reported even under the forest's cut.
        bar = settings.z_threshold if score > model.threshold else 2 * settings.z_threshold
        unusual = {
            n: z for n, z in zip(FEATURES, z_values, strict=True) if n in NAMED_FEATURES and abs(z) >= bar
        }
        ratio = item.entry.total / item.vendor_median if item.vendor_median > 0 else math.nan
        if abs(item.vendor_z) >= settings.z_threshold and max(ratio, 1 / ratio) >= settings.min_amount_ratio:
            unusual["total_vs_vendor_median"] = item.vendor_z
        if not unusual:
            continue
        ranked = sorted(unusual.items(), key=lambda pair: -abs(pair[1]))
        found.append(
            Anomaly(
                document_id=item.entry.document_id,
                kind=OUTLIER,
                severity=WARNING,
                score=min(1.0, max(score, abs(ranked[0][1]) / (2 * settings.z_threshold))),
                explanation=_explain(model, item, ranked),
                evidence={
                    "features": {name: round(z, 2) for name, z in ranked},
                    "isolation_score": round(score, 4),
                    "isolation_threshold": round(model.threshold, 4),
                    "model_version": model.version,
                },
            )
        )
    return found
