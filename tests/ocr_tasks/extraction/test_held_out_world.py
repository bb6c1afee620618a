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
inclusive), an Irish letter invoice (VAT No. IE6388047V, VAT @ 23%, IBAN).
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import pytest
from schwifty import IBAN
from stdnum import luhn

from tests.ocr_tasks.extraction.pdf_folders import FolderReadings, pdf_cases

FOLDER = Path(__file__).with_name("english_world_invoices")
CASES = pdf_cases(FOLDER)

# (case, field, why the first reading (the committed PDF: a text layer, or Tesseract on a scan) misses it)
_MISSES: list[tuple[str, str, str]] = [
    ("invoice_facture_qc_ca", "invoice_number", "the QST number 1226384917 TQ0001 taken"),
    ("invoice_facture_qc_ca", "customer_name", "the label `Billed To / Facturé à` taken as the name"),
    ("tax_invoice_au", "vendor_name", "`Date` of the label column beside the letterhead joined to the name"),
    ("tax_invoice_au", "vendor_tax_id", "`ABN` over `79 937 315 046` not read as the vendor's tax id"),
    ("tax_invoice_cgst_in", "subtotal", "lakh grouping: `4,85,500.00` read 500.00"),
    ("tax_invoice_cgst_in", "tax_amount", "CGST and SGST not read as tax"),
    ("tax_invoice_cgst_in", "total", "lakh grouping: `₹5,72,890.00` read 890.00"),
    ("tax_invoice_cgst_in", "amount_due", "lakh grouping"),
    ("tax_invoice_cgst_in", "vendor_tax_id", "`GSTIN 29AAGCM4821K1Z6` not read"),
    ("tax_invoice_cgst_in", "line_items", "lakh grouping: `3,60,000.00` read 0.00"),
    ("tax_invoice_igst_in", "customer_name", "`Details of Receiver (Billed to):` not a bill-to label"),
    ("tax_invoice_igst_in", "subtotal", "lakh grouping: `1,10,000.00`; `Total Taxable Value`"),
    ("tax_invoice_igst_in", "tax_amount", "`Add: IGST @ 18%` not read as tax"),
    ("tax_invoice_igst_in", "total", "lakh grouping: `Rs. 1,29,800.00`"),
    ("tax_invoice_igst_in", "amount_due", "lakh grouping"),
    ("tax_invoice_igst_in", "vendor_tax_id", "`GSTIN: 07AACCN2954H1ZG` not read"),
    ("tax_invoice_za", "invoice_number", "`Reference: QU100412` taken over `Number: IN100236`"),
    ("tax_invoice_za", "currency", "`R 47 750,00`: the rand sign not read as ZAR"),
    ("tax_invoice_za", "vendor_tax_id", "`Reg No: 2014/218833/07` taken over `VAT No: 4140273915`"),
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
