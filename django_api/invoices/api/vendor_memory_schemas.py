"""Output shapes of the vendor memory and project template endpoints (binding like `schemas.py`: the
selectors of `selectors/vendor_memory.py` build these dicts and the tests check the bodies strictly)."""

from __future__ import annotations

from rest_framework import serializers

from django_api.invoices.models import LessonAction


class FieldLessonOut(serializers.Serializer):
    field = serializers.CharField()
    page = serializers.IntegerField(allow_null=True)
    box = serializers.ListField(
        child=serializers.FloatField(),
        allow_null=True,
        help_text="where the value sat: [x0, y0, x1, y1], 0-1",
    )
    label = serializers.CharField(allow_null=True, help_text="the label text printed by the value")
    label_side = serializers.CharField(allow_null=True, help_text="where the label sits: left or above")
    value_format = serializers.CharField(allow_null=True, help_text="the value's shape, e.g. 9999-99")
    confirmations = serializers.IntegerField(help_text="documents on which the memory was right")
    misses = serializers.IntegerField(help_text="documents on which a reviewer corrected it")
    misses_in_row = serializers.IntegerField()
    taught_by = serializers.CharField(allow_null=True)
    taught_at = serializers.DateTimeField(allow_null=True)


class VendorOut(serializers.Serializer):
    key = serializers.CharField(help_text="the vendor's strongest identifier, e.g. vat:DE123456789")
    name = serializers.CharField(allow_blank=True)
    identifiers = serializers.ListField(child=serializers.CharField())
    fields = FieldLessonOut(many=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class VendorLessonOut(serializers.Serializer):
    field = serializers.CharField(allow_blank=True, help_text='"" for the whole vendor')
    action = serializers.ChoiceField(choices=LessonAction.choices)
    user = serializers.CharField(allow_null=True)
    document_id = serializers.UUIDField(allow_null=True)
    at = serializers.DateTimeField()


class VendorDetailOut(VendorOut):
    lessons = VendorLessonOut(many=True, help_text="the latest lessons (audit), newest first")


class ProjectTemplateOut(serializers.Serializer):
    name = serializers.CharField()
    size = serializers.IntegerField(help_text="bytes of YAML")
    created_by = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField()


class ProjectTemplateDetailOut(ProjectTemplateOut):
    source = serializers.CharField(help_text="the template's YAML text")
