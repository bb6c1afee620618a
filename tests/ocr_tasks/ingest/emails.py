"""E-mails built for tests with the standard library's `EmailMessage` (as a mail program writes them):
attachments, an HTML text showing a logo by Content-ID, messages forwarded as attachments."""

from __future__ import annotations

import io
from email import policy
from email.message import EmailMessage

from PIL import Image, ImageDraw

SENDER = "Müller Bürobedarf GmbH <rechnung@mueller-buero.de>"
SUBJECT = "Rechnung RE-2026-0042"
DATE = "Tue, 01 Dec 2026 09:15:00 +0100"
MESSAGE_ID = "<re-2026-0042@mueller-buero.de>"


def page_png(label: str = "INVOICE", size: tuple[int, int] = (800, 1100)) -> bytes:
    """A page-sized picture (an invoice photographed or scanned)."""
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).text((40, 40), label, fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def logo_png(size: tuple[int, int] = (300, 90)) -> bytes:
    image = Image.new("RGB", size, "navy")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_page(pages: int = 1, label: str = "INVOICE") -> bytes:
    images = [Image.new("RGB", (200, 280), "white") for _ in range(pages)]
    ImageDraw.Draw(images[0]).text((10, 10), label, fill="black")
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:])
    return buffer.getvalue()


def message(
    attachments: list[tuple[str, bytes, str]] = (),
    *,
    text: str = "Sehr geehrte Damen und Herren,\nanbei unsere Rechnung.",
    html: str | None = None,
    logo: bytes | None = None,
    sender: str = SENDER,
    subject: str = SUBJECT,
    date: str = DATE,
    message_id: str = MESSAGE_ID,
) -> EmailMessage:
    """A message with a plain text, optionally an HTML alternative showing `logo` as `cid:logo@mail`,
    and `(file name, bytes, MIME type)` attachments."""
    mail = EmailMessage(policy=policy.default)
    mail["From"] = sender
    mail["To"] = "kreditoren@example.com"
    mail["Subject"] = subject
    mail["Date"] = date
    mail["Message-ID"] = message_id
    mail.set_content(text)
    if html is not None or logo is not None:
        mail.add_alternative(html or '<p>Anbei unsere Rechnung.</p><img src="cid:logo@mail">', subtype="html")
        if logo is not None:
            mail.get_payload()[1].add_related(logo, "image", "png", cid="<logo@mail>")
    for name, data, mime in attachments:
        maintype, subtype = mime.split("/")
        mail.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return mail


def eml(attachments: list[tuple[str, bytes, str]] = (), **kwargs) -> bytes:
    return message(attachments, **kwargs).as_bytes()


def forwarding(inner: EmailMessage, *, depth: int = 1, subject: str = "Fwd: Rechnung") -> bytes:
    """`inner` forwarded as an attachment (message/rfc822), `depth` times one inside another."""
    for level in range(depth):
        outer = message(
            sender="Buchhaltung <buchhaltung@example.com>",
            subject=subject if level == depth - 1 else f"{subject} ({level})",
            message_id=f"<fwd-{level}@example.com>",
            text="Zur Bearbeitung.",
        )
        outer.add_attachment(inner)
        inner = outer
    return inner.as_bytes()
