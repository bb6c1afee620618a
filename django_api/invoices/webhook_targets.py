"""Where a webhook may be sent (SSRF guard): http(s) URLs only, without credentials, whose host resolves
to public addresses. A host with any private, loopback, link-local, shared (CGNAT), multicast, reserved or
unspecified address is refused unless the operator allows private targets (`OCR_WEBHOOKS_ALLOW_PRIVATE`).

The check runs when an endpoint is saved and again before every delivery attempt; the attempt then
connects to the very address checked (`Target.address`), so a DNS answer that changes between the check
and the connection (rebinding) cannot point a delivery at the inside."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django_api.invoices.errors import ApiError

MAX_URL_LENGTH = 2000


class WebhookUrlInvalid(ApiError):
    """Not an http(s) URL a webhook can be sent to (scheme, host, port, credentials, or no such host)."""

    code = "webhook_url_invalid"
    http_status = 400


class WebhookUrlForbidden(ApiError):
    """The URL's host resolves to an address inside (private, loopback, link-local, reserved...)."""

    code = "webhook_url_forbidden"
    http_status = 400


@dataclass(frozen=True, slots=True)
class Target:
    url: str
    scheme: str  # http | https
    host: str  # as written in the URL (the Host header and the TLS server name)
    port: int
    address: str  # the checked IP address to connect to


def _is_internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    mapped = getattr(address, "ipv4_mapped", None) or getattr(address, "sixtofour", None)
    if mapped is not None:
        return _is_internal(mapped)
    return not address.is_global or address.is_multicast or address.is_reserved


def url_parse(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL, else `WebhookUrlInvalid`."""
    if not isinstance(url, str) or not url.strip() or len(url) > MAX_URL_LENGTH:
        raise WebhookUrlInvalid(f"Give an http or https URL of at most {MAX_URL_LENGTH} characters.")
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise WebhookUrlInvalid("The URL contains spaces or control characters.")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise WebhookUrlInvalid(f"The URL is not valid: {exc}.") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise WebhookUrlInvalid("Only http and https URLs can receive webhooks.", detail={"scheme": scheme})
    if parts.username is not None or parts.password is not None:
        raise WebhookUrlInvalid("Put no credentials in the URL: the signature authenticates each delivery.")
    host = parts.hostname or ""
    if not host:
        raise WebhookUrlInvalid("The URL has no host.")
    if port == 0:
        raise WebhookUrlInvalid("The URL names port 0.")
    return scheme, host, port or (443 if scheme == "https" else 80)


def target_resolve(url: str, *, allow_private: bool) -> Target:
    """The URL checked and its host resolved: `WebhookUrlInvalid` (not http(s), no such host) or
    `WebhookUrlForbidden` (an internal address among the host's, unless `allow_private`)."""
    scheme, host, port = url_parse(url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise WebhookUrlInvalid(
            f"The host {host!r} cannot be resolved.", detail={"host": host, "reason": str(exc)}
        ) from None
    addresses = []
    for info in infos:
        text = info[4][0].split("%", 1)[0]  # an IPv6 scope id (fe80::1%eth0)
        if text not in addresses:
            addresses.append(text)
    if not addresses:
        raise WebhookUrlInvalid(f"The host {host!r} has no address.", detail={"host": host})
    if not allow_private:
        internal = [a for a in addresses if _is_internal(ipaddress.ip_address(a))]
        if internal:
            raise WebhookUrlForbidden(
                f"The host {host!r} resolves to an internal address ({internal[0]}): webhooks go to public "
                "hosts only (the operator may allow private ones with OCR_WEBHOOKS_ALLOW_PRIVATE).",
                detail={"host": host, "address": internal[0]},
            )
    return Target(url=url, scheme=scheme, host=host, port=port, address=addresses[0])
