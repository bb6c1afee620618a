"""Results as files: JSON (full results), CSV (documents, or line items), XLSX (both sheets), and
e-invoices (UBL 2.1 or CII D16B: a zip with one validated XML per document and `missing.json` listing
the documents that cannot be exported, with the business terms they lack).

Values are the current ones (reviewers' corrections applied); the JSON also carries the extraction.
Text from invoices and corrections never becomes a spreadsheet formula (CSV/formula injection)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

from django_api.invoices.models import Document
from django_api.invoices.reviewed_values import current_fields, current_line_items, reviewed_invoice
from django_api.invoices.selectors.documents import document_row
from ocr_tasks.invoice_types import FIELD_NAMES, LINE_ITEM_COLUMNS

CREDIT_NOTE = "credit_note"

DOCUMENT_COLUMNS = (
    "document_id",
    "name",
    "status",
    *FIELD_NAMES,
    # what a bookkeeping import takes without reading `document_type`: the total with the direction it
    # books in (a credit note's amounts are kept as magnitudes, so its total is negative here), and who
    # approved the values and when (and who gave the first of two approvals a project asks for)
    "signed_total",
    "approved_by",
    "approved_at",
    "first_approved_by",
    "validation_errors",
    "anomaly_count",
    "max_anomaly_score",
    "needs_review",
)
LINE_ITEM_EXPORT_COLUMNS = ("document_id", "name", "row", *LINE_ITEM_COLUMNS)
# one row per document and VAT rate, as an accounting import books a purchase invoice (DATEV: a booking
# line per tax key; Exact Online, Odoo: a bill line per tax): net, tax and gross in the direction they
# book, with what identifies the document and where the rate came from (`ocr_tasks.einvoice.vat_rows`)
VAT_EXPORT_COLUMNS = (
    "document_id",
    "name",
    "status",
    "document_type",
    "invoice_number",
    "invoice_date",
    "vendor_name",
    "vendor_tax_id",
    "currency",
    "vat_category",
    "vat_rate",
    "net",
    "tax",
    "gross",
    "rate_from",
)
TABLES = ("documents", "line_items", "vat")
FORMATS = ("json", "csv", "xlsx")
EINVOICE_FORMATS = ("ubl", "cii")
MISSING_FILE = "missing.json"


def _result(document: Document):
    return getattr(document, "result", None)


def document_rows(documents: Iterable[Document]) -> list[dict[str, Any]]:
    rows = []
    for document in documents:
        row = document_row(document)
        values = current_fields(_result(document))
        rows.append(
            {
                "document_id": str(document.id),
                "name": document.name,
                "status": document.status,
                **{name: values.get(name) for name in FIELD_NAMES},
                "signed_total": signed_total(values),
                "approved_by": document.approved_by.get_username() if document.approved_by else None,
                "approved_at": document.approved_at.isoformat() if document.approved_at else None,
                "first_approved_by": (
                    document.first_approved_by.get_username() if document.first_approved_by else None
                ),
                "validation_errors": row["validation_errors"],
                "anomaly_count": row["anomaly_count"],
                "max_anomaly_score": row["max_anomaly_score"],
                "needs_review": row["needs_review"],
            }
        )
    return rows


def signed_total(values: dict[str, Any]) -> str | None:
    """The total as it books: a credit note's negative (its amounts are magnitudes; a reviewer may have
    typed it negative already), any other document's as read."""
    total = values.get("total")
    if total in (None, "") or values.get("document_type") != CREDIT_NOTE:
        return total
    try:
        return f"{-abs(Decimal(str(total))):f}"
    except InvalidOperation:
        return total


def line_item_rows(documents: Iterable[Document]) -> list[dict[str, Any]]:
    return [
        {
            "document_id": str(d.id),
            "name": d.name,
            "row": i + 1,
            **{c: item.get(c) for c in LINE_ITEM_COLUMNS},
        }
        for d in documents
        for i, item in enumerate(current_line_items(_result(d)))
    ]


def vat_export_rows(documents: Iterable[Document]) -> list[dict[str, Any]]:
    """One row per document (with a result) and VAT category and rate: `VAT_EXPORT_COLUMNS`."""
    from ocr_tasks.einvoice.vat_rows import vat_rows

    out = []
    for document in documents:
        result = _result(document)
        if result is None:
            continue
        invoice = reviewed_invoice(result)
        values = current_fields(result)
        credit_note = values.get("document_type") == CREDIT_NOTE
        for row in vat_rows(invoice):
            out.append(
                {
                    "document_id": str(document.id),
                    "name": document.name,
                    "status": document.status,
                    **{
                        name: values.get(name)
                        for name in (
                            "document_type",
                            "invoice_number",
                            "invoice_date",
                            "vendor_name",
                            "vendor_tax_id",
                            "currency",
                        )
                    },
                    "vat_category": row.category,
                    "vat_rate": _percent(row.rate),
                    **row.booked(credit_note=credit_note),
                    "rate_from": row.basis,
                }
            )
    return out


def _percent(rate: Decimal | None) -> str | None:
    """A rate with at least two decimals ("25" -> "25.00"), as the fields write rates."""
    if rate is None:
        return None
    return f"{rate.quantize(Decimal('0.01')) if rate.as_tuple().exponent > -2 else rate:f}"  # type: ignore[operator]


TABLE_ROWS = {
    "line_items": (LINE_ITEM_EXPORT_COLUMNS, line_item_rows),
    "vat": (VAT_EXPORT_COLUMNS, vat_export_rows),
}


def export_json(documents: list[Document]) -> bytes:
    payload = []
    for document in documents:
        result = _result(document)
        payload.append(
            {
                "document_id": str(document.id),
                "name": document.name,
                "status": document.status,
                "approved_by": document.approved_by.get_username() if document.approved_by else None,
                "approved_at": document.approved_at.isoformat() if document.approved_at else None,
                "first_approved_by": (
                    document.first_approved_by.get_username() if document.first_approved_by else None
                ),
                "fields": current_fields(result),
                "line_items": current_line_items(result),
                "corrected_fields": result.corrected_fields if result else {},
                "result": result.result if result else None,
                "error": {"code": document.error_code, "message": document.error_message}
                if document.error_code
                else None,
            }
        )
    return json.dumps(payload, cls=DjangoJSONEncoder, indent=2).encode()


def export_csv(documents: list[Document], *, table: str = "documents") -> bytes:
    columns, rows_of = TABLE_ROWS.get(table, (DOCUMENT_COLUMNS, document_rows))
    rows = rows_of(documents)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: _csv_cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8")


def export_xlsx(documents: list[Document]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for index, (title, columns, rows) in enumerate(
        (
            ("documents", DOCUMENT_COLUMNS, document_rows(documents)),
            ("line_items", LINE_ITEM_EXPORT_COLUMNS, line_item_rows(documents)),
            ("vat", VAT_EXPORT_COLUMNS, vat_export_rows(documents)),
        )
    ):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = title
        sheet.append(list(columns))
        for row in rows:
            sheet.append([_cell(row.get(c)) for c in columns])
            for cell in sheet[sheet.max_row]:
                if cell.data_type == "f":  # openpyxl reads a string starting with "=" as a formula
                    cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d[\d.,]*$")


def _csv_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula (`=HYPERLINK(...)`, `@SUM(...)`, from a hostile
    invoice or a correction) gets a leading apostrophe; numbers such as `-12.50` are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    return value if value is None or isinstance(value, (int, float, str, bool)) else str(value)


CONTENT_TYPES = {
    "json": "application/json",
    "zip": "application/zip",
    "xml": "application/xml",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_documents(documents: list[Document], *, fmt: str, table: str = "documents") -> tuple[bytes, str]:
    """The file's bytes and content type."""
    if fmt == "json":
        return export_json(documents), CONTENT_TYPES["json"]
    if fmt == "csv":
        return export_csv(documents, table=table), CONTENT_TYPES["csv"]
    return export_xlsx(documents), CONTENT_TYPES["xlsx"]


# --- e-invoices --------------------------------------------------------------------------------------

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def einvoice_filename(document: Document, fmt: str) -> str:
    """`<file name stem>-<id prefix>-<fmt>.xml`: readable, unique in a zip, safe in any file system."""
    stem = _UNSAFE_NAME.sub("_", document.name.rsplit(".", 1)[0]).strip("._")[:80] or "document"
    return f"{stem}-{str(document.id)[:8]}-{fmt}.xml"


def document_einvoice(document: Document, *, fmt: str):
    """One document's validated e-invoice (`ocr_tasks.einvoice.writers.ExportedXml`) built from its
    current values; raises `EInvoiceIncomplete` / `EInvoiceExportInvalid` (422, the missing terms or
    broken rules in `detail`), or `EInvoiceIncomplete` naming every header term when the document has
    no result yet."""
    from ocr_tasks.einvoice.writers import export_einvoice

    return export_einvoice(reviewed_invoice(_result(document)), fmt)


def _not_exported(document: Document, exc) -> dict[str, Any]:
    return {
        "document_id": str(document.id),
        "name": document.name,
        "status": document.status,
        **exc.to_dict(),
    }


def export_einvoices(documents: list[Document], *, fmt: str) -> bytes:
    """A zip of one XML per exportable document and `missing.json`: the others, each with its error
    (`einvoice_incomplete` and the missing business terms, `einvoice_export_invalid` and the rules)."""
    from ocr_tasks.einvoice.writers import EInvoiceExportInvalid, EInvoiceIncomplete

    buffer = io.BytesIO()
    refused = []
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for document in documents:
            try:
                exported = document_einvoice(document, fmt=fmt)
            except (EInvoiceIncomplete, EInvoiceExportInvalid) as exc:
                refused.append(_not_exported(document, exc))
                continue
            archive.writestr(einvoice_filename(document, fmt), exported.xml)
        archive.writestr(MISSING_FILE, json.dumps(refused, indent=2, ensure_ascii=False))
    return buffer.getvalue()
