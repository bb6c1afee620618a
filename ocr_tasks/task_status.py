"""The one vocabulary of task statuses, shared by the flows (their port) and the API (`OcrTask.status`):
defined once here, the lowest layer both may import."""

from __future__ import annotations

from enum import StrEnum


class TaskStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    PARTIALLY_FAILED = "partially_failed"
    FAILED = "failed"
    CANCELLING = "cancelling"
    CANCELLED = "cancelled"


FINISHED = frozenset(
    {TaskStatus.SUCCEEDED, TaskStatus.PARTIALLY_FAILED, TaskStatus.FAILED, TaskStatus.CANCELLED}
)
ACTIVE = frozenset({TaskStatus.QUEUED, TaskStatus.RUNNING, TaskStatus.CANCELLING})
