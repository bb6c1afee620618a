"""A second opinion from another OCR engine: RapidOCR (PP-OCR models run by onnxruntime).

Tesseract stays the engine of the pipeline; this reads a document's image pages again for the
extraction's amounts and dates (`ExtractionOptions.second_reading`). It sees text that Tesseract
misses on faint thermal and dot-matrix receipts (on the SROIE sample the printed total is in its text
for every receipt, in Tesseract's for 84 %), at several times Tesseract's CPU per page, so the
extraction asks for it only when its own total or date is missing or unsure.

The detection, recognition and orientation models ship inside the `rapidocr` wheel; nothing is
downloaded. onnxruntime runs one thread per reading (pages are parallel a level up) and its
telemetry is switched off before it is imported.
"""

from __future__ import annotations

import os
import threading
import time

from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import OCR, Block, Line, OcrDocument, OcrPage, Word

ENGINE_NAME = "rapidocr"
MAX_SIDE = 2000  # pixels; RapidOCR's own default limit for detection

# one engine per thread, dropped with its thread (Prefect's task runner starts new threads per flow run;
# engines kept by thread id would pile up in a long-running API process)
_local = threading.local()


def available() -> bool:
    """Whether RapidOCR and onnxruntime are installed."""
    try:
        import onnxruntime  # noqa: F401
        import rapidocr  # noqa: F401
    except ImportError:
        return False
    return True


def engine_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("rapidocr")
    except PackageNotFoundError:
        return ""


def _engine():
    engine = getattr(_local, "engine", None)
    if engine is None:
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        from rapidocr import RapidOCR

        engine = _local.engine = RapidOCR(
            params={
                "Global.log_level": "error",
                "Global.max_side_len": MAX_SIDE,
                "EngineConfig.onnxruntime.intra_op_num_threads": 1,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            }
        )
    return engine


def lines_to_blocks(boxes, texts, scores, width: int, height: int) -> tuple[Block, ...]:
    """One block per detected text line; words get the share of the line's box their characters take."""
    blocks = []
    for box, text, score in zip(boxes, texts, scores, strict=False):
        parts = (text or "").split()
        if not parts:
            continue
        xs = [float(p[0]) for p in box]
        ys = [float(p[1]) for p in box]
        x0, x1 = max(0.0, min(xs)), min(float(width), max(xs))
        y0, y1 = max(0.0, min(ys)), min(float(height), max(ys))
        if x1 <= x0 or y1 <= y0:
            continue
        words, position = [], 0
        for part in parts:
            start = text.index(part, position)
            position = start + len(part)
            wx0 = x0 + (x1 - x0) * start / len(text)
            wx1 = x0 + (x1 - x0) * position / len(text)
            words.append(
                Word(
                    text=part,
                    bbox=BBox(wx0 / width, y0 / height, wx1 / width, y1 / height),
                    confidence=max(0.0, min(1.0, float(score))),
                )
            )
        blocks.append(Block.of([Line.of(words)]))
    return tuple(blocks)


def read_image(image, *, index: int = 0, dpi: int = 300, rotation: int = 0, skew: float = 0.0) -> OcrPage:
    """One page from a PIL image (already turned as the first reading turned it)."""
    import numpy as np

    started = time.perf_counter()
    rgb = image.convert("RGB")
    output = _engine()(np.asarray(rgb)[:, :, ::-1])  # RapidOCR takes OpenCV's BGR order
    boxes = output.boxes if output.boxes is not None else ()
    blocks = lines_to_blocks(boxes, output.txts or (), output.scores or (), rgb.width, rgb.height)
    return OcrPage(
        index=index,
        width=rgb.width,
        height=rgb.height,
        dpi=dpi,
        blocks=blocks,
        source=OCR,
        engine=ENGINE_NAME,
        engine_version=engine_version(),
        rotation=rotation,
        skew=skew,
        seconds=time.perf_counter() - started,
    )


def rapidocr_reading(ingested, document: OcrDocument) -> OcrDocument | None:
    """A RapidOCR reading of the document's OCRed image pages (turned and deskewed as the first reading
    turned them, so relative boxes line up). None when no page has an image or RapidOCR is missing."""
    if not available():
        return None
    from ocr_tasks.engines.orientation import turned_page_images

    pages = []
    for first, image in turned_page_images(ingested, document):
        try:
            pages.append(
                read_image(image, index=first.index, dpi=first.dpi, rotation=first.rotation, skew=first.skew)
            )
        except Exception:  # noqa: BLE001, S112 (no second opinion is not an error)
            continue
    return OcrDocument(source=document.source, pages=tuple(pages)) if pages else None
