"""Fake OCR engines for orchestration tests (the OCR itself is tested with real Tesseract elsewhere),
and small page images made by code."""

from __future__ import annotations

import io
import threading
import time

from PIL import Image, ImageDraw

from ocr_tasks.errors import OcrEngineError, OcrTimeout
from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import Block, Line, OcrPage, Word

INVOICE_LINES = (
    "ACME Supplies Ltd",
    "Invoice No INV-1001",
    "Date 2024-03-05",
    "Subtotal 100.00",
    "VAT 20.00",
    "Total 120.00",
)


def png_bytes(label: str = "page", size: tuple[int, int] = (600, 800)) -> bytes:
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).text((40, 40), label, fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def invoice_page(page, engine: str = "fake") -> OcrPage:
    lines = []
    for row, text in enumerate(INVOICE_LINES):
        top = 0.05 + row * 0.06
        words = tuple(
            Word(text=w, bbox=BBox(0.1 + i * 0.15, top, 0.1 + i * 0.15 + 0.12, top + 0.03), confidence=0.95)
            for i, w in enumerate(text.split())
        )
        lines.append(Line.of(words))
    return OcrPage(
        index=page.index,
        width=page.width,
        height=page.height,
        dpi=page.dpi,
        blocks=(Block.of(lines),),
        engine=engine,
        engine_version="0",
        seconds=0.0,
    )


class FakeEngine:
    """Returns the same invoice text for every page; counts its calls (class-wide, thread-safe)."""

    name = "fake"
    calls = 0
    delay = 0.0
    _lock = threading.Lock()

    @property
    def version(self) -> str:
        return "0"

    def recognise(self, page, config) -> OcrPage:
        with self._lock:
            type(self).calls += 1
        if self.delay:
            time.sleep(self.delay)
        return invoice_page(page, self.name)


class SlowEngine(FakeEngine):
    name = "slow"
    calls = 0
    delay = 0.6


class PacedEngine(FakeEngine):
    name = "paced"
    calls = 0
    delay = 0.15


class GlacialEngine(FakeEngine):
    """Seconds per page: a cancel must not wait for the pages being read."""

    name = "glacial"
    calls = 0
    delay = 4.0


class FlakyEngine(FakeEngine):
    """Times out on its first call, then works: a transient failure."""

    name = "flaky"
    calls = 0

    def recognise(self, page, config) -> OcrPage:
        with self._lock:
            type(self).calls += 1
            first = type(self).calls == 1
        if first:
            raise OcrTimeout("tesseract took too long")
        return invoice_page(page, self.name)


class BrokenEngine(FakeEngine):
    """Fails every call with a non-transient engine error."""

    name = "broken"
    calls = 0

    def recognise(self, page, config) -> OcrPage:
        with self._lock:
            type(self).calls += 1
        raise OcrEngineError("engine cannot read this page")


FAKE_ENGINES = {
    cls.name: cls for cls in (FakeEngine, SlowEngine, PacedEngine, GlacialEngine, FlakyEngine, BrokenEngine)
}


def register_fake_engines(registry: dict) -> None:
    registry.update(FAKE_ENGINES)


def fake_settings(engine: str) -> dict:
    """Project settings of orchestration tests: a fake engine, and no second Tesseract reading."""
    return {"ocr_engine": engine, "extraction": {"enhanced": False, "reread": False}}
