"""flows.run_liveness and flows.automations against a real Prefect API (the session's test server): a
Running state is believed only while heartbeats come; the zombie automation is created once."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from prefect import flow, get_client
from prefect.events import emit_event
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect.states import Completed, Running

from flows.automations import ZOMBIE_AUTOMATION, ensure_zombie_automation
from flows.run_liveness import (
    flow_run_liveness,
    flow_run_mark_crashed,
    flow_run_over,
    pool_workers,
    runs_waiting_or_running,
)


@flow(name="liveness-probe")
def probe() -> None:
    return None


def a_flow_run(state=None) -> str:
    with get_client(sync_client=True) as client:
        run = client.create_flow_run(probe)
        if state is not None:
            client.set_flow_run_state(run.id, state, force=True)
    return str(run.id)


def wait_for(predicate, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    return predicate()


def test_a_scheduled_run_waits_for_a_worker_and_is_alive(prefect_api):
    from prefect.states import Scheduled

    liveness = flow_run_liveness(a_flow_run(Scheduled()), stale_after=0)
    assert liveness.alive and liveness.state == "SCHEDULED"


def test_a_running_run_without_heartbeats_is_alive_only_within_the_window(prefect_api):
    run_id = a_flow_run(Running())
    assert flow_run_liveness(run_id, stale_after=60).alive
    time.sleep(1.5)
    silent = flow_run_liveness(run_id, stale_after=1)
    assert not silent.alive and silent.state == "RUNNING"
    assert "no heartbeat since the run entered Running" in silent.reason


def test_a_heartbeat_keeps_a_running_run_alive(prefect_api):
    run_id = a_flow_run(Running())
    time.sleep(2.5)
    assert not flow_run_liveness(run_id, stale_after=2).alive
    emitted = datetime.now(UTC)
    emit_event(
        event="prefect.flow-run.heartbeat", resource={"prefect.resource.id": f"prefect.flow-run.{run_id}"}
    )

    def heartbeat_seen():  # the server stores events in batches: seen after a few seconds (more under load)
        liveness = flow_run_liveness(run_id, stale_after=300)
        return liveness.last_sign and liveness.last_sign >= emitted - timedelta(seconds=1) and liveness

    seen = wait_for(heartbeat_seen, 90)
    assert seen, flow_run_liveness(run_id, stale_after=300)
    assert seen.alive and "last sign of life" in seen.reason


def test_final_missing_and_crashed_runs_are_not_alive(prefect_api):
    done = flow_run_liveness(a_flow_run(Completed()), stale_after=600)
    assert not done.alive and done.state == "COMPLETED"
    assert flow_run_liveness(str(uuid4()), stale_after=600).state is None
    assert not flow_run_liveness(str(uuid4()), stale_after=600).alive
    run_id = a_flow_run(Running())
    flow_run_mark_crashed(run_id, "no worker")
    crashed = flow_run_liveness(run_id, stale_after=600)
    assert not crashed.alive and crashed.state == "CRASHED"


def test_an_unreachable_api_never_takes_a_run_from_its_worker(prefect_api):
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:9/api"}):
        liveness = flow_run_liveness(str(uuid4()), stale_after=0)
    assert liveness.alive and "unreadable" in liveness.reason


def test_the_zombie_automation_is_created_once_and_replaced_when_its_window_changes(prefect_api):
    first = ensure_zombie_automation(heartbeat=30, missed=3)
    assert ensure_zombie_automation(heartbeat=30, missed=3) == first
    with get_client(sync_client=True) as client:
        [automation] = client.read_automations_by_name(ZOMBIE_AUTOMATION)
    assert automation.trigger.within == timedelta(seconds=90)
    assert automation.trigger.after == {"prefect.flow-run.heartbeat"}
    assert automation.actions[0].state.value == "CRASHED"
    second = ensure_zombie_automation(heartbeat=30, missed=2)
    assert second != first
    with get_client(sync_client=True) as client:
        [automation] = client.read_automations_by_name(ZOMBIE_AUTOMATION)
    assert automation.id == second and automation.trigger.within == timedelta(seconds=60)


def test_pool_workers_of_a_pool_without_workers_is_empty_and_a_missing_pool_raises(prefect_api):
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectNotFound, PrefectHTTPStatusError

    name = f"pool-{uuid4().hex[:8]}"
    with get_client(sync_client=True) as client:
        client.create_work_pool(WorkPoolCreate(name=name, type="process"))
    assert pool_workers(name) == []
    with pytest.raises((ObjectNotFound, PrefectHTTPStatusError)):
        pool_workers(f"missing-{uuid4().hex[:8]}")


@flow(name="liveness-task-probe")
def task_probe(task_id: str) -> None:
    return None


def test_a_task_is_over_only_when_its_run_is_final_or_missing_and_no_other_run_waits_for_it(prefect_api):
    from prefect.states import Crashed, Scheduled

    task_id = str(uuid4())
    with get_client(sync_client=True) as client:
        crashed = client.create_flow_run(task_probe, parameters={"task_id": task_id}, state=Crashed())
        other = client.create_flow_run(task_probe, parameters={"task_id": str(uuid4())}, state=Scheduled())
    assert flow_run_over(str(crashed.id)) and flow_run_over(str(uuid4()))  # final; missing
    assert not flow_run_over(str(other.id))  # waits for a worker
    assert not runs_waiting_or_running("task_id", task_id)  # another task's run does not count
    with get_client(sync_client=True) as client:
        client.create_flow_run(task_probe, parameters={"task_id": task_id}, state=Scheduled())
    assert runs_waiting_or_running("task_id", task_id)
