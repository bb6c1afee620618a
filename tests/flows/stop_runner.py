"""The smallest real stand-in for the API process of embedded mode, for the graceful-stop test:
`python -m tests.flows.stop_runner TASK_ID` runs the task the way `django_api.orchestration.seam` does
(the flow called through `flows.dispatch.task_submit` on a thread of a pool, the port set with
`use_port`) over the `FilePort` in `OCR_TEST_PORT_FILE`, with the fake engines registered.

Signals are handled as a gunicorn worker handles them: SIGTERM stops the pool without waiting
(`seam.shutdown`, gunicorn's `worker_exit`) and exits; SIGINT exits at once (gunicorn's `handle_quit`).
Either way the main thread raises SystemExit and Python shuts down with the flow's thread still running.

`submit_with_fake_engines` is the API's flow for the gunicorn variant (`OCR_FLOW=tests.flows.stop_runner:
submit_with_fake_engines`): `flows.dispatch.task_submit` with the fake engines registered.
"""

from __future__ import annotations

import signal
import sys
from concurrent.futures import ThreadPoolExecutor

from flows.dispatch import task_submit
from flows.settings import use_port
from tests.flows.file_port import build_port


def submit_with_fake_engines(*, task_id: str):
    from ocr_tasks.engines import ENGINES
    from tests.flows.fakes import register_fake_engines

    register_fake_engines(ENGINES)
    return task_submit(task_id)


def main(task_id: str) -> None:
    port = build_port()
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ocr-task")

    def terminate(signum, frame):
        pool.shutdown(wait=False, cancel_futures=True)
        sys.exit(0)

    def interrupt(signum, frame):
        sys.exit(0)

    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, interrupt)

    def run() -> None:
        with use_port(port):
            submission = task_submit(task_id, mode="embedded")
        print("summary", submission.summary.get("status"), flush=True)

    future = pool.submit(run)
    print("started", flush=True)
    future.result()


if __name__ == "__main__":
    main(sys.argv[1])
