"""`GET /api/fields/`: the invoice fields in display order with kind and label, for signed-in users,
documented in the OpenAPI schema."""

from __future__ import annotations

from ocr_tasks.invoice_types import AMOUNT_FIELDS, DATE_FIELDS, FIELD_NAMES
from tests.api_shapes import assert_shape, operation, response_schema


def test_lists_every_invoice_field_in_the_pipeline_order(alice_client):
    response = alice_client.get("/api/fields/")
    assert response.status_code == 200
    fields = response.json()
    assert [f["name"] for f in fields] == list(FIELD_NAMES)
    kinds = {f["name"]: f["kind"] for f in fields}
    assert {n for n, k in kinds.items() if k == "date"} == DATE_FIELDS
    assert {n for n, k in kinds.items() if k == "amount"} == AMOUNT_FIELDS
    assert kinds["currency"] == "code" and kinds["iban"] == "code" and kinds["tax_rate"] == "percent"
    assert kinds["vendor_name"] == "text"
    labels = {f["name"]: f["label"] for f in fields}
    assert labels["vendor_name"] == "Vendor name" and labels["iban"] == "IBAN"
    assert all(f["label"] and "_" not in f["label"] for f in fields)


def test_the_answer_is_the_documented_shape_with_a_summary(alice_client):
    assert_shape(alice_client.get("/api/fields/").json(), response_schema("/api/fields/"), "GET /api/fields/")
    documented = operation("/api/fields/")
    assert documented["summary"].startswith("The invoice fields")
    assert documented["operationId"] == "fields_list"
    assert set(documented["responses"]) == {"200", "400", "401", "403", "404", "406"}  # no 409/413
    kind = response_schema("/api/fields/")["components"]["schemas"]["KindEnum"]
    assert set(kind["enum"]) == {"date", "amount", "percent", "code", "text"}


def test_needs_a_signed_in_user(anon_client):
    response = anon_client.get("/api/fields/")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_every_field_a_document_can_show_is_listed(alice_client, project, processed_document):
    """The fields of a processed document (and a PATCH's) are names of the list."""
    _, document_id = processed_document
    names = {f["name"] for f in alice_client.get("/api/fields/").json()}
    detail = alice_client.get(f"/api/projects/{project.pk}/documents/{document_id}/").json()
    assert detail["fields"] and set(detail["fields"]) <= names
