"""The task runner that recognises pages in parallel.

With `OCR_DASK_ADDRESS` set, pages go to that Dask cluster through prefect-dask's `DaskTaskRunner`
(distributed mode; page images must then sit on storage the Dask workers can read, see
`OCR_WORKDIR`; the flow is deployed by module path, `flows.process`, so that Dask workers import it).
Otherwise a thread pool of `OCR_PAGE_CONCURRENCY` threads: Tesseract's C API (the default binding)
releases the GIL while it reads a page, and the CLI binding runs a process per page, so threads give
real CPU parallelism without pickling pages to other processes.
"""

from __future__ import annotations

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from flows.settings import dask_address, page_concurrency


def page_task_runner(address: str | None = None) -> TaskRunner:
    address = address or dask_address()
    if address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=address)
    return ThreadPoolTaskRunner(max_workers=page_concurrency())
