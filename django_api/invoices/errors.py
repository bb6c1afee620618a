"""API-level errors with stable codes (the upload codes come from `ocr_tasks.errors`)."""

from __future__ import annotations


class ApiError(Exception):
    code = "error"
    http_status = 400

    def __init__(self, message: str, *, detail: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}

    @property
    def headers(self) -> dict[str, str]:
        """Extra response headers (`Retry-After`)."""
        return {}


class InvalidCredentials(ApiError):
    code = "invalid_credentials"
    http_status = 400


class TaskFinished(ApiError):
    code = "task_finished"
    http_status = 409


class NotFound(ApiError):
    code = "not_found"
    http_status = 404


class UserNotFound(ApiError):
    """A project member named by a user name no account has (the API creates no users)."""

    code = "user_not_found"
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


class RequestTooManyPages(ApiError):
    """The files of one upload hold more pages in all than `OCR_MAX_PAGES_PER_REQUEST`."""

    code = "too_many_pages"
    http_status = 413


class QueueFull(ApiError):
    """The project's documents waiting to be processed already hold `OCR_MAX_QUEUED_PAGES_PER_PROJECT`
    pages: come back once some are done."""

    code = "queue_full"
    http_status = 429
    retry_after_seconds = 60

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after_seconds)}


class DocumentNotReady(ApiError):
    code = "document_not_ready"
    http_status = 409


class DocumentApproved(ApiError):
    """A change that would alter the extracted values of an approved (booked) document."""

    code = "document_approved"
    http_status = 409


class StaleVersion(ApiError):
    """A reviewer's change made on a result version that is no longer the current one."""

    code = "stale_version"
    http_status = 409


class PreconditionFailed(StaleVersion):
    """The same, named by an `If-Match` header: HTTP's own answer to a failed precondition (RFC 9110, 412)."""

    http_status = 412


class ApprovalBlocked(ApiError):
    """Approval of a document whose current values fail an error-level check, without `force`."""

    code = "checks_failed"
    http_status = 409


class SecondApproverRequired(ApiError):
    """The second of two approvals a project asks for, given by the reviewer who gave the first."""

    code = "second_approver_required"
    http_status = 409


class TemplateExists(ApiError):
    """A project template's name already taken in the project."""

    code = "template_exists"
    http_status = 409
