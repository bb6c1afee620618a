"""`score_anomalies`: the rules and the learned detector over one batch, against the project's history.

Documents are scored in batch order; each is compared with the history and with the batch documents
before it, so two copies uploaded together are duplicates (the later copy is flagged, naming the
earlier one). Without a model (history shorter than `min_history`) each document gets one `rules_only`
anomaly of severity `info` and score 0 saying so; no other anomaly kind has score 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ocr_tasks.anomaly import rules
from ocr_tasks.anomaly.duplicates import duplicate_anomaly
from ocr_tasks.anomaly.kinds import DUPLICATE_KINDS, RULES_ONLY, anomaly_of
from ocr_tasks.anomaly.ledger import Entry, Ledger
from ocr_tasks.anomaly.model import AnomalyModel, Candidate, candidate, fit_model, learned_anomalies
from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.anomaly.settings import DEFAULT_SETTINGS, AnomalySettings
from ocr_tasks.result_types import Anomaly, ValidationReport


def _rules_only(entry: Entry, history_size: int, settings: AnomalySettings) -> Anomaly:
    return anomaly_of(
        RULES_ONLY,
        entry,
        f"Only the rules ran: the project has {history_size} past invoices and the learned "
        f"detector needs at least {settings.min_history}.",
        {"history_size": history_size, "min_history": settings.min_history},
    )


def score_document(
    entry: Entry,
    prior: Ledger,
    *,
    reports: Sequence[ValidationReport] | None,
    settings: AnomalySettings,
) -> list[Anomaly]:
    """Every rule anomaly of one document against the prior invoices."""
    duplicate = duplicate_anomaly(entry, prior, settings)
    found = [
        duplicate,
        rules.arithmetic_mismatch(entry, reports, settings),
        rules.future_date(entry, settings),
        rules.weekend_date(entry),
        rules.round_amount(entry, settings),
        rules.near_approval_threshold(entry, settings),
        rules.split_invoice(entry, prior, settings),
        rules.new_vendor(entry, prior, settings),
        rules.iban_changed(entry, prior),
        rules.einvoice_mismatch(entry),
    ]
    return [a for a in found if a is not None]


def score_anomalies(
    batch: Sequence[InvoiceRecord],
    history: Sequence[InvoiceRecord],
    *,
    validation: Mapping[str, Sequence[ValidationReport]] | None = None,
    settings: AnomalySettings | None = None,
    model: AnomalyModel | None = None,
) -> dict[str, tuple[Anomaly, ...]]:
    """Anomalies of each batch document, keyed by document id (every batch document has a key).

    `validation` (document id -> reports) feeds the arithmetic rule; without it the rule recomputes
    subtotal + tax = total from the record. Without `model` one is fitted on `history` when it is long
    enough, else the rules run alone and each document carries a `rules_only` info anomaly."""
    settings = settings or DEFAULT_SETTINGS
    batch_ids = {record.document_id for record in batch}
    past = [record for record in history if record.document_id not in batch_ids]
    if model is None:
        model = fit_model(past, settings=settings)
    prior = Ledger.of(past)
    found: dict[str, list[Anomaly]] = {}
    candidates: list[Candidate] = []
    for record in batch:
        entry = Entry.of(record)
        reports = validation.get(record.document_id) if validation is not None else None
        found[record.document_id] = score_document(entry, prior, reports=reports, settings=settings)
        if model is None:
            found[record.document_id].append(_rules_only(entry, len(past), settings))
        elif not any(a.kind in DUPLICATE_KINDS for a in found[record.document_id]):
            # a duplicate's oddity (zero days since the previous invoice) is explained by the duplicate
            item = candidate(entry, prior.vendor_entries(entry.vendor), settings)
            if item is not None:
                candidates.append(item)
        prior.add(entry)
    if model is not None:
        for anomaly in learned_anomalies(model, candidates, settings):
            found[anomaly.document_id].append(anomaly)
    return {doc_id: tuple(sorted(items, key=lambda a: -a.score)) for doc_id, items in found.items()}
