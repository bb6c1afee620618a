"""A private Prefect stack for a benchmark run: a fresh PREFECT_HOME, a free loopback port, the quiet
offline environment of the tests, and the settings `flows.serve` gives a stack on that port."""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def isolated_prefect(workers: int) -> tuple[Path, int, dict[str, str]]:
    """(home folder, server port, stack environment) after setting this process's environment for it
    (`OCR_PAGE_CONCURRENCY=workers`); callers copy the stack variables they need into `os.environ`."""
    home = Path(tempfile.mkdtemp(prefix="bench-prefect-"))
    port_number = free_port()
    os.environ.update(
        {
            "PREFECT_HOME": str(home),
            "PREFECT_LOGGING_LEVEL": "ERROR",
            "DO_NOT_TRACK": "1",
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "OMP_THREAD_LIMIT": "1",
            "OCR_PAGE_CONCURRENCY": str(workers),
        }
    )
    from flows import serve

    return home, port_number, serve.stack_env(port_number, poll_seconds=1)
