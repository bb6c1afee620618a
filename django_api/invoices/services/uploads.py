"""Uploading invoices into a project: one task per request, one document per accepted file.

Policy: each bad file is rejected with its code while the good ones proceed; when every file is bad the
request fails with the first file's code (and `detail.rejected`) and nothing is stored. Per-request
limits (number of files, total bytes) reject the whole request before anything is read; the page quota
of an API upload (pages per request, pages waiting in the project's queue) once the files' pages are
counted, before anything is stored.

An e-mail (.eml, told by its content) stands for its attachments that may be invoices, one document each
remembering the e-mail (`Document.origin`); a bad attachment is rejected alone like a bad file, an e-mail
without any (or cut short) is itself the rejected file. Its attachments count as files against the
per-request limit of files."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Sum

from django_api.invoices.errors import NoFiles, QueueFull, RequestTooLarge, RequestTooManyPages, TooManyFiles
from django_api.invoices.models import Document, DocumentStatus, OcrTask, Project
from django_api.invoices.services.projects import require_write_role
from django_api.invoices.services.upload_checks import (
    CheckedUpload,
    check_upload,
    nameless_part_error,
    sanitize_filename,
)
from ocr_tasks.config import Limits
from ocr_tasks.errors import DocumentTooLarge, OcrPipelineError, StorageError
from ocr_tasks.ingest.detect import sniff_media_type
from ocr_tasks.ingest.email_attachments import EmailLimits, email_attachments
from ocr_tasks.ingest.email_message import looks_like_email

logger = logging.getLogger(__name__)


def _storage_failures() -> tuple[type[BaseException], ...]:
    """What a storage backend raises when it cannot write: OSError on disk (read-only, permissions, disk
    full), botocore's errors for S3."""
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:
        return (OSError,)
    return (OSError, BotoCoreError, ClientError)


STORAGE_FAILURES = _storage_failures()


@dataclass
class UploadOutcome:
    task: OcrTask
    documents: list[Document]
    rejected: list[dict] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PageQuota:
    """How many pages one API upload may hold, and how many may wait in a project's queue (documents
    pending or processing) once it is added. Inbox sweeps process their task at once and have none."""

    max_pages_per_request: int
    max_queued_pages: int


def page_quota() -> PageQuota:
    return PageQuota(
        max_pages_per_request=settings.OCR_MAX_PAGES_PER_REQUEST,
        max_queued_pages=settings.OCR_MAX_QUEUED_PAGES_PER_PROJECT,
    )


def upload_limits() -> Limits:
    return Limits(
        max_file_bytes=settings.OCR_MAX_FILE_BYTES,
        max_pages=settings.OCR_MAX_PAGES,
        max_pixels_per_page=settings.OCR_MAX_PIXELS_PER_PAGE,
    )


@dataclass(frozen=True, slots=True)
class _Rejected:
    name: str
    error: OcrPipelineError
    email: str = ""  # the e-mail it was attached to

    def as_dict(self) -> dict:
        entry = {"name": self.name, "code": self.error.code, "message": self.error.message}
        return {**entry, "email": self.email} if self.email else entry


def _check_files(files, limits: Limits) -> tuple[list[tuple[CheckedUpload, bytes, dict]], list[_Rejected]]:
    """Each accepted file (checked, its bytes, its origin: `{}` for a file sent as it is) and each
    rejected one; an e-mail (.eml) stands for its attachments (`_check_email`)."""
    accepted, rejected = [], []
    for upload in files:
        name = sanitize_filename(getattr(upload, "name", "") or "")
        try:
            if getattr(upload, "nameless", False):  # a file part sent with filename="" (parsers.py)
                raise nameless_part_error(size=upload.size or 0)
            if upload.size is not None and upload.size > limits.max_file_bytes:
                raise DocumentTooLarge(
                    f"the file is {upload.size:,} bytes, above the limit of {limits.max_file_bytes:,}",
                    detail={"size": upload.size, "max_bytes": limits.max_file_bytes},
                )
            data = upload.read()
            if sniff_media_type(data) is None and looks_like_email(data):
                _check_email(data, name=name, limits=limits, accepted=accepted, rejected=rejected)
                continue
            accepted.append((check_upload(data=data, name=upload.name or "", limits=limits), data, {}))
        except OcrPipelineError as exc:
            rejected.append(_Rejected(name, exc))
    return accepted, rejected


def _check_email(data: bytes, *, name: str, limits: Limits, accepted: list, rejected: list) -> None:
    """An e-mail's attachments that may be invoices, each checked as an uploaded file and remembering the
    e-mail (`origin`); a bad attachment is rejected alone, named with its e-mail. The e-mail as a whole
    (cut short, no invoice attachment, over a bound) raises for the caller to reject it."""
    contents = email_attachments(
        data,
        limits=EmailLimits.for_upload(
            max_files=settings.OCR_MAX_FILES_PER_REQUEST, max_bytes=settings.OCR_MAX_REQUEST_BYTES
        ),
    )
    for attachment in contents.attachments:
        try:
            if attachment.error is not None:
                raise attachment.error
            checked = check_upload(data=attachment.data, name=attachment.name, limits=limits)
            accepted.append((checked, attachment.data, attachment.origin(file=name)))
        except OcrPipelineError as exc:
            rejected.append(_Rejected(attachment.name, exc, email=name))


MULTIPART_OVERHEAD_BYTES = 1024 * 1024


def request_size_check(*, content_length: int | None) -> None:
    """Refuse an oversized request from its declared length, before the body is read or spooled."""
    limit = settings.OCR_MAX_REQUEST_BYTES + MULTIPART_OVERHEAD_BYTES
    if content_length is not None and content_length > limit:
        raise RequestTooLarge(
            f"the request is {content_length:,} bytes, above the limit of {settings.OCR_MAX_REQUEST_BYTES:,}",
            detail={"size": content_length, "max_bytes": settings.OCR_MAX_REQUEST_BYTES},
        )


def invoice_upload(*, user, project: Project, files: list, quota: PageQuota | None = None) -> UploadOutcome:
    """Check the files and store the good ones as documents of a new queued task; the caller hands the
    task to the pipeline (the upload view through the orchestration seam, an inbox sweep by running it).
    `quota`: the page limits of an API upload (`page_quota()`), checked before anything is stored."""
    require_write_role(user=user, project=project)
    if not files:
        raise NoFiles("No files were sent: use the multipart field `files`.")
    if len(files) > settings.OCR_MAX_FILES_PER_REQUEST:
        raise TooManyFiles(
            f"{len(files)} files sent, above the limit of {settings.OCR_MAX_FILES_PER_REQUEST} per request",
            detail={"files": len(files), "max_files": settings.OCR_MAX_FILES_PER_REQUEST},
        )
    total = sum(f.size or 0 for f in files)
    if total > settings.OCR_MAX_REQUEST_BYTES:
        raise RequestTooLarge(
            f"the request holds {total:,} bytes of files,"
            f" above the limit of {settings.OCR_MAX_REQUEST_BYTES:,}",
            detail={"size": total, "max_bytes": settings.OCR_MAX_REQUEST_BYTES},
        )
    accepted, errors = _check_files(files, upload_limits())
    rejected = [r.as_dict() for r in errors]
    if not accepted:
        first = errors[0].error
        first.detail = {**first.detail, "rejected": rejected}
        raise first
    if len(accepted) > settings.OCR_MAX_FILES_PER_REQUEST:  # e-mails' attachments count as files
        raise TooManyFiles(
            f"the upload holds {len(accepted)} files once e-mails are opened, above the limit of"
            f" {settings.OCR_MAX_FILES_PER_REQUEST} per request",
            detail={"files": len(accepted), "max_files": settings.OCR_MAX_FILES_PER_REQUEST},
        )
    stored: list[str] = []
    try:
        with transaction.atomic():
            if quota is not None:
                _check_quota(project=project, pages=sum(c.pages for c, _, _ in accepted), quota=quota)
            outcome = _store(user=user, project=project, accepted=accepted, stored=stored)
            outcome.rejected = rejected
    except Exception as exc:
        _remove_stored(stored)  # the transaction rolled back: no row, and no file written for it
        if isinstance(exc, STORAGE_FAILURES):
            raise _storage_error(exc) from exc
        raise
    logger.info(
        "task %s queued: %d documents, %d rejected", outcome.task.id, len(outcome.documents), len(rejected)
    )
    return outcome


def _check_quota(*, project: Project, pages: int, quota: PageQuota) -> None:
    """Inside the upload's transaction, the project's row locked (PostgreSQL; SQLite's IMMEDIATE
    transactions serialise writers anyway): two uploads cannot both pass on the same free room."""
    if pages > quota.max_pages_per_request:
        raise RequestTooManyPages(
            f"the files hold {pages:,} pages in all, above the limit of {quota.max_pages_per_request:,}"
            " pages per upload: send them in several uploads",
            detail={"pages": pages, "max_pages_per_request": quota.max_pages_per_request},
        )
    list(Project.objects.select_for_update().filter(pk=project.pk).values_list("pk", flat=True))
    waiting = (
        Document.objects.filter(
            project=project, status__in=(DocumentStatus.PENDING, DocumentStatus.PROCESSING)
        ).aggregate(pages=Sum("pages"))["pages"]
        or 0
    )
    if waiting + pages > quota.max_queued_pages:
        raise QueueFull(
            f"the project already has {waiting:,} pages waiting to be processed; these {pages:,} would pass"
            f" its limit of {quota.max_queued_pages:,} queued pages: try again once some are done",
            detail={"pages": pages, "queued_pages": waiting, "max_queued_pages": quota.max_queued_pages},
        )


def _store(*, user, project: Project, accepted, stored: list[str]) -> UploadOutcome:
    task = OcrTask.objects.create(
        project=project,
        created_by=user,
        documents_total=len(accepted),
        pages_total=sum(checked.pages for checked, _, _ in accepted),
    )
    seen: dict[str, Document] = {}
    documents = []
    for checked, data, origin in accepted:
        # an earlier upload that failed (OCR error, a cancelled task) holds no values and books nothing:
        # uploading its file again is the retry, not a second copy of the invoice
        duplicate = seen.get(checked.sha256) or (
            Document.objects.filter(project=project, sha256=checked.sha256)
            .exclude(status=DocumentStatus.FAILED)
            .order_by("created_at")
            .first()
        )
        document = Document(
            project=project,
            task=task,
            name=checked.name,
            sha256=checked.sha256,
            media_type=checked.media_type,
            pages=checked.pages,
            size=checked.size,
            duplicate_of=duplicate,
            origin=origin,
        )
        # the name is noted before the write, so that a write failing half-way is removed as well
        stored.append(document.file.field.generate_filename(document, checked.name))
        document.file.save(checked.name, ContentFile(data), save=False)
        stored.append(document.file.name)
        document.save()
        seen.setdefault(checked.sha256, document)
        documents.append(document)
    return UploadOutcome(task=task, documents=documents)


def _storage_error(exc: BaseException) -> StorageError:
    reason = getattr(exc, "strerror", None) or type(exc).__name__  # never the path of the media folder
    return StorageError(
        f"The files could not be stored ({reason}); nothing of this upload was kept. Try again later;"
        " if it persists, the server's file storage needs its operator.",
        detail={"reason": reason},
    )


def _remove_stored(names: list[str]) -> None:
    for name in dict.fromkeys(names):
        try:
            default_storage.delete(name)
        except Exception:  # the storage is failing: say which file may be left behind
            logger.exception("could not remove %s after a failed upload", name)
