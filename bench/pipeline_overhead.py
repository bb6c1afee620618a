"""Overhead of running OCR through the Prefect flow, measured against the bare `tesseract` CLI.

    .venv/bin/python bench/pipeline_overhead.py [--documents 20] [--workers 2] [--skip-distributed]

Starts a Prefect server on a free loopback port (its own PREFECT_HOME), then in one run:
0. a warm-up (two documents through the flow and the library), as a long-running process is warm;
1. bare `tesseract IMAGE stdout --psm 3 tsv` on N one-page documents, `--workers` at a time, on the
   original files and on the page images ingest writes (the flow's OCR reads those: small scans are
   upscaled, so this is the like-for-like baseline);
2. the same library calls without Prefect (ingest, recognise, extract, validate, score) in a thread
   pool, and the same documents as one task through `process_invoices` in embedded mode (called in
   this process, recorded by the server), page concurrency `--workers`, with the configuration that
   matches the bare CLI (no orientation/deskew pass, no second reading for extraction), then
   with the default settings (which add those passes); C' is C with pages read through pytesseract and
   the CLI instead of Tesseract's C API (same output), i.e. what Prefect and the pipeline add to the
   very same binary;
   Rounds of A, B and C are interleaved (`--rounds`, default 3); the table gives the best run of each
   and the median of the per-round ratios, since this machine's speed drifts between runs; and the CPU
   each spent (A: the `tesseract` processes and this process launching them; B: this process; C: this
   process plus the Prefect server's work for the run: its CPU during the run and the `SERVER_TAIL`
   seconds after, while it records the run's last events, less what it spends idle, measured over A and
   B), which a loaded machine disturbs far less than the wall clock;
3. the fixed cost of a flow run (a task without documents, median of 3);
4. distributed mode: request-to-running latency of the `refit-anomaly-models` deployment through a
   process worker polling every second (`run_deployment(timeout=0)` to the run's recorded start).
Prints a table; nothing is asserted. Reads the corpus from ../shared/corpus (OCR_CORPUS_DIR).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from prefect_stack import isolated_prefect  # noqa: E402  (a bench module, found through the path above)

CORPUS = Path(os.environ.get("OCR_CORPUS_DIR", ROOT.parent / "shared" / "corpus"))
SERVER_TAIL = 6.0  # seconds after a flow run while the server still records it (its services flush every 5 s)


class CpuMeter:
    """CPU seconds spent by this process and its reaped children (`tesseract` CLI processes), and by the
    Prefect server's process tree, between `start()` and `stop()`."""

    def __init__(self, server_pid: int) -> None:
        import psutil

        self.server = psutil.Process(server_pid)
        self.marks: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def _now(self) -> tuple[float, float, float]:
        import psutil

        own = os.times()
        server = 0.0
        for process in [self.server, *self.server.children(recursive=True)]:
            try:
                server += sum(process.cpu_times()[:2])
            except psutil.Error:
                pass
        return own.user + own.system, own.children_user + own.children_system, server

    def start(self) -> None:
        self.marks = self._now()

    def stop(self) -> dict[str, float]:
        now = self._now()
        own, children, server = (b - a for a, b in zip(self.marks, now, strict=True))
        return {"own": own, "children": children, "server": server}


def bare_tesseract(paths: list[Path], workers: int) -> float:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def one(path: Path) -> None:
        subprocess.run(
            ["tesseract", str(path), "stdout", "--psm", "3", "tsv"], env=env, check=True, capture_output=True
        )

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, paths))
    return time.perf_counter() - started


def ingested_pages(paths: list[Path], workdir: Path) -> list[Path]:
    """The page images ingest writes (what the flow's OCR reads: small scans are upscaled)."""
    from ocr_tasks.config import OcrConfig
    from ocr_tasks.ingest import ingest_path

    return [
        Path(page.image_path)
        for path in paths
        for page in ingest_path(path, config=OcrConfig(), workdir=workdir / path.stem).pages
    ]


def library_wall(paths: list[Path], workers: int, workdir: Path) -> float:
    """The same library calls as the flow (ingest, recognise, extract, validate, score) without Prefect:
    a thread pool of `workers` over the documents."""
    from expectations.runner import validate_batch
    from ocr_tasks.anomaly import InvoiceRecord, score_anomalies
    from ocr_tasks.config import OcrConfig
    from ocr_tasks.extraction import extract_invoice
    from ocr_tasks.ingest import ingest_bytes
    from ocr_tasks.ocr_types import OcrDocument
    from ocr_tasks.recognise import recognise_page
    from ocr_tasks.result_types import DocumentResult

    config = OcrConfig(detect_orientation=False, deskew=False)

    def one(path: Path):
        ingested = ingest_bytes(path.read_bytes(), name=path.name, config=config, workdir=workdir / path.stem)
        pages = tuple(recognise_page(page, config) for page in ingested.pages)
        return ingested.source, extract_invoice(OcrDocument(source=ingested.source, pages=pages))

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        done = list(pool.map(one, paths))
    invoices = {source.id: invoice for source, invoice in done}
    validation = validate_batch(invoices)
    score_anomalies(
        [InvoiceRecord.from_result(DocumentResult(source=s, invoice=i)) for s, i in done],
        [],
        validation=validation,
    )
    return time.perf_counter() - started


def flow_wall(paths: list[Path], settings: dict) -> tuple[float, str]:
    from flows.dispatch import run_embedded
    from flows.memory_port import InMemoryPort
    from flows.settings import use_port

    port = InMemoryPort()
    task_id = port.add_task("bench", paths, settings=settings)
    started = time.perf_counter()
    with use_port(port):
        run_embedded(task_id)  # as the API's executor runs it
    return time.perf_counter() - started, port.status(task_id)


def request_to_running(env: dict, runs: int) -> list[float]:
    from prefect import get_client
    from prefect.deployments import run_deployment

    latencies = []
    with get_client(sync_client=True) as client:
        for _ in range(runs):
            requested = time.time()
            flow_run = run_deployment(
                "refit-anomaly-models/refit-anomaly-models",
                parameters={"project_id": "bench"},
                timeout=0,
                as_subflow=False,
            )
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                run = client.read_flow_run(flow_run.id)
                if run.start_time is not None:
                    latencies.append(run.start_time.timestamp() - requested)
                    break
                time.sleep(0.2)
            while time.monotonic() < deadline and not client.read_flow_run(flow_run.id).state.is_final():
                time.sleep(0.5)
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of A, B and C")
    parser.add_argument("--skip-distributed", action="store_true")
    args = parser.parse_args()

    home, port_number, env = isolated_prefect(args.workers)
    from flows import serve

    os.environ.update(
        {k: env[k] for k in ("PREFECT_API_URL", "PREFECT_UI_URL", "PREFECT_WORKER_QUERY_SECONDS")}
    )
    paths = sorted((CORPUS / "sroie-sample" / "images").glob("*.jpg"))[: args.documents]
    rows: list[tuple[str, str]] = []
    server = worker = None
    try:
        server = serve.start_server(port_number, env, home / "server.log")
        serve.wait_healthy(env["PREFECT_API_URL"], timeout=180, process=server)

        plain_settings = {
            "ocr": {"detect_orientation": False, "deskew": False},
            "extraction": {"enhanced": False, "reread": False, "second_opinion": False},
        }
        # warm-up, as a long-running API process or worker is warm: imports, the first flow run, the
        # Great Expectations context, first task runs in the runner's threads
        flow_wall(paths[:2], plain_settings)
        library_wall(paths[:2], args.workers, home / "lib-warm")
        pages = ingested_pages(paths, home / "pages")
        originals = bare_tesseract(paths, args.workers)
        bare, library, flow, flow_cli, status = [], [], [], [], ""
        meter = CpuMeter(server.pid)
        cpu_a, cpu_b, cpu_c, server_c = [], [], [], []
        idle_cpu = idle_seconds = 0.0  # the server's CPU while A and B run: what it spends idle
        time.sleep(SERVER_TAIL)  # the warm-up's run recorded
        for round_ in range(args.rounds):  # interleaved: the machine's speed drifts
            meter.start()
            bare.append(bare_tesseract(pages, args.workers))
            used = meter.stop()
            cpu_a.append(used["children"] + used["own"])  # the tesseract processes, and launching them
            idle_cpu, idle_seconds = idle_cpu + used["server"], idle_seconds + bare[-1]
            meter.start()
            library.append(library_wall(paths, args.workers, home / f"lib-{round_}"))
            used = meter.stop()
            cpu_b.append(used["own"])  # Tesseract's C API runs in this process
            idle_cpu, idle_seconds = idle_cpu + used["server"], idle_seconds + library[-1]
            meter.start()
            seconds, status = flow_wall(paths, plain_settings)
            time.sleep(SERVER_TAIL)
            used = meter.stop()
            cpu_c.append(used["own"])
            server_c.append((used["server"], seconds + SERVER_TAIL))
            flow.append(seconds)
            os.environ["OCR_TESSERACT_BINDING"] = "cli"  # the same flow reading pages through the CLI
            try:
                flow_cli.append(flow_wall(paths, plain_settings)[0])
            finally:
                del os.environ["OCR_TESSERACT_BINDING"]
            time.sleep(SERVER_TAIL)  # C' recorded before the next round's A
        idle_rate = idle_cpu / max(idle_seconds, 1e-9)
        cpu_c = [
            own + max(0.0, cpu - idle_rate * span) for own, (cpu, span) in zip(cpu_c, server_c, strict=True)
        ]
        default, default_status = flow_wall(paths, {})
        empty = statistics.median(flow_wall([], {})[0] for _ in range(3))
        n = len(paths)

        def both(values: list[float]) -> str:
            return f"{min(values):.2f} s (runs: {', '.join(f'{v:.2f}' for v in values)})"

        rows += [
            (
                f"bare tesseract CLI on the original files, {n} pages, {args.workers} at a time",
                f"{originals:.2f} s",
            ),
            ("A bare tesseract CLI on the page images the flow recognises", both(bare)),
            ("B same library calls without Prefect (ingest..score, thread pool)", both(library)),
            (f"C flow, embedded, same OCR config ({status})", both(flow)),
            ("ratio C / A, best runs (target <= 1.15)", f"{min(flow) / min(bare):.3f}"),
            (
                "ratio C / A, median over rounds",
                f"{statistics.median(c / a for c, a in zip(flow, bare, strict=True)):.3f}"
                f" (rounds: {', '.join(f'{c / a:.3f}' for c, a in zip(flow, bare, strict=True))})",
            ),
            ("ratio C / B (Prefect's share)", f"{min(flow) / min(library):.3f}"),
            ("CPU A: the tesseract processes (+ launching them)", both(cpu_a)),
            ("CPU B: this process", both(cpu_b)),
            ("CPU C: this process + the Prefect server's work for the run", both(cpu_c)),
            (
                "  of which the server (its idle CPU, measured over A and B, taken out)",
                both([max(0.0, cpu - idle_rate * span) for cpu, span in server_c])
                + f"; idle {idle_rate * 1000:.0f} ms/s",
            ),
            (
                "ratio C / A by CPU, median over rounds",
                f"{statistics.median(c / a for c, a in zip(cpu_c, cpu_a, strict=True)):.3f}"
                f" (rounds: {', '.join(f'{c / a:.3f}' for c, a in zip(cpu_c, cpu_a, strict=True))})",
            ),
            (
                "C' flow as C, pages read through pytesseract and the CLI (OCR_TESSERACT_BINDING=cli)",
                both(flow_cli),
            ),
            (
                "ratio C' / A, median over rounds (Prefect and the pipeline over the bare CLI, same binary)",
                f"{statistics.median(c / a for c, a in zip(flow_cli, bare, strict=True)):.3f}",
            ),
            (
                f"flow, embedded, default settings: orientation, deskew, second readings ({default_status})",
                f"{default:.2f} s",
            ),
            ("fixed cost per flow run (task without documents, median of 3)", f"{empty:.2f} s"),
            ("(C - A) / pages", f"{(min(flow) - min(bare)) / n * 1000:.0f} ms"),
        ]
        if not args.skip_distributed:
            serve.run_prefect(["work-pool", "create", "process", "--type", "process", "--overwrite"], env)
            serve.run_prefect(["--no-prompt", "deploy", "--name", "refit-anomaly-models"], env, timeout=300)
            worker = serve.start_worker("process", env, home / "worker.log")
            latencies = request_to_running(env, 3)
            rows.append(
                (
                    "distributed: request -> running, worker poll 1 s (min / median / max of 3)",
                    " / ".join(
                        f"{x:.2f}" for x in (min(latencies), statistics.median(latencies), max(latencies))
                    )
                    + " s"
                    if latencies
                    else "n/a",
                )
            )
    finally:
        serve.stop(worker)
        serve.stop(server)

    width = max(len(r[0]) for r in rows)
    print(f"\n{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 24}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print(
        f"\n(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores;"
        f" Prefect server on 127.0.0.1:{port_number})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
