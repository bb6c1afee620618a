"""The EN 16931 content of an export, built once from an `Invoice` (its current values: fields, line
items, and the parties, payment, VAT breakdown and allowances/charges that `ocr_tasks.einvoice.mapping`
kept in `Invoice.einvoice`), for both writers (`ubl`, `cii`).

`build_document` derives only what the document implies (each derivation is named in
`business_terms.json`: a total from the other two amounts, a single VAT rate's breakdown, quantity 1 for
a line priced at its amount, the countries of VAT ids) and lists every mandatory term it cannot fill
(`EInvoiceIncomplete`); a value that cannot be read as its kind (a date that is not ISO, an amount that
is not a number) counts as missing. Nothing is invented to make a file pass. A credit note is written
with magnitudes whichever sign its amounts were read with (`credit_signs`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ocr_tasks.einvoice.writers.credit_signs import credit_note_as_magnitudes
from ocr_tasks.einvoice.writers.terms import EInvoiceIncomplete, MissingTerm, missing, table
from ocr_tasks.invoice_types import Invoice

CENT = Decimal("0.01")
_POSTCODE = re.compile(r"^(?=.*\d)[A-Z0-9][A-Z0-9 -]{1,9}$", re.IGNORECASE)
_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")


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
        from ocr_tasks.einvoice.mapping import CREDIT_NOTE_CODES

        return self.type_code in CREDIT_NOTE_CODES


# --- values ------------------------------------------------------------------------------------------


def _decimal(text: Any) -> Decimal | None:
    if text is None or text == "":
        return None
    try:
        value = Decimal(str(text).replace(" ", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _amount(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _plain(value: Decimal) -> Decimal:
    """Trailing zeros dropped without an exponent (100.0000 -> 100, 2.5000 -> 2.5)."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value  # type: ignore[operator]


def _iso_date(value: Any) -> str | None:
    """An ISO date (`YYYY-MM-DD`, as the project normalises dates), else None: a value that is not a
    date is as good as missing."""
    from datetime import date

    try:
        return date.fromisoformat(str(value).strip()).isoformat() if value else None
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    """The value as given (only outer blanks stripped: a round trip gives back the same string)."""
    if value is None:
        return None
    return str(value).strip() or None


def split_address(address: str | None, country: str | None) -> tuple[tuple[str, ...], str | None, str | None]:
    """(lines, postcode, city) of an address joined with ", " (as the e-invoice mapping joins one, or as
    OCR reads it); a trailing country code equal to `country` is dropped (written as the country)."""
    parts = [p.strip() for p in (address or "").replace("\n", ", ").split(",") if p.strip()]
    if parts and country and parts[-1].upper() == country.upper():
        parts.pop()
    postcode = city = None
    if len(parts) >= 2 and _POSTCODE.match(parts[-2]):
        postcode, city, parts = parts[-2], parts[-1], parts[:-2]
    elif len(parts) >= 2:
        city, parts = parts[-1], parts[:-1]
    lines = tuple(parts[:2]) + ((", ".join(parts[2:]),) if len(parts) > 2 else ())
    return lines, postcode, city


def _party(
    detail: Mapping[str, Any] | None, *, name: str | None, vat_id: str | None, address: str | None, cues: str
) -> Party:
    from ocr_tasks.normalise.countries import guess_country

    detail = detail or {}
    country = _text(detail.get("country"))
    if not (country and _COUNTRY_CODE.match(country.upper())):
        country = guess_country(" ".join(t for t in (vat_id, address, cues) if t))
    lines, postcode, city = split_address(address, country)
    return Party(
        name=name,
        identifier=_text(detail.get("id")),
        vat_id=vat_id,
        registration_id=_text(detail.get("registration_id")),
        lines=lines,
        postcode=postcode,
        city=city,
        country=country.upper() if country else None,
    )


def _type_code(invoice: Invoice, details: Mapping[str, Any]) -> str:
    from ocr_tasks.einvoice.mapping import CREDIT_NOTE_CODES

    codes = table()["type_codes"]
    kept = _text(details.get("type_code"))
    document_type = invoice.get("document_type")
    if kept and (document_type is None or (kept in CREDIT_NOTE_CODES) == (document_type == "credit_note")):
        return kept  # the e-invoice's own code, unless a reviewer changed the kind of document
    return codes.get(document_type or "", table()["default_type_code"])


# --- amounts -------------------------------------------------------------------------------------------


def _totals(invoice: Invoice) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """BT-109, BT-110, BT-112: each derived from the other two when it is missing."""
    subtotal, tax, total = (_decimal(invoice.get(n)) for n in ("subtotal", "tax_amount", "total"))
    if subtotal is None and tax is not None and total is not None:
        subtotal = total - tax
    if tax is None and subtotal is not None and total is not None:
        tax = total - subtotal
    if total is None and subtotal is not None and tax is not None:
        total = subtotal + tax
    return subtotal, tax, total


def implied_rate(basis: Decimal, tax: Decimal) -> Decimal | None:
    """The VAT rate (at most two decimals) that gives `tax` on `basis` to the cent, or None."""
    if not basis:
        return None
    exact = tax / basis * 100
    for places in (Decimal("1"), Decimal("0.1"), CENT):
        rate = exact.quantize(places, rounding=ROUND_HALF_UP)
        if _amount(basis * rate / 100) == _amount(tax):
            return rate
    return None


def _category_for_rate(rate: Decimal | None) -> str | None:
    return table()["standard_rate_category"] if rate is not None and rate > 0 else None


def _breakdown(
    invoice: Invoice, details: Mapping[str, Any], subtotal, tax, out: list[MissingTerm]
) -> list[VatBreakdown]:
    reasons = table()["exemption_reasons"]
    kept = details.get("vat_breakdown") or []
    if kept:
        rows = []
        for i, row in enumerate(kept, 1):
            category, basis, amount = (
                _text(row.get("category")),
                _decimal(row.get("basis")),
                _decimal(row.get("tax")),
            )
            where = f"VAT breakdown {i}"
            for term, value in (("BT-118", category), ("BT-116", basis), ("BT-117", amount)):
                if value is None:
                    out.append(missing(term, where=where))
            if category and basis is not None and amount is not None:
                reason = _text(row.get("exemption_reason")) or reasons.get(category)
                rows.append(VatBreakdown(category, _decimal(row.get("rate")), basis, amount, reason))
        return rows
    if subtotal is None or tax is None:
        out.append(missing("BG-23"))
        return []
    rate = _decimal(invoice.get("tax_rate"))
    if rate is None:
        rate = implied_rate(subtotal, tax)
    category = _category_for_rate(rate)
    if category is None:
        out.append(missing("BT-119" if rate is None else "BT-118", where="VAT breakdown 1"))
        return []
    return [VatBreakdown(category, rate, subtotal, tax)]


def _category_of(rate: Decimal | None, vat: list[VatBreakdown]) -> str | None:
    if rate is None:
        return vat[0].category if len(vat) == 1 else None
    for row in vat:
        if row.rate is not None and row.rate == rate:
            return row.category
    if rate == 0:
        return next((row.category for row in vat if row.rate is None), None)
    return None


def _lines(invoice: Invoice, vat: list[VatBreakdown], out: list[MissingTerm]) -> list[Line]:
    unit = table()["default_unit_code"]
    lines = []
    if not invoice.line_items:
        out.append(missing("BG-25"))
    for i, item in enumerate(invoice.line_items, 1):
        where = f"line {i}"
        name = _text(item.get("description"))
        quantity, price, amount = (_decimal(item.get(c)) for c in ("quantity", "unit_price", "amount"))
        if quantity is None and amount is not None and (price is None or price == amount):
            quantity = Decimal(1)
        if amount is None and quantity is not None and price is not None:
            amount = _amount(quantity * price)
        if price is None and amount is not None and quantity:
            price = _plain((amount / quantity).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))
        rate = _decimal(item.get("tax_rate"))
        if rate is None and len(vat) == 1:
            rate = vat[0].rate
        category = _category_of(rate, vat)
        for term, value in (
            ("BT-153", name),
            ("BT-129", quantity),
            ("BT-131", amount),
            ("BT-146", price),
            ("BT-151", category),
        ):
            if value is None:
                out.append(missing(term, where=where))
        if None in (name, quantity, amount, price, category):
            continue
        if category == "O":  # "not subject to VAT" carries no rate
            rate = None
        lines.append(Line(str(i), name, quantity, unit, _amount(amount), price, category, rate))  # type: ignore[arg-type]
    return lines


def _allowances(details: Mapping[str, Any], vat: list[VatBreakdown], out: list[MissingTerm]):
    rows = []
    for i, row in enumerate(details.get("allowances_charges") or [], 1):
        charge = bool(row.get("charge"))
        where = f"{'charge' if charge else 'allowance'} {i}"
        amount, reason, rate = (
            _decimal(row.get("amount")),
            _text(row.get("reason")),
            _decimal(row.get("tax_rate")),
        )
        category = _category_of(rate, vat)
        terms = ("BT-99", "BT-104", "BT-102") if charge else ("BT-92", "BT-97", "BT-95")
        for term, value in zip(terms, (amount, reason, category), strict=True):
            if value is None:
                out.append(missing(term, where=where))
        if category == "O":
            rate = None
        if amount is not None and reason and category:
            rows.append(AllowanceCharge(charge, amount, reason, category, rate))
    return rows


# --- the document --------------------------------------------------------------------------------------


def _required(out: list[MissingTerm], term: str, value):
    if value is None:
        out.append(missing(term))
    return value


def build_document(invoice: Invoice, *, syntax: str) -> ExportDocument:
    """The export content of `invoice`; raises `EInvoiceIncomplete` listing every mandatory term (and
    every term a business rule makes necessary) that the document lacks."""
    from ocr_tasks.einvoice.mapping import CREDIT_NOTE_CODES

    type_code = _type_code(invoice, invoice.einvoice or {})
    if type_code in CREDIT_NOTE_CODES:  # written with magnitudes, whichever sign the page printed
        invoice = credit_note_as_magnitudes(invoice, syntax=syntax)
    details: Mapping[str, Any] = invoice.einvoice or {}
    out: list[MissingTerm] = []
    number = _required(out, "BT-1", _text(invoice.get("invoice_number")))
    issue_date = _required(out, "BT-2", _iso_date(invoice.get("invoice_date")))
    currency = _required(out, "BT-5", (_text(invoice.get("currency")) or "").upper() or None)
    seller = _party(
        details.get("seller"),
        name=_text(invoice.get("vendor_name")),
        vat_id=_text(invoice.get("vendor_tax_id")),
        address=invoice.get("vendor_address"),
        cues=invoice.get("iban") or "",
    )
    buyer_detail = details.get("buyer") or {}
    buyer = _party(
        buyer_detail,
        name=_text(invoice.get("customer_name")),
        vat_id=_text(buyer_detail.get("vat_id")),
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
    vat = _breakdown(invoice, details, subtotal, tax, out)
    if tax is None and vat:
        tax = sum((row.tax for row in vat), Decimal(0))
    lines = _lines(invoice, vat, out)
    extras = _allowances(details, vat, out)
    payable = _decimal(invoice.get("amount_due"))
    if payable is None:
        payable = total
    due_date, terms = _iso_date(invoice.get("due_date")), _text(invoice.get("payment_terms"))
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
        po_number=_text(invoice.get("po_number")),
        payment_terms=terms,
        seller=seller,
        buyer=buyer,
        iban=_text(invoice.get("iban")),
        bic=_text(details.get("bic")),
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
