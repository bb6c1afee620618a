"""Cancel latency of `process_invoices` with real Tesseract: from the cancel request to the task's
`cancelled`, on SROIE receipts.

    .venv/bin/python bench/cancel_latency.py [--documents 4] [--rounds 3] [--at page,extract] [--workers 2]

Starts a Prefect server on a free loopback port (its own PREFECT_HOME; the flow runs embedded in this
process and is recorded there, as under `make run`). Each trial queues one task of `--documents`
receipts on an in-memory port with the project's default settings (Tesseract, orientation check,
extraction with its re-reads and second opinion), runs the flow on a thread, and requests a cancel
(the port's flag, what `POST .../ocr-cancel/` sets) at a moment of the run (`--at`):
- `page`: as soon as the first page is back (pages of the other receipts are being read);
- `extract`: once every page is read and documents are being extracted;
- `validate`: when the batch's validation starts (waits for every extraction first: slow).
It reports the time from the request to the task's `cancelled` (what the API shows), to the flow's
return (the thread pool waits for the pages and extractions left running), the Prefect flow run's
final state as the server recorded it, and how the documents ended. For scale, the bare
`tesseract IMAGE stdout --psm 3 tsv` time of one receipt page (what a cancel waiting for the page
in flight would add). Prints a table; nothing is asserted. Corpus: ../shared/corpus (OCR_CORPUS_DIR).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from prefect_stack import isolated_prefect  # noqa: E402  (a bench module, found through the path above)

CORPUS = Path(os.environ.get("OCR_CORPUS_DIR", ROOT.parent / "shared" / "corpus"))
MOMENTS = {
    "page": lambda p: p.pages_done >= 1,
    "extract": lambda p: p.step == "extract",
    "validate": lambda p: p.step == "validate",
}


def bare_page_seconds(path: Path) -> float:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    started = time.perf_counter()
    subprocess.run(
        ["tesseract", str(path), "stdout", "--psm", "3", "tsv"], env=env, check=True, capture_output=True
    )
    return time.perf_counter() - started


def wait_until(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


def trial(paths: list[Path], moment: str) -> dict:
    """One task, cancelled at `moment`; what happened and how long it took."""
    from prefect import get_client

    from flows.memory_port import InMemoryPort
    from flows.port import CANCELLED, FINISHED
    from flows.process import process_invoices
    from flows.settings import use_port

    port = InMemoryPort()
    task_id = port.add_task("bench", paths)
    outcome: dict = {}

    def run() -> None:
        with use_port(port):
            outcome["state"] = process_invoices(task_id, return_state=True)
        outcome["returned"] = time.monotonic()

    runner = threading.Thread(target=run, daemon=True)
    runner.start()
    reached = wait_until(lambda: any(MOMENTS[moment](p) for p in port.progress_log(task_id)), timeout=600)
    log = port.progress_log(task_id)
    at = log[-1] if log else None
    asked = time.monotonic()
    port.cancel(task_id)
    wait_until(lambda: port.status(task_id) in FINISHED, timeout=600)
    ended = time.monotonic()
    runner.join(timeout=600)
    state = outcome.get("state")
    recorded = "?"
    if state is not None and state.state_details.flow_run_id:
        with get_client(sync_client=True) as client:
            recorded = client.read_flow_run(state.state_details.flow_run_id).state.type.value
    results, failures = port.results(task_id), port.failures(task_id)
    return {
        "moment": moment if reached else f"{moment} (not reached)",
        "pages_at_request": f"{at.pages_done}/{at.pages_total}" if at else "-",
        "step_at_request": at.step if at else "-",
        "latency": ended - asked,
        "to_return": outcome.get("returned", ended) - asked,
        "status": port.status(task_id),
        "prefect": recorded,
        "kept": sum(1 for r in results.values() if r.invoice is not None),
        "cancelled": sum(1 for e in failures.values() if e.code == "cancelled")
        + sum(1 for r in results.values() if any(e.code == "cancelled" for e in r.errors)),
        "done": port.progress_log(task_id)[-1].documents_done if port.progress_log(task_id) else 0,
        "ok": port.status(task_id) == CANCELLED,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--at", default="page,extract", help="comma-separated: page, extract, validate")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    moments = [m.strip() for m in args.at.split(",") if m.strip()]
    unknown = [m for m in moments if m not in MOMENTS]
    if unknown:
        parser.error(f"unknown --at {unknown}; choose from {sorted(MOMENTS)}")

    home, port_number, env = isolated_prefect(args.workers)
    from flows import serve

    os.environ.update({k: env[k] for k in ("PREFECT_API_URL", "PREFECT_UI_URL")})
    receipts = sorted((CORPUS / "sroie-sample" / "images").glob("*.jpg"))
    rows = []
    server = None
    try:
        server = serve.start_server(port_number, env, home / "server.log")
        serve.wait_healthy(env["PREFECT_API_URL"], timeout=180, process=server)
        bare = statistics.median(bare_page_seconds(p) for p in receipts[:3])
        for round_ in range(args.rounds):
            for moment in moments:
                start = (round_ * args.documents) % max(1, len(receipts) - args.documents)
                row = trial(receipts[start : start + args.documents], moment)
                rows.append(row)
                print(f"round {round_ + 1} {moment}: {row['latency']:.2f} s", file=sys.stderr)
    finally:
        serve.stop(server)

    header = (
        "| round | cancel at | step, pages at request | to `cancelled` (s) | to flow return (s) | task"
        " | Prefect run | documents kept / cancelled / done |"
    )
    print(header)
    print("|---|---|---|---:|---:|---|---|---|")
    for index, row in enumerate(rows):
        print(
            f"| {index // len(moments) + 1} | {row['moment']}"
            f" | {row['step_at_request']}, {row['pages_at_request']} | {row['latency']:.2f}"
            f" | {row['to_return']:.2f} | {row['status']} | {row['prefect']}"
            f" | {row['kept']} / {row['cancelled']} / {row['done']} |"
        )
    for moment in moments:
        values = [r["latency"] for r in rows if r["moment"] == moment]
        if values:
            print(
                f"\n{moment}: median {statistics.median(values):.2f} s,"
                f" max {max(values):.2f} s to `cancelled`"
            )
    print(
        f"\nbare tesseract, one receipt page: {bare:.2f} s (median of 3); {args.documents} receipts a task,"
        f" {args.workers} page workers; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
