"""Entry points of ingest: bytes or a path -> `IngestedDocument` (source record + pages)."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from ocr_tasks.config import OcrConfig
from ocr_tasks.errors import DocumentTooLarge, EmptyFile, FileMissing, FileUnreadable, UnsupportedDocument
from ocr_tasks.ingest.detect import (
    IMAGE_MEDIA_TYPES,
    PDF,
    SUPPORTED_MEDIA_TYPES,
    XML,
    describe_unknown,
    sniff_media_type,
)
from ocr_tasks.ingest.email_message import looks_like_email
from ocr_tasks.ingest.pages import IngestedDocument
from ocr_tasks.ocr_types import SourceDocument


def _check_size(size: int, config: OcrConfig, name: str) -> None:
    if size == 0:
        raise EmptyFile(f"{name or 'file'} is empty")
    limit = config.limits.max_file_bytes
    if size > limit:
        raise DocumentTooLarge(
            f"file is {size:,} bytes, above the limit of {limit:,}", detail={"size": size, "max_bytes": limit}
        )


def _safe_dirname(document_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", document_id)[:80] or "document"


def ingest_bytes(
    data: bytes,
    *,
    name: str,
    config: OcrConfig,
    document_id: str | None = None,
    uri: str = "",
    workdir: Path | None = None,
) -> IngestedDocument:
    """Check `data`, detect its type by content and split it into pages.

    Page images are written under `workdir` (a new temporary directory by default; the caller owns and
    removes it), in a sub-directory per document. Raises the typed errors of `ocr_tasks.errors`.
    """
    _check_size(len(data), config, name)
    media_type = sniff_media_type(data)
    if media_type is None and looks_like_email(data):
        raise UnsupportedDocument(
            "the file is an e-mail (.eml): upload it to a project (the API or the inbox folder), which takes"
            " each attached invoice as a document, or save its attachments and read those",
            detail={"supported": list(SUPPORTED_MEDIA_TYPES)},
        )
    if media_type is None:
        raise UnsupportedDocument(
            f"content is {describe_unknown(data)}, not one of {', '.join(SUPPORTED_MEDIA_TYPES)}",
            detail={"supported": list(SUPPORTED_MEDIA_TYPES)},
        )
    sha256 = hashlib.sha256(data).hexdigest()
    document_id = document_id or sha256[:16]
    base = Path(workdir) if workdir is not None else Path(tempfile.mkdtemp(prefix="ocr-ingest-"))
    pages_dir = base / _safe_dirname(document_id)
    pages_dir.mkdir(parents=True, exist_ok=True)
    einvoice, einvoice_error = None, None
    if media_type == PDF:
        from ocr_tasks.ingest.pdf import pdf_pages

        pages = pdf_pages(data, config=config, workdir=pages_dir)
        einvoice, einvoice_error = _embedded_einvoice(data)
    elif media_type == XML:  # a bare e-invoice: its invoice is its XML, it has no page to show
        from ocr_tasks.einvoice import read_xml

        pages, einvoice = [], read_xml(data)
    else:
        assert media_type in IMAGE_MEDIA_TYPES
        from ocr_tasks.ingest.images import image_pages

        pages = image_pages(data, media_type, config=config, workdir=pages_dir)
    source = SourceDocument(
        id=document_id, uri=uri, media_type=media_type, sha256=sha256, size=len(data), name=name
    )
    return IngestedDocument(
        source=source, pages=tuple(pages), einvoice=einvoice, einvoice_error=einvoice_error
    )


def _embedded_einvoice(data: bytes):
    """The e-invoice attached to a PDF and None, or None and the error of its unreadable attachment."""
    from ocr_tasks.einvoice import read_pdf
    from ocr_tasks.errors import BadInput

    try:
        return read_pdf(data), None
    except BadInput as exc:
        return None, {"code": exc.code, "message": exc.message}


def ingest_path(
    path: str | os.PathLike, *, config: OcrConfig, workdir: Path | None = None
) -> IngestedDocument:
    """`ingest_bytes` for a file; its size is checked before it is read. The document id is the first 16
    hex digits of its sha256; `uri` is the file's `file://` URI."""
    path = Path(path)
    try:
        if not path.is_file():
            if path.exists():
                raise FileUnreadable(f"{path} is not a regular file")
            raise FileMissing(f"no such file: {path}")
        _check_size(path.stat().st_size, config, path.name)
        data = path.read_bytes()
    except OSError as exc:
        raise FileUnreadable(f"{path} cannot be read: {exc.strerror or exc}") from exc
    return ingest_bytes(data, name=path.name, config=config, uri=path.resolve().as_uri(), workdir=workdir)
