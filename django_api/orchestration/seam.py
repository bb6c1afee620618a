"""Hand a committed task to the pipeline: an embedded bounded executor calling the flow in-process, or
`run_deployment(..., timeout=0)` in distributed mode (both through `flows.dispatch.task_submit`). Also
start-up recovery and the Prefect health check.

Settings: `OCR_PIPELINE_MODE` (embedded | distributed), `OCR_EXECUTOR` (thread | sync | none; embedded),
`OCR_WORKERS` (pool size, default cores), `OCR_FLOW` (`module:callable` called with `task_id=`; default
`flows.dispatch:task_submit`, which calls `flows.process.process_invoices`),
`OCR_DEPLOYMENT`, `OCR_MAX_ATTEMPTS`.

Webhook deliveries (`webhook_deliveries_submit`) run the `flows.webhooks:deliver_webhooks` flow (setting
`OCR_WEBHOOK_FLOW`) in this process, in both modes: on a small pool of `OCR_WEBHOOK_WORKERS` threads
(`OCR_EXECUTOR=thread`), at once (`sync`) or not at all (`none`: they stay pending), with the policy of
`OCR_WEBHOOK_MAX_ATTEMPTS`, `OCR_WEBHOOK_BACKOFF_SECONDS` and `OCR_WEBHOOK_TIMEOUT_SECONDS`.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connections, transaction

from django_api.orchestration.django_port import DjangoPort
from ocr_tasks.process_memory import give_back_freed_memory

logger = logging.getLogger(__name__)

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()
_futures: set[Future] = set()
_webhook_executor: ThreadPoolExecutor | None = None


def task_submit(*, task_id) -> None:
    """Dispatch the task once the current transaction commits (never before its rows are visible)."""
    transaction.on_commit(lambda: dispatch(task_id=str(task_id)))


def dispatch(*, task_id: str) -> None:
    if settings.OCR_PIPELINE_MODE == "distributed":
        try:
            _run_deployment(task_id)
        except Exception as exc:
            from django_api.invoices.services.pipeline_records import task_finish

            logger.exception("could not create a flow run for task %s", task_id)
            task_finish(
                task_id=task_id, status="failed", error_code="dispatch_failed", error_message=str(exc)[:2000]
            )
        return
    mode = settings.OCR_EXECUTOR
    if mode == "sync":
        run_task(task_id=task_id)
    elif mode == "thread":
        future = _pool().submit(_run_in_thread, task_id)
        _futures.add(future)
        future.add_done_callback(_futures.discard)
    elif mode != "none":
        raise ValueError(f"unknown OCR_EXECUTOR {mode!r} (thread | sync | none)")


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(
                max_workers=max(1, settings.OCR_WORKERS), thread_name_prefix="ocr-task"
            )
        return _executor


def wait_idle(timeout: float | None = None) -> None:
    """Wait for the tasks handed to the embedded pool (tests, graceful shutdown)."""
    from concurrent.futures import wait

    wait(list(_futures), timeout=timeout)


_stopping = threading.Event()  # set by shutdown(): a flow failing from now on hands its task back


def shutdown() -> None:
    """Stop the embedded pool without waiting: queued futures are dropped, their tasks stay `queued` in
    the database and are dispatched again at the next start. Running ones are not stopped here: at the
    process's exit `flows.shutdown` asks them to stop and they hand their tasks back to `queued`
    (`DjangoPort.requeue_task`); one still going after the grace period stays `running` and the start-up
    recovery re-queues it. Webhook deliveries not yet started stay `pending` the same way. A flow that
    fails once the stop has begun (a task starting as the interpreter shuts down cannot start Prefect's
    API) hands its task back to `queued` instead of failing it."""
    global _executor, _webhook_executor
    _stopping.set()
    with _executor_lock:
        if _executor is not None:
            _executor.shutdown(wait=False, cancel_futures=True)
            _executor = None
        if _webhook_executor is not None:
            _webhook_executor.shutdown(wait=False, cancel_futures=True)
            _webhook_executor = None


def _run_in_thread(task_id: str) -> None:
    close_old_connections()
    try:
        run_task(task_id=task_id)
    finally:
        connections.close_all()
        give_back_freed_memory()  # the run's page images and tensors: the worker must not keep its peak


def _load(path: str) -> Callable[..., Any]:
    module_name, _, attribute = path.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def run_task(*, task_id: str) -> None:
    """Call the flow for one task in this process. A task already finished (e.g. cancelled while queued)
    is skipped; a flow that raises leaves the task `failed` with the error's code, never `running`."""
    from django_api.invoices.models import OcrTask
    from django_api.invoices.models.tasks import FINISHED_STATUSES
    from django_api.invoices.services.pipeline_records import task_finish

    status = OcrTask.objects.filter(pk=task_id).values_list("status", flat=True).first()
    if status is None or status in FINISHED_STATUSES:
        return
    from flows.settings import use_port

    try:
        with use_port(DjangoPort()):  # flows run in this process read and write through Django
            _load(settings.OCR_FLOW)(task_id=task_id)
    except Exception as exc:
        if _stopping.is_set():  # e.g. "can't register atexit after shutdown": not the task's fault
            from django_api.invoices.services.pipeline_records import task_requeue

            logger.warning("task %s handed back: the process is stopping (%s)", task_id, exc)
            task_requeue(task_id=task_id)  # running -> queued, not counted; a queued task stays queued
            return
        logger.exception("flow for task %s raised", task_id)
        status = OcrTask.objects.filter(pk=task_id).values_list("status", flat=True).first()
        if status is not None and status not in FINISHED_STATUSES:
            code = getattr(exc, "code", "internal_error")
            task_finish(task_id=task_id, status="failed", error_code=str(code), error_message=str(exc)[:2000])


def webhook_deliveries_submit(*, delivery_ids: list[str]) -> None:
    """Send recorded deliveries once the current transaction commits (never before their rows are
    visible; a rolled-back change sends nothing)."""
    ids = [str(i) for i in delivery_ids]
    if ids:
        transaction.on_commit(lambda: webhooks_dispatch(delivery_ids=ids))


def webhooks_dispatch(*, delivery_ids: list[str]) -> None:
    global _webhook_executor
    mode = settings.OCR_EXECUTOR
    if mode == "sync":
        run_webhooks(delivery_ids=delivery_ids)
    elif mode == "thread":
        with _executor_lock:
            if _webhook_executor is None:
                _webhook_executor = ThreadPoolExecutor(
                    max_workers=max(1, settings.OCR_WEBHOOK_WORKERS), thread_name_prefix="ocr-webhook"
                )
            future = _webhook_executor.submit(_run_webhooks_in_thread, list(delivery_ids))
        _futures.add(future)
        future.add_done_callback(_futures.discard)


def _run_webhooks_in_thread(delivery_ids: list[str]) -> None:
    close_old_connections()
    try:
        run_webhooks(delivery_ids=delivery_ids)
    finally:
        connections.close_all()


def run_webhooks(*, delivery_ids: list[str]) -> None:
    """Call the delivery flow for these deliveries in this process (through the Django port); a flow
    that raises leaves them pending (sent again at the next start), never lost."""
    from flows.settings import use_port

    try:
        with use_port(DjangoPort()):
            _load(settings.OCR_WEBHOOK_FLOW)(
                delivery_ids=list(delivery_ids),
                max_attempts=settings.OCR_WEBHOOK_MAX_ATTEMPTS,
                backoff_seconds=settings.OCR_WEBHOOK_BACKOFF_SECONDS,
                timeout_seconds=settings.OCR_WEBHOOK_TIMEOUT_SECONDS,
            )
    except Exception:
        logger.exception("webhook delivery flow raised for %s", delivery_ids)


def project_rescore_submit(*, project_id, reextract: bool = False) -> None:
    """Rescore the project's stored documents (`flows.maintenance.rescore_project`; `reextract`: those no
    reviewer approved are first extracted again with the project's current vendor memory and templates)
    once the current transaction commits: on the task pool (`OCR_EXECUTOR=thread`), at once (`sync`) or
    not at all (`none`); in distributed mode as a run of the `rescore-project` deployment."""
    project = str(project_id)
    transaction.on_commit(lambda: rescore_dispatch(project_id=project, reextract=reextract))


def rescore_dispatch(*, project_id: str, reextract: bool) -> None:
    mode = settings.OCR_EXECUTOR
    if settings.OCR_PIPELINE_MODE == "distributed" or mode == "sync":
        run_rescore(project_id=project_id, reextract=reextract)
    elif mode == "thread":
        future = _pool().submit(_run_rescore_in_thread, project_id, reextract)
        _futures.add(future)
        future.add_done_callback(_futures.discard)


def _run_rescore_in_thread(project_id: str, reextract: bool) -> None:
    close_old_connections()
    try:
        run_rescore(project_id=project_id, reextract=reextract)
    finally:
        connections.close_all()


def run_rescore(*, project_id: str, reextract: bool) -> None:
    """Run (embedded) or hand to a worker (distributed) a rescore through the Django port; a failure is
    logged, never raised (what a rescore did not finish stays as it was)."""
    from flows.maintenance import rescore_submit
    from flows.settings import use_port

    try:
        with use_port(DjangoPort()):
            rescore_submit(project_id, reextract=reextract, mode=settings.OCR_PIPELINE_MODE)
    except Exception:
        logger.exception("rescore of project %s failed", project_id)


def _run_deployment(task_id: str) -> None:
    import flows.dispatch as dispatch
    from django_api.invoices.models import OcrTask

    submission = dispatch.task_submit(task_id, mode="distributed")
    OcrTask.objects.filter(pk=task_id).update(flow_run_id=submission.flow_run_id or "")


def flow_run_cancel(*, flow_run_id: str) -> None:
    """Distributed mode: also ask Prefect to cancel the flow run (the port's flag works in both modes)."""
    if settings.OCR_PIPELINE_MODE != "distributed" or not flow_run_id:
        return
    import flows.dispatch as dispatch

    try:
        dispatch.flow_run_cancel(flow_run_id, api_url=settings.PREFECT_API_URL or None)
    except Exception:
        logger.warning("could not cancel flow run %s through Prefect", flow_run_id, exc_info=True)


def recover_on_startup(*, queued_older_than: float | None = None, webhooks: bool = True) -> list[str]:
    """Re-queue (or fail as `interrupted`) tasks a crash left running, then dispatch the queued ones.
    Call once per server start (gunicorn `post_worker_init`, or `manage.py recover_tasks`); in
    distributed mode also every few seconds (`watch`). `queued_older_than`: queued tasks never handed
    to Prefect are dispatched again only once they are that old (a request may be creating their flow
    run right now). `webhooks`: also send again the deliveries a stop left pending (at a start only: the
    watcher must not send a delivery that another process is sending)."""
    from django_api.invoices.services.recovery import tasks_recover_interrupted

    distributed = settings.OCR_PIPELINE_MODE == "distributed"
    task_ids = tasks_recover_interrupted(
        max_attempts=settings.OCR_MAX_ATTEMPTS,
        # distributed: workers outlive the API; a task is only interrupted when its flow run is over
        is_alive=flow_run_is_active if distributed else None,
        requeue_queued=True,
        queued_needs_dispatch=distributed,
        queued_older_than=queued_older_than,
        run_is_over=queued_flow_run_over if distributed else None,
    )
    for task_id in task_ids:
        dispatch(task_id=task_id)
    if not webhooks:
        return task_ids
    from django_api.invoices.selectors.webhooks import webhook_deliveries_pending

    pending = webhook_deliveries_pending()  # deliveries a stop interrupted: sent again
    if pending:
        webhooks_dispatch(delivery_ids=pending)
    return task_ids


def flow_run_is_active(flow_run_id: str) -> bool:
    """Whether Prefect still runs (or will run) this flow run. A Running, Pending or Cancelling state
    counts only while the run sends heartbeats: silent for `OCR_HEARTBEAT_MISSED` heartbeat intervals
    (`PREFECT_FLOWS_HEARTBEAT_FREQUENCY`), its worker or machine is taken as gone, the run is marked
    Crashed in Prefect and its task can be re-queued (`flows.run_liveness`). When Prefect cannot be
    read, the run counts as active: a task is never taken from a live worker on a guess."""
    if not flow_run_id:
        return False
    if not settings.PREFECT_API_URL:
        return True
    from flows.automations import heartbeat_seconds
    from flows.run_liveness import FINAL_STATES, flow_run_liveness, flow_run_mark_crashed

    url = settings.PREFECT_API_URL
    liveness = flow_run_liveness(
        flow_run_id, stale_after=heartbeat_stale_seconds(heartbeat_seconds()), api_url=url
    )
    if not liveness.alive and liveness.state is not None and liveness.state not in FINAL_STATES:
        logger.warning("flow run %s taken as dead: %s", flow_run_id, liveness.reason)
        flow_run_mark_crashed(flow_run_id, f"no worker: {liveness.reason}", api_url=url)
    return liveness.alive


def queued_flow_run_over(task_id: str, flow_run_id: str) -> bool:
    """A queued task's recorded flow run is missing or final and no other flow run waits or runs for the
    task (`flows.run_liveness`): its crash re-queue could not reach Prefect, or the run ended before it
    started; the recovery submits it again. False when Prefect cannot be read."""
    if not settings.PREFECT_API_URL:
        return False
    from flows.run_liveness import flow_run_over, runs_waiting_or_running

    url = settings.PREFECT_API_URL
    return flow_run_over(flow_run_id, api_url=url) and not runs_waiting_or_running(
        "task_id", task_id, api_url=url
    )


def heartbeat_stale_seconds(heartbeat: float) -> float:
    return settings.OCR_HEARTBEAT_MISSED * heartbeat


def watch(*, interval: float, rounds: int | None = None, stop: threading.Event | None = None) -> None:
    """Distributed mode: the recovery, again every `interval` seconds (`manage.py recover_tasks
    --watch`): a task whose worker died is re-queued (or failed after `OCR_MAX_ATTEMPTS`), a cancel whose
    run has no worker left ends `cancelled`, and a task whose flow run could not be created, or whose run
    is over while the task waits queued (`queued_flow_run_over`), is handed to Prefect again. One watcher
    per installation is enough; two do no harm (rows are locked)."""
    stop = stop or threading.Event()
    done = 0
    while not stop.is_set() and (rounds is None or done < rounds):
        try:
            recovered = recover_on_startup(queued_older_than=max(60.0, 2 * interval), webhooks=False)
            if recovered:
                logger.warning("recovery handed %d task(s) to Prefect again: %s", len(recovered), recovered)
        except Exception:  # noqa: BLE001 - a database or Prefect outage must not end the watcher
            logger.exception("recovery round failed")
        finally:
            close_old_connections()
        done += 1
        stop.wait(interval)


def prefect_health() -> dict[str, Any]:
    """Prefect API reachability; in distributed mode also the workers polling the pool
    (`OCR_WORK_POOL`): with none heard from within `OCR_WORKER_STALE_SECONDS` the check is `degraded`
    (uploads are accepted and wait in the queue). Embedded mode works without a server (ephemeral
    Prefect), so an unreachable API is only unhealthy in distributed mode."""
    url = settings.PREFECT_API_URL
    distributed = settings.OCR_PIPELINE_MODE == "distributed"
    if not url:
        return {
            "ok": not distributed,
            "mode": settings.OCR_PIPELINE_MODE,
            "api_url": None,
            "message": "no PREFECT_API_URL: flows run with an ephemeral Prefect"
            if not distributed
            else "PREFECT_API_URL is required in distributed mode",
        }
    import requests

    try:
        response = requests.get(url.rstrip("/") + "/health", timeout=2)
        reachable = response.status_code == 200
        message = f"HTTP {response.status_code}"
    except requests.RequestException as exc:
        reachable, message = False, f"unreachable: {exc.__class__.__name__}"
    report: dict[str, Any] = {
        "ok": reachable,
        "mode": settings.OCR_PIPELINE_MODE,
        "api_url": url,
        "message": message,
    }
    if reachable and distributed:
        report.update(_pool_health(settings.OCR_WORK_POOL))
    return report


def _pool_health(pool: str) -> dict[str, Any]:
    from flows.run_liveness import pool_workers

    try:
        workers = pool_workers(pool, api_url=settings.PREFECT_API_URL)
    except Exception as exc:  # noqa: BLE001 - a missing pool or an API error: no worker can run a task
        return {"ok": False, "pool": pool, "message": f"cannot read work pool {pool!r}: {exc}"[:300]}
    limit = settings.OCR_WORKER_STALE_SECONDS
    live = [w for w in workers if w.seconds_since is not None and w.seconds_since <= limit]
    listed = [
        {
            "name": w.name,
            "status": w.status,
            "last_heartbeat": w.last_heartbeat.isoformat() if w.last_heartbeat else None,
            "live": w in live,
        }
        for w in workers[:20]
    ]
    report: dict[str, Any] = {"pool": pool, "live_workers": len(live), "workers": listed}
    if not live:
        report["degraded"] = True
        report["message"] = (
            f"no worker polls work pool {pool!r} (none heard from within {limit:.0f} s): "
            "uploads wait in the queue until one starts"
        )
    return report


def document_checks_run(document) -> Any:
    """A reviewer's change re-checked at once (no flow run: within the request): the flows' own validate
    and score steps (`flows.recheck`) over the document's current values, with its project's settings,
    custom expectations and anomaly model, against the project's invoices received before it. Returns
    `flows.recheck.Checks`."""
    from django_api.invoices.reviewed_values import reviewed_invoice
    from flows.recheck import recheck_document

    port = DjangoPort()
    project_id = str(document.project_id)
    history = port.load_history(project_id)  # oldest first, reviewers' values applied
    position = next(i for i, r in enumerate(history) if r.document_id == str(document.pk))
    stored = port.load_anomaly_model(project_id)
    return recheck_document(
        reviewed_invoice(getattr(document, "result", None)),
        history[position],
        history[:position],
        model_blob=stored[0] if stored else None,
        project_settings=port.project_settings(project_id),
    )


def document_reextract_run(document) -> dict[str, Any]:
    """A reviewer's "read again" (within the request, no flow run): the document's stored result read again
    by `flows.reextraction` (an e-invoice from its stored file, any other document from its stored OCR
    with the project's current vendor memory and templates); `DocumentResult.to_dict()`, checks not redone
    (the caller re-checks the current values)."""
    from flows.reextraction import document_reextracted, needs_source
    from ocr_tasks.result_types import DocumentResult

    port = DjangoPort()
    project_id = str(document.project_id)
    stored = DocumentResult.from_dict(document.result.result)
    again = document_reextracted(
        stored,
        source=port.read_document(stored.source) if needs_source(stored) else None,
        project_settings=port.project_settings(project_id),
        memories=port.vendor_memories(project_id),
        templates=port.project_templates(project_id),
    )
    return again.to_dict()


def checks_warm_up() -> float:
    """Load what a reviewer's re-check needs (the validation library and the suites) before the first
    reviewer waits for it: one validation of an empty invoice, stored nowhere. A cold re-check took
    15.6 s after the API started (0.6 s warm), longer than the dashboard waited. Returns the seconds."""
    from flows import tasks
    from ocr_tasks.invoice_types import Invoice

    started = time.monotonic()
    settings = tasks.settings_of(None)
    tasks.validate.fn({"warm-up": Invoice()}, settings.custom_expectations, settings)
    return time.monotonic() - started
