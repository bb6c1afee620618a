"""The review queue tells the checks a document's values fail apart from the EN 16931 rules its e-invoice
XML breaks as received (a reviewer saw "40 failed checks" on an e-invoice whose values failed 2)."""

from __future__ import annotations

from dashboard.attention import attention_reason, check_counts, sort_by_attention
from tests.dashboard.fakes import DOC_B

QUEUE = "views/review_queue.py"


def _row(**counts) -> dict:
    return {"id": "1", "name": "x.pdf", "status": "processed", "anomaly_count": 0, **counts}


def test_the_reason_names_failed_checks_and_xml_findings_apart():
    einvoice = _row(validation_errors=40, failed_checks=2, einvoice_rule_findings=38)
    assert attention_reason(einvoice) == "2 failed checks, 38 EN 16931 findings in the XML"
    only_xml = _row(validation_errors=1, failed_checks=0, einvoice_rule_findings=1)
    assert attention_reason(only_xml) == "1 EN 16931 finding in the XML"
    assert check_counts(_row(validation_errors=3)) == (3, 0)  # an older API's row: all are failed checks


def test_failed_checks_of_the_values_come_before_xml_findings_in_the_queue():
    docs = [
        _row(id="fine", failed_checks=0, einvoice_rule_findings=0),
        _row(id="xml", failed_checks=0, einvoice_rule_findings=38),
        _row(id="values", failed_checks=2, einvoice_rule_findings=0),
    ]
    assert [d["id"] for d in sort_by_attention(docs)] == ["values", "xml", "fine"]


def test_the_queue_page_shows_both(make_app, fake):
    fake.documents[DOC_B].update(validation_errors=40, failed_checks=2, einvoice_rule_findings=38)
    at = make_app(page=QUEUE)
    table = at.dataframe[0].value
    reasons = dict(zip(table["document"], table["needs attention"], strict=True))
    assert reasons["clean.pdf"] == "2 failed checks, 38 EN 16931 findings in the XML"
