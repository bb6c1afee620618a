"""The review page's line saying where a document came from when it was not uploaded as it is: an
attachment of an e-mail (.eml), with the e-mail's sender, subject, date and file (`origin` of the
document detail, `django_api/API.md`)."""

from __future__ import annotations

from typing import Any


def email_origin_text(origin: dict[str, Any]) -> str:
    """`Received by e-mail from <from>, "<subject>", <date> (attachment <name> of <file>)`, and the first
    forwarded message's sender when the invoice came inside one; parts the e-mail lacked are left out."""
    parts = [f"Received by e-mail from {origin.get('from') or 'an unknown sender'}"]
    if origin.get("subject"):
        parts.append(f"“{origin['subject']}”")
    if origin.get("date"):
        parts.append(str(origin["date"]).replace("T", " "))
    text = ", ".join(parts)
    forwarded = [m for m in origin.get("forwarded") or [] if isinstance(m, dict)]
    if forwarded:
        text += f", forwarding a message from {forwarded[-1].get('from') or 'an unknown sender'}"
    attachment, file = origin.get("attachment"), origin.get("file")
    if attachment or file:
        text += f" (attachment {attachment or '?'} of {file or 'the e-mail'})"
    return text
