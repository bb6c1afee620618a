"""Reviewers' writes on documents: field corrections (audited, extraction kept) and approval.

Every change is made on the result version the reviewer saw (`result_version`; a stale one answers
409 `stale_version` and changes nothing) and is re-checked at once: the project's suites and the
anomaly rules run again on the document's current values (`checks`, given by the caller: the
orchestration seam's `document_checks_run`), the previous reports stay in the audit trail
(`SupersededChecks`). Approving a document whose current values fail an error-level check needs
`force` and a reason.

Four eyes: a project's `review.second_approval_from_total` makes the approval of a document whose total
reaches it (or is not known) take two reviewers. The first approval is recorded (`first_approved_by`,
`first_approved_at`) and the document stays in review; a second reviewer's approval approves it; the
first reviewer's own second try answers 409 `second_approver_required`. A change of the values (a
correction, a new reading) or a rejection voids a first approval."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from django_api.invoices.errors import (
    ApprovalBlocked,
    DocumentNotReady,
    InvalidInput,
    SecondApproverRequired,
    StaleVersion,
)
from django_api.invoices.models import Document, DocumentResult, DocumentStatus, FieldCorrection, Project
from django_api.invoices.reviewed_values import current_fields, current_line_items
from django_api.invoices.selectors.documents import second_approval_needed
from django_api.invoices.services.pipeline_records import checks_store
from django_api.invoices.services.projects import require_write_role
from django_api.invoices.services.vendor_memory import approval_learn, corrections_learn
from django_api.invoices.services.webhooks import document_approved_record
from django_api.invoices.typed_values import typed_field_value
from ocr_tasks.einvoice.validation import SUITE as EINVOICE_SUITE
from ocr_tasks.invoice_types import FIELD_NAMES, LINE_ITEM_CELLS

_REVIEWABLE = (
    DocumentStatus.PROCESSED,
    DocumentStatus.APPROVED,
    DocumentStatus.FAILED,
    DocumentStatus.REJECTED,
)
_APPROVAL_FIELDS = ["approved_by", "approved_at", "approval_override_reason"]
_REJECTION_FIELDS = ["rejected_by", "rejected_at", "rejection_reason"]
FIRST_APPROVAL_FIELDS = ["first_approved_by", "first_approved_at"]
MAX_REASON_LENGTH = 2000
DUPLICATE_SUITE = "duplicates"  # the `suite` of a refused approval's failure naming the earlier upload

# (document) -> an object with `validation` (ValidationReport, ...) and `anomalies` (Anomaly, ...)
ChecksRunner = Callable[[Document], Any]


def _clean_value(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip()


def _clean_line_items(rows: list[dict]) -> list[dict[str, str | None]]:
    cleaned = []
    for row in rows:
        unknown = set(row) - set(LINE_ITEM_CELLS)
        if unknown:
            raise InvalidInput("Unknown line item columns.", detail={"columns": sorted(unknown)})
        cleaned.append({col: _clean_value(row[col]) for col in LINE_ITEM_CELLS if col in row})
    return cleaned


def _locked(
    document: Document, *, result_version: int | None, action: str
) -> tuple[Document, DocumentResult]:
    """The document and its result, locked for the change; refuses a document that is not reviewable
    and a change made on another version than the current one."""
    if document.status not in _REVIEWABLE:
        raise DocumentNotReady(f"The document is {document.status}; it can be {action} once processed.")
    document = Document.objects.select_for_update().get(pk=document.pk)
    result, _ = DocumentResult.objects.select_for_update().get_or_create(document=document)
    if result_version is not None and result_version != result.version:
        raise StaleVersion(
            "The document changed since you opened it (another correction, approval or a rescore): "
            "reload it and apply your change again.",
            detail={"result_version": result_version, "current_version": result.version},
        )
    return document, result


def _store_checks(
    *, document: Document, result: DocumentResult, user, reason: str, checks: ChecksRunner | None
) -> None:
    """Re-check the current values (when a runner is given), keeping the old reports as audit; the
    result's version moves on either way."""
    result.save()  # the checks read the current values back from the database
    if checks is None:
        result.version += 1
        result.save(update_fields=["version", "updated_at"])
        return
    found = checks(document)
    checks_store(
        document=document,
        result=result,
        user=user,
        reason=reason,
        validation=[r.to_dict() for r in found.validation],
        anomalies=[a.to_dict() for a in found.anomalies],
    )


def _apply_field_changes(
    *, user, document: Document, result: DocumentResult, fields: dict[str, Any]
) -> dict[str, str | None]:
    """The changed fields with their new values."""
    current = current_fields(result)
    changed = {}
    for name, raw in fields.items():
        new = typed_field_value(name, _clean_value(raw))  # `31.12.2024` stored as `2024-12-31`
        old = current.get(name)
        if new == old:
            continue
        FieldCorrection.objects.create(document=document, user=user, field=name, old_value=old, new_value=new)
        result.corrected_fields[name] = new
        changed[name] = new
    return changed


def _apply_line_item_changes(
    *, user, document: Document, result: DocumentResult, line_items: list[dict] | None
) -> bool:
    if line_items is None:
        return False
    new_items = _clean_line_items(line_items)
    old_items = current_line_items(result)
    if new_items == old_items:
        return False
    FieldCorrection.objects.create(
        document=document, user=user, field="line_items", old_value=old_items, new_value=new_items
    )
    result.corrected_line_items = new_items
    return True


@transaction.atomic
def document_fields_update(
    *,
    user,
    project: Project,
    document: Document,
    fields: dict[str, Any],
    line_items: list[dict] | None = None,
    result_version: int | None = None,
    checks: ChecksRunner | None = None,
) -> Document:
    """Record each changed value as a `FieldCorrection` and make it the current value, then re-check
    the document. The extraction stays as it was. A change to an approved document returns it to
    `processed`. Nothing changed: nothing is written."""
    require_write_role(user=user, project=project)
    unknown = set(fields) - set(FIELD_NAMES)
    if unknown:
        raise InvalidInput(
            "Unknown fields.", detail={"fields": sorted(unknown), "allowed": list(FIELD_NAMES)}
        )
    document, result = _locked(document, result_version=result_version, action="corrected")
    corrected = _apply_field_changes(user=user, document=document, result=result, fields=fields)
    changed = bool(corrected)
    changed |= _apply_line_item_changes(user=user, document=document, result=result, line_items=line_items)
    if not changed:
        return document
    _store_checks(document=document, result=result, user=user, reason="correction", checks=checks)
    if corrected:  # the vendor memory learns where the right values sit (a failure never blocks this)
        corrections_learn(user=user, project=project, document=document, result=result, changed=corrected)
    if document.status == DocumentStatus.APPROVED or document.first_approved_by_id is not None:
        if document.status == DocumentStatus.APPROVED:
            document.status = DocumentStatus.PROCESSED
        document.approved_by = None
        document.approved_at = None
        document.approval_override_reason = ""
        document.first_approved_by, document.first_approved_at = None, None  # it approved other values
        document.save(update_fields=["status", *_APPROVAL_FIELDS, *FIRST_APPROVAL_FIELDS])
    return document


def _error_failures(document: Document) -> list[dict[str, Any]]:
    """The error-level expectations the document's current values fail."""
    failures = []
    for validation in document.validations.all():
        for outcome in validation.report.get("outcomes", []):
            if not outcome.get("success") and outcome.get("severity", "error") == "error":
                failures.append(
                    {
                        "suite": validation.suite,
                        "expectation": outcome.get("description") or outcome.get("expectation"),
                    }
                )
    return failures


def _duplicate_failures(document: Document) -> list[dict[str, Any]]:
    """A file uploaded again (`duplicate_of`: the same bytes as an earlier upload of the project) is the
    same invoice: approving it too would book and pay it twice, so it counts as a failure that needs
    `force` and a reason, like an error-level check (the clerk's own words say why both are kept)."""
    if not document.duplicate_of_id:
        return []
    earlier = (
        Document.objects.filter(pk=document.duplicate_of_id, project_id=document.project_id)
        .values_list("name", flat=True)
        .first()
    )
    return [
        {
            "suite": DUPLICATE_SUITE,
            "expectation": f"The same file was already uploaded as “{earlier or document.duplicate_of_id}”: "
            "approving this copy too would book the invoice twice.",
        }
    ]


def approval_blocked_message(failures: list[dict[str, Any]]) -> str:
    """Why an approval needs `force`. The `en16931` findings of an e-invoice are its XML's as received:
    a correction does not change them, so the message does not ask for one when they are all there is."""
    if failures and all(f["suite"] == DUPLICATE_SUITE for f in failures):
        return (
            "This file was uploaded before: approving the copy too would book the invoice twice. Leave it "
            "unapproved, or approve with `force` and a reason."
        )
    received = [f for f in failures if f["suite"] == EINVOICE_SUITE]
    if received and len(received) == len(failures):
        return (
            "The e-invoice's XML as received breaks error-level EN 16931 rules (suite `en16931`), which a "
            "correction does not change: approve with `force` and a reason."
        )
    kept = " (the `en16931` findings are the XML's as received and stay)" if received else ""
    return (
        f"The document's current values fail error-level checks: correct them{kept}, or approve with "
        "`force` and a reason."
    )


def document_approve(
    *,
    user,
    project: Project,
    document: Document,
    result_version: int | None = None,
    force: bool = False,
    reason: str = "",
    checks: ChecksRunner | None = None,
) -> Document:
    """Approve a processed (or failed) document after re-checking its current values. When they fail
    an error-level check the approval needs `force` and a reason (kept on the document); without, 409
    `checks_failed` names the failures (the re-check is stored either way). Approving it again changes
    nothing: the first approval (who, when) stays on record. When the project asks for a second approver
    for this document (`second_approval_needed`), the first approval is recorded and the document stays
    in review until another reviewer approves it (the same reviewer again: 409
    `second_approver_required`, before any re-check)."""
    require_write_role(user=user, project=project)
    reason = (reason or "").strip()
    if force and not reason:
        raise InvalidInput(
            "Say why the document is approved despite its failed checks.", detail={"reason": "required"}
        )
    if len(reason) > MAX_REASON_LENGTH:
        raise InvalidInput(f"The reason is longer than {MAX_REASON_LENGTH} characters.")
    if document.status == DocumentStatus.APPROVED:
        return document
    with transaction.atomic():
        locked, result = _locked(document, result_version=result_version, action="approved")
        two_reviewers = second_approval_needed(project, result)
        if two_reviewers:
            _refuse_same_reviewer(locked, user)
        _store_checks(document=locked, result=result, user=user, reason="approval", checks=checks)
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if locked.status == DocumentStatus.APPROVED:
            return locked
        failures = _duplicate_failures(locked) + _error_failures(locked)
        if failures and not force:
            raise ApprovalBlocked(approval_blocked_message(failures), detail={"failed": failures})
        if two_reviewers:
            _refuse_same_reviewer(locked, user)  # a first approval given meanwhile, by the same reviewer
            if locked.first_approved_by_id is None:
                locked.first_approved_by, locked.first_approved_at = user, timezone.now()
                locked.approval_override_reason = reason if failures else ""
                locked.save(update_fields=[*FIRST_APPROVAL_FIELDS, "approval_override_reason"])
                return locked
        locked.status = DocumentStatus.APPROVED
        locked.approved_by = user
        locked.approved_at = timezone.now()
        locked.approval_override_reason = reason if failures else ""
        locked.rejected_by, locked.rejected_at, locked.rejection_reason = None, None, ""  # taken back
        locked.save(update_fields=["status", *_APPROVAL_FIELDS, *_REJECTION_FIELDS])
        document_approved_record(document=locked)
        approval_learn(user=user, project=project, document=locked)  # unchanged fields: confirmations
    return locked


def _refuse_same_reviewer(document: Document, user) -> None:
    if document.first_approved_by_id is not None and document.first_approved_by_id == user.pk:
        raise SecondApproverRequired(
            "You gave this document its first approval; the project asks for a second reviewer to approve "
            "it.",
            detail={"first_approved_by": user.get_username()},
        )


def document_reject(
    *,
    user,
    project: Project,
    document: Document,
    result_version: int | None = None,
    reason: str = "",
    checks: ChecksRunner | None = None,
) -> Document:
    """Set a document aside with a reason (a file uploaded twice, a statement that is no invoice): it
    leaves the review queue's top, the spend and an export of approved documents, and stays on record
    (who, when, why). An approved document loses its approval. Approving it later takes the rejection
    back. `checks` is unused: nothing about the values changes."""
    del checks
    require_write_role(user=user, project=project)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("Say why the document is rejected.", detail={"reason": "required"})
    if len(reason) > MAX_REASON_LENGTH:
        raise InvalidInput(f"The reason is longer than {MAX_REASON_LENGTH} characters.")
    with transaction.atomic():
        locked, _ = _locked(document, result_version=result_version, action="rejected")
        locked.status = DocumentStatus.REJECTED
        locked.rejected_by, locked.rejected_at, locked.rejection_reason = user, timezone.now(), reason
        locked.approved_by, locked.approved_at, locked.approval_override_reason = None, None, ""
        locked.first_approved_by, locked.first_approved_at = None, None
        locked.save(update_fields=["status", *_APPROVAL_FIELDS, *_REJECTION_FIELDS, *FIRST_APPROVAL_FIELDS])
    return locked
