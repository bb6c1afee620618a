"""The hand-written held-out invoices (`test_held_out_invoices*.py`) as real pages: each chunk of a
`text_layer_page` drawn with reportlab onto an A4 PDF at its x position and row (Helvetica 9.5 pt, titles
and headings bold), then read back three ways - the PDF's text layer (the product's ingest, pypdfium2),
the page rasterised at 200 dpi grey with no text layer (the product's default OCR path), and the same page
degraded like a scan or a phone photo (`bench/synthetic/degrade.py`). Nothing of the invoices is copied:
the pages are drawn from the builders, whose expected values stay in the test modules (`CASES`)."""

from __future__ import annotations

import functools
import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ocr_tasks.ocr_types import OcrDocument

FONT_SIZE = 9.5
TITLE_SIZE = 13.0
MIN_SIZE = 6.5
GAP = 4.0  # points kept free before the next chunk of a row


@dataclass(frozen=True)
class HeldOutCase:
    """One hand-written invoice: its page builder, what a reader writes down, the item count, the date
    the test reads it on, and the test module's comparison of a field (`matches(field, got, expected)`)."""

    build: Callable[[], OcrDocument] | None
    expected: dict[str, object]
    items: int
    today: date
    matches: Callable[[str, str | None, object], bool]
    draw: Callable[[], bytes] | None = None  # a page drawn in its own style (round 3), instead of `build`
    capture: Callable[[bytes, Path, int], Path] | None = None  # how it reaches the product (round 4)
    form: str = ""  # the capture's name (`phone photo`, `fax`, ...)

    def render(self) -> bytes:
        """The case's A4 PDF: drawn in its own style, or its text-layer rows drawn by `render_pdf`."""
        return self.draw() if self.draw is not None else render_pdf(self.build())


def _round_1_matches(field: str, got: str | None, expected: object) -> bool:
    """As `test_held_out_invoices.test_fields_a_reader_would_write_down` compares."""
    if field == "vendor_tax_id":
        from tests.ocr_tasks.extraction.test_held_out_invoices import _compact

        return (_compact(got or "") or "").removesuffix("MWST") == _compact(str(expected))
    return got == expected


def held_out_cases() -> dict[str, HeldOutCase]:
    """Every hand-written held-out case: round 1, round 2 (keys `2:<case>`), round 3's styled pages
    (`held_out_scans_3.py`, keys `3:<case>`), round 4's captured pages (`held_out_scans_4.py`, keys
    `4:<case>`, each with its capture form: phone photo, fax, ...) and round 5's keystoned phone photos
    (`held_out_scans_5.py`, keys `5:<case>`) and round 8c's Spanish, Italian and French scans
    (`held_out_scans_8.py`, keys `8:<case>`)."""
    from tests.ocr_tasks.extraction import test_held_out_invoices as round_1

    cases = {
        name: HeldOutCase(build, expected, count, round_1.TODAY.today, _round_1_matches)
        for name, (build, expected, count) in round_1.CASES.items()
    }
    from tests.ocr_tasks.extraction import held_out_scans_3 as round_3
    from tests.ocr_tasks.extraction import test_held_out_invoices_2 as round_2
    from tests.ocr_tasks.extraction.styled_pages import draw_pdf

    for name, (build, expected, amounts) in round_2.CASES.items():
        cases[f"2:{name}"] = HeldOutCase(build, expected, len(amounts), round_2.TODAY.today, round_2._matches)
    for name, (draw, expected, count) in round_3.CASES.items():
        cases[f"3:{name}"] = HeldOutCase(
            None, expected, count, round_3.TODAY, round_2._matches, draw=functools.partial(draw_pdf, draw)
        )
    from tests.ocr_tasks.extraction import held_out_scans_4 as round_4
    from tests.ocr_tasks.extraction import held_out_scans_5 as round_5
    from tests.ocr_tasks.extraction import held_out_scans_8 as round_8
    from tests.ocr_tasks.extraction.capture_forms import FORMS

    for number, module in ((4, round_4), (5, round_5), (8, round_8)):
        for name, (draw, expected, count, form, size) in module.CASES.items():
            drawn = (
                functools.partial(draw_pdf, draw, size=size) if size else functools.partial(draw_pdf, draw)
            )
            cases[f"{number}:{name}"] = HeldOutCase(
                None,
                expected,
                count,
                module.TODAY,
                round_2._matches,
                draw=drawn,
                capture=FORMS[form],
                form=form,
            )
    return cases


def _is_title(text: str) -> bool:
    """A document title (`INVOICE`, `FACTURA`, `Rechnung` alone in its chunk): drawn larger and bold."""
    letters = text.replace(" ", "")
    return letters.isalpha() and letters.isupper() and len(letters) >= 5 and " " not in text.strip()


def _is_heading(text: str) -> bool:
    """Column headings and labels in capitals (`QTY`, `UNIT PRICE`): bold."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and not any(c.isdigit() for c in text)


def render_pdf(document: OcrDocument) -> bytes:
    """An A4 PDF with a text layer, one page per page of `document`: each line (one chunk of a row) at its
    box's left edge and baseline; a chunk too long for the gap before the next chunk of its row is drawn
    smaller."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in document.pages:
        _draw_page(pdf, [line for block in page.blocks for line in block.lines], A4)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _draw_page(pdf, lines, size: tuple[float, float]) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width, height = size
    for line in lines:
        text = " ".join(word.text for word in line.words)
        x, top, bottom = line.bbox.x0 * width, line.bbox.y0 * height, line.bbox.y1 * height
        title = _is_title(text) and top < 0.2 * height
        font = "Helvetica-Bold" if title or _is_heading(text) else "Helvetica"
        size_pt = TITLE_SIZE if title else FONT_SIZE
        following = [
            other.bbox.x0 * width
            for other in lines
            if other is not line and abs(other.bbox.y0 - line.bbox.y0) < 1e-6 and other.bbox.x0 > line.bbox.x0
        ]
        room = (min(following) if following else width - 24) - x - GAP
        while size_pt > MIN_SIZE and stringWidth(text, font, size_pt) > room:
            size_pt -= 0.5
        pdf.setFont(font, size_pt)
        pdf.drawString(x, height - bottom, text)


def _pages(pdf: bytes, dpi: int):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in document]
    finally:
        document.close()


def _save(images, out: Path, dpi: int) -> Path:
    """A PNG for one page, a multi-page TIFF for more (`out`'s suffix follows)."""
    out = out.with_suffix(".png" if len(images) == 1 else ".tif")
    extra = {"save_all": True, "append_images": images[1:]} if images[1:] else {}
    images[0].save(out, dpi=(dpi, dpi), **extra)
    return out


def rasterise(pdf: bytes, out: Path, *, dpi: int = 200) -> Path:
    """The PDF's pages as grey images at `dpi` (no text layer left); returns the file written."""
    return _save(_pages(pdf, dpi), out, dpi)


def scan_copy(pdf: bytes, out: Path, *, seed: int) -> Path:
    """The pages degraded like a scan or a phone photo (skew, blur, noise, JPEG, 150 dpi grey)."""
    from bench.synthetic.degrade import degrade

    rng = random.Random(seed)
    return _save([degrade(image, rng).convert("L") for image in _pages(pdf, 150)], out, 150)


def read_invoice(path: Path, options, *, languages: str = "eng", **settings):
    """(invoice, OCR document) of a file read as the product's CLI reads it: ingest (a PDF's text layer
    through pypdfium2), Tesseract on pages without one (`EXTRACTION_PSM`, one worker), then
    `extract_with_page_images` with its default second readings. `settings`: other `OcrConfig` fields
    (`scan_text_layer="trust"`)."""
    import tempfile

    from ocr_tasks.config import EXTRACTION_PSM, OcrConfig
    from ocr_tasks.extraction.tesseract_regions import extract_with_page_images
    from ocr_tasks.ingest import ingest_path
    from ocr_tasks.recognise import recognise_document

    config = OcrConfig(languages=languages, psm=EXTRACTION_PSM, workers=1, **settings)
    with tempfile.TemporaryDirectory(prefix="held-out-read-") as workdir:
        ingested = ingest_path(path, config=config, workdir=Path(workdir))
        document = recognise_document(ingested, config, workers=1)
        invoice = extract_with_page_images(ingested, document, languages=languages, options=options)
    return invoice, document
