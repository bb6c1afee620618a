"""Webhooks of a project (the owner only): list, create, get, change, delete, and an endpoint's
deliveries."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from django_api.invoices.api import schemas
from django_api.invoices.api.fields import StrictBooleanField, StrictCharField
from django_api.invoices.errors import InvalidInput
from django_api.invoices.models import WebhookEvent
from django_api.invoices.selectors.projects import project_get
from django_api.invoices.selectors.webhooks import (
    delivery_dict,
    webhook_deliveries,
    webhook_dict,
    webhook_get,
    webhook_list,
)
from django_api.invoices.services.webhooks import webhook_create, webhook_delete, webhook_update
from django_api.invoices.webhook_targets import MAX_URL_LENGTH


class StrictChoiceField(serializers.ChoiceField):
    """One of the choices as a JSON string (DRF's ChoiceField compares `str(value)`)."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid_choice", input=data)
        return super().to_internal_value(data)


def _events_field(**kwargs) -> serializers.ListField:
    return serializers.ListField(
        child=StrictChoiceField(choices=WebhookEvent.choices),
        allow_empty=False,
        max_length=len(WebhookEvent.choices) * 2,
        help_text="events to receive: task.finished, task.failed, task.cancelled, document.approved",
        **kwargs,
    )


def _body(request) -> dict:
    if not isinstance(request.data, dict):
        raise InvalidInput("The body must be a JSON object.")
    return request.data


class WebhookListApi(APIView):
    parser_classes = (JSONParser,)

    class WebhookCreateInputSerializer(serializers.Serializer):
        url = StrictCharField(
            max_length=MAX_URL_LENGTH, help_text="http(s) URL on a public host (resolved and checked)"
        )
        events = _events_field(required=False, default=list(WebhookEvent.values))
        active = StrictBooleanField(required=False, default=True)

    @extend_schema(
        summary="A project's webhook endpoints (owner only)", responses=schemas.WebhookOut(many=True)
    )
    def get(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        return Response([webhook_dict(w) for w in webhook_list(user=request.user, project=project)])

    @extend_schema(
        summary="Add a webhook endpoint (owner only); its signing secret is in this answer only",
        request=WebhookCreateInputSerializer,
        responses={201: schemas.WebhookCreated},
    )
    def post(self, request, project_id):
        project = project_get(user=request.user, project_id=project_id)
        data = self.WebhookCreateInputSerializer(data=_body(request))
        data.is_valid(raise_exception=True)
        webhook = webhook_create(user=request.user, project=project, **data.validated_data)
        return Response({**webhook_dict(webhook), "secret": webhook.secret}, status=status.HTTP_201_CREATED)


class WebhookDetailApi(APIView):
    parser_classes = (JSONParser,)

    class WebhookUpdateInputSerializer(serializers.Serializer):
        url = StrictCharField(max_length=MAX_URL_LENGTH, required=False)
        events = _events_field(required=False)
        active = StrictBooleanField(required=False)

    @extend_schema(summary="A webhook endpoint (owner only; never its secret)", responses=schemas.WebhookOut)
    def get(self, request, project_id, webhook_id):
        project = project_get(user=request.user, project_id=project_id)
        return Response(webhook_dict(webhook_get(user=request.user, project=project, webhook_id=webhook_id)))

    @extend_schema(
        summary="Change a webhook endpoint's URL, events or active flag (owner only)",
        request=WebhookUpdateInputSerializer,
        responses=schemas.WebhookOut,
    )
    def patch(self, request, project_id, webhook_id):
        project = project_get(user=request.user, project_id=project_id)
        webhook = webhook_get(user=request.user, project=project, webhook_id=webhook_id)
        data = self.WebhookUpdateInputSerializer(data=_body(request))
        data.is_valid(raise_exception=True)
        webhook = webhook_update(user=request.user, project=project, webhook=webhook, **data.validated_data)
        return Response(webhook_dict(webhook))

    @extend_schema(summary="Delete a webhook endpoint and its deliveries (owner only)", responses={204: None})
    def delete(self, request, project_id, webhook_id):
        project = project_get(user=request.user, project_id=project_id)
        webhook = webhook_get(user=request.user, project=project, webhook_id=webhook_id)
        webhook_delete(user=request.user, project=project, webhook=webhook)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WebhookDeliveryListApi(APIView):
    @extend_schema(
        summary="A webhook endpoint's latest deliveries, newest first (owner only)",
        responses=schemas.WebhookDeliveryOut(many=True),
    )
    def get(self, request, project_id, webhook_id):
        project = project_get(user=request.user, project_id=project_id)
        webhook = webhook_get(user=request.user, project=project, webhook_id=webhook_id)
        deliveries = webhook_deliveries(user=request.user, project=project, webhook=webhook)
        return Response([delivery_dict(d) for d in deliveries])
