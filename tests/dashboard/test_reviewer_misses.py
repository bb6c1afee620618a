"""What a reviewer missed in a clerk's week and a first hour on the real stack (browser walk-throughs), as
AppTests on the fake API: the queue's confidence column, a credit note's linked invoice, the progress of a
task counting the documents already read, and typing in the review form that a rerun dropped."""

from __future__ import annotations

from dashboard.attention import attention_reason, row_confidence
from tests.dashboard.fakes import DOC_B

QUEUE = "views/review_queue.py"


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
