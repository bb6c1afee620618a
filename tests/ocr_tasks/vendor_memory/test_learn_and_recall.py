"""Vendor memory end to end on text-layer documents: learn from a reviewed first invoice, read the next
invoice of the same layout; moved and changed layouts; other vendors; bounded poisoning; forgetting."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from ocr_tasks.extraction import extract_invoice
from ocr_tasks.extraction.rows import document_rows
from ocr_tasks.extraction.templates import apply_template, load_template_yaml
from ocr_tasks.invoice_types import Invoice
from ocr_tasks.vendor_memory import VendorMemory, find_memory, forget_field, learn, memory_template
from ocr_tasks.vendor_memory.learning import DROP_AFTER_MISSES, STRONG_LESSON
from tests.ocr_tasks.vendor_memory.documents import (
    FIRST,
    FIRST_TRUTH,
    SECOND,
    THIRD,
    VAT,
    WHEN,
    other_vendor,
    zenith,
)


@pytest.fixture(scope="module")
def taught() -> VendorMemory:
    first = zenith(*FIRST)
    memory = learn(
        None, ocr=first, extracted=extract_invoice(first), final=FIRST_TRUTH, actor="rita", when=WHEN
    )
    assert memory is not None
    return memory


def test_learn_records_label_side_shape_and_audit(taught):
    assert taught.key == f"vat:{VAT}"
    assert taught.identifiers[0] == f"vat:{VAT}" and taught.identifiers[-2] == "name:zenith print"
    assert taught.identifiers[-1].startswith("head:zenith print gmbh hafenstr hamburg")  # its letterhead
    lesson = taught.lessons["invoice_number"]
    assert (lesson.label, lesson.label_side, lesson.value_format) == ("belegkennung", "left", "AA/99999")
    assert lesson.box.x0 == pytest.approx(0.78, abs=0.001)
    assert (lesson.taught_by, lesson.taught_at) == ("rita", WHEN.isoformat())
    assert taught.lessons["total"].label == "endsumme"
    assert taught.lessons["tax_amount"].label == "ust"  # the rate printed in the label is dropped


def test_memory_round_trips_through_json(taught):
    again = VendorMemory.from_dict(json.loads(json.dumps(taught.to_dict())))
    assert again == taught


def test_second_invoice_of_the_layout_gets_the_corrected_values(taught):
    second = zenith(*SECOND)
    general = extract_invoice(second)
    assert general.get("invoice_number") != "ZP/90555"  # the general engine knows no `Belegkennung`
    assert general.get("po_number") != "5812-B"
    assert general.memory is None
    result = extract_invoice(second, memories=[taught])
    assert result.get("invoice_number") == "ZP/90555"
    assert result.get("po_number") == "5812-B"
    assert result.get("total") == "298.10" and result.get("tax_amount") == "47.60"
    assert result.memory["vendor"] == f"vat:{VAT}"
    assert {"invoice_number", "po_number", "total"} <= set(result.memory["fields"])
    assert 0.5 < result.fields["invoice_number"].confidence < 0.97
    again = Invoice.from_dict(json.loads(json.dumps(result.to_dict())))
    assert again.memory == result.memory


def test_results_stored_before_memories_still_load():
    stored = extract_invoice(zenith(*SECOND)).to_dict()
    assert "memory" not in stored
    assert Invoice.from_dict(stored).memory is None


def test_a_moved_label_still_counts(taught):
    result = extract_invoice(zenith(*SECOND, moved=True), memories=[taught])
    assert result.get("invoice_number") == "ZP/90555"
    assert result.get("po_number") == "5812-B"


def test_a_changed_layout_falls_back_to_the_general_engine(taught):
    changed = zenith(*SECOND, number_label="Rechnungsnr.")  # the vendor's new layout
    general = extract_invoice(changed)
    result = extract_invoice(changed, memories=[taught])
    assert "invoice_number" not in result.memory["fields"]
    assert result.get("invoice_number") == general.get("invoice_number") == "ZP/90555"


def test_other_vendors_are_unchanged(taught):
    document = other_vendor()
    general = extract_invoice(document)
    result = extract_invoice(document, memories=[taught])
    assert result.memory is None
    assert result.to_dict() == general.to_dict()


def test_a_corrected_vat_id_identifies_the_vendor():
    first = zenith(*FIRST)
    extracted = replace(extract_invoice(first), fields={})  # the engine read nothing at all
    memory = learn(
        None, ocr=first, extracted=extracted, final={"vendor_tax_id": VAT}, actor="rita", when=WHEN
    )
    assert memory is not None and memory.key == f"vat:{VAT}"


def test_no_identifier_no_memory():
    first = zenith(*FIRST)
    final = {"total": "119.00", "vendor_name": None, "vendor_tax_id": None}
    assert learn(None, ocr=first, extracted=Invoice(), final=final, actor="rita", when=WHEN) is None


def _review(memory, values, final, *, actor="rita"):
    document = zenith(*values)
    extracted = extract_invoice(document, memories=[memory])
    return learn(memory, ocr=document, extracted=extracted, final=final, actor=actor, when=WHEN)


def test_approval_counts_confirmations(taught):
    confirmed = _review(taught, SECOND, {"invoice_number": "ZP/90555"})
    lesson = confirmed.lessons["invoice_number"]
    assert (lesson.confirmations, lesson.misses, lesson.misses_in_row) == (1, 0, 0)


def test_poisoning_is_bounded(taught):
    strong = replace(
        taught,
        lessons={
            **taught.lessons,
            "invoice_number": replace(taught.lessons["invoice_number"], confirmations=STRONG_LESSON + 2),
        },
    )
    # one reviewer claims the order reference is the invoice number: counted, not obeyed
    once = _review(strong, SECOND, {"invoice_number": "5812-B"}, actor="mallory")
    lesson = once.lessons["invoice_number"]
    assert lesson.label == "belegkennung"
    assert (lesson.misses, lesson.misses_in_row) == (1, 1)
    assert extract_invoice(zenith(*THIRD), memories=[once]).get("invoice_number") == "ZP/91002"
    # corrected a second time in a row: dropped and relearned from the new evidence
    assert DROP_AFTER_MISSES == 2
    twice = _review(once, THIRD, {"invoice_number": "6001-C"}, actor="mallory")
    lesson = twice.lessons["invoice_number"]
    assert (lesson.label, lesson.confirmations, lesson.misses_in_row, lesson.taught_by) == (
        "vorgang",
        0,
        0,
        "mallory",
    )


def test_a_young_lesson_follows_one_correction(taught):
    corrected = _review(taught, SECOND, {"invoice_number": "5812-B"})
    assert corrected.lessons["invoice_number"].label == "vorgang"


def test_forget_field(taught):
    forgotten = forget_field(taught, "invoice_number")
    assert "invoice_number" not in forgotten.lessons and "total" in forgotten.lessons
    result = extract_invoice(zenith(*SECOND), memories=[forgotten])
    assert result.get("invoice_number") != "ZP/90555"
    assert "invoice_number" not in result.memory["fields"]
    last = VendorMemory(taught.key, taught.identifiers, taught.name, {"total": taught.lessons["total"]})
    assert forget_field(last, "total") is None


def test_find_memory_uses_the_documents_vendor(taught):
    assert find_memory([taught], extract_invoice(zenith(*SECOND))) is taught
    assert find_memory([taught], extract_invoice(other_vendor())) is None


def test_only_corrected_lessons_win_over_the_engine(taught):
    # the engine missed the invoice number (a correction) but read the total right (a confirmation)
    assert taught.lessons["invoice_number"].corrected and not taught.lessons["total"].corrected
    result = extract_invoice(zenith(*SECOND), memories=[taught])
    general = extract_invoice(zenith(*SECOND))
    assert "total" in result.memory["fields"]  # the memory agrees with the engine's total ...
    assert result.fields["total"].confidence >= general.fields["total"].confidence  # ... and firms it up


def test_a_value_printed_once_for_two_fields_teaches_the_labelled_one():
    first = zenith(*FIRST)
    final = {**FIRST_TRUTH, "amount_due": "119.00"}  # due = total, printed once under `Endsumme`
    memory = learn(None, ocr=first, extracted=extract_invoice(first), final=final, actor="rita", when=WHEN)
    assert "total" in memory.lessons and "amount_due" not in memory.lessons


def test_a_misread_value_still_teaches_its_label_and_shape():
    misread = zenith("ZP/88I23", *FIRST[1:])  # OCR read a letter I for the digit 1
    memory = learn(
        None, ocr=misread, extracted=extract_invoice(misread), final=FIRST_TRUTH, actor="rita", when=WHEN
    )
    lesson = memory.lessons["invoice_number"]
    assert (lesson.label, lesson.label_side, lesson.value_format) == ("belegkennung", "left", "AA/99999")
    assert extract_invoice(zenith(*SECOND), memories=[memory]).get("invoice_number") == "ZP/90555"


def _column_header_invoice(number: str, total: str):
    from tests.ocr_tasks.extraction.layout_pages import text_layer_page

    return text_layer_page(
        [
            [("Zenith Print GmbH", 0.08)],
            [],
            [("Vorgangskennung", 0.5), ("Kundenkonto", 0.75)],
            [(number, 0.5), ("K-10042", 0.75)],
            [],
            [("Endsumme", 0.55), (total, 0.8)],
            [(f"USt-IdNr. {VAT}", 0.08)],
        ]
    )


def test_a_label_above_its_value():
    first = _column_header_invoice("ZP-88123", "119,00")
    final = {"invoice_number": "ZP-88123", "total": "119.00", "vendor_tax_id": VAT}
    memory = learn(None, ocr=first, extracted=extract_invoice(first), final=final, actor="rita", when=WHEN)
    lesson = memory.lessons["invoice_number"]
    assert (lesson.label, lesson.label_side) == ("vorgangskennung", "above")
    second = _column_header_invoice("ZP-90555", "298,10")
    assert extract_invoice(second).get("invoice_number") is None  # no lexicon knows the label
    result = extract_invoice(second, memories=[memory])
    assert result.get("invoice_number") == "ZP-90555" and "invoice_number" in result.memory["fields"]
    template = load_template_yaml(memory_template(memory), name="zenith")  # the label-above regex too
    assert apply_template(template, document_rows(second))["invoice_number"].value == "ZP-90555"
