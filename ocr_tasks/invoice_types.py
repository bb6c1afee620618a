"""Types of the extraction stage: a field value, a line item, an invoice.

Values are strings in normalised form: dates ISO `YYYY-MM-DD`, amounts and quantities decimal strings
(`"1234.50"`), currency ISO 4217, rates percent as decimal strings (`"6.00"`). Names follow the cloud
invoice models (Azure prebuilt-invoice / AWS AnalyzeExpense) in snake case.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ocr_tasks.field_registry import FIELDS, names_of_kind
from ocr_tasks.geometry import BBox

FIELD_NAMES: tuple[str, ...] = tuple(spec.name for spec in FIELDS)  # declared in field_registry
# the fields every invoice must have: the validation suites require them (error level) and review
# triage asks each to be sure enough
KEY_FIELDS: tuple[str, ...] = ("vendor_name", "invoice_number", "invoice_date", "total", "currency")
DATE_FIELDS = names_of_kind("date")
AMOUNT_FIELDS = names_of_kind("amount")
LINE_ITEM_COLUMNS: tuple[str, ...] = ("description", "quantity", "unit_price", "amount", "tax_rate")
# what an item's amount is computed from besides quantity x unit price (an e-invoice line's gross price
# BT-148 and its discount, allowances less charges BG-27/28, the price base quantity BT-149; a page's
# discount column): kept with the item through corrections so the line check can still use them
LINE_ITEM_PRICE_TERMS: tuple[str, ...] = (
    "gross_unit_price",
    "discount_percent",
    "discount_amount",
    "price_base_quantity",
)
# an e-invoice line's VAT category code (EN 16931 BT-151: S, Z, E, AE, K, ...), kept with the item so
# that an export writes the category the XML gave, not one guessed from the rate
LINE_ITEM_TAX_TERMS: tuple[str, ...] = ("tax_category",)
LINE_ITEM_CELLS: tuple[str, ...] = LINE_ITEM_COLUMNS + LINE_ITEM_PRICE_TERMS + LINE_ITEM_TAX_TERMS


@dataclass(frozen=True, slots=True)
class FieldValue:
    name: str
    value: str
    raw_text: str
    confidence: float
    page: int = 0
    bbox: BBox | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "raw_text": self.raw_text,
            "confidence": round(self.confidence, 4),
            "page": self.page,
            "bbox": self.bbox.to_list() if self.bbox else None,
        }

    @classmethod
    def from_dict(cls, name: str, data: dict[str, Any]) -> FieldValue:
        return cls(
            name=name,
            value=data["value"],
            raw_text=data.get("raw_text", ""),
            confidence=float(data.get("confidence", 0.0)),
            page=int(data.get("page", 0)),
            bbox=BBox.from_list(data["bbox"]) if data.get("bbox") else None,
        )


@dataclass(frozen=True, slots=True)
class LineItem:
    """One row of the items table; `cells` maps a column of `LINE_ITEM_COLUMNS` to its value."""

    cells: Mapping[str, FieldValue]

    def get(self, column: str) -> str | None:
        cell = self.cells.get(column)
        return cell.value if cell else None

    def to_dict(self) -> dict[str, Any]:
        return {name: cell.to_dict() for name, cell in self.cells.items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LineItem:
        return cls(cells={name: FieldValue.from_dict(name, cell) for name, cell in data.items()})


@dataclass(frozen=True, slots=True)
class Invoice:
    fields: Mapping[str, FieldValue] = field(default_factory=dict)
    line_items: tuple[LineItem, ...] = ()
    template: str | None = None
    # "einvoice" when read exactly from an embedded or bare CII/UBL XML (None: extracted from the page)
    source: str | None = None
    # what the e-invoice reading says (syntax, profile, attachment, ...; or its `error` when a PDF's
    # attachment could not be read and the page was extracted instead)
    einvoice: Mapping[str, Any] | None = None
    # ISO 639-1 language the page's labels are printed in (None: not detected)
    language: str | None = None
    # the vendor memory used (issue 15): `{"vendor": key, "fields": [fields it chose]}`; None when no
    # memory of the document's vendor was given
    memory: Mapping[str, Any] | None = None
    # the payment QR code weighed against the page (`extraction.payment_evidence`): `{"kind": "spc" or
    # "epc", "page", "bbox", "fields": {field: confirmed / corrected / from_code / code_over_page /
    # page_over_code}, "conflicts": [{"field", "page", "code"}], "statements"}`; None without a code
    payment_code: Mapping[str, Any] | None = None

    def get(self, name: str) -> str | None:
        f = self.fields.get(name)
        return f.value if f else None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "fields": {name: f.to_dict() for name, f in self.fields.items()},
            "line_items": [item.to_dict() for item in self.line_items],
            "template": self.template,
        }
        if self.source is not None:
            out["source"] = self.source
        if self.einvoice is not None:
            out["einvoice"] = dict(self.einvoice)
        if self.language is not None:
            out["language"] = self.language
        if self.memory is not None:
            out["memory"] = dict(self.memory)
        if self.payment_code is not None:
            out["payment_code"] = dict(self.payment_code)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Invoice:
        return cls(
            fields={name: FieldValue.from_dict(name, f) for name, f in data.get("fields", {}).items()},
            line_items=tuple(LineItem.from_dict(i) for i in data.get("line_items", [])),
            template=data.get("template"),
            source=data.get("source"),
            einvoice=data.get("einvoice"),
            language=data.get("language"),
            memory=data.get("memory"),
            payment_code=data.get("payment_code"),
        )
