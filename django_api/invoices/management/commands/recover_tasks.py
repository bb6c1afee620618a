"""`manage.py recover_tasks`: re-queue (or fail as `interrupted`) the tasks a crash left running.

Without `--run` it only fixes the records and hands the tasks to the configured pipeline (in distributed
mode: new flow runs; in embedded mode the API server's executor picks them up at its start, see
`django_api/config/gunicorn_conf.py`). With `--run` the queued tasks are processed here, one by one."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from django_api.invoices.services.recovery import tasks_recover_interrupted
from django_api.orchestration import seam


class Command(BaseCommand):
    help = "Recover tasks left running by a crash or restart."

    def add_arguments(self, parser):
        parser.add_argument("--run", action="store_true", help="process the re-queued tasks in this process")

    def handle(self, *args, run: bool = False, **options):
        if settings.OCR_PIPELINE_MODE == "distributed":
            task_ids = seam.recover_on_startup()  # new flow runs for interrupted tasks
        elif run:
            task_ids = tasks_recover_interrupted(max_attempts=settings.OCR_MAX_ATTEMPTS)
            for task_id in task_ids:
                seam.run_task(task_id=task_id)
        else:  # the API server's executor picks the queued tasks up when it starts
            task_ids = tasks_recover_interrupted(max_attempts=settings.OCR_MAX_ATTEMPTS, requeue_queued=False)
        self.stdout.write(f"recovered {len(task_ids)} task(s)")
