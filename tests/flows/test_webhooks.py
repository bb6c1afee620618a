"""The webhook delivery flow against a receiving server on loopback, through an in-memory port: the
POST goes to the address the port checked (never a fresh DNS answer), failed attempts are retried with
exponential backoff up to the limit (attempts made before count), each attempt is recorded."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from flows.settings import ConfigurationError, use_port
from flows.webhooks import (
    AttemptOutcome,
    WebhookRequest,
    backoff_delay,
    deliver_pending_webhooks,
    deliver_webhooks,
    deliveries_send,
    post_webhook,
)


class Receiver:
    def __init__(self, statuses=(200,)) -> None:
        self.statuses, self.requests = list(statuses), []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                self.send_response(receiver.statuses[min(len(receiver.requests), len(receiver.statuses)) - 1])
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.port = self.server.server_address[1]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


class FakeWebhookPort:
    """Deliveries by id: the request to make (host `hooks.example`, pinned to loopback) and the attempts
    recorded."""

    def __init__(self, port: int, *, attempts_before: int = 0, refused: str = "") -> None:
        self.port, self.refused = port, refused
        self.attempts: dict[str, list[tuple[AttemptOutcome, bool]]] = {}
        self.attempts_before = attempts_before
        self.done: set[str] = set()

    def webhook_request(self, delivery_id: str) -> dict | None:
        if delivery_id in self.done or delivery_id == "gone":
            return None
        made = self.attempts_before + len(self.attempts.get(delivery_id, []))
        if self.refused:
            return {"delivery_id": delivery_id, "attempts": made, "refused": self.refused}
        return dict(
            delivery_id=delivery_id,
            attempts=made,
            url=f"http://hooks.example:{self.port}/in?x=1",
            host="hooks.example",
            port=self.port,
            address="127.0.0.1",
            headers=(("Content-Type", "application/json"), ("X-OCR-Delivery", delivery_id)),
            body=b'{"event":"task.finished"}',
        )

    def webhook_attempt_record(self, delivery_id: str, *, ok, status_code, error, final: bool) -> None:
        outcome = AttemptOutcome(ok=ok, status_code=status_code, error=error)
        self.attempts.setdefault(delivery_id, []).append((outcome, final))
        if final:
            self.done.add(delivery_id)


def test_the_post_goes_to_the_checked_address_with_the_url_host(receiver):
    port = FakeWebhookPort(receiver.port)
    outcome = post_webhook(WebhookRequest(**port.webhook_request("d1")), timeout_seconds=2)
    assert outcome == AttemptOutcome(ok=True, status_code=200)
    [request] = receiver.requests
    assert request["path"] == "/in?x=1"
    assert request["headers"]["Host"] == f"hooks.example:{receiver.port}"  # not resolved: pinned
    assert request["body"] == b'{"event":"task.finished"}'


def test_failures_are_retried_with_exponential_backoff_then_failed():
    server = Receiver(statuses=(500,))
    slept: list[float] = []
    try:
        port = FakeWebhookPort(server.port)
        outcome = deliveries_send(
            ["d1"], port=port, max_attempts=4, backoff_seconds=0.5, timeout_seconds=2, sleep=slept.append
        )
    finally:
        server.close()
    assert outcome == {"d1": "failed"}
    assert len(server.requests) == 4
    assert slept == [0.5, 1.0, 2.0]
    assert [final for _, final in port.attempts["d1"]] == [False, False, False, True]
    assert all(o.status_code == 500 and o.error.startswith("HTTP 500") for o, _ in port.attempts["d1"])


def test_attempts_made_before_count_and_a_recovery_succeeds():
    server = Receiver(statuses=(503, 204))
    try:
        port = FakeWebhookPort(server.port, attempts_before=1)
        outcome = deliveries_send(["d1"], port=port, max_attempts=3, backoff_seconds=0, timeout_seconds=2)
    finally:
        server.close()
    assert outcome == {"d1": "succeeded"}
    assert [(o.ok, o.status_code, final) for o, final in port.attempts["d1"]] == [
        (False, 503, False),
        (True, 204, True),
    ]
    assert backoff_delay(3, backoff_seconds=2) == 8


def test_a_refused_target_and_a_dead_port_fail_with_their_reason_and_gone_is_skipped():
    refused = FakeWebhookPort(1, refused="webhook_url_forbidden: internal")
    assert deliveries_send(["d1"], port=refused, max_attempts=2, backoff_seconds=0) == {"d1": "failed"}
    assert [o.error for o, _ in refused.attempts["d1"]] == ["webhook_url_forbidden: internal"] * 2
    closed = Receiver()
    closed.close()  # nothing listens there any more
    dead = FakeWebhookPort(closed.port)
    assert deliveries_send(["d1", "gone"], port=dead, max_attempts=1, timeout_seconds=1) == {
        "d1": "failed",
        "gone": "skipped",
    }
    [(outcome, final)] = dead.attempts["d1"]
    assert final and outcome.status_code is None and "Connection" in outcome.error


def test_the_prefect_flow_delivers(prefect_api, receiver):
    port = FakeWebhookPort(receiver.port)
    with use_port(port):
        outcome = deliver_webhooks(["d1", "d2"], max_attempts=2, backoff_seconds=0.01, timeout_seconds=2)
    assert outcome == {"d1": "succeeded", "d2": "succeeded"}
    assert [r["headers"]["X-OCR-Delivery"] for r in receiver.requests] == ["d1", "d2"]


class PendingFakePort(FakeWebhookPort):
    """Also lists pending deliveries (`PendingDeliveries`): those not yet done, idle long enough."""

    def __init__(self, port: int, pending: dict[str, float]) -> None:
        super().__init__(port)
        self.idle = pending  # delivery id -> seconds since it was last touched

    def webhook_pending_ids(self, *, idle_seconds: float) -> list[str]:
        return [d for d, idle in self.idle.items() if d not in self.done and idle >= idle_seconds]


def test_the_scheduled_sweep_sends_only_deliveries_left_idle(prefect_api, receiver):
    port = PendingFakePort(receiver.port, {"old": 3600.0, "busy": 5.0})
    with use_port(port):
        outcome = deliver_pending_webhooks(idle_seconds=600, max_attempts=2, backoff_seconds=0.01)
        again = deliver_pending_webhooks(idle_seconds=600, max_attempts=2, backoff_seconds=0.01)
    assert outcome == {"old": "succeeded"}  # "busy" is being sent by its own process right now
    assert again == {}  # delivered: no longer pending
    assert [r["headers"]["X-OCR-Delivery"] for r in receiver.requests] == ["old"]


def test_the_sweep_needs_a_port_that_lists_pending_deliveries(prefect_api, receiver):
    with use_port(FakeWebhookPort(receiver.port)), pytest.raises(ConfigurationError, match="pending"):
        deliver_pending_webhooks()
