"""Embedded mode without PREFECT_API_URL: one ephemeral Prefect server per process even when threads
ask at once, and the server a killed process left behind is stopped by the next process that needs one
(real processes and real servers; the ones started here are stopped here)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.prefect_api import SERVER_MARK, command_line, process_start, reap_orphans

REPO_ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # starts Prefect servers

ENSURE = """
import os, sys, threading, time
from flows.prefect_api import ensure_prefect_api, records_dir
threads = [threading.Thread(target=ensure_prefect_api) for _ in range(int(sys.argv[1]))]
for t in threads: t.start()
for t in threads: t.join()
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
"""


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="90")
    env.pop("PREFECT_API_URL", None)
    return env


def servers_of(home: Path) -> list[int]:
    """Ephemeral servers running with this PREFECT_HOME (their environment names it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or SERVER_MARK not in command_line(int(entry.name)):
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"PREFECT_HOME={home}".encode() in environ:
            found.append(int(entry.name))
    return found


def start(home: Path, threads: int, linger: float) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", ENSURE, str(threads), str(linger)],
        cwd=REPO_ROOT,
        env=environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    output = []
    while not output or output[-1].strip() not in ("ready", ""):
        output.append(process.stdout.readline())  # log lines (an orphan stopped), then "ready"
    assert output[-1].strip() == "ready", "".join(output) + process.stdout.read()
    process.log = "".join(output)
    return process


def records(home: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((home / "ephemeral-servers").glob("*.json"))]


@pytest.fixture
def home(tmp_path):
    yield tmp_path
    for pid in servers_of(tmp_path):  # whatever a failed test left running
        os.kill(pid, signal.SIGKILL)


def test_threads_asking_at_once_start_one_server_and_a_killed_owners_server_is_reaped(home):
    first = start(home, threads=4, linger=300)
    assert len(servers_of(home)) == 1
    (record,) = records(home)
    orphan = record["server"]
    assert record["owner"] == first.pid and orphan in servers_of(home)

    first.kill()  # SIGKILL: no atexit, the server stays behind
    first.wait(timeout=10)
    time.sleep(0.5)
    assert servers_of(home) == [orphan]

    second = start(home, threads=1, linger=0)  # needs a server: reaps the orphan first
    assert f"stopped ephemeral Prefect server {orphan}" in second.log
    assert orphan not in servers_of(home) and process_start(orphan) is None
    second.wait(timeout=30)  # a normal exit stops its own server and drops its record
    assert servers_of(home) == [] and records(home) == []


def test_a_record_whose_owner_lives_or_whose_pid_is_not_a_server_is_left_alone(tmp_path):
    folder = tmp_path / "ephemeral-servers"
    folder.mkdir()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        mine = {"owner": os.getpid(), "owner_start": process_start(os.getpid()), "server": sleeper.pid}
        (folder / "live.json").write_text(json.dumps(mine))
        # owner gone, but the pid is not an ephemeral server: not killed, record dropped
        gone = {"owner": 999_999_999, "owner_start": "1", "server": sleeper.pid}
        gone["server_start"] = process_start(sleeper.pid)
        (folder / "gone.json").write_text(json.dumps(gone))
        (folder / "junk.json").write_text("{")
        assert reap_orphans(folder) == []
        assert sleeper.poll() is None
        assert sorted(p.name for p in folder.iterdir()) == ["live.json"]
    finally:
        sleeper.kill()
        sleeper.wait()
