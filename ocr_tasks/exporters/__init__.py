"""Exporters of OCR results: JSON (the `to_dict` form), plain text in reading order, and hOCR.

Pure functions from `OcrDocument` to `str`; must not import engines, ingest, django, prefect or streamlit.
"""

from ocr_tasks.exporters.hocr import to_hocr
from ocr_tasks.exporters.json_text import to_json, to_text

FORMATS = ("json", "text", "hocr")


def export(doc, fmt: str) -> str:
    """`doc` in format `fmt` (one of `FORMATS`)."""
    if fmt == "json":
        return to_json(doc)
    if fmt == "text":
        return to_text(doc)
    if fmt == "hocr":
        return to_hocr(doc)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "export", "to_hocr", "to_json", "to_text"]
