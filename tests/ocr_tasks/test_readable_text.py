"""A text layer whose fonts lost their `/ToUnicode` maps is no reading of the page: it is OCR'd.

The PDFs are committed held-out invoices with their `/ToUnicode` maps removed by qpdf (the system package
`scripts/setup.sh` installs): PDFium then reports the fonts' glyph codes, as it does for such PDFs in the
wild. The end-to-end test reads one through the product with real Tesseract.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ocr_tasks.config import OcrConfig
from ocr_tasks.extraction import ExtractionOptions
from ocr_tasks.ingest import ingest_path
from ocr_tasks.ingest.readable_text import _PAIRS_FILE, MIN_COMMON_SHARE, common_pair_share, reads_as_text
from tests.ocr_tasks.extraction.pdf_folders import matches, pdf_cases
from tests.ocr_tasks.extraction.rendered_pages import read_invoice

ROOT = Path(__file__).resolve().parents[2]
LATEX = pdf_cases(ROOT / "tests/ocr_tasks/extraction/latex_invoices")
OFFICE = pdf_cases(ROOT / "tests/ocr_tasks/extraction/office_invoices")

REAL = [
    "Rechnung Nr. 2025-031 vom 22.08.2025 Leistungszeitraum August Zwischensumme Umsatzsteuer Gesamtbetrag "
    "Bitte überweisen Sie den Betrag bis zum 05.09.2025 auf das unten genannte Konto",
    "Facture n° F-2025-0187 du 14/03/2025 Désignation Quantité Prix unitaire Montant HT TVA 20 % Total TTC "
    "Conditions de paiement : à réception de facture",
    "Fattura n. 27/2025 del 15/09/2025 Descrizione Quantità Prezzo Imponibile IVA 22% Totale documento "
    "Ritenuta d'acconto Netto a pagare",
    "Factuur 2025-114 Factuurdatum Vervaldatum Omschrijving Aantal Prijs Bedrag Subtotaal BTW 21% Totaal "
    "te betalen",
    "INVOICE NO. 40017 TERMS NET 30 SOLD TO SHIP TO DESCRIPTION QTY UNIT PRICE AMOUNT SUBTOTAL SALES TAX",
    # a part list: article codes and short words
    "Pos Art.-Nr. Bezeichnung Menge ME Einzelpreis 10 4711-0815 Schraube M8x40 DIN 933 verzinkt 200 Stk "
    "20 4711-0816 Mutter M8 DIN 934 200 Stk 30 5520-1100 Kabelbinder 4,8x200 schwarz 100 Stk",
]
# what PDFium reports for such fonts: glyph codes shifted into printable letters, pdfTeX's own encodings
GARBAGE = [
    "GLMNKXLV 'LMNKXLV :HERQWZLNNHOLQJ %ULQN 'HYHQWH +DUERXU )LQFK &RQVXOWLQJ /WG 7$; ,192,&( 'DWH "
    "'XH 6XEWRWDO 9$7 7RWDO %DQN GHWDLOV 6RUW FRGH $FFRXQW",
    "aim/BQ h2+MB+Q AM;X J`+Q 2HHBMB oB 1iM2 kR9 N8RjR *ia 6`B2/ H#`2+?i AHHmbi`iBQM :`}F/2bB;M "
    "Ma`Q/m+iBQM /2` amKK2 S`2Bb",
]


@pytest.mark.parametrize("text", REAL)
def test_text_of_invoices_in_six_languages_reads_as_text(text):
    assert common_pair_share(text) >= 0.55 and reads_as_text(text)


@pytest.mark.parametrize("text", GARBAGE)
def test_glyph_codes_read_as_no_text(text):
    assert common_pair_share(text) < MIN_COMMON_SHARE and not reads_as_text(text)


def test_too_little_latin_text_is_not_judged():
    assert common_pair_share("Σύνολο 124,00 € ΦΠΑ 24%") is None and reads_as_text("Σύνολο 124,00 € ΦΠΑ 24%")
    assert reads_as_text("12.03.2025  4711  1.234,56  19 %  1.469,13")


def test_the_committed_pairs_still_cover_the_lexicons_letter_pairs():
    """The data file was generated from the lexicons (`scripts/letter_pairs.py`, 80 % of their pairs); as
    the lexicons grow, its pairs must still make up most of their letter pairs (else regenerate it)."""
    from scripts.letter_pairs import common, pair_counts

    committed = set(json.loads(_PAIRS_FILE.read_text(encoding="utf-8"))["pairs"])
    counts = pair_counts()
    assert sum(n for pair, n in counts.items() if pair in committed) >= 0.75 * sum(counts.values())
    assert len(committed ^ set(common(counts))) <= 0.1 * len(committed)


def _without_tounicode(pdf: Path, tmp_path: Path) -> Path:
    """`pdf` with every font's `/ToUnicode` map removed (qpdf's editable QDF form, then fix-qdf)."""
    if shutil.which("qpdf") is None or shutil.which("fix-qdf") is None:
        pytest.fail("qpdf is not installed: run scripts/setup.sh")
    qdf = tmp_path / "qdf.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(qdf)], check=True)
    data = qdf.read_bytes()
    assert b"/ToUnicode" in data  # the producer wrote the maps this test removes
    stripped = re.sub(rb"/ToUnicode \d+ 0 R", b"", data)
    fixed = subprocess.run(["fix-qdf"], input=stripped, capture_output=True, check=True).stdout
    out = tmp_path / f"{pdf.stem}-no-tounicode.pdf"
    out.write_bytes(fixed)
    return out


@pytest.mark.parametrize(
    ("cases", "name"),
    [(LATEX, "fattura_it"), (LATEX, "kleinunternehmer_de"), (LATEX, "factuur_nl"), (OFFICE, "creditnota_nl")],
)
def test_a_layer_without_unicode_maps_is_ocrd_not_read(cases, name, tmp_path):
    config = OcrConfig()
    original = ingest_path(cases[name].pdf, config=config, workdir=tmp_path / "a").pages[0]
    assert original.text_page is not None and not original.needs_ocr
    broken = ingest_path(_without_tounicode(cases[name].pdf, tmp_path), config=config, workdir=tmp_path / "b")
    page = broken.pages[0]
    assert page.text_page is None and page.needs_ocr and page.image_path is not None


def test_such_a_page_is_read_by_tesseract_with_its_fields(tmp_path):
    """End to end: the fields of the broken-font PDF as the product reads it (real Tesseract)."""
    case = LATEX["fattura_it"]
    invoice = read_invoice(_without_tounicode(case.pdf, tmp_path), ExtractionOptions(today=case.today))[0]
    for name in ("invoice_number", "invoice_date", "total", "vendor_tax_id", "iban"):
        field = invoice.fields.get(name)
        got = None if field is None else field.value
        assert matches(name, got, case.expected[name]), (name, got)
