"""`GET /api/` answers, without a token, with the links to the OpenAPI schema, the Swagger UI and the
token login; each link leads where it says."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient


@pytest.mark.django_db
def test_the_api_root_links_the_schema_the_docs_and_the_login(alice):
    client = APIClient()
    response = client.get("/api/")
    assert response.status_code == 200
    links = response.json()
    assert links == {
        "schema": "http://testserver/api/schema/",
        "docs": "http://testserver/api/docs/",
        "login": "http://testserver/api/auth/token/",
    }

    schema = client.get(links["schema"], HTTP_ACCEPT="application/json")
    assert schema.status_code == 200 and "/api/auth/token/" in schema.json()["paths"]
    docs = client.get(links["docs"])
    assert docs.status_code == 200 and b"swagger" in docs.content.lower()
    login = client.post(links["login"], {"username": "alice", "password": "alice-pw-123"}, format="json")
    assert login.status_code == 200 and login.json()["username"] == "alice"


@pytest.mark.django_db
def test_the_api_root_ignores_a_stale_token_and_is_in_the_schema():
    stale = APIClient(HTTP_AUTHORIZATION="Token not-a-token")
    assert stale.get("/api/").status_code == 200
    schema = APIClient().get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/"]["get"]
    assert operation["summary"].startswith("Links to the OpenAPI schema")
