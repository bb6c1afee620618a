"""What the review page shows of an e-invoice's XML beyond its fields (`einvoice` of the document
detail): syntax and profile, seller and buyer, the VAT breakdown, allowances and charges, the BIC and
the EN 16931 validation summary. A bare XML has no page image: this is its readable rendering; for a
PDF carrying an XML it sits under the page.

The helpers turn the detail into plain rows (tested without Streamlit); `render` draws them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PARTY_LINES = (("vat_id", "VAT id"), ("registration_id", "Registration"), ("id", "Identifier"))


def headline(einvoice: Mapping[str, Any]) -> str:
    """E.g. `UBL 2.1 Invoice · profile EN 16931 · type 380`; an attachment's name when it came in a PDF."""
    parts = [str(einvoice.get("syntax") or "e-invoice")]
    if einvoice.get("profile"):
        parts.append(f"profile {einvoice['profile']}")
    if einvoice.get("type_code"):
        parts.append(f"type {einvoice['type_code']}")
    if einvoice.get("attachment"):
        parts.append(f"attached as {einvoice['attachment']}")
    return " · ".join(parts)


def _address_line(party: Mapping[str, Any]) -> str | None:
    """The party's address; `Country only: FR` when the XML gives only its country (a Factur-X MINIMUM
    party; an address read before that was kept as the bare code is shown the same way)."""
    address, country = str(party.get("address") or "").strip(), str(party.get("country") or "").strip()
    if address and address.upper() != country.upper():
        return address
    return f"Country only: {country}" if country else None


def party_lines(party: Mapping[str, Any] | None) -> list[str]:
    """Name, address and identifiers of a seller or buyer, one per line; [] when the XML has none."""
    if not party:
        return []
    lines = [str(party["name"])] if party.get("name") else []
    if (address := _address_line(party)) is not None:
        lines.append(address)
    lines += [f"{label}: {party[k]}" for k, label in PARTY_LINES if party.get(k)]
    return lines


def delivery_lines(einvoice: Mapping[str, Any]) -> list[str]:
    """Where the goods went (BG-13: deliver-to name, address, location id) and the invoicing period
    (BG-14), one per line; the actual delivery date is a field of the form."""
    lines = []
    place = einvoice.get("delivery") or {}
    where = [str(place[k]) for k in ("name", "address") if place.get(k)]
    if not place.get("address") and place.get("country"):
        where.append(f"country {place['country']}")
    if place.get("id"):
        where.append(f"location {place['id']}")
    if where:
        lines.append("Deliver to: " + ", ".join(where))
    period = einvoice.get("invoice_period") or {}
    if period.get("start") or period.get("end"):
        lines.append(f"Invoicing period: {period.get('start') or '…'} to {period.get('end') or '…'}")
    return lines


def vat_rows(einvoice: Mapping[str, Any]) -> list[dict[str, str]]:
    """The VAT breakdown: category, rate %, basis, tax (and an exemption's reason)."""
    return [
        {
            "category": row.get("category") or "",
            "rate %": row.get("rate") or "",
            "basis": row.get("basis") or "",
            "tax": row.get("tax") or "",
            "exemption": row.get("exemption_reason") or "",
        }
        for row in einvoice.get("vat_breakdown") or []
    ]


def allowance_rows(einvoice: Mapping[str, Any]) -> list[dict[str, str]]:
    """Document-level allowances (discounts) and charges (freight...), with their VAT rate."""
    return [
        {
            "kind": "charge" if row.get("charge") else "allowance",
            "reason": row.get("reason") or "",
            "amount": row.get("amount") or "",
            "rate %": row.get("tax_rate") or "",
        }
        for row in einvoice.get("allowances_charges") or []
    ]


def validation_line(einvoice: Mapping[str, Any]) -> tuple[str, str] | None:
    """(level, sentence) of the EN 16931 validation: `error`, `warning` or `success`; None when the XML
    was not validated."""
    validation = einvoice.get("validation")
    if not isinstance(validation, Mapping):
        return None
    if validation.get("error"):
        return "warning", f"EN 16931 validation could not run: {validation['error']}"
    errors, warnings = int(validation.get("errors") or 0), int(validation.get("warnings") or 0)
    checked = ", ".join(validation.get("checked") or []) or "EN 16931"
    if errors:
        return "error", f"EN 16931: {errors} error(s), {warnings} warning(s) ({checked}); see Validation."
    if warnings:
        return "warning", f"EN 16931: valid, {warnings} warning(s) ({checked})."
    return "success", f"EN 16931: valid ({checked})."


def render(st: Any, einvoice: Mapping[str, Any]) -> None:
    """Draw the e-invoice panel with Streamlit (`st`, passed in so this module imports no UI)."""
    if einvoice.get("error"):
        st.warning(f"The PDF's e-invoice attachment could not be read: {einvoice['error']}")
        return
    st.markdown(f"**E-invoice** · {headline(einvoice)}")
    verdict = validation_line(einvoice)
    if verdict is not None:
        getattr(st, verdict[0])(verdict[1])
    seller, buyer = st.columns(2)
    for column, title, party in ((seller, "Seller", "seller"), (buyer, "Buyer", "buyer")):
        lines = party_lines(einvoice.get(party))
        column.markdown(f"**{title}**  \n" + ("  \n".join(lines) if lines else "_not in the XML_"))
    for line in delivery_lines(einvoice):
        st.caption(line)
    if einvoice.get("bic"):
        st.caption(f"BIC: {einvoice['bic']}")
    rows = vat_rows(einvoice)
    if rows:
        st.markdown("**VAT breakdown**")
        st.dataframe(rows, hide_index=True, width="stretch")
    charges = allowance_rows(einvoice)
    if charges:
        st.markdown("**Allowances and charges**")
        st.dataframe(charges, hide_index=True, width="stretch")
