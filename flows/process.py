"""The `process_invoices` flow: one task's documents, ingest -> OCR per page (in parallel) ->
extract -> validate (the batch as one frame) -> anomalies against the project's history -> save
(the stages: `flows.batch_processing.BatchProcessing`), and its Prefect hooks.

Prefect's final state says what the task's did: Completed (succeeded, or partly failed: the summary
says which documents), Failed (every document failed, or the settings were refused), Cancelled (a
cancel through the port or Prefect; named Interrupted when a stopping process handed the task back).
A crashed run (its process or worker killed) puts the task back in the queue as a new attempt and
submits it again (`on_crashed`). Deployed by module path (`flows.process:process_invoices` in
`prefect.yaml`), so that Dask workers unpickle the flow from this package.
"""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger
from prefect.exceptions import TerminationSignal
from prefect.runtime import flow_run as current_flow_run
from prefect.states import Cancelled, Failed, State

from flows import shutdown
from flows.batch_processing import BatchProcessing, error_info, refuse, scrub
from flows.port import CANCELLED, FAILED, QUEUED, TaskRequeue
from flows.project_settings import InvalidSettings, check_project_settings
from flows.runners import page_task_runner
from flows.settings import DISTRIBUTED, get_port, pipeline_mode
from ocr_tasks.errors import Cancelled as TaskCancelled
from ocr_tasks.result_types import ErrorInfo

__all__ = ["process_invoices"]


def _task_id_of(flow_run) -> str | None:
    return (getattr(flow_run, "parameters", None) or {}).get("task_id")


def on_cancelled(flow, flow_run, state) -> None:
    """Prefect cancelled the flow run (UI, API, worker): the task ends `cancelled`. What was finished is
    kept by the run itself (`BatchProcessing.salvage` on the worker's TerminationSignal, in the flow's
    process); this hook may run in the worker's process, which holds no run."""
    task_id = _task_id_of(flow_run)
    if not task_id or (shutdown.requested() and not get_port().is_cancelled(task_id)):
        return  # this process is stopping: the task is handed back, not cancelled
    error = ErrorInfo(code=TaskCancelled.code, message="the flow run was cancelled")
    get_port().finish_task(task_id, CANCELLED, error=error)


def on_crashed(flow, flow_run, state) -> None:
    """The flow run crashed (its process or worker killed, an infrastructure error): the task goes back
    to the queue as a new attempt, keeping the documents already saved, and (distributed mode) is
    submitted again so that any worker takes it; once its attempts are used up it fails `interrupted`.
    A task being cancelled ends `cancelled`; a port that cannot re-queue fails the task."""
    task_id = _task_id_of(flow_run)
    if not task_id or shutdown.requested():  # stopping: handed back, or re-queued by the recovery
        return
    port = get_port()
    if port.is_cancelled(task_id):
        error = ErrorInfo(code=TaskCancelled.code, message="the task was cancelled")
        port.finish_task(task_id, CANCELLED, error=error)
    elif isinstance(port, TaskRequeue):
        deployed = getattr(flow_run, "deployment_id", None) is not None  # a worker ran it
        if port.requeue_task(task_id, count_attempt=True) and (deployed or pipeline_mode() == DISTRIBUTED):
            from flows.dispatch import task_submit

            task_submit(task_id, mode=DISTRIBUTED)  # embedded: the start-up recovery dispatches it
    else:
        message = scrub(getattr(state, "message", None) or "the flow run crashed")
        port.finish_task(task_id, FAILED, error=ErrorInfo(code="crashed", message=message))


@flow(
    name="process-invoices",
    flow_run_name="task-{task_id}",  # the id the dashboard shows under a task's file names
    task_runner=page_task_runner(),
    on_cancellation=[on_cancelled],
    on_crashed=[on_crashed],
    persist_result=False,
    validate_parameters=True,
)
def process_invoices(task_id: str) -> dict[str, Any] | State:
    """Process every document of task `task_id` (inputs and outputs through the configured port).
    Returns the summary, or a Failed / Cancelled state carrying it (called directly, the flow then
    raises; `return_state=True` gives the state)."""
    port = get_port()
    inputs = port.load_task(task_id)
    names = [d.name for d in inputs.documents]
    get_run_logger().info(
        "task %s of project %s: %d document(s): %s%s",
        task_id,
        inputs.project_id,
        len(names),
        ", ".join(names[:5]),
        f" and {len(names) - 5} more" if len(names) > 5 else "",
    )
    port.mark_running(task_id, flow_run_id=current_flow_run.id)
    try:
        settings = check_project_settings(inputs.settings)  # parsed once: the run reads this
    except InvalidSettings as exc:
        return final_state(refuse(port, inputs, error_info(exc, "settings")))
    run = BatchProcessing(port, inputs, settings=settings, flow_run_id=current_flow_run.id)
    try:
        summary = run.execute()
    except TerminationSignal:  # Prefect stops this run: a cancel keeps what is finished, a kill re-queues
        run.terminated()
        raise
    except Exception as exc:
        port.finish_task(task_id, FAILED, error=error_info(exc, "flow"))
        raise
    return final_state(summary)


def final_state(summary: dict[str, Any]) -> dict[str, Any] | State:
    """The flow run's end as the task's: the summary (Completed), or a state carrying it."""
    status = summary["status"]
    if status == FAILED:
        return Failed(message="the task failed: none of its documents was read", data=summary)
    if status == CANCELLED:
        return Cancelled(message="the task was cancelled", data=summary)
    if status == QUEUED:  # the process stopped before the run finished: the task is queued again
        message = "stopped by the process shutting down; the task is queued again"
        return Cancelled(name="Interrupted", message=message, data=summary)
    return summary
