"""Sign-in page: username and password for an API token (kept in session state, never in the URL)."""

from __future__ import annotations

from dashboard import sign_in_form

sign_in_form.render()
