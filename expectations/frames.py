"""The data frames the suites run on, built from extracted invoices (pandas only, no GX here).

`invoice_fields_frame`: one row per document. Columns hold the normalised field values (strings for text
and dates, floats for amounts), each key field's confidence, and derived columns that turn cross-field
rules into plain column checks (`invoice_age_days`, `days_until_due`, `arithmetic_gap` against
`arithmetic_tolerance`, `tax_rate_percent`).
`line_items_frame`: one row per line item, with `line_gap`/`line_tolerance` (quantity x unit price vs
amount) and the document-level `items_sum_gap`/`items_sum_tolerance` (sum of amounts vs subtotal).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

import pandas as pd

from expectations.settings import ValidationSettings
from ocr_tasks.invoice_types import KEY_FIELDS, Invoice

TEXT_COLUMNS: tuple[str, ...] = (
    "vendor_name",
    "invoice_number",
    "currency",
    "invoice_date",
    "due_date",
    "iban",
)
AMOUNT_COLUMNS: tuple[str, ...] = ("subtotal", "tax_amount", "total", "amount_due")
DERIVED_COLUMNS: tuple[str, ...] = (
    "tax_rate_percent",
    "invoice_age_days",
    "days_until_due",
    "arithmetic_gap",
    "arithmetic_tolerance",
    "line_item_count",
)
INVOICE_COLUMNS: tuple[str, ...] = (
    ("document_id",)
    + TEXT_COLUMNS
    + AMOUNT_COLUMNS
    + tuple(f"{name}_confidence" for name in KEY_FIELDS)
    + DERIVED_COLUMNS
)
LINE_ITEM_COLUMNS: tuple[str, ...] = (
    "document_id",
    "item_index",
    "description",
    "quantity",
    "unit_price",
    "amount",
    "line_gap",
    "line_tolerance",
    "items_sum_gap",
    "items_sum_tolerance",
)
ROUNDING = 0.005  # half a cent: amounts printed rounded to the cent


def to_number(value: str | None) -> float:
    """A normalised decimal string as a float; NaN when missing or not a number."""
    if value is None or str(value).strip() == "":
        return math.nan
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return math.nan
    return float(number) if number.is_finite() else math.nan


def to_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _text(invoice: Invoice, name: str) -> str | None:
    value = invoice.get(name)
    return value.strip() if value and value.strip() else None


def _confidence(invoice: Invoice, name: str) -> float:
    field = invoice.fields.get(name)
    return float(field.confidence) if field and field.value.strip() else math.nan


def _days_between(start: date | None, end: date | None) -> float:
    return float((end - start).days) if start and end else math.nan


def invoice_row(document_id: str, invoice: Invoice, settings: ValidationSettings) -> dict:
    row: dict = {"document_id": document_id}
    row.update({name: _text(invoice, name) for name in TEXT_COLUMNS})
    row.update({name: to_number(invoice.get(name)) for name in AMOUNT_COLUMNS})
    row.update({f"{name}_confidence": _confidence(invoice, name) for name in KEY_FIELDS})
    subtotal, tax, total = row["subtotal"], row["tax_amount"], row["total"]
    rate = to_number(invoice.get("tax_rate"))
    if math.isnan(rate) and not math.isnan(tax) and not math.isnan(subtotal) and subtotal > 0:
        rate = round(100.0 * tax / subtotal, 2)
    invoice_date = to_date(row["invoice_date"])
    count = len(invoice.line_items)
    row.update(
        tax_rate_percent=rate,
        invoice_age_days=_days_between(invoice_date, settings.reference_date()),
        days_until_due=_days_between(invoice_date, to_date(row["due_date"])),
        arithmetic_gap=round(abs(subtotal + tax - total), 4),  # NaN unless all three are known
        arithmetic_tolerance=settings.tolerance * max(1, count) + ROUNDING,
        line_item_count=count,
    )
    return row


def invoice_fields_frame(invoices: Mapping[str, Invoice], settings: ValidationSettings) -> pd.DataFrame:
    rows = [invoice_row(doc_id, invoice, settings) for doc_id, invoice in invoices.items()]
    return pd.DataFrame(rows, columns=list(INVOICE_COLUMNS))


def _document_item_rows(document_id: str, invoice: Invoice, settings: ValidationSettings) -> list[dict]:
    rows = []
    for index, item in enumerate(invoice.line_items):
        quantity, price, amount = (to_number(item.get(c)) for c in ("quantity", "unit_price", "amount"))
        rows.append(
            {
                "document_id": document_id,
                "item_index": index,
                "description": item.get("description"),
                "quantity": quantity,
                "unit_price": price,
                "amount": amount,
                "line_gap": round(abs(quantity * price - amount), 4),
                "line_tolerance": settings.tolerance + ROUNDING,
            }
        )
    amounts = [row["amount"] for row in rows if not math.isnan(row["amount"])]
    subtotal = to_number(invoice.get("subtotal"))
    sum_gap = round(abs(sum(amounts) - subtotal), 4) if amounts else math.nan
    for row in rows:
        row["items_sum_gap"] = sum_gap
        row["items_sum_tolerance"] = settings.tolerance * len(rows) + ROUNDING
    return rows


def line_items_frame(invoices: Mapping[str, Invoice], settings: ValidationSettings) -> pd.DataFrame:
    rows = [r for doc_id, inv in invoices.items() for r in _document_item_rows(doc_id, inv, settings)]
    return pd.DataFrame(rows, columns=list(LINE_ITEM_COLUMNS))
