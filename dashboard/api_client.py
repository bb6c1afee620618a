"""The dashboard's only HTTP module: a small typed client for the REST API (contract:
`django_api/API.md`).

Every failure becomes an `ApiError` subclass with the API's stable `code` and sentence `message`, so
pages never see `requests` exceptions. The token travels in the `Authorization` header only.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import requests

DEFAULT_API_URL = "http://127.0.0.1:8000"
API_URL_ENV = "OCR_API_URL"


def default_api_url() -> str:
    """The API base URL from `OCR_API_URL`, else the local development server."""
    return os.environ.get(API_URL_ENV, "").strip() or DEFAULT_API_URL


@dataclass
class ApiError(Exception):
    """An API call that did not succeed; `code` is the API's stable error code."""

    message: str
    code: str = "api_error"
    status: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message


class ApiUnavailable(ApiError):
    """The API could not be reached (connection refused, timeout, DNS)."""


class ApiSlow(ApiUnavailable):
    """The API took the request but did not answer in time (a read timeout): it is up, and the request
    may still be carried out."""


class NotAuthenticated(ApiError):
    """401: no token, or the token is no longer valid."""


class PermissionDenied(ApiError):
    """403: the user's role does not allow this (e.g. a viewer editing fields)."""


class NotFound(ApiError):
    """404: no such project/task/document, or it belongs to someone else."""


_BY_STATUS: dict[int, type[ApiError]] = {401: NotAuthenticated, 403: PermissionDenied, 404: NotFound}


@dataclass(frozen=True)
class UploadFile:
    """One file for `upload`: its name, bytes and media type."""

    name: str
    data: bytes
    media_type: str = "application/octet-stream"


class ApiClient:
    """Calls the invoice OCR REST API. Construct with the base URL and, once signed in, the token."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: float = 15.0,
        recheck_timeout: float = 120.0,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        # a correction, an approval or a rejection re-checks the document within the request: about a
        # second, but the first one after the API starts loads the validation library (15-60 s when busy)
        self.recheck_timeout = max(timeout, recheck_timeout)
        self._http = session or requests.Session()

    # -- plumbing -------------------------------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        files: list[tuple[str, tuple[str, bytes, str]]] | None = None,
        authenticated: bool = True,
        timeout: float | None = None,
    ) -> requests.Response:
        headers = {"Accept": "application/json"}
        if authenticated and self.token:
            headers["Authorization"] = f"Token {self.token}"
        url = f"{self.base_url}/api/{path.lstrip('/')}"
        clean_params = {k: v for k, v in (params or {}).items() if v not in (None, "")}
        try:
            response = self._http.request(
                method,
                url,
                params=clean_params or None,
                json=json,
                files=files,
                headers=headers,
                timeout=timeout or self.timeout,
            )
        except requests.ReadTimeout as exc:  # connected, asked, no answer yet: not "down"
            raise ApiSlow(
                message=f"The API at {self.base_url} did not answer within {timeout or self.timeout:g} s. "
                "It may still be working on the request: open the document again to see whether the "
                "change was made before repeating it.",
                code="api_timeout",
            ) from exc
        except requests.RequestException as exc:
            raise ApiUnavailable(
                message=f"The API at {self.base_url} cannot be reached ({type(exc).__name__}). "
                "Check that it is running and that the API URL in Settings is right.",
                code="api_unavailable",
            ) from exc
        if response.status_code >= 400:
            raise _error_from(response)
        return response

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._request(method, path, **kwargs)
        if not response.content:
            return None
        try:
            return response.json()
        except ValueError as exc:
            raise ApiError(
                message=f"The API answered {path} with something that is not JSON.",
                code="bad_response",
                status=response.status_code,
            ) from exc

    # -- auth -----------------------------------------------------------------------------------
    def sign_in(self, username: str, password: str) -> str:
        """Exchange credentials for a token, keep it on the client and return it."""
        data = self._json(
            "POST", "auth/token/", json={"username": username, "password": password}, authenticated=False
        )
        self.token = data["token"]
        return self.token

    def me(self) -> dict[str, Any]:
        return self._json("GET", "me/")

    def health(self) -> dict[str, Any]:
        """`/api/ocr-health/`; a 503 still carries the checks, so it is returned, not raised."""
        try:
            return self._json("GET", "ocr-health/", authenticated=False)
        except ApiError as exc:
            if exc.status == 503 and exc.detail:
                return exc.detail
            raise

    def fields(self) -> list[dict[str, Any]]:
        """The invoice fields in display order: `[{name, kind, label}]` (`GET /api/fields/`)."""
        return self._json("GET", "fields/")

    # -- projects -------------------------------------------------------------------------------
    def list_projects(self) -> list[dict[str, Any]]:
        return self._json("GET", "projects/")

    def create_project(self, name: str) -> dict[str, Any]:
        return self._json("POST", "projects/", json={"name": name})

    def project(self, project_id: int) -> dict[str, Any]:
        return self._json("GET", f"projects/{project_id}/")

    def project_summary(self, project_id: int) -> dict[str, Any]:
        return self._json("GET", f"projects/{project_id}/summary/")

    def project_settings(self, project_id: int) -> dict[str, Any]:
        """Every setting of the project with its value or default (`GET .../settings/`)."""
        return self._json("GET", f"projects/{project_id}/settings/")

    def update_project_settings(self, project_id: int, body: dict[str, Any]) -> dict[str, Any]:
        """PATCH a JSON merge patch (`{"ocr": {"psm": 6}}`; null puts a default back), owner only;
        returns every setting. A bad or unknown setting: `ApiError` 400 `validation_error` with
        `detail["settings"]` = `{"ocr.psm": "why"}`."""
        return self._json("PATCH", f"projects/{project_id}/settings/", json=body)

    def export_project(
        self, project_id: int, fmt: str, status: str | None = None, table: str | None = None
    ) -> bytes:
        """The project's export file; `status` keeps only the documents of that status (`approved`);
        `table` picks a CSV's table (`line_items`, `vat`: one row per document and VAT rate)."""
        params = {
            "format": fmt,
            **({"status": status} if status else {}),
            **({"table": table} if table else {}),
        }
        return self._request("GET", f"projects/{project_id}/export/", params=params).content

    # -- tasks ----------------------------------------------------------------------------------
    def upload(self, project_id: int, files: Iterable[UploadFile]) -> dict[str, Any]:
        parts = [("files", (f.name, f.data, f.media_type)) for f in files]
        return self._json("POST", f"projects/{project_id}/process-invoices/", files=parts)

    def list_tasks(self, project_id: int) -> list[dict[str, Any]]:
        return self._json("GET", f"projects/{project_id}/tasks/")

    def task_status(self, project_id: int, task_id: str) -> dict[str, Any]:
        return self._json("GET", f"projects/{project_id}/ocr-status/{task_id}/")

    def cancel_task(self, project_id: int, task_id: str) -> dict[str, Any]:
        return self._json("POST", f"projects/{project_id}/ocr-cancel/{task_id}/")

    def download_task(self, project_id: int, task_id: str, fmt: str) -> bytes:
        return self._request(
            "GET", f"projects/{project_id}/ocr-download/{task_id}/", params={"format": fmt}
        ).content

    # -- documents ------------------------------------------------------------------------------
    def list_documents(
        self,
        project_id: int,
        *,
        status: str | None = None,
        vendor: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        q: str | None = None,
    ) -> list[dict[str, Any]]:
        """The queue's rows; `q`: words each found in the file name, vendor or invoice number."""
        params = {"status": status, "vendor": vendor, "date_from": date_from, "date_to": date_to, "q": q}
        return self._json("GET", f"projects/{project_id}/documents/", params=params)

    def document(self, project_id: int, document_id: int) -> dict[str, Any]:
        return self._json("GET", f"projects/{project_id}/documents/{document_id}/")

    def page_image(self, project_id: int, document_id: int, index: int) -> bytes:
        return self._request(
            "GET", f"projects/{project_id}/documents/{document_id}/pages/{index}/image/"
        ).content

    def update_fields(self, project_id: int, document_id: int, body: dict[str, Any]) -> dict[str, Any]:
        """PATCH `{"fields": {...}, "line_items": [...]?, "result_version": n}`; returns the updated
        document detail (re-checked: its validation and anomalies are the new ones)."""
        return self._json(
            "PATCH",
            f"projects/{project_id}/documents/{document_id}/fields/",
            json=body,
            timeout=self.recheck_timeout,
        )

    def approve(
        self,
        project_id: int,
        document_id: int,
        *,
        result_version: int | None = None,
        force: bool = False,
        reason: str = "",
    ) -> dict[str, Any]:
        """Approve; the API re-checks the current values first. 409 `checks_failed` (the failures in
        `detail["failed"]`) unless `force` with a `reason`; 409 `stale_version` when the document changed
        since `result_version`."""
        body: dict[str, Any] = {}
        if result_version is not None:
            body["result_version"] = result_version
        if force:
            body |= {"force": True, "reason": reason}
        return self._json(
            "POST",
            f"projects/{project_id}/documents/{document_id}/approve/",
            json=body,
            timeout=self.recheck_timeout,
        )

    def reject(
        self, project_id: int, document_id: int, *, reason: str, result_version: int | None = None
    ) -> dict[str, Any]:
        """Set the document aside with a reason (status `rejected`); 409 `stale_version` when it changed
        since `result_version`."""
        body: dict[str, Any] = {"reason": reason}
        if result_version is not None:
            body["result_version"] = result_version
        return self._json(
            "POST",
            f"projects/{project_id}/documents/{document_id}/reject/",
            json=body,
            timeout=self.recheck_timeout,
        )

    def reextract(
        self, project_id: int, document_id: int, *, result_version: int | None = None
    ) -> dict[str, Any]:
        """Read the document again with the current extraction; `{changed, corrections_kept, document}`
        (reviewers' corrections stay on top); 409 `stale_version`, or `document_approved` for an approved
        document."""
        body: dict[str, Any] = {} if result_version is None else {"result_version": result_version}
        return self._json(
            "POST",
            f"projects/{project_id}/documents/{document_id}/reextract/",
            json=body,
            timeout=self.recheck_timeout,
        )

    # -- what the project learned (vendor memory) and its templates ------------------------------
    def list_vendors(self, project_id: int) -> list[dict[str, Any]]:
        """Per vendor: `key`, `name`, `identifiers`, `fields` (label, side, confirmations, misses, who
        taught it, when)."""
        return self._json("GET", f"projects/{project_id}/vendors/")

    def forget_vendor(self, project_id: int, key: str) -> None:
        """Forget everything learned about the vendor (owner or reviewer)."""
        self._request("DELETE", f"projects/{project_id}/vendors/{_segment(key)}/")

    def forget_vendor_field(self, project_id: int, key: str, field_name: str) -> None:
        """Forget one field learned about the vendor (owner or reviewer)."""
        self._request(
            "DELETE", f"projects/{project_id}/vendors/{_segment(key)}/fields/{_segment(field_name)}/"
        )

    def vendor_template(self, project_id: int, key: str) -> bytes:
        """The vendor's memory as an invoice2data template (YAML bytes)."""
        return self._request("GET", f"projects/{project_id}/vendors/{_segment(key)}/template/").content

    def list_templates(self, project_id: int) -> list[dict[str, Any]]:
        return self._json("GET", f"projects/{project_id}/templates/")

    def upload_template(self, project_id: int, name: str, data: bytes) -> dict[str, Any]:
        """Import an invoice2data template under `name`: 400 `invalid_template` (not safe YAML, not a
        template), 413 `template_too_large`, 409 `template_exists`."""
        parts = [("file", (f"{name}.yml", data, "application/yaml"))]
        return self._json("POST", f"projects/{project_id}/templates/", files=parts)

    def delete_template(self, project_id: int, name: str) -> None:
        self._request("DELETE", f"projects/{project_id}/templates/{_segment(name)}/")

    def list_members(self, project_id: int) -> list[dict[str, Any]]:
        """The project's members `[{username, role, added_at}]`, owner first (any member)."""
        return self._json("GET", f"projects/{project_id}/members/")

    def set_member(self, project_id: int, username: str, role: str) -> dict[str, Any]:
        """Add an existing user as `reviewer` or `viewer`, or change a member's role (owner only; 404
        `user_not_found` for a user name no account has)."""
        return self._json("PUT", f"projects/{project_id}/members/{_segment(username)}/", json={"role": role})

    def remove_member(self, project_id: int, username: str) -> None:
        """Remove a member (owner only)."""
        self._request("DELETE", f"projects/{project_id}/members/{_segment(username)}/")

    def rescore(self, project_id: int, *, reextract: bool = False) -> dict[str, Any]:
        """Ask for a rescore of the project (202); `reextract`: the documents no reviewer approved are
        extracted again with what the project learned since."""
        return self._json("POST", f"projects/{project_id}/rescore/", json={"reextract": reextract})


def _segment(value: str) -> str:
    """One path segment: a vendor key holds ':' and a name may hold spaces (percent-encoded)."""
    return quote(str(value), safe="")


def _error_from(response: requests.Response) -> ApiError:
    """Map an error response (`{"code", "message", "detail"}`) to the matching `ApiError`."""
    try:
        body = response.json()
    except ValueError:
        body = None
    status = response.status_code
    if isinstance(body, dict) and "code" in body:
        code = str(body["code"])
        message = str(body.get("message") or code)
        detail = body.get("detail") or {}
    elif isinstance(body, dict) and status == 503:
        code, message, detail = "unavailable", "The API reports that it is unhealthy.", body
    else:
        code = {401: "not_authenticated", 403: "permission_denied", 404: "not_found"}.get(
            status, "http_error"
        )
        message = f"The API answered HTTP {status} for {response.request.method} {response.url}."
        detail = {}
    cls = _BY_STATUS.get(status, ApiError)
    if status >= 500 and code == "http_error":
        message = f"The API failed with HTTP {status}; see the API server's log."
    return cls(message=message, code=code, status=status, detail=detail if isinstance(detail, dict) else {})
