"""`GET /api/fields/`: the invoice fields the pipeline extracts, in display order, with their kind and
label, so that clients (the dashboard's review form) take the list from the API instead of copying it."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from ocr_tasks import field_registry
from ocr_tasks.invoice_types import FIELD_NAMES

# How a value is written (`ocr_tasks.field_registry`): dates ISO `YYYY-MM-DD`, amounts decimal strings,
# codes identifiers kept as printed (currency ISO 4217), percent a decimal string; text anything else.
KINDS = field_registry.KINDS


def field_kind(name: str) -> str:
    spec = field_registry.FIELD_SPECS.get(name)
    return spec.kind if spec else "text"


def field_label(name: str) -> str:
    spec = field_registry.FIELD_SPECS.get(name)
    return spec.label if spec else name.replace("_", " ").capitalize()


def invoice_fields() -> list[dict[str, str]]:
    """`ocr_tasks.invoice_types.FIELD_NAMES` in their order, each with its kind and label."""
    return [{"name": name, "kind": field_kind(name), "label": field_label(name)} for name in FIELD_NAMES]


class InvoiceField(serializers.Serializer):
    name = serializers.CharField(help_text="the key in a document's `fields` and in a PATCH")
    kind = serializers.ChoiceField(
        choices=KINDS,
        help_text="date: YYYY-MM-DD; amount: decimal string; percent: decimal string; "
        "code: an identifier as printed (currency ISO 4217); text: anything else",
    )
    label = serializers.CharField(help_text="an English label for forms and tables")


class InvoiceFieldsApi(APIView):
    @extend_schema(
        summary="The invoice fields, in display order, with their kind and label",
        description="Every field a document's `fields` can hold (and a PATCH can set). A document "
        "lists only the fields found or corrected; show the others as not found.",
        responses=InvoiceField(many=True),
        operation_id="fields_list",
    )
    def get(self, request):
        return Response(invoice_fields())
