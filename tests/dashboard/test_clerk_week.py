"""What an accounts-payable clerk hit in a week of mixed mail (browser walk-through), as AppTests on the
fake API: a "needs review" filter in the queue, a credit note told apart (queue and review page), the
export limited to approved documents, and a duplicate's refused approval explained as a duplicate."""

from __future__ import annotations

from dashboard.review_state import scope_of, widget_key
from tests.dashboard.fakes import DOC_A, DOC_B
from tests.dashboard.rendered import texts

QUEUE = "views/review_queue.py"
REVIEW = "views/document_review.py"
OVERVIEW = "views/overview.py"


def _credit_note(fake, doc_id: str = DOC_B) -> None:
    doc = fake.documents[doc_id]
    doc["document_type"] = "credit_note"
    doc["total"] = "233.47"
    doc["currency"] = "EUR"
    doc["vendor_name"] = "Au bon moulin"
    doc["fields"]["document_type"] = {**doc["fields"]["total"], "value": "credit_note", "bbox": None}
    doc["fields"]["total"] = {**doc["fields"]["total"], "value": "233.47"}
    doc["fields"]["vendor_name"] = {**doc["fields"]["vendor_name"], "value": "Au bon moulin"}
    doc["fields"]["currency"] = {**doc["fields"]["total"], "value": "EUR", "bbox": None}


def test_the_queue_filters_the_documents_that_need_review(make_app, fake):
    at = make_app(page=QUEUE)
    assert list(at.dataframe[0].value["document"]) == ["receipt.jpg", "clean.pdf"]
    at.selectbox(key="queue_status").set_value("needs review").run()
    assert list(at.dataframe[0].value["document"]) == ["receipt.jpg"]
    # not a status the API knows: the list is asked for unfiltered and filtered on `needs_review`
    assert fake.calls_named("list_documents")[-1][1].get("status") is None
    fake.documents[DOC_A]["needs_review"] = False
    at.run()
    assert "No documents match." in texts(at)


def test_the_queue_shows_a_credit_note_as_a_credit(make_app, fake):
    _credit_note(fake)
    at = make_app(page=QUEUE)
    table = at.dataframe[0].value.set_index("document")
    assert table.loc["clean.pdf", "type"] == "credit"
    assert table.loc["clean.pdf", "total"] == -233.47
    assert table.loc["receipt.jpg", "type"] == "receipt" and table.loc["receipt.jpg", "total"] == 9.00


def test_the_review_page_says_a_credit_note_takes_off(make_app, fake):
    _credit_note(fake)
    at = make_app(page=REVIEW, document_id=DOC_B)
    assert "Credit note: it takes 233.47 EUR off what is owed to Au bon moulin" in texts(at)
    other = make_app(page=REVIEW, document_id=DOC_A)
    assert "Credit note" not in texts(other)


def test_the_export_can_take_only_the_approved_documents(make_app, fake):
    at = make_app(page=OVERVIEW)
    assert "3 of 3 document(s) are not approved" in texts(at)
    at.checkbox(key="export_only_approved").check().run()
    at.button(key="export_prepare").click().run()
    assert fake.calls_named("export_project") == [((1, "csv"), {"status": "approved"})]
    assert at.get("download_button")
    # the choice changed after preparing: the prepared file is not offered as the other choice
    at.checkbox(key="export_only_approved").uncheck().run()
    assert not at.get("download_button")
    assert "Prepare the export again for the documents chosen." in texts(at)


def test_a_refused_approval_of_a_duplicate_says_it_would_be_booked_twice(make_app, fake):
    fake.documents[DOC_A]["failing_error_checks"] = [
        {
            "suite": "duplicates",
            "expectation": "The same file was already uploaded as “coolblue2.pdf”: approving this copy "
            "too would book the invoice twice.",
        }
    ]
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.button(key="approve").click().run()
    shown = texts(at)
    assert "This file was uploaded before: approving this copy too would book the invoice twice." in shown
    assert "already uploaded as “coolblue2.pdf”" in shown
    assert "These checks fail on the current values" not in shown
    assert fake.documents[DOC_A]["status"] == "processed"
    assert at.text_input(key=widget_key("approve_reason", scope_of(DOC_A, 2)))


def test_a_duplicate_is_rejected_with_a_reason_and_sinks_in_the_queue(make_app, fake):
    fake.documents[DOC_A]["failing_error_checks"] = [
        {"suite": "duplicates", "expectation": "The same file was already uploaded as “coolblue2.pdf”."}
    ]
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.button(key="approve").click().run()  # refused: the reject form opens under the explanation
    assert "Reject it below" in texts(at)
    reject_key = widget_key("reject", scope_of(DOC_A, 2))
    at.button(key=reject_key).click().run()  # no reason: asked for, nothing sent
    assert "Say why you reject the document." in texts(at)
    assert fake.calls_named("reject") == []
    at.text_input(key=widget_key("reject_reason", scope_of(DOC_A, 2))).input("uploaded twice")
    at.button(key=reject_key).click().run()
    assert fake.calls_named("reject") == [((1, DOC_A), {"reason": "uploaded twice", "result_version": 2})]
    assert "Document rejected" in texts(at)
    assert "Rejected by demo" in texts(at) and "because: uploaded twice" in texts(at)
    queue = at.switch_page(QUEUE).run()
    table = queue.dataframe[0].value
    assert list(table["document"]) == ["clean.pdf", "receipt.jpg"]  # the rejected one sinks
    assert table["needs attention"][1] == "rejected"
