"""Distributed mode end to end on the local stack of the runbook (`scripts/local_stack.py`: PostgreSQL,
Prefect server, process workers, gunicorn in distributed mode, the recovery watcher), in two parts.

`--part throughput`: upload -> succeeded for 10 receipts with 1 and 2 Prefect workers, and the queue
latency (upload -> running), beside the bare `tesseract` CLI over the same 10 images in the same run. Two
shapes of work per worker count (`--shapes`): one upload of 10 receipts (one task: one flow run, one
worker) and 10 uploads of one receipt sent at once (10 tasks: the workers share them). `--worker-limits
2,0` compares flow runs at once per worker (`OCR_WORKER_LIMIT`; 0: no limit; default: the cores).

`--part cancel`: 10 receipts uploaded, cancelled through the API when 3 pages are done (`--cancel-rounds`
times), once when every page is read and documents are being extracted, and once after `kill -9` of the
worker that runs the task and of its flow process (2 workers). Reports the time from the cancel request
to the task's end state and to the Prefect run's final state, and how the documents ended.

    .venv/bin/python bench/distributed.py [--part all|throughput|cancel] [--receipts 10] \\
        [--settings default|fast] [--shapes both|one|many] [--worker-limits 2,0] [--cancel-rounds 2]

`fast` turns the second Tesseract readings and RapidOCR's second opinion off (the orchestration's share
shows more); `default` is what a project gets.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.stack import (  # noqa: E402
    FAST_SETTINGS,
    FINISHED,
    Client,
    database_rows,
    kill_run_and_worker,
    local_stack,
    read_flow_run,
    receipts,
)

CORPUS = ROOT.parent / "shared" / "corpus"


def tesseract_cli(images: list[Path]) -> float:
    started = time.perf_counter()
    for image in images:
        subprocess.run(
            ["tesseract", str(image), "stdout"],
            check=True,
            capture_output=True,
            env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
        )
    return time.perf_counter() - started


def follow(client: Client, project: int, task_id: str, sent: float) -> tuple[float, float, str]:
    """(seconds to running, seconds to the end, final status), polling every 0.2 s."""
    running_at = None
    while True:
        status = client.status(project, task_id)["status"]
        now = time.perf_counter()
        if running_at is None and status != "queued":
            running_at = now
        if status in FINISHED:
            return (running_at or now) - sent, now - sent, status
        time.sleep(0.2)


def one_upload(client: Client, project: int, images: list[Path]) -> dict:
    sent = time.perf_counter()
    task_id = client.upload(project, images)
    queued, total, status = follow(client, project, task_id, sent)
    return {"tasks": 1, "queue": [queued], "done": [total], "total": total, "statuses": [status]}


def many_uploads(client: Client, project: int, images: list[Path]) -> dict:
    sent = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(images)) as pool:
        task_ids = list(pool.map(lambda image: client.upload(project, [image]), images))
        outcomes = list(pool.map(lambda task_id: follow(client, project, task_id, sent), task_ids))
    return {
        "tasks": len(images),
        "queue": [o[0] for o in outcomes],
        "done": [o[1] for o in outcomes],  # upload -> this task's end
        "total": time.perf_counter() - sent,
        "statuses": [o[2] for o in outcomes],
    }


def wait(predicate, timeout: float, interval: float = 0.2):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return None


CANCEL_AT = {
    "pages": lambda status: status["progress"]["pages_done"] >= 3,  # issue 18's moment
    "extract": lambda status: status["current_step"] not in ("", "queued", "requeued", "ingest", "ocr"),
}


def cancel_trial(
    client: Client, state: dict, project: int, images: list[Path], *, kill: bool, at_moment: str = "pages"
) -> dict:
    """Upload, wait for the moment (3 pages done; or every page read, documents being extracted),
    (`kill`: kill -9 the worker and its flow process first) cancel through the API; time to the task's
    end state and to the Prefect run's final state, documents kept."""
    from uuid import UUID

    task_id = client.upload(project, images)

    def reached():
        status = client.status(project, task_id)
        return status if status["status"] == "running" and CANCEL_AT[at_moment](status) else None

    at = wait(reached, 600)
    if at is None:
        return {"error": f"{at_moment} never reached", "task": client.status(project, task_id)}
    [(flow_run_id,)] = database_rows(
        state, "SELECT flow_run_id FROM invoices_ocrtask WHERE id = %s", UUID(task_id)
    )
    worker = kill_run_and_worker(state, flow_run_id) if kill else None
    asked = time.perf_counter()
    client.call("POST", f"/api/projects/{project}/ocr-cancel/{task_id}/")
    final = wait(lambda: (s := client.status(project, task_id))["status"] in FINISHED and s, 600)
    ended = time.perf_counter()

    def prefect_final():
        run = read_flow_run(state, flow_run_id)
        return run.state if run.state is not None and run.state.is_final() else None

    prefect = wait(prefect_final, 120, interval=0.5)
    prefect_at = time.perf_counter()
    documents = database_rows(
        state,
        "SELECT d.status, d.error_message, (SELECT count(*) FROM invoices_documentresult r "
        "WHERE r.document_id = d.id) FROM invoices_document d WHERE d.task_id = %s",
        UUID(task_id),
    )
    return {
        "moment": at_moment,
        "step_at_cancel": at["current_step"],
        "kill": worker,
        "pages_at_cancel": f"{at['progress']['pages_done']}/{at['progress']['pages_total']}",
        "documents_done_at_cancel": at["progress"].get("documents_done"),
        "to_end": ended - asked,
        "status": final["status"] if final else "not finished",
        "prefect": f"{prefect.type.value} ({prefect.name})" if prefect else "not final",
        "to_prefect_final": prefect_at - asked if prefect else None,
        "kept": sum(1 for d in documents if d[0] == "processed" and d[2] == 1),
        "with_values": sum(1 for d in documents if d[2] == 1),
        "statuses": ", ".join(
            f"{s} x{[d[0] for d in documents].count(s)}" for s in sorted({d[0] for d in documents})
        ),
        "documents": len(documents),
        "paths_in_messages": sum(1 for d in documents if "/tmp" in (d[1] or "") or "/work" in (d[1] or "")),
    }


def cancel_section(images: list[Path], settings: dict | None, rounds: int) -> list[dict]:
    rows = []
    with local_stack(workers=2) as state:
        client = Client(state)
        warm = client.project("warm-cancel", settings)
        follow(client, warm, client.upload(warm, images[:1]), time.perf_counter())
        # cancels with both workers alive (after 3 pages; once the extraction has started), then one
        # whose worker (and flow process) was killed first
        trials = [("pages", False)] * rounds + [("extract", False), ("pages", True)]
        for index, (moment, kill) in enumerate(trials):
            project = client.project(f"cancel-{index}-{moment}-{kill}", settings)
            row = cancel_trial(client, state, project, images, kill=kill, at_moment=moment)
            rows.append(row)
            print(f"cancel {index + 1} at {moment} kill={kill}: {row}", flush=True)
    print(
        "\n| worker | step, pages done at cancel | cancel -> task end (s) | task | Prefect run"
        " | cancel -> Prefect final (s) | documents processed / with values | document statuses"
        " | server paths in messages |"
    )
    print("|---|---|---:|---|---|---:|---|---|---|")
    for r in rows:
        if "error" in r:
            print(f"| {r} |")
            continue
        prefect_time = f"{r['to_prefect_final']:.1f}" if r["to_prefect_final"] is not None else "-"
        print(
            f"| {'killed before the cancel' if r['kill'] else 'alive'}"
            f" | {r['step_at_cancel']}, {r['pages_at_cancel']}"
            f" | {r['to_end']:.1f} | {r['status']} | {r['prefect']} | {prefect_time}"
            f" | {r['kept']} / {r['with_values']} of {r['documents']} | {r['statuses']}"
            f" | {r['paths_in_messages']} |"
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--receipts", type=int, default=10)
    parser.add_argument("--settings", choices=("default", "fast"), default="default")
    parser.add_argument(
        "--part",
        choices=("all", "throughput", "cancel"),
        default="all",
        help="throughput: 1 and 2 workers; cancel: cancel a running task (worker alive, then killed)",
    )
    parser.add_argument("--cancel-rounds", type=int, default=2, help="cancels with a live worker")
    parser.add_argument(
        "--shapes", choices=("both", "one", "many"), default="both", help="one upload, many, both"
    )
    parser.add_argument(
        "--worker-limits",
        default="",
        help="comma-separated flow runs at once per worker to compare (0: no limit; default: the cores)",
    )
    args = parser.parse_args(argv)
    images = receipts(CORPUS, args.receipts)
    settings = FAST_SETTINGS if args.settings == "fast" else None
    if args.part in ("all", "cancel"):
        cancel_section(images, settings, args.cancel_rounds)
        if args.part == "cancel":
            return 0
    rows = []
    cli = tesseract_cli(images)
    shapes = [
        (name, run)
        for name, run in (
            (f"1 upload x {len(images)}", one_upload),
            (f"{len(images)} uploads x 1", many_uploads),
        )
        if args.shapes == "both" or (args.shapes == "one") == (run is one_upload)
    ]
    limits = [int(x) for x in args.worker_limits.split(",")] if args.worker_limits else [None]
    for limit in limits:
        for workers in (1, 2):
            with local_stack(workers=workers, worker_limit=limit) as state:
                client = Client(state)
                client.call("GET", "/api/ocr-health/")
                # a first task warms the workers' imports (not counted)
                warm = client.project(f"warm-{workers}", settings)
                follow(client, warm, client.upload(warm, images[:1]), time.perf_counter())
                for shape, run in shapes:
                    project = client.project(f"{shape}-{workers}-{limit}", settings)
                    result = run(client, project, images)
                    result["load"] = os.getloadavg()[0]  # the machine is shared: say how busy it was
                    shown = "cores" if limit is None else (limit or "none")
                    rows.append((workers, shown, shape, result))
                    print(f"workers={workers} limit={shown} {shape}: {result}", flush=True)
    print(
        f"\n{args.receipts} SROIE receipts, settings {args.settings}; "
        f"bare tesseract CLI (sequential): {cli:.1f} s\n"
    )
    print(
        "| workers | runs at once per worker | uploads | tasks | queue latency median / max (s)"
        " | upload -> a task's end, median (s) | upload -> all succeeded (s) | statuses | load at the end |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for workers, limit, shape, r in rows:
        statuses = ", ".join(f"{s} x{r['statuses'].count(s)}" for s in sorted(set(r["statuses"])))
        print(
            f"| {workers} | {limit} | {shape} | {r['tasks']} "
            f"| {statistics.median(r['queue']):.1f} / {max(r['queue']):.1f} "
            f"| {statistics.median(r['done']):.1f} "
            f"| {r['total']:.1f} | {statuses} | {r['load']:.1f} |"
        )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nload average at the end: {load} ({os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
