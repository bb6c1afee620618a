"""The OCR core stays light to import: layoutparser only inside `to_layoutparser`, and pytesseract is
loaded without pandas (which it would import for nothing, costing seconds per worker process)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import ocr_tasks.cli.main, ocr_tasks.cli.ocr_cmd, ocr_tasks.recognise, ocr_tasks.layout, ocr_tasks.exporters
from ocr_tasks.engines.tesseract import tesseract_version
tesseract_version()
heavy = sorted(
    m for m in ("layoutparser", "pandas", "prefect", "django", "streamlit", "cv2") if m in sys.modules
)
print(",".join(heavy))
"""


def test_core_modules_do_not_import_heavy_libraries():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == ""


def test_pandas_still_imports_after_pytesseract_was_loaded_without_it():
    probe = (
        "from ocr_tasks.engines.tesseract import import_pytesseract\nimport_pytesseract()\nimport pandas\n"
    )
    probe += "print(pandas.__name__)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "pandas"
