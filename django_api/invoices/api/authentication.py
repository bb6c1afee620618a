"""Token authentication over hashed, expiring tokens (`Authorization: Token <key>`, as DRF's)."""

from __future__ import annotations

from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from django_api.invoices.services.tokens import token_delete, token_expired, token_find


class ExpiringTokenAuthentication(TokenAuthentication):
    """DRF's header parsing and 401 answers; the key is looked up by its hash and refused once older
    than `OCR_TOKEN_MAX_AGE_DAYS` (the expired row is deleted)."""

    def authenticate_credentials(self, key):
        token = token_find(key=key)
        if token is None:
            raise AuthenticationFailed(
                "Invalid token (unknown, or ended by a logout): log in again (POST /api/auth/token/)."
            )
        if not token.user.is_active:
            raise AuthenticationFailed("User inactive or deleted.")
        if token_expired(token):
            token_delete(token=token)
            raise AuthenticationFailed("The token has expired: log in again (POST /api/auth/token/).")
        return token.user, token
