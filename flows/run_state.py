"""What one `process_invoices` run knows: the stage it is in (`Stage`), each document's state as the
stages fill it in (`DocumentState`), and what it ends with (`DocumentOutcome`, `RunSummary`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from prefect.futures import PrefectFuture

from ocr_tasks.ingest.pages import IngestedDocument, PageInput
from ocr_tasks.invoice_types import Invoice
from ocr_tasks.ocr_types import OcrDocument, OcrPage, SourceDocument
from ocr_tasks.result_types import ErrorInfo


class Stage(StrEnum):
    """The step a task is in, as its progress reports it (`Progress.step`); only moves forward while a
    run lives. `requeued`: handed back to the queue, the next attempt starts again at `ingest`."""

    INGEST = "ingest"
    OCR = "ocr"
    EXTRACT = "extract"
    VALIDATE = "validate"
    ANOMALIES = "anomalies"
    SAVE = "save"
    DONE = "done"
    CANCELLED = "cancelled"
    REQUEUED = "requeued"


RUN_STAGES = (Stage.INGEST, Stage.OCR, Stage.EXTRACT, Stage.VALIDATE, Stage.ANOMALIES, Stage.SAVE, Stage.DONE)
DOCUMENT_STAGES = (Stage.INGEST, Stage.EXTRACT, Stage.VALIDATE, Stage.ANOMALIES, Stage.SAVE)  # one unit each


@dataclass(slots=True)
class DocumentState:
    """One document of the run, filled in by the stages in order: ingested -> pages recognised -> OCR
    document -> extraction submitted -> invoice -> saved. `error` set: the document is settled (failed
    or cancelled) and no stage touches it again."""

    source: SourceDocument
    ingested: IngestedDocument | None = None  # page images live until the run's folder goes
    pages: tuple[PageInput, ...] = ()
    recognised: dict[int, OcrPage] = field(default_factory=dict)
    ocr: OcrDocument | None = None
    extraction: PrefectFuture[Invoice] | None = None  # submitted, not yet back
    invoice: Invoice | None = None
    error: ErrorInfo | None = None
    saved: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    ocr_started: float = 0.0
    extract_started: float = 0.0

    @property
    def extracted(self) -> bool:
        return self.invoice is not None and self.error is None


@dataclass(frozen=True, slots=True)
class DocumentOutcome:
    name: str
    ok: bool
    error: str | None  # the code of the error that stopped or marred it
    file: str = ""  # the file it was received in (an e-mail's name for its attachments), else its name

    @classmethod
    def of(cls, source: SourceDocument, *, ok: bool, error: str | None) -> DocumentOutcome:
        return cls(source.name, ok=ok, error=error, file=source.received_in or source.name)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "error": self.error, "file": self.file or self.name}


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What `process_invoices` returns (as `as_dict()`: the flow's result stays plain data)."""

    task_id: str
    status: str
    documents: dict[str, DocumentOutcome]

    def as_dict(self) -> dict[str, Any]:
        return {
            "task_id": self.task_id,
            "status": self.status,
            "documents": {doc_id: outcome.as_dict() for doc_id, outcome in self.documents.items()},
        }
