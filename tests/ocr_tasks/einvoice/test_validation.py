"""EN 16931 validation of e-invoice XML (XSD + the schematron compiled to XSLT, run by SaxonC): the CEN's
official examples pass, hand-broken copies fail the business rule they break, hostile XML never reaches
a validator, and the findings join a document's validation reports as the `en16931` suite."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from flows import tasks
from ocr_tasks.einvoice import artefacts as artefacts_module
from ocr_tasks.einvoice import read_xml
from ocr_tasks.einvoice.artefacts import artefacts_for
from ocr_tasks.einvoice.syntax import CII, UBL_CREDIT_NOTE, UBL_INVOICE, ZUGFERD1
from ocr_tasks.einvoice.validation import (
    RuleResult,
    en16931_report,
    joined_reports,
    readable_location,
    severity_of,
    validate_einvoice,
    with_validation,
)
from ocr_tasks.errors import XmlUnsafe
from ocr_tasks.invoice_types import Invoice
from ocr_tasks.ocr_types import OcrDocument
from ocr_tasks.result_types import DocumentResult, ValidationReport

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "einvoice-dev" / "xml"
CII_EXAMPLES = sorted((CORPUS / "cii").glob("*.xml"))
UBL_EXAMPLES = sorted(p for p in (CORPUS / "ubl").iterdir() if p.suffix.lower() == ".xml")


def _check(data: bytes, *, factur_x: bool = False) -> list[RuleResult]:
    read = read_xml(data)
    return validate_einvoice(data, read.syntax, profile=read.profile, factur_x=factur_x)


def _errors(results: list[RuleResult]) -> set[str]:
    return {r.rule for r in results if r.severity == "error"}


@pytest.mark.parametrize("path", CII_EXAMPLES, ids=lambda p: p.name)
def test_the_official_cii_examples_have_no_error(path):
    results = _check(path.read_bytes())

    assert _errors(results) == set()
    assert all(r.severity == "warning" for r in results)


def test_the_rounding_example_passes_br_co_10():
    """The CEN ship `CII-BR-CO-10-RoundingIssue.xml` to show that BR-CO-10 (sum of line net amounts)
    rounds: its lines 720.81 + 0.01 - 720.81 - 0.01 sum to 0.00 and must not fail on float noise."""
    results = _check((CORPUS / "cii" / "CII-BR-CO-10-RoundingIssue.xml").read_bytes())

    assert "BR-CO-10" not in {r.rule for r in results}
    # what it does report: empty elements (Peppol warning) and its ZUGFeRD 1 guideline id, unknown to
    # Factur-X's code list (a warning on a bare CII, which need not be a Factur-X)
    assert {r.rule for r in results} == {"PEPPOL-EN16931-R008", "FX-SCH-A-000556"}


@pytest.mark.parametrize("path", UBL_EXAMPLES, ids=lambda p: p.name)
def test_the_official_ubl_examples_have_no_error(path):
    assert _errors(_check(path.read_bytes())) == set()


def _cii_example1() -> bytes:
    return (CORPUS / "cii" / "CII_example1.xml").read_bytes()


def test_a_cii_without_its_seller_name_fails_br_06():
    broken = _cii_example1().replace(b"<ram:Name>De Koksmaat</ram:Name>", b"", 1)

    results = _check(broken)

    assert _errors(results) == {"BR-06"}  # this artefact spells the rule BR-06 (the standard: BR-6)
    (rule,) = [r for r in results if r.rule == "BR-06"]
    assert rule.message == "An Invoice shall contain the Seller name (BT-27)."
    assert rule.location == "/CrossIndustryInvoice[1]"


def test_a_cii_whose_amount_due_is_changed_fails_br_co_16():
    broken = _cii_example1().replace(b"<ram:DuePayableAmount>250.33<", b"<ram:DuePayableAmount>205.33<")

    results = _check(broken)

    assert _errors(results) == {"BR-CO-16"}
    (rule,) = [r for r in results if r.rule == "BR-CO-16"]
    assert rule.message.startswith("Amount due for payment (BT-115) = Invoice total amount with VAT (BT-112)")
    assert rule.location.endswith("/SpecifiedTradeSettlementHeaderMonetarySummation[1]")


def test_an_element_the_schema_does_not_know_fails_the_xsd():
    broken = _cii_example1().replace(
        b"<ram:DuePayableAmount>", b"<ram:Surprise>1</ram:Surprise><ram:DuePayableAmount>"
    )

    (xsd,) = [r for r in _check(broken) if r.rule == "XSD"]
    assert xsd.severity == "error" and "Surprise" in xsd.message and "not expected" in xsd.message


def test_a_ubl_whose_payable_amount_is_changed_fails_br_co_16():
    data = (CORPUS / "ubl" / "ubl-tc434-example1.xml").read_bytes()
    broken = data.replace(
        b'PayableAmount currencyID="EUR">250.33<', b'PayableAmount currencyID="EUR">205.33<'
    )

    assert _errors(_check(broken)) == {"BR-CO-16"}


def test_factur_x_rules_are_errors_only_for_an_embedded_xml():
    data = (CORPUS / "cii" / "CII_business_example_Z.xml").read_bytes()  # a ZUGFeRD 1 guideline id

    assert _errors(_check(data)) == set()
    assert _errors(_check(data, factur_x=True)) == {"FX-SCH-A-000556"}


def test_hostile_xml_is_refused_before_any_validator(monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("a validator saw hostile XML")

    monkeypatch.setattr(artefacts_module, "run_schematron", never)
    monkeypatch.setattr(artefacts_module, "schema", never)
    monkeypatch.setattr("ocr_tasks.einvoice.validation.run_schematron", never)
    monkeypatch.setattr("ocr_tasks.einvoice.validation.schema", never)
    entity = (
        _cii_example1()
        .replace(
            b"<rsm:CrossIndustryInvoice",
            b'<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><rsm:CrossIndustryInvoice',
            1,
        )
        .replace(b"<ram:Name>De Koksmaat</ram:Name>", b"<ram:Name>&e;</ram:Name>", 1)
    )

    with pytest.raises(XmlUnsafe):
        validate_einvoice(entity, CII)


def test_which_artefacts_apply():
    assert artefacts_for(CII, "EN 16931").names() == ["Factur-X_EN16931.xsd", "FACTUR-X_EN16931.xslt"]
    assert artefacts_for(CII, "XRechnung").schematron == "facturx-en16931/FACTUR-X_EN16931.xslt"
    assert artefacts_for(CII, "BASIC WL").names() == ["Factur-X_BASICWL.xsd", "FACTUR-X_BASIC-WL.xslt"]
    assert artefacts_for(UBL_INVOICE, None).schematron == "ubl-2.1/EN16931-UBL-validation.xslt"
    assert artefacts_for(UBL_CREDIT_NOTE, None).xsd == "ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd"
    assert artefacts_for(ZUGFERD1, "COMFORT").names() == ["ZUGFeRD1p0.xsd"]


def test_svrl_details():
    ns = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    location = (
        f"/*:CrossIndustryInvoice[namespace-uri()='{ns}'][1]/*:ExchangedDocument[namespace-uri()='{ns}'][1]"
    )
    assert readable_location(location) == "/CrossIndustryInvoice[1]/ExchangedDocument[1]"
    assert severity_of(None, "BR-CO-16", report=False, factur_x=False) == "error"
    assert severity_of("fatal", "BR-CO-16", report=False, factur_x=False) == "error"
    assert severity_of("warning", "PEPPOL-EN16931-R008", report=False, factur_x=True) == "warning"
    assert severity_of(None, "FX-UNUSED", report=True, factur_x=True) == "warning"
    result = RuleResult("BR-6", "error", "An Invoice shall contain the Seller name (BT-27).", "/a[1]")
    assert RuleResult.from_dict(result.to_dict()) == result


def test_threads_share_the_compiled_stylesheet():
    data = _cii_example1().replace(b"<ram:DuePayableAmount>250.33<", b"<ram:DuePayableAmount>205.33<")
    expected = _check(data)
    found: list[list[RuleResult]] = []
    threads = [threading.Thread(target=lambda: found.append(_check(data))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert found == [expected] * 4


def test_findings_join_the_documents_reports():
    broken = _cii_example1().replace(b"<ram:DuePayableAmount>250.33<", b"<ram:DuePayableAmount>205.33<")
    bad, good = read_xml(broken), read_xml(_cii_example1())
    invoices = {
        "bad": with_validation(bad.as_invoice(), bad),
        "good": with_validation(good.as_invoice(), good),
    }
    gx = ValidationReport("bad", "invoice_fields", ())

    reports = joined_reports({"bad": (gx,), "good": ()}, {**invoices, "ocr": Invoice()})

    assert reports["bad"][0] is gx
    en16931 = reports["bad"][1]
    assert en16931.suite == "en16931" and not en16931.success
    (failed,) = [o for o in en16931.outcomes if o.severity == "error"]
    assert failed.expectation == "en16931:BR-CO-16" and failed.description.startswith("Amount due")
    (passing,) = reports["good"][0].outcomes[:1]
    assert passing.success and "FACTUR-X_EN16931.xslt" in passing.description
    assert reports["good"][0].success
    assert "ocr" not in reports
    stored = DocumentResult.from_dict(
        DocumentResult(source=_source("bad"), invoice=invoices["bad"]).to_dict()
    )
    assert en16931_report("bad", stored.invoice) == en16931


def _source(doc_id: str):
    from ocr_tasks.ocr_types import SourceDocument

    return SourceDocument(id=doc_id, uri=f"mem://{doc_id}", media_type="application/xml", sha256="0" * 64)


def test_the_extract_task_validates_an_einvoice(tmp_path):
    from flows.memory_port import InMemoryPort
    from ocr_tasks.config import OcrConfig

    broken = _cii_example1().replace(b"<ram:DuePayableAmount>250.33<", b"<ram:DuePayableAmount>205.33<")
    port = InMemoryPort()
    source = port.load_task(port.add_task("p", [("bad.xml", broken)])).documents[0]
    ingested = tasks.ingest_one(port, source, OcrConfig(), str(tmp_path))

    invoice = tasks.extract.fn(ingested, OcrDocument(source=source, pages=()), "eng", None)

    validation = invoice.einvoice["validation"]
    assert validation["errors"] == 1 and validation["checked"][-1] == "FACTUR-X_EN16931.xslt"
    assert [r["rule"] for r in validation["results"] if r["severity"] == "error"] == ["BR-CO-16"]
