"""A fake OCR engine for orchestration tests (module level: picklable into worker processes)."""

from __future__ import annotations

import os

from ocr_tasks.errors import OcrEngineError
from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import Block, Line, OcrPage, Word


class FakeEngine:
    """Reads a page as one word `page-<index>` and records the pid of the process that did it."""

    name = "fake"
    version = "1.0"

    def __init__(self, fail_on: int | None = None) -> None:
        self.fail_on = fail_on

    def recognise(self, page, config) -> OcrPage:
        if page.text_page is not None:
            raise AssertionError("a text-layer page reached the OCR engine")
        if page.index == self.fail_on:
            raise OcrEngineError(f"page {page.index} is unreadable")
        word = Word(text=f"page-{page.index}", bbox=BBox(0.1, 0.1, 0.5, 0.2), confidence=0.9)
        pid = Word(text=f"pid-{os.getpid()}", bbox=BBox(0.6, 0.1, 0.9, 0.2), confidence=0.9)
        return OcrPage(
            index=page.index,
            width=page.width,
            height=page.height,
            dpi=page.dpi,
            blocks=(Block.of([Line.of([word, pid])]),),
            engine=self.name,
            engine_version=self.version,
        )


class DyingEngine(FakeEngine):
    """Kills its worker process on page `die_on` (as the OOM killer would)."""

    def __init__(self, die_on: int) -> None:
        super().__init__()
        self.die_on = die_on

    def recognise(self, page, config) -> OcrPage:
        if page.index == self.die_on:
            os._exit(9)
        return super().recognise(page, config)
