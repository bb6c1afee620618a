"""Self-billed invoices: the buyer issues the invoice in the supplier's name (`Gutschrift` under § 14 Abs. 2
UStG, `autofactura`, `autofattura`, `self-billing`: the lexicons' `self_billing`).

EN 16931 types such a document 389 (self-billed invoice) and names the supplier the seller: the vendor is the
addressee (who supplies and is paid), the customer is the issuer whose letterhead and number the page
carries. The supplier's VAT id is printed as the addressee's (`Ihre USt-IdNr.`). A German `Gutschrift`
title on such a page names no credit note.
"""

from __future__ import annotations

from dataclasses import replace

from ocr_tasks.extraction.candidates import Candidate
from ocr_tasks.extraction.keywords import concept_pattern
from ocr_tasks.extraction.rows import Row

_SELF_BILLING = concept_pattern(("self_billing",))
_PAIRS = (("vendor_name", "customer_name"), ("vendor_address", "customer_address"))


def is_self_billed(rows: list[Row]) -> bool:
    """Whether the page says it is a self-billed invoice (`Abrechnung im Gutschriftsverfahren`)."""
    return any(_SELF_BILLING.search(row.text) for row in rows)


def suppliers_tax_ids(cands: list[Candidate]) -> list[Candidate]:
    """The VAT id candidates of a self-billed invoice's vendor: those printed as the addressee's, when any."""
    addressee = [c for c in cands if c.features.get("customer_label", 0.0) >= 1.0]
    return addressee or cands


def swap_parties(chosen: dict[str, Candidate]) -> None:
    """The issuer read as the vendor and the addressee as the customer, the other way round (in place)."""
    for vendor, customer in _PAIRS:
        issuer, addressee = chosen.pop(vendor, None), chosen.pop(customer, None)
        if addressee is not None:
            chosen[vendor] = replace(addressee, field=vendor)
        if issuer is not None:
            chosen[customer] = replace(issuer, field=customer)
