"""Resident memory of the API process after N documents processed in embedded mode (issue 16 item 8:
the API grew to 1.1-2 GB; target < 1 GB after 100 documents).

    .venv/bin/python bench/api_memory.py [--documents 100] [--batch 10] [--marks 10,50,100] [--fast]

Starts in a temporary folder what `make run` starts for the API (scripts/run.sh): a Prefect server (its
own PREFECT_HOME, a free loopback port, `flows.serve`'s tuning), `manage.py migrate` and
`seed_demo --no-process` on a fresh data directory (SQLite, local files), then gunicorn with
`django_api/config/gunicorn_conf.py` (1 worker x 8 threads, `OCR_PIPELINE_MODE=embedded`). Logs in as
the demo user, creates a project, and uploads the documents `--batch` per request as a user would
(SROIE receipts and `einvoice-dev` PDFs in turn); at each mark it waits until every task uploaded so far
has ended, then prints the resident memory (psutil RSS) of the gunicorn master, of its worker (where
the embedded flows run) and of their child processes. The project keeps the product's default settings
(second readings, RapidOCR when unsure) unless `--fast` turns the second readings off. Everything it
started is stopped and its folder removed at the end. Reads the corpus from ../shared/corpus
(OCR_CORPUS_DIR).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from prefect_stack import free_port, isolated_prefect  # noqa: E402  (a bench module, found through the path above)

CORPUS = Path(os.environ.get("OCR_CORPUS_DIR", ROOT.parent / "shared" / "corpus"))
FINISHED = {"succeeded", "failed", "partially_failed", "cancelled"}
FAST_SETTINGS = {"extraction": {"reread": False, "enhanced": False, "second_opinion": False}}
BIN = Path(sys.executable).parent


def documents(count: int) -> list[Path]:
    """`count` documents, receipts and e-invoice PDFs in turn (each file used again when more are asked)."""
    receipts = sorted((CORPUS / "sroie-sample" / "images").glob("*.jpg"))
    pdfs = sorted((CORPUS / "einvoice-dev" / "pdf").glob("*.pdf"))
    mixed = [p for pair in zip(receipts, pdfs, strict=False) for p in pair]
    return (mixed * (count // max(1, len(mixed)) + 1))[:count]


def api_env(base: dict[str, str], data: Path) -> dict[str, str]:
    """The API's environment as scripts/run.sh sets it, on a data directory of its own."""
    return {
        **base,
        "OMP_THREAD_LIMIT": "1",
        "MALLOC_ARENA_MAX": base.get("MALLOC_ARENA_MAX", "2"),  # as scripts/run.sh starts gunicorn
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "OCR_DATA_DIR": str(data),
        "OCR_PIPELINE_MODE": "embedded",
        "OCR_PIPELINE_PORT": "django_api.orchestration.django_port:build_port",
        "DJANGO_SETTINGS_MODULE": "django_api.config.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "OCR_DEMO_PASSWORD": secrets.token_urlsafe(12),
        "OCR_CORPUS_DIR": str(CORPUS),
    }


def rss_mb(process: psutil.Process) -> float:
    try:
        return process.memory_info().rss / 2**20
    except psutil.Error:
        return 0.0


def memory_row(master: psutil.Process) -> dict[str, float]:
    """RSS (MB) of the gunicorn master, its worker(s) and every other process below them."""
    workers = master.children()
    below = [c for w in workers for c in w.children(recursive=True)]
    return {
        "master": rss_mb(master),
        "worker": sum(rss_mb(w) for w in workers),
        "children": sum(rss_mb(c) for c in below),
        "child_count": len(below),
    }


class Api:
    def __init__(self, url: str, username: str, password: str) -> None:
        self.url = url
        self.session = requests.Session()
        # one connection per request: gunicorn closes an idle keep-alive connection after 2 s, and a poll
        # sent on it then fails with "connection reset"
        self.session.headers["Connection"] = "close"
        answer = self.session.post(
            f"{url}/api/auth/token/", json={"username": username, "password": password}, timeout=30
        )
        answer.raise_for_status()
        self.session.headers["Authorization"] = f"Token {answer.json()['token']}"

    def project(self, name: str, settings: dict | None) -> int:
        answer = self.session.post(f"{self.url}/api/projects/", json={"name": name}, timeout=30)
        answer.raise_for_status()
        project_id = answer.json()["id"]
        if settings:
            self.session.patch(
                f"{self.url}/api/projects/{project_id}/settings/", json=settings, timeout=30
            ).raise_for_status()
        return project_id

    def upload(self, project_id: int, paths: list[Path]) -> str:
        files = [("files", (p.name, p.read_bytes())) for p in paths]
        answer = self.session.post(
            f"{self.url}/api/projects/{project_id}/process-invoices/", files=files, timeout=120
        )
        answer.raise_for_status()
        return answer.json()["task_id"]

    def status(self, project_id: int, task_id: str) -> str:
        answer = self.session.get(f"{self.url}/api/projects/{project_id}/ocr-status/{task_id}/", timeout=30)
        answer.raise_for_status()
        return answer.json()["status"]


def wait_until(predicate, timeout: float, what: str, interval: float = 2.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--batch", type=int, default=10, help="documents per upload request")
    parser.add_argument("--marks", default="10,50,100", help="document counts at which RSS is printed")
    parser.add_argument("--fast", action="store_true", help="second readings off (the default settings: on)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds to wait at each mark")
    args = parser.parse_args()
    marks = sorted({min(int(m), args.documents) for m in args.marks.split(",")} | {args.documents})

    home, prefect_port, stack = isolated_prefect(2)
    from flows import serve

    data = home / "var"
    (data / "log").mkdir(parents=True)
    env = api_env(stack, data)
    api_port = free_port()
    server = gunicorn = None
    rows: list[tuple[int, dict[str, float], float]] = []
    started = time.monotonic()
    try:
        server = serve.start_server(prefect_port, stack, home / "server.log")
        serve.wait_healthy(stack["PREFECT_API_URL"], timeout=180, process=server)
        for command in (["migrate", "--noinput"], ["seed_demo", "--no-process"]):
            subprocess.run(
                [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
            )
        with open(data / "log" / "api.log", "ab") as log:
            gunicorn = subprocess.Popen(
                [
                    str(BIN / "gunicorn"),
                    "-c",
                    "django_api/config/gunicorn_conf.py",
                    "django_api.config.wsgi:application",
                ]
                + ["--bind", f"127.0.0.1:{api_port}", "--workers", "1", "--threads", "8", "--timeout", "300"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        url = f"http://127.0.0.1:{api_port}"

        def answers() -> bool:
            try:
                return requests.get(f"{url}/api/", timeout=5).status_code == 200
            except requests.RequestException:
                return False

        wait_until(answers, 120, "the API", interval=1)
        master = psutil.Process(gunicorn.pid)
        rows.append((0, memory_row(master), 0.0))
        api = Api(url, "demo", env["OCR_DEMO_PASSWORD"])
        project_id = api.project("memory bench", FAST_SETTINGS if args.fast else None)
        paths = documents(args.documents)
        tasks: list[str] = []
        sent = 0
        for mark in marks:
            while sent < mark:
                batch = paths[sent : min(mark, sent + args.batch)]
                tasks.append(api.upload(project_id, batch))
                sent += len(batch)
            wait_until(
                lambda: all(api.status(project_id, t) in FINISHED for t in tasks),
                args.timeout,
                f"the tasks of {mark} documents",
            )
            rows.append((mark, memory_row(master), time.monotonic() - started))
            print(f"{mark} documents: {rows[-1][1]}", flush=True)
        statuses = [api.status(project_id, t) for t in tasks]
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            try:
                gunicorn.wait(60)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        serve.stop(server)

    settings = "fast (second readings off)" if args.fast else "product defaults"
    print(f"\nsettings: {settings}; batches of {args.batch}")
    header = ("documents", "master MB", "worker MB", "children MB (n)", "total MB", "elapsed")
    print("  ".join(f"{h:>9}" for h in header))
    for count, row, seconds in rows:
        total = row["master"] + row["worker"] + row["children"]
        print(
            f"{count:>9}  {row['master']:>9.0f}  {row['worker']:>9.0f}  "
            f"{row['children']:>11.0f} ({row['child_count']:.0f})  {total:>9.0f}  {seconds:>8.0f}s"
        )
    print(f"task statuses: {', '.join(f'{s} x{statuses.count(s)}' for s in sorted(set(statuses)))}")
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
