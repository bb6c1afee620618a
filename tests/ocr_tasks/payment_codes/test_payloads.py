"""Payment QR payloads: Swiss QR-bills (SPC, written by the `qrbill` package), EPC GiroCodes (BCD, written by
`segno.helpers`), and payloads that are malformed or hostile, each rejected with its reason."""

from __future__ import annotations

import pytest
from qrbill import QRBill
from segno import helpers

from ocr_tasks.payment_codes import PaymentCode, PaymentCodeRejected, parse_payment_code
from ocr_tasks.payment_codes.payloads import swico_bill_information

CREDITOR = {
    "name": "Holzbau Aebischer AG",
    "line1": "Industriestrasse 14",
    "line2": "3186 Düdingen",
    "country": "CH",
}


def spc(**changes) -> str:
    data = {
        "account": "CH44 3199 9123 0008 8901 2",
        "creditor": CREDITOR,
        "amount": "2178.22",
        "currency": "CHF",
        "reference_number": "210000000003139471430009017",
        "additional_information": "Rechnung R-2025-0417",
        "billing_information": "//S1/10/R-2025\\/0417/11/250312/30/109322551/32/8.1",
    }
    data.update(changes)
    return QRBill(**data).qr_data()


def epc_payload(**changes) -> str:
    data = {
        "name": "Druckerei Feldmann GmbH",
        "iban": "DE89370400440532013000",
        "amount": 999.48,
        "text": "Rechnung 2025-1107",
        "bic": "COBADEFFXXX",
        "encoding": "utf-8",
    }
    data.update(changes)
    return helpers._make_epc_qr_data(**data).decode("utf-8")


def test_a_swiss_qr_bill_states_account_amount_creditor_and_the_swico_invoice_number_and_date():
    code = parse_payment_code(spc())
    assert (code.kind, code.iban, code.amount, code.currency) == (
        "spc",
        "CH4431999123000889012",
        "2178.22",
        "CHF",
    )
    assert code.creditor_name == "Holzbau Aebischer AG" and code.creditor_country == "CH"
    assert (code.reference_type, code.reference) == ("QRR", "210000000003139471430009017")
    assert code.message == "Rechnung R-2025-0417"
    assert (code.invoice_number, code.invoice_date, code.vat_number) == (
        "R-2025/0417",
        "2025-03-12",
        "109322551",
    )
    assert PaymentCode.from_dict(code.to_dict()) == code


def test_a_qr_bill_without_amount_or_reference_and_in_euros():
    code = parse_payment_code(
        spc(
            account="CH56 0483 5012 3456 7800 9",
            amount=None,
            currency="EUR",
            reference_number=None,
            billing_information=None,
        )
    )
    assert (code.amount, code.currency, code.reference_type, code.reference) == (None, "EUR", "NON", None)
    assert code.invoice_number is None


def test_a_creditor_reference_with_a_plain_iban():
    code = parse_payment_code(spc(account="CH93 0076 2011 6238 5295 7", reference_number="RF18539007547034"))
    assert (code.reference_type, code.reference) == ("SCOR", "RF18539007547034")


@pytest.mark.parametrize("version", ["001", "002"])
def test_an_epc_girocode_states_beneficiary_iban_amount_and_remittance(version):
    payload = epc_payload().replace("BCD\n002", f"BCD\n{version}", 1)
    code = parse_payment_code(payload)
    assert (code.kind, code.iban, code.amount, code.currency, code.bic) == (
        "epc",
        "DE89370400440532013000",
        "999.48",
        "EUR",
        "COBADEFFXXX",
    )
    assert code.creditor_name == "Druckerei Feldmann GmbH" and code.message == "Rechnung 2025-1107"


def test_an_epc_code_with_a_structured_creditor_reference_and_no_amount():
    payload = epc_payload(
        text=None,
        reference="RF18539007547034",
        bic="BBRUBEBB",
        iban="BE68539007547034",
        name="Menuiserie Lambert SRL",
    )
    code = parse_payment_code(_with_line(payload, 7, ""))  # the amount left for the payer to fill in
    assert (code.amount, code.reference_type, code.reference, code.message) == (
        None,
        "SCOR",
        "RF18539007547034",
        None,
    )


def test_swico_bill_information_with_escaped_slashes_and_other_syntaxes():
    assert swico_bill_information("//S1/10/10201409/11/190512/20/1400.000-53/30/106017086") == {
        "10": "10201409",
        "11": "190512",
        "20": "1400.000-53",
        "30": "106017086",
    }
    assert swico_bill_information("//S1/10/X.66711\\/8824/11/200712")["10"] == "X.66711/8824"
    assert swico_bill_information("//XY/10/1") == {}
    assert swico_bill_information("//S1/10") == {}  # a tag without its value: no structured information


def _lines(payload: str) -> list[str]:
    return payload.split("\r\n") if "\r\n" in payload else payload.split("\n")


def _with_line(payload: str, index: int, value: str) -> str:
    lines = _lines(payload)
    lines[index] = value
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ("https://example.com/pay", "not_a_payment_code"),
        ("", "not_a_payment_code"),
        (_with_line(spc(), 3, "CH4431999123000889013"), "bad_iban"),  # a check digit wrong
        (_with_line(spc(), 3, "DE89370400440532013000"), "bad_iban"),  # a QR-bill pays to CH/LI accounts only
        (_with_line(spc(), 18, "12,50"), "bad_amount"),
        (_with_line(spc(), 18, "1e3"), "bad_amount"),
        (_with_line(spc(), 18, "1000000000.00"), "bad_amount"),
        (_with_line(spc(), 19, "USD"), "bad_currency"),
        (_with_line(spc(), 28, "210000000003139471430009018"), "bad_reference"),  # mod 10 check fails
        (_with_line(spc(), 27, "SCOR"), "bad_reference"),  # a QR-IBAN needs a QR reference
        (_with_line(spc(), 1, "0100"), "unsupported_version"),
        (_with_line(spc(), 30, "END"), "field_count"),
        ("\n".join(_lines(spc())[:20]), "field_count"),
        (spc() + "\n" + "\n".join(["x"] * 10), "field_count"),
        (_with_line(spc(), 5, "A" * 71), "field_too_long"),
        (spc() + "x" * 1000, "too_long"),
        (_with_line(spc(), 5, "Evil\x1b[2J AG"), "forbidden_character"),  # a terminal escape
        (_with_line(spc(), 5, "Nul\x00 AG"), "forbidden_character"),
        (_with_line(epc_payload(), 6, "DE89370400440532013001"), "bad_iban"),
        (_with_line(epc_payload(), 7, "USD12.00"), "bad_currency"),
        (_with_line(epc_payload(), 7, "EUR0.00"), "bad_amount"),
        (_with_line(epc_payload(), 1, "003"), "unsupported_version"),
        (_with_line(epc_payload(), 3, "XYZ"), "bad_field"),
        (_with_line(epc_payload(), 4, "NOT A BIC"), "bad_field"),
        (_with_line(epc_payload(), 5, ""), "bad_field"),
        (epc_payload() + "\n" + "y" * 300, "too_long"),
        ("BCD\n002\n1\nSCT", "field_count"),
    ],
)
def test_malformed_and_hostile_payloads_are_rejected_with_a_reason(payload, reason):
    with pytest.raises(PaymentCodeRejected) as caught:
        parse_payment_code(payload)
    assert caught.value.reason == reason


def test_a_version_001_epc_code_needs_its_bic():
    payload = _with_line(epc_payload().replace("BCD\n002", "BCD\n001", 1), 4, "")
    with pytest.raises(PaymentCodeRejected, match="bad_field"):
        parse_payment_code(payload)
    assert parse_payment_code(_with_line(epc_payload(), 4, "")).bic is None  # optional in 002


def test_text_that_merely_starts_like_a_code_never_crashes():
    for junk in ("SPC", "SPC\n" * 40, "BCD\n" * 12, "SPC\r\n0200\r\n1\r\n" + "\r\n" * 40, "BCD" + "\n" * 11):
        with pytest.raises(PaymentCodeRejected):
            parse_payment_code(junk)
