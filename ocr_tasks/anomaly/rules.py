"""Single-document rules other than duplicates: arithmetic, dates, amounts, splits, vendors, bank details.

Each rule takes the document's `Entry`, the prior `Ledger` where it needs one, and the settings, and
returns an `Anomaly` or None. None of them looks at the documents scored after the current one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from ocr_tasks.anomaly.keys import amount
from ocr_tasks.anomaly.kinds import (
    ARITHMETIC_MISMATCH,
    EINVOICE_MISMATCH,
    FUTURE_DATE,
    IBAN_CHANGED,
    NEAR_APPROVAL_THRESHOLD,
    NEW_VENDOR,
    ROUND_AMOUNT,
    SPLIT_INVOICE,
    WEEKEND_DATE,
    anomaly_of,
)
from ocr_tasks.anomaly.ledger import Entry, Ledger
from ocr_tasks.anomaly.settings import AnomalySettings
from ocr_tasks.result_types import INFO, Anomaly, ExpectationOutcome, ValidationReport

# The arithmetic checks of expectations/suites.py: a gap compared with its tolerance (this expectation
# type), on one of these sets of fields. The line-sign warning shares the line fields but is no sum: it
# is another expectation type (tests/expectations/test_suites.py keeps the two files in step).
ARITHMETIC_EXPECTATION = "expect_column_pair_values_a_to_be_greater_than_b"
ARITHMETIC_FIELD_SETS = frozenset(
    {
        frozenset({"subtotal", "tax_amount", "total"}),
        frozenset({"amount_due", "total"}),
        frozenset({"line_items.quantity", "line_items.unit_price", "line_items.amount"}),
        frozenset({"line_items.amount", "subtotal", "total"}),
    }
)
ROUNDING = 0.005
ITEMS_ONLY_SCORE = 0.3  # an arithmetic mismatch between the line items and the subtotal only


def _failed_check(outcome: ExpectationOutcome) -> str:
    """A failed check as "<description> (off by 4.00)" when its observed value carries a gap."""
    text = outcome.description.rstrip(".")
    observed = outcome.observed_value
    gaps = (
        [v for k, v in observed.items() if k.endswith("_gap") and v is not None]
        if isinstance(observed, dict)
        else []
    )
    return f"{text} (off by {gaps[0]:.2f})" if gaps else text


def arithmetic_mismatch(
    entry: Entry, reports: Sequence[ValidationReport] | None, settings: AnomalySettings
) -> Anomaly | None:
    """From the validation reports when given (failed arithmetic outcomes), else recomputed from the
    record: subtotal + tax amount = total within the tolerance."""
    if reports is not None:
        failed = [
            o
            for r in reports
            for o in r.outcomes
            if not o.success
            and o.expectation == ARITHMETIC_EXPECTATION
            and frozenset(o.fields) in ARITHMETIC_FIELD_SETS
        ]
        if not failed:
            return None
        found = anomaly_of(
            ARITHMETIC_MISMATCH,
            entry,
            "The amounts do not add up; failed checks: " + "; ".join(_failed_check(o) for o in failed) + ".",
            {"failed": [{"description": o.description, "observed": o.observed_value} for o in failed]},
        )
        if all(any(f.startswith("line_items.") for f in o.fields) for o in failed):
            # the header adds up and only the items disagree with it: most often an items table read
            # wrong, shown to the reviewer but no reason on its own to hold the invoice back
            return replace(found, severity=INFO, score=ITEMS_ONLY_SCORE)
        return found
    subtotal, tax, total = (amount(getattr(entry.record, n)) for n in ("subtotal", "tax_amount", "total"))
    if subtotal is None or tax is None or total is None:
        return None
    gap = round(subtotal + tax - total, 2)
    if abs(gap) <= settings.amount_tolerance + ROUNDING:
        return None
    return anomaly_of(
        ARITHMETIC_MISMATCH,
        entry,
        f"Subtotal {entry.record.subtotal} plus tax {entry.record.tax_amount} is {subtotal + tax:.2f}, "
        f"not the total {entry.record.total} (off by {gap:+.2f}).",
        {
            "subtotal": entry.record.subtotal,
            "tax_amount": entry.record.tax_amount,
            "total": entry.record.total,
        },
    )


def future_date(entry: Entry, settings: AnomalySettings) -> Anomaly | None:
    today = settings.reference_date()
    if entry.day is None or entry.day <= today:
        return None
    return anomaly_of(
        FUTURE_DATE,
        entry,
        f"The invoice date {entry.day.isoformat()} is {(entry.day - today).days} days after today "
        f"({today.isoformat()}).",
        {"invoice_date": entry.day.isoformat(), "today": today.isoformat()},
    )


def weekend_date(entry: Entry) -> Anomaly | None:
    if entry.day is None or entry.day.weekday() < 5:
        return None
    weekday = entry.day.strftime("%A")
    return anomaly_of(
        WEEKEND_DATE,
        entry,
        f"The invoice is dated on a {weekday} ({entry.day.isoformat()}).",
        {"invoice_date": entry.day.isoformat(), "weekday": weekday},
    )


def round_amount(entry: Entry, settings: AnomalySettings) -> Anomaly | None:
    total, unit = entry.total, settings.round_amount_unit
    if total is None or total < settings.round_amount_min or abs(total / unit - round(total / unit)) > 1e-9:
        return None
    return anomaly_of(
        ROUND_AMOUNT,
        entry,
        f"The total {entry.record.total} is a round multiple of {unit:g}.",
        {"total": entry.record.total, "unit": unit},
    )


def near_approval_threshold(entry: Entry, settings: AnomalySettings) -> Anomaly | None:
    limit = settings.approval_threshold
    floor = limit * (1 - settings.near_threshold_fraction)
    if entry.total is None or not floor <= entry.total < limit:
        return None
    return anomaly_of(
        NEAR_APPROVAL_THRESHOLD,
        entry,
        f"The total {entry.record.total} is just under the approval threshold {limit:,.2f} "
        f"({(limit - entry.total) / limit:.1%} below it).",
        {"total": entry.record.total, "approval_threshold": limit},
    )


def split_invoice(entry: Entry, prior: Ledger, settings: AnomalySettings) -> Anomaly | None:
    """Same vendor, invoices within `split_window_days` up to this one, each under the threshold and each
    at least `split_min_part_fraction` of it, that together reach the threshold."""
    limit = settings.approval_threshold
    smallest = limit * settings.split_min_part_fraction
    if entry.total is None or entry.day is None or not smallest <= entry.total < limit:
        return None
    start = entry.day - timedelta(days=settings.split_window_days)
    parts = [
        o
        for o in prior.vendor_entries(entry.vendor)
        if o.document_id != entry.document_id
        and o.day is not None
        and start <= o.day <= entry.day
        and o.total is not None
        and smallest <= o.total < limit
        and o.number != entry.number
    ]
    combined = entry.total + sum(o.total for o in parts)
    if not parts or combined < limit:
        return None
    return anomaly_of(
        SPLIT_INVOICE,
        entry,
        f"{len(parts) + 1} invoices from {entry.record.vendor_name!r}"
        f" within {settings.split_window_days} days each stay under the approval threshold {limit:,.2f}"
        f" but together total {combined:,.2f}.",
        {"invoices": len(parts) + 1, "combined_total": round(combined, 2), "approval_threshold": limit},
        [o.document_id for o in parts],
    )


def new_vendor(entry: Entry, prior: Ledger, settings: AnomalySettings) -> Anomaly | None:
    if not entry.vendor or prior.size < settings.new_vendor_min_history or prior.vendor_entries(entry.vendor):
        return None
    return anomaly_of(
        NEW_VENDOR,
        entry,
        f"This is the first invoice from {entry.record.vendor_name!r} among {prior.size} earlier invoices.",
        {"vendor": entry.record.vendor_name, "vendor_key": entry.vendor},
    )


def iban_changed(entry: Entry, prior: Ledger) -> Anomaly | None:
    known = prior.ibans.get(entry.vendor, set()) if entry.vendor else set()
    if not entry.iban or not known or entry.iban in known:
        return None
    return anomaly_of(
        IBAN_CHANGED,
        entry,
        f"The IBAN {entry.iban} differs from the {len(known)} IBAN(s) {entry.record.vendor_name!r}"
        f" used before ({', '.join(sorted(known)[:3])}).",
        {"iban": entry.iban, "known_ibans": sorted(known)},
        [o.document_id for o in prior.vendor_entries(entry.vendor) if o.iban][-3:],
    )


FIELD_WORDS = {
    "total": "total",
    "invoice_date": "invoice date",
    "invoice_number": "invoice number",
    "iban": "IBAN",
    "vendor_tax_id": "seller VAT id",
}


def einvoice_mismatch(entry: Entry) -> Anomaly | None:
    """An e-invoice whose visible page shows another total, date, number, IBAN or VAT id than its XML."""
    found = entry.record.einvoice_mismatches
    if not found:
        return None
    parts = [
        f"the {FIELD_WORDS.get(m['field'], m['field'])} is {m['xml']} in the XML but {m['page']} on the page"
        for m in found
    ]
    return anomaly_of(
        EINVOICE_MISMATCH,
        entry,
        "The e-invoice's page disagrees with its XML: " + "; ".join(parts) + ".",
        {"mismatches": [dict(m) for m in found]},
    )
