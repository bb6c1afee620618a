"""Progress of one task, written through the port as the flow goes. Counters only grow and the
step only moves forward, so a status query never sees the task go backwards."""

from __future__ import annotations

from flows.port import PipelinePort, Progress

STEPS = ("ingest", "ocr", "extract", "validate", "anomalies", "save", "done")


class ProgressTracker:
    def __init__(self, port: PipelinePort, task_id: str, *, documents_total: int) -> None:
        self._port = port
        self._task_id = task_id
        self.step = STEPS[0]
        self.documents_total = documents_total
        self.documents_done = 0
        self.pages_total = 0
        self.pages_done = 0

    def enter(self, step: str) -> None:
        if STEPS.index(step) > STEPS.index(self.step):
            self.step = step
            self.report()

    def add_pages(self, count: int) -> None:
        self.pages_total += count
        self.report()

    def page_done(self) -> None:
        self.pages_done = min(self.pages_done + 1, self.pages_total)
        self.report()

    def document_done(self) -> None:
        self.documents_done = min(self.documents_done + 1, self.documents_total)
        self.report()

    def report(self) -> None:
        self._port.report_progress(
            self._task_id,
            Progress(
                step=self.step,
                documents_done=self.documents_done,
                documents_total=self.documents_total,
                pages_done=self.pages_done,
                pages_total=self.pages_total,
            ),
        )
