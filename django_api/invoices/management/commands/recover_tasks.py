"""`manage.py recover_tasks`: re-queue (or fail as `interrupted`) the tasks a crash left running.

Without `--run` it only fixes the records and hands the tasks to the configured pipeline (in distributed
mode: new flow runs; in embedded mode the API server's executor picks them up at its start, see
`django_api/config/gunicorn_conf.py`). With `--run` the queued tasks are processed here, one by one.

`--watch SECONDS` (distributed mode): keep doing it every SECONDS until stopped. A Running flow run whose
heartbeats stopped (its worker or machine died) is taken as gone: its task becomes a new flow run
(counting the attempt, up to `OCR_MAX_ATTEMPTS`) and a task being cancelled ends `cancelled`. A queued
task whose flow run is missing or over, with no other run for it (its crash re-queue could not reach
Prefect), is submitted again. Run one such watcher next to the API (docs/operations.md)."""

from __future__ import annotations

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from django_api.invoices.services.recovery import tasks_recover_interrupted
from django_api.orchestration import seam


class Command(BaseCommand):
    help = "Recover tasks left running by a crash or restart (--watch: keep watching, distributed mode)."

    def add_arguments(self, parser):
        parser.add_argument("--run", action="store_true", help="process the re-queued tasks in this process")
        parser.add_argument(
            "--watch",
            type=float,
            default=None,
            metavar="SECONDS",
            help="distributed mode: recover again every SECONDS until SIGINT/SIGTERM",
        )

    def handle(self, *args, run: bool = False, watch: float | None = None, **options):
        distributed = settings.OCR_PIPELINE_MODE == "distributed"
        if watch is not None:
            if not distributed:
                raise CommandError("--watch is for OCR_PIPELINE_MODE=distributed")
            if watch <= 0:
                raise CommandError("--watch needs a positive number of seconds")
            stop = threading.Event()
            for sig in (signal.SIGINT, signal.SIGTERM):
                signal.signal(sig, lambda *_: stop.set())
            self.stdout.write(f"watching every {watch:g} s (Ctrl-C stops)")
            self.stdout.flush()
            seam.watch(interval=watch, stop=stop)
            return
        if distributed:
            task_ids = seam.recover_on_startup()  # new flow runs for interrupted tasks
        elif run:
            task_ids = tasks_recover_interrupted(max_attempts=settings.OCR_MAX_ATTEMPTS)
            for task_id in task_ids:
                seam.run_task(task_id=task_id)
        else:  # the API server's executor picks the queued tasks up when it starts
            task_ids = tasks_recover_interrupted(max_attempts=settings.OCR_MAX_ATTEMPTS, requeue_queued=False)
        self.stdout.write(f"recovered {len(task_ids)} task(s)")
