"""Configuration of the library: one frozen object passed in as an argument (never read from Django
settings or the environment inside `ocr_tasks`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


# Tesseract page segmentation for extraction: one uniform block. On the corpus it finds the printed date
# and total more often than the automatic layout (psm 3) and keeps label and value on one row.
EXTRACTION_PSM = 6


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 50 * 1024 * 1024
    max_pages: int = 500
    max_pixels_per_page: int = 60_000_000  # refused before decoding (decompression bombs)
    page_timeout_seconds: float = 120.0


@dataclass(frozen=True, slots=True)
class OcrConfig:
    languages: str = "eng"  # Tesseract syntax, several joined by "+": "eng+deu"
    dpi: int = 300  # rendering DPI for PDF pages without a text layer
    psm: int = 3
    detect_orientation: bool = True
    deskew: bool = True
    # erase table and box rules before Tesseract reads a scanned page (engines/ruling_lines.py)
    erase_rules: bool = True
    workers: int = field(default_factory=default_workers)
    limits: Limits = field(default_factory=Limits)

    def with_(self, **changes) -> OcrConfig:
        return replace(self, **changes)
