"""Graceful stop of the flows run in this process (embedded mode: the API process runs them).

When the process stops (SIGTERM or SIGINT: gunicorn's worker exits, `make run`'s Ctrl-C), Python joins
its non-daemon threads; just before, it runs the hooks registered with `threading._register_atexit`, in
reverse order. `install()` registers one after `concurrent.futures` registered its own, so it runs
first, while thread pools still take work: it asks every embedded run to stop (`requested()` is then
true; `BatchProcessing` checks it wherever it checks for a cancel) and waits up to
`OCR_STOP_GRACE_SECONDS` (8, under gunicorn's 10 s graceful timeout) for them to hand their tasks back
(`flows.port.TaskRequeue`, else left `running` for the start-up recovery to re-queue). Without it the
runs went on into a shut-down interpreter: "cannot schedule new futures after interpreter shutdown",
every document failed.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

logger = logging.getLogger(__name__)

_stop = threading.Event()
_idle = threading.Condition()
_running = 0
_installed = False


def grace_seconds() -> float:
    return float(os.environ.get("OCR_STOP_GRACE_SECONDS", "8"))


def requested() -> bool:
    """Whether this process is stopping: embedded runs stop at their next safe point."""
    return _stop.is_set()


def request_stop() -> None:
    _stop.set()


def reset() -> None:
    """Forget a stop (tests that stop runs in their own process)."""
    _stop.clear()


def install() -> None:
    """Register the stop hook once per process (the first embedded run does)."""
    global _installed
    with _idle:
        if _installed:
            return
        import concurrent.futures.thread  # noqa: F401 - its hook first, so that ours runs before it

        threading._register_atexit(stop_runs)  # noqa: SLF001 - the only hook that runs before the joins
        _installed = True


@contextmanager
def embedded_run() -> Iterator[None]:
    """Count a run of this process, so that the stop hook can wait for it."""
    global _running
    with _idle:
        _running += 1
    try:
        yield
    finally:
        with _idle:
            _running -= 1
            _idle.notify_all()


def stop_runs(grace: float | None = None) -> bool:
    """Ask the runs to stop and wait for them (at most `grace` seconds); True when none is left. A second
    signal while waiting (Ctrl-C twice, gunicorn's SIGQUIT after SIGINT) does not cut the wait short: the
    wait is bounded, and a run cut off now would leave its task `running` until the next start."""
    request_stop()
    deadline = time.monotonic() + (grace_seconds() if grace is None else grace)
    while True:
        try:
            with _idle:
                while _running and time.monotonic() < deadline:
                    _idle.wait(max(0.0, deadline - time.monotonic()))
                left = _running
            break
        except BaseException:  # noqa: BLE001 - a signal handler raising in the main thread
            continue
    if left:
        logger.warning("%d embedded run(s) still going after the stop grace period", left)
    return not left
