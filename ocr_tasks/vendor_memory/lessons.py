"""What a project remembers about one vendor: a `FieldLesson` per field (where the right value sat, the
label printed with it, the value's shape, its track record, who taught it) in a `VendorMemory`.

Both are frozen and round-trip through plain JSON dicts (`to_dict` / `from_dict`): the database stores
them as JSON, never pickled.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ocr_tasks.geometry import BBox
from ocr_tasks.vendor_memory.label_rules import keeps_stored_label
from ocr_tasks.vendor_memory.shapes import is_page_counter_label

LABEL_SIDES = ("left", "above", "")


@dataclass(frozen=True, slots=True)
class FieldLesson:
    """Where a field's value sits on this vendor's documents. `box` is page-relative; `label` the label
    text printed with the value (letters only, case-folded; "" when none); `label_side` where the label
    sits ("left", "above", ""); `value_format` the printed value's shape (digits 9, letters A, separators
    kept: `RE-2024-0042` -> `AA-9999-9999`). `confirmations` / `misses` count how often a later review
    agreed with the lesson or corrected it; `misses_in_row` the corrections since the last agreement.
    `corrected`: a reviewer once had to correct the general engine on this field for this vendor (the
    lesson's values then win over the engine's); a lesson only ever confirmed supports the engine's
    choice (raises its confidence, fills the field when the engine has none)."""

    field: str
    page: int
    box: BBox
    label: str
    label_side: str
    value_format: str
    confirmations: int = 0
    misses: int = 0
    misses_in_row: int = 0
    taught_by: str = ""
    taught_at: str = ""
    corrected: bool = False

    def __post_init__(self) -> None:
        if self.label_side not in LABEL_SIDES:
            raise ValueError(f"label_side must be one of {LABEL_SIDES}, not {self.label_side!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "page": self.page,
            "box": self.box.to_list(),
            "label": self.label,
            "label_side": self.label_side,
            "value_format": self.value_format,
            "confirmations": self.confirmations,
            "misses": self.misses,
            "misses_in_row": self.misses_in_row,
            "taught_by": self.taught_by,
            "taught_at": self.taught_at,
            "corrected": self.corrected,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FieldLesson:
        """A stored lesson; a label that is what is left of a page counter (`seite von`, learned before
        page counters were left out), prose or another field's label (`label_rules.keeps_stored_label`,
        learned before those rules) is dropped: the lesson is then one of place."""
        label, side = str(data.get("label", "")), str(data.get("label_side", ""))
        if is_page_counter_label(label) or not keeps_stored_label(label, str(data["field"])):
            label, side = "", ""
        return cls(
            field=str(data["field"]),
            page=int(data.get("page", 0)),
            box=BBox.from_list(data["box"]),
            label=label,
            label_side=side,
            value_format=str(data.get("value_format", "")),
            confirmations=int(data.get("confirmations", 0)),
            misses=int(data.get("misses", 0)),
            misses_in_row=int(data.get("misses_in_row", 0)),
            taught_by=str(data.get("taught_by", "")),
            taught_at=str(data.get("taught_at", "")),
            corrected=bool(data.get("corrected", False)),
        )


@dataclass(frozen=True, slots=True)
class VendorMemory:
    """One vendor's lessons. `key` is its strongest identifier (`vat:DE123456789`); `identifiers` all of
    them, strongest first; `name` the display name; `lessons` field name -> lesson. `unreviewed`: those
    of `identifiers` taken from the engine's reading of a corrected document before a reviewer confirmed
    or corrected them (a memory is used at once after a correction; its vendor's identity is reviewed at
    approval at the latest, and a reviewed value replaces a contradicting unreviewed one, key included)."""

    key: str
    identifiers: tuple[str, ...]
    name: str = ""
    lessons: Mapping[str, FieldLesson] = field(default_factory=dict)
    unreviewed: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "identifiers": list(self.identifiers),
            "name": self.name,
            "lessons": {name: lesson.to_dict() for name, lesson in self.lessons.items()},
            "unreviewed": list(self.unreviewed),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> VendorMemory:
        return cls(
            key=str(data["key"]),
            identifiers=tuple(str(i) for i in data.get("identifiers", ())),
            name=str(data.get("name", "")),
            lessons={
                str(name): FieldLesson.from_dict(lesson)
                for name, lesson in (data.get("lessons") or {}).items()
            },
            unreviewed=tuple(str(i) for i in data.get("unreviewed", ())),
        )
