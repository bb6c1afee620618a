"""What a project learned from its reviewers: one `VendorMemory` row per recognised vendor (the library's
`ocr_tasks.vendor_memory.VendorMemory.to_dict()` kept as plain JSON in `data`), the audit trail of each
lesson (who confirmed, corrected, forgot or imported what, on which document, when), and the project's
invoice2data templates (YAML source text, parsed with a safe loader when used; never code)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from django_api.invoices.models.documents import Document
from django_api.invoices.models.projects import Project


class VendorMemory(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="vendor_memories")
    key = models.CharField(max_length=200)  # the vendor's strongest identifier, e.g. "vat:DE123456789"
    identifiers = models.JSONField(default=list)  # every identifier the vendor was recognised by
    name = models.CharField(max_length=300, blank=True, default="")
    data = models.JSONField(default=dict)  # ocr_tasks.vendor_memory.VendorMemory.to_dict()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("key",)
        constraints = (models.UniqueConstraint(fields=["project", "key"], name="unique_project_vendor"),)

    def __str__(self) -> str:
        return f"{self.key} ({self.name})" if self.name else self.key


class LessonAction(models.TextChoices):
    CONFIRMED = "confirmed"  # approved without change: the extracted value was right
    CORRECTED = "corrected"  # a reviewer's correction taught the right value's place
    FORGOTTEN = "forgotten"  # a reviewer made the project forget a field (or the whole vendor: field "")
    IMPORTED = "imported"  # a project template was imported (vendor key: "template:<its name>")


class VendorLesson(models.Model):
    """Audit trail of the vendor memory: kept when the memory itself is forgotten."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="vendor_lessons")
    vendor_key = models.CharField(max_length=200)
    field = models.CharField(max_length=64, blank=True, default="")  # "" for the whole vendor
    action = models.CharField(max_length=16, choices=LessonAction.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="vendor_lessons"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ("at", "id")
        indexes = (models.Index(fields=["project", "vendor_key", "at"]),)


class ProjectTemplate(models.Model):
    """An invoice2data template imported into a project (checked with the library's safe loader when
    imported: schema, size)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="templates")
    name = models.CharField(max_length=100)
    source = models.TextField()  # the YAML text as uploaded
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("name",)
        constraints = (models.UniqueConstraint(fields=["project", "name"], name="unique_project_template"),)

    def __str__(self) -> str:
        return self.name
