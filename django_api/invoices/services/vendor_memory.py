"""The project's vendor memory: what reviewers teach it (corrections; approvals without change count as
confirmations), forgetting a field or a whole vendor, and the project's imported invoice2data templates.

The learning itself is the library's (`ocr_tasks.vendor_memory.learn`): this module loads the project's
memory of the document's vendor, hands it the document's stored OCR and extraction (`DocumentResult.result`)
and the reviewed values, stores what comes back and records each lesson (`VendorLesson`: who, which
document, when). Memory never crosses projects, and only members with a write role teach it.

Learning runs inside the review's transaction in a savepoint: when it fails, the failure is logged and
rolled back alone; the reviewer's correction or approval stands."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from django_api.invoices.errors import NotFound, TemplateExists
from django_api.invoices.models import (
    Document,
    DocumentResult,
    LessonAction,
    Project,
    ProjectTemplate,
    VendorLesson,
    VendorMemory,
)
from django_api.invoices.models.projects import WRITE_ROLES
from django_api.invoices.reviewed_values import current_fields
from django_api.invoices.selectors.projects import project_role
from django_api.invoices.services.projects import require_write_role

logger = logging.getLogger(__name__)

MAX_TEMPLATE_NAME_LENGTH = 100


def _library_memories(project: Project) -> list[tuple[VendorMemory, Any]]:
    """The project's memories as (row, `ocr_tasks.vendor_memory.VendorMemory`); a row the library can no
    longer read is logged and left out."""
    from ocr_tasks.vendor_memory import VendorMemory as LibraryMemory

    loaded = []
    for row in VendorMemory.objects.filter(project=project):
        try:
            loaded.append((row, LibraryMemory.from_dict(row.data)))
        except Exception:  # noqa: BLE001 - a stored memory that cannot be read teaches nothing
            logger.exception("vendor memory %s of project %s cannot be read", row.key, project.pk)
    return loaded


def _store(*, project: Project, row: VendorMemory | None, memory) -> VendorMemory | None:
    """Keep `memory` (the library's) as the project's row for its key; None, or a memory without
    lessons (the vendor known but nothing located), drops the row."""
    if memory is None or not memory.lessons:
        if row is not None:
            row.delete()
        return None
    if row is not None and row.key != memory.key:  # a stronger identifier became the vendor's key
        VendorMemory.objects.filter(project=project, key=memory.key).exclude(pk=row.pk).delete()
    values = {"identifiers": list(memory.identifiers), "name": memory.name or "", "data": memory.to_dict()}
    if row is None:
        row, _ = VendorMemory.objects.update_or_create(project=project, key=memory.key, defaults=values)
        return row
    row.key = memory.key
    for name, value in values.items():
        setattr(row, name, value)
    row.save()
    return row


def _learned_corrections(document: Document) -> set[str]:
    """The fields whose corrections on `document` its vendor's memory has learned."""
    return set(
        VendorLesson.objects.filter(document=document, action=LessonAction.CORRECTED).values_list(
            "field", flat=True
        )
    )


def _pending_corrections(document: Document, result: DocumentResult) -> dict[str, Any]:
    """The document's corrections its vendor's memory has not learned yet: those made while the vendor
    was known only by the engine's unreviewed reading (see `_learn`)."""
    learned = _learned_corrections(document)
    return {name: value for name, value in result.corrected_fields.items() if name not in learned}


def _learn(
    *,
    user,
    project: Project,
    document: Document,
    result: DocumentResult,
    final: Mapping,
    corrected: set[str],
    identity: Mapping[str, Any],
) -> VendorMemory | None:
    """Teach the memory of the document's vendor `final` ({field: reviewed value}; the `corrected` ones
    are corrections, the rest confirmations). `identity`: the reviewed values of the vendor's identifying
    fields (corrected, or confirmed at approval). A correction made before they are reviewed teaches a
    memory keyed by the engine's reading, marked unreviewed (used at once); the reviewed values replace
    it (`ocr_tasks.vendor_memory.learn`), and when they name another memory of the project, that one is
    taught the document's corrections and the unreviewed one goes. A correction of a document whose
    vendor the engine could not identify at all is learned once its identity is reviewed
    (`_pending_corrections`)."""
    from ocr_tasks.result_types import DocumentResult as StoredResult
    from ocr_tasks.vendor_memory import learn
    from ocr_tasks.vendor_memory.identity import review_memory

    if not final or not result.result:
        return None
    stored = StoredResult.from_dict(result.result)
    if stored.ocr is None or stored.invoice is None or stored.invoice.source == "einvoice":
        return None  # an e-invoice is read from its XML: there is no place on a page to learn
    loaded = _library_memories(project)
    taught_key = (
        VendorLesson.objects.filter(document=document, action=LessonAction.CORRECTED)
        .order_by("-at")
        .values_list("vendor_key", flat=True)
        .first()
    )
    taught = next((m for _, m in loaded if m.key == taught_key), None)
    known = review_memory([m for _, m in loaded], stored.invoice, identity, taught=taught)
    row = next((r for r, m in loaded if m is known), None) if known is not None else None
    when = timezone.now()

    def teach(memory, values: Mapping):
        return learn(
            memory,
            ocr=stored.ocr,
            extracted=stored.invoice,
            final=dict(values),
            actor=user.get_username(),
            when=when,
            identity=identity,
        )

    learned = teach(known, final)
    if learned is not None and row is not None and learned.key != row.key:
        other = next(((r, m) for r, m in loaded if r.key == learned.key and r.pk != row.pk), None)
        if other is not None:
            # the reviewed identity names another vendor's memory: the one keyed by the engine's
            # unreviewed reading goes, and the document's corrections teach the vendor's own
            row.delete()
            row, known = other
            learned = teach(known, {**result.corrected_fields, **final})
    if learned is None and known is None:
        return None
    kept = _store(project=project, row=row, memory=learned)
    key = learned.key if learned is not None else known.key
    VendorLesson.objects.bulk_create(
        [
            VendorLesson(
                project=project,
                vendor_key=key,
                field=name,
                action=LessonAction.CORRECTED if name in corrected else LessonAction.CONFIRMED,
                user=user,
                document=document,
                at=when,
            )
            for name in sorted(final)
        ]
    )
    return kept


def _teaches(*, user, project: Project, document: Document) -> bool:
    """Only members with a write role teach, and only from their project's documents."""
    return project.pk == document.project_id and project_role(user=user, project=project) in WRITE_ROLES


def _safely(document: Document, learning: Callable[[], VendorMemory | None]) -> VendorMemory | None:
    """`learning()` in a savepoint; a failure is logged and rolled back alone (the caller's change stands)."""
    try:
        with transaction.atomic():
            return learning()
    except Exception:  # noqa: BLE001 - learning must never lose or block a reviewer's change
        logger.exception("vendor memory: learning from document %s failed (the review stands)", document.pk)
        return None


def _reviewed_identity(result: DocumentResult, *, approved: bool) -> dict[str, Any]:
    """The reviewed values of the vendor's identifying fields: those reviewers corrected; at approval,
    every current value (the fields left as the engine read them are confirmed then, not before)."""
    from ocr_tasks.vendor_memory.identity import ID_FIELDS

    if approved:
        current = current_fields(result)
        return {name: current.get(name) for name in ID_FIELDS}
    return {name: result.corrected_fields[name] for name in ID_FIELDS if name in result.corrected_fields}


def vendor_memory_learn(
    *, user, project: Project, document: Document, result: DocumentResult, final: Mapping, action: str
) -> VendorMemory | None:
    """Teach the project's memory of the document's vendor the reviewed values `final` ({field: value};
    `action`: `corrected` or `confirmed`), the vendor identified by its reviewed values. Members without
    a write role teach nothing. Never raises: a failure is logged and rolled back alone (the caller's
    change stands). Returns the stored row (None: nothing learned, or the memory was dropped)."""
    approved = action == LessonAction.CONFIRMED
    if not _teaches(user=user, project=project, document=document):
        return None
    return _safely(
        document,
        lambda: _learn(
            user=user,
            project=project,
            document=document,
            result=result,
            final=final,
            corrected=set() if approved else set(final),
            identity=_reviewed_identity(result, approved=approved),
        ),
    )


def corrections_learn(
    *, user, project: Project, document: Document, result: DocumentResult, changed: Mapping[str, Any]
) -> VendorMemory | None:
    """A reviewer's corrections of `changed` fields ({field: new value}), with the document's earlier
    corrections not learned yet (`_pending_corrections`). Never raises, like `vendor_memory_learn`."""
    if not _teaches(user=user, project=project, document=document):
        return None

    def correct() -> VendorMemory | None:
        final = {**_pending_corrections(document, result), **changed}
        return _learn(
            user=user,
            project=project,
            document=document,
            result=result,
            final=final,
            corrected=set(final),
            identity=_reviewed_identity(result, approved=False),
        )

    return _safely(document, correct)


def approval_learn(*, user, project: Project, document: Document) -> VendorMemory | None:
    """An approval: every field found by the extraction and left as it was is confirmed; corrections
    were learned when made, or are now when their vendor was not known then (`_pending_corrections`).
    A document confirms its vendor's memory once (a second approval after a later correction confirms
    nothing again). Never raises, like `vendor_memory_learn`."""
    if not _teaches(user=user, project=project, document=document):
        return None

    def confirm() -> VendorMemory | None:
        if VendorLesson.objects.filter(document=document, action=LessonAction.CONFIRMED).exists():
            return None
        result = DocumentResult.objects.filter(document=document).first()
        if result is None:
            return None
        confirmed = {
            name: field.get("value")
            for name, field in result.fields.items()
            if name not in result.corrected_fields and field.get("value") is not None
        }
        pending = _pending_corrections(document, result)
        return _learn(
            user=user,
            project=project,
            document=document,
            result=result,
            final={**confirmed, **pending},
            corrected=set(pending),
            identity=_reviewed_identity(result, approved=True),
        )

    return _safely(document, confirm)


# -- forgetting ---------------------------------------------------------------------------------------


def _memory_row(*, project: Project, key: str) -> VendorMemory:
    row = VendorMemory.objects.filter(project=project, key=key).first()
    if row is None:
        raise NotFound("No vendor with this key in the project's memory.")
    return row


def vendor_memory_forget(*, user, project: Project, key: str) -> None:
    """The project forgets everything it learned of the vendor (the audit trail stays)."""
    require_write_role(user=user, project=project)
    with transaction.atomic():
        row = _memory_row(project=project, key=key)
        row.delete()
        VendorLesson.objects.create(
            project=project,
            vendor_key=key,
            field="",
            action=LessonAction.FORGOTTEN,
            user=user,
            at=timezone.now(),
        )


def vendor_field_forget(*, user, project: Project, key: str, field: str) -> VendorMemory | None:
    """The project forgets one field of the vendor (the vendor goes when nothing is left); 404 when the
    vendor or the field is not in the memory. Returns the row left (None: none)."""
    from ocr_tasks.vendor_memory import VendorMemory as LibraryMemory
    from ocr_tasks.vendor_memory import forget_field

    require_write_role(user=user, project=project)
    with transaction.atomic():
        row = _memory_row(project=project, key=key)
        memory = LibraryMemory.from_dict(row.data)
        if field not in memory.lessons:
            raise NotFound("The project learned nothing about this field of the vendor.")
        kept = _store(project=project, row=row, memory=forget_field(memory, field))
        VendorLesson.objects.create(
            project=project,
            vendor_key=key,
            field=field,
            action=LessonAction.FORGOTTEN,
            user=user,
            at=timezone.now(),
        )
    return kept


# -- templates ----------------------------------------------------------------------------------------


def project_template_import(*, user, project: Project, name: str, source: str | bytes) -> ProjectTemplate:
    """Import an invoice2data template (YAML text or UTF-8 bytes) under `name`: parsed with the library's
    safe loader (`invalid_template` 400, `template_too_large` 413); a name already used answers 409
    `template_exists`."""
    from ocr_tasks.extraction.templates import load_template_yaml

    require_write_role(user=user, project=project)
    name = name.strip()
    load_template_yaml(source, name=name)  # raises the library's TemplateError
    if isinstance(source, bytes):
        source = source.decode("utf-8")  # the loader checked it is UTF-8
    when: datetime = timezone.now()
    try:
        with transaction.atomic():
            template = ProjectTemplate.objects.create(
                project=project, name=name, source=source, created_by=user
            )
            VendorLesson.objects.create(
                project=project,
                vendor_key=f"template:{name}",
                action=LessonAction.IMPORTED,
                user=user,
                at=when,
            )
    except IntegrityError:
        raise TemplateExists(
            "The project already has a template with this name: delete it first.",
            detail={"name": name},
        ) from None
    return template


def project_template_delete(*, user, project: Project, template: ProjectTemplate) -> None:
    require_write_role(user=user, project=project)
    if template.project_id != project.pk:
        raise NotFound("Template not found.")
    template.delete()


# -- re-extraction (the rescore flow, through the port: no user) ---------------------------------------


def document_reextracted_save(*, document_id, result: dict[str, Any]) -> bool:
    """Store a document's new extraction from its stored OCR (`DocumentResult.to_dict()`, checks
    included) like a pipeline result: a field (or the line items) it did not find keeps the earlier
    reading's (`services.reextraction.with_earlier_reading`), reviewers' corrections stay on top and the
    result's version moves on (a form opened before answers 409). A document approved (or gone)
    meanwhile is left as it is. Returns whether it was stored."""
    from django_api.invoices.models import DocumentStatus
    from django_api.invoices.services.pipeline_records import document_result_save
    from django_api.invoices.services.reextraction import with_earlier_reading

    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=document_id).first()
        if document is None or document.status != DocumentStatus.PROCESSED:
            return False
        stored = DocumentResult.objects.filter(document=document).first()
        if stored is not None and result.get("invoice"):  # what the new reading misses stays as first read
            invoice, _ = with_earlier_reading(
                result["invoice"], fields=stored.fields, line_items=stored.line_items
            )
            result = {**result, "invoice": invoice}
        document_result_save(document_id=document_id, result=result)
    return True


def project_rescore_request(*, user, project: Project) -> None:
    """Who may ask for a rescore (with or without re-extraction): owners and reviewers (viewers 403). The
    view then hands it to the orchestration seam (services never call the seam)."""
    require_write_role(user=user, project=project)
