"""The one mapping from e-invoice XML (CII D16B, ZUGFeRD 1.0 `CrossIndustryDocument`, UBL 2.1 Invoice
and CreditNote) to the project's `Invoice`: every value read exactly (confidence 1.0, `raw_text` the
XML's string) and normalised as `ocr_tasks.invoice_types` says (ISO dates, decimal strings, compact
upper-case IBAN).

Paths use `{*}` namespace wildcards: the root's namespace is checked first (`syntax_of`), and CII D16B
and ZUGFeRD 1.0 share their element names except for the few alternatives listed side by side.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any
from xml.etree.ElementTree import Element

from ocr_tasks.einvoice.syntax import UBL_CREDIT_NOTE, UBL_INVOICE, ZUGFERD1
from ocr_tasks.errors import EInvoiceInvalid
from ocr_tasks.invoice_types import FieldValue, Invoice, LineItem

CONFIDENCE = 1.0


def _path(*steps: str) -> str:
    return "/".join(f"{{*}}{step}" for step in steps)


def _first(element: Element | None, *paths: str) -> Element | None:
    if element is None:
        return None
    for path in paths:
        found = element.find(path)
        if found is not None:
            return found
    return None


def _text(element: Element | None, *paths: str) -> str | None:
    found = _first(element, *paths) if paths else element
    if found is None or found.text is None:
        return None
    text = found.text.strip()
    return text or None


def _amount(raw: str) -> str:
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


def _date(raw: str) -> str:
    compact = raw.strip()
    if re.fullmatch(r"\d{8}", compact):  # CII format 102
        return f"{compact[:4]}-{compact[4:6]}-{compact[6:]}"
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", compact)  # UBL xs:date (maybe with a zone)
    if match:
        return "-".join(match.groups())
    raise EInvoiceInvalid(f"date {raw!r} is neither YYYYMMDD nor YYYY-MM-DD")


def _day(raw: str | None) -> str | None:
    """`raw` when it names a day (YYYYMMDD or ISO), else None: a delivery or period date given only to
    the month (CII format 610, `201412`) is left out rather than failing the whole reading."""
    if not raw:
        return None
    try:
        _date(raw)
    except EInvoiceInvalid:
        return None
    return raw


def _preceding_invoice(number: str | None, date: str | None) -> dict[str, str | None] | None:
    """EN 16931 BG-3: the invoice a credit note (or a corrected invoice) refers to, BT-25 its number and
    BT-26 its date (ISO when it reads as one, else as written); None without a number."""
    if not number:
        return None
    try:
        issued = _date(date) if date else None
    except EInvoiceInvalid:
        issued = date
    return {"number": number, "date": issued}


def _decimal_or_none(raw: str | None) -> str | None:
    return _amount(raw) if raw else None


# UNTDID 1001 document type codes of credit notes (EN 16931 allows 81, 83, 261, 262, 296, 308, 381, 396,
# 420, 458, 532); every other code is an invoice of some kind (380, 384 corrected, 389 self-billed, ...)
CREDIT_NOTE_CODES = frozenset({"81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"})


def _document_type(code: str) -> str:
    return "credit_note" if code.strip() in CREDIT_NOTE_CODES else "invoice"


def _iban(raw: str) -> str:
    return re.sub(r"\s+", "", raw).upper()


NORMALISERS = {
    "invoice_date": _date,
    "due_date": _date,
    "delivery_date": _date,
    "subtotal": _amount,
    "tax_amount": _amount,
    "total": _amount,
    "amount_due": _amount,
    "tax_rate": _amount,
    "quantity": _amount,
    "unit_price": _amount,
    "amount": _amount,
    "gross_unit_price": _amount,
    "discount_percent": _amount,
    "discount_amount": _amount,
    "price_base_quantity": _amount,
    "iban": _iban,
    "currency": str.upper,
    "tax_category": str.upper,
    "document_type": _document_type,
}


def _values(raw: dict[str, str | None]) -> dict[str, FieldValue]:
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


def _address(element: Element | None, parts: tuple[str, ...]) -> str | None:
    """The address parts joined with ", " (the country last); None when only the country is given."""
    if element is None:
        return None
    texts = {part: _text(element, _path(part)) for part in parts}
    if not any(text for part, text in texts.items() if part not in COUNTRY_PARTS):
        return None
    return ", ".join(t for t in texts.values() if t)


def _in_currency(elements: list[Element], currency: str | None) -> str | None:
    """The text of the amount in the invoice currency (CII and UBL repeat the VAT total in the
    accounting currency with another `currencyID`)."""
    texts = [(e.get("currencyID"), (e.text or "").strip()) for e in elements if (e.text or "").strip()]
    for code, text in texts:
        if currency and code == currency:
            return text
    return texts[0][1] if texts else None


def _single_rate(rates: list[str]) -> str | None:
    distinct = {_amount(r) for r in rates}
    return rates[0] if len(distinct) == 1 else None


# --- CII (D16B and ZUGFeRD 1.0) ------------------------------------------------------------------

CII_ADDRESS = ("LineOne", "LineTwo", "LineThree", "PostcodeCode", "CityName", "CountryID")


def _cii_tax_id(party: Element | None) -> str | None:
    if party is None:
        return None
    for reg in party.findall(_path("SpecifiedTaxRegistration", "ID")):
        if reg.get("schemeID") == "VA" and reg.text and reg.text.strip():
            return reg.text.strip()
    return None


def _cii_party(party: Element | None) -> dict[str, Any] | None:
    if party is None:
        return None
    address = _first(party, _path("PostalTradeAddress"))
    return {
        "id": _text(party, _path("ID"), _path("GlobalID")),  # BT-29 / BT-46
        "name": _text(party, _path("Name")),
        "vat_id": _cii_tax_id(party),
        "registration_id": _text(party, _path("SpecifiedLegalOrganization", "ID")),
        "address": _address(address, CII_ADDRESS),
        "country": _text(address, _path("CountryID")),
    }


def _cii_delivery(delivery: Element | None) -> dict[str, Any] | None:
    """BG-13 deliver-to: the ship-to party's name (BT-70), location id (BT-71) and address (BG-15, its
    country BT-80); None when the XML names no ship-to party."""
    ship_to = _first(delivery, _path("ShipToTradeParty"))
    if ship_to is None:
        return None
    address = _first(ship_to, _path("PostalTradeAddress"))
    return {
        "name": _text(ship_to, _path("Name")),
        "id": _text(ship_to, _path("ID"), _path("GlobalID")),
        "address": _address(address, CII_ADDRESS),
        "country": _text(address, _path("CountryID")),
    }


def _period(start: str | None, end: str | None) -> dict[str, str | None] | None:
    """BG-14 invoicing period: its start (BT-73) and end (BT-74) dates, ISO; None without either."""
    start, end = _day(start), _day(end)
    if not (start or end):
        return None
    return {"start": _date(start) if start else None, "end": _date(end) if end else None}


def _cii_allowances_charges(settlement: Element | None) -> list[dict[str, Any]]:
    if settlement is None:
        return []
    return [
        {
            "charge": (_text(item, _path("ChargeIndicator", "Indicator")) or "").lower() == "true",
            "amount": _decimal_or_none(_text(item, _path("ActualAmount"))),
            "reason": _text(item, _path("Reason")),
            "tax_rate": _decimal_or_none(
                _text(
                    item,
                    _path("CategoryTradeTax", "RateApplicablePercent"),
                    _path("CategoryTradeTax", "ApplicablePercent"),
                )
            ),
        }
        for item in settlement.findall(_path("SpecifiedTradeAllowanceCharge"))
    ]


def map_cii(root: Element, syntax: str) -> tuple[Invoice, dict[str, Any]]:
    v1 = syntax == ZUGFERD1
    doc = _first(root, _path("HeaderExchangedDocument") if v1 else _path("ExchangedDocument"))
    context = _first(root, _path("SpecifiedExchangedDocumentContext"), _path("ExchangedDocumentContext"))
    transaction = _first(
        root, _path("SpecifiedSupplyChainTradeTransaction") if v1 else _path("SupplyChainTradeTransaction")
    )
    if doc is None or transaction is None:
        raise EInvoiceInvalid(f"{syntax} without its document header or trade transaction")
    agreement = _first(
        transaction,
        _path("ApplicableSupplyChainTradeAgreement") if v1 else _path("ApplicableHeaderTradeAgreement"),
    )
    settlement = _first(
        transaction,
        _path("ApplicableSupplyChainTradeSettlement") if v1 else _path("ApplicableHeaderTradeSettlement"),
    )
    delivery = _first(
        transaction,
        _path("ApplicableSupplyChainTradeDelivery") if v1 else _path("ApplicableHeaderTradeDelivery"),
    )
    period = _first(settlement, _path("BillingSpecifiedPeriod"))
    seller = _first(agreement, _path("SellerTradeParty"))
    buyer = _first(agreement, _path("BuyerTradeParty"))
    sums = _first(
        settlement,
        _path("SpecifiedTradeSettlementMonetarySummation")
        if v1
        else _path("SpecifiedTradeSettlementHeaderMonetarySummation"),
    )
    means = (
        settlement.findall(_path("SpecifiedTradeSettlementPaymentMeans")) if settlement is not None else []
    )
    terms = _first(settlement, _path("SpecifiedTradePaymentTerms"))
    currency = _text(settlement, _path("InvoiceCurrencyCode"))
    taxes = settlement.findall(_path("ApplicableTradeTax")) if settlement is not None else []
    rate_path = _path("ApplicablePercent") if v1 else _path("RateApplicablePercent")
    rates = [t for tax in taxes if (t := _text(tax, rate_path))]
    iban = next(
        (t for m in means if (t := _text(m, _path("PayeePartyCreditorFinancialAccount", "IBANID")))), None
    )
    raw = {
        "document_type": _text(doc, _path("TypeCode")),
        "invoice_number": _text(doc, _path("ID")),
        "invoice_date": _text(doc, _path("IssueDateTime", "DateTimeString")),
        "due_date": _text(terms, _path("DueDateDateTime", "DateTimeString")),
        "delivery_date": _day(
            _text(delivery, _path("ActualDeliverySupplyChainEvent", "OccurrenceDateTime", "DateTimeString"))
        ),
        "vendor_name": _text(seller, _path("Name")),
        "vendor_address": _address(_first(seller, _path("PostalTradeAddress")), CII_ADDRESS),
        "vendor_tax_id": _cii_tax_id(seller),
        "customer_name": _text(buyer, _path("Name")),
        "customer_address": _address(_first(buyer, _path("PostalTradeAddress")), CII_ADDRESS),
        "po_number": _text(agreement, _path("BuyerOrderReferencedDocument", "IssuerAssignedID")),
        "currency": currency,
        "subtotal": _text(sums, _path("TaxBasisTotalAmount")),
        "tax_amount": _in_currency(sums.findall(_path("TaxTotalAmount")), currency)
        if sums is not None
        else None,
        "tax_rate": _single_rate(rates) if rates else None,
        "total": _text(sums, _path("GrandTotalAmount")),
        "amount_due": _text(sums, _path("DuePayableAmount")),
        "payment_terms": _text(terms, _path("Description")),
        "iban": iban,
    }
    items = tuple(
        _cii_line(line, v1) for line in transaction.findall(_path("IncludedSupplyChainTradeLineItem"))
    )
    details = {
        "guideline_id": _text(context, _path("GuidelineSpecifiedDocumentContextParameter", "ID")),
        "type_code": _text(doc, _path("TypeCode")),
        "preceding_invoices": [
            found
            for ref in (
                settlement.findall(_path("InvoiceReferencedDocument")) if settlement is not None else []
            )
            if (
                found := _preceding_invoice(
                    _text(ref, _path("IssuerAssignedID")),
                    _text(ref, _path("FormattedIssueDateTime", "DateTimeString")),
                )
            )
        ],
        "seller": _cii_party(seller),
        "buyer": _cii_party(buyer),
        "delivery": _cii_delivery(delivery),
        "invoice_period": _period(
            _text(period, _path("StartDateTime", "DateTimeString")),
            _text(period, _path("EndDateTime", "DateTimeString")),
        ),
        "allowances_charges": _cii_allowances_charges(settlement),
        "bic": next(
            (
                t
                for m in means
                if (t := _text(m, _path("PayeeSpecifiedCreditorFinancialInstitution", "BICID")))
            ),
            None,
        ),
        "vat_breakdown": [
            {
                "category": _text(tax, _path("CategoryCode")),
                "exemption_reason": _text(tax, _path("ExemptionReason")),
                "rate": _decimal_or_none(_text(tax, rate_path)),
                "basis": _decimal_or_none(_text(tax, _path("BasisAmount"))),
                "tax": _decimal_or_none(_text(tax, _path("CalculatedAmount"))),
            }
            for tax in taxes
        ],
    }
    return Invoice(fields=_values(raw), line_items=items), details


def _cii_line(line: Element, v1: bool) -> LineItem:
    agreement = _first(
        line, _path("SpecifiedSupplyChainTradeAgreement" if v1 else "SpecifiedLineTradeAgreement")
    )
    delivery = _first(
        line, _path("SpecifiedSupplyChainTradeDelivery" if v1 else "SpecifiedLineTradeDelivery")
    )
    settlement = _first(
        line, _path("SpecifiedSupplyChainTradeSettlement" if v1 else "SpecifiedLineTradeSettlement")
    )
    raw = {
        "description": _text(line, _path("SpecifiedTradeProduct", "Name")),
        "quantity": _text(delivery, _path("BilledQuantity")),
        "unit_price": _text(agreement, _path("NetPriceProductTradePrice", "ChargeAmount")),
        "amount": _text(
            settlement,
            _path("SpecifiedTradeSettlementMonetarySummation", "LineTotalAmount"),
            _path("SpecifiedTradeSettlementLineMonetarySummation", "LineTotalAmount"),
        ),
        "tax_rate": _text(
            settlement,
            _path("ApplicableTradeTax", "ApplicablePercent" if v1 else "RateApplicablePercent"),
        ),
        "tax_category": _text(settlement, _path("ApplicableTradeTax", "CategoryCode")),  # BT-151
        **_cii_line_price_terms(agreement, settlement),
    }
    return LineItem(cells=_values(raw))


def _allowances_less_charges(items: list[Element], amount_tag: str, indicator: str) -> str | None:
    """The line's allowances (BT-136) less its charges (BT-141) as a decimal string; None without any."""
    total, seen = Decimal(0), False
    for item in items:
        amount = _text(item, _path(amount_tag))
        if amount is None:
            continue
        seen = True
        charge = (_text(item, indicator) or "").lower() in ("true", "1")
        total += -Decimal(_amount(amount)) if charge else Decimal(_amount(amount))
    return format(total, "f") if seen else None


def _cii_line_price_terms(agreement: Element | None, settlement: Element | None) -> dict[str, str | None]:
    """What a line's amount is computed from besides quantity x net price (EN 16931 BT-131): the gross
    price (BT-148) with the percentage of its discount, the price base quantity (BT-149), the line's
    allowances less charges (BG-27/BG-28). Kept as line cells so that the line check can use them."""
    gross = _first(agreement, _path("GrossPriceProductTradePrice"))
    price_discounts = [
        a
        for a in (gross.findall(_path("AppliedTradeAllowanceCharge")) if gross is not None else [])
        if (_text(a, _path("ChargeIndicator", "Indicator")) or "").lower() == "false"
    ]
    line_charges = (
        settlement.findall(_path("SpecifiedTradeAllowanceCharge")) if settlement is not None else []
    )
    return {
        "gross_unit_price": _text(gross, _path("ChargeAmount")),
        "discount_percent": next(
            (t for a in price_discounts if (t := _text(a, _path("CalculationPercent")))), None
        ),
        "price_base_quantity": _text(agreement, _path("NetPriceProductTradePrice", "BasisQuantity")),
        "discount_amount": _allowances_less_charges(
            line_charges, "ActualAmount", _path("ChargeIndicator", "Indicator")
        ),
    }


# --- UBL 2.1 ---------------------------------------------------------------------------------------

UBL_ADDRESS = (
    "StreetName",
    "AdditionalStreetName",
    "PostalZone",
    "CityName",
    "Country/{*}IdentificationCode",
)


def _ubl_party_name(party: Element | None) -> str | None:
    return _text(party, _path("PartyLegalEntity", "RegistrationName"), _path("PartyName", "Name"))


def _ubl_vat_id(party: Element | None) -> str | None:
    if party is None:
        return None
    for scheme in party.findall(_path("PartyTaxScheme")):
        if (_text(scheme, _path("TaxScheme", "ID")) or "").upper() == "VAT":
            return _text(scheme, _path("CompanyID"))
    return None


def _ubl_party(party: Element | None) -> dict[str, Any] | None:
    if party is None:
        return None
    address = _first(party, _path("PostalAddress"))
    return {
        "id": _text(party, _path("PartyIdentification", "ID")),
        "name": _ubl_party_name(party),
        "vat_id": _ubl_vat_id(party),
        "registration_id": _text(party, _path("PartyLegalEntity", "CompanyID")),
        "address": _address(address, UBL_ADDRESS),
        "country": _text(address, _path("Country", "IdentificationCode")),
    }


def _ubl_delivery(root: Element) -> dict[str, Any] | None:
    """BG-13 deliver-to of a UBL invoice: `Delivery`'s party name (BT-70), location id (BT-71) and
    address (BG-15, country BT-80); None when it names no place."""
    delivery = _first(root, _path("Delivery"))
    location = _first(delivery, _path("DeliveryLocation"))
    name = _text(delivery, _path("DeliveryParty", "PartyName", "Name"))
    if location is None and name is None:
        return None
    address = _first(location, _path("Address"))
    return {
        "name": name,
        "id": _text(location, _path("ID")),
        "address": _address(address, UBL_ADDRESS),
        "country": _text(address, _path("Country", "IdentificationCode")),
    }


def map_ubl(root: Element, syntax: str) -> tuple[Invoice, dict[str, Any]]:
    if syntax not in (UBL_INVOICE, UBL_CREDIT_NOTE):
        raise EInvoiceInvalid(f"{syntax} is not UBL")
    seller = _first(root, _path("AccountingSupplierParty", "Party"))
    buyer = _first(root, _path("AccountingCustomerParty", "Party"))
    sums = _first(root, _path("LegalMonetaryTotal"))
    currency = _text(root, _path("DocumentCurrencyCode"))
    means = root.findall(_path("PaymentMeans"))
    subtotals = root.findall(_path("TaxTotal", "TaxSubtotal"))
    rates = [t for s in subtotals if (t := _text(s, _path("TaxCategory", "Percent")))]
    raw = {
        "document_type": _text(root, _path("InvoiceTypeCode"), _path("CreditNoteTypeCode")),
        "invoice_number": _text(root, _path("ID")),
        "invoice_date": _text(root, _path("IssueDate")),
        "due_date": _text(root, _path("DueDate"))
        or next((t for m in means if (t := _text(m, _path("PaymentDueDate")))), None),
        "delivery_date": _day(_text(root, _path("Delivery", "ActualDeliveryDate"))),
        "vendor_name": _ubl_party_name(seller),
        "vendor_address": _address(_first(seller, _path("PostalAddress")), UBL_ADDRESS),
        "vendor_tax_id": _ubl_vat_id(seller),
        "customer_name": _ubl_party_name(buyer),
        "customer_address": _address(_first(buyer, _path("PostalAddress")), UBL_ADDRESS),
        "po_number": _text(root, _path("OrderReference", "ID")),
        "currency": currency,
        "subtotal": _text(sums, _path("TaxExclusiveAmount")),
        "tax_amount": _in_currency(root.findall(_path("TaxTotal", "TaxAmount")), currency),
        "tax_rate": _single_rate(rates) if rates else None,
        "total": _text(sums, _path("TaxInclusiveAmount")),
        "amount_due": _text(sums, _path("PayableAmount")),
        "payment_terms": _text(root, _path("PaymentTerms", "Note")),
        "iban": next((t for m in means if (t := _text(m, _path("PayeeFinancialAccount", "ID")))), None),
    }
    line_tag = "InvoiceLine" if syntax == UBL_INVOICE else "CreditNoteLine"
    quantity_tag = "InvoicedQuantity" if syntax == UBL_INVOICE else "CreditedQuantity"
    items = tuple(
        LineItem(
            cells=_values(
                {
                    "description": _text(line, _path("Item", "Name")),
                    "quantity": _text(line, _path(quantity_tag)),
                    "unit_price": _text(line, _path("Price", "PriceAmount")),
                    "amount": _text(line, _path("LineExtensionAmount")),
                    "tax_rate": _text(line, _path("Item", "ClassifiedTaxCategory", "Percent")),
                    "tax_category": _text(line, _path("Item", "ClassifiedTaxCategory", "ID")),  # BT-151
                    # EN 16931 BT-148 gross price, BT-149 price base quantity, BG-27/28 line
                    # allowances less charges: what the line amount is computed from besides
                    # quantity x net price
                    "gross_unit_price": _text(line, _path("Price", "AllowanceCharge", "BaseAmount")),
                    "price_base_quantity": _text(line, _path("Price", "BaseQuantity")),
                    "discount_amount": _allowances_less_charges(
                        line.findall(_path("AllowanceCharge")), "Amount", _path("ChargeIndicator")
                    ),
                }
            )
        )
        for line in root.findall(_path(line_tag))
    )
    details = {
        "guideline_id": _text(root, _path("CustomizationID")),
        "type_code": _text(root, _path("InvoiceTypeCode"), _path("CreditNoteTypeCode")),
        "preceding_invoices": [
            found
            for ref in root.findall(_path("BillingReference", "InvoiceDocumentReference"))
            if (found := _preceding_invoice(_text(ref, _path("ID")), _text(ref, _path("IssueDate"))))
        ],
        "seller": _ubl_party(seller),
        "buyer": _ubl_party(buyer),
        "delivery": _ubl_delivery(root),
        "invoice_period": _period(
            _text(root, _path("InvoicePeriod", "StartDate")), _text(root, _path("InvoicePeriod", "EndDate"))
        ),
        "allowances_charges": [
            {
                "charge": (_text(item, _path("ChargeIndicator")) or "").lower() in ("true", "1"),
                "amount": _decimal_or_none(_text(item, _path("Amount"))),
                "reason": _text(item, _path("AllowanceChargeReason")),
                "tax_rate": _decimal_or_none(_text(item, _path("TaxCategory", "Percent"))),
            }
            for item in root.findall(_path("AllowanceCharge"))
        ],
        "bic": next(
            (
                t
                for m in means
                if (t := _text(m, _path("PayeeFinancialAccount", "FinancialInstitutionBranch", "ID")))
            ),
            None,
        ),
        "vat_breakdown": [
            {
                "category": _text(s, _path("TaxCategory", "ID")),
                "exemption_reason": _text(s, _path("TaxCategory", "TaxExemptionReason")),
                "rate": _decimal_or_none(_text(s, _path("TaxCategory", "Percent"))),
                "basis": _decimal_or_none(_text(s, _path("TaxableAmount"))),
                "tax": _decimal_or_none(_text(s, _path("TaxAmount"))),
            }
            for s in subtotals
        ],
    }
    return Invoice(fields=_values(raw), line_items=items), details
