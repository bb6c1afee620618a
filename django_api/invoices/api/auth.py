"""Token login and the current user."""

from __future__ import annotations

from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from django_api.invoices.errors import InvalidCredentials


class TokenLoginApi(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "login"

    class TokenLoginInputSerializer(serializers.Serializer):
        username = serializers.CharField()
        password = serializers.CharField(trim_whitespace=False)

    @extend_schema(
        request=TokenLoginInputSerializer,
        responses=inline_serializer(
            "TokenOut", {"token": serializers.CharField(), "username": serializers.CharField()}
        ),
    )
    def post(self, request):
        data = self.TokenLoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate(request, **data.validated_data)
        if user is None or not user.is_active:
            raise InvalidCredentials("Unknown user name or wrong password.")
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key, "username": user.username})


class MeApi(APIView):
    @extend_schema(
        responses=inline_serializer(
            "Me", {"id": serializers.IntegerField(), "username": serializers.CharField()}
        )
    )
    def get(self, request):
        return Response({"id": request.user.id, "username": request.user.username})
