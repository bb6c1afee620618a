"""A complete local multi-worker stack, the way docs/operations.md sets one up on several machines:

- PostgreSQL (its own cluster: data directory, port) with two databases and roles: `ocr_app` for the
  application, `ocr_prefect` for the Prefect server;
- a Prefect server on that database, the `process` work pool, the deployments of `prefect.yaml` and the
  zombie-run automation (`flows.automations`);
- `--workers N` process workers (default 2), each with its own `PREFECT_HOME`, as on separate machines,
  each running at most `--worker-limit` flow runs at once (default `OCR_WORKER_LIMIT`, else the cores);
- optionally (`--dask N`) a Dask scheduler and N Dask workers for page OCR;
- `manage.py migrate`, a user, the API under gunicorn with `OCR_PIPELINE_MODE=distributed`;
- the recovery watcher (`manage.py recover_tasks --watch`), which re-queues the task of a worker that died.

Every process shares the data directory (`OCR_DATA_DIR`: uploads, the shared filesystem of the runbook)
and the page-image folder (`OCR_WORKDIR`). Secrets (database passwords, `DJANGO_SECRET_KEY`, the user's
password) are generated once into `<dir>/secrets.json` (0600). Prints the URLs and writes
`<dir>/stack.json` (URLs, user, process ids) once everything answers; Ctrl-C (or SIGTERM) stops
everything it started, PostgreSQL last.

    .venv/bin/python scripts/local_stack.py [--dir var/stack] [--workers 2] [--worker-limit N] [--dask 0] \\
        [--api-port 8000] [--prefect-port 4200] [--pg-port 5433]

Run as root, PostgreSQL runs as the `postgres` user: `--dir` must be reachable by it (not under a 0700
folder such as pytest's temporary directories).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows import serve  # noqa: E402 - the repository root is put on the path first

VENV_BIN = Path(sys.executable).parent
APP_DB = APP_ROLE = "ocr_app"
PREFECT_DB = PREFECT_ROLE = "ocr_prefect"
POOL = "process"
WATCH_SECONDS = 5


@dataclass
class Stack:
    dir: Path
    pg_port: int
    prefect_port: int
    api_port: int
    workers: int = 2
    dask: int = 0
    worker_limit: int | None = None  # flow runs at once per worker (None: OCR_WORKER_LIMIT, else cores)
    user: str = "stack"
    heartbeat: int = serve.HEARTBEAT_SECONDS
    missed: int = 2
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    pg_started: bool = False

    @property
    def pg_data(self) -> Path:
        return self.dir / "postgres"

    @property
    def logs(self) -> Path:
        return self.dir / "log"

    def secrets(self) -> dict[str, str]:
        path = self.dir / "secrets.json"
        if path.exists():
            return json.loads(path.read_text())
        values = {
            "app_db_password": secrets.token_urlsafe(18),
            "prefect_db_password": secrets.token_urlsafe(18),
            "django_secret_key": secrets.token_urlsafe(50),
            "user_password": secrets.token_urlsafe(12),
        }
        path.touch(mode=0o600)
        path.write_text(json.dumps(values, indent=1))
        return values

    # --- PostgreSQL -------------------------------------------------------------------------------
    def _as_postgres(self, args: list[str], **kwargs) -> subprocess.CompletedProcess:
        if os.geteuid() == 0:
            args = ["runuser", "-u", "postgres", "--", *args]
        return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)

    def start_postgres(self) -> None:
        bin_dir = postgres_bin()
        if not (self.pg_data / "PG_VERSION").exists():
            self.pg_data.mkdir(parents=True, exist_ok=True)
            if os.geteuid() == 0:
                shutil.chown(self.pg_data, "postgres", "postgres")
            self.pg_data.chmod(0o700)
            self._as_postgres(
                [str(bin_dir / "initdb"), "-D", str(self.pg_data), "-U", "postgres", "--auth-local=trust"]
                + ["--auth-host=scram-sha-256", "-E", "UTF8"]
            )
        log = self.logs / "postgres.log"
        log.touch()
        if os.geteuid() == 0:
            shutil.chown(log, "postgres", "postgres")
        self._as_postgres(
            [str(bin_dir / "pg_ctl"), "-D", str(self.pg_data), "-l", str(log), "-w", "-t", "60", "start"]
            + ["-o", f"-p {self.pg_port} -k {self.pg_data} -c listen_addresses=127.0.0.1"]
        )
        self.pg_started = True
        keys = self.secrets()
        for role, database, password in (
            (APP_ROLE, APP_DB, keys["app_db_password"]),
            (PREFECT_ROLE, PREFECT_DB, keys["prefect_db_password"]),
        ):
            if self.psql(f"SELECT 1 FROM pg_roles WHERE rolname='{role}'") != "1":
                self.psql(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
            if self.psql(f"SELECT 1 FROM pg_database WHERE datname='{database}'") != "1":
                self.psql(f"CREATE DATABASE {database} OWNER {role}")

    def psql(self, sql: str) -> str:
        done = self._as_postgres(
            [str(postgres_bin() / "psql"), "-h", str(self.pg_data), "-p", str(self.pg_port), "-U", "postgres"]
            + ["-d", "postgres", "-qAt", "-c", sql]
        )
        return done.stdout.strip()

    def stop_postgres(self) -> None:
        if self.pg_started:
            self._as_postgres([str(postgres_bin() / "pg_ctl"), "-D", str(self.pg_data), "-m", "fast", "stop"])
            self.pg_started = False

    # --- environments ---------------------------------------------------------------------------
    def database_url(self) -> str:
        return f"postgres://{APP_ROLE}:{self.secrets()['app_db_password']}@127.0.0.1:{self.pg_port}/{APP_DB}"

    def prefect_env(self) -> dict[str, str]:
        env = serve.stack_env(self.prefect_port, poll_seconds=1)
        env.update(
            {
                "PREFECT_FLOWS_HEARTBEAT_FREQUENCY": str(self.heartbeat),
                "PREFECT_LOGGING_LEVEL": env.get("PREFECT_LOGGING_LEVEL", "INFO"),
                "PYTHONPATH": str(ROOT),
            }
        )
        return env

    def app_env(self) -> dict[str, str]:
        """What the API, the watcher and every Prefect worker need (docs/operations.md, 'Settings')."""
        env = self.prefect_env()
        if self.worker_limit is not None:
            env["OCR_WORKER_LIMIT"] = str(self.worker_limit)
        env.update(
            {
                "DATABASE_URL": self.database_url(),
                "DJANGO_SETTINGS_MODULE": "django_api.config.settings",
                "DJANGO_SECRET_KEY": self.secrets()["django_secret_key"],
                "OCR_DATA_DIR": str(self.dir / "data"),
                "OCR_WORKDIR": str(self.dir / "work"),
                "OCR_PIPELINE_MODE": "distributed",
                "OCR_PIPELINE_PORT": "django_api.orchestration.django_port:build_port",
                "OCR_HEARTBEAT_MISSED": str(self.missed),
                "OCR_WORK_POOL": POOL,
                "OMP_THREAD_LIMIT": "1",
            }
        )
        if self.dask:
            env["OCR_DASK_ADDRESS"] = f"tcp://127.0.0.1:{self.dask_port}"
            env["OCR_PAGE_CONCURRENCY"] = str(self.dask)
        return env

    @property
    def dask_port(self) -> int:
        return self.prefect_port + 1

    # --- processes --------------------------------------------------------------------------------
    def spawn(self, name: str, args: list[str], env: dict[str, str]) -> subprocess.Popen:
        with open(self.logs / f"{name}.log", "ab") as out:
            process = subprocess.Popen(
                args, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.processes[name] = process
        return process

    def manage(self, *args: str, env: dict[str, str] | None = None, timeout: float = 300) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            env=env or self.app_env(),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def start(self) -> dict:
        for folder in (self.dir, self.logs, self.dir / "data", self.dir / "work"):
            folder.mkdir(parents=True, exist_ok=True)
        say(f"PostgreSQL on 127.0.0.1:{self.pg_port} (databases {APP_DB}, {PREFECT_DB})")
        self.start_postgres()
        keys = self.secrets()
        env = self.prefect_env()
        env["PREFECT_HOME"] = str(self.dir / "prefect-server")
        env["PREFECT_API_DATABASE_CONNECTION_URL"] = (
            f"postgresql+asyncpg://{PREFECT_ROLE}:{keys['prefect_db_password']}@127.0.0.1:{self.pg_port}/"
            f"{PREFECT_DB}"
        )
        say(f"Prefect server on 127.0.0.1:{self.prefect_port}")
        server = self.spawn(
            "prefect-server",
            [serve.PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(self.prefect_port)],
            env,
        )
        say("database migrations")
        self.manage("migrate", "--noinput")
        self.manage(
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model; import os; User = get_user_model(); "
            "u = User.objects.filter(username=os.environ['STACK_USER']).first() "
            "or User(username=os.environ['STACK_USER']); "
            "u.set_password(os.environ['STACK_PASSWORD']); u.save()",
            env={**self.app_env(), "STACK_USER": self.user, "STACK_PASSWORD": keys["user_password"]},
        )
        serve.wait_healthy(env["PREFECT_API_URL"], timeout=180, process=server)
        say(f"work pool {POOL!r}, deployments of prefect.yaml, zombie automation")
        serve.create_pool_and_deploy(POOL, self.prefect_env())
        if self.dask:
            say(f"Dask scheduler on 127.0.0.1:{self.dask_port} and {self.dask} worker(s)")
            dask_env = {**self.app_env()}
            self.spawn(
                "dask-scheduler",
                [str(VENV_BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(self.dask_port)]
                + ["--dashboard-address", "127.0.0.1:0"],
                dask_env,
            )
            wait_port(self.dask_port, 60)
            for i in range(1, self.dask + 1):
                self.spawn(
                    f"dask-worker-{i}",
                    [str(VENV_BIN / "dask"), "worker", f"tcp://127.0.0.1:{self.dask_port}", "--nthreads", "1"]
                    + ["--nworkers", "1", "--name", f"dask-{i}", "--dashboard-address", "127.0.0.1:0"],
                    dask_env,
                )
        for i in range(1, self.workers + 1):
            name = f"worker-{i}"
            worker_env = {**self.app_env(), "PREFECT_HOME": str(self.dir / name / "prefect")}
            Path(worker_env["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
            limit = serve.worker_limit(worker_env) or "no limit"
            say(f"Prefect worker {name} (PREFECT_HOME {worker_env['PREFECT_HOME']}, runs at once: {limit})")
            self.spawn(name, [serve.PREFECT, *serve.worker_args(POOL, worker_env, name=name)], worker_env)
        api_env = {
            **self.app_env(),
            "OCR_API_BIND": f"127.0.0.1:{self.api_port}",
            "OCR_API_WORKERS": "2",
            "OCR_API_THREADS": "4",
        }
        say(f"API (gunicorn, distributed) on 127.0.0.1:{self.api_port}")
        self.spawn(
            "api",
            [str(VENV_BIN / "gunicorn"), "-c", "django_api/config/gunicorn_conf.py"]
            + ["django_api.config.wsgi:application"],
            api_env,
        )
        self.spawn(
            "recovery-watcher",
            [sys.executable, "manage.py", "recover_tasks", "--watch", str(WATCH_SECONDS)],
            self.app_env(),
        )
        api = f"http://127.0.0.1:{self.api_port}"
        wait_http(f"{api}/api/", 90, self.processes["api"])
        state = {
            "api_url": api,
            "prefect_ui": f"http://127.0.0.1:{self.prefect_port}",
            "prefect_api_url": env["PREFECT_API_URL"],
            "database_url": self.database_url(),
            "dask_scheduler": f"tcp://127.0.0.1:{self.dask_port}" if self.dask else None,
            "user": self.user,
            "password": keys["user_password"],
            "dir": str(self.dir),
            "pids": {name: p.pid for name, p in self.processes.items()},
        }
        path = self.dir / "stack.json"
        path.touch(mode=0o600)
        path.write_text(json.dumps(state, indent=1))
        return state

    def watch(self) -> None:
        """Until stopped: say when a process of the stack exits (a killed worker does not stop the rest)."""
        reported: set[str] = set()
        while True:
            for name, process in self.processes.items():
                if name not in reported and process.poll() is not None:
                    reported.add(name)
                    say(f"{name} exited with {process.returncode} (see {self.logs / (name + '.log')})")
            time.sleep(1)

    def stop(self) -> None:
        for name in reversed(list(self.processes)):
            try:
                serve.stop(self.processes[name])
            except Exception as exc:  # noqa: BLE001 - stop the rest anyway
                say(f"could not stop {name}: {exc}")
        try:
            self.stop_postgres()
        except subprocess.CalledProcessError as exc:
            say(f"could not stop PostgreSQL: {exc.stderr}")


def postgres_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if not found:
        raise SystemExit("PostgreSQL is not installed (scripts/setup.sh test installs it)")
    return found[-1].parent


def say(message: str) -> None:
    print(f"[stack] {message}", flush=True)


def wait_port(port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f} s")


def wait_http(url: str, timeout: float, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer after {timeout:.0f} s")


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "var" / "stack")
    parser.add_argument("--workers", type=int, default=2, help="Prefect process workers")
    parser.add_argument("--dask", type=int, default=0, help="Dask workers (0: pages on the flow's threads)")
    parser.add_argument(
        "--worker-limit",
        type=int,
        default=None,
        help="flow runs at once per worker (default: OCR_WORKER_LIMIT, else the cores; 0: no limit)",
    )
    parser.add_argument("--api-port", type=int, default=8000)
    parser.add_argument("--prefect-port", type=int, default=4200, help="(the Dask scheduler takes the next)")
    parser.add_argument("--pg-port", type=int, default=5433)
    parser.add_argument(
        "--missed-heartbeats",
        type=int,
        default=2,
        help="OCR_HEARTBEAT_MISSED: silent intervals before a run is gone",
    )
    args = parser.parse_args(argv)
    stack = Stack(
        dir=args.dir.resolve(),
        pg_port=args.pg_port,
        prefect_port=args.prefect_port,
        api_port=args.api_port,
        workers=args.workers,
        dask=args.dask,
        worker_limit=args.worker_limit,
        missed=args.missed_heartbeats,
    )
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        state = stack.start()
        print(
            f"""
  REST API    {state["api_url"]}/api/   (Swagger UI: /api/docs/)
  User        {state["user"]}   password {state["password"]}
  Health      {state["api_url"]}/api/ocr-health/
  Prefect UI  {state["prefect_ui"]}
  PostgreSQL  127.0.0.1:{stack.pg_port} (data {stack.pg_data})
  Dask        {state["dask_scheduler"] or "not started (--dask N)"}
  Logs        {stack.logs}/
  State       {stack.dir / "stack.json"}

  Ctrl-C stops everything.""",
            flush=True,
        )
        say("ready")
        stack.watch()
    except KeyboardInterrupt:
        pass
    finally:
        say("stopping")
        stack.stop()
        say("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
