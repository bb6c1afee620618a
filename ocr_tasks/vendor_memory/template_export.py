"""A vendor memory as an invoice2data-compatible YAML template (`ocr_tasks.extraction.templates` reads
it back): the issuer, keywords from the strongest identifiers, one regex per labelled lesson (label
words, then the value's shape), and options (decimal separator).

A label above its value becomes `label ... newline ... value`, the first value of the shape on the next
line. A lesson without a label (learned by position) has no regex form: invoice2data reads text, not
places, and the value's shape alone would match the first such value anywhere on the page. It goes into
`regions` instead, a top-level key that invoice2data and `ocr_tasks.extraction.templates` ignore: per
field its page (0-based), its box (relative 0-1, top-left origin: x0, y0, x1, y1) and the regex of its
value's shape, for a reader or a tool that crops by region.
"""

from __future__ import annotations

import re

import yaml

from ocr_tasks.vendor_memory.identity import strength
from ocr_tasks.vendor_memory.lessons import FieldLesson, VendorMemory
from ocr_tasks.vendor_memory.shapes import collapsed, field_kind

_AMOUNT = r"-?\d{1,3}(?:[.,' ]?\d{3})*[.,]\d{2}-?"
_BETWEEN_WORDS = r"(?:[^\w\n]|\d)*"  # punctuation, spaces and numbers between label words (`MwSt 19 % auf`)


def _loose_chars(value: str) -> str:
    """A regex for an identifier printed with or without spaces or dots between its characters."""
    return r"[\s.\-]?".join(re.escape(ch) for ch in value)


def _keyword(identifier: str) -> str:
    kind, _, value = identifier.partition(":")
    if kind == "name":
        return "(?i)" + r"\W+".join(re.escape(w) for w in value.split())
    return _loose_chars(value)


def _value_regex(lesson: FieldLesson) -> str:
    kind = field_kind(lesson.field)
    if kind == "amount":
        return _AMOUNT
    if kind == "text":
        return r"[^\n]+?(?=\s{2}|$)"
    shape = collapsed(lesson.value_format)
    parts = []
    for ch in shape:
        if ch == "9":
            parts.append(r"\d+")
        elif ch == "A":
            parts.append(r"[^\W\d_]+")
        elif ch == " ":
            parts.append(r"\s+")
        else:
            parts.append(re.escape(ch))
    return "".join(parts) or r"\S+"


def _label_regex(label: str) -> str:
    return "(?i:" + _BETWEEN_WORDS.join(re.escape(w) for w in label.split()) + ")"


def field_regex(lesson: FieldLesson) -> str | None:
    """The regex of one lesson (group 1 is the value), None for a lesson without a label."""
    if not lesson.label:
        return None
    value = _value_regex(lesson)
    if lesson.label_side == "above":
        return _label_regex(lesson.label) + r"[^\n]*\n(?:[^\n]*?\s)??(" + value + ")"
    # numbers and punctuation may sit between label and value (`USt 19 %  19,00`): the first value wins
    return _label_regex(lesson.label) + r"(?:[^\w\n]|\d)*?(" + value + ")"


def _decimal_separator(memory: VendorMemory) -> str | None:
    for lesson in memory.lessons.values():
        if field_kind(lesson.field) == "amount" and len(lesson.value_format) >= 3:
            mark = lesson.value_format.rstrip("-")[-3]
            if mark in ".,":
                return mark
    return None


def _region(lesson: FieldLesson) -> dict[str, object]:
    """Where a lesson without a label sits, and the regex of its value's shape."""
    return {
        "page": lesson.page,
        "box": [round(v, 4) for v in lesson.box.to_list()],
        "value_regex": _value_regex(lesson),
    }


def memory_template(memory: VendorMemory) -> str:
    """The memory as invoice2data YAML (issuer, keywords, fields, options), with the lessons learned
    without a label under `regions` (see the module docstring)."""
    strongest = sorted(memory.identifiers, key=strength)
    keywords = [_keyword(strongest[0])] if strongest else [re.escape(memory.name)]
    fields: dict[str, str] = {}
    regions: dict[str, dict[str, object]] = {}
    for name, lesson in sorted(memory.lessons.items()):
        regex = field_regex(lesson)
        if regex is not None:
            fields[name] = regex
        else:
            regions[name] = _region(lesson)
    if not fields and memory.name:
        fields["vendor_name"] = "(" + re.escape(memory.name) + ")"
    options: dict[str, object] = {"remove_whitespace": False}
    separator = _decimal_separator(memory)
    if separator:
        options["decimal_separator"] = separator
    document = {
        "issuer": memory.name or memory.key,
        "keywords": keywords,
        "fields": fields,
        "options": options,
        "memory_key": memory.key,
    }
    if regions:
        document["regions"] = regions
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
