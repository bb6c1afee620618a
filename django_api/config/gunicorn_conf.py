"""gunicorn settings of the API (`gunicorn -c django_api/config/gunicorn_conf.py django_api.config.wsgi`).

Embedded mode keeps the task executor inside the API process: run one worker with threads. When a worker
starts, tasks a crash or restart left running are re-queued (or failed as `interrupted`) and handed to
its executor."""

import os
import threading

bind = os.environ.get("OCR_API_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("OCR_API_WORKERS", "1"))
threads = int(os.environ.get("OCR_API_THREADS", "8"))
timeout = 300
graceful_timeout = int(os.environ.get("OCR_API_GRACEFUL_TIMEOUT", "10"))
# gunicorn answers requests over these limits itself (414, 431), before Django: generous enough for any
# path, query and browser cookie of the API; gunicorn refuses a request line above 8190 bytes whatever is set
limit_request_line = 8190
limit_request_fields = 200
limit_request_field_size = 16384
# gunicorn 25+ opens a control socket for `gunicornc` at $XDG_RUNTIME_DIR/gunicorn.ctl or
# ~/.gunicorn/gunicorn.ctl: one path shared by every gunicorn of the same user, so a second instance (a
# test server, another checkout) would take over or remove the first one's socket. None unless the
# operator names a socket for this instance (OCR_API_CONTROL_SOCKET, e.g. var/run/api.ctl; mode 0600).
control_socket = os.environ.get("OCR_API_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
control_socket_mode = 0o600


def on_starting(server):
    """gunicorn's own error answers (400/414/431...) as the API's JSON error body, not HTML."""
    from django_api.config.gunicorn_errors import install

    install()


def post_worker_init(worker):
    if os.environ.get("OCR_WARM_CHECKS", "1") != "0":
        threading.Thread(target=_warm_checks, args=(worker,), name="checks-warm-up", daemon=True).start()
    if worker.cfg.workers > 1 and worker.age > 1:
        return  # several workers: only the first one recovers, once
    from django_api.orchestration.seam import recover_on_startup

    recovered = recover_on_startup()
    if recovered:
        worker.log.info("recovered %d interrupted task(s): %s", len(recovered), ", ".join(recovered))


def _warm_checks(worker):
    """The first correction or approval after a start no longer waits for the validation library to load
    (`OCR_WARM_CHECKS=0` turns this off); a failure here only leaves the first re-check slow."""
    from django_api.orchestration.seam import checks_warm_up

    try:
        worker.log.info("re-checks warmed up in %.1f s", checks_warm_up())
    except Exception:  # noqa: BLE001 - never stop a worker for a warm-up
        worker.log.warning("re-check warm-up failed", exc_info=True)


def worker_exit(server, worker):
    from django_api.orchestration.seam import shutdown

    shutdown()
