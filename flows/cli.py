"""`ocr-engine process PATH... [--project NAME]`: the whole pipeline (the `process_invoices` flow)
on local files, with the in-memory port; prints a summary table per document.

Plugged into `ocr-engine` through the `ocr_engine.commands` entry point (`register`). Without
`PREFECT_API_URL` the flow runs on Prefect's ephemeral API (its start-up takes 10-15 s).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import warnings
from pathlib import Path
from typing import IO

from ocr_tasks.cli.reporting import (
    EXIT_INTERRUPTED,
    add_progress_argument,
    exit_code,
    expand_inputs,
    progress_bar,
    subcommand_parser,
    usage_error,
)
from ocr_tasks.result_types import DocumentResult, ErrorInfo

COLUMNS = ("document", "status", "pages", "fields", "validation failures", "anomalies")


def register(subparsers) -> None:
    parser = subcommand_parser(
        subparsers,
        "process",
        help="run the full pipeline (OCR, extraction, validation, anomalies) on files",
        description="Run the full pipeline on local files through the Prefect flow, as one task of a "
        "project, and print a summary table.",
        exit_codes="; 130: interrupted",
    )
    parser.add_argument(
        "--project", default="local", help="project name, the history anomalies are scored against"
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="write each document's full result as JSON here"
    )
    add_progress_argument(parser)
    parser.add_argument("--verbose", action="store_true", help="show Prefect's own logs")
    parser.set_defaults(func=run)


def summary_row(name: str, result: DocumentResult | None, error: ErrorInfo | None) -> tuple[str, ...]:
    if result is None:
        return (name, f"failed: {error.code if error else 'not processed'}", "-", "-", "-", "-")
    failures = sum(1 for report in result.validation for outcome in report.outcomes if not outcome.success)
    fields = len(result.invoice.fields) if result.invoice else 0
    status = "ok" if result.ok else f"failed: {result.errors[0].code}"
    pages = len(result.ocr.pages) if result.ocr else 0
    return (name, status, str(pages), str(fields), str(failures), str(len(result.anomalies)))


def print_table(rows: list[tuple[str, ...]], stream: IO[str]) -> None:
    widths = [max(len(str(r[i])) for r in [COLUMNS, *rows]) for i in range(len(COLUMNS))]
    line = "  ".join(f"{{:{'<' if i < 2 else '>'}{w}}}" for i, w in enumerate(widths))
    print(line.format(*COLUMNS), file=stream)
    print("  ".join("-" * w for w in widths), file=stream)
    for row in rows:
        print(line.format(*row), file=stream)


def run(args: argparse.Namespace) -> int:
    # failures are reported once, as failure lines: Prefect's tracebacks only with --verbose
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if args.verbose else "CRITICAL")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    warnings.filterwarnings("ignore", category=UserWarning, module="great_expectations")
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    paths = expand_inputs(args.paths)
    readable = [p for p in paths if p.is_file()]
    for missing in sorted(set(paths) - set(readable)):
        print(f"{missing}: file_not_found: no such file", file=sys.stderr)
    if not readable:
        return usage_error("no readable input files")

    from flows.memory_port import InMemoryPort
    from flows.port import CANCELLED, Progress
    from flows.process import process_invoices
    from flows.settings import use_port

    bar = progress_bar(0, unit="page", desc="ingest", enabled=args.progress)

    class ProgressPort(InMemoryPort):
        def report_progress(self, task_id: str, progress: Progress) -> None:
            super().report_progress(task_id, progress)
            bar.total, bar.n = progress.pages_total, progress.pages_done
            bar.set_description(progress.step, refresh=False)
            bar.refresh()

    port = ProgressPort()
    task_id = port.add_task(args.project, readable, languages=args.lang)
    try:
        with use_port(port):
            process_invoices(task_id, return_state=True)  # the outcome is read from the port below
    except KeyboardInterrupt:
        port.cancel(task_id)
        bar.close()
        print("ocr-engine: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        bar.close()

    inputs, results, failures = port.load_task(task_id), port.results(task_id), port.failures(task_id)
    by_uri = {Path(p).resolve().as_uri(): p for p in readable}
    rows = []
    for doc in inputs.documents:
        path = by_uri.get(doc.uri, doc.name)
        result, error = results.get(doc.id), failures.get(doc.id)
        if error is not None:
            print(f"{path}: {error.code}: {' '.join(error.message.split())}", file=sys.stderr)
        rows.append(summary_row(str(path), result, error))
        if args.out is not None and result is not None:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{Path(doc.name).stem}.json").write_text(json.dumps(result.to_dict(), indent=2))
    succeeded = sum(1 for row in rows if row[1] == "ok")
    print_table(rows, sys.stdout)
    print(f"\n{succeeded} of {len(paths)} documents processed; task {port.status(task_id)}")
    if port.status(task_id) == CANCELLED:
        return EXIT_INTERRUPTED
    return exit_code(len(paths) - succeeded)
