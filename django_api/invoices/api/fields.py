"""Input fields stricter than DRF's defaults: DRF's CharField turns any JSON number or boolean into a
string (`{"name": 0}` became a project called "0"); these refuse what the schema does not allow."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class StrictCharField(serializers.CharField):
    """A JSON string, nothing else."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


MAX_VALUE_LENGTH = 2000  # characters of one corrected field value or line-item cell


@extend_schema_field(
    {"oneOf": [{"type": "string", "maxLength": MAX_VALUE_LENGTH}, {"type": "number"}], "nullable": True}
)
class FieldValueField(serializers.CharField):
    """A corrected value: a string, or a JSON number kept as its text (`12.5` -> "12.5"); not a boolean,
    object or list."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (str, int, float)):
            self.fail("invalid")
        return super().to_internal_value(data)


@extend_schema_field({"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}]})
class OptionalDateField(serializers.DateField):
    """A `YYYY-MM-DD` query filter; an empty value (`?date_to=`) means no filter, as DRF reads it."""


class StrictBooleanField(serializers.BooleanField):
    """A JSON `true`/`false`, nothing else (DRF's BooleanField also takes "yes", 1, "on", ...)."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class StrictIntegerField(serializers.IntegerField):
    """A JSON integer, nothing else (DRF's IntegerField also takes "7" and 7.0)."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)
