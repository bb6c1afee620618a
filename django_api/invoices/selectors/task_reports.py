"""What the task endpoints show: status and progress, per-document per-step detail, validation and
anomalies of a task's documents."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from django_api.invoices.models import OcrTask, Project
from django_api.invoices.selectors.documents import _result, anomaly_dict, documents_of_task

PIPELINE_STEPS = ("ingest", "ocr", "extract", "validate", "anomalies", "save")
TASK_NAMES_SHOWN = 5  # a task list row names its first few files; `document_count` says how many in all


def task_status(task: OcrTask) -> dict[str, Any]:
    return {
        "task_id": str(task.id),
        "status": task.status,
        "current_step": task.current_step,
        "progress": {
            "documents_done": task.documents_done,
            "documents_extracted": task.documents_extracted,
            "documents_total": task.documents_total,
            "pages_done": task.pages_done,
            "pages_total": task.pages_total,
            "percent": task.percent,
        },
        "error": {"code": task.error_code, "message": task.error_message} if task.error_code else None,
        "created_at": task.created_at,
        "started_at": task.started_at,
        "finished_at": task.finished_at,
    }


def task_list_item(task: OcrTask) -> dict[str, Any]:
    status = task_status(task)
    return {
        "task_id": status["task_id"],
        "status": task.status,
        "current_step": task.current_step,
        "progress": status["progress"],
        "error": status["error"],
        "created_at": task.created_at,
        "finished_at": task.finished_at,
        "document_count": getattr(task, "document_count", task.documents_total),
        "document_names": _document_names(task),
    }


def _document_names(task: OcrTask) -> list[str]:
    """The names of the task's first files, in upload order: what the user uploaded heads the row."""
    named = getattr(task, "named_documents", None)
    if named is None:
        named = task.documents.only("name").order_by("created_at", "name")[:TASK_NAMES_SHOWN]
    return [d.name for d in named[:TASK_NAMES_SHOWN]]


def _steps(document, result, current_step: str) -> dict[str, dict[str, Any]]:
    """Per step: done (with seconds), failed, running (the task's current step while the document is
    processing), or pending."""
    timings = (result.timings if result else {}) or {}
    steps: dict[str, dict[str, Any]] = {}
    in_progress = document.status == "processing" and result is None
    for step in PIPELINE_STEPS:
        if step in timings:
            steps[step] = {"status": "done", "seconds": timings[step]}
        elif document.error_step == step:
            steps[step] = {"status": "failed", "seconds": None}
        elif in_progress and step == current_step:
            steps[step] = {"status": "running", "seconds": None}
        else:
            steps[step] = {"status": "done" if result and step == "save" else "pending", "seconds": None}
    for step, seconds in timings.items():
        steps.setdefault(step, {"status": "done", "seconds": seconds})
    return steps


def task_check(*, user, project: Project, task: OcrTask) -> dict[str, Any]:
    timings = {
        "queued_seconds": _seconds(task.created_at, task.started_at),
        "running_seconds": _seconds(task.started_at, task.finished_at),
    }
    documents = []
    for document in documents_of_task(user=user, project=project, task=task):
        result = _result(document)
        documents.append(
            {
                "document_id": str(document.id),
                "name": document.name,
                "status": document.status,
                "pages": document.pages,
                "steps": _steps(document, result, task.current_step),
                "error": (
                    {
                        "code": document.error_code,
                        "message": document.error_message,
                        "step": document.error_step,
                    }
                    if document.error_code
                    else None
                ),
            }
        )
    prefect_url = (
        f"{settings.PREFECT_UI_URL.rstrip('/')}/runs/flow-run/{task.flow_run_id}"
        if task.flow_run_id
        else None
    )
    return {
        **task_status(task),
        "flow_run_id": task.flow_run_id or None,
        "prefect_url": prefect_url,
        "attempts": task.attempts,
        "timings": timings,
        "documents": documents,
    }


def task_validation(*, user, project: Project, task: OcrTask) -> dict[str, Any]:
    documents = []
    for document in documents_of_task(user=user, project=project, task=task):
        reports = [v.report for v in document.validations.all()]
        documents.append(
            {
                "document_id": str(document.id),
                "name": document.name,
                "success": all(v.success for v in document.validations.all()) if reports else None,
                "reports": reports,
            }
        )
    return {"task_id": str(task.id), "documents": documents}


def task_anomalies(*, user, project: Project, task: OcrTask) -> dict[str, Any]:
    anomalies = [
        {**anomaly_dict(a), "document_name": document.name}
        for document in documents_of_task(user=user, project=project, task=task)
        for a in document.anomalies.all()
    ]
    anomalies.sort(key=lambda a: -a["score"])
    return {"task_id": str(task.id), "anomalies": anomalies}


def _seconds(start, end) -> float | None:
    if not start or not end:
        return None
    return round((end - start).total_seconds(), 3)
