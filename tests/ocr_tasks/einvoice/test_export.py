"""E-invoice export (UBL 2.1 and CII D16B): the einvoice-dev round trip, OCR'd invoices with complete and
incomplete fields, and the typed errors that name missing business terms or broken rules."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from ocr_tasks.einvoice import read_pdf, read_xml
from ocr_tasks.einvoice.syntax import CII, UBL_CREDIT_NOTE, UBL_INVOICE, ZUGFERD1
from ocr_tasks.einvoice.validation import validate_einvoice
from ocr_tasks.einvoice.writers import (
    EInvoiceExportInvalid,
    EInvoiceIncomplete,
    export_einvoice,
)
from ocr_tasks.einvoice.writers.parties import split_address
from ocr_tasks.einvoice.writers.terms import mandatory_terms, table, term_names
from ocr_tasks.einvoice.writers.vat import implied_rate
from ocr_tasks.invoice_types import AMOUNT_FIELDS, FieldValue, Invoice, LineItem
from ocr_tasks.result_types import ERROR

# profiles that are subsets of EN 16931 without invoice lines: their export is refused naming BG-25
PROFILES_WITHOUT_LINES = {"MINIMUM", "BASIC WL"}
# fields an export may add because EN 16931 requires them and the others imply them (business_terms.json)
DERIVED_FIELDS = {"tax_amount", "amount_due", "subtotal", "total"}


def _sources(corpus):
    root = corpus / "einvoice-dev"
    for path in sorted((root / "xml").rglob("*")):
        if path.suffix.lower() == ".xml":
            yield path.name, read_xml(path.read_bytes())
    for path in sorted((root / "pdf").glob("*.pdf")):
        yield path.name, read_pdf(path.read_bytes())


def _source_errors(einvoice) -> int:
    results = validate_einvoice(
        einvoice.xml, einvoice.syntax, profile=einvoice.profile, factur_x=einvoice.attachment is not None
    )
    return sum(r.severity == ERROR for r in results)


def _same_value(name: str, a: str | None, b: str | None) -> bool:
    if name in AMOUNT_FIELDS and a is not None and b is not None:
        return Decimal(a) == Decimal(b)
    return a == b


@pytest.fixture(scope="module")
def einvoice_sources(corpus):
    return [(name, e) for name, e in _sources(corpus) if e is not None]


def test_every_valid_source_exports_valid_ubl_and_cii_with_the_same_header_fields(einvoice_sources):
    exported, refused = 0, []
    for name, source in einvoice_sources:
        if source.syntax == ZUGFERD1 or source.profile in PROFILES_WITHOUT_LINES:
            continue  # EN 16931 does not apply to ZUGFeRD 1.0; line-less profiles: next test
        if _source_errors(source):
            continue
        invoice = source.as_invoice()
        for fmt in ("ubl", "cii"):
            try:
                out = export_einvoice(invoice, fmt)
            except (EInvoiceIncomplete, EInvoiceExportInvalid) as exc:
                refused.append((name, fmt, exc.detail))
                continue
            results = validate_einvoice(out.xml, out.syntax, profile="EN 16931" if fmt == "cii" else None)
            assert [r for r in results if r.severity == ERROR] == [], (name, fmt)
            back = read_xml(out.xml)
            assert back.syntax == out.syntax
            differing = {
                field: (invoice.get(field), back.invoice.get(field))
                for field in invoice.fields
                if not _same_value(field, invoice.get(field), back.invoice.get(field))
            }
            assert differing == {}, (name, fmt)
            assert set(back.invoice.fields) - set(invoice.fields) <= DERIVED_FIELDS, (name, fmt)
            assert len(back.invoice.line_items) == len(invoice.line_items), (name, fmt)
            exported += 1
    assert refused == []
    assert exported >= 2 * 40  # 33 bare XML + the PDFs' EN 16931 / BASIC / EXTENDED XML that validate


def test_profiles_without_lines_answer_the_missing_invoice_lines(einvoice_sources):
    lineless = [(n, e) for n, e in einvoice_sources if e.profile in PROFILES_WITHOUT_LINES]
    assert len(lineless) == 9  # the FNFE MINIMUM and BASIC WL samples
    for name, source in lineless:
        with pytest.raises(EInvoiceIncomplete) as caught:
            export_einvoice(source.as_invoice(), "ubl")
        missing = caught.value.detail["missing"]
        assert {"term": "BG-25", "name": "Invoice line"} in missing, name
        assert caught.value.code == "einvoice_incomplete"


def test_a_credit_note_is_written_as_a_ubl_credit_note(corpus):
    source = read_xml((corpus / "einvoice-dev" / "xml" / "ubl" / "ubl-tc434-creditnote1.xml").read_bytes())
    out = export_einvoice(source.as_invoice(), "ubl")
    assert out.syntax == UBL_CREDIT_NOTE
    assert b"<CreditNote" in out.xml and b"<cac:CreditNoteLine>" in out.xml
    cii = export_einvoice(source.as_invoice(), "cii")
    assert cii.syntax == CII
    assert read_xml(cii.xml).invoice.get("document_type") == "credit_note"


# --- OCR'd invoices ---------------------------------------------------------------------------------


def _field(name: str, value: str, confidence: float = 0.9) -> FieldValue:
    return FieldValue(name=name, value=value, raw_text=value, confidence=confidence)


def _item(**cells: str) -> LineItem:
    return LineItem(cells={k: _field(k, v) for k, v in cells.items()})


def ocr_invoice(**overrides: str | None) -> Invoice:
    """An invoice as extraction leaves it (no e-invoice details): a Dutch vendor, a German buyer."""
    values = {
        "document_type": "invoice",
        "vendor_name": "Bakkerij de Vries B.V.",
        "vendor_address": "Dorpsstraat 12, 1234 AB, Utrecht",
        "vendor_tax_id": "NL810433941B01",
        "customer_name": "Muster GmbH",
        "customer_address": "Hauptstraße 5, 10115, Berlin, Deutschland",
        "invoice_number": "2026-0042",
        "invoice_date": "2026-11-02",
        "due_date": "2026-12-02",
        "currency": "EUR",
        "subtotal": "150.00",
        "tax_amount": "31.50",
        "total": "181.50",
        "iban": "NL91ABNA0417164300",
        **overrides,
    }
    items = (
        _item(description="Broodjes", quantity="10", unit_price="5.00", amount="50.00"),
        _item(description="Taart", amount="100.00"),
    )
    return Invoice(
        fields={k: _field(k, v) for k, v in values.items() if v is not None},
        line_items=items,
    )


@pytest.mark.parametrize("fmt", ["ubl", "cii"])
def test_an_ocr_invoice_with_complete_fields_exports_a_valid_einvoice(fmt):
    out = export_einvoice(ocr_invoice(), fmt)
    assert out.syntax == (UBL_INVOICE if fmt == "ubl" else CII)
    back = read_xml(out.xml)
    assert back.invoice.get("invoice_number") == "2026-0042"
    assert back.invoice.get("vendor_tax_id") == "NL810433941B01"
    assert back.invoice.get("total") == "181.50"
    assert back.invoice.get("tax_rate") == "21.00"  # implied by 31.50 on 150.00
    assert back.details["seller"]["country"] == "NL"  # from the VAT id
    assert back.details["buyer"]["country"] == "DE"  # from the address's country name
    assert [(i.get("description"), i.get("quantity"), i.get("amount")) for i in back.invoice.line_items] == [
        ("Broodjes", "10.00", "50.00"),
        ("Taart", "1.00", "100.00"),  # a line priced at its amount is one unit
    ]


def test_an_ocr_invoice_missing_fields_answers_the_business_terms_it_lacks():
    invoice = replace(
        ocr_invoice(invoice_number=None, customer_name=None, customer_address="Somewhere 1"),
        line_items=(_item(quantity="2", amount="150.00"),),
    )
    with pytest.raises(EInvoiceIncomplete) as caught:
        export_einvoice(invoice, "ubl")
    error = caught.value
    assert error.code == "einvoice_incomplete" and error.http_status == 422
    missing = [(t["term"], t["name"], t.get("where")) for t in error.to_dict()["detail"]["missing"]]
    assert missing == [
        ("BT-1", "Invoice number", None),
        ("BT-44", "Buyer name", None),
        ("BT-55", "Buyer country code", None),
        ("BT-153", "Item name", "line 1"),
    ]
    assert "BT-1 Invoice number" in error.message


def test_a_seller_without_vat_id_is_refused_under_standard_rated_vat():
    with pytest.raises(EInvoiceIncomplete) as caught:
        export_einvoice(
            ocr_invoice(vendor_tax_id=None, vendor_address="Dorpsstraat 12, Utrecht, Nederland"), "cii"
        )
    assert caught.value.detail["missing"] == [
        {"term": "BT-31", "name": "Seller VAT identifier", "rule": "BR-S-02"}
    ]


def test_amounts_that_do_not_add_up_are_refused_with_the_broken_rule():
    invoice = ocr_invoice(subtotal="160.00", total="191.50")  # the lines add up to 150.00
    with pytest.raises(EInvoiceExportInvalid) as caught:
        export_einvoice(invoice, "ubl")
    assert caught.value.code == "einvoice_export_invalid"
    assert "BR-CO-13" in {e["rule"] for e in caught.value.detail["errors"]}


def test_no_lines_and_no_vat_breakdown_are_named_as_groups():
    invoice = replace(ocr_invoice(tax_amount=None, total=None), line_items=())
    with pytest.raises(EInvoiceIncomplete) as caught:
        export_einvoice(invoice, "cii")
    terms = [t["term"] for t in caught.value.detail["missing"]]
    assert terms == ["BT-112", "BG-23", "BG-25"]


def test_a_value_that_is_not_of_its_kind_counts_as_missing():
    with pytest.raises(EInvoiceIncomplete) as caught:
        export_einvoice(ocr_invoice(invoice_date="15.03.2024", total="about 180"), "cii")
    assert [t["term"] for t in caught.value.detail["missing"]] == ["BT-2"]  # total: subtotal + tax

    invoice = ocr_invoice(invoice_date="15.03.2024", subtotal="n/a", total="n/a")
    with pytest.raises(EInvoiceIncomplete) as caught:
        export_einvoice(invoice, "ubl")
    missing = [(t["term"], t.get("where")) for t in caught.value.detail["missing"]]
    # no amounts: no VAT breakdown, so no VAT category for the lines either
    assert missing == [
        ("BT-2", None),
        ("BT-109", None),
        ("BT-112", None),
        ("BG-23", None),
        ("BT-151", "line 1"),
        ("BT-151", "line 2"),
    ]


def test_unknown_format_is_a_value_error():
    with pytest.raises(ValueError, match="ubl, cii"):
        export_einvoice(ocr_invoice(), "pdf")


# --- the table and helpers ------------------------------------------------------------------------


def test_the_business_term_table_names_every_term_the_code_can_list():
    names = term_names()
    assert {"BT-1", "BT-2", "BT-3", "BT-5", "BT-27", "BT-40", "BT-44", "BT-55", "BT-106", "BT-109"} <= set(
        mandatory_terms()
    )
    assert {"BG-23", "BG-25"} <= set(mandatory_terms())
    assert names["BT-153"] == "Item name"
    assert set(table()["seller_vat_id_rules"]) >= {"S", "Z", "E", "AE", "K", "G"}


def test_split_address_and_implied_rate():
    assert split_address("Main street 34, Suite 123, 303, Big city, NO", "NO") == (
        ("Main street 34", "Suite 123"),
        "303",
        "Big city",
    )
    assert split_address("Dorpsstraat 12, Utrecht", None) == (("Dorpsstraat 12",), None, "Utrecht")
    assert implied_rate(Decimal("150.00"), Decimal("31.50")) == Decimal("21")
    assert implied_rate(Decimal("100.00"), Decimal("7.70")) == Decimal("7.7")
    assert implied_rate(Decimal("1000.00"), Decimal("1.23")) is None  # no rate of <= 2 decimals gives it
