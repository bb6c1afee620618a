"""`GET /api/`: where to start, for a person or a client that only knows the API's address."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

LINKS = {
    "schema": "schema",  # the OpenAPI schema (drf-spectacular)
    "docs": "swagger-ui",  # Swagger UI over that schema
    "login": "auth-token",  # POST {username, password} -> {token, username}
}


class ApiRootApi(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()

    @extend_schema(
        summary="Links to the OpenAPI schema, the Swagger UI and the token login",
        responses=inline_serializer("ApiRoot", {name: serializers.URLField() for name in LINKS}),
    )
    def get(self, request):
        return Response(
            {name: request.build_absolute_uri(reverse(url_name)) for name, url_name in LINKS.items()}
        )
