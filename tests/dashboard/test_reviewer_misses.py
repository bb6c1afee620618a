"""What a reviewer missed in a clerk's week and a first hour on the real stack (browser walk-throughs), as
AppTests on the fake API: the queue's confidence column, a credit note's linked invoice, the progress of a
task counting the documents already read, and typing in the review form that a rerun dropped."""

from __future__ import annotations

import json

from dashboard import unsaved_guard
from dashboard.attention import attention_reason, row_confidence
from dashboard.overlay import field_boxes_on_page
from dashboard.review_state import scope_of, widget_key
from tests.dashboard.fakes import DOC_A, DOC_B
from tests.dashboard.rendered import texts

QUEUE = "views/review_queue.py"
REVIEW = "views/document_review.py"
PROJECTS = "views/projects.py"
OVERVIEW = "views/overview.py"


# -- the queue's confidence column --------------------------------------------------------------------
def test_the_queue_shows_how_sure_the_key_fields_are_not_the_weakest_optional_field(make_app, fake):
    """X00016469672.jpg's key fields were read at 0.50 or better, but its tax amount was calibrated to 0.0:
    the column said 0.00 and sorted it with the unreadable receipts."""
    fake.documents[DOC_B].update(min_confidence=0.0, key_confidence=0.93)
    at = make_app(page=QUEUE)
    table = at.dataframe[0].value.set_index("document")
    assert table.loc["clean.pdf", "confidence"] == 0.93
    assert table.loc["receipt.jpg", "confidence"] == 0.62


def test_an_older_apis_row_without_key_confidence_still_shows_its_lowest_confidence():
    row = {"id": "1", "name": "x.pdf", "status": "processed", "min_confidence": 0.3}
    assert row_confidence(row) == 0.3 and attention_reason(row) == "low confidence"
    sure_keys = {**row, "key_confidence": 0.95}
    assert row_confidence(sure_keys) == 0.95 and attention_reason(sure_keys) == "looks fine"
    assert row_confidence({**row, "key_confidence": None}) is None


# -- a credit note's linked invoice ---------------------------------------------------------------------
def _credit_note(fake, preceding: list[dict]) -> None:
    doc = fake.documents[DOC_B]
    doc.update(document_type="credit_note", preceding_invoices=preceding)
    doc["fields"]["document_type"] = {**doc["fields"]["total"], "value": "credit_note", "bbox": None}


def test_a_credit_note_names_the_invoice_it_credits_and_opens_it(make_app, fake):
    _credit_note(fake, [{"number": "FA-2017-0010", "date": "2017-11-13", "document_id": DOC_A}])
    at = make_app(page=REVIEW, document_id=DOC_B)
    assert "It credits invoice FA-2017-0010 of 2017-11-13." in texts(at)
    at.button(key=f"open_credited_{DOC_A}").click().run()
    assert at.session_state["document_id"] == DOC_A
    assert at.subheader[0].value == "receipt.jpg"


def test_a_credited_invoice_the_project_does_not_hold_is_named_without_a_button(make_app, fake):
    _credit_note(fake, [{"number": "FA-2017-0010", "date": None, "document_id": None}])
    at = make_app(page=REVIEW, document_id=DOC_B)
    assert "It credits invoice FA-2017-0010." in texts(at)
    assert not [b for b in at.button if str(b.key).startswith("open_credited_")]


def test_a_credit_note_without_a_reference_says_where_to_look(make_app, fake):
    _credit_note(fake, [])
    at = make_app(page=REVIEW, document_id=DOC_B)
    assert "The invoice it credits is not read from a page yet: see the page." in texts(at)
    fake.documents[DOC_B]["source"] = "einvoice"
    at.run()
    assert "Its XML names no invoice it credits: see the page." in texts(at)


# -- a task's progress counts the documents already read -------------------------------------------------
def test_a_running_task_counts_the_documents_read_while_the_batch_waits_for_its_checks(make_app, fake):
    fake.tasks[0]["current_step"] = "validate"
    fake.tasks[0]["progress"].update(documents_done=0, documents_extracted=2, pages_done=2)
    at = make_app(page=PROJECTS)
    text = at.get("progress")[0].proto.text
    assert "2/2 documents read, 0/2 checked and saved, 2/2 pages · step: validate" in text
    assert "0/2 documents," not in text


def test_a_finished_task_says_its_documents_as_before(make_app, fake):
    fake.tasks[0]["status"] = "succeeded"
    fake.tasks[0]["progress"].update(documents_done=2, documents_extracted=2, pages_done=2)
    at = make_app(page=PROJECTS)
    assert "2/2 documents, 2/2 pages" in at.get("progress")[0].proto.text


# -- typing in the review form that a rerun dropped --------------------------------------------------------
def _field_key(name: str, version: int = 1, document: str = DOC_A) -> str:
    return widget_key(f"field_{name}", scope_of(document, version))


def test_approve_saves_what_was_typed_first_then_approves_the_saved_version(make_app, fake):
    """The walk: vendor typed, Approve clicked: the approval was of the stored values, and the re-check's new
    version drew the form again without the typing."""
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.text_input(key=_field_key("vendor_name")).input("FUYI MINI MARKET")
    at.button(key="approve").click().run()
    patch = fake.calls_named("update_fields")
    assert [call[0][2]["fields"] for call in patch] == [{"vendor_name": "FUYI MINI MARKET"}]
    approvals = fake.calls_named("approve")
    assert len(approvals) == 1 and approvals[0][1]["result_version"] == 2  # the version the save made
    shown = texts(at)
    assert "Saved corrections: vendor name." in shown and "Document approved." in shown
    assert fake.documents[DOC_A]["fields"]["vendor_name"]["value"] == "FUYI MINI MARKET"


def test_approve_with_nothing_typed_approves_at_once(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_B)
    at.button(key="approve").click().run()
    assert fake.calls_named("update_fields") == []
    assert fake.calls_named("approve")[0][1]["result_version"] == 1
    assert "Document approved." in texts(at)


def test_a_refused_approval_keeps_the_typed_value_saved(make_app, fake):
    """Checks still fail after the save: the approval asks for a reason, and what was typed is stored, not
    lost with the old version's form."""
    fake.documents[DOC_A]["failing_error_checks"] = [{"suite": "invoice", "expectation": "The total is >0"}]
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.text_input(key=_field_key("total")).input("9.50")
    at.button(key="approve").click().run()
    assert fake.documents[DOC_A]["fields"]["total"]["value"] == "9.50"
    assert fake.documents[DOC_A]["status"] != "approved"
    assert "Saved corrections: total." in texts(at)
    assert any(t.label == "Reason for approving anyway" for t in at.text_input)


def test_the_review_page_guards_unsaved_typing_for_the_version_shown(make_app, fake):
    """A reload or a click that leaves the form asks first while typing is unsaved (the browser's part is
    checked in the reload walk of test_browser_e2e); the guard is drawn for the version on the page, so a
    save (a new version) starts it clean."""
    at = make_app(page=REVIEW, document_id=DOC_A)
    guards = [e for e in at.get("html") if "data-ocr-unsaved-guard" in e.proto.body]
    assert len(guards) == 1 and f'"{scope_of(DOC_A, 1)}"' in guards[0].proto.body
    assert "beforeunload" in guards[0].proto.body and unsaved_guard.CONFIRM in guards[0].proto.body


# -- the overview's anomaly histogram counts whole anomalies ------------------------------------------------
def test_the_anomaly_histogram_counts_in_whole_numbers(make_app, fake):
    at = make_app(page=OVERVIEW)
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    (histogram,) = [s for s in specs if s["encoding"]["x"].get("title") == "Anomaly score"]
    axis = histogram["encoding"]["y"]["axis"]
    assert axis["tickMinStep"] == 1 and axis["format"] == "d"


# -- a corrected field's box says it is where the old value was read ---------------------------------------
def test_a_corrected_fields_box_is_named_as_read():
    fields = {
        "vendor_name": {"bbox": [0.1, 0.1, 0.5, 0.15], "page": 0, "corrected": True},
        "total": {"bbox": [0.5, 0.8, 0.9, 0.85], "page": 0, "corrected": False},
    }
    assert list(field_boxes_on_page(fields, 0)) == ["vendor_name (as read)", "total"]


def test_the_review_page_labels_a_corrected_fields_box_as_read(make_app, fake):
    fake.documents[DOC_A]["fields"]["vendor_name"].update(corrected=True, value="FUYI MINI MARKET")
    at = make_app(page=REVIEW, document_id=DOC_A)
    highlight = at.selectbox(key=widget_key("highlight_field", scope_of(DOC_A, 1)))
    assert "vendor_name (as read)" in highlight.options and "vendor_name" not in highlight.options


# -- the queue's reason names an anomaly before the XML's findings ----------------------------------------
def test_an_anomaly_is_named_before_the_xmls_findings(make_app, fake):
    """Avoir_FR_type381_BASIC.pdf, a second credit note of the same number (a duplicate invoice, error):
    the queue's column read "1 failed check, 1 EN 16931 find…" and the anomaly was cut off."""
    fake.documents[DOC_B].update(
        failed_checks=1, einvoice_rule_findings=1, validation_errors=2, anomaly_count=1
    )
    at = make_app(page=QUEUE)
    table = at.dataframe[0].value.set_index("document")
    assert (
        table.loc["clean.pdf", "needs attention"]
        == "1 failed check, 1 anomaly, 1 EN 16931 finding in the XML"
    )
