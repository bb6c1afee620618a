"""Health of the OCR engine, database, Prefect (and its workers), storage and queue: 200 when healthy or
degraded (`status` says which, `degraded` names the checks and their `message` why), 503 when unhealthy."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from django_api.invoices.api import schemas
from django_api.invoices.health import health_report


class OcrHealthApi(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()

    @extend_schema(
        summary="Whether the service is up: database, storage, Tesseract, Prefect, its workers (no sign-in)",
        responses={200: schemas.Health, 503: schemas.Health},
    )
    def get(self, request):
        report = health_report()
        return Response(report, status=200 if report["healthy"] else 503)
