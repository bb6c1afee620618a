"""What a project learned from its reviewers (vendor memory) and its imported invoice2data templates:
list, read, forget, export as YAML, import, delete. Any member reads; owners and reviewers change;
non-members 404.

A vendor's key holds ':' (`vat:DE123456789`): in a path it is one segment, sent as it is or
percent-encoded (`vat%3ADE123456789`); the server decodes it. The vendors list gives each one's `url`."""

from __future__ import annotations

import re

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from django_api.invoices.api.fields import StrictCharField
from django_api.invoices.api.vendor_memory_schemas import (
    ProjectTemplateDetailOut,
    ProjectTemplateOut,
    VendorDetailOut,
    VendorOut,
)
from django_api.invoices.errors import InvalidInput
from django_api.invoices.selectors.projects import project_get
from django_api.invoices.selectors.vendor_memory import (
    project_template_dict,
    project_template_get,
    project_template_list,
    vendor_lesson_dict,
    vendor_lessons,
    vendor_memory_dict,
    vendor_memory_get,
    vendor_memory_list,
    vendor_template_yaml,
)
from django_api.invoices.services.vendor_memory import (
    project_template_delete,
    project_template_import,
    vendor_field_forget,
    vendor_memory_forget,
)
from ocr_tasks.extraction.templates import MAX_TEMPLATE_BYTES

TEMPLATE_NAME = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"
YAML_TYPE = "application/yaml"


def _file_name(key: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in key) + ".yml"


class VendorListApi(APIView):
    @extend_schema(
        summary="What the project learned per vendor: fields, labels, confirmations, who taught them",
        responses=VendorOut(many=True),
    )
    def get(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        return Response(
            [vendor_memory_dict(row) for row in vendor_memory_list(user=request.user, project=project)]
        )


class VendorDetailApi(APIView):
    @extend_schema(
        summary="One vendor's memory with its latest lessons (who confirmed, corrected or forgot what)",
        responses=VendorDetailOut,
    )
    def get(self, request, project_id, key):
        project = project_get(user=request.user, project_id=project_id)
        row = vendor_memory_get(user=request.user, project=project, key=key)
        lessons = vendor_lessons(user=request.user, project=project, key=row.key)
        return Response({**vendor_memory_dict(row), "lessons": [vendor_lesson_dict(x) for x in lessons]})

    @extend_schema(
        summary="Forget everything the project learned about the vendor (owner or reviewer)",
        responses={204: None},
    )
    def delete(self, request, project_id, key):
        project = project_get(user=request.user, project_id=project_id)
        vendor_memory_forget(user=request.user, project=project, key=key)
        return Response(status=status.HTTP_204_NO_CONTENT)


class VendorFieldApi(APIView):
    @extend_schema(
        summary="Forget one field the project learned about the vendor (owner or reviewer)",
        responses={204: None},
    )
    def delete(self, request, project_id, key, field):
        project = project_get(user=request.user, project_id=project_id)
        vendor_field_forget(user=request.user, project=project, key=key, field=field)
        return Response(status=status.HTTP_204_NO_CONTENT)


class VendorTemplateApi(APIView):
    @extend_schema(
        summary="The vendor's memory as an invoice2data template (YAML)",
        responses={(200, YAML_TYPE): OpenApiResponse(OpenApiTypes.STR, description="invoice2data YAML")},
    )
    def get(self, request, project_id, key):
        project = project_get(user=request.user, project_id=project_id)
        text = vendor_template_yaml(user=request.user, project=project, key=key)
        response = HttpResponse(text.encode(), content_type=f"{YAML_TYPE}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{_file_name(key)}"'
        return response


class ProjectTemplateListApi(APIView):
    parser_classes = (JSONParser, MultiPartParser)

    class TemplateImportInputSerializer(serializers.Serializer):
        name = StrictCharField(
            required=False,
            max_length=100,
            help_text="letters, digits, '.', '_', '-' (default: the uploaded file's name without suffix)",
        )
        source = StrictCharField(required=False, trim_whitespace=False, help_text="the YAML text")
        file = serializers.FileField(required=False, help_text="or the YAML file (multipart)")

    @extend_schema(
        summary="The project's imported invoice2data templates", responses=ProjectTemplateOut(many=True)
    )
    def get(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        templates = project_template_list(user=request.user, project=project)
        return Response([project_template_dict(t) for t in templates])

    @extend_schema(
        summary="Import an invoice2data template (safe YAML, checked, at most 64 KiB; owner or reviewer)",
        request={
            "application/json": TemplateImportInputSerializer,
            "multipart/form-data": TemplateImportInputSerializer,
        },
        responses={201: ProjectTemplateDetailOut},
    )
    def post(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        data = self.TemplateImportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        name, source = _name_and_source(data.validated_data)
        template = project_template_import(user=request.user, project=project, name=name, source=source)
        return Response(project_template_dict(template, with_source=True), status=status.HTTP_201_CREATED)


def _name_and_source(data: dict) -> tuple[str, str | bytes]:
    upload = data.get("file")
    if (upload is None) == (data.get("source") is None):
        raise InvalidInput("Send the template as `source` (YAML text) or as `file`, one of them.")
    if upload is not None:
        source = upload.read(MAX_TEMPLATE_BYTES + 1)  # bytes: the library checks size and encoding
        name = data.get("name") or upload.name.rsplit(".", 1)[0]
    else:
        source, name = data["source"], data.get("name") or ""
    if not re.match(TEMPLATE_NAME, name):
        raise InvalidInput(
            "A template's name is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit.",
            detail={"name": name[:100]},
        )
    return name, source


class ProjectTemplateDetailApi(APIView):
    @extend_schema(summary="An imported template with its YAML text", responses=ProjectTemplateDetailOut)
    def get(self, request, project_id, name):
        project = project_get(user=request.user, project_id=project_id)
        template = project_template_get(user=request.user, project=project, name=name)
        return Response(project_template_dict(template, with_source=True))

    @extend_schema(summary="Delete an imported template (owner or reviewer)", responses={204: None})
    def delete(self, request, project_id, name):
        project = project_get(user=request.user, project_id=project_id)
        template = project_template_get(user=request.user, project=project, name=name)
        project_template_delete(user=request.user, project=project, template=template)
        return Response(status=status.HTTP_204_NO_CONTENT)
