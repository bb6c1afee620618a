"""The OCR task record: one upload request processed by one flow run. Its state lives here, never only
in memory."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from django_api.invoices.models.projects import Project
from ocr_tasks.task_status import ACTIVE, FINISHED
from ocr_tasks.task_status import TaskStatus as SharedTaskStatus

# the statuses of ocr_tasks.task_status (shared with the flows), as Django choices
TaskStatus = models.TextChoices("TaskStatus", [(status.name, status.value) for status in SharedTaskStatus])
FINISHED_STATUSES = frozenset(TaskStatus(status.value) for status in FINISHED)
ACTIVE_STATUSES = frozenset(TaskStatus(status.value) for status in ACTIVE)


class OcrTask(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="tasks")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=20, choices=TaskStatus.choices, default=TaskStatus.QUEUED, db_index=True
    )
    current_step = models.CharField(max_length=32, blank=True, default="")
    documents_done = models.PositiveIntegerField(default=0)
    # extraction over (read or failed): counts up while the batch checks and the save wait for the last
    documents_extracted = models.PositiveIntegerField(default=0)
    documents_total = models.PositiveIntegerField(default=0)
    pages_done = models.PositiveIntegerField(default=0)
    pages_total = models.PositiveIntegerField(default=0)
    # 0-100, weighted by step as the flow reports it (flows.progress.weighted_percent); null: not reported
    progress = models.FloatField(null=True, blank=True)
    flow_run_id = models.CharField(max_length=64, blank=True, default="")
    attempts = models.PositiveIntegerField(default=0)
    error_code = models.CharField(max_length=64, blank=True, default="")
    error_message = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at",)

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    @property
    def percent(self) -> float:
        """100 once the task has run to its end; a cancelled one keeps what it reached. While running,
        what the flow reported (below 100); tasks from before it reported one: pages, else documents."""
        if self.is_finished and self.status != TaskStatus.CANCELLED:
            return 100.0
        if self.progress is not None:
            return round(self.progress, 1)
        if self.pages_total:
            return round(100.0 * self.pages_done / self.pages_total, 1)
        if self.documents_total:
            return round(100.0 * self.documents_done / self.documents_total, 1)
        return 0.0
