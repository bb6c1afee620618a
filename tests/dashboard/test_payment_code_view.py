"""The review page's caption on a payment QR code: what it confirmed or gave, and what to check."""

from __future__ import annotations

from dashboard.payment_code_view import summary


def test_the_caption_names_confirmed_fields_and_the_conflicts_to_check():
    record = {
        "kind": "spc",
        "page": 0,
        "fields": {"iban": "confirmed", "currency": "confirmed", "amount_due": "code_over_page"},
        "conflicts": [{"field": "amount_due", "page": "2178.22", "code": "2078.22"}],
    }
    assert summary(record) == (
        "Swiss QR-bill on page 1: confirmed iban, currency; the code's value (the page prints another) "
        "amount due. Check: amount due page 2178.22, code 2078.22."
    )


def test_a_girocode_that_only_confirms():
    assert summary({"kind": "epc", "page": 1, "fields": {"iban": "confirmed"}, "conflicts": []}) == (
        "EPC QR code (GiroCode) on page 2: confirmed iban."
    )
