"""Submits page OCR to the flow's task runner a few at a time and hands back pages as they finish.

At most `limit` pages are in flight, so stopping (cancellation) waits for no more than one page per
worker. Works with any Prefect task runner (thread pool, Dask).
"""

from __future__ import annotations

import queue
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from prefect.futures import PrefectFuture


class PageWindow:
    def __init__(self, submit: Callable[[Any], PrefectFuture], *, limit: int) -> None:
        self._submit = submit
        self._limit = max(1, limit)
        self._waiting: deque[tuple[Any, Any]] = deque()
        self._in_flight: dict[int, Any] = {}
        self._done: queue.Queue[PrefectFuture] = queue.Queue()
        self._futures: dict[int, PrefectFuture] = {}

    def extend(self, items: Iterable[tuple[Any, Any]]) -> None:
        """Queue `(key, page)` pairs; `key` comes back with the page's outcome."""
        self._waiting.extend(items)

    def drop(self, predicate: Callable[[Any], bool]) -> None:
        """Forget queued (not yet submitted) pages whose key matches."""
        self._waiting = deque(item for item in self._waiting if not predicate(item[0]))

    def stop(self) -> None:
        """Submit nothing more; pages in flight still come back from `results()`."""
        self._waiting.clear()

    def _fill(self) -> None:
        while self._waiting and len(self._in_flight) < self._limit:
            key, page = self._waiting.popleft()
            future = self._submit(page)
            self._in_flight[id(future)] = key
            self._futures[id(future)] = future
            future.add_done_callback(self._done.put)

    def results(self, *, wait: bool = True) -> Iterator[tuple[Any, Any, Exception | None]]:
        """Yield `(key, page_result, error)` in completion order: until nothing is left (`wait`), or
        only the pages already back (`wait=False`, so that the caller can go on queueing work)."""
        self._fill()
        while self._in_flight:
            try:
                future = self._done.get(block=wait)
            except queue.Empty:
                return
            key = self._in_flight.pop(id(future))
            self._futures.pop(id(future))
            try:
                value, error = future.result(raise_on_failure=True), None
            except Exception as exc:  # noqa: BLE001 - the flow decides what a failed page means
                value, error = None, exc
            yield key, value, error
            self._fill()  # after the caller has seen the page, so that `stop()` takes effect at once
