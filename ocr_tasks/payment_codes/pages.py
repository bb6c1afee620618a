"""The payment codes of an ingested document, looked for where they cost least.

- A page read by OCR: its page image (ingest wrote it) is decoded as it is.
- A text-layer page: the images ingest rendered of it (`PageInput.image_regions`: the images of the first
  page that hold no text, where a GiroCode or a QR-bill's code placed as a picture is one) are decoded;
  when none is a payment code and the text layer names a payment part or a pay-by-code note
  (`markers.json`: `Zahlteil`, `Empfangsschein`, `Section paiement`, `Zahlen mit Code`, `GiroCode`,
  ...; a code drawn as vector squares is in no image), the page is rendered from the source PDF at
  `RENDER_DPI` and decoded. Without such a marker a text-layer page costs nothing.

At most `MAX_PAGES` pages are examined (the first and the last ones: payment parts are printed on an
invoice's first or last page). The words of data files only: the code holds no language.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from ocr_tasks.payment_codes.detect import PageCodes, payment_codes_on_image

MARKERS_PATH = Path(__file__).with_name("markers.json")
RENDER_DPI = 200
MAX_PAGES = 4


@cache
def _marker_pattern() -> re.Pattern[str]:
    data = json.loads(MARKERS_PATH.read_text(encoding="utf-8"))
    words = sorted({w for language in data["markers"].values() for w in language}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def names_a_payment_code(text: str) -> bool:
    """The page's text names a payment part or a code to pay with (`markers.json`)."""
    return bool(_marker_pattern().search(text))


def _pages_to_examine(count: int) -> list[int]:
    half = MAX_PAGES // 2
    return sorted(set(range(min(half, count))) | set(range(max(0, count - half), count)))


def _source_pdf(ingested) -> Path | None:
    uri = ingested.source.uri
    if ingested.source.media_type != "application/pdf" or not uri.startswith("file:"):
        return None
    path = Path(unquote(urlparse(uri).path))
    return path if path.is_file() else None


def _render(pdf: Path, index: int):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return document[index].render(scale=RENDER_DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def _decode_file(path: str, index: int) -> PageCodes:
    from PIL import Image

    with Image.open(path) as image:
        return payment_codes_on_image(image.convert("L"), page=index)


def _placed(found: PageCodes, region_box) -> PageCodes:
    """Codes found in an image region, boxed on the page."""
    from dataclasses import replace

    from ocr_tasks.engines.image_regions import place

    return PageCodes(
        codes=tuple(replace(c, bbox=place(c.bbox, region_box)) if c.bbox else c for c in found.codes),
        rejected=found.rejected,
    )


def document_payment_codes(ingested, document) -> PageCodes:
    """The payment codes of a document's pages (see the module), and the reasons of rejected ones."""
    if ingested is None:  # no page images (a stored reading, a test's page): nothing to look at
        return PageCodes(codes=(), rejected=())
    codes, rejected = [], []
    by_index = {p.index: p for p in document.pages}
    pages = list(ingested.pages)
    for position in _pages_to_examine(len(pages)):
        page_input = pages[position]
        ocr_page = by_index.get(page_input.index)
        if ocr_page is None:
            continue
        if ocr_page.source != "text_layer":
            found = (
                _decode_file(page_input.image_path, page_input.index)
                if page_input.image_path
                else PageCodes()
            )
        else:
            found = PageCodes()
            for region in page_input.image_regions:
                part = _placed(_decode_file(region.path, page_input.index), region.bbox)
                found = PageCodes(found.codes + part.codes, found.rejected + part.rejected)
            if not found.codes and names_a_payment_code(" ".join(w.text for w in ocr_page.words)):
                pdf = _source_pdf(ingested)
                if pdf is not None:
                    try:
                        found = payment_codes_on_image(_render(pdf, page_input.index), page=page_input.index)
                    except Exception:  # noqa: BLE001 - an unreadable page gives no code, never a failure
                        found = PageCodes()
        codes += found.codes
        rejected += found.rejected
    return PageCodes(codes=tuple(codes), rejected=tuple(rejected))
