"""The plain record anomaly scoring works on: one row per stored invoice of a project's history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ocr_tasks.result_types import DocumentResult


@dataclass(frozen=True, slots=True)
class InvoiceRecord:
    document_id: str
    sha256: str
    vendor_name: str | None = None
    invoice_number: str | None = None
    invoice_date: str | None = None  # ISO
    due_date: str | None = None
    total: str | None = None  # decimal string
    subtotal: str | None = None
    tax_amount: str | None = None
    tax_rate: str | None = None
    currency: str | None = None
    iban: str | None = None
    line_item_count: int = 0
    # invoice, credit_note, receipt or quote (a credit note's amounts are positive; a quote owes nothing)
    document_type: str | None = None
    received_at: str | None = None  # ISO datetime the file was uploaded
    # an e-invoice's values its page shows otherwise (`{field, xml, page, page_confidence}`)
    einvoice_mismatches: tuple[dict[str, Any], ...] = field(default=(), hash=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> InvoiceRecord:
        return cls(**{name: data.get(name) for name in cls.__slots__ if name in data})

    @classmethod
    def from_result(cls, result: DocumentResult, *, received_at: str | None = None) -> InvoiceRecord:
        inv = result.invoice
        get = (lambda name: inv.get(name)) if inv else (lambda name: None)
        return cls(
            document_id=result.source.id,
            sha256=result.source.sha256,
            vendor_name=get("vendor_name"),
            invoice_number=get("invoice_number"),
            invoice_date=get("invoice_date"),
            due_date=get("due_date"),
            total=get("total"),
            subtotal=get("subtotal"),
            tax_amount=get("tax_amount"),
            tax_rate=get("tax_rate"),
            currency=get("currency"),
            iban=get("iban"),
            line_item_count=len(inv.line_items) if inv else 0,
            document_type=get("document_type"),
            received_at=received_at,
            einvoice_mismatches=tuple(((inv.einvoice or {}).get("page_mismatches") or ()) if inv else ()),
        )
