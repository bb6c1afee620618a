"""Export downloads, shared by a project's export and a task's download: the query (`format`, `table`),
its OpenAPI description, the file answered (a table as CSV, JSON or XLSX, or a zip of UBL / CII
e-invoices), and the attachment response."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from django_api.invoices.api import schemas
from django_api.invoices.exports import (
    CONTENT_TYPES,
    EINVOICE_FORMATS,
    FORMATS,
    TABLES,
    export_documents,
    export_einvoices,
)
from django_api.invoices.models import DocumentStatus
from django_api.invoices.selectors.documents import documents_for_export

# `extend_schema` arguments of an export operation, besides its summary
EXPORT_SCHEMA = {
    "description": "`format=ubl` or `format=cii`: a zip with one EN 16931-validated XML per document that "
    "can be exported and `missing.json` listing the others with the business terms they lack.",
    "parameters": [
        OpenApiParameter("format", str, enum=[*FORMATS, *EINVOICE_FORMATS]),
        OpenApiParameter(
            "table",
            str,
            enum=list(TABLES),
            description="csv: `documents` (default), `line_items`, or `vat` (one row per document and VAT "
            "rate: net, tax, gross as they book); xlsx holds all three sheets",
        ),
        OpenApiParameter(
            "status",
            str,
            enum=list(DocumentStatus.values),
            description="only the documents of this status (`approved`: what a bookkeeping import takes)",
        ),
        OpenApiParameter(
            "approved_after",
            OpenApiTypes.DATETIME,
            description="only the documents approved after this instant (ISO 8601, e.g. "
            "`2026-11-30T17:00:00Z`; without a zone: the server's): an import that runs again takes the "
            "approvals since its last run, passing the largest `approved_at` it took",
        ),
    ],
    "responses": {**schemas.EXPORT_RESPONSES, (200, "application/zip"): OpenApiTypes.BINARY},
}


class FormatSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=(*FORMATS, *EINVOICE_FORMATS), required=False, default="json")
    table = serializers.ChoiceField(choices=TABLES, required=False, default="documents")
    status = serializers.ChoiceField(choices=DocumentStatus.values, required=False, default=None)
    approved_after = serializers.DateTimeField(required=False, default=None)


def file_response(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def query_format(request) -> dict:
    # `format` is also DRF's content-negotiation parameter; read it from the raw query string
    params = FormatSerializer(
        data={k: v for k, v in request.query_params.items() if k in FormatSerializer().fields}
    )
    params.is_valid(raise_exception=True)
    return params.validated_data


def export_response(request, *, project, task=None, name: str) -> HttpResponse:
    """The project's documents (or one task's) as the file the query asks for, named `name` (plus
    `-line_items` for a CSV of line items) and the format's suffix."""
    params = query_format(request)
    documents = documents_for_export(
        user=request.user,
        project=project,
        task=task,
        status=params["status"],
        approved_after=params["approved_after"],
    )
    fmt = params["format"]
    if fmt in EINVOICE_FORMATS:
        return file_response(export_einvoices(documents, fmt=fmt), CONTENT_TYPES["zip"], f"{name}-{fmt}.zip")
    content, content_type = export_documents(documents, fmt=fmt, table=params["table"])
    suffix = f"-{params['table']}" if fmt == "csv" and params["table"] != "documents" else ""
    return file_response(content, content_type, f"{name}{suffix}.{fmt}")
