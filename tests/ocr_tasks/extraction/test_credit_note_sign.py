"""One sign convention for credit notes across the product (EN 16931: the document type carries the
direction, amounts are positive): the page reading of a credit note gives magnitudes whatever sign it
prints, an invoice keeps its printed sign, and an OCR'd credit note exports as a valid CreditNote."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from ocr_tasks.einvoice import read_xml
from ocr_tasks.einvoice.syntax import CII, UBL_CREDIT_NOTE
from ocr_tasks.einvoice.writers import EInvoiceExportInvalid, EInvoiceIncomplete, export_einvoice
from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.invoice_types import FieldValue
from tests.ocr_tasks.extraction.layout_pages import text_layer_page

TODAY = ExtractionOptions(today=date(2024, 12, 1))


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


def _invoice(rows):
    return extract_invoice(text_layer_page(rows), options=TODAY)


@pytest.mark.parametrize("printed", list(PRINTED_SIGNS))
def test_a_credit_note_reads_as_magnitudes_whatever_sign_it_prints(printed):
    invoice = _invoice(credit_note_rows("Gutschrift", PRINTED_SIGNS[printed]))
    values = {name: f.value for name, f in invoice.fields.items()}
    assert values["document_type"] == "credit_note"
    assert [values[n] for n in ("subtotal", "tax_amount", "total", "amount_due")] == [
        "250.00",
        "47.50",
        "297.50",
        "297.50",
    ]
    assert [item.get("amount") for item in invoice.line_items] == ["200.00", "50.00"]


def test_an_invoice_keeps_the_sign_it_prints():
    """Not titled as a credit note: a negative total stays negative (and validation flags it)."""
    invoice = _invoice(credit_note_rows("Rechnung", PRINTED_SIGNS["minus"]))
    values = {name: f.value for name, f in invoice.fields.items()}
    assert values["document_type"] == "invoice"
    assert values["total"] == "-297.50"
    assert [item.get("amount") for item in invoice.line_items] == ["-200.00", "-50.00"]


@pytest.mark.parametrize("fmt", ["ubl", "cii"])
def test_an_ocr_credit_note_exports_as_a_valid_credit_note_with_positive_amounts(fmt):
    read = _invoice(credit_note_rows("Gutschrift", PRINTED_SIGNS["minus"]))
    assert read.get("total") == "297.50"
    # the buyer's address is not what this test is about: given as a reviewer would complete it
    address = "Am Anger 3, 04109 Leipzig, Deutschland"
    invoice = replace(
        read,
        fields={**read.fields, "customer_address": FieldValue("customer_address", address, address, 1.0)},
    )
    out = export_einvoice(invoice, fmt)  # validated against EN 16931 (raises on an error)
    if fmt == "ubl":
        assert out.syntax == UBL_CREDIT_NOTE
        assert b"<CreditNote" in out.xml and b"<cac:CreditNoteLine>" in out.xml
    else:
        assert out.syntax == CII and b">381<" in out.xml
    back = read_xml(out.xml).invoice
    assert back.get("document_type") == "credit_note"
    assert [back.get(n) for n in ("subtotal", "tax_amount", "total")] == ["250.00", "47.50", "297.50"]
    assert sorted(i.get("amount") for i in back.line_items) == ["200.00", "50.00"]


def test_the_same_invoice_printed_negative_is_refused_by_the_export():
    """The printed sign of a document that is not a credit note is kept, so the export does not pass it
    off as a valid invoice."""
    invoice = _invoice(credit_note_rows("Rechnung", PRINTED_SIGNS["minus"]))
    with pytest.raises((EInvoiceExportInvalid, EInvoiceIncomplete)):
        export_einvoice(invoice, "ubl")


def test_the_anomaly_rules_count_a_credit_note_against_the_vendor():
    """A credit note's positive total is money owed back: not just under the approval threshold, not a
    part of a split invoice (as when it was read negative)."""
    from ocr_tasks.anomaly import AnomalySettings, score_anomalies
    from tests.ocr_tasks.anomaly.records import FRIDAY, TODAY, rec

    settings = AnomalySettings(
        today=TODAY, min_history=10_000, approval_threshold=10_000, near_threshold_fraction=0.05
    )
    day = (FRIDAY + timedelta(days=3)).isoformat()

    def kinds(document_type: str) -> set[str]:
        first = rec("p1", total="5500.37", subtotal=None)
        second = rec("p2", total="9700.37", subtotal=None, invoice_date=day, document_type=document_type)
        found = score_anomalies([first, second], [], settings=settings)
        return {a.kind for a in found["p2"]}

    assert {"near_approval_threshold", "split_invoice"} <= kinds("invoice")
    assert not {"near_approval_threshold", "split_invoice"} & kinds("credit_note")


def test_validation_passes_a_credit_notes_total_and_flags_a_negative_invoice():
    """`The total is greater than zero` holds for a credit note read from its page (magnitudes) and still
    catches a document that is not recognised as one but prints negative totals."""
    from expectations.runner import validate_batch

    reports = validate_batch(
        {
            "credit": _invoice(credit_note_rows("Gutschrift", PRINTED_SIGNS["minus"])),
            "negative": _invoice(credit_note_rows("Rechnung", PRINTED_SIGNS["minus"])),
        }
    )

    def failed(doc: str) -> set[str]:
        return {o.description for r in reports[doc] for o in r.failed}

    assert "The total is greater than zero." not in failed("credit")
    assert "The total is greater than zero." in failed("negative")
