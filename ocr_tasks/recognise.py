"""Recognition of ingested pages: text-layer pages as they are, the others through an OCR engine, in
parallel across processes (default: one per core, `OcrConfig.workers`).

`PageRecogniser` is the shared pool (used by `recognise_document` and by the CLI across documents);
with one worker everything runs in the calling process. Engines and pages are picklable, page images
travel as paths.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from ocr_tasks.config import OcrConfig
from ocr_tasks.engines import get_engine
from ocr_tasks.engines.base import OcrEngine
from ocr_tasks.errors import OcrEngineError
from ocr_tasks.ingest import IngestedDocument, PageInput, ingest_path
from ocr_tasks.ingest.scanned_pages import own_or_layer
from ocr_tasks.ocr_types import OcrDocument, OcrPage

PageCallback = Callable[[OcrPage], None]


def recognise_page(page: PageInput, config: OcrConfig, engine: OcrEngine | None = None) -> OcrPage:
    """The page's text layer when it has one, else the engine's reading of its image. (Images placed
    on a text-layer page are read only when extraction needs them: `engines.image_regions`.)"""
    if page.text_page is not None:
        return page.text_page
    # a scan under another program's OCR: that layer when ours reads almost nothing (`scanned_pages`)
    return own_or_layer((engine or get_engine()).recognise(page, config), page.scan_text_layer)


def _recognise_in_worker(page: PageInput, config: OcrConfig, engine: OcrEngine) -> OcrPage:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    return recognise_page(page, config, engine)


# Imported once by the fork server, so that each worker forked from it starts with them loaded.
WORKER_PRELOAD = [
    "ocr_tasks.recognise",
    "ocr_tasks.engines.tesseract",
    "ocr_tasks.engines.orientation",
    "numpy",
    "PIL.Image",
    "PIL.JpegImagePlugin",
    "PIL.PngImagePlugin",
    "PIL.BmpImagePlugin",
]


def _worker_context():
    """How worker processes start: `fork` when this process has a single thread (a CLI: free, nothing
    re-imported), else `forkserver` (forking a threaded process such as Prefect or Django is unsafe)
    with the OCR modules preloaded in the server, so that its workers start without re-importing them."""
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_PRELOAD)
    return context


class PageRecogniser:
    """A pool of OCR worker processes (or the calling process when `workers == 1`).

    Use as a context manager; `submit(page)` returns a `Future[OcrPage]`. Text-layer pages never reach
    a worker. Workers are forked, or started by a fork server in threaded callers (Prefect, Django).
    """

    def __init__(
        self, config: OcrConfig, engine: OcrEngine | None = None, workers: int | None = None
    ) -> None:
        self.config = config
        self.engine = engine or get_engine()
        self.workers = max(1, workers or config.workers)
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close(cancel=exc_info[0] is not None)

    def close(self, cancel: bool = False) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=cancel)
            self._executor = None

    def submit(self, page: PageInput) -> Future[OcrPage]:
        if page.text_page is not None or self.workers == 1:
            future: Future[OcrPage] = Future()
            try:
                future.set_result(recognise_page(page, self.config, self.engine))
            except Exception as exc:  # noqa: BLE001 - delivered through the future, as from a worker
                future.set_exception(exc)
            return future
        if self._executor is None:
            self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=_worker_context())
        try:
            return self._executor.submit(_recognise_in_worker, page, self.config, self.engine)
        except BrokenProcessPool:
            # a worker died (killed, out of memory): its pages fail, later pages get a fresh pool
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=_worker_context())
            return self._executor.submit(_recognise_in_worker, page, self.config, self.engine)


def page_result(future: Future[OcrPage]) -> OcrPage:
    """The future's page; a crashed worker becomes an `OcrEngineError`."""
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise OcrEngineError(f"an OCR worker process died: {exc}") from exc


def recognise_document(
    doc: IngestedDocument,
    config: OcrConfig,
    engine: OcrEngine | None = None,
    workers: int | None = None,
    on_page_done: PageCallback | None = None,
) -> OcrDocument:
    """OCR every page of `doc` (pages in parallel), in page order.

    `on_page_done(page)` is called in this process as each page finishes (any order); an exception it
    raises (e.g. `Cancelled`) stops the document: pending pages are dropped and the exception propagates.
    The first failing page's error propagates likewise.
    """
    ocr_pages = [p for p in doc.pages if p.needs_ocr]
    workers = min(max(1, workers or config.workers), max(1, len(ocr_pages)))
    results: dict[int, OcrPage] = {}
    with PageRecogniser(config, engine, workers) as pool:
        futures = {pool.submit(page): page.index for page in _text_pages_first(doc.pages)}
        for future in as_completed(futures):
            page = page_result(future)
            results[futures[future]] = page
            if on_page_done is not None:
                on_page_done(page)
    return OcrDocument(source=doc.source, pages=tuple(results[p.index] for p in doc.pages))


def _text_pages_first(pages: Iterable[PageInput]) -> list[PageInput]:
    pages = list(pages)
    return [p for p in pages if not p.needs_ocr] + [p for p in pages if p.needs_ocr]


def ocr_path(path: str | os.PathLike, config: OcrConfig | None = None) -> OcrDocument:
    """Ingest and recognise one file; page images live in a temporary directory removed afterwards."""
    config = config or OcrConfig()
    workdir = Path(tempfile.mkdtemp(prefix="ocr-path-"))
    try:
        doc = ingest_path(path, config=config, workdir=workdir)
        return recognise_document(doc, config)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One input of `recognise_paths`: its OCR result, or the error that stopped it."""

    path: Path
    document: OcrDocument | None = None
    ingested: IngestedDocument | None = None  # page images exist until the next item is requested
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def recognise_paths(
    paths: Iterable[str | os.PathLike],
    config: OcrConfig,
    *,
    engine: OcrEngine | None = None,
    workers: int | None = None,
    progress=None,
    lookahead_pages: int | None = None,
) -> Iterator[BatchItem]:
    """Ingest and recognise many files with one pool of workers, yielding results in input order.

    Inputs are ingested while earlier pages are recognised, up to `lookahead_pages` pages ahead (default
    4 per worker), so the first result comes early and page images on disk stay bounded: an item's page
    images are deleted when the next item is requested. A bad input is yielded with its error and never
    stops the others. `progress` is an optional tqdm-like bar (`total` grows as inputs are ingested,
    `update(1)` per page done).
    """
    workers = max(1, workers or config.workers)
    lookahead_pages = lookahead_pages or 4 * workers
    with (
        tempfile.TemporaryDirectory(prefix="ocr-batch-") as workdir,
        PageRecogniser(config, engine, workers) as pool,
    ):
        pending: deque[tuple[Path, Path, IngestedDocument | Exception, list[Future[OcrPage]]]] = deque()
        for number, raw in enumerate(paths):
            path = Path(raw)
            item_dir = Path(workdir) / f"{number:06d}"
            try:
                doc = ingest_path(path, config=config, workdir=item_dir)
            except Exception as exc:  # noqa: BLE001 - one bad input never stops the others
                pending.append((path, item_dir, exc, []))
            else:
                futures = [pool.submit(page) for page in doc.pages]
                if progress is not None:
                    progress.total = (progress.total or 0) + len(futures)
                    progress.refresh()
                    for future in futures:
                        future.add_done_callback(lambda _f: progress.update(1))
                pending.append((path, item_dir, doc, futures))
            while pending and (_pages_in_flight(pending) > lookahead_pages or _all_done(pending[0][3])):
                yield from _emit(*pending.popleft())
        while pending:
            yield from _emit(*pending.popleft())


def _pages_in_flight(pending) -> int:
    return sum(1 for *_, futures in pending for f in futures if not f.done())


def _all_done(futures: list[Future[OcrPage]]) -> bool:
    return all(f.done() for f in futures)


def _emit(path: Path, item_dir: Path, doc, futures) -> Iterator[BatchItem]:
    """Yield the item; once the consumer moves on, delete its page images."""
    try:
        if isinstance(doc, Exception):
            yield BatchItem(path=path, error=doc)
            return
        try:
            pages = tuple(page_result(f) for f in futures)
        except Exception as exc:  # noqa: BLE001 - reported with its code (internal_error if unknown)
            yield BatchItem(path=path, ingested=doc, error=exc)
            return
        yield BatchItem(path=path, document=OcrDocument(source=doc.source, pages=pages), ingested=doc)
    finally:
        shutil.rmtree(item_dir, ignore_errors=True)
