"""`DjangoPort`: the flows' port over the Django models and default storage.

Workers load it with `OCR_PIPELINE_PORT=django_api.orchestration.django_port:build_port`; the module
imports `django_api.bootstrap` first, which sets Django up when the process has not (a Prefect worker),
so the models are imported here at the top. Reads are by task/project id (the flow acts for the system,
not for a user); writes go through `django_api.invoices.services.pipeline_records`."""

from __future__ import annotations

import functools
import uuid
from dataclasses import replace

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection

from django_api import bootstrap  # noqa: F401  (before the models: sets Django up in a worker process)
from django_api.invoices.errors import ApiError
from django_api.invoices.models import Document, DocumentStatus, OcrTask, Project, TaskStatus
from django_api.invoices.models import DocumentResult as DocumentResultRow
from django_api.invoices.reviewed_values import current_fields
from django_api.invoices.selectors import vendor_memory as vendor_memory_reads
from django_api.invoices.selectors.webhooks import webhook_deliveries_pending
from django_api.invoices.services import pipeline_records
from django_api.invoices.services import webhooks as webhook_records
from django_api.invoices.services.uploads import invoice_upload
from django_api.invoices.services.vendor_memory import document_reextracted_save
from flows.port import Progress, TaskInputs, UnknownId
from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.errors import BadInput, StorageError
from ocr_tasks.ocr_types import SourceDocument
from ocr_tasks.result_types import DocumentResult, ErrorInfo


def build_port() -> DjangoPort:
    return DjangoPort()


def _reconnecting(method):
    """Prefect stops a cancelled run by raising `TerminationSignal` from its SIGTERM handler, in the flow's
    main thread, possibly while that thread waits for a query: the connection is left mid-command and
    every later query on it fails ("another command is already in progress"), so the run could not keep
    its finished work nor end its task. Outside a transaction such a failure closes the connection and
    the call is made once more on a new one."""

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except OperationalError:
            if connection.in_atomic_block:
                raise
            connection.close()
            return method(self, *args, **kwargs)

    return call


def _uuid_or_none(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(text))
    except ValueError:
        return None


class DjangoPort:
    """Implements `flows.port.PipelinePort`, and `TaskIntake`/`ProjectListing`/`SettingsSource`/
    `TaskRequeue`/`VendorKnowledge`/`Reextraction` (inbox sweeps, the nightly refit of every project,
    rescoring with the project's settings, handing a task back when the process stops, the project's
    vendor memory and templates for extraction, re-extracting with them), and
    `flows.webhooks.WebhookPort` (webhook deliveries)."""

    STORAGE_PREFIX = "storage:"

    def load_task(self, task_id: str) -> TaskInputs:
        """The task's documents with the pages counted at upload, those an earlier attempt settled (a
        result saved: "", failed: its error code) and the number of the attempt about to run."""
        task = OcrTask.objects.select_related("project").filter(pk=_uuid_or_none(task_id)).first()
        if task is None:
            raise UnknownId(
                f"task {task_id!r} is not in this worker's database: process-invoices runs a task the API "
                "created for an upload (POST /api/projects/{id}/process-invoices/ answers its task_id); "
                "a run started by hand needs such an id, and a worker must share the API's database"
            )
        rows = list(task.documents.order_by("created_at", "name"))
        documents = tuple(
            SourceDocument(
                id=str(d.id),
                uri=d.uri,
                media_type=d.media_type,
                sha256=d.sha256,
                size=d.size,
                name=d.name,
                received_in=(d.origin or {}).get("file", ""),
            )
            for d in rows
        )
        # a reviewer's decision (approved, rejected) ends a document too: a re-run never processes it again
        ended = {DocumentStatus.PROCESSED: "", DocumentStatus.APPROVED: "", DocumentStatus.REJECTED: ""}
        return TaskInputs(
            task_id=str(task.id),
            project_id=str(task.project_id),
            documents=documents,
            languages=task.project.languages or "eng",
            settings=dict(task.project.settings or {}),
            page_counts={str(d.id): d.pages for d in rows if d.pages > 0},
            settled={
                str(d.id): ended.get(d.status, d.error_code or "failed")
                for d in rows
                if d.status in ended or d.status == DocumentStatus.FAILED
            },
            attempt=max(1, task.attempts + (1 if task.status == TaskStatus.QUEUED else 0)),
        )

    def read_document(self, document: SourceDocument) -> bytes:
        if not document.uri.startswith(self.STORAGE_PREFIX):
            raise StorageError(f"not a storage URI: {document.uri}")
        try:
            with default_storage.open(document.uri[len(self.STORAGE_PREFIX) :], "rb") as handle:
                return handle.read()
        except OSError as exc:
            raise StorageError(f"cannot read {document.name or document.id}: {exc}") from exc

    def mark_running(self, task_id: str, *, flow_run_id: str | None) -> None:
        pipeline_records.task_mark_running(
            task_id=task_id, flow_run_id=str(flow_run_id) if flow_run_id else None
        )

    @_reconnecting
    def report_progress(self, task_id: str, progress: Progress) -> None:
        pipeline_records.task_progress_save(
            task_id=task_id,
            step=progress.step,
            documents_done=progress.documents_done,
            documents_total=progress.documents_total,
            pages_done=progress.pages_done,
            pages_total=progress.pages_total,
            percent=progress.percent,
            documents_extracted=getattr(progress, "documents_extracted", 0),
        )

    @_reconnecting
    def save_document_result(self, task_id: str, result: DocumentResult) -> None:
        pipeline_records.document_result_save(document_id=result.source.id, result=result.to_dict())

    @_reconnecting
    def mark_document_failed(self, task_id: str, document_id: str, error: ErrorInfo) -> None:
        pipeline_records.document_mark_failed(
            document_id=document_id, code=error.code, message=error.message, step=error.step
        )

    @_reconnecting
    def finish_task(self, task_id: str, status: str, *, error: ErrorInfo | None = None) -> None:
        pipeline_records.task_finish(
            task_id=task_id,
            status=status,
            error_code=error.code if error else "",
            error_message=error.message if error else "",
        )

    @_reconnecting
    def requeue_task(self, task_id: str, *, count_attempt: bool = False) -> bool:
        """`flows.port.TaskRequeue`: the task goes back to `queued`, progress reset (a task no longer running
        is left as it is). A stopping process's hand-back is not counted as an attempt; a crash is
        (`count_attempt`), and fails the task `interrupted` once it has had `OCR_MAX_ATTEMPTS`."""
        return pipeline_records.task_requeue(
            task_id=task_id, count_attempt=count_attempt, max_attempts=settings.OCR_MAX_ATTEMPTS
        )

    @_reconnecting
    def is_cancelled(self, task_id: str) -> bool:
        status = OcrTask.objects.filter(pk=task_id).values_list("status", flat=True).first()
        return status in (TaskStatus.CANCELLING, TaskStatus.CANCELLED, None)

    def load_history(self, project_id: str, *, exclude_task_id: str | None = None) -> list[InvoiceRecord]:
        """One `InvoiceRecord` per document of the project with a result (reviewers' values applied)."""
        documents = Document.objects.filter(project_id=project_id).select_related("result")
        if exclude_task_id:
            documents = documents.exclude(task_id=exclude_task_id)
        records = []
        for document in documents.order_by("created_at"):
            result = getattr(document, "result", None)  # RelatedObjectDoesNotExist is an AttributeError
            values = current_fields(result)
            items = len(
                result.corrected_line_items
                if result and result.corrected_line_items is not None
                else (result.line_items if result else [])
            )
            record = InvoiceRecord(
                document_id=str(document.id),
                sha256=document.sha256,
                line_item_count=items,
                received_at=document.created_at.isoformat(),
            )
            known = {k: values.get(k) for k in InvoiceRecord.__slots__ if k in values}
            # what the page showed against its embedded XML belongs to the file, not to the values a
            # reviewer corrects: a re-check keeps the einvoice_mismatch anomaly
            einvoice = ((result.result or {}).get("invoice") or {}).get("einvoice") or {} if result else {}
            mismatches = tuple(einvoice.get("page_mismatches") or ())
            records.append(replace(record, **known, einvoice_mismatches=mismatches))
        return records

    def load_project_results(self, project_id: str) -> list[DocumentResult]:
        rows = DocumentResultRow.objects.filter(document__project_id=project_id).exclude(result={})
        return [DocumentResult.from_dict(row.result) for row in rows.order_by("document__created_at")]

    def save_rescored(self, project_id: str, result: DocumentResult) -> None:
        pipeline_records.document_checks_replace(
            document_id=result.source.id,
            validation=[r.to_dict() for r in result.validation],
            anomalies=[a.to_dict() for a in result.anomalies],
        )

    def project_settings(self, project_id: str) -> dict:
        return dict(Project.objects.get(pk=project_id).settings or {})

    def vendor_memories(self, project_id: str) -> list:
        """`flows.port.VendorKnowledge`: what the project learned from its reviewers (this project's only)."""
        return vendor_memory_reads.pipeline_vendor_memories(project_id=project_id)

    def project_templates(self, project_id: str) -> list:
        """`flows.port.VendorKnowledge`: the project's imported invoice2data templates, parsed safely."""
        return vendor_memory_reads.pipeline_project_templates(project_id=project_id)

    def reextractable_document_ids(self, project_id: str) -> list[str]:
        """`flows.port.Reextraction`: the project's processed documents (not approved, not failed)."""
        return vendor_memory_reads.pipeline_reextractable_documents(project_id=project_id)

    def save_reextracted(self, project_id: str, result: DocumentResult) -> None:
        """`flows.port.Reextraction`: the new extraction and its checks (an approved document is left)."""
        document_reextracted_save(document_id=result.source.id, result=result.to_dict())

    def save_anomaly_model(self, project_id: str, model: bytes, version: str) -> None:
        pipeline_records.anomaly_model_save(project_id=project_id, blob=model, version=version)

    def load_anomaly_model(self, project_id: str) -> tuple[bytes, str] | None:
        """The project's model, only when its signature holds (a pickle is never read unsigned)."""
        return pipeline_records.anomaly_model_load(project_id=project_id)

    def project_ids(self) -> list[str]:
        return [str(pk) for pk in Project.objects.order_by("pk").values_list("pk", flat=True)]

    def create_task(self, project_id: str, files: list[tuple[str, bytes]]) -> str:
        """A queued task over files picked up by `watch_inbox`, created for the project's owner through
        the same checks as an upload (bad files rejected with their codes, all bad -> that error); the
        sweep runs it itself. `project_id` is a project's id or, when not a number, its exact name."""
        return self.create_task_noting_refusals(project_id, files)[0]

    def create_task_noting_refusals(
        self, project_id: str, files: list[tuple[str, bytes]]
    ) -> tuple[str, dict[str, str]]:
        """`flows.port.IntakeRefusals`: `create_task`, and the files refused whole (sanitised name ->
        code; an e-mail's refused attachments are not its refusal: its other attachments go on)."""
        key = str(project_id)
        projects = Project.objects.filter(pk=int(key)) if key.isdigit() else Project.objects.filter(name=key)
        project = projects.select_related("owner").first()
        if project is None:
            raise BadInput(f"no project {key!r} to put inbox files into")
        uploads = [SimpleUploadedFile(name, data) for name, data in files]
        try:
            outcome = invoice_upload(user=project.owner, project=project, files=uploads)
        except ApiError as exc:  # a request-level limit (too many files or bytes): the sweep's bad input
            error = BadInput(exc.message, detail=exc.detail)
            error.code = exc.code
            raise error from exc
        return str(outcome.task.id), {r["name"]: r["code"] for r in outcome.rejected if "email" not in r}

    def webhook_request(self, delivery_id: str) -> dict | None:
        """`flows.webhooks.WebhookPort` (plain values: this module imports no prefect): the delivery's next
        attempt, its URL checked again now (SSRF, `OCR_WEBHOOKS_ALLOW_PRIVATE`) and signed now; None when
        nothing is to be sent."""
        return webhook_records.webhook_request_prepare(
            delivery_id=delivery_id, allow_private=settings.OCR_WEBHOOKS_ALLOW_PRIVATE
        )

    def webhook_attempt_record(
        self, delivery_id: str, *, ok: bool, status_code: int | None, error: str, final: bool
    ) -> None:
        webhook_records.webhook_attempt_record(
            delivery_id=delivery_id, ok=ok, status_code=status_code, error=error, final=final
        )

    def webhook_pending_ids(self, *, idle_seconds: float) -> list[str]:
        """`flows.webhooks.PendingDeliveries`: the deliveries the scheduled sweep sends again."""
        return webhook_deliveries_pending(idle_seconds=idle_seconds)
