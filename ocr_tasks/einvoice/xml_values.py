"""What the e-invoice mappings (`cii_mapping`, `ubl_mapping`) share: namespace-free paths into the XML, its
values read and normalised as `ocr_tasks.invoice_types` says (ISO dates, decimal strings, compact upper-case
IBAN), the document type of a type code, parties' addresses, the invoicing period."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element

from ocr_tasks.errors import EInvoiceInvalid
from ocr_tasks.invoice_types import FieldValue

CONFIDENCE = 1.0


def xpath(*steps: str) -> str:
    return "/".join(f"{{*}}{step}" for step in steps)


def first_element(element: Element | None, *paths: str) -> Element | None:
    if element is None:
        return None
    for path in paths:
        found = element.find(path)
        if found is not None:
            return found
    return None


def element_text(element: Element | None, *paths: str) -> str | None:
    found = first_element(element, *paths) if paths else element
    if found is None or found.text is None:
        return None
    text = found.text.strip()
    return text or None


def amount_value(raw: str) -> str:
    try:
        value = Decimal(raw.replace(" ", ""))
    except InvalidOperation as exc:
        raise EInvoiceInvalid(f"amount {raw!r} is not a decimal number") from exc
    if not value.is_finite():
        raise EInvoiceInvalid(f"amount {raw!r} is not a finite number")
    # trailing zeros beyond the cents dropped ("7.000000" -> "7.00"), more precision kept ("0.1234")
    value = value.normalize()
    if value.as_tuple().exponent > -2:  # type: ignore[operator]
        value = value.quantize(Decimal("0.01"))
    return format(value, "f")


def date_value(raw: str) -> str:
    compact = raw.strip()
    if re.fullmatch(r"\d{8}", compact):  # CII format 102
        return f"{compact[:4]}-{compact[4:6]}-{compact[6:]}"
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", compact)  # UBL xs:date (maybe with a zone)
    if match:
        return "-".join(match.groups())
    raise EInvoiceInvalid(f"date {raw!r} is neither YYYYMMDD nor YYYY-MM-DD")


def day_value(raw: str | None) -> str | None:
    """`raw` when it names a day (YYYYMMDD or ISO), else None: a delivery or period date given only to
    the month (CII format 610, `201412`) is left out rather than failing the whole reading."""
    if not raw:
        return None
    try:
        date_value(raw)
    except EInvoiceInvalid:
        return None
    return raw


def preceding_invoice(number: str | None, date: str | None) -> dict[str, str | None] | None:
    """EN 16931 BG-3: the invoice a credit note (or a corrected invoice) refers to, BT-25 its number and
    BT-26 its date (ISO when it reads as one, else as written); None without a number."""
    if not number:
        return None
    try:
        issued = date_value(date) if date else None
    except EInvoiceInvalid:
        issued = date
    return {"number": number, "date": issued}


def decimal_or_none(raw: str | None) -> str | None:
    return amount_value(raw) if raw else None


# UNTDID 1001 document type codes of credit notes (EN 16931 allows 81, 83, 261, 262, 296, 308, 381, 396,
# 420, 458, 532); every other code is an invoice of some kind (380, 384 corrected, 389 self-billed, ...)
CREDIT_NOTE_CODES = frozenset({"81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"})


def document_type_of(code: str) -> str:
    return "credit_note" if code.strip() in CREDIT_NOTE_CODES else "invoice"


def iban_value(raw: str) -> str:
    return re.sub(r"\s+", "", raw).upper()


NORMALISERS = {
    "invoice_date": date_value,
    "due_date": date_value,
    "delivery_date": date_value,
    "subtotal": amount_value,
    "tax_amount": amount_value,
    "total": amount_value,
    "amount_due": amount_value,
    "tax_rate": amount_value,
    "quantity": amount_value,
    "unit_price": amount_value,
    "amount": amount_value,
    "gross_unit_price": amount_value,
    "discount_percent": amount_value,
    "discount_amount": amount_value,
    "price_base_quantity": amount_value,
    "iban": iban_value,
    "currency": str.upper,
    "tax_category": str.upper,
    "document_type": document_type_of,
}


def field_values(raw: dict[str, str | None]) -> dict[str, FieldValue]:
    out: dict[str, FieldValue] = {}
    for name, text in raw.items():
        if text is None:
            continue
        value = NORMALISERS.get(name, lambda s: s)(text)
        out[name] = FieldValue(name=name, value=value, raw_text=text, confidence=CONFIDENCE)
    return out


# the country part of an address (CII, UBL): alone it is no address (a Factur-X MINIMUM party has only
# its country), so it is kept as the party's `country` and the address is left out
COUNTRY_PARTS = frozenset({"CountryID", "Country/{*}IdentificationCode"})


def address_of(element: Element | None, parts: tuple[str, ...]) -> str | None:
    """The address parts joined with ", " (the country last); None when only the country is given."""
    if element is None:
        return None
    texts = {part: element_text(element, xpath(part)) for part in parts}
    if not any(text for part, text in texts.items() if part not in COUNTRY_PARTS):
        return None
    return ", ".join(t for t in texts.values() if t)


def in_currency(elements: list[Element], currency: str | None) -> str | None:
    """The text of the amount in the invoice currency (CII and UBL repeat the VAT total in the
    accounting currency with another `currencyID`)."""
    texts = [(e.get("currencyID"), (e.text or "").strip()) for e in elements if (e.text or "").strip()]
    for code, text in texts:
        if currency and code == currency:
            return text
    return texts[0][1] if texts else None


def single_rate(rates: list[str]) -> str | None:
    distinct = {amount_value(r) for r in rates}
    return rates[0] if len(distinct) == 1 else None


def period_of(start: str | None, end: str | None) -> dict[str, str | None] | None:
    """BG-14 invoicing period: its start (BT-73) and end (BT-74) dates, ISO; None without either."""
    start, end = day_value(start), day_value(end)
    if not (start or end):
        return None
    return {"start": date_value(start) if start else None, "end": date_value(end) if end else None}


def allowances_less_charges(items: list[Element], amount_tag: str, indicator: str) -> str | None:
    """The line's allowances (BT-136) less its charges (BT-141) as a decimal string; None without any."""
    total, seen = Decimal(0), False
    for item in items:
        amount = element_text(item, xpath(amount_tag))
        if amount is None:
            continue
        seen = True
        charge = (element_text(item, indicator) or "").lower() in ("true", "1")
        total += -Decimal(amount_value(amount)) if charge else Decimal(amount_value(amount))
    return format(total, "f") if seen else None
