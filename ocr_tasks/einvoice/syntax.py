"""Which e-invoice syntax a root element is (from its namespace and tag), and which profile its
guideline (specification) identifier names."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from ocr_tasks.errors import EInvoiceInvalid

CII = "CII D16B"
ZUGFERD1 = "ZUGFeRD 1.0 CII"
UBL_INVOICE = "UBL 2.1 Invoice"
UBL_CREDIT_NOTE = "UBL 2.1 CreditNote"

ROOTS: dict[str, str] = {
    "{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}CrossIndustryInvoice": CII,
    "{urn:ferd:CrossIndustryDocument:invoice:1p0}CrossIndustryDocument": ZUGFERD1,
    "{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice": UBL_INVOICE,
    "{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote": UBL_CREDIT_NOTE,
}

# (substring of the lower-cased guideline id, profile), first match wins: the specific profiles
# before the EN 16931 they claim compliance with.
PROFILES: tuple[tuple[str, str], ...] = (
    ("xrechnung", "XRechnung"),
    ("extended", "EXTENDED"),
    ("basicwl", "BASIC WL"),
    ("minimum", "MINIMUM"),
    (":basic", "BASIC"),
    ("comfort", "COMFORT"),  # ZUGFeRD 1.0
    ("peppol.eu", "Peppol BIS 3.0"),
    ("en16931", "EN 16931"),
)


def syntax_of(root: Element) -> str:
    syntax = ROOTS.get(root.tag)
    if syntax is None:
        raise EInvoiceInvalid(
            f"XML root {root.tag!r} is not a CII or UBL invoice",
            detail={"root": root.tag},
        )
    return syntax


def profile_of(guideline_id: str | None) -> str | None:
    if not guideline_id:
        return None
    lowered = guideline_id.lower()
    return next((profile for key, profile in PROFILES if key in lowered), None)
