"""Reviewers' writes on documents: field corrections (audited, extraction kept) and approval."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from django_api.invoices.errors import DocumentNotReady, InvalidInput
from django_api.invoices.models import Document, DocumentResult, DocumentStatus, FieldCorrection, Project
from django_api.invoices.reviewed_values import current_fields, current_line_items
from django_api.invoices.services.projects import require_write_role
from ocr_tasks.invoice_types import FIELD_NAMES, LINE_ITEM_COLUMNS

_REVIEWABLE = (DocumentStatus.PROCESSED, DocumentStatus.APPROVED, DocumentStatus.FAILED)


def _clean_value(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip()


def _clean_line_items(rows: list[dict]) -> list[dict[str, str | None]]:
    cleaned = []
    for row in rows:
        unknown = set(row) - set(LINE_ITEM_COLUMNS)
        if unknown:
            raise InvalidInput("Unknown line item columns.", detail={"columns": sorted(unknown)})
        cleaned.append({col: _clean_value(row[col]) for col in LINE_ITEM_COLUMNS if col in row})
    return cleaned


@transaction.atomic
def document_fields_update(
    *,
    user,
    project: Project,
    document: Document,
    fields: dict[str, Any],
    line_items: list[dict] | None = None,
) -> Document:
    """Record each changed value as a `FieldCorrection` and make it the current value. The extraction
    stays as it was. A change to an approved document returns it to `processed`."""
    require_write_role(user=user, project=project)
    unknown = set(fields) - set(FIELD_NAMES)
    if unknown:
        raise InvalidInput(
            "Unknown fields.", detail={"fields": sorted(unknown), "allowed": list(FIELD_NAMES)}
        )
    if document.status not in _REVIEWABLE:
        raise DocumentNotReady(f"The document is {document.status}; it can be corrected once processed.")
    document = Document.objects.select_for_update().get(pk=document.pk)
    result, _ = DocumentResult.objects.get_or_create(document=document)
    current = current_fields(result)
    changed = False
    for name, raw in fields.items():
        new = _clean_value(raw)
        old = current.get(name)
        if new == old:
            continue
        FieldCorrection.objects.create(document=document, user=user, field=name, old_value=old, new_value=new)
        result.corrected_fields[name] = new
        changed = True
    if line_items is not None:
        new_items = _clean_line_items(line_items)
        old_items = current_line_items(result)
        if new_items != old_items:
            FieldCorrection.objects.create(
                document=document, user=user, field="line_items", old_value=old_items, new_value=new_items
            )
            result.corrected_line_items = new_items
            changed = True
    if changed:
        result.save(update_fields=["corrected_fields", "corrected_line_items", "updated_at"])
        if document.status == DocumentStatus.APPROVED:
            document.status = DocumentStatus.PROCESSED
            document.approved_by = None
            document.approved_at = None
            document.save(update_fields=["status", "approved_by", "approved_at"])
    return document


@transaction.atomic
def document_approve(*, user, project: Project, document: Document) -> Document:
    """Approve a processed (or failed) document. Approving it again changes nothing: the first
    approval (who, when) stays on record."""
    require_write_role(user=user, project=project)
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status == DocumentStatus.APPROVED:
        return document
    if document.status not in _REVIEWABLE:
        raise DocumentNotReady(f"The document is {document.status}; it can be approved once processed.")
    document.status = DocumentStatus.APPROVED
    document.approved_by = user
    document.approved_at = timezone.now()
    document.save(update_fields=["status", "approved_by", "approved_at"])
    return document
