"""The progress tracker counts the documents whose extraction is over (`Progress.documents_extracted`):
`documents_done` waits for the batch's checks and save, so a task of 12 receipts said "0/12 documents"
until its end."""

from __future__ import annotations

from flows.port import Progress
from flows.progress import ProgressTracker


class _Reports:
    def __init__(self) -> None:
        self.log: list[Progress] = []

    def report_progress(self, task_id: str, progress: Progress) -> None:
        self.log.append(progress)


def test_extracted_documents_are_counted_before_the_batch_is_saved():
    port = _Reports()
    tracker = ProgressTracker(port, "t", documents=["a", "b", "c"], page_counts={"a": 1, "b": 1, "c": 1})
    for doc in ("a", "b", "c"):
        tracker.ingested(doc, 1)
        tracker.page_done(doc)
    tracker.enter("extract")
    tracker.steps_done(["a"], "extract")
    tracker.steps_done(["b"], "extract")
    assert (port.log[-1].documents_extracted, port.log[-1].documents_done) == (2, 0)
    tracker.document_done("c")  # c failed in extraction: settled, so over too
    assert (port.log[-1].documents_extracted, port.log[-1].documents_done) == (3, 1)
    tracker.enter("validate")
    tracker.steps_done(["a", "b"], "validate")
    for doc in ("a", "b"):
        tracker.document_done(doc)
    assert (port.log[-1].documents_extracted, port.log[-1].documents_done) == (3, 3)


def test_documents_an_earlier_attempt_settled_count_as_extracted():
    port = _Reports()
    tracker = ProgressTracker(port, "t", documents=["a", "b"], page_counts={"a": 1, "b": 1}, settled=["a"])
    tracker.enter("ocr")
    assert (port.log[-1].documents_extracted, port.log[-1].documents_done) == (1, 1)
