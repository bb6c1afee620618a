"""Time of a reviewer's correction and approval, each re-checked at once within its request.

Usage:
    .venv/bin/python bench/review_recheck.py [--documents 6] [--rounds 3]

Starts nothing external: a temporary SQLite database and data folder, Django's test client against the
real API views, the real flow (Tesseract, extraction, Great Expectations, anomaly scoring) to process a
few corpus documents (invoice2data text-layer PDFs and SROIE receipts), then per document: a PATCH of
the total (a correction: the suites and anomaly rules run again on the current values, the old reports
are archived) and an approval (re-checked again). Prints the time per request, and the part of it that
is the re-check (`document_checks_run`) measured alone, with Great Expectations' own validation call for
the same one invoice as the reference (the fixed cost the issue names, ~0.3 s per call).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
sys.path.insert(0, str(REPO))
os.environ["OCR_DATA_DIR"] = tempfile.mkdtemp(prefix="ocr-bench-review-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "django_api.config.settings_test")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="ocr-bench-prefect-"))
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def _files(count: int) -> list[Path]:
    pdfs = sorted((CORPUS / "invoice2data-dev" / "images").glob("*.pdf"))
    receipts = sorted((CORPUS / "sroie-sample" / "images").glob("*.jpg"))
    picked: list[Path] = []
    for pair in zip(pdfs, receipts, strict=False):
        picked.extend(pair)
    return picked[:count]


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} / {max(values) * 1000:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=3, help="corrections per document")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from rest_framework.test import APIClient

    from django_api.invoices.models import Document
    from django_api.invoices.reviewed_values import reviewed_invoice
    from django_api.invoices.services.projects import project_create
    from django_api.orchestration.seam import document_checks_run

    settings.OCR_FLOW = "flows.dispatch:task_submit"  # the real flow, in this process
    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_user(username="bench", password="bench-pw-123")
    project = project_create(user=user, name="bench")
    client = APIClient()
    client.force_authenticate(user)

    started = time.perf_counter()
    files = [SimpleUploadedFile(p.name, p.read_bytes()) for p in _files(args.documents)]
    upload = client.post(
        f"/api/projects/{project.pk}/process-invoices/", {"files": files}, format="multipart"
    )
    assert upload.status_code == 202, upload.content
    processed = Document.objects.filter(project=project, status="processed").select_related("result")
    print(
        f"# Review re-check: {processed.count()} documents processed by the real flow in "
        f"{time.perf_counter() - started:.1f} s"
    )

    from expectations.runner import validate_batch

    patch_times, approve_times, check_times, gx_times = [], [], [], []
    for document in processed:
        base = f"/api/projects/{project.pk}/documents/{document.id}/"
        for i in range(args.rounds):
            began = time.perf_counter()
            response = client.patch(base + "fields/", {"fields": {"total": f"{100 + i}.00"}}, format="json")
            patch_times.append(time.perf_counter() - began)
            assert response.status_code == 200, response.content
        document.refresh_from_db()
        began = time.perf_counter()
        document_checks_run(document)
        check_times.append(time.perf_counter() - began)
        invoice = reviewed_invoice(document.result)
        began = time.perf_counter()
        validate_batch({str(document.id): invoice})
        gx_times.append(time.perf_counter() - began)
        began = time.perf_counter()
        response = client.post(base + "approve/", {"force": True, "reason": "bench"}, format="json")
        approve_times.append(time.perf_counter() - began)
        assert response.status_code == 200, response.content

    print("\n| step | n | median / max ms |\n|---|---|---|")
    print(f"| PATCH a correction (re-checked in the request) | {len(patch_times)} | {_ms(patch_times)} |")
    print(f"| approve (re-checked in the request) | {len(approve_times)} | {_ms(approve_times)} |")
    print(f"| the re-check alone (suites + anomaly rules) | {len(check_times)} | {_ms(check_times)} |")
    print(f"| reference: GX validate_batch of one invoice | {len(gx_times)} | {_ms(gx_times)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
