"""The review page's sentence on a payment QR code (`payment_code` of the document detail): which fields
the code confirmed or gave, and where it and the page disagree. Pure: no Streamlit, no HTTP."""

from __future__ import annotations

from typing import Any

KINDS = {"spc": "Swiss QR-bill", "epc": "EPC QR code (GiroCode)"}
OUTCOMES = {
    "confirmed": "confirmed",
    "corrected": "chosen from the page by the code",
    "from_code": "from the code only",
    "code_over_page": "the code's value (the page prints another)",
    "page_over_code": "the page's value (the code states another)",
}


def summary(record: dict[str, Any]) -> str:
    """One caption: `Swiss QR-bill on page 1: confirmed iban, amount due; ... Check: amount due page
    2178.22, code 2078.22.`"""
    kind = KINDS.get(str(record.get("kind")), "Payment QR code")
    by_outcome: dict[str, list[str]] = {}
    for field, outcome in (record.get("fields") or {}).items():
        by_outcome.setdefault(str(outcome), []).append(str(field).replace("_", " "))
    parts = [f"{OUTCOMES.get(o, o)} {', '.join(fs)}" for o, fs in by_outcome.items()]
    text = f"{kind} on page {int(record.get('page') or 0) + 1}: " + ("; ".join(parts) or "nothing used")
    conflicts = [
        f"{str(c.get('field')).replace('_', ' ')} page {c.get('page')}, code {c.get('code')}"
        for c in record.get("conflicts") or []
    ]
    return text + (f". Check: {'; '.join(conflicts)}." if conflicts else ".")
