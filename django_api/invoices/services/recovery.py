"""Start-up recovery: no task stays `running` forever after a crash or a restart."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from django_api.invoices.models import OcrTask, TaskStatus
from django_api.invoices.services.pipeline_records import (
    task_documents_left_fail,
    task_finish,
    task_requeue,
)
from django_api.invoices.services.webhooks import task_event_record

logger = logging.getLogger(__name__)
REQUEUED = "requeued"  # the step of a task re-queued by task_requeue (the attempt counted)
RESUBMITTED = "resubmitted"


def tasks_recover_interrupted(
    *,
    max_attempts: int,
    requeue_queued: bool = True,
    is_alive: Callable[[str], bool] | None = None,
    queued_needs_dispatch: bool = False,
    queued_older_than: float | None = None,
    run_is_over: Callable[[str, str], bool] | None = None,
) -> list[str]:
    """Tasks left `running` go back to `queued` (or fail with `interrupted` once they have had
    `max_attempts` attempts); `cancelling` ones become `cancelled`. Returns the ids of the tasks to hand to
    the executor again: the re-queued ones, and (`requeue_queued`) those still queued, whose in-memory
    queue died with the old process.

    `is_alive(flow_run_id)`: tasks whose flow run is still alive elsewhere (distributed workers) are left
    alone (distributed mode: `seam.flow_run_is_active`, which also takes a run whose heartbeats stopped as
    gone). `queued_needs_dispatch`: only queued tasks never handed to Prefect (no flow run) are returned,
    and (`run_is_over(task_id, flow_run_id)`) those whose flow run is missing or over with no other run
    for them (`_queued_orphans_resubmit`); `queued_older_than` (seconds): only those not changed for that
    long."""
    now = timezone.now()
    to_dispatch: list[str] = []
    # Prefect is asked with no row locked (it can take seconds under load, and the flows write the same
    # rows: progress, results, the end of a cancel); each row is then locked only to act on it, if it is
    # still as it was read.
    for task_id, flow_run_id in _tasks_in(TaskStatus.CANCELLING):
        if is_alive is not None and is_alive(flow_run_id):
            continue
        with transaction.atomic():
            task = _locked_if_unchanged(task_id, TaskStatus.CANCELLING, flow_run_id)
            if task is None:
                continue
            task.status, task.finished_at, task.current_step = TaskStatus.CANCELLED, now, "cancelled"
            task.save(update_fields=["status", "finished_at", "current_step", "updated_at"])
            task_documents_left_fail(task_id=task.pk, code="cancelled", message="the task was cancelled")
            task_event_record(task=task)
    for task_id, flow_run_id in _tasks_in(TaskStatus.RUNNING):
        if is_alive is not None and is_alive(flow_run_id):
            continue
        with transaction.atomic():
            task = _locked_if_unchanged(task_id, TaskStatus.RUNNING, flow_run_id)
            if task is None:
                continue
            # the one re-queue of a run that ended without finishing its task (the flow's on_crashed
            # hook calls it too, through DjangoPort.requeue_task): the attempt counts
            requeued = task_requeue(task_id=task.pk, count_attempt=True, max_attempts=max_attempts)
        if requeued:
            to_dispatch.append(str(task.id))
            logger.warning("task %s re-queued after an interruption (attempt %d)", task.id, task.attempts)
        else:
            logger.warning("task %s failed: interrupted after %d attempt(s)", task.id, task.attempts)
    if requeue_queued:
        queued = OcrTask.objects.filter(status=TaskStatus.QUEUED).exclude(pk__in=to_dispatch)
        if queued_older_than is not None:
            queued = queued.filter(updated_at__lt=now - timedelta(seconds=queued_older_than))
        if queued_needs_dispatch:
            if run_is_over is not None:
                orphans = queued.exclude(flow_run_id="")
                to_dispatch.extend(_queued_orphans_resubmit(orphans, run_is_over, max_attempts))
            queued = queued.filter(flow_run_id="")
        to_dispatch.extend(str(pk) for pk in queued.order_by("created_at").values_list("pk", flat=True))
    return to_dispatch


def _tasks_in(status: str) -> list[tuple[str, str]]:
    """(id, flow run id) of the tasks in `status`, read without a lock."""
    rows = OcrTask.objects.filter(status=status).order_by("created_at").values_list("pk", "flow_run_id")
    return [(str(pk), flow_run_id) for pk, flow_run_id in rows]


def _locked_if_unchanged(task_id: str, status: str, flow_run_id: str) -> OcrTask | None:
    """The task's row, locked (inside the caller's transaction), if it still has this status and flow run."""
    return (
        OcrTask.objects.select_for_update().filter(pk=task_id, status=status, flow_run_id=flow_run_id).first()
    )


def _queued_orphans_resubmit(
    candidates, run_is_over: Callable[[str, str], bool], max_attempts: int
) -> list[str]:
    """Queued tasks whose recorded flow run is missing or over and no other flow run waits or runs for
    them: the crash re-queue could not reach Prefect to submit the next attempt, or the run ended before
    it started (lost before it was picked up, cancelled in Prefect's UI). Returns those to hand to Prefect
    again (step `resubmitted`). The crash re-queue counted its attempt (step `requeued`); any other lost
    run counts now, so that a run that never starts is not submitted forever: the task fails
    `interrupted` once it has had `max_attempts`."""
    resubmit: list[str] = []
    rows = candidates.order_by("created_at").values_list("pk", "flow_run_id", "updated_at")
    for task_id, flow_run_id, updated_at in list(rows):
        if not run_is_over(str(task_id), flow_run_id):  # asked with no row locked
            continue
        with transaction.atomic():
            task = _locked_if_unchanged(task_id, TaskStatus.QUEUED, flow_run_id)
            if task is None or task.updated_at != updated_at:
                continue
            if task.current_step != REQUEUED:
                task.attempts += 1
                if task.attempts >= max_attempts:
                    task.save(update_fields=["attempts", "updated_at"])
                    message = (
                        f"interrupted (its flow run ended before it ran) after {task.attempts} attempt(s)"
                    )
                    task_finish(
                        task_id=task.pk,
                        status=TaskStatus.FAILED,
                        error_code="interrupted",
                        error_message=message,
                    )
                    logger.warning("task %s failed: %s", task.id, message)
                    continue
            task.current_step = RESUBMITTED
            task.save(update_fields=["attempts", "current_step", "updated_at"])
        resubmit.append(str(task_id))
        logger.warning("task %s: flow run %s is over, submitted again", task_id, flow_run_id)
    return resubmit
