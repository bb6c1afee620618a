"""The recovery watcher of distributed mode (`manage.py recover_tasks --watch`, `seam.watch`): a task whose
flow run lost its worker is re-queued as a new flow run, a cancel whose worker is gone ends `cancelled`,
a task whose flow run could not be created is handed to Prefect again once it is old enough, and pending
webhook deliveries are left to the process sending them. Whether a run is alive is tested against a real
Prefect server in tests/flows/test_distributed_liveness.py; here it is given."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from django_api.invoices.models import Document, OcrTask
from django_api.orchestration import seam

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def distributed(settings, monkeypatch):
    settings.OCR_PIPELINE_MODE = "distributed"
    settings.OCR_MAX_ATTEMPTS = 3
    dispatched, webhooks = [], []
    monkeypatch.setattr(seam, "_run_deployment", dispatched.append)
    monkeypatch.setattr(seam, "webhooks_dispatch", lambda delivery_ids: webhooks.append(delivery_ids))
    monkeypatch.setattr(seam, "flow_run_is_active", lambda flow_run_id: flow_run_id.startswith("live"))
    return dispatched, webhooks


def test_one_round_requeues_lost_runs_ends_orphaned_cancels_and_redispatches_old_undispatched_tasks(
    distributed, project, alice
):
    dispatched, webhooks = distributed
    lost = OcrTask.objects.create(
        project=project, created_by=alice, status="running", attempts=1, flow_run_id="gone"
    )
    kept = Document.objects.create(project=project, task=lost, name="a.png", status="processed")
    cut = Document.objects.create(project=project, task=lost, name="b.png", status="processing")
    exhausted = OcrTask.objects.create(
        project=project, created_by=alice, status="running", attempts=3, flow_run_id="gone-too"
    )
    alive = OcrTask.objects.create(
        project=project, created_by=alice, status="running", attempts=1, flow_run_id="live"
    )
    cancelling = OcrTask.objects.create(
        project=project, created_by=alice, status="cancelling", flow_run_id="gone-3"
    )
    fresh = OcrTask.objects.create(project=project, created_by=alice, status="queued")  # being dispatched now
    stale = OcrTask.objects.create(project=project, created_by=alice, status="queued")
    OcrTask.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - timedelta(minutes=5))

    seam.watch(interval=0.01, rounds=1)

    for task in (lost, exhausted, alive, cancelling, fresh, stale):
        task.refresh_from_db()
    assert (lost.status, lost.current_step) == ("queued", "requeued")
    assert exhausted.status == "failed" and exhausted.error_code == "interrupted"
    assert alive.status == "running"
    assert cancelling.status == "cancelled"
    assert sorted(dispatched) == sorted([str(lost.pk), str(stale.pk)])  # not the one a request dispatches
    kept.refresh_from_db(), cut.refresh_from_db()
    assert (kept.status, cut.status) == ("processed", "pending")  # saved work stays
    assert webhooks == []


def test_the_watcher_is_for_distributed_mode_and_needs_a_period(settings):
    settings.OCR_PIPELINE_MODE = "embedded"
    with pytest.raises(CommandError, match="distributed"):
        call_command("recover_tasks", "--watch", "5")
    settings.OCR_PIPELINE_MODE = "distributed"
    with pytest.raises(CommandError, match="positive"):
        call_command("recover_tasks", "--watch", "0")


def test_a_failing_round_does_not_end_the_watcher(distributed, monkeypatch):
    rounds = []

    def broken(**kwargs):
        rounds.append(kwargs)
        raise RuntimeError("database away")

    monkeypatch.setattr(seam, "recover_on_startup", broken)
    seam.watch(interval=0.01, rounds=3)
    assert len(rounds) == 3 and all(r["webhooks"] is False for r in rounds)


def test_a_queued_task_whose_flow_run_is_over_is_submitted_again_within_its_attempts(
    distributed, monkeypatch, project, alice
):
    dispatched, _ = distributed
    monkeypatch.setattr(
        seam, "queued_flow_run_over", lambda task_id, flow_run_id: flow_run_id.startswith("over")
    )
    old = timezone.now() - timedelta(minutes=5)

    def queued(flow_run_id: str, *, step: str = "", attempts: int = 0, age=old) -> OcrTask:
        task = OcrTask.objects.create(
            project=project,
            created_by=alice,
            status="queued",
            current_step=step,
            attempts=attempts,
            flow_run_id=flow_run_id,
        )
        OcrTask.objects.filter(pk=task.pk).update(updated_at=age)
        return task

    crashed = queued("over-1", step="requeued", attempts=1)  # on_crashed re-queued it, Prefect was down
    never_ran = queued("over-2")  # its run ended before a worker ran it
    used_up = queued("over-3", step="resubmitted", attempts=2)  # lost again: the third attempt
    waiting = queued("waiting-1", attempts=1)  # its run waits for a worker
    fresh = queued("over-4", age=timezone.now())  # changed just now: a request or hook may be on it

    seam.watch(interval=0.01, rounds=1)

    for task in (crashed, never_ran, used_up, waiting, fresh):
        task.refresh_from_db()
    assert sorted(dispatched) == sorted([str(crashed.pk), str(never_ran.pk)])
    assert (crashed.status, crashed.current_step, crashed.attempts) == ("queued", "resubmitted", 1)
    assert (never_ran.status, never_ran.attempts) == ("queued", 1)  # the lost run counts
    assert (used_up.status, used_up.error_code, used_up.attempts) == ("failed", "interrupted", 3)
    assert (waiting.status, waiting.current_step) == ("queued", "")
    assert (fresh.status, fresh.attempts) == ("queued", 0)


def test_a_crash_whose_resubmission_cannot_reach_prefect_is_submitted_by_the_watcher(
    distributed, monkeypatch, project, alice
):
    """The flow's on_crashed hook and the recovery re-queue through the same DjangoPort.requeue_task;
    when the hook cannot create the next flow run, the task is queued with its crashed run recorded and
    the watcher hands it to Prefect."""
    import flows.dispatch
    from django_api.orchestration.django_port import DjangoPort
    from flows.process import on_crashed
    from flows.settings import use_port

    dispatched, _ = distributed
    task = OcrTask.objects.create(
        project=project,
        created_by=alice,
        status="running",
        attempts=1,
        flow_run_id="over-crashed",
        current_step="ocr",
        pages_done=2,
    )
    kept = Document.objects.create(project=project, task=task, name="a.png", status="processed")
    cut = Document.objects.create(project=project, task=task, name="b.png", status="processing")

    def prefect_down(task_id, *, mode=None):
        raise ConnectionError("Prefect API unreachable")

    monkeypatch.setattr(flows.dispatch, "task_submit", prefect_down)

    class CrashedRun:
        parameters = {"task_id": str(task.pk)}
        deployment_id = "a deployment"

    with use_port(DjangoPort()), pytest.raises(ConnectionError):
        on_crashed(None, CrashedRun(), None)
    task.refresh_from_db()
    assert (task.status, task.current_step, task.attempts, task.pages_done) == ("queued", "requeued", 1, 0)

    OcrTask.objects.filter(pk=task.pk).update(updated_at=timezone.now() - timedelta(minutes=5))
    monkeypatch.setattr(
        seam, "queued_flow_run_over", lambda task_id, flow_run_id: flow_run_id == "over-crashed"
    )
    seam.watch(interval=0.01, rounds=1)

    task.refresh_from_db()
    assert dispatched == [str(task.pk)]
    assert (task.status, task.current_step, task.attempts) == ("queued", "resubmitted", 1)
    kept.refresh_from_db(), cut.refresh_from_db()
    assert (kept.status, cut.status) == ("processed", "pending")


def test_prefect_is_asked_with_no_task_row_locked(distributed, monkeypatch, project, alice):
    """Asking Prefect takes seconds under load, and the flows write the same rows (progress, the end of a
    cancel): the watcher holding them meanwhile delayed a cancel's end by ~20 s on the local stack."""
    from django.db import connection

    asked = []

    def is_active(flow_run_id):
        asked.append((flow_run_id, connection.in_atomic_block))
        return False

    def over(task_id, flow_run_id):
        asked.append((flow_run_id, connection.in_atomic_block))
        return False

    monkeypatch.setattr(seam, "flow_run_is_active", is_active)
    monkeypatch.setattr(seam, "queued_flow_run_over", over)
    OcrTask.objects.create(project=project, created_by=alice, status="running", attempts=1, flow_run_id="r1")
    OcrTask.objects.create(project=project, created_by=alice, status="cancelling", flow_run_id="c1")
    queued = OcrTask.objects.create(project=project, created_by=alice, status="queued", flow_run_id="q1")
    OcrTask.objects.filter(pk=queued.pk).update(updated_at=timezone.now() - timedelta(minutes=5))

    seam.watch(interval=0.01, rounds=1)

    assert sorted(asked) == [("c1", False), ("q1", False), ("r1", False)]
