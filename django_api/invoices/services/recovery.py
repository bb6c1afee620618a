"""Start-up recovery: no task stays `running` forever after a crash or a restart."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from django_api.invoices.models import Document, DocumentStatus, OcrTask, TaskStatus
from django_api.invoices.services.pipeline_records import task_documents_left_fail
from django_api.invoices.services.webhooks import task_event_record

logger = logging.getLogger(__name__)
INTERRUPTED = "interrupted"


def tasks_recover_interrupted(
    *,
    max_attempts: int,
    requeue_queued: bool = True,
    is_alive: Callable[[str], bool] | None = None,
    queued_needs_dispatch: bool = False,
    queued_older_than: float | None = None,
) -> list[str]:
    """Tasks left `running` go back to `queued` (or fail with `interrupted` once they have had
    `max_attempts` attempts); `cancelling` ones become `cancelled`. Returns the ids of the tasks to hand to
    the executor again: the re-queued ones, and (`requeue_queued`) those still queued, whose in-memory
    queue died with the old process.

    `is_alive(flow_run_id)`: tasks whose flow run is still alive elsewhere (distributed workers) are left
    alone (distributed mode: `seam.flow_run_is_active`, which also takes a run whose heartbeats stopped as
    gone). `queued_needs_dispatch`: only queued tasks never handed to Prefect (no flow run) are returned;
    `queued_older_than` (seconds): only those not changed for that long."""
    now = timezone.now()
    to_dispatch: list[str] = []
    with transaction.atomic():
        for task in OcrTask.objects.select_for_update().filter(status=TaskStatus.CANCELLING):
            if is_alive is not None and is_alive(task.flow_run_id):
                continue
            task.status, task.finished_at, task.current_step = TaskStatus.CANCELLED, now, "cancelled"
            task.save(update_fields=["status", "finished_at", "current_step", "updated_at"])
            task_documents_left_fail(task_id=task.pk, code="cancelled", message="the task was cancelled")
            task_event_record(task=task)
        for task in OcrTask.objects.select_for_update().filter(status=TaskStatus.RUNNING):
            if is_alive is not None and is_alive(task.flow_run_id):
                continue
            documents = Document.objects.filter(task=task, status=DocumentStatus.PROCESSING)
            if task.attempts >= max_attempts:
                message = f"interrupted (worker or process lost) after {task.attempts} attempt(s)"
                task.status, task.finished_at = TaskStatus.FAILED, now
                task.error_code, task.error_message = INTERRUPTED, message
                task.save(
                    update_fields=["status", "finished_at", "error_code", "error_message", "updated_at"]
                )
                documents.update(status=DocumentStatus.FAILED, error_code=INTERRUPTED, error_message=message)
                task_event_record(task=task)
                logger.warning("task %s failed: %s", task.id, message)
            else:
                task.status, task.current_step = TaskStatus.QUEUED, "requeued"
                # its old progress goes (task_progress_save never lowers the stored percentage)
                task.progress, task.pages_done, task.documents_done = 0.0, 0, 0
                task.save(
                    update_fields=[
                        "status",
                        "current_step",
                        "progress",
                        "pages_done",
                        "documents_done",
                        "updated_at",
                    ]
                )
                documents.update(status=DocumentStatus.PENDING)
                to_dispatch.append(str(task.id))
                logger.warning("task %s re-queued after an interruption (attempt %d)", task.id, task.attempts)
        if requeue_queued:
            queued = OcrTask.objects.filter(status=TaskStatus.QUEUED).exclude(pk__in=to_dispatch)
            if queued_needs_dispatch:
                queued = queued.filter(flow_run_id="")
            if queued_older_than is not None:
                queued = queued.filter(updated_at__lt=now - timedelta(seconds=queued_older_than))
            to_dispatch.extend(str(pk) for pk in queued.order_by("created_at").values_list("pk", flat=True))
    return to_dispatch
