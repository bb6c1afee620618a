"""Prints the held-out English-language invoices from outside the US and GB (round 9a,
`tests/ocr_tasks/extraction/english_world_invoices/<case>.html`) to `<case>.pdf` with headless Chromium
(`html_pages.print_pdfs`, offline, the page size of each page's `@page` rule). A case whose expectations
name a `scan_seed` is then captured as a flat-bed scan would give it (`capture_forms.light_scan`: 200 dpi
grey, slightly skewed, noise; deterministic in the seed) and committed as an image-only PDF at 200 dpi, the
way a scanner's "scan to PDF" hands it over: no text layer, so the product reads it with Tesseract.

Usage:
    .venv/bin/python bench/print_world_invoices.py [CASE ...]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.ocr_tasks.extraction.capture_forms import SCAN_DPI, light_scan  # noqa: E402
from tests.ocr_tasks.extraction.html_pages import HtmlCase  # noqa: E402

FOLDER = ROOT / "tests/ocr_tasks/extraction/english_world_invoices"


def main(argv: list[str]) -> int:
    from PIL import Image

    data = json.loads((FOLDER / "expectations.json").read_text(encoding="utf-8"))
    names = argv or sorted(name for name in data if not name.startswith("_"))
    cases = [
        HtmlCase(name=n, expected={}, items=(), items_or=None, path=FOLDER / f"{n}.html", paper="A4")
        for n in names
    ]
    from tests.ocr_tasks.extraction.html_pages import print_pdfs

    with tempfile.TemporaryDirectory(prefix="world-invoices-") as workdir:
        printed = print_pdfs(cases, Path(workdir))
        for name, pdf in printed.items():
            target = FOLDER / f"{name}.pdf"
            seed = data[name].get("scan_seed")
            if seed is None:
                target.write_bytes(pdf.read_bytes())
                continue
            image = light_scan(pdf.read_bytes(), Path(workdir) / f"{name}-scan", int(seed))
            pages = [Image.open(image).convert("L")]
            pages[0].save(target, "PDF", resolution=float(SCAN_DPI))
            print(f"{name}: scanned (seed {seed})")
    print(f"printed {len(names)} cases to {FOLDER}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
