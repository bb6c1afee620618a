"""Tesseract's C API through tesserocr: the page reading of `engines.tesseract` without a `tesseract`
process per page (~0.05 s of start-up and model loading each; 10-25 % of a receipt's OCR time).

Used only when tesserocr is linked against the same Tesseract version as the `tesseract` CLI (it is
built from source against the system library, see pyproject's `[tool.uv]`), so that the output is the
CLI's exactly: the same TSV, turned into the same dict as `pytesseract.image_to_data`. One engine per
thread and process (a TessBaseAPI is not thread-safe; it releases the GIL while it recognises, so
threads run in parallel), per language and page segmentation mode. `OCR_TESSERACT_BINDING=cli`
switches back to the CLI. Images in memory (the enhanced second reading, region crops) are read the
same way (`pil_image_to_data`, `pil_image_to_string`) instead of a PNG file and a process each.
"""

from __future__ import annotations

import os
import threading
import time
from functools import lru_cache

from ocr_tasks.config import OcrConfig
from ocr_tasks.engines.tesseract_install import import_pytesseract, tesseract_version
from ocr_tasks.errors import OcrEngineError, OcrTimeout

TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"

_local = threading.local()


@lru_cache(maxsize=1)
def _linked_version() -> str | None:
    """The Tesseract version tesserocr is linked against; None when tesserocr cannot be imported."""
    try:
        import tesserocr
    except ImportError:
        return None
    return tesserocr.tesseract_version().split()[1]


def available() -> bool:
    """Whether pages are read through the C API: tesserocr importable, linked against the CLI's
    Tesseract version, and not switched off (`OCR_TESSERACT_BINDING=cli`)."""
    if os.environ.get("OCR_TESSERACT_BINDING", "").lower() == "cli":
        return False
    linked = _linked_version()
    try:
        return linked is not None and linked == tesseract_version()
    except OcrEngineError:
        return False


def _api(languages: str, psm: int):
    """This thread's engine for `languages` and `psm` (made on first use, ~0.1 s; kept per process:
    a forked worker makes its own)."""
    import tesserocr

    engines = getattr(_local, "engines", None)
    if engines is None or getattr(_local, "pid", None) != os.getpid():
        engines = _local.engines = {}
        _local.pid = os.getpid()
    key = (languages, psm)
    if key not in engines:
        try:
            engines[key] = tesserocr.PyTessBaseAPI(lang=languages, psm=psm)
        except RuntimeError as exc:
            raise OcrEngineError(f"tesseract cannot load {languages!r}: {exc}") from exc
    return engines[key]


def image_to_data(path: str, config: OcrConfig, timeout: float) -> dict:
    """The reading of the image at `path`, in `pytesseract.image_to_data(..., output_type=DICT)` form."""
    api = _api(config.languages, int(config.psm))
    try:
        api.SetImageFile(path)
    except Exception as exc:  # RuntimeError from Leptonica, or Pillow's errors from tesserocr's fallback
        api.Clear()
        raise OcrEngineError(f"tesseract failed: cannot read {os.path.basename(path)}: {exc}") from exc
    return _tsv_dict(_recognised(api, timeout, config.limits.page_timeout_seconds, tsv=True))


def pil_image_to_data(image, *, languages: str, psm: int, timeout: float) -> dict:
    """`image_to_data` of an image in memory (a PIL image: an enhanced page, a crop), without the PNG file
    and the `tesseract` process pytesseract would make for it."""
    api = _api(languages, int(psm))
    api.SetImage(image)
    return _tsv_dict(_recognised(api, timeout, timeout, tsv=True))


def pil_image_to_string(image, *, languages: str, psm: int, timeout: float) -> str:
    """The text of an image in memory (`pytesseract.image_to_string` of the same image)."""
    api = _api(languages, int(psm))
    api.SetImage(image)
    return _recognised(api, timeout, timeout, tsv=False)


def _recognised(api, timeout: float, limit: float, *, tsv: bool) -> str:
    """Recognise the image set on `api` (TSV or plain text) and clear it, whatever happens."""
    started = time.perf_counter()
    try:
        if not api.Recognize(timeout=max(1, int(timeout * 1000))):
            if time.perf_counter() - started >= timeout * 0.9:
                raise OcrTimeout(f"OCR took longer than {limit:g} s")
            raise OcrEngineError("tesseract failed to recognise the page")
        return api.GetTSVText(0) if tsv else api.GetUTF8Text()
    finally:
        api.Clear()


def _tsv_dict(tsv: str) -> dict:
    file_to_dict = import_pytesseract().pytesseract.file_to_dict  # its parser, without pandas
    return file_to_dict(f"{TSV_HEADER}\n{tsv}", "\t", -1)
