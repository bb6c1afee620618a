"""How a payment code's statements weigh against the chosen candidates (`extraction.payment_evidence`)."""

from __future__ import annotations

from ocr_tasks.extraction.candidates import Candidate
from ocr_tasks.extraction.payment_evidence import apply_payment_codes, code_statements, currency_from_code
from ocr_tasks.geometry import BBox
from ocr_tasks.invoice_types import FieldValue
from ocr_tasks.payment_codes import PaymentCode

CODE_BOX = BBox(0.3, 0.7, 0.5, 0.86)
CODE = PaymentCode(
    kind="spc",
    iban="CH4431999123000889012",
    currency="CHF",
    amount="2178.22",
    creditor_name="Holzbau Aebischer AG",
    invoice_number="R-2025-0417",
    invoice_date="2025-03-12",
    bbox=CODE_BOX,
)


def cand(field, value, *, score=1.0, confidence=0.8, y=0.1):
    return Candidate(
        field, value, value, 0, BBox(0.1, y, 0.3, y + 0.02), 0.95, score=score, confidence=confidence
    )


def test_agreement_raises_the_confidence_and_keeps_the_printed_box():
    iban = cand("iban", "CH44 3199 9123 0008 8901 2")
    chosen = {"iban": iban}
    record = apply_payment_codes(chosen, {"iban": [iban]}, [CODE])
    assert chosen["iban"] is iban and iban.confidence == 0.98 and iban.bbox.y0 == 0.1
    assert record["fields"]["iban"] == "confirmed" and record["conflicts"] == []


def test_a_lower_printed_candidate_with_the_codes_value_is_chosen():
    wrong, right = cand("amount_due", "2015.00", score=2.0), cand("amount_due", "2178.22", score=1.0, y=0.5)
    chosen = {"amount_due": wrong}
    record = apply_payment_codes(chosen, {"amount_due": [wrong, right]}, [CODE])
    assert chosen["amount_due"] is right and right.confidence == 0.98
    assert record["fields"]["amount_due"] == "corrected"
    assert record["conflicts"] == [{"field": "amount_due", "page": "2015.00", "code": "2178.22"}]


def test_the_code_fills_what_the_page_does_not_give_boxed_on_the_code():
    chosen = {}
    record = apply_payment_codes(chosen, {}, [CODE])
    assert {n: c.value for n, c in chosen.items()} == {
        "iban": "CH4431999123000889012",
        "amount_due": "2178.22",
        "vendor_name": "Holzbau Aebischer AG",
        "invoice_number": "R-2025-0417",
        "invoice_date": "2025-03-12",
    }
    assert all(c.bbox == CODE_BOX and c.confidence == 0.9 for c in chosen.values())
    assert set(record["fields"].values()) == {"from_code"}


def test_an_unsure_printed_name_yields_a_sure_one_stays():
    unsure = cand("vendor_name", "a Sa ee", confidence=0.3)
    chosen = {"vendor_name": unsure}
    assert (
        apply_payment_codes(chosen, {"vendor_name": [unsure]}, [CODE])["fields"]["vendor_name"]
        == "code_over_page"
    )
    assert chosen["vendor_name"].value == "Holzbau Aebischer AG"
    sure = cand("vendor_name", "Aebischer Holzbau", confidence=0.9)
    chosen = {"vendor_name": sure}
    assert (
        apply_payment_codes(chosen, {"vendor_name": [sure]}, [CODE])["fields"]["vendor_name"]
        == "page_over_code"
    )
    assert chosen["vendor_name"] is sure


def test_codes_that_disagree_state_only_what_they_share_and_no_code_changes_nothing():
    other = PaymentCode(
        kind="spc", iban=CODE.iban, currency="CHF", amount="1000.00", creditor_name=CODE.creditor_name
    )
    _, statements = code_statements([CODE, other])
    assert "amount_due" not in statements and statements["iban"] == CODE.iban
    chosen = {"iban": cand("iban", "DE89370400440532013000")}
    assert apply_payment_codes(chosen, {}, []) is None and chosen["iban"].value == "DE89370400440532013000"


def test_the_currency_the_code_states():
    record = {"fields": {}, "conflicts": []}
    printed = FieldValue("currency", "EUR", "€", 0.7)
    currency = currency_from_code(printed, [CODE], record)
    assert (currency.value, currency.confidence, currency.bbox) == ("CHF", 0.55, CODE_BOX)
    assert record["conflicts"] == [{"field": "currency", "page": "EUR", "code": "CHF"}]
    assert currency_from_code(FieldValue("currency", "CHF", "CHF", 0.7), [CODE], record).confidence == 0.98
