"""Reject a document: set it aside with a reason (a file uploaded twice, a page that is no invoice)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from django_api.invoices.api import schemas
from django_api.invoices.api.fields import StrictCharField, StrictIntegerField
from django_api.invoices.errors import InvalidInput
from django_api.invoices.selectors.documents import document_detail, document_get
from django_api.invoices.selectors.projects import project_get
from django_api.invoices.services.reviews import MAX_REASON_LENGTH, document_reject


class DocumentRejectApi(APIView):
    parser_classes = (JSONParser,)

    class RejectInputSerializer(serializers.Serializer):
        reason = StrictCharField(max_length=MAX_REASON_LENGTH, help_text="Why the document is set aside.")
        result_version = StrictIntegerField(required=False, default=None, allow_null=True, min_value=1)

    @extend_schema(
        summary="Reject a document with a reason (it leaves the queue's top, the spend and approved exports)",
        request=RejectInputSerializer,
        responses=schemas.DocumentDetail,
    )
    def post(self, request, project_id, document_id):
        project = project_get(user=request.user, project_id=project_id)
        document = document_get(user=request.user, project=project, document_id=document_id)
        if not isinstance(request.data, dict):
            raise InvalidInput("The body must be a JSON object with the reason.")
        data = self.RejectInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document_reject(user=request.user, project=project, document=document, **data.validated_data)
        return Response(document_detail(user=request.user, project=project, document_id=document.id))
