"""gunicorn's own error answers as the API's JSON error body `{"code", "message"}`.

gunicorn answers some requests before Django sees them: a malformed request (400), a request line over
`limit_request_line` (414), too many or too large headers (431), and a few rarer ones (403, 417, 501), with
an HTML page. gunicorn has no setting for that page: `install()`, called by `gunicorn_conf.on_starting` in
the master so that every forked worker has it, replaces `gunicorn.util.write_error`, the one function its
workers call to write such an answer (checked against gunicorn 27; `test_gunicorn_errors.py` fails if it
moves). Status and reason stay gunicorn's; the connection is closed as before."""

from __future__ import annotations

import json

CODES = {
    400: "bad_request",
    403: "permission_denied",
    414: "request_line_too_long",
    417: "expectation_failed",
    431: "headers_too_large",
    500: "server_error",
    501: "not_implemented",
}
MESSAGES = {
    414: "The request line (method, path and query) is too long",
    431: "The request's headers are too many or too large",
    500: "The server failed to answer this request.",
}


def json_error(status_int: int, reason: str, mesg: str) -> bytes:
    """The whole HTTP answer: status line, headers, JSON body."""
    message = MESSAGES.get(status_int, reason)
    if mesg and status_int != 500:
        message = f"{message}: {mesg}"
    body = json.dumps({"code": CODES.get(status_int, "bad_request"), "message": message}).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


def write_json_error(sock, status_int: int, reason: str, mesg: str) -> None:
    from gunicorn import util

    util.write_nonblock(sock, json_error(status_int, reason, mesg))


def install() -> None:
    from gunicorn import util

    util.write_error = write_json_error
