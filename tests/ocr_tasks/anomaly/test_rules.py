"""Each rule fires on its case and stays silent on a near miss (through the public `score_anomalies`)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ocr_tasks.anomaly import AnomalySettings, score_anomalies
from ocr_tasks.result_types import ExpectationOutcome, ValidationReport
from tests.ocr_tasks.anomaly.records import FRIDAY, TODAY, history, rec

RULES_ONLY = AnomalySettings(today=TODAY, min_history=10_000)
PAST = history(vendors=2, per_vendor=12)  # 24 invoices: enough for "new vendor" (20), too few for a model


def found(batch, past=PAST, settings=RULES_ONLY, **kwargs):
    """{document id: {kind: anomaly}} for the batch."""
    result = score_anomalies(batch, past, settings=settings, **kwargs)
    return {doc: {a.kind: a for a in anomalies} for doc, anomalies in result.items()}


def kinds_of(record, past=PAST, **kwargs):
    return set(found([record], past, **kwargs)[record.document_id]) - {"rules_only", "new_vendor"}


def test_clean_invoice_gets_no_rule_anomaly():
    assert kinds_of(rec("clean")) == set()


def test_exact_duplicate_same_file_even_within_one_batch():
    first, copy = rec("a"), rec("b", sha256=rec("a").sha256)
    result = found([first, copy])
    assert "exact_duplicate" not in result["a"]
    anomaly = result["b"]["exact_duplicate"]
    assert anomaly.related_document_ids == ("a",) and anomaly.severity == "error" and anomaly.score == 1.0
    assert "duplicate_invoice" not in result["b"], "one duplicate finding per document, the strongest"


def test_exact_duplicate_near_miss_other_file_other_number():
    assert "exact_duplicate" not in kinds_of(rec("b", total="50.37"), [*PAST, rec("a")])


def test_duplicate_invoice_normalised_vendor_and_number():
    original = rec("a", vendor_name="ACME TRADING SDN. BHD.", invoice_number="INV 0042")
    again = rec(
        "b", vendor_name="Acme Trading Sdn Bhd", invoice_number="inv0042", total="999.37", subtotal=None
    )
    anomaly = found([again], [*PAST, original])["b"]["duplicate_invoice"]
    assert anomaly.related_document_ids == ("a",)
    assert "inv0042" in anomaly.explanation and "a" in anomaly.explanation


def test_duplicate_invoice_near_miss_same_number_other_vendor():
    original = rec("a", vendor_name="Borneo Paper Sdn Bhd", invoice_number="INV 0042")
    assert "duplicate_invoice" not in kinds_of(rec("b", invoice_number="INV0042"), [*PAST, original])


def test_fuzzy_duplicate_ocr_confusion_same_total_close_dates():
    original = rec("a", invoice_number="INV-1023")
    again = rec("b", invoice_number="lNV.1O23", invoice_date=(FRIDAY + timedelta(days=3)).isoformat())
    anomaly = found([again], [*PAST, original])["b"]["fuzzy_duplicate"]
    assert anomaly.related_document_ids == ("a",)
    assert "'lNV.1O23'" in anomaly.explanation and "'INV-1023'" in anomaly.explanation


@pytest.mark.parametrize(
    "change",
    [
        {"total": "107.37", "subtotal": None},  # another total
        {"invoice_date": (FRIDAY + timedelta(days=45)).isoformat()},  # too far apart
        {"invoice_number": "INV-1024"},  # really another number
    ],
)
def test_fuzzy_duplicate_near_misses(change):
    original = rec("a", invoice_number="INV-1023")
    again = rec("b", **{"invoice_number": "INV-1O23", **change})
    assert "fuzzy_duplicate" not in kinds_of(again, [*PAST, original])


def test_arithmetic_mismatch_recomputed_without_validation():
    anomaly = found([rec("x", total="116.37")])["x"]["arithmetic_mismatch"]
    assert "106.37" in anomaly.explanation and "116.37" in anomaly.explanation
    assert "arithmetic_mismatch" not in kinds_of(rec("y", total="106.38"))  # within the cent


def test_arithmetic_mismatch_from_validation_reports():
    def report(doc, fields, success, expectation="expect_column_pair_values_a_to_be_greater_than_b"):
        outcome = ExpectationOutcome(
            expectation,
            "Sums hold.",
            success,
            fields=fields,
            observed_value={"arithmetic_gap": 4.0},
        )
        return {doc: (ValidationReport(doc, "invoice_fields", (outcome,)),)}

    bad = report("x", ("subtotal", "tax_amount", "total"), False)
    anomaly = found([rec("x")], validation=bad)["x"]["arithmetic_mismatch"]
    assert "Sums hold (off by 4.00)" in anomaly.explanation
    assert (anomaly.severity, anomaly.score) == ("warning", 0.6)
    other = report("x", ("total",), False)  # a failed check that is not arithmetic
    assert "arithmetic_mismatch" not in found([rec("x", total="116.37")], validation=other)["x"]
    # only the items disagree with a header that adds up: shown, as a note that holds nothing back
    items = report("x", ("line_items.amount", "subtotal", "total"), False)
    note = found([rec("x")], validation=items)["x"]["arithmetic_mismatch"]
    assert (note.severity, note.score) == ("info", 0.3)
    # the line-sign warning names the line fields but adds nothing up: no "amounts do not add up"
    sign = report(
        "x",
        ("line_items.quantity", "line_items.unit_price", "line_items.amount"),
        False,
        expectation="expect_column_values_to_be_in_set",
    )
    assert "arithmetic_mismatch" not in found([rec("x")], validation=sign)["x"]
    both = {"x": bad["x"] + items["x"]}
    assert found([rec("x")], validation=both)["x"]["arithmetic_mismatch"].severity == "warning"


def test_future_date_and_its_near_miss_today():
    assert "future_date" in kinds_of(rec("f", invoice_date=(TODAY + timedelta(days=1)).isoformat()))
    assert "future_date" not in kinds_of(rec("t", invoice_date=TODAY.isoformat()))


def test_weekend_date_and_its_near_miss_friday():
    anomaly = found([rec("s", invoice_date=(FRIDAY + timedelta(days=1)).isoformat())])["s"]["weekend_date"]
    assert "Saturday" in anomaly.explanation and anomaly.severity == "info"
    assert "weekend_date" not in kinds_of(rec("f", invoice_date=FRIDAY.isoformat()))


@pytest.mark.parametrize(("total", "fires"), [("1500.00", True), ("1500.50", False), ("400.00", False)])
def test_round_amount(total, fires):
    assert ("round_amount" in kinds_of(rec("r", total=total, subtotal=None))) is fires


@pytest.mark.parametrize(("total", "fires"), [("9650.12", True), ("10000.00", False), ("9400.12", False)])
def test_just_under_the_approval_threshold(total, fires):
    settings = AnomalySettings(
        today=TODAY, min_history=10_000, approval_threshold=10_000, near_threshold_fraction=0.05
    )
    assert (
        "near_approval_threshold" in kinds_of(rec("n", total=total, subtotal=None), settings=settings)
    ) is fires


def test_split_invoices_within_the_window():
    first = rec("p1", total="5500.37", subtotal=None)
    second = rec("p2", total="5400.37", subtotal=None, invoice_date=(FRIDAY + timedelta(days=3)).isoformat())
    result = found([first, second])
    assert "split_invoice" not in result["p1"]
    anomaly = result["p2"]["split_invoice"]
    assert anomaly.related_document_ids == ("p1",) and anomaly.evidence["combined_total"] == 10900.74


@pytest.mark.parametrize(
    "second",
    [
        {"total": "4400.37"},  # together under the threshold
        {"total": "5400.37", "invoice_date": (FRIDAY + timedelta(days=10)).isoformat()},  # outside the window
        {"total": "5400.37", "vendor_name": "Borneo Paper"},  # another vendor
    ],
)
def test_split_invoice_near_misses(second):
    first = rec("p1", total="5500.37", subtotal=None)
    later = rec(
        "p2", **{"subtotal": None, "invoice_date": (FRIDAY + timedelta(days=3)).isoformat(), **second}
    )
    assert "split_invoice" not in found([first, later])["p2"]


def test_new_vendor_needs_history_and_normalises_names():
    newcomer = rec("n", vendor_name="Orchid Florist")
    assert "new_vendor" in found([newcomer])["n"]
    assert "new_vendor" not in found([rec("k", vendor_name="VENDOR 1 LIMITED")])["k"]  # known: "Vendor 1 Ltd"
    assert "new_vendor" not in found([newcomer], past=PAST[:5])["n"]  # too little history to tell


def test_iban_changed_for_a_known_vendor():
    anomaly = found([rec("i", vendor_name="Vendor 0 Ltd", iban="GB33BUKB20201555555555")])["i"][
        "iban_changed"
    ]
    assert anomaly.severity == "error" and "DE00500105170648489890" in anomaly.explanation
    assert "iban_changed" not in kinds_of(
        rec("j", vendor_name="Vendor 0 Ltd", iban="de00 5001 0517 0648 4898 90")
    )
    assert "iban_changed" not in kinds_of(
        rec("k", vendor_name="Orchid Florist", iban="GB33BUKB20201555555555")
    )


def test_every_document_of_the_batch_has_a_key_and_says_rules_only():
    result = score_anomalies([rec("a"), rec("b")], PAST, settings=RULES_ONLY)
    assert set(result) == {"a", "b"}
    (note,) = [a for a in result["a"] if a.kind == "rules_only"]
    assert note.severity == "info" and note.score == 0.0 and "24 past invoices" in note.explanation


def test_batch_documents_found_in_the_history_are_not_compared_with_themselves():
    again = [rec("a"), rec("b", invoice_number="INV-other", total="50.37", subtotal=None)]
    result = found(again, past=[*PAST, *again])  # e.g. a rescore: the history holds the batch itself
    assert set(result["a"]) == {"rules_only", "new_vendor"}  # Acme is new to the history without the batch
    assert set(result["b"]) == {"rules_only"}
