"""Reading documents of a project, as the rows and details the API shows."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Q, QuerySet

from django_api.invoices.errors import NotFound
from django_api.invoices.models import Document, DocumentResult, DocumentStatus, Project
from django_api.invoices.reviewed_values import (
    current_fields,
    current_line_items,
    field_confidences,
    key_field_confidence,
)
from expectations.project_settings import DEFAULT_REVIEW_CONFIDENCE, InvalidSettings, ProjectSettings
from ocr_tasks.einvoice.validation import SUITE as EINVOICE_SUITE
from ocr_tasks.invoice_types import KEY_FIELDS

# Triage (`needs_review`). Field confidences are calibrated probabilities of being right (see
# ocr_tasks/extraction/confidence_calibration.py); a document is cleared without review when each key
# field is present and at least this sure (a reviewer's value counts as sure), the header suites report
# no error-level failure, and no anomaly calls for a reviewer. A project sets its own with the setting
# `review.confidence` (0-1). bench/confidence_calibration.py measures the share auto-cleared and the
# error rate among them per threshold.
# item-level checks send a reviewer to the items, shown on the page, but do not hold back the header
NOT_GATING_SUITES = ("line_items",)

# anomalies that call for a reviewer; `info` ones (e.g. "rules only: too little history") do not
REVIEW_SEVERITIES = ("error", "warning")


def review_confidence_of(project: Project) -> float:
    """The project's `review.confidence` setting (`review_confidence` in older settings), or the
    default when its settings cannot be read."""
    stored = project.settings or {}
    for settings in (stored, {k: v for k, v in stored.items() if k in ("review", "review_confidence")}):
        try:
            return ProjectSettings.from_dict(settings).review.confidence
        except InvalidSettings:
            continue
    return DEFAULT_REVIEW_CONFIDENCE


def second_approval_from_total_of(project: Project) -> Decimal | None:
    """The project's `review.second_approval_from_total` (None: one approval is enough, also when its
    settings cannot be read)."""
    stored = project.settings or {}
    try:
        found = ProjectSettings.from_dict({"review": stored.get("review") or {}}).review
    except InvalidSettings:
        return None
    if found.second_approval_from_total is None:
        return None
    return Decimal(str(found.second_approval_from_total))


def second_approval_needed(project: Project, result) -> bool:
    """Whether approving the document's current values takes two reviewers: its total reaches the
    project's `review.second_approval_from_total`, or is not known (nothing shows it below)."""
    threshold = second_approval_from_total_of(project)
    if threshold is None:
        return False
    total = current_fields(result).get("total")
    try:
        return abs(Decimal(str(total))) >= threshold
    except (InvalidOperation, ValueError):  # no total, or not one amount
        return True


def _key_fields_sure(result, review_confidence: float) -> bool:
    """Every key field present (extracted or given by a reviewer) and, when extracted, at least
    `review_confidence` sure."""
    if result is None:
        return False
    for name in KEY_FIELDS:
        if name in result.corrected_fields:
            if result.corrected_fields[name] is None:
                return False
            continue
        field = result.fields.get(name)
        if field is None or float(field.get("confidence", 0.0)) < review_confidence:
            return False
    return True


def _documents(*, user, project: Project) -> QuerySet[Document]:
    return (
        Document.objects.filter(project=project, project__memberships__user=user)
        .select_related("result", "approved_by", "rejected_by", "first_approved_by")
        .prefetch_related("validations", "anomalies")
    )


def document_get(*, user, project: Project, document_id) -> Document:
    try:
        return _documents(user=user, project=project).get(pk=uuid.UUID(str(document_id)))
    except (Document.DoesNotExist, ValueError):
        raise NotFound("Document not found.") from None


def documents_of_task(*, user, project: Project, task) -> list[Document]:
    return list(_documents(user=user, project=project).filter(task=task))


def _result(document: Document):
    try:
        return document.result
    except Document.result.RelatedObjectDoesNotExist:
        return None


def document_row(
    document: Document, *, review_confidence: float = DEFAULT_REVIEW_CONFIDENCE
) -> dict[str, Any]:
    """The list item of `GET .../documents/` (`django_api/API.md`; current values: corrections applied)."""
    result = _result(document)
    values = current_fields(result)
    validations = list(document.validations.all())
    anomalies = list(document.anomalies.all())
    confidences = field_confidences(result)
    validation_errors = sum(v.failed_count for v in validations)
    # an e-invoice's XML as received breaking EN 16931 rules is not a failed check of the values read
    einvoice_rule_findings = sum(v.failed_count for v in validations if v.suite == EINVOICE_SUITE)
    gating_errors = sum(v.failed_count for v in validations if v.suite not in NOT_GATING_SUITES)
    min_confidence = round(min(confidences), 4) if confidences else None
    serious = [a for a in anomalies if a.severity in REVIEW_SEVERITIES]
    needs_review = document.status == DocumentStatus.PROCESSED and (
        gating_errors > 0 or bool(serious) or not _key_fields_sure(result, review_confidence)
    )
    return {
        "id": str(document.id),
        "name": document.name,
        "media_type": document.media_type,
        "pages": document.pages,
        "size": document.size,
        "sha256": document.sha256,
        "created_at": document.created_at,
        "task_id": str(document.task_id),
        "status": document.status,
        "document_type": values.get("document_type"),
        "vendor_name": values.get("vendor_name"),
        "invoice_date": values.get("invoice_date"),
        "total": values.get("total"),
        "currency": values.get("currency"),
        "validation_errors": validation_errors,
        "failed_checks": validation_errors - einvoice_rule_findings,
        "einvoice_rule_findings": einvoice_rule_findings,
        "anomaly_count": len(serious),  # `info` notes (e.g. rules_only) are shown, not counted
        "max_anomaly_score": round(max((a.score for a in serious), default=0.0), 4),
        "min_confidence": min_confidence,
        "key_confidence": key_field_confidence(result, KEY_FIELDS),
        "needs_review": needs_review,
        "duplicate_of": str(document.duplicate_of_id) if document.duplicate_of_id else None,
    }


def document_list(
    *,
    user,
    project: Project,
    status: str | None = None,
    vendor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    q: str | None = None,
) -> list[dict[str, Any]]:
    """Rows of the project's documents, filtered on the current (reviewed) values. `q`: words each found
    (case-insensitive) in the file name, the vendor or the invoice number."""
    queryset = _documents(user=user, project=project)
    if status:
        queryset = queryset.filter(status=status)
    threshold = review_confidence_of(project)
    documents = list(queryset)
    rows = [document_row(d, review_confidence=threshold) for d in documents]
    words = (q or "").casefold().split()
    if words:
        rows = [r for d, r in zip(documents, rows, strict=True) if _matches(d, r, words)]
    if vendor:
        rows = [r for r in rows if r["vendor_name"] and vendor.lower() in r["vendor_name"].lower()]
    if date_from:
        rows = [r for r in rows if r["invoice_date"] and r["invoice_date"] >= date_from]
    if date_to:
        rows = [r for r in rows if r["invoice_date"] and r["invoice_date"] <= date_to]
    return rows


def _matches(document: Document, row: dict[str, Any], words: list[str]) -> bool:
    """Whether every word is in the document's file name, vendor or (current) invoice number."""
    number = current_fields(_result(document)).get("invoice_number")
    text = " ".join(str(v) for v in (row["name"], row["vendor_name"], number) if v).casefold()
    return all(word in text for word in words)


def document_detail(*, user, project: Project, document_id) -> dict[str, Any]:
    """The list item plus fields (value, raw text, confidence, page, box, corrected?), line items,
    validation, anomalies, pages, corrections and approval."""
    document = document_get(user=user, project=project, document_id=document_id)
    threshold = review_confidence_of(project)
    detail = document_row(document, review_confidence=threshold)
    result = _result(document)
    extracted = result.fields if result else {}
    corrected = result.corrected_fields if result else {}
    fields: dict[str, Any] = {}
    for name in [*extracted, *[n for n in corrected if n not in extracted]]:
        base = extracted.get(name) or {
            "value": None,
            "raw_text": "",
            "confidence": 0.0,
            "page": 0,
            "bbox": None,
        }
        fields[name] = {
            "value": corrected[name] if name in corrected else base.get("value"),
            "raw_text": base.get("raw_text", ""),
            "confidence": base.get("confidence", 0.0),
            "page": base.get("page", 0),
            "bbox": base.get("bbox"),
            "corrected": name in corrected,
            "original_value": base.get("value"),
        }
    ocr_pages = ((result.result.get("ocr") or {}).get("pages") or []) if result else []
    sizes = {int(p["index"]): (p.get("width", 0), p.get("height", 0)) for p in ocr_pages}
    detail.update(
        {
            "origin": document.origin or None,
            "fields": fields,
            "line_items": current_line_items(result),
            "validation": [v.report for v in document.validations.all()],
            "anomalies": [anomaly_dict(a) for a in document.anomalies.all()],
            "pages": [
                {
                    "index": index,
                    "width": sizes.get(index, (0, 0))[0],
                    "height": sizes.get(index, (0, 0))[1],
                    "image_url": f"/api/projects/{project.pk}/documents/{document.id}/pages/{index}/image/",
                }
                for index in range(document.pages)
            ],
            "corrections": [
                {
                    "field": c.field,
                    "old_value": c.old_value,
                    "new_value": c.new_value,
                    "user": c.user.username,
                    "created_at": c.created_at,
                }
                for c in document.corrections.select_related("user")
            ],
            "approved_by": document.approved_by.username if document.approved_by else None,
            "approved_at": document.approved_at,
            "approval_override_reason": document.approval_override_reason or None,
            "approvals_required": 2 if second_approval_needed(project, result) else 1,
            "first_approval": (
                {
                    "by": document.first_approved_by.username if document.first_approved_by else None,
                    "at": document.first_approved_at,
                }
                if document.first_approved_at is not None
                else None
            ),
            "rejection": (
                {
                    "by": document.rejected_by.username if document.rejected_by else None,
                    "at": document.rejected_at,
                    "reason": document.rejection_reason,
                }
                if document.status == DocumentStatus.REJECTED
                else None
            ),
            "result_version": result.version if result else 0,
            "preceding_invoices": _preceding_invoices(
                user=user, project=project, document=document, result=result
            ),
            "engine_versions": result.engine_versions if result else {},
            **_reading(result),
            "error": (
                {"code": document.error_code, "message": document.error_message, "step": document.error_step}
                if document.error_code
                else None
            ),
        }
    )
    return detail


def _preceding_invoices(*, user, project: Project, document: Document, result) -> list[dict[str, Any]]:
    """The invoices a credit note refers to (its e-invoice XML's BG-3, `einvoice.preceding_invoices`),
    each with the id of this project's document whose current invoice number is that number (the one
    credited, for the review page to open), else None. Only a document of this project, of which `user` is
    a member, is ever named."""
    einvoice = ((result.result or {}).get("invoice") or {}).get("einvoice") if result else None
    references = einvoice.get("preceding_invoices") if isinstance(einvoice, dict) else None
    found = []
    for reference in references or []:
        number = str(reference.get("number") or "").strip()
        if not number:
            continue
        same_number = Q(corrected_fields__invoice_number=number) | (
            Q(fields__invoice_number__value=number) & ~Q(corrected_fields__has_key="invoice_number")
        )
        match = (
            DocumentResult.objects.filter(
                same_number, document__project=project, document__project__memberships__user=user
            )
            .exclude(document=document)
            .order_by("document__created_at")
            .values_list("document_id", flat=True)
            .first()
        )
        found.append(
            {"number": number, "date": reference.get("date"), "document_id": str(match) if match else None}
        )
    return found


def _reading(result) -> dict[str, Any]:
    """How the values were read: `source` ("einvoice" when read exactly from a CII/UBL XML, else None),
    the page's `language` (ISO 639-1, None when not detected) and, for an e-invoice, what its XML says
    beyond the fields (`einvoice`: syntax, profile, seller and buyer, VAT breakdown, allowances and
    charges, BIC, its EN 16931 validation), so a bare XML can be shown without a page image; and the
    payment QR code the fields were weighed against (`payment_code`, `extraction.payment_evidence`)."""
    invoice = ((result.result or {}).get("invoice") or {}) if result else {}
    einvoice = invoice.get("einvoice")
    return {
        "source": invoice.get("source"),
        "language": invoice.get("language"),
        "einvoice": dict(einvoice) if isinstance(einvoice, dict) else None,
        "payment_code": dict(code) if isinstance(code := invoice.get("payment_code"), dict) else None,
    }


def anomaly_dict(anomaly) -> dict[str, Any]:
    """`Anomaly.to_dict()` of ocr_tasks, from the stored row."""
    return {
        "document_id": str(anomaly.document_id),
        "kind": anomaly.kind,
        "severity": anomaly.severity,
        "score": round(anomaly.score, 4),
        "explanation": anomaly.explanation,
        "evidence": anomaly.evidence,
        "related_document_ids": anomaly.related_document_ids,
    }


def documents_for_export(
    *, user, project: Project, task=None, status: str | None = None, approved_after: datetime | None = None
) -> list[Document]:
    """The project's (or one task's) documents with their results, for the export files; `status`
    keeps only the documents of that status (`approved`: what a bookkeeping import should take);
    `approved_after` only the approved ones approved after that instant (an import's next run)."""
    queryset = _documents(user=user, project=project)
    if task is not None:
        queryset = queryset.filter(task=task)
    if status:
        queryset = queryset.filter(status=status)
    if approved_after is not None:
        queryset = queryset.filter(status=DocumentStatus.APPROVED, approved_at__gt=approved_after)
    return list(queryset)
