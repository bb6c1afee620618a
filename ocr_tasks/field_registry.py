"""The invoice fields, declared once: name, value kind, the label reviewers see, the lexicon concepts
that label it, which candidate features must show a label for a value to count, whether a second reading
of the page may propose it, and the party it belongs to.

Everything else derives from here: the field order (`invoice_types.FIELD_NAMES`), the date and amount
sets, the extraction's label lists (`extraction.keywords.FIELD_CONCEPTS`), its label requirement and
second readings (`extraction.extract`), and the API's field list (`GET /api/fields/`, read by the
dashboard). Adding a field is one declaration here plus its candidates in `ocr_tasks/extraction/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

KINDS = ("text", "date", "amount", "percent", "code")
# candidate features that say a label sits left of the value or above it in its column
BESIDE_OR_ABOVE = ("label_left", "label_above")


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: str  # one of KINDS: how the value is written (dates ISO, amounts decimal strings, ...)
    label: str  # what a reviewer reads
    concepts: tuple[str, ...] = ()  # lexicon concepts whose phrases label the field
    needs_label: tuple[str, ...] = ()  # a value counts only when one of these features is >= 0.5
    second_reading: bool = False  # a second OCR reading of the page may propose values
    party: str | None = None  # "vendor" or "customer" when the value belongs to one party

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"field {self.name}: unknown kind {self.kind!r}")


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("document_type", "code", "Document type"),  # invoice, credit_note, receipt or quote
    FieldSpec("vendor_name", "text", "Vendor name", party="vendor"),
    FieldSpec("vendor_address", "text", "Vendor address", party="vendor"),
    FieldSpec(
        "vendor_tax_id",
        "code",
        "Vendor tax ID",
        concepts=("vat_id", "tax_number", "company_registration"),
        party="vendor",
    ),
    FieldSpec("customer_name", "text", "Customer name", party="customer"),
    FieldSpec("customer_address", "text", "Customer address", party="customer"),
    FieldSpec("invoice_number", "code", "Invoice number", concepts=("invoice_number",)),
    FieldSpec("invoice_date", "date", "Invoice date", concepts=("invoice_date",), second_reading=True),
    FieldSpec(
        "due_date",
        "date",
        "Due date",
        concepts=("due_date",),
        needs_label=BESIDE_OR_ABOVE,
        second_reading=True,
    ),
    # EN 16931 BT-72, the actual delivery date: read from an e-invoice, typed by a reviewer (an
    # intra-community supply's export needs it or the invoicing period, BR-IC-11); no page candidates
    FieldSpec("delivery_date", "date", "Delivery date"),
    FieldSpec("po_number", "code", "PO number", concepts=("order_number",), needs_label=("label",)),
    FieldSpec("currency", "code", "Currency"),
    FieldSpec(
        "subtotal",
        "amount",
        "Subtotal",
        concepts=("subtotal",),
        needs_label=BESIDE_OR_ABOVE,
        second_reading=True,
    ),
    FieldSpec(
        "tax_amount",
        "amount",
        "Tax amount",
        concepts=("tax",),
        needs_label=BESIDE_OR_ABOVE,
        second_reading=True,
    ),
    FieldSpec("tax_rate", "percent", "Tax rate (%)", concepts=("tax_rate",), needs_label=("label_left",)),
    FieldSpec("total", "amount", "Total", concepts=("total",), second_reading=True),
    FieldSpec(
        "amount_due",
        "amount",
        "Amount due",
        concepts=("amount_due",),
        needs_label=BESIDE_OR_ABOVE,
        second_reading=True,
    ),
    FieldSpec(
        "payment_terms",
        "text",
        "Payment terms",
        concepts=("payment_terms",),
        needs_label=("label",),
        party="vendor",
    ),
    FieldSpec("iban", "code", "IBAN", party="vendor"),
)
FIELD_SPECS = MappingProxyType({spec.name: spec for spec in FIELDS})


def names_of_kind(kind: str) -> frozenset[str]:
    return frozenset(spec.name for spec in FIELDS if spec.kind == kind)
