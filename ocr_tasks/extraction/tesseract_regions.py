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
# How much less sure than that a field may be before it asks. Right dates come out less sure than right
# totals: on the SROIE sample (100 receipts, 2026-11-30) the dates RapidOCR corrected were below 0.56 or
# missing, and the totals it corrected on receipts asking for their date alone had a date below 0.63;
# the date at 0.7 asks for 74 receipts instead of 83 with every field unchanged (at 0.6: 62, one total
# lost). einvoice-dev (rasterised) asks for the same 14 of 37. A lower total threshold lost taxes there
# (0.7: tax_amount 29 -> 25 of 37, RapidOCR's amounts correct them), so the total keeps 0.8.
SECOND_OPINION_SLACK = {"invoice_date": 0.1}
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
        own = "" if self.languages == "eng" else f"-{self.languages}"
        return f"psm{self.psm}-r{self.row_pixels}-b{int(self.binarize)}{own}"

    def in_languages(self, languages: str) -> TesseractRegionReader:
        """The same reader with other Tesseract models (the page images already loaded are shared)."""
        other = TesseractRegionReader(
            self.pages,
            languages=languages,
            psm=self.psm,
            timeout=self.timeout,
            row_pixels=self.row_pixels,
            binarize=self.binarize,
        )
        other._images = self._images
        return other

    def _image(self, index: int):
        if index not in self._images:
            from ocr_tasks.engines.orientation import correct, open_page

            path, rotation, skew = self.pages[index]
            self._images[index] = correct(open_page(path), rotation=rotation, skew=skew)
        return self._images[index]

    def __call__(self, page: int, box: BBox) -> str:
        if page not in self.pages:
            return ""
        from PIL import Image, ImageOps

        from ocr_tasks.engines.tesseract import read_image_text

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
        try:  # the C API when available (no PNG file, no process per crop)
            return read_image_text(crop, languages=self.languages, psm=self.psm, timeout=self.timeout)
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
    regions: Mapping[int, Sequence[tuple[float, float]]] | None = None,
) -> OcrDocument | None:
    """A second OCR reading of the document's image pages from an enhanced copy of each page image
    (orientation and skew as the first reading applied, enlarged `scale` times, contrast stretched,
    Otsu-binarised), for `ExtractionOptions.second_reading`. Boxes are relative, so they line up with
    the first reading. None when no page has an image. With `regions` (page index -> horizontal bands
    `(top, bottom)`, relative), only those bands of those pages are read (`reread.bands_to_reread`: the
    rows that matter), each as a block of text, their words placed back on the page."""
    from PIL import Image, ImageOps

    from ocr_tasks.engines.orientation import turned_page_images
    from ocr_tasks.engines.tesseract import read_image_data
    from ocr_tasks.layout.tesseract_rows import blocks_from_tesseract
    from ocr_tasks.ocr_types import OCR, OcrPage

    pages = []
    for first, image in turned_page_images(ingested, document):
        if regions is not None:
            page = _band_reading(first, image, regions.get(first.index, ()), languages, psm, scale, timeout)
            if page is not None:
                pages.append(page)
            continue
        if abs(scale - 1.0) > 0.01:
            image = image.resize(
                (round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS
            )
        image = _otsu_binarize(ImageOps.autocontrast(image, cutoff=1))
        try:
            data = read_image_data(image, languages=languages, psm=psm, timeout=timeout)
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
                rectified=first.rectified,
            )
        )
    return OcrDocument(source=document.source, pages=tuple(pages)) if pages else None


def _band_reading(first, image, bands, languages: str, psm: int, scale: float, timeout: float):
    """The enhanced reading of horizontal bands of a page image, words placed back on the whole page."""
    from PIL import Image, ImageOps

    from ocr_tasks.engines.tesseract import read_image_data
    from ocr_tasks.layout.tesseract_rows import blocks_from_tesseract
    from ocr_tasks.ocr_types import OCR, Block, Line, OcrPage, Word

    blocks = []
    for top, bottom in bands:
        y0, y1 = max(0, int(top * image.height)), min(image.height, int(bottom * image.height) + 1)
        if y1 - y0 < 4:
            continue
        band = image.crop((0, y0, image.width, y1))
        band = band.resize((round(band.width * scale), round(band.height * scale)), Image.Resampling.LANCZOS)
        band = ImageOps.expand(
            _otsu_binarize(ImageOps.autocontrast(band, cutoff=1)), border=(0, 10), fill=255
        )
        try:
            data = read_image_data(band, languages=languages, psm=psm, timeout=timeout)
        except Exception:  # noqa: BLE001, S112 (a band not read is no second reading of it)
            continue
        inner = (y1 - y0) * scale  # the band's height in the enlarged image, without the white border
        for block in blocks_from_tesseract(data, band.width, band.height):
            lines = []
            for line in block.lines:
                words = [
                    Word(
                        text=w.text,
                        bbox=_on_page(w.bbox, y0, y1, band.height, inner, image.height),
                        confidence=w.confidence,
                    )
                    for w in line.words
                ]
                lines.append(Line.of(words))
            blocks.append(Block.of(lines))
    if not blocks:
        return None
    return OcrPage(
        index=first.index,
        width=image.width,
        height=image.height,
        dpi=first.dpi,
        blocks=tuple(blocks),
        source=OCR,
        engine="tesseract-enhanced",
        engine_version=first.engine_version,
        rotation=first.rotation,
        skew=first.skew,
        language=languages,
        rectified=first.rectified,
    )


def _on_page(box: BBox, y0: int, y1: int, band_height: int, inner: float, page_height: int) -> BBox:
    """A box relative to an enlarged band with a 10 px white border above and below, relative to the page."""

    def page_y(v: float) -> float:
        return min(1.0, max(0.0, (y0 + (v * band_height - 10) / inner * (y1 - y0)) / page_height))

    return BBox(box.x0, page_y(box.y0), box.x1, page_y(box.y1))


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


# ISO 639-1 language of the lexicons -> Tesseract model
TESSERACT_MODELS = {
    "en": "eng",
    "de": "deu",
    "fr": "fra",
    "nl": "nld",
    "es": "spa",
    "it": "ita",
    "pl": "pol",
    "pt": "por",
    "sv": "swe",
    "da": "dan",
    "nb": "nor",
    "fi": "fin",
    "cs": "ces",
    "sk": "slk",
    "hu": "hun",
    "ro": "ron",
}


def document_language_models(invoice, languages: str) -> str | None:
    """Tesseract models for reading the document again in its language (`deu+eng`), or None when its
    language is unknown, already read with, or its model is not installed."""
    from ocr_tasks.engines.tesseract import installed_languages

    model = TESSERACT_MODELS.get(getattr(invoice, "language", None) or "")  # a stand-in may have none
    if model is None or model in languages.split("+") or model not in installed_languages():
        return None
    return f"{model}+{languages}"


def names_in_document_language(invoice, ingested: IngestedDocument, document: OcrDocument, *, languages: str):
    """`name_accents.with_accented_names` with region readers in the document's language: its model alone,
    then its model with `languages` (`document_language_models`); else the invoice as it is."""
    from ocr_tasks.extraction.name_accents import with_accented_names

    models = document_language_models(invoice, languages)
    reader = region_reader_for(ingested, document, languages=models) if models else None
    if reader is None:
        return invoice
    return with_accented_names(invoice, reader.in_languages(models.split("+")[0]), reader)


def _unsure_bands(document: OcrDocument, options):
    """(rows, bands of the unsure rows that matter) of the first reading; None for a text-layer document."""
    from ocr_tasks.extraction.extract import SECOND_READING_FIELDS, candidates_for
    from ocr_tasks.extraction.reread import bands_to_reread
    from ocr_tasks.extraction.rows import document_rows

    if not any(p.source != "text_layer" for p in document.pages):
        return None
    rows = document_rows(document)
    return rows, bands_to_reread(rows, candidates_for(document, options), SECOND_READING_FIELDS)


def _enhanced_rows_reading(ingested, document: OcrDocument, unsure, *, languages: str, psm: int):
    """The enhanced reading of the unsure rows that matter (amounts, dates, their labels), completed with
    the first reading's other rows; None when the document has no image page."""
    from ocr_tasks.extraction.reread import with_sure_rows

    if unsure is None:
        return None
    rows, bands = unsure
    again = None
    if bands:
        again = enhanced_reading(ingested, document, languages=languages, psm=psm, regions=bands)
    return with_sure_rows(again, document, rows, bands)


def _second_opinion_rows_reading(ingested, document: OcrDocument, unsure):
    """RapidOCR on the lines of the unsure rows that matter and the lines Tesseract missed, completed with
    the first reading's other rows (`rapidocr_reading.rapidocr_lines_reading`)."""
    from ocr_tasks.engines.rapidocr_reading import rapidocr_lines_reading
    from ocr_tasks.extraction.reread import with_sure_rows

    if unsure is None:
        return None
    rows, bands = unsure
    other = rapidocr_lines_reading(ingested, document, bands)
    return with_sure_rows(other, document, rows, bands) if other is not None else None


def needs_second_opinion(
    invoice,
    *,
    fields: tuple[str, ...] = SECOND_OPINION_FIELDS,
    threshold: float = SECOND_OPINION_BELOW,
    slack: Mapping[str, float] = SECOND_OPINION_SLACK,
) -> bool:
    """Whether any of `fields` (the total, the invoice date) is missing or less sure than `threshold`
    minus its `slack` (`SECOND_OPINION_SLACK`: the date asks 0.1 lower)."""
    return any(
        (found := invoice.fields.get(name)) is None or found.confidence < threshold - slack.get(name, 0.0)
        for name in fields
    )


def needs_image_text(invoice, *, threshold: float = IMAGE_TEXT_BELOW) -> bool:
    """Whether the vendor's name is missing or less sure than `threshold`."""
    return needs_second_opinion(invoice, fields=("vendor_name",), threshold=threshold)


def _read_again_on_the_page(
    ingested: IngestedDocument,
    document: OcrDocument,
    *,
    languages: str,
    missed_lines: bool,
    raised_cents: bool,
) -> OcrDocument:
    """The page readings with what the page image shows that they left out: lines of print missed whole
    (`engines.missed_lines`), cents printed raised after an amount (`engines.raised_cents`)."""
    if missed_lines:
        from ocr_tasks.engines.missed_lines import document_with_missed_lines

        document = document_with_missed_lines(ingested, document, languages=languages)
    if raised_cents:
        from ocr_tasks.engines.raised_cents import document_with_raised_cents

        document = document_with_raised_cents(ingested, document, languages=languages)
    return document


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
    enhanced_rows: bool = True,
    second_opinion: bool = True,
    second_opinion_rows: bool = False,
    second_opinion_below: float = SECOND_OPINION_BELOW,
    image_text: bool = True,
    accents: bool = True,
    missed_lines: bool = True,
    raised_cents: bool = True,
    psm: int = EXTRACTION_PSM,
    payment_codes: bool = True,
):
    """`extract_invoice` with the second readings that need the page images (while they still exist):
    the total's row re-read (`reread`), an enhanced second Tesseract reading of the image pages
    (`enhanced`), and, when the total or the date is then missing or less sure than
    `second_opinion_below` (the date 0.1 less: `needs_second_opinion`), a reading by a second engine
    (RapidOCR, `second_opinion`) whose amounts and
    dates replace the enhanced reading's; and, when the vendor is missing or unsure on a born-digital
    document, the text of the images on its first page (`image_text`: a logo, a footer image).
    The enhanced reading reads only the bands of the rows that matter and are unsure (`enhanced_rows`,
    default; `reread.bands_to_reread`), the rest of the page standing as read; `enhanced_rows=False` reads
    whole pages again (~3x the CPU; bench/extraction_cost.py compares both). `second_opinion_rows=True`
    has RapidOCR recognise only the lines of those rows and the lines Tesseract missed: cheaper, but it
    lost 2 totals of 100 on the SROIE sample, so the default stays the whole page.
    On image pages of a document whose labels are not in `languages`, the party names are read again with
    the document language's model for the accents the first model lacks (`accents`, `name_accents`).
    Lines of print the page's reading left out whole (a letterhead's name printed much larger than the
    text) are read on their own first and join the page (`missed_lines`, `engines.missed_lines`).
    Payment QR codes on the pages (a Swiss QR-bill, an EPC GiroCode: `payment_codes`,
    `ocr_tasks.payment_codes.pages`) weigh as evidence for the IBAN, amount due, currency, vendor and
    invoice number (`extraction.payment_evidence`).
    The one way the CLI and the flows extract, so both give the same answers. `templates` and `memories`
    (the project's invoice2data templates and vendor memories) pass through to `extract_invoice`."""
    from dataclasses import replace

    from ocr_tasks.extraction.extract import extract_invoice
    from ocr_tasks.extraction.options import ExtractionOptions

    options = options or ExtractionOptions()
    document = _read_again_on_the_page(
        ingested, document, languages=languages, missed_lines=missed_lines, raised_cents=raised_cents
    )
    if reread and options.region_reader is None:
        options = replace(options, region_reader=region_reader_for(ingested, document, languages=languages))
    if payment_codes and not options.payment_codes:
        from ocr_tasks.payment_codes.pages import document_payment_codes

        options = replace(options, payment_codes=document_payment_codes(ingested, document).codes)
    # the bands cost a pass of candidate generation: only when a reading of bands will use them
    wants_bands = (enhanced and enhanced_rows) or (second_opinion and second_opinion_rows)
    unsure = _unsure_bands(document, options) if wants_bands else None
    if enhanced and options.second_reading is None:
        if enhanced_rows:
            second = _enhanced_rows_reading(ingested, document, unsure, languages=languages, psm=psm)
        else:
            second = enhanced_reading(ingested, document, languages=languages, psm=psm)
        options = replace(options, second_reading=second)
    invoice = extract_invoice(document, templates=templates, options=options, memories=memories)
    if second_opinion and needs_second_opinion(invoice, threshold=second_opinion_below):
        from ocr_tasks.engines.rapidocr_reading import rapidocr_reading

        if second_opinion_rows:
            other = _second_opinion_rows_reading(ingested, document, unsure)
        else:
            other = rapidocr_reading(ingested, document)
        if other is not None:
            options = replace(options, second_reading=other)
            invoice = extract_invoice(document, templates=templates, options=options, memories=memories)
    if accents:
        invoice = names_in_document_language(invoice, ingested, document, languages=languages)
    if image_text and needs_image_text(invoice):
        from ocr_tasks.engines.image_regions import image_text_document

        richer = image_text_document(ingested, document, languages=languages)
        if richer is not None:
            invoice = extract_invoice(richer, templates=templates, options=options, memories=memories)
    if options.calibrate:
        from ocr_tasks.extraction.confidence_calibration import calibrate_confidences

        invoice = calibrate_confidences(invoice)  # confidences become probabilities of being right
    return invoice
