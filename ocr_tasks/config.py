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

# What to do with the text layer of a scanned PDF page (a page image under invisible text: a scanner's or
# OCRmyPDF's OCR, `ingest/scanned_pages.py`): `ocr` reads the image with our own OCR and keeps the layer
# only as a fallback for a page our OCR reads almost nothing of; `trust` reads the layer as the page's
# text (no OCR: ~0.2 s a page instead of 2-3 s, with the other OCR's mistakes).
SCAN_TEXT_LAYER_CHOICES = ("ocr", "trust")


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
    scan_text_layer: str = "ocr"  # one of SCAN_TEXT_LAYER_CHOICES
    workers: int = field(default_factory=default_workers)
    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        if self.scan_text_layer not in SCAN_TEXT_LAYER_CHOICES:
            raise ValueError(
                f"scan_text_layer must be one of {', '.join(SCAN_TEXT_LAYER_CHOICES)}, "
                f"not {self.scan_text_layer!r}"
            )

    def with_(self, **changes) -> OcrConfig:
        return replace(self, **changes)
