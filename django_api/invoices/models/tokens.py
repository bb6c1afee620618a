"""API login tokens, stored hashed: the database holds the SHA-256 of each key, never the key (a leaked
database or backup is not a set of working logins). A key is shown once, by the login that creates it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ApiToken(models.Model):
    key_hash = models.CharField(max_length=64, primary_key=True)  # hex SHA-256 of the key
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    created = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ("-created",)

    def __str__(self) -> str:
        return f"token of user {self.user_id} from {self.created:%Y-%m-%d %H:%M}"
