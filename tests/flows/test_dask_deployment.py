"""Dask as documented: the `process-invoices` deployment run by a real process worker (its own flow-run
process, the entrypoint of `prefect.yaml`) with `OCR_DASK_ADDRESS` pointing at a `dask scheduler` and two
`dask worker` processes this test starts. The pages are recognised on both Dask workers with real
Tesseract, and the values read equal those of the thread runner on the same files.

This is what failed before the entrypoint was a module path: the flow loaded from `flows/process.py` is
module `process`, which a Dask worker cannot import when it unpickles a task run ("No module named
'process'"), so every document failed, and Prefect said Completed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect.task_runners import ThreadPoolTaskRunner

from flows import serve
from flows.dispatch import task_submit
from flows.memory_port import InMemoryPort
from flows.port import FINISHED, SUCCEEDED
from flows.settings import use_port
from tests.flows.file_port import FilePort
from tests.flows.test_deployment import free_port, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

RECEIPTS = ("X00016469622.jpg", "X00016469623.jpg", "X00016469672.jpg")
PLAIN = {"extraction": {"enhanced": False, "reread": False, "second_opinion": False}}  # OCR + field rules
DASK = str(Path(sys.executable).with_name("dask"))


def spawn(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    with open(log, "ab") as out:
        return subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A Prefect server + the `process` pool and deployments + one process worker whose flow runs send
    their pages to a Dask scheduler with two single-thread workers (separate processes)."""
    home = tmp_path_factory.mktemp("dask-stack")
    prefect_port = free_port()
    env = serve.stack_env(prefect_port, poll_seconds=1)
    scheduler_port = free_port()
    address = f"tcp://127.0.0.1:{scheduler_port}"
    env.update(
        {
            "PREFECT_HOME": str(home / "prefect"),
            "PREFECT_LOGGING_LEVEL": "WARNING",
            "OCR_PIPELINE_PORT": "tests.flows.file_port:build_port",
            "OCR_TEST_PORT_FILE": str(home / "port.pickle"),
            "OCR_DASK_ADDRESS": address,
            "OCR_PAGE_CONCURRENCY": "2",
            "OCR_WORKDIR": str(home / "work"),  # what every Dask worker reads (one machine here)
            "OMP_THREAD_LIMIT": "1",
            "PYTHONPATH": os.pathsep.join([str(serve.ROOT), env.get("PYTHONPATH", "")]),
        }
    )
    started: list[subprocess.Popen] = []
    try:
        dask_args = ["--no-dashboard"]
        started.append(
            spawn(
                [DASK, "scheduler", "--host", "127.0.0.1", "--port", str(scheduler_port), *dask_args],
                env,
                home / "scheduler.log",
            )
        )
        for n in range(2):
            started.append(
                spawn(
                    [
                        DASK,
                        "worker",
                        address,
                        "--nthreads",
                        "1",
                        "--nworkers",
                        "1",
                        "--name",
                        f"w{n}",
                        "--no-nanny",
                        *dask_args,
                    ],
                    env,
                    home / f"dask-worker-{n}.log",
                )
            )
        server = serve.start_server(prefect_port, env, home / "server.log")
        started.append(server)
        serve.wait_healthy(env["PREFECT_API_URL"], timeout=120, process=server)
        serve.create_pool_and_deploy("process", env)
        started.append(serve.start_worker("process", env, home / "worker.log"))
        with temporary_settings(updates={PREFECT_API_URL: env["PREFECT_API_URL"]}):
            yield FilePort(env["OCR_TEST_PORT_FILE"]), address, home
    finally:
        for process in reversed(started):
            serve.stop(process)


def test_the_deployment_spreads_pages_over_dask_workers_and_reads_what_the_thread_runner_reads(
    cluster, corpus
):
    distributed = pytest.importorskip("distributed")
    port, address, home = cluster
    files = [corpus / "sroie-sample/images" / name for name in RECEIPTS]
    task_id = port.add_task("dask", files, settings=PLAIN)

    task_submit(task_id, mode="distributed")

    try:
        wait_for(lambda: port.status(task_id) in FINISHED, 150, "the worker to finish the task")
    except AssertionError as exc:
        logs = "\n".join(p.read_text(errors="replace")[-3000:] for p in sorted(home.glob("*.log")))
        raise AssertionError(f"{exc}\n{logs}") from exc
    assert port.status(task_id) == SUCCEEDED, port.failures(task_id)
    with distributed.Client(address, timeout=10) as client:
        executed = client.run(lambda dask_worker: dask_worker.state.executed_count)
    assert len(executed) == 2 and all(count >= 1 for count in executed.values()), executed
    dask_results = {r.source.name: r for r in port.results(task_id).values()}
    assert sorted(dask_results) == sorted(RECEIPTS)

    # the same files through the thread runner, in this process
    local = InMemoryPort()
    local_id = local.add_task("threads", files, settings=PLAIN)
    from flows.process import process_invoices

    with use_port(local):
        process_invoices.with_options(task_runner=ThreadPoolTaskRunner(max_workers=2))(local_id)
    thread_results = {r.source.name: r for r in local.results(local_id).values()}

    for name, result in thread_results.items():
        assert result.ocr.pages[0].engine == "tesseract" and result.ocr.pages[0].words
        assert [p.text for p in dask_results[name].ocr.pages] == [p.text for p in result.ocr.pages], name
        assert dask_results[name].invoice.to_dict()["fields"] == result.invoice.to_dict()["fields"], name
