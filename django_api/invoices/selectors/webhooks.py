"""Reading a project's webhook endpoints and their deliveries (the owner only: other members 403,
non-members 404). The secret is never part of what is read."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from django_api.invoices.errors import Forbidden, NotFound
from django_api.invoices.models import DeliveryStatus, Project, Role, WebhookDelivery, WebhookEndpoint
from django_api.invoices.selectors.projects import project_role

MAX_DELIVERIES_LISTED = 100


def require_webhook_owner(*, user, project: Project) -> None:
    """Only the owner sees and manages a project's webhooks (403 for other members; non-members 404)."""
    if project_role(user=user, project=project) != Role.OWNER:
        raise Forbidden("Only the project's owner manages its webhooks.")


def webhook_list(*, user, project: Project) -> QuerySet[WebhookEndpoint]:
    require_webhook_owner(user=user, project=project)
    return WebhookEndpoint.objects.filter(project=project).order_by("created_at", "id")


def webhook_get(*, user, project: Project, webhook_id) -> WebhookEndpoint:
    try:
        return webhook_list(user=user, project=project).get(pk=int(webhook_id))
    except (WebhookEndpoint.DoesNotExist, ValueError, TypeError):
        raise NotFound("Webhook not found.") from None


def webhook_deliveries(*, user, project: Project, webhook: WebhookEndpoint) -> QuerySet[WebhookDelivery]:
    """The endpoint's latest deliveries, newest first (at most `MAX_DELIVERIES_LISTED`)."""
    require_webhook_owner(user=user, project=project)
    return WebhookDelivery.objects.filter(endpoint=webhook).order_by("-created_at")[:MAX_DELIVERIES_LISTED]


def webhook_dict(webhook: WebhookEndpoint) -> dict[str, Any]:
    return {
        "id": webhook.pk,
        "url": webhook.url,
        "events": list(webhook.events),
        "active": webhook.active,
        "created_at": webhook.created_at,
        "updated_at": webhook.updated_at,
    }


def delivery_dict(delivery: WebhookDelivery) -> dict[str, Any]:
    return {
        "id": str(delivery.pk),
        "event": delivery.event,
        "status": delivery.status,
        "attempts": delivery.attempts,
        "last_error": delivery.last_error,
        "response_status": delivery.response_status,
        "payload": delivery.payload,
        "created_at": delivery.created_at,
        "last_attempt_at": delivery.last_attempt_at,
        "finished_at": delivery.finished_at,
    }


def webhook_deliveries_pending(*, idle_seconds: float = 0.0) -> list[str]:
    """Ids of the deliveries still pending, oldest first (handed to the flow again after a restart);
    with `idle_seconds`, only those untouched for that long (the scheduled sweep leaves alone a delivery
    its process is sending now: each attempt updates it)."""
    pending = WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING)
    if idle_seconds > 0:
        pending = pending.filter(updated_at__lte=timezone.now() - timedelta(seconds=idle_seconds))
    return [str(pk) for pk in pending.order_by("created_at").values_list("pk", flat=True)]
