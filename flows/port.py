"""The port: the only way a flow reads its inputs and writes progress and results.

`flows.memory_port.InMemoryPort` serves tests and the CLI; `django_api` provides the real one
(in `django_api`, reached through its orchestration seam). The worker chooses by the setting
`OCR_PIPELINE_PORT` (dotted path of a zero-argument factory). Additive changes only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.ocr_types import SourceDocument
from ocr_tasks.result_types import DocumentResult, ErrorInfo
from ocr_tasks.task_status import FINISHED as FINISHED  # re-exported: the flows read it from here
from ocr_tasks.task_status import TaskStatus

# task statuses: the one vocabulary shared with django_api's OcrTask.status (ocr_tasks.task_status)
QUEUED, RUNNING, SUCCEEDED, PARTIALLY_FAILED, FAILED, CANCELLING, CANCELLED = (
    TaskStatus.QUEUED,
    TaskStatus.RUNNING,
    TaskStatus.SUCCEEDED,
    TaskStatus.PARTIALLY_FAILED,
    TaskStatus.FAILED,
    TaskStatus.CANCELLING,
    TaskStatus.CANCELLED,
)


@dataclass(frozen=True, slots=True)
class TaskInputs:
    task_id: str
    project_id: str
    documents: tuple[SourceDocument, ...]
    languages: str = "eng"
    # per-project settings: approval_threshold, custom expectations (list of GX configs), ...
    settings: dict[str, Any] = field(default_factory=dict)
    # pages of each document as counted when it was received (document id -> pages; missing: not
    # counted), so that the task's page total is known before its first percentage is reported
    page_counts: Mapping[str, int] = field(default_factory=dict)
    # documents an earlier attempt of this task already settled (document id -> "" when its result is
    # saved, else the code of the error it failed with): a re-run leaves them as they are
    settled: Mapping[str, str] = field(default_factory=dict)
    attempt: int = 1  # which attempt at the task this run is (1 the first; a re-queue adds one)


@dataclass(frozen=True, slots=True)
class Progress:
    step: str  # ingest | ocr | extract | validate | anomalies | save | done
    documents_done: int
    documents_total: int
    pages_done: int
    pages_total: int
    percent: float | None = None  # weighted by step (flows.progress.weighted_percent); None: not given
    attempt: int | None = None  # the attempt reporting it: a re-queued task's percent restarts with it
    # documents whose extraction is over (read, or failed before): the batch checks and the save come after,
    # so `documents_done` stays 0 until the end of a batch while this one counts up
    documents_extracted: int = 0


class UnknownId(LookupError):
    """A task or project id the port does not hold (a flow run started by hand, from the Prefect UI or
    `prefect deployment run`, with a wrong id): said in words, not as the storage's own exception."""


@runtime_checkable
class PipelinePort(Protocol):
    def load_task(self, task_id: str) -> TaskInputs: ...

    def read_document(self, document: SourceDocument) -> bytes: ...

    def mark_running(self, task_id: str, *, flow_run_id: str | None) -> None: ...

    def report_progress(self, task_id: str, progress: Progress) -> None: ...

    def save_document_result(self, task_id: str, result: DocumentResult) -> None: ...

    def mark_document_failed(self, task_id: str, document_id: str, error: ErrorInfo) -> None: ...

    def finish_task(self, task_id: str, status: str, *, error: ErrorInfo | None = None) -> None: ...

    def is_cancelled(self, task_id: str) -> bool: ...

    def load_history(self, project_id: str, *, exclude_task_id: str | None = None) -> list[InvoiceRecord]: ...

    def load_project_results(self, project_id: str) -> list[DocumentResult]: ...

    def save_rescored(self, project_id: str, result: DocumentResult) -> None: ...

    def save_anomaly_model(self, project_id: str, model: bytes, version: str) -> None: ...

    def load_anomaly_model(self, project_id: str) -> tuple[bytes, str] | None: ...


# -- optional capabilities (additive): ports may implement them; flows that need one say so clearly --
@runtime_checkable
class TaskIntake(Protocol):
    """Creates a queued task from files (used by `watch_inbox`); returns the task id."""

    def create_task(self, project_id: str, files: list[tuple[str, bytes]]) -> str: ...


@runtime_checkable
class IntakeRefusals(Protocol):
    """A `TaskIntake` that also says which files it refused whole (file name -> error code), so that a
    sweep sets each aside with its own error (a text file, or an e-mail without invoice, beside good
    files); without it such a file's error is `not_processed`."""

    def create_task_noting_refusals(
        self, project_id: str, files: list[tuple[str, bytes]]
    ) -> tuple[str, dict[str, str]]: ...


@runtime_checkable
class ProjectListing(Protocol):
    """Lists the ids of all projects (used by `refit_anomaly_models` without a project id)."""

    def project_ids(self) -> list[str]: ...


@runtime_checkable
class SettingsSource(Protocol):
    """A project's settings (the same dict `load_task` gives a task: custom expectations, validation and
    anomaly settings...), for the flows that work on a project without a task (`rescore_project`,
    `refit_anomaly_models`)."""

    def project_settings(self, project_id: str) -> dict[str, Any]: ...


@runtime_checkable
class TaskRequeue(Protocol):
    """Hands a running task back to the queue, its progress reset (percent, pages and documents done,
    step `requeued`); its documents without a result go back to pending; documents with a result or a
    failure keep them (the next attempt skips them: `TaskInputs.settled`). A task cancelled meanwhile, or
    no longer running, is left as it is. Returns whether the task is queued again.

    - `count_attempt=False`: its process is stopping (SIGTERM/SIGINT) before the run finished; the stop
      is not counted as an attempt.
    - `count_attempt=True`: the run crashed (its worker or flow process died); the attempt counts, and a
      task that has had its `OCR_MAX_ATTEMPTS` attempts fails with `interrupted` instead (False).

    Ports without it leave the task `running` for the start-up recovery to re-queue."""

    def requeue_task(self, task_id: str, *, count_attempt: bool = False) -> bool: ...


@runtime_checkable
class VendorKnowledge(Protocol):
    """What a project learned from its reviewers, for extraction: its vendor memories
    (`ocr_tasks.vendor_memory.VendorMemory`) and its imported invoice2data templates
    (`ocr_tasks.extraction.templates.Template`). Read once per run (`flows.vendor_knowledge`); never
    another project's. Ports without it extract with the general engine only."""

    def vendor_memories(self, project_id: str) -> list[Any]: ...

    def project_templates(self, project_id: str) -> list[Any]: ...


@runtime_checkable
class Reextraction(Protocol):
    """Re-extracting a project's documents from their stored OCR with what the project knows now (its
    vendor memory and templates: `rescore_project(..., reextract=True)`): the ids of the documents no
    reviewer has approved (only those are re-extracted), and saving a re-extracted result (its fields
    replace the extraction, reviewers' corrections stay on top; a document approved meanwhile is left as
    it is)."""

    def reextractable_document_ids(self, project_id: str) -> list[str]: ...

    def save_reextracted(self, project_id: str, result: DocumentResult) -> None: ...
