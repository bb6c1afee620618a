"""Tesseract's C API through tesserocr: the page reading of `engines.tesseract` without a `tesseract`
process per page (~0.05 s of start-up and model loading each; 10-25 % of a receipt's OCR time).

Used only when tesserocr is linked against the same Tesseract version as the `tesseract` CLI (it is
built from source against the system library, see pyproject's `[tool.uv]`), so that the output is the
CLI's exactly: the same TSV, turned into the same dict as `pytesseract.image_to_data`. Engines are
kept per process, language and page segmentation mode, and lent to one thread at a time (a TessBaseAPI
is not thread-safe; it releases the GIL while it recognises, so threads run in parallel): the thread
pool of a flow run finds the engines of the previous run (making one loads the model, ~0.1 s of CPU),
and a process holds as many as ran at once, not one per thread that ever read. `OCR_TESSERACT_BINDING=cli`
switches back to the CLI. Images in memory (the enhanced second reading, region crops) are read the
same way (`pil_image_to_data`, `pil_image_to_string`) instead of a PNG file and a process each.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from ocr_tasks.config import OcrConfig
from ocr_tasks.engines.tesseract_install import import_pytesseract, tesseract_version
from ocr_tasks.errors import OcrEngineError, OcrTimeout

TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"

# idle engines kept per language and mode (~10-20 MB each once used; one given back beyond that is ended):
# as many as pages can be read at once on this machine's cores
MAX_IDLE_ENGINES = max(2, os.cpu_count() or 2)


class _EnginePool:
    """This process's engines, each lent to one thread at a time (`lend`); a forked child starts empty."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: dict[tuple[str, int], list] = {}
        self._pid = os.getpid()

    def _take(self, key: tuple[str, int]):
        with self._lock:
            if self._pid != os.getpid():  # forked: the parent's engines are not this process's to use
                self._idle, self._pid = {}, os.getpid()
            idle = self._idle.get(key)
            return idle.pop() if idle else None

    def _give_back(self, key: tuple[str, int], api) -> None:
        with self._lock:
            idle = self._idle.setdefault(key, [])
            if self._pid == os.getpid() and len(idle) < MAX_IDLE_ENGINES:
                idle.append(api)
                return
        api.End()

    def idle(self, languages: str, psm: int) -> int:
        """How many engines for `languages` and `psm` wait to be lent."""
        with self._lock:
            return len(self._idle.get((languages, int(psm)), ()))

    @contextmanager
    def lend(self, languages: str, psm: int) -> Iterator:
        """An engine for `languages` and `psm`, the calling thread's alone until the block ends (made when
        none is idle)."""
        import tesserocr

        key = (languages, int(psm))
        api = self._take(key)
        if api is None:
            try:
                api = tesserocr.PyTessBaseAPI(lang=languages, psm=key[1])
            except RuntimeError as exc:
                raise OcrEngineError(f"tesseract cannot load {languages!r}: {exc}") from exc
        try:
            yield api
        finally:
            self._give_back(key, api)


_engines = _EnginePool()


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


def image_to_data(path: str, config: OcrConfig, timeout: float) -> dict:
    """The reading of the image at `path`, in `pytesseract.image_to_data(..., output_type=DICT)` form."""
    with _engines.lend(config.languages, config.psm) as api:
        try:
            api.SetImageFile(path)
        except Exception as exc:  # RuntimeError from Leptonica, or Pillow's errors from tesserocr's fallback
            api.Clear()
            raise OcrEngineError(f"tesseract failed: cannot read {os.path.basename(path)}: {exc}") from exc
        tsv = _recognised(api, timeout, config.limits.page_timeout_seconds, tsv=True)
    return _tsv_dict(tsv)


def pil_image_to_data(image, *, languages: str, psm: int, timeout: float) -> dict:
    """`image_to_data` of an image in memory (a PIL image: an enhanced page, a crop), without the PNG file
    and the `tesseract` process pytesseract would make for it."""
    with _engines.lend(languages, psm) as api:
        api.SetImage(image)
        tsv = _recognised(api, timeout, timeout, tsv=True)
    return _tsv_dict(tsv)


def pil_image_to_string(image, *, languages: str, psm: int, timeout: float) -> str:
    """The text of an image in memory (`pytesseract.image_to_string` of the same image)."""
    with _engines.lend(languages, psm) as api:
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
