"""CII D16B and ZUGFeRD 1.0 (`CrossIndustryDocument`) XML -> `Invoice` (see `mapping`)."""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from ocr_tasks.einvoice.syntax import ZUGFERD1
from ocr_tasks.einvoice.xml_values import (
    address_of,
    allowances_less_charges,
    day_value,
    decimal_or_none,
    element_text,
    field_values,
    first_element,
    in_currency,
    period_of,
    preceding_invoice,
    single_rate,
    xpath,
)
from ocr_tasks.errors import EInvoiceInvalid
from ocr_tasks.invoice_types import Invoice, LineItem

# --- CII (D16B and ZUGFeRD 1.0) ------------------------------------------------------------------

CII_ADDRESS = ("LineOne", "LineTwo", "LineThree", "PostcodeCode", "CityName", "CountryID")


def _cii_tax_id(party: Element | None) -> str | None:
    if party is None:
        return None
    for reg in party.findall(xpath("SpecifiedTaxRegistration", "ID")):
        if reg.get("schemeID") == "VA" and reg.text and reg.text.strip():
            return reg.text.strip()
    return None


def _cii_party(party: Element | None) -> dict[str, Any] | None:
    if party is None:
        return None
    address = first_element(party, xpath("PostalTradeAddress"))
    return {
        "id": element_text(party, xpath("ID"), xpath("GlobalID")),  # BT-29 / BT-46
        "name": element_text(party, xpath("Name")),
        "vat_id": _cii_tax_id(party),
        "registration_id": element_text(party, xpath("SpecifiedLegalOrganization", "ID")),
        "address": address_of(address, CII_ADDRESS),
        "country": element_text(address, xpath("CountryID")),
    }


def _cii_delivery(delivery: Element | None) -> dict[str, Any] | None:
    """BG-13 deliver-to: the ship-to party's name (BT-70), location id (BT-71) and address (BG-15, its
    country BT-80); None when the XML names no ship-to party."""
    ship_to = first_element(delivery, xpath("ShipToTradeParty"))
    if ship_to is None:
        return None
    address = first_element(ship_to, xpath("PostalTradeAddress"))
    return {
        "name": element_text(ship_to, xpath("Name")),
        "id": element_text(ship_to, xpath("ID"), xpath("GlobalID")),
        "address": address_of(address, CII_ADDRESS),
        "country": element_text(address, xpath("CountryID")),
    }


def _cii_allowances_charges(settlement: Element | None) -> list[dict[str, Any]]:
    if settlement is None:
        return []
    return [
        {
            "charge": (element_text(item, xpath("ChargeIndicator", "Indicator")) or "").lower() == "true",
            "amount": decimal_or_none(element_text(item, xpath("ActualAmount"))),
            "reason": element_text(item, xpath("Reason")),
            "tax_rate": decimal_or_none(
                element_text(
                    item,
                    xpath("CategoryTradeTax", "RateApplicablePercent"),
                    xpath("CategoryTradeTax", "ApplicablePercent"),
                )
            ),
        }
        for item in settlement.findall(xpath("SpecifiedTradeAllowanceCharge"))
    ]


def map_cii(root: Element, syntax: str) -> tuple[Invoice, dict[str, Any]]:
    v1 = syntax == ZUGFERD1
    doc = first_element(root, xpath("HeaderExchangedDocument") if v1 else xpath("ExchangedDocument"))
    context = first_element(
        root, xpath("SpecifiedExchangedDocumentContext"), xpath("ExchangedDocumentContext")
    )
    transaction = first_element(
        root, xpath("SpecifiedSupplyChainTradeTransaction") if v1 else xpath("SupplyChainTradeTransaction")
    )
    if doc is None or transaction is None:
        raise EInvoiceInvalid(f"{syntax} without its document header or trade transaction")
    agreement = first_element(
        transaction,
        xpath("ApplicableSupplyChainTradeAgreement") if v1 else xpath("ApplicableHeaderTradeAgreement"),
    )
    settlement = first_element(
        transaction,
        xpath("ApplicableSupplyChainTradeSettlement") if v1 else xpath("ApplicableHeaderTradeSettlement"),
    )
    delivery = first_element(
        transaction,
        xpath("ApplicableSupplyChainTradeDelivery") if v1 else xpath("ApplicableHeaderTradeDelivery"),
    )
    period = first_element(settlement, xpath("BillingSpecifiedPeriod"))
    seller = first_element(agreement, xpath("SellerTradeParty"))
    buyer = first_element(agreement, xpath("BuyerTradeParty"))
    sums = first_element(
        settlement,
        xpath("SpecifiedTradeSettlementMonetarySummation")
        if v1
        else xpath("SpecifiedTradeSettlementHeaderMonetarySummation"),
    )
    means = (
        settlement.findall(xpath("SpecifiedTradeSettlementPaymentMeans")) if settlement is not None else []
    )
    terms = first_element(settlement, xpath("SpecifiedTradePaymentTerms"))
    currency = element_text(settlement, xpath("InvoiceCurrencyCode"))
    taxes = settlement.findall(xpath("ApplicableTradeTax")) if settlement is not None else []
    rate_path = xpath("ApplicablePercent") if v1 else xpath("RateApplicablePercent")
    rates = [t for tax in taxes if (t := element_text(tax, rate_path))]
    iban = next(
        (t for m in means if (t := element_text(m, xpath("PayeePartyCreditorFinancialAccount", "IBANID")))),
        None,
    )
    raw = {
        "document_type": element_text(doc, xpath("TypeCode")),
        "invoice_number": element_text(doc, xpath("ID")),
        "invoice_date": element_text(doc, xpath("IssueDateTime", "DateTimeString")),
        "due_date": element_text(terms, xpath("DueDateDateTime", "DateTimeString")),
        "delivery_date": day_value(
            element_text(
                delivery, xpath("ActualDeliverySupplyChainEvent", "OccurrenceDateTime", "DateTimeString")
            )
        ),
        "vendor_name": element_text(seller, xpath("Name")),
        "vendor_address": address_of(first_element(seller, xpath("PostalTradeAddress")), CII_ADDRESS),
        "vendor_tax_id": _cii_tax_id(seller),
        "customer_name": element_text(buyer, xpath("Name")),
        "customer_address": address_of(first_element(buyer, xpath("PostalTradeAddress")), CII_ADDRESS),
        "po_number": element_text(agreement, xpath("BuyerOrderReferencedDocument", "IssuerAssignedID")),
        "currency": currency,
        "subtotal": element_text(sums, xpath("TaxBasisTotalAmount")),
        "tax_amount": in_currency(sums.findall(xpath("TaxTotalAmount")), currency)
        if sums is not None
        else None,
        "tax_rate": single_rate(rates) if rates else None,
        "total": element_text(sums, xpath("GrandTotalAmount")),
        "amount_due": element_text(sums, xpath("DuePayableAmount")),
        "payment_terms": element_text(terms, xpath("Description")),
        "iban": iban,
    }
    items = tuple(
        _cii_line(line, v1) for line in transaction.findall(xpath("IncludedSupplyChainTradeLineItem"))
    )
    details = {
        "guideline_id": element_text(context, xpath("GuidelineSpecifiedDocumentContextParameter", "ID")),
        "type_code": element_text(doc, xpath("TypeCode")),
        "preceding_invoices": [
            found
            for ref in (
                settlement.findall(xpath("InvoiceReferencedDocument")) if settlement is not None else []
            )
            if (
                found := preceding_invoice(
                    element_text(ref, xpath("IssuerAssignedID")),
                    element_text(ref, xpath("FormattedIssueDateTime", "DateTimeString")),
                )
            )
        ],
        "seller": _cii_party(seller),
        "buyer": _cii_party(buyer),
        "delivery": _cii_delivery(delivery),
        "invoice_period": period_of(
            element_text(period, xpath("StartDateTime", "DateTimeString")),
            element_text(period, xpath("EndDateTime", "DateTimeString")),
        ),
        "allowances_charges": _cii_allowances_charges(settlement),
        "bic": next(
            (
                t
                for m in means
                if (t := element_text(m, xpath("PayeeSpecifiedCreditorFinancialInstitution", "BICID")))
            ),
            None,
        ),
        "vat_breakdown": [
            {
                "category": element_text(tax, xpath("CategoryCode")),
                "exemption_reason": element_text(tax, xpath("ExemptionReason")),
                "rate": decimal_or_none(element_text(tax, rate_path)),
                "basis": decimal_or_none(element_text(tax, xpath("BasisAmount"))),
                "tax": decimal_or_none(element_text(tax, xpath("CalculatedAmount"))),
            }
            for tax in taxes
        ],
    }
    return Invoice(fields=field_values(raw), line_items=items), details


def _cii_line(line: Element, v1: bool) -> LineItem:
    agreement = first_element(
        line, xpath("SpecifiedSupplyChainTradeAgreement" if v1 else "SpecifiedLineTradeAgreement")
    )
    delivery = first_element(
        line, xpath("SpecifiedSupplyChainTradeDelivery" if v1 else "SpecifiedLineTradeDelivery")
    )
    settlement = first_element(
        line, xpath("SpecifiedSupplyChainTradeSettlement" if v1 else "SpecifiedLineTradeSettlement")
    )
    raw = {
        "description": element_text(line, xpath("SpecifiedTradeProduct", "Name")),
        "quantity": element_text(delivery, xpath("BilledQuantity")),
        "unit_price": element_text(agreement, xpath("NetPriceProductTradePrice", "ChargeAmount")),
        "amount": element_text(
            settlement,
            xpath("SpecifiedTradeSettlementMonetarySummation", "LineTotalAmount"),
            xpath("SpecifiedTradeSettlementLineMonetarySummation", "LineTotalAmount"),
        ),
        "tax_rate": element_text(
            settlement,
            xpath("ApplicableTradeTax", "ApplicablePercent" if v1 else "RateApplicablePercent"),
        ),
        "tax_category": element_text(settlement, xpath("ApplicableTradeTax", "CategoryCode")),  # BT-151
        **_cii_line_price_terms(agreement, settlement),
    }
    return LineItem(cells=field_values(raw))


def _cii_line_price_terms(agreement: Element | None, settlement: Element | None) -> dict[str, str | None]:
    """What a line's amount is computed from besides quantity x net price (EN 16931 BT-131): the gross
    price (BT-148) with the percentage of its discount, the price base quantity (BT-149), the line's
    allowances less charges (BG-27/BG-28). Kept as line cells so that the line check can use them."""
    gross = first_element(agreement, xpath("GrossPriceProductTradePrice"))
    price_discounts = [
        a
        for a in (gross.findall(xpath("AppliedTradeAllowanceCharge")) if gross is not None else [])
        if (element_text(a, xpath("ChargeIndicator", "Indicator")) or "").lower() == "false"
    ]
    line_charges = (
        settlement.findall(xpath("SpecifiedTradeAllowanceCharge")) if settlement is not None else []
    )
    return {
        "gross_unit_price": element_text(gross, xpath("ChargeAmount")),
        "discount_percent": next(
            (t for a in price_discounts if (t := element_text(a, xpath("CalculationPercent")))), None
        ),
        "price_base_quantity": element_text(agreement, xpath("NetPriceProductTradePrice", "BasisQuantity")),
        "discount_amount": allowances_less_charges(
            line_charges, "ActualAmount", xpath("ChargeIndicator", "Indicator")
        ),
    }
