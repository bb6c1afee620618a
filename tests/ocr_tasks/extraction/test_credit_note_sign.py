"""One sign convention across the product (EN 16931: the document type carries the direction): the page
reading of a credit note gives positive magnitudes whatever sign it prints (`-297,50`, `297,50-`,
`(297,50)` or unsigned), any other document keeps its printed sign, and every consumer accepts both signs
on a credit note (a reviewer may correct one to negative amounts): the UBL/CII export writes it with
magnitudes, validation checks its total by magnitude and its totals' signs against each other, the
anomaly rules count it against the vendor, the e-invoice intake stays faithful to the XML."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from ocr_tasks.einvoice import read_pdf, read_xml
from ocr_tasks.einvoice.compare import page_mismatches
from ocr_tasks.einvoice.syntax import CII, UBL_CREDIT_NOTE, UBL_INVOICE
from ocr_tasks.einvoice.writers import EInvoiceExportInvalid, export_einvoice
from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.invoice_types import FieldValue, Invoice, LineItem
from tests.ocr_tasks.extraction.layout_pages import text_layer_page

TODAY = ExtractionOptions(today=date(2024, 12, 1))
TOTALS = ("subtotal", "tax_amount", "total", "amount_due")


def credit_note_rows(title: str, amount) -> list[list[tuple[str, float]]]:
    """A German credit note whose amounts print as `amount(value)` (minus, trailing minus, parentheses)."""
    return [
        [("Nordwind Technik GmbH", 0.06)],
        [("Hafenstraße 7, 20457 Hamburg, Deutschland", 0.06)],
        [("Nordwind Technik GmbH · Hafenstraße 7 · 20457 Hamburg", 0.06)],
        [("Gärtnerei Lindenhof GmbH", 0.06), (f"{title} Nr.:", 0.55), ("GS-2024-0017", 0.75)],
        [("Am Anger 3", 0.06), ("Datum:", 0.55), ("14.11.2024", 0.75)],
        [("04109 Leipzig, Deutschland", 0.06), ("zu Rechnung:", 0.55), ("RE-2024-0815", 0.75)],
        [],
        [(title, 0.06)],
        [],
        [("Pos.  Beschreibung", 0.06), ("Menge", 0.50), ("Einzelpreis", 0.62), ("Betrag", 0.82)],
        [("1  Rücknahme Kühlmodul", 0.06), ("2", 0.52), ("100,00 €", 0.62), (amount("200,00 €"), 0.82)],
        [("2  Gutschrift Montage", 0.06), ("1", 0.52), ("50,00 €", 0.62), (amount("50,00 €"), 0.82)],
        [],
        [("Summe netto:", 0.55), (amount("250,00 €"), 0.82)],
        [("zzgl. USt 19 %:", 0.55), (amount("47,50 €"), 0.82)],
        [("Gesamtbetrag:", 0.55), (amount("297,50 €"), 0.82)],
        [],
        [("USt-IdNr.: DE136695976", 0.06), ("IBAN: DE88 2008 0000 0970 3757 00", 0.50)],
    ]


PRINTED_SIGNS = {
    "minus": lambda v: "-" + v,
    "trailing minus": lambda v: v.replace(" €", "- €"),
    "parentheses": lambda v: f"({v})",
    "no sign": lambda v: v,
}
NEGATIVE_FORMS = ["minus", "trailing minus", "parentheses"]


def _invoice(title: str, printed: str) -> Invoice:
    return extract_invoice(text_layer_page(credit_note_rows(title, PRINTED_SIGNS[printed])), options=TODAY)


def _totals(invoice: Invoice) -> list[str | None]:
    return [invoice.get(n) for n in TOTALS]


def _negated(invoice: Invoice) -> Invoice:
    """The credit note as a reviewer may correct it: its totals typed negative."""
    fields = {n: replace(invoice.fields[n], value="-" + invoice.fields[n].value) for n in TOTALS}
    return replace(invoice, fields={**invoice.fields, **fields})


def _with_buyer_address(invoice: Invoice) -> Invoice:
    """The buyer's address, which the export needs and this page prints on two rows, as a reviewer
    would complete it (not what these tests are about)."""
    address = "Am Anger 3, 04109 Leipzig, Deutschland"
    field = FieldValue("customer_address", address, address, 1.0)
    return replace(invoice, fields={**invoice.fields, "customer_address": field})


# --- page reading ---------------------------------------------------------------------------------


@pytest.mark.parametrize("printed", list(PRINTED_SIGNS))
def test_a_credit_note_reads_as_magnitudes_whatever_sign_it_prints(printed):
    invoice = _invoice("Gutschrift", printed)
    assert invoice.get("document_type") == "credit_note"
    assert _totals(invoice) == ["250.00", "47.50", "297.50", "297.50"]
    assert [item.get("amount") for item in invoice.line_items] == ["200.00", "50.00"]
    assert [item.get("unit_price") for item in invoice.line_items] == ["100.00", "50.00"]


@pytest.mark.parametrize("printed", ["minus", "no sign"])
def test_an_invoice_keeps_the_sign_it_prints(printed):
    negative = printed != "no sign"
    invoice = _invoice("Rechnung", printed)
    assert invoice.get("document_type") == "invoice"
    assert invoice.get("total") == ("-297.50" if negative else "297.50")
    assert [item.get("amount") for item in invoice.line_items] == (
        ["-200.00", "-50.00"] if negative else ["200.00", "50.00"]
    )


@pytest.mark.parametrize("printed", NEGATIVE_FORMS)
def test_a_credit_note_printed_negative_ranks_its_amounts_as_printed_unsigned(printed):
    """Negative amounts are usually discount lines and rank low; a credit note's are magnitudes, so every
    candidate gets the features it gets when the same credit note is printed unsigned, and the learned
    ranker sees nothing new."""
    from ocr_tasks.extraction.amount_fields import amount_candidates
    from ocr_tasks.extraction.rows import document_rows

    def candidates(form: str):
        rows = document_rows(text_layer_page(credit_note_rows("Gutschrift", PRINTED_SIGNS[form])))
        return amount_candidates(rows, credit_note=True)

    # the amount's right edge moves with the printed sign; in `250,00- €` the currency mark follows the
    # minus, outside the amount's text (as it was before issue 13's change)
    moved = {"x_right"} | ({"currency_mark"} if printed == "trailing minus" else set())

    def ranked(c):
        return c.field, abs(Decimal(c.value)), {k: v for k, v in c.features.items() if k not in moved}

    signed, unsigned = candidates(printed), candidates("no sign")
    assert [ranked(c) for c in signed] == [ranked(c) for c in unsigned]
    assert {c.value for c in signed if c.field == "total"} >= {"297.50", "250.00", "100.00"}


# --- e-invoice export -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["ubl", "cii"])
@pytest.mark.parametrize("typed", ["as read (magnitudes)", "corrected to negative"])
def test_an_ocr_credit_note_exports_as_a_valid_credit_note_with_positive_amounts(fmt, typed):
    read = _invoice("Gutschrift", "minus")
    if typed == "corrected to negative":
        read = _negated(read)
    out = export_einvoice(_with_buyer_address(read), fmt)  # validated against EN 16931 (raises on an error)
    if fmt == "ubl":
        assert out.syntax == UBL_CREDIT_NOTE
        assert b"<CreditNote" in out.xml and b"<cac:CreditNoteLine>" in out.xml
    else:
        assert out.syntax == CII and b">381<" in out.xml
    assert b">-" not in out.xml  # no negative amount or quantity anywhere
    back = read_xml(out.xml).invoice
    assert back.get("document_type") == "credit_note"
    assert _totals(back) == ["250.00", "47.50", "297.50", "297.50"]
    assert sorted(i.get("amount") for i in back.line_items) == ["200.00", "50.00"]
    assert sorted(i.get("quantity") for i in back.line_items) == ["1.00", "2.00"]


def test_a_credit_note_mixing_signs_is_refused_with_a_clear_message():
    read = _with_buyer_address(_negated(_invoice("Gutschrift", "minus")))
    tax = read.fields["tax_amount"]
    mixed = replace(read, fields={**read.fields, "tax_amount": replace(tax, value="47.50")})
    with pytest.raises(EInvoiceExportInvalid) as raised:
        export_einvoice(mixed, "ubl")
    assert raised.value.code == "einvoice_export_invalid"
    assert [e["rule"] for e in raised.value.detail["errors"]] == ["credit-note-signs"]
    assert "mix positive and negative" in raised.value.message and "tax 47.50" in raised.value.message


def test_an_invoice_printed_negative_keeps_its_signs_in_the_export():
    """Not a credit note: nothing is flipped. EN 16931 allows a negative invoice (type 380), and the
    validated export says what the page says."""
    out = export_einvoice(_with_buyer_address(_invoice("Rechnung", "minus")), "ubl")
    assert out.syntax == UBL_INVOICE
    back = read_xml(out.xml).invoice
    assert back.get("document_type") == "invoice"
    assert _totals(back) == ["-250.00", "-47.50", "-297.50", "-297.50"]


# --- validation -----------------------------------------------------------------------------------


def _failed(invoices: dict[str, Invoice]) -> dict[str, set[str]]:
    from expectations.runner import validate_batch

    reports = validate_batch(invoices)
    return {doc: {o.description for r in reps for o in r.failed} for doc, reps in reports.items()}


TOTAL_CHECK = "The total is greater than zero (a credit note's may be negative, but not zero)."
SIGN_CHECK = (
    "The subtotal, tax, total and amount due agree in sign (none is positive while another is negative)."
)
ITEM_CHECKS = {
    "Quantity times unit price equals the amount of each line item, after the line's discount when it "
    "has one (within 0.01 plus rounding).",
    "The line item amounts add up to the subtotal, or to the total when the items are priced with tax "
    "included (within 0.01 per line plus rounding).",
}


def _items(*rows: tuple[str, str, str]) -> tuple[LineItem, ...]:
    """Items as a page prints them: (quantity, unit price, amount)."""
    columns = ("quantity", "unit_price", "amount")
    return tuple(
        LineItem({c: FieldValue(c, v, v, 0.9) for c, v in zip(columns, row, strict=True)}) for row in rows
    )


def test_validation_accepts_a_credit_note_of_either_sign_and_flags_a_negative_invoice():
    """The totals as read from the page; the items as the page prints them (set here, so that the check
    does not depend on how the items table is parsed)."""
    positive = _invoice("Gutschrift", "minus")
    negative = _negated(positive)
    failed = _failed(
        {
            "credit negative": replace(
                negative, line_items=_items(("2", "100.00", "-200.00"), ("1", "50.00", "-50.00"))
            ),
            "credit positive": replace(
                positive, line_items=_items(("2", "100.00", "200.00"), ("1", "50.00", "50.00"))
            ),
            # items printed unsigned next to negative totals
            "credit unsigned items": replace(
                negative, line_items=_items(("2", "100.00", "200.00"), ("1", "50.00", "50.00"))
            ),
            "invoice negative": _invoice("Rechnung", "minus"),
        }
    )
    checks = {
        TOTAL_CHECK,
        SIGN_CHECK,
        *ITEM_CHECKS,
        "Subtotal plus tax equals the total (within 0.01 per line plus rounding).",
    }
    for doc in ("credit negative", "credit positive", "credit unsigned items"):
        assert not checks & failed[doc], (doc, failed[doc])
    assert TOTAL_CHECK in failed["invoice negative"] and SIGN_CHECK not in failed["invoice negative"]


def test_validation_flags_a_credit_note_whose_totals_mix_signs():
    read = _negated(_invoice("Gutschrift", "minus"))
    tax = read.fields["tax_amount"]
    mixed = replace(read, fields={**read.fields, "tax_amount": replace(tax, value="47.50")})
    failed = _failed({"mixed": mixed})["mixed"]
    assert SIGN_CHECK in failed and TOTAL_CHECK not in failed


# --- anomalies ------------------------------------------------------------------------------------


@pytest.mark.parametrize("total", ["9700.37", "-9700.37"])
def test_the_anomaly_rules_count_a_credit_note_against_the_vendor_whatever_its_sign(total):
    """A credit note's total is money owed back, printed negative or not: not just under the approval
    threshold, not a part of a split invoice."""
    from ocr_tasks.anomaly import AnomalySettings, score_anomalies
    from tests.ocr_tasks.anomaly.records import FRIDAY, TODAY, rec

    settings = AnomalySettings(
        today=TODAY, min_history=10_000, approval_threshold=10_000, near_threshold_fraction=0.05
    )
    day = (FRIDAY + timedelta(days=3)).isoformat()

    def kinds(document_type: str, value: str) -> set[str]:
        first = rec("p1", total="5500.37", subtotal=None)
        second = rec("p2", total=value, subtotal=None, invoice_date=day, document_type=document_type)
        found = score_anomalies([first, second], [], settings=settings)
        return {a.kind for a in found["p2"]}

    assert {"near_approval_threshold", "split_invoice"} <= kinds("invoice", "9700.37")
    assert not {"near_approval_threshold", "split_invoice"} & kinds("credit_note", total)


# --- the e-invoice intake and the page of the same PDF ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "xml_type", "xml_total"),
    [
        ("Avoir_FR_type380_EN16931", "invoice", "-233.47"),
        ("Avoir_FR_type381_EN16931", "credit_note", "233.47"),
    ],
)
def test_the_intake_is_faithful_to_the_xml_and_the_page_reads_magnitudes(
    corpus, tmp_path, name, xml_type, xml_total
):
    """Both PDFs print the same `Avoir` page (`Total TTC -233,47 €`); one XML types it as an invoice with
    negative amounts (380), the other as a credit note with positive ones (381), as EN 16931 allows."""
    from ocr_tasks.config import OcrConfig
    from ocr_tasks.ingest import ingest_path
    from ocr_tasks.recognise import recognise_document

    pdf = corpus / "einvoice-dev" / "pdf" / f"{name}.pdf"
    xml = read_pdf(pdf.read_bytes()).invoice
    assert (xml.get("document_type"), xml.get("total")) == (xml_type, xml_total)
    doc = ingest_path(pdf, config=OcrConfig(workers=1), workdir=tmp_path)
    page = extract_invoice(recognise_document(doc, OcrConfig(workers=1)))
    assert page.get("document_type") == "credit_note"
    assert _totals(page) == ["218.48", "14.99", "233.47", "233.47"]
    assert page_mismatches(xml, page) == []  # amounts compared by magnitude: neither form is a mismatch
