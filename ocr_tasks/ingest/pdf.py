"""PDF documents -> pages: text-layer pages are read (no rendering, no OCR), the others are rendered
with PDFium at the configured DPI (grey, PNG) into the work directory.

The page count is checked before anything is rendered; a page whose rendering would exceed the pixel
limit is rendered at a lower DPI (down to `MIN_RENDER_DPI`) or refused. The bound holds for the image
the OCR engine reads: PDFium rounds each side up, and a deskew turns the page on a larger canvas (up to
`MAX_SKEW` degrees: ~1.34x the pixels), so a page that is deskewed is rendered with that headroom.
"""

from __future__ import annotations

import math
from pathlib import Path

from ocr_tasks.config import OcrConfig
from ocr_tasks.engines.orientation import MAX_SKEW
from ocr_tasks.errors import CorruptDocument, EncryptedDocument, ImageTooLarge, TooManyPages
from ocr_tasks.geometry import BBox
from ocr_tasks.ingest import scanned_pages
from ocr_tasks.ingest.pages import ImageRegion, PageInput
from ocr_tasks.ingest.pdf_forms import flattened
from ocr_tasks.ingest.pdfium_lock import PDFIUM_LOCK
from ocr_tasks.ingest.scanned_pages import HIDDEN_TEXT_SHARE, SCAN_IMAGE_COVERAGE
from ocr_tasks.ingest.text_layer import read_text_layer

MIN_RENDER_DPI = 72
# A page mostly covered by images (SCAN_IMAGE_COVERAGE) with only a little text (a scan with a stamped
# header or a page number) or with text nobody sees (another program's OCR: `scanned_pages`) is OCR'd:
# its text layer does not hold the page's text.
SPARSE_TEXT_CHARS = 200
MIN_FALLBACK_WORDS = 20  # a scan's text layer with fewer words is not kept as a fallback
# Images on a text-layer page that may carry text the layer lacks (a logo with the vendor's name, a
# footer image with the company's details): on the first page, at least this big in points, at most
# this share of the page, not already covered by text-layer words; a few. Reading one costs ~0.1-0.3 s
# of Tesseract; later pages repeat the letterhead and footer, so they are left alone.
REGION_MIN_WIDTH_PT, REGION_MIN_HEIGHT_PT = 40.0, 12.0
REGION_MAX_COVERAGE = 0.5
REGION_MAX_WORDS_INSIDE = 2
MAX_REGIONS_PER_PAGE = 4
MAX_IMAGES_EXAMINED = 32  # of the size to read: a hostile page may stack thousands over its words
REGION_MAX_PIXELS = 4_000_000  # a logo needs no more; bounds the render of a huge page's image


def _open_pdf(data: bytes):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(exc).lower():
            raise EncryptedDocument("PDF is encrypted with a password and cannot be opened") from exc
        raise CorruptDocument(f"PDF cannot be read: {exc}") from exc


def deskew_growth(width: float, height: float, degrees: float = MAX_SKEW) -> float:
    """How many times more pixels a `width` x `height` image has once turned by `degrees` on an expanded
    canvas (what a deskew does)."""
    angle = math.radians(degrees)
    cos, sin = math.cos(angle), math.sin(angle)
    return (width * cos + height * sin) * (width * sin + height * cos) / max(width * height, 1e-9)


def rendered_pixels(width_pt: float, height_pt: float, dpi: float) -> int:
    """Pixels of a page rendered at `dpi` (PDFium rounds each side up)."""
    return math.ceil(width_pt * dpi / 72) * math.ceil(height_pt * dpi / 72)


def _render_dpi(width_pt: float, height_pt: float, config: OcrConfig, index: int) -> int:
    """The configured DPI, or the highest lower one at which the rendered page (and, when pages are
    deskewed, the turned page) stays within the pixel limit; at least `MIN_RENDER_DPI`, else refused."""
    width_pt, height_pt = max(width_pt, 1e-3), max(height_pt, 1e-3)
    limit = config.limits.max_pixels_per_page
    budget = limit / deskew_growth(width_pt, height_pt) if config.deskew else limit
    dpi = min(config.dpi, math.floor(72 * math.sqrt(budget / (width_pt * height_pt))))
    while dpi >= MIN_RENDER_DPI and rendered_pixels(width_pt, height_pt, dpi) > budget:
        dpi -= 1
    if dpi < MIN_RENDER_DPI:
        raise ImageTooLarge(
            f"page {index + 1} is {width_pt:.0f}x{height_pt:.0f} pt, too large to render within "
            f"{limit:,} pixels",
            detail={"page": index, "max_pixels": limit},
        )
    return dpi


def pdf_pages(data: bytes, *, config: OcrConfig, workdir: Path) -> list[PageInput]:
    with PDFIUM_LOCK:  # PDFium is not thread-safe: one document at a time per process
        return _pdf_pages_locked(data, config=config, workdir=workdir)


def _pdf_pages_locked(data: bytes, *, config: OcrConfig, workdir: Path) -> list[PageInput]:
    pdf = _open_pdf(data)
    try:
        count = len(pdf)
        if count == 0:
            raise CorruptDocument("PDF has no pages")
        if count > config.limits.max_pages:
            raise TooManyPages(
                f"document has {count} pages, above the limit of {config.limits.max_pages}",
                detail={"pages": count, "max_pages": config.limits.max_pages},
            )
        pdf = flattened(pdf)  # a filled-in form's values are in its fields, not yet in its pages
        return [_page(pdf, index, config=config, workdir=workdir) for index in range(count)]
    finally:
        pdf.close()


def _page(pdf, index: int, *, config: OcrConfig, workdir: Path) -> PageInput:
    import pypdfium2 as pdfium

    try:
        page = pdf[index]
    except pdfium.PdfiumError as exc:
        raise CorruptDocument(f"page {index + 1} cannot be read: {exc}") from exc
    try:
        text_page = read_text_layer(page, index=index, dpi=config.dpi)
        layer = None  # a scan's own text layer, kept as the fallback of our reading
        if text_page is not None and _is_scan(page, text_page, config):
            text_page, layer = None, text_page
        if text_page is not None:
            return PageInput(
                index=index,
                width=text_page.width,
                height=text_page.height,
                dpi=config.dpi,
                text_page=text_page,
                image_regions=_image_regions(page, text_page, index=index, dpi=config.dpi, workdir=workdir),
            )
        width_pt, height_pt = page.get_size()
        dpi = _render_dpi(width_pt, height_pt, config, index)
        try:
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = bitmap.to_pil().copy()  # a copy: the bitmap's memory is freed below
            bitmap.close()
        except pdfium.PdfiumError as exc:
            raise CorruptDocument(f"page {index + 1} cannot be rendered: {exc}") from exc
        limit = config.limits.max_pixels_per_page
        if image.width * image.height > limit:  # never passed on, whatever PDFium made of the size
            raise ImageTooLarge(
                f"page {index + 1} rendered at {image.width}x{image.height} pixels, above the limit of "
                f"{limit:,}",
                detail={"page": index, "max_pixels": limit},
            )
        path = workdir / f"page-{index:04d}.png"
        image.save(path, format="PNG", compress_level=1, dpi=(dpi, dpi))
        if layer is not None and len(layer.words) < MIN_FALLBACK_WORDS:
            layer = None  # a stamped header or a page number: nothing to fall back on
        return PageInput(
            index=index,
            width=image.width,
            height=image.height,
            dpi=dpi,
            image_path=str(path),
            scan_text_layer=layer,
        )
    finally:
        page.close()


def _image_regions(page, text_page, *, index: int, dpi: int, workdir: Path) -> tuple[ImageRegion, ...]:
    """Render the images of a document's first text-layer page whose text the layer lacks (see
    REGION_*), for OCR. Pages turned by /Rotate are left as they are."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if index != 0 or page.get_rotation() % 360:
        return ()
    left, bottom, right, top = page.get_bbox()
    width, height = max(1e-6, right - left), max(1e-6, top - bottom)
    regions: list[ImageRegion] = []
    examined = 0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        x0, y0, x1, y1 = obj.get_bounds()
        x0, y0, x1, y1 = max(x0, left), max(y0, bottom), min(x1, right), min(y1, top)
        if x1 - x0 < REGION_MIN_WIDTH_PT or y1 - y0 < REGION_MIN_HEIGHT_PT:
            continue
        if (x1 - x0) * (y1 - y0) > REGION_MAX_COVERAGE * width * height:
            continue
        examined += 1
        if examined > MAX_IMAGES_EXAMINED:
            break
        box = BBox(
            *(
                min(1.0, max(0.0, v))
                for v in ((x0 - left) / width, (top - y1) / height, (x1 - left) / width, (top - y0) / height)
            )
        )
        inside = sum(
            1
            for w in text_page.words
            if box.x0 <= w.bbox.center[0] <= box.x1 and box.y0 <= w.bbox.center[1] <= box.y1
        )
        if inside > REGION_MAX_WORDS_INSIDE:
            continue
        scale = min(dpi / 72, ((REGION_MAX_PIXELS / ((x1 - x0) * (y1 - y0))) ** 0.5))
        try:
            bitmap = page.render(
                scale=scale, grayscale=True, crop=(x0 - left, y0 - bottom, right - x1, top - y1)
            )
            image = bitmap.to_pil().copy()
            bitmap.close()
        except pdfium.PdfiumError:
            continue
        path = workdir / f"page-{index:04d}-image-{len(regions)}.png"
        image.save(path, format="PNG", compress_level=1, dpi=(dpi, dpi))
        regions.append(ImageRegion(path=str(path), bbox=box))
        if len(regions) >= MAX_REGIONS_PER_PAGE:
            break
    return tuple(regions)


def _is_scan(page, text_page, config: OcrConfig) -> bool:
    """The page is a scan whose text layer is not its text: images cover it and its text is sparse (a
    stamped header, a page number) or, unless `config.scan_text_layer` is `trust`, hidden (another
    program's OCR: `scanned_pages`)."""
    if scanned_pages.image_coverage(page) < SCAN_IMAGE_COVERAGE:
        return False
    if sum(len(w.text) for w in text_page.words) < SPARSE_TEXT_CHARS:
        return True
    return config.scan_text_layer != "trust" and scanned_pages.hidden_text_share(page) >= HIDDEN_TEXT_SHARE
