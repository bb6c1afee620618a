"""The synthetic invoice generator (bench/synthetic/): labels consistent with what is printed, valid ids,
deterministic output, scan copies without a text layer, readable by the extraction bench's loader."""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from schwifty import IBAN
from stdnum.at import uid as at_uid
from stdnum.be import vat as be_vat
from stdnum.ch import vat as ch_vat
from stdnum.de import vat as de_vat
from stdnum.es import vat as es_vat
from stdnum.fr import tva as fr_tva
from stdnum.gb import vat as gb_vat
from stdnum.it import iva as it_iva
from stdnum.nl import btw as nl_btw

from bench.synthetic import FAMILIES, HELD_OUT, LANGUAGES, TRAIN_FAMILIES, generate, scan_dir

BENCH = Path(__file__).resolve().parents[2] / "bench"
VAT_CHECKS = {
    "DE": de_vat.is_valid,
    "AT": at_uid.is_valid,
    "CH": lambda value: ch_vat.is_valid(value + " MWST"),
    "FR": fr_tva.is_valid,
    "BE": be_vat.is_valid,
    "NL": nl_btw.is_valid,
    "ES": es_vat.is_valid,
    "IT": it_iva.is_valid,
    "GB": gb_vat.is_valid,
}
AMOUNT = re.compile(r"^-?\d+\.\d\d$")
SOME = ["din_classic", "us_classic", "credit_negative", "prepaid_deposit", "credit_parens", "erp_mono"]


def labels(folder: Path) -> dict[str, dict]:
    return {path.stem: json.loads(path.read_text()) for path in sorted((folder / "pdf").glob("*.json"))}


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def printed_forms(value: str) -> set[str]:
    """The ways the generator's number styles print an amount (sign left out)."""
    whole, frac = value.lstrip("-").split(".")
    groups = f"{int(whole):,}".split(",")
    return {
        sep.join(groups) + dec + frac
        for sep, dec in ((".", ","), ("", ","), (",", "."), ("'", "."), ("", "."))
    }


@pytest.fixture(scope="module")
def synth(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "set"
    generate(out, per_family=1, seed=7, languages=["de", "en", "es"])
    return out


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth-scan") / "set"
    generate(
        out, per_family=1, seed=3, families=["two_page", "receipt_narrow"], languages=["nl"], raster=True
    )
    return out


def test_families_and_split():
    names = [family.name for family in FAMILIES]
    assert len(names) >= 20 and len(set(names)) == len(names)
    assert HELD_OUT and set(HELD_OUT).isdisjoint(TRAIN_FAMILIES)
    assert sorted(HELD_OUT + TRAIN_FAMILIES) == sorted(names)
    assert set(LANGUAGES) >= {"en", "de", "fr", "nl", "es", "it"}


def test_labels_arithmetic_and_format(synth):
    found = labels(synth)
    assert len(found) == len(FAMILIES) * 3
    for doc_id, label in found.items():
        amounts = {key: label[key] for key in ("subtotal", "tax_amount", "total", "amount_due", "prepaid")}
        assert all(AMOUNT.match(value) for value in amounts.values()), doc_id
        subtotal, tax, total, due, prepaid = (Decimal(value) for value in amounts.values())
        assert total == subtotal + tax, doc_id
        assert due == total - prepaid, doc_id
        assert label["document_type"] in ("invoice", "credit_note")
        assert label["family"] == doc_id.split("-")[0] and label["language"] == doc_id.split("-")[1]
        assert isinstance(label["line_items"], int) and label["line_items"] >= 1
        assert re.match(r"^\d{4}-\d\d-\d\d$", label["invoice_date"])
    assert any(label["amount_due"] != label["total"] for label in found.values())
    credit_notes = [label for label in found.values() if label["document_type"] == "credit_note"]
    assert credit_notes  # printed negative or positive, labelled as positive magnitudes (EN 16931)
    assert all(Decimal(label[key]) > 0 for label in credit_notes for key in ("subtotal", "total"))


def test_vat_ids_and_ibans_validate(synth):
    for doc_id, label in labels(synth).items():
        country = label["country"]
        if country == "US":
            assert "vendor_tax_id" not in label and "iban" not in label, doc_id
            continue
        assert VAT_CHECKS[country](label["vendor_tax_id"]), (doc_id, label["vendor_tax_id"])
        iban = IBAN(label["iban"])
        assert iban.country_code == country and iban.compact == label["iban"]


def test_text_layer_prints_number_and_total(synth):
    for doc_id, label in labels(synth).items():
        text = re.sub(r"\s+", "", pdf_text(synth / "pdf" / f"{doc_id}.pdf"))
        assert re.sub(r"\s+", "", label["invoice_number"]) in text, doc_id
        assert any(form in text for form in printed_forms(label["total"])), (doc_id, label["total"])
        if label.get("vendor_tax_id"):
            assert label["vendor_tax_id"] in text.replace("MWST", "").replace("TVA", ""), doc_id


def test_same_seed_same_labels(tmp_path):
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for out, seed in ((first, 5), (second, 5), (other, 6)):
        generate(out, per_family=1, seed=seed, families=SOME, languages=["fr", "nl"])
    assert labels(first) == labels(second)
    assert labels(first) != labels(other)
    for path in (first / "pdf").glob("*.json"):
        assert path.read_bytes() == (second / "pdf" / path.name).read_bytes()


def test_scan_copies_have_no_text_layer(scanned):
    scans = scan_dir(scanned)
    assert labels(scans) == labels(scanned)
    for path in (scans / "pdf").glob("*.pdf"):
        assert pdf_text(path).strip() == ""
        with pdfplumber.open(path) as pdf:
            assert pdf.pages and all(page.images for page in pdf.pages)
    with pdfplumber.open(scans / "pdf" / "two_page-nl-000.pdf") as pdf:
        assert len(pdf.pages) == 2


def test_extraction_bench_reads_the_set(synth):
    sys.path.insert(0, str(BENCH))
    try:
        from extraction_corpus import load_set
    finally:
        sys.path.remove(str(BENCH))
    docs = load_set(synth)
    assert len(docs) == len(labels(synth))
    first = docs[0]
    assert first.kind == "einvoice"
    assert {"invoice_number", "total", "amount_due", "line_items"} <= set(first.truth)
    assert not {"family", "language", "country", "document_type", "prepaid"} & set(first.truth)


def test_every_country_gets_valid_vat_ids_and_ibans():
    import random

    from bench.synthetic.parties import COUNTRY_LOCALE, make_party

    rng = random.Random(11)
    for country in COUNTRY_LOCALE:
        for _ in range(5):
            party = make_party(country, rng, vendor=True)
            if country == "US":
                assert party.vat_id is None and party.iban is None
                continue
            assert VAT_CHECKS[country](party.vat_id), (country, party.vat_id)
            assert IBAN(party.iban).country_code == country
