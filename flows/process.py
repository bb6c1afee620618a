"""The `process_invoices` flow: one task's documents, ingest -> OCR per page (in parallel) ->
extract -> validate (the batch as one frame) -> anomalies against the project's history -> save
(the stages: `flows.batch_processing.BatchProcessing`), and its Prefect hooks.

A run in a process that is stopping (`flows.shutdown`: SIGTERM/SIGINT of the API process in embedded
mode) stops at the same points and hands its task back to the queue; its flow run ends Cancelled, named
Interrupted.
A task cancelled through the port ends `cancelled` within a poll and the flow run ends in Prefect's
Cancelled state (the flow returns a `Cancelled` state carrying its summary); a flow run cancelled
through Prefect keeps what is finished (`BatchProcessing.salvage`) and its hook ends the task `cancelled`.
"""

from __future__ import annotations

from typing import Any

from prefect import flow
from prefect.exceptions import TerminationSignal
from prefect.runtime import flow_run as current_flow_run
from prefect.states import Cancelled as CancelledState
from prefect.states import State

from flows import shutdown
from flows.batch_processing import BatchProcessing, _runs_in_threads, error_info
from flows.port import CANCELLED, FAILED, QUEUED, PipelinePort, TaskInputs
from flows.project_settings import InvalidSettings, ProjectSettings, check_project_settings
from flows.runners import page_task_runner
from flows.settings import get_port
from ocr_tasks.errors import Cancelled
from ocr_tasks.result_types import ErrorInfo

__all__ = ["BatchProcessing", "_runs_in_threads", "error_info", "process_invoices"]


# runs of this process by task id, so that the cancellation hook can keep their finished documents.
# Reached only through these functions: the flow's code must not name it (Dask pickles the flow by
# value, and a run holds the port).
_active: dict[str, BatchProcessing] = {}


def start_run(
    port: PipelinePort, inputs: TaskInputs, settings: ProjectSettings, flow_run_id: str | None = None
) -> BatchProcessing:
    run = _active[inputs.task_id] = BatchProcessing(port, inputs, settings=settings, flow_run_id=flow_run_id)
    return run


def end_run(task_id: str) -> BatchProcessing | None:
    return _active.pop(task_id, None)


def refuse(port: PipelinePort, inputs: TaskInputs, error: ErrorInfo) -> dict[str, Any]:
    """End a task that cannot run (its project's settings are invalid): every document failed with the
    error, nothing read."""
    for source in inputs.documents:
        port.mark_document_failed(inputs.task_id, source.id, error)
    port.finish_task(inputs.task_id, FAILED, error=error)
    return {
        "task_id": inputs.task_id,
        "status": FAILED,
        "documents": {s.id: {"name": s.name, "ok": False, "error": error.code} for s in inputs.documents},
    }


def _task_id_of(flow_run) -> str | None:
    return (getattr(flow_run, "parameters", None) or {}).get("task_id")


def on_cancelled(flow, flow_run, state) -> None:
    """Prefect cancelled the flow run (UI, API, worker): keep finished documents, end `cancelled`."""
    task_id = _task_id_of(flow_run)
    if not task_id or (shutdown.requested() and not get_port().is_cancelled(task_id)):
        return  # this process is stopping: the task is handed back, not cancelled
    run = end_run(task_id)
    if run is not None:
        run.salvage()
    get_port().finish_task(
        task_id, CANCELLED, error=ErrorInfo(code=Cancelled.code, message="the flow run was cancelled")
    )


def on_crashed(flow, flow_run, state) -> None:
    """The flow run crashed (process killed, infrastructure error): never leave the task running."""
    task_id = _task_id_of(flow_run)
    if task_id and not shutdown.requested():  # stopping: handed back, or re-queued by the recovery
        message = getattr(state, "message", None) or "the flow run crashed"
        get_port().finish_task(task_id, FAILED, error=ErrorInfo(code="crashed", message=message))


@flow(
    name="process-invoices",
    task_runner=page_task_runner(),
    on_cancellation=[on_cancelled],
    on_crashed=[on_crashed],
    persist_result=False,
    validate_parameters=True,
)
def process_invoices(task_id: str) -> dict[str, Any] | State:
    """Process every document of task `task_id` (inputs and outputs through the configured port).
    Returns the summary, or a Cancelled state carrying it when the task was cancelled (called directly,
    the flow then raises `CancelledRun`; `return_state=True` gives the state)."""
    port = get_port()
    inputs = port.load_task(task_id)
    port.mark_running(task_id, flow_run_id=current_flow_run.id)
    try:
        settings = check_project_settings(inputs.settings)  # parsed once: the run reads this
    except InvalidSettings as exc:
        return refuse(port, inputs, error_info(exc, "settings"))
    run = start_run(port, inputs, settings, current_flow_run.id)
    try:
        summary = run.execute()
    except TerminationSignal:  # a worker stops this run (Prefect cancellation): keep what is finished
        run.salvage()
        raise
    except Exception as exc:
        end_run(task_id)
        port.finish_task(task_id, FAILED, error=error_info(exc, "flow"))
        raise
    end_run(task_id)  # not in a `finally`: when Prefect stops the run, the hook still needs it
    if summary["status"] == CANCELLED:  # the flow run ends Cancelled in Prefect too, not Completed
        return CancelledState(message="the task was cancelled", data=summary)
    if summary["status"] == QUEUED:  # the process stopped before the run finished: the task is queued
        message = "stopped by the process shutting down; the task is queued again"
        return CancelledState(name="Interrupted", message=message, data=summary)
    return summary
