"""Webhooks end to end: endpoints managed by the project's owner, deliveries recorded when a task ends or
a document is approved, sent signed to a receiving server on loopback (the operator's allow-private
setting on), retried with backoff and recorded; SSRF targets refused at creation and at delivery."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from django_api.invoices.models import WebhookDelivery, WebhookEndpoint
from tests.api_shapes import assert_shape, component_schema, response_schema
from tests.django_api.conftest import png_bytes, upload

pytestmark = pytest.mark.django_db

P = "/api/projects/{project_id}/"


class Receiver:
    """An HTTP server on loopback that records each POST and answers the next status of `statuses`
    (the last one repeats)."""

    def __init__(self, statuses=(200,)) -> None:
        self.statuses = list(statuses)
        self.requests: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                status = receiver.statuses[min(len(receiver.requests), len(receiver.statuses)) - 1]
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/ocr?src=test"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def failing_receiver():
    server = Receiver(statuses=(500,))
    yield server
    server.close()


@pytest.fixture
def allow_private(settings):
    settings.OCR_WEBHOOKS_ALLOW_PRIVATE = True


def signature_ok(secret: str, request: dict, *, tolerance: int = 300) -> bool:
    """A receiver's check of `X-OCR-Signature: t=...,v1=...`, as a client library would do it."""
    import time

    parts = dict(item.split("=", 1) for item in request["headers"]["X-OCR-Signature"].split(","))
    expected = hmac.new(
        secret.encode(), parts["t"].encode() + b"." + request["body"], hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(expected, parts["v1"]) and abs(time.time() - int(parts["t"])) < tolerance


def create(client, project, url, **extra):
    return client.post(f"/api/projects/{project.pk}/webhooks/", {"url": url, **extra}, format="json")


def upload_processed(client, project, run_on_commit, name="a.png"):
    body = run_on_commit(
        client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload(name, png_bytes(1))]},
        format="multipart",
    ).json()
    return body["task_id"], body["documents"][0]["id"]


def test_task_finished_is_posted_signed_and_recorded(
    alice_client, project, receiver, allow_private, run_on_commit
):
    created = create(alice_client, project, receiver.url)
    assert created.status_code == 201, created.content
    hook = created.json()
    assert hook["secret"].startswith("whsec_") and len(hook["secret"]) > 40
    assert hook["events"] == ["task.finished", "task.failed", "task.cancelled", "document.approved"]
    assert_shape(hook, response_schema(P + "webhooks/", "post", 201), "create")

    task_id, _ = upload_processed(alice_client, project, run_on_commit)

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    assert request["path"] == "/hooks/ocr?src=test"
    assert request["headers"]["X-OCR-Event"] == "task.finished"
    assert request["headers"]["Content-Type"] == "application/json"
    assert signature_ok(hook["secret"], request)
    assert not signature_ok("whsec_other", request)
    payload = json.loads(request["body"])
    assert payload["event"] == "task.finished"
    assert payload["project_id"] == project.pk
    assert payload["task_id"] == task_id
    assert payload["status"] == "succeeded"
    assert payload["counts"] == {"documents": 1, "documents_processed": 1, "documents_failed": 0, "pages": 1}
    assert payload["links"]["status"] == f"/api/projects/{project.pk}/ocr-status/{task_id}/"
    assert payload["created_at"]

    deliveries = alice_client.get(f"/api/projects/{project.pk}/webhooks/{hook['id']}/deliveries/")
    assert deliveries.status_code == 200
    [delivery] = deliveries.json()
    assert_shape(deliveries.json(), response_schema(P + "webhooks/{webhook_id}/deliveries/"), "deliveries")
    assert request["headers"]["X-OCR-Delivery"] == delivery["id"]
    assert delivery["status"] == "succeeded"
    assert delivery["attempts"] == 1
    assert delivery["response_status"] == 200
    assert delivery["last_error"] == ""
    assert delivery["event"] == "task.finished"
    assert delivery["payload"] == payload
    assert delivery["finished_at"]


def test_document_approved_is_posted(alice_client, project, receiver, allow_private, run_on_commit):
    _, document_id = upload_processed(alice_client, project, run_on_commit)  # before the endpoint: not sent
    hook = create(alice_client, project, receiver.url, events=["document.approved"]).json()
    approved = run_on_commit(
        alice_client.post, f"/api/projects/{project.pk}/documents/{document_id}/approve/", {}, format="json"
    )
    assert approved.status_code == 200, approved.content
    assert [r["headers"]["X-OCR-Event"] for r in receiver.requests] == ["document.approved"]
    assert signature_ok(hook["secret"], receiver.requests[0])
    payload = json.loads(receiver.requests[0]["body"])
    assert payload["document_id"] == document_id
    assert payload["status"] == "approved"
    assert payload["approved_by"] == "alice"
    assert payload["links"]["document"] == f"/api/projects/{project.pk}/documents/{document_id}/"
    # approving again changes nothing and sends nothing
    run_on_commit(
        alice_client.post, f"/api/projects/{project.pk}/documents/{document_id}/approve/", {}, format="json"
    )
    assert len(receiver.requests) == 1


def test_a_failing_receiver_is_retried_then_failed(
    alice_client, project, failing_receiver, allow_private, run_on_commit, settings
):
    settings.OCR_WEBHOOK_MAX_ATTEMPTS = 3
    hook = create(alice_client, project, failing_receiver.url, events=["task.finished"]).json()
    upload_processed(alice_client, project, run_on_commit)

    assert len(failing_receiver.requests) == 3
    assert len({r["headers"]["X-OCR-Delivery"] for r in failing_receiver.requests}) == 1
    assert all(signature_ok(hook["secret"], r) for r in failing_receiver.requests)
    [delivery] = alice_client.get(f"/api/projects/{project.pk}/webhooks/{hook['id']}/deliveries/").json()
    assert delivery["status"] == "failed"
    assert delivery["attempts"] == 3
    assert delivery["response_status"] == 500
    assert delivery["last_error"].startswith("HTTP 500")


def test_a_receiver_that_recovers_gets_it_on_a_retry(alice_client, project, allow_private, run_on_commit):
    server = Receiver(statuses=(503, 200))
    try:
        hook = create(alice_client, project, server.url).json()
        upload_processed(alice_client, project, run_on_commit)
        assert len(server.requests) == 2
    finally:
        server.close()
    delivery = WebhookDelivery.objects.get(endpoint_id=hook["id"])
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("succeeded", 2, 200)
    assert delivery.last_error == ""


def test_a_failed_and_a_cancelled_task_are_their_own_events(
    alice_client, project, receiver, allow_private, run_on_commit, settings
):
    create(alice_client, project, receiver.url, events=["task.failed", "task.cancelled"])
    upload_processed(alice_client, project, run_on_commit, name="ok.png")  # task.finished: not subscribed
    assert receiver.requests == []
    settings.OCR_EXECUTOR = "none"  # the upload stays queued
    task_id, _ = upload_processed(alice_client, project, run_on_commit, name="later.png")
    settings.OCR_EXECUTOR = "sync"
    cancelled = run_on_commit(alice_client.post, f"/api/projects/{project.pk}/ocr-cancel/{task_id}/")
    assert cancelled.status_code == 202
    assert [r["headers"]["X-OCR-Event"] for r in receiver.requests] == ["task.cancelled"]
    payload = json.loads(receiver.requests[0]["body"])
    assert payload["status"] == "cancelled" and payload["task_id"] == task_id

    from django_api.invoices.services.pipeline_records import task_finish

    settings.OCR_EXECUTOR = "none"
    task_id, _ = upload_processed(alice_client, project, run_on_commit, name="broken.png")
    settings.OCR_EXECUTOR = "sync"
    run_on_commit(task_finish, task_id=task_id, status="failed", error_code="ocr_failed", error_message="no")
    assert [r["headers"]["X-OCR-Event"] for r in receiver.requests] == ["task.cancelled", "task.failed"]
    payload = json.loads(receiver.requests[1]["body"])
    assert payload["status"] == "failed"
    assert payload["error"] == {"code": "ocr_failed", "message": "no"}
    assert payload["counts"]["documents_failed"] == 1


def test_an_inactive_endpoint_gets_nothing(alice_client, project, receiver, allow_private, run_on_commit):
    hook = create(alice_client, project, receiver.url, active=False).json()
    upload_processed(alice_client, project, run_on_commit)
    assert receiver.requests == []
    assert not WebhookDelivery.objects.filter(endpoint_id=hook["id"]).exists()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://[::1]/hook",
        "http://10.1.2.3/hook",
        "http://192.168.0.10/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://2130706433/",  # 127.0.0.1 as a number
        "http://0.0.0.0/",
        "http://[::ffff:127.0.0.1]/",
    ],
)
def test_internal_targets_are_refused_by_default(alice_client, project, url):
    response = create(alice_client, project, url)
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "webhook_url_forbidden"
    assert_shape(response.json(), component_schema("Error"), "refused")
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/x",
        "file:///etc/passwd",
        "gopher://1.1.1.1/",
        "http://",
        "not a url",
        "http://user:pw@1.1.1.1/",
        "http://1.1.1.1:0/",
        "http://no-such-host.invalid/",
    ],
)
def test_bad_urls_are_invalid(alice_client, project, url):
    response = create(alice_client, project, url)
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "webhook_url_invalid"


def test_a_target_turned_internal_is_refused_at_delivery(
    alice_client, project, receiver, allow_private, run_on_commit, settings
):
    """The check runs again before each attempt (a host whose DNS answer changes after it was saved)."""
    hook = create(alice_client, project, receiver.url, events=["task.finished"]).json()
    settings.OCR_WEBHOOKS_ALLOW_PRIVATE = False
    settings.OCR_WEBHOOK_MAX_ATTEMPTS = 2
    upload_processed(alice_client, project, run_on_commit)
    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get(endpoint_id=hook["id"])
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("failed", 2, None)
    assert delivery.last_error.startswith("webhook_url_forbidden")


def test_the_secret_is_shown_once(alice_client, project, allow_private, receiver):
    hook = create(alice_client, project, receiver.url).json()
    base = f"/api/projects/{project.pk}/webhooks/"
    listed = alice_client.get(base)
    detail = alice_client.get(f"{base}{hook['id']}/")
    patched = alice_client.patch(f"{base}{hook['id']}/", {"active": False}, format="json")
    for response, template in (
        (listed, P + "webhooks/"),
        (detail, P + "webhooks/{webhook_id}/"),
    ):
        assert response.status_code == 200
        assert_shape(response.json(), response_schema(template), template)
    assert_shape(patched.json(), response_schema(P + "webhooks/{webhook_id}/", "patch"), "patch")
    for body in (listed.json()[0], detail.json(), patched.json()):
        assert "secret" not in body
        assert hook["secret"] not in json.dumps(body)
    assert patched.json()["active"] is False
    assert WebhookEndpoint.objects.get(pk=hook["id"]).secret == hook["secret"]


def test_update_checks_the_url_and_delete_removes_deliveries(
    alice_client, project, allow_private, receiver, run_on_commit, settings
):
    hook = create(alice_client, project, receiver.url).json()
    url = f"/api/projects/{project.pk}/webhooks/{hook['id']}/"
    upload_processed(alice_client, project, run_on_commit)
    assert WebhookDelivery.objects.filter(endpoint_id=hook["id"]).count() == 1
    settings.OCR_WEBHOOKS_ALLOW_PRIVATE = False
    refused = alice_client.patch(url, {"url": "http://10.0.0.1/"}, format="json")
    assert refused.status_code == 400 and refused.json()["code"] == "webhook_url_forbidden"
    events = alice_client.patch(url, {"events": ["document.approved", "document.approved"]}, format="json")
    assert events.json()["events"] == ["document.approved"]
    bad = alice_client.patch(url, {"events": ["task.started"]}, format="json")
    assert bad.status_code == 400 and bad.json()["code"] == "validation_error"
    assert alice_client.patch(url, {"events": []}, format="json").status_code == 400
    assert alice_client.delete(url).status_code == 204
    assert alice_client.get(url).status_code == 404
    assert not WebhookDelivery.objects.exists()


def test_other_users_get_404_and_members_who_are_not_owners_403(
    alice_client, bob_client, vera_client, project, allow_private, receiver
):
    hook = create(alice_client, project, receiver.url).json()
    base = f"/api/projects/{project.pk}/webhooks/"
    calls = [
        ("get", base, None),
        ("post", base, {"url": receiver.url}),
        ("get", f"{base}{hook['id']}/", None),
        ("patch", f"{base}{hook['id']}/", {"active": False}),
        ("delete", f"{base}{hook['id']}/", None),
        ("get", f"{base}{hook['id']}/deliveries/", None),
    ]
    for method, url, body in calls:
        response = getattr(bob_client, method)(url, body, format="json")
        assert response.status_code == 404, (method, url, response.content)
        assert response.json()["code"] == "not_found"
        assert hook["secret"] not in response.content.decode()
        viewer = getattr(vera_client, method)(url, body, format="json")
        assert viewer.status_code == 403, (method, url, viewer.content)
    assert WebhookEndpoint.objects.get(pk=hook["id"]).active is True
    assert alice_client.get(f"/api/projects/{project.pk}/webhooks/999999/").status_code == 404


def test_pending_deliveries_are_sent_again_at_start_up(
    alice_client, project, receiver, allow_private, run_on_commit, settings
):
    """A delivery left pending (its process stopped) is sent by the start-up recovery."""
    from django_api.orchestration.seam import recover_on_startup

    hook = create(alice_client, project, receiver.url, events=["task.finished"]).json()
    settings.OCR_WEBHOOK_FLOW = "tests.django_api.test_webhooks:_no_delivery"
    upload_processed(alice_client, project, run_on_commit)
    assert WebhookDelivery.objects.get(endpoint_id=hook["id"]).status == "pending"
    settings.OCR_WEBHOOK_FLOW = "flows.webhooks:deliveries_send"
    recover_on_startup()
    assert len(receiver.requests) == 1
    assert WebhookDelivery.objects.get(endpoint_id=hook["id"]).status == "succeeded"


def _no_delivery(**kwargs) -> None:
    """A delivery flow that never runs (a process stopped before it)."""


@pytest.mark.slow  # a Prefect API (the process's prefect_server)
def test_the_prefect_flow_delivers_through_the_seam(
    alice_client, project, receiver, allow_private, run_on_commit, settings, prefect_server
):
    settings.OCR_WEBHOOK_FLOW = "flows.webhooks:deliver_webhooks"  # the default: a Prefect flow run
    hook = create(alice_client, project, receiver.url, events=["task.finished"]).json()
    upload_processed(alice_client, project, run_on_commit)
    assert [r["headers"]["X-OCR-Event"] for r in receiver.requests] == ["task.finished"]
    assert signature_ok(hook["secret"], receiver.requests[0])
    delivery = WebhookDelivery.objects.get(endpoint_id=hook["id"])
    assert (delivery.status, delivery.attempts) == ("succeeded", 1)


def test_the_scheduled_sweep_lists_only_deliveries_left_idle(
    alice_client, project, receiver, allow_private, run_on_commit, settings
):
    """`deliver-pending-webhooks` (every 10 minutes) asks the port for pending deliveries untouched for
    a while: one its process is sending now is not listed, a stale one is; sent ones never are."""
    from datetime import timedelta

    from django.utils import timezone

    from django_api.orchestration.django_port import DjangoPort

    create(alice_client, project, receiver.url, events=["task.finished"])
    settings.OCR_WEBHOOK_FLOW = "tests.django_api.test_webhooks:_no_delivery"
    upload_processed(alice_client, project, run_on_commit, name="a.png")
    upload_processed(alice_client, project, run_on_commit, name="b.png")
    stale, fresh = WebhookDelivery.objects.order_by("created_at")
    WebhookDelivery.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - timedelta(hours=1))

    port = DjangoPort()
    assert port.webhook_pending_ids(idle_seconds=600) == [str(stale.pk)]
    assert port.webhook_pending_ids(idle_seconds=0) == [str(stale.pk), str(fresh.pk)]
    WebhookDelivery.objects.filter(pk=stale.pk).update(status="succeeded")
    assert port.webhook_pending_ids(idle_seconds=600) == []
