"""A port shared between the test process and a Prefect worker's flow-run process: an `InMemoryPort`
whose state is kept in a pickle file (path in `OCR_TEST_PORT_FILE`) and re-read before every call.

Loaded by the worker through `OCR_PIPELINE_PORT=tests.flows.file_port:build_port`; it also registers
the fake OCR engines in that process. For the deployment test only.
"""

from __future__ import annotations

import fcntl
import os
import pickle
from contextlib import contextmanager
from pathlib import Path

from flows.memory_port import InMemoryPort
from ocr_tasks.engines import ENGINES
from tests.flows.fakes import register_fake_engines

STATE = ("_tasks", "_blobs", "_history", "_rescored", "_models", "_project_settings")


class FilePort(InMemoryPort):
    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = Path(path)

    @contextmanager
    def _synced(self, write: bool):
        with open(self.path.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if self.path.exists():
                for name, value in zip(STATE, pickle.loads(self.path.read_bytes()), strict=True):
                    setattr(self, name, value)
            yield
            if write:  # whole or not at all: a flow process stopped mid-write must not leave it empty
                partial = self.path.with_suffix(".partial")
                partial.write_bytes(pickle.dumps(tuple(getattr(self, n) for n in STATE)))
                os.replace(partial, self.path)


def _wrap(name: str, write: bool):
    method = getattr(InMemoryPort, name)

    def synced(self, *args, **kwargs):
        with self._synced(write):
            return method(self, *args, **kwargs)

    synced.__name__ = name
    return synced


for _name in (
    "add_task",
    "cancel",
    "mark_running",
    "report_progress",
    "save_document_result",
    "mark_document_failed",
    "finish_task",
    "requeue_task",
    "save_rescored",
    "save_anomaly_model",
    "seed_history",
    "set_project_settings",
):
    setattr(FilePort, _name, _wrap(_name, write=True))
for _name in (
    "task",
    "status",
    "progress_log",
    "results",
    "failures",
    "load_task",
    "read_document",
    "is_cancelled",
    "load_history",
    "load_project_results",
    "load_anomaly_model",
    "project_settings",
):
    setattr(FilePort, _name, _wrap(_name, write=False))


def build_port() -> FilePort:
    register_fake_engines(ENGINES)
    return FilePort(os.environ["OCR_TEST_PORT_FILE"])
