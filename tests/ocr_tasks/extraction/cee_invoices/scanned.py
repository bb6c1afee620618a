"""The scanned cases of this folder: `<case>.html` printed by headless Chromium (`html_pages.print_pdfs`), the
print scanned at 200 dpi grey, slightly skewed (`capture_forms.light_scan`, a fixed seed per case), and the
scan kept as an image-only PDF (`<case>.pdf`: no text layer, the product reads it with Tesseract). Run
`.venv/bin/python -m tests.ocr_tasks.extraction.cee_invoices.scanned` from the repository to write them."""

import tempfile
from pathlib import Path

from PIL import Image

from tests.ocr_tasks.extraction.capture_forms import light_scan
from tests.ocr_tasks.extraction.html_pages import HtmlCase, print_pdfs

FOLDER = Path(__file__).parent
SCANNED = {"szamla_szerviz_hu": 91, "faktura_autoservis_sk": 92}  # case -> seed


def main() -> None:
    cases = [
        HtmlCase(name=n, expected={}, items=(), items_or=None, path=FOLDER / f"{n}.html", paper="A4")
        for n in SCANNED
    ]
    with tempfile.TemporaryDirectory(prefix="cee-scans-") as workdir:
        printed = print_pdfs(cases, Path(workdir))
        for name, seed in SCANNED.items():
            image = light_scan(printed[name].read_bytes(), Path(workdir) / name, seed)
            Image.open(image).convert("L").save(FOLDER / f"{name}.pdf", resolution=200.0)


if __name__ == "__main__":
    main()
