"""One error body everywhere: `{"code", "message", "detail"?}` with the codes of the contract
(`django_api/API.md`).

Every unexpected exception is logged at once with its traceback and the request (logger
`django_api.invoices.api.errors`), then answered 500 `server_error`; a storage failure is logged the same
way and answered 503 `storage_error`."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from django_api.invoices.errors import ApiError
from ocr_tasks.errors import OcrPipelineError, StorageError, TemplateError

logger = logging.getLogger(__name__)

TEMPLATE_STATUS = {"invalid_template": 400, "template_too_large": 413}


def error_response(
    code: str, message: str, http_status: int, detail: dict | None = None, headers: dict | None = None
) -> Response:
    body = {"code": code, "message": message}
    if detail:
        body["detail"] = detail
    return Response(body, status=http_status, headers=headers)


def _too_large_message(exc: Exception) -> tuple[str, dict]:
    """Django's own limits, said in the user's words (its messages name its settings)."""
    if isinstance(exc, TooManyFilesSent):
        limit = min(settings.OCR_MAX_FILES_PER_REQUEST, settings.DATA_UPLOAD_MAX_NUMBER_FILES)
        return f"Too many files in one request: send at most {limit} files per upload.", {"max_files": limit}
    if isinstance(exc, TooManyFieldsSent):
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        return f"Too many form fields in one request (at most {limit}).", {"max_fields": limit}
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return (
        f"The request's form fields or JSON body are larger than {limit:,} bytes"
        " (uploaded files have their own limits; a file must be sent with a file name).",
        {"max_bytes": limit},
    )


def _request_line(context) -> str:
    request = context.get("request") if context else None
    if request is None:
        return "(no request)"
    user = getattr(request, "user", None)
    who = f" user={user.pk}" if getattr(user, "pk", None) else ""
    return f"{request.method} {request.get_full_path()}{who}"


def _not_authenticated_message(exc: Exception, context) -> str:
    """DRF's reason, and how to send a token when none was recognised (no header, or another scheme
    such as `Bearer`)."""
    message = str(exc.detail)
    if not isinstance(exc, exceptions.NotAuthenticated):
        return message
    request = context.get("request")
    header = (request.META.get("HTTP_AUTHORIZATION", "") if request is not None else "").strip()
    how = "send the header `Authorization: Token <token>` (a token from POST /api/auth/token/)"
    if header:
        scheme = header.split()[0]
        return f"The Authorization header's scheme `{scheme}` is not accepted: {how}."
    return f"{message.rstrip('.')}: {how}."


def _media_type_message(exc: Exception, context) -> str:
    """DRF's reason, and the content types the endpoint takes (JSON endpoints get curl's `-d` wrong:
    it sends `application/x-www-form-urlencoded`)."""
    view = context.get("view")
    accepted = [parser.media_type for parser in getattr(view, "parser_classes", ())]
    message = str(exc.detail).rstrip(".")
    if not accepted:
        return f"{message}."
    return f"{message}: send `Content-Type: {accepted[0]}`" + (
        f" (or one of {', '.join(accepted[1:])})." if len(accepted) > 1 else "."
    )


def _advice_for(exc: Exception):
    """(code, message builder, status) of the DRF errors answered with what to do, else None."""
    if isinstance(exc, (exceptions.NotAuthenticated, exceptions.AuthenticationFailed)):
        return "not_authenticated", _not_authenticated_message, status.HTTP_401_UNAUTHORIZED
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return "unsupported_media_type", _media_type_message, status.HTTP_415_UNSUPPORTED_MEDIA_TYPE
    return None


def _with_advice(exc: Exception, context, code: str, message, http_status: int) -> Response:
    """DRF's answer (its headers: `WWW-Authenticate`) with our code and a message saying what to do."""
    response = drf_exception_handler(exc, context)
    response.data = {"code": code, "message": message(exc, context)}
    response.status_code = http_status
    return response


def _logged(response: Response) -> Response:
    response._has_been_logged = True  # Django's `log_response` would log it again, without the traceback
    return response


def exception_handler(exc, context):
    if isinstance(exc, ApiError):
        return error_response(exc.code, exc.message, exc.http_status, exc.detail, exc.headers)
    if isinstance(exc, StorageError):
        logger.error("storage error on %s: %s", _request_line(context), exc.message, exc_info=exc)
        return _logged(error_response(exc.code, exc.message, exc.http_status, exc.detail))
    if isinstance(exc, TemplateError):  # an imported template: refused as YAML (400) or for its size (413)
        http_status = TEMPLATE_STATUS.get(exc.code, exc.http_status)
        return error_response(exc.code, exc.message, http_status, exc.detail)
    if isinstance(exc, OcrPipelineError):
        return error_response(exc.code, exc.message, exc.http_status, exc.detail)
    if isinstance(exc, (TooManyFilesSent, TooManyFieldsSent, RequestDataTooBig)):
        message, detail = _too_large_message(exc)
        return error_response("request_too_large", message, 413, detail)
    if isinstance(exc, (Http404, exceptions.NotFound)):
        return error_response("not_found", "Not found.", status.HTTP_404_NOT_FOUND)
    if isinstance(exc, (DjangoPermissionDenied, exceptions.PermissionDenied)):
        message = "You may not do this in this project."
        if str(getattr(exc, "detail", "")).startswith("CSRF Failed"):  # session clients: say why
            message = f"{exc.detail} Send the X-CSRFToken header, or use token authentication."
        return error_response("permission_denied", message, 403)
    advice = _advice_for(exc)
    if advice is not None:
        return _with_advice(exc, context, *advice)
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail if isinstance(exc.detail, dict) else {"errors": exc.detail}
        return error_response("validation_error", "The request is not valid.", 400, detail)
    response = drf_exception_handler(exc, context)
    if response is None:  # not an API exception: a bug or a failure of something underneath
        logger.error("unexpected error on %s", _request_line(context), exc_info=exc)
        return _logged(error_response("server_error", SERVER_ERROR_MESSAGE, 500))
    code = getattr(exc, "default_code", "error")
    response.data = {"code": str(code), "message": str(getattr(exc, "detail", exc))}
    return response


SERVER_ERROR_MESSAGE = "The server failed to answer this request."


# Django's own error views (paths no URL matches, crashes outside DRF): the same JSON error body, never an
# HTML page. Wired in `config/urls.py` as handler400/403/404/500.
def bad_request(request, exception=None):
    return JsonResponse({"code": "bad_request", "message": "The request is not valid."}, status=400)


def permission_denied(request, exception=None):
    return JsonResponse(
        {"code": "permission_denied", "message": "You may not do this in this project."}, status=403
    )


def not_found(request, exception=None):
    return JsonResponse({"code": "not_found", "message": "Not found."}, status=404)


def server_error(request):
    return JsonResponse({"code": "server_error", "message": SERVER_ERROR_MESSAGE}, status=500)
