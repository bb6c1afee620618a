"""Re-checking one reviewed document at once, for a reviewer's correction or approval: the pipeline's
own validate and score steps (their task functions called directly, so the results are the same as a
flow run's), without a flow run, so that a correction is answered within its request."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from flows import tasks
from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.invoice_types import Invoice
from ocr_tasks.result_types import Anomaly, ValidationReport


@dataclass(frozen=True, slots=True)
class Checks:
    """What the suites and the anomaly rules say about one document's current values."""

    validation: tuple[ValidationReport, ...]
    anomalies: tuple[Anomaly, ...]


def recheck_document(
    invoice: Invoice,
    record: InvoiceRecord,
    prior: Sequence[InvoiceRecord],
    *,
    model_blob: bytes | None,
    project_settings: Mapping[str, Any] | None,
) -> Checks:
    """Validate `invoice` (the document's current values) with the project's suites and custom
    expectations, then score `record` against the invoices received before it (`prior`)."""
    settings = tasks.settings_of(project_settings)
    doc_id = record.document_id
    validation = tasks.validate.fn({doc_id: invoice}, settings.custom_expectations, settings)
    anomalies = tasks.score.fn([record], prior, validation, model_blob, settings)
    return Checks(validation=tuple(validation.get(doc_id, ())), anomalies=tuple(anomalies.get(doc_id, ())))
