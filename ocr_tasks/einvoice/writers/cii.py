"""UN/CEFACT CII D16B in the Factur-X EN 16931 profile (guideline `urn:cen.eu:en16931:2017`) from an
`ExportDocument`, built with drafthorse's typed model (pretix's maintained ZUGFeRD / Factur-X library),
which writes the elements in schema order. drafthorse's own XSD check is skipped: `export.py` runs the
Factur-X EN 16931 XSD and schematron on the result."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ocr_tasks.einvoice.writers.document import ExportDocument, Party
from ocr_tasks.einvoice.writers.terms import table


def _address(address, party: Party) -> None:
    for attribute, text in zip(("line_one", "line_two", "line_three"), party.lines, strict=False):
        setattr(address, attribute, text)
    if party.postcode:
        address.postcode = party.postcode
    if party.city:
        address.city_name = party.city
    address.country_id = party.country


def _party(target, party: Party) -> None:
    from drafthorse.models.party import TaxRegistration

    if party.identifier:
        target.id = party.identifier
    target.name = party.name
    if party.registration_id:
        target.legal_organization.id = party.registration_id
    _address(target.address, party)
    if party.vat_id:
        target.tax_registrations.add(TaxRegistration(id=("VA", party.vat_id)))


def _trade_tax(target, category: str, rate: Decimal | None) -> None:
    target.type_code = "VAT"
    target.category_code = category
    if rate is not None:  # none for "not subject to VAT"
        target.rate_applicable_percent = rate


def _delivery(delivery, doc: ExportDocument) -> None:
    """BG-13: the actual delivery date (BT-72) and the ship-to party (BT-70, BT-71, BG-15)."""
    if doc.delivery_date:
        delivery.event.occurrence = date.fromisoformat(doc.delivery_date)
    place = doc.deliver_to
    if place is None:
        return
    if place.identifier:
        delivery.ship_to.id = place.identifier
    if place.name:
        delivery.ship_to.name = place.name
    if place.country:
        _address(delivery.ship_to.address, place)


def _settlement(settlement, doc: ExportDocument) -> None:
    """Payment means, VAT breakdown, document-level allowances and charges, payment terms."""
    from drafthorse.models.accounting import ApplicableTradeTax, CategoryTradeTax, TradeAllowanceCharge
    from drafthorse.models.payment import PaymentMeans, PaymentTerms

    if doc.iban:
        means = PaymentMeans()
        means.type_code = table()["default_payment_means"]
        means.payee_account.iban = doc.iban
        if doc.bic:
            means.payee_institution.bic = doc.bic
        settlement.payment_means.add(means)
    for row in doc.vat:
        tax = ApplicableTradeTax()
        tax.calculated_amount = row.tax
        tax.type_code = "VAT"
        if row.exemption_reason:
            tax.exemption_reason = row.exemption_reason
        tax.basis_amount = row.basis
        tax.category_code = row.category
        if row.rate is not None:
            tax.rate_applicable_percent = row.rate
        settlement.trade_tax.add(tax)
    for extra in doc.allowances_charges:
        element = TradeAllowanceCharge()
        element.indicator = extra.charge
        element.actual_amount = extra.amount
        element.reason = extra.reason
        category = CategoryTradeTax()
        _trade_tax(category, extra.category, extra.rate)
        element.trade_tax.add(category)
        settlement.allowance_charge.add(element)
    if doc.due_date or doc.payment_terms:
        terms = PaymentTerms()
        if doc.payment_terms:
            terms.description = doc.payment_terms
        if doc.due_date:
            terms.due = date.fromisoformat(doc.due_date)
        settlement.terms.add(terms)


def write_cii(doc: ExportDocument) -> bytes:
    """The CII XML of `doc`."""
    from drafthorse.models.document import Document
    from drafthorse.models.tradelines import LineItem

    cii = Document()
    cii.context.guideline_parameter.id = table()["specification_identifier"]
    cii.header.id = doc.number
    cii.header.type_code = doc.type_code
    cii.header.issue_date_time = date.fromisoformat(doc.issue_date)
    agreement, settlement = cii.trade.agreement, cii.trade.settlement
    _party(agreement.seller, doc.seller)
    _party(agreement.buyer, doc.buyer)
    if doc.po_number:
        agreement.buyer_order.issuer_assigned_id = doc.po_number
    settlement.currency_code = doc.currency
    _delivery(cii.trade.delivery, doc)
    if doc.period_start:  # BG-14
        settlement.period.start = date.fromisoformat(doc.period_start)
    if doc.period_end:
        settlement.period.end = date.fromisoformat(doc.period_end)
    _settlement(settlement, doc)
    sums = settlement.monetary_summation
    sums.line_total = doc.line_total
    sums.charge_total = doc.charge_total
    sums.allowance_total = doc.allowance_total
    sums.tax_basis_total = doc.tax_exclusive
    sums.tax_total = (doc.tax_total, doc.currency)
    sums.grand_total = doc.tax_inclusive
    if doc.prepaid:
        sums.prepaid_total = doc.prepaid
    sums.due_amount = doc.payable
    for line in doc.lines:
        item = LineItem()
        item.document.line_id = line.id
        item.product.name = line.name
        item.agreement.net.amount = line.price
        item.delivery.billed_quantity = (line.quantity, line.unit)
        _trade_tax(item.settlement.trade_tax, line.category, line.rate)
        item.settlement.monetary_summation.total_amount = line.net_amount
        cii.trade.items.add(item)
    return cii.serialize(schema=None)
