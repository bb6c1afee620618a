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


def api_environment(data_dir: Path) -> dict[str, str]:
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
    env.pop("PREFECT_API_URL", None)  # embedded mode: Prefect's ephemeral API
    return env


def start_api(data_dir: Path) -> Server:
    """Migrate a fresh SQLite database, create the reviewer, and run the dev server."""
    env = api_environment(data_dir)
    manage = [PYTHON, str(REPO_ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], cwd=REPO_ROOT, env=env, check=True, timeout=120)
    create_user = (
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_user({DEMO_USER!r}, password={DEMO_PASSWORD!r})"
    )
    subprocess.run([*manage, "shell", "-c", create_user], cwd=REPO_ROOT, env=env, check=True, timeout=120)
    port = free_port()
    log = data_dir / "api.log"
    process = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=REPO_ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = Server("API", f"http://127.0.0.1:{port}", process, log)
    try:
        _wait_until_up(server, "/api/ocr-health/", timeout=60)
    except Exception:
        server.stop()
        raise
    return server


def start_dashboard(api_url: str, log_dir: Path) -> Server:
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
    log = log_dir / "dashboard.log"
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "streamlit",
            "run",
            str(REPO_ROOT / "dashboard" / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--client.toolbarMode",
            "viewer",
        ],
        cwd=REPO_ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = Server("dashboard", f"http://127.0.0.1:{port}", process, log)
    try:
        _wait_until_up(server, "/_stcore/health", timeout=60)
    except Exception:
        server.stop()
        raise
    return server
