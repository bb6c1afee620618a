"""What in an e-mail may be an invoice: its attachments that are PDFs, images or e-invoice XML, each with
where it came from; not its text, nor the logos and signatures its HTML shows, nor signature, calendar or
contact parts (`email_parts.json`).

`email_attachments(data, limits=...)` walks the parsed message's parts (bounded: parts walked, attached
messages followed one inside another, attachments, decoded bytes) and answers the candidates and what
it left out. A candidate whose own content is broken (damaged base64) carries its error, so that the
caller reports it beside the good ones; the e-mail as a whole is refused when it is cut short
(`corrupt_file`), over a bound (`too_many_attachments`, `file_too_large`) or holds nothing that could be
an invoice (`no_invoice_attachment`). Each candidate is then checked by the caller as any uploaded file.

Pure; imports the standard library, PIL (an image's size, from its header) and the project's types."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from email import errors as email_errors
from email.message import Message
from pathlib import Path
from typing import Any

from ocr_tasks.errors import (
    CorruptDocument,
    DocumentTooLarge,
    NoInvoiceAttachment,
    OcrPipelineError,
    TooManyAttachments,
)
from ocr_tasks.ingest.detect import IMAGE_MEDIA_TYPES, SUPPORTED_MEDIA_TYPES, extension_for, sniff_media_type
from ocr_tasks.ingest.email_message import (
    MessageOrigin,
    message_origin,
    parse_email,
    part_delimiters,
    truncated,
)
from ocr_tasks.ingest.filenames import sanitize_filename

_PARTS_FILE = Path(__file__).with_name("email_parts.json")
_NOT_INVOICES = frozenset(json.loads(_PARTS_FILE.read_text(encoding="utf-8"))["not_invoices"])
_MESSAGE_TEXTS = frozenset({"text/plain", "text/html", "text/enriched"})  # an inline text/xml is a file
_CID = re.compile(r"""cid:([^"'\s<>)]+)""", re.IGNORECASE)
_DAMAGED_BASE64 = (email_errors.InvalidBase64CharactersDefect, email_errors.InvalidBase64LengthDefect)

# why a part is not one of the e-mail's documents (`SkippedPart.reason`)
MESSAGE_TEXT = "message_text"  # the e-mail's own text (plain or HTML body): never read as an invoice
NOT_AN_INVOICE = "not_an_invoice"  # a signature, key, calendar invitation, contact card, delivery report
SMALL_IMAGE = "small_image"  # too few pixels to hold a readable invoice (an icon, a tracking pixel)
INLINE_IMAGE = "inline_image"  # shown inside the HTML text (Content-ID referenced): a logo or signature
NESTED_TOO_DEEP = "nested_too_deep"  # inside more attached messages than `max_depth`


@dataclass(frozen=True, slots=True)
class EmailLimits:
    """Bounds of one e-mail. The upload path sets the counts and bytes from its per-request limits
    (`for_upload`); the image sizes tell an invoice photo or scan from a logo."""

    max_attachments: int = 100  # candidate attachments (each becomes a document)
    max_parts: int = 250  # MIME parts (counted before parsing, and walked), whatever they are
    max_total_bytes: int = 200 * 1024 * 1024  # decoded bytes of the candidates together
    max_depth: int = 3  # attached messages (message/rfc822) followed, one inside another
    max_multipart_depth: int = 20  # multiparts nested in one message
    # an image of fewer pixels is no invoice (300 x 333: icons, social-media badges, tracking pixels)
    min_image_pixels: int = 100_000
    # an image shown in the HTML text (Content-ID referenced) is a logo or a signature below this size;
    # above it, it is a photo the mail program put inline (Apple Mail does so with attached photos)
    min_inline_image_pixels: int = 1_000_000

    @classmethod
    def for_upload(cls, *, max_files: int, max_bytes: int) -> EmailLimits:
        return cls(max_attachments=max_files, max_parts=2 * max_files + 50, max_total_bytes=max_bytes)


@dataclass(frozen=True, slots=True)
class SkippedPart:
    name: str
    content_type: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "content_type": self.content_type, "reason": self.reason}


@dataclass(frozen=True, slots=True, eq=False)
class EmailAttachment:
    """A part that may be an invoice. `messages`: the e-mail itself, then each attached (forwarded)
    message it was found in, outermost first. `error`: its content is broken (reported for it alone)."""

    name: str  # sanitised, as a file of that name would be
    data: bytes
    content_type: str  # as the e-mail declares it
    media_type: str | None  # from its content (`detect`), None when none of the supported ones
    messages: tuple[MessageOrigin, ...]
    error: OcrPipelineError | None = None

    def origin(self, *, file: str) -> dict[str, Any]:
        """What the document made from it remembers: the uploaded e-mail's file name and headers, the
        attachment's name, and the messages it was forwarded in (when it was inside one)."""
        outer, *inner = self.messages
        return {
            "type": "email",
            "file": file,
            **outer.to_dict(),
            "attachment": self.name,
            **({"forwarded": [m.to_dict() for m in inner]} if inner else {}),
        }


@dataclass(frozen=True, slots=True)
class EmailContents:
    origin: MessageOrigin
    attachments: tuple[EmailAttachment, ...]
    skipped: tuple[SkippedPart, ...]


@dataclass(slots=True)
class _Leaf:
    part: Message
    messages: tuple[MessageOrigin, ...]


@dataclass(slots=True)
class _Walk:
    limits: EmailLimits
    leaves: list[_Leaf] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    skipped: list[SkippedPart] = field(default_factory=list)
    parts: int = 0


def _filename(part: Message) -> str:
    try:
        return part.get_filename() or ""
    except Exception:  # a malformed RFC 2231 parameter
        return ""


def _text_of(part: Message) -> str:
    payload = part.get_payload(decode=True) or b""
    return payload.decode(part.get_content_charset() or "utf-8", errors="replace") if payload else ""


def _decoded(part: Message) -> tuple[bytes, OcrPipelineError | None]:
    """The part's decoded bytes, and the error of damaged base64 (garbage characters, cut short)."""
    before = len(part.defects)
    data = part.get_payload(decode=True) or b""
    if any(isinstance(d, _DAMAGED_BASE64) for d in part.defects[before:]):
        return data, CorruptDocument("the attachment's base64 content is damaged or cut short")
    return data, None


def _too_many_parts(limits: EmailLimits) -> TooManyAttachments:
    return TooManyAttachments(
        f"the e-mail has more than {limits.max_parts:,} parts (attachments, texts, nested messages)",
        detail={"max_parts": limits.max_parts},
    )


def _walk(walk: _Walk, part: Message, messages: tuple[MessageOrigin, ...], nesting: int) -> None:
    walk.parts += 1
    if walk.parts > walk.limits.max_parts:
        raise _too_many_parts(walk.limits)
    content_type = part.get_content_type()
    if part.is_multipart() and content_type != "message/rfc822":
        if truncated(part):
            raise CorruptDocument("the e-mail is cut short or damaged: a part has no closing boundary")
        if nesting >= walk.limits.max_multipart_depth:
            walk.skipped.append(SkippedPart(_filename(part), content_type, NESTED_TOO_DEEP))
            return
        for child in part.get_payload():
            _walk(walk, child, messages, nesting + 1)
        return
    if content_type == "message/rfc822":
        inner = part.get_payload(0) if part.is_multipart() else None
        if inner is None:
            return
        if len(messages) > walk.limits.max_depth:
            walk.skipped.append(SkippedPart(_filename(part), content_type, NESTED_TOO_DEEP))
            return
        _walk(walk, inner, (*messages, message_origin(inner)), 0)
        return
    disposition = part.get_content_disposition()
    if content_type in _NOT_INVOICES:
        walk.skipped.append(SkippedPart(_filename(part), content_type, NOT_AN_INVOICE))
    elif content_type in _MESSAGE_TEXTS and disposition != "attachment" and not _filename(part):
        if part.get_content_subtype() == "html":
            walk.html.append(_text_of(part))
        walk.skipped.append(SkippedPart("", content_type, MESSAGE_TEXT))
    else:
        walk.leaves.append(_Leaf(part, messages))


def _pixels(data: bytes) -> int | None:
    """An image's pixel count from its header, None when it cannot be told (the upload check says why)."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size[0] * image.size[1]
    except Exception:
        return None


def _content_id(part: Message) -> str:
    return str(part.get("Content-ID") or "").strip().strip("<>").strip()


def _image_reason(part: Message, data: bytes, cids: set[str], limits: EmailLimits) -> str | None:
    """Why an image part is no invoice (a small image; a logo or signature the HTML text shows), or None."""
    pixels = _pixels(data)
    if pixels is None:
        return None
    shown_in_text = _content_id(part).lower() in cids and part.get_content_disposition() != "attachment"
    if shown_in_text and pixels < limits.min_inline_image_pixels:
        return INLINE_IMAGE
    return SMALL_IMAGE if pixels < limits.min_image_pixels else None


def _candidates(walk: _Walk) -> list[EmailAttachment]:
    cids = {m.lower() for text in walk.html for m in _CID.findall(text)}
    attachments: list[EmailAttachment] = []
    total = 0
    for leaf in walk.leaves:
        data, error = _decoded(leaf.part)
        media_type = sniff_media_type(data) if data else None
        content_type = leaf.part.get_content_type()
        name = _filename(leaf.part)
        if media_type in IMAGE_MEDIA_TYPES and error is None:
            reason = _image_reason(leaf.part, data, cids, walk.limits)
            if reason:
                walk.skipped.append(
                    SkippedPart(sanitize_filename(name) if name else "", content_type, reason)
                )
                continue
        total += len(data)
        if total > walk.limits.max_total_bytes:
            raise DocumentTooLarge(
                f"the e-mail's attachments hold more than {walk.limits.max_total_bytes:,} bytes",
                detail={"max_bytes": walk.limits.max_total_bytes},
            )
        if not name:
            name = f"attachment-{len(attachments) + 1}{extension_for(media_type or '')}"
        attachments.append(
            EmailAttachment(
                name=sanitize_filename(name, media_type=media_type),
                data=data,
                content_type=content_type,
                media_type=media_type,
                messages=leaf.messages,
                error=error,
            )
        )
    if len(attachments) > walk.limits.max_attachments:
        raise TooManyAttachments(
            f"the e-mail has {len(attachments)} attachments, above the limit of"
            f" {walk.limits.max_attachments} files per upload",
            detail={"attachments": len(attachments), "max_files": walk.limits.max_attachments},
        )
    return attachments


def email_attachments(data: bytes, *, limits: EmailLimits) -> EmailContents:
    """The attachments of the e-mail `data` that may be invoices (see the module's docstring)."""
    if part_delimiters(data) > limits.max_parts:
        raise _too_many_parts(limits)
    message = parse_email(data)
    origin = message_origin(message)
    walk = _Walk(limits=limits)
    try:
        _walk(walk, message, (origin,), 0)
    except RecursionError as exc:
        raise CorruptDocument("the e-mail's parts are nested too deeply to be read") from exc
    attachments = _candidates(walk)
    readable = [a for a in attachments if a.error is not None or a.media_type in SUPPORTED_MEDIA_TYPES]
    if not readable:
        parts = [s.to_dict() for s in walk.skipped] + [
            SkippedPart(a.name, a.content_type, "unsupported_type").to_dict() for a in attachments
        ]
        raise NoInvoiceAttachment(
            "the e-mail has no attached PDF, image or e-invoice XML"
            + (" (only files of other types)" if attachments else "")
            + ": its text is not read as an invoice, nor are logos, signatures or invitations. If the"
            " invoice is the e-mail's text, print it to PDF and upload that",
            detail={"parts": parts},
        )
    return EmailContents(origin=origin, attachments=tuple(attachments), skipped=tuple(walk.skipped))
