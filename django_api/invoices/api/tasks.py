"""OCR tasks: upload (process-invoices), list, status, cancel, download, validation, anomalies, check."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser
from rest_framework.response import Response
from rest_framework.views import APIView

from django_api.invoices.api import schemas
from django_api.invoices.api.downloads import EXPORT_SCHEMA, export_response
from django_api.invoices.api.parsers import UploadMultiPartParser
from django_api.invoices.selectors.projects import project_get
from django_api.invoices.selectors.task_reports import (
    task_anomalies,
    task_check,
    task_list_item,
    task_status,
    task_validation,
)
from django_api.invoices.selectors.tasks import task_get, task_list
from django_api.invoices.services.projects import require_write_role
from django_api.invoices.services.tasks import task_cancel
from django_api.invoices.services.uploads import invoice_upload, page_quota, request_size_check
from django_api.orchestration.seam import task_submit


def _content_length(request) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) or None
    except ValueError:
        return None


def _project_task(request, project_id, task_id):
    """The requesting user's project and its task (another user's answers 404)."""
    project = project_get(user=request.user, project_id=project_id)
    return project, task_get(user=request.user, project=project, task_id=task_id)


def _named(document) -> dict:
    named = {"id": str(document.id), "name": document.name}
    return {**named, "email": document.origin["file"]} if document.origin.get("file") else named


class InvoiceUploadApi(APIView):
    """Upload one or many files (multipart field `files`); 202 with the task id."""

    parser_classes = (UploadMultiPartParser, FormParser)

    @extend_schema(
        summary="Upload invoice files (PDF, images, e-invoice XML, or e-mails (.eml) whose attachments are "
        "those; no archives) and start processing them",
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
            }
        },
        responses={202: schemas.UploadAccepted},
    )
    def post(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        require_write_role(user=request.user, project=project)  # before the body is read
        request_size_check(content_length=_content_length(request))
        outcome = invoice_upload(
            user=request.user, project=project, files=request.FILES.getlist("files"), quota=page_quota()
        )
        task_submit(task_id=outcome.task.id)  # recorded and committed: hand it to the pipeline
        task_id = str(outcome.task.id)
        return Response(
            {
                "task_id": task_id,
                "status_url": f"/api/projects/{project.pk}/ocr-status/{task_id}/",
                "documents": [_named(d) for d in outcome.documents],
                "rejected": outcome.rejected,
            },
            status=status.HTTP_202_ACCEPTED,
        )


class TaskListApi(APIView):
    @extend_schema(
        summary="A project's processing tasks, newest first", responses=schemas.TaskListItem(many=True)
    )
    def get(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        return Response([task_list_item(t) for t in task_list(user=request.user, project=project)])


class TaskStatusApi(APIView):
    @extend_schema(summary="A task's status, step and progress", responses=schemas.TaskStatus)
    def get(self, request, project_id, task_id):
        _, task = _project_task(request, project_id, task_id)
        return Response(task_status(task))


class TaskCancelApi(APIView):
    @extend_schema(
        summary="Cancel a task (finished documents keep their results)",
        request=None,
        responses={202: schemas.CancelAccepted},
    )
    def post(self, request, project_id, task_id):
        project, task = _project_task(request, project_id, task_id)
        task = task_cancel(user=request.user, project=project, task=task)
        return Response({"task_id": str(task.id), "status": task.status}, status=status.HTTP_202_ACCEPTED)


class TaskDownloadApi(APIView):
    @extend_schema(
        summary="Download a task's results (CSV, JSON, XLSX, or UBL / CII e-invoices in a zip)",
        **EXPORT_SCHEMA,
    )
    def get(self, request, project_id, task_id):
        project, task = _project_task(request, project_id, task_id)
        return export_response(request, project=project, task=task, name=f"task-{task.id}")


class TaskValidationApi(APIView):
    @extend_schema(summary="A task's validation results per document", responses=schemas.TaskValidation)
    def get(self, request, project_id, task_id):
        project, task = _project_task(request, project_id, task_id)
        return Response(task_validation(user=request.user, project=project, task=task))


class TaskAnomaliesApi(APIView):
    @extend_schema(
        summary="A task's anomalies per document, with explanations", responses=schemas.TaskAnomalies
    )
    def get(self, request, project_id, task_id):
        project, task = _project_task(request, project_id, task_id)
        return Response(task_anomalies(user=request.user, project=project, task=task))


class TaskCheckApi(APIView):
    @extend_schema(summary="Whether a task's documents passed their checks", responses=schemas.TaskCheck)
    def get(self, request, project_id, task_id):
        project, task = _project_task(request, project_id, task_id)
        return Response(task_check(user=request.user, project=project, task=task))
