"""The field registry is the one declaration the field lists, label concepts and API kinds derive from."""

from __future__ import annotations

from ocr_tasks.extraction.extract import _NEEDS_LABEL, SECOND_READING_FIELDS
from ocr_tasks.extraction.keywords import FIELD_CONCEPTS, LABELS, lexicon
from ocr_tasks.field_registry import FIELD_SPECS, FIELDS, KINDS
from ocr_tasks.invoice_types import AMOUNT_FIELDS, DATE_FIELDS, FIELD_NAMES, KEY_FIELDS


def test_the_field_lists_derive_from_the_registry():
    assert FIELD_NAMES == tuple(spec.name for spec in FIELDS)
    assert len(set(FIELD_NAMES)) == len(FIELD_NAMES)
    assert DATE_FIELDS == {"invoice_date", "due_date", "delivery_date"}
    assert AMOUNT_FIELDS == {"subtotal", "tax_amount", "total", "amount_due"}
    assert set(KEY_FIELDS) <= set(FIELD_NAMES)
    assert all(spec.kind in KINDS for spec in FIELDS)


def test_every_concept_of_a_field_is_in_the_lexicons_and_labels_it():
    known = set(lexicon())
    for spec in FIELDS:
        assert set(spec.concepts) <= known, spec.name
        if spec.concepts:
            assert FIELD_CONCEPTS[spec.name] == spec.concepts
            assert LABELS[spec.name], spec.name


def test_label_requirements_and_second_readings_come_from_the_registry():
    assert _NEEDS_LABEL == {s.name: s.needs_label for s in FIELDS if s.needs_label}
    assert SECOND_READING_FIELDS == {s.name for s in FIELDS if s.second_reading}
    assert FIELD_SPECS["amount_due"].needs_label == ("label_left", "label_above")
