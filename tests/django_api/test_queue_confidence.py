"""The review queue's confidence (found in a clerk's week: the column read 0.00 for receipts whose key
fields were sure). `min_confidence` is the lowest of every extracted field, and the calibration rates a weak
optional field 0.0 (its isotonic table starts at 0), so one tax amount sank the whole row; `key_confidence`
is the lowest among the key fields, the ones triage (`needs_review`) reads. Fake engine behind the real
port."""

from __future__ import annotations

import pytest

from django_api.invoices.models import DocumentResult
from tests.django_api.conftest import png_bytes, upload

pytestmark = pytest.mark.django_db


def _rows(client, project) -> dict[str, dict]:
    return {d["name"]: d for d in client.get(f"/api/projects/{project.pk}/documents/").json()}


def _process(client, project, run_on_commit) -> None:
    files = [upload("a.png", png_bytes(1)), upload("lowconf.png", png_bytes(2))]
    response = run_on_commit(
        client.post, f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    )
    assert response.status_code == 202, response.content


def test_a_weak_optional_field_does_not_sink_the_key_fields_confidence(alice_client, project, run_on_commit):
    _process(alice_client, project, run_on_commit)
    rows = _rows(alice_client, project)
    # the fake engine reads every field at 0.9 but lowconf's invoice number at 0.5
    assert rows["a.png"]["key_confidence"] == 0.9 and rows["lowconf.png"]["key_confidence"] == 0.5

    # the calibration rated a.png's tax amount 0.0 (as it does for weak readings of it on receipts)
    result = DocumentResult.objects.get(document_id=rows["a.png"]["id"])
    result.fields["tax_amount"]["confidence"] = 0.0
    result.save()
    row = _rows(alice_client, project)["a.png"]
    assert row["min_confidence"] == 0.0  # the lowest of all fields, as before
    assert row["key_confidence"] == 0.9  # the key fields are as sure as they were
    assert row["needs_review"] is False  # and triage agrees with the key fields


def test_a_corrected_key_field_counts_as_sure_and_a_missing_one_is_left_out(
    alice_client, project, run_on_commit
):
    _process(alice_client, project, run_on_commit)
    low = _rows(alice_client, project)["lowconf.png"]
    corrected = alice_client.patch(
        f"/api/projects/{project.pk}/documents/{low['id']}/fields/",
        {"fields": {"invoice_number": "LOWCONF-1"}},
        format="json",
    )
    assert corrected.status_code == 200, corrected.json()
    assert _rows(alice_client, project)["lowconf.png"]["key_confidence"] == 0.9

    cleared = alice_client.patch(
        f"/api/projects/{project.pk}/documents/{low['id']}/fields/",
        {"fields": {"currency": None}, "result_version": corrected.json()["result_version"]},
        format="json",
    )
    assert cleared.status_code == 200, cleared.json()
    row = _rows(alice_client, project)["lowconf.png"]
    assert row["key_confidence"] == 0.9 and row["needs_review"] is True  # missing: triage says so


def test_no_key_field_found_gives_no_key_confidence(alice_client, project, run_on_commit):
    _process(alice_client, project, run_on_commit)
    result = DocumentResult.objects.get(document_id=_rows(alice_client, project)["a.png"]["id"])
    result.fields = {"tax_amount": result.fields["tax_amount"]}
    result.save()
    row = _rows(alice_client, project)["a.png"]
    assert row["key_confidence"] is None and row["min_confidence"] == 0.9
