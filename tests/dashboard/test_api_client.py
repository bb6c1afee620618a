"""The HTTP client against a real loopback HTTP server: headers, bodies, error mapping, API down."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from dashboard.api_client import (
    ApiClient,
    ApiError,
    ApiUnavailable,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    UploadFile,
)


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict] = {}
    seen: ClassVar[list] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.seen.append(
            {
                "method": self.command,
                "path": self.path,
                "auth": self.headers.get("Authorization"),
                "type": self.headers.get("Content-Type"),
                "body": body,
            }
        )
        status, payload = self.routes.get(
            (self.command, self.path.split("?")[0]), (404, {"code": "not_found", "message": "Nope."})
        )
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PATCH = _answer

    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture
def server():
    _Handler.routes = {}
    _Handler.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Handler
    httpd.shutdown()
    httpd.server_close()


def test_sign_in_then_token_header_on_later_calls(server):
    url, handler = server
    handler.routes = {
        ("POST", "/api/auth/token/"): (200, {"token": "abc", "username": "demo"}),
        ("GET", "/api/projects/"): (200, [{"id": 1, "name": "P"}]),
    }
    client = ApiClient(url + "/")
    assert client.sign_in("demo", "pw") == "abc"
    assert client.list_projects() == [{"id": 1, "name": "P"}]
    sign_in, projects = handler.seen
    assert sign_in["auth"] is None and json.loads(sign_in["body"]) == {"username": "demo", "password": "pw"}
    assert projects["auth"] == "Token abc"


def test_patch_body_upload_parts_and_filters(server):
    url, handler = server
    handler.routes = {
        ("PATCH", "/api/projects/1/documents/5/fields/"): (200, {"id": 5}),
        ("POST", "/api/projects/1/process-invoices/"): (202, {"task_id": "t"}),
        ("GET", "/api/projects/1/documents/"): (200, []),
    }
    client = ApiClient(url, "tok")
    client.update_fields(1, 5, {"fields": {"total": "9.50"}})
    client.upload(
        1, [UploadFile("a.jpg", b"AAA", "image/jpeg"), UploadFile("b.pdf", b"BBB", "application/pdf")]
    )
    client.list_documents(1, status="failed", vendor=None, date_from="2018-01-01")
    patch, upload, listing = handler.seen
    assert json.loads(patch["body"]) == {"fields": {"total": "9.50"}}
    assert upload["type"].startswith("multipart/form-data")
    assert upload["body"].count(b'name="files"') == 2 and b'filename="b.pdf"' in upload["body"]
    assert listing["path"] == "/api/projects/1/documents/?status=failed&date_from=2018-01-01"


@pytest.mark.parametrize(
    "status,cls",
    [(401, NotAuthenticated), (403, PermissionDenied), (404, NotFound), (409, ApiError), (422, ApiError)],
)
def test_error_bodies_become_typed_errors_with_the_api_code(server, status, cls):
    url, handler = server
    handler.routes = {("GET", "/api/me/"): (status, {"code": f"code_{status}", "message": "Said the API."})}
    with pytest.raises(cls) as info:
        ApiClient(url, "tok").me()
    assert (info.value.code, info.value.message, info.value.status) == (
        f"code_{status}",
        "Said the API.",
        status,
    )


def test_unhealthy_503_still_returns_the_checks(server):
    url, handler = server
    checks = {"healthy": False, "checks": {"tesseract": {"ok": False}}}
    handler.routes = {("GET", "/api/ocr-health/"): (503, checks)}
    assert ApiClient(url).health() == checks


def test_api_down_is_api_unavailable_with_the_url():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(ApiUnavailable) as info:
        ApiClient(f"http://127.0.0.1:{port}", timeout=2).list_projects()
    assert info.value.code == "api_unavailable"
    assert f"127.0.0.1:{port}" in info.value.message


def test_fields_lists_the_apis_invoice_fields(server):
    url, handler = server
    listed = [{"name": "vendor_name", "kind": "text", "label": "Vendor name"}]
    handler.routes = {("GET", "/api/fields/"): (200, listed)}
    assert ApiClient(url, "tok").fields() == listed
    (call,) = handler.seen
    assert (call["method"], call["path"], call["auth"]) == ("GET", "/api/fields/", "Token tok")


def test_the_field_list_is_asked_once_per_session_and_a_failure_falls_back_to_the_document():
    from dashboard.corrections import field_order, invoice_fields
    from tests.dashboard.fakes import INVOICE_FIELDS, FakeApi

    fake, state = FakeApi(), {}
    document_fields = {"total": {}, "vendor_name": {}}
    fake.fail_on["fields"] = ApiUnavailable(message="down", code="api_unavailable")
    assert invoice_fields(fake, state) is None
    assert field_order(None, document_fields) == ("total", "vendor_name")  # the document's own fields
    del fake.fail_on["fields"]
    assert invoice_fields(fake, state) == INVOICE_FIELDS
    assert invoice_fields(fake, state) == INVOICE_FIELDS
    assert len(fake.calls_named("fields")) == 2  # the failed call and one successful one, then kept
    order = field_order(invoice_fields(fake, state), document_fields)
    assert order == tuple(f["name"] for f in INVOICE_FIELDS) and order[0] == "document_type"


def test_project_settings_are_read_and_patched_and_a_refusal_keeps_the_named_settings(server):
    url, handler = server
    refused = {
        "code": "validation_error",
        "message": "invalid project settings: ocr.psm: expected an integer, got 'six'",
        "detail": {"settings": {"ocr.psm": "expected an integer, got 'six'"}},
    }
    handler.routes = {
        ("GET", "/api/projects/3/settings/"): (200, {"review": {"confidence": 0.9}}),
        ("PATCH", "/api/projects/3/settings/"): (400, refused),
    }
    client = ApiClient(url, "tok")
    assert client.project_settings(3) == {"review": {"confidence": 0.9}}
    with pytest.raises(ApiError) as info:
        client.update_project_settings(3, {"ocr": {"psm": "six"}})
    assert info.value.code == "validation_error" and "ocr.psm" in info.value.detail["settings"]
    read, patch = handler.seen
    assert (read["method"], patch["method"], patch["auth"]) == ("GET", "PATCH", "Token tok")
    assert json.loads(patch["body"]) == {"ocr": {"psm": "six"}}
