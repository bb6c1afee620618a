"""A slow answer is not "the API is down" (found in a clerk's week: the first approval after the API
started re-checked the document for longer than the client's 15 s, and the review page said the API was
down or unreachable though the approval went through). A loopback server that answers late."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dashboard.api_client import ApiClient, ApiSlow, ApiUnavailable
from tests.dashboard.fakes import DOC_A
from tests.dashboard.rendered import texts

DELAY_S = 1.5


class _Late(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        time.sleep(DELAY_S)
        body = json.dumps({"id": DOC_A, "status": "approved"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PATCH = _answer

    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture
def late_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Late)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_late_answer_is_slow_not_down(late_server):
    client = ApiClient(late_server, "tok", timeout=0.5, recheck_timeout=0.5)
    with pytest.raises(ApiSlow) as info:
        client.list_projects()
    assert isinstance(info.value, ApiUnavailable)  # callers that catch "unavailable" still do
    assert info.value.code == "api_timeout"
    assert (
        "did not answer within 0 s" not in info.value.message and "may still be working" in info.value.message
    )


def test_writes_that_recheck_wait_longer_than_reads(late_server):
    client = ApiClient(late_server, "tok", timeout=0.5, recheck_timeout=5)
    with pytest.raises(ApiSlow):
        client.document(1, DOC_A)  # a read: the short timeout
    assert client.approve(1, DOC_A)["status"] == "approved"  # re-checks: waits for the answer
    assert client.update_fields(1, DOC_A, {"fields": {"total": "1.00"}})["status"] == "approved"
    assert client.reject(1, DOC_A, reason="uploaded twice")["status"] == "approved"


def test_the_review_page_says_no_answer_yet_instead_of_down(make_app, fake):
    at = make_app(page="views/document_review.py", document_id=DOC_A)
    fake.fail_on["approve"] = ApiSlow(
        message="The API at http://api.test:8000 did not answer within 120 s. It may still be working on "
        "the request: open the document again to see whether the change was made before repeating it.",
        code="api_timeout",
    )
    at.button(key="approve").click().run()
    shown = texts(at)
    assert "Approving: no answer yet." in shown and "may still be working" in shown
    assert "down or unreachable" not in shown
