"""The API's declared response shapes (the OpenAPI schema drf-spectacular generates from the views and
`django_api/invoices/api/schemas.py`), read as strict JSON Schemas: an object with declared properties
accepts no other key, and its required keys must be there. Used by the API's shape tests (the views
send what is declared) and the dashboard's (its fakes answer what the API would)."""

from __future__ import annotations

import functools
from typing import Any

import jsonschema

OPENAPI_NULLABLE = "nullable"


@functools.cache
def openapi_schema() -> dict[str, Any]:
    """The schema `/api/schema/` serves, generated in-process (Django set up by pytest-django)."""
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def _strict(node: Any) -> Any:
    """OpenAPI 3.0 -> JSON Schema: `nullable` becomes "or null"; an object with declared properties
    and no `additionalProperties` of its own accepts no undeclared key."""
    if isinstance(node, list):
        return [_strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _strict(value) for key, value in node.items() if key != OPENAPI_NULLABLE}
    if "properties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    if node.get(OPENAPI_NULLABLE):
        return {"anyOf": [out, {"type": "null"}]}
    return out


@functools.cache
def _components() -> dict[str, Any]:
    return _strict(openapi_schema()["components"])


def operation(path: str, method: str = "get") -> dict[str, Any]:
    """The operation of `path` as the schema names it, e.g. `/api/projects/{project_id}/`."""
    try:
        return openapi_schema()["paths"][path][method.lower()]
    except KeyError:
        raise AssertionError(f"{method.upper()} {path} is not in the OpenAPI schema") from None


def response_schema(path: str, method: str = "get", status: int = 200) -> dict[str, Any]:
    """The strict JSON Schema of the JSON body of one response of one operation."""
    responses = operation(path, method)["responses"]
    try:
        body = responses[str(status)]["content"]["application/json"]["schema"]
    except KeyError:
        raise AssertionError(f"{method.upper()} {path} declares no JSON body for {status}") from None
    return {**_strict(body), "components": _components()}


def component_schema(name: str) -> dict[str, Any]:
    """The strict JSON Schema of the component `name` (e.g. `DocumentDetail`)."""
    if name not in openapi_schema()["components"]["schemas"]:
        raise AssertionError(f"no component {name!r} in the OpenAPI schema")
    return {"$ref": f"#/components/schemas/{name}", "components": _components()}


def shape_errors(body: Any, schema: dict[str, Any]) -> list[str]:
    """Every way `body` differs from `schema` (types, formats such as uuid and date-time, undeclared
    keys, missing required keys), one line each with where it is; empty when it conforms."""
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return sorted(
        f"{'/'.join(str(p) for p in error.absolute_path) or '(body)'}: {error.message}"
        for error in validator.iter_errors(body)
    )


def assert_shape(body: Any, schema: dict[str, Any], what: str) -> None:
    errors = shape_errors(body, schema)
    assert not errors, f"{what} does not match the API schema:\n" + "\n".join(errors)
