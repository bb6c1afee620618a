"""The XML against its page: mismatches named with both values, and reported as `einvoice_mismatch`."""

from __future__ import annotations

from ocr_tasks.anomaly import score_anomalies
from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.einvoice.compare import page_mismatches
from ocr_tasks.invoice_types import FieldValue, Invoice
from ocr_tasks.ocr_types import SourceDocument
from ocr_tasks.result_types import DocumentResult


def inv(**values: str) -> Invoice:
    return Invoice(fields={k: FieldValue(k, v, v, 0.9) for k, v in values.items()})


def test_page_mismatches_name_both_values_and_ignore_what_the_page_lacks():
    xml = inv(
        total="-100.00",
        invoice_date="2024-01-31",
        invoice_number="A 1",
        iban="DE88 2008",
        vendor_tax_id="DE1",
    )
    page = inv(total="100.00", invoice_number="a1", iban="DE882008", vendor_tax_id="DE2")
    assert page_mismatches(xml, page) == [
        {"field": "vendor_tax_id", "xml": "DE1", "page": "DE2", "page_confidence": 0.9}
    ]
    assert page_mismatches(xml, inv(total="99.00"))[0]["field"] == "total"


def test_a_mismatch_becomes_an_einvoice_mismatch_anomaly():
    source = SourceDocument(id="d1", uri="", media_type="application/pdf", sha256="s", size=1, name="a.pdf")
    mismatch = {"field": "total", "xml": "671.15", "page": "571.04", "page_confidence": 1.0}
    invoice = Invoice(
        fields=inv(total="671.15", vendor_name="V").fields,
        source="einvoice",
        einvoice={"syntax": "CII D16B", "page_mismatches": [mismatch]},
    )
    record = InvoiceRecord.from_result(DocumentResult(source=source, invoice=invoice))
    assert record.einvoice_mismatches == (mismatch,)
    hash(record)  # records stay hashable

    found = score_anomalies([record], [])["d1"]

    anomaly = next(a for a in found if a.kind == "einvoice_mismatch")
    assert anomaly.severity == "error"
    assert "671.15" in anomaly.explanation and "571.04" in anomaly.explanation
    assert anomaly.evidence["mismatches"] == [mismatch]
    clean = InvoiceRecord.from_result(DocumentResult(source=source, invoice=inv(total="1.00")))
    assert not any(a.kind == "einvoice_mismatch" for a in score_anomalies([clean], [])["d1"])
