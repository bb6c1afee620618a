"""Submits page OCR to the flow's task runner a few at a time and hands back pages as they finish.

At most `limit` pages run at once, plus `ahead` more queued in the task runner so that a worker that
finishes a page starts the next at once instead of waiting for the flow's thread to hand it one (on
2 cores that handover cost ~40 ms per page, 5 % of the run: bench/pipeline_overhead.py). Stopping
(cancellation) submits nothing more and withdraws the queued pages that have not started (futures of
a thread pool); abandoning also forgets the pages being read, so a cancelled task waits for none of
them. Works with any Prefect task runner (thread pool, Dask).
"""

from __future__ import annotations

import queue
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import Any

from prefect.futures import PrefectFuture

POLL_SECONDS = 0.25  # how often a caller waiting for pages is asked whether to stop


def withdraw(future: PrefectFuture) -> bool:
    """Cancel a submitted page that has not started; False when it runs or cannot be withdrawn
    (a Dask future: its worker may already be reading it)."""
    wrapped = getattr(future, "wrapped_future", None)
    return isinstance(wrapped, Future) and wrapped.cancel()


class PageWindow:
    def __init__(self, submit: Callable[[Any], PrefectFuture], *, limit: int, ahead: int = 0) -> None:
        self._submit = submit
        self._limit = max(1, limit) + max(0, ahead)
        self._waiting: deque[tuple[Any, Any]] = deque()
        self._in_flight: dict[int, Any] = {}
        self._done: queue.Queue[PrefectFuture] = queue.Queue()
        self._futures: dict[int, PrefectFuture] = {}

    def extend(self, items: Iterable[tuple[Any, Any]]) -> None:
        """Queue `(key, page)` pairs; `key` comes back with the page's outcome."""
        self._waiting.extend(items)

    def drop(self, predicate: Callable[[Any], bool]) -> None:
        """Forget pending pages whose key matches: not yet submitted, or submitted and not started."""
        self._waiting = deque(item for item in self._waiting if not predicate(item[0]))
        self._withdraw(predicate)

    def stop(self) -> None:
        """Submit nothing more and withdraw the pages not started; pages being read still come back
        from `results()`."""
        self._waiting.clear()
        self._withdraw(lambda key: True)

    def abandon(self) -> None:
        """Stop, and forget the pages being read as well: `results()` yields nothing more (a cancelled
        task does not wait for them; their threads finish on their own)."""
        self.stop()
        self._in_flight.clear()
        self._futures.clear()

    def _withdraw(self, predicate: Callable[[Any], bool]) -> None:
        for ident, key in list(self._in_flight.items()):
            if predicate(key) and withdraw(self._futures[ident]):
                del self._in_flight[ident], self._futures[ident]

    def _fill(self) -> None:
        while self._waiting and len(self._in_flight) < self._limit:
            key, page = self._waiting.popleft()
            future = self._submit(page)
            self._in_flight[id(future)] = key
            self._futures[id(future)] = future
            future.add_done_callback(self._done.put)

    def results(
        self, *, wait: bool = True, stop_when: Callable[[], bool] | None = None
    ) -> Iterator[tuple[Any, Any, Exception | None]]:
        """Yield `(key, page_result, error)` in completion order: until nothing is left (`wait`), or
        only the pages already back (`wait=False`, so that the caller can go on queueing work). While
        waiting, `stop_when()` is asked every `POLL_SECONDS`; when it answers true the pages still out
        are abandoned and this returns (a page can take seconds: a cancel must not wait for it)."""
        self._fill()
        while self._in_flight:
            try:
                future = self._done.get(block=wait, timeout=POLL_SECONDS if wait and stop_when else None)
            except queue.Empty:
                if wait and stop_when is not None:
                    if stop_when():
                        self.abandon()
                        return
                    continue
                return
            if id(future) not in self._in_flight:
                continue  # withdrawn before it started, or abandoned
            key = self._in_flight.pop(id(future))
            self._futures.pop(id(future))
            try:
                value, error = future.result(raise_on_failure=True), None
            except Exception as exc:  # noqa: BLE001 - the flow decides what a failed page means
                value, error = None, exc
            yield key, value, error
            self._fill()  # after the caller has seen the page, so that `stop()` takes effect at once
