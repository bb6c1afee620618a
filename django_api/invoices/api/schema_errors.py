"""OpenAPI post-processing: every operation documents the error answers it can give, all with the one
error body `{"code", "message", "detail"?}` (see `errors.py`), so clients and schema checks know them."""

from __future__ import annotations

ERROR_BODY = {
    "type": "object",
    "properties": {
        "code": {"type": "string", "description": "stable error code, e.g. not_found"},
        "message": {"type": "string"},
        "detail": {"type": "object", "additionalProperties": True},
    },
    "required": ["code", "message"],
}
_REASONS = {
    400: "invalid input (validation_error, no_files, empty_file, missing_filename, webhook_url_invalid, "
    "webhook_url_forbidden, ...)",
    401: "not_authenticated",
    403: "permission_denied (viewers cannot write; only owners manage settings, members and webhooks)",
    404: "not_found (also another user's project, task or document), user_not_found (members)",
    406: "not_acceptable (unsupported Accept header)",
    409: "task_finished, document_not_ready, stale_version, checks_failed, second_approver_required or "
    "document_approved",
    412: "stale_version named by an If-Match header (the ETag of an older result version; RFC 9110)",
    413: "request_too_large, file_too_large, too_many_pages, image_too_large, "
    "too_many_attachments (an e-mail)",
    415: "unsupported_type or unsupported_media_type",
    422: "corrupt_file, encrypted_pdf, einvoice_invalid, xml_unsafe or no_invoice_attachment (an e-mail "
    "without an attached PDF, image or e-invoice XML); for an e-invoice export "
    "einvoice_incomplete (detail.missing: the business terms the document lacks) or einvoice_export_invalid",
    429: "throttled (too many login attempts) or queue_full (the project's queue holds too many pages)",
    503: "storage_error (the file storage cannot be written or read; nothing half-stored, retry later)",
}
_COMMON = (400, 401, 403, 404, 406)
_BY_PATH_SUFFIX = {
    "/process-invoices/": (409, 413, 415, 422, 429, 503),
    "/image/": (413, 503),
    "/ocr-cancel/{task_id}/": (409,),
    "/{document_id}/fields/": (409, 412, 413),  # not `/api/fields/`, the field list
    "/approve/": (409, 412),
    "/reject/": (409, 412),
    "/reextract/": (409, 412, 422, 503),  # an e-invoice is read again from its stored file
    "/einvoice/": (422,),
}
_PUBLIC = {"/api/auth/token/": (400, 406, 429), "/api/ocr-health/": (406,)}


def add_error_responses(result, generator, request, public):
    """drf-spectacular POSTPROCESSING_HOOKS entry."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_BODY
    ref = {"$ref": "#/components/schemas/Error"}
    for path, operations in result.get("paths", {}).items():
        codes = _PUBLIC.get(path) or _COMMON + next(
            (extra for suffix, extra in _BY_PATH_SUFFIX.items() if path.endswith(suffix)), ()
        )
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(
                    str(code),
                    {"description": _REASONS[code], "content": {"application/json": {"schema": ref}}},
                )
    return result
