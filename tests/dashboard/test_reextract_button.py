"""The review page reads a document again (`POST .../reextract/`): the button sends the version shown,
the page says what changed, which corrections stay and which invoice a credit note now credits; an
approved document offers no such button."""

from __future__ import annotations

from tests.dashboard.fakes import DOC_A
from tests.dashboard.rendered import texts
from tests.dashboard.test_review_pages import REVIEW, k


def test_read_again_sends_the_version_shown_and_says_what_changed_and_what_stays(make_app, fake):
    fake.documents[DOC_A]["fields"]["vendor_name"]["corrected"] = True
    fake.reextract_changes = {"invoice_number": "AV-2017-0005", "vendor_name": "Au bon moulin"}
    fake.reextract_references = [{"number": "FA-2017-0010", "date": "2017-11-13", "document_id": None}]
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.button(key=k("reextract")).click().run()

    assert fake.calls_named("reextract") == [((1, DOC_A), {"result_version": 1})]
    shown = texts(at)
    assert (
        "Read again: 2 field(s) changed (invoice number, vendor name). Your corrections stay: vendor name. "
        "It credits invoice FA-2017-0010." in shown
    )
    # the page shows the new version: the new reading where no reviewer corrected, the correction kept
    assert at.text_input(key=k("field_invoice_number", 2)).value == "AV-2017-0005"
    assert at.text_input(key=k("field_vendor_name", 2)).value != "Au bon moulin"
    assert not at.exception


def test_an_approved_document_is_not_read_again(make_app, fake):
    fake.documents[DOC_A]["status"] = "approved"
    at = make_app(page=REVIEW, document_id=DOC_A)
    assert k("reextract") not in [b.key for b in at.button]


def test_fields_not_found_again_are_said_to_be_kept(make_app, fake):
    fake.reextract_not_found = ["vendor_name", "line_items"]
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.button(key=k("reextract")).click().run()
    assert (
        "Read again: nothing changed. Not found again, so kept as first read: vendor name, line items."
        in (texts(at))
    )
