"""The Django port's side of `rescore_project`: the project's settings, and a rescored result replacing
the document's validation reports and anomalies (what the API serves) while its fields stay."""

from __future__ import annotations

from dataclasses import replace

import pytest

from django_api.invoices.models import DocumentResult
from django_api.orchestration.django_port import DjangoPort
from ocr_tasks.result_types import Anomaly, ExpectationOutcome, ValidationReport

pytestmark = pytest.mark.django_db


def test_port_gives_the_projects_settings(project):
    project.settings = {
        "custom_expectations": [
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "vendor_name"}}
        ]
    }
    project.save()
    assert DjangoPort().project_settings(str(project.pk)) == project.settings


def test_rescored_result_replaces_validation_and_anomalies_and_keeps_fields(
    alice_client, project, processed_document
):
    task_id, processed = processed_document
    port = DjangoPort()
    (stored,) = port.load_project_results(str(project.pk))
    fields_before = DocumentResult.objects.get(document_id=processed).fields
    outcome = ExpectationOutcome(
        expectation="expect_column_values_to_not_be_null",
        description="rescored",
        success=False,
        severity="error",
        fields=("vendor_name",),
    )
    report = ValidationReport(document_id=processed, suite="custom", outcomes=(outcome,))

    flagged = Anomaly(
        document_id=processed,
        kind="outlier",
        severity="warning",
        score=0.9,
        explanation="rescored against a grown history",
    )
    port.save_rescored(str(project.pk), replace(stored, validation=(report,), anomalies=(flagged,)))

    assert DocumentResult.objects.get(document_id=processed).fields == fields_before
    (again,) = port.load_project_results(str(project.pk))
    assert [r.suite for r in again.validation] == ["custom"] and again.anomalies == (flagged,)
    assert again.invoice == stored.invoice
    served = alice_client.get(f"/api/projects/{project.pk}/ocr-validation/{task_id}/")
    assert served.status_code == 200, served.content
    assert "rescored" in served.content.decode()
    served = alice_client.get(f"/api/projects/{project.pk}/ocr-anomalies/{task_id}/")
    assert served.status_code == 200 and "rescored against a grown history" in served.content.decode()
