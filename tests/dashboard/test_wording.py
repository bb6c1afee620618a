"""Validation outcomes and anomalies worded for an accounts-payable clerk: from the kind of check and the
document's own values, never raw dicts or "Observed/Unexpected". The outcomes below are as the API serves
them (copied from a run of the pipeline over corpus documents; see expectations/runner.py)."""

from __future__ import annotations

import pytest

from dashboard.wording import (
    FAILED,
    NOT_APPLICABLE,
    PASSED,
    WARNING,
    DocumentValues,
    anomaly_sentence,
    anomaly_text,
    identifier_text,
    outcome_sentence,
    validation_sentences,
)

PAIR = "expect_column_pair_values_a_to_be_greater_than_b"
BETWEEN = "expect_column_values_to_be_between"
NOT_NULL = "expect_column_values_to_not_be_null"

ARITHMETIC = {
    "expectation": PAIR,
    "description": "Subtotal plus tax equals the total (within 0.01 per line plus rounding).",
    "success": False,
    "severity": "error",
    "fields": ["subtotal", "tax_amount", "total"],
    "observed_value": {"arithmetic_tolerance": 0.015, "arithmetic_gap": 18.0},
    "unexpected_values": [{"arithmetic_tolerance": 0.015, "arithmetic_gap": 18.0}],
}
ZERO_TOTAL = {
    "expectation": BETWEEN,
    "description": "The total is greater than zero.",
    "success": False,
    "severity": "error",
    "fields": ["total"],
    "observed_value": 0.0,
    "unexpected_values": [0.0],
}
LOW_CONFIDENCE = {
    "expectation": BETWEEN,
    "description": "The total was read with confidence of at least 0.6, else it needs review.",
    "success": False,
    "severity": "warning",
    "fields": ["total"],
    "observed_value": 0.4832,
    "unexpected_values": [0.4832],
}
NO_ITEMS = {
    "expectation": NOT_NULL,
    "description": "Every line item has an amount.",
    "success": True,
    "severity": "warning",
    "fields": ["line_items.amount"],
    "observed_value": "not applicable",
    "unexpected_values": [],
}
INVOICE = DocumentValues({"subtotal": "120.00", "tax_amount": "22.80", "total": "124.80"})


def _raw(sentence: str) -> bool:
    """Developer output: a dict or list dump, column names, or the old Observed/Unexpected pair."""
    return any(mark in sentence for mark in ("{", "[", "_gap", "_tolerance", "Observed", "Unexpected"))


def test_arithmetic_is_written_out_with_the_documents_amounts():
    sentence = outcome_sentence(ARITHMETIC, INVOICE)
    assert sentence == "Failed: Subtotal 120.00 + tax 22.80 = 142.80, but the total reads 124.80."
    # without the document's values (e.g. the overview): the difference, still no raw dict
    assert outcome_sentence(ARITHMETIC) == "Failed: Subtotal plus tax differs from the total by 18.00."


def test_a_zero_or_negative_total():
    assert outcome_sentence(ZERO_TOTAL) == "Failed: The total is 0.00; it must be greater than zero."
    credit_note = {**ZERO_TOTAL, "observed_value": -1675.0, "unexpected_values": [-1675.0]}
    assert outcome_sentence(credit_note) == "Failed: The total is -1,675.00; it must be greater than zero."


def test_low_confidence_is_a_warning_to_compare_with_the_page():
    assert outcome_sentence(LOW_CONFIDENCE, DocumentValues({"total": "80.90"})) == (
        "Warning: The total “80.90” was read with confidence 0.48 (below 0.60): compare it with the page."
    )


def test_line_item_checks_without_line_items_are_not_applicable():
    assert outcome_sentence(NO_ITEMS) == (
        "Not applicable: Every line item has an amount — the document has no line items."
    )
    with_items = DocumentValues({}, [{"description": "Coffee", "amount": None}])
    assert outcome_sentence(NO_ITEMS, with_items).endswith("— the line items lack the values it needs.")
    unread = {
        **ARITHMETIC,
        "success": True,
        "observed_value": "not applicable",
        "unexpected_values": [],
    }
    assert outcome_sentence(unread, DocumentValues({"total": "124.80"})) == (
        "Not applicable: Subtotal plus tax equals the total (within 0.01 per line plus rounding) — "
        "the subtotal and tax were not found."
    )
    passed = {**NO_ITEMS, "observed_value": 9.0}
    assert outcome_sentence(passed) == "Passed: Every line item has an amount."


@pytest.mark.parametrize(
    ("outcome", "doc", "expected"),
    [
        (
            {
                "expectation": PAIR,
                "fields": ["amount_due", "total"],
                "observed_value": {"total": 80.9, "amount_due": 80.91},
            },
            DocumentValues(),
            "Failed: The amount due 80.91 is more than the total 80.90.",
        ),
        (  # a credit note's amounts compared by magnitude (expectations/frames.py)
            {
                "expectation": PAIR,
                "fields": ["amount_due", "total"],
                "observed_value": {
                    "total_or_credit_magnitude": 80.9,
                    "amount_due_or_credit_magnitude": 80.91,
                },
            },
            DocumentValues(),
            "Failed: The amount due 80.91 is more than the total 80.90.",
        ),
        (
            {
                "expectation": PAIR,
                "fields": ["line_items.quantity", "line_items.unit_price", "line_items.amount"],
                "observed_value": [{"line_tolerance": 0.015, "line_gap": 0.5}],
                "unexpected_values": [{"line_tolerance": 0.015, "line_gap": 0.5}],
            },
            DocumentValues(
                {},
                [
                    {"description": "Coffee", "quantity": "1", "unit_price": "4.50", "amount": "4.50"},
                    {"description": "Tea", "quantity": "2", "unit_price": "1.50", "amount": "3.50"},
                ],
            ),
            "Failed: Line 2 (Tea): 2 × 1.50 = 3.00, but the amount reads 3.50.",
        ),
        (
            {
                "expectation": PAIR,
                "fields": ["line_items.amount", "subtotal"],
                "observed_value": {"items_sum_tolerance": 0.015, "items_sum_gap": 0.51},
            },
            DocumentValues({"subtotal": "8.49"}, [{"amount": "9.00"}]),
            "Failed: The line items add up to 9.00, but the subtotal reads 8.49.",
        ),
        (
            {"expectation": NOT_NULL, "fields": ["invoice_number"], "observed_value": None},
            DocumentValues(),
            "Failed: The invoice number was not found on the document: type it in from the page.",
        ),
        (
            {
                "expectation": BETWEEN,
                "description": "The invoice date is not older than 10 years.",
                "fields": ["invoice_date"],
                "observed_value": 4607.0,
            },
            DocumentValues({"invoice_date": "2014-04-19"}),
            "Failed: The invoice date 2014-04-19 is 12.6 years old, more than the 10 years allowed.",
        ),
        (
            {
                "expectation": BETWEEN,
                "description": "The invoice date is not in the future.",
                "fields": ["invoice_date"],
                "observed_value": -30.0,
            },
            DocumentValues({"invoice_date": "2026-12-29"}),
            "Failed: The invoice date 2026-12-29 is 30 days in the future.",
        ),
        (
            {
                "expectation": "expect_column_values_to_be_in_set",
                "fields": ["currency"],
                "observed_value": "RM",
            },
            DocumentValues({"currency": "RM"}),
            "Failed: The currency reads “RM”, which is not a currency code (such as EUR, USD or MYR).",
        ),
    ],
)
def test_each_kind_of_check_has_its_sentence(outcome, doc, expected):
    outcome = {"description": "A check.", "success": False, "severity": "error", **outcome}
    assert outcome_sentence(outcome, doc) == expected


def test_project_expectations_and_unknown_checks_never_show_raw_values():
    custom = {
        "expectation": PAIR,
        "description": "The amount due is at most the subtotal.",
        "success": False,
        "severity": "warning",
        "fields": ["amount_due", "subtotal"],
        "observed_value": {"subtotal": 100.0, "amount_due": 120.5},
        "unexpected_values": [{"subtotal": 100.0, "amount_due": 120.5}],
    }
    sentence = outcome_sentence(custom, suite="custom")
    assert sentence == (
        "Warning: The amount due is at most the subtotal. Found instead: subtotal 100, amount due 120.50."
    )
    crashed = {**custom, "observed_value": {"error": "column missing"}, "unexpected_values": []}
    assert "could not run (column missing)" in outcome_sentence(crashed, suite="custom")
    for outcome in (ARITHMETIC, ZERO_TOTAL, LOW_CONFIDENCE, NO_ITEMS, custom, crashed):
        assert not _raw(outcome_sentence(outcome, INVOICE, "custom" if outcome is custom else ""))


def test_sentences_come_failures_first_then_warnings_not_applicable_and_passed():
    reports = [
        {
            "suite": "invoice_fields",
            "outcomes": [{**ZERO_TOTAL, "success": True}, LOW_CONFIDENCE, ZERO_TOTAL],
        },
        {"suite": "line_items", "outcomes": [NO_ITEMS]},
    ]
    states = [state for state, _ in validation_sentences(reports, INVOICE)]
    assert states == [FAILED, WARNING, NOT_APPLICABLE, PASSED]


def test_anomalies_are_worded_from_their_evidence():
    arithmetic = {
        "kind": "arithmetic_mismatch",
        "severity": "warning",
        "score": 0.6,
        "explanation": "The amounts do not add up; failed checks: Subtotal plus tax equals the total "
        "(within 0.01 per line plus rounding) (off by 18.00).",
        "evidence": {
            "failed": [
                {
                    "description": "Subtotal plus tax equals the total (within 0.01 per line plus rounding).",
                    "observed": {"arithmetic_tolerance": 0.015, "arithmetic_gap": 18.0},
                }
            ]
        },
    }
    assert (
        anomaly_text(arithmetic, INVOICE)
        == "Subtotal 120.00 + tax 22.80 = 142.80, but the total reads 124.80."
    )
    assert anomaly_sentence(arithmetic, INVOICE) == (
        ":orange[:material/warning:] **Amounts do not add up** (warning, score 0.60): "
        "Subtotal 120.00 + tax 22.80 = 142.80, but the total reads 124.80."
    )
    assert anomaly_sentence(arithmetic, document_name="a.pdf").startswith(
        ":orange[:material/warning:] **a.pdf** · **Amounts do not add up**"
    )
    outlier = {
        "kind": "outlier",
        "severity": "warning",
        "score": 0.7,
        "explanation": "Unusual for this project: total 4,904.94 is 9.8x the vendor's median 500.00 "
        "(robust z +6.1).",
        "evidence": {"features": {"total_vs_vendor_median": 6.1}},
    }
    assert (
        anomaly_text(outlier)
        == "Unusual for this project: total 4,904.94 is 9.8x the vendor's median 500.00."
    )


def test_an_einvoice_mismatch_has_a_title_a_clerk_reads():
    mismatch = {
        "kind": "einvoice_mismatch",
        "severity": "error",
        "score": 0.9,
        "explanation": "The e-invoice's page disagrees with its XML: the total is 12.50 in the XML but "
        "21.50 on the page.",
        "evidence": {"mismatches": [{"field": "total", "xml": "12.50", "page": "21.50"}]},
    }
    sentence = anomaly_sentence(mismatch)
    assert "**Page and e-invoice XML disagree**" in sentence and "21.50 on the page" in sentence


def test_identifier_text_shows_letterheads_by_their_first_words():
    assert identifier_text("head:aeon co m bhd") == "letterhead: aeon co m bhd"
    assert identifier_text("head:a b c d e f g h") == "letterhead: a b c d e f …"
    assert identifier_text("vat:DE136695976") == "vat:DE136695976"
    assert identifier_text("name:head office supplies") == "name:head office supplies"
