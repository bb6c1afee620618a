"""A second opinion from another OCR engine: RapidOCR (PP-OCR models run by onnxruntime).

Tesseract stays the engine of the pipeline; this reads a document's image pages again for the
extraction's amounts and dates (`ExtractionOptions.second_reading`). It sees text that Tesseract
misses on faint thermal and dot-matrix receipts (on the SROIE sample the printed total is in its text
for every receipt, in Tesseract's for 84 %), at several times Tesseract's CPU per page, so the
extraction asks for it only when its own total or date is missing or unsure.

The detection, recognition and orientation models ship inside the `rapidocr` wheel; nothing is
downloaded. onnxruntime runs one thread per reading (pages are parallel a level up) and its
telemetry is switched off before it is imported.

One engine per process, shared by every thread: loading it costs ~0.5 s of CPU and its sessions hold
~100 MB, so an engine per thread (the API's executor and Prefect's task runners start threads per run)
multiplied both. Sharing is safe: onnxruntime sessions run concurrently, and nothing here changes the
engine's parameters per call (RapidOCR keeps per-call overrides such as `use_det=` on the engine itself,
so they are never passed). A forked process makes its own. Page detections run one at a time
(`OCR_RAPIDOCR_CONCURRENCY`, default 1), and freed memory is given back to the system after each reading.
"""

from __future__ import annotations

import os
import threading
import time

from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import OCR, Block, Line, OcrDocument, OcrPage, Word
from ocr_tasks.process_memory import give_back_freed_memory

ENGINE_NAME = "rapidocr"
MAX_SIDE = 2000  # pixels; RapidOCR's own default limit for detection
# Detection enlarges a page whose short side is below this (RapidOCR's default, 736, enlarged narrow
# receipts ~1.6x both ways). At 544, on the 84 SROIE receipts that ask for a second opinion: no field
# lost, one date gained, detection pixels -9 % (bench/README.md, extraction_cost.py).
DET_MIN_SIDE = 544

_lock = threading.Lock()
_shared: dict[str, object] = {}  # "pid" -> the process the engines were made in, kind -> RapidOCR
# the page engine (detection, line orientation, recognition) and, for readings of chosen lines, one that
# only detects and one that only recognises: per-call switches would change a shared engine's state
_KINDS = {
    "page": {},
    "detect": {"Global.use_cls": False, "Global.use_rec": False},
    "recognise": {"Global.use_det": False, "Global.use_cls": False},
}


# Detection on a whole page needs a few hundred MB of tensors while it runs: one at a time per process
# (threads reading pages concurrently made the API's peak memory several times that); recognition of
# lines is small and runs concurrently.
_detections = threading.BoundedSemaphore(max(1, int(os.environ.get("OCR_RAPIDOCR_CONCURRENCY", "1"))))


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


def _engine(kind: str = "page"):
    """The process's engine of `kind` (made on first use; its models load on first call)."""
    with _lock:
        if _shared.get("pid") != os.getpid():
            _shared.clear()
            _shared["pid"] = os.getpid()
        if kind not in _shared:
            os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
            from rapidocr import RapidOCR

            _shared[kind] = RapidOCR(
                params={
                    "Global.log_level": "error",
                    "Global.max_side_len": MAX_SIDE,
                    "Det.limit_side_len": DET_MIN_SIDE,
                    "EngineConfig.onnxruntime.intra_op_num_threads": 1,
                    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                    **_KINDS[kind],
                }
            )
        return _shared[kind]


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
    with _detections:
        output = _engine()(np.asarray(rgb)[:, :, ::-1])  # RapidOCR takes OpenCV's BGR order
    give_back_freed_memory()
    boxes = output.boxes if output.boxes is not None else ()
    blocks = lines_to_blocks(boxes, output.txts or (), output.scores or (), rgb.width, rgb.height)
    return _page(rgb, blocks, index=index, dpi=dpi, rotation=rotation, skew=skew, started=started)


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


def read_lines_in_bands(
    image, bands, first_lines, *, index: int = 0, dpi: int = 300, rotation: int = 0, skew: float = 0.0
) -> OcrPage:
    """A page from a PIL image where only some detected lines are recognised: those whose middle lies in
    one of `bands` (relative `(top, bottom)`: the unsure rows that matter) and those no line of the first
    reading covers (`first_lines`, relative boxes: text Tesseract did not see at all). Detection runs on
    the whole page (it is what finds the missed text); recognition, most of a page reading's time, only
    where a second reading can change something."""
    import numpy as np

    started = time.perf_counter()
    rgb = image.convert("RGB")
    bgr = np.ascontiguousarray(np.asarray(rgb)[:, :, ::-1])
    detector = _engine("detect")
    with _detections:
        found = detector(bgr)
    boxes = found.boxes if found.boxes is not None else ()
    chosen = [box for box in boxes if _wanted(box, bands, first_lines, rgb.width, rgb.height)]
    texts, scores = [], []
    if chosen:
        recogniser = _engine("recognise")
        for crop in detector.crop_text_regions(bgr, np.array(chosen, dtype=np.float32)):
            output = recogniser(crop)
            texts.append((output.txts or ("",))[0])
            scores.append((output.scores or (0.0,))[0])
    give_back_freed_memory()
    blocks = lines_to_blocks(chosen, texts, scores, rgb.width, rgb.height)
    return _page(rgb, blocks, index=index, dpi=dpi, rotation=rotation, skew=skew, started=started)


def _page(rgb, blocks, *, index: int, dpi: int, rotation: int, skew: float, started: float) -> OcrPage:
    """The `OcrPage` of a RapidOCR reading of `rgb` (a whole page or chosen lines), timed from `started`."""
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


def _wanted(box, bands, first_lines, width: int, height: int) -> bool:
    ys = [float(p[1]) / height for p in box]
    xs = [float(p[0]) / width for p in box]
    middle = (min(ys) + max(ys)) / 2
    if any(top <= middle <= bottom for top, bottom in bands):
        return True
    x_middle = (min(xs) + max(xs)) / 2
    return not any(b.y0 <= middle <= b.y1 and b.x0 <= x_middle <= b.x1 for b in first_lines)


def rapidocr_lines_reading(ingested, document: OcrDocument, bands) -> OcrDocument | None:
    """`rapidocr_reading` of the lines that matter only (`read_lines_in_bands`; `bands`: page index ->
    relative `(top, bottom)` bands). Pages without bands still get the lines Tesseract missed. None when
    no page has an image or RapidOCR is missing."""
    if not available():
        return None
    from ocr_tasks.engines.orientation import turned_page_images

    pages = []
    for first, image in turned_page_images(ingested, document):
        first_lines = [line.bbox for block in first.blocks for line in block.lines]
        try:
            pages.append(
                read_lines_in_bands(
                    image,
                    bands.get(first.index, ()),
                    first_lines,
                    index=first.index,
                    dpi=first.dpi,
                    rotation=first.rotation,
                    skew=first.skew,
                )
            )
        except Exception:  # noqa: BLE001, S112 (no second opinion is not an error)
            continue
    return OcrDocument(source=document.source, pages=tuple(pages)) if pages else None
