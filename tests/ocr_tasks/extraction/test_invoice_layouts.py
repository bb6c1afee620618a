"""Invoice layouts from a text layer: label/value pairs in German and French, two-column header blocks,
the recipient's address window, buyer vs seller VAT ids, implausible dates, and the label lexicons."""

from __future__ import annotations

from datetime import date

import pytest

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.extraction.date_fields import implausible_date
from ocr_tasks.extraction.keywords import LABELS, LANGUAGES, has_negative, label_strength, lexicon, phrases
from ocr_tasks.normalise.currency import detect_currency, find_currency_marks
from ocr_tasks.normalise.dates import find_dates
from tests.ocr_tasks.extraction.layout_pages import text_layer_page

TODAY = ExtractionOptions(today=date(2024, 9, 1))


def _values(document, options=TODAY) -> dict[str, str]:
    invoice = extract_invoice(document, options=options)
    return {name: field.value for name, field in invoice.fields.items()}


def german_invoice(*, paid: bool = False):
    """A letter: sender line over the address window, a label/value column on the right, a totals block."""
    rows = [
        [("Nordwind Technik GmbH", 0.60)],
        [("Hafenstraße 7", 0.60)],
        [("20457 Hamburg", 0.60)],
        [("Nordwind Technik GmbH · Hafenstraße 7 · 20457 Hamburg", 0.10)],
        [("Gärtnerei Lindenhof", 0.10), ("Rechnungsnummer:", 0.55), ("RE-2024/0815", 0.75)],
        [("Am Anger 3", 0.10), ("Rechnungsdatum:", 0.55), ("03.07.2024", 0.75)],
        [("04109 Leipzig", 0.10), ("Kundennummer:", 0.55), ("10042", 0.75)],
        [],
        [("Pos.  Beschreibung", 0.10), ("Menge", 0.50), ("Einzelpreis", 0.62), ("Betrag", 0.82)],
        [("1  Wartung Kühlanlage", 0.10), ("2", 0.52), ("200,00 €", 0.62), ("400,00 €", 0.82)],
        [("2  Ersatzteile", 0.10), ("1", 0.52), ("100,00 €", 0.62), ("100,00 €", 0.82)],
        [],
        [("Summe netto:", 0.55), ("500,00 €", 0.82)],
        [("zzgl. USt 19 %:", 0.55), ("95,00 €", 0.82)],
        [("Gesamtbetrag:", 0.55), ("595,00 €", 0.82)],
    ]
    if paid:
        rows += [
            [("Bereits bezahlt:", 0.55), ("95,00 €", 0.82)],
            [("Offener Betrag:", 0.55), ("500,00 €", 0.82)],
        ]
    rows += [
        [],
        [("Zahlbar bis zum 24.07.2024 ohne Abzug.", 0.10)],
        [],
        [("USt-IdNr.: DE136695976", 0.10), ("IBAN: DE88 2008 0000 0970 3757 00", 0.50)],
    ]
    return text_layer_page(rows)


def test_german_label_value_pairs_and_totals_block():
    values = _values(german_invoice())
    assert values["invoice_number"] == "RE-2024/0815"
    assert values["invoice_date"] == "2024-07-03"
    assert values["due_date"] == "2024-07-24"  # `Zahlbar bis zum`
    assert values["subtotal"] == "500.00"
    assert values["tax_amount"] == "95.00"
    assert values["total"] == "595.00"
    assert values["amount_due"] == "595.00"  # nothing paid is printed: the total is due
    assert values["vendor_tax_id"] == "DE136695976"
    assert values["iban"] == "DE88200800000970375700"
    assert values["currency"] == "EUR"


def test_address_window_under_the_sender_line_is_the_customer():
    values = _values(german_invoice())
    assert values["customer_name"] == "Gärtnerei Lindenhof"
    assert values["vendor_name"] == "Nordwind Technik GmbH"


def test_open_amount_after_a_payment():
    values = _values(german_invoice(paid=True))
    assert values["amount_due"] == "500.00"  # `Offener Betrag`, not the total
    assert values["total"] == "595.00"


def french_invoice():
    rows = [
        [("Au Moulin Bleu SARL - 12 rue des Lilas - 84000 Avignon", 0.20)],
        [("TVA : FR11999999998 - SIRET : 99999999800010", 0.20)],
        [],
        [("Facture FA-2024-0042", 0.06)],
        [("Adresse de facturation", 0.55)],
        [("La Belle Épicerie", 0.55)],
        [("8 place Bellecour", 0.55)],
        [("69002 Lyon", 0.55)],
        [],
        [("Date de facture", 0.06), ("13/11/2024", 0.30)],
        [("Date d'échéance", 0.06), ("13/12/2024", 0.30)],
        [("N° TVA client", 0.06), ("FR19787878784", 0.30)],
        [],
        [("Total HT", 0.74), ("624,90 €", 0.86)],
        [("Total TVA", 0.74), ("46,25 €", 0.86)],
        [("Total TTC", 0.74), ("671,15 €", 0.86)],
        [("Acompte versé", 0.06), ("201,00 €", 0.30)],
        [("Solde à payer", 0.74), ("470,15 €", 0.86)],
    ]
    return text_layer_page(rows)


def test_french_labels_and_the_buyers_vat_id():
    values = _values(french_invoice())
    assert values["invoice_number"] == "FA-2024-0042"
    assert values["invoice_date"] == "2024-11-13"
    assert values["due_date"] == "2024-12-13"
    assert values["subtotal"] == "624.90"
    assert values["tax_amount"] == "46.25"
    assert values["total"] == "671.15"
    assert values["amount_due"] == "470.15"
    assert values["customer_name"] == "La Belle Épicerie"
    # `N° TVA client` is the buyer's: the seller's id is the one in the letterhead
    assert values["vendor_tax_id"] == "FR11999999998"


def test_labelled_buyer_block_in_a_form_with_seller_and_buyer_columns():
    rows = [
        [("Verkäufer", 0.06), ("Käufer", 0.40), ("RECHNUNG", 0.75)],
        [("Bergmann Werkzeuge GmbH", 0.06), ("Hofmann Bau KG", 0.40), ("Beleg-Nr:", 0.70), ("R-77120", 0.82)],
        [("Industriestr. 5", 0.06), ("Feldweg 12", 0.40), ("Beleg-Datum:", 0.70), ("06.08.2024", 0.82)],
        [("70173 Stuttgart", 0.06), ("40235 Düsseldorf", 0.40)],
        [("USt-IdNr: DE123456789", 0.06), ("USt-IdNr: DE987654321", 0.40)],
        [],
        [("Nettobetrag", 0.55), ("100,00", 0.82)],
        [("MwSt 19 %", 0.55), ("19,00", 0.82)],
        [("Endbetrag EUR", 0.55), ("119,00", 0.82)],
    ]
    values = _values(text_layer_page(rows))
    assert values["customer_name"] == "Hofmann Bau KG"
    assert values["invoice_number"] == "R-77120"
    assert values["invoice_date"] == "2024-08-06"
    assert values["total"] == "119.00"


def test_a_date_years_in_the_future_is_no_invoice_date():
    rows = [
        [("Pixel Print Ltd", 0.06)],
        [("Invoice", 0.06)],
        [("Date:", 0.06), ("12/03/2041", 0.20)],  # a misprint or another number read as a date
        [("Order placed 02/03/2024, delivered 05/03/2024", 0.06)],
        [("Issued on 05/03/2024", 0.06)],
        [("Total", 0.60), ("120.00", 0.80)],
    ]
    values = _values(text_layer_page(rows), ExtractionOptions(today=date(2024, 6, 1)))
    assert values["invoice_date"] == "2024-03-05"


def test_implausible_dates():
    today = date(2024, 6, 1)
    assert implausible_date(date(2041, 3, 12), today=today)
    assert not implausible_date(date(2024, 7, 1), today=today)
    assert implausible_date(date(2034, 1, 1), today=None, typical_year=2017)
    assert not implausible_date(date(2018, 1, 1), today=None, typical_year=2017)


def test_a_due_date_is_not_taken_as_the_invoice_date():
    rows = [
        [("Pixel Print Ltd", 0.06)],
        [("Due date", 0.06), ("30/04/2024", 0.25)],
        [("Invoice date", 0.06), ("31/03/2024", 0.25)],
        [("Total", 0.60), ("80.00", 0.80)],
    ]
    values = _values(text_layer_page(rows))
    assert values["invoice_date"] == "2024-03-31"
    assert values["due_date"] == "2024-04-30"


def test_legal_form_sdn_bhd_is_no_currency():
    assert find_currency_marks("KEDAI MAJU SDN BHD") == []
    assert find_currency_marks("Total BHD 12.500") == ["BHD"]
    assert detect_currency("KEDAI MAJU SDN BHD\nTOTAL 5.00", country="MY") == "MYR"


@pytest.mark.parametrize("language", ["en", "de", "fr", "nl", "es", "it"])
def test_every_language_names_the_invoice_concepts(language):
    table = lexicon((language,))
    for concept in (
        "invoice_number",
        "order_number",
        "customer_number",
        "invoice_date",
        "delivery_date",
        "due_date",
        "subtotal",
        "tax",
        "total",
        "amount_due",
        "already_paid",
        "bill_to",
        "seller",
        "vat_id",
        "iban",
    ):
        assert table.get(concept), f"{language} has no phrases for {concept}"


def test_field_labels_come_from_the_lexicons():
    assert set(LANGUAGES) >= {"en", "de", "fr", "nl", "es", "it"}
    for phrase in ("zahlbetrag", "offener betrag", "solde à payer", "importe a pagar", "da pagare"):
        assert phrase in phrases("amount_due")
        assert phrase in LABELS["amount_due"]
    assert "rechnungsnummer" in LABELS["invoice_number"]
    assert "n° de facture" in LABELS["invoice_number"]
    assert "baki" in phrases("change")  # receipt words live in the lexicons too


def test_a_word_inside_the_fields_own_label_is_not_against_it():
    assert has_negative("Total before tax", "subtotal") == 0.0
    assert has_negative("Total tax", "subtotal") > 0.0
    assert has_negative("Sub Total", "total") > 0.0


def test_items_table_with_position_numbers_and_german_headers():
    rows = [
        [("Pos.", 0.06), ("Material/Beschreibung", 0.12), ("Menge", 0.50), ("Preis", 0.66), ("Betrag", 0.84)],
        [("10", 0.06), ("M-01", 0.12), ("5 ST", 0.50), ("1.630,00", 0.66), ("8.150,00", 0.84)],
        [("Bildschirm 24 Zoll", 0.12)],
        [("20", 0.06), ("M-02", 0.12), ("2 ST", 0.50), ("100,00", 0.66), ("200,00", 0.84)],
        [("Kabelsatz", 0.12)],
        [],
        [("Summe netto", 0.55), ("8.350,00", 0.84)],
        [("zzgl. USt 19 %", 0.55), ("1.586,50", 0.84)],
        [("Bitte überweisen Sie bis zum 24.07.2024", 0.06)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    amounts = [item.cells["amount"].value for item in invoice.line_items]
    assert amounts == ["8150.00", "200.00"]
    assert "Bildschirm" in invoice.line_items[0].cells["description"].value


def test_the_recipient_block_is_never_the_vendor():
    rows = [
        [("Netpresse GmbH · Ringstraße 4 · 50667 Köln", 0.08)],
        [("Alexinux GmbH", 0.08), ("Rechnung Nr.", 0.60), ("2024-118", 0.78)],
        [("Lindenweg 9", 0.08), ("Datum", 0.60), ("02.05.2024", 0.78)],
        [("10115 Berlin", 0.08)],
        [],
        [("Gesamtbetrag", 0.60), ("238,00 €", 0.80)],
        [],
        [("Netpresse GmbH - Ringstraße 4 - 50667 Köln - USt-IdNr. DE811569869", 0.10)],
    ]
    values = _values(text_layer_page(rows))
    assert values["customer_name"] == "Alexinux GmbH"
    assert values["vendor_name"] == "Netpresse GmbH"


@pytest.mark.parametrize(
    "printed",
    [
        "IBAN: DE89 3704 0044 0532 0130 00 BIC: COBADEFFXXX",
        "Konto: IBAN DE89-3704-0044-0532-0130-00",
        "IBAN DE89 3704 0044 0532 0130 00 1234",  # a number printed right after it is no part of it
    ],
)
def test_iban_as_printed(printed):
    rows = [[("Pixel Print GmbH", 0.06)], [("Gesamtbetrag", 0.5), ("10,00", 0.8)], [(printed, 0.06)]]
    assert _values(text_layer_page(rows))["iban"] == "DE89370400440532013000"


def test_the_buyers_iban_for_a_direct_debit_is_not_the_payees():
    rows = [
        [("Pixel Print GmbH", 0.06)],
        [("Gesamtbetrag", 0.5), ("10,00", 0.8)],
        [("Wir buchen den Betrag ab von Kunde IBAN", 0.06), ("DE02 1203 0000 0000 2020 51", 0.55)],
        [("Bankverbindung IBAN DE89 3704 0044 0532 0130 00", 0.06)],
    ]
    assert _values(text_layer_page(rows))["iban"] == "DE89370400440532013000"


def test_tax_printed_per_rate_without_a_tax_total():
    rows = [
        [("Pixel Print GmbH", 0.06)],
        [("Rechnungsnummer", 0.06), ("4711", 0.30)],
        [("Nettobetrag", 0.55), ("496,00 €", 0.80)],
        [("MwSt 7 %", 0.55), ("11,20 €", 0.80)],
        [("MwSt 19 %", 0.55), ("63,84 €", 0.80)],
        [("Rechnungsbetrag", 0.55), ("571,04 €", 0.80)],
    ]
    values = _values(text_layer_page(rows))
    assert (values["subtotal"], values["tax_amount"], values["total"]) == ("496.00", "75.04", "571.04")


def test_iban_printed_without_spaces():
    rows = [
        [("Pixel Print GmbH", 0.06)],
        [("Gesamtbetrag", 0.5), ("10,00", 0.8)],
        [("IBAN DE89370400440532013000", 0.06)],
    ]
    assert _values(text_layer_page(rows))["iban"] == "DE89370400440532013000"


def test_credit_note_amounts_are_reported_as_magnitudes():
    """EN 16931: the document type carries the direction; a credit note printed negative reads positive,
    as its XML does (`ocr_tasks.einvoice`)."""
    rows = [
        [("Au Moulin Bleu SARL - 12 rue des Lilas - 84000 Avignon", 0.20)],
        [("Avoir AV-2024-0005", 0.06)],
        [("Date de facture", 0.06), ("16/11/2024", 0.30)],
        [("Huile d'olive", 0.06), ("10 L", 0.50), ("19,80 €", 0.65), ("-198,00 €", 0.84)],
        [("Total HT", 0.74), ("-198,00 €", 0.86)],
        [("Total taxes", 0.74), ("-10,89 €", 0.86)],
        [("Total TTC", 0.74), ("-208,89 €", 0.86)],
    ]
    values = _values(text_layer_page(rows))
    assert values["document_type"] == "credit_note"
    assert (values["subtotal"], values["tax_amount"], values["total"]) == ("198.00", "10.89", "208.89")
    assert values["amount_due"] == "208.89"


def test_a_short_label_is_no_fuzzy_match_of_a_long_one():
    assert label_strength("a", LABELS["amount_due"]) == 0.0
    assert label_strength("Totai", LABELS["total"]) > 0.0


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("25 de marzo de 2024", "2024-03-25"),
        ("3 settembre 2024", "2024-09-03"),
        ("1er mars 2020", "2020-03-01"),
    ],
)
def test_month_names_of_the_six_languages(printed, iso):
    assert [d.value.isoformat() for d in find_dates(printed)] == [iso]


def test_receipt_words_that_spell_a_spanish_or_italian_month_are_no_dates():
    assert find_dates("1 SET 10.00") == []
    assert find_dates("2 MAYO 10.50") == []


def test_labels_match_without_their_accents():
    assert label_strength("Falligkeitsdatum", LABELS["due_date"]) >= 1.0  # OCR dropped the umlaut
    assert label_strength("Solde a payer", LABELS["amount_due"]) >= 1.0
    assert label_strength("Échéance", LABELS["due_date"]) >= 1.0


@pytest.mark.parametrize(
    ("terms", "due"),
    [
        ("Zahlbar innerhalb von 14 Tagen ohne Abzug.", "2024-07-17"),
        ("Payment terms: 30 days net", "2024-08-02"),
        ("2 % Skonto bei Zahlung innerhalb 8 Tagen", None),  # a cash discount's days are no due date
        ("Zahlungsbedingungen: 10 Tage 2 %, 30 Tage netto", "2024-08-02"),
    ],
)
def test_due_date_from_payment_terms_when_none_is_printed(terms, due):
    rows = [
        [("Pixel Print GmbH", 0.06)],
        [("Rechnungsdatum", 0.06), ("03.07.2024", 0.30)],
        [("Gesamtbetrag", 0.55), ("119,00", 0.80)],
        [(terms, 0.06)],
    ]
    assert _values(text_layer_page(rows)).get("due_date") == due


def test_header_box_with_labels_over_their_values():
    rows = [
        [("Pixel Print GmbH", 0.06)],
        [],
        [
            ("Rechnungsnr.", 0.06),
            ("Rechnungsdatum", 0.25),
            ("Kundennr.", 0.45),
            ("Lieferdatum", 0.62),
            ("Seite", 0.85),
        ],
        [("RE-2024-118", 0.06), ("02.05.2024", 0.25), ("10042", 0.45), ("28.04.2024", 0.62), ("1", 0.85)],
        [],
        [("Rechnungsbetrag", 0.55), ("119,00", 0.82)],
    ]
    values = _values(text_layer_page(rows))
    assert values["invoice_number"] == "RE-2024-118"
    assert values["invoice_date"] == "2024-05-02"  # not the delivery date beside it


def test_french_header_box_with_number_date_and_due_date():
    rows = [
        [("Pixel Print SARL", 0.06)],
        [("Facture", 0.55)],
        [("Numéro", 0.55), ("Date", 0.70), ("Échéance", 0.85)],
        [("F-0042", 0.55), ("13/11/2024", 0.70), ("13/12/2024", 0.85)],
        [("Total TTC", 0.55), ("120,00 €", 0.82)],
    ]
    values = _values(text_layer_page(rows), ExtractionOptions(today=date(2024, 12, 1)))
    assert (values["invoice_number"], values["invoice_date"], values["due_date"]) == (
        "F-0042",
        "2024-11-13",
        "2024-12-13",
    )


FOUR_LANGUAGES = {
    "en": [
        [("Summit Consulting LLC", 0.06), ("INVOICE", 0.75)],
        [("500 Market Street, Springfield, IL 62701", 0.06), ("Invoice #", 0.62), ("1043", 0.80)],
        [("Date:", 0.62), ("March 3, 2024", 0.75)],
        [("BILL TO", 0.06), ("Due Date:", 0.62), ("April 2, 2024", 0.75)],
        [("Riverside Bakery Inc.", 0.06)],
        [("12 Oak Avenue", 0.06)],
        [("Portland, OR 97201", 0.06)],
        [],
        [("Description", 0.06), ("Qty", 0.55), ("Rate", 0.65), ("Amount", 0.82)],
        [("Strategy workshop", 0.06), ("8", 0.55), ("150.00", 0.65), ("1,200.00", 0.82)],
        [("Subtotal", 0.62), ("$1,200.00", 0.82)],
        [("Sales Tax (8.25%)", 0.62), ("$99.00", 0.82)],
        [("Total", 0.62), ("$1,299.00", 0.82)],
        [("Balance Due", 0.62), ("$1,299.00", 0.82)],
    ],
    "nl": [
        [("Molenaar Installaties B.V.", 0.06)],
        [("Kerkstraat 12, 3012 CN Rotterdam", 0.06)],
        [],
        [("Bakkerij De Vries", 0.06), ("Factuurnummer:", 0.55), ("2024-0042", 0.75)],
        [("Dorpsweg 3", 0.06), ("Factuurdatum:", 0.55), ("12-03-2024", 0.75)],
        [("1011 AB Amsterdam", 0.06), ("Vervaldatum:", 0.55), ("26-03-2024", 0.75)],
        [],
        [("Omschrijving", 0.06), ("Aantal", 0.50), ("Prijs", 0.62), ("Bedrag", 0.82)],
        [("Onderhoud cv-ketel", 0.06), ("1", 0.50), ("100,00", 0.62), ("100,00", 0.82)],
        [("Totaal excl. btw", 0.55), ("€ 100,00", 0.82)],
        [("BTW 21%", 0.55), ("€ 21,00", 0.82)],
        [("Totaal incl. btw", 0.55), ("€ 121,00", 0.82)],
        [("Te betalen", 0.55), ("€ 121,00", 0.82)],
        [("IBAN NL91 ABNA 0417 1643 00 - BTW-nummer NL123456789B01", 0.06)],
    ],
    "es": [
        [("Construcciones Ibéricas S.L.", 0.06)],
        [("Calle Mayor 5, 28013 Madrid", 0.06)],
        [("NIF: B12345678", 0.06)],
        [],
        [("Factura nº:", 0.55), ("A-2024/15", 0.75)],
        [("Fecha:", 0.55), ("05/02/2024", 0.75)],
        [("Vencimiento:", 0.55), ("05/03/2024", 0.75)],
        [("Cliente:", 0.06)],
        [("Talleres García S.A.", 0.06)],
        [("Avenida del Puerto 9", 0.06)],
        [("46021 Valencia", 0.06)],
        [],
        [("Descripción", 0.06), ("Cantidad", 0.50), ("Precio", 0.62), ("Importe", 0.82)],
        [("Reparación de tejado", 0.06), ("1", 0.50), ("200,00", 0.62), ("200,00", 0.82)],
        [("Base imponible", 0.55), ("200,00 €", 0.82)],
        [("IVA 21%", 0.55), ("42,00 €", 0.82)],
        [("Total factura", 0.55), ("242,00 €", 0.82)],
    ],
    "it": [
        [("Rossi Forniture S.r.l.", 0.06)],
        [("Via Roma 10, 20121 Milano", 0.06)],
        [("P.IVA IT12345678901", 0.06)],
        [],
        [("Spett.le", 0.55)],
        [("Bianchi Costruzioni S.p.A.", 0.55)],
        [("Corso Italia 4", 0.55)],
        [("10121 Torino", 0.55)],
        [("Fattura n.", 0.06), ("15/2024", 0.20), ("del", 0.30), ("05/02/2024", 0.35)],
        [("Scadenza:", 0.06), ("05/03/2024", 0.20)],
        [("Descrizione", 0.06), ("Quantità", 0.50), ("Prezzo", 0.62), ("Importo", 0.82)],
        [("Consulenza tecnica", 0.06), ("2", 0.50), ("100,00", 0.62), ("200,00", 0.82)],
        [("Imponibile", 0.55), ("200,00", 0.82)],
        [("IVA 22%", 0.55), ("44,00", 0.82)],
        [("Totale documento", 0.55), ("244,00", 0.82)],
    ],
}
EXPECTED = {
    "en": {
        "vendor_name": "Summit Consulting LLC",
        "customer_name": "Riverside Bakery Inc.",
        "invoice_number": "1043",
        "invoice_date": "2024-03-03",
        "due_date": "2024-04-02",
        "currency": "USD",
        "subtotal": "1200.00",
        "tax_amount": "99.00",
        "total": "1299.00",
        "amount_due": "1299.00",
    },
    "nl": {
        "vendor_name": "Molenaar Installaties B.V.",
        "customer_name": "Bakkerij De Vries",
        "invoice_number": "2024-0042",
        "invoice_date": "2024-03-12",
        "due_date": "2024-03-26",
        "subtotal": "100.00",
        "tax_amount": "21.00",
        "total": "121.00",
        "amount_due": "121.00",
        "vendor_tax_id": "NL123456789B01",
        "iban": "NL91ABNA0417164300",
    },
    "es": {
        "vendor_name": "Construcciones Ibéricas S.L.",
        "customer_name": "Talleres García S.A.",
        "invoice_number": "A-2024/15",
        "invoice_date": "2024-02-05",
        "due_date": "2024-03-05",
        "subtotal": "200.00",
        "tax_amount": "42.00",
        "total": "242.00",
    },
    "it": {
        "vendor_name": "Rossi Forniture S.r.l.",
        "customer_name": "Bianchi Costruzioni S.p.A.",
        "invoice_number": "15/2024",
        "invoice_date": "2024-02-05",
        "due_date": "2024-03-05",
        "subtotal": "200.00",
        "tax_amount": "44.00",
        "total": "244.00",
        "vendor_tax_id": "IT12345678901",
    },
}


@pytest.mark.parametrize("language", sorted(FOUR_LANGUAGES))
def test_invoices_in_english_dutch_spanish_and_italian(language):
    values = _values(text_layer_page(FOUR_LANGUAGES[language]))
    assert {k: values.get(k) for k in EXPECTED[language]} == EXPECTED[language]


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("USt-IdNr.: DE 123 456 789  BIC COBADEFF", "DE123456789"),  # spaced VAT id
        ("NIF: B12345678", "B12345678"),  # national number after its label
        ("P.IVA 12345678901", "12345678901"),
        ("NIF-IVA: ESB84992403", "ESB84992403"),  # a Spanish VAT id starts with a letter
        ("USt-IdNr.: CHE-797.314.121 MWST", "CHE-797.314.121"),  # a Swiss UID in its official form
    ],
)
def test_vendor_tax_ids_as_printed(printed, expected):
    rows = [[("Pixel Print GmbH", 0.06)], [("Gesamtbetrag", 0.5), ("10,00", 0.8)], [(printed, 0.06)]]
    assert _values(text_layer_page(rows))["vendor_tax_id"] == expected


def test_a_phone_number_in_international_form_is_no_tax_id():
    rows = [
        [("Pixel Print S.L.", 0.06)],
        [("Total", 0.5), ("10,00", 0.8)],
        [("Teléfono: +34882823573", 0.06)],
    ]
    assert "vendor_tax_id" not in _values(text_layer_page(rows))


def test_an_unlabelled_address_window_on_the_right_is_the_customer():
    """No `Bill to` over it, no sender line: a postal block (name, street, postcode and place) without
    contact details, under the letterhead, is the recipient's window."""
    rows = [
        [("Eimer Weimer GmbH & Co. KG", 0.08)],
        [("Annaliese-Barth-Ring 88/18", 0.08)],
        [("29249 Büsingen am Hochrhein", 0.08)],
        [("Fon: 0303040876", 0.08)],
        [("E-Mail: info@eimer-weimer.de", 0.08)],
        [],
        [("Ernst GmbH", 0.56)],
        [("Strohallee 37-70", 0.56)],
        [("34357 Bitterfeld", 0.56)],
        [],
        [("Re.-Nr.:", 0.08), ("767029", 0.25)],
        [("Gesamtbetrag", 0.5), ("119,00", 0.8)],
    ]
    values = _values(text_layer_page(rows))
    assert values["customer_name"] == "Ernst GmbH"
    assert values["vendor_name"] == "Eimer Weimer GmbH & Co. KG"


def test_an_iban_is_no_tax_id():
    rows = [
        [("Pixel Print GmbH", 0.06)],
        [("Gesamtbetrag", 0.5), ("10,00", 0.8)],
        [("IBAN DE89 3704 0044 0532 0130 00", 0.06)],
    ]
    assert "vendor_tax_id" not in _values(text_layer_page(rows))


def test_a_receipt_reports_no_customer():
    rows = [
        [("KEDAI MAJU SDN BHD", 0.30)],
        [("NO 12, JALAN SS 2/24", 0.30)],
        [("47300 PETALING JAYA", 0.30)],
        [("Customer's copy", 0.35)],
        [("TOTAL", 0.30), ("12.50", 0.60)],
        [("CASH", 0.30), ("20.00", 0.60)],
        [("CHANGE", 0.30), ("7.50", 0.60)],
    ]
    assert "customer_name" not in _values(text_layer_page(rows))


def test_totals_table_with_labels_over_rows_of_numbers_and_the_sum_row_last():
    rows = [
        [("Pixel Print GmbH", 0.06)],
        [("Rechnungsnummer", 0.06), ("4711", 0.30)],
        [("Transportkosten", 0.06), ("MwSt.-% 19,0", 0.40), ("Frachtbetrag: 3,00", 0.60)],
        [
            ("Warenwert", 0.10),
            ("Nettobetrag", 0.40),
            ("MwSt-Betrag", 0.58),
            ("MwSt-%", 0.72),
            ("Endbetrag", 0.84),
        ],
        [("326,50", 0.10), ("321,40", 0.40), ("61,07", 0.58), ("19,0", 0.72), ("382,47", 0.84)],
        [("130,70", 0.10), ("127,59", 0.40), ("8,93", 0.58), ("7,0", 0.72), ("136,52", 0.84)],
        [("457,20", 0.10), ("448,99", 0.40), ("70,00", 0.58), ("EUR", 0.72), ("518,99", 0.84)],
    ]
    values = _values(text_layer_page(rows))
    assert (values["subtotal"], values["tax_amount"], values["total"]) == ("448.99", "70.00", "518.99")


def test_items_table_going_on_over_a_page_break():
    """Page 1 ends with a carried-forward sum and the footer; page 2 repeats the header and a carried
    sum before the last items: every item is read, none of the sums is an item or the subtotal."""
    from dataclasses import replace

    header = [("Pos  Beschreibung", 0.08), ("Menge", 0.5), ("Einzelpreis", 0.62), ("Gesamt", 0.82)]
    first = [
        [("Pixel Print GmbH", 0.08)],
        [("Rechnung Nr. 4711", 0.08)],
        header,
        *[[(f"{n}  Artikel {n}", 0.08), ("1", 0.52), ("10,00", 0.64), ("10,00", 0.84)] for n in range(1, 6)],
        [("Zwischensumme Übertrag", 0.5), ("50,00", 0.84)],
    ]
    footer = text_layer_page([[("Pixel Print GmbH · IBAN DE89 3704 0044 0532 0130 00", 0.08)]], top=0.93)
    second = [
        header,
        [("Übertrag", 0.08), ("50,00", 0.84)],
        *[[(f"{n}  Artikel {n}", 0.08), ("1", 0.52), ("10,00", 0.64), ("10,00", 0.84)] for n in range(6, 9)],
        [("Summe netto", 0.5), ("80,00", 0.84)],
        [("MwSt 19 %", 0.5), ("15,20", 0.84)],
        [("Gesamtbetrag", 0.5), ("95,20", 0.84)],
    ]
    page_one = text_layer_page(first).pages[0]
    page_one = replace(page_one, blocks=page_one.blocks + footer.pages[0].blocks)
    page_two = replace(text_layer_page(second).pages[0], index=1)
    document = replace(text_layer_page(first), pages=(page_one, page_two))
    invoice = extract_invoice(document, options=TODAY)
    descriptions = [item.get("description") or "" for item in invoice.line_items]
    assert len(descriptions) == 8 and all(f"Artikel {n}" in d for n, d in enumerate(descriptions, 1))
    assert {item.get("amount") for item in invoice.line_items} == {"10.00"}
    assert invoice.get("subtotal") == "80.00"
    assert invoice.get("total") == "95.20"


def test_days_under_a_payment_due_label_and_a_fuzzy_column_header_give_no_amount_due():
    """`Payment due within 7 days` is no amount due, nor is an item under a `Montant` column; with no
    amount-due label the whole total is due."""
    rows = [
        [("Pixel Print Ltd", 0.08)],
        [("Invoice No. 4711", 0.08)],
        [("Description", 0.08), ("Qty", 0.5), ("Price", 0.62), ("Montant", 0.82)],
        [("Toner", 0.08), ("25", 0.52), ("45.00", 0.64), ("1,125.00", 0.82)],
        [("Net total", 0.5), ("1,125.00", 0.82)],
        [("VAT 20 %", 0.5), ("225.00", 0.82)],
        [("Total", 0.5), ("1,350.00", 0.82)],
        [("Payment due within 7 days", 0.08)],
    ]
    values = _values(text_layer_page(rows))
    assert values["total"] == "1350.00"
    assert values["amount_due"] == "1350.00"


def test_a_kg_is_a_company_and_a_title_or_table_header_is_no_customer():
    """`Glaser & Eberl KG` heads the address window (a German legal form, not a Malay `Kg` street word);
    a block that starts with the document's title and runs into the items table names nobody."""
    rows = [
        [("Bauer & Arnold GmbH", 0.70)],
        [("Lucas-Haas-Platz 320", 0.70)],
        [("9480 Landeck", 0.70)],
        [("Bauer & Arnold GmbH · Lucas-Haas-Platz 320 · 9480 Landeck", 0.08)],
        [("Glaser & Eberl KG", 0.08), ("Re.-Nr.", 0.59), ("INV-72939", 0.75)],
        [("Prantlweg 27", 0.08), ("Belegdatum", 0.59), ("22.01.2025", 0.75)],
        [("6378 Kindberg", 0.08)],
        [],
        [("RECHNUNG", 0.08)],
        [("Pos", 0.08), ("Beschreibung", 0.2), ("Menge", 0.5), ("Betrag", 0.82)],
        [("1  A15572", 0.08), ("Beratung", 0.2), ("2", 0.52), ("240,00", 0.82)],
        [("Gesamtbetrag", 0.5), ("285,60", 0.82)],
    ]
    values = _values(text_layer_page(rows))
    assert values["customer_name"] == "Glaser & Eberl KG"
    assert values["invoice_number"] == "INV-72939"


def test_a_totals_table_whose_sum_row_is_labelled_total():
    """`Rate  Net  VAT  Gross` over a row per rate and a `Total` row: the sum row's amounts are what
    their columns say (net, tax, gross), not three totals."""
    rows = [
        [("Pixel Print Ltd", 0.08)],
        [("Invoice No. 4711", 0.08)],
        [("Description", 0.08), ("Qty", 0.5), ("Amount", 0.82)],
        [("Consulting", 0.08), ("2", 0.52), ("200.00", 0.82)],
        [("Toner", 0.08), ("1", 0.52), ("100.00", 0.82)],
        [],
        [("VAT rate", 0.30), ("Net amount", 0.45), ("VAT amount", 0.62), ("Total", 0.82)],
        [("20 %", 0.30), ("200.00", 0.45), ("40.00", 0.62), ("240.00", 0.82)],
        [("5 %", 0.30), ("100.00", 0.45), ("5.00", 0.62), ("105.00", 0.82)],
        [("Total", 0.08), ("300.00", 0.45), ("45.00", 0.62), ("345.00", 0.82)],
    ]
    values = _values(text_layer_page(rows))
    assert (values["subtotal"], values["tax_amount"], values["total"]) == ("300.00", "45.00", "345.00")
