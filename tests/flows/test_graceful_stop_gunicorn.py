"""The graceful stop with the real API server: gunicorn (embedded mode, SQLite, on a Prefect server as
`make run` starts one: the session's `prefect_server`) runs a task with a slow fake engine; SIGTERM to
gunicorn mid-task must not fail the task or its documents: the task is handed back `queued` (the stop
not counted as an attempt, its progress reset), and the next start runs it again to its end.
test_graceful_stop.py stops a process that runs its own ephemeral Prefect (embedded without
`PREFECT_API_URL`); here each of the four gunicorn starts would wait 20-70 s for one."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # Django, gunicorn and Prefect servers

SET_UP = """
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.contrib.auth import get_user_model
from django_api.invoices.services.projects import project_create
from django_api.invoices.services.uploads import invoice_upload
from ocr_tasks.engines import ENGINES
from tests.flows.fakes import fake_settings, png_bytes, register_fake_engines
register_fake_engines(ENGINES)
call_command("migrate", verbosity=0)
user = get_user_model().objects.create_user("stopper", password="stop-password-1")
project = project_create(user=user, name="stop", settings=fake_settings("slow"))
files = [SimpleUploadedFile(f"doc-{i}.png", png_bytes(f"invoice {i}")) for i in range(12)]
print("task", invoice_upload(user=user, project=project, files=files).task.id)
"""


def environment(data: Path, prefect_api_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "OCR_STORAGE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="django_api.config.settings",
        OCR_DEV_MODE="1",
        OCR_DATA_DIR=str(data),
        OCR_PIPELINE_MODE="embedded",
        OCR_EXECUTOR="thread",
        OCR_WORKERS="1",
        OCR_PAGE_CONCURRENCY="2",
        OCR_FLOW="tests.flows.stop_runner:submit_with_fake_engines",
        OCR_API_BIND="127.0.0.1:0",
        PREFECT_HOME=str(data / "prefect"),
        PREFECT_API_URL=prefect_api_url,
        PYTHONUNBUFFERED="1",
    )
    return env


def gunicorn(data: Path, log: Path, prefect_api_url: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "django_api/config/gunicorn_conf.py",
            "django_api.config.wsgi",
        ],
        cwd=REPO_ROOT,
        env=environment(data, prefect_api_url),
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def row(data: Path, sql: str, *args):
    with sqlite3.connect(data / "db.sqlite3", timeout=30) as db:
        return db.execute(sql, args).fetchone()


def task_row(data: Path, task_id: str) -> tuple:
    return row(
        data,
        "select status, pages_done, attempts, error_code from invoices_ocrtask where id = ?",
        task_id.replace("-", ""),
    )


def documents(data: Path, task_id: str) -> dict[str, tuple]:
    with sqlite3.connect(data / "db.sqlite3", timeout=30) as db:
        rows = db.execute(
            "select name, status, error_code from invoices_document where task_id = ?",
            (task_id.replace("-", ""),),
        )
        return {name: (status, code) for name, status, code in rows}


def wait_for(predicate, timeout: float, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if server.poll() is not None:
            break
        time.sleep(0.2)
    pytest.fail(f"condition not met; gunicorn log:\n{log.read_text(errors='replace')[-4000:]}")


def stop(server: subprocess.Popen, sig: int) -> None:
    server.send_signal(sig)
    try:
        server.wait(timeout=40)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=5)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_gunicorn_stopped_mid_task_hands_it_back_and_the_next_start_finishes_it(
    tmp_path, sig, prefect_server
):
    data, log = tmp_path, tmp_path / "gunicorn.log"
    made = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SET_UP],
        cwd=REPO_ROOT,
        env=environment(data, prefect_server),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    task_id = made.stdout.split("task", 1)[1].split()[0]

    # its start-up recovery hands the queued task to the executor
    server = gunicorn(data, log, prefect_server)
    try:
        wait_for(lambda: (task_row(data, task_id) or (None, 0))[1] >= 2, 180, server, log)
    finally:
        stop(server, sig)

    status, pages_done, attempts, code = task_row(data, task_id)
    text = log.read_text(errors="replace")
    assert "cannot schedule new futures" not in text, text[-4000:]
    # handed back by DjangoPort.requeue_task: queued, the stop not counted as an attempt, progress reset
    assert (status, code, attempts, pages_done) == ("queued", "", 0, 0), text[-4000:]
    docs = documents(data, task_id)  # none failed, none half-saved, none left processing
    assert len(docs) == 12 and {s for s, _ in docs.values()} == {"pending"}, docs

    server = gunicorn(data, log, prefect_server)  # the start-up dispatch of queued tasks runs it again
    try:
        wait_for(lambda: task_row(data, task_id)[0] not in ("queued", "running"), 180, server, log)
    finally:
        stop(server, signal.SIGTERM)
    status, _, attempts, _ = task_row(data, task_id)
    assert (status, attempts) == ("succeeded", 1)
    assert {s for s, _ in documents(data, task_id).values()} == {"processed"}
