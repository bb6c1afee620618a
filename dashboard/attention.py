"""Ordering of the review queue: what needs a human first, and a short reason why.

Pure functions over the document list items of `GET /api/projects/{id}/documents/`.
"""

from __future__ import annotations

from typing import Any

LOW_CONFIDENCE = 0.6


def attention_key(doc: dict[str, Any]) -> tuple:
    """Sort key: failed and flagged documents first, then by validation errors, anomalies, confidence.

    Approved documents always sink to the bottom.
    """
    status = doc.get("status") or ""
    errors = int(doc.get("validation_errors") or 0)
    anomalies = int(doc.get("anomaly_count") or 0)
    max_score = float(doc.get("max_anomaly_score") or 0.0)
    confidence = doc.get("min_confidence")
    confidence = 1.0 if confidence is None else float(confidence)
    return (
        status == "approved",
        not (
            status == "failed"
            or errors
            or anomalies
            or confidence < LOW_CONFIDENCE
            or doc.get("needs_review")
        ),
        status != "failed",
        -errors,
        -anomalies,
        -max_score,
        confidence,
        str(doc.get("name") or ""),
    )


def sort_by_attention(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(docs, key=attention_key)


def attention_reason(doc: dict[str, Any]) -> str:
    """A short phrase for the queue, e.g. "2 validation errors, 1 anomaly (0.91)"."""
    parts: list[str] = []
    if doc.get("status") == "failed":
        parts.append("processing failed")
    errors = int(doc.get("validation_errors") or 0)
    if errors:
        parts.append(f"{errors} validation error{'s' if errors != 1 else ''}")
    anomalies = int(doc.get("anomaly_count") or 0)
    if anomalies:
        score = float(doc.get("max_anomaly_score") or 0.0)
        parts.append(f"{anomalies} anomal{'ies' if anomalies != 1 else 'y'} (max score {score:.2f})")
    confidence = doc.get("min_confidence")
    if confidence is not None and float(confidence) < LOW_CONFIDENCE:
        parts.append(f"low confidence ({float(confidence):.2f})")
    if not parts:
        return "approved" if doc.get("status") == "approved" else "looks fine"
    return ", ".join(parts)


def next_in_queue(ordered: list[dict[str, Any]], current: Any) -> Any | None:
    """The id of the first not-approved document after `current` in queue order (wrapping round), or None."""
    ids = [d["id"] for d in ordered]
    start = ids.index(current) + 1 if current in ids else 0
    for doc in ordered[start:] + ordered[:start]:
        if doc["id"] != current and doc.get("status") != "approved":
            return doc["id"]
    return None
