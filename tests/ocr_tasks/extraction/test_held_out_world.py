"""Held-out English-language invoices from outside the US and GB (issue 13, round 9a): India, Australia, New
Zealand, Canada, Singapore, South Africa and Ireland, read by general means (the country packs IN, AU, NZ,
CA, SG, ZA, IE, the `en` lexicon, amounts in lakh grouping).

Batch 1, eight invoices written as HTML and printed by headless Chromium (`english_world_invoices/<case>.html`
-> `<case>.pdf`, `bench/print_world_invoices.py`), committed with `expectations.json` before the product
read them: an Indian accounting SaaS's TAX INVOICE (GSTIN of both parties, per-line CGST and SGST columns,
HSN/SAC, `₹5,72,890.00`, the total in words), an Indian design studio's typed TAX INVOICE (IGST 18 %,
`Rs. 1,29,800.00`) committed as a 200 dpi grey scan, an Australian TAX INVOICE (ABN, TOTAL GST 10%, Less
Amount Paid, AMOUNT DUE AUD), a New Zealand electrician's Tax Invoice (GST No: 49-135-602, GST 15%), a
Quebec business's bilingual Invoice / Facture (GST/HST (TPS) No. ... RT0001, QST/TVQ 9.975%, `Nov 20,
2026`), a Singapore TAX INVOICE (Co. Reg. No. and GST Reg. No. 201912345R, GST @ 9%), a South African TAX
INVOICE (VAT No: 4140273915, `R 47 750,00`, dates 2026/11/05, Total Exclusive / Total VAT / Sub Total
inclusive), an Irish letter invoice (VAT No. IE6388047V, VAT @ 23%, IBAN). First run (408435d): 19 of 112
checks wrong on the committed PDFs, 22 of 112 at 200 dpi; after the rules below (ceabf84): 0 of 112.

Batch 2, five documents written after batch 1's fixes and committed before the product read them: an Ontario
bookkeeping program's INVOICE (HST Registration No. ... RT0001, ISO dates, HST (ON) @ 13%, PAYMENT, BALANCE
DUE), an Australian ADJUSTMENT NOTE (the GST credit note), a Tally-like ruled Indian GST invoice (18-Nov-26,
Output CGST/SGST rows inside the items table, no subtotal row, the HSN summary's Taxable Value), an Irish
web app's reverse-charge invoice to a German buyer (VAT 0%, IBAN), a South African plumber's typed TAX INVOICE
(R8,950.00) committed as a 200 dpi grey scan. First run (on ceabf84's rules): 9 of 70 wrong on the committed
PDFs (macro 0.871), 10 of 70 at 200 dpi (0.857).
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import pytest
from schwifty import IBAN
from stdnum import luhn

from ocr_tasks.extraction import ExtractionOptions
from ocr_tasks.normalise.tax_ids import tax_id_valid
from tests.ocr_tasks.extraction.pdf_folders import FolderReadings, pdf_cases

FOLDER = Path(__file__).with_name("english_world_invoices")
CASES = pdf_cases(FOLDER)

# (case, field, why the first reading (the committed PDF: a text layer, or Tesseract on a scan) misses it)
_MISSES: list[tuple[str, str, str]] = [
    ("adjustment_note_au", "amount_due", "the credit's total taken as an amount due"),
]
READINGS = FolderReadings(CASES, _MISSES)
_ID_MODULES = {"IN": "in_.gstin", "AU": "au.abn", "NZ": "nz.ird", "CA": "ca.bn", "SG": "sg.uen"}
_ID_MODULES["IE"] = "ie.vat"


@pytest.mark.parametrize(("case", "name"), READINGS.params(fields=True))
def test_field_from_the_committed_pdf(case, name, tmp_path_factory):
    READINGS.assert_field(case, name, tmp_path_factory)


@pytest.mark.parametrize(("case", "name"), READINGS.params(fields=False))
def test_line_items_from_the_committed_pdf(case, name, tmp_path_factory):
    READINGS.assert_items(case, tmp_path_factory)


def test_every_case_has_its_html_its_pdf_valid_identifiers_and_pages_that_add_up():
    from decimal import Decimal

    assert {p.stem for p in FOLDER.glob("*.pdf")} == set(CASES) == {p.stem for p in FOLDER.glob("*.html")}
    for case in CASES.values():
        fields, country = case.expected, case.notes["country"]
        number = fields["vendor_tax_id"]
        if country == "ZA":  # South Africa's VAT number: ten digits, starting with 4, Luhn's check digit
            assert number.startswith("4") and luhn.is_valid(number)
        else:
            assert import_module(f"stdnum.{_ID_MODULES[country]}").is_valid(number), case.name
        if fields["iban"] is not None:
            IBAN(fields["iban"])  # raises on a wrong check digit
        net, tax, total = (Decimal(fields[k]) for k in ("subtotal", "tax_amount", "total"))
        assert net + tax == total, case.name
        assert sum(Decimal(a) for a in case.items) == net, case.name


# Rules batch 1's first run asked for (each fails without it)


def _extract(rows: list[list[tuple[str, int]]], top: int = 150):
    from ocr_tasks.extraction import extract_invoice
    from tests.ocr_tasks.extraction.synthetic import SyntheticInvoice

    document = SyntheticInvoice(
        rows=rows, truth={}, items=[], lang="en", row_y=[top + 70 * i for i in range(len(rows))]
    ).to_document()
    return extract_invoice(document)


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("₹5,72,890.00", "572890.00"),
        ("Rs. 1,29,800.00", "129800.00"),
        ("3,60,000.00", "360000.00"),
        ("12,34,56,789.50", "123456789.50"),  # crore
        ("1,234.56", "1234.56"),  # thousands as before
    ],
)
def test_indian_lakh_and_crore_grouping_reads_the_number_printed(printed, value):
    from ocr_tasks.normalise.amounts import find_amounts, normalise_amount

    assert normalise_amount(printed) == value
    assert [str(m.value) for m in find_amounts(f"Sub Total  {printed}  9%")] == [value, "9"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Total Exclusive:  R 47 750,00", "ZAR"),
        ("Grand Total  R54,912.50", "ZAR"),
        ("Total Invoice Value  Rs. 1,29,800.00", "INR"),
        ("Total  R$ 1.250,00", "BRL"),  # Brazil's real keeps its mark
        ("Room R 12  Total 40.00", None),  # a bare R before no amount is no currency
    ],
)
def test_the_rand_sign_before_an_amount_and_rs_are_currencies(text, code):
    from ocr_tasks.normalise.currency import detect_currency

    assert detect_currency(text) == code


@pytest.mark.parametrize("label", ["CGST9 (9%)", "SGST9 (9%)", "IGST18 (18%)", "Add: IGST @ 18%"])
def test_indian_gst_splits_are_tax_labels_also_with_the_rate_glued_to_the_name(label):
    from ocr_tasks.extraction.keywords import LABELS, label_strength

    assert label_strength(label, LABELS["tax_amount"], fuzzy=False) >= 1.0


def test_cgst_and_sgst_rows_add_up_to_the_tax():
    rows = [
        [("Meghna Cloudworks Private Limited", 150), ("TAX INVOICE", 1500)],
        [("GSTIN 29AAGCM4821K1Z6", 150), ("# INV-002147", 1500)],
        [("Sub Total", 1400), ("4,85,500.00", 2000)],
        [("CGST9 (9%)", 1400), ("43,695.00", 2000)],
        [("SGST9 (9%)", 1400), ("43,695.00", 2000)],
        [("Total", 1400), ("₹5,72,890.00", 2000)],
    ]
    invoice = _extract(rows)
    assert (invoice.get("subtotal"), invoice.get("tax_amount"), invoice.get("total")) == (
        "485500.00",
        "87390.00",
        "572890.00",
    )
    assert invoice.get("vendor_tax_id") == "29AAGCM4821K1Z6"


def test_an_id_of_letters_and_digits_after_a_tax_id_label_counts_when_its_country_module_accepts_it():
    from ocr_tasks.extraction.rows import document_rows
    from ocr_tasks.extraction.tax_id_fields import tax_id_candidates
    from tests.ocr_tasks.extraction.synthetic import SyntheticInvoice

    rows = [
        [("GSTIN: 07AACCN2954H1ZG", 150)],
        [("GSTIN: 07AACCN2954H1ZH", 150)],  # a wrong check character
        [("Ref: 07AACCN2954H1ZG", 150)],  # no tax-id label
    ]
    document = SyntheticInvoice(rows=rows, truth={}, items=[], lang="en", row_y=[150, 220, 290]).to_document()
    assert [c.value for c in tax_id_candidates(document_rows(document))] == ["07AACCN2954H1ZG"]


def test_an_abn_in_groups_under_its_label_is_the_vendors_tax_id():
    rows = [
        [("TAX INVOICE", 150), ("Invoice Number", 800), ("Coastline Decks & Pergolas Pty Ltd", 1300)],
        [("Jennifer Aldous", 150), ("INV-0417", 800), ("PAMBULA NSW 2549", 1300)],
        [("ABN", 800)],
        [("79 937 315 046", 800)],
        [("TOTAL AUD", 1400), ("2,592.81", 2000)],
    ]
    assert _extract(rows).get("vendor_tax_id") == "79937315046"


def test_a_vat_number_beats_a_company_registration_number():
    rows = [
        [("Karoo Solar Installations (Pty) Ltd", 150), ("TAX INVOICE", 1500)],
        [("Reg No: 2014/218833/07", 150), ("Number:", 1500), ("IN100236", 1800)],
        [("VAT No: 4140273915", 150), ("Date:", 1500), ("2026/11/05", 1800)],
        [("Reference:", 1500), ("QU100412", 1800)],
        [("Grand Total:", 1400), ("R 54 912,50", 2000)],
    ]
    invoice = _extract(rows)
    assert invoice.get("vendor_tax_id") == "4140273915"
    assert invoice.get("invoice_number") == "IN100236"  # `Number:` under the title, not the reference
    assert invoice.get("currency") == "ZAR"


def test_a_quebec_sales_tax_number_is_no_invoice_number():
    rows = [
        [("Atelier Boréal Inc.", 150)],
        [("GST/HST (TPS) No. 872146394 RT0001", 150)],
        [("QST (TVQ) No. 1226384917 TQ0001", 150)],
        [("Invoice Number / No de facture", 1200)],
        [("0000318", 1200)],
        [("Total", 1400), ("3,621.71", 2000)],
    ]
    invoice = _extract(rows)
    assert invoice.get("invoice_number") == "0000318"
    assert invoice.get("vendor_tax_id") == "872146394RT0001"


def test_a_label_in_two_languages_is_a_label_and_names_no_customer():
    from ocr_tasks.extraction.address_blocks import is_label

    assert is_label("Billed To / Facturé à") and not is_label("Maison Lachance / Fils")
    rows = [
        [("Atelier Boréal Inc.", 150)],
        [("1275, rue Saint-Joseph Est", 150)],
        [("Billed To / Facturé à", 150), ("Invoice Number / No de facture", 1200)],
        [("Maison Lachance & Fils", 150), ("0000318", 1200)],
        [("388, boulevard Charest Ouest", 150)],
        [("Total", 1400), ("3,621.71", 2000)],
    ]
    assert _extract(rows).get("customer_name") == "Maison Lachance & Fils"


def test_a_field_label_left_of_the_letterhead_across_a_gap_is_no_part_of_the_vendor_name():
    from ocr_tasks.extraction.party_fields import clean_name

    name = "Coastline Decks & Pergolas Pty Ltd"
    assert clean_name(f"TAX INVOICE  Invoice Date  {name}") == name
    assert clean_name(f"Invoice Number  {name}") == name


def test_country_packs_check_new_zealand_gst_numbers():
    assert tax_id_valid("49-135-602", "NZ") and not tax_id_valid("49-135-603", "NZ")


# Rules batch 2's first run asked for (each fails without it)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Subtotal  R11,100.00", ["11100.00"]),
        ("Labour (hours)  4  R450.00  R1,800.00", ["4", "450.00", "1800.00"]),
        ("TOWER8 12.00", ["12.00"]),  # an R ending a word is no rand
        ("12Road", []),
    ],
)
def test_an_amount_with_the_rand_sign_glued_to_it_is_read(text, values):
    from ocr_tasks.normalise.amounts import find_amounts

    assert [format(m.value, "f") for m in find_amounts(text)] == values


def test_an_unlabelled_sender_block_beside_a_bill_to_block_is_no_recipients(tmp_path_factory):
    """`From` (unlabelled) and `Bill to` side by side under the title, where address windows sit: the left
    block is the sender's, so its name is no recipient's (it was, and `Ireland` became the vendor)."""
    from ocr_tasks.extraction.address_blocks import recipient_names
    from ocr_tasks.extraction.rows import document_rows
    from tests.ocr_tasks.extraction.rendered_pages import read_invoice

    case = CASES["invoice_reverse_charge_ie"]
    _, document = read_invoice(case.pdf, ExtractionOptions(today=case.today))
    assert recipient_names(document_rows(document)) == {"brandt logistik gmbh"}


def test_the_items_and_the_tax_rows_under_them_make_net_and_tax_when_no_subtotal_is_printed():
    """A ruled GST invoice: the items, then `Output CGST 6%` and `Output SGST 6%` rows, then `Total`: the
    items' sum is the net, the two rows the tax."""
    rows = [
        [("Kaveri Agro Equipments Pvt Ltd", 150), ("Tax Invoice", 1500)],
        [("Description of Goods", 150), ("Quantity", 1000), ("Rate", 1400), ("Amount", 2000)],
        [("Power Tiller Rotavator", 150), ("2", 1000), ("1,18,500.00", 1400), ("2,37,000.00", 2000)],
        [("HTP Sprayer Pump", 150), ("10", 1000), ("6,450.00", 1400), ("64,500.00", 2000)],
        [("Output CGST 6%", 700), ("18,090.00", 2000)],
        [("Output SGST 6%", 700), ("18,090.00", 2000)],
        [("Total", 700), ("₹ 3,37,680.00", 2000)],
    ]
    invoice = _extract(rows)
    assert [i.cells["amount"].value for i in invoice.line_items] == ["237000.00", "64500.00"]
    assert (invoice.get("subtotal"), invoice.get("tax_amount"), invoice.get("total")) == (
        "301500.00",
        "36180.00",
        "337680.00",
    )
