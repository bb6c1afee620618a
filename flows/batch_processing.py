"""One run of `process_invoices` (`BatchProcessing`): one task's documents, ingest -> OCR per page (in
parallel) -> extract -> validate (the batch as one frame) -> anomalies against the project's history ->
save, each stage a method. How work is handed to Prefect (quoting, ingest runs' size, the page window)
is `flows.submission` and `flows.page_window`; the run's records are `flows.run_state`.

Everything goes through the port: inputs, progress, results, failures, the cancel flag. A bad
document is marked failed with its error code and the others go on. Cancellation (the port's flag,
checked between ingest runs, after every page and every `POLL_SECONDS` while waiting, and before each
document's extraction, the batch's validation, scoring and save; or Prefect cancelling the flow run)
ends the task within a poll: nothing new starts, pages and extractions under way are left to finish
on their own, documents already extracted are saved as they are with a `cancelled` error (their
values kept, not validated), the others are marked `cancelled`, and the task ends `cancelled`.

Page images live in the run's own folder (`flows.page_folder`), removed once the results are saved or
salvaged, so that a run Prefect stops still extracts and keeps what it has read. Documents an earlier
attempt settled (`TaskInputs.settled`: a re-queued task) are not read again: each result is saved once.
Error messages a user sees name no server path (`error_info`).
"""

from __future__ import annotations

import queue
import re
import threading
import time
from collections import deque
from dataclasses import replace
from typing import Any

from prefect.utilities.annotations import quote

from expectations.project_settings import ProjectSettings
from flows import shutdown, tasks
from flows.page_folder import PageFolder
from flows.page_window import POLL_SECONDS, PageWindow
from flows.port import (
    CANCELLED,
    FAILED,
    PARTIALLY_FAILED,
    QUEUED,
    SUCCEEDED,
    PipelinePort,
    TaskInputs,
    TaskRequeue,
)
from flows.progress import ProgressTracker, step_costs
from flows.run_state import DocumentOutcome, DocumentState, RunSummary, Stage
from flows.settings import page_concurrency
from flows.submission import chunk_size, runs_in_threads, submit_policy
from flows.vendor_knowledge import knowledge_of
from ocr_tasks.anomaly.records import InvoiceRecord
from ocr_tasks.config import OcrConfig
from ocr_tasks.errors import Cancelled, error_code
from ocr_tasks.ocr_types import OcrDocument
from ocr_tasks.result_types import DocumentResult, ErrorInfo

SALVAGE_SECONDS = 2.0  # how long a run Prefect stops waits for the extractions under way
PREFECT_CHECK_SECONDS = 1.0  # how often a run asks Prefect whether its flow run is being cancelled


# an absolute POSIX path (not inside a URL): what `scrub` shortens to its last part
_SERVER_PATH = re.compile(r"(?<![\w:/.~-])/(?:[^\s'\"/:,;()]+/)+([^\s'\"/:,;()]+)")


def scrub(message: str) -> str:
    """A message for users: server paths (page images, temp folders) cut to their file name."""
    return _SERVER_PATH.sub(r"\1", message)


def error_info(exc: BaseException, step: str, page: int | None = None) -> ErrorInfo:
    message = scrub(str(exc)) or type(exc).__name__
    return ErrorInfo(code=error_code(exc), message=message, step=step, page=page)


def ocr_config(inputs: TaskInputs, settings: ProjectSettings) -> OcrConfig:
    """The OCR configuration of a task: its languages plus the project's `ocr` settings."""
    return settings.ocr.config(inputs.languages)


class BatchProcessing:
    """The state of one `process_invoices` run; each method is one stage of the flow."""

    def __init__(
        self,
        port: PipelinePort,
        inputs: TaskInputs,
        *,
        settings: ProjectSettings | None = None,
        flow_run_id: str | None = None,
    ) -> None:
        """`settings`: the task's project settings as parsed when the run started (None: parsed here
        from `inputs.settings`; `InvalidSettings` when they cannot be used)."""
        self.port = port
        self.inputs = inputs
        self.settings = settings if settings is not None else ProjectSettings.from_dict(inputs.settings)
        self.flow_run_id = flow_run_id
        self.next_prefect_check = 0.0
        self.config = ocr_config(inputs, self.settings)
        self.engine = self.settings.ocr_engine
        # documents an earlier attempt settled are left as they are (each result is saved once)
        self.earlier = {s.id: s for s in inputs.documents if s.id in inputs.settled}
        self.docs = {s.id: DocumentState(s) for s in inputs.documents if s.id not in self.earlier}
        self.progress = ProgressTracker(
            port,
            inputs.task_id,
            documents=[s.id for s in inputs.documents],
            costs=step_costs(self.settings),
            page_counts=inputs.page_counts,
            settled=list(self.earlier),
            attempt=inputs.attempt,
        )
        self.folder: PageFolder | None = None  # the page images' folder while the run reads
        self.cancelled = False
        self.stopping = False  # this process is stopping (flows.shutdown): the task is handed back
        self.extracted: queue.Queue[str] = queue.Queue()  # ids of documents whose extraction is back
        self.submitted = submit_policy()
        self.knowledge = knowledge_of(port, inputs.project_id)  # vendor memory + templates, once per run

    # -- helpers ---------------------------------------------------------------------------
    def check_cancelled(self) -> bool:
        """The port's flag, and (at most once per `PREFECT_CHECK_SECONDS`) whether Prefect was asked to
        cancel the flow run: from its UI, a run in this process has no worker to stop it. Also true once
        the process is stopping (`flows.shutdown`): the run stops at the same points as a cancelled one."""
        if not self.cancelled and (self.port.is_cancelled(self.inputs.task_id) or self.prefect_cancelling()):
            self.cancelled = True
        if not self.stopping and shutdown.requested():
            self.stopping = True
        return self.cancelled or self.stopping

    def prefect_cancelling(self) -> bool:
        now = time.monotonic()
        if not self.flow_run_id or now < self.next_prefect_check:
            return False
        self.next_prefect_check = now + PREFECT_CHECK_SECONDS
        from flows.dispatch import flow_run_cancel_requested

        return flow_run_cancel_requested(self.flow_run_id)

    def fail(self, doc: DocumentState, error: ErrorInfo) -> None:
        if doc.error is None:
            doc.error = error
            if shutdown.requested() and error.code != Cancelled.code:
                return  # maybe the stop's own error (a pool taking no more work): read again later
            self.port.mark_document_failed(self.inputs.task_id, doc.source.id, error)
            if error.code == Cancelled.code:
                self.progress.document_cancelled(doc.source.id)
            else:
                self.progress.document_done(doc.source.id)

    def live(self) -> list[DocumentState]:
        return [d for d in self.docs.values() if d.error is None]

    # -- stages ----------------------------------------------------------------------------
    def read(self, folder: str) -> None:
        """Ingest the documents a few per task run (the first alone, so that OCR starts at once) and hand
        each one's pages to the OCR window at once, taking the pages that are back between runs, so that
        recognition overlaps ingestion; extract each document as soon as its last page is back. Every
        document is ingested before the last pages are waited for, so the task's page total (its
        progress percentage) is known early."""
        self.progress.report()  # step ingest, 0 %
        workers = page_concurrency()
        ahead = workers if runs_in_threads() else 0  # queued pages can be withdrawn from threads only
        window = PageWindow(
            lambda page: tasks.ocr_page.submit(page, self.config, self.engine), limit=workers, ahead=ahead
        )
        unread = deque(self.docs.values())
        chunk = 1
        while unread:
            if self.check_cancelled():
                window.abandon()
                return
            for doc in self.ingest([unread.popleft() for _ in range(min(chunk, len(unread)))], folder):
                doc.ocr_started = time.perf_counter()
                window.extend((doc.source.id, page) for page in doc.pages)
                if not doc.pages:
                    self.finish_ocr(doc)
            read = [d for d in self.docs.values() if d.ingested is not None]
            chunk = chunk_size(workers + ahead, len(read), sum(len(d.pages) for d in read))
            self.collect(window, wait=False)
        self.progress.enter(Stage.OCR)
        self.collect(window, wait=True)
        if not self.cancelled:
            self.progress.enter(Stage.EXTRACT)

    def ingest(self, docs: list[DocumentState], folder: str) -> list[DocumentState]:
        """Ingest `docs` in one task run; returns those that are ready for OCR (the others failed)."""
        try:
            outcomes = tasks.ingest_documents(
                quote(self.port), quote([doc.source for doc in docs]), self.config, folder
            )
        except Exception as exc:  # noqa: BLE001 - storage still failing after the retries
            for doc in docs:
                self.fail(doc, error_info(exc, "ingest"))
            return []
        ready = []
        for doc, outcome in zip(docs, outcomes, strict=True):
            if outcome.error is not None:
                self.fail(doc, error_info(outcome.error, "ingest"))
                continue
            read = getattr(outcome.document, "source", None)  # its type and hash as read from its bytes
            if read is not None:  # keeping the e-mail it came in, which its bytes do not tell
                received_in = doc.source.received_in
                doc.source = replace(read, received_in=received_in) if received_in else read
            doc.ingested = outcome.document
            doc.pages = tuple(outcome.document.pages)
            doc.timings["ingest"] = outcome.seconds
            self.progress.ingested(doc.source.id, len(doc.pages))
            ready.append(doc)
        return ready

    def collect(self, window: PageWindow, *, wait: bool) -> None:
        """Take the pages that are back, and the extractions; after each page, and every poll while
        waiting, check for cancellation (then the window is abandoned: nothing new starts, nothing
        more is waited for)."""
        for doc_id, page, error in window.results(wait=wait, stop_when=self.check_cancelled):
            doc = self.docs[doc_id]
            self.progress.page_done(doc_id)
            self.harvest()
            if self.check_cancelled():
                window.abandon()
                return
            if doc.error is not None:
                continue
            if error is not None:
                self.fail(doc, error_info(error, "ocr", getattr(error, "page", None)))
                window.drop(lambda key, failed=doc_id: key == failed)
                continue
            doc.recognised[page.index] = page
            if len(doc.recognised) == len(doc.pages):
                self.finish_ocr(doc)

    def finish_ocr(self, doc: DocumentState) -> None:
        """All pages are back: extraction runs on the task runner (it re-reads page regions with
        Tesseract, so documents are extracted in parallel, next to the OCR of other pages). Not once
        the task is cancelled."""
        if self.check_cancelled():
            return
        doc.timings["ocr"] = time.perf_counter() - doc.ocr_started
        doc.timings["ocr_cpu"] = sum(p.seconds for p in doc.recognised.values())
        doc.ocr = OcrDocument(
            source=doc.source, pages=tuple(doc.recognised[i] for i in sorted(doc.recognised))
        )
        doc.extract_started = time.perf_counter()
        doc.extraction = tasks.extract.submit(
            self.submitted(doc.ingested),
            self.submitted(doc.ocr),
            self.config.languages,
            self.settings,
            self.submitted(self.knowledge.memories),
            self.submitted(self.knowledge.templates),
        )
        doc.extraction.add_done_callback(lambda _future, doc_id=doc.source.id: self.extracted.put(doc_id))

    def collect_extractions(self) -> None:
        """Wait for the documents being extracted (their page images must still exist), checking for
        cancellation every poll: a cancelled task leaves the ones not back yet."""
        while any(doc.extraction is not None for doc in self.live()):
            if self.check_cancelled():
                return
            self.harvest(wait=POLL_SECONDS)

    def harvest(self, *, wait: float = 0.0) -> None:
        """Take the extractions that are back (waiting up to `wait` seconds for the first)."""
        try:
            doc_id = self.extracted.get(timeout=wait) if wait else self.extracted.get_nowait()
        except queue.Empty:
            return
        while True:
            doc = self.docs[doc_id]
            if doc.extraction is not None and doc.error is None:
                try:
                    doc.invoice = doc.extraction.result(raise_on_failure=True)
                except Exception as exc:  # noqa: BLE001
                    self.fail(doc, error_info(exc, "extract"))
                else:
                    self.progress.steps_done([doc_id], "extract")
                doc.timings["extract"] = time.perf_counter() - doc.extract_started
                doc.extraction = None
            try:
                doc_id = self.extracted.get_nowait()
            except queue.Empty:
                return

    def cancel_unfinished(self) -> None:
        for doc in self.live():
            if not doc.extracted:
                self.fail(
                    doc, error_info(Cancelled("the task was stopped before this document was read"), "cancel")
                )

    def call_batch(self, task, *args):
        """Call a batch task (validation: seconds, a first Great Expectations import many more). On a
        thread pool it is submitted and waited for a poll at a time, so that a cancel does not wait for
        it: None then (the thread finishes on its own)."""
        if not runs_in_threads():
            return task(*args)
        future = task.submit(*args)
        back = threading.Event()
        future.add_done_callback(lambda _future: back.set())
        while not back.wait(POLL_SECONDS):
            if self.check_cancelled():
                return None
        return future.result(raise_on_failure=True)

    def check(self) -> tuple[dict[str, tuple], dict[str, tuple], list[ErrorInfo]]:
        """Validate the extracted batch as one frame, then score it against the project's history.
        A failure of either leaves the documents' results intact, with the error recorded on them.
        Neither starts once the task is cancelled."""
        done = {d.source.id: d for d in self.live() if d.extracted}
        validation: dict[str, tuple] = {}
        anomalies: dict[str, tuple] = {}
        errors: list[ErrorInfo] = []
        if not done or self.check_cancelled():
            return validation, anomalies, errors
        self.progress.enter(Stage.VALIDATE)
        started = time.perf_counter()
        try:
            validation = self.call_batch(
                tasks.validate,
                quote({doc_id: d.invoice for doc_id, d in done.items()}),
                self.settings.custom_expectations,
                self.settings,
            )
        except Exception as exc:  # noqa: BLE001
            errors.append(error_info(exc, "validate"))
        if validation is None or self.check_cancelled():
            return validation or {}, anomalies, errors
        self.progress.steps_done(done, "validate")
        validate_seconds = time.perf_counter() - started
        self.progress.enter(Stage.ANOMALIES)
        started = time.perf_counter()
        try:
            anomalies = self.score(done, validation)
        except Exception as exc:  # noqa: BLE001
            errors.append(error_info(exc, "anomalies"))
        self.progress.steps_done(done, "anomalies")
        anomaly_seconds = time.perf_counter() - started
        for d in done.values():
            d.timings["validate"] = validate_seconds
            d.timings["anomalies"] = anomaly_seconds
        return validation, anomalies, errors

    def score(self, done: dict[str, DocumentState], validation: dict[str, tuple]) -> dict[str, tuple]:
        records = [
            InvoiceRecord.from_result(DocumentResult(source=d.source, invoice=d.invoice))
            for d in done.values()
        ]
        history = self.port.load_history(self.inputs.project_id, exclude_task_id=self.inputs.task_id)
        stored = self.port.load_anomaly_model(self.inputs.project_id)
        return tasks.score(
            quote(records),
            quote(history),
            quote(validation or None),
            stored[0] if stored else None,
            self.settings,
        )

    def save(self, validation: dict[str, tuple], anomalies: dict[str, tuple], errors: list[ErrorInfo]) -> int:
        """Save every extracted document (one task run for all); returns how many were saved without
        errors."""
        self.progress.enter(Stage.SAVE)
        docs = [doc for doc in self.live() if doc.extracted]
        if not docs:
            return 0
        started = time.perf_counter()
        results = [
            DocumentResult(
                source=doc.source,
                ocr=doc.ocr,
                invoice=doc.invoice,
                validation=tuple(validation.get(doc.source.id, ())),
                anomalies=tuple(anomalies.get(doc.source.id, ())),
                errors=tuple(errors),
                timings=doc.timings,
            )
            for doc in docs
        ]
        try:
            failed = tasks.save_results(quote(self.port), self.inputs.task_id, quote(results))
        except Exception as exc:  # noqa: BLE001 - storage still failing after the retries
            failed = {doc.source.id: exc for doc in docs}
        seconds = (time.perf_counter() - started) / len(docs)
        clean = 0
        for doc in docs:
            if doc.source.id in failed:
                self.fail(doc, error_info(failed[doc.source.id], "save"))
                continue
            doc.saved = True
            doc.timings["save"] = seconds
            doc.timings["total"] = sum(v for k, v in doc.timings.items() if k not in ("ocr_cpu", "total"))
            clean += not errors
            self.progress.document_done(doc.source.id)
        return clean

    def keep_extracted(self, validation: dict[str, tuple], anomalies: dict[str, tuple]) -> None:
        """The task is cancelled: documents already extracted are saved as they are (with the checks
        that ran, if any) carrying a `cancelled` error, so their values are kept and they say they were
        not finished; the others are marked `cancelled`. Straight through the port (no task run): a
        few writes, and Prefect may be tearing the run down."""
        self.cancelled = True
        error = error_info(
            Cancelled("the task was cancelled before this document was checked and saved"), "cancel"
        )
        for doc in self.live():
            if not doc.extracted or doc.saved:
                continue
            result = DocumentResult(
                source=doc.source,
                ocr=doc.ocr,
                invoice=doc.invoice,
                validation=tuple(validation.get(doc.source.id, ())),
                anomalies=tuple(anomalies.get(doc.source.id, ())),
                errors=(error,),
                timings=doc.timings,
            )
            try:
                self.port.save_document_result(self.inputs.task_id, result)
            except Exception as exc:  # noqa: BLE001
                self.fail(doc, error_info(exc, "save"))
                continue
            doc.saved, doc.error = True, error
            self.progress.document_cancelled(doc.source.id)
        self.cancel_unfinished()

    def salvage(self) -> None:
        """Prefect is stopping this run (the flow run was cancelled: a worker's `TerminationSignal`): keep
        what is finished (see `keep_extracted`), after waiting up to `SALVAGE_SECONDS` for the extractions
        under way (the worker stops the process anyway; a cancel through the port does not wait for
        them); then the page images go."""
        self.cancelled = True
        deadline = time.monotonic() + SALVAGE_SECONDS
        while any(d.extraction is not None for d in self.live()) and time.monotonic() < deadline:
            self.harvest(wait=POLL_SECONDS)
        self.harvest()
        try:
            self.keep_extracted({}, {})
        finally:
            self.remove_folder()

    def terminated(self) -> None:
        """Prefect stops this run (`TerminationSignal` in the flow's process). A cancel (the port's flag,
        or the flow run Cancelling) keeps what is finished (`salvage`); otherwise the process is being
        killed (its worker going away): nothing more is saved, the page images go, and the crash hook
        re-queues the task, whose next attempt keeps the documents already saved."""
        from flows.dispatch import flow_run_cancel_requested

        cancelling = self.port.is_cancelled(self.inputs.task_id)
        if cancelling or (self.flow_run_id and flow_run_cancel_requested(self.flow_run_id)):
            self.salvage()
            # `cancelled` now, not once the process has exited (extractions under way keep it alive for
            # many seconds) and the worker has run the cancellation hook
            self.port.finish_task(self.inputs.task_id, CANCELLED, error=self.final_error(CANCELLED, None))
        else:
            self.remove_folder()

    def remove_folder(self) -> None:
        if self.folder is not None:
            self.folder.remove()

    def final_status(self, clean: int) -> str:
        """`clean`: documents of this attempt saved without errors (with those an earlier one saved)."""
        if self.cancelled:
            return CANCELLED
        clean += sum(1 for code in self.inputs.settled.values() if not code)
        failed = len(self.inputs.documents) - clean
        if failed == 0:
            return SUCCEEDED
        return FAILED if clean == 0 else PARTIALLY_FAILED

    def execute(self) -> dict[str, Any]:
        """The run: read (ingest + OCR) and extract with the page images in the run's folder, check the
        batch, save. The folder is removed here once the documents are extracted, or by `salvage` when
        Prefect stops the run (not on the way out of a `TerminationSignal`: salvage still reads it)."""
        self.folder = PageFolder.open(self.inputs.task_id)
        try:
            self.read(str(self.folder))
            self.collect_extractions()
        except Exception:
            self.remove_folder()
            raise
        self.remove_folder()
        validation, anomalies, errors = self.check()
        if self.stopping and not self.port.is_cancelled(self.inputs.task_id):
            return self.hand_back()
        if self.check_cancelled():  # checked before the save: nothing is validated or saved as finished
            self.keep_extracted(validation, anomalies)
            clean = 0
        else:
            clean = self.save(validation, anomalies, errors)
        status = self.final_status(clean)
        first_error = next((d.error for d in self.docs.values() if d.error), None)
        self.port.finish_task(self.inputs.task_id, status, error=self.final_error(status, first_error))
        return self.summary(status, errors).as_dict()

    def summary(self, status: str, errors: list[ErrorInfo]) -> RunSummary:
        outcomes = {doc_id: self.outcome(d, errors) for doc_id, d in self.docs.items()}
        for doc_id, source in self.earlier.items():  # settled by an earlier attempt
            code = self.inputs.settled[doc_id]
            outcomes[doc_id] = DocumentOutcome.of(source, ok=not code, error=code or None)
        ordered = {s.id: outcomes[s.id] for s in self.inputs.documents}
        return RunSummary(task_id=self.inputs.task_id, status=status, documents=ordered)

    def hand_back(self) -> dict[str, Any]:
        """The process is stopping before this run finished: nothing more is saved (documents failed
        before keep their errors), and the task goes back to the queue through the port
        (`TaskRequeue`, the stop not counted as an attempt), or stays `running` for the start-up
        recovery to re-queue."""
        if isinstance(self.port, TaskRequeue):
            self.port.requeue_task(self.inputs.task_id)
        outcomes = {
            doc_id: DocumentOutcome.of(d.source, ok=False, error=d.error.code if d.error else QUEUED)
            for doc_id, d in self.docs.items()
        }
        return RunSummary(task_id=self.inputs.task_id, status=QUEUED, documents=outcomes).as_dict()

    @staticmethod
    def final_error(status: str, first_error: ErrorInfo | None) -> ErrorInfo | None:
        if status == CANCELLED:
            return ErrorInfo(code=Cancelled.code, message="the task was cancelled", step="cancel")
        return first_error if status == FAILED else None

    @staticmethod
    def outcome(doc: DocumentState, errors: list[ErrorInfo]) -> DocumentOutcome:
        """One document's end: `ok`, or the code of the error that stopped or marred it."""
        error = doc.error or (errors[0] if errors and doc.extracted else None)
        ok = error is None and doc.extracted
        return DocumentOutcome.of(
            doc.source, ok=ok, error=None if ok else (error.code if error else "cancelled")
        )


def refuse(port: PipelinePort, inputs: TaskInputs, error: ErrorInfo) -> dict[str, Any]:
    """End a task that cannot run (its project's settings are invalid): every document failed with the
    error, nothing read."""
    for source in inputs.documents:
        port.mark_document_failed(inputs.task_id, source.id, error)
    port.finish_task(inputs.task_id, FAILED, error=error)
    outcomes = {s.id: DocumentOutcome.of(s, ok=False, error=error.code) for s in inputs.documents}
    return RunSummary(task_id=inputs.task_id, status=FAILED, documents=outcomes).as_dict()
