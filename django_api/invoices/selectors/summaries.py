"""The project summary: document status counts, spend per vendor and month, anomaly scores."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation
from typing import Any

from django_api.invoices.models import Anomaly, DocumentStatus, Project
from django_api.invoices.selectors.documents import REVIEW_SEVERITIES, anomaly_dict, document_list

CREDIT_NOTE = "credit_note"
QUOTE = "quote"  # a quote or proforma asks for no payment: no spend


def project_summary(*, user, project: Project) -> dict[str, Any]:
    rows = document_list(user=user, project=project)
    status_counts = Counter(r["status"] for r in rows)
    status_counts["needs_review"] = sum(1 for r in rows if r["needs_review"])
    spend: dict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
    for row in rows:
        # a file uploaded again (`duplicate_of`) is the same invoice: its amount is counted once
        # a rejected document (set aside by a reviewer) is no spend either
        if row["status"] == "rejected" or row.get("duplicate_of") or row.get("document_type") == QUOTE:
            continue
        if not row["total"] or not row["invoice_date"]:
            continue
        try:
            amount = Decimal(str(row["total"]))
        except InvalidOperation:
            continue
        key = (row["vendor_name"] or "unknown", row["invoice_date"][:7], row["currency"] or "")
        # a credit note's amounts are magnitudes (its type carries the direction): it takes off the spend
        spend[key] += -abs(amount) if row.get("document_type") == CREDIT_NOTE else amount
    names = {r["id"]: r["name"] for r in rows}
    # a rejected document was set aside (most often for the very anomaly, a file uploaded twice): its
    # anomalies are settled, not what the overview's "Top anomalies" should send a reviewer to
    anomalies = Anomaly.objects.filter(
        document__project=project, document__project__memberships__user=user, severity__in=REVIEW_SEVERITIES
    ).exclude(document__status=DocumentStatus.REJECTED)
    top = [{**anomaly_dict(a), "document_name": names.get(str(a.document_id), "")} for a in anomalies[:10]]
    return {
        "status_counts": dict(status_counts),
        "spend": [
            {"vendor": vendor, "month": month, "currency": currency, "total": f"{total:.2f}"}
            for (vendor, month, currency), total in sorted(spend.items())
        ],
        "anomaly_scores": [round(s, 4) for s in anomalies.values_list("score", flat=True)],
        "top_anomalies": top,
    }
