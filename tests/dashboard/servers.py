"""Start the real API (Django dev server, temp SQLite, embedded flow) and the dashboard (`streamlit run`)
on free loopback ports for the browser test, and stop exactly the processes started here."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

REPO_ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
DEMO_USER, DEMO_PASSWORD = "e2e-reviewer", "e2e-password-1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # its own session: only what we started
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)

    def log_tail(self, lines: int = 40) -> str:
        return (
            "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:]) if self.log.exists() else ""
        )


def _wait_until_up(server: Server, probe: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {server.process.returncode}:\n{server.log_tail()}")
        try:
            if requests.get(server.url + probe, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{server.name} not up after {timeout:.0f} s:\n{server.log_tail()}")


def api_environment(data_dir: Path, prefect_api_url: str | None = None) -> dict[str, str]:
    """The API's environment: embedded mode on `data_dir`; flows recorded by the Prefect server at
    `prefect_api_url` (as `make run` does), else by Prefect's ephemeral API started by the first run."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "OCR_STORAGE"}
    }
    env.update(
        {
            "OCR_DEV_MODE": "1",
            "OCR_DATA_DIR": str(data_dir),
            "OCR_PIPELINE_MODE": "embedded",
            "OCR_EXECUTOR": "thread",
            "OCR_WORKERS": "1",
            "PREFECT_HOME": str(data_dir / "prefect"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    # the first flow run starts Prefect's ephemeral API; Prefect's default 20 s is too short on a busy
    # machine (three timed-out starts fail the task, "Timed out while attempting to connect")
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    if prefect_api_url:
        env["PREFECT_API_URL"] = prefect_api_url
    else:
        env.pop("PREFECT_API_URL", None)  # embedded mode: Prefect's ephemeral API
    return env


def _launch(name: str, command: list[str], env: dict[str, str], url: str, log: Path) -> Server:
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return Server(name, url, process, log)


def launch_dashboard(api_url: str, log_dir: Path) -> Server:
    """`streamlit run` on a free port (it needs no API to start); wait with `wait_dashboard`."""
    port = free_port()
    env = dict(
        os.environ,
        OCR_API_URL=api_url,
        STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
        STREAMLIT_SERVER_HEADLESS="true",
        STREAMLIT_SERVER_FILE_WATCHER_TYPE="none",
    )
    for name in ("OCR_DASHBOARD_USER", "OCR_DASHBOARD_PASSWORD", "OCR_DASHBOARD_AUTO_SIGN_IN"):
        env.pop(name, None)
    app = str(REPO_ROOT / "dashboard" / "app.py")
    command = [
        PYTHON,
        "-m",
        "streamlit",
        "run",
        app,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
    ]
    command += ["--client.toolbarMode", "viewer"]
    return _launch("dashboard", command, env, f"http://127.0.0.1:{port}", log_dir / "dashboard.log")


def wait_dashboard(server: Server) -> None:
    _wait_until_up(server, "/_stcore/health", timeout=60)


def start_api(data_dir: Path, port: int, prefect_api_url: str | None = None) -> Server:
    """Migrate a fresh SQLite database and create the reviewer (one Django start-up), then run the dev
    server on `port` (on the Prefect server at `prefect_api_url` if given) and wait until it answers."""
    env = api_environment(data_dir, prefect_api_url)
    manage = [PYTHON, str(REPO_ROOT / "manage.py")]
    set_up = (
        "from django.core.management import call_command; call_command('migrate', verbosity=0); "
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_user({DEMO_USER!r}, password={DEMO_PASSWORD!r})"
    )
    subprocess.run([*manage, "shell", "-c", set_up], cwd=REPO_ROOT, env=env, check=True, timeout=180)
    command = [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"]
    server = _launch("API", command, env, f"http://127.0.0.1:{port}", data_dir / "api.log")
    try:
        _wait_until_up(server, "/api/ocr-health/", timeout=60)
    except Exception:
        server.stop()
        raise
    return server
