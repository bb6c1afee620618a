"""Models of the app, one module per area."""

from django_api.invoices.models.documents import Document, DocumentStatus
from django_api.invoices.models.projects import Membership, Project, ProjectAnomalyModel, Role
from django_api.invoices.models.results import (
    Anomaly,
    DocumentResult,
    FieldCorrection,
    SupersededChecks,
    ValidationResult,
)
from django_api.invoices.models.tasks import OcrTask, TaskStatus
from django_api.invoices.models.tokens import ApiToken
from django_api.invoices.models.vendor_memory import LessonAction, ProjectTemplate, VendorLesson, VendorMemory
from django_api.invoices.models.webhooks import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)

__all__ = [
    "Anomaly",
    "ApiToken",
    "DeliveryStatus",
    "Document",
    "DocumentResult",
    "DocumentStatus",
    "FieldCorrection",
    "LessonAction",
    "Membership",
    "OcrTask",
    "Project",
    "ProjectAnomalyModel",
    "ProjectTemplate",
    "Role",
    "SupersededChecks",
    "TaskStatus",
    "ValidationResult",
    "VendorLesson",
    "VendorMemory",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
