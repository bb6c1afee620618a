"""The overview lists the checks failing on most documents waiting for review, with examples."""

from __future__ import annotations

from tests.dashboard.rendered import texts

OVERVIEW = "views/overview.py"


def test_the_overview_lists_failed_checks_with_how_many_documents_and_examples(make_app, fake):
    fake.summary["failed_checks"].append(
        {
            "suite": "en16931",
            "check": "An Invoice shall contain the Buyer name (BT-44).",
            "severity": "error",
            "documents": 7,
            "document_names": ["a.pdf", "b.pdf", "c.pdf", "d.pdf", "e.pdf"],
        }
    )
    at = make_app(page=OVERVIEW)
    assert "Failed checks" in texts(at)
    (table,) = [d.value for d in at.dataframe if "for example" in d.value.columns]
    assert list(table["documents"]) == [1, 7]
    assert table["check"][1] == "An Invoice shall contain the Buyer name (BT-44)."
    assert table["for example"][1] == "a.pdf, b.pdf, c.pdf, d.pdf, e.pdf"
    assert not at.exception


def test_no_failed_check_says_so(make_app, fake):
    fake.summary["failed_checks"] = []
    at = make_app(page=OVERVIEW)
    assert "No check fails on the documents waiting for review." in texts(at)
