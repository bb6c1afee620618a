"""How a run hands work to Prefect: the quoting policy of task arguments and the size of ingest runs.
(The bounded page submission itself is `flows.page_window.PageWindow`.)

Large task arguments are passed `quote()`d: Prefect would otherwise walk every object inside them
(every word of an OCR document, a project's whole history) looking for futures, which cost more CPU
than the extraction itself. No task here takes another's future as input, so nothing is lost. Not to a
Dask cluster: prefect-dask turns a quoted argument into a plain tuple, so there they go as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from prefect.utilities.annotations import quote

T = TypeVar("T")
MAX_INGEST_CHUNK = 8  # documents per ingest task run


def runs_in_threads() -> bool:
    """Whether this flow run's task runner is a thread pool: submitted arguments can then be quote()d,
    and pages queued in it can be withdrawn."""
    from prefect.context import FlowRunContext
    from prefect.task_runners import ThreadPoolTaskRunner

    context = FlowRunContext.get()
    return isinstance(getattr(context, "task_runner", None), ThreadPoolTaskRunner)


def _as_is(value: T) -> T:
    return value


def submit_policy() -> Callable[[Any], Any]:
    """What wraps an argument of a submitted task in this flow run: `quote` on threads, nothing on Dask.
    (Arguments of tasks called in the flow's thread are always quoted: they never leave it.)"""
    return quote if runs_in_threads() else _as_is


def chunk_size(pages_wanted: int, documents_read: int, pages_read: int) -> int:
    """How many documents the next ingest run reads: about `pages_wanted` pages' worth (what the OCR
    window holds), judged by the pages of the documents read so far (one-page receipts go 4 at a time
    with 2 workers, PDFs one by one), so that OCR is never long without new pages."""
    return max(1, min(MAX_INGEST_CHUNK, pages_wanted * documents_read // max(1, pages_read)))
