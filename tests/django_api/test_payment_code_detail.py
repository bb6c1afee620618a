"""A document's review detail says which fields a payment QR code gave or confirmed, and where the code and
the page disagreed (`Invoice.payment_code`, stored as the flow stores it in `result.invoice`). Fake engine
behind the real port."""

from __future__ import annotations

import pytest

from django_api.invoices.models import DocumentResult
from tests.django_api.conftest import process_pngs

pytestmark = pytest.mark.django_db

RECORD = {
    "kind": "spc",
    "page": 0,
    "bbox": [0.32, 0.7, 0.54, 0.86],
    "fields": {"iban": "confirmed", "amount_due": "code_over_page", "vendor_name": "page_over_code"},
    "conflicts": [{"field": "amount_due", "page": "2178.22", "code": "2078.22"}],
    "statements": {"iban": "CH4431999123000889012", "amount_due": "2078.22", "currency": "CHF"},
}


def _detail(client, project, document_id) -> dict:
    response = client.get(f"/api/projects/{project.pk}/documents/{document_id}/")
    assert response.status_code == 200, response.content
    return response.json()


def test_the_detail_shows_what_the_payment_code_gave_and_where_it_disagreed(
    alice_client, project, run_on_commit
):
    ids = process_pngs(alice_client, project, run_on_commit, ["qr-bill.png", "plain.png"])
    result = DocumentResult.objects.get(document_id=ids["qr-bill.png"])
    result.result.setdefault("invoice", {})["payment_code"] = RECORD
    result.save()
    assert _detail(alice_client, project, ids["qr-bill.png"])["payment_code"] == RECORD
    assert _detail(alice_client, project, ids["plain.png"])["payment_code"] is None
