"""Teaching a vendor memory from a reviewed document, and forgetting.

`learn` locates each reviewed value on the page and records a `FieldLesson` (box, label and side, value
shape). A lesson that agrees with the new evidence, or whose field the engine got right, counts a
confirmation; a lesson whose prediction the reviewer corrected, or that the evidence contradicts, counts a
miss. Poisoning is bounded: a lesson with `STRONG_LESSON` confirmations or more is kept through one
contrary review (the miss is counted); a weaker one is replaced by the new evidence; a lesson missed
`DROP_AFTER_MISSES` times in a row is dropped and relearned from the new evidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from ocr_tasks.extraction.keywords import has_label
from ocr_tasks.extraction.rows import document_rows
from ocr_tasks.geometry import BBox
from ocr_tasks.invoice_types import Invoice
from ocr_tasks.ocr_types import OcrDocument
from ocr_tasks.vendor_memory.identity import ID_FIELDS, normalise_name, reviewed_identity, strength
from ocr_tasks.vendor_memory.lessons import FieldLesson, VendorMemory
from ocr_tasks.vendor_memory.letterhead import HEAD, letterhead, with_head
from ocr_tasks.vendor_memory.locate import Evidence, locate, same_value
from ocr_tasks.vendor_memory.recall import PLACE_TOLERANCE
from ocr_tasks.vendor_memory.shapes import LEARNABLE_FIELDS, value_format

STRONG_LESSON = 3  # confirmations that outweigh one contrary correction
DROP_AFTER_MISSES = 2  # corrections in a row that drop a lesson


def _agrees(lesson: FieldLesson, evidence: Evidence | None) -> bool:
    """Whether the new evidence sits where the lesson says: same label and side, or (no label) the same
    place."""
    if evidence is None:
        return False
    if lesson.label:
        return evidence.label == lesson.label and evidence.label_side == lesson.label_side
    (ax, ay), (bx, by) = lesson.box.center, evidence.box.center
    return (
        not evidence.label
        and evidence.page == lesson.page
        and abs(ay - by) <= PLACE_TOLERANCE + lesson.box.height
        and abs(ax - bx) <= PLACE_TOLERANCE + lesson.box.width
    )


def _stored(box: BBox) -> BBox:
    """The box as its JSON form keeps it (6 decimals), so a memory equals its round trip."""
    return BBox.from_list(box.to_list())


def _fresh(field: str, evidence: Evidence, actor: str, when: str, corrected: bool) -> FieldLesson:
    return FieldLesson(
        field=field,
        page=evidence.page,
        box=_stored(evidence.box),
        label=evidence.label,
        label_side=evidence.label_side,
        value_format=value_format(evidence.printed),
        taught_by=actor,
        taught_at=when,
        corrected=corrected,
    )


def _same(field: str, a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return same_value(field, a, b)


def _review(
    lesson: FieldLesson | None,
    evidence: Evidence | None,
    *,
    field: str,
    predicted: bool,
    right: bool,
    actor: str,
    when: str,
) -> FieldLesson | None:
    """The lesson after one review of its field (None: no lesson)."""
    if lesson is None:
        return _fresh(field, evidence, actor, when, not right) if evidence is not None else None
    agrees = _agrees(lesson, evidence)
    if (right or not predicted) and agrees:
        # confirmed; the place follows the latest evidence (a layout drifting by a few millimetres)
        return replace(
            lesson,
            box=_stored(evidence.box),
            page=evidence.page,
            confirmations=lesson.confirmations + 1,
            misses_in_row=0,
            corrected=lesson.corrected or not right,
        )
    if not predicted and evidence is None:
        return lesson  # the engine chose the field without the lesson and it has no value here: no verdict
    missed = replace(lesson, misses=lesson.misses + 1, misses_in_row=lesson.misses_in_row + 1)
    if missed.misses_in_row >= DROP_AFTER_MISSES or lesson.confirmations < STRONG_LESSON:
        # dropped (twice corrected in a row) or too young to outweigh the reviewer: relearned
        return _fresh(field, evidence, actor, when, not right) if evidence is not None else None
    return missed  # many confirmations: one contrary review is counted, not obeyed


def _evidence(rows: list, extracted: Invoice, final: Mapping[str, str | None]) -> dict[str, Evidence]:
    """Where each reviewed value is printed. A value printed once for two fields (the amount due that is
    the total, under `Total`) is evidence only for the field its label names; the other field's value is
    implied by it, not printed (`settle` derives it)."""
    found: dict[str, Evidence] = {}
    for field in LEARNABLE_FIELDS:
        value = final.get(field)
        if value in (None, ""):
            continue
        before = extracted.fields.get(field)
        hint = (
            (before.page, before.bbox) if before is not None and _same(field, before.value, value) else None
        )
        evidence = locate(rows, field, str(value), hint=hint)
        if evidence is not None:
            found[field] = evidence
    for field, evidence in list(found.items()):
        shared = [
            other
            for other, e in found.items()
            if other != field and e.page == evidence.page and e.box == evidence.box
        ]
        # each field's own reading of the label (`label_of` drops a label that names only another field)
        named = [o for o in shared if has_label(found[o].label, o) >= 0.5]
        if named and has_label(evidence.label, field) < 0.5:
            del found[field]
    return found


def learn(
    memory: VendorMemory | None,
    *,
    ocr: OcrDocument,
    extracted: Invoice,
    final: Mapping[str, str | None],
    actor: str,
    when: datetime,
    identity: Mapping[str, str | None] | None = None,
) -> VendorMemory | None:
    """The vendor's memory after a review: `final` holds each reviewed field's value (a correction, or
    the extracted value confirmed at approval; None: the field has no value). `extracted` is the result
    the reviewer saw (its `memory` says which fields the memory predicted). `identity`: the reviewed
    values of the vendor's identifying fields (`vendor_tax_id`, `iban`, `vendor_name`: corrected, or
    confirmed at approval), when they are not all in `final`; by default those in `final`.

    Identity (`identity.reviewed_identity`): the reviewed identifiers; a new memory also takes the
    engine's reading of the identifying fields not reviewed yet, kept as `unreviewed` (a correction is
    used at once), and a reviewed value replaces the unreviewed ones of its kind. The key is the
    strongest reviewed identifier (the strongest unreviewed one while none is reviewed): an engine
    that read the buyer's VAT id as the vendor's keys the memory only until a reviewer corrects or
    confirms the vendor's. The page's letterhead is kept too (`head:`, the weakest identifier). None when the
    vendor cannot be identified or nothing is left to remember."""
    if identity is None:
        identity = {name: final[name] for name in ID_FIELDS if name in final}
    identifiers, unreviewed = reviewed_identity(memory, extracted, identity)
    if not any(strength(i) < strength(HEAD) for i in identifiers):
        return None
    key = _key(memory, identifiers, unreviewed)  # never a letterhead
    rows = document_rows(ocr)
    identifiers = with_head(identifiers, letterhead(rows))
    used = set((extracted.memory or {}).get("fields", ())) if extracted.memory else set()
    stamp = when.isoformat()
    lessons = dict(memory.lessons) if memory is not None else {}
    found = _evidence(rows, extracted, final)
    for field in LEARNABLE_FIELDS:
        if field not in final:
            continue
        value = final[field]
        evidence = found.get(field)
        lesson = _review(
            lessons.get(field),
            evidence,
            field=field,
            predicted=field in used,
            right=_same(field, extracted.get(field), value or None),
            actor=actor,
            when=stamp,
        )
        if lesson is None:
            lessons.pop(field, None)
        else:
            lessons[field] = lesson
    name = identity.get("vendor_name") or (memory.name if memory else "") or extracted.get("vendor_name")
    return VendorMemory(
        key=key,
        identifiers=identifiers,
        name=str(name or ""),
        lessons=lessons,
        unreviewed=unreviewed,
    )


def _key(memory: VendorMemory | None, identifiers: tuple[str, ...], unreviewed: tuple[str, ...]) -> str:
    """The memory's key: its strongest reviewed identifier (the strongest unreviewed one while none is
    reviewed); a known memory keeps its key while it is one of its identifiers and nothing better came."""

    def rank(identifier: str) -> tuple[bool, int]:
        return identifier in unreviewed, strength(identifier)

    best = min((i for i in identifiers if strength(i) < strength(HEAD)), key=rank)
    if memory is not None and memory.key in identifiers and rank(memory.key) <= rank(best):
        return memory.key
    return best


def forget_field(memory: VendorMemory, field: str) -> VendorMemory | None:
    """The memory without its lesson for `field`; None when no lesson is left."""
    lessons = {name: lesson for name, lesson in memory.lessons.items() if name != field}
    return replace(memory, lessons=lessons) if lessons else None


__all__ = ["DROP_AFTER_MISSES", "STRONG_LESSON", "forget_field", "learn", "normalise_name"]
