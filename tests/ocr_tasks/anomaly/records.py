"""Invoice records built in code for the anomaly tests."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from ocr_tasks.anomaly.records import InvoiceRecord

TODAY = date(2026, 6, 12)  # a Friday
FRIDAY = date(2026, 6, 5)


def rec(doc_id: str, **fields) -> InvoiceRecord:
    """A clean invoice (weekday, not round, arithmetic right) with `fields` changed."""
    base = {
        "document_id": doc_id,
        "sha256": hashlib.sha256(doc_id.encode()).hexdigest(),
        "vendor_name": "Acme Trading Sdn Bhd",
        "invoice_number": f"INV-{doc_id}",
        "invoice_date": FRIDAY.isoformat(),
        "total": "106.37",
        "subtotal": "100.35",
        "tax_amount": "6.02",
        "currency": "MYR",
        "iban": "NL91 ABNA 0417 1643 00",
        "line_item_count": 2,
    }
    return InvoiceRecord(**{**base, **fields})


def history(vendors: int = 4, per_vendor: int = 30) -> list[InvoiceRecord]:
    """Weekday invoices of `vendors` vendors with steady, vendor-specific totals (deterministic)."""
    records = []
    for v in range(vendors):
        median = 100.0 * (v + 1)
        for i in range(per_vendor):
            day = FRIDAY - timedelta(days=7 * (per_vendor - i) + v)
            while day.weekday() >= 5:
                day -= timedelta(days=1)
            total = round(median * (1 + 0.04 * ((i * 7 + v) % 9 - 4) / 4) + 0.37, 2)
            records.append(
                rec(
                    f"h{v}-{i}",
                    vendor_name=f"Vendor {v} Ltd",
                    invoice_number=f"V{v}-{1000 + i}",
                    invoice_date=day.isoformat(),
                    total=f"{total:.2f}",
                    subtotal=f"{total:.2f}",
                    tax_amount="0.00",
                    iban=f"DE{v:02d}500105170648489890",
                    line_item_count=1 + (i % 3),
                )
            )
    return records
