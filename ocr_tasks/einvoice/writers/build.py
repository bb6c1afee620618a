"""`build_document`: the EN 16931 content of an export (`document.ExportDocument`), built once from an
`Invoice` (its current values: fields, line items, and the parties, payment, VAT breakdown and
allowances/charges that `ocr_tasks.einvoice.mapping` kept in `Invoice.einvoice`), for both writers
(`ubl`, `cii`).

It derives only what the document implies (each derivation is named in `business_terms.json`: a total
from the other two amounts, a single VAT rate's breakdown (`vat`), quantity 1 for a line priced at its
amount (`lines`), the countries of VAT ids (`parties`)) and lists every mandatory term it cannot fill
(`EInvoiceIncomplete`); a value that cannot be read as its kind (a date that is not ISO, an amount that
is not a number: `values`) counts as missing. Nothing is invented to make a file pass. A credit note is
written with magnitudes whichever sign its amounts were read with (`credit_signs`). A quote or proforma
(`document_type` `quote`) is no invoice and is refused (`EInvoiceExportInvalid`, rule `quote-not-invoice`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ocr_tasks.einvoice.writers.credit_signs import credit_note_as_magnitudes
from ocr_tasks.einvoice.writers.document import ExportDocument, Party
from ocr_tasks.einvoice.writers.lines import allowances_charges, export_lines
from ocr_tasks.einvoice.writers.parties import party
from ocr_tasks.einvoice.writers.terms import (
    EInvoiceExportInvalid,
    EInvoiceIncomplete,
    MissingTerm,
    missing,
    table,
)
from ocr_tasks.einvoice.writers.values import decimal_value, iso_date, text_value
from ocr_tasks.einvoice.writers.vat import vat_breakdown
from ocr_tasks.invoice_types import Invoice


def _type_code(invoice: Invoice, details: Mapping[str, Any]) -> str:
    from ocr_tasks.einvoice.xml_values import CREDIT_NOTE_CODES

    codes = table()["type_codes"]
    kept = text_value(details.get("type_code"))
    document_type = invoice.get("document_type")
    if kept and (document_type is None or (kept in CREDIT_NOTE_CODES) == (document_type == "credit_note")):
        return kept  # the e-invoice's own code, unless a reviewer changed the kind of document
    return codes.get(document_type or "", table()["default_type_code"])


def _totals(invoice: Invoice) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """BT-109, BT-110, BT-112: each derived from the other two when it is missing."""
    subtotal, tax, total = (decimal_value(invoice.get(n)) for n in ("subtotal", "tax_amount", "total"))
    if subtotal is None and tax is not None and total is not None:
        subtotal = total - tax
    if tax is None and subtotal is not None and total is not None:
        tax = total - subtotal
    if total is None and subtotal is not None and tax is not None:
        total = subtotal + tax
    return subtotal, tax, total


QUOTE_RULE = "quote-not-invoice"


def _refuse_quote(syntax: str) -> None:
    message = (
        "A quote or proforma is no invoice and is not exported as one. If the document is an invoice, "
        "correct its document type."
    )
    raise EInvoiceExportInvalid(
        [{"rule": QUOTE_RULE, "severity": "error", "message": message, "location": None}],
        syntax=syntax,
        message=f"Cannot export as {syntax}: {message}",
    )


def _deliver_to(details: Mapping[str, Any]) -> Party | None:
    """BG-13 as the e-invoice gave it (its country from the address when the XML did not say)."""
    kept = details.get("delivery") or None
    if not kept:
        return None
    return party(kept, name=text_value(kept.get("name")), vat_id=None, address=kept.get("address"), cues="")


def _intra_community(out: list[MissingTerm], vat, typed, delivery_date, deliver_to, period) -> None:
    """An intra-community supply (VAT category K) names when (BR-IC-11: the actual delivery date or the
    invoicing period) and where (BR-IC-12: the deliver-to country) the goods went. A delivery date typed
    in a form that is not a date (`03/11/2017`, day and month unclear) is said as such."""
    if not any(row.category == "K" for row in vat):
        return
    if delivery_date is None and not any(period):
        where = f"“{typed}” is not a date: type it as YYYY-MM-DD" if typed else None
        out.append(missing("BT-72", where=where, rule="BR-IC-11", alternatives=("BG-14",)))
    if deliver_to is None or deliver_to.country is None:
        out.append(missing("BT-80", rule="BR-IC-12"))


def _required(out: list[MissingTerm], term: str, value):
    if value is None:
        out.append(missing(term))
    return value


def build_document(invoice: Invoice, *, syntax: str) -> ExportDocument:
    """The export content of `invoice`; raises `EInvoiceIncomplete` listing every mandatory term (and
    every term a business rule makes necessary) that the document lacks."""
    from ocr_tasks.einvoice.xml_values import CREDIT_NOTE_CODES

    if invoice.get("document_type") == "quote":
        _refuse_quote(syntax)
    type_code = _type_code(invoice, invoice.einvoice or {})
    if type_code in CREDIT_NOTE_CODES:  # written with magnitudes, whichever sign the page printed
        invoice = credit_note_as_magnitudes(invoice, syntax=syntax)
    details: Mapping[str, Any] = invoice.einvoice or {}
    out: list[MissingTerm] = []
    number = _required(out, "BT-1", text_value(invoice.get("invoice_number")))
    issue_date = _required(out, "BT-2", iso_date(invoice.get("invoice_date")))
    currency = _required(out, "BT-5", (text_value(invoice.get("currency")) or "").upper() or None)
    seller = party(
        details.get("seller"),
        name=text_value(invoice.get("vendor_name")),
        vat_id=text_value(invoice.get("vendor_tax_id")),
        address=invoice.get("vendor_address"),
        cues=invoice.get("iban") or "",
    )
    buyer_detail = details.get("buyer") or {}
    buyer = party(
        buyer_detail,
        name=text_value(invoice.get("customer_name")),
        vat_id=text_value(buyer_detail.get("vat_id")),
        address=invoice.get("customer_address"),
        cues="",
    )
    _required(out, "BT-27", seller.name)
    _required(out, "BT-40", seller.country)
    _required(out, "BT-44", buyer.name)
    _required(out, "BT-55", buyer.country)
    subtotal, tax, total = _totals(invoice)
    _required(out, "BT-109", subtotal)
    _required(out, "BT-112", total)
    vat = vat_breakdown(invoice, details, subtotal, tax, out)
    if tax is None and vat:
        tax = sum((row.tax for row in vat), Decimal(0))
    lines = export_lines(invoice, vat, out)
    extras = allowances_charges(details, vat, out)
    payable = decimal_value(invoice.get("amount_due"))
    if payable is None:
        payable = total
    due_date, terms = iso_date(invoice.get("due_date")), text_value(invoice.get("payment_terms"))
    delivery_date, deliver_to = iso_date(invoice.get("delivery_date")), _deliver_to(details)
    period = details.get("invoice_period") or {}
    period_start, period_end = iso_date(period.get("start")), iso_date(period.get("end"))
    typed = text_value(invoice.get("delivery_date"))
    _intra_community(out, vat, typed, delivery_date, deliver_to, (period_start, period_end))
    rules = table()["seller_vat_id_rules"]  # these VAT categories need the seller's VAT id
    needing = [rules[row.category] for row in vat if row.category in rules]
    if not seller.vat_id and needing:
        out.append(missing("BT-31", rule=needing[0]))
    elif seller.name and not (seller.identifier or seller.registration_id or seller.vat_id):
        out.append(missing("BT-31", rule="BR-CO-26", alternatives=("BT-29", "BT-30")))
    if out:
        raise EInvoiceIncomplete(out, syntax=syntax)
    allowance_total = sum((a.amount for a in extras if not a.charge), Decimal(0))
    charge_total = sum((a.amount for a in extras if a.charge), Decimal(0))
    return ExportDocument(
        number=number,
        issue_date=issue_date,
        type_code=type_code,
        currency=currency,
        due_date=due_date,
        po_number=text_value(invoice.get("po_number")),
        payment_terms=terms,
        seller=seller,
        buyer=buyer,
        delivery_date=delivery_date,
        deliver_to=deliver_to,
        period_start=period_start,
        period_end=period_end,
        iban=text_value(invoice.get("iban")),
        bic=text_value(details.get("bic")),
        lines=tuple(lines),
        vat=tuple(vat),
        allowances_charges=tuple(extras),
        line_total=sum((line.net_amount for line in lines), Decimal(0)),
        allowance_total=allowance_total,
        charge_total=charge_total,
        tax_exclusive=subtotal,
        tax_total=tax if tax is not None else Decimal(0),
        tax_inclusive=total,
        prepaid=total - payable if payable is not None and payable < total else Decimal(0),
        payable=payable,
    )
