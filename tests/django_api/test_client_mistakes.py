"""What a client new to the API gets wrong first, answered with what to do: JSON sent as form data
(curl's `-d` without a content type), a form body to a JSON-only endpoint, a token under another scheme
or none, and an approval blocked only by an e-invoice's own EN 16931 findings (which no correction
changes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from django_api.invoices.services.reviews import approval_blocked_message
from tests.api_shapes import operation
from tests.django_api.conftest import upload

pytestmark = pytest.mark.django_db
FORM = "application/x-www-form-urlencoded"


def test_json_sent_as_form_data_is_named_not_read_as_a_missing_field(alice_client):
    body = json.dumps({"name": "Receipts"})
    response = alice_client.generic("POST", "/api/projects/", body, content_type=FORM)
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert "add the header `Content-Type: application/json`" in response.json()["message"]
    # a real form body still creates the project, and JSON with its type too
    assert alice_client.generic("POST", "/api/projects/", "name=Forms", content_type=FORM).status_code == 201
    created = alice_client.generic("POST", "/api/projects/", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["name"] == "Receipts"


def test_a_form_body_to_a_json_only_endpoint_says_which_type_to_send(
    alice_client, project, processed_document
):
    _, doc_id = processed_document
    url = f"/api/projects/{project.pk}/documents/{doc_id}/fields/"
    response = alice_client.generic(
        "PATCH", url, json.dumps({"fields": {"total": "1.00"}}), content_type=FORM
    )
    assert response.status_code == 415
    assert response.json() == {
        "code": "unsupported_media_type",
        "message": 'Unsupported media type "application/x-www-form-urlencoded" in request: '
        "send `Content-Type: application/json`.",
    }


def test_no_token_or_another_scheme_says_how_to_send_one(alice, anon_client):
    token = anon_client.post(
        "/api/auth/token/", {"username": "alice", "password": "alice-pw-123"}, format="json"
    ).json()["token"]
    none = anon_client.get("/api/me/")
    assert none.status_code == 401 and none.json()["code"] == "not_authenticated"
    assert none.json()["message"] == (
        "Authentication credentials were not provided: send the header `Authorization: Token <token>` "
        "(a token from POST /api/auth/token/)."
    )
    bearer = anon_client.get("/api/me/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert bearer.status_code == 401
    assert bearer.json()["message"].startswith("The Authorization header's scheme `Bearer` is not accepted")
    wrong = anon_client.get("/api/me/", HTTP_AUTHORIZATION="Token " + "0" * 40)
    assert (wrong.status_code, wrong.json()["message"]) == (
        401,
        "Invalid token (unknown, or ended by a logout): log in again (POST /api/auth/token/).",
    )
    assert anon_client.get("/api/me/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200


def test_an_approval_blocked_by_the_xml_as_received_does_not_ask_for_a_correction():
    received = [{"suite": "en16931", "expectation": "An Invoice shall contain the Buyer name (BT-44)."}]
    values = [{"suite": "invoice_fields", "expectation": "The total is present."}]
    only_xml = approval_blocked_message(received)
    assert "correction does not change" in only_xml and "approve with `force` and a reason" in only_xml
    assert "correct them" not in only_xml
    mixed = approval_blocked_message(received + values)
    assert "correct them (the `en16931` findings are the XML's as received and stay)" in mixed
    assert approval_blocked_message(values) == (
        "The document's current values fail error-level checks: correct them, or approve with `force` "
        "and a reason."
    )


def test_manage_py_without_a_secret_key_says_where_make_run_keeps_it():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "OCR_DEV_MODE"))}
    env["DJANGO_SETTINGS_MODULE"] = "django_api.config.settings"
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "DJANGO_SECRET_KEY is not set: the installation `make run` set up keeps its key in" in done.stderr
    assert "`export DJANGO_SECRET_KEY=$(cat var/secret_key)`" in done.stderr


def test_the_upload_promises_only_what_it_takes(alice_client, project, run_on_commit):
    summary = operation("/api/projects/{project_id}/process-invoices/", "post")["summary"]
    assert "zip" not in summary.lower() and "no archives" in summary  # it said "files or a zip"
    archive = run_on_commit(
        alice_client.post,
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("invoices.zip", b"PK\x03\x04" + b"\x00" * 100)]},
        format="multipart",
    )
    assert (archive.status_code, archive.json()["code"]) == (415, "unsupported_type")
