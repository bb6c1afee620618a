"""A stand-in for `flows.process.process_invoices` in orchestration tests: drives the real `DjangoPort`
the way a flow does (load, mark running, progress, per-document result or failure, cancellation, finish)
with a fake engine: fields come from the file name, not from OCR.

Hooks for tests: `hooks.before_document(task_id, index)` runs before each document (block it to test
cancellation); names containing `fail` fail their document; `mismatch` makes validation fail."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

from flows.port import CANCELLED, FAILED, PARTIALLY_FAILED, SUCCEEDED, Progress
from flows.settings import get_port
from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.geometry import BBox
from ocr_tasks.invoice_types import FieldValue, Invoice, LineItem
from ocr_tasks.ocr_types import OcrDocument, OcrPage
from ocr_tasks.result_types import Anomaly, DocumentResult, ErrorInfo, ExpectationOutcome, ValidationReport

hooks = SimpleNamespace(before_document=None, calls=[])


def _field(name: str, value: str, confidence: float = 0.9) -> FieldValue:
    return FieldValue(
        name=name, value=value, raw_text=value, confidence=confidence, page=0, bbox=BBox(0.1, 0.1, 0.4, 0.15)
    )


def _result(source, data: bytes, history: list[InvoiceRecord]) -> DocumentResult:
    stem = source.name.rsplit(".", 1)[0]
    total = "12.50" if "mismatch" not in stem else "99.00"
    invoice = Invoice(
        fields={
            "vendor_name": _field("vendor_name", "ACME Supplies"),
            "invoice_number": _field("invoice_number", stem.upper(), 0.5 if "lowconf" in stem else 0.95),
            "invoice_date": _field("invoice_date", "2024-03-15"),
            "currency": _field("currency", "EUR"),
            "subtotal": _field("subtotal", "10.00"),
            "tax_amount": _field("tax_amount", "2.50"),
            "total": _field("total", total),
        },
        line_items=(
            LineItem(
                cells={"description": _field("description", "Widget"), "amount": _field("amount", "10.00")}
            ),
        ),
    )
    arithmetic_ok = total == "12.50"
    report = ValidationReport(
        document_id=source.id,
        suite="invoice_basic",
        outcomes=(
            ExpectationOutcome(
                "expect_column_values_to_not_be_null", "The total is present.", True, fields=("total",)
            ),
            ExpectationOutcome(
                "expect_column_pair_values_to_be_equal",
                "Subtotal plus tax equals the total.",
                arithmetic_ok,
                fields=("subtotal", "tax_amount", "total"),
            ),
        ),
    )
    duplicates = [r.document_id for r in history if r.sha256 == source.sha256]
    anomalies = (
        (
            Anomaly(
                source.id,
                "exact_duplicate",
                "warning",
                0.95,
                "The same file was uploaded before.",
                related_document_ids=tuple(duplicates),
            ),
        )
        if duplicates
        else ()
    )
    page = OcrPage(index=0, width=200, height=100, dpi=300, blocks=(), engine="fake", engine_version="0")
    return DocumentResult(
        source=source,
        ocr=OcrDocument(source=source, pages=(page,)),
        invoice=invoice,
        validation=(report,),
        anomalies=anomalies,
        timings={"ingest": 0.01, "ocr": 0.02, "extract": 0.01, "validate": 0.01, "anomalies": 0.01},
    )


def process_invoices(task_id: str) -> str:
    port = get_port()  # the seam sets the Django port for flows run in the API process
    hooks.calls.append(task_id)
    inputs = port.load_task(task_id)
    port.mark_running(task_id, flow_run_id="fake-" + hashlib.sha1(task_id.encode()).hexdigest()[:8])
    history = port.load_history(inputs.project_id, exclude_task_id=task_id)
    total = len(inputs.documents)
    failed = 0
    for index, source in enumerate(inputs.documents):
        if hooks.before_document:
            hooks.before_document(task_id, index)
        if port.is_cancelled(task_id):
            port.finish_task(task_id, CANCELLED)
            return CANCELLED
        port.report_progress(task_id, Progress("ocr", index, total, index, total))
        data = port.read_document(source)
        if "fail" in source.name:
            port.mark_document_failed(
                task_id, source.id, ErrorInfo("ocr_failed", "the fake engine failed", "ocr")
            )
            failed += 1
            continue
        port.save_document_result(task_id, _result(source, data, history))
        history.append(InvoiceRecord(document_id=source.id, sha256=source.sha256))
    status = SUCCEEDED if failed == 0 else (FAILED if failed == total else PARTIALLY_FAILED)
    port.finish_task(task_id, status)
    return status
