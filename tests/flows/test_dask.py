"""Page-level parallelism on a Dask cluster (`DaskTaskRunner(address=...)`), as in distributed mode:
a local cluster of two worker processes recognises the pages with real Tesseract."""

from __future__ import annotations

import pytest

from flows.port import SUCCEEDED
from flows.process import process_invoices
from flows.runners import page_task_runner

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

RECEIPTS = ("X00016469622.jpg", "X00016469623.jpg")


def test_pages_are_recognised_on_a_dask_cluster(port, corpus):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        runner = page_task_runner(cluster.scheduler_address)
        assert type(runner).__name__ == "DaskTaskRunner"
        task_id = port.add_task("dask", [corpus / "sroie-sample/images" / name for name in RECEIPTS])

        process_invoices.with_options(task_runner=runner)(task_id)

        with distributed.Client(cluster.scheduler_address) as client:
            executed = client.run(lambda dask_worker: dask_worker.state.executed_count)

    assert port.status(task_id) == SUCCEEDED
    results = port.results(task_id).values()
    assert sorted(r.source.name for r in results) == list(RECEIPTS)
    assert all(r.ocr.pages[0].engine == "tesseract" and r.ocr.pages[0].words for r in results)
    assert len(executed) == 2 and sum(executed.values()) >= len(RECEIPTS)
