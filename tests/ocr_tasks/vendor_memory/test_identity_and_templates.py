"""Vendor identity (strongest identifier first, name normalisation, VAT veto), memory templates, and the
safe loading of uploaded invoice2data templates."""

from __future__ import annotations

from dataclasses import replace

import pytest
import yaml

from ocr_tasks.errors import TemplateError, TemplateTooLarge
from ocr_tasks.extraction import extract_invoice
from ocr_tasks.extraction.rows import document_rows
from ocr_tasks.extraction.templates import MAX_TEMPLATE_BYTES, apply_template, load_template_yaml
from ocr_tasks.geometry import BBox
from ocr_tasks.invoice_types import FieldValue, Invoice
from ocr_tasks.vendor_memory import (
    FieldLesson,
    VendorMemory,
    find_memory,
    learn,
    memory_template,
    normalise_name,
    vendor_identifiers,
)
from tests.ocr_tasks.vendor_memory.documents import FIRST, FIRST_TRUTH, SECOND, VAT, WHEN, zenith


def _invoice(**values: str) -> Invoice:
    return Invoice(fields={k: FieldValue(k, v, v, 0.9) for k, v in values.items()})


def _memory(*identifiers: str) -> VendorMemory:
    lesson = FieldLesson("total", 0, BBox(0.8, 0.5, 0.9, 0.52), "total", "left", "99,99")
    return VendorMemory(identifiers[0], identifiers, "x", {"total": lesson})


def test_identifiers_strongest_first():
    invoice = _invoice(
        vendor_name="ACME Office-Supplies GmbH & Co. KG",
        iban="DE89 3704 0044 0532 0130 00",
        vendor_tax_id="DE 136 695 976",
    )
    assert vendor_identifiers(invoice) == (
        "vat:DE136695976",
        "iban:DE89370400440532013000",
        "name:acme office supplies",
    )
    assert vendor_identifiers(_invoice(vendor_tax_id="123/456/78901")) == ("tax:12345678901",)
    assert vendor_identifiers(Invoice()) == ()
    assert vendor_identifiers(_invoice(vendor_tax_id="GB 980 7806 84")) == ("vat:GB980780684",)


def test_name_normalisation():
    assert normalise_name("ZENITH PRINT GMBH") == normalise_name("Zenith  Print") == "zenith print"
    assert normalise_name("Société Générale S.A.") == "societe generale"


def test_vat_beats_name_and_names_match_exactly():
    by_name = _memory("name:zenith print")
    by_vat = _memory(f"vat:{VAT}", "name:other name")
    invoice = _invoice(vendor_name="Zenith Print GmbH", vendor_tax_id=VAT)
    assert find_memory([by_name, by_vat], invoice) is by_vat
    assert find_memory([by_name], _invoice(vendor_name="ZENITH PRINT")) is by_name
    assert find_memory([by_name], _invoice(vendor_name="Zenith Printing")) is None


def test_a_different_vat_id_vetoes_a_name_match():
    memory = _memory("vat:DE811569869", "name:zenith print")
    assert find_memory([memory], _invoice(vendor_name="Zenith Print", vendor_tax_id=VAT)) is None


@pytest.fixture(scope="module")
def taught() -> VendorMemory:
    first = zenith(*FIRST)
    return learn(
        None, ocr=first, extracted=extract_invoice(first), final=FIRST_TRUTH, actor="rita", when=WHEN
    )


def test_memory_template_parses_and_applies(taught):
    text = memory_template(taught)
    assert "Zenith Print GmbH" in text and "invoice_number" in text
    template = load_template_yaml(text, name="zenith")
    second = zenith(*SECOND)
    rows = document_rows(second)
    assert template.matches("\n".join(r.text for r in rows))
    fields = {name: f.value for name, f in apply_template(template, rows).items()}
    assert fields["invoice_number"] == "ZP/90555"
    assert fields["po_number"] == "5812-B"
    assert fields["total"] == "298.10" and fields["subtotal"] == "250.50" and fields["tax_amount"] == "47.60"
    assert fields["invoice_date"] == "2024-05-17"
    assert extract_invoice(second, templates=[template]).template == "zenith"


def test_memory_template_keeps_fields_learned_without_a_label_as_regions():
    total = FieldLesson("total", 0, BBox(0.8, 0.5, 0.9, 0.52), "total", "left", "99,99")
    date = FieldLesson("invoice_date", 1, BBox(0.612345, 0.1, 0.7, 0.12), "", "", "99.99.9999")
    memory = VendorMemory("vat:" + VAT, ("vat:" + VAT,), "Zenith", {"total": total, "invoice_date": date})
    text = memory_template(memory)
    document = yaml.safe_load(text)
    assert list(document["fields"]) == ["total"]  # a place is no regex: not among the fields
    assert document["regions"] == {
        "invoice_date": {"page": 1, "box": [0.6123, 0.1, 0.7, 0.12], "value_regex": r"\d+\.\d+\.\d+"}
    }
    # both invoice2data and our own loader read the template as before (regions is an extra key)
    template = load_template_yaml(text, name="zenith")
    assert set(template.fields) == {"total"}


GOOD = """issuer: Acme
keywords: [Acme]
fields:
  amount: 'Total\\s+([\\d.,]+)'
"""


def test_load_template_yaml_accepts_plain_yaml():
    template = load_template_yaml(GOOD.encode(), name="acme")
    assert template.issuer == "Acme" and "total" in template.fields


@pytest.mark.parametrize(
    "text",
    [
        "issuer: !!python/object/apply:os.system ['true']\nkeywords: [a]\nfields: {amount: 'x(1)'}\n",
        "issuer: x\nkeywords: !!set {a: null}\nfields: {amount: 'x(1)'}\n",
        "issuer: !custom x\nkeywords: [a]\nfields: {amount: 'x(1)'}\n",
    ],
)
def test_load_template_yaml_refuses_tags(text):
    with pytest.raises(TemplateError) as err:
        load_template_yaml(text, name="evil")
    assert err.value.code == "invalid_template"


def test_load_template_yaml_refuses_alias_bombs():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    bomb += "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nkeywords: [a]\nfields: {amount: 'x(1)'}\n"
    with pytest.raises(TemplateError) as err:
        load_template_yaml(bomb, name="bomb")
    assert err.value.code == "invalid_template"


def test_load_template_yaml_refuses_large_input():
    text = GOOD + "# " + "x" * MAX_TEMPLATE_BYTES + "\n"
    with pytest.raises(TemplateTooLarge) as err:
        load_template_yaml(text, name="big")
    assert err.value.code == "template_too_large" and err.value.http_status == 413


def test_load_template_yaml_checks_the_schema():
    with pytest.raises(TemplateError) as err:
        load_template_yaml("issuer: x\nfields: {amount: 'x(1)'}\n", name="nokeywords")
    assert err.value.code == "invalid_template"


def test_an_identifier_of_several_memories_names_none():
    shared = "vat:DE811569869"  # a customer's VAT id once taken for two vendors' ids
    a, b = _memory(shared, "name:alpha"), _memory(shared, "name:beta")
    assert find_memory([a, b], _invoice(vendor_tax_id="DE811569869")) is None
    assert find_memory([a, b], _invoice(vendor_tax_id="DE811569869", vendor_name="Beta GmbH")) is b


def test_a_known_vendor_gains_only_reviewed_identifiers(taught):
    second = zenith(*SECOND)
    misread = replace(
        extract_invoice(second), fields={"vendor_name": FieldValue("vendor_name", "Muster AG", "", 0.9)}
    )
    again = learn(taught, ocr=second, extracted=misread, final={"total": "298.10"}, actor="rita", when=WHEN)
    assert "name:muster" not in again.identifiers and again.identifiers == taught.identifiers
    renamed = learn(
        taught,
        ocr=second,
        extracted=misread,
        final={"vendor_name": "Zenith Druck GmbH"},
        actor="r",
        when=WHEN,
    )
    assert "name:zenith druck" in renamed.identifiers


def test_identifiers_printed_on_the_page():
    from ocr_tasks.vendor_memory.identity import memories_in_text

    a = _memory(f"vat:{VAT}", "iban:DE89370400440532013000", "name:zenith print")
    b = _memory("vat:DE811569869", "name:nordlicht papier")
    page = f"Rechnung ... USt-IdNr. {VAT[:2]} {VAT[2:5]} {VAT[5:]} ... IBAN DE89 3704 0044 0532 0130 00"
    assert memories_in_text([a, b], page) is a
    assert memories_in_text([a, b], page, ("vat:DE811569869",)) is None  # the page's vendor VAT differs
    both = page + " Kunde USt-IdNr. DE811569869 IBAN DE02120300000000202051"
    c = _memory("vat:DE811569869", "iban:DE02120300000000202051")
    assert memories_in_text([a, c], both) is None  # as many identifiers of two vendors: neither
