"""Projects, their members with a role, and the project's trained anomaly model."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    OWNER = "owner"
    REVIEWER = "reviewer"
    VIEWER = "viewer"


WRITE_ROLES = frozenset({Role.OWNER, Role.REVIEWER})


class Project(models.Model):
    name = models.CharField(max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_projects"
    )
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership", related_name="projects")
    languages = models.CharField(max_length=100, default="eng")
    settings = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["project", "user"], name="unique_project_member"),)


class ProjectAnomalyModel(models.Model):
    """The anomaly model trained on a project's history (an opaque blob from the flows' port: a pickle).
    `signature` is an HMAC-SHA256 of the project and the blob under the server's secret key: a blob
    written by anyone else (database write access alone) is refused, never unpickled."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="anomaly_model")
    blob = models.BinaryField()
    version = models.CharField(max_length=100)
    signature = models.CharField(max_length=64, blank=True, default="")
    updated_at = models.DateTimeField(auto_now=True)
