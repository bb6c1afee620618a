"""Where a run keeps its page images: one folder per run under `OCR_WORKDIR` (default the system temp
dir), `ocr-pages/<task id>-<random>/`.

The folder is not a `TemporaryDirectory`: Prefect stopping a run (a worker's cancel raises
`TerminationSignal` inside the flow) would unwind that first and delete the images before the run keeps
its finished documents (`BatchProcessing.salvage` waits for the extractions under way, which re-read page
regions). The run removes its folder itself once its results are saved or salvaged.

A folder whose run died with its process (kill -9, a lost machine) is swept by the next run that starts
in the same workdir: every run holds an exclusive `flock` on its folder's `.lock` file while it lives,
and the kernel drops that lock with the process, so a folder whose lock can be taken has no run.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import tempfile
from pathlib import Path

from flows.settings import workdir

LOCK = ".lock"


def root() -> Path:
    return Path(workdir() or tempfile.gettempdir()) / "ocr-pages"


class PageFolder:
    """One run's folder: created and locked by `open`, deleted by `remove` (idempotent)."""

    def __init__(self, path: Path, lock_fd: int) -> None:
        self.path = path
        self._lock_fd: int | None = lock_fd

    @classmethod
    def open(cls, task_id: str) -> PageFolder:
        base = root()
        base.mkdir(parents=True, exist_ok=True)
        sweep(base)
        safe = re.sub(r"[^A-Za-z0-9_-]", "_", task_id)[:64]
        path = Path(tempfile.mkdtemp(prefix=f"{safe}-", dir=base))
        fd = os.open(path / LOCK, os.O_CREAT | os.O_RDWR, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return cls(path, fd)

    def __str__(self) -> str:
        return str(self.path)

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # after the tree: a sweep never sees it unlocked and half-deleted
            self._lock_fd = None


def sweep(base: Path | None = None) -> list[Path]:
    """Delete the folders of runs that no longer live (their lock is free); returns them."""
    base = base or root()
    swept = []
    for folder in base.iterdir() if base.is_dir() else ():
        lock = folder / LOCK
        if not folder.is_dir() or not lock.exists():
            continue
        with contextlib.suppress(OSError):
            fd = os.open(lock, os.O_RDWR)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a live run holds it
            finally:
                os.close(fd)
            shutil.rmtree(folder, ignore_errors=True)
            swept.append(folder)
    return swept
