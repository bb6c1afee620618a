"""Corpus access for the extraction bench and the scorer training: documents, labels mapped to our field
names, and OCR output cached on disk (bench/.cache, gitignored) keyed by file sha256 + engine config.

Label mapping (see the docstring of extraction_accuracy.py for the scoring rules):
- SROIE (`company, date, address, total`): company->vendor_name, date->invoice_date,
  address->vendor_address, total->total.
- invoice2data (`issuer, amount, amount_untaxed, date, invoice_number, currency`): issuer->vendor_name,
  amount->total, amount_untaxed->subtotal, date->invoice_date, invoice_number, currency.
- einvoice-dev (`<set>/pdf/<name>.pdf` + `<set>/pdf/<name>.json`, labels read from the XML embedded in each
  PDF, our field names already): invoice_number, invoice_date, due_date, vendor_name, customer_name,
  currency, subtotal, tax_amount, total, amount_due, vendor_tax_id, iban, and line_items (a count). The
  PDFs are read from their text layer (pypdfium2 text, never the embedded XML attachment) or rasterised.
  Factur-X MINIMUM and BASIC WL profiles carry no lines, so their `line_items: 0` does not count the
  printed items: line_items is unlabelled on such documents. The profile is read from the embedded XML
  with the `factur-x` library, here in the loader only (labels, never the extraction).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ocr_tasks.config import OcrConfig
from ocr_tasks.ingest import ingest_path
from ocr_tasks.normalise.amounts import normalise_amount
from ocr_tasks.normalise.dates import parse_date
from ocr_tasks.ocr_types import OcrDocument
from ocr_tasks.recognise import recognise_document

CACHE = Path(__file__).resolve().parent / ".cache"
DOC_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf")
SROIE_KEYS = {"company": "vendor_name", "date": "invoice_date", "address": "vendor_address", "total": "total"}
I2D_KEYS = {
    "issuer": "vendor_name",
    "amount": "total",
    "amount_untaxed": "subtotal",
    "date": "invoice_date",
    "invoice_number": "invoice_number",
    "currency": "currency",
}

EINVOICE_KEYS = {
    key: key
    for key in (
        "invoice_number",
        "invoice_date",
        "due_date",
        "vendor_name",
        "customer_name",
        "currency",
        "subtotal",
        "tax_amount",
        "total",
        "amount_due",
        "vendor_tax_id",
        "iban",
        "line_items",
    )
}
AMOUNT_KEYS = ("total", "subtotal", "tax_amount", "amount_due")
DATE_KEYS = ("invoice_date", "due_date")


@dataclass(frozen=True)
class LabelledDocument:
    id: str
    path: Path
    truth: dict[str, str]  # our field name -> expected value (normalised for dates and amounts)
    kind: str = ""  # sroie, invoice2data or einvoice (which labels the truth came from)
    profile: str = ""  # einvoice: the Factur-X profile of the embedded XML (minimum, basicwl, ...), if any
    family: str = ""  # synthetic sets: the layout family that rendered the document


# Factur-X profiles whose XML lists no invoice lines (EN 16931 BG-25 is not part of them)
PROFILES_WITHOUT_LINES = frozenset({"minimum", "basicwl"})


def einvoice_profile(pdf: Path) -> str:
    """The Factur-X / ZUGFeRD profile of the XML embedded in `pdf` ("" when none is found). Labels only:
    the bench's extraction never sees this XML."""
    import facturx
    from lxml import etree

    try:
        _, xml = facturx.get_xml_from_pdf(pdf.read_bytes(), check_xsd=False)
        return str(facturx.get_level(etree.fromstring(xml))) if xml else ""
    except Exception:  # no attachment, not a Factur-X/ZUGFeRD XML: no profile
        return ""


def _label_keys(label: dict) -> dict[str, str]:
    if "company" in label:
        return SROIE_KEYS
    if "issuer" in label or "amount" in label:
        return I2D_KEYS
    return EINVOICE_KEYS


def expected_values(label: dict) -> dict[str, str]:
    truth: dict[str, str] = {}
    for key, name in _label_keys(label).items():
        if key not in label or label[key] in (None, ""):
            continue
        raw = label[key]
        if name in AMOUNT_KEYS:
            value = normalise_amount(str(raw)) if isinstance(raw, str) else f"{float(raw):.2f}"
        elif name in DATE_KEYS:
            parsed = parse_date(str(raw))
            value = parsed.isoformat() if parsed else str(raw)
        else:
            value = str(raw)
        if value:
            truth[name] = value
    return truth


def _labelled(path: Path, label_path: Path) -> LabelledDocument:
    label = json.loads(label_path.read_text())
    kinds = {id(SROIE_KEYS): "sroie", id(I2D_KEYS): "invoice2data", id(EINVOICE_KEYS): "einvoice"}
    kind = kinds[id(_label_keys(label))]
    truth = expected_values(label)
    profile = einvoice_profile(path) if kind == "einvoice" and path.suffix.lower() == ".pdf" else ""
    if profile in PROFILES_WITHOUT_LINES:
        truth.pop("line_items", None)  # the XML lists no lines: its count says nothing of the page
    return LabelledDocument(path.stem, path, truth, kind, profile, str(label.get("family") or ""))


def load_set(directory: Path) -> list[LabelledDocument]:
    """SROIE / invoice2data layout (`images/` + `labels/`), or einvoice-dev (`pdf/` with labels beside)."""
    directory = Path(directory)
    docs = []
    if (directory / "pdf").is_dir() and not (directory / "images").is_dir():
        for path in sorted((directory / "pdf").glob("*.pdf")):
            label_path = path.with_suffix(".json")
            if label_path.is_file():
                docs.append(_labelled(path, label_path))
        return docs
    for path in sorted((directory / "images").iterdir()):
        if path.suffix.lower() not in DOC_SUFFIXES:
            continue
        label_path = directory / "labels" / f"{path.stem}.json"
        if label_path.is_file():
            docs.append(_labelled(path, label_path))
    return docs


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rasterise(pdf: Path, *, dpi: int = 300) -> Path:
    """The PDF's pages rendered as grey images (cached; a PNG for one page, a multi-page TIFF for more),
    for the OCR path of born-digital PDFs: no text layer and no attachment is left."""
    import pypdfium2 as pdfium

    stem = CACHE / "raster" / f"{_sha256(pdf)[:16]}-{dpi}"
    for suffix in (".png", ".tif"):
        if stem.with_suffix(suffix).exists():
            return stem.with_suffix(suffix)
    stem.parent.mkdir(parents=True, exist_ok=True)
    document = pdfium.PdfDocument(str(pdf))
    try:
        images = [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in document]
    finally:
        document.close()
    out = stem.with_suffix(".png" if len(images) == 1 else ".tif")
    images[0].save(
        out, dpi=(dpi, dpi), **({"save_all": True, "append_images": images[1:]} if images[1:] else {})
    )
    return out


def config_key(config: OcrConfig) -> str:
    orientation = f"o{int(config.detect_orientation)}d{int(config.deskew)}"
    # ruling lines erased before Tesseract; since 3 dotted leaders too (5: only between words), since 4 (6) a
    # stamp's ink and a photo's uneven light taken out, since 7 a page photographed at an angle warped flat,
    # since 8 light text on dark bands turned dark, since 9 columns whose lines sit at other heights read one
    # at a time (ocr_tasks.engines: the reading changed, the cache of an older reading is stale)
    rules = "-unruled9" if config.erase_rules else ""
    return f"{config.languages}-psm{config.psm}-dpi{config.dpi}-{orientation}{rules}"


def cached_ocr(
    path: Path, config: OcrConfig, *, with_reader: bool = False, reader_settings: dict | None = None
):
    """(OcrDocument, region reader or None). OCR output is cached; the reader needs a fresh ingest (cheap)."""
    from ocr_tasks.extraction.tesseract_regions import region_reader_for

    sha = _sha256(path)
    out = CACHE / "ocr" / f"{sha[:24]}-{config_key(config)}.json"
    workdir = Path(tempfile.mkdtemp(prefix="bench-extract-"))
    try:
        ingested = ingest_path(path, config=config, workdir=workdir)
        if all(p.text_page is not None for p in ingested.pages):
            # a born-digital file as the product reads it: its text layer needs no OCR, and a reading
            # cached before `to_dict` kept boxes exactly (2026-12-01) holds rounded ones, which set
            # other column gaps in a monospaced layout than the product reads (0.884 instead of 0.880
            # on einvoice-dev)
            document = recognise_document(ingested, config, workers=1)
        elif out.exists():
            document = OcrDocument.from_dict(json.loads(out.read_text()))
        else:
            document = recognise_document(ingested, config, workers=1)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(document.to_dict()))
        reader = (
            region_reader_for(ingested, document, languages=config.languages, **(reader_settings or {}))
            if with_reader
            else None
        )
        if reader is not None:
            reader = CachedRegionReader(reader, sha, workdir)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
        return document, reader
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise


def _cached_reading(path: Path, config: OcrConfig, kind: str, read) -> OcrDocument | None:
    """`read(ingested, first reading)` of a file, cached on disk under `kind` like the OCR output."""
    sha = _sha256(path)
    out = CACHE / kind / f"{sha[:24]}-{config_key(config)}.json"
    if out.exists():
        data = json.loads(out.read_text())
        return OcrDocument.from_dict(data) if data else None
    document, _ = cached_ocr(path, config)
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-{kind}-"))
    try:
        second = read(ingest_path(path, config=config, workdir=workdir), document)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(second.to_dict() if second else None))
    return second


def cached_enhanced_reading(path: Path, config: OcrConfig) -> OcrDocument | None:
    """`tesseract_regions.enhanced_reading` of a file (cached like the OCR output)."""
    from ocr_tasks.extraction.tesseract_regions import enhanced_reading

    return _cached_reading(
        path,
        config,
        "enhanced",
        lambda ingested, document: enhanced_reading(
            ingested, document, languages=config.languages, psm=config.psm
        ),
    )


def cached_second_opinion(path: Path, config: OcrConfig) -> OcrDocument | None:
    """`rapidocr_reading.rapidocr_reading` of a file's page images (cached like the OCR output)."""
    from ocr_tasks.engines.rapidocr_reading import rapidocr_reading

    return _cached_reading(path, config, "rapidocr", rapidocr_reading)


def cached_image_text(path: Path, config: OcrConfig) -> OcrDocument | None:
    """`image_regions.image_text_document` of a born-digital file (cached like the OCR output)."""
    from ocr_tasks.engines.image_regions import image_text_document

    return _cached_reading(
        path,
        config,
        "imagetext-exact",  # the text layer's boxes kept exactly (`ocr_types.exact_box`)
        lambda ingested, document: image_text_document(ingested, document, languages=config.languages),
    )


class CachedRegionReader:
    """Caches region readings on disk by document sha + page + box; loads page images only on a miss."""

    def __init__(self, reader, sha: str, workdir: Path) -> None:
        self.reader, self.sha, self.workdir = reader, sha, workdir
        self.file = CACHE / "regions" / f"{sha[:24]}-{reader.variant}.json"
        self.data = json.loads(self.file.read_text()) if self.file.exists() else {}

    def __call__(self, page, box) -> str:
        key = f"{page}:{','.join(f'{v:.4f}' for v in box.to_list())}"
        if key not in self.data:
            self.data[key] = self.reader(page, box)
            self.file.parent.mkdir(parents=True, exist_ok=True)
            self.file.write_text(json.dumps(self.data))
        return self.data[key]

    def close(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)
