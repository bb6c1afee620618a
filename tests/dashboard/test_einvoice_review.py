"""A bare e-invoice XML in the review page: no page image (0 pages), fields without boxes; nothing crashes."""

from __future__ import annotations

from dashboard.review_state import scope_of, widget_key
from tests.dashboard.fakes import DOC_A
from tests.dashboard.rendered import texts

REVIEW = "views/document_review.py"


def test_a_document_without_pages_is_reviewed_without_an_image(make_app, fake):
    doc = fake.documents[DOC_A]
    doc["media_type"] = "application/xml"
    doc["pages"] = []
    for field in doc["fields"].values():
        field.update(confidence=1.0, bbox=None, page=0)

    at = make_app(page=REVIEW, document_id=DOC_A)

    assert not at.exception
    assert "No page images for this document." in [i.value for i in at.info] or any(
        "No page images" in t for t in texts(at)
    )
    assert fake.calls_named("page_image") == []
    total = at.text_input(key=widget_key("field_total", scope_of(DOC_A, 1)))
    assert total.label == "total (1.00)"
