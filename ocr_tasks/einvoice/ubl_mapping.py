"""UBL 2.1 Invoice and CreditNote XML -> `Invoice` (see `mapping`)."""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from ocr_tasks.einvoice.syntax import UBL_CREDIT_NOTE, UBL_INVOICE
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

# --- UBL 2.1 ---------------------------------------------------------------------------------------

UBL_ADDRESS = (
    "StreetName",
    "AdditionalStreetName",
    "PostalZone",
    "CityName",
    "Country/{*}IdentificationCode",
)


def _ubl_party_name(party: Element | None) -> str | None:
    return element_text(party, xpath("PartyLegalEntity", "RegistrationName"), xpath("PartyName", "Name"))


def _ubl_vat_id(party: Element | None) -> str | None:
    if party is None:
        return None
    for scheme in party.findall(xpath("PartyTaxScheme")):
        if (element_text(scheme, xpath("TaxScheme", "ID")) or "").upper() == "VAT":
            return element_text(scheme, xpath("CompanyID"))
    return None


def _ubl_party(party: Element | None) -> dict[str, Any] | None:
    if party is None:
        return None
    address = first_element(party, xpath("PostalAddress"))
    return {
        "id": element_text(party, xpath("PartyIdentification", "ID")),
        "name": _ubl_party_name(party),
        "vat_id": _ubl_vat_id(party),
        "registration_id": element_text(party, xpath("PartyLegalEntity", "CompanyID")),
        "address": address_of(address, UBL_ADDRESS),
        "country": element_text(address, xpath("Country", "IdentificationCode")),
    }


def _ubl_delivery(root: Element) -> dict[str, Any] | None:
    """BG-13 deliver-to of a UBL invoice: `Delivery`'s party name (BT-70), location id (BT-71) and
    address (BG-15, country BT-80); None when it names no place."""
    delivery = first_element(root, xpath("Delivery"))
    location = first_element(delivery, xpath("DeliveryLocation"))
    name = element_text(delivery, xpath("DeliveryParty", "PartyName", "Name"))
    if location is None and name is None:
        return None
    address = first_element(location, xpath("Address"))
    return {
        "name": name,
        "id": element_text(location, xpath("ID")),
        "address": address_of(address, UBL_ADDRESS),
        "country": element_text(address, xpath("Country", "IdentificationCode")),
    }


def map_ubl(root: Element, syntax: str) -> tuple[Invoice, dict[str, Any]]:
    if syntax not in (UBL_INVOICE, UBL_CREDIT_NOTE):
        raise EInvoiceInvalid(f"{syntax} is not UBL")
    seller = first_element(root, xpath("AccountingSupplierParty", "Party"))
    buyer = first_element(root, xpath("AccountingCustomerParty", "Party"))
    sums = first_element(root, xpath("LegalMonetaryTotal"))
    currency = element_text(root, xpath("DocumentCurrencyCode"))
    means = root.findall(xpath("PaymentMeans"))
    subtotals = root.findall(xpath("TaxTotal", "TaxSubtotal"))
    rates = [t for s in subtotals if (t := element_text(s, xpath("TaxCategory", "Percent")))]
    raw = {
        "document_type": element_text(root, xpath("InvoiceTypeCode"), xpath("CreditNoteTypeCode")),
        "invoice_number": element_text(root, xpath("ID")),
        "invoice_date": element_text(root, xpath("IssueDate")),
        "due_date": element_text(root, xpath("DueDate"))
        or next((t for m in means if (t := element_text(m, xpath("PaymentDueDate")))), None),
        "delivery_date": day_value(element_text(root, xpath("Delivery", "ActualDeliveryDate"))),
        "vendor_name": _ubl_party_name(seller),
        "vendor_address": address_of(first_element(seller, xpath("PostalAddress")), UBL_ADDRESS),
        "vendor_tax_id": _ubl_vat_id(seller),
        "customer_name": _ubl_party_name(buyer),
        "customer_address": address_of(first_element(buyer, xpath("PostalAddress")), UBL_ADDRESS),
        "po_number": element_text(root, xpath("OrderReference", "ID")),
        "currency": currency,
        "subtotal": element_text(sums, xpath("TaxExclusiveAmount")),
        "tax_amount": in_currency(root.findall(xpath("TaxTotal", "TaxAmount")), currency),
        "tax_rate": single_rate(rates) if rates else None,
        "total": element_text(sums, xpath("TaxInclusiveAmount")),
        "amount_due": element_text(sums, xpath("PayableAmount")),
        "payment_terms": element_text(root, xpath("PaymentTerms", "Note")),
        "iban": next(
            (t for m in means if (t := element_text(m, xpath("PayeeFinancialAccount", "ID")))), None
        ),
    }
    line_tag = "InvoiceLine" if syntax == UBL_INVOICE else "CreditNoteLine"
    quantity_tag = "InvoicedQuantity" if syntax == UBL_INVOICE else "CreditedQuantity"
    items = tuple(
        LineItem(
            cells=field_values(
                {
                    "description": element_text(line, xpath("Item", "Name")),
                    "quantity": element_text(line, xpath(quantity_tag)),
                    "unit_price": element_text(line, xpath("Price", "PriceAmount")),
                    "amount": element_text(line, xpath("LineExtensionAmount")),
                    "tax_rate": element_text(line, xpath("Item", "ClassifiedTaxCategory", "Percent")),
                    "tax_category": element_text(
                        line, xpath("Item", "ClassifiedTaxCategory", "ID")
                    ),  # BT-151
                    # EN 16931 BT-148 gross price, BT-149 price base quantity, BG-27/28 line
                    # allowances less charges: what the line amount is computed from besides
                    # quantity x net price
                    "gross_unit_price": element_text(line, xpath("Price", "AllowanceCharge", "BaseAmount")),
                    "price_base_quantity": element_text(line, xpath("Price", "BaseQuantity")),
                    "discount_amount": allowances_less_charges(
                        line.findall(xpath("AllowanceCharge")), "Amount", xpath("ChargeIndicator")
                    ),
                }
            )
        )
        for line in root.findall(xpath(line_tag))
    )
    details = {
        "guideline_id": element_text(root, xpath("CustomizationID")),
        "type_code": element_text(root, xpath("InvoiceTypeCode"), xpath("CreditNoteTypeCode")),
        "preceding_invoices": [
            found
            for ref in root.findall(xpath("BillingReference", "InvoiceDocumentReference"))
            if (
                found := preceding_invoice(
                    element_text(ref, xpath("ID")), element_text(ref, xpath("IssueDate"))
                )
            )
        ],
        "seller": _ubl_party(seller),
        "buyer": _ubl_party(buyer),
        "delivery": _ubl_delivery(root),
        "invoice_period": period_of(
            element_text(root, xpath("InvoicePeriod", "StartDate")),
            element_text(root, xpath("InvoicePeriod", "EndDate")),
        ),
        "allowances_charges": [
            {
                "charge": (element_text(item, xpath("ChargeIndicator")) or "").lower() in ("true", "1"),
                "amount": decimal_or_none(element_text(item, xpath("Amount"))),
                "reason": element_text(item, xpath("AllowanceChargeReason")),
                "tax_rate": decimal_or_none(element_text(item, xpath("TaxCategory", "Percent"))),
            }
            for item in root.findall(xpath("AllowanceCharge"))
        ],
        "bic": next(
            (
                t
                for m in means
                if (t := element_text(m, xpath("PayeeFinancialAccount", "FinancialInstitutionBranch", "ID")))
            ),
            None,
        ),
        "vat_breakdown": [
            {
                "category": element_text(s, xpath("TaxCategory", "ID")),
                "exemption_reason": element_text(s, xpath("TaxCategory", "TaxExemptionReason")),
                "rate": decimal_or_none(element_text(s, xpath("TaxCategory", "Percent"))),
                "basis": decimal_or_none(element_text(s, xpath("TaxableAmount"))),
                "tax": decimal_or_none(element_text(s, xpath("TaxAmount"))),
            }
            for s in subtotals
        ],
    }
    return Invoice(fields=field_values(raw), line_items=items), details
