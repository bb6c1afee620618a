"""The protocol every OCR engine implements: a name, a version, and page image -> `OcrPage`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from ocr_tasks.config import OcrConfig
    from ocr_tasks.ingest.pages import PageInput
    from ocr_tasks.ocr_types import OcrPage


@runtime_checkable
class OcrEngine(Protocol):
    """Recognises one page image. Implementations are picklable (they cross process boundaries), raise
    `OcrEngineError`/`OcrTimeout` on failure, and record their name and version on the page."""

    name: str

    @property
    def version(self) -> str: ...

    def recognise(self, page: PageInput, config: OcrConfig) -> OcrPage: ...
