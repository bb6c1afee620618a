"""UBL 2.1 Invoice / CreditNote (EN 16931 CIUS `urn:cen.eu:en16931:2017`) from an `ExportDocument`,
written with lxml in the element order the OASIS XSD prescribes (no maintained Python UBL writer exists;
the output is checked by the XSD and the CEN schematron before it is offered, `export.py`)."""

from __future__ import annotations

from decimal import Decimal

from ocr_tasks.einvoice.writers.document import ExportDocument, Line, Party, VatBreakdown
from ocr_tasks.einvoice.writers.terms import table

CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
ROOT_NS = {
    False: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    True: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
}


def _money(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.01")), "f")


def _number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text if "." in text or len(text) < 16 else format(value, "f")


class _Builder:
    def __init__(self, currency: str) -> None:
        from lxml import etree

        self.etree = etree
        self.currency = currency

    def cbc(self, parent, tag: str, text: str | None, **attrs):
        if text is None:
            return None
        element = self.etree.SubElement(parent, f"{{{CBC}}}{tag}", **attrs)
        element.text = text
        return element

    def cac(self, parent, tag: str):
        return self.etree.SubElement(parent, f"{{{CAC}}}{tag}")

    def money(self, parent, tag: str, value: Decimal):
        return self.cbc(parent, tag, _money(value), currencyID=self.currency)


def _address(b: _Builder, address, party: Party) -> None:
    lines = list(party.lines)
    b.cbc(address, "StreetName", lines[0] if lines else None)
    b.cbc(address, "AdditionalStreetName", ", ".join(lines[1:]) or None)
    b.cbc(address, "CityName", party.city)
    b.cbc(address, "PostalZone", party.postcode)
    b.cbc(b.cac(address, "Country"), "IdentificationCode", party.country)


def _party(b: _Builder, parent, tag: str, party: Party) -> None:
    element = b.cac(b.cac(parent, tag), "Party")
    if party.identifier:
        b.cbc(b.cac(element, "PartyIdentification"), "ID", party.identifier)
    _address(b, b.cac(element, "PostalAddress"), party)
    if party.vat_id:
        scheme = b.cac(element, "PartyTaxScheme")
        b.cbc(scheme, "CompanyID", party.vat_id)
        b.cbc(b.cac(scheme, "TaxScheme"), "ID", "VAT")
    legal = b.cac(element, "PartyLegalEntity")
    b.cbc(legal, "RegistrationName", party.name)
    b.cbc(legal, "CompanyID", party.registration_id)


def _delivery(b: _Builder, root, doc: ExportDocument) -> None:
    """BG-13: the actual delivery date (BT-72) and the deliver-to place (BT-70, BT-71, BG-15)."""
    if not (doc.delivery_date or doc.deliver_to):
        return
    element = b.cac(root, "Delivery")
    b.cbc(element, "ActualDeliveryDate", doc.delivery_date)
    place = doc.deliver_to
    if place is None:
        return
    location = b.cac(element, "DeliveryLocation")
    b.cbc(location, "ID", place.identifier)
    if place.country:
        _address(b, b.cac(location, "Address"), place)
    if place.name:
        b.cbc(b.cac(b.cac(element, "DeliveryParty"), "PartyName"), "Name", place.name)


def _tax_category(
    b: _Builder, parent, tag: str, category: str, rate: Decimal | None, reason: str | None = None
):
    element = b.cac(parent, tag)
    b.cbc(element, "ID", category)
    if rate is not None:  # none for "not subject to VAT" (BR-O-05 ...)
        b.cbc(element, "Percent", _number(rate))
    b.cbc(element, "TaxExemptionReason", reason)
    b.cbc(b.cac(element, "TaxScheme"), "ID", "VAT")


def _vat(b: _Builder, parent, row: VatBreakdown) -> None:
    subtotal = b.cac(parent, "TaxSubtotal")
    b.money(subtotal, "TaxableAmount", row.basis)
    b.money(subtotal, "TaxAmount", row.tax)
    _tax_category(b, subtotal, "TaxCategory", row.category, row.rate, row.exemption_reason)


def _line(b: _Builder, root, line: Line, credit_note: bool) -> None:
    element = b.cac(root, "CreditNoteLine" if credit_note else "InvoiceLine")
    b.cbc(element, "ID", line.id)
    b.cbc(
        element,
        "CreditedQuantity" if credit_note else "InvoicedQuantity",
        _number(line.quantity),
        unitCode=line.unit,
    )
    b.money(element, "LineExtensionAmount", line.net_amount)
    item = b.cac(element, "Item")
    b.cbc(item, "Name", line.name)
    _tax_category(b, item, "ClassifiedTaxCategory", line.category, line.rate)
    b.cbc(b.cac(element, "Price"), "PriceAmount", _number(line.price), currencyID=b.currency)


def _payment(b: _Builder, root, doc: ExportDocument) -> None:
    """Payment means (BG-16), terms (BT-20) and document-level allowances and charges (BG-20/21)."""
    credit = doc.credit_note
    if doc.iban or (credit and doc.due_date):
        means = b.cac(root, "PaymentMeans")
        b.cbc(means, "PaymentMeansCode", table()["default_payment_means"] if doc.iban else "1")
        if credit:
            b.cbc(means, "PaymentDueDate", doc.due_date)
        if doc.iban:
            account = b.cac(means, "PayeeFinancialAccount")
            b.cbc(account, "ID", doc.iban)
            if doc.bic:
                b.cbc(b.cac(account, "FinancialInstitutionBranch"), "ID", doc.bic)
    if doc.payment_terms:
        b.cbc(b.cac(root, "PaymentTerms"), "Note", doc.payment_terms)
    for extra in doc.allowances_charges:
        element = b.cac(root, "AllowanceCharge")
        b.cbc(element, "ChargeIndicator", "true" if extra.charge else "false")
        b.cbc(element, "AllowanceChargeReason", extra.reason)
        b.money(element, "Amount", extra.amount)
        _tax_category(b, element, "TaxCategory", extra.category, extra.rate)


def _totals(b: _Builder, root, doc: ExportDocument) -> None:
    sums = b.cac(root, "LegalMonetaryTotal")
    b.money(sums, "LineExtensionAmount", doc.line_total)
    b.money(sums, "TaxExclusiveAmount", doc.tax_exclusive)
    b.money(sums, "TaxInclusiveAmount", doc.tax_inclusive)
    if any(not extra.charge for extra in doc.allowances_charges):
        b.money(sums, "AllowanceTotalAmount", doc.allowance_total)
    if any(extra.charge for extra in doc.allowances_charges):
        b.money(sums, "ChargeTotalAmount", doc.charge_total)
    if doc.prepaid:
        b.money(sums, "PrepaidAmount", doc.prepaid)
    b.money(sums, "PayableAmount", doc.payable)


def write_ubl(doc: ExportDocument) -> bytes:
    """The UBL XML of `doc` (an Invoice, or a CreditNote for a credit-note type code)."""
    credit = doc.credit_note
    b = _Builder(doc.currency)
    root_ns = ROOT_NS[credit]
    root = b.etree.Element(
        f"{{{root_ns}}}{'CreditNote' if credit else 'Invoice'}", nsmap={None: root_ns, "cac": CAC, "cbc": CBC}
    )
    b.cbc(root, "CustomizationID", table()["specification_identifier"])
    b.cbc(root, "ID", doc.number)
    b.cbc(root, "IssueDate", doc.issue_date)
    if not credit:
        b.cbc(root, "DueDate", doc.due_date)
    b.cbc(root, "CreditNoteTypeCode" if credit else "InvoiceTypeCode", doc.type_code)
    b.cbc(root, "DocumentCurrencyCode", doc.currency)
    if doc.period_start or doc.period_end:  # BG-14
        period = b.cac(root, "InvoicePeriod")
        b.cbc(period, "StartDate", doc.period_start)
        b.cbc(period, "EndDate", doc.period_end)
    if doc.po_number:
        b.cbc(b.cac(root, "OrderReference"), "ID", doc.po_number)
    _party(b, root, "AccountingSupplierParty", doc.seller)
    _party(b, root, "AccountingCustomerParty", doc.buyer)
    _delivery(b, root, doc)
    _payment(b, root, doc)
    total = b.cac(root, "TaxTotal")
    b.money(total, "TaxAmount", doc.tax_total)
    for row in doc.vat:
        _vat(b, total, row)
    _totals(b, root, doc)
    for line in doc.lines:
        _line(b, root, line, credit)
    return b.etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
