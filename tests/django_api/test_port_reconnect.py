"""DjangoPort after Prefect's `TerminationSignal` interrupted a query in the flow's thread: the connection
is left mid-command ("another command is already in progress" on PostgreSQL) and the salvage of a
cancelled run must still end its task. Outside a transaction such a failure closes the connection and
the call is made again; inside one it is raised (the transaction is lost anyway)."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection, transaction

from django_api.invoices.models import OcrTask
from django_api.invoices.services import pipeline_records
from django_api.orchestration.django_port import DjangoPort
from tests.django_api.test_requeue import queued_task  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_call_on_a_connection_left_mid_command_is_made_again_on_a_new_one(
    alice_client,
    queued_task,  # noqa: F811
    monkeypatch,
):
    task, _ = queued_task
    DjangoPort().mark_running(str(task.pk), flow_run_id=None)
    finish = pipeline_records.task_finish
    closed, calls = [], []

    def interrupted_once(**kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            raise OperationalError("sending query failed: another command is already in progress")
        return finish(**kwargs)

    close = connection.close
    monkeypatch.setattr(pipeline_records, "task_finish", interrupted_once)
    monkeypatch.setattr(connection, "close", lambda: (closed.append(True), close()))

    DjangoPort().finish_task(str(task.pk), "cancelled")

    assert len(calls) == 2 and closed == [True]
    assert OcrTask.objects.get(pk=task.pk).status == "cancelled"


def test_inside_a_transaction_the_failure_is_raised(alice_client, queued_task, monkeypatch):  # noqa: F811
    task, _ = queued_task

    def broken(**kwargs):
        raise OperationalError("server closed the connection")

    monkeypatch.setattr(pipeline_records, "task_finish", broken)
    with pytest.raises(OperationalError), transaction.atomic():
        DjangoPort().finish_task(str(task.pk), "cancelled")
