"""Going back: a reviewer who left a document with Next in queue (too fast, or to compare) returns to it
with Previous (Alt+P), one step at a time; there is no Previous before any Next."""

from __future__ import annotations

from dashboard import session
from tests.dashboard.fakes import DOC_A, DOC_B
from tests.dashboard.rendered import texts
from tests.dashboard.test_review_pages import REVIEW


def test_previous_goes_back_to_the_document_left_with_next(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    assert "previous_document" not in [b.key for b in at.button]
    at.button(key="next_document").click().run()
    assert at.session_state[session.DOCUMENT_ID] == DOC_B and "clean.pdf" in texts(at)
    previous = at.button(key="previous_document")
    assert previous.proto.shortcut.lower() == "alt+p"
    previous.click().run()
    assert at.session_state[session.DOCUMENT_ID] == DOC_A and "receipt.jpg" in texts(at)
    assert "previous_document" not in [b.key for b in at.button]  # back at the start of the trail


def test_next_after_approve_opens_the_next_document_in_one_key(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.toggle(key="approve_then_next").set_value(True).run()
    at.button(key="approve").click().run()
    assert fake.calls_named("approve")[0][0] == (1, DOC_A)
    assert at.session_state[session.DOCUMENT_ID] == DOC_B and "clean.pdf" in texts(at)
    assert "receipt.jpg approved. This is the next document waiting for review." in texts(at)
    assert at.toggle(key="approve_then_next").value  # the preference stays for the next document
    at.button(key="previous_document").click().run()  # and the approved one is one step back
    assert at.session_state[session.DOCUMENT_ID] == DOC_A


def test_without_the_toggle_approve_stays_on_the_document(make_app, fake):
    at = make_app(page=REVIEW, document_id=DOC_A)
    at.button(key="approve").click().run()
    assert at.session_state[session.DOCUMENT_ID] == DOC_A and "Document approved." in texts(at)
