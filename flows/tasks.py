"""Thin Prefect tasks: each calls one library function and adds retries and a name.

Only transient errors (`exc.transient`: OCR timeouts, storage hiccups) are retried, with exponential
backoff; bad input fails at once. Library modules are imported inside the tasks so that importing the
flows stays fast (Great Expectations alone takes seconds). Results are not cached or persisted: the
port is the single place where results are stored.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from flows.port import PipelinePort
from flows.settings import retry_delay_seconds
from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.config import OcrConfig
from ocr_tasks.ocr_types import OcrDocument, OcrPage, SourceDocument
from ocr_tasks.result_types import DocumentResult

if TYPE_CHECKING:
    from expectations.project_settings import ProjectSettings
    from ocr_tasks.extraction.templates import Template
    from ocr_tasks.vendor_memory import VendorMemory

TRANSIENT_RETRIES = 2


def is_transient(exc: BaseException | None) -> bool:
    return bool(getattr(exc, "transient", False))


def retry_if_transient(task, task_run, state) -> bool:
    """`retry_condition_fn`: retry only when the task failed with a transient error."""
    return is_transient(state.result(raise_on_failure=False))


def _options(name: str, *, retry: bool) -> dict[str, Any]:
    options: dict[str, Any] = {"name": name, "cache_policy": NO_CACHE, "persist_result": False}
    if retry:
        options |= {
            "retries": TRANSIENT_RETRIES,
            "retry_delay_seconds": exponential_backoff(retry_delay_seconds()),
            "retry_jitter_factor": 0.2,
            "retry_condition_fn": retry_if_transient,
        }
    return options


def settings_of(project_settings: Mapping[str, Any] | ProjectSettings | None) -> ProjectSettings:
    """A project's settings, parsed (`InvalidSettings` when they cannot be used); parsed settings are
    taken as they are (what the flows pass: they parse once when a run starts)."""
    from expectations.project_settings import ProjectSettings

    return ProjectSettings.from_dict(project_settings)


def engine_for(name: str | None):
    """The OCR engine named in the project settings (None: the library's default)."""
    if not name:
        return None
    from ocr_tasks.engines import get_engine

    return get_engine(name)


@dataclass(frozen=True, slots=True)
class Ingested:
    """One document of an `ingest_documents` run: its pages, or the bad-input error that stopped it."""

    source: SourceDocument
    document: Any = None  # ocr_tasks IngestedDocument
    error: Exception | None = None
    seconds: float = 0.0


def ingest_one(port: PipelinePort, source: SourceDocument, config: OcrConfig, workdir: str):
    """Read the document's bytes from storage and split it into page images."""
    from ocr_tasks.ingest import ingest_bytes

    data = port.read_document(source)
    return ingest_bytes(
        data,
        name=source.name or source.id,
        config=config,
        document_id=source.id,
        uri=source.uri,
        workdir=Path(workdir),
    )


@task(**_options("ingest", retry=True))
def ingest_documents(
    port: PipelinePort, sources: Sequence[SourceDocument], config: OcrConfig, workdir: str
) -> list[Ingested]:
    """Read and split a few documents in one task run (each run costs the Prefect server a record,
    about as much CPU as ingesting a receipt). A document that is bad input comes back with its
    error and the others go on; a transient storage error fails the run so that it is retried
    (ingesting a document again replaces its page images)."""
    done = []
    for source in sources:
        started = time.perf_counter()
        try:
            document, error = ingest_one(port, source, config, workdir), None
        except Exception as exc:
            if is_transient(exc):
                raise
            document, error = None, exc
        done.append(Ingested(source, document, error, time.perf_counter() - started))
    return done


@task(**_options("ocr-page", retry=True))
def ocr_page(page, config: OcrConfig, engine_name: str | None = None) -> OcrPage:
    from ocr_tasks.recognise import recognise_page

    return recognise_page(page, config, engine=engine_for(engine_name))


@task(**_options("extract", retry=False))
def extract(
    ingested,
    document: OcrDocument,
    languages: str = "eng",
    project_settings: ProjectSettings | None = None,
    memories: Sequence[VendorMemory] = (),
    templates: Sequence[Template] = (),
):
    """Fields of one document. With its page images at hand, the library also re-reads the total's
    row, takes an enhanced second reading, and asks RapidOCR when the total or date is unsure (each on
    unless the project's `extraction` settings say `reread` / `enhanced` / `second_opinion: false`;
    `second_opinion_below` sets the confidence under which RapidOCR is asked).
    A PDF carrying an e-invoice is read from its XML instead (`source: "einvoice"`, confidence 1.0;
    its pages are still OCR'd for review); when its attachment cannot be read, the page is extracted
    and the invoice's `einvoice` says why. An e-invoice's XML is validated against EN 16931 here (its XSD
    and schematron; `einvoice.validation`), as the XML is at hand only now.
    `memories` (the project's vendor memory) and `templates` (its imported invoice2data templates), loaded
    once per run (`flows.vendor_knowledge`), give the learned candidates of a known vendor."""
    from dataclasses import replace

    from ocr_tasks.extraction.tesseract_regions import extract_with_page_images

    if getattr(ingested, "einvoice", None) is not None:
        from ocr_tasks.einvoice.compare import checked_against_page
        from ocr_tasks.einvoice.validation import with_validation

        return with_validation(checked_against_page(ingested.einvoice, document), ingested.einvoice)
    settings = settings_of(project_settings).extraction
    invoice = extract_with_page_images(
        ingested,
        document,
        languages=languages,
        options=settings.options(),
        reread=settings.reread,
        enhanced=settings.enhanced,
        second_opinion=settings.second_opinion,
        second_opinion_below=settings.second_opinion_below,
        templates=tuple(templates),
        memories=tuple(memories),
    )
    if getattr(ingested, "einvoice_error", None):
        invoice = replace(invoice, einvoice={"error": ingested.einvoice_error})
    return invoice


@task(**_options("re-extract", retry=False))
def reextract(
    results: Sequence[DocumentResult],
    project_settings: ProjectSettings | None = None,
    memories: Sequence[VendorMemory] = (),
    templates: Sequence[Template] = (),
) -> dict[str, Any]:
    """Fields of stored documents extracted again from their stored OCR (no page images any more: no
    re-reading of regions, no second opinion) with the project's current memory and templates, in one task
    run; {document id: Invoice}. A document without OCR, or read from an e-invoice's XML, is left out. The
    payment QR code the first reading weighed is weighed again (`payment_evidence.codes_of_record`)."""
    from dataclasses import replace

    from ocr_tasks.extraction import extract_invoice
    from ocr_tasks.extraction.payment_evidence import codes_of_record

    options = settings_of(project_settings).extraction.options()
    return {
        r.source.id: extract_invoice(
            r.ocr,
            templates=tuple(templates),
            options=replace(
                options, payment_codes=codes_of_record(r.invoice.payment_code if r.invoice else None)
            ),
            memories=tuple(memories),
        )
        for r in results
        if r.ocr is not None
        and r.ocr.pages
        and not (r.invoice is not None and r.invoice.source == "einvoice")
    }


@task(**_options("validate", retry=False))
def validate(
    invoices: Mapping[str, Any],
    custom_expectations: Sequence[Any] = (),
    project_settings: ProjectSettings | None = None,
) -> dict[str, tuple]:
    from expectations.runner import validate_batch
    from ocr_tasks.einvoice.validation import joined_reports

    settings = settings_of(project_settings).validation
    reports = validate_batch(invoices, settings=settings, custom_expectations=tuple(custom_expectations))
    return joined_reports(reports, invoices)  # + the `en16931` report of each e-invoice


@task(**_options("score-anomalies", retry=False))
def score(
    batch: Sequence[InvoiceRecord],
    history: Sequence[InvoiceRecord],
    validation: Mapping[str, tuple] | None,
    model_blob: bytes | None = None,
    project_settings: ProjectSettings | None = None,
) -> dict[str, tuple]:
    from ocr_tasks.anomaly import AnomalyModel, score_anomalies

    model = AnomalyModel.from_bytes(model_blob) if model_blob is not None else None
    settings = settings_of(project_settings).anomaly
    return score_anomalies(batch, history, validation=validation, settings=settings, model=model)


@task(**_options("fit-anomaly-model", retry=False))
def fit(history: Sequence[InvoiceRecord], project_settings: ProjectSettings | None = None):
    from ocr_tasks.anomaly import fit_model

    return fit_model(history, settings=settings_of(project_settings).anomaly)


def _save_each(results: Sequence[DocumentResult], save) -> dict[str, Exception]:
    """`save(result)` for each result: one that fails for good is handed back with its error and the
    others are still saved; a transient error stops the run so that it is retried, which is harmless:
    a save replaces what is stored."""
    failed: dict[str, Exception] = {}
    for result in results:
        try:
            save(result)
        except Exception as exc:
            if is_transient(exc):
                raise
            failed[result.source.id] = exc
    return failed


@task(**_options("save-results", retry=True))
def save_results(port: PipelinePort, task_id: str, results: Sequence[DocumentResult]) -> dict[str, Exception]:
    """Save the batch's results in one task run (each run costs the Prefect server a record)."""
    return _save_each(results, lambda result: port.save_document_result(task_id, result))


@task(**_options("save-reextracted", retry=True))
def save_reextracted(
    port: PipelinePort, project_id: str, results: Sequence[DocumentResult]
) -> dict[str, Exception]:
    """Save a project's re-extracted (and rescored) results in one task run (`flows.port.Reextraction`)."""
    return _save_each(results, lambda result: port.save_reextracted(project_id, result))


@task(**_options("save-rescored", retry=True))
def save_rescored(
    port: PipelinePort, project_id: str, results: Sequence[DocumentResult]
) -> dict[str, Exception]:
    """Save a project's rescored results in one task run."""
    return _save_each(results, lambda result: port.save_rescored(project_id, result))
