"""The project summary: document status counts, spend per vendor and month, anomaly scores, and the
checks that fail most on the documents still waiting for a reviewer."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation
from typing import Any

from django_api.invoices.models import Anomaly, DocumentStatus, Project, ValidationResult
from django_api.invoices.selectors.documents import REVIEW_SEVERITIES, anomaly_dict, document_list

FAILED_CHECKS_SHOWN = 15  # the checks failing on most documents; each names its first documents
NAMES_PER_CHECK = 5
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
        "failed_checks": _failed_checks(user=user, project=project, names=names),
    }


def _failed_checks(*, user, project: Project, names: dict[str, str]) -> list[dict[str, Any]]:
    """Per failed check (suite, description, severity) the documents still waiting for a reviewer
    (`processed`: an approved or rejected one is settled) that fail it; errors (they hold an approval
    back) before warnings, each by the number of documents failing it."""
    failing: dict[tuple[str, str, str], list[str]] = {}
    reports = ValidationResult.objects.filter(
        document__project=project,
        document__project__memberships__user=user,
        document__status=DocumentStatus.PROCESSED,
    ).order_by("document__created_at", "id")
    for validation in reports:
        for outcome in validation.report.get("outcomes", []):
            if outcome.get("success"):
                continue
            check = str(outcome.get("description") or outcome.get("expectation") or "")
            key = (validation.suite, check, str(outcome.get("severity") or "error"))
            documents = failing.setdefault(key, [])
            if str(validation.document_id) not in documents:
                documents.append(str(validation.document_id))
    ordered = sorted(failing.items(), key=lambda item: (item[0][2] != "error", -len(item[1]), item[0][1]))
    return [
        {
            "suite": suite,
            "check": check,
            "severity": severity,
            "documents": len(documents),
            "document_names": [names.get(d, d) for d in documents[:NAMES_PER_CHECK]],
        }
        for (suite, check, severity), documents in ordered[:FAILED_CHECKS_SHOWN]
    ]
