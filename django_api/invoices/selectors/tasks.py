"""Reading OCR tasks of a project."""

from __future__ import annotations

import uuid

from django.db.models import Count, Prefetch, QuerySet

from django_api.invoices.errors import NotFound
from django_api.invoices.models import Document, OcrTask, Project, TaskStatus


def task_list(*, user, project: Project) -> QuerySet[OcrTask]:
    """The project's tasks, newest first, with `document_count` and their documents' names (upload order)."""
    names = Document.objects.only("id", "task_id", "name").order_by("created_at", "name")
    return (
        OcrTask.objects.filter(project=project, project__memberships__user=user)
        .annotate(document_count=Count("documents", distinct=True))
        .prefetch_related(Prefetch("documents", queryset=names, to_attr="named_documents"))
        .order_by("-created_at")
    )


def task_get(*, user, project: Project, task_id) -> OcrTask:
    try:
        return task_list(user=user, project=project).get(pk=uuid.UUID(str(task_id)))
    except (OcrTask.DoesNotExist, ValueError):
        raise NotFound("Task not found.") from None


def queue_depth() -> int:
    """Tasks waiting or running, across all projects (the health check's figure, no data)."""
    return OcrTask.objects.filter(status__in=[TaskStatus.QUEUED, TaskStatus.RUNNING]).count()
