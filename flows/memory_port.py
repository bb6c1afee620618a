"""`InMemoryPort`: the pipeline port kept in this process's memory (tests, the CLI, a worker without
Django). Thread-safe: the flow and a caller that cancels or polls may run on different threads.

Documents are given as bytes or as local paths (read when the flow asks for them).
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import os
import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from flows.port import CANCELLED, CANCELLING, FAILED, FINISHED, QUEUED, RUNNING, Progress, TaskInputs
from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.errors import BadInput, StorageError
from ocr_tasks.ingest.detect import sniff_media_type
from ocr_tasks.ingest.email_attachments import EmailLimits, email_attachments
from ocr_tasks.ingest.email_message import looks_like_email
from ocr_tasks.ocr_types import SourceDocument
from ocr_tasks.result_types import DocumentResult, ErrorInfo

INTERRUPTED = "interrupted"  # a task's code once crashes used up its attempts (as django_api's recovery)


@dataclass
class TaskRecord:
    inputs: TaskInputs
    status: str = QUEUED
    flow_run_id: str | None = None
    error: ErrorInfo | None = None
    cancel_requested: bool = False
    progress: list[Progress] = field(default_factory=list)
    results: dict[str, DocumentResult] = field(default_factory=dict)
    failures: dict[str, ErrorInfo] = field(default_factory=dict)
    statuses: list[str] = field(default_factory=list)
    attempts: int = 0  # runs started (`mark_running`); a stop's hand-back takes its run back


def source_for_bytes(
    data: bytes, *, name: str, uri: str = "", document_id: str | None = None
) -> SourceDocument:
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return SourceDocument(
        id=document_id or uuid.uuid4().hex,
        uri=uri or f"memory://{name}",
        media_type=media_type,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        name=name,
    )


def _is_email(data: bytes) -> bool:
    return sniff_media_type(data) is None and looks_like_email(data)


def count_pages(data: bytes) -> int | None:
    """Pages of a PDF or an image (what an upload counts); None when it cannot tell (the flow then learns
    them when it ingests the document)."""
    try:
        if data[:5] == b"%PDF-":
            import pypdfium2 as pdfium

            from ocr_tasks.ingest.pdfium_lock import PDFIUM_LOCK

            with PDFIUM_LOCK:
                return len(pdfium.PdfDocument(data))
        from PIL import Image

        from ocr_tasks.ingest.heif import enable_heif

        enable_heif()
        with Image.open(io.BytesIO(data)) as image:
            frames = int(getattr(image, "n_frames", 1))
        with Image.open(io.BytesIO(data)) as image:
            image.verify()  # a truncated or corrupt file is not counted (an upload refuses it)
        return frames
    except Exception:  # noqa: BLE001 - not a document it can count: unknown
        return None


class InMemoryPort:
    """Implements `flows.port.PipelinePort` and `TaskRequeue`; the extra methods create tasks and read
    their outcome."""

    def __init__(self, *, settings: dict[str, Any] | None = None, max_attempts: int | None = None) -> None:
        """`settings`: project settings given to tasks created without their own (e.g. by `create_task`).
        `max_attempts`: attempts at a task before a crash fails it (default `OCR_MAX_ATTEMPTS`, 3)."""
        self._default_settings = dict(settings or {})
        self.max_attempts = max_attempts or int(os.environ.get("OCR_MAX_ATTEMPTS", "3"))
        self._lock = threading.RLock()
        self._tasks: dict[str, TaskRecord] = {}
        self._blobs: dict[str, bytes | Path] = {}
        self._history: dict[str, list[InvoiceRecord]] = {}
        self._rescored: dict[str, dict[str, DocumentResult]] = {}
        self._models: dict[str, tuple[bytes, str]] = {}
        self._project_settings: dict[str, dict[str, Any]] = {}
        self._memories: dict[str, list[Any]] = {}  # project id -> [VendorMemory]
        self._templates: dict[str, list[Any]] = {}  # project id -> [Template]
        self._approved: set[str] = set()  # document ids a reviewer approved (never re-extracted)

    # -- creating tasks (callers) ------------------------------------------------------------
    def add_task(
        self,
        project_id: str,
        documents: Iterable[tuple[str, bytes] | Path | str],
        *,
        task_id: str | None = None,
        languages: str = "eng",
        settings: dict[str, Any] | None = None,
    ) -> str:
        """Queue a task over `(name, bytes)` pairs or local paths; returns its id."""
        sources = []
        page_counts: dict[str, int] = {}
        for item in documents:
            if isinstance(item, tuple):  # (name, bytes) or (name, bytes, the e-mail it was attached to)
                name, data, *received_in = item
                source = replace(source_for_bytes(data, name=name), received_in="".join(received_in))
                blob: bytes | Path = data
            else:
                path = Path(item).resolve()
                data = path.read_bytes()
                source = source_for_bytes(data, name=path.name, uri=path.as_uri())
                blob = path
            with self._lock:
                self._blobs[source.id] = blob
            sources.append(source)
            pages = count_pages(data)
            if pages:
                page_counts[source.id] = pages
        task_id = task_id or uuid.uuid4().hex
        inputs = TaskInputs(
            task_id=task_id,
            project_id=project_id,
            documents=tuple(sources),
            languages=languages,
            settings=dict(self._default_settings if settings is None else settings),
            page_counts=page_counts,
        )
        with self._lock:
            self._tasks[task_id] = TaskRecord(inputs=inputs, statuses=[QUEUED])
        return task_id

    def create_task(self, project_id: str, files: list[tuple[str, bytes]]) -> str:
        """`TaskIntake`: a queued task over `(name, bytes)` pairs. An e-mail stands for its attachments
        that may be invoices, as in an upload (one whose attachments are all damaged, or that has none or
        is cut short, adds nothing; when nothing is left, the first e-mail's error refuses the sweep).
        Other files are not checked here: the flow fails bad ones."""
        documents: list[tuple[str, bytes, str]] = []
        refused: list[BadInput] = []
        for name, data in files:
            if not _is_email(data):
                documents.append((name, data, ""))
                continue
            try:
                contents = email_attachments(data, limits=EmailLimits())
            except BadInput as exc:
                refused.append(exc)
                continue
            documents += [(a.name, a.data, name) for a in contents.attachments if a.error is None]
        if not documents and refused:
            raise refused[0]
        return self.add_task(project_id, documents)

    def create_task_noting_refusals(
        self, project_id: str, files: list[tuple[str, bytes]]
    ) -> tuple[str, dict[str, str]]:
        """`IntakeRefusals`: `create_task` (a subclass's own too), and the e-mails it refused whole."""
        task_id = self.create_task(project_id, files)
        refused = {}
        for name, data in files:
            if _is_email(data):
                try:
                    email_attachments(data, limits=EmailLimits())
                except BadInput as exc:
                    refused[name] = exc.code
        return task_id, refused

    def cancel(self, task_id: str) -> None:
        with self._lock:
            record = self._tasks[task_id]
            record.cancel_requested = True
            if record.status not in FINISHED:
                record.status = CANCELLING
                record.statuses.append(CANCELLING)

    def set_project_settings(self, project_id: str, settings: dict[str, Any]) -> None:
        with self._lock:
            self._project_settings[project_id] = dict(settings)

    def set_vendor_memories(self, project_id: str, memories: Sequence[Any]) -> None:
        """The project's vendor memories (`ocr_tasks.vendor_memory.VendorMemory`) its runs extract with."""
        with self._lock:
            self._memories[project_id] = list(memories)

    def set_project_templates(self, project_id: str, templates: Sequence[Any]) -> None:
        """The project's invoice2data templates (`ocr_tasks.extraction.templates.Template`)."""
        with self._lock:
            self._templates[project_id] = list(templates)

    def approve_document(self, document_id: str) -> None:
        """Mark a document approved by a reviewer (`Reextraction` leaves it as it is)."""
        with self._lock:
            self._approved.add(document_id)

    def seed_history(self, project_id: str, records: Sequence[InvoiceRecord]) -> None:
        with self._lock:
            self._history.setdefault(project_id, []).extend(records)

    # -- reading outcomes (callers) -----------------------------------------------------------
    def task(self, task_id: str) -> TaskRecord:
        with self._lock:
            return self._tasks[task_id]

    def status(self, task_id: str) -> str:
        with self._lock:
            return self._tasks[task_id].status

    def progress_log(self, task_id: str) -> list[Progress]:
        with self._lock:
            return list(self._tasks[task_id].progress)

    def results(self, task_id: str) -> dict[str, DocumentResult]:
        with self._lock:
            return dict(self._tasks[task_id].results)

    def failures(self, task_id: str) -> dict[str, ErrorInfo]:
        with self._lock:
            return dict(self._tasks[task_id].failures)

    # -- PipelinePort -------------------------------------------------------------------------
    def load_task(self, task_id: str) -> TaskInputs:
        """The task's inputs, with the documents an earlier attempt settled and this attempt's number."""
        with self._lock:
            record = self._tasks[task_id]
            settled = {doc_id: (r.errors[0].code if r.errors else "") for doc_id, r in record.results.items()}
            settled |= {doc_id: error.code for doc_id, error in record.failures.items()}
            attempt = record.attempts + (1 if record.status == QUEUED else 0)
            return replace(record.inputs, settled=settled, attempt=max(1, attempt))

    def read_document(self, document: SourceDocument) -> bytes:
        with self._lock:
            blob = self._blobs.get(document.id)
        if blob is None:
            raise StorageError(f"no stored file for document {document.id}")
        if isinstance(blob, Path):
            try:
                return blob.read_bytes()
            except OSError as exc:
                raise StorageError(f"cannot read {blob}: {exc}") from exc
        return blob

    def mark_running(self, task_id: str, *, flow_run_id: str | None) -> None:
        with self._lock:
            record = self._tasks[task_id]
            record.flow_run_id = flow_run_id
            if record.status == QUEUED:
                record.status = RUNNING
                record.statuses.append(RUNNING)
                record.attempts += 1

    def report_progress(self, task_id: str, progress: Progress) -> None:
        with self._lock:
            self._tasks[task_id].progress.append(progress)

    def save_document_result(self, task_id: str, result: DocumentResult) -> None:
        with self._lock:
            self._tasks[task_id].results[result.source.id] = result

    def mark_document_failed(self, task_id: str, document_id: str, error: ErrorInfo) -> None:
        with self._lock:
            self._tasks[task_id].failures[document_id] = error

    def finish_task(self, task_id: str, status: str, *, error: ErrorInfo | None = None) -> None:
        with self._lock:
            record = self._tasks[task_id]
            if record.status in FINISHED:  # the first final status wins (a flow and its hook may both call)
                return
            record.status = status
            record.error = error
            record.statuses.append(status)

    def requeue_task(self, task_id: str, *, count_attempt: bool = False) -> bool:
        """`TaskRequeue`: back to `queued` with its progress reset (a task cancelled meanwhile, or already
        ended, is left as it is); results and failures stay. `count_attempt`: a crash, counted; once the
        task has had `max_attempts` it fails with `interrupted` instead."""
        with self._lock:
            record = self._tasks[task_id]
            if record.status != RUNNING or record.cancel_requested:
                return False
            if count_attempt and record.attempts >= self.max_attempts:
                message = f"interrupted after {record.attempts} attempt(s)"
                for source in record.inputs.documents:
                    if source.id not in record.results and source.id not in record.failures:
                        record.failures[source.id] = ErrorInfo(code=INTERRUPTED, message=message)
                record.status, record.error = FAILED, ErrorInfo(code=INTERRUPTED, message=message)
                record.statuses.append(FAILED)
                return False
            if not count_attempt:
                record.attempts = max(0, record.attempts - 1)
            record.status = QUEUED
            record.statuses.append(QUEUED)
            total = len(record.inputs.documents)
            record.progress.append(
                Progress("requeued", 0, total, 0, 0, percent=0.0, attempt=record.attempts + 1)
            )
            return True

    def is_cancelled(self, task_id: str) -> bool:
        with self._lock:
            record = self._tasks.get(task_id)
            return bool(record and (record.cancel_requested or record.status in (CANCELLING, CANCELLED)))

    def load_history(self, project_id: str, *, exclude_task_id: str | None = None) -> list[InvoiceRecord]:
        with self._lock:
            records = list(self._history.get(project_id, ()))
            for task_id, record in self._tasks.items():
                if record.inputs.project_id == project_id and task_id != exclude_task_id:
                    records.extend(InvoiceRecord.from_result(r) for r in record.results.values())
            return records

    def load_project_results(self, project_id: str) -> list[DocumentResult]:
        with self._lock:
            rescored = self._rescored.get(project_id, {})
            return [
                rescored.get(doc_id, result)
                for record in self._tasks.values()
                if record.inputs.project_id == project_id
                for doc_id, result in record.results.items()
            ]

    def save_rescored(self, project_id: str, result: DocumentResult) -> None:
        with self._lock:
            self._rescored.setdefault(project_id, {})[result.source.id] = result
            for record in self._tasks.values():
                if record.inputs.project_id == project_id and result.source.id in record.results:
                    record.results[result.source.id] = result

    def save_anomaly_model(self, project_id: str, model: bytes, version: str) -> None:
        with self._lock:
            self._models[project_id] = (model, version)

    def load_anomaly_model(self, project_id: str) -> tuple[bytes, str] | None:
        with self._lock:
            return self._models.get(project_id)

    def project_settings(self, project_id: str) -> dict[str, Any]:
        """`SettingsSource`: what `set_project_settings` stored, else the port's default settings."""
        with self._lock:
            return dict(self._project_settings.get(project_id, self._default_settings))

    def vendor_memories(self, project_id: str) -> list[Any]:
        """`VendorKnowledge`: what `set_vendor_memories` stored for the project (none by default)."""
        with self._lock:
            return list(self._memories.get(project_id, ()))

    def project_templates(self, project_id: str) -> list[Any]:
        """`VendorKnowledge`: what `set_project_templates` stored for the project (none by default)."""
        with self._lock:
            return list(self._templates.get(project_id, ()))

    def reextractable_document_ids(self, project_id: str) -> list[str]:
        """`Reextraction`: the project's documents with a result that are not approved."""
        with self._lock:
            return [
                doc_id
                for record in self._tasks.values()
                if record.inputs.project_id == project_id
                for doc_id in record.results
                if doc_id not in self._approved
            ]

    def save_reextracted(self, project_id: str, result: DocumentResult) -> None:
        """`Reextraction`: the re-extracted result replaces the stored one (an approved document stays)."""
        with self._lock:
            if result.source.id not in self._approved:
                self.save_rescored(project_id, result)

    def project_ids(self) -> list[str]:
        with self._lock:
            return sorted({r.inputs.project_id for r in self._tasks.values()} | set(self._history))


_default: InMemoryPort | None = None
_default_lock = threading.Lock()


def default_port() -> InMemoryPort:
    """The process-wide in-memory port (the default of `OCR_PIPELINE_PORT`)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = InMemoryPort()
        return _default
