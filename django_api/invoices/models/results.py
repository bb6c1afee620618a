"""What the pipeline produced for a document, and what reviewers changed.

The extraction (`DocumentResult.fields`/`line_items`/`result`) is never overwritten: reviewers' values
live in `corrected_fields`/`corrected_line_items`, each change recorded as a `FieldCorrection`."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from django_api.invoices.models.documents import Document


class DocumentResult(models.Model):
    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="result")
    fields = models.JSONField(default=dict)  # {name: FieldValue.to_dict()} as extracted
    line_items = models.JSONField(default=list)  # [LineItem.to_dict()] as extracted
    engine_versions = models.JSONField(default=dict)
    timings = models.JSONField(default=dict)
    result = models.JSONField(default=dict)  # the full DocumentResult.to_dict()
    corrected_fields = models.JSONField(default=dict)  # {name: value | None}: reviewers' values
    corrected_line_items = models.JSONField(null=True, blank=True)  # [{column: value}] or None
    # raised by every change of the current values or of their checks (pipeline save, rescore,
    # correction, approval's re-check): a reviewer's PATCH names the version it edited (409 when stale)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)


class ValidationResult(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="validations")
    suite = models.CharField(max_length=100)
    success = models.BooleanField()
    failed_count = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict)  # ValidationReport.to_dict()

    class Meta:
        ordering = ("id",)


class Anomaly(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="anomalies")
    kind = models.CharField(max_length=64)
    severity = models.CharField(max_length=16)
    score = models.FloatField()
    explanation = models.TextField()
    evidence = models.JSONField(default=dict)
    related_document_ids = models.JSONField(default=list)

    class Meta:
        ordering = ("-score", "id")


class FieldCorrection(models.Model):
    """Audit trail: who changed which field from what to what, and when."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="corrections")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    field = models.CharField(max_length=64)  # a FIELD_NAMES entry or "line_items"
    old_value = models.JSONField(null=True)
    new_value = models.JSONField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "id")


class SupersededChecks(models.Model):
    """Audit trail of re-checks: the validation reports and anomalies a document carried before a
    correction, an approval or a rescore replaced them, with who caused it and why."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="superseded_checks")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=32)  # correction | approval | rescore
    result_version = models.PositiveIntegerField()  # the version these checks belonged to
    validation = models.JSONField(default=list)
    anomalies = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "id")
