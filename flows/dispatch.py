"""Execution modes: how a queued task reaches `process_invoices` (`OCR_PIPELINE_MODE`).

- `embedded`: the flow runs in this process, now (the API's executor calls `task_submit` from a
  worker thread); the flow run is still recorded by the Prefect server or ephemeral API. It sends no
  heartbeats unless `PREFECT_FLOWS_HEARTBEAT_FREQUENCY` is set: Prefect's heartbeat thread sleeps in
  whole seconds and the run waits for it at the end (~1 s per run, most of a run's fixed cost), and
  what heartbeats detect (a run whose process died) the API process handles itself: its start-up
  recovery fails the tasks it left running, the flow's `on_crashed` hook the ones that crash. When the
  process stops (SIGTERM/SIGINT), its runs stop at their next safe point and hand their tasks back to
  the queue (`flows.shutdown`).
- `distributed`: a flow run of the `process-invoices` deployment is created and this returns at once
  (`run_deployment(..., timeout=0)`); a Prefect worker on any machine runs it.

`flow_run_cancel` asks Prefect to cancel a run (the worker stops it; the flow's cancellation hook
marks the task `cancelled`). The cooperative flag in the port works in both modes; a running flow also
asks `flow_run_cancel_requested` now and then, so that a cancel from the Prefect UI reaches a run no
worker can stop (embedded mode: the flow runs inside the API process).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from flows import shutdown
from flows.prefect_api import ensure_prefect_api
from flows.settings import DISTRIBUTED, EMBEDDED, deployment_name, pipeline_mode


@dataclass(frozen=True, slots=True)
class Submission:
    task_id: str
    mode: str
    flow_run_id: str | None = None
    summary: dict[str, Any] = field(default_factory=dict)  # embedded mode: what the flow returned


def task_submit(task_id: str, *, mode: str | None = None) -> Submission:
    mode = mode or pipeline_mode()
    if mode == DISTRIBUTED:
        from prefect.deployments import run_deployment

        flow_run = run_deployment(
            deployment_name(), parameters={"task_id": task_id}, timeout=0, as_subflow=False
        )
        return Submission(task_id=task_id, mode=DISTRIBUTED, flow_run_id=str(flow_run.id))
    summary = {"task_id": task_id, "status": "queued"}  # what a run the process stops returns
    if shutdown.requested():  # stopping: the task stays queued for the next start
        return Submission(task_id=task_id, mode=EMBEDDED, summary=summary)
    shutdown.install()
    ensure_prefect_api()  # no PREFECT_API_URL: one ephemeral server for the process, orphans reaped
    with shutdown.embedded_run():
        try:
            state = run_embedded(task_id)
        except Exception:
            if not shutdown.requested():
                raise
            # Prefect failing at the end of a run the stop cut short: not the task's failure
            return Submission(task_id=task_id, mode=EMBEDDED, summary=summary)
    summary = state.result(raise_on_failure=False)
    flow_run_id = str(state.state_details.flow_run_id) if state.state_details.flow_run_id else None
    return Submission(
        task_id=task_id,
        mode=EMBEDDED,
        flow_run_id=flow_run_id,
        summary=summary if isinstance(summary, dict) else {"error": str(summary)},
    )


def run_embedded(task_id: str):
    """Run `process_invoices` here and now; returns its final Prefect state."""
    from flows.process import process_invoices

    if os.environ.get("PREFECT_FLOWS_HEARTBEAT_FREQUENCY"):
        return process_invoices(task_id, return_state=True)
    with _without_heartbeats():
        return process_invoices(task_id, return_state=True)


_quiet_settings: dict[int, tuple[Any, Any]] = {}  # id(settings) -> (settings, the same without heartbeats)


def _without_heartbeats():
    """The current Prefect settings with flow-run heartbeats off. Built once per settings object and
    reused (`temporary_settings` rebuilds every setting from the environment: ~50 ms per run)."""
    import prefect.context
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY

    context = prefect.context.get_settings_context()
    base = context.settings
    known = _quiet_settings.get(id(base))
    if known is None or known[0] is not base:
        if len(_quiet_settings) > 8:
            _quiet_settings.clear()
        known = _quiet_settings[id(base)] = (
            base,
            base.copy_with_update(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}),
        )
    return prefect.context.SettingsContext(profile=context.profile, settings=known[1])


NOT_STARTED = frozenset({"SCHEDULED", "PAUSED"})  # no process yet: nothing for a worker to stop


def flow_run_cancel(flow_run_id: str, *, api_url: str | None = None) -> None:
    """Ask Prefect to cancel a flow run (distributed mode; a no-op for runs already finished). A run no
    worker has picked up yet is Cancelled at once, so that it never starts; a started one is Cancelling
    and its worker stops it (when that worker is gone, the recovery ends the task: `seam.watch`)."""
    from prefect.states import Cancelled, Cancelling

    from flows.run_liveness import prefect_client

    with prefect_client(api_url) as client:  # api_url: the caller's setting, else Prefect's own
        run = client.read_flow_run(UUID(flow_run_id))
        if run.state is not None and run.state.is_final():
            return
        if run.state is not None and run.state.type.value in NOT_STARTED:
            client.set_flow_run_state(
                UUID(flow_run_id), Cancelled(message="the task was cancelled"), force=True
            )
        else:
            client.set_flow_run_state(UUID(flow_run_id), Cancelling(), force=True)


def flow_run_cancel_requested(flow_run_id: str) -> bool:
    """Whether Prefect was asked to cancel this flow run (its state is Cancelling or Cancelled). False
    when Prefect cannot be asked: the port's flag still works. Inside a flow run (a run asks every
    second) through the run's own open client: a new client per question costs a TLS context and a
    connection (~10 ms of CPU each)."""
    from prefect import get_client
    from prefect.client.orchestration import SyncPrefectClient
    from prefect.context import FlowRunContext

    run_client = getattr(FlowRunContext.get(), "client", None)
    try:
        if not isinstance(run_client, SyncPrefectClient):
            raise LookupError("no flow run's client here")
        state = run_client.read_flow_run(UUID(str(flow_run_id))).state
    except Exception:  # noqa: BLE001 - no run here, or its client closed: a client of its own
        try:
            with get_client(sync_client=True) as client:
                state = client.read_flow_run(UUID(str(flow_run_id))).state
        except Exception:  # noqa: BLE001 - an unreachable API must not fail the run
            return False
    return state is not None and (state.is_cancelling() or state.is_cancelled())
