"""Safe file names for files received from outside (uploads, e-mail attachments, inbox files).

A received name is kept for people to recognise, never trusted as a path: `sanitize_filename` keeps a
base name without directories, control or format characters, odd characters or Windows device names,
bounded in bytes. Pure; imports only the standard library and `detect` (the extension of a nameless file)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath, PureWindowsPath

from ocr_tasks.ingest.detect import extension_for

MAX_NAME_LENGTH = 200  # bytes of UTF-8
_UNSAFE = re.compile(r"[^\w.\- ()+,@&=]+")
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
)


def _truncate_utf8(text: str, max_bytes: int) -> str:
    return text.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")


def sanitize_filename(name: str, *, media_type: str | None = None) -> str:
    """A safe base name: no directories (`../`, `C:\\`), no control or format characters (RTL override),
    no odd characters, not a Windows device name (`CON`, `NUL`, `COM1`...), at most 200 bytes of UTF-8
    (file systems limit a name to 255 bytes, not characters); a name left empty becomes `document<ext>`."""
    name = unicodedata.normalize("NFKC", name or "")
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = PureWindowsPath(PurePosixPath(name.replace("\\", "/")).name).name
    name = _UNSAFE.sub("_", name).strip(" ._")
    if not name:
        name = "document" + (extension_for(media_type) if media_type else "")
    if name.split(".", 1)[0].upper() in _WINDOWS_RESERVED:
        name = "_" + name
    if len(name.encode("utf-8")) > MAX_NAME_LENGTH:
        stem, dot, ext = name.rpartition(".")
        if dot and len(ext.encode("utf-8")) <= 10:
            name = _truncate_utf8(stem, MAX_NAME_LENGTH - len(ext.encode("utf-8")) - 1) + "." + ext
        else:
            name = _truncate_utf8(name, MAX_NAME_LENGTH)
    return name
