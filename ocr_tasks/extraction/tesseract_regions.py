"""Readings that need the page images: a `RegionReader` backed by Tesseract (re-recognise a crop of a
page image, enlarged, as one text line), an enhanced second page reading, and the second opinion of
another engine when the total or date is unsure (`extract_with_page_images`).

This is the only extraction module that touches an OCR engine; `extract` never imports it (it receives
the reader through `ExtractionOptions.region_reader`). Callers that have the page images (the CLI, the
flows, the bench) build it with `region_reader_for`. The crop is taken from the page image corrected with
the rotation and skew the OCR engine applied (recorded on `OcrPage`), so boxes line up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ocr_tasks.config import EXTRACTION_PSM
from ocr_tasks.geometry import BBox
from ocr_tasks.ingest.pages import IngestedDocument
from ocr_tasks.ocr_types import OcrDocument

if TYPE_CHECKING:
    from ocr_tasks.extraction.templates import Template
    from ocr_tasks.vendor_memory.lessons import VendorMemory

TARGET_ROW_PIXELS = 64  # crops are scaled so that a text row is about this tall
SECOND_OPINION_FIELDS = ("total", "invoice_date")
# Asked below this confidence. On the SROIE sample (bench/extraction_accuracy.py): at 0.5 it was asked
# for 36 % of receipts (total 0.92, date 0.92), at 0.8 for 80 % (0.94, 0.93), at 0.9 for 91 % (same).
SECOND_OPINION_BELOW = 0.8
IMAGE_TEXT_BELOW = 0.5  # read a text-layer page's images when the vendor is missing or less sure


class TesseractRegionReader:
    """Callable `(page index, box) -> text`. Pages: index -> (image path, rotation, skew)."""

    def __init__(
        self,
        pages: Mapping[int, tuple[str, int, float]],
        *,
        languages: str = "eng",
        psm: int = 7,
        timeout: float = 10.0,
        row_pixels: int = TARGET_ROW_PIXELS,
        binarize: bool = True,
    ) -> None:
        self.pages = dict(pages)
        self.languages = languages
        self.psm = psm
        self.timeout = timeout
        self.row_pixels = row_pixels
        self.binarize = binarize
        self._images: dict[int, object] = {}

    @property
    def variant(self) -> str:
        return f"psm{self.psm}-r{self.row_pixels}-b{int(self.binarize)}"

    def _image(self, index: int):
        if index not in self._images:
            from PIL import Image, ImageOps

            from ocr_tasks.engines.orientation import correct

            path, rotation, skew = self.pages[index]
            with Image.open(path) as opened:
                image = ImageOps.exif_transpose(opened).convert("L")
            self._images[index] = correct(image, rotation=rotation, skew=skew)
        return self._images[index]

    def __call__(self, page: int, box: BBox) -> str:
        if page not in self.pages:
            return ""
        from ocr_tasks.engines.tesseract import import_pytesseract

        pytesseract = import_pytesseract()
        from PIL import Image, ImageOps

        image = self._image(page)
        x0, y0, x1, y1 = box.to_pixels(image.width, image.height)
        if x1 - x0 < 4 or y1 - y0 < 4:
            return ""
        crop = image.crop((x0, y0, x1, y1))
        scale = max(0.5, min(4.0, self.row_pixels / max(1, (y1 - y0) / 1.7)))
        if abs(scale - 1) > 0.05:
            crop = crop.resize(
                (round(crop.width * scale), round(crop.height * scale)), Image.Resampling.LANCZOS
            )
        crop = ImageOps.autocontrast(crop, cutoff=1)
        if self.binarize:
            crop = _otsu_binarize(crop)
        crop = ImageOps.expand(crop, border=20, fill=255)
        try:
            return pytesseract.image_to_string(
                crop, lang=self.languages, config=f"--psm {self.psm}", timeout=self.timeout
            )
        except Exception:  # noqa: BLE001 (an unreadable crop is simply no second opinion)
            return ""


def enhanced_reading(
    ingested: IngestedDocument,
    document: OcrDocument,
    *,
    languages: str = "eng",
    psm: int = 6,
    scale: float = 1.5,
    timeout: float = 120.0,
) -> OcrDocument | None:
    """A second OCR reading of the document's image pages from an enhanced copy of each page image
    (orientation and skew as the first reading applied, enlarged `scale` times, contrast stretched,
    Otsu-binarised), for `ExtractionOptions.second_reading`. Boxes are relative, so they line up with
    the first reading. None when no page has an image."""
    from ocr_tasks.engines.tesseract import import_pytesseract

    pytesseract = import_pytesseract()
    from PIL import Image, ImageOps

    from ocr_tasks.engines.orientation import turned_page_images
    from ocr_tasks.layout.tesseract_rows import blocks_from_tesseract
    from ocr_tasks.ocr_types import OCR, OcrPage

    pages = []
    for first, image in turned_page_images(ingested, document):
        if abs(scale - 1.0) > 0.01:
            image = image.resize(
                (round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS
            )
        image = _otsu_binarize(ImageOps.autocontrast(image, cutoff=1))
        try:
            data = pytesseract.image_to_data(
                image,
                lang=languages,
                config=f"--psm {psm}",
                output_type=pytesseract.Output.DICT,
                timeout=timeout,
            )
        except Exception:  # noqa: BLE001, S112 (no second reading is not an error)
            continue
        pages.append(
            OcrPage(
                index=first.index,
                width=image.width,
                height=image.height,
                dpi=first.dpi,
                blocks=blocks_from_tesseract(data, image.width, image.height),
                source=OCR,
                engine="tesseract-enhanced",
                engine_version=first.engine_version,
                rotation=first.rotation,
                skew=first.skew,
                language=languages,
            )
        )
    return OcrDocument(source=document.source, pages=tuple(pages)) if pages else None


def _otsu_binarize(image):
    """Black text on white by Otsu's threshold (thermal-paper receipts are low contrast)."""
    histogram = image.histogram()
    total = sum(histogram)
    sum_all = sum(i * h for i, h in enumerate(histogram))
    weight_b = sum_b = 0.0
    best, threshold = -1.0, 128
    for i, h in enumerate(histogram):
        weight_b += h
        if weight_b == 0 or weight_b == total:
            continue
        sum_b += i * h
        mean_b = sum_b / weight_b
        mean_f = (sum_all - sum_b) / (total - weight_b)
        between = weight_b * (total - weight_b) * (mean_b - mean_f) ** 2
        if between > best:
            best, threshold = between, i
    return image.point(lambda v: 255 if v > threshold else 0)


def region_reader_for(
    ingested: IngestedDocument, document: OcrDocument, *, languages: str = "eng", **settings
) -> TesseractRegionReader | None:
    """A reader over the OCRed pages of a document whose page images still exist (None when none do)."""
    pages: dict[int, tuple[str, int, float]] = {}
    by_index = {p.index: p for p in document.pages}
    for page_input in ingested.pages:
        ocr_page = by_index.get(page_input.index)
        if page_input.image_path and ocr_page is not None and ocr_page.source != "text_layer":
            pages[page_input.index] = (page_input.image_path, ocr_page.rotation, ocr_page.skew)
    return TesseractRegionReader(pages, languages=languages, **settings) if pages else None


def needs_second_opinion(
    invoice, *, fields: tuple[str, ...] = SECOND_OPINION_FIELDS, threshold: float = SECOND_OPINION_BELOW
) -> bool:
    """Whether any of `fields` (the total, the invoice date) is missing or less sure than `threshold`."""
    return any((found := invoice.fields.get(name)) is None or found.confidence < threshold for name in fields)


def needs_image_text(invoice, *, threshold: float = IMAGE_TEXT_BELOW) -> bool:
    """Whether the vendor's name is missing or less sure than `threshold`."""
    return needs_second_opinion(invoice, fields=("vendor_name",), threshold=threshold)


def extract_with_page_images(
    ingested: IngestedDocument,
    document: OcrDocument,
    *,
    languages: str = "eng",
    options=None,
    templates: Sequence[Template] = (),
    memories: Sequence[VendorMemory] = (),
    reread: bool = True,
    enhanced: bool = True,
    second_opinion: bool = True,
    second_opinion_below: float = SECOND_OPINION_BELOW,
    image_text: bool = True,
    psm: int = EXTRACTION_PSM,
):
    """`extract_invoice` with the second readings that need the page images (while they still exist):
    the total's row re-read (`reread`), an enhanced second Tesseract reading of the image pages
    (`enhanced`), and, when the total or the date is then missing or less sure than
    `second_opinion_below`, a reading by a second engine (RapidOCR, `second_opinion`) whose amounts and
    dates replace the enhanced reading's; and, when the vendor is missing or unsure on a born-digital
    document, the text of the images on its first page (`image_text`: a logo, a footer image).
    The one way the CLI and the flows extract, so both give the same answers. `templates` and `memories`
    (the project's invoice2data templates and vendor memories) pass through to `extract_invoice`."""
    from dataclasses import replace

    from ocr_tasks.extraction.extract import extract_invoice
    from ocr_tasks.extraction.options import ExtractionOptions

    options = options or ExtractionOptions()
    if reread and options.region_reader is None:
        options = replace(options, region_reader=region_reader_for(ingested, document, languages=languages))
    if enhanced and options.second_reading is None:
        options = replace(
            options, second_reading=enhanced_reading(ingested, document, languages=languages, psm=psm)
        )
    invoice = extract_invoice(document, templates=templates, options=options, memories=memories)
    if second_opinion and needs_second_opinion(invoice, threshold=second_opinion_below):
        from ocr_tasks.engines.rapidocr_reading import rapidocr_reading

        other = rapidocr_reading(ingested, document)
        if other is not None:
            options = replace(options, second_reading=other)
            invoice = extract_invoice(document, templates=templates, options=options, memories=memories)
    if image_text and needs_image_text(invoice):
        from ocr_tasks.engines.image_regions import image_text_document

        richer = image_text_document(ingested, document, languages=languages)
        if richer is not None:
            invoice = extract_invoice(richer, templates=templates, options=options, memories=memories)
    if options.calibrate:
        from ocr_tasks.extraction.confidence_calibration import calibrate_confidences

        invoice = calibrate_confidences(invoice)  # confidences become probabilities of being right
    return invoice
