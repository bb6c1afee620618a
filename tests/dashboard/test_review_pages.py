"""Review queue and document review: ordering, filters, PATCH bodies, approve, and 404/401 states."""

from __future__ import annotations

import datetime as dt

from dashboard import session
from dashboard.api_client import PermissionDenied
from dashboard.review_state import scope_of, widget_key
from tests.dashboard.fakes import DOC_A, DOC_B, DOWN, EXPIRED
from tests.dashboard.rendered import texts

QUEUE = "views/review_queue.py"
REVIEW = "views/document_review.py"


def k(name: str, version: int = 1, document: str = DOC_A) -> str:
    """The key of a review widget of `document` at result `version`."""
    return widget_key(name, scope_of(document, version))


def test_queue_lists_documents_needing_attention_first_and_a_row_opens_review(make_app, fake):
    at = make_app(page=QUEUE)
    table = at.dataframe[0].value
    assert list(table["document"]) == ["receipt.jpg", "clean.pdf"]
    assert list(table["rank"]) == [1, 2]
    assert table["needs attention"][0] == "1 failed check, 1 anomaly"
    assert table["needs attention"][1] == "looks fine"
    assert {"date", "total", "currency", "confidence"} <= set(table.columns)
    assert not at.get("selectbox") or "queue_document" not in [w.key for w in at.selectbox]  # no dropdown
    # a click on a row (here: on one of its cells) opens that document
    at.session_state["queue_table_0"] = {"selection": {"rows": [], "columns": [], "cells": [[1, "vendor"]]}}
    at.run()
    assert at.session_state[session.DOCUMENT_ID] == DOC_B
    assert "Document review" in texts(at)
    assert "clean.pdf" in texts(at)
    # back in the queue the table starts unselected (a new key), so it does not reopen the document
    at.switch_page(QUEUE).run()
    assert at.dataframe[0].key == "queue_table_1"
    assert "Review queue" in texts(at)
    at.session_state["queue_table_1"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert at.session_state[session.DOCUMENT_ID] == DOC_A
    assert "receipt.jpg" in texts(at)


def test_queue_sorts_by_attention_by_default_and_by_date_or_total_on_request(make_app, fake):
    fake.documents[DOC_B]["total"] = "120.00"
    fake.documents[DOC_B]["invoice_date"] = "2019-02-01"
    at = make_app(page=QUEUE)
    assert list(at.dataframe[0].value["document"]) == ["receipt.jpg", "clean.pdf"]
    at.selectbox(key="queue_sort").select("total_desc").run()
    table = at.dataframe[0].value
    assert list(table["document"]) == ["clean.pdf", "receipt.jpg"]
    assert list(table["rank"]) == [2, 1]  # the attention rank stays with its document
    at.selectbox(key="queue_sort").select("date_asc").run()
    assert list(at.dataframe[0].value["document"]) == ["receipt.jpg", "clean.pdf"]
    # the row clicked is the row shown: position 0 of the date-sorted table is receipt.jpg
    at.selectbox(key="queue_sort").select("date_desc").run()
    at.session_state["queue_table_0"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert at.session_state[session.DOCUMENT_ID] == DOC_B


def test_queue_filters_go_to_the_api(make_app, fake):
    at = make_app(page=QUEUE)
    at.selectbox(key="queue_status").select("processed")
    at.text_input(key="queue_vendor").input("acme")
    at.date_input(key="queue_dates").set_value((dt.date(2018, 12, 1), dt.date(2018, 12, 31)))
    at.run()
    _, filters = fake.calls_named("list_documents")[-1]
    assert filters == {
        "status": "processed",
        "vendor": "acme",
        "date_from": "2018-12-01",
        "date_to": "2018-12-31",
    }


def test_review_shows_fields_with_confidence_validation_and_anomalies(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    total = at.text_input(key=k("field_total"))
    assert total.value == "9.00"
    assert total.label == "total (0.62)"
    assert at.text_input(key=k("field_subtotal")).label == "subtotal (0.40)"
    shown = texts(at)
    assert (
        ":red[:material/cancel:] Failed: The subtotal plus tax equals the total. "
        "Found instead: 8.49 + 0.00 != 9.00." in shown
    )
    assert "Passed checks (1)" in [e.label for e in at.expander]
    assert ":green[:material/check_circle:] Passed: The total is present." in shown
    assert (
        ":orange[:material/warning:] **Amounts do not add up** (warning, score 0.80): "
        "Subtotal and tax do not add up" in shown
    )
    # the page image is fetched and drawn; only fields with a box are offered for highlighting
    assert fake.calls_named("page_image") == [((1, DOC_A, 0), {})]
    at.selectbox(key=k("highlight_field")).select("total").run()
    assert len(fake.calls_named("page_image")) == 1  # kept in the session, not downloaded again
    assert at.selectbox(key=k("highlight_field")).options == [
        "(none)",
        "vendor_name",
        "invoice_date",
        "total",
    ]
    assert len(at.get("image")) == 1
    editor = at.data_editor[0]
    assert editor.key == k("line_items_editor")
    assert list(editor.value["description"]) == ["Coffee"]


def test_validation_is_worded_for_a_clerk_and_line_items_can_be_not_applicable(make_app, fake):
    doc = fake.documents[DOC_A]
    doc["fields"]["subtotal"]["value"] = "120.00"
    doc["fields"]["tax_amount"] = {**doc["fields"]["subtotal"], "value": "22.80"}
    doc["fields"]["total"]["value"] = "0.00"
    doc["line_items"] = []
    gap = {"arithmetic_tolerance": 0.015, "arithmetic_gap": 142.8}
    doc["validation"] = [
        {
            "suite": "invoice_fields",
            "outcomes": [
                {
                    "expectation": "expect_column_pair_values_a_to_be_greater_than_b",
                    "description": "Subtotal plus tax equals the total (within 0.01 per line plus rounding).",
                    "success": False,
                    "severity": "error",
                    "fields": ["subtotal", "tax_amount", "total"],
                    "observed_value": gap,
                    "unexpected_values": [gap],
                },
                {
                    "expectation": "expect_column_values_to_be_between",
                    "description": "The total is greater than zero.",
                    "success": False,
                    "severity": "error",
                    "fields": ["total"],
                    "observed_value": 0.0,
                    "unexpected_values": [0.0],
                },
                {
                    "expectation": "expect_column_values_to_be_between",
                    "description": "The vendor name was read with confidence of at least 0.6, "
                    "else it needs review.",
                    "success": False,
                    "severity": "warning",
                    "fields": ["vendor_name"],
                    "observed_value": 0.4,
                    "unexpected_values": [0.4],
                },
            ],
        },
        {
            "suite": "line_items",
            "outcomes": [
                {
                    "expectation": "expect_column_values_to_not_be_null",
                    "description": "Every line item has an amount.",
                    "success": True,
                    "severity": "warning",
                    "fields": ["line_items.amount"],
                    "observed_value": "not applicable",
                    "unexpected_values": [],
                }
            ],
        },
    ]
    at = make_app(page=REVIEW, document_id=DOC_A)
    shown = texts(at)
    assert (
        ":red[:material/cancel:] Failed: Subtotal 120.00 + tax 22.80 = 142.80, but the total reads 0.00."
        in shown
    )
    assert ":red[:material/cancel:] Failed: The total is 0.00; it must be greater than zero." in shown
    assert (
        ":orange[:material/warning:] Warning: The vendor name “ACME SDN BHD” was read with confidence 0.40 "
        "(below 0.60): compare it with the page." in shown
    )
    assert "Not applicable: Every line item has an amount — the document has no line items." in shown
    assert "Passed checks (0), not applicable (1)" in [e.label for e in at.expander]
    assert "Passed: Every line item has an amount" not in shown
    for raw in ("{", "arithmetic_gap", "Observed", "Unexpected"):
        assert raw not in shown


def test_zoom_enlarges_the_part_of_the_page_around_the_highlighted_field(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    whole = at.get("image")[0]
    assert "whole page" in whole.proto.imgs[0].caption
    at.selectbox(key=k("highlight_field")).select("total").run()
    at.segmented_control(key="review_zoom").set_value(2).run()
    assert "2× around total" in at.get("image")[0].proto.imgs[0].caption
    assert not at.exception


def test_correcting_the_total_sends_only_that_field(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.text_input(key=k("field_total")).input("9.50")
    at.button(key="save_corrections").click().run()
    assert fake.calls_named("update_fields") == [
        ((1, DOC_A, {"fields": {"total": "9.50"}, "result_version": 1}), {})
    ]
    assert "Saved corrections: total." in texts(at)
    # the form shows the stored value afterwards (the new version's widgets), marked as corrected
    assert at.text_input(key=k("field_total", version=2)).value == "9.50"
    assert "corrected" in at.text_input(key=k("field_total", version=2)).label


def test_clearing_a_field_sends_null_and_unchanged_form_sends_nothing(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.button(key="save_corrections").click().run()
    assert fake.calls_named("update_fields") == []
    assert "Nothing changed." in texts(at)
    at.text_input(key=k("field_subtotal")).input("")
    at.button(key="save_corrections").click().run()
    assert fake.calls_named("update_fields") == [
        ((1, DOC_A, {"fields": {"subtotal": None}, "result_version": 1}), {})
    ]


def test_line_item_edit_sends_the_whole_table(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.session_state[k("line_items_editor")] = {
        "edited_rows": {0: {"amount": "8.50"}},
        "added_rows": [{"description": "Tea", "quantity": "1", "unit_price": "0.50", "amount": "0.50"}],
        "deleted_rows": [],
    }
    at.button(key="save_corrections").click().run()
    ((args, _),) = fake.calls_named("update_fields")
    assert args[2] == {
        "result_version": 1,
        "fields": {},
        "line_items": [
            {"description": "Coffee", "quantity": "1", "unit_price": "9.00", "amount": "8.50"},
            {"description": "Tea", "quantity": "1", "unit_price": "0.50", "amount": "0.50"},
        ],
    }


def test_approve(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.button(key="approve").click().run()
    assert fake.calls_named("approve") == [((1, DOC_A), {"result_version": 1, "force": False, "reason": ""})]
    assert "Document approved." in texts(at)
    assert at.button(key="approve").disabled


def test_approving_failed_checks_asks_for_a_reason(make_app, fake):
    fake.documents[DOC_A]["failing_error_checks"] = [
        {"suite": "invoice_fields", "expectation": "The invoice date is not in the future."}
    ]
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.button(key="approve").click().run()
    assert "The invoice date is not in the future." in texts(at)
    assert fake.documents[DOC_A]["status"] == "processed"
    at.button(key=k("approve_force", version=2)).click().run()  # no reason yet: asked for, nothing sent
    assert "Say why you approve despite the failed checks." in texts(at)
    assert len(fake.calls_named("approve")) == 1
    # the reason and the click go together (one form): no Enter needed before the button takes the click
    at.text_input(key=k("approve_reason", version=2)).input("date misprinted by the vendor")
    at.button(key=k("approve_force", version=2)).click().run()
    assert fake.calls_named("approve")[-1] == (
        (1, DOC_A),
        {"result_version": 2, "force": True, "reason": "date misprinted by the vendor"},
    )
    assert fake.documents[DOC_A]["status"] == "approved"
    assert "override recorded" in texts(at)


def test_a_save_on_a_stale_version_changes_nothing_and_says_so(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    fake.documents[DOC_A]["result_version"] = 5  # someone else saved in the meantime
    at.text_input(key=k("field_total")).input("1.00")
    at.button(key="save_corrections").click().run()
    assert fake.documents[DOC_A]["fields"]["total"]["value"] == "9.00"
    assert "Not saved: the document changed since you opened it" in texts(at)
    assert at.text_input(key=k("field_total", version=5)).value == "9.00"


def test_missing_document_is_a_clear_404(make_app, fake):
    at = make_app(page=REVIEW, document_id=999)
    assert "not found (404)" in texts(at)
    assert not at.exception
    # not a dead end (a stale link, a document of another project): the way back to the queue
    assert [link.label for link in at.get("page_link")] == ["Go to the review queue"]


def test_401_while_saving_returns_to_sign_in(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.text_input(key=k("field_total")).input("9.50")
    fake.fail_with = EXPIRED
    at.button(key="save_corrections").click().run()
    assert session.TOKEN not in at.session_state
    assert "Please sign in again" in texts(at)
    assert at.text_input(key="sign_in_username") is not None


def test_overview_shows_counts_charts_top_anomalies_and_exports(make_app, fake):
    at = make_app(page="views/overview.py")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Failed": "1", "Processed": "2"}  # the fake's counts have no needs_review
    assert len(at.get("vega_lite_chart")) == 2  # spend in MYR, anomaly scores
    assert (
        ":orange[:material/warning:] **receipt.jpg** · **Amounts do not add up** (warning, score 0.80): "
        "Subtotal and tax do not add up to the total." in texts(at)
    )
    assert not at.get("download_button")  # nothing fetched until asked
    at.segmented_control(key="export_format").set_value("xlsx").run()
    at.button(key="export_prepare").click().run()
    assert fake.calls_named("export_project") == [((1, "xlsx"), {})]
    (download,) = at.get("download_button")
    assert download.proto.label.startswith("Download XLSX")
    assert not at.exception


def test_overview_exports_e_invoices_as_a_zip(make_app, fake):
    at = make_app(page="views/overview.py")
    at.segmented_control(key="export_format").set_value("ubl").run()
    at.button(key="export_prepare").click().run()
    assert fake.calls_named("export_project") == [((1, "ubl"), {})]
    (download,) = at.get("download_button")
    assert download.proto.label.startswith("Download UBL e-invoices (zip)")
    # what the zip leaves out is said on the page, not only in its missing.json
    assert "1 document(s) exported; 1 could not be" in texts(at)
    assert "scan.png: Cannot export as UBL 2.1: missing BT-1 Invoice number." in texts(at)
    # another format chosen: the UBL zip is no longer offered under it
    at.segmented_control(key="export_format").set_value("cii").run()
    assert not at.get("download_button")
    assert "Prepare the export again for the format chosen." in texts(at)
    assert not at.exception


def test_overview_draws_one_spend_chart_per_currency_with_its_own_scale(make_app, fake):
    import json

    import pyarrow as pa

    fake.summary["spend"] += [
        {"vendor": "Coolblue B.V.", "month": "2014-04", "currency": "EUR", "total": "4904.94"},
        {"vendor": "Azure Interior", "month": "2023-03", "currency": "USD", "total": "279.84"},
        {"vendor": None, "month": "2018-01", "currency": None, "total": "9.00"},
    ]
    at = make_app(page="views/overview.py")
    charts = {}
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        if spec["encoding"]["y"]["title"].startswith("Total"):
            (dataset,) = chart.proto.datasets
            rows = pa.ipc.open_stream(dataset.data.data).read_pandas()
            charts[spec["encoding"]["y"]["title"]] = (spec, rows)
    # one chart per currency, each with its own y scale; documents without currency named as such
    assert list(charts) == ["Total (EUR)", "Total (MYR)", "Total (USD)", "Total"]
    assert [set(rows["currency"]) for _, rows in charts.values()] == [
        {"EUR"},
        {"MYR"},
        {"USD"},
        {"no currency"},
    ]
    for spec, _ in charts.values():
        assert "column" not in spec["encoding"] and "facet" not in spec  # no unlabelled facet panels
        assert spec["encoding"]["x"]["title"] == "Month"
    shown = texts(at)
    assert "**No currency** · 1 vendor, total 9.00" in shown
    assert "**MYR** · 2 vendors, total 13.50" in shown
    assert "**EUR** · 1 vendor, total 4,904.94" in shown
    assert not at.exception


def test_export_failure_is_explained(make_app, fake):
    at = make_app(page="views/overview.py")
    fake.fail_on["export_project"] = DOWN
    at.button(key="export_prepare").click().run()
    assert "Exporting: the API is down or unreachable" in texts(at)
    assert not at.get("download_button")


def test_switching_pages_fetches_that_page_and_its_boxes(make_app, fake):
    doc = fake.documents[DOC_A]
    doc["pages"].append({"index": 1, "width": 200, "height": 300, "image_url": "..."})
    doc["fields"]["due_date"] = {
        "value": "2019-01-25",
        "raw_text": "25/01/2019",
        "confidence": 0.7,
        "page": 1,
        "bbox": [0.1, 0.1, 0.5, 0.2],
        "corrected": False,
        "original_value": "2019-01-25",
    }
    at = make_app(page=REVIEW, document_id=DOC_A)
    assert "due_date" not in at.selectbox(key=k("highlight_field")).options
    at.segmented_control(key=k("review_page")).set_value(1).run()
    assert fake.calls_named("page_image")[-1] == ((1, DOC_A, 1), {})
    assert at.selectbox(key=k("highlight_field")).options == ["(none)", "due_date"]
    assert not at.exception


def test_viewers_can_read_but_not_correct_or_approve(make_app, fake):
    fake.projects[0]["role"] = "viewer"
    at = make_app(page=REVIEW, document_id=DOC_A)
    assert "You are a viewer of this project" in texts(at)
    assert at.button(key="save_corrections").disabled
    assert at.button(key="approve").disabled
    assert at.text_input(key=k("field_total")).disabled
    assert at.text_input(key=k("field_total")).value == "9.00"


def test_a_403_from_the_api_is_explained(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    fake.fail_on["approve"] = PermissionDenied(
        message="Viewers cannot approve documents.", code="permission_denied", status=403
    )
    at.button(key="approve").click().run()
    assert "Approving: Viewers cannot approve documents. (code `permission_denied`)" in texts(at)
    assert session.TOKEN in at.session_state  # a 403 does not sign out


def test_next_in_queue_opens_the_following_document(make_app, fake):
    fake.documents[DOC_B]["fields"]["total"]["value"] = "4.50"
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.text_input(key=k("field_total")).input("999")  # unsaved edit: must not leak into the next document
    at.button(key="next_document").click().run()
    assert at.session_state[session.DOCUMENT_ID] == DOC_B
    assert at.text_input(key=k("field_total", document=DOC_B)).value == "4.50"
    assert "clean.pdf" in texts(at)
    # saving the next document untouched writes nothing (no value of the first one travelled with it)
    at.button(key="save_corrections").click().run()
    assert fake.calls_named("update_fields") == []
    assert not [key for key in at.session_state if isinstance(key, str) and f"@{DOC_A}/" in key]
    fake.documents[DOC_A]["status"] = "approved"
    at.button(key="next_document").click().run()
    assert "No other document is waiting for review." in texts(at)


def test_queue_date_filter_with_only_a_start_date(make_app, fake):
    at = make_app(page=QUEUE)
    at.date_input(key="queue_dates").set_value((dt.date(2018, 12, 1),)).run()
    _, filters = fake.calls_named("list_documents")[-1]
    assert (filters["date_from"], filters["date_to"]) == ("2018-12-01", None)


def test_a_field_that_was_not_found_can_be_added(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    assert at.text_input(key=k("field_invoice_number")).value == ""
    assert at.text_input(key=k("field_invoice_number")).label == "invoice number (not found)"
    at.text_input(key=k("field_invoice_number")).input("INV-0042")
    at.button(key="save_corrections").click().run()
    assert fake.calls_named("update_fields") == [
        ((1, DOC_A, {"fields": {"invoice_number": "INV-0042"}, "result_version": 1}), {})
    ]
    assert at.text_input(key=k("field_invoice_number", version=2)).label == "invoice number · corrected"


def test_document_text_is_not_read_as_markdown_maths():
    from dashboard.wording import anomaly_sentence

    sentence = anomaly_sentence(
        {"severity": "info", "kind": "outlier", "score": 0.5, "explanation": "Paid $4.95 instead of $5.00."}
    )
    assert sentence.endswith(r"Paid \$4.95 instead of \$5.00.")


def test_a_document_that_takes_two_reviewers_records_the_first_approval(make_app, fake):
    fake.documents[DOC_A]["approvals_required"] = 2  # the project's review.second_approval_from_total
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.button(key="approve").click().run()
    recorded = "First approval recorded: the project asks a second reviewer to approve this document."
    assert recorded in texts(at)
    assert fake.documents[DOC_A]["status"] == "processed"
    assert "the project asks a second reviewer to approve it (you gave the first approval)." in texts(at)
    assert at.button(key="approve").disabled  # the same reviewer cannot give the second
    assert "first approval" in texts(at)  # the history names it


def test_a_second_approval_by_the_first_reviewer_is_refused_and_said(make_app, fake):
    fake.documents[DOC_A]["approvals_required"] = 2
    fake.documents[DOC_A]["first_approval"] = {"by": "demo", "at": "2026-11-30T10:00:00Z"}
    at = make_app(page=REVIEW, document_id=DOC_A)
    fake.documents[DOC_A]["first_approval"]["by"] = "demo"
    at.session_state["auth_username"] = "someone-else"  # a page opened before the first approval
    at.run()
    at.button(key="approve").click().run()
    assert "asks for a second reviewer" in texts(at)
    assert fake.documents[DOC_A]["status"] == "processed"
