"""Fixtures of the API tests: users and projects with roles, token clients, small generated files."""

from __future__ import annotations

import io
import socket
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from django_api.invoices.services.projects import project_create, project_member_set
from django_api.invoices.services.tokens import token_create
from tests.django_api import fake_flow


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test stores its files in its own folder (ids are reused after a rollback)."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _reset_fake_flow():
    fake_flow.hooks.before_document = None
    fake_flow.hooks.calls.clear()
    yield
    fake_flow.hooks.before_document = None


def make_user(username: str):
    return get_user_model().objects.create_user(username=username, password=f"{username}-pw-123")


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_create(user=user)}")
    return client


@pytest.fixture
def alice(db):
    return make_user("alice")


@pytest.fixture
def bob(db):
    return make_user("bob")


@pytest.fixture
def vera(db):
    return make_user("vera")


@pytest.fixture
def project(alice, vera):
    project = project_create(user=alice, name="Alice invoices")
    project_member_set(project=project, user=vera, role="viewer")
    return project


@pytest.fixture
def bob_project(bob):
    return project_create(user=bob, name="Bob invoices")


@pytest.fixture
def alice_client(alice):
    return client_for(alice)


@pytest.fixture
def bob_client(bob):
    return client_for(bob)


@pytest.fixture
def vera_client(vera):
    return client_for(vera)


def png_bytes(seed: int = 0, size: tuple[int, int] = (120, 80)) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).text((5, 5 + seed % 50), f"INVOICE {seed}", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_bytes(pages: int = 1) -> bytes:
    from PIL import Image

    images = [Image.new("RGB", (100, 140), "white") for _ in range(pages)]
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:])
    return buffer.getvalue()


def encrypted_pdf_bytes() -> bytes:
    """A tiny PDF protected by a (non-empty) user password: PDFium refuses it with a password error."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        b"ab" * 16,
        b"ab" * 16,
        xref,
    )
    return bytes(out)


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def process_pngs(client, project, run_on_commit, names) -> dict[str, str]:
    """Upload one small distinct PNG per name to `process-invoices` (202 asserted): document id by name."""
    files = [upload(name, png_bytes(i + 1)) for i, name in enumerate(names)]
    response = run_on_commit(
        client.post, f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    )
    assert response.status_code == 202, response.content
    return {d["name"]: d["id"] for d in response.json()["documents"]}


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (the seam's dispatch) inside the test transaction."""

    def runner(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return runner


@pytest.fixture
def processed_document(alice_client, project, run_on_commit) -> tuple[str, str]:
    """A one-page upload to Alice's project, processed by the fake flow: (task id, document id)."""
    body = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("a.png", png_bytes(1))]},
        format="multipart",
    ).json()
    return body["task_id"], body["documents"][0]["id"]


@pytest.fixture
def anon_client():
    return APIClient()


def wait_for_port(port: int, *, what: str, timeout: float = 30) -> None:
    """Wait until a server started by a test accepts connections on loopback `port`; fail the test after
    `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"{what} did not start on port {port} within {timeout:.0f} s")


def poll_task(client, url: str, *, timeout: float) -> dict:
    """The task status at `url` (its `status_url`) once the task has ended; fails after `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(url).json()
        if status["status"] in ("succeeded", "partially_failed", "failed", "cancelled"):
            return status
        time.sleep(0.1)
    raise AssertionError(f"task did not finish: {status}")
