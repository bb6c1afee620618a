"""ocr_tasks.anomaly: anomaly detection over a project's invoices, as pure functions over plain records.

Owns the rules (duplicates, arithmetic, dates, amounts, splits, new vendors, changed IBANs), the learned
detector (IsolationForest + per-vendor robust z-score) and their settings. Public entry points:
`score_anomalies`, `fit_model`, `AnomalyModel`, `AnomalySettings`; the record type is `InvoiceRecord`.
Must not import django, prefect, streamlit, great_expectations or the project's other packages;
scikit-learn is imported only when a model is fitted or loaded.
"""

from ocr_tasks.anomaly.model import AnomalyModel, fit_model
from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.anomaly.scoring import score_anomalies
from ocr_tasks.anomaly.settings import AnomalySettings

__all__ = ["AnomalyModel", "AnomalySettings", "InvoiceRecord", "fit_model", "score_anomalies"]
