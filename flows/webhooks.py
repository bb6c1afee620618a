"""The `deliver_webhooks` flow: send recorded webhook deliveries, each a signed JSON POST, retried with
exponential backoff, every attempt recorded through the port.

What to send and whether it may be sent is the port's business (`WebhookPort`, implemented by
`django_api`'s port, which imports neither this module nor prefect, so plain values cross it): before
each attempt it checks the endpoint's URL again (SSRF: internal addresses refused unless the operator
allows them), signs the body with a fresh timestamp and names the address it checked.
This module only connects to that address (never resolving the host again, so a DNS answer that
changes in between cannot redirect the POST), sends, and reports the outcome. Redirects are not
followed; any answer other than 2xx is a failed attempt.

Imports prefect and the standard library only (not django, not `django_api`)."""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.settings import ConfigurationError, get_port

MAX_ERROR_LENGTH = 500


@dataclass(frozen=True, slots=True)
class WebhookRequest:
    """One attempt of one delivery, ready to send. `refused`: the port will not send it now (the URL's
    host is internal or cannot be resolved); the attempt fails with that reason."""

    delivery_id: str
    attempts: int  # attempts made before this one
    url: str = ""
    host: str = ""
    port: int = 0
    address: str = ""  # the checked IP address to connect to
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    refused: str = ""


@dataclass(frozen=True, slots=True)
class AttemptOutcome:
    ok: bool
    status_code: int | None = None
    error: str = ""


@runtime_checkable
class WebhookPort(Protocol):
    def webhook_request(self, delivery_id: str) -> dict[str, Any] | None:
        """The next attempt of the delivery: the fields of a `WebhookRequest`; None when there is nothing
        to send any more (delivered or failed for good, its endpoint deleted or switched off)."""
        ...

    def webhook_attempt_record(
        self, delivery_id: str, *, ok: bool, status_code: int | None, error: str, final: bool
    ) -> None:
        """One attempt's outcome; `final`: no attempt follows (succeeded, or the last one failed)."""
        ...


@runtime_checkable
class PendingDeliveries(Protocol):
    """Optional: lists the deliveries still pending (for `deliver_pending_webhooks`)."""

    def webhook_pending_ids(self, *, idle_seconds: float) -> list[str]:
        """Ids of pending deliveries untouched for at least `idle_seconds`, oldest first (a delivery being
        sent right now by the process that recorded it is touched at each attempt, so it is left to it)."""
        ...


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to a given address; the Host header still names the URL's host."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """TLS to a given address, the certificate checked against the URL's host (SNI too)."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _short(text: str) -> str:
    return text if len(text) <= MAX_ERROR_LENGTH else text[: MAX_ERROR_LENGTH - 3] + "..."


def post_webhook(request: WebhookRequest, *, timeout_seconds: float) -> AttemptOutcome:
    """One POST of the request's body to its checked address (`timeout_seconds` per connect, send and
    read). 2xx is success; another status or a network error is a failed attempt saying why."""
    if request.refused:
        return AttemptOutcome(ok=False, error=_short(request.refused))
    parts = urlsplit(request.url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    kind = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = kind(request.host, request.port, address=request.address, timeout=timeout_seconds)
    try:
        connection.request("POST", path, body=request.body, headers=dict(request.headers))
        response = connection.getresponse()
        response.read(64 * 1024)  # the answer's body is not kept; read a little so the server is not cut off
        status, reason = response.status, response.reason
    except (OSError, http.client.HTTPException) as exc:
        return AttemptOutcome(ok=False, error=_short(f"{type(exc).__name__}: {exc}"))
    finally:
        connection.close()
    if 200 <= status < 300:
        return AttemptOutcome(ok=True, status_code=status)
    return AttemptOutcome(ok=False, status_code=status, error=_short(f"HTTP {status} {reason}".strip()))


def backoff_delay(attempt: int, *, backoff_seconds: float) -> float:
    """Seconds to wait after failed attempt `attempt` (1-based): `backoff_seconds`, doubling each time."""
    return backoff_seconds * 2 ** max(0, attempt - 1)


Post = Callable[[WebhookRequest, float], AttemptOutcome]


def _post_plain(request: WebhookRequest, timeout_seconds: float) -> AttemptOutcome:
    return post_webhook(request, timeout_seconds=timeout_seconds)


def delivery_send(
    port: WebhookPort,
    delivery_id: str,
    *,
    max_attempts: int,
    backoff_seconds: float,
    timeout_seconds: float,
    post: Post = _post_plain,
    sleep: Callable[[float], None] = time.sleep,
) -> str:
    """Attempt one delivery until it succeeds or has had `max_attempts` attempts in all (attempts made
    before, e.g. by a process that stopped, count), waiting `backoff_delay` between attempts. Returns
    `succeeded`, `failed` or `skipped` (nothing to send)."""
    while True:
        fields = port.webhook_request(delivery_id)
        if fields is None:
            return "skipped"
        request = WebhookRequest(**fields)
        attempt = request.attempts + 1
        outcome = post(request, timeout_seconds)
        final = outcome.ok or attempt >= max_attempts
        port.webhook_attempt_record(
            delivery_id, ok=outcome.ok, status_code=outcome.status_code, error=outcome.error, final=final
        )
        if outcome.ok:
            return "succeeded"
        if final:
            return "failed"
        sleep(backoff_delay(attempt, backoff_seconds=backoff_seconds))


def deliveries_send(
    delivery_ids: Sequence[str],
    *,
    port: WebhookPort | None = None,
    max_attempts: int = 5,
    backoff_seconds: float = 2.0,
    timeout_seconds: float = 5.0,
    post: Post = _post_plain,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, str]:
    """`delivery_send` for each delivery, one after the other, without Prefect (the same policy as the
    flow). Returns the outcome per delivery id."""
    port = port if port is not None else webhook_port()
    return {
        str(delivery_id): delivery_send(
            port,
            str(delivery_id),
            max_attempts=max_attempts,
            backoff_seconds=backoff_seconds,
            timeout_seconds=timeout_seconds,
            post=post,
            sleep=sleep,
        )
        for delivery_id in delivery_ids
    }


def webhook_port() -> WebhookPort:
    port = get_port()
    if not isinstance(port, WebhookPort):
        raise ConfigurationError(f"{type(port).__name__} cannot deliver webhooks (no WebhookPort)")
    return port


@task(name="send-webhook", cache_policy=NO_CACHE, persist_result=False)
def send_webhook(request: WebhookRequest, timeout_seconds: float) -> AttemptOutcome:
    """One attempt (a task run per attempt, so that each shows in Prefect)."""
    outcome = post_webhook(request, timeout_seconds=timeout_seconds)
    if not outcome.ok:
        attempt = request.attempts + 1
        get_run_logger().warning(
            "webhook %s attempt %d failed: %s", request.delivery_id, attempt, outcome.error
        )
    return outcome


@flow(name="deliver-webhooks", persist_result=False)
def deliver_webhooks(
    delivery_ids: list[str],
    max_attempts: int = 5,
    backoff_seconds: float = 2.0,
    timeout_seconds: float = 5.0,
) -> dict[str, str]:
    """Send the given deliveries (ids of recorded webhook deliveries), each retried with exponential
    backoff up to `max_attempts` attempts in all; returns `succeeded`/`failed`/`skipped` per id."""
    return deliveries_send(
        delivery_ids,
        port=webhook_port(),
        max_attempts=max_attempts,
        backoff_seconds=backoff_seconds,
        timeout_seconds=timeout_seconds,
        post=send_webhook,
    )


@flow(name="deliver-pending-webhooks", persist_result=False)
def deliver_pending_webhooks(
    idle_seconds: float = 600.0,
    max_attempts: int = 5,
    backoff_seconds: float = 2.0,
    timeout_seconds: float = 5.0,
) -> dict[str, str]:
    """The safety net of webhook delivery (deployment `deliver-pending-webhooks`, every 10 minutes):
    send again the deliveries left pending for `idle_seconds` (their process stopped or lost its
    network before the last attempt), with the same policy; returns the outcome per id. Receivers get a
    delivery at least once and dedupe on its `X-OCR-Delivery` id."""
    port = webhook_port()
    if not isinstance(port, PendingDeliveries):
        raise ConfigurationError(f"{type(port).__name__} cannot list pending webhook deliveries")
    return deliveries_send(
        port.webhook_pending_ids(idle_seconds=idle_seconds),
        port=port,
        max_attempts=max_attempts,
        backoff_seconds=backoff_seconds,
        timeout_seconds=timeout_seconds,
        post=send_webhook,
    )
