"""`manage.py seed_demo`: a demo user `demo` and a project "Demo" with sample documents processed.

The password comes from `--password`, else `OCR_DEMO_PASSWORD`, else one is generated and printed; it must
pass the project's password validators (`AUTH_PASSWORD_VALIDATORS`).
Sample documents are taken from the corpus (`OCR_CORPUS_DIR`, default `../shared/corpus`) when it exists,
and processed in this process before the command returns (idempotent: a Demo project that already has
documents is left alone)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError

from django_api.invoices.models import Project
from django_api.invoices.services.projects import project_create
from django_api.invoices.services.uploads import invoice_upload
from django_api.orchestration.seam import dispatch, run_task

DEMO_USER, DEMO_PROJECT = "demo", "Demo"
SAMPLES = (
    "invoice2data-dev/images/AzureInterior.pdf",
    "invoice2data-dev/images/coolblue1.pdf",
    "sroie-sample/images/X00016469672.jpg",
    "sroie-sample/images/X00016469623.jpg",
)


def corpus_dir() -> Path:
    return Path(os.environ.get("OCR_CORPUS_DIR", settings.BASE_DIR.parent / "shared" / "corpus"))


class Command(BaseCommand):
    help = "Create the demo user and project and process sample documents."

    def add_arguments(self, parser):
        parser.add_argument("--password", default=os.environ.get("OCR_DEMO_PASSWORD", ""))
        parser.add_argument("--no-process", action="store_true", help="do not upload or process samples")

    def handle(self, *args, password: str = "", no_process: bool = False, **options):
        generated = not password
        password = password or secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(username=DEMO_USER)
        try:
            validate_password(password, user)  # the project's password validators, as for any user
        except ValidationError as exc:
            raise CommandError("the demo password is refused: " + " ".join(exc.messages)) from exc
        user.set_password(password)
        user.save()
        project = Project.objects.filter(owner=user, name=DEMO_PROJECT).first() or project_create(
            user=user, name=DEMO_PROJECT
        )
        note = " (generated)" if generated else ""
        self.stdout.write(
            f"demo user: {DEMO_USER}  password: {password}{note}  project: {DEMO_PROJECT} (id {project.pk})"
        )
        if no_process or project.documents.exists():
            return
        root = corpus_dir()
        files = [
            SimpleUploadedFile(Path(rel).name, (root / rel).read_bytes())
            for rel in SAMPLES
            if (root / rel).is_file()
        ]
        if not files:
            self.stdout.write(
                f"no sample documents found under {root}; the Demo project is empty "
                "(set OCR_CORPUS_DIR to the folder holding invoice2data-dev/ and sroie-sample/)"
            )
            return
        outcome = invoice_upload(user=user, project=project, files=files)
        if settings.OCR_PIPELINE_MODE == "distributed":
            dispatch(task_id=str(outcome.task.id))  # a worker processes it
        else:
            run_task(task_id=str(outcome.task.id))  # process here, before the API starts
        outcome.task.refresh_from_db()
        self.stdout.write(
            f"processed {len(outcome.documents)} sample document(s):"
            f" task {outcome.task.id} {outcome.task.status}"
        )
