"""invoice2data-style YAML templates: loading, validation errors, and override of template-free fields."""

import random
from pathlib import Path

import pytest

from ocr_tasks.errors import TemplateError
from ocr_tasks.extraction import extract_invoice, load_templates

from .synthetic import make_invoice

TEMPLATE = """
issuer: Zenith Print GmbH
keywords:
  - Zenith Print GmbH
  - RECHNUNG
fields:
  amount: Gesamtbetrag\\s+(?:€\\s*)?([\\d.,]+)
  invoice_number:
    parser: regex
    regex: Rechnungsnummer:?\\s+(\\S+)
  date:
    parser: regex
    regex: Rechnungsdatum:?\\s+(\\d{2}\\.\\d{2}\\.\\d{4})
    type: date
  lines: ignored by us
options:
  currency: EUR
  date_formats: ["%d.%m.%Y"]
  decimal_separator: ","
  languages: [de]
"""


def _zenith_invoice():
    rng = random.Random(3)
    while True:
        sample = make_invoice(rng)
        if sample.lang == "de":
            break
    vendor = sample.truth["vendor_name"]
    sample.rows[0] = [("Zenith Print GmbH", 150)]
    sample.truth["vendor_name"] = "Zenith Print GmbH"
    for i, row in enumerate(sample.rows):  # print dates in the template's format
        sample.rows[i] = [(text.replace(vendor, "Zenith Print GmbH"), x) for text, x in row]
    return sample


@pytest.fixture()
def template_dir(tmp_path: Path) -> Path:
    (tmp_path / "zenith.yml").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "other.yaml").write_text(
        "issuer: Other\nkeywords: [Other Corp]\nfields: {amount: 'Total (\\\\S+)'}\n"
    )
    (tmp_path / "notes.txt").write_text("not a template")
    return tmp_path


def test_load_templates_reads_yaml_files(template_dir):
    templates = load_templates(template_dir)
    assert [t.name for t in templates] == ["other", "zenith"]
    zenith = templates[1]
    assert zenith.issuer == "Zenith Print GmbH"
    assert set(zenith.fields) == {"total", "invoice_number", "invoice_date"}  # aliases mapped, extras dropped
    assert zenith.decimal_separator == "," and zenith.currency == "EUR"


def test_template_fields_win_where_it_matches(template_dir):
    sample = _zenith_invoice()
    invoice = extract_invoice(sample.to_document(), templates=load_templates(template_dir))
    assert invoice.template == "zenith"
    assert invoice.get("vendor_name") == "Zenith Print GmbH"
    assert invoice.get("total") == sample.truth["total"]
    assert invoice.get("invoice_number") == sample.truth["invoice_number"]
    assert invoice.get("currency") == "EUR"
    assert invoice.fields["total"].confidence >= 0.9
    # the template has no subtotal: template-free extraction still fills it
    assert invoice.get("subtotal") == sample.truth["subtotal"]


def test_non_matching_template_leaves_template_free_result(template_dir):
    rng = random.Random(8)
    sample = make_invoice(rng)
    invoice = extract_invoice(sample.to_document(), templates=load_templates(template_dir))
    assert invoice.template is None
    assert invoice.get("total") == sample.truth["total"]


@pytest.mark.parametrize(
    "content",
    [
        "issuer: X\nkeywords: [a\nfields: {}",  # broken YAML
        "- just\n- a list\n",  # not a mapping
        "issuer: X\nfields: {amount: '(\\\\d+)'}\n",  # no keywords
        "issuer: X\nkeywords: [X]\n",  # no fields
        "issuer: X\nkeywords: [X]\nfields: {amount: '([0-9'}\n",  # bad regex
        "issuer: X\nkeywords: [X]\nfields: {amount: '(\\\\d+)'}\noptions: {decimal_separator: ';'}\n",
    ],
)
def test_bad_templates_raise_invalid_template(tmp_path, content):
    (tmp_path / "bad.yml").write_text(content)
    with pytest.raises(TemplateError) as info:
        load_templates(tmp_path)
    assert info.value.code == "invalid_template"
    assert "bad" in info.value.message


def test_missing_template_folder_is_a_template_error(tmp_path):
    with pytest.raises(TemplateError):
        load_templates(tmp_path / "nope")
