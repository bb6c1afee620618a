"""Embedded mode without `PREFECT_API_URL`: Prefect's ephemeral API server, one per process and none
left behind.

Prefect starts its ephemeral server (a `uvicorn` child, ~250 MB) lazily from whichever thread first asks
for a client, without a lock: two threads of the API process could start two. It stops it at exit, so a
process killed with SIGKILL (or crashing) leaves it running, holding the SQLite database under
`PREFECT_HOME` that the next server needs. `ensure_prefect_api()` (called before each embedded run)
starts it once per process under a lock, retrying a start that times out, and records it in
`PREFECT_HOME/ephemeral-servers/`; before starting one it stops the servers recorded by processes that
are gone (the record's owner is not alive, the server's command line is Prefect's ephemeral server).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import signal
import threading
import time
from pathlib import Path

logger = logging.getLogger(__name__)

START_ATTEMPTS = 3
SERVER_MARK = "prefect.server.api.server:create_app"  # in the ephemeral server's command line
_lock = threading.Lock()
_record: Path | None = None


def ephemeral_needed() -> bool:
    """Whether flows of this process use an ephemeral server (no API URL, ephemeral mode allowed)."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_ALLOW_EPHEMERAL_MODE

    return not PREFECT_API_URL.value() and bool(PREFECT_SERVER_ALLOW_EPHEMERAL_MODE.value())


def records_dir() -> Path:
    from prefect.settings import PREFECT_HOME

    return Path(PREFECT_HOME.value()).expanduser() / "ephemeral-servers"


def process_start(pid: int) -> str | None:
    """The start time of process `pid` (clock ticks since boot, /proc), None when it does not exist: a
    pid and its start time name one process even after the pid is reused."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def reap_orphans(folder: Path | None = None) -> list[int]:
    """Stop the ephemeral servers recorded by processes that no longer run; returns their pids. A record
    whose owner still runs is left alone (another API process of this installation)."""
    folder = folder or records_dir()
    reaped = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        try:
            record = json.loads(path.read_text())
            owner, server = int(record["owner"]), int(record["server"])
        except (OSError, ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)
            continue
        if process_start(owner) == record.get("owner_start"):
            continue
        if process_start(server) == record.get("server_start") and SERVER_MARK in command_line(server):
            _stop_process(server)
            reaped.append(server)
            logger.warning("stopped ephemeral Prefect server %d left behind by process %d", server, owner)
        path.unlink(missing_ok=True)
    return reaped


def _stop_process(pid: int, timeout: float = 5.0) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while process_start(pid) is not None and time.monotonic() < deadline:
            time.sleep(0.1)
        if process_start(pid) is not None:
            os.kill(pid, signal.SIGKILL)


def ensure_prefect_api(attempts: int = START_ATTEMPTS) -> None:
    """Start this process's ephemeral Prefect server if flows need one and it does not run; once, under
    a lock, after reaping orphans; a start that times out (a slow or busy machine) is retried."""
    if not ephemeral_needed():
        return
    from prefect.server.api.server import SubprocessASGIServer

    with _lock:
        server = SubprocessASGIServer()
        process = server.server_process
        if server.running and process is not None and process.poll() is None:
            if _record is None:  # started by Prefect itself (a client asked first): recorded now
                _write_record(server)
            return
        reap_orphans()
        for attempt in range(1, attempts + 1):
            server = SubprocessASGIServer()
            try:
                server.start()
                break
            except Exception:
                server.stop()  # the process that did not answer in time, if any
                if attempt == attempts:
                    raise
                logger.warning("ephemeral Prefect server did not start (attempt %d); retrying", attempt)
                time.sleep(2.0 * attempt)
        _write_record(server)


def _write_record(server) -> None:
    global _record
    folder = records_dir()
    folder.mkdir(parents=True, exist_ok=True)
    pid = server.server_process.pid
    record = {
        "owner": os.getpid(),
        "owner_start": process_start(os.getpid()),
        "server": pid,
        "server_start": process_start(pid),
        "port": server.port,
    }
    path = folder / f"{os.getpid()}-{pid}.json"
    path.write_text(json.dumps(record))
    if _record is None:
        atexit.register(_forget)  # after Prefect's own stop was registered: runs before it
    _record = path


def _forget() -> None:
    """At exit: stop the server (Prefect would too, just after) and drop its record."""
    from prefect.server.api.server import SubprocessASGIServer

    with contextlib.suppress(Exception):
        SubprocessASGIServer().stop()
    if _record is not None:
        _record.unlink(missing_ok=True)
