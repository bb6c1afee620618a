"""A document row counts the checks its values fail apart from the EN 16931 rules its e-invoice XML
breaks as received: a reviewer saw "40 failed checks" on an e-invoice whose values failed 2."""

from __future__ import annotations

import pytest

from django_api.invoices.models import Document
from django_api.invoices.services.pipeline_records import validations_replace
from tests.api_shapes import assert_shape, response_schema
from tests.django_api.conftest import png_bytes, upload
from tests.django_api.test_endpoints import _process

pytestmark = pytest.mark.django_db


def _report(suite: str, errors: int, warnings: int = 0, passed: int = 1) -> dict:
    outcomes = (
        [{"description": f"error {i}", "success": False, "severity": "error"} for i in range(errors)]
        + [{"description": f"warning {i}", "success": False, "severity": "warning"} for i in range(warnings)]
        + [{"description": f"ok {i}", "success": True, "severity": "error"} for i in range(passed)]
    )
    return {"suite": suite, "success": errors == 0, "outcomes": outcomes}


def test_the_row_counts_failed_checks_apart_from_the_xml_rule_findings(alice_client, project, run_on_commit):
    body = _process(alice_client, project, run_on_commit, [upload("inv.png", png_bytes(3))])
    document = Document.objects.get(pk=body["documents"][0]["id"])
    validations_replace(
        document=document,
        reports=[
            _report("invoice_fields", errors=1, warnings=2),
            _report("line_items", errors=1),
            _report("en16931", errors=38, warnings=5),
        ],
    )
    base = f"/api/projects/{project.pk}/documents/"

    rows = alice_client.get(base).json()
    assert_shape(rows, response_schema("/api/projects/{project_id}/documents/", "get", 200), "rows")
    row = rows[0]
    assert (row["failed_checks"], row["einvoice_rule_findings"], row["validation_errors"]) == (2, 38, 40)
    detail = alice_client.get(f"{base}{document.pk}/").json()
    assert (detail["failed_checks"], detail["einvoice_rule_findings"]) == (2, 38)

    validations_replace(document=document, reports=[_report("invoice_fields", errors=0)])
    row = alice_client.get(base).json()[0]
    assert (row["failed_checks"], row["einvoice_rule_findings"], row["validation_errors"]) == (0, 0, 0)


def test_the_schema_declares_both_counts():
    from tests.api_shapes import openapi_schema

    row = openapi_schema()["components"]["schemas"]["DocumentRow"]
    for name in ("failed_checks", "einvoice_rule_findings", "validation_errors"):
        assert row["properties"][name]["type"] == "integer"
        assert row["properties"][name]["description"]
        assert name in row["required"]
