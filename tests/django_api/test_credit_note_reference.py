"""A credit note's review detail names the invoice it credits (EN 16931 BG-3 of its XML) and, when the
project holds that invoice, its document, for the review page to open; never another user's document.
Fake engine behind the real port; the e-invoice details are set on the stored result as the flow stores
them (`result.invoice.einvoice`)."""

from __future__ import annotations

import pytest

from django_api.invoices.models import DocumentResult
from tests.django_api.conftest import process_pngs

pytestmark = pytest.mark.django_db


def _credits(document_id: str, number: str) -> None:
    result = DocumentResult.objects.get(document_id=document_id)
    invoice = result.result.setdefault("invoice", {})
    invoice["einvoice"] = {"syntax": "CII", "preceding_invoices": [{"number": number, "date": "2017-11-13"}]}
    result.save()


def _detail(client, project, document_id) -> dict:
    response = client.get(f"/api/projects/{project.pk}/documents/{document_id}/")
    assert response.status_code == 200, response.content
    return response.json()


def test_the_credit_note_names_the_invoice_it_credits_and_its_document(alice_client, project, run_on_commit):
    # the fake engine reads each file's stem, upper case, as its invoice number
    ids = process_pngs(alice_client, project, run_on_commit, ["fa-2017-0010.png", "avoir.png"])
    _credits(ids["avoir.png"], "FA-2017-0010")
    assert _detail(alice_client, project, ids["avoir.png"])["preceding_invoices"] == [
        {"number": "FA-2017-0010", "date": "2017-11-13", "document_id": ids["fa-2017-0010.png"]}
    ]
    assert _detail(alice_client, project, ids["fa-2017-0010.png"])["preceding_invoices"] == []


def test_a_corrected_invoice_number_is_the_one_matched(alice_client, project, run_on_commit):
    ids = process_pngs(alice_client, project, run_on_commit, ["scan.png", "avoir.png"])
    _credits(ids["avoir.png"], "FA-2017-0010")
    assert _detail(alice_client, project, ids["avoir.png"])["preceding_invoices"][0]["document_id"] is None
    corrected = alice_client.patch(
        f"/api/projects/{project.pk}/documents/{ids['scan.png']}/fields/",
        {"fields": {"invoice_number": "FA-2017-0010"}},
        format="json",
    )
    assert corrected.status_code == 200, corrected.json()
    assert (
        _detail(alice_client, project, ids["avoir.png"])["preceding_invoices"][0]["document_id"]
        == (ids["scan.png"])
    )


def test_another_users_invoice_of_that_number_is_never_named(
    alice_client, bob_client, project, bob_project, run_on_commit
):
    process_pngs(bob_client, bob_project, run_on_commit, ["fa-2017-0010.png"])
    ids = process_pngs(alice_client, project, run_on_commit, ["avoir.png"])
    _credits(ids["avoir.png"], "FA-2017-0010")
    assert _detail(alice_client, project, ids["avoir.png"])["preceding_invoices"] == [
        {"number": "FA-2017-0010", "date": "2017-11-13", "document_id": None}
    ]
    # and Bob does not reach Alice's credit note through his project
    assert bob_client.get(f"/api/projects/{project.pk}/documents/{ids['avoir.png']}/").status_code == 404
