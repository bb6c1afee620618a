"""Hostile and broken XML: each refused with its code, fast, nothing resolved from disk or network."""

from __future__ import annotations

import time

import pytest

from ocr_tasks.einvoice import read_pdf, read_xml
from ocr_tasks.einvoice.safe_xml import MAX_XML_BYTES
from ocr_tasks.errors import DocumentTooLarge, EInvoiceInvalid, XmlUnsafe
from tests.ocr_tasks.einvoice.builders import pdf_with_attachments

CII_NS = (
    'xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" '
    'xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" '
    'xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"'
)


def cii(body: str = "", *, ns: str = CII_NS, number: str = "INV-1") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice {ns}>
  <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>
    <ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument><ram:ID>{number}</ram:ID><ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20240131</udt:DateTimeString></ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>{body}
    <ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:GrandTotalAmount>119.00</ram:GrandTotalAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>""".encode()


def _refused(data: bytes, error: type[Exception]) -> Exception:
    start = time.perf_counter()
    with pytest.raises(error) as info:
        read_xml(data)
    assert time.perf_counter() - start < 1.0
    return info.value


def test_a_minimal_cii_reads():
    inv = read_xml(cii()).invoice
    assert (inv.get("invoice_number"), inv.get("invoice_date"), inv.get("total")) == (
        "INV-1",
        "2024-01-31",
        "119.00",
    )


def test_external_entity_is_refused_unresolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>\n'.encode()
        + cii(number="&x;").split(b"\n", 1)[1]
    )
    error = _refused(data, XmlUnsafe)
    assert error.code == "xml_unsafe"
    assert "TOP-SECRET" not in str(error)


def test_network_entity_is_refused():
    data = b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd"><r/>'
    assert _refused(data, XmlUnsafe).code == "xml_unsafe"


def test_billion_laughs_is_refused_before_expansion():
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    data = f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(entities)}]><lolz>&lol9;</lolz>'.encode()
    assert _refused(data, XmlUnsafe).code == "xml_unsafe"


def test_a_bare_doctype_is_refused():
    data = b'<?xml version="1.0"?>\n<!DOCTYPE rsm:CrossIndustryInvoice>\n' + cii().split(b"\n", 1)[1]
    assert _refused(data, XmlUnsafe).code == "xml_unsafe"


def test_xml_that_is_not_an_invoice():
    error = _refused(b'<?xml version="1.0"?><html><body>hello</body></html>', EInvoiceInvalid)
    assert error.code == "einvoice_invalid"


def test_wrong_namespace():
    wrong = CII_NS.replace("CrossIndustryInvoice:100", "CrossIndustryInvoice:999")
    assert _refused(cii(ns=wrong), EInvoiceInvalid).code == "einvoice_invalid"


def test_truncated_xml():
    data = cii()
    assert _refused(data[: len(data) // 2], EInvoiceInvalid).code == "einvoice_invalid"


def test_empty_and_garbage():
    assert _refused(b"", EInvoiceInvalid).code == "einvoice_invalid"
    assert _refused(b"%PDF-1.7 not xml", EInvoiceInvalid).code == "einvoice_invalid"


def test_an_invoice_root_without_its_parts():
    ns = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    data = f'<rsm:CrossIndustryInvoice xmlns:rsm="{ns}"/>'.encode()
    assert _refused(data, EInvoiceInvalid).code == "einvoice_invalid"


def test_a_bad_amount_or_date():
    body = cii().replace(b"119.00", b"12x")
    assert _refused(body, EInvoiceInvalid).code == "einvoice_invalid"
    body = cii().replace(b"20240131", b"31.01.2024")
    assert _refused(body, EInvoiceInvalid).code == "einvoice_invalid"


def test_a_huge_xml_is_refused_unparsed():
    data = cii() + b" " * MAX_XML_BYTES
    assert _refused(data, DocumentTooLarge).code == "file_too_large"


def test_a_hybrid_pdf_whose_xml_is_hostile_says_so():
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>'
    with pytest.raises(XmlUnsafe):
        read_pdf(pdf_with_attachments(("factur-x.xml", bomb)))
    with pytest.raises(EInvoiceInvalid):
        read_pdf(pdf_with_attachments(("ZUGFeRD-invoice.xml", b"<html/>")))


def test_any_attachment_that_reads_as_an_invoice_is_taken_and_others_are_ignored():
    pdf = pdf_with_attachments(("notes.xml", b"<notes/>"), ("rechnung-4711.xml", cii(number="R-4711")))
    assert read_pdf(pdf).invoice.get("invoice_number") == "R-4711"
    assert read_pdf(pdf_with_attachments(("notes.xml", b"<notes/>"), ("logo.png", b"png"))) is None


def test_the_refusal_says_what_was_refused_in_words_not_the_parsers_exception_name():
    # the walk-through's upload page said "XML refused: DTDForbidden (DTDForbidden(name='lolz', ...))"
    data = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><lolz>&lol;</lolz>'
    error = _refused(data, XmlUnsafe)
    assert error.message.startswith("the XML declares a DOCTYPE, which no e-invoice needs")
    assert "Forbidden" not in error.message and "lolz" not in error.message
    assert error.detail == {"refused": "doctype"}
