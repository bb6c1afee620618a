"""Asking for a rescore of a project (owner or reviewer): its stored documents validated and scored again
with the current settings and model; with `reextract`, the documents no reviewer has approved are first
extracted again from their stored OCR with what the project has learned since (vendor memory, templates)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from django_api.invoices.api.fields import StrictBooleanField
from django_api.invoices.selectors.projects import project_get
from django_api.invoices.services.vendor_memory import project_rescore_request
from django_api.orchestration.seam import project_rescore_submit


class RescoreAcceptedOut(serializers.Serializer):
    project_id = serializers.IntegerField()
    reextract = serializers.BooleanField()


class ProjectRescoreApi(APIView):
    parser_classes = (JSONParser,)

    class RescoreInputSerializer(serializers.Serializer):
        reextract = StrictBooleanField(
            required=False,
            default=False,
            help_text="first extract the not-yet-approved documents again with the project's current memory",
        )

    @extend_schema(
        summary="Rescore the project's documents; `reextract` applies what reviewers taught since (202)",
        request=RescoreInputSerializer,
        responses={202: RescoreAcceptedOut},
    )
    def post(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        data = self.RescoreInputSerializer(data=request.data)  # a body that is not an object: 400
        data.is_valid(raise_exception=True)
        reextract = data.validated_data["reextract"]
        project_rescore_request(user=request.user, project=project)
        project_rescore_submit(project_id=project.pk, reextract=reextract)
        return Response({"project_id": project.pk, "reextract": reextract}, status=status.HTTP_202_ACCEPTED)
