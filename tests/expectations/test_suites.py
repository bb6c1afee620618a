"""Each expectation of the suites fails on a crafted bad invoice and passes on the good one (and on
edge cases just inside the limits). The whole table is validated in ONE batch, as the pipeline does."""

from __future__ import annotations

import pytest

from expectations.runner import validate_batch
from tests.expectations.invoices import make_invoice

ITEM_ARITHMETIC = (
    "Quantity times unit price equals the amount of each line item, after the line's discount when it "
    "has one (within 0.01 plus rounding)."
)
ITEMS_SUM = (
    "The line item amounts add up to the subtotal, or to the total when the items are priced with tax "
    "included (within 0.01 per line plus rounding)."
)

# case id -> (invoice, suite, the description of the ONLY expectation expected to fail in that suite)
BAD = {
    "no_vendor": (make_invoice({"vendor_name": None}), "invoice_fields", "The vendor name is present."),
    "no_number": (make_invoice({"invoice_number": None}), "invoice_fields", "The invoice number is present."),
    "no_date": (
        make_invoice({"invoice_date": None, "due_date": None}),
        "invoice_fields",
        "The invoice date is present.",
    ),
    "total_not_number": (
        make_invoice({"total": "1O6.00", "amount_due": None}),
        "invoice_fields",
        "The total is present and is a number.",
    ),
    "no_currency": (make_invoice({"currency": None}), "invoice_fields", "The currency is present."),
    "date_not_iso": (
        make_invoice({"invoice_date": "01/06/2026", "due_date": None}),
        "invoice_fields",
        "The invoice date is an ISO date (YYYY-MM-DD).",
    ),
    "due_not_iso": (
        make_invoice({"due_date": "2026-13-01"}),
        "invoice_fields",
        "The due date, when present, is an ISO date (YYYY-MM-DD).",
    ),
    "currency_unknown": (
        make_invoice({"currency": "EUX"}),
        "invoice_fields",
        "The currency is an ISO 4217 code.",
    ),
    "number_pattern": (
        make_invoice({"invoice_number": "#?? 42"}),
        "invoice_fields",
        "The invoice number is 1-40 letters, digits and separators (. / # _ : -),"
        " starting with a letter or digit.",
    ),
    "total_negative": (
        make_invoice({"total": "-5.00", "subtotal": None, "tax_amount": None, "amount_due": None}),
        "invoice_fields",
        "The total is greater than zero (a credit note's may be negative, but not zero).",
    ),
    "credit_zero_total": (
        make_invoice(
            {
                "document_type": "credit_note",
                "subtotal": "0.00",
                "tax_amount": "0.00",
                "total": "0.00",
                "amount_due": None,
            },
            items=(),
        ),
        "invoice_fields",
        "The total is greater than zero (a credit note's may be negative, but not zero).",
    ),
    "credit_mixed_signs": (
        make_invoice(
            {
                "document_type": "credit_note",
                "subtotal": "-100.00",
                "tax_amount": "6.00",
                "total": "-94.00",
                "amount_due": None,
            }
        ),
        "invoice_fields",
        "The subtotal, tax, total and amount due agree in sign (none is positive while another is negative).",
    ),
    "credit_due_over_total": (
        make_invoice(
            {
                "document_type": "credit_note",
                "subtotal": "-100.00",
                "tax_amount": "-6.00",
                "total": "-106.00",
                "amount_due": "-120.00",
            },
            items=(),
        ),
        "invoice_fields",
        "The amount due is not more than the total (a credit note's by magnitude).",
    ),
    "tax_rate_high": (
        make_invoice({"tax_rate": "45.00"}),
        "invoice_fields",
        "The tax rate is between 0 and 30 %.",
    ),
    "future_date": (
        make_invoice({"invoice_date": "2026-06-16", "due_date": None}),
        "invoice_fields",
        "The invoice date is not in the future.",
    ),
    "too_old": (
        make_invoice({"invoice_date": "2016-06-01", "due_date": None}),
        "invoice_fields",
        "The invoice date is not older than 10 years.",
    ),
    "due_before_date": (
        make_invoice({"due_date": "2026-05-31"}),
        "invoice_fields",
        "The due date is on or after the invoice date.",
    ),
    "sum_mismatch": (
        make_invoice({"total": "110.00", "amount_due": None}),
        "invoice_fields",
        "Subtotal plus tax equals the total (within 0.01 per line plus rounding).",
    ),
    "due_over_total": (
        make_invoice({"amount_due": "120.00"}),
        "invoice_fields",
        "The amount due is not more than the total (a credit note's by magnitude).",
    ),
    "item_without_amount": (
        make_invoice(
            {"subtotal": "50.00", "tax_amount": "3.00", "total": "53.00", "amount_due": None},
            items=(
                {"description": "Paper", "quantity": "2", "unit_price": "25.00", "amount": "50.00"},
                {"description": "Note", "quantity": None, "unit_price": None, "amount": None},
            ),
        ),
        "line_items",
        "Every line item has an amount.",
    ),
    "item_arithmetic": (
        make_invoice(
            items=(
                {"description": "Paper", "quantity": "2", "unit_price": "25.00", "amount": "55.00"},
                {"description": "Toner", "quantity": "1", "unit_price": "45.00", "amount": "45.00"},
            )
        ),
        "line_items",
        ITEM_ARITHMETIC,
    ),
    "items_sum": (
        make_invoice(
            items=({"description": "Paper", "quantity": "2", "unit_price": "25.00", "amount": "50.00"},)
        ),
        "line_items",
        ITEMS_SUM,
    ),
}
for _field, _label in [
    ("vendor_name", "vendor name"),
    ("invoice_number", "invoice number"),
    ("invoice_date", "invoice date"),
    ("total", "total"),
    ("currency", "currency"),
]:
    BAD[f"low_confidence_{_field}"] = (
        make_invoice(confidence={_field: 0.4}),
        "invoice_fields",
        f"The {_label} was read with confidence of at least 0.6, else it needs review.",
    )

GOOD = {
    "good": make_invoice(),
    # just inside every limit: gap 0.02 with two lines (tolerance 0.025), 30 % tax, dated today,
    # due the same day, 10 years old, amount due = total, confidence exactly at the threshold
    "edge_arithmetic": make_invoice({"total": "106.02", "amount_due": "106.02"}),
    "edge_tax": make_invoice({"tax_rate": "30.00"}),
    "edge_today": make_invoice({"invoice_date": "2026-06-15", "due_date": "2026-06-15"}),
    "edge_old": make_invoice({"invoice_date": "2016-06-16", "due_date": None}),
    "edge_confidence": make_invoice(confidence={"total": 0.6}),
    # a credit note printed negative with part of it already settled: -80.00 is not more than -106.00
    "credit_partly_settled": make_invoice(
        {
            "document_type": "credit_note",
            "subtotal": "-100.00",
            "tax_amount": "-6.00",
            "total": "-106.00",
            "amount_due": "-80.00",
        },
        items=(),
    ),
    # a credit note printed unsigned, and one printed negative (items unsigned except their amounts)
    "credit_positive": make_invoice({"document_type": "credit_note"}),
    "credit_negative": make_invoice(
        {
            "document_type": "credit_note",
            "subtotal": "-100.00",
            "tax_amount": "-6.00",
            "total": "-106.00",
            "amount_due": "-106.00",
        },
        items=(
            {"description": "Paper A4", "quantity": "2", "unit_price": "25.00", "amount": "-50.00"},
            {"description": "Toner", "quantity": "1", "unit_price": "50.00", "amount": "-50.00"},
        ),
    ),
    "no_optional_fields": make_invoice(
        {"due_date": None, "subtotal": None, "tax_amount": None, "tax_rate": None, "amount_due": None},
        items=(),
    ),
}


@pytest.fixture(scope="module")
def reports(settings):
    invoices = {name: case[0] for name, case in BAD.items()} | GOOD
    return validate_batch(invoices, settings=settings)


def _suite(reports, doc_id, suite):
    return next(r for r in reports[doc_id] if r.suite == suite)


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_invoice_fails_exactly_its_expectation(reports, case):
    _, suite, description = BAD[case]
    report = _suite(reports, case, suite)
    assert [o.description for o in report.failed] == [description]
    failed = report.failed[0]
    assert failed.unexpected_values, "the failing value is reported"
    assert failed.fields


@pytest.mark.parametrize("case", sorted(GOOD))
def test_good_invoice_passes_every_expectation(reports, case):
    for report in reports[case]:
        assert report.failed == (), [o.description for o in report.failed]
        assert report.success


def test_one_report_per_suite_and_every_expectation_reported(reports):
    assert set(reports) == set(BAD) | set(GOOD)
    for doc_reports in reports.values():
        assert [r.suite for r in doc_reports] == ["invoice_fields", "line_items"]
        assert len(doc_reports[0].outcomes) == 22 and len(doc_reports[1].outcomes) == 4


def test_outcome_carries_severity_observed_and_fields(reports):
    low = _suite(reports, "low_confidence_total", "invoice_fields").failed[0]
    assert low.severity == "warning" and low.observed_value == 0.4 and low.fields == ("total",)
    assert _suite(reports, "low_confidence_total", "invoice_fields").success  # warnings do not fail a report
    mismatch = _suite(reports, "sum_mismatch", "invoice_fields").failed[0]
    assert mismatch.severity == "error" and mismatch.fields == ("subtotal", "tax_amount", "total")
    assert mismatch.observed_value["arithmetic_gap"] == pytest.approx(4.0)
    assert not _suite(reports, "sum_mismatch", "invoice_fields").success
    currency = _suite(reports, "currency_unknown", "invoice_fields").failed[0]
    assert currency.unexpected_values == ("EUX",)
    assert currency.to_dict()["unexpected_values"] == ["EUX"]


def test_line_item_checks_are_not_applicable_without_line_items(reports):
    from expectations.runner import NOT_APPLICABLE

    without = _suite(reports, "no_optional_fields", "line_items")
    assert [(o.success, o.observed_value) for o in without.outcomes] == [(True, NOT_APPLICABLE)] * 4
    assert without.outcomes[0].to_dict()["observed_value"] == "not applicable"
    with_items = _suite(reports, "good", "line_items")
    assert NOT_APPLICABLE not in [o.observed_value for o in with_items.outcomes]
    fields = _suite(reports, "no_optional_fields", "invoice_fields")
    present = [o for o in fields.outcomes if o.expectation == "expect_column_values_to_not_be_null"]
    assert NOT_APPLICABLE not in [o.observed_value for o in present]  # presence is always checked


def test_checks_of_a_field_that_was_not_found_are_not_applicable(reports):
    from expectations.runner import NOT_APPLICABLE

    def not_applicable(case):
        return {
            o.description
            for o in _suite(reports, case, "invoice_fields").outcomes
            if o.observed_value == NOT_APPLICABLE
        }

    # no invoice number: its format and confidence are not checked; that it is present fails
    assert not_applicable("no_number") == {
        "The invoice number is 1-40 letters, digits and separators (. / # _ : -), "
        "starting with a letter or digit.",
        "The invoice number was read with confidence of at least 0.6, else it needs review.",
    }
    # a total that is no number: the range and arithmetic checks on it say so instead of passing
    assert {
        "The total is greater than zero (a credit note's may be negative, but not zero).",
        "The amount due is not more than the total (a credit note's by magnitude).",
    } <= not_applicable("total_not_number")
    assert not not_applicable("good")
    for case in ("no_number", "total_not_number"):
        for outcome in _suite(reports, case, "invoice_fields").outcomes:
            if outcome.observed_value == NOT_APPLICABLE:
                assert outcome.success and outcome.unexpected_values == ()


def test_line_item_failure_names_only_its_document(reports):
    failing = {doc for doc, reps in reports.items() if not _suite(reports, doc, "line_items").success}
    assert failing == {"item_arithmetic", "items_sum"}


def test_settings_change_the_limits(settings):
    from dataclasses import replace

    lenient = replace(settings, confidence_threshold=0.3, max_age_years=20)
    invoices = {"low": BAD["low_confidence_total"][0], "old": BAD["too_old"][0]}
    reports = validate_batch(invoices, settings=lenient)
    assert all(r.failed == () for reps in reports.values() for r in reps)
    descriptions = {o.description for o in reports["low"][0].outcomes}
    assert "The total was read with confidence of at least 0.3, else it needs review." in descriptions


def test_the_anomaly_rules_know_every_arithmetic_check(reports):
    """The arithmetic-mismatch anomaly picks the suites' sum checks by expectation type and fields
    (`ocr_tasks.anomaly.rules`, which may not import this package): every gap check of the suites is
    one of its field sets, each set is a check, and no other check shares the type and fields (the
    line-sign warning names the line fields but is no sum)."""
    from ocr_tasks.anomaly.rules import ARITHMETIC_EXPECTATION, ARITHMETIC_FIELD_SETS

    outcomes = [o for doc_reports in reports.values() for r in doc_reports for o in r.outcomes]
    gap_checks = {frozenset(o.fields) for o in outcomes if o.expectation == ARITHMETIC_EXPECTATION}
    assert gap_checks == ARITHMETIC_FIELD_SETS
    same_fields = [o for o in outcomes if frozenset(o.fields) in ARITHMETIC_FIELD_SETS]
    assert {o.expectation for o in same_fields} >= {
        ARITHMETIC_EXPECTATION,
        "expect_column_values_to_be_in_set",
    }
