"""The review form takes its field list from the API (`GET /api/fields/`): in the API's order, asked once
per session, and without it the document's own fields (nothing offered as "not found")."""

from __future__ import annotations

from dashboard.api_client import ApiUnavailable
from dashboard.review_state import scope_of, widget_key
from tests.dashboard.fakes import DOC_A

REVIEW = "views/document_review.py"


def _field_inputs(at) -> list[str]:
    """The field names of the review form's text inputs, in page order."""
    suffix = "@" + scope_of(DOC_A, 1)
    return [
        w.key.removeprefix("field_").removesuffix(suffix)
        for w in at.text_input
        if w.key and w.key.startswith("field_") and w.key.endswith(suffix)
    ]


def test_the_form_lists_the_apis_fields_in_its_order(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    shown = _field_inputs(at)
    assert shown[:4] == ["vendor_name", "invoice_date", "subtotal", "total"]  # found, in the API's order
    assert shown[4:] == [  # then the API's other fields, offered as not found, in its order
        "document_type",
        "vendor_address",
        "vendor_tax_id",
        "customer_name",
        "customer_address",
        "invoice_number",
        "due_date",
        "delivery_date",
        "po_number",
        "currency",
        "tax_amount",
        "tax_rate",
        "amount_due",
        "payment_terms",
        "iban",
    ]
    at.text_input(key=widget_key("field_total", scope_of(DOC_A, 1))).input("9.50").run()
    assert len(fake.calls_named("fields")) == 1  # kept in the session, not asked on every run


def test_a_new_field_of_the_api_appears_without_a_dashboard_change(make_app, fake, monkeypatch):
    listed = [*fake.fields(), {"name": "contract_number", "kind": "code", "label": "Contract number"}]
    monkeypatch.setattr(fake, "fields", lambda: listed)
    at = make_app(page=REVIEW, document_id=DOC_A)
    assert _field_inputs(at)[-1] == "contract_number"


def test_without_the_list_the_form_shows_the_documents_fields(make_app, fake):
    fake.fail_on["fields"] = ApiUnavailable(message="down", code="api_unavailable")
    at = make_app(page=REVIEW, document_id=DOC_A)
    assert sorted(_field_inputs(at)) == ["invoice_date", "subtotal", "total", "vendor_name"]
    assert not at.exception
