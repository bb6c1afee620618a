"""Comparison keys: vendor names, invoice numbers, IBANs."""

from __future__ import annotations

import pytest

from ocr_tasks.anomaly.keys import confusable_key, iban_key, invoice_number_key, vendor_key


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("ACME TRADING SDN. BHD.", "acme trading"),
        ("Acme Trading Sdn Bhd", "acme trading"),
        ("acme trading", "acme trading"),
        ("Philips Nederland B.V.", "philips nederland"),
        ("Müller & Söhne GmbH & Co. KG", "muller sohne"),
        ("Widget Co Ltd", "widget"),
        ("Limited", "limited"),  # a name that is only a suffix keeps its word
        ("", None),
        (None, None),
    ],
)
def test_vendor_key(printed, key):
    assert vendor_key(printed) == key


def test_different_vendors_keep_different_keys():
    assert vendor_key("Acme Trading Ltd") != vendor_key("Acme Travel Ltd")


def test_invoice_number_keys():
    assert invoice_number_key("inv 0042") == invoice_number_key("INV0042") == "INV0042"
    assert invoice_number_key("INV-0042") != invoice_number_key("INV0042")
    assert confusable_key("INV-0042") == confusable_key("lNV.OO42") == confusable_key("INV0O42")
    assert confusable_key("S-1B") == confusable_key("5-18")
    assert confusable_key("INV-0042") != confusable_key("INV-0043")


def test_iban_key():
    assert iban_key("nl91 abna 0417 1643 00") == iban_key("NL91ABNA0417164300") == "NL91ABNA0417164300"
    assert iban_key(None) is None
