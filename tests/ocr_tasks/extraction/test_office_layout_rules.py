"""The general rules found on the held-out office invoices (`test_held_out_office.py`), each on rows of its
own: a label run into its value, a name's tagline or owner beside it, per-rate bases, a net less payments."""

from ocr_tasks.extraction import extract_invoice
from ocr_tasks.extraction.party_fields import clean_name

from .synthetic import SyntheticInvoice


def _document(rows: list):
    """Rows of plain text (at the left margin) or of (text, x pixel) chunks, 70 px apart."""
    printed = [[(row, 150)] if isinstance(row, str) else row for row in rows]
    return SyntheticInvoice(
        rows=printed, truth={}, items=[], lang="en", row_y=[150 + 70 * i for i in range(len(printed))]
    ).to_document()


def test_a_long_label_run_into_its_value_still_labels_it():
    """Calc's bold label filling its cell up to the value's cell prints no space between them."""
    rows = [
        "Maschinenbau Riedel GmbH",
        "Gewerbepark Süd 7, 73430 Aalen",
        [("Kunststofftechnik Brenner KG", 150), ("Rechnungsnummer2025-20931", 1250)],
        [("Hauptstraße 118", 150), ("Datum  19.02.2025", 1250)],
        "Warenwert netto  100,00 €",
        "USt. 19 %  19,00 €",
        "Rechnungsbetrag  119,00 €",
    ]
    assert extract_invoice(_document(rows)).get("invoice_number") == "2025-20931"


def test_a_short_word_run_into_a_number_is_no_label():
    """Only labels of six letters or more: `Nr12` or `Inv2024` are codes, not a label and its value."""
    rows = ["Acme GmbH", "Artikel Nr12345 geliefert", "Summe  10,00 €"]
    assert extract_invoice(_document(rows)).get("invoice_number") is None


def test_a_name_before_a_middle_dot_is_the_name_and_not_its_tagline():
    assert clean_name("Marta Sanz Ortega · Arquitecta") == "Marta Sanz Ortega"
    assert clean_name("Marta Sanz Ortega « Arquitecta") == "Marta Sanz Ortega"  # a middle dot as OCR reads it
    assert clean_name("Atelier | Studio") == "Atelier | Studio"  # one word before the bar: no name on its own


def test_an_owner_across_a_column_gap_is_no_part_of_the_trade_name():
    assert clean_name("Partyservice Köhler      Inh. Sabine Köhler") == "Partyservice Köhler"
    assert clean_name("Partyservice Köhler Inhaberin") == "Partyservice Köhler Inhaberin"  # no gap: kept


def test_per_rate_bases_labelled_maatstaf_give_the_net():
    """Belgian totals print the base per rate (`Maatstaf 6%`) and its tax, and no net total."""
    rows = [
        "Verwarming Peeters BV",
        "FACTUUR 2025/0318",
        "Maatstaf 6%  € 4.042,00",
        "Btw 6%  € 242,52",
        "Maatstaf 21%  € 219,00",
        "Btw 21%  € 45,99",
        "Te betalen  € 4.549,51",
    ]
    invoice = extract_invoice(_document(rows))
    assert (invoice.get("subtotal"), invoice.get("tax_amount"), invoice.get("total")) == (
        "4261.00",
        "288.51",
        "4549.51",
    )


def test_a_net_less_a_retainer_leaves_the_amount_due_and_is_the_total():
    """Services without sales tax: `Subtotal / Less retainer received / Amount Due` and no total row."""
    rows = [
        "CEDAR RIDGE ADVISORY LLC",
        "Invoice #: 2025-031",
        "Stakeholder interviews  12.5  $165.00  $2,062.50",
        "Process mapping  18.0  $165.00  $2,970.00",
        "Subtotal  $5,032.50",
        "Less retainer received 02/28/2025  -$2,500.00",
        "Amount Due  $2,532.50",
    ]
    invoice = extract_invoice(_document(rows))
    assert (invoice.get("total"), invoice.get("amount_due")) == ("5032.50", "2532.50")


def test_a_subject_line_names_no_customer():
    """`Betreft:` (`Objet :`, `Betreff:`, `Oggetto:`, `Asunto:`, `Subject:`) heads what the letter is about,
    even where it is the first wordy line under a customer label."""
    rows = [
        "Verwarming Peeters BV",
        "Factuurnummer: 2025/0318",
        "Klant:",
        "Betreft: vervanging verwarmingsketel, werf Lindelaan 9, Diepenbeek",
        "Te betalen  € 100,00",
    ]
    customer = extract_invoice(_document(rows)).get("customer_name")
    assert customer is None or not customer.startswith("Betreft")
