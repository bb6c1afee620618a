"""The one rule for the signs of a document's totals, as validation and the credit note export use it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from expectations.frames import amount_signs
from ocr_tasks.einvoice.writers.credit_signs import credit_note_as_magnitudes
from ocr_tasks.einvoice.writers.terms import EInvoiceExportInvalid
from ocr_tasks.invoice_types import FieldValue, Invoice
from ocr_tasks.total_signs import printed_totals, totals_sign


def _invoice(**values: str) -> Invoice:
    fields = {"document_type": FieldValue("document_type", "credit_note", "Credit note", 1.0)}
    fields.update({name: FieldValue(name, value, value, 1.0) for name, value in values.items()})
    return Invoice(fields=fields, line_items=())


@pytest.mark.parametrize(
    ("known", "sign"),
    [
        ({}, None),
        ({"total": Decimal("0")}, "positive"),
        ({"subtotal": 100.0, "total": 119.0}, "positive"),
        ({"subtotal": -100.0, "tax_amount": 0.0, "total": -119.0}, "negative"),
        ({"subtotal": Decimal("100"), "total": Decimal("-119")}, "mixed"),
    ],
)
def test_the_sign_of_the_known_totals(known, sign):
    assert totals_sign(known) == sign


def test_totals_are_named_as_the_document_holds_them():
    invoice = _invoice(subtotal="100.00", tax_amount="19.00", total="-119.00")
    assert printed_totals(invoice, ["subtotal", "tax_amount", "total"]) == (
        "subtotal 100.00, tax 19.00, total -119.00"
    )


def test_validation_and_export_agree_on_mixed_totals():
    invoice = _invoice(subtotal="100.00", tax_amount="0.00", total="-100.00")
    # validation lists every known total, zeros included; the export only the signed ones
    assert amount_signs(invoice) == "mixed: subtotal 100.00, tax 0.00, total -100.00"
    with pytest.raises(EInvoiceExportInvalid) as refused:
        credit_note_as_magnitudes(invoice, syntax="UBL 2.1")
    assert "(subtotal 100.00, total -100.00)" in refused.value.errors[0]["message"]


def test_a_negative_credit_note_is_written_as_magnitudes_and_validated_as_negative():
    invoice = _invoice(subtotal="-100.00", tax_amount="-19.00", total="-119.00")
    assert amount_signs(invoice) == "negative"
    written = credit_note_as_magnitudes(invoice, syntax="UBL 2.1")
    assert [written.get(n) for n in ("subtotal", "tax_amount", "total")] == ["100.00", "19.00", "119.00"]
