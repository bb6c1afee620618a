"""Safe parsing of untrusted XML: no DOCTYPE, no entity declarations, no external references, nothing
read from disk or the network (defusedxml over the standard library's expat parser), and a size cap.

Refusals are typed: `XmlUnsafe` (code `xml_unsafe`) for a DOCTYPE, entities or external references,
`EInvoiceInvalid` (`einvoice_invalid`) for malformed or empty XML, `DocumentTooLarge` above the cap.
A billion-laughs document is refused at its DOCTYPE, before any entity is expanded.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ocr_tasks.errors import DocumentTooLarge, EInvoiceInvalid, XmlUnsafe

MAX_XML_BYTES = 20 * 1024 * 1024  # the largest real e-invoices with many lines stay below a few MB


def parse_xml(data: bytes, *, max_bytes: int = MAX_XML_BYTES) -> Element:
    """The root element of `data`, or a typed error."""
    if len(data) > max_bytes:
        raise DocumentTooLarge(
            f"XML is {len(data):,} bytes, above the limit of {max_bytes:,}",
            detail={"bytes": len(data), "max_bytes": max_bytes},
        )
    if not data.strip():
        raise EInvoiceInvalid("XML is empty")
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise XmlUnsafe(
            _unsafe_message(exc), detail={"refused": _REFUSED.get(type(exc).__name__, "xml")}
        ) from exc
    except ParseError as exc:
        raise EInvoiceInvalid(f"XML is malformed: {exc}") from exc
    except (ValueError, LookupError) as exc:  # an unknown encoding declaration
        raise EInvoiceInvalid(f"XML cannot be decoded: {exc}") from exc


# what defusedxml refused, in the sender's words (its exception names are no message for a user)
_REFUSED = {
    "DTDForbidden": "doctype",
    "EntitiesForbidden": "entities",
    "ExternalReferenceForbidden": "external_reference",
    "NotSupportedError": "xml",
}


def _unsafe_message(exc: DefusedXmlException) -> str:
    what = {
        "doctype": "declares a DOCTYPE",
        "entities": "declares entities",
        "external_reference": "refers to an external file or address",
    }.get(_REFUSED.get(type(exc).__name__, "xml"), "uses XML features")
    return (
        f"the XML {what}, which no e-invoice needs and which can make a parser read files: refused for safety"
    )
