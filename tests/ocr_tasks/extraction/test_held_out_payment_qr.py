"""Held-out invoices with a payment QR code (`payment_qr_invoices/`, written by its `make_pdfs.py`; expected
values committed before the codes were read: session 15 H1). Read as the CLI reads them (ingest, real
Tesseract on image pages, `extract_with_page_images`): every field of every case from the text layer, the
codes' fields from a 200 dpi copy and a phone photo (`bench/payment_qr.phone_photo`), and a code that
disagrees with the page handled as `extraction.payment_evidence` says.

First run (the product without the codes' evidence, at 2f037d4): text layer, 200 dpi and scan copy 3 of 88
checks wrong each (customer_name, below); phone photo see bench/README.md "Payment QR codes"."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction import ExtractionOptions
from ocr_tasks.payment_codes import PaymentCode
from tests.ocr_tasks.extraction.pdf_folders import FolderReadings, matches, pdf_cases
from tests.ocr_tasks.extraction.rendered_pages import read_invoice

FOLDER = __import__("pathlib").Path(__file__).with_name("payment_qr_invoices")
CASES = pdf_cases(FOLDER)
MISSES = [
    (
        case,
        "customer_name",
        "a customer under `Rechnung an:` beside the number block is not read (also without codes)",
    )
    for case in ("rechnung_qrbill_de", "rechnung_girocode_de", "rechnung_girocode_at")
]
READINGS = FolderReadings(CASES, MISSES)
CODE_FIELDS = ("iban", "amount_due", "currency", "vendor_name")


def _params():
    for case in CASES.values():
        for field in case.expected:
            reason = READINGS.xfail.get((case.name, field))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(case.name, field, id=f"{case.name}-{field}", marks=marks)


@pytest.mark.parametrize(("case", "field"), list(_params()))
def test_text_layer_fields(case, field):
    invoice = READINGS.read(case)
    assert matches(field, invoice.get(field), CASES[case].expected[field])


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_code_confirms_what_the_page_prints(case):
    invoice = READINGS.read(case)
    record = invoice.payment_code
    assert record is not None and record["kind"] == CASES[case].notes["kind"]
    fields = ("invoice_number",) if record["kind"] == "spc" else ()
    for field in CODE_FIELDS + fields:
        assert record["fields"][field] == "confirmed", field
        assert invoice.fields[field].confidence >= 0.98
    assert record["conflicts"] == []


@pytest.mark.parametrize("case", ["rechnung_qrbill_de", "rechnung_girocode_de"])
def test_a_200_dpi_copy_reads_the_code_and_the_page_alike(case, tmp_path_factory):
    invoice = READINGS.read(case, "200 dpi", tmp_path_factory)
    for field in CODE_FIELDS:
        assert matches(field, invoice.get(field), CASES[case].expected[field]), field
    assert set(invoice.payment_code["fields"]) >= set(CODE_FIELDS)


def test_a_phone_photo_gets_account_amount_and_vendor_from_its_code(tmp_path):
    """The phone photo's OCR misreads (first run without codes: 2 of 11 fields right on this page); the
    code's IBAN, amount due, currency, vendor and invoice number are right, boxed on the code."""
    from bench.payment_qr import PHOTO_SEED, phone_photo

    case = CASES["rechnung_qrbill_de"]
    photo = phone_photo(case.pdf.read_bytes(), tmp_path / "phone", seed=PHOTO_SEED)
    invoice, _ = read_invoice(photo, ExtractionOptions(today=case.today))
    for field in CODE_FIELDS + ("invoice_number",):
        assert matches(field, invoice.get(field), case.expected[field]), field
    assert invoice.fields["iban"].bbox.y0 > 0.6  # the code's box, in the payment part


def test_a_code_that_disagrees_with_the_page_is_reported_not_silently_trusted():
    """An AP clerk pays what the code says, but a different printed value is a question for review: the
    code's IBAN and amount are reported with a low confidence and the printed ones kept as conflicts; the
    printed vendor name (sure) stays over the code's; an invoice number only the code states fills in."""
    case = CASES["rechnung_girocode_de"]
    code = PaymentCode(
        kind="epc",
        iban="DE02120300000000202051",
        currency="EUR",
        amount="1099.48",
        creditor_name="Feldmann Druck und Medien GmbH",
        invoice_number=None,
    )
    invoice, _ = read_invoice(case.pdf, ExtractionOptions(today=case.today, payment_codes=(code,)))
    record = invoice.payment_code
    assert invoice.get("amount_due") == "1099.48" and invoice.fields["amount_due"].confidence == 0.55
    assert invoice.get("iban") == "DE02120300000000202051"
    assert invoice.get("total") == "999.48"  # the printed total stays: the code states what is due
    assert invoice.get("vendor_name") == "Druckerei Feldmann GmbH"
    assert record["fields"] == {
        "iban": "code_over_page",
        "amount_due": "code_over_page",
        "vendor_name": "page_over_code",
        "currency": "confirmed",
    }
    assert {c["field"]: c["page"] for c in record["conflicts"]} == {
        "iban": "DE89370400440532013000",
        "amount_due": "999.48",
        "vendor_name": "Druckerei Feldmann GmbH",
    }


def test_the_code_changes_no_value_it_agrees_with_and_travels_with_the_invoice():
    from ocr_tasks.extraction import extract_invoice
    from ocr_tasks.invoice_types import Invoice

    case = CASES["rechnung_girocode_de"]
    invoice, document = read_invoice(case.pdf, ExtractionOptions(today=case.today))
    plain = extract_invoice(document, options=ExtractionOptions(today=case.today))
    assert plain.payment_code is None
    assert {n: f.value for n, f in plain.fields.items()} == {n: f.value for n, f in invoice.fields.items()}
    assert Invoice.from_dict(invoice.to_dict()).payment_code == invoice.payment_code


def test_extracting_the_stored_ocr_again_weighs_the_same_code(tmp_path):
    """A rescore extracts the stored OCR again without page images (`flows.tasks.reextract`): the code the
    first reading weighed is rebuilt from `Invoice.payment_code` and weighs the same way."""
    from flows.tasks import reextract
    from ocr_tasks.extraction.payment_evidence import codes_of_record
    from ocr_tasks.result_types import DocumentResult

    case = CASES["rechnung_qrbill_de"]
    invoice, document = read_invoice(case.pdf, ExtractionOptions(today=case.today))
    (code,) = codes_of_record(invoice.payment_code)
    assert (code.iban, code.amount, code.invoice_number) == (
        "CH4431999123000889012",
        "2178.22",
        "R-2025-0417",
    )
    again = reextract.fn([DocumentResult(source=document.source, ocr=document, invoice=invoice)])[
        document.source.id
    ]
    assert again.payment_code["fields"] == invoice.payment_code["fields"]
    assert again.get("iban") == invoice.get("iban") and again.fields["iban"].confidence >= 0.98
    assert codes_of_record(None) == () and codes_of_record({"statements": {}}) == ()
