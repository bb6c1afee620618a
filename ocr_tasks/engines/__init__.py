"""OCR engines behind one small protocol (`base.OcrEngine`) and a registry (`get_engine`).

Owns the Tesseract implementation (its C API through tesserocr, or pytesseract and the CLI; the
installed Tesseract both use in `tesseract_install`), page-image corrections (orientation, skew) done
before recognition, and the second opinion of another engine (RapidOCR, `rapidocr_reading`) that the
extraction asks for amounts and dates when its own are unsure. Must not import ingest internals beyond
`PageInput`, nor django, prefect or streamlit.
"""

from __future__ import annotations

from collections.abc import Callable

from ocr_tasks.engines.base import OcrEngine


def _tesseract() -> OcrEngine:
    from ocr_tasks.engines.tesseract import TesseractEngine

    return TesseractEngine()


ENGINES: dict[str, Callable[[], OcrEngine]] = {"tesseract": _tesseract}


def get_engine(name: str = "tesseract") -> OcrEngine:
    """A new engine by name (`tesseract`); ValueError for an unknown name."""
    try:
        factory = ENGINES[name]
    except KeyError:
        raise ValueError(f"unknown OCR engine {name!r}; known: {', '.join(sorted(ENGINES))}") from None
    return factory()


__all__ = ["ENGINES", "OcrEngine", "get_engine"]
