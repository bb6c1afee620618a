"""The project summary says which checks fail on most documents still waiting for a reviewer (the overview
of a project of 19 documents showed anomalies, but no way to see that one check failed on many), each with
the first documents that fail it; an approved or rejected document is settled and no longer counted."""

from __future__ import annotations

import pytest

from tests.api_shapes import response_schema, shape_errors
from tests.django_api.conftest import process_pngs

pytestmark = pytest.mark.django_db

ARITHMETIC = "Subtotal plus tax equals the total."  # the fake flow's check; `mismatch` names fail it


def test_the_summary_counts_each_failed_check_over_the_documents_waiting(
    alice_client, project, run_on_commit
):
    ids = process_pngs(alice_client, project, run_on_commit, ["mismatch-1.png", "mismatch-2.png", "ok.png"])
    summary = alice_client.get(f"/api/projects/{project.pk}/summary/").json()
    assert shape_errors(summary, response_schema("/api/projects/{project_id}/summary/", "get", 200)) == []
    arithmetic = [c for c in summary["failed_checks"] if c["check"] == ARITHMETIC]
    assert arithmetic == [
        {
            "suite": "invoice_basic",
            "check": ARITHMETIC,
            "severity": "error",
            "documents": 2,
            "document_names": ["mismatch-1.png", "mismatch-2.png"],
        }
    ]
    approved = alice_client.post(
        f"/api/projects/{project.pk}/documents/{ids['mismatch-1.png']}/approve/",
        {"force": True, "reason": "the total is right on paper"},
        format="json",
    )
    assert approved.status_code == 200, approved.json()
    after = alice_client.get(f"/api/projects/{project.pk}/summary/").json()["failed_checks"]
    assert [(c["documents"], c["document_names"]) for c in after if c["check"] == ARITHMETIC] == [
        (1, ["mismatch-2.png"])
    ]


def test_errors_come_before_warnings_failing_on_more_documents(alice_client, project, run_on_commit):
    from django_api.invoices.models import ValidationResult

    ids = process_pngs(alice_client, project, run_on_commit, ["a.png", "b.png", "c.png"])
    ValidationResult.objects.filter(document_id__in=ids.values()).delete()
    warning = {"success": False, "severity": "warning", "description": "An XML attribute is not used."}
    error = {"success": False, "severity": "error", "description": "The vendor name is present."}
    for name, outcomes in {"a.png": [warning], "b.png": [warning], "c.png": [warning, error]}.items():
        ValidationResult.objects.create(
            document_id=ids[name], suite="s", success=False, failed_count=1, report={"outcomes": outcomes}
        )
    checks = alice_client.get(f"/api/projects/{project.pk}/summary/").json()["failed_checks"]
    assert [(c["check"], c["documents"]) for c in checks] == [
        ("The vendor name is present.", 1),
        ("An XML attribute is not used.", 3),
    ]
