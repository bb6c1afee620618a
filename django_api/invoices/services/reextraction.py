"""A reviewer asks for one document to be read again (`POST .../documents/{id}/reextract/`): a document read
before the extraction learned something (a credit note's reference to the invoice it credits, BG-3) gets
the current reading without a new upload.

What happens to the reviewer's work: the extraction (`fields`, `line_items`) is replaced by the new
reading where it finds a value; a field it does not find keeps the earlier reading's value
(`earlier_kept`: a scan read again from its stored OCR has no page images any more, no region re-reads,
no logo text, and must not lose the vendor name those found; line items the same). Every correction
(`corrected_fields`, corrected line items, each still audited as a `FieldCorrection`) stays on top of
it, so the document's current values change only where no reviewer corrected them. The current values
are then re-checked (suites and anomaly rules, the old reports kept as `SupersededChecks` with reason
`reextract`) and the result version moves on: a form opened before answers 409 `stale_version`. An
approved document is booked and is not read again (409 `document_approved`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from django_api.invoices.errors import DocumentApproved, DocumentNotReady
from django_api.invoices.models import Document, DocumentStatus, Project
from django_api.invoices.services.projects import require_write_role
from django_api.invoices.services.reviews import ChecksRunner, _locked, _store_checks

# (document) -> its stored result read again, as `DocumentResult.to_dict()` (the orchestration seam's
# `document_reextract_run`)
Reader = Callable[[Document], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Reextracted:
    """What a re-extraction changed: the fields whose extracted value changed, those the new reading did
    not find (their earlier value kept), and those a reviewer's correction still decides."""

    document: Document
    changed: tuple[str, ...]
    corrections_kept: tuple[str, ...]
    earlier_kept: tuple[str, ...] = ()


def with_earlier_reading(
    invoice: dict[str, Any], *, fields: dict[str, Any], line_items: list[Any]
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The new reading (`Invoice.to_dict()`) with the earlier reading's `fields` it did not find (no value)
    and its `line_items` when it found none; and the names kept (`line_items` among them)."""
    new_fields = invoice.get("fields") or {}
    found = {n: f for n, f in new_fields.items() if (f or {}).get("value") not in (None, "")}
    earlier = tuple(sorted(name for name in fields if name not in found))
    items = invoice.get("line_items") or line_items or []
    if not invoice.get("line_items") and line_items:
        earlier += ("line_items",)
    merged = {**{n: fields[n] for n in earlier if n in fields}, **found}
    return {**invoice, "fields": merged, "line_items": items}, earlier


def _extracted(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: (f or {}).get("value") for name, f in fields.items()}


@transaction.atomic
def document_reextract(
    *,
    user,
    project: Project,
    document: Document,
    result_version: int | None,
    read: Reader,
    checks: ChecksRunner,
) -> Reextracted:
    """Read the document again (`read`), keep reviewers' corrections on top, re-check it."""
    require_write_role(user=user, project=project)
    if document.status == DocumentStatus.APPROVED:
        raise DocumentApproved(
            "The document is approved (booked): it is not read again. Correct a field instead, "
            "which takes the approval back."
        )
    document, result = _locked(document, result_version=result_version, action="read again")
    if not result.result or not (result.result.get("invoice") or {}):
        raise DocumentNotReady("The document has no stored reading to start from: upload it again.")
    again = read(document)
    invoice = again.get("invoice") or {}
    before = _extracted(result.fields)
    invoice, earlier = with_earlier_reading(invoice, fields=result.fields, line_items=result.line_items)
    result.fields, result.line_items = invoice["fields"], invoice["line_items"]
    result.result = {**result.result, "invoice": invoice}
    after = _extracted(result.fields)
    changed = tuple(sorted(n for n in set(before) | set(after) if before.get(n) != after.get(n)))
    kept = tuple(sorted(result.corrected_fields)) + (
        ("line_items",) if result.corrected_line_items is not None else ()
    )
    _store_checks(document=document, result=result, user=user, reason="reextract", checks=checks)
    return Reextracted(document=document, changed=changed, corrections_kept=kept, earlier_kept=earlier)
