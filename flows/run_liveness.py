"""Is a worker-run flow run still alive, and which workers poll a pool? Read from the Prefect API.

A Running (or Cancelling, or Pending) state alone proves nothing: a worker machine that died leaves its
runs Running. A run counts as alive while its last `prefect.flow-run.heartbeat` event (or, before the
first one, the start of its state) is younger than `stale_after` seconds; the recovery uses
`OCR_HEARTBEAT_MISSED` (default 3) x `PREFECT_FLOWS_HEARTBEAT_FREQUENCY`. A run Scheduled and not yet
picked up by any worker is alive (it waits in the pool). When the API cannot be read, the run counts as
alive: a task is never taken from a live worker on a guess.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

logger = logging.getLogger(__name__)

HEARTBEAT_EVENT = "prefect.flow-run.heartbeat"
WAITING_STATES = frozenset({"SCHEDULED", "PAUSED"})  # not picked up yet: no process to send heartbeats
FINAL_STATES = frozenset({"COMPLETED", "FAILED", "CANCELLED", "CRASHED"})
ACTIVE_STATES = ("SCHEDULED", "PENDING", "RUNNING", "CANCELLING", "PAUSED")
RUNS_PAGE = 200


def prefect_client(api_url: str | None = None):
    """A synchronous Prefect client for `api_url` (the caller's setting, e.g. Django's `PREFECT_API_URL`),
    or for this process's Prefect settings when None."""
    from prefect import get_client

    if api_url is None:
        return get_client(sync_client=True)
    from prefect.client.orchestration import SyncPrefectClient

    return SyncPrefectClient(api_url, httpx_settings={"timeout": 10})


@dataclass(frozen=True, slots=True)
class Liveness:
    alive: bool
    state: str | None  # Prefect state type, None when the run does not exist
    reason: str
    last_sign: datetime | None = None  # last heartbeat, or the state's start before the first one


def last_heartbeat(client, flow_run_id: UUID, since: datetime) -> datetime | None:
    from prefect.events.filters import (
        EventFilter,
        EventNameFilter,
        EventOccurredFilter,
        EventResourceFilter,
    )

    page = client.read_events(
        EventFilter(
            occurred=EventOccurredFilter(since=since, until=datetime.now(UTC) + timedelta(minutes=1)),
            event=EventNameFilter(name=[HEARTBEAT_EVENT]),
            resource=EventResourceFilter(id=[f"prefect.flow-run.{flow_run_id}"]),
        ),
        limit=1,
    )
    return page.events[0].occurred if page.events else None


def flow_run_liveness(
    flow_run_id: str, *, stale_after: float, now: datetime | None = None, api_url: str | None = None
) -> Liveness:
    from prefect.exceptions import ObjectNotFound

    now = now or datetime.now(UTC)
    try:
        run_id = UUID(str(flow_run_id))
    except ValueError:
        return Liveness(False, None, f"not a flow run id: {flow_run_id!r}")
    try:
        with prefect_client(api_url) as client:
            try:
                run = client.read_flow_run(run_id)
            except ObjectNotFound:
                return Liveness(False, None, "no such flow run")
            state = run.state
            kind = state.type.value if state is not None else None
            if kind in FINAL_STATES:
                return Liveness(False, kind, f"the flow run is {state.name}")
            if kind is None or kind in WAITING_STATES:
                return Liveness(True, kind, "waiting for a worker")
            started = state.timestamp
            beat = last_heartbeat(client, run_id, since=(run.start_time or started) - timedelta(minutes=1))
    except Exception as exc:  # noqa: BLE001 - an unreachable API must not take a task from a live worker
        logger.warning("cannot read flow run %s: %s", flow_run_id, exc)
        return Liveness(True, None, f"Prefect API unreadable: {exc.__class__.__name__}")
    sign = max(beat, started) if beat is not None else started
    silent = (now - sign).total_seconds()
    if silent > stale_after:
        what = "heartbeat" if beat is not None else "heartbeat since the run entered " + state.name
        return Liveness(False, kind, f"no {what} for {silent:.0f} s (> {stale_after:.0f} s)", sign)
    return Liveness(True, kind, f"last sign of life {silent:.0f} s ago", sign)


def flow_run_over(flow_run_id: str, *, api_url: str | None = None) -> bool:
    """Whether this flow run is missing or in a final state (never a guess: False when the API cannot be
    read)."""
    liveness = flow_run_liveness(flow_run_id, stale_after=float("inf"), api_url=api_url)
    return not liveness.alive and (liveness.state is None or liveness.state in FINAL_STATES)


def runs_waiting_or_running(parameter: str, value: str, *, api_url: str | None = None) -> bool:
    """Whether any flow run not yet final (scheduled, pending, running, cancelling, paused) has
    `parameters[parameter] == value`, e.g. another run of the same task. True when the API cannot be read
    or holds more active runs than it is worth paging through (10 pages of 200): never a guess that
    leads to a second run of the same work."""
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterState, FlowRunFilterStateType
    from prefect.client.schemas.objects import StateType

    active = FlowRunFilter(
        state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType(s) for s in ACTIVE_STATES]))
    )
    try:
        with prefect_client(api_url) as client:
            for page in range(10):
                runs = client.read_flow_runs(flow_run_filter=active, limit=RUNS_PAGE, offset=page * RUNS_PAGE)
                if any(str((run.parameters or {}).get(parameter)) == str(value) for run in runs):
                    return True
                if len(runs) < RUNS_PAGE:
                    return False
    except Exception as exc:  # noqa: BLE001
        logger.warning("cannot list active flow runs: %s", exc)
    return True


def flow_run_mark_crashed(flow_run_id: str, message: str, *, api_url: str | None = None) -> None:
    """Tell Prefect a run whose heartbeats stopped is Crashed (what the zombie automation would do), so
    that the UI and a process that comes back agree with the recovery. Best effort."""
    from prefect.states import Crashed

    try:
        with prefect_client(api_url) as client:
            client.set_flow_run_state(UUID(str(flow_run_id)), Crashed(message=message), force=True)
    except Exception as exc:  # noqa: BLE001
        logger.warning("could not mark flow run %s crashed: %s", flow_run_id, exc)


@dataclass(frozen=True, slots=True)
class PoolWorker:
    name: str
    status: str  # Prefect's ONLINE | OFFLINE
    last_heartbeat: datetime | None
    seconds_since: float | None


def pool_workers(pool: str, *, now: datetime | None = None, api_url: str | None = None) -> list[PoolWorker]:
    """The workers Prefect knows for a work pool, newest heartbeat first. Raises when the API cannot
    be read or the pool does not exist (`prefect.exceptions.ObjectNotFound`)."""
    now = now or datetime.now(UTC)
    with prefect_client(api_url) as client:
        workers = client.read_workers_for_work_pool(pool)
    found = [
        PoolWorker(
            name=w.name,
            status=getattr(w.status, "value", str(w.status)),
            last_heartbeat=w.last_heartbeat_time,
            seconds_since=(now - w.last_heartbeat_time).total_seconds() if w.last_heartbeat_time else None,
        )
        for w in workers
    ]
    return sorted(found, key=lambda w: w.seconds_since if w.seconds_since is not None else float("inf"))
