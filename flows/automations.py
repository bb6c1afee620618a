"""Zombie flow runs: the Prefect automation that marks a run Crashed when its heartbeats stop.

A flow run started by a worker sends `prefect.flow-run.heartbeat` events every
`PREFECT_FLOWS_HEARTBEAT_FREQUENCY` seconds (Prefect's default 180, at least 30). When the machine, the
worker or the flow process dies, nothing ends the run: it would stay Running. The automation (Prefect 3
"Detect zombie flows") expects, after each heartbeat, another heartbeat or a final state within
`missed` heartbeat intervals, and otherwise sets the run Crashed. The API's recovery
(`django_api.orchestration.seam`) does not wait for it: it reads the last heartbeat itself
(`flows.run_liveness`); the automation keeps Prefect's own view (UI, concurrency slots) true.

Created once per Prefect server, idempotently (an automation of the same name is replaced only when its
window differs): by `python -m flows.serve`, `scripts/local_stack.py`, or by hand on a shared server:

    PREFECT_API_URL=http://<prefect-host>:4200/api python -m flows.automations [--heartbeat-seconds 30]
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import timedelta

ZOMBIE_AUTOMATION = "ocr: crash zombie flow runs"
DEFAULT_MISSED_HEARTBEATS = 3
FINAL_EVENTS = (
    "prefect.flow-run.Completed",
    "prefect.flow-run.Failed",
    "prefect.flow-run.Cancelled",
    "prefect.flow-run.Crashed",
)


def heartbeat_seconds() -> int:
    """The flow-run heartbeat interval the workers use (`PREFECT_FLOWS_HEARTBEAT_FREQUENCY`, Prefect's
    default 180 s; Prefect sends none more often than every 30 s)."""
    raw = os.environ.get("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "").strip()  # as the workers get it
    if raw:
        return max(30, int(raw))
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY  # else a Prefect profile's, or 180

    value = PREFECT_FLOWS_HEARTBEAT_FREQUENCY.value()
    return max(30, int(value)) if value else 180


def zombie_automation(*, heartbeat: int, missed: int = DEFAULT_MISSED_HEARTBEATS):
    """The automation (not yet created): Crashed when no heartbeat nor final state follows a heartbeat
    within `missed` intervals."""
    from prefect.automations import Automation
    from prefect.client.schemas.objects import StateType
    from prefect.events.actions import ChangeFlowRunState
    from prefect.events.schemas.automations import EventTrigger, Posture
    from prefect.events.schemas.events import ResourceSpecification

    return Automation(
        name=ZOMBIE_AUTOMATION,
        description="Marks a flow run Crashed when its heartbeats stop (its worker or machine died).",
        trigger=EventTrigger(
            after={"prefect.flow-run.heartbeat"},
            expect={"prefect.flow-run.heartbeat", *FINAL_EVENTS},
            match=ResourceSpecification({"prefect.resource.id": ["prefect.flow-run.*"]}),
            for_each={"prefect.resource.id"},
            posture=Posture.Proactive,
            threshold=1,
            within=timedelta(seconds=heartbeat * missed),
        ),
        actions=[
            ChangeFlowRunState(
                state=StateType.CRASHED,
                message=f"Flow run marked as crashed: no heartbeat for {heartbeat * missed} s.",
            )
        ],
    )


def ensure_zombie_automation(*, heartbeat: int | None = None, missed: int = DEFAULT_MISSED_HEARTBEATS):
    """Create the zombie automation on the current Prefect API unless one with the same name and window
    exists (a different window replaces it). Returns the automation's id."""
    from prefect import get_client

    wanted = zombie_automation(heartbeat=heartbeat or heartbeat_seconds(), missed=missed)
    with get_client(sync_client=True) as client:
        existing = client.read_automations_by_name(ZOMBIE_AUTOMATION)
        for automation in existing:
            if automation.trigger.within == wanted.trigger.within and automation.enabled:
                return automation.id
        for automation in existing:
            client.delete_automation(automation.id)
    return wanted.create().id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flows.automations", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--heartbeat-seconds",
        type=int,
        default=None,
        help="the workers' PREFECT_FLOWS_HEARTBEAT_FREQUENCY (default: this environment's, else 180)",
    )
    parser.add_argument("--missed", type=int, default=DEFAULT_MISSED_HEARTBEATS)
    args = parser.parse_args(argv)
    if not os.environ.get("PREFECT_API_URL"):
        print("set PREFECT_API_URL to the Prefect server's API", file=sys.stderr)
        return 2
    automation_id = ensure_zombie_automation(heartbeat=args.heartbeat_seconds, missed=args.missed)
    print(f"automation {ZOMBIE_AUTOMATION!r}: {automation_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
