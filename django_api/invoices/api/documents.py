"""Documents: list, detail, page image, field corrections, approval."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from django_api.invoices.api import schemas
from django_api.invoices.api.fields import MAX_VALUE_LENGTH, FieldValueField, OptionalDateField
from django_api.invoices.models import DocumentStatus
from django_api.invoices.page_images import document_page_png
from django_api.invoices.selectors.documents import document_detail, document_get, document_list
from django_api.invoices.selectors.projects import project_get
from django_api.invoices.services.reviews import document_approve, document_fields_update


class DocumentListApi(APIView):
    class FilterSerializer(serializers.Serializer):
        # an empty query value (`?vendor=`) means "no filter"
        status = serializers.ChoiceField(choices=DocumentStatus.choices, required=False, allow_blank=True)
        vendor = serializers.CharField(required=False, allow_blank=True)
        date_from = OptionalDateField(required=False)
        date_to = OptionalDateField(required=False)

    @extend_schema(
        parameters=[FilterSerializer], responses=schemas.DocumentRow(many=True), operation_id="documents_list"
    )
    def get(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        params = {
            k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in filters.validated_data.items()
        }
        return Response(document_list(user=request.user, project=project, **params))


class DocumentDetailApi(APIView):
    @extend_schema(responses=schemas.DocumentDetail)
    def get(self, request, project_id, document_id):
        project = project_get(user=request.user, project_id=project_id)
        return Response(document_detail(user=request.user, project=project, document_id=document_id))


class DocumentPageImageApi(APIView):
    @extend_schema(responses={(200, "image/png"): OpenApiTypes.BINARY})
    def get(self, request, project_id, document_id, index):
        project = project_get(user=request.user, project_id=project_id)
        document = document_get(user=request.user, project=project, document_id=document_id)
        png = document_page_png(document, index=int(index))
        response = HttpResponse(png, content_type="image/png")
        response["Cache-Control"] = "private, max-age=3600"
        return response


MAX_LINE_ITEMS = 1000


class DocumentFieldsUpdateApi(APIView):
    parser_classes = (JSONParser,)  # a form or multipart body would be read as "no change" and answer 200

    class FieldsUpdateInputSerializer(serializers.Serializer):
        fields = serializers.DictField(
            child=FieldValueField(allow_null=True, allow_blank=True, max_length=MAX_VALUE_LENGTH),
            required=False,
            default=dict,
        )
        line_items = serializers.ListField(
            child=serializers.DictField(
                child=FieldValueField(allow_null=True, allow_blank=True, max_length=MAX_VALUE_LENGTH)
            ),
            required=False,
            allow_null=True,
            default=None,
            max_length=MAX_LINE_ITEMS,
        )

        def validate(self, attrs):
            unknown = sorted(set(self.initial_data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {key: ["Unknown key: send `fields` and/or `line_items`."] for key in unknown}
                )
            return attrs

    @extend_schema(request=FieldsUpdateInputSerializer, responses=schemas.DocumentDetail)
    def patch(self, request, project_id, document_id):
        project = project_get(user=request.user, project_id=project_id)
        document = document_get(user=request.user, project=project, document_id=document_id)
        data = self.FieldsUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document_fields_update(user=request.user, project=project, document=document, **data.validated_data)
        return Response(document_detail(user=request.user, project=project, document_id=document.id))


class DocumentApproveApi(APIView):
    @extend_schema(request=None, responses=schemas.DocumentDetail)
    def post(self, request, project_id, document_id):
        project = project_get(user=request.user, project_id=project_id)
        document = document_get(user=request.user, project=project, document_id=document_id)
        document_approve(user=request.user, project=project, document=document)
        return Response(document_detail(user=request.user, project=project, document_id=document.id))
