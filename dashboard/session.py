"""Session state of the dashboard: the signed-in token, the API URL, the chosen project/document,
and the client factory that tests replace with a fake.

The token lives only in `st.session_state` (server side, per browser tab); it never goes into the URL.
"""

from __future__ import annotations

import os
from typing import Any, Protocol

import streamlit as st

from dashboard.api_client import (
    ApiClient,
    ApiError,
    ApiSlow,
    ApiUnavailable,
    NotAuthenticated,
    NotFound,
    default_api_url,
)

TOKEN = "auth_token"
USERNAME = "auth_username"
API_URL = "api_url"
PROJECT_ID = "project_id"
PROJECT_ROLE = "project_role"  # owner | reviewer | viewer, of the current project (set by app.py)
PROJECT_NAME = "project_name"  # the current project's name (set by app.py), e.g. for file names
DOCUMENT_ID = "document_id"
CLIENT_FACTORY = "api_client_factory"  # tests put a callable(base_url, token) -> fake client here
AUTO_SIGN_IN_TRIED = "auto_sign_in_tried"
PENDING_PROJECT = "pending_project_id"  # set by a page; applied by app.py before the project selectbox
FLASH = "flash_message"  # shown once by the sign-in page (e.g. why the user was signed out)
FLASH_VENDORS = "vendors_flash_message"  # shown once by the vendors page (what was forgotten or imported)

DEMO_USER_ENV = "OCR_DASHBOARD_USER"
DEMO_PASSWORD_ENV = "OCR_DASHBOARD_PASSWORD"
AUTO_SIGN_IN_ENV = "OCR_DASHBOARD_AUTO_SIGN_IN"


class ClientFactory(Protocol):
    """Builds the API client; `ApiClient` by default, a fake in tests."""

    def __call__(self, base_url: str, token: str | None) -> Any: ...


def _default_factory(base_url: str, token: str | None) -> ApiClient:
    return ApiClient(base_url, token)


def api_url() -> str:
    if API_URL not in st.session_state:
        st.session_state[API_URL] = default_api_url()
    return st.session_state[API_URL]


def client() -> Any:
    """A client for the current API URL and token (a fake when a test installed a factory)."""
    factory: ClientFactory = st.session_state.get(CLIENT_FACTORY) or _default_factory
    return factory(api_url(), st.session_state.get(TOKEN))


def is_signed_in() -> bool:
    return bool(st.session_state.get(TOKEN))


def sign_in(username: str, password: str) -> None:
    """Exchange credentials for a token and keep it in the session; raises `ApiError` on failure."""
    token = client().sign_in(username, password)
    st.session_state[TOKEN] = token
    st.session_state[USERNAME] = username


def sign_out() -> None:
    for key in (TOKEN, USERNAME, PROJECT_ID, DOCUMENT_ID):
        st.session_state.pop(key, None)


def demo_credentials() -> tuple[str, str]:
    """Prefill values for the sign-in form from `OCR_DASHBOARD_USER`/`OCR_DASHBOARD_PASSWORD`."""
    return os.environ.get(DEMO_USER_ENV, ""), os.environ.get(DEMO_PASSWORD_ENV, "")


def try_auto_sign_in() -> None:
    """For `make run`: sign the demo user in once per session when `OCR_DASHBOARD_AUTO_SIGN_IN=1`."""
    if is_signed_in() or st.session_state.get(AUTO_SIGN_IN_TRIED):
        return
    st.session_state[AUTO_SIGN_IN_TRIED] = True
    user, password = demo_credentials()
    if os.environ.get(AUTO_SIGN_IN_ENV) != "1" or not user or not password:
        return
    try:
        sign_in(user, password)
    except ApiError:
        pass  # the sign-in page shows the form, prefilled; its own attempt reports the error


def project_id() -> int | None:
    return st.session_state.get(PROJECT_ID)


def can_edit() -> bool:
    """Owners and reviewers may upload, correct and approve; viewers only read (the API answers 403)."""
    return st.session_state.get(PROJECT_ROLE) in {"owner", "reviewer"}


def choose_project(project: int) -> None:
    """Make `project` the current one from the next run on (the sidebar selectbox owns PROJECT_ID)."""
    st.session_state[PENDING_PROJECT] = project


def open_document(document: int | str) -> None:
    """Make `document` (an id from the API; UUID strings there) the one the review page shows."""
    st.session_state[DOCUMENT_ID] = document


def show_document_in_url(project: int, document: int | str) -> None:
    """Name the document shown in the page's URL (`?project=1&document=<id>`): a reload, a second tab
    or a link sent to a colleague opens the same document (the API still checks who may see it)."""
    wanted = {"project": str(project), "document": str(document)}
    if {k: st.query_params.get(k) for k in wanted} != wanted:
        st.query_params.from_dict(wanted)


def restore_document_from_url() -> None:
    """In a new browser session (a reload, a second tab), open the project and document its URL names."""
    document = st.query_params.get("document")
    if not document or st.session_state.get(DOCUMENT_ID) is not None:
        return
    project = st.query_params.get("project", "")
    if project.isdigit():
        st.session_state[PROJECT_ID] = int(project)
    st.session_state[DOCUMENT_ID] = document


def show_api_error(exc: ApiError, *, what: str = "") -> None:
    """Render an API failure as a clear message; a 401 signs the user out and reruns to the sign-in page."""
    prefix = f"{what}: " if what else ""
    if isinstance(exc, ApiSlow):  # up but slow: saying "down" made a clerk click again or give up
        st.warning(f"{prefix}no answer yet. {exc.message}", icon=":material/hourglass_top:")
    elif isinstance(exc, ApiUnavailable):
        st.error(f"{prefix}the API is down or unreachable. {exc.message}", icon=":material/cloud_off:")
    elif isinstance(exc, NotAuthenticated):
        sign_out()
        st.session_state[FLASH] = (
            "Your session has expired or the token was refused (401). Please sign in again."
        )
        st.rerun()  # straight to the sign-in page, which shows the message
    elif isinstance(exc, NotFound):
        st.error(
            f"{prefix}not found (404). It may have been deleted, or it belongs to another user. "
            f"{exc.message}",
            icon=":material/search_off:",
        )
    else:
        st.error(f"{prefix}{exc.message} (code `{exc.code}`)", icon=":material/error:")
