"""Distributed mode end to end: upload -> succeeded for 10 receipts with 1 and 2 Prefect workers, and
the queue latency (upload -> running), on the local stack of the runbook (`scripts/local_stack.py`:
PostgreSQL, Prefect server, process workers, gunicorn in distributed mode). Printed beside the bare
`tesseract` CLI over the same 10 images in the same run.

Two shapes of work per worker count: one upload of 10 receipts (one task: one flow run, one worker) and
10 uploads of one receipt sent at once (10 tasks: the workers share them).

    .venv/bin/python bench/distributed.py [--receipts 10] [--settings default|fast]

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

from tests.e2e.stack import FAST_SETTINGS, FINISHED, Client, local_stack, receipts  # noqa: E402

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
    return {"tasks": 1, "queue": [queued], "total": total, "statuses": [status]}


def many_uploads(client: Client, project: int, images: list[Path]) -> dict:
    sent = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(images)) as pool:
        task_ids = list(pool.map(lambda image: client.upload(project, [image]), images))
        outcomes = list(pool.map(lambda task_id: follow(client, project, task_id, sent), task_ids))
    return {
        "tasks": len(images),
        "queue": [o[0] for o in outcomes],
        "total": time.perf_counter() - sent,
        "statuses": [o[2] for o in outcomes],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--receipts", type=int, default=10)
    parser.add_argument("--settings", choices=("default", "fast"), default="default")
    args = parser.parse_args(argv)
    images = receipts(CORPUS, args.receipts)
    settings = FAST_SETTINGS if args.settings == "fast" else None
    rows = []
    cli = tesseract_cli(images)
    for workers in (1, 2):
        with local_stack(workers=workers) as state:
            client = Client(state)
            client.call("GET", "/api/ocr-health/")
            # a first task warms the workers' imports (not counted)
            warm = client.project(f"warm-{workers}", settings)
            follow(client, warm, client.upload(warm, images[:1]), time.perf_counter())
            for shape, run in (("1 upload x 10", one_upload), ("10 uploads x 1", many_uploads)):
                project = client.project(f"{shape}-{workers}", settings)
                result = run(client, project, images)
                rows.append((workers, shape, result))
                print(f"workers={workers} {shape}: {result}", flush=True)
    print(
        f"\n{args.receipts} SROIE receipts, settings {args.settings}; "
        f"bare tesseract CLI (sequential): {cli:.1f} s\n"
    )
    print(
        "| workers | uploads | tasks | queue latency median / max (s) | upload -> all succeeded (s) "
        "| statuses |"
    )
    print("|---|---|---|---|---|---|")
    for workers, shape, r in rows:
        statuses = ", ".join(f"{s} x{r['statuses'].count(s)}" for s in sorted(set(r["statuses"])))
        print(
            f"| {workers} | {shape} | {r['tasks']} "
            f"| {statistics.median(r['queue']):.1f} / {max(r['queue']):.1f} "
            f"| {r['total']:.1f} | {statuses} |"
        )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nload average at the end: {load} ({os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
