"""Invoice dates against the labels of other dates, also when a second OCR reading missed the real one."""

from ocr_tasks.extraction import extract_invoice
from ocr_tasks.extraction.options import ExtractionOptions

from .synthetic import SyntheticInvoice

HEAD = ["Sarmiento y Zabala S.Com.", "Via Fabian Diez 44", "07738 Ciudad"]
TAIL = ["Formacion  10  8,00  80,00", "Total factura  96,80", "Vencimiento del pago: 4 de enero de 2025."]


def _document(rows: list[str]):
    printed = [[(row, 150)] for row in rows]
    return SyntheticInvoice(
        rows=printed, truth={}, items=[], lang="es", row_y=[150 + 70 * i for i in range(len(rows))]
    ).to_document()


def test_a_due_date_label_keeps_a_date_from_being_the_invoice_date_even_after_a_second_reading():
    dated = "Factura simplificada 460521 - 5 de diciembre de 2024"
    due = "Referencia pedido: B9415753 Fecha de vencimiento: 4 de enero de 2025"
    primary = _document(HEAD + [dated, due] + TAIL)
    # the second reading lost the invoice's date row: there the due date is the first and only date
    second = _document(HEAD + ["Factura simplificada 460521", due] + TAIL)
    invoice = extract_invoice(primary, options=ExtractionOptions(second_reading=second))
    assert invoice.get("invoice_date") == "2024-12-05"
    assert invoice.get("due_date") == "2025-01-04"


def test_a_generic_date_label_still_reads_the_invoice_date():
    invoice = extract_invoice(_document(HEAD + ["Fecha: 05/12/2024", "Vencimiento: 04/01/2025"] + TAIL))
    assert invoice.get("invoice_date") == "2024-12-05"


def _date(value: str, y: float, **features: float):
    from ocr_tasks.extraction.candidates import Candidate
    from ocr_tasks.geometry import BBox

    return Candidate(
        field="invoice_date",
        value=value,
        raw_text=value,
        page=0,
        bbox=BBox(0.5, y, 0.6, y + 0.01),
        ocr_confidence=0.9,
        features={"first": 1.0, "is_earliest": 1.0, **features},
    )


def test_second_readings_dates_are_ordered_against_the_primary_reading():
    from ocr_tasks.extraction.date_fields import align_second_reading

    primary = [_date("2025-07-26", 0.25), _date("2025-08-02", 0.27, first=0.0, is_earliest=0.0)]
    # the other reading missed the invoice's date: its due date is its first and earliest date
    extra = [_date("2025-08-02", 0.27), _date("2025-07-26", 0.25)]
    align_second_reading(primary, extra)
    assert extra[0].features["first"] == 0.0 and extra[0].features["is_earliest"] == 0.0
    assert extra[1].features["first"] == 1.0 and extra[1].features["is_earliest"] == 1.0


def _german_letter(invoice_row: str) -> list[str]:
    """A letter dated at its top (the day it was printed), whose invoice row dates the invoice itself."""
    return [
        "2019-01-25",
        "Bei Spiel GmbH  Ecke 12  12345 Stadthausen",
        "Theodor Est",
        "Kundennummer: 2",
        invoice_row,
        "Leistungsdatum 17.01.2019",
        "Menge  Produkt  Preis  Gesamtbetrag",
        "1,00  Gestaltung  160,00 €  160,00 €",
        "Gesamtbetrag:  160,00 €",
        "Bitte überweisen Sie bis zum 11.02.2019.",
    ]


def test_the_date_after_the_invoice_title_and_number_is_the_invoice_date():
    """`Rechnung # RE-20190121/507 von 21.01.2019` dates the invoice; the unlabelled date at the letter's
    top (the day it was printed) does not, though it is printed first."""
    rows = _german_letter("Rechnung # RE-20190121/507 von 21.01.2019")
    invoice = extract_invoice(_document(rows), options=ExtractionOptions(languages=("de",)))
    assert invoice.get("invoice_date") == "2019-01-21"
    assert invoice.get("due_date") == "2019-02-11"


def test_a_referenced_invoice_after_a_credit_word_still_dates_no_invoice():
    """A credit note names the invoice it refers to with its date (`Gutschrift zur Rechnung ... vom`): that
    date stays the other invoice's, not this document's."""
    rows = _german_letter("Gutschrift zur Rechnung RE-20190121/507 vom 21.01.2019")
    invoice = extract_invoice(_document(rows), options=ExtractionOptions(languages=("de",)))
    assert invoice.get("invoice_date") != "2019-01-21"
