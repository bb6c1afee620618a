"""Login tokens (issue 16 item 7): stored hashed, expire after `OCR_TOKEN_MAX_AGE_DAYS`, revoked by
`POST /api/auth/logout/`; existing plain DRF tokens keep working after the migration that hashes them;
passwords set by a management command pass the validators."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from rest_framework.test import APIClient

from django_api.invoices.models import ApiToken
from django_api.invoices.services.tokens import MAX_TOKENS_PER_USER, token_create

pytestmark = pytest.mark.django_db


def _login(client, password="alice-pw-123") -> str:
    response = client.post("/api/auth/token/", {"username": "alice", "password": password}, format="json")
    assert response.status_code == 200, response.content
    return response.json()["token"]


def _me(key: str):
    return APIClient().get("/api/me/", HTTP_AUTHORIZATION=f"Token {key}")


def test_the_database_holds_a_hash_never_the_key(alice, anon_client):
    key = _login(anon_client)
    stored = ApiToken.objects.get(user=alice)
    assert stored.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in stored.key_hash
    assert _me(key).status_code == 200


def test_each_login_gets_its_own_token_and_a_logout_ends_only_that_one(alice, anon_client):
    dashboard, script = _login(anon_client), _login(anon_client)
    assert dashboard != script and ApiToken.objects.filter(user=alice).count() == 2
    response = APIClient().post("/api/auth/logout/", HTTP_AUTHORIZATION=f"Token {dashboard}")
    assert response.status_code == 204 and response.content == b""
    refused = _me(dashboard)
    assert (refused.status_code, refused.json()["code"]) == (401, "not_authenticated")
    assert _me(script).status_code == 200
    assert ApiToken.objects.filter(user=alice).count() == 1


def test_logout_needs_a_token(anon_client):
    response = anon_client.post("/api/auth/logout/")
    assert (response.status_code, response.json()["code"]) == (401, "not_authenticated")


def test_a_session_logout_ends_the_session(alice):
    client = APIClient(enforce_csrf_checks=False)
    client.force_login(alice)
    assert client.get("/api/me/").status_code == 200
    assert client.post("/api/auth/logout/").status_code == 204
    assert client.get("/api/me/").status_code == 401


def test_a_token_expires_after_the_configured_age(alice, anon_client, settings):
    settings.OCR_TOKEN_MAX_AGE_DAYS = 30
    key = _login(anon_client)
    ApiToken.objects.filter(user=alice).update(created=timezone.now() - timedelta(days=29, hours=23))
    assert _me(key).status_code == 200
    ApiToken.objects.filter(user=alice).update(created=timezone.now() - timedelta(days=30, minutes=1))
    refused = _me(key)
    assert refused.status_code == 401
    assert refused.json() == {
        "code": "not_authenticated",
        "message": "The token has expired: log in again (POST /api/auth/token/).",
    }
    assert not ApiToken.objects.filter(user=alice).exists()  # the expired row is gone
    assert _me(_login(anon_client)).status_code == 200


def test_a_login_clears_the_users_expired_tokens_and_keeps_a_bounded_number(alice, bob, anon_client):
    old = token_create(user=alice)
    ApiToken.objects.filter(user=alice).update(created=timezone.now() - timedelta(days=400))
    bobs = token_create(user=bob)
    for _ in range(MAX_TOKENS_PER_USER + 3):
        newest = _login(anon_client)
    assert ApiToken.objects.filter(user=alice).count() == MAX_TOKENS_PER_USER
    assert _me(old).status_code == 401 and _me(newest).status_code == 200
    assert _me(bobs).status_code == 200  # another user's tokens untouched


def test_an_inactive_users_token_is_refused(alice):
    key = token_create(user=alice)
    alice.is_active = False
    alice.save()
    assert _me(key).status_code == 401


def test_the_migration_hashes_existing_plain_tokens_and_keeps_them_working(alice, bob):
    """Clients holding a DRF token from before keep working; the plain key leaves the database."""
    from django.apps import apps
    from rest_framework.authtoken.models import Token

    from django_api.invoices.migrations import __name__ as package

    migration = __import__(f"{package}.0005_api_tokens", fromlist=["hash_existing_tokens"])
    plain = Token.objects.create(user=alice)
    ApiToken.objects.all().delete()
    migration.hash_existing_tokens(apps, None)
    assert not Token.objects.exists()
    row = ApiToken.objects.get(user=alice)
    assert row.key_hash == hashlib.sha256(plain.key.encode()).hexdigest() and row.created == plain.created
    assert _me(plain.key).status_code == 200


def test_logout_is_in_the_schema_with_a_summary(anon_client):
    schema = anon_client.get("/api/schema/?format=json", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    operation = schema.json()["paths"]["/api/auth/logout/"]["post"]
    assert "204" in operation["responses"] and operation["summary"].startswith("Log out")


def test_seed_demo_refuses_a_weak_password(monkeypatch, tmp_path):
    monkeypatch.setenv("OCR_CORPUS_DIR", str(tmp_path))
    with pytest.raises(CommandError, match="too common|too short|entirely numeric"):
        call_command("seed_demo", "--password", "12345678", stdout=StringIO())
    call_command("seed_demo", "--password", "s3cret-demo", stdout=StringIO())
