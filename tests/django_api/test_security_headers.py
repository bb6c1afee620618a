"""Security headers on every answer: the API's pages (Swagger UI included) cannot be framed, content
types are not sniffed, no referrer goes to other sites; weak passwords are refused by the validators."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


@pytest.mark.parametrize("path", ["/api/", "/api/docs/", "/api/ocr-health/"])
def test_answers_carry_the_security_headers(anon_client, path, db):
    response = anon_client.get(path)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_weak_passwords_are_refused(db):
    for weak in ("12345678", "password", "short"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("correct-horse-battery-staple-42")
