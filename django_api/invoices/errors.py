"""API-level errors with stable codes (the upload codes come from `ocr_tasks.errors`)."""

from __future__ import annotations


class ApiError(Exception):
    code = "error"
    http_status = 400

    def __init__(self, message: str, *, detail: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}


class InvalidCredentials(ApiError):
    code = "invalid_credentials"
    http_status = 400


class TaskFinished(ApiError):
    code = "task_finished"
    http_status = 409


class NotFound(ApiError):
    code = "not_found"
    http_status = 404


class Forbidden(ApiError):
    code = "permission_denied"
    http_status = 403


class InvalidInput(ApiError):
    code = "validation_error"
    http_status = 400


class NoFiles(ApiError):
    code = "no_files"
    http_status = 400


class RequestTooLarge(ApiError):
    code = "request_too_large"
    http_status = 413


class TooManyFiles(ApiError):
    code = "request_too_large"
    http_status = 413


class DocumentNotReady(ApiError):
    code = "document_not_ready"
    http_status = 409


class StaleVersion(ApiError):
    """A reviewer's change made on a result version that is no longer the current one."""

    code = "stale_version"
    http_status = 409


class ApprovalBlocked(ApiError):
    """Approval of a document whose current values fail an error-level check, without `force`."""

    code = "checks_failed"
    http_status = 409
