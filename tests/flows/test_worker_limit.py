"""How many flow runs one Prefect worker runs at once (`flows.serve.worker_limit`, `OCR_WORKER_LIMIT`):
by default the machine's cores, so that ten one-receipt uploads do not start ten flow processes at once
on a 2-core machine; 0 lifts the limit. `scripts/local_stack.py` and `make run` start workers with it."""

from __future__ import annotations

import os

from flows import serve


def test_a_worker_runs_as_many_flow_runs_at_once_as_the_machine_has_cores_by_default():
    assert serve.worker_limit({}) == (os.cpu_count() or 1)
    args = serve.worker_args("process", {}, name="w1")
    assert args == [
        "worker",
        "start",
        "--pool",
        "process",
        "--limit",
        str(os.cpu_count() or 1),
        "--name",
        "w1",
    ]


def test_the_limit_is_set_by_ocr_worker_limit_and_zero_lifts_it():
    assert serve.worker_limit({"OCR_WORKER_LIMIT": "1"}) == 1
    assert serve.worker_args("process", {"OCR_WORKER_LIMIT": "3"})[-2:] == ["--limit", "3"]
    assert serve.worker_limit({"OCR_WORKER_LIMIT": "0"}) is None
    assert "--limit" not in serve.worker_args("process", {"OCR_WORKER_LIMIT": "0"})
