"""gunicorn's own answers (400, 414, 431: before Django sees the request) carry the API's JSON error body,
and its limits are generous enough for any request of the API (issue 16 item 6)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from django_api.config.gunicorn_errors import json_error
from tests.django_api.conftest import wait_for_port

ROOT = Path(__file__).resolve().parents[2]


def _split(raw: bytes) -> tuple[str, dict[str, str], dict]:
    head, _, body = raw.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    assert int(headers["content-length"]) == len(body)
    return status, headers, json.loads(body)


def test_an_oversized_request_line_is_answered_in_json():
    status, headers, body = _split(json_error(414, "URI Too Long", "Request Line is too large (9000 > 8190)"))
    assert status == "HTTP/1.1 414 URI Too Long"
    assert headers["content-type"] == "application/json" and headers["connection"] == "close"
    assert body == {
        "code": "request_line_too_long",
        "message": "The request line (method, path and query) is too long: Request Line is too large"
        " (9000 > 8190)",
    }


def test_a_client_supplied_message_stays_json():
    _, _, body = _split(json_error(400, "Bad Request", "Invalid Request Line '\"}<script>\\u2028'"))
    assert body["code"] == "bad_request" and "<script>" in body["message"]


def test_a_server_error_says_nothing_of_its_cause():
    _, _, body = _split(json_error(500, "Internal Server Error", ""))
    assert body == {"code": "server_error", "message": "The server failed to answer this request."}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _ask(port: int, raw: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(raw)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.fixture(scope="module")
def gunicorn_port():
    port = _free_port()
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "-c",
            "python:tests.django_api.gunicorn_json_errors_app",
            "--bind",
            f"127.0.0.1:{port}",
            "tests.django_api.gunicorn_json_errors_app:app",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, what="gunicorn")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.slow
def test_a_real_gunicorn_answers_its_own_errors_in_json(gunicorn_port):
    long_query = "x" * 6000  # above gunicorn's default limit of 4094, within the API's
    ok = _ask(
        gunicorn_port, f"GET /api/?q={long_query} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".encode()
    )
    assert ok.startswith(b"HTTP/1.1 200")
    too_long = _ask(gunicorn_port, f"GET /api/?q={'x' * 9000} HTTP/1.1\r\nHost: t\r\n\r\n".encode())
    status, headers, body = _split(too_long)
    assert status.startswith("HTTP/1.1 414") and body["code"] == "request_line_too_long"
    many = "".join(f"X-H{i}: v\r\n" for i in range(250))
    status, _, body = _split(_ask(gunicorn_port, f"GET /api/ HTTP/1.1\r\nHost: t\r\n{many}\r\n".encode()))
    assert status.startswith("HTTP/1.1 431") and body["code"] == "headers_too_large"
    status, headers, body = _split(_ask(gunicorn_port, b"NOT HTTP AT ALL\r\n\r\n"))
    assert status.startswith("HTTP/1.1 400") and headers["content-type"] == "application/json"
    assert body["code"] == "bad_request"
