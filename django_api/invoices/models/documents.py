"""An uploaded file: stored in Django's default storage, identified by content hash."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from django_api.invoices.models.projects import Project
from django_api.invoices.models.tasks import OcrTask


class DocumentStatus(models.TextChoices):
    PENDING = "pending"
    PROCESSING = "processing"
    PROCESSED = "processed"
    FAILED = "failed"
    APPROVED = "approved"
    REJECTED = "rejected"  # a reviewer set it aside with a reason (a file uploaded twice, not an invoice)


def document_upload_to(instance: Document, filename: str) -> str:
    return f"projects/{instance.project_id}/documents/{instance.id}/{filename}"


class Document(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="documents")
    task = models.ForeignKey(OcrTask, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to=document_upload_to, max_length=500)
    name = models.CharField(max_length=255)  # sanitised original name
    # where the file came from when it was not uploaded as it is: an e-mail's attachment ->
    # {type: "email", file, message_id, from, subject, date, attachment, forwarded?}; {} otherwise
    origin = models.JSONField(default=dict, blank=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    media_type = models.CharField(max_length=100)
    pages = models.PositiveIntegerField(default=0)
    size = models.PositiveBigIntegerField(default=0)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.PENDING, db_index=True
    )
    error_code = models.CharField(max_length=64, blank=True, default="")
    error_message = models.TextField(blank=True, default="")
    error_step = models.CharField(max_length=32, blank=True, default="")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # approved although its current values failed an error-level check: the reviewer's stated reason
    approval_override_reason = models.TextField(blank=True, default="")
    # the first of two approvals a project asks for (`review.second_approval_from_total`): who and when;
    # a change of the values since (a correction, a new reading) or a rejection voids it
    first_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_approved_at = models.DateTimeField(null=True, blank=True)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejected_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "name")
        indexes = (models.Index(fields=["project", "sha256"]),)

    @property
    def uri(self) -> str:
        return f"storage:{self.file.name}"
