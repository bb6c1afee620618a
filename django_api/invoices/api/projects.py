"""Projects: list, create, get, settings, summary, export."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from django_api.invoices.api import schemas
from django_api.invoices.api.downloads import EXPORT_SCHEMA, export_response
from django_api.invoices.api.fields import StrictCharField
from django_api.invoices.selectors.projects import project_get, project_list, project_settings_get
from django_api.invoices.selectors.summaries import project_summary
from django_api.invoices.services.projects import project_create, project_settings_update
from expectations.project_settings import json_schema


def project_dict(project) -> dict:
    return {
        "id": project.id,
        "name": project.name,
        "role": project.role,
        "created_at": project.created_at,
        "document_count": project.document_count,
        "task_count": project.task_count,
    }


class ProjectOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    role = serializers.CharField()
    created_at = serializers.DateTimeField()
    document_count = serializers.IntegerField()
    task_count = serializers.IntegerField()


class ProjectsApi(APIView):
    """GET lists the user's projects; POST creates one (the creator is its owner)."""

    class ProjectCreateInputSerializer(serializers.Serializer):
        name = StrictCharField(max_length=200)
        languages = serializers.RegexField(
            r"^[a-z_]{3,8}(\+[a-z_]{3,8})*$", max_length=100, required=False, default="eng"
        )

    @extend_schema(
        summary="The projects you own or are a member of", responses=ProjectOutputSerializer(many=True)
    )
    def get(self, request):
        return Response([project_dict(p) for p in project_list(user=request.user)])

    @extend_schema(
        summary="Create a project (you become its owner)",
        request=ProjectCreateInputSerializer,
        responses={201: ProjectOutputSerializer},
    )
    def post(self, request):
        data = self.ProjectCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        project = project_create(user=request.user, **data.validated_data)
        project = project_get(user=request.user, project_id=project.pk)
        return Response(project_dict(project), status=status.HTTP_201_CREATED)


class ProjectDetailApi(APIView):
    @extend_schema(summary="One project", responses=ProjectOutputSerializer)
    def get(self, request, project_id):
        return Response(project_dict(project_get(user=request.user, project_id=project_id)))


class ProjectSettingsApi(APIView):
    """A project's settings: every member reads them, the owner changes them (a JSON merge patch)."""

    parser_classes = (JSONParser,)

    @extend_schema(
        summary="A project's settings, every one with its value or default",
        responses={200: json_schema(openapi=True)},
    )
    def get(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        return Response(project_settings_get(user=request.user, project=project).to_dict())

    @extend_schema(
        summary="Change a project's settings (owner only; JSON merge patch, null puts a default back)",
        request={"application/json": json_schema(openapi=True, patch=True)},
        responses={200: json_schema(openapi=True)},
    )
    def patch(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        settings = project_settings_update(user=request.user, project=project, patch=request.data)
        return Response(settings.to_dict())


class ProjectSummaryApi(APIView):
    @extend_schema(summary="A project's counts, review queue and spend", responses=schemas.ProjectSummary)
    def get(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        return Response(project_summary(user=request.user, project=project))


class ProjectExportApi(APIView):
    @extend_schema(
        summary="Export a project's documents or line items (CSV, JSON, XLSX, or UBL / CII e-invoices)",
        **EXPORT_SCHEMA,
    )
    def get(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        return export_response(request, project=project, name=f"project-{project.pk}")
