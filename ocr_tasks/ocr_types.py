"""Types of the OCR stage: source document, word -> line -> block -> page -> document.

Frozen dataclasses with `to_dict`/`from_dict`. Boxes are `BBox` (relative 0-1, top-left origin).
Confidences are 0-1 (Tesseract's 0-100 is divided once, at the engine boundary).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ocr_tasks.geometry import BBox, bbox_union

TEXT_LAYER = "text_layer"
OCR = "ocr"


@dataclass(frozen=True, slots=True)
class SourceDocument:
    id: str
    uri: str
    media_type: str
    sha256: str
    size: int = 0
    name: str = ""
    # the name of the file it was received in when not itself (an e-mail whose attachment it is)
    received_in: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uri": self.uri,
            "media_type": self.media_type,
            "sha256": self.sha256,
            "size": self.size,
            "name": self.name,
            **({"received_in": self.received_in} if self.received_in else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceDocument:
        return cls(
            id=data["id"],
            uri=data["uri"],
            media_type=data["media_type"],
            sha256=data["sha256"],
            size=int(data.get("size", 0)),
            name=data.get("name", ""),
            received_in=data.get("received_in", ""),
        )


def exact_box(bbox: BBox) -> list[float]:
    """A reading's box as stored: every bit of each coordinate (JSON writes a float so that it reads back
    equal). Extraction compares gaps with character widths, and a monospaced text layer sets words exactly
    two characters apart: rounded, a box would read as another column gap than the reading extracted when
    it was made, and a re-extraction (or a cached bench reading) would give other fields."""
    return [bbox.x0, bbox.y0, bbox.x1, bbox.y1]


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    bbox: BBox
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "bbox": exact_box(self.bbox), "confidence": self.confidence}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Word:
        return cls(text=data["text"], bbox=BBox.from_list(data["bbox"]), confidence=float(data["confidence"]))


@dataclass(frozen=True, slots=True)
class Line:
    words: tuple[Word, ...]
    bbox: BBox

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def confidence(self) -> float:
        return sum(w.confidence for w in self.words) / len(self.words) if self.words else 0.0

    @classmethod
    def of(cls, words: tuple[Word, ...] | list[Word]) -> Line:
        """A line whose box is the union of its word boxes."""
        words = tuple(words)
        return cls(words=words, bbox=bbox_union(w.bbox for w in words))

    def to_dict(self) -> dict[str, Any]:
        return {"bbox": exact_box(self.bbox), "words": [w.to_dict() for w in self.words]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Line:
        return cls(words=tuple(Word.from_dict(w) for w in data["words"]), bbox=BBox.from_list(data["bbox"]))


@dataclass(frozen=True, slots=True)
class Block:
    lines: tuple[Line, ...]
    bbox: BBox

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def confidence(self) -> float:
        words = [w for line in self.lines for w in line.words]
        return sum(w.confidence for w in words) / len(words) if words else 0.0

    @classmethod
    def of(cls, lines: tuple[Line, ...] | list[Line]) -> Block:
        lines = tuple(lines)
        return cls(lines=lines, bbox=bbox_union(line.bbox for line in lines))

    def to_dict(self) -> dict[str, Any]:
        return {"bbox": exact_box(self.bbox), "lines": [line.to_dict() for line in self.lines]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        return cls(lines=tuple(Line.from_dict(x) for x in data["lines"]), bbox=BBox.from_list(data["bbox"]))


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One page's words, grouped in reading order into blocks of lines.

    `source` is `text_layer` (born-digital PDF page, no OCR) or `ocr`. `rotation` is the clockwise
    rotation in degrees applied before recognition (0/90/180/270); `skew` the deskew angle applied;
    `rectified`: the page, photographed at an angle, was warped flat first (`engines.perspective`).
    `width`/`height` are the pixel size of the image recognised (or the PDF page in points * dpi/72).
    """

    index: int
    width: int
    height: int
    dpi: int
    blocks: tuple[Block, ...]
    source: str = OCR
    engine: str = ""
    engine_version: str = ""
    rotation: int = 0
    skew: float = 0.0
    language: str = "eng"
    seconds: float = 0.0
    rectified: bool = False

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(line for block in self.blocks for line in block.lines)

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for line in self.lines for w in line.words)

    @property
    def text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def confidence(self) -> float:
        words = self.words
        return sum(w.confidence for w in words) / len(words) if words else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "width": self.width,
            "height": self.height,
            "dpi": self.dpi,
            "source": self.source,
            "engine": self.engine,
            "engine_version": self.engine_version,
            "rotation": self.rotation,
            "skew": round(self.skew, 3),
            "rectified": self.rectified,
            "language": self.language,
            "seconds": round(self.seconds, 4),
            "blocks": [b.to_dict() for b in self.blocks],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OcrPage:
        return cls(
            index=int(data["index"]),
            width=int(data["width"]),
            height=int(data["height"]),
            dpi=int(data["dpi"]),
            blocks=tuple(Block.from_dict(b) for b in data["blocks"]),
            source=data.get("source", OCR),
            engine=data.get("engine", ""),
            engine_version=data.get("engine_version", ""),
            rotation=int(data.get("rotation", 0)),
            skew=float(data.get("skew", 0.0)),
            rectified=bool(data.get("rectified", False)),  # absent from a reading stored before: not warped
            language=data.get("language", "eng"),
            seconds=float(data.get("seconds", 0.0)),
        )


@dataclass(frozen=True, slots=True)
class OcrDocument:
    source: SourceDocument
    pages: tuple[OcrPage, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        return "\n\f\n".join(p.text for p in self.pages)

    @property
    def engines(self) -> dict[str, str]:
        return {p.engine: p.engine_version for p in self.pages if p.engine}

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source.to_dict(), "pages": [p.to_dict() for p in self.pages]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OcrDocument:
        return cls(
            source=SourceDocument.from_dict(data["source"]),
            pages=tuple(OcrPage.from_dict(p) for p in data["pages"]),
        )
