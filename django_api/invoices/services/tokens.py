"""Login tokens: created by a login (a new key each time, shown once), checked by
`api.authentication.ExpiringTokenAuthentication`, deleted by a logout or when they expire.

Stored hashed (`ApiToken.key_hash`); a token is valid for `OCR_TOKEN_MAX_AGE_DAYS` from its login; a user
keeps at most `MAX_TOKENS_PER_USER` (one per client that logged in: dashboard, scripts), the oldest going
first."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from django_api.invoices.models import ApiToken

MAX_TOKENS_PER_USER = 20


def token_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", errors="surrogateescape")).hexdigest()


def token_max_age() -> timedelta:
    return timedelta(days=settings.OCR_TOKEN_MAX_AGE_DAYS)


def token_expired(token: ApiToken) -> bool:
    return timezone.now() - token.created > token_max_age()


def token_create(*, user) -> str:
    """A new key for the user (40 hex characters, like DRF's); its hash is stored, the key returned."""
    key = secrets.token_hex(20)
    ApiToken.objects.create(key_hash=token_hash(key), user=user)
    ApiToken.objects.filter(user=user, created__lt=timezone.now() - token_max_age()).delete()
    extra = ApiToken.objects.filter(user=user).order_by("-created").values_list("pk", flat=True)
    ApiToken.objects.filter(pk__in=list(extra[MAX_TOKENS_PER_USER:])).delete()
    return key


def token_find(*, key: str) -> ApiToken | None:
    return ApiToken.objects.select_related("user").filter(key_hash=token_hash(key)).first()


def token_delete(*, token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk).delete()
