"""The kinds of anomaly, their default severity and score (a stable vocabulary for API and dashboard)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ocr_tasks.result_types import ERROR, INFO, WARNING, Anomaly

if TYPE_CHECKING:
    from ocr_tasks.anomaly.ledger import Entry

EXACT_DUPLICATE = "exact_duplicate"
DUPLICATE_INVOICE = "duplicate_invoice"
FUZZY_DUPLICATE = "fuzzy_duplicate"
ARITHMETIC_MISMATCH = "arithmetic_mismatch"
FUTURE_DATE = "future_date"
WEEKEND_DATE = "weekend_date"
ROUND_AMOUNT = "round_amount"
NEAR_APPROVAL_THRESHOLD = "near_approval_threshold"
SPLIT_INVOICE = "split_invoice"
NEW_VENDOR = "new_vendor"
IBAN_CHANGED = "iban_changed"
OUTLIER = "outlier"
RULES_ONLY = "rules_only"  # info: no learned model (too little history); score 0
EINVOICE_MISMATCH = "einvoice_mismatch"  # an e-invoice's page shows another total/date/number/IBAN/VAT id

RULE_KINDS: tuple[str, ...] = (
    EXACT_DUPLICATE,
    DUPLICATE_INVOICE,
    FUZZY_DUPLICATE,
    ARITHMETIC_MISMATCH,
    FUTURE_DATE,
    WEEKEND_DATE,
    ROUND_AMOUNT,
    NEAR_APPROVAL_THRESHOLD,
    SPLIT_INVOICE,
    NEW_VENDOR,
    IBAN_CHANGED,
    EINVOICE_MISMATCH,
)
DUPLICATE_KINDS = frozenset({EXACT_DUPLICATE, DUPLICATE_INVOICE, FUZZY_DUPLICATE})

# kind -> (severity, score)
DEFAULTS: dict[str, tuple[str, float]] = {
    EXACT_DUPLICATE: (ERROR, 1.0),
    DUPLICATE_INVOICE: (ERROR, 0.9),
    FUZZY_DUPLICATE: (WARNING, 0.75),
    ARITHMETIC_MISMATCH: (WARNING, 0.6),
    FUTURE_DATE: (WARNING, 0.6),
    WEEKEND_DATE: (INFO, 0.2),
    ROUND_AMOUNT: (INFO, 0.3),
    NEAR_APPROVAL_THRESHOLD: (WARNING, 0.5),
    SPLIT_INVOICE: (WARNING, 0.7),
    NEW_VENDOR: (INFO, 0.3),
    IBAN_CHANGED: (ERROR, 0.9),
    EINVOICE_MISMATCH: (ERROR, 0.9),
    RULES_ONLY: (INFO, 0.0),
}


def anomaly_of(
    kind: str, entry: Entry, explanation: str, evidence: dict, related: Sequence[str] = ()
) -> Anomaly:
    """An anomaly of `kind` about `entry`'s document, with the kind's default severity and score."""
    severity, score = DEFAULTS[kind]
    return Anomaly(
        document_id=entry.document_id,
        kind=kind,
        severity=severity,
        score=score,
        explanation=explanation,
        evidence=evidence,
        related_document_ids=tuple(related),
    )
