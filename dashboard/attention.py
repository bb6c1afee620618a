"""Ordering of the review queue: what needs a human first, and a short reason why.

Pure functions over the document list items of `GET /api/projects/{id}/documents/`.
"""

from __future__ import annotations

from typing import Any

LOW_CONFIDENCE = 0.6
SETTLED = ("approved", "rejected")  # a reviewer decided: nothing more to do


def check_counts(doc: dict[str, Any]) -> tuple[int, int]:
    """(failed checks of the document's values, EN 16931 rules its e-invoice XML breaks as received).
    An older API's row has only their sum, `validation_errors`: all of it counts as failed checks."""
    findings = int(doc.get("einvoice_rule_findings") or 0)
    checks = doc.get("failed_checks")
    if checks is None:
        return max(int(doc.get("validation_errors") or 0) - findings, 0), findings
    return int(checks), findings


def row_confidence(doc: dict[str, Any]) -> float | None:
    """How sure the row's key fields are (`key_confidence`: the lowest among vendor, number, date, total
    and currency, a corrected one counting 1.0), what triage reads. The lowest of all fields
    (`min_confidence`, an older API's only figure) read 0.00 for documents whose key fields were sure,
    because one optional field (a tax amount) was calibrated to 0."""
    confidence = doc["key_confidence"] if "key_confidence" in doc else doc.get("min_confidence")
    return None if confidence is None else float(confidence)


def attention_key(doc: dict[str, Any]) -> tuple:
    """Sort key: failed and flagged documents first, then by validation errors, anomalies, confidence.

    Approved and rejected documents always sink to the bottom.
    """
    status = doc.get("status") or ""
    errors, findings = check_counts(doc)
    anomalies = int(doc.get("anomaly_count") or 0)
    max_score = float(doc.get("max_anomaly_score") or 0.0)
    confidence = row_confidence(doc)
    confidence = 1.0 if confidence is None else confidence
    return (
        status in SETTLED,
        not (
            status == "failed"
            or errors
            or findings
            or anomalies
            or confidence < LOW_CONFIDENCE
            or doc.get("needs_review")
        ),
        status != "failed",
        -errors,
        -findings,
        -anomalies,
        -max_score,
        confidence,
        str(doc.get("name") or ""),
    )


def sort_by_attention(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(docs, key=attention_key)


WAITING = {"pending": "not processed yet", "processing": "being processed"}
# the queue's short type column: a credit note must not read as one more invoice to pay
TYPE_LABELS = {"credit_note": "credit", "receipt": "receipt", "invoice": "invoice", "quote": "quote"}


def signed_total(doc: dict[str, Any]) -> float | None:
    """The row's total as a number, negative for a credit note (the API sends a credit note's amounts as
    magnitudes and its `document_type` as the direction); None when there is none."""
    try:
        total = float(str(doc.get("total")))
    except ValueError:
        return None
    if total != total:  # NaN
        return None
    return -abs(total) if doc.get("document_type") == "credit_note" else total


def attention_reason(doc: dict[str, Any]) -> str:
    """A short phrase for the queue, e.g. "2 failed checks, 38 EN 16931 findings in the XML, 1 anomaly",
    or "low confidence" when nothing else is wrong (the confidence has its own column; the details are on
    the review page)."""
    status = doc.get("status")
    if status in WAITING:
        return WAITING[status]
    parts: list[str] = []
    if status == "failed":
        parts.append("processing failed")
    if doc.get("duplicate_of"):  # the same file as an earlier upload: tells the two rows apart
        parts.append("uploaded again")
    errors, findings = check_counts(doc)
    if errors:
        parts.append(f"{errors} failed check{'s' if errors != 1 else ''}")
    anomalies = int(doc.get("anomaly_count") or 0)
    if anomalies:  # before the XML's findings: the narrow column cut "1 anomaly" (a duplicate) off after them
        parts.append(f"{anomalies} anomal{'ies' if anomalies != 1 else 'y'}")
    if findings:  # the XML's own, apart: a correction of the values does not change them
        parts.append(f"{findings} EN 16931 finding{'s' if findings != 1 else ''} in the XML")
    confidence = row_confidence(doc)
    if not parts and confidence is not None and confidence < LOW_CONFIDENCE:
        parts.append("low confidence")
    if status == "rejected":
        return "rejected"
    if status == "approved":
        return "approved" + (f" ({', '.join(parts)})" if parts else "")
    if not parts and doc.get("needs_review"):
        parts.append("needs review")
    return ", ".join(parts) or "looks fine"


def next_in_queue(ordered: list[dict[str, Any]], current: Any) -> Any | None:
    """The id of the first not-approved document after `current` in queue order (wrapping round), or None."""
    ids = [d["id"] for d in ordered]
    start = ids.index(current) + 1 if current in ids else 0
    for doc in ordered[start:] + ordered[:start]:
        if doc["id"] != current and doc.get("status") not in SETTLED:
            return doc["id"]
    return None
