"""The local Prefect stack: server on loopback, the `process` work pool, the deployments of
`prefect.yaml`, the zombie-run automation (`flows.automations`) and a process worker. Used by `make run`
(`python -m flows.serve`), by `scripts/local_stack.py` and by the deployment test; each step is also a
plain `prefect` command (see `commands()`).

    python -m flows.serve [--port 4200] [--pool process] [--poll-seconds 2]

Runs until Ctrl-C, then stops the worker and the server it started.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from flows import settings
from flows.settings import ConfigurationError

ROOT = Path(__file__).resolve().parent.parent
PREFECT = str(Path(sys.executable).with_name("prefect"))

# The server records every task run from the events the flows send. With its default batch sizes
# (one task run per insert) it spent ~43 ms of CPU per task run here, competing with Tesseract for
# the same cores; in batches, ~12 ms (bench/pipeline_overhead.py). Records still appear within the
# services' flush interval (5 s). Values already in the environment win.
SERVER_TUNING = {
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "100",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE": "100",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_BATCH_SIZE": "200",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_READ_BATCH_SIZE": "100",
}


def commands(port: int = 4200, pool: str = "process") -> list[str]:
    """The same steps as shell commands (for a Makefile or a README)."""
    return [
        " ".join(f"{k}={v}" for k, v in SERVER_TUNING.items())
        + f" prefect server start --host 127.0.0.1 --port {port}",
        f"PREFECT_API_URL=http://127.0.0.1:{port}/api prefect work-pool create {pool} "
        "--type process --overwrite",
        f"PREFECT_API_URL=http://127.0.0.1:{port}/api prefect --no-prompt deploy --all",
        f"PREFECT_API_URL=http://127.0.0.1:{port}/api python -m flows.automations "
        f"--heartbeat-seconds {HEARTBEAT_SECONDS}",
        f"PREFECT_API_URL=http://127.0.0.1:{port}/api PREFECT_WORKER_QUERY_SECONDS=2 "
        f"PREFECT_FLOWS_HEARTBEAT_FREQUENCY={HEARTBEAT_SECONDS} prefect worker start --pool {pool} "
        '--limit "${OCR_WORKER_LIMIT:-$(nproc)}"',
    ]


# Worker-run flows send a heartbeat this often (Prefect's default is 180 s, its minimum 30): a run whose
# worker died is found after OCR_HEARTBEAT_MISSED of them (flows.run_liveness, flows.automations).
HEARTBEAT_SECONDS = 30


def stack_env(port: int, *, poll_seconds: float = 2, base: dict[str, str] | None = None) -> dict[str, str]:
    env = {
        **SERVER_TUNING,
        "PREFECT_FLOWS_HEARTBEAT_FREQUENCY": str(HEARTBEAT_SECONDS),
        **(os.environ if base is None else base),
    }
    env.update(
        {
            "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
            "PREFECT_UI_URL": f"http://127.0.0.1:{port}",
            "PREFECT_WORKER_QUERY_SECONDS": str(poll_seconds),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1",
        }
    )
    return env


def _spawn(args: list[str], env: dict[str, str], log: Path | None) -> subprocess.Popen:
    """Start `prefect ARGS` in its own process group, output appended to `log` (or dropped)."""
    if log is None:
        return subprocess.Popen(
            [PREFECT, *args],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    with open(log, "ab") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [PREFECT, *args], env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def start_server(port: int, env: dict[str, str], log: Path | None = None) -> subprocess.Popen:
    return _spawn(["server", "start", "--host", "127.0.0.1", "--port", str(port)], env, log)


def wait_healthy(api_url: str, *, timeout: float = 90, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"prefect server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(api_url.rstrip("/") + "/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"Prefect API at {api_url} not healthy after {timeout:.0f} s")


def run_prefect(args: list[str], env: dict[str, str], *, timeout: float = 120) -> str:
    done = subprocess.run(
        [PREFECT, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"prefect {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def create_pool_and_deploy(pool: str, env: dict[str, str]) -> None:
    run_prefect(["work-pool", "create", pool, "--type", "process", "--overwrite"], env)
    run_prefect(["--no-prompt", "deploy", "--all"], env, timeout=300)
    create_zombie_automation(env)


def create_zombie_automation(env: dict[str, str]) -> None:
    """The automation that marks a run Crashed when its heartbeats stop (idempotent)."""
    heartbeat = env.get("PREFECT_FLOWS_HEARTBEAT_FREQUENCY") or str(HEARTBEAT_SECONDS)
    done = subprocess.run(
        [sys.executable, "-m", "flows.automations", "--heartbeat-seconds", heartbeat],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"python -m flows.automations failed:\n{done.stdout}\n{done.stderr}")


def worker_limit(env: dict[str, str] | None = None) -> int | None:
    """How many flow runs one worker runs at once: `flows.settings.worker_limit` (`OCR_WORKER_LIMIT`, by
    default the cores; 0: no limit, None; a bad value is a `ConfigurationError`)."""
    return settings.worker_limit(env)


def worker_args(pool: str, env: dict[str, str] | None = None, *, name: str | None = None) -> list[str]:
    """`prefect worker start` arguments: the pool, the run limit (`worker_limit`), the name."""
    limit = worker_limit(env)
    return ["worker", "start", "--pool", pool, *(["--limit", str(limit)] if limit else [])] + (
        ["--name", name] if name else []
    )


def start_worker(
    pool: str, env: dict[str, str], log: Path | None = None, *, name: str | None = None
) -> subprocess.Popen:
    return _spawn(worker_args(pool, env, name=name), env, log)


def stop(process: subprocess.Popen | None, *, timeout: float = 10) -> None:
    """SIGINT twice (a Prefect worker needs two to stop quickly), then SIGTERM, then SIGKILL."""
    if process is None or process.poll() is not None:
        return
    for sig in (signal.SIGINT, signal.SIGINT, signal.SIGTERM):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=timeout / 3)
            return
        except subprocess.TimeoutExpired:
            continue
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=5)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flows.serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=4200)
    parser.add_argument("--pool", default="process")
    parser.add_argument("--poll-seconds", type=float, default=2)
    parser.add_argument("--log-dir", type=Path, default=ROOT / "var" / "log")
    parser.add_argument(
        "--print-commands", action="store_true", help="print the equivalent commands and exit"
    )
    args = parser.parse_args(argv)
    if args.print_commands:
        print("\n".join(commands(args.port, args.pool)))
        return 0
    try:
        worker_limit()  # a bad setting stops the stack before anything starts
    except ConfigurationError as exc:
        print(f"python -m flows.serve: {exc}", file=sys.stderr)
        return 2
    args.log_dir.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, _interrupt)  # a supervisor's SIGTERM stops the stack like Ctrl-C
    # started with `&` by a non-interactive shell (scripts/run.sh), SIGINT arrives ignored: take it back,
    # so that the script's Ctrl-C stops the stack at once instead of after its TERM fallback
    signal.signal(signal.SIGINT, signal.default_int_handler)
    env = stack_env(args.port, poll_seconds=args.poll_seconds)
    server = worker = None
    try:
        server = start_server(args.port, env, args.log_dir / "prefect-server.log")
        wait_healthy(env["PREFECT_API_URL"], process=server)
        create_pool_and_deploy(args.pool, env)
        worker = start_worker(args.pool, env, args.log_dir / "prefect-worker.log")
        print(f"Prefect UI on {env['PREFECT_UI_URL']}; worker polling pool {args.pool!r}. Ctrl-C stops.")
        while server.poll() is None and worker.poll() is None:
            time.sleep(1)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        # a second Ctrl-C, or the script's TERM fallback, must not cut the stop short: the server would be
        # left running without its parent (it has a session of its own)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop(worker)
        stop(server)


if __name__ == "__main__":
    sys.exit(main())
