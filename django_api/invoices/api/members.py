"""A project's members: any member lists them; the owner adds an existing user as reviewer or viewer,
changes a member's role, or removes a member."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from django_api.invoices.api import schemas
from django_api.invoices.api.webhooks import StrictChoiceField
from django_api.invoices.errors import InvalidInput
from django_api.invoices.selectors.projects import project_get, project_members
from django_api.invoices.services.projects import MEMBER_ROLES, project_member_put, project_member_remove


class ProjectMemberListApi(APIView):
    @extend_schema(
        summary="A project's members and their roles (any member may read them)",
        responses=schemas.MemberOut(many=True),
    )
    def get(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        return Response(project_members(user=request.user, project=project))


class ProjectMemberDetailApi(APIView):
    parser_classes = (JSONParser,)

    class MemberInputSerializer(serializers.Serializer):
        role = StrictChoiceField(
            choices=[str(r) for r in MEMBER_ROLES],
            help_text="reviewer (corrects, approves, uploads) or viewer (reads only)",
        )

    @extend_schema(
        summary="Add an existing user to the project, or change a member's role (owner only)",
        request=MemberInputSerializer,
        responses={200: schemas.MemberOut, 201: schemas.MemberOut},
    )
    def put(self, request, project_id, username):
        project = project_get(user=request.user, project_id=project_id)
        if not isinstance(request.data, dict):
            raise InvalidInput("The body must be a JSON object.")
        data = self.MemberInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        membership, created = project_member_put(
            user=request.user, project=project, username=username, role=data.validated_data["role"]
        )
        body = {"username": username, "role": membership.role, "added_at": membership.created_at}
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    @extend_schema(summary="Remove a member from the project (owner only)", responses={204: None})
    def delete(self, request, project_id, username):
        project = project_get(user=request.user, project_id=project_id)
        project_member_remove(user=request.user, project=project, username=username)
        return Response(status=status.HTTP_204_NO_CONTENT)
