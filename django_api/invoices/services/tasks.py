"""Users' writes on tasks: cancel (cooperative: the flow reads the status through the port every 0.25 s
while it waits and between its steps, and ends the task `cancelled` without waiting for the pages or
extractions under way; in distributed mode Prefect is asked to cancel the flow run too)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from django_api.invoices.errors import TaskFinished
from django_api.invoices.models import OcrTask, Project, TaskStatus
from django_api.invoices.services.pipeline_records import task_documents_left_fail
from django_api.invoices.services.projects import require_write_role
from django_api.invoices.services.webhooks import task_event_record
from django_api.orchestration.seam import flow_run_cancel


def task_cancel(*, user, project: Project, task: OcrTask) -> OcrTask:
    """Queued -> cancelled at once; running -> cancelling (the flow finishes it as cancelled);
    cancelling/cancelled -> unchanged (idempotent); succeeded/failed/partially_failed -> `TaskFinished`."""
    require_write_role(user=user, project=project)
    now = timezone.now()
    with transaction.atomic():
        if OcrTask.objects.filter(pk=task.pk, status=TaskStatus.QUEUED).update(
            status=TaskStatus.CANCELLED, finished_at=now, current_step="cancelled", updated_at=now
        ):
            task_documents_left_fail(task_id=task.pk, code="cancelled", message="the task was cancelled")
            task.refresh_from_db()
            task_event_record(task=task)
            if task.flow_run_id:  # distributed: its flow run must not start later
                transaction.on_commit(lambda: flow_run_cancel(flow_run_id=task.flow_run_id))
            return task
    if OcrTask.objects.filter(pk=task.pk, status=TaskStatus.RUNNING).update(
        status=TaskStatus.CANCELLING, updated_at=now
    ):
        flow_run_cancel(flow_run_id=task.flow_run_id)
    task.refresh_from_db()
    if task.status in (TaskStatus.CANCELLING, TaskStatus.CANCELLED):
        return task
    raise TaskFinished(f"The task has already finished ({task.status}).", detail={"status": task.status})
