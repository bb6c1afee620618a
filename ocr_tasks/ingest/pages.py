"""What ingest hands to OCR: one small, picklable record per page and the ingested document.

Page images travel as file paths (written in a work directory), never as in-memory images, so that
processes and Prefect tasks pass paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import OcrPage, SourceDocument


@dataclass(frozen=True, slots=True)
class ImageRegion:
    """An image placed on a text-layer page (a logo, a stamp), rendered to `path`; `bbox` is where it
    sits on the page (relative, top-left origin). Its text is not in the text layer."""

    path: str
    bbox: BBox

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "bbox": self.bbox.to_list()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImageRegion:
        return cls(path=str(data["path"]), bbox=BBox.from_list(data["bbox"]))


@dataclass(frozen=True, slots=True)
class PageInput:
    """One page to recognise.

    `image_path` is the page image (PNG/JPEG/TIFF... as written by ingest) or None for a text-layer page
    that was not rendered. `text_page` is set for PDF pages with a usable text layer: recognition then
    returns it as-is (no OCR). `width`/`height` are pixels of the page image at `dpi`.
    `scan_text_layer` is the text layer of a scanned page that another program's OCR laid over its image
    (`ingest.scanned_pages`): the page is OCR'd, and this is the fallback when our reading finds almost
    nothing.
    """

    index: int
    width: int
    height: int
    dpi: int
    image_path: str | None = None
    text_page: OcrPage | None = None
    image_regions: tuple[ImageRegion, ...] = ()
    scan_text_layer: OcrPage | None = None

    @property
    def needs_ocr(self) -> bool:
        return self.text_page is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "width": self.width,
            "height": self.height,
            "dpi": self.dpi,
            "image_path": self.image_path,
            "text_page": self.text_page.to_dict() if self.text_page else None,
            "image_regions": [r.to_dict() for r in self.image_regions],
            "scan_text_layer": self.scan_text_layer.to_dict() if self.scan_text_layer else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PageInput:
        return cls(
            index=int(data["index"]),
            width=int(data["width"]),
            height=int(data["height"]),
            dpi=int(data["dpi"]),
            image_path=data.get("image_path"),
            text_page=OcrPage.from_dict(data["text_page"]) if data.get("text_page") else None,
            image_regions=tuple(ImageRegion.from_dict(r) for r in data.get("image_regions") or ()),
            scan_text_layer=(
                OcrPage.from_dict(data["scan_text_layer"]) if data.get("scan_text_layer") else None
            ),
        )


@dataclass(frozen=True, slots=True)
class IngestedDocument:
    source: SourceDocument
    pages: tuple[PageInput, ...]
    # the e-invoice embedded in a PDF (an `ocr_tasks.einvoice.EInvoice`), or the typed error of its
    # unreadable attachment as `{"code", "message"}`; the pages are ingested either way
    einvoice: Any = None
    einvoice_error: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source.to_dict(), "pages": [p.to_dict() for p in self.pages]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IngestedDocument:
        return cls(
            source=SourceDocument.from_dict(data["source"]),
            pages=tuple(PageInput.from_dict(p) for p in data["pages"]),
        )
