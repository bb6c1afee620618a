"""The installed Tesseract, as both page readings need it: pytesseract imported without pandas
(`import_pytesseract`) and the CLI's version (`tesseract_version`). `engines.tesseract` reads pages
through pytesseract and the CLI, `engines.tesseract_api` through the C API when tesserocr is linked
against that same version; both import these helpers from here.
"""

from __future__ import annotations

import sys
import threading
from functools import lru_cache

from ocr_tasks.errors import OcrEngineError


class _NoPandasInThisThread:
    """A meta-path finder that refuses `pandas` to the thread that installed it (other threads import it
    normally)."""

    def __init__(self) -> None:
        self.thread = threading.get_ident()

    def find_spec(self, name, path=None, target=None):
        if name == "pandas" and threading.get_ident() == self.thread:
            raise ModuleNotFoundError("pandas is not needed for pytesseract's dict output", name=name)


def import_pytesseract():
    """pytesseract, imported without pandas when pandas is not loaded yet.

    pytesseract imports pandas at import time only for its DataFrame output, which is not used here;
    that import costs 1-6 s per process (measured), i.e. per OCR worker. Other modules that call
    pytesseract should import it through this function."""
    if "pytesseract" in sys.modules or "pandas" in sys.modules:
        import pytesseract

        return pytesseract
    blocker = _NoPandasInThisThread()
    sys.meta_path.insert(0, blocker)
    try:
        import pytesseract
    finally:
        sys.meta_path.remove(blocker)
    return pytesseract


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    """The `tesseract` CLI's version (`5.3.4`); `OcrEngineError` when it is missing or broken."""
    pytesseract = import_pytesseract()

    try:
        return str(pytesseract.get_tesseract_version()).split()[0]
    except Exception as exc:  # TesseractNotFoundError and friends
        raise OcrEngineError(f"tesseract is not available: {exc}") from exc
