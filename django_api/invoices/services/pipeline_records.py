"""Writes made on behalf of the pipeline (through the flows' port): task state, progress, per-document
results, rescored anomalies, the project's anomaly model. No user here: the flow acts for the system."""

from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from django_api.invoices.models import (
    Anomaly,
    Document,
    DocumentResult,
    DocumentStatus,
    OcrTask,
    ProjectAnomalyModel,
    SupersededChecks,
    TaskStatus,
    ValidationResult,
)
from django_api.invoices.models.tasks import FINISHED_STATUSES
from django_api.invoices.selectors.documents import anomaly_dict
from django_api.invoices.services.webhooks import task_event_record

logger = logging.getLogger(__name__)


def task_mark_running(*, task_id, flow_run_id: str | None) -> None:
    """Queued -> running (a cancelled or cancelling task keeps its status); one more attempt."""
    now = timezone.now()
    updates: dict[str, Any] = {"updated_at": now}
    if flow_run_id:
        updates["flow_run_id"] = flow_run_id
    with transaction.atomic():
        task = OcrTask.objects.select_for_update().get(pk=task_id)
        for key, value in updates.items():
            setattr(task, key, value)
        if task.status == TaskStatus.QUEUED:
            task.status = TaskStatus.RUNNING
            task.attempts += 1
            task.started_at = task.started_at or now
            task.error_code, task.error_message = "", ""
            Document.objects.filter(task_id=task_id, status=DocumentStatus.PENDING).update(
                status=DocumentStatus.PROCESSING
            )
        task.save()


def task_progress_save(
    *,
    task_id,
    step: str,
    documents_done: int,
    documents_total: int,
    pages_done: int,
    pages_total: int,
    percent: float | None = None,
    documents_extracted: int = 0,
) -> None:
    """The flow's latest progress on a running task; the stored percentage never goes back (reports
    from worker threads may land out of order)."""
    updates: dict[str, Any] = {
        "current_step": step,
        "documents_done": documents_done,
        "documents_extracted": max(documents_extracted, documents_done),
        "documents_total": documents_total,
        "pages_done": pages_done,
        "pages_total": pages_total,
        "updated_at": timezone.now(),
    }
    if percent is not None:
        value = Value(max(0.0, min(99.9, float(percent))))
        updates["progress"] = Greatest(Coalesce(F("progress"), Value(0.0)), value)
    OcrTask.objects.filter(pk=task_id).exclude(status__in=FINISHED_STATUSES).update(**updates)


def task_requeue(*, task_id, count_attempt: bool = False, max_attempts: int | None = None) -> bool:
    """The one re-queue of a running task: handed back by a stopping process (SIGTERM/SIGINT,
    `flows.port.TaskRequeue`), or whose flow run crashed (the flow's `on_crashed` hook through
    `DjangoPort.requeue_task`) or lost its worker (the recovery, `services.recovery`). `queued` again, a
    stop not counted as an attempt, its progress reset (percent, pages and documents
    done, step `requeued`); its documents still processing go back to pending, documents already finished
    keep their results or failures. A task no longer running (cancelling, cancelled, finished) is left as
    it is. `count_attempt` (its flow run crashed): the attempt counts, and a task that has had
    `max_attempts` fails with `interrupted` instead. Returns whether the task is queued again."""
    with transaction.atomic():
        task = OcrTask.objects.select_for_update().filter(pk=task_id).first()
        if task is None or task.status != TaskStatus.RUNNING:
            return False
        exhausted = count_attempt and max_attempts is not None and task.attempts >= max_attempts
        if not exhausted:
            _task_requeue_locked(task, count_attempt=count_attempt)
    if exhausted:
        message = f"interrupted (worker or process lost) after {task.attempts} attempt(s)"
        task_finish(
            task_id=task_id, status=TaskStatus.FAILED, error_code="interrupted", error_message=message
        )
    return not exhausted


def _task_requeue_locked(task: OcrTask, *, count_attempt: bool) -> None:
    """Back to `queued` (the task row is locked by the caller), progress reset."""
    task.status = TaskStatus.QUEUED
    if not count_attempt:
        task.attempts = max(0, task.attempts - 1)
    task.current_step = "requeued"
    task.progress = 0.0
    task.pages_done = task.documents_done = task.documents_extracted = 0
    task.finished_at = None
    task.error_code, task.error_message = "", ""
    task.save()
    Document.objects.filter(task_id=task.pk, status=DocumentStatus.PROCESSING).update(
        status=DocumentStatus.PENDING
    )


def task_finish(*, task_id, status: str, error_code: str = "", error_message: str = "") -> None:
    """Final status. A task already cancelled stays cancelled. A cancelled task keeps the counts and
    percentage it reached (documents it did not finish are not counted as done)."""
    now = timezone.now()
    with transaction.atomic():
        task = OcrTask.objects.select_for_update().get(pk=task_id)
        if task.status == TaskStatus.CANCELLED:
            return
        task.status = TaskStatus(status)
        task.finished_at = now
        task.current_step = "done" if status != TaskStatus.CANCELLED else "cancelled"
        task.error_code, task.error_message = error_code, error_message
        if status == TaskStatus.SUCCEEDED:
            task.documents_done, task.pages_done = task.documents_total, task.pages_total
            task.documents_extracted = task.documents_total
        if status != TaskStatus.CANCELLED:
            task.progress = 100.0
        task.save()
        if status in (TaskStatus.CANCELLED, TaskStatus.FAILED):
            task_documents_left_fail(
                task_id=task_id,
                code=error_code or ("cancelled" if status == TaskStatus.CANCELLED else "failed"),
                message=error_message or f"the task was {status}",
            )
        task_event_record(task=task)  # webhooks: task.finished / task.failed / task.cancelled


def task_documents_left_fail(*, task_id, code: str, message: str) -> int:
    """Documents of an ended task that never got a result (pending/processing) become `failed` with
    `code`, so that none waits forever for a flow that will not come."""
    return Document.objects.filter(
        task_id=task_id, status__in=[DocumentStatus.PENDING, DocumentStatus.PROCESSING]
    ).update(status=DocumentStatus.FAILED, error_code=code, error_message=message)


def document_result_save(*, document_id, result: dict[str, Any]) -> None:
    """Store a `DocumentResult.to_dict()`: fields, line items, validation reports, anomalies. The document
    becomes `processed` (or `failed` when the result carries errors)."""
    invoice = result.get("invoice") or {}
    pages = (result.get("ocr") or {}).get("pages") or []
    engines = {p.get("engine"): p.get("engine_version", "") for p in pages if p.get("engine")}
    errors = result.get("errors") or []
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document_id)
        _, created = DocumentResult.objects.update_or_create(
            document=document,
            defaults={
                "fields": invoice.get("fields") or {},
                "line_items": invoice.get("line_items") or [],
                "engine_versions": engines,
                "timings": result.get("timings") or {},
                "result": result,
            },
        )
        if not created:  # a reprocessed document: a reviewer's form of the old result is stale
            DocumentResult.objects.filter(document=document).update(version=F("version") + 1)
            document.first_approved_by, document.first_approved_at = None, None  # it approved other values
        validations_replace(document=document, reports=result.get("validation") or [])
        anomalies_replace(document=document, anomalies=result.get("anomalies") or [])
        if errors:
            first = errors[0]
            document.status = DocumentStatus.FAILED
            document.error_code = first.get("code", "failed")
            document.error_message = first.get("message", "")
            document.error_step = first.get("step", "")
        elif document.status != DocumentStatus.APPROVED:
            document.status = DocumentStatus.PROCESSED
            document.error_code = document.error_message = document.error_step = ""
        if pages and len(pages) != document.pages:
            document.pages = len(pages)
        document.save()


def document_mark_failed(*, document_id, code: str, message: str, step: str = "") -> None:
    Document.objects.filter(pk=document_id).update(
        status=DocumentStatus.FAILED, error_code=code, error_message=message, error_step=step
    )


def document_checks_replace(
    *, document_id, validation: list[dict[str, Any]], anomalies: list[dict[str, Any]]
) -> None:
    """Validation reports and anomalies of a rescore (suites, settings or the model changed; the
    history grew) replace the document's previous ones; fields and corrections are left as they are."""
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document_id)
        result = DocumentResult.objects.filter(document=document).first()
        checks_store(
            document=document,
            result=result,
            user=None,
            reason="rescore",
            validation=validation,
            anomalies=anomalies,
        )


def checks_store(
    *,
    document: Document,
    result: DocumentResult | None,
    user,
    reason: str,
    validation: list[dict[str, Any]],
    anomalies: list[dict[str, Any]],
) -> None:
    """Replace a locked document's validation reports and anomalies (a rescore, or a reviewer's
    re-check), keeping the previous ones in the audit trail (`SupersededChecks`), and move its result
    version on."""
    SupersededChecks.objects.create(
        document=document,
        user=user,
        reason=reason,
        result_version=result.version if result is not None else 0,
        validation=[v.report for v in document.validations.all()],
        anomalies=[anomaly_dict(a) for a in document.anomalies.all()],
    )
    validations_replace(document=document, reports=validation)
    anomalies_replace(document=document, anomalies=anomalies)
    if result is not None:
        result.result = {**(result.result or {}), "validation": validation, "anomalies": anomalies}
        result.version += 1
        result.save(update_fields=["result", "version", "updated_at"])


def validations_replace(*, document: Document, reports: list[dict[str, Any]]) -> None:
    document.validations.all().delete()
    ValidationResult.objects.bulk_create(
        [
            ValidationResult(
                document=document,
                suite=report.get("suite", ""),
                success=bool(report.get("success")),
                failed_count=sum(
                    1
                    for o in report.get("outcomes", [])
                    if not o.get("success") and o.get("severity") == "error"
                ),
                report=report,
            )
            for report in reports
        ]
    )


def anomalies_replace(*, document: Document, anomalies: list[dict[str, Any]]) -> None:
    document.anomalies.all().delete()
    Anomaly.objects.bulk_create(
        [
            Anomaly(
                document=document,
                kind=a["kind"],
                severity=a.get("severity", "warning"),
                score=float(a.get("score", 0.0)),
                explanation=a.get("explanation", ""),
                evidence=a.get("evidence") or {},
                related_document_ids=list(a.get("related_document_ids") or []),
            )
            for a in anomalies
        ]
    )


def anomaly_model_signature(*, project_id, blob: bytes) -> str:
    """HMAC-SHA256 of a project's anomaly model under the server's secret key."""
    key = hashlib.sha256(b"invoice-ocr anomaly model\0" + settings.SECRET_KEY.encode()).digest()
    return hmac.new(key, f"{project_id}\0".encode() + bytes(blob), hashlib.sha256).hexdigest()


def anomaly_model_save(*, project_id, blob: bytes, version: str) -> None:
    """Store a project's fitted model, signed (see `ProjectAnomalyModel`)."""
    signature = anomaly_model_signature(project_id=project_id, blob=blob)
    ProjectAnomalyModel.objects.update_or_create(
        project_id=project_id, defaults={"blob": blob, "version": version, "signature": signature}
    )


def anomaly_model_load(*, project_id) -> tuple[bytes, str] | None:
    """The project's stored model when its signature holds; a model without one or with a wrong one is
    refused (logged; the rules run alone until the next refit replaces it)."""
    row = ProjectAnomalyModel.objects.filter(project_id=project_id).first()
    if row is None:
        return None
    blob = bytes(row.blob)
    expected = anomaly_model_signature(project_id=project_id, blob=blob)
    if not hmac.compare_digest(expected, row.signature or ""):
        logger.warning("anomaly model of project %s refused: its signature does not match", project_id)
        return None
    return blob, row.version
