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
    "Membership",
    "OcrTask",
    "Project",
    "ProjectAnomalyModel",
    "Role",
    "SupersededChecks",
    "TaskStatus",
    "ValidationResult",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
