"""A `learning_curve.Teacher` that goes through the Django service the API uses (issue 15): each taught
invoice is stored as a processed document of a project (its OCR and extraction, as the pipeline's port
stores them), then a reviewer applies its ground truth with `document_fields_update` (the PATCH of
`/fields/`: corrections) and approves it with `document_approve` (confirming the fields left unchanged),
so the memory is learned by `django_api.invoices.services.vendor_memory` exactly as from the API. The
memories are read back the way the flows' Django port reads them for a run.

Django runs on a temporary SQLite database (`OCR_DATA_DIR` in a temporary folder, migrated once per
process); every teacher is a project of its own, with a reviewer."""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from dataclasses import dataclass, field
from typing import Any

from ocr_tasks.invoice_types import Invoice
from ocr_tasks.ocr_types import OcrDocument
from ocr_tasks.result_types import DocumentResult

_READY = False


def django_ready() -> None:
    """Django on a fresh temporary SQLite database, migrated (once per process)."""
    global _READY
    if _READY:
        return
    folder = tempfile.mkdtemp(prefix="learning-curve-db-")
    os.environ["OCR_DATA_DIR"] = folder
    os.environ.setdefault("OCR_DEV_MODE", "1")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "django_api.config.settings"
    from django.core.management import call_command

    from django_api import bootstrap  # noqa: F401  (django.setup())

    call_command("migrate", verbosity=0, interactive=False)
    _READY = True


@dataclass
class ServiceTeacher:
    """Teaches through the review services; a project (and a reviewer) per teacher."""

    name: str = "service"
    project: Any = None
    reviewer: Any = None
    taught: int = 0
    documents: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        django_ready()
        from django.contrib.auth import get_user_model

        from django_api.invoices.services.projects import project_create, project_member_set

        owner = get_user_model().objects.create_user(username=f"owner-{uuid.uuid4().hex[:8]}")
        self.reviewer = get_user_model().objects.create_user(username=f"reviewer-{uuid.uuid4().hex[:8]}")
        self.project = project_create(user=owner, name="learning curve")
        project_member_set(project=self.project, user=self.reviewer, role="reviewer")

    def memories(self) -> list:
        from django_api.invoices.selectors.vendor_memory import pipeline_vendor_memories

        return pipeline_vendor_memories(project_id=self.project.pk)

    def _stored_document(self, ocr: OcrDocument, extracted: Invoice):
        """A processed document holding the result the reviewer sees (as the port saves it)."""
        from django_api.invoices.models import Document, OcrTask
        from django_api.invoices.services.pipeline_records import document_result_save

        task = OcrTask.objects.create(project=self.project, created_by=self.reviewer)
        digest = hashlib.sha256(f"{self.project.pk}-{self.taught}".encode()).hexdigest()
        document = Document.objects.create(
            project=self.project,
            task=task,
            name=f"taught-{self.taught}.pdf",
            sha256=digest,
            media_type="application/pdf",
        )
        source = ocr.source
        result = DocumentResult(source=source, ocr=ocr, invoice=extracted).to_dict()
        result["source"]["id"] = str(document.pk)
        document_result_save(document_id=document.pk, result=result)
        self.taught += 1
        return Document.objects.get(pk=document.pk)

    def teach(self, *, ocr: OcrDocument, extracted: Invoice, final: dict[str, str | None]) -> None:
        from django_api.invoices.models import DocumentResult as ResultRow
        from django_api.invoices.services.reviews import document_approve, document_fields_update

        document = self._stored_document(ocr, extracted)
        version = ResultRow.objects.get(document=document).version
        document = document_fields_update(
            user=self.reviewer,
            project=self.project,
            document=document,
            fields=dict(final),
            result_version=version,
        )
        document_approve(
            user=self.reviewer, project=self.project, document=document, force=True, reason="bench"
        )
        self.documents.append(str(document.pk))
