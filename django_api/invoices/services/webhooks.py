"""Webhooks: the owner's writes on a project's endpoints, the deliveries recorded when an event happens
(in the transaction of the change that caused it), and the delivery side's writes (through the flows'
port: prepare a signed attempt, record its outcome).

Events: `task.finished` (succeeded or partially_failed), `task.failed`, `task.cancelled`,
`document.approved`. A delivery is recorded for each active endpoint of the project subscribed to the
event; once the transaction commits the seam hands the new deliveries to the `deliver_webhooks` flow.

Signature (as Stripe and GitHub do): header `X-OCR-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of
"<t>.<body>" under the endpoint's secret>`, made afresh for every attempt; `X-OCR-Event` names the event,
`X-OCR-Delivery` the delivery (the same on every retry: receivers drop repeats by it)."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from django_api.invoices.models import (
    DeliveryStatus,
    Document,
    DocumentStatus,
    OcrTask,
    Project,
    TaskStatus,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from django_api.invoices.selectors.webhooks import require_webhook_owner
from django_api.invoices.webhook_targets import WebhookUrlForbidden, WebhookUrlInvalid, target_resolve

SIGNATURE_HEADER, EVENT_HEADER, DELIVERY_HEADER = "X-OCR-Signature", "X-OCR-Event", "X-OCR-Delivery"
USER_AGENT = "invoice-ocr-webhooks/1"
ALL_EVENTS = tuple(WebhookEvent.values)
TASK_EVENTS = {
    TaskStatus.SUCCEEDED: WebhookEvent.TASK_FINISHED,
    TaskStatus.PARTIALLY_FAILED: WebhookEvent.TASK_FINISHED,
    TaskStatus.FAILED: WebhookEvent.TASK_FAILED,
    TaskStatus.CANCELLED: WebhookEvent.TASK_CANCELLED,
}


def _checked_url(url: str) -> str:
    target_resolve(url, allow_private=settings.OCR_WEBHOOKS_ALLOW_PRIVATE)
    return url


def _events(events: list[str] | None) -> list[str]:
    chosen = set(events if events is not None else ALL_EVENTS)
    return [e for e in ALL_EVENTS if e in chosen]  # known ones, in a fixed order, no repeats


def webhook_secret_new() -> str:
    return "whsec_" + secrets.token_hex(32)


def webhook_create(
    *, user, project: Project, url: str, events: list[str] | None = None, active: bool = True
) -> WebhookEndpoint:
    """A new endpoint with a secret made by the server (the caller shows it once). The URL is checked
    and its host resolved (`webhook_url_invalid`, `webhook_url_forbidden`)."""
    require_webhook_owner(user=user, project=project)
    return WebhookEndpoint.objects.create(
        project=project,
        url=_checked_url(url),
        events=_events(events),
        active=active,
        secret=webhook_secret_new(),
        created_by=user,
    )


def webhook_update(
    *,
    user,
    project: Project,
    webhook: WebhookEndpoint,
    url: str | None = None,
    events: list[str] | None = None,
    active: bool | None = None,
) -> WebhookEndpoint:
    """Change the URL (checked again), the events or the active flag; what is not given stays."""
    require_webhook_owner(user=user, project=project)
    if url is not None:
        webhook.url = _checked_url(url)
    if events is not None:
        webhook.events = _events(events)
    if active is not None:
        webhook.active = active
    webhook.save()
    return webhook


def webhook_delete(*, user, project: Project, webhook: WebhookEndpoint) -> None:
    """The endpoint and its deliveries go; deliveries being sent stop at their next attempt."""
    require_webhook_owner(user=user, project=project)
    webhook.delete()


# -- events ---------------------------------------------------------------------------------------------


def webhook_event_record(*, project_id, event: str, data: dict[str, Any]) -> list[str]:
    """Record a pending delivery of `event` for each active endpoint of the project subscribed to it, and
    hand them to the delivery flow once the current transaction commits. Returns their ids."""
    endpoints = [
        e for e in WebhookEndpoint.objects.filter(project_id=project_id, active=True) if event in e.events
    ]
    if not endpoints:
        return []
    payload = {"event": event, "created_at": timezone.now().isoformat(), "project_id": project_id, **data}
    deliveries = WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(endpoint=e, event=event, payload=payload) for e in endpoints]
    )
    ids = [str(d.pk) for d in deliveries]
    from django_api.orchestration.seam import webhook_deliveries_submit  # the seam imports services

    webhook_deliveries_submit(delivery_ids=ids)
    return ids


def _task_links(project_id, task_id) -> dict[str, str]:
    base = f"/api/projects/{project_id}/"
    return {
        "status": f"{base}ocr-status/{task_id}/",
        "results": f"{base}ocr-download/{task_id}/",
        "validation": f"{base}ocr-validation/{task_id}/",
        "anomalies": f"{base}ocr-anomalies/{task_id}/",
    }


def task_event_record(*, task: OcrTask) -> list[str]:
    """A task that has just ended: `task.finished`, `task.failed` or `task.cancelled` (call it in the
    transaction that ends it)."""
    event = TASK_EVENTS.get(TaskStatus(task.status))
    if event is None:
        return []
    documents = Document.objects.filter(task_id=task.pk).aggregate(
        total=Count("pk"),
        processed=Count("pk", filter=Q(status__in=[DocumentStatus.PROCESSED, DocumentStatus.APPROVED])),
        failed=Count("pk", filter=Q(status=DocumentStatus.FAILED)),
    )
    error = {"code": task.error_code, "message": task.error_message} if task.error_code else None
    return webhook_event_record(
        project_id=task.project_id,
        event=event,
        data={
            "task_id": str(task.pk),
            "status": str(task.status),
            "counts": {
                "documents": documents["total"],
                "documents_processed": documents["processed"],
                "documents_failed": documents["failed"],
                "pages": task.pages_total,
            },
            "error": error,
            "links": _task_links(task.project_id, task.pk),
        },
    )


def document_approved_record(*, document: Document) -> list[str]:
    """A document that has just been approved (call it in the approval's transaction)."""
    base = f"/api/projects/{document.project_id}/"
    return webhook_event_record(
        project_id=document.project_id,
        event=WebhookEvent.DOCUMENT_APPROVED,
        data={
            "document_id": str(document.pk),
            "task_id": str(document.task_id),
            "status": str(document.status),
            "name": document.name,
            "approved_by": getattr(document.approved_by, "username", None),
            "approved_at": document.approved_at.isoformat() if document.approved_at else None,
            "forced": bool(document.approval_override_reason),
            "links": {
                "document": f"{base}documents/{document.pk}/",
                "task": f"{base}ocr-status/{document.task_id}/",
            },
        },
    )


# -- delivery (the flows' port) ---------------------------------------------------------------------------


def webhook_signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """The `X-OCR-Signature` value: `t=<timestamp>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def webhook_body(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()


def _finish(delivery: WebhookDelivery, error: str) -> None:
    now = timezone.now()
    delivery.status, delivery.last_error, delivery.finished_at = DeliveryStatus.FAILED, error, now
    delivery.save(update_fields=["status", "last_error", "finished_at", "updated_at"])


def webhook_request_prepare(*, delivery_id, allow_private: bool) -> dict[str, Any] | None:
    """The next attempt of a pending delivery: its URL checked again and its host resolved (the address
    to connect to), the body and the headers signed now. None when nothing is to be sent (no such
    delivery, no longer pending; an endpoint switched off ends its pending deliveries `failed`). A URL
    that is now refused gives `refused` with the reason (the attempt fails with it)."""
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != DeliveryStatus.PENDING:
        return None
    endpoint = delivery.endpoint
    if not endpoint.active:
        _finish(delivery, "the endpoint was switched off before the delivery was sent")
        return None
    prepared: dict[str, Any] = {"delivery_id": str(delivery.pk), "attempts": delivery.attempts}
    try:
        target = target_resolve(endpoint.url, allow_private=allow_private)
    except (WebhookUrlInvalid, WebhookUrlForbidden) as exc:
        return {**prepared, "refused": f"{exc.code}: {exc.message}"}
    body = webhook_body(delivery.payload)
    headers = (
        ("Content-Type", "application/json"),
        ("User-Agent", USER_AGENT),
        (EVENT_HEADER, delivery.event),
        (DELIVERY_HEADER, str(delivery.pk)),
        (SIGNATURE_HEADER, webhook_signature(secret=endpoint.secret, timestamp=int(time.time()), body=body)),
    )
    return {
        **prepared,
        "url": target.url,
        "host": target.host,
        "port": target.port,
        "address": target.address,
        "headers": headers,
        "body": body,
    }


def webhook_attempt_record(
    *, delivery_id, ok: bool, status_code: int | None, error: str, final: bool
) -> None:
    """One attempt's outcome: attempts + 1, the answer's status and the error; `final` ends the delivery
    (`succeeded` when `ok`, else `failed`). A delivery no longer pending (or deleted) is left alone."""
    now = timezone.now()
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.status != DeliveryStatus.PENDING:
            return
        delivery.attempts += 1
        delivery.last_attempt_at = now
        delivery.response_status = status_code
        delivery.last_error = "" if ok else error
        if ok:
            delivery.status, delivery.finished_at = DeliveryStatus.SUCCEEDED, now
        elif final:
            delivery.status, delivery.finished_at = DeliveryStatus.FAILED, now
        delivery.save()
