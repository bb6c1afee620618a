"""Output shapes of the API (`django_api/API.md`) as serializers, for the OpenAPI schema only (the
selectors build the dicts; these describe them in Swagger)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers

from django_api.invoices.models import DocumentStatus, TaskStatus


class Progress(serializers.Serializer):
    documents_done = serializers.IntegerField()
    documents_total = serializers.IntegerField()
    pages_done = serializers.IntegerField()
    pages_total = serializers.IntegerField()
    percent = serializers.FloatField()


class ErrorInfo(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class TaskStatus(serializers.Serializer):
    task_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=TaskStatus.choices)
    current_step = serializers.CharField()
    progress = Progress()
    error = ErrorInfo(allow_null=True)
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)


class TaskListItem(serializers.Serializer):
    task_id = serializers.UUIDField()
    status = serializers.CharField()
    current_step = serializers.CharField()
    progress = Progress()
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    document_count = serializers.IntegerField()


class NamedDocument(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()


class Rejected(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField()
    message = serializers.CharField()


class UploadAccepted(serializers.Serializer):
    task_id = serializers.UUIDField()
    status_url = serializers.CharField()
    documents = NamedDocument(many=True)
    rejected = Rejected(many=True)


class CancelAccepted(serializers.Serializer):
    task_id = serializers.UUIDField()
    status = serializers.CharField()


class DocumentRow(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    media_type = serializers.CharField()
    pages = serializers.IntegerField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()
    created_at = serializers.DateTimeField()
    task_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=DocumentStatus.choices)
    vendor_name = serializers.CharField(allow_null=True)
    invoice_date = serializers.CharField(allow_null=True)
    total = serializers.CharField(allow_null=True)
    currency = serializers.CharField(allow_null=True)
    validation_errors = serializers.IntegerField()
    anomaly_count = serializers.IntegerField()
    max_anomaly_score = serializers.FloatField()
    min_confidence = serializers.FloatField(allow_null=True)
    needs_review = serializers.BooleanField()
    duplicate_of = serializers.UUIDField(allow_null=True)


class FieldOut(serializers.Serializer):
    value = serializers.CharField(allow_null=True)
    raw_text = serializers.CharField()
    confidence = serializers.FloatField()
    page = serializers.IntegerField()
    bbox = serializers.ListField(child=serializers.FloatField(), allow_null=True)
    corrected = serializers.BooleanField()
    original_value = serializers.CharField(allow_null=True)


class PageOut(serializers.Serializer):
    index = serializers.IntegerField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    image_url = serializers.CharField()


class CorrectionOut(serializers.Serializer):
    field = serializers.CharField()
    old_value = serializers.JSONField()
    new_value = serializers.JSONField()
    user = serializers.CharField()
    created_at = serializers.DateTimeField()


class DocumentDetail(DocumentRow):
    fields = serializers.DictField(child=FieldOut())
    line_items = serializers.ListField(child=serializers.DictField())
    validation = serializers.ListField(child=serializers.DictField())
    anomalies = serializers.ListField(child=serializers.DictField())
    pages = PageOut(many=True)
    corrections = CorrectionOut(many=True)
    approved_by = serializers.CharField(allow_null=True)
    approved_at = serializers.DateTimeField(allow_null=True)
    approval_override_reason = serializers.CharField(
        allow_null=True, help_text="Why it was approved although an error-level check failed."
    )
    result_version = serializers.IntegerField(
        help_text="Version of the current values and checks (also the ETag): send it back with a change."
    )
    engine_versions = serializers.DictField(child=serializers.CharField())
    error = serializers.DictField(allow_null=True)


class DocumentValidation(serializers.Serializer):
    document_id = serializers.UUIDField()
    name = serializers.CharField()
    success = serializers.BooleanField(allow_null=True)
    reports = serializers.ListField(child=serializers.DictField())


class TaskValidation(serializers.Serializer):
    task_id = serializers.UUIDField()
    documents = DocumentValidation(many=True)


class TaskAnomalies(serializers.Serializer):
    task_id = serializers.UUIDField()
    anomalies = serializers.ListField(child=serializers.DictField())


class CheckedDocument(serializers.Serializer):
    document_id = serializers.UUIDField()
    name = serializers.CharField()
    status = serializers.CharField()
    pages = serializers.IntegerField()
    steps = serializers.DictField(child=serializers.DictField())
    error = serializers.DictField(allow_null=True)


class TaskCheck(TaskStatus):
    flow_run_id = serializers.CharField(allow_null=True)
    prefect_url = serializers.CharField(allow_null=True)
    attempts = serializers.IntegerField()
    timings = serializers.DictField()
    documents = CheckedDocument(many=True)


class Spend(serializers.Serializer):
    vendor = serializers.CharField()
    month = serializers.CharField()
    currency = serializers.CharField()
    total = serializers.CharField()


class ProjectSummary(serializers.Serializer):
    status_counts = serializers.DictField(child=serializers.IntegerField())
    spend = Spend(many=True)
    anomaly_scores = serializers.ListField(child=serializers.FloatField())
    top_anomalies = serializers.ListField(child=serializers.DictField())


class ExportedDocument(serializers.Serializer):
    document_id = serializers.UUIDField()
    name = serializers.CharField()
    status = serializers.CharField()
    fields = serializers.DictField(child=serializers.CharField(allow_null=True))
    line_items = serializers.ListField(child=serializers.DictField())
    corrected_fields = serializers.DictField(child=serializers.CharField(allow_null=True))
    result = serializers.DictField(allow_null=True)
    error = ErrorInfo(allow_null=True)


# `?format=json|csv|xlsx` of the export endpoints: one response per file type
EXPORT_RESPONSES = {
    (200, "application/json"): ExportedDocument(many=True),
    (200, "text/csv"): OpenApiTypes.BINARY,
    (200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): OpenApiTypes.BINARY,
}


class Health(serializers.Serializer):
    healthy = serializers.BooleanField()
    unhealthy = serializers.ListField(child=serializers.CharField())
    checks = serializers.DictField(child=serializers.DictField())
