"""Word lists and country knowledge as data (issue 13, item 2; session 15, helper H5): the legal forms are
the country packs' `legal_forms`, the business words of names, the words no name holds, the leads of a
company-data row and the tax-inclusive/exclusive phrases are lexicon concepts, compiled once; the patterns
compiled from them match the same text as the lists that stood in code (`bench/knowledge_as_data_check.py`
runs them over the corpus's text; here over the SROIE sample's ground-truth lines)."""

from __future__ import annotations

import pytest

from bench.knowledge_as_data_check import CORPUS, OLD, _new, differs
from ocr_tasks.extraction import keywords, party_fields
from ocr_tasks.extraction.keywords import lexicon, phrase_regex
from ocr_tasks.extraction.language import detect_language
from ocr_tasks.normalise.countries import country_packs

SROIE_LINES = CORPUS / "sroie-sample" / "ocr_lines"


def test_legal_forms_are_country_data():
    packs = country_packs()
    assert "GMBH" in packs["DE"].legal_forms and "SARL" in packs["FR"].legal_forms
    assert any("BHD" in form for form in packs["MY"].legal_forms)
    assert party_fields.LEGAL_FORM.search("YONGFATT ENTERPRISE")  # a business word of the en lexicon
    assert party_fields.LEGAL_FORM.search("KEDAI RUNCIT")  # and of the ms one
    assert party_fields.LEGAL_FORM.search("Müller Bau GmbH")


@pytest.mark.parametrize(
    ("language", "concepts"),
    [
        ("en", ("not_name", "registration_lead", "tax_id_mark", "tax_word", "tax_exclusive_word")),
        ("de", ("not_name", "tax_word", "tax_inclusive_word", "tax_exclusive_word")),
        ("fr", ("not_name", "tax_word", "tax_inclusive_word", "tax_exclusive_word")),
    ],
)
def test_the_word_lists_are_lexicon_data(language, concepts):
    table = lexicon((language,))
    assert all(table.get(concept) for concept in concepts)


def test_a_word_list_phrase_as_printed():
    assert phrase_regex("co. reg") == r"co\.?\s?reg"
    assert phrase_regex("incl*") == r"incl\w*"
    assert keywords._INCLUSIVE.search("Total inkl. MwSt.")
    assert keywords._INCLUSIVE.search("Amount (GST incl.)")
    assert keywords._EXCLUSIVE.search("Total hors TVA") and keywords._EXCLUSIVE.search("Subtotal net of tax")
    assert party_fields._REGISTRATION_ROW.search("CO. REG. NO: 12345-X")
    assert party_fields._NOT_NAME.search("Rechnungsadresse")


@pytest.mark.skipif(not SROIE_LINES.is_dir(), reason="the shared corpus is not mounted")
def test_the_data_patterns_match_as_the_old_lists_did():
    """Same spans and the same text left by `sub` on every ground-truth line of the SROIE sample."""
    new = _new()
    lines = [
        line.split(",", 8)[8]
        for path in sorted(SROIE_LINES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.count(",") >= 8
    ]
    assert len(lines) > 1000
    for key, old in OLD.items():
        assert [line for line in lines if differs(old, new[key], line)] == [], key


def test_word_lists_are_no_language_evidence():
    """A German invoice that prints English shop words (`Services`, `Company`) is still German: the word
    lists are not counted as labels of a language."""
    lines = ["Müller Services Company", "Rechnungsnummer 4711", "Rechnungsdatum 02.05.2025", "with tax"]
    assert detect_language(lines) == "de"


def test_month_names_are_lexicon_data():
    """The month names of dates come from the lexicons' `months` (every language that has them), read
    once; a language whose names match whole only says so (`months_exact`)."""
    import json

    from ocr_tasks.extraction.keywords import LEXICON_DIR
    from ocr_tasks.normalise import dates

    files = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in LEXICON_DIR.glob("*.json")}
    assert {lang for lang, data in files.items() if data.get("months")} == set(dates._MONTHS)
    assert dates._MONTHS["de"] == files["de"]["months"]
    assert "es" in dates._EXACT_ONLY and "en" not in dates._EXACT_ONLY
    assert dates.month_number("Dezem") == 12 and dates.month_number("maj", ("sv",)) == 5
    assert dates.month_number("lokakuuta", ("fi",)) == 10
