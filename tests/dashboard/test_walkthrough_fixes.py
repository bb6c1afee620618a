"""What a reviewer's first hour in a real browser turned up (2026-11-30 walk-through), held as AppTests
and unit tests: the document in the URL (reload, second tab), an e-invoice XML's rule findings in one
sentence, a refused approval worded like the Validation section, readable approval and correction
history, a duplicate named by its file, a typed date's stored form said."""

from __future__ import annotations

from dashboard import session, xml_rules
from dashboard.attention import attention_reason
from dashboard.corrections import correction_rows, saved_text
from dashboard.file_names import export_file_name
from dashboard.review_state import scope_of, widget_key
from dashboard.wording import FAILED, WARNING, DocumentValues, anomaly_sentence, outcome_sentence
from tests.dashboard.fakes import DOC_A, DOC_B
from tests.dashboard.rendered import texts

REVIEW = "views/document_review.py"
XML_REPORT = {
    "suite": "en16931",
    "success": False,
    "outcomes": [
        {
            "expectation": "en16931:BR-01",
            "description": "An Invoice shall have a Specification identifier (BT-24).",
            "success": False,
            "severity": "error",
            "fields": [],
            "observed_value": "/Invoice[1]",
            "unexpected_values": [],
        },
        {
            "expectation": "en16931:UBL-CR-001",
            "description": "A UBL invoice should not include extensions.",
            "success": False,
            "severity": "warning",
            "fields": [],
            "observed_value": "/Invoice[1]",
            "unexpected_values": [],
        },
    ],
}


def test_the_review_page_names_its_document_in_the_url_and_a_new_session_opens_it_again(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_B)
    assert at.query_params["document"] == DOC_B and at.query_params["project"] == "1"
    # a reload or a second tab: a new session with only the URL
    again = make_app(signed_in=True)
    again.query_params["project"] = "1"
    again.query_params["document"] = DOC_B
    again.switch_page(REVIEW).run()
    assert again.session_state[session.DOCUMENT_ID] == DOC_B
    assert "clean.pdf" in texts(again)
    assert "Choose a document in the review queue first." not in texts(again)


def test_an_einvoice_xmls_rule_findings_are_one_sentence_and_a_list_not_red_lines_with_paths(make_app, fake):
    fake.documents[DOC_B]["validation"].append({**XML_REPORT, "document_id": DOC_B})
    at = make_app(page=REVIEW, document_id=DOC_B)
    shown = texts(at)
    assert "The e-invoice XML as received breaks 1 rule and has 1 warning under EN 16931" in shown
    assert "BR-01: An Invoice shall have a Specification identifier (BT-24). (at /Invoice[1])" in shown
    assert "Found instead: /Invoice" not in shown
    assert [e.label for e in at.expander if "EN 16931" in e.label] == [
        "EN 16931 findings in the e-invoice XML (2)"
    ]


def test_rule_lines_put_errors_first_and_summary_counts_them():
    lines = xml_rules.rule_lines([XML_REPORT])
    assert [state for state, _ in lines] == [FAILED, WARNING]
    assert lines[1][1] == "UBL-CR-001: A UBL invoice should not include extensions. (at /Invoice[1])"
    assert xml_rules.summary([]) is None
    state, sentence = xml_rules.summary(lines[1:])
    assert state == WARNING and "has 1 warning" in sentence and "approve anyway" not in sentence


def test_a_refused_approval_lists_the_failures_as_the_validation_words_them(make_app, fake):
    fake.documents[DOC_A]["failing_error_checks"] = [
        {"suite": "invoice", "expectation": "The subtotal plus tax equals the total"},
        {"suite": "en16931", "expectation": "An Invoice shall have a Specification identifier (BT-24)."},
        {"suite": "en16931", "expectation": "An Invoice shall contain the Buyer name (BT-44)."},
    ]
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.button(key="approve").click().run()
    blocked = next(w.value for w in at.warning if "These checks fail" in w.value)
    # the worded failure (with what was found), not the bare description, which reads as if it held
    assert "- The subtotal plus tax equals the total\n" not in blocked
    assert "8.49 + 0.00 != 9.00" in blocked
    assert "breaks 2 rules under EN 16931" in blocked


def test_an_approval_says_when_and_why_it_overrode_the_checks(make_app, fake):
    fake.documents[DOC_A].update(
        status="approved",
        approved_by="demo",
        approved_at="2026-11-30T09:02:44.628296Z",
        approval_override_reason="Checked against the paper original",
    )
    shown = texts(make_app(page=REVIEW, document_id=DOC_A))
    assert "approved by demo on 2026-11-30 09:02:44 UTC" in shown
    assert "Approved despite failed checks, because: Checked against the paper original" in shown


def test_a_duplicate_is_named_by_its_file_and_opens_with_a_click(make_app, fake):
    fake.documents[DOC_A]["anomalies"] = [
        {
            "document_id": DOC_A,
            "kind": "exact_duplicate",
            "severity": "error",
            "score": 1.0,
            "explanation": f"The same file (sha256 37d946848416...) was already uploaded as {DOC_B}.",
            "evidence": {},
            "related_document_ids": [DOC_B],
        }
    ]
    at = make_app(page=REVIEW, document_id=DOC_A)
    assert "was already uploaded as “clean.pdf”." in texts(at)
    assert DOC_B not in texts(at)
    at.button(key=widget_key(f"open_related_exact_duplicate_{DOC_B}", scope_of(DOC_A, 1))).click().run()
    assert at.session_state[session.DOCUMENT_ID] == DOC_B
    assert "clean.pdf" in texts(at)


def test_anomaly_sentence_keeps_an_id_it_cannot_name():
    anomaly = {
        "kind": "exact_duplicate",
        "explanation": "already uploaded as abc.",
        "related_document_ids": ["abc"],
    }
    assert "already uploaded as abc." in anomaly_sentence(anomaly, names={})
    assert "already uploaded as “a.pdf”." in anomaly_sentence(anomaly, names={"abc": "a.pdf"})


def test_the_saved_message_says_how_a_typed_date_or_amount_was_stored():
    saved = {"fields": {"invoice_date": {"value": "2024-12-31"}, "total": {"value": "1234.50"}, "iban": {}}}
    sent = {"invoice_date": "31.12.2024", "total": "1234.50", "iban": None}
    assert saved_text(sent, saved) == "invoice date (31.12.2024 saved as 2024-12-31), total, iban (cleared)"


def test_the_correction_history_reads_as_sentences_columns_not_api_keys():
    rows = correction_rows(
        [
            {
                "field": "invoice_date",
                "old_value": "2022-09-08",
                "new_value": None,
                "user": "demo",
                "created_at": "2026-11-30T09:01:36.658795Z",
            },
            {
                "field": "line_items",
                "old_value": [{}],
                "new_value": [{}, {}],
                "user": "demo",
                "created_at": "",
            },
        ]
    )
    assert rows[0] == {
        "field": "invoice date",
        "was": "2022-09-08",
        "now": "(empty)",
        "by": "demo",
        "when (UTC)": "2026-11-30 09:01:36",
    }
    assert (rows[1]["was"], rows[1]["now"]) == ("1 line item(s)", "2 line item(s)")


def test_the_overviews_top_anomalies_name_the_other_upload_of_a_duplicate(make_app, fake):
    duplicate = {
        "document_id": DOC_A,
        "kind": "exact_duplicate",
        "severity": "error",
        "score": 1.0,
        "explanation": f"The same file (sha256 37d946848416...) was already uploaded as {DOC_B}.",
        "evidence": {},
        "related_document_ids": [DOC_B],
        "document_name": "receipt.jpg",
    }
    original = fake.project_summary

    def summary(project_id):
        answer = original(project_id)
        return {**answer, "top_anomalies": [duplicate]}

    fake.project_summary = summary
    at = make_app(page="views/overview.py")
    assert "**receipt.jpg** · **Same file uploaded before**" in texts(at)
    assert "was already uploaded as “clean.pdf”." in texts(at)
    assert "a file uploaded twice is counted once" in texts(at)


def test_a_field_a_reviewer_emptied_is_not_said_to_be_missing_from_the_document():
    outcome = {
        "expectation": "expect_column_values_to_not_be_null",
        "description": "The vendor name is present.",
        "success": False,
        "severity": "error",
        "fields": ["vendor_name"],
        "observed_value": None,
        "unexpected_values": [],
    }
    emptied = {"fields": {"vendor_name": {"value": None, "corrected": True, "original_value": "ACME"}}}
    never_found = {"fields": {}}
    assert outcome_sentence(outcome, DocumentValues.of(emptied)) == (
        "Failed: The vendor name was emptied by a correction; it is required: type it in from the page."
    )
    assert "was not found on the document" in outcome_sentence(outcome, DocumentValues.of(never_found))


def test_not_enough_history_is_a_note_under_the_anomalies_not_an_anomaly_of_the_document(make_app, fake):
    note = "Only the rules ran: the project has 4 past invoices and the learned detector needs at least 100."
    fake.documents[DOC_B]["anomalies"] = [
        {
            "document_id": DOC_B,
            "kind": "rules_only",
            "severity": "info",
            "score": 0.0,
            "explanation": note,
            "evidence": {},
            "related_document_ids": [],
        }
    ]
    at = make_app(page=REVIEW, document_id=DOC_B)
    assert "No anomalies detected." in texts(at)
    assert f":material/info: {note}" in [c.value for c in at.caption]
    assert "Not enough history for the learned check" not in texts(at)


def test_a_refusal_for_the_xmls_rules_alone_does_not_ask_for_a_correction(make_app, fake):
    fake.documents[DOC_B]["failing_error_checks"] = [
        {"suite": "en16931", "expectation": "An Invoice shall have a Specification identifier (BT-24)."}
    ]
    at = make_app(page=REVIEW, document_id=DOC_B)
    at.button(key="approve").click().run()
    blocked = next(w.value for w in at.warning if "approve anyway" in w.value)
    assert blocked.startswith("Only the e-invoice XML's own rules fail, which no correction changes")
    assert "Correct the fields" not in blocked
    assert "breaks 1 rule under EN 16931" in blocked


def test_the_queue_tells_a_file_uploaded_again_from_its_first_upload():
    first = {"id": "1", "status": "processed", "validation_errors": 2, "anomaly_count": 1}
    again = {**first, "id": "2", "anomaly_count": 2, "duplicate_of": "1"}
    assert attention_reason(first) == "2 failed checks, 1 anomaly"
    assert attention_reason(again) == "uploaded again, 2 failed checks, 2 anomalies"


def test_a_date_with_two_readings_is_shown_with_both():
    outcome = {
        "expectation": "expect_column_values_to_match_regex",
        "description": "The invoice date is an ISO date (YYYY-MM-DD).",
        "success": False,
        "severity": "error",
        "fields": ["invoice_date"],
        "observed_value": "03/04/2024",
        "unexpected_values": ["03/04/2024"],
    }
    doc = DocumentValues.of({"fields": {"invoice_date": {"value": "03/04/2024"}}})
    assert outcome_sentence(outcome, doc) == (
        "Failed: The invoice date reads “03/04/2024”, which could be 2024-04-03 or 2024-03-04: "
        "type it as YYYY-MM-DD."
    )
    soon = DocumentValues.of({"fields": {"invoice_date": {"value": "next week"}}})
    assert outcome_sentence(outcome, soon).endswith("which is not a date (YYYY-MM-DD).")


def test_an_export_is_named_after_its_project():
    assert export_file_name("Demo", 1, "csv") == "Demo-results.csv"
    assert export_file_name("Fournisseurs 2024/Q1", 2, "zip") == "Fournisseurs-2024-Q1-results.zip"
    assert export_file_name("", 3, "xlsx") == "project-3-results.xlsx"
    assert export_file_name("../..", 4, "csv") == "project-4-results.csv"
