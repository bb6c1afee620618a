"""A project's own expectations: checked against GX before being accepted, then run as the `custom` suite."""

from __future__ import annotations

import pytest

from expectations.custom import check_custom_expectations
from expectations.runner import validate_batch
from ocr_tasks.errors import InvalidExpectation
from tests.expectations.invoices import make_invoice

MAX_TOTAL = {
    "type": "expect_column_values_to_be_between",
    "kwargs": {"column": "total", "max_value": 500},
    "description": "Invoices of this project stay under 500.",
    "severity": "warning",
}
VENDORS = {
    "type": "expect_column_values_to_be_in_set",
    "kwargs": {"column": "vendor_name", "value_set": ["Acme"]},
}


def test_valid_configurations_come_back_canonical():
    checked = check_custom_expectations([MAX_TOTAL, VENDORS])
    assert [c["type"] for c in checked] == [MAX_TOTAL["type"], VENDORS["type"]]
    assert checked[0]["severity"] == "warning" and checked[1]["severity"] == "critical"
    assert checked[1]["kwargs"] == VENDORS["kwargs"]


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        ({"type": "expect_column_values_to_be_purple", "kwargs": {"column": "total"}}, ["#2", "purple"]),
        ({"type": "expect_column_values_to_be_between", "kwargs": {"max_value": 3}}, ["#2", "column"]),
        (
            {"type": "expect_column_values_to_be_between", "kwargs": {"column": "colour", "max_value": 3}},
            ["#2", "unknown column", "colour"],
        ),
        (
            {"type": "expect_column_mean_to_be_between", "kwargs": {"column": "total", "max_value": 3}},
            ["#2", "row-level"],
        ),
        ({"kwargs": {"column": "total"}}, ["#2", '"type"']),
        (
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "total"}, "colour": 1},
            ["unknown keys"],
        ),
        ("expect_column_values_to_not_be_null", ["#2", "JSON object"]),
    ],
)
def test_a_bad_entry_is_refused_with_a_message_naming_it(entry, words):
    with pytest.raises(InvalidExpectation) as caught:
        check_custom_expectations([MAX_TOTAL, entry])
    error = caught.value
    assert error.code == "invalid_expectation" and error.http_status == 400
    assert error.detail["index"] == 1
    for word in words:
        assert word in error.message


def test_not_a_list_is_refused():
    with pytest.raises(InvalidExpectation, match="JSON list"):
        check_custom_expectations({"type": "expect_column_values_to_not_be_null"})


def test_custom_suite_runs_per_document(settings):
    invoices = {
        "small": make_invoice(),
        "large": make_invoice(
            {"subtotal": "1000.00", "tax_amount": "60.00", "total": "1060.00", "amount_due": None},
            items=({"description": "Server", "quantity": "1", "unit_price": "1000.00", "amount": "1000.00"},),
        ),
    }
    reports = validate_batch(invoices, settings=settings, custom_expectations=[MAX_TOTAL])
    custom = {doc: next(r for r in reps if r.suite == "custom") for doc, reps in reports.items()}
    assert custom["small"].failed == ()
    (failed,) = custom["large"].failed
    assert failed.description == "Invoices of this project stay under 500."
    assert failed.severity == "warning" and failed.unexpected_values == (1060.0,)
    assert [r.suite for r in reports["large"]] == ["invoice_fields", "line_items", "custom"]


def test_bad_custom_expectation_stops_the_run_before_validation(settings):
    with pytest.raises(InvalidExpectation):
        validate_batch(
            {"a": make_invoice()}, settings=settings, custom_expectations=[{"type": "nope", "kwargs": {}}]
        )


def test_empty_batch_gives_no_reports(settings):
    assert validate_batch({}, settings=settings) == {}
