"""The review page says where a document attached to an e-mail came from (the detail's `origin`)."""

from __future__ import annotations

from dashboard.origin_text import email_origin_text
from tests.dashboard.fakes import DOC_A, DOC_B
from tests.dashboard.rendered import texts

REVIEW = "views/document_review.py"
ORIGIN = {
    "type": "email",
    "file": "rechnung.eml",
    "message_id": "<re-42@mueller.de>",
    "from": "Müller GmbH <rechnung@mueller.de>",
    "subject": "Rechnung RE-42",
    "date": "2026-12-01T09:15:00+01:00",
    "attachment": "RE-42.pdf",
}


def test_the_review_page_names_the_email_a_document_was_attached_to(make_app, fake):
    fake.documents[DOC_A]["origin"] = ORIGIN
    shown = texts(make_app(page=REVIEW, document_id=DOC_A))
    line = next((t for t in shown.splitlines() if "Received by e-mail" in t), "")
    assert (
        "Müller GmbH" in line and "Rechnung RE-42" in line and "RE-42.pdf" in line and "rechnung.eml" in line
    )

    other = texts(make_app(page=REVIEW, document_id=DOC_B))  # uploaded as it is: no such line
    assert "Received by e-mail" not in other and "Document review" in other


def test_the_origin_line_names_the_forwarded_sender_and_leaves_out_what_is_missing():
    forwarded = {**ORIGIN, "from": "Buchhaltung <bh@example.com>", "subject": "", "forwarded": [ORIGIN]}
    text = email_origin_text(forwarded)
    assert text == (
        "Received by e-mail from Buchhaltung <bh@example.com>, 2026-12-01 09:15:00+01:00,"
        " forwarding a message from Müller GmbH <rechnung@mueller.de> (attachment RE-42.pdf of rechnung.eml)"
    )
