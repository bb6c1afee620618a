"""A document as an e-invoice: `GET .../documents/{id}/einvoice/?format=ubl|cii`, the EN 16931-validated
XML built from its current values, or 422 naming the business terms it lacks (`einvoice_incomplete`)
or the rules its data breaks (`einvoice_export_invalid`)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.views import APIView

from django_api.invoices.api.downloads import file_response
from django_api.invoices.exports import CONTENT_TYPES, EINVOICE_FORMATS, document_einvoice, einvoice_filename
from django_api.invoices.selectors.documents import document_get
from django_api.invoices.selectors.projects import project_get


class DocumentEInvoiceApi(APIView):
    class ParamsSerializer(serializers.Serializer):
        format = serializers.ChoiceField(choices=EINVOICE_FORMATS, required=False, default="ubl")

    @extend_schema(
        summary="A document as a UBL or CII e-invoice (EN 16931-validated), or the business terms it lacks",
        parameters=[OpenApiParameter("format", str, enum=list(EINVOICE_FORMATS))],
        responses={(200, "application/xml"): OpenApiTypes.BINARY},
    )
    def get(self, request, project_id, document_id):
        project = project_get(user=request.user, project_id=project_id)
        document = document_get(user=request.user, project=project, document_id=document_id)
        # `format` is also DRF's content-negotiation parameter; read it from the raw query string
        params = self.ParamsSerializer(data={k: v for k, v in request.query_params.items() if k == "format"})
        params.is_valid(raise_exception=True)
        fmt = params.validated_data["format"]
        exported = document_einvoice(document, fmt=fmt)
        return file_response(exported.xml, CONTENT_TYPES["xml"], einvoice_filename(document, fmt))
