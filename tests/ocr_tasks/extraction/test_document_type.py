"""The `document_type` field: credit notes and receipts by their titles, receipts by cash and change,
invoices otherwise; e-invoices by their type code."""

from __future__ import annotations

import pytest

from ocr_tasks.einvoice.xml_values import document_type_of
from ocr_tasks.extraction import extract_invoice

from .synthetic import SyntheticInvoice


def _type(rows: list[str]) -> tuple[str | None, float]:
    document = SyntheticInvoice(
        rows=[[(r, 150)] for r in rows],
        truth={},
        items=[],
        lang="en",
        row_y=[150 + 70 * i for i in range(len(rows))],
    ).to_document()
    field = extract_invoice(document).fields.get("document_type")
    return (field.value, field.confidence) if field else (None, 0.0)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (["Au bon moulin SARL", "Avoir AV-2017-0005", "Total TTC  -233,47 €"], "credit_note"),
        (["Muster GmbH", "Gutschrift Nr. 17", "Gesamt  -20,00"], "credit_note"),
        (["Muster GmbH", "Rechnung Nr. 17", "Gesamt  20,00"], "invoice"),
        # a credit word before an invoice title
        (["Acme Ltd", "Credit Invoice", "Total  (20.00)"], "credit_note"),
        (["Muster GmbH", "Storno-Rechnung 17", "Gesamt  20,00-"], "credit_note"),
        (["Acme Ltd", "Credit card invoice", "Total  20.00"], "invoice"),
        (["Bäckerei Hof", "Kassenbon", "Summe  4,20"], "receipt"),
        (["KEDAI MAJU", "TOTAL  24.00", "CASH  50.00", "CHANGE  26.00"], "receipt"),
        (["Acme Ltd", "Consulting  240.00", "Total  240.00"], "invoice"),
    ],
)
def test_document_type_from_the_page(rows, expected):
    value, confidence = _type(rows)
    assert value == expected
    assert 0.5 <= confidence <= 1.0


def test_a_titled_type_is_surer_than_a_default():
    assert _type(["Muster GmbH", "Rechnung Nr. 17", "Gesamt  20,00"])[1] > _type(["Acme", "Total  2.00"])[1]


@pytest.mark.parametrize(
    ("code", "expected"), [("380", "invoice"), ("381", "credit_note"), ("389", "invoice")]
)
def test_document_type_of_an_einvoice_type_code(code, expected):
    assert document_type_of(code) == expected
