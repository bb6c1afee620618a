"""An e-mail file (.eml, RFC 5322 / MIME): recognising one by its content, parsing it with the standard
library's `email` package (`policy.default`), and reading where it came from (Message-ID, From,
Subject, Date) as plain, bounded text.

Pure; imports only the standard library and `ocr_tasks.errors`. What in an e-mail is an invoice is
decided in `email_attachments`."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from email import errors as email_errors
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from typing import Any

from ocr_tasks.errors import CorruptDocument

MAX_HEADER_CHARS = 500  # of one origin header kept for the reviewer (Subject lines run long)
_SNIFF_BYTES = 64 * 1024
# a header field: a name of printable ASCII without a colon or a space, then a colon (RFC 5322 2.2)
_FIELD = re.compile(rb"([!-9;-~]+)[ \t]*:")
_MESSAGE_FIELDS = frozenset(
    {b"date", b"subject", b"message-id", b"mime-version", b"to", b"received", b"content-type"}
)
# a multipart cut short (its closing boundary, or any boundary, missing): the file was truncated
_TRUNCATION_DEFECTS = (
    email_errors.CloseBoundaryNotFoundDefect,
    email_errors.StartBoundaryNotFoundDefect,
    email_errors.NoBoundaryInMultipartDefect,
)


def looks_like_email(data: bytes) -> bool:
    """Whether `data` starts as an e-mail: a block of header fields (an mbox `From ` line may come
    first) naming `From` and at least one other field every message carries (Date, Subject,
    Message-ID, MIME-Version, To, Received, Content-Type). Text that merely starts `From: ...` is not one."""
    head = data[:_SNIFF_BYTES]
    lines = head.split(b"\n")
    if len(head) < len(data):
        lines = lines[:-1]  # the last line may be cut by the sniffed window
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]
    names: set[bytes] = set()
    for index, raw in enumerate(lines):
        line = raw.rstrip(b"\r")
        if not line:
            break  # the blank line that ends the header block
        if line[:1] in (b" ", b"\t") and index > 0:
            continue  # a folded header's continuation
        field = _FIELD.match(line)
        if field is None:
            return False
        names.add(field.group(1).lower())
    return b"from" in names and bool(names & _MESSAGE_FIELDS)


_DELIMITER = re.compile(rb"^--", re.MULTILINE)


def part_delimiters(data: bytes) -> int:
    """Lines that may open a MIME part (`--boundary`), counted without parsing: the parser takes about a
    millisecond per part, so an e-mail of tens of thousands of empty parts is refused before it."""
    return len(_DELIMITER.findall(data))


def parse_email(data: bytes) -> EmailMessage:
    """The parsed message; `corrupt_file` when it is cut short (a multipart without its closing
    boundary) or so malformed that the parser gives up."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except RecursionError as exc:  # multiparts nested thousands deep
        raise CorruptDocument("the e-mail's parts are nested too deeply to be read") from exc
    except Exception as exc:  # the parser is lenient; anything it still raises is a broken file
        raise CorruptDocument(f"the e-mail cannot be read: {exc}") from exc
    if any(isinstance(d, _TRUNCATION_DEFECTS) for d in message.defects):
        raise CorruptDocument(
            "the e-mail is cut short or damaged: a multipart part has no closing boundary"
            " (the file was truncated?): save or export the e-mail again"
        )
    return message


def truncated(part: Message) -> bool:
    """Whether a nested part (an attached message, a nested multipart) was cut short."""
    return any(isinstance(d, _TRUNCATION_DEFECTS) for d in part.defects)


def clean_text(value: str, *, limit: int = MAX_HEADER_CHARS) -> str:
    """One line of shown text: control and format characters (CR, LF, NUL, RTL override) become spaces,
    runs of white space one space, at most `limit` characters."""
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _header(message: Message, name: str) -> Any:
    """A header as the policy models it, or its raw text when the parser cannot model it."""
    try:
        return message.get(name)
    except Exception:  # a malformed address or date header the header parser trips on
        return next((value for key, value in message.raw_items() if key.lower() == name.lower()), None)


def _date(message: Message) -> str:
    """The Date header as ISO 8601 when it parses, else its text (still shown to the reviewer)."""
    value = _header(message, "Date")
    if value is None:
        return ""
    moment = getattr(value, "datetime", None)
    if moment is not None:
        return moment.isoformat()
    raw = next((v for k, v in message.raw_items() if k.lower() == "date"), "")  # the policy blanks it
    return clean_text(str(value) or str(raw))


@dataclass(frozen=True, slots=True)
class MessageOrigin:
    """Where a document came from, as the e-mail's headers say (plain text, cleaned and bounded)."""

    message_id: str
    sender: str
    subject: str
    date: str  # ISO 8601 when the Date header parses, else its text

    def to_dict(self) -> dict[str, str]:
        return {
            "message_id": self.message_id,
            "from": self.sender,
            "subject": self.subject,
            "date": self.date,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MessageOrigin:
        return cls(
            message_id=str(data.get("message_id", "")),
            sender=str(data.get("from", "")),
            subject=str(data.get("subject", "")),
            date=str(data.get("date", "")),
        )


def message_origin(message: Message) -> MessageOrigin:
    def text(name: str) -> str:
        value = _header(message, name)
        return clean_text(str(value)) if value is not None else ""

    return MessageOrigin(
        message_id=text("Message-ID"), sender=text("From"), subject=text("Subject"), date=_date(message)
    )
