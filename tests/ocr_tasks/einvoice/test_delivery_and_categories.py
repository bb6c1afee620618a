"""What an e-invoice says beyond the fields' first list, carried from the XML to the export: the delivery
(BT-72 actual delivery date, BG-13 deliver-to with its country BT-80, BG-14 invoicing period), which an
intra-community supply needs (BR-IC-11/12); each line's VAT category (BT-151); and a Factur-X MINIMUM
party, whose address is only its country."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ocr_tasks.einvoice import read_pdf, read_xml
from ocr_tasks.einvoice.validation import validate_einvoice
from ocr_tasks.einvoice.writers import EInvoiceIncomplete, export_einvoice
from ocr_tasks.einvoice.writers.build import build_document
from ocr_tasks.invoice_types import FieldValue, Invoice, LineItem
from ocr_tasks.result_types import ERROR


def _pdf(corpus, name: str):
    return read_pdf((corpus / "einvoice-dev" / "pdf" / name).read_bytes())


def _with(invoice: Invoice, **values: str) -> Invoice:
    fields = dict(invoice.fields)
    for name, value in values.items():
        fields[name] = FieldValue(name=name, value=value, raw_text=value, confidence=1.0)
    return replace(invoice, fields=fields)


def _errors(xml: bytes) -> list[str]:
    back = read_xml(xml)
    return [r.rule for r in validate_einvoice(xml, back.syntax, profile=back.profile) if r.severity == ERROR]


def test_an_intra_community_factur_x_keeps_its_deliver_to_place_and_lines_categories(corpus):
    source = _pdf(corpus, "Facture_UE_EN16931.pdf")
    assert source.details["delivery"] == {
        "name": None,
        "id": None,
        "address": "87 camino de la calor, 41700, Dos Hermanas, ES",
        "country": "ES",
    }
    assert [item.get("tax_category") for item in source.invoice.line_items] == ["K", "K", "K"]
    assert source.invoice.get("delivery_date") is None  # the XML gives neither BT-72 nor BG-14


def test_without_a_delivery_date_the_export_names_it_rather_than_offering_an_invalid_file(corpus):
    invoice = _pdf(corpus, "Facture_UE_EN16931.pdf").as_invoice()
    for fmt in ("ubl", "cii"):
        with pytest.raises(EInvoiceIncomplete) as caught:
            export_einvoice(invoice, fmt)
        assert [t.to_dict() for t in caught.value.terms] == [
            {
                "term": "BT-72",
                "name": "Actual delivery date",
                "rule": "BR-IC-11",
                "or": [{"term": "BG-14", "name": "Invoicing period"}],
            }
        ]  # the deliver-to country (BR-IC-12) is the XML's ship-to country, carried through


def test_a_delivery_date_that_is_no_date_is_said_so(corpus):
    """`03/11/2017`: the API keeps a date whose day and month are unclear as typed."""
    invoice = _with(_pdf(corpus, "Facture_UE_EN16931.pdf").as_invoice(), delivery_date="03/11/2017")
    with pytest.raises(EInvoiceIncomplete) as caught:
        export_einvoice(invoice, "ubl")
    (term,) = caught.value.terms
    assert (term.term, term.where) == ("BT-72", "“03/11/2017” is not a date: type it as YYYY-MM-DD")
    assert "“03/11/2017” is not a date" in caught.value.message


@pytest.mark.parametrize("fmt", ["ubl", "cii"])
def test_with_the_delivery_date_a_reviewer_typed_the_intra_community_supply_exports(corpus, fmt):
    invoice = _with(_pdf(corpus, "Facture_UE_EN16931.pdf").as_invoice(), delivery_date="2017-11-03")
    out = export_einvoice(invoice, fmt)
    assert _errors(out.xml) == []
    back = read_xml(out.xml)
    assert back.invoice.get("delivery_date") == "2017-11-03"
    assert back.details["delivery"]["country"] == "ES"
    assert back.details["delivery"]["address"] == "87 camino de la calor, 41700, Dos Hermanas, ES"
    assert [item.get("tax_category") for item in back.invoice.line_items] == ["K", "K", "K"]


@pytest.mark.parametrize("fmt", ["ubl", "cii"])
def test_delivery_and_invoicing_period_go_through_the_export(corpus, fmt):
    source = read_xml((corpus / "einvoice-dev" / "xml" / "cii" / "CII_example2.xml").read_bytes())
    assert source.invoice.get("delivery_date") == "2013-06-15"
    back = read_xml(export_einvoice(source.as_invoice(), fmt).xml)
    assert back.invoice.get("delivery_date") == "2013-06-15"
    assert back.details["delivery"] == source.details["delivery"]
    assert back.details["delivery"]["id"] == "6754238987643"
    assert back.details["invoice_period"] == {"start": "2013-06-01", "end": "2013-06-30"}


def test_a_zugferd_1_invoice_without_a_header_breakdown_keeps_each_lines_category_and_rate(corpus):
    """Mustang's ZUGFeRD 1.0 invoice has lines at 7 % and 19 %, each with category S, and no header VAT
    breakdown: the breakdown is the lines' per rate (not one rate the totals happen to imply)."""
    source = _pdf(corpus, "MustangGnuaccountingBeispielRE-20140703_502.pdf")
    items = source.invoice.line_items
    assert [(i.get("tax_category"), i.get("tax_rate")) for i in items] == [
        ("S", "7.00"),
        ("S", "19.00"),
        ("S", "19.00"),
    ]
    doc = build_document(source.as_invoice(), syntax="UBL 2.1")
    assert [(row.category, str(row.rate)) for row in doc.vat] == [("S", "7.00"), ("S", "19.00")]
    assert [line.category for line in doc.lines] == ["S", "S", "S"]


def _field(name: str, value: str) -> FieldValue:
    return FieldValue(name=name, value=value, raw_text=value, confidence=1.0)


def _zero_rated_and_exempt() -> Invoice:
    """Two categories at 0 %: a zero-rated line (Z) and an exempt one (E); only BT-151 tells them apart."""
    values = {
        "document_type": "invoice",
        "invoice_number": "Z-1",
        "invoice_date": "2026-11-02",
        "currency": "EUR",
        "vendor_name": "Boekhandel Noord B.V.",
        "vendor_tax_id": "NL810433941B01",
        "vendor_address": "Dorpsstraat 12, 1234 AB, Utrecht, NL",
        "customer_name": "Muster GmbH",
        "customer_address": "Hauptstraße 5, 10115, Berlin, Deutschland",
        "subtotal": "150.00",
        "tax_amount": "0.00",
        "total": "150.00",
    }

    def item(description: str, amount: str, category: str) -> LineItem:
        cells = {"description": description, "quantity": "1", "unit_price": amount, "amount": amount}
        cells |= {"tax_rate": "0.00", "tax_category": category}
        return LineItem(cells={k: _field(k, v) for k, v in cells.items()})

    return Invoice(
        fields={k: _field(k, v) for k, v in values.items()},
        line_items=(item("Schoolboeken", "100.00", "E"), item("Kranten", "50.00", "Z")),
        einvoice={
            "vat_breakdown": [
                {"category": "Z", "rate": "0.00", "basis": "50.00", "tax": "0.00", "exemption_reason": None},
                {
                    "category": "E",
                    "rate": "0.00",
                    "basis": "100.00",
                    "tax": "0.00",
                    "exemption_reason": "Exempt: education",
                },
            ]
        },
    )


@pytest.mark.parametrize("fmt", ["ubl", "cii"])
def test_each_line_is_written_with_the_category_it_was_read_with(fmt):
    out = export_einvoice(_zero_rated_and_exempt(), fmt)
    assert _errors(out.xml) == []
    back = read_xml(out.xml)
    assert [(i.get("description"), i.get("tax_category")) for i in back.invoice.line_items] == [
        ("Schoolboeken", "E"),
        ("Kranten", "Z"),
    ]


@pytest.mark.parametrize("name", ["Facture_FR_MINIMUM.pdf", "Facture_UE_MINIMUM.pdf"])
def test_a_minimum_profile_party_has_its_country_and_no_address(corpus, name):
    source = _pdf(corpus, name)
    assert source.invoice.get("vendor_address") is None
    assert source.invoice.get("customer_address") is None
    assert source.details["seller"]["address"] is None
    assert source.details["seller"]["country"] == "FR"
    assert source.details["buyer"]["address"] is None and source.details["buyer"]["country"]


def test_a_full_address_still_ends_with_its_country(corpus):
    source = _pdf(corpus, "Facture_FR_EN16931.pdf")
    assert source.invoice.get("vendor_address").endswith(", FR")
