"""Start `scripts/local_stack.py` for a test or a bench and talk to it: the API as a client would, the
app database and Prefect as an operator would."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
FINISHED = {"succeeded", "failed", "partially_failed", "cancelled"}
# the second Tesseract readings and RapidOCR's second opinion cost a receipt ~13x its OCR: off, the
# orchestration under test (workers, recovery) is what the time is spent on
FAST_SETTINGS = {"extraction": {"reread": False, "enhanced": False, "second_opinion": False}}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def free_port_pair() -> int:
    """A port whose next one is free too (the stack puts the Dask scheduler there)."""
    for _ in range(50):
        port = free_port()
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port + 1)) != 0:
                return port
    raise RuntimeError("no free pair of ports")


def wait_for(predicate, timeout: float, what: str, interval: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@contextmanager
def local_stack(
    *, workers: int = 2, dask: int = 0, worker_limit: int | None = None, start_timeout: float = 420
):
    """The stack in a fresh directory (reachable by the `postgres` user when run as root), stopped and
    removed at the end. Yields the state it wrote (`stack.json`) plus `log_dir` and `process`."""
    base = Path(tempfile.mkdtemp(prefix="ocr-stack-", dir="/tmp"))
    base.chmod(0o755)
    command = [sys.executable, str(ROOT / "scripts" / "local_stack.py"), "--dir", str(base / "stack")]
    command += ["--workers", str(workers), "--dask", str(dask), "--pg-port", str(free_port())]
    command += ["--prefect-port", str(free_port_pair()), "--api-port", str(free_port())]
    if worker_limit is not None:
        command += ["--worker-limit", str(worker_limit)]
    env = {**os.environ, "PREFECT_LOGGING_LEVEL": "INFO"}
    env.pop("PREFECT_API_URL", None)
    out = open(base / "stack.out", "wb")  # noqa: SIM115 - the child writes it until the end
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        state_file = base / "stack" / "stack.json"

        def ready():
            if process.poll() is not None:
                raise AssertionError(f"the stack exited:\n{(base / 'stack.out').read_text()[-4000:]}")
            return state_file.exists() and b"[stack] ready" in (base / "stack.out").read_bytes()

        wait_for(ready, start_timeout, "the local stack to start", interval=1)
        state = json.loads(state_file.read_text())
        state["log_dir"] = base / "stack" / "log"
        state["process"] = process
        yield state
    except BaseException:
        _print_logs(base / "stack" / "log")  # shown by pytest with the failure; the folder is removed
        raise
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=120)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        out.close()
        _stop_leftover_postgres(base / "stack" / "postgres")
        shutil.rmtree(base, ignore_errors=True)


def _print_logs(log_dir: Path, lines: int = 40) -> None:
    for log in sorted(log_dir.glob("*.log")):
        if log.name in {"postgres.log", "prefect-server.log"}:
            continue
        tail = log.read_text(errors="replace").splitlines()[-lines:]
        print(f"===== {log.name} (last {len(tail)} lines)", *tail, sep="\n")


def _stop_leftover_postgres(data: Path) -> None:
    pid_file = data / "postmaster.pid"
    if pid_file.exists():
        try:
            os.kill(int(pid_file.read_text().split()[0]), signal.SIGQUIT)
        except (OSError, ValueError):
            pass


class Client:
    """The API as a client uses it (token login, JSON, multipart uploads), retrying a dropped connection."""

    def __init__(self, state: dict):
        self.api = state["api_url"]
        self.session = requests.Session()
        token = self.call(
            "POST", "/api/auth/token/", json={"username": state["user"], "password": state["password"]}
        )
        self.session.headers["Authorization"] = f"Token {token['token']}"

    def call(self, method: str, path: str, **kwargs):
        for attempt in range(3):
            try:
                response = self.session.request(method, self.api + path, timeout=60, **kwargs)
                break
            except requests.ConnectionError:
                if attempt == 2:
                    raise
                time.sleep(1)
        assert response.status_code < 400, f"{method} {path}: {response.status_code} {response.text[:500]}"
        return response.json()

    def project(self, name: str, settings: dict | None = None) -> int:
        project = self.call("POST", "/api/projects/", json={"name": name})
        if settings:
            self.call("PATCH", f"/api/projects/{project['id']}/settings/", json=settings)
        return project["id"]

    def upload(self, project_id: int, paths: list[Path]) -> str:
        files = [("files", (p.name, p.read_bytes(), "image/jpeg")) for p in paths]
        return self.call("POST", f"/api/projects/{project_id}/process-invoices/", files=files)["task_id"]

    def status(self, project_id: int, task_id: str) -> dict:
        return self.call("GET", f"/api/projects/{project_id}/ocr-status/{task_id}/")


def receipts(corpus: Path, count: int = 10) -> list[Path]:
    images = sorted((corpus / "sroie-sample" / "images").iterdir())[:count]
    assert len(images) == count, f"{corpus}/sroie-sample/images holds fewer than {count} receipts"
    return images


def database_rows(state: dict, sql: str, *params) -> list[tuple]:
    import psycopg

    with psycopg.connect(state["database_url"].replace("postgres://", "postgresql://", 1)) as connection:
        return connection.execute(sql, params).fetchall()


def parent_pid(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as stat:
        return int(stat.read().rsplit(")", 1)[1].split()[1])


def read_flow_run(state: dict, flow_run_id: str):
    """The flow run as the stack's Prefect server has it."""
    from uuid import UUID

    from prefect import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: state["prefect_api_url"]}):
        with get_client(sync_client=True) as client:
            return client.read_flow_run(UUID(str(flow_run_id)))


def flow_run_state(state: dict, flow_run_id: str) -> str:
    return read_flow_run(state, flow_run_id).state.type.value


def flow_process(state: dict, flow_run_id: str) -> int:
    """The pid of the flow-run process (Prefect's `infrastructure_pid`, `host:pid` or `pid`)."""
    found = read_flow_run(state, flow_run_id).infrastructure_pid
    assert found, f"flow run {flow_run_id} has no process id"
    return int(str(found).rsplit(":", 1)[-1])


def kill_run_and_worker(state: dict, flow_run_id: str) -> str:
    """`kill -9` of the flow run's process and of the worker that started it (a lost worker machine);
    returns the worker's name."""
    flow_pid = flow_process(state, flow_run_id)
    worker_pid = parent_pid(flow_pid)
    workers = {pid: name for name, pid in state["pids"].items() if name.startswith("worker-")}
    assert worker_pid in workers, f"the flow process {flow_pid} is not a child of a worker {workers}"
    os.kill(flow_pid, signal.SIGKILL)
    os.kill(worker_pid, signal.SIGKILL)
    return workers[worker_pid]
