"""Token login and logout, and the current user."""

from __future__ import annotations

from django.contrib.auth import authenticate, logout
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from django_api.invoices.errors import InvalidCredentials
from django_api.invoices.models import ApiToken
from django_api.invoices.services.tokens import token_create, token_delete


class TokenLoginApi(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "login"

    class TokenLoginInputSerializer(serializers.Serializer):
        username = serializers.CharField()
        password = serializers.CharField(trim_whitespace=False)

    @extend_schema(
        summary="Log in: a new token for the user (valid OCR_TOKEN_MAX_AGE_DAYS, until a logout)",
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
        return Response({"token": token_create(user=user), "username": user.username})


class LogoutApi(APIView):
    @extend_schema(
        summary="Log out: the token of this request stops working (a browser session ends)",
        request=None,
        responses={204: None},
    )
    def post(self, request):
        if isinstance(request.auth, ApiToken):
            token_delete(token=request.auth)
        else:  # a browser session
            logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeApi(APIView):
    @extend_schema(
        summary="The user of this token or session",
        responses=inline_serializer(
            "Me", {"id": serializers.IntegerField(), "username": serializers.CharField()}
        ),
    )
    def get(self, request):
        return Response({"id": request.user.id, "username": request.user.username})
