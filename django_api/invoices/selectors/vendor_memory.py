"""Reading what a project learned from its reviewers: its vendor memories (per vendor the fields learned:
label, side, format, how often confirmed or missed, who taught them and when), a vendor's memory as an
invoice2data template, the audit trail of lessons, and the project's imported templates. Any member may
read; non-members get 404 (`project_role`)."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from django.db.models import QuerySet

from django_api.invoices.errors import NotFound
from django_api.invoices.models import Project, ProjectTemplate, VendorLesson, VendorMemory
from django_api.invoices.selectors.projects import project_role

logger = logging.getLogger(__name__)

MAX_LESSONS_LISTED = 50


def vendor_memory_list(*, user, project: Project) -> QuerySet[VendorMemory]:
    project_role(user=user, project=project)
    return VendorMemory.objects.filter(project=project).order_by("key")


def vendor_memory_get(*, user, project: Project, key: str) -> VendorMemory:
    row = vendor_memory_list(user=user, project=project).filter(key=key).first()
    if row is None:
        raise NotFound("No vendor with this key in the project's memory.")
    return row


def vendor_lessons(*, user, project: Project, key: str) -> QuerySet[VendorLesson]:
    """The vendor's latest lessons (audit), newest first."""
    project_role(user=user, project=project)
    return (
        VendorLesson.objects.filter(project=project, vendor_key=key)
        .select_related("user")
        .order_by("-at", "-id")[:MAX_LESSONS_LISTED]
    )


def vendor_template_yaml(*, user, project: Project, key: str) -> str:
    """The vendor's memory as an invoice2data template (YAML text)."""
    from ocr_tasks.vendor_memory import VendorMemory as LibraryMemory
    from ocr_tasks.vendor_memory import memory_template

    row = vendor_memory_get(user=user, project=project, key=key)
    return memory_template(LibraryMemory.from_dict(row.data))


def _box(box: Any) -> list[float] | None:
    if box is None:
        return None
    values = box.to_list() if hasattr(box, "to_list") else list(box)
    return [round(float(v), 6) for v in values]


def _when(value: Any) -> str | None:
    if not value:  # the library keeps "" for a lesson whose teacher is not known
        return None
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _lesson_dict(lesson: Any) -> dict[str, Any]:
    return {
        "field": lesson.field,
        "page": lesson.page,
        "box": _box(lesson.box),
        "label": lesson.label,
        "label_side": lesson.label_side,
        "value_format": lesson.value_format,
        "confirmations": lesson.confirmations,
        "misses": lesson.misses,
        "misses_in_row": lesson.misses_in_row,
        "taught_by": lesson.taught_by or None,
        "taught_at": _when(lesson.taught_at),
    }


def vendor_memory_dict(row: VendorMemory) -> dict[str, Any]:
    from ocr_tasks.vendor_memory import VendorMemory as LibraryMemory

    memory = LibraryMemory.from_dict(row.data)
    return {
        "key": row.key,
        "name": row.name,
        "identifiers": list(row.identifiers),
        "fields": [_lesson_dict(memory.lessons[name]) for name in sorted(memory.lessons)],
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def vendor_lesson_dict(lesson: VendorLesson) -> dict[str, Any]:
    return {
        "field": lesson.field,
        "action": lesson.action,
        "user": lesson.user.get_username() if lesson.user else None,
        "document_id": str(lesson.document_id) if lesson.document_id else None,
        "at": lesson.at,
    }


def project_template_list(*, user, project: Project) -> QuerySet[ProjectTemplate]:
    project_role(user=user, project=project)
    return ProjectTemplate.objects.filter(project=project).select_related("created_by").order_by("name")


def project_template_get(*, user, project: Project, name: str) -> ProjectTemplate:
    template = project_template_list(user=user, project=project).filter(name=name).first()
    if template is None:
        raise NotFound("Template not found.")
    return template


def project_template_dict(template: ProjectTemplate, *, with_source: bool = False) -> dict[str, Any]:
    out = {
        "name": template.name,
        "size": len(template.source.encode()),
        "created_by": template.created_by.get_username() if template.created_by else None,
        "created_at": template.created_at,
    }
    if with_source:
        out["source"] = template.source
    return out


# -- for the pipeline (the flows' port acts for the system, by project id) ----------------------------


def pipeline_vendor_memories(*, project_id) -> list[Any]:
    """The project's vendor memories as the library's `VendorMemory` (a row that cannot be read is logged
    and left out)."""
    from ocr_tasks.vendor_memory import VendorMemory as LibraryMemory

    memories = []
    for row in VendorMemory.objects.filter(project_id=project_id).order_by("key"):
        try:
            memories.append(LibraryMemory.from_dict(row.data))
        except Exception:  # noqa: BLE001 - one unreadable row must not stop the others
            logger.exception("vendor memory %s of project %s cannot be read", row.key, project_id)
    return memories


def pipeline_project_templates(*, project_id) -> list[Any]:
    """The project's imported templates, parsed by the library's safe loader (one that no longer parses
    is logged and left out)."""
    from ocr_tasks.errors import TemplateError
    from ocr_tasks.extraction.templates import load_template_yaml

    templates = []
    for row in ProjectTemplate.objects.filter(project_id=project_id).order_by("name"):
        try:
            templates.append(load_template_yaml(row.source, name=row.name))
        except TemplateError:
            logger.exception("template %s of project %s cannot be read", row.name, project_id)
    return templates


def pipeline_reextractable_documents(*, project_id) -> list[str]:
    """Ids of the project's processed documents (neither approved nor failed): a rescore may re-extract
    them with the project's current memory."""
    from django_api.invoices.models import Document, DocumentStatus

    rows = Document.objects.filter(project_id=project_id, status=DocumentStatus.PROCESSED)
    return [str(pk) for pk in rows.order_by("created_at").values_list("pk", flat=True)]
