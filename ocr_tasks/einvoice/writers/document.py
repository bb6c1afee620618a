"""The EN 16931 content of an export, as both writers (`ubl`, `cii`) read it: the document, its parties,
lines, VAT breakdown and document-level allowances and charges (amounts in the invoice currency).
`build.build_document` makes one from an `Invoice`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Party:
    name: str | None
    identifier: str | None = None  # BT-29 / BT-46
    vat_id: str | None = None
    registration_id: str | None = None
    lines: tuple[str, ...] = ()  # address lines (BT-35, BT-36, BT-162 / BT-50, BT-51, BT-163)
    postcode: str | None = None
    city: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class VatBreakdown:
    category: str
    rate: Decimal | None
    basis: Decimal
    tax: Decimal
    exemption_reason: str | None = None


@dataclass(frozen=True, slots=True)
class AllowanceCharge:
    charge: bool
    amount: Decimal
    reason: str | None
    category: str
    rate: Decimal | None


@dataclass(frozen=True, slots=True)
class Line:
    id: str
    name: str
    quantity: Decimal
    unit: str
    net_amount: Decimal
    price: Decimal
    category: str
    rate: Decimal | None


@dataclass(frozen=True, slots=True)
class ExportDocument:
    """Everything both syntaxes write, by EN 16931 term (amounts in the invoice currency)."""

    number: str  # BT-1
    issue_date: str  # BT-2, ISO
    type_code: str  # BT-3
    currency: str  # BT-5
    due_date: str | None  # BT-9
    po_number: str | None  # BT-13
    payment_terms: str | None  # BT-20
    seller: Party
    buyer: Party
    delivery_date: str | None  # BT-72, ISO
    deliver_to: Party | None  # BG-13: name BT-70, location id BT-71, address BG-15 (country BT-80)
    period_start: str | None  # BT-73, ISO (BG-14 invoicing period)
    period_end: str | None  # BT-74, ISO
    iban: str | None  # BT-84
    bic: str | None  # BT-86
    lines: tuple[Line, ...]
    vat: tuple[VatBreakdown, ...]
    allowances_charges: tuple[AllowanceCharge, ...]
    line_total: Decimal  # BT-106
    allowance_total: Decimal  # BT-107
    charge_total: Decimal  # BT-108
    tax_exclusive: Decimal  # BT-109
    tax_total: Decimal  # BT-110
    tax_inclusive: Decimal  # BT-112
    prepaid: Decimal  # BT-113
    payable: Decimal  # BT-115

    @property
    def credit_note(self) -> bool:
        from ocr_tasks.einvoice.xml_values import CREDIT_NOTE_CODES

        return self.type_code in CREDIT_NOTE_CODES
