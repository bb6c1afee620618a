"""Concurrency on the real database (SQLite in WAL mode by default): the flow thread writes progress and
rescored anomalies while users poll the status, read the document and PATCH it. No request fails, no
"database is locked", no correction is lost."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connections

from django_api.invoices.models import Anomaly, FieldCorrection, OcrTask, SupersededChecks
from django_api.invoices.services.pipeline_records import document_checks_replace, task_progress_save
from django_api.invoices.services.uploads import invoice_upload
from django_api.orchestration.django_port import DjangoPort
from tests.django_api.conftest import client_for, png_bytes, upload

ROUNDS = 40


def _flow(task_id, document_id) -> None:
    """What the flow thread writes: the task's progress and the document's rescored anomalies."""
    for i in range(ROUNDS):
        task_progress_save(
            task_id=task_id,
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


def _reader(user, paths: list[str], errors: list[str]) -> None:
    """A user polling the task status, the document and the summary."""
    reader_client = client_for(user)
    for _ in range(ROUNDS):
        for path in paths:
            response = reader_client.get(path)
            if response.status_code != 200:
                errors.append(f"GET {path}: {response.status_code} {response.content[:200]!r}")


def _patcher(user, fields_path: str, errors: list[str]) -> None:
    """A user correcting the total ROUNDS times."""
    patch_client = client_for(user)
    for i in range(ROUNDS):
        response = patch_client.patch(fields_path, {"fields": {"total": f"{i}.00"}}, format="json")
        if response.status_code != 200:
            errors.append(f"PATCH {i}: {response.status_code} {response.content[:200]!r}")


def _run_together(bodies, errors: list[str]) -> None:
    """Run `bodies` in threads started at once; an exception of one is collected in `errors`."""
    start = threading.Barrier(len(bodies))

    def guarded(body):
        def run():
            try:
                start.wait(10)
                body()
            except Exception as exc:  # noqa: BLE001 (collected and asserted by the test)
                errors.append(f"{type(exc).__name__}: {exc}")
            finally:
                connections.close_all()

        return run

    threads = [threading.Thread(target=guarded(body)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not any(t.is_alive() for t in threads), "a thread hung"


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
    running = invoice_upload(user=alice, project=project, files=[upload("run.png", png_bytes(2))]).task
    DjangoPort().mark_running(str(running.id), flow_run_id="flow-1")
    errors: list[str] = []
    document_path = f"/api/projects/{project.pk}/documents/{document_id}/"
    paths = [
        f"/api/projects/{project.pk}/ocr-status/{running.id}/",
        document_path,
        f"/api/projects/{project.pk}/summary/",
    ]

    began = time.monotonic()
    _run_together(
        [
            lambda: _flow(running.id, document_id),
            lambda: _reader(alice, paths, errors),
            lambda: _patcher(alice, document_path + "fields/", errors),
        ],
        errors,
    )
    assert errors == [], errors[:5]
    corrections = list(
        FieldCorrection.objects.filter(document_id=document_id).values_list("new_value", flat=True)
    )
    assert corrections == [f"{i}.00" for i in range(ROUNDS)]
    detail = client.get(document_path).json()
    assert detail["fields"]["total"]["value"] == f"{ROUNDS - 1}.00"
    assert detail["fields"]["total"]["original_value"] == "12.50"
    # every write (the flow's rescores and the reviewers' re-checks) replaced the checks in turn: none
    # is lost, each superseded state is in the audit trail, the version counts them all, and what is
    # current is what the last writer stored
    audit = list(SupersededChecks.objects.filter(document_id=document_id))
    assert sorted(a.reason for a in audit) == ["correction"] * ROUNDS + ["rescore"] * ROUNDS
    assert [a.result_version for a in audit] == list(range(1, 2 * ROUNDS + 1))
    assert detail["result_version"] == 2 * ROUNDS + 1
    current = [a.explanation for a in Anomaly.objects.filter(document_id=document_id)]
    if audit[-1].reason == "rescore":
        assert current == [f"round {ROUNDS - 1}"]
    else:
        assert not any(text.startswith("round ") for text in current)
    task = OcrTask.objects.get(pk=running.id)
    assert (task.status, task.pages_done) == ("running", ROUNDS - 1)
    assert time.monotonic() - began < 120
