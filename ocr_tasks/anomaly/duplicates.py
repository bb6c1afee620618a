"""Duplicate rules: the same file, the same invoice, or the same invoice read differently by OCR.

A document gets at most one duplicate anomaly, the strongest that applies: exact duplicate (same
sha256) > duplicate invoice (same vendor and normalised invoice number) > fuzzy duplicate (same vendor
and total, dates within `duplicate_window_days`, invoice numbers equal once punctuation and OCR
look-alikes such as O/0, l/1, S/5, B/8 are folded).
"""

from __future__ import annotations

from ocr_tasks.anomaly.kinds import DUPLICATE_INVOICE, EXACT_DUPLICATE, FUZZY_DUPLICATE, anomaly_of
from ocr_tasks.anomaly.ledger import Entry, Ledger
from ocr_tasks.anomaly.settings import AnomalySettings
from ocr_tasks.result_types import Anomaly


def _document_ids(others: list[Entry]) -> tuple[str, ...]:
    """The other documents' ids, each once, in order."""
    return tuple(dict.fromkeys(o.document_id for o in others))


def exact_duplicate(entry: Entry, prior: Ledger) -> Anomaly | None:
    others = [o for o in prior.by_sha.get(entry.record.sha256, []) if o.document_id != entry.document_id]
    if not entry.record.sha256 or not others:
        return None
    return anomaly_of(
        EXACT_DUPLICATE,
        entry,
        f"The same file (sha256 {entry.record.sha256[:12]}...) was already uploaded as "
        f"{', '.join(o.document_id for o in others[:3])}.",
        {"sha256": entry.record.sha256},
        _document_ids(others),
    )


def duplicate_invoice(entry: Entry, prior: Ledger) -> Anomaly | None:
    if not entry.vendor or not entry.number:
        return None
    others = [
        o for o in prior.by_number.get((entry.vendor, entry.number), []) if o.document_id != entry.document_id
    ]
    if not others:
        return None
    return anomaly_of(
        DUPLICATE_INVOICE,
        entry,
        f"Invoice number {entry.record.invoice_number!r} from {entry.record.vendor_name!r} was already "
        f"received as {', '.join(o.document_id for o in others[:3])}.",
        {"vendor": entry.vendor, "invoice_number": entry.number},
        _document_ids(others),
    )


def fuzzy_duplicate(entry: Entry, prior: Ledger, settings: AnomalySettings) -> Anomaly | None:
    if not entry.vendor or not entry.confusable or entry.total is None:
        return None
    others = [
        o
        for o in prior.vendor_entries(entry.vendor)
        if o.document_id != entry.document_id
        and o.confusable == entry.confusable
        and o.number != entry.number
        and o.total is not None
        and abs(o.total - entry.total) <= settings.amount_tolerance
        and (
            entry.day is None
            or o.day is None
            or abs((entry.day - o.day).days) <= settings.duplicate_window_days
        )
    ]
    if not others:
        return None
    first = others[0]
    return anomaly_of(
        FUZZY_DUPLICATE,
        entry,
        f"Invoice number {entry.record.invoice_number!r} differs from {first.record.invoice_number!r} "
        f"({first.document_id}) only by punctuation or OCR look-alikes, with the same vendor and total "
        f"{entry.record.total}"
        + (f" and dates {abs((entry.day - first.day).days)} days apart." if entry.day and first.day else "."),
        {
            "invoice_number": entry.record.invoice_number,
            "similar_invoice_number": first.record.invoice_number,
            "total": entry.record.total,
        },
        _document_ids(others),
    )


def duplicate_anomaly(entry: Entry, prior: Ledger, settings: AnomalySettings) -> Anomaly | None:
    """The strongest duplicate finding for `entry` against `prior`, or None."""
    return (
        exact_duplicate(entry, prior)
        or duplicate_invoice(entry, prior)
        or fuzzy_duplicate(entry, prior, settings)
    )
