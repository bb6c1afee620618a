"""Text inside the images of a born-digital page: a logo that carries the vendor's name, a footer
image with the company's details.

Ingest renders the images a document's first text-layer page places where the layer has no words
(`ImageRegion`); when extraction finds no sure vendor, each is read with Tesseract here and its words
join the page's text layer as blocks of their own, boxed where the image sits on the page (reading
them for every document would make text-layer pages several times slower). Unsure words (graphics
read as letters) are dropped. A region that cannot be read adds nothing; the text layer itself is
never changed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ocr_tasks.config import OcrConfig
from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import Block, Line, OcrDocument, OcrPage, Word

if TYPE_CHECKING:
    from ocr_tasks.ingest.pages import ImageRegion, PageInput

MIN_WORD_CONFIDENCE = 0.6
REGION_PSM = 11  # sparse text: a logo's words are scattered over graphics
REGION_TIMEOUT_SECONDS = 30.0
PAD_PIXELS = 10  # white border around the image: Tesseract misses text touching the edge


WHOLE = BBox(0.0, 0.0, 1.0, 1.0)


def _unit(value: float, start: float, span: float) -> float:
    return min(1.0, max(0.0, (value - start) / span))


def place(box: BBox, region: BBox, inner: BBox = WHOLE) -> BBox:
    """A box relative to the region's image, as a box relative to the page. `inner` is the part of the
    image that shows the region (the rest is padding; boxes reaching into it are clipped)."""
    x0, x1 = (region.x0 + _unit(v, inner.x0, inner.width) * region.width for v in (box.x0, box.x1))
    y0, y1 = (region.y0 + _unit(v, inner.y0, inner.height) * region.height for v in (box.y0, box.y1))
    return BBox(x0, y0, x1, y1)


def placed_blocks(blocks: tuple[Block, ...], region: BBox, inner: BBox = WHOLE) -> tuple[Block, ...]:
    """The sure words of `blocks` (read from the region's image) moved onto the page."""
    out = []
    for block in blocks:
        lines = []
        for line in block.lines:
            words = [
                Word(text=w.text, bbox=place(w.bbox, region, inner), confidence=w.confidence)
                for w in line.words
                if w.confidence >= MIN_WORD_CONFIDENCE and any(ch.isalnum() for ch in w.text)
            ]
            if words:
                lines.append(Line.of(words))
        if lines:
            out.append(Block.of(lines))
    return tuple(out)


def read_region(region: ImageRegion, config: OcrConfig) -> tuple[Block, ...]:
    from PIL import Image, ImageOps

    from ocr_tasks.engines.tesseract_install import import_pytesseract
    from ocr_tasks.layout.tesseract_rows import blocks_from_tesseract

    pytesseract = import_pytesseract()
    try:
        with Image.open(region.path) as opened:
            image = ImageOps.expand(opened.convert("L"), border=PAD_PIXELS, fill=255)
        data = pytesseract.image_to_data(
            image,
            lang=config.languages,
            config=f"--psm {REGION_PSM}",
            output_type=pytesseract.Output.DICT,
            timeout=REGION_TIMEOUT_SECONDS,
        )
    except Exception:  # noqa: BLE001 (an unreadable image adds nothing)
        return ()
    # boxes are relative to the padded image: the region is the part inside the border
    pad_x, pad_y = PAD_PIXELS / image.width, PAD_PIXELS / image.height
    inner = BBox(pad_x, pad_y, 1 - pad_x, 1 - pad_y)
    return placed_blocks(blocks_from_tesseract(data, image.width, image.height), region.bbox, inner)


def with_image_text(page: PageInput, config: OcrConfig) -> OcrPage:
    """The page's text layer plus the words read from its image regions."""
    text_page = page.text_page
    if text_page is None:
        raise ValueError("with_image_text needs a text-layer page")
    extra = tuple(block for region in page.image_regions for block in read_region(region, config))
    return replace(text_page, blocks=text_page.blocks + extra) if extra else text_page


def image_text_document(ingested, document: OcrDocument, *, languages: str = "eng") -> OcrDocument | None:
    """`document` with the words of its text-layer pages' images added; None when no page has any."""
    readable = {p.index: p for p in ingested.pages if p.image_regions and p.text_page is not None}
    if not readable:
        return None
    config = OcrConfig(languages=languages, workers=1)
    pages = tuple(
        with_image_text(readable[p.index], config) if p.index in readable else p for p in document.pages
    )
    return replace(document, pages=pages)
