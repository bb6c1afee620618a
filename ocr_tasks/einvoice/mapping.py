"""The one mapping from e-invoice XML (CII D16B, ZUGFeRD 1.0 `CrossIndustryDocument`, UBL 2.1 Invoice
and CreditNote) to the project's `Invoice`: every value read exactly (confidence 1.0, `raw_text` the
XML's string) and normalised as `ocr_tasks.invoice_types` says (ISO dates, decimal strings, compact
upper-case IBAN).

Paths use `{*}` namespace wildcards: the root's namespace is checked first (`syntax_of`), and CII D16B
and ZUGFeRD 1.0 share their element names except for the few alternatives listed side by side.

The CII mapping is `cii_mapping.map_cii`, the UBL one `ubl_mapping.map_ubl`; what they share (paths, values,
normalisers, type codes) is `xml_values`.
"""

from __future__ import annotations

from ocr_tasks.einvoice.cii_mapping import map_cii
from ocr_tasks.einvoice.ubl_mapping import map_ubl

__all__ = ["map_cii", "map_ubl"]
