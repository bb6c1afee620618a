"""E-invoices of the einvoice-dev corpus read exactly from their XML: every PDF's header fields equal
its label, every bare XML parses with its syntax and profile."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from ocr_tasks.einvoice import SOURCE, read_pdf, read_xml
from ocr_tasks.errors import EInvoiceInvalid
from ocr_tasks.invoice_types import AMOUNT_FIELDS

SYNTAXES = {"CII D16B", "ZUGFeRD 1.0 CII", "UBL 2.1 Invoice", "UBL 2.1 CreditNote"}
PROFILES = {"MINIMUM", "BASIC WL", "BASIC", "EN 16931", "EXTENDED", "COMFORT", "XRechnung", "Peppol BIS 3.0"}


def _same(name: str, label, got) -> bool:
    if got is None:
        return False
    if name in AMOUNT_FIELDS:
        return Decimal(got) == Decimal(label)
    if name == "iban":  # labels keep the XML's spacing; the value is the compact IBAN
        return got == label.replace(" ", "").upper()
    return got == label


def test_every_pdf_reads_its_labelled_fields(corpus):
    pdfs = sorted((corpus / "einvoice-dev" / "pdf").glob("*.pdf"))
    assert len(pdfs) == 37
    wrong, checked = [], 0
    for pdf in pdfs:
        read = read_pdf(pdf.read_bytes())
        assert read is not None, pdf.name
        label = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
        for name, expected in label.items():
            checked += 1
            if name == "line_items":
                if len(read.invoice.line_items) != expected:
                    wrong.append((pdf.name, name, expected, len(read.invoice.line_items)))
            elif not _same(name, expected, read.invoice.get(name)):
                wrong.append((pdf.name, name, expected, read.invoice.get(name)))
            else:
                assert read.invoice.fields[name].confidence == 1.0
        assert read.syntax in {"CII D16B", "ZUGFeRD 1.0 CII"}, pdf.name
        assert read.profile in PROFILES, (pdf.name, read.details.get("guideline_id"))
    assert wrong == []
    assert checked > 400


@pytest.mark.parametrize(
    ("name", "syntax", "profile"),
    [
        ("Facture_FR_MINIMUM", "CII D16B", "MINIMUM"),
        ("Facture_FR_BASICWL", "CII D16B", "BASIC WL"),
        ("Facture_FR_BASIC", "CII D16B", "BASIC"),
        ("Facture_FR_EN16931", "CII D16B", "EN 16931"),
        ("MustangGnuaccountingBeispielRE-20171118_506", "CII D16B", "EXTENDED"),
        ("MustangGnuaccountingBeispielRE-20140703_502", "ZUGFeRD 1.0 CII", "COMFORT"),
    ],
)
def test_syntax_and_profile_from_the_guideline_id(corpus, name, syntax, profile):
    read = read_pdf((corpus / "einvoice-dev" / "pdf" / f"{name}.pdf").read_bytes())
    assert (read.syntax, read.profile) == (syntax, profile)
    meta = read.to_dict()
    assert meta["source"] == SOURCE == "einvoice"
    assert meta["syntax"] == syntax and meta["profile"] == profile


def test_values_are_normalised(corpus):
    read = read_pdf(
        (corpus / "einvoice-dev" / "pdf" / "MustangGnuaccountingBeispielRE-20140703_502.pdf").read_bytes()
    )
    inv = read.invoice
    assert inv.get("invoice_date") == "2014-07-03"
    assert inv.fields["invoice_date"].raw_text == "20140703"
    assert inv.get("iban") == "DE88200800000970375700"
    assert inv.get("total") == "571.04"
    assert inv.get("vendor_address") == "Ecke 12, 12345, Stadthausen, DE"
    first = inv.line_items[0]
    assert first.get("tax_rate") == "7.00"
    assert first.cells["tax_rate"].raw_text == "7.000000"
    assert first.get("quantity") == "1.00" and first.get("amount") == "171.20"
    assert read.details["bic"] == "COBADEFXXX"


def test_every_bare_xml_parses(corpus):
    files = sorted(p for p in (corpus / "einvoice-dev" / "xml").rglob("*") if p.is_file())
    assert len(files) == 34
    read_count = 0
    for path in files:
        if path.stat().st_size == 0:  # ubl/FT is an empty file in the source repository
            with pytest.raises(EInvoiceInvalid):
                read_xml(path.read_bytes())
            continue
        read = read_xml(path.read_bytes())
        read_count += 1
        assert read.syntax in SYNTAXES, path.name
        assert read.profile in PROFILES, (path.name, read.details.get("guideline_id"))
        inv = read.invoice
        for name in ("invoice_number", "invoice_date", "vendor_name", "currency", "total"):
            assert inv.get(name), (path.name, name)
        assert inv.line_items, path.name
        assert all(f.confidence == 1.0 for f in inv.fields.values())
        if path.parent.name == "ubl":
            assert read.syntax.startswith("UBL"), path.name
    assert read_count == 33


def test_ubl_and_cii_of_the_same_example_agree(corpus):
    xml = corpus / "einvoice-dev" / "xml"
    cii = read_xml((xml / "cii" / "CII_example2.xml").read_bytes()).invoice
    ubl = read_xml((xml / "ubl" / "ubl-tc434-example2.xml").read_bytes()).invoice
    for name in (
        "invoice_number",
        "invoice_date",
        "currency",
        "subtotal",
        "tax_amount",
        "total",
        "amount_due",
    ):
        assert cii.get(name) == ubl.get(name), name
    assert len(cii.line_items) == len(ubl.line_items)


def test_credit_note_in_ubl(corpus):
    read = read_xml((corpus / "einvoice-dev" / "xml" / "ubl" / "ubl-tc434-creditnote1.xml").read_bytes())
    assert read.syntax == "UBL 2.1 CreditNote"
    assert read.details["type_code"] == "381"
    assert len(read.invoice.line_items) == 1


def test_a_pdf_without_attachment_has_no_einvoice(corpus):
    pdf = next((corpus / "invoice2data-dev" / "images").glob("*.pdf"))
    assert read_pdf(pdf.read_bytes()) is None
    assert read_pdf(b"not a pdf") is None


def test_parties_vat_breakdown_and_allowances_agree_between_cii_and_ubl(corpus):
    xml = corpus / "einvoice-dev" / "xml"
    cii = read_xml((xml / "cii" / "CII_example2.xml").read_bytes()).details
    ubl = read_xml((xml / "ubl" / "ubl-tc434-example2.xml").read_bytes()).details
    for key in ("seller", "buyer", "vat_breakdown", "allowances_charges", "bic"):
        assert cii[key] == ubl[key], key
    assert cii["seller"] == {
        "id": "1238764941386",
        "name": "Salescompany ltd.",
        "vat_id": "NO123456789MVA",
        "registration_id": "123456789",
        "address": "Main street 34, Suite 123, 303, Big city, NO",
        "country": "NO",
    }
    assert cii["vat_breakdown"][0] == {
        "category": "S",
        "exemption_reason": None,
        "rate": "25.00",
        "basis": "1460.50",
        "tax": "365.13",
    }
    assert [(a["charge"], a["amount"], a["reason"]) for a in cii["allowances_charges"]] == [
        (False, "100.00", "Promotion discount"),
        (True, "100.00", "Freight"),
    ]
