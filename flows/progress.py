"""Progress of one task, written through the port as the flow goes.

The percentage is weighted by what each step costs (`weighted_percent`): a receipt spends far longer in
extraction (region re-reads, a second opinion) than in OCR, and validation has a fixed cost per batch,
so a bar fed by pages alone sat at 100 % through most of a run. Counters only grow, the step only moves
forward and the percentage never decreases; it stays below 100 while the task runs (the task's record
says 100 once it has ended, see `django_api.invoices.models.OcrTask.percent`).

A document that fails settles its remaining steps (they will not run); a cancelled one is not counted
as done, so a cancelled task never reads "40/40 documents".

The page total is known before the first percentage: the pages counted when the documents were received
(`TaskInputs.page_counts`), replaced by what ingest finds; while a document's count is unknown, reports
carry no percentage. A re-queued task's next attempt starts its counts again (its reports carry the
attempt's number, `Progress.attempt`), counting the documents an earlier attempt settled as done.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from expectations.project_settings import ProjectSettings
from flows.port import PipelinePort, Progress
from flows.run_state import DOCUMENT_STAGES, RUN_STAGES, Stage

STEPS = RUN_STAGES
DOCUMENT_STEPS = DOCUMENT_STAGES  # one unit per document

# (fixed cost per task, cost per unit) per step, in seconds of a 2-core machine; a unit is a page for
# `ocr`, a document otherwise. From the timings of `process_invoices` on SROIE receipts (2026-11-29,
# warm process): Tesseract ~1.5 s a page; extraction with the default second readings ~20 s of a
# worker a receipt (~13x its OCR; see `extraction_cost`); Great Expectations' batch ~1 s warm (16 s
# for the first import in a process).
STEP_COSTS: dict[str, tuple[float, float]] = {
    "ingest": (0.0, 0.1),
    "ocr": (0.0, 1.5),
    "extract": (0.0, 12.5),  # the default settings; `step_costs` adjusts it to a project's
    "validate": (2.0, 0.1),
    "anomalies": (0.3, 0.02),
    "save": (0.0, 0.05),
}
# extraction's cost per document: the field rules, plus each second reading the project leaves on
# (`extraction` settings, as `flows.tasks.extract` reads them). A rough split of the measured total.
EXTRACT_BASE = 0.5
EXTRACT_PASSES = {"enhanced": 4.0, "reread": 2.0, "second_opinion": 6.0}
RUNNING_CEILING = 99.0  # the most a running task shows


def step_costs(settings: ProjectSettings | None = None) -> dict[str, tuple[float, float]]:
    """`STEP_COSTS` with extraction's cost for a project's settings (None: the defaults)."""
    section = (settings or ProjectSettings()).extraction
    extract = EXTRACT_BASE + sum(cost for name, cost in EXTRACT_PASSES.items() if getattr(section, name))
    return {**STEP_COSTS, "extract": (0.0, extract)}


def weighted_percent(
    counts: Mapping[str, tuple[float, float]], costs: Mapping[str, tuple[float, float]] = STEP_COSTS
) -> float:
    """Percent of a task's work done, from `(units done, units in all)` per step (`costs` keys; a step
    missing or with no units adds nothing). The one place the percentage is computed."""
    total = done = 0.0
    for step, (fixed, per_unit) in costs.items():
        units_done, units = counts.get(step, (0.0, 0.0))
        if units <= 0:
            continue
        cost = fixed + per_unit * units
        total += cost
        done += cost * min(1.0, max(0.0, units_done / units))
    return 100.0 * done / total if total else 0.0


class ProgressTracker:
    """Counts what is done per document and reports it (with the weighted percentage) through the port.
    Called from the flow's thread only."""

    def __init__(
        self,
        port: PipelinePort,
        task_id: str,
        *,
        documents: Iterable[str],
        costs: Mapping[str, tuple[float, float]] = STEP_COSTS,
        page_counts: Mapping[str, int] | None = None,
        settled: Iterable[str] = (),
        attempt: int | None = None,
    ) -> None:
        """`page_counts`: pages counted when the documents were received; `settled`: documents an earlier
        attempt finished (counted done from the start); `attempt`: carried by every report."""
        self._port = port
        self._task_id = task_id
        self._costs = costs
        self._attempt = attempt
        self._settled: dict[str, set[str]] = {doc_id: set() for doc_id in documents}  # steps done/skipped
        self._expected = {d: n for d, n in (page_counts or {}).items() if d in self._settled and n > 0}
        self._pages: dict[str, list[int]] = {}  # ingested doc id -> [pages settled, pages]
        self.step = Stage.INGEST
        self.documents_total = len(self._settled)
        self.documents_done = 0
        self.pages_total = 0
        self.pages_done = 0
        self.percent = 0.0
        self._grow_pages_total()
        for doc_id in settled:
            if doc_id in self._settled:
                self.pages_done += self._settle(doc_id)
                self.documents_done += 1

    # -- what the flow tells -----------------------------------------------------------------
    def enter(self, step: str) -> None:
        if STEPS.index(step) > STEPS.index(self.step):
            self.step = step
            self.report()

    def ingested(self, doc_id: str, pages: int) -> None:
        self._settled[doc_id].add(Stage.INGEST)
        self._pages[doc_id] = [0, pages]
        self._grow_pages_total()
        self.report()

    def _grow_pages_total(self) -> None:
        """Pages found by ingest, else counted at upload; never lower than reported before (a document
        that holds fewer pages than counted leaves it as it is: the task's end sets the final counts)."""
        known = sum(c[1] for c in self._pages.values())
        known += sum(n for d, n in self._expected.items() if d not in self._pages)
        self.pages_total = max(self.pages_total, known)

    def totals_known(self) -> bool:
        return all(d in self._pages or d in self._expected for d in self._settled)

    def page_done(self, doc_id: str) -> None:
        counts = self._pages.get(doc_id)
        if counts is None or counts[0] >= counts[1]:
            return  # a page of a document already settled (failed meanwhile)
        counts[0] += 1
        self.pages_done = min(self.pages_done + 1, self.pages_total)
        self.report()

    def steps_done(self, doc_ids: Iterable[str], *steps: str) -> None:
        """`steps` of these documents are done (`validate`, `anomalies`: the batch's)."""
        for doc_id in doc_ids:
            self._settled[doc_id].update(steps)
        self.report()

    def document_done(self, doc_id: str) -> None:
        """The document is saved, or failed for good: every step of it is settled."""
        self.pages_done = min(self.pages_done + self._settle(doc_id), self.pages_total)
        self.documents_done = min(self.documents_done + 1, self.documents_total)
        self.report()

    def document_cancelled(self, doc_id: str) -> None:
        """The document will not be finished: not counted as done, and the percentage stays put."""

    # -- what is reported ----------------------------------------------------------------------
    def _settle(self, doc_id: str) -> int:
        """Every step and page of the document settled; returns how many of its pages were not yet."""
        self._settled[doc_id].update(DOCUMENT_STEPS)
        done, pages = self._pages.get(doc_id) or (0, self._expected.get(doc_id, 0))
        self._pages[doc_id] = [pages, pages]
        return pages - done

    def documents_extracted(self) -> int:
        """Documents whose extraction is over (read, or failed or finished before it)."""
        return sum(1 for steps in self._settled.values() if Stage.EXTRACT in steps)

    def counts(self) -> dict[str, tuple[float, float]]:
        """`(units done, units in all)` per step (pages of documents not yet ingested as counted)."""
        counts: dict[str, tuple[float, float]] = {
            Stage.OCR: (sum(c[0] for c in self._pages.values()), float(self.pages_total))
        }
        for step in DOCUMENT_STEPS:
            settled = sum(1 for steps in self._settled.values() if step in steps)
            counts[step] = (settled, self.documents_total)
        return counts

    def report(self) -> None:
        percent = None
        if self.totals_known():
            now = min(RUNNING_CEILING, weighted_percent(self.counts(), self._costs))
            self.percent = percent = max(self.percent, round(now, 1))
        self._port.report_progress(
            self._task_id,
            Progress(
                step=self.step,
                documents_done=self.documents_done,
                documents_total=self.documents_total,
                pages_done=self.pages_done,
                pages_total=self.pages_total,
                percent=percent,
                attempt=self._attempt,
                documents_extracted=self.documents_extracted(),
            ),
        )
