"""Concurrency on the real database (SQLite in WAL mode by default): the flow thread writes progress and
rescored anomalies while users poll the status, read the document and PATCH it. No request fails, no
"database is locked", no correction is lost."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connections

from django_api.invoices.models import Anomaly, FieldCorrection, OcrTask
from django_api.invoices.services.pipeline_records import document_checks_replace, task_progress_save
from django_api.invoices.services.uploads import invoice_upload
from django_api.orchestration.django_port import DjangoPort
from tests.django_api.conftest import client_for, png_bytes, upload

ROUNDS = 40


@pytest.mark.django_db(transaction=True)
def test_flow_writes_while_users_read_and_patch(alice, project, settings):
    settings.OCR_EXECUTOR = "sync"
    client = client_for(alice)
    done = client.post(
        f"/api/projects/{project.pk}/process-invoices/",
        {"files": [upload("done.png", png_bytes(1))]},
        format="multipart",
    ).json()
    document_id = done["documents"][0]["id"]
    running = invoice_upload(
        user=alice, project=project, files=[upload("run.png", png_bytes(2))], dispatch=False
    ).task
    DjangoPort().mark_running(str(running.id), flow_run_id="flow-1")
    errors: list[str] = []
    start = threading.Barrier(3)

    def guarded(body):
        def run():
            try:
                start.wait(10)
                body()
            except Exception as exc:  # noqa: BLE001 (collected and asserted below)
                errors.append(f"{type(exc).__name__}: {exc}")
            finally:
                connections.close_all()

        return run

    def flow():
        for i in range(ROUNDS):
            task_progress_save(
                task_id=running.id,
                step="ocr",
                documents_done=0,
                documents_total=1,
                pages_done=i,
                pages_total=ROUNDS,
            )
            anomaly = {
                "kind": "outlier",
                "severity": "info",
                "score": i / ROUNDS,
                "explanation": f"round {i}",
            }
            document_checks_replace(document_id=document_id, validation=[], anomalies=[anomaly])

    def reader():
        reader_client = client_for(alice)
        for _ in range(ROUNDS):
            for path in (
                f"/api/projects/{project.pk}/ocr-status/{running.id}/",
                f"/api/projects/{project.pk}/documents/{document_id}/",
                f"/api/projects/{project.pk}/summary/",
            ):
                response = reader_client.get(path)
                if response.status_code != 200:
                    errors.append(f"GET {path}: {response.status_code} {response.content[:200]!r}")

    def patcher():
        patch_client = client_for(alice)
        for i in range(ROUNDS):
            response = patch_client.patch(
                f"/api/projects/{project.pk}/documents/{document_id}/fields/",
                {"fields": {"total": f"{i}.00"}},
                format="json",
            )
            if response.status_code != 200:
                errors.append(f"PATCH {i}: {response.status_code} {response.content[:200]!r}")

    threads = [threading.Thread(target=guarded(fn)) for fn in (flow, reader, patcher)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    assert errors == [], errors[:5]
    corrections = list(
        FieldCorrection.objects.filter(document_id=document_id).values_list("new_value", flat=True)
    )
    assert corrections == [f"{i}.00" for i in range(ROUNDS)]
    detail = client.get(f"/api/projects/{project.pk}/documents/{document_id}/").json()
    assert detail["fields"]["total"]["value"] == f"{ROUNDS - 1}.00"
    assert detail["fields"]["total"]["original_value"] == "12.50"
    assert [a.explanation for a in Anomaly.objects.filter(document_id=document_id)] == [f"round {ROUNDS - 1}"]
    task = OcrTask.objects.get(pk=running.id)
    assert (task.status, task.pages_done) == ("running", ROUNDS - 1)
    assert time.monotonic() - began < 120
