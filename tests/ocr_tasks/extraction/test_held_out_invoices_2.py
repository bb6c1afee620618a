"""Round 2 of the held-out check (issue 13), independent of the synthetic generator (`bench/synthetic/`) and
of round 1 (`test_held_out_invoices.py`): fifteen invoices (six more below) written by hand as text-layer
rows, in layouts and wordings real producers print and neither covers: a SaaS invoice in the Stripe style
(Date of issue, `€588.00 due March 19, 2024` as a headline, reverse charge), a German Kleinunternehmer's (§
19 UStG, no VAT), a French auto-entrepreneur's (TVA non applicable, art. 293 B du CGI), a German
wholesaler's with a header table (Rechnungs-Nr. | Datum | Kunden-Nr. | ... | Seite) and a per-rate table
(Netto | USt-Satz | USt | Brutto) for 7 % and 19 %, a two-page German Rechnung with `Übertrag` across the
page break, a Spanish autónoma's factura with IRPF retention (Líquido a percibir), a German electricity
bill (Abrechnungszeitraum, Abschläge, Zu zahlender Betrag, the customer's masked IBAN), a Dutch factuur
with a deposit already paid (Reeds betaald, Openstaand bedrag), a Belgian Dutch factuur
(Ondernemingsnummer, Maatstaf van heffing, gestructureerde mededeling), a Luxembourg facture with its
totals block on the LEFT and `EUR` after the amounts, a US invoice with state and county sales tax,
discount, shipping and a Remit To lockbox, a UK credit note naming its original invoice, a German intra-EU
reverse-charge invoice with both VAT ids, an Italian nota di credito, a Swiss facture in French with its
QR-bill payment part. Dates are written in words where producers do (`March 5, 2024`, `12. März 2024`, `le
12 mars 2024`, `12 de marzo de 2024`, `12 maart 2024`, `28 marzo 2024`). VAT ids, SIRET, NIF and IBANs
carry valid check digits (python-stdnum, schwifty). Each test asserts what a reader of the page would write
down; the expectations were written before the extraction was run on the pages.

Measurement, the first run before any fix (211 tests: 194 field checks, 15 item lists, 2 of the pages'
own data): 16 failed, all field checks; every item list was right. The misses and their general causes,
all fixed:
- a number after a legal reference or inside a slashed identifier read as the tax (`TVA non applicable,
  art. 293 B du CGI` -> 293.00, `Steuernummer 13/245/67890` -> 67890.00) (2);
- no net on a page that says no VAT is charged (`Gemäß § 19 UStG ...`: lexicons' `tax_exempt`) (1);
- labels missing from the lexicons: `Líquido a percibir` (amount due), `Maatstaf van heffing`, `Montant
  hors TVA` (net) (3);
- terms without the word days (`Terms  Net 15`), `Payable dans les 30 jours, sans escompte` (a no-discount
  note taken for cash-discount terms), a direct-debit date (`Der Betrag wird am 29.01.2025 ... abgebucht`)
  (3);
- a 0 % VAT line with its base (`VAT - Germany (0% on €588.00)  €0.00`) gave no tax (1);
- state and county sales tax between a subtotal and a total with a discount and shipping: only one tax (1);
- the buyer's VAT id in the column under `Bill to` taken as the vendor's (1);
- a SIRET printed in groups (`841 273 956 00018`) read as its first nine digits (1);
- a document title across a column gap on the name's row kept in a capitals name (`KEYSTONE ... CO.
  INVOICE`) or made the name a non-name (`Julien Marchand  FACTURE N° F2024-118`) (2);
- `PO 4500123` reported as `PO4500123`: the test compared a code's spacing; it now compares codes without
  spaces and names without case (1, a test fix, not an extraction fix).

Then six more invoices written after those fixes, as a check of them (an Austrian Rechnung with a cash
discount and a net term in one sentence, a Dutch creditnota with a refund sentence, an Italian fattura under
the regime forfettario with Rivalsa INPS and Marca da bollo, a garage's fattura from Ticino, a US invoice
with a remittance stub, a German Gutschrift): 3 of their 82 checks failed at first, all fixed:
- `innerhalb von 14 Tagen mit 2 % Skonto oder innerhalb von 30 Tagen netto` gave no due date (terms are
  now read clause by clause: the net term counts, the discount's does not) (1);
- `wordt binnen 14 dagen teruggestort` (a refund) gave a due date (lexicons' `refund_note`) (1);
- `Operazione in franchigia da IVA` was no `tax_exempt` phrase (1).

Then five more, on tax schemes with a twist (a Spanish factura with recargo de equivalencia and a debited
client account, a French facture with a deposit paid, a UK invoice with a CIS deduction, a Dutch factuur
with `BTW verlegd`, an Italian one under split payment): 6 of their 70 checks failed at first:
- `R.E. 5,2%` (the equivalence surcharge, a tax) and a bare `Net` (the UK net label) missing from the
  lexicons, which also made `Amount payable` after the CIS deduction the total (3: tax, net, total);
- the client's IBAN after `recibo domiciliado en` taken as the vendor's (a direct debit names the payer's
  account, lexicons' `direct_debit`; a candidate marked as the buyer's is no longer chosen at all) (1);
- `Pagamento: bonifico a 30 giorni d.f.`: `pagamento` was no payment-terms word (1);
- `MENUISERIE DURAND & FILS` over `SARL au capital de ...` read as `... FILS SARL`: the expectation was
  wrong, round 1 already reads a trade name with the legal form printed under it so (`Atelier Moreau
  SARL`); corrected in the test (1, no extraction change).

Then four more, on layouts (a German Rechnung whose totals block is on the left with each value printed
before its label, an Irish invoice with `Our ref` / `Your ref` and an `Amount (EUR)` column, a French
two-page facture with `À reporter` / `Report`, a Belgian facture with `TVA due par le cocontractant`):
5 of their 57 checks failed at first, all fixed:
- a totals block whose labels follow their values (`566,70 €   Warenwert netto`): no net, no tax (2);
- `Your ref` was no order-number label (1);
- the last group of a valid VAT id (`TVA BE 0472.918.352`) read as the tax, 352.00 (1);
- the sum carried over heading page 2 under the price columns (`Report  2 000,00`) ended the items (1).
"""

from __future__ import annotations

from datetime import date

import pytest
from schwifty import IBAN
from stdnum.ch import uid as ch_uid
from stdnum.es import cif as es_cif
from stdnum.es import dni as es_dni
from stdnum.eu import vat as eu_vat
from stdnum.fr import siret as fr_siret
from stdnum.gb import vat as gb_vat

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from tests.ocr_tasks.extraction.layout_pages import text_layer_page, text_layer_pages

TODAY = ExtractionOptions(today=date(2025, 6, 1))


def saas_invoice_ie():
    """An Irish SaaS company's invoice as Stripe prints it: `Invoice` title, Invoice number / Date of issue /
    Date due as label-value rows, seller and `Bill to` side by side with the buyer's e-mail and VAT id, a
    `€588.00 due March 19, 2024` headline, a Tax column, `Total excluding tax`, a 0 % reverse-charge VAT
    line, `Amount due`, the seller's VAT id in the footer, a page footer repeating the number and amount."""
    rows = [
        [("Invoice", 0.06), ("QUILLSTACK", 0.80)],
        [],
        [("Invoice number", 0.06), ("QS-8F3A2C1D-0007", 0.24)],
        [("Date of issue", 0.06), ("March 5, 2024", 0.24)],
        [("Date due", 0.06), ("March 19, 2024", 0.24)],
        [],
        [("Quillstack Ltd", 0.06), ("Bill to", 0.40)],
        [("2 Grand Canal Square", 0.06), ("Hofmann Design GmbH", 0.40)],
        [("Dublin 2", 0.06), ("Torstraße 140", 0.40)],
        [("D02 A342", 0.06), ("10119 Berlin", 0.40)],
        [("Ireland", 0.06), ("Germany", 0.40)],
        [("billing@quillstack.io", 0.06), ("anna.hofmann@hofmann-design.de", 0.40)],
        [("DE VAT DE281746396", 0.40)],
        [],
        [("€588.00 due March 19, 2024", 0.06)],
        [("Pay online", 0.06)],
        [],
        [("Description", 0.06), ("Qty", 0.56), ("Unit price", 0.64), ("Tax", 0.76), ("Amount", 0.86)],
        [("Quillstack Team plan", 0.06), ("5", 0.56), ("€98.00", 0.64), ("0% *", 0.76), ("€490.00", 0.86)],
        [("Mar 5 – Apr 5, 2024", 0.06)],
        [("Additional workspace", 0.06), ("2", 0.56), ("€49.00", 0.64), ("0% *", 0.76), ("€98.00", 0.86)],
        [("Mar 5 – Apr 5, 2024", 0.06)],
        [],
        [("Subtotal", 0.52), ("€588.00", 0.86)],
        [("Total excluding tax", 0.52), ("€588.00", 0.86)],
        [("VAT - Germany (0% on €588.00)", 0.52), ("€0.00", 0.87)],
        [("Total", 0.52), ("€588.00", 0.86)],
        [("Amount due", 0.52), ("€588.00", 0.86)],
        [],
        [("* Tax to be paid on reverse charge basis", 0.06)],
        [],
        [("Quillstack Ltd · Registered in Ireland No. 712345 · VAT IE9825613N", 0.06)],
        [("QS-8F3A2C1D-0007 · €588.00 due March 19, 2024", 0.06), ("Page 1 of 1", 0.82)],
    ]
    return text_layer_page(rows)


def kleinunternehmer_rechnung_de():
    """A Berlin photographer's Rechnung as a small business (Kleinunternehmer): letterhead right, the sender
    line over the address window, `Berlin, 12. März 2024` as the date, `Rechnung Nr. 2024-0815` as the
    title, a letter's salutation, no VAT (`Gemäß § 19 UStG ...`), a Steuernummer (no VAT id) and the bank
    in the footer, the due date in a sentence."""
    rows = [
        [("Lena Vogt Fotografie", 0.62)],
        [("Kastanienallee 12", 0.62)],
        [("10435 Berlin", 0.62)],
        [("Tel. 030 44 71 23 90", 0.62)],
        [("mail@lenavogt-foto.de", 0.62)],
        [],
        [("Lena Vogt Fotografie · Kastanienallee 12 · 10435 Berlin", 0.06)],
        [("Buchhandlung Seitenwind", 0.06)],
        [("Frau Petra Lorenz", 0.06)],
        [("Oderberger Straße 21", 0.06)],
        [("10437 Berlin", 0.06)],
        [],
        [("Berlin, 12. März 2024", 0.70)],
        [],
        [("Rechnung Nr. 2024-0815", 0.06)],
        [("Leistungszeitraum: Februar 2024", 0.06)],
        [],
        [("Sehr geehrte Frau Lorenz,", 0.06)],
        [("für meine Leistungen erlaube ich mir, Ihnen folgenden Betrag in Rechnung zu stellen:", 0.06)],
        [],
        [("Pos.", 0.06), ("Leistung", 0.12), ("Menge", 0.54), ("Einzelpreis", 0.64), ("Betrag", 0.84)],
        [
            ("1", 0.06),
            ("Produktfotografie Buchcover, Tagessatz", 0.12),
            ("1", 0.56),
            ("650,00 €", 0.65),
            ("650,00 €", 0.84),
        ],
        [
            ("2", 0.06),
            ("Bildbearbeitung, je Bild", 0.12),
            ("20", 0.56),
            ("10,00 €", 0.66),
            ("200,00 €", 0.84),
        ],
        [],
        [("Gesamtbetrag", 0.64), ("850,00 €", 0.84)],
        [],
        [("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.", 0.06)],
        [("Bitte überweisen Sie den Betrag bis zum 26. März 2024 auf das unten genannte Konto.", 0.06)],
        [],
        [("Mit freundlichen Grüßen", 0.06)],
        [("Lena Vogt", 0.06)],
        [],
        [("Lena Vogt · Steuernummer 13/245/67890 · Berliner Sparkasse", 0.06)],
        [("IBAN DE05 1005 0000 0190 1234 56 · BIC BELADEBEXXX", 0.06)],
    ]
    return text_layer_page(rows)


def auto_entrepreneur_facture_fr():
    """A Bordeaux web developer's facture as an auto-entrepreneur: `FACTURE N° F2024-118` as the title on
    the right, `Bordeaux, le 12 mars 2024`, `Destinataire :` block right, SIRET (no VAT id), no VAT
    (`TVA non applicable, art. 293 B du CGI`), Total HT = Net à payer, the late-payment fee of 40 € in the
    legal notes, the due date in words."""
    rows = [
        [("Julien Marchand", 0.06), ("FACTURE N° F2024-118", 0.62)],
        [("Développeur web – Entrepreneur individuel", 0.06)],
        [("8 rue des Lilas", 0.06)],
        [("33000 Bordeaux", 0.06)],
        [("SIRET : 841 273 956 00018", 0.06)],
        [("contact@jmarchand.dev", 0.06)],
        [],
        [("Destinataire :", 0.56)],
        [("Cave Saint-Émilion Distribution SARL", 0.56)],
        [("14 quai des Chartrons", 0.56)],
        [("33000 Bordeaux", 0.56)],
        [],
        [("Bordeaux, le 12 mars 2024", 0.56)],
        [],
        [("Prestation", 0.06), ("Quantité", 0.50), ("Prix unitaire", 0.62), ("Montant", 0.84)],
        [
            ("Développement du site vitrine (forfait)", 0.06),
            ("1", 0.52),
            ("1 200,00 €", 0.63),
            ("1 200,00 €", 0.83),
        ],
        [("Maintenance mensuelle – mars 2024", 0.06), ("1", 0.52), ("90,00 €", 0.65), ("90,00 €", 0.85)],
        [],
        [("Total HT", 0.62), ("1 290,00 €", 0.83)],
        [("Net à payer", 0.62), ("1 290,00 €", 0.83)],
        [],
        [("TVA non applicable, art. 293 B du CGI", 0.06)],
        [("Date d'échéance : 11 avril 2024", 0.06)],
        [("Règlement par virement : IBAN FR76 3000 4008 2100 0101 2345 602 – BIC BNPAFRPPXXX", 0.06)],
        [("En cas de retard de paiement, indemnité forfaitaire pour frais de recouvrement : 40 €.", 0.06)],
    ]
    return text_layer_page(rows)


def wholesaler_rechnung_two_rates_de():
    """A Hamburg delicatessen wholesaler's Rechnung: a header table (labels in one row, values in the row
    under it: Rechnungs-Nr. | Datum | Kunden-Nr. | Lieferschein-Nr. | Seite), items at 7 % and 19 % with an
    article number column, a per-rate table (Netto | USt-Satz | USt | Brutto) with a sum row, then
    `Rechnungsbetrag EUR`, company data in the footer."""
    rows = [
        [("FEINKOST HANSEN", 0.06)],
        [("Großhandel für Gastronomie", 0.06)],
        [],
        [("Feinkost Hansen GmbH · Großmarktstraße 7 · 20457 Hamburg", 0.06)],
        [("Restaurant Elbblick", 0.06)],
        [("Herrn Thomas Krüger", 0.06)],
        [("Övelgönne 28", 0.06)],
        [("22605 Hamburg", 0.06)],
        [],
        [("Rechnung", 0.06)],
        [
            ("Rechnungs-Nr.", 0.06),
            ("Datum", 0.22),
            ("Kunden-Nr.", 0.36),
            ("Lieferschein-Nr.", 0.50),
            ("Seite", 0.70),
        ],
        [("RE240317", 0.06), ("14.03.2024", 0.22), ("10552", 0.36), ("LS-88412", 0.50), ("1 / 1", 0.70)],
        [],
        [
            ("Pos", 0.06),
            ("Art.-Nr.", 0.10),
            ("Bezeichnung", 0.19),
            ("Menge", 0.52),
            ("Einh.", 0.59),
            ("Preis", 0.66),
            ("USt", 0.75),
            ("Betrag", 0.86),
        ],
        [
            ("1", 0.06),
            ("40110", 0.10),
            ("Olivenöl extra vergine 5 l", 0.19),
            ("4", 0.53),
            ("Kan.", 0.59),
            ("38,50", 0.66),
            ("7 %", 0.75),
            ("154,00", 0.86),
        ],
        [
            ("2", 0.06),
            ("40287", 0.10),
            ("Parmigiano Reggiano 24 Mon.", 0.19),
            ("6", 0.53),
            ("kg", 0.59),
            ("21,90", 0.66),
            ("7 %", 0.75),
            ("131,40", 0.86),
        ],
        [
            ("3", 0.06),
            ("90012", 0.10),
            ("Servietten 3-lagig, Karton", 0.19),
            ("2", 0.53),
            ("Ktn.", 0.59),
            ("24,75", 0.66),
            ("19 %", 0.75),
            ("49,50", 0.87),
        ],
        [
            ("4", 0.06),
            ("90044", 0.10),
            ("Spülmittel Gastro 10 l", 0.19),
            ("1", 0.53),
            ("Kan.", 0.59),
            ("32,00", 0.66),
            ("19 %", 0.75),
            ("32,00", 0.87),
        ],
        [],
        [("Netto", 0.40), ("USt-Satz", 0.54), ("USt", 0.70), ("Brutto", 0.84)],
        [("285,40", 0.40), ("7 %", 0.55), ("19,98", 0.70), ("305,38", 0.84)],
        [("81,50", 0.41), ("19 %", 0.54), ("15,49", 0.70), ("96,99", 0.85)],
        [("366,90", 0.40), ("35,47", 0.70), ("402,37", 0.84)],
        [],
        [("Rechnungsbetrag EUR", 0.54), ("402,37", 0.84)],
        [],
        [("Zahlbar bis 28.03.2024 ohne Abzug.", 0.06)],
        [],
        [("Feinkost Hansen GmbH · Sitz Hamburg · Amtsgericht Hamburg HRB 123456", 0.06)],
        [("Geschäftsführer: Jan Hansen", 0.06)],
        [("USt-IdNr. DE314627583 · Hamburger Sparkasse", 0.06)],
        [("IBAN DE34 2005 0550 1234 5678 90 · BIC HASPDEHHXXX", 0.06)],
    ]
    return text_layer_page(rows)


def _electrician_footer():
    return [
        [
            (
                "Elektro Schuster GmbH · Leopoldstraße 150 · 80804 München · HRB 201234 Amtsgericht München",
                0.06,
            )
        ],
        [("USt-IdNr. DE265918347 · Stadtsparkasse München · IBAN DE02 7015 0000 1004 5123 45", 0.06)],
    ]


def two_page_rechnung_carried_forward_de():
    """A Munich electrician's two-page Rechnung: items run over the page break, `Übertrag` closes page 1 and
    opens page 2 (which repeats the number in a small header), totals only on the last page, the footer
    with VAT id and IBAN on both pages."""
    item_header = [
        ("Pos.", 0.06),
        ("Bezeichnung", 0.12),
        ("Menge", 0.54),
        ("Einh.", 0.61),
        ("E-Preis", 0.68),
        ("Gesamt", 0.85),
    ]

    def item(pos, text, qty, unit, price, amount):
        return [
            (pos, 0.06),
            (text, 0.12),
            (qty, 0.55),
            (unit, 0.61),
            (price, 0.68),
            (amount, 0.85),
        ]

    page_1 = [
        [("Elektro Schuster GmbH", 0.60)],
        [("Leopoldstraße 150", 0.60)],
        [("80804 München", 0.60)],
        [("Tel. 089 36 10 45 0", 0.60)],
        [],
        [("Elektro Schuster GmbH · Leopoldstraße 150 · 80804 München", 0.06)],
        [("Bauträger Isarbogen GmbH & Co. KG", 0.06)],
        [("Bauleitung Herr Öztürk", 0.06)],
        [("Werinherstraße 91", 0.06)],
        [("81541 München", 0.06)],
        [],
        [("Rechnung 2024-1177", 0.06), ("Datum: 18.04.2024", 0.70)],
        [("Bauvorhaben: Wohnanlage Isarbogen, Haus C", 0.06), ("Kunden-Nr.: 3310", 0.70)],
        [],
        item_header,
        item("1", "NYM-J 3x1,5 mm², Ring 100 m", "3", "Ring", "62,40", "187,20"),
        item("2", "Unterputzdose 60 mm", "50", "Stk.", "0,48", "24,00"),
        item("3", "Schuko-Steckdose reinweiß", "24", "Stk.", "6,90", "165,60"),
        item("4", "Wechselschalter reinweiß", "12", "Stk.", "7,80", "93,60"),
        item("5", "Sicherungsautomat B16 1-polig", "18", "Stk.", "4,95", "89,10"),
        item("6", "FI-Schutzschalter 40 A 30 mA 4-polig", "2", "Stk.", "48,50", "97,00"),
        item("7", "Zählerschrank 3 Felder, komplett", "1", "Stk.", "689,00", "689,00"),
        item("8", "Montage Elektriker", "16", "Std.", "58,00", "928,00"),
        [],
        [("Übertrag", 0.68), ("2.273,50", 0.84)],
        [],
        *_electrician_footer(),
    ]
    page_2 = [
        [("Rechnung 2024-1177 · Seite 2 von 2", 0.06)],
        [],
        item_header,
        [("Übertrag", 0.68), ("2.273,50", 0.84)],
        item("9", "Montage Helfer", "16", "Std.", "42,00", "672,00"),
        item("10", "Anfahrtspauschale", "4", "Stk.", "35,00", "140,00"),
        item("11", "Kleinmaterial", "1", "psch.", "45,00", "45,00"),
        [],
        [("Nettobetrag", 0.60), ("3.130,50 €", 0.83)],
        [("zzgl. 19 % MwSt.", 0.60), ("594,80 €", 0.84)],
        [("Gesamtbetrag", 0.60), ("3.725,30 €", 0.83)],
        [],
        [("Zahlbar innerhalb von 30 Tagen ohne Abzug.", 0.06)],
        [],
        *_electrician_footer(),
    ]
    return text_layer_pages([page_1, page_2])


def factura_irpf_es():
    """A Madrid translator's factura as an autónoma: `FACTURA` top right, her name and NIF (a DNI) as the
    letterhead, Número de factura / Fecha de expedición / Fecha de vencimiento with dates in words,
    `Facturar a:` with the client's CIF, Base imponible / IVA / Total factura, then the IRPF retention and
    `Líquido a percibir` (the amount to pay: base + IVA - IRPF)."""
    rows = [
        [("Laura Gómez Martín", 0.06), ("FACTURA", 0.76)],
        [("Traductora e intérprete jurada", 0.06)],
        [("C/ de Alcalá 155, 3º B", 0.06)],
        [("28009 Madrid", 0.06)],
        [("NIF: 47382916H", 0.06)],
        [],
        [("Número de factura:", 0.52), ("2024-015", 0.72)],
        [("Fecha de expedición:", 0.52), ("12 de marzo de 2024", 0.72)],
        [("Fecha de vencimiento:", 0.52), ("11 de abril de 2024", 0.72)],
        [],
        [("Facturar a:", 0.06)],
        [("Editorial Cierzo, S.L.", 0.06)],
        [("Paseo de la Independencia 24", 0.06)],
        [("50004 Zaragoza", 0.06)],
        [("CIF: B86472131", 0.06)],
        [],
        [("Concepto", 0.06), ("Cantidad", 0.52), ("Precio", 0.66), ("Total", 0.84)],
        [
            ("Traducción jurada de contrato (palabras)", 0.06),
            ("2.500", 0.52),
            ("0,12 €", 0.66),
            ("300,00 €", 0.83),
        ],
        [
            ("Traducción editorial, capítulos 1 a 4", 0.06),
            ("1", 0.54),
            ("700,00 €", 0.64),
            ("700,00 €", 0.83),
        ],
        [],
        [("Base imponible", 0.56), ("1.000,00 €", 0.82)],
        [("IVA (21 %)", 0.56), ("210,00 €", 0.83)],
        [("Total factura", 0.56), ("1.210,00 €", 0.82)],
        [("Retención IRPF (15 %)", 0.56), ("-150,00 €", 0.82)],
        [("Líquido a percibir", 0.56), ("1.060,00 €", 0.82)],
        [],
        [("Forma de pago: transferencia bancaria a la cuenta ES70 0049 1500 0105 1234 5678", 0.06)],
    ]
    return text_layer_page(rows)


def electricity_bill_de():
    """A municipal utility's annual electricity bill: the account box right (Kundennummer, Vertragskonto,
    Rechnungsnummer, Rechnungsdatum), an Abrechnungszeitraum that is no invoice date, a meter number, unit
    prices with four decimals, netto / USt / brutto, the advance payments deducted (`abzüglich geleistete
    Abschläge`), `Zu zahlender Betrag`, the debit date in a sentence with the customer's masked IBAN,
    the utility's own IBAN in the footer."""
    rows = [
        [("Stadtwerke Lindenau GmbH", 0.06), ("Kundennummer", 0.58), ("200145887", 0.78)],
        [("Postfach 11 20 · 04177 Leipzig", 0.06), ("Vertragskonto", 0.58), ("8100234567", 0.78)],
        [("Rechnungsnummer", 0.58), ("31002457731", 0.78)],
        [("Stadtwerke Lindenau GmbH · Postfach 11 20 · 04177 Leipzig", 0.06), ("Rechnungsdatum", 0.58)],
        [("Herrn", 0.06), ("15.01.2025", 0.78)],
        [("Michael Wendt", 0.06)],
        [("Lützner Straße 88", 0.06)],
        [("04177 Leipzig", 0.06)],
        [],
        [("Ihre Jahresverbrauchsabrechnung Strom", 0.06)],
        [("Abrechnungszeitraum 01.01.2024 - 31.12.2024", 0.06)],
        [("Verbrauchsstelle: Lützner Straße 88, 04177 Leipzig · Zähler-Nr. 1ESY1160123456", 0.06)],
        [],
        [("Position", 0.06), ("Zeitraum", 0.26), ("Menge", 0.50), ("Preis", 0.64), ("Betrag netto", 0.80)],
        [
            ("Arbeitspreis", 0.06),
            ("01.01.2024 - 31.12.2024", 0.26),
            ("2.850 kWh", 0.50),
            ("0,2840 €/kWh", 0.62),
            ("809,40 €", 0.82),
        ],
        [
            ("Grundpreis", 0.06),
            ("01.01.2024 - 31.12.2024", 0.26),
            ("12 Monate", 0.50),
            ("11,50 €/Monat", 0.62),
            ("138,00 €", 0.82),
        ],
        [],
        [("Rechnungsbetrag netto", 0.50), ("947,40 €", 0.82)],
        [("Umsatzsteuer 19 %", 0.50), ("180,01 €", 0.82)],
        [("Rechnungsbetrag brutto", 0.50), ("1.127,41 €", 0.81)],
        [("abzüglich geleistete Abschläge", 0.50), ("-1.020,00 €", 0.80)],
        [("Zu zahlender Betrag", 0.50), ("107,41 €", 0.82)],
        [],
        [("Der Betrag wird am 29.01.2025 von Ihrem Konto DE12 **** **** **** **34 56 abgebucht.", 0.06)],
        [("Ihr neuer monatlicher Abschlag ab Februar 2025: 90,00 €", 0.06)],
        [],
        [("Stadtwerke Lindenau GmbH · Sitz Leipzig · Amtsgericht Leipzig HRB 4567", 0.06)],
        [("USt-IdNr. DE147295835", 0.06)],
        [("Sparkasse Leipzig · IBAN DE24 8605 5592 1100 2233 44 · BIC WELADE8LXXX", 0.06)],
    ]
    return text_layer_page(rows)


def factuur_with_deposit_nl():
    """A Rotterdam kitchen studio's factuur: a brand as the letterhead right, the private customer left,
    `FACTUUR 2024-1042` as the title, Datum / Vervaldatum in words, a quotation reference, amounts excl.
    btw, a deposit already paid (`Reeds betaald (aanbetaling 12-01-2024)`), `Openstaand bedrag`, the legal
    name with KvK, btw-id and IBAN in the footer."""
    rows = [
        [("KEUKENSTUDIO MAASLAND", 0.62)],
        [("Havenstraat 41", 0.62)],
        [("3011 AB Rotterdam", 0.62)],
        [("info@keukenstudiomaasland.nl", 0.62)],
        [],
        [("Fam. J. Bakker", 0.06)],
        [("Lindelaan 7", 0.06)],
        [("2991 CD Barendrecht", 0.06)],
        [],
        [("FACTUUR 2024-1042", 0.06)],
        [("Datum:", 0.06), ("12 maart 2024", 0.22)],
        [("Vervaldatum:", 0.06), ("26 maart 2024", 0.22)],
        [("Uw referentie:", 0.06), ("offerte OF-2023-388", 0.22)],
        [],
        [("Omschrijving", 0.06), ("Aantal", 0.48), ("Prijs excl. btw", 0.58), ("Totaal excl. btw", 0.78)],
        [("Keukenblok eiken 320 cm", 0.06), ("1", 0.50), ("6.450,00", 0.60), ("6.450,00", 0.82)],
        [("Inbouwapparatuur (set)", 0.06), ("1", 0.50), ("3.200,00", 0.60), ("3.200,00", 0.82)],
        [("Montage en aansluiten", 0.06), ("1", 0.50), ("850,00", 0.62), ("850,00", 0.84)],
        [],
        [("Subtotaal excl. btw", 0.50), ("€ 10.500,00", 0.80)],
        [("Btw 21%", 0.50), ("€ 2.205,00", 0.81)],
        [("Totaal incl. btw", 0.50), ("€ 12.705,00", 0.80)],
        [("Reeds betaald (aanbetaling 12-01-2024)", 0.50), ("€ -5.000,00", 0.80)],
        [("Openstaand bedrag", 0.50), ("€ 7.705,00", 0.81)],
        [],
        [("Wij verzoeken u het openstaande bedrag vóór de vervaldatum over te maken.", 0.06)],
        [],
        [("Keukenstudio Maasland B.V. · KvK 24387615 · Btw-id NL814627390B01", 0.06)],
        [("IBAN NL98 RABO 0327 6415 93 · BIC RABONL2U", 0.06)],
    ]
    return text_layer_page(rows)


def factuur_be_structured_communication():
    """A Ghent printer's factuur in Dutch (Belgium): Ondernemingsnummer and BTW in the letterhead, `Aan:`
    with the client's BTW number right, a header table (Factuurnummer | Factuurdatum | Vervaldag |
    Klantnummer), `Maatstaf van heffing`, amounts with `EUR` after them, `Totaal te betalen`, the IBAN and a
    structured communication in one sentence."""
    rows = [
        [("Drukkerij Vanhove BV", 0.06)],
        [("Kortrijksesteenweg 212", 0.06)],
        [("9000 Gent", 0.06)],
        [("Ondernemingsnummer 0836.412.786", 0.06)],
        [("BTW BE 0836.412.786 · RPR Gent", 0.06)],
        [],
        [("Aan:", 0.56)],
        [("Brouwerij De Leie CV", 0.56)],
        [("Leiestraat 3", 0.56)],
        [("8500 Kortrijk", 0.56)],
        [("BTW BE 0458.236.116", 0.56)],
        [],
        [("FACTUUR", 0.06)],
        [("Factuurnummer", 0.06), ("Factuurdatum", 0.26), ("Vervaldag", 0.46), ("Klantnummer", 0.64)],
        [("FV24/00213", 0.06), ("15/03/2024", 0.26), ("14/04/2024", 0.46), ("C-1187", 0.64)],
        [],
        [
            ("Omschrijving", 0.06),
            ("Aantal", 0.46),
            ("Eenheidsprijs", 0.55),
            ("BTW", 0.69),
            ("Bedrag excl. btw", 0.78),
        ],
        [
            ("Etiketten 33 cl, rol van 1000", 0.06),
            ("25", 0.47),
            ("38,00", 0.57),
            ("21%", 0.69),
            ("950,00 EUR", 0.80),
        ],
        [
            ("Dozen golfkarton, 24 flessen", 0.06),
            ("400", 0.46),
            ("1,15", 0.58),
            ("21%", 0.69),
            ("460,00 EUR", 0.80),
        ],
        [],
        [("Maatstaf van heffing", 0.50), ("1.410,00 EUR", 0.79)],
        [("BTW 21%", 0.50), ("296,10 EUR", 0.80)],
        [("Totaal te betalen", 0.50), ("1.706,10 EUR", 0.79)],
        [],
        [("Gelieve te betalen op rekening BE52 0682 5437 1009 (BIC GKCCBEBB)", 0.06)],
        [("met gestructureerde mededeling +++240/3150/42765+++", 0.06)],
    ]
    return text_layer_page(rows)


def facture_lu_totals_left():
    """A Luxembourg joiner's facture: the letterhead centred, `Facture no 24-0087` left and
    `Strassen, le 20 mars 2024` right on one row, the client on one line after `Client :`, amounts with
    `EUR` after them, the totals block on the LEFT with the bank details in a box on the right at the same
    height, LU VAT 17 %, RCS and VAT id in the footer."""
    rows = [
        [("Menuiserie Weber S.à r.l.", 0.38)],
        [("26, route d'Arlon · L-8009 Strassen · Tél. +352 31 45 67", 0.27)],
        [],
        [],
        [("Facture no 24-0087", 0.06), ("Strassen, le 20 mars 2024", 0.62)],
        [],
        [("Client : Hôtel du Parc S.A., 4, rue de la Gare, L-9053 Ettelbruck", 0.06)],
        [("Votre commande du 01.03.2024", 0.06)],
        [],
        [("Désignation", 0.06), ("Qté", 0.50), ("Prix unit.", 0.58), ("Montant", 0.80)],
        [("Portes intérieures chêne massif", 0.06), ("8", 0.51), ("412,50", 0.58), ("3.300,00 EUR", 0.78)],
        [("Pose et ajustage (heures)", 0.06), ("14", 0.50), ("55,00", 0.59), ("770,00 EUR", 0.80)],
        [],
        [("Montant hors TVA", 0.06), ("4.070,00 EUR", 0.28), ("Coordonnées bancaires", 0.58)],
        [("TVA 17 %", 0.06), ("691,90 EUR", 0.30), ("BCEE", 0.58)],
        [("Montant TTC", 0.06), ("4.761,90 EUR", 0.28), ("IBAN LU28 0019 4006 4475 0000", 0.58)],
        [("BIC BCEELULL", 0.58)],
        [],
        [("Payable dans les 30 jours, sans escompte.", 0.06)],
        [],
        [("RCS Luxembourg B 123456 · TVA LU26184709 · Autorisation d'établissement 10012345", 0.06)],
    ]
    return text_layer_page(rows)


def us_invoice_state_and_county_tax():
    """A Pittsburgh janitorial supplier's invoice: letterhead left and INVOICE right with a label box,
    dates in words, SOLD TO / SHIP TO side by side, an item-number column and units (CS, EA), a discount,
    shipping & handling, state and county sales tax on separate lines, `PLEASE PAY THIS AMOUNT`, and a
    REMIT TO lockbox address different from the letterhead."""
    rows = [
        [("KEYSTONE JANITORIAL SUPPLY CO.", 0.06), ("INVOICE", 0.76)],
        [("3100 Liberty Avenue", 0.06)],
        [("Pittsburgh, PA 15201", 0.06), ("Invoice No.", 0.56), ("KJS-240311", 0.74)],
        [("Phone (412) 555-0147", 0.06), ("Invoice Date", 0.56), ("March 11, 2024", 0.74)],
        [("Customer ID", 0.56), ("C-20931", 0.74)],
        [("Terms", 0.56), ("Net 15", 0.74)],
        [],
        [("SOLD TO", 0.06), ("SHIP TO", 0.44)],
        [("Three Rivers Medical Offices PC", 0.06), ("Three Rivers Medical Offices PC", 0.44)],
        [("Accounts Payable", 0.06), ("Building B, Loading Dock", 0.44)],
        [("600 Grant Street, Suite 1200", 0.06), ("4410 Penn Avenue", 0.44)],
        [("Pittsburgh, PA 15219", 0.06), ("Pittsburgh, PA 15224", 0.44)],
        [],
        [
            ("Item #", 0.06),
            ("Description", 0.16),
            ("Qty", 0.52),
            ("Unit", 0.58),
            ("Unit Price", 0.66),
            ("Ext. Price", 0.82),
        ],
        [
            ("JS-101", 0.06),
            ("Nitrile gloves, L, case of 1000", 0.16),
            ("6", 0.53),
            ("CS", 0.58),
            ("84.00", 0.68),
            ("504.00", 0.84),
        ],
        [
            ("JS-220", 0.06),
            ("Paper towels, multifold, 16 pk", 0.16),
            ("10", 0.52),
            ("CS", 0.58),
            ("31.50", 0.68),
            ("315.00", 0.84),
        ],
        [
            ("JS-315", 0.06),
            ("Disinfectant concentrate, 1 gal", 0.16),
            ("12", 0.52),
            ("EA", 0.58),
            ("18.75", 0.68),
            ("225.00", 0.84),
        ],
        [],
        [("Subtotal", 0.58), ("1,044.00", 0.83)],
        [("Discount (5%)", 0.58), ("-52.20", 0.84)],
        [("Shipping & Handling", 0.58), ("45.00", 0.85)],
        [("PA Sales Tax 6%", 0.58), ("59.51", 0.85)],
        [("Allegheny County Tax 1%", 0.58), ("9.92", 0.86)],
        [("TOTAL", 0.58), ("$1,106.23", 0.82)],
        [],
        [("PLEASE PAY THIS AMOUNT", 0.50), ("$1,106.23", 0.82)],
        [],
        [("REMIT TO:", 0.06)],
        [("Keystone Janitorial Supply Co.", 0.06)],
        [("P.O. Box 642118", 0.06)],
        [("Pittsburgh, PA 15264-2118", 0.06)],
        [],
        [("Past due balances are subject to a finance charge of 1.5% per month.", 0.06)],
    ]
    return text_layer_page(rows)


def credit_note_uk():
    """A Manchester stationer's credit note: `CREDIT NOTE` left, letterhead right with the VAT number,
    Credit Note No. / Date / Original invoice / Original invoice date as label-value rows, `Customer:`
    block, a reason, positive amounts under credit wordings (Total net credit, Total credit)."""
    rows = [
        [("CREDIT NOTE", 0.06), ("Harrow & Finch Stationers Ltd", 0.60)],
        [("41 Deansgate", 0.60)],
        [("Manchester M3 2BW", 0.60)],
        [("VAT No: GB 384 7162 29", 0.60)],
        [],
        [("Credit Note No:", 0.06), ("CN-1002", 0.28)],
        [("Date:", 0.06), ("28 March 2024", 0.28)],
        [("Original invoice:", 0.06), ("INV-0998", 0.28)],
        [("Original invoice date:", 0.06), ("14 March 2024", 0.28)],
        [],
        [("Customer:", 0.06)],
        [("Pennine Architects LLP", 0.06)],
        [("12 Whitworth Street", 0.06)],
        [("Manchester M1 3NR", 0.06)],
        [],
        [("Reason: goods returned damaged in transit", 0.06)],
        [],
        [("Description", 0.06), ("Qty", 0.50), ("Unit price", 0.58), ("VAT rate", 0.70), ("Net", 0.84)],
        [
            ("A3 drawing paper 120 gsm, ream", 0.06),
            ("4", 0.51),
            ("£18.50", 0.58),
            ("20%", 0.71),
            ("£74.00", 0.84),
        ],
        [("Technical pen set", 0.06), ("1", 0.51), ("£46.00", 0.58), ("20%", 0.71), ("£46.00", 0.84)],
        [],
        [("Total net credit", 0.58), ("£120.00", 0.83)],
        [("VAT @ 20%", 0.58), ("£24.00", 0.84)],
        [("Total credit", 0.58), ("£144.00", 0.83)],
        [],
        [("This amount has been credited to your account and will be set against future invoices.", 0.06)],
        [("Harrow & Finch Stationers Ltd · Registered in England No. 04512398", 0.06)],
    ]
    return text_layer_page(rows)


def reverse_charge_rechnung_de():
    """A Stuttgart consultancy's invoice to an Austrian customer: the letterhead centred, the customer's
    block left with `UID-Nr.` under it, a right box with the vendor's own USt-IdNr., the number in the
    title (`Rechnung RE-2024-0412`), day rates, 0 % VAT and the reverse-charge note (Steuerschuldnerschaft
    des Leistungsempfängers)."""
    rows = [
        [("Datenwerk Consulting GmbH", 0.38)],
        [("Königstraße 28 · 70173 Stuttgart · www.datenwerk-consulting.de", 0.26)],
        [],
        [("Datenwerk Consulting GmbH · Königstraße 28 · 70173 Stuttgart", 0.06)],
        [("Tiroler Bergbahnen Service GmbH", 0.06), ("Rechnungsdatum", 0.60), ("02.04.2024", 0.80)],
        [("z. Hd. Frau Mag. Eva Hofer", 0.06), ("Leistungszeitraum", 0.60), ("März 2024", 0.80)],
        [("Maria-Theresien-Straße 12", 0.06), ("Ihre Bestellung", 0.60), ("PO 4500123", 0.80)],
        [("6020 Innsbruck", 0.06), ("Unsere USt-IdNr.", 0.60), ("DE265918347", 0.80)],
        [("Österreich", 0.06)],
        [("UID-Nr.: ATU57382914", 0.06)],
        [],
        [("Rechnung RE-2024-0412", 0.06)],
        [],
        [("Pos.", 0.06), ("Leistung", 0.12), ("Tage", 0.56), ("Tagessatz", 0.64), ("Betrag", 0.84)],
        [
            ("1", 0.06),
            ("Beratung Datenmigration SAP S/4HANA", 0.12),
            ("6", 0.57),
            ("1.050,00", 0.64),
            ("6.300,00", 0.83),
        ],
        [("2", 0.06), ("Workshop Schulung vor Ort", 0.12), ("1", 0.57), ("900,00", 0.65), ("900,00", 0.84)],
        [],
        [("Nettobetrag", 0.56), ("7.200,00 €", 0.82)],
        [("Umsatzsteuer 0 %", 0.56), ("0,00 €", 0.85)],
        [("Rechnungsbetrag", 0.56), ("7.200,00 €", 0.82)],
        [],
        [("Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, Art. 196 MwStSystRL).", 0.06)],
        [("Zahlbar bis 02.05.2024 ohne Abzug.", 0.06)],
        [],
        [("Datenwerk Consulting GmbH · Amtsgericht Stuttgart HRB 765432 · BW-Bank", 0.06)],
        [("IBAN DE07 6005 0101 7421 9023 56 · BIC SOLADEST600", 0.06)],
    ]
    return text_layer_page(rows)


def nota_di_credito_it():
    """A Como silk mill's nota di credito: `Cod. Fisc. e P.IVA` and `Cap. Soc. € 500.000,00 i.v.` in the
    letterhead, `Spett.le` block right with the client's P.IVA, `Como, 28 marzo 2024`, `NOTA DI CREDITO N.
    12/NC`, a reference to the invoice it corrects, a discount column, `Totale nota di credito`, the bank in
    the footer."""
    rows = [
        [("Tessitura Brambilla S.p.A.", 0.06)],
        [("Via dell'Industria 18 - 22100 Como (CO)", 0.06)],
        [("Cod. Fisc. e P.IVA 02857190462", 0.06)],
        [("Cap. Soc. € 500.000,00 i.v. - REA CO-123456", 0.06)],
        [],
        [("Spett.le", 0.56)],
        [("Boutique Lucia di Rossi Lucia", 0.56)],
        [("Via Montenapoleone 9", 0.56)],
        [("20121 Milano (MI)", 0.56)],
        [("P.IVA 04739120584", 0.56)],
        [],
        [("Como, 28 marzo 2024", 0.06)],
        [("NOTA DI CREDITO N. 12/NC", 0.06)],
        [("Rif. fattura n. 245 del 15/03/2024", 0.06)],
        [("Causale: reso merce difettosa", 0.06)],
        [],
        [
            ("Codice", 0.06),
            ("Descrizione", 0.15),
            ("Q.tà", 0.48),
            ("Prezzo", 0.55),
            ("Sconto", 0.64),
            ("Importo", 0.74),
            ("IVA", 0.88),
        ],
        [
            ("SE-440", 0.06),
            ("Foulard seta stampata", 0.15),
            ("5", 0.49),
            ("38,00", 0.55),
            ("10%", 0.65),
            ("171,00", 0.75),
            ("22", 0.88),
        ],
        [
            ("CA-120", 0.06),
            ("Sciarpa cashmere", 0.15),
            ("2", 0.49),
            ("95,00", 0.55),
            ("190,00", 0.75),
            ("22", 0.88),
        ],
        [],
        [("Imponibile", 0.56), ("361,00", 0.82)],
        [("IVA 22%", 0.56), ("79,42", 0.83)],
        [("Totale nota di credito", 0.56), ("€ 440,42", 0.80)],
        [],
        [("Banca d'appoggio: Intesa Sanpaolo - IBAN IT67 P030 6909 6060 0000 0012 345", 0.06)],
    ]
    return text_layer_page(rows)


def facture_ch_with_qr_bill():
    """A Geneva watchmaker's facture in French: IDE/TVA `CHE-...TVA`, a private customer with `Monsieur`,
    `Genève, le 12 mars 2024`, `Facture n° 2024-0057`, CHF with dot decimals, TVA 8.1 %, then the QR-bill
    payment part (Récépissé / Section paiement, Compte / Payable à, Monnaie / Montant above their values)."""
    rows = [
        [("Atelier Horloger Favre Sàrl", 0.06)],
        [("Rue du Rhône 48", 0.06)],
        [("1204 Genève", 0.06)],
        [("IDE/TVA : CHE-109.473.629 TVA", 0.06)],
        [],
        [("Monsieur", 0.56)],
        [("Pierre Dufour", 0.56)],
        [("Chemin des Crêts 5", 0.56)],
        [("1218 Le Grand-Saconnex", 0.56)],
        [],
        [("Genève, le 12 mars 2024", 0.56)],
        [("Facture n° 2024-0057", 0.06)],
        [("Concerne : révision de votre montre automatique", 0.06)],
        [],
        [("Désignation", 0.06), ("Qté", 0.52), ("Prix CHF", 0.62), ("Total CHF", 0.80)],
        [("Révision complète mouvement automatique", 0.06), ("1", 0.53), ("480.00", 0.63), ("480.00", 0.81)],
        [("Remplacement verre saphir", 0.06), ("1", 0.53), ("160.00", 0.63), ("160.00", 0.81)],
        [("Bracelet cuir alligator", 0.06), ("1", 0.53), ("210.00", 0.63), ("210.00", 0.81)],
        [],
        [("Total HT", 0.56), ("850.00", 0.81)],
        [("TVA 8.1 %", 0.56), ("68.85", 0.82)],
        [("Total TTC CHF", 0.56), ("918.85", 0.81)],
        [],
        [("Payable à 30 jours net.", 0.06)],
        [],
        [("Récépissé", 0.06), ("Section paiement", 0.36)],
        [("Compte / Payable à", 0.06), ("Compte / Payable à", 0.60)],
        [("CH09 0078 8000 0505 1234 5", 0.06), ("CH09 0078 8000 0505 1234 5", 0.60)],
        [("Atelier Horloger Favre Sàrl", 0.06), ("Atelier Horloger Favre Sàrl", 0.60)],
        [("Rue du Rhône 48", 0.06), ("Rue du Rhône 48", 0.60)],
        [("1204 Genève", 0.06), ("1204 Genève", 0.60)],
        [("Payable par", 0.06), ("Payable par", 0.60)],
        [("Pierre Dufour", 0.06), ("Pierre Dufour", 0.60)],
        [("Monnaie", 0.06), ("Montant", 0.16), ("Monnaie", 0.36), ("Montant", 0.46)],
        [("CHF", 0.06), ("918.85", 0.16), ("CHF", 0.36), ("918.85", 0.46)],
    ]
    return text_layer_page(rows)


def rechnung_with_cash_discount_terms_at():
    """An Austrian joiner's Rechnung (sole trader, `e.U.`): a slashed number, quantity and unit before the
    description, `20 % USt` with the rate first, terms with a cash discount and a net term in one sentence
    (`innerhalb von 14 Tagen mit 2 % Skonto oder innerhalb von 30 Tagen netto`)."""
    rows = [
        [("Tischlerei Gruber e.U.", 0.06)],
        [("Hauptstraße 5", 0.06)],
        [("4020 Linz", 0.06)],
        [("UID: ATU64192830", 0.06)],
        [],
        [("Kunde:", 0.06)],
        [("Bäckerei Huber OG", 0.06)],
        [("Landstraße 12", 0.06)],
        [("4020 Linz", 0.06)],
        [],
        [("RECHNUNG", 0.06)],
        [
            ("Rechnungsnr.: 2024/031", 0.06),
            ("Rechnungsdatum: 05.03.2024", 0.36),
            ("Leistungsdatum: 29.02.2024", 0.66),
        ],
        [],
        [
            ("Pos", 0.06),
            ("Menge", 0.11),
            ("Einheit", 0.18),
            ("Bezeichnung", 0.27),
            ("Einzelpreis", 0.64),
            ("Gesamtpreis", 0.80),
        ],
        [
            ("1", 0.06),
            ("1", 0.12),
            ("Stk", 0.18),
            ("Verkaufstheke Eiche, 3 m", 0.27),
            ("2.400,00", 0.65),
            ("2.400,00", 0.81),
        ],
        [
            ("2", 0.06),
            ("6", 0.12),
            ("Std", 0.18),
            ("Montage vor Ort", 0.27),
            ("65,00", 0.67),
            ("390,00", 0.83),
        ],
        [],
        [("Summe netto", 0.60), ("2.790,00", 0.81)],
        [("20 % USt", 0.60), ("558,00", 0.83)],
        [("Rechnungsbetrag", 0.60), ("€ 3.348,00", 0.79)],
        [],
        [("Zahlbar innerhalb von 14 Tagen mit 2 % Skonto oder innerhalb von 30 Tagen netto.", 0.06)],
        [("Bankverbindung: Sparkasse Oberösterreich · IBAN AT14 2032 0321 0001 2345", 0.06)],
    ]
    return text_layer_page(rows)


def creditnota_nl():
    """A Westland grower's creditnota: `CREDITNOTA`, Creditnotanummer / Datum in words, the invoice it
    corrects (`Betreft factuur ... van 12 maart 2024`), `Klant:` block, 9 % btw, a refund sentence with a
    number of days, company data in the footer."""
    rows = [
        [("Kwekerij Van der Berg B.V.", 0.56)],
        [("Naaldwijkseweg 180", 0.56)],
        [("2691 RC 's-Gravenzande", 0.56)],
        [],
        [("CREDITNOTA", 0.06)],
        [],
        [("Creditnotanummer:", 0.06), ("CN24-008", 0.26)],
        [("Datum:", 0.06), ("2 april 2024", 0.26)],
        [("Betreft factuur:", 0.06), ("2024-1042 van 12 maart 2024", 0.26)],
        [],
        [("Klant:", 0.06)],
        [("Tuincentrum De Linde", 0.06)],
        [("Lindeweg 4", 0.06)],
        [("3751 LH Bunschoten", 0.06)],
        [],
        [("Omschrijving", 0.06), ("Aantal", 0.50), ("Prijs", 0.62), ("Bedrag", 0.82)],
        [("Retour Phalaenopsis 2-tak (beschadigd)", 0.06), ("40", 0.51), ("4,50", 0.62), ("180,00", 0.82)],
        [("Prijscorrectie potgrond", 0.06), ("1", 0.52), ("25,00", 0.62), ("25,00", 0.83)],
        [],
        [("Totaal excl. btw", 0.56), ("€ 205,00", 0.80)],
        [("Btw 9%", 0.56), ("€ 18,45", 0.81)],
        [("Totaal incl. btw", 0.56), ("€ 223,45", 0.80)],
        [],
        [("Het bedrag wordt binnen 14 dagen teruggestort op uw rekening.", 0.06)],
        [],
        [("KvK 27123456 · Btw NL853129472B01 · IBAN NL73 INGB 0004 5678 91", 0.06)],
    ]
    return text_layer_page(rows)


def fattura_forfettario_it():
    """A Bologna graphic designer's fattura under the flat-rate scheme: no VAT (`Operazione in franchigia da
    IVA ai sensi dell'art. 1, commi 54-89, L. 190/2014`), the pension levy charged on (`Rivalsa INPS 4%`),
    the stamp duty as a line (`Marca da bollo`), no withholding, Totale fattura."""
    rows = [
        [("Chiara Rinaldi", 0.06)],
        [("Graphic designer", 0.06)],
        [("Via Mazzini 7 - 40121 Bologna", 0.06)],
        [("P.IVA 03918270376", 0.06)],
        [],
        [("Spett.le", 0.56)],
        [("Reno Volley A.S.D.", 0.56)],
        [("Via Porrettana 50", 0.56)],
        [("40033 Casalecchio di Reno (BO)", 0.56)],
        [],
        [("Fattura n. 7/2024", 0.06), ("Data: 15 aprile 2024", 0.56)],
        [],
        [("Descrizione", 0.06), ("Importo", 0.82)],
        [("Progettazione logo e immagine coordinata", 0.06), ("650,00", 0.82)],
        [("Impaginazione brochure 16 pagine", 0.06), ("150,00", 0.82)],
        [],
        [("Totale compensi", 0.56), ("800,00", 0.82)],
        [("Rivalsa INPS 4%", 0.56), ("32,00", 0.83)],
        [("Marca da bollo", 0.56), ("2,00", 0.84)],
        [("Totale fattura", 0.56), ("€ 834,00", 0.80)],
        [],
        [("Operazione in franchigia da IVA ai sensi dell'art. 1, commi 54-89, L. 190/2014.", 0.06)],
        [("Compenso non soggetto a ritenuta d'acconto ai sensi dell'art. 1, comma 67, L. 190/2014.", 0.06)],
        [("Pagamento: bonifico entro 30 giorni - IBAN IT06 D053 8702 4000 0001 2345 678", 0.06)],
    ]
    return text_layer_page(rows)


def fattura_ticino_ch():
    """A Lugano garage's fattura in Italian (Switzerland): IDI with the IVA suffix, `Lugano, 12 marzo 2024`,
    the vehicle as a reference line, tyre sizes with slashes in the descriptions, hours with a decimal,
    CHF with apostrophe thousands, IVA 8.1 %, terms `30 giorni netto`."""
    rows = [
        [("Garage Bernasconi SA", 0.06)],
        [("Via Cantonale 22", 0.06)],
        [("6900 Lugano", 0.06)],
        [("IDI CHE-218.734.657 IVA", 0.06)],
        [],
        [("Ristorante Al Porto Sagl", 0.56)],
        [("Riva Caccia 3", 0.56)],
        [("6900 Lugano", 0.56)],
        [],
        [("Lugano, 12 marzo 2024", 0.56)],
        [("Fattura n. 24-0311", 0.06)],
        [("Veicolo: Fiat Ducato, targa TI 123456", 0.06)],
        [],
        [("Pos.", 0.06), ("Descrizione", 0.12), ("Qtà", 0.52), ("Prezzo CHF", 0.60), ("Importo CHF", 0.78)],
        [("1", 0.06), ("Servizio completo 40'000 km", 0.12), ("1", 0.53), ("290.00", 0.62), ("290.00", 0.80)],
        [("2", 0.06), ("Pneumatici 215/65 R16 C", 0.12), ("4", 0.53), ("140.00", 0.62), ("560.00", 0.80)],
        [("3", 0.06), ("Manodopera (ore)", 0.12), ("2.5", 0.52), ("120.00", 0.62), ("300.00", 0.80)],
        [],
        [("Totale imponibile", 0.56), ("1'150.00", 0.79)],
        [("IVA 8.1 %", 0.56), ("93.15", 0.81)],
        [("Totale CHF", 0.56), ("1'243.15", 0.79)],
        [],
        [("Condizioni: 30 giorni netto", 0.06)],
        [("Banca Stato · IBAN CH51 0076 4000 1234 5678 9", 0.06)],
    ]
    return text_layer_page(rows)


def us_invoice_with_remittance_stub():
    """A Vermont contractor's invoice with a tear-off remittance stub: a service period that is no invoice
    date, items that start with their service date, `Total Due`, terms in a sentence, then the stub repeating
    the invoice number, the customer and `Amount Due` beside an empty `Amount Enclosed`."""
    rows = [
        [("Evergreen Landscaping & Snow Removal LLC", 0.06)],
        [("PO Box 211", 0.06)],
        [("Burlington, VT 05402", 0.06)],
        [("(802) 555-0199", 0.06)],
        [],
        [("INVOICE", 0.06)],
        [("Invoice #:", 0.06), ("5531", 0.20), ("Date:", 0.56), ("04/01/2024", 0.66)],
        [],
        [("Customer:", 0.06), ("Lakeside Condominium Association", 0.20)],
        [("Attn: Property Manager", 0.20)],
        [("200 Lakeside Ave", 0.20)],
        [("Burlington, VT 05401", 0.20)],
        [],
        [("Service Period: 03/01/2024 - 03/31/2024", 0.06)],
        [],
        [("Date", 0.06), ("Service", 0.20), ("Amount", 0.82)],
        [("03/04/2024", 0.06), ("Snow plowing - main lot", 0.20), ("425.00", 0.82)],
        [("03/12/2024", 0.06), ("Snow plowing - main lot", 0.20), ("425.00", 0.82)],
        [("03/12/2024", 0.06), ("Sidewalk salting", 0.20), ("180.00", 0.82)],
        [("03/28/2024", 0.06), ("Storm damage cleanup", 0.20), ("600.00", 0.82)],
        [],
        [("Subtotal", 0.60), ("1,630.00", 0.81)],
        [("Total Due", 0.60), ("$1,630.00", 0.80)],
        [],
        [("Payment is due within 30 days. A late fee of 1.5% per month applies to past-due balances.", 0.06)],
        [],
        [("- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -", 0.06)],
        [("REMITTANCE", 0.06)],
        [("Please return this portion with your payment.", 0.06)],
        [("Invoice #", 0.06), ("5531", 0.20), ("Customer", 0.40), ("Lakeside Condominium Association", 0.52)],
        [("Amount Due", 0.06), ("$1,630.00", 0.20), ("Amount Enclosed", 0.40), ("$", 0.56)],
        [("Make checks payable to: Evergreen Landscaping & Snow Removal LLC", 0.06)],
    ]
    return text_layer_page(rows)


def gutschrift_de():
    """A wine merchant's Gutschrift (a credit note correcting an invoice): letterhead right, the sender line
    over the address window, `Gutschrift` as the title, Gutschrift-Nr. / Datum / `zu Rechnung Nr. ... vom
    ...` / Kunden-Nr. as label rows, `Gutschriftsbetrag`, set off against the next invoice."""
    rows = [
        [("Weinhandlung Kessler GmbH & Co. KG", 0.56)],
        [("Weinstraße 40", 0.56)],
        [("67434 Neustadt an der Weinstraße", 0.56)],
        [],
        [("Weinhandlung Kessler GmbH & Co. KG · Weinstraße 40 · 67434 Neustadt", 0.06)],
        [("Hotel Sonnenhof GmbH", 0.06)],
        [("Einkauf", 0.06)],
        [("Kurpfalzstraße 2", 0.06)],
        [("67098 Bad Dürkheim", 0.06)],
        [],
        [("Gutschrift", 0.06)],
        [("Gutschrift-Nr.:", 0.06), ("GS-2024-017", 0.28)],
        [("Datum:", 0.06), ("22.04.2024", 0.28)],
        [("zu Rechnung Nr.:", 0.06), ("2024-0815 vom 10.04.2024", 0.28)],
        [("Kunden-Nr.:", 0.06), ("4410", 0.28)],
        [],
        [("Wir schreiben Ihnen folgende Positionen gut:", 0.06)],
        [
            ("Pos", 0.06),
            ("Art.-Nr.", 0.11),
            ("Bezeichnung", 0.21),
            ("Menge", 0.58),
            ("Einzelpreis", 0.66),
            ("Gesamt", 0.84),
        ],
        [
            ("1", 0.06),
            ("R-1187", 0.11),
            ("Riesling Kabinett trocken 2022, 0,75 l", 0.21),
            ("12", 0.59),
            ("8,90", 0.68),
            ("106,80", 0.84),
        ],
        [
            ("2", 0.06),
            ("S-0450", 0.11),
            ("Spätburgunder 2021, 0,75 l", 0.21),
            ("6", 0.59),
            ("12,50", 0.67),
            ("75,00", 0.85),
        ],
        [],
        [("Nettobetrag", 0.60), ("181,80 €", 0.84)],
        [("zzgl. 19 % USt", 0.60), ("34,54 €", 0.85)],
        [("Gutschriftsbetrag", 0.60), ("216,34 €", 0.84)],
        [],
        [("Der Betrag wird mit Ihrer nächsten Rechnung verrechnet.", 0.06)],
        [],
        [("Weinhandlung Kessler GmbH & Co. KG · USt-IdNr. DE293847560", 0.06)],
        [("Sparkasse Rhein-Haardt · IBAN DE87 5505 0120 0012 3456 78", 0.06)],
    ]
    return text_layer_page(rows)


def factura_recargo_equivalencia_es():
    """A Valencian wholesaler's factura to a retailer under the equivalence surcharge: `Nº Factura` and
    `Fecha` in words on one row, the client's block with a C.B.'s CIF, a discount column, `IVA 21%` and
    `R.E. 5,2%` (the surcharge is tax too), `Total factura`, a direct-debit due date."""
    rows = [
        [("Distribuciones Levante Hogar, S.L.", 0.06), ("FACTURA", 0.76)],
        [("Pol. Ind. Fuente del Jarro, C/ Ciudad de Sevilla 12", 0.06)],
        [("46988 Paterna (Valencia) · CIF B46138574", 0.06)],
        [],
        [("Nº Factura: FV-2024-00458", 0.06), ("Fecha: 12 de marzo de 2024", 0.56)],
        [],
        [("Cliente", 0.06)],
        [("Ferretería El Clavo, C.B.", 0.06)],
        [("C/ Mayor 8", 0.06)],
        [("03801 Alcoy (Alicante)", 0.06)],
        [("CIF E46281754", 0.06)],
        [],
        [
            ("Ref.", 0.06),
            ("Descripción", 0.15),
            ("Uds.", 0.52),
            ("Precio", 0.60),
            ("Dto.", 0.70),
            ("Importe", 0.82),
        ],
        [
            ("LH-2210", 0.06),
            ("Juego de sartenes inducción 3 pzas", 0.15),
            ("10", 0.52),
            ("32,00", 0.60),
            ("10%", 0.70),
            ("288,00", 0.83),
        ],
        [
            ("LH-0912", 0.06),
            ("Escurreplatos inox", 0.15),
            ("16", 0.52),
            ("13,25", 0.60),
            ("212,00", 0.83),
        ],
        [],
        [("Base imponible", 0.56), ("500,00 €", 0.82)],
        [("IVA 21%", 0.56), ("105,00 €", 0.82)],
        [("R.E. 5,2%", 0.56), ("26,00 €", 0.83)],
        [("Total factura", 0.56), ("631,00 €", 0.82)],
        [],
        [("Vencimiento: 11/04/2024 - recibo domiciliado en ES91 2100 0418 4502 0005 1332", 0.06)],
    ]
    return text_layer_page(rows)


def facture_acompte_fr():
    """A Nantes joinery's facture for renovation work: `Facture n° 2024-0211 du 18/03/2024`, a site
    reference, TVA 10 %, the deposit already paid (`Acompte versé le 15/01/2024`), `Reste à payer`, the
    legal notes on discount (`Escompte pour paiement anticipé : néant`) and late-payment penalties."""
    rows = [
        [("MENUISERIE DURAND & FILS", 0.06)],
        [("SARL au capital de 20 000 € - 14 rue de la Fosse, 44000 Nantes", 0.06)],
        [("SIRET 538 172 644 00006 - TVA FR86538172644", 0.06)],
        [],
        [("M. et Mme Lefèvre", 0.56)],
        [("27 boulevard Guist'hau", 0.56)],
        [("44000 Nantes", 0.56)],
        [],
        [("Facture n° 2024-0211 du 18/03/2024", 0.06)],
        [("Chantier : remplacement des menuiseries, 27 bd Guist'hau", 0.06)],
        [],
        [("Désignation", 0.06), ("Qté", 0.50), ("P.U. HT", 0.58), ("Montant HT", 0.80)],
        [("Fenêtre PVC double vitrage 120x135", 0.06), ("6", 0.51), ("850,00", 0.58), ("5 100,00", 0.80)],
        [("Porte-fenêtre PVC 215x140", 0.06), ("2", 0.51), ("1 200,00", 0.57), ("2 400,00", 0.80)],
        [
            ("Dépose et pose, évacuation des anciennes", 0.06),
            ("1", 0.51),
            ("1 000,00", 0.57),
            ("1 000,00", 0.80),
        ],
        [],
        [("Total HT", 0.56), ("8 500,00 €", 0.80)],
        [("TVA 10 %", 0.56), ("850,00 €", 0.81)],
        [("Total TTC", 0.56), ("9 350,00 €", 0.80)],
        [("Acompte versé le 15/01/2024", 0.56), ("- 2 805,00 €", 0.79)],
        [("Reste à payer", 0.56), ("6 545,00 €", 0.80)],
        [],
        [("Date d'échéance : 17/04/2024", 0.06)],
        [("Escompte pour paiement anticipé : néant.", 0.06)],
        [("Pénalités de retard : trois fois le taux d'intérêt légal.", 0.06)],
        [("IBAN FR76 1027 8000 0100 0201 9670 127", 0.06)],
    ]
    return text_layer_page(rows)


def invoice_with_cis_deduction_uk():
    """A Birmingham plasterer's invoice to a main contractor under the Construction Industry Scheme: labour
    and materials, VAT on both, then `Less CIS deduction (20% of labour)` and `Amount payable`; the UTR
    printed besides the VAT number."""
    rows = [
        [("Patel Plastering Ltd", 0.06), ("INVOICE", 0.78)],
        [("45 Ladypool Road", 0.06)],
        [("Birmingham B12 8LB", 0.06)],
        [("VAT Reg: GB 291 8374 28", 0.06)],
        [("UTR: 8472916350", 0.06)],
        [],
        [("Invoice to:", 0.06), ("Invoice no:", 0.56), ("0142", 0.72)],
        [("Midland Build Contractors Ltd", 0.06), ("Date:", 0.56), ("29/03/2024", 0.72)],
        [("Unit 3, Tyseley Park", 0.06), ("Job ref:", 0.56), ("MBC-7781", 0.72)],
        [("Birmingham B11 2AG", 0.06)],
        [],
        [("Description", 0.06), ("Amount", 0.82)],
        [("Labour - plastering, plots 12-15", 0.06), ("2,400.00", 0.82)],
        [("Materials - board, skim, beads", 0.06), ("600.00", 0.84)],
        [],
        [("Net", 0.58), ("3,000.00", 0.82)],
        [("VAT @ 20%", 0.58), ("600.00", 0.84)],
        [("Total", 0.58), ("3,600.00", 0.82)],
        [("Less CIS deduction (20% of labour)", 0.42), ("-480.00", 0.83)],
        [("Amount payable", 0.58), ("£3,120.00", 0.815)],
        [],
        [("Payment within 14 days please.", 0.06)],
        [("Barclays · Sort code 20-00-00 · Account 55779911", 0.06)],
    ]
    return text_layer_page(rows)


def factuur_btw_verlegd_nl():
    """A Groningen painter's factuur to a main contractor with the VAT shifted (`BTW verlegd`, no amount),
    the contractor's btw-nummer under `Aan`, `Totaal te betalen`, the legal basis in a sentence."""
    rows = [
        [("Jansen Schilderwerken B.V.", 0.56)],
        [("Zuiderdiep 88", 0.56)],
        [("9711 HM Groningen", 0.56)],
        [("btw NL819347267B01", 0.56)],
        [],
        [("Aan:", 0.06)],
        [("Bouwcombinatie Noord B.V.", 0.06)],
        [("Paterswoldseweg 400", 0.06)],
        [("9728 BM Groningen", 0.06)],
        [("Btw-nummer: NL004567122B01", 0.06)],
        [],
        [("Factuur", 0.06), ("F2024-033", 0.20)],
        [("Factuurdatum", 0.06), ("20-03-2024", 0.20)],
        [("Vervaldatum", 0.06), ("19-04-2024", 0.20)],
        [("Project", 0.06), ("Nieuwbouw 24 woningen De Held, fase 2", 0.20)],
        [],
        [("Omschrijving", 0.06), ("Uren", 0.54), ("Tarief", 0.64), ("Bedrag", 0.82)],
        [("Schilderwerk kozijnen, binnen", 0.06), ("64", 0.55), ("48,00", 0.64), ("3.072,00", 0.81)],
        [("Schilderwerk kozijnen, buiten", 0.06), ("36", 0.55), ("48,00", 0.64), ("1.728,00", 0.81)],
        [],
        [("Subtotaal", 0.56), ("€ 4.800,00", 0.80)],
        [("BTW verlegd", 0.56)],
        [("Totaal te betalen", 0.56), ("€ 4.800,00", 0.80)],
        [],
        [("Btw verlegd naar de afnemer op grond van art. 12 lid 5 Wet OB 1968.", 0.06)],
        [("Graag betalen op NL17 ABNA 0538 2174 61 o.v.v. het factuurnummer.", 0.06)],
    ]
    return text_layer_page(rows)


def fattura_split_payment_it():
    """A Modena maintenance firm's fattura to a town council under split payment (`scissione dei
    pagamenti, art. 17-ter DPR 633/72`): the VAT is printed and in the total, but the council pays it to the
    state, so `Netto a pagare` is the taxable amount; CIG and CUP codes near the number."""
    rows = [
        [("Tecnoservizi Emilia S.r.l.", 0.06)],
        [("Via Emilia Est 1020 - 41122 Modena", 0.06)],
        [("P.IVA e C.F. 04621830365", 0.06)],
        [],
        [("Spett.le", 0.56)],
        [("Comune di Formigine", 0.56)],
        [("Settore Lavori Pubblici", 0.56)],
        [("Via Unità d'Italia 26", 0.56)],
        [("41043 Formigine (MO)", 0.56)],
        [("C.F./P.IVA 01283740361", 0.56)],
        [],
        [("FATTURA N. 45/PA del 29/03/2024", 0.06)],
        [("CIG: Z3A1B2C3D4 - CUP: D51B23000120004", 0.06)],
        [],
        [("Descrizione", 0.06), ("Importo", 0.82)],
        [("Manutenzione impianti termici scuole - 1° trimestre 2024", 0.06), ("1.600,00", 0.80)],
        [("Interventi straordinari palestra comunale", 0.06), ("400,00", 0.82)],
        [],
        [("Imponibile", 0.50), ("2.000,00", 0.80)],
        [("IVA 22% (scissione dei pagamenti)", 0.50), ("440,00", 0.82)],
        [("Totale documento", 0.50), ("2.440,00", 0.80)],
        [("Netto a pagare", 0.50), ("2.000,00", 0.80)],
        [],
        [("Operazione soggetta a scissione dei pagamenti ai sensi dell'art. 17-ter DPR 633/72.", 0.06)],
        [("Pagamento: bonifico a 30 giorni d.f. - IBAN IT15 H062 3012 9000 0004 6512 345", 0.06)],
    ]
    return text_layer_page(rows)


def rechnung_values_before_labels_de():
    """A Freiburg bicycle shop's Rechnung from an old ERP: the totals block on the LEFT with each value
    printed before its label (`1.030,50 €   Warenwert netto`), the header box as `label: value` rows on the
    right, a `Kundennr.` and an `Auftragsnr.` beside the invoice number."""
    rows = [
        [("Radhaus Dreisam GmbH", 0.06)],
        [("Schwarzwaldstraße 61 · 79117 Freiburg", 0.06)],
        [],
        [("Radhaus Dreisam GmbH · Schwarzwaldstraße 61 · 79117 Freiburg", 0.06)],
        [("Kita Sonnenblume e.V.", 0.06), ("Rechnungsnr.:", 0.60), ("RE-77120", 0.76)],
        [("Wiesenweg 3", 0.06), ("Datum:", 0.60), ("07.05.2024", 0.76)],
        [("79111 Freiburg", 0.06), ("Kundennr.:", 0.60), ("20917", 0.76)],
        [("Auftragsnr.:", 0.60), ("A-55102", 0.76)],
        [],
        [("Rechnung", 0.06)],
        [],
        [("Menge", 0.06), ("Artikel", 0.14), ("Einzelpreis", 0.62), ("Summe", 0.82)],
        [("2", 0.06), ("Kinder-Laufrad 12 Zoll", 0.14), ("129,00 €", 0.62), ("258,00 €", 0.82)],
        [("1", 0.06), ("Lastenrad-Wartung inkl. Bremsen", 0.14), ("189,00 €", 0.62), ("189,00 €", 0.82)],
        [("3", 0.06), ("Kinderhelm Gr. S", 0.14), ("39,90 €", 0.63), ("119,70 €", 0.82)],
        [],
        [("566,70 €", 0.06), ("Warenwert netto", 0.18)],
        [("107,67 €", 0.06), ("19 % MwSt.", 0.18)],
        [("674,37 €", 0.06), ("Rechnungsbetrag", 0.18)],
        [],
        [("Zahlbar bis 21.05.2024 ohne Abzug.", 0.06)],
        [("Radhaus Dreisam GmbH · USt-IdNr. DE246813508", 0.06)],
        [("Sparkasse Freiburg · IBAN DE85 7605 0101 0011 2233 44", 0.06)],
    ]
    return text_layer_page(rows)


def invoice_ie_amount_column_in_eur():
    """A Cork IT contractor's invoice: dates as `05-Mar-2024`, `Our ref` (the invoice number) beside `Your
    ref` (the client's PO), an `Amount (EUR)` column, `VAT @ 23%`, `Total (EUR)`, bank details in a box."""
    rows = [
        [("Lee Valley Systems Ltd", 0.06), ("INVOICE", 0.80)],
        [("Unit 4, Kinsale Road Business Park", 0.06)],
        [("Cork T12 XY34", 0.06)],
        [("VAT No. IE3456789U", 0.06)],
        [],
        [("To:", 0.06), ("Our ref:", 0.56), ("LVS-2024-031", 0.70)],
        [("Harbour Dental Practice", 0.06), ("Your ref:", 0.56), ("PO 1187", 0.70)],
        [("12 South Mall", 0.06), ("Date:", 0.56), ("05-Mar-2024", 0.70)],
        [("Cork T12 AB12", 0.06), ("Due:", 0.56), ("04-Apr-2024", 0.70)],
        [],
        [("Description", 0.06), ("Hours", 0.56), ("Rate", 0.66), ("Amount (EUR)", 0.78)],
        [("Network upgrade, surgery 2", 0.06), ("12", 0.57), ("85.00", 0.66), ("1,020.00", 0.80)],
        [("Firewall licence, 12 months", 0.06), ("", 0.57), ("", 0.66), ("480.00", 0.82)],
        [],
        [("Subtotal", 0.62), ("1,500.00", 0.80)],
        [("VAT @ 23%", 0.62), ("345.00", 0.82)],
        [("Total (EUR)", 0.62), ("1,845.00", 0.80)],
        [],
        [("Bank: Bank of Ireland", 0.06)],
        [("IBAN: IE70 BOFI 9000 1712 3456 78", 0.06)],
        [("BIC: BOFIIE2D", 0.06)],
    ]
    return text_layer_page(rows)


def facture_two_pages_report_fr():
    """A Lyon caterer's two-page facture: items run over the page break with `À reporter` at the foot of
    page 1 and `Report` at the head of page 2, the totals only on page 2, the legal footer on both."""
    footer = [
        [("Traiteur Rhône Saveurs SAS - 8 quai Saint-Vincent, 69001 Lyon - TVA FR14427183959", 0.06)],
        [("IBAN FR14 2004 1010 0505 0001 3M02 606", 0.06)],
    ]

    def item(text, qty, price, amount):
        return [(text, 0.06), (qty, 0.52), (price, 0.62), (amount, 0.82)]

    header = [("Désignation", 0.06), ("Qté", 0.52), ("P.U. HT", 0.62), ("Total HT", 0.82)]
    page_1 = [
        [("Traiteur Rhône Saveurs SAS", 0.06)],
        [("8 quai Saint-Vincent", 0.06)],
        [("69001 Lyon", 0.06)],
        [],
        [("Cabinet Morel Avocats", 0.56)],
        [("45 rue de la République", 0.56)],
        [("69002 Lyon", 0.56)],
        [],
        [("FACTURE N° 24-0612", 0.06), ("Lyon, le 14 juin 2024", 0.56)],
        [("Prestation : séminaire du 12 juin 2024", 0.06)],
        [],
        header,
        item("Café d'accueil et viennoiseries", "40", "6,50", "260,00"),
        item("Déjeuner assis, menu séminaire", "40", "32,00", "1 280,00"),
        item("Forfait boissons", "40", "6,00", "240,00"),
        item("Pause après-midi", "40", "5,50", "220,00"),
        [],
        [("À reporter", 0.62), ("2 000,00", 0.82)],
        [],
        *footer,
    ]
    page_2 = [
        [("Facture N° 24-0612 - page 2/2", 0.06)],
        header,
        [("Report", 0.62), ("2 000,00", 0.82)],
        item("Service en salle (heures)", "8", "35,00", "280,00"),
        item("Location vaisselle", "1", "120,00", "120,00"),
        [],
        [("Total HT", 0.56), ("2 400,00 €", 0.80)],
        [("TVA 10 %", 0.56), ("240,00 €", 0.81)],
        [("Total TTC", 0.56), ("2 640,00 €", 0.80)],
        [],
        [("Échéance : 30 jours date de facture", 0.06)],
        *footer,
    ]
    return text_layer_pages([page_1, page_2])


def facture_cocontractant_be():
    """A Namur electrician's facture under the Belgian construction reverse charge: `TVA due par le
    cocontractant` with the legal article instead of a VAT amount, both VAT numbers, `Montant à payer`,
    a structured communication."""
    rows = [
        [("Électricité Lambotte SRL", 0.06)],
        [("Rue de Fer 12 - 5000 Namur", 0.06)],
        [("TVA BE 0472.918.352", 0.06)],
        [],
        [("Client", 0.56)],
        [("Construct Meuse SA", 0.56)],
        [("Quai de Meuse 1", 0.56)],
        [("5100 Jambes", 0.56)],
        [("TVA BE 0417.497.304", 0.56)],
        [],
        [("FACTURE", 0.06)],
        [("N°", 0.06), ("2024/0187", 0.16), ("Date", 0.40), ("28/05/2024", 0.50)],
        [("Échéance", 0.06), ("27/06/2024", 0.16)],
        [],
        [("Description", 0.06), ("Qté", 0.54), ("P.U.", 0.64), ("Montant", 0.82)],
        [
            ("Câblage tableau divisionnaire, chantier Jambes", 0.06),
            ("1", 0.55),
            ("1 850,00", 0.62),
            ("1 850,00", 0.82),
        ],
        [("Main d'oeuvre (heures)", 0.06), ("10", 0.54), ("55,00", 0.64), ("550,00", 0.84)],
        [],
        [("Total HTVA", 0.56), ("2 400,00 €", 0.80)],
        [("TVA", 0.56), ("autoliquidation", 0.72)],
        [("Montant à payer", 0.56), ("2 400,00 €", 0.80)],
        [],
        [("Autoliquidation - TVA due par le cocontractant, art. 20 AR n° 1.", 0.06)],
        [("À verser sur BE21 0012 3456 7803 - communication +++240/3150/42765+++", 0.06)],
    ]
    return text_layer_page(rows)


# case: (page builder, expected fields, expected items' amounts in order). A tuple of values for a field
# accepts any of them: only where the page leaves it open (no VAT printed at all: no tax, or a zero tax).
NO_TAX = (None, "0.00")
CASES = {
    "saas_ie": (
        saas_invoice_ie,
        {
            "document_type": "invoice",
            "invoice_number": "QS-8F3A2C1D-0007",
            "invoice_date": "2024-03-05",
            "due_date": "2024-03-19",
            "vendor_name": "Quillstack Ltd",
            "customer_name": "Hofmann Design GmbH",
            "currency": "EUR",
            "subtotal": "588.00",
            "tax_amount": "0.00",
            "total": "588.00",
            "amount_due": "588.00",
            "vendor_tax_id": "IE9825613N",
            "iban": None,
        },
        ["490.00", "98.00"],
    ),
    "kleinunternehmer_de": (
        kleinunternehmer_rechnung_de,
        {
            "document_type": "invoice",
            "invoice_number": "2024-0815",
            "invoice_date": "2024-03-12",
            "due_date": "2024-03-26",
            "vendor_name": "Lena Vogt Fotografie",
            "customer_name": "Buchhandlung Seitenwind",
            "currency": "EUR",
            "subtotal": "850.00",
            "tax_amount": NO_TAX,
            "total": "850.00",
            "amount_due": "850.00",
            "vendor_tax_id": "13/245/67890",
            "iban": "DE05100500000190123456",
        },
        ["650.00", "200.00"],
    ),
    "auto_entrepreneur_fr": (
        auto_entrepreneur_facture_fr,
        {
            "document_type": "invoice",
            "invoice_number": "F2024-118",
            "invoice_date": "2024-03-12",
            "due_date": "2024-04-11",
            "vendor_name": "Julien Marchand",
            "customer_name": "Cave Saint-Émilion Distribution SARL",
            "currency": "EUR",
            "subtotal": "1290.00",
            "tax_amount": NO_TAX,
            "total": "1290.00",
            "amount_due": "1290.00",
            "vendor_tax_id": "84127395600018",  # the SIRET: no VAT id is printed
            "iban": "FR7630004008210001012345602",
        },
        ["1200.00", "90.00"],
    ),
    "two_rates_de": (
        wholesaler_rechnung_two_rates_de,
        {
            "document_type": "invoice",
            "invoice_number": "RE240317",
            "invoice_date": "2024-03-14",
            "due_date": "2024-03-28",
            "vendor_name": "Feinkost Hansen GmbH",
            "customer_name": "Restaurant Elbblick",
            "currency": "EUR",
            "subtotal": "366.90",
            "tax_amount": "35.47",
            "total": "402.37",
            "amount_due": "402.37",
            "vendor_tax_id": "DE314627583",
            "iban": "DE34200505501234567890",
        },
        ["154.00", "131.40", "49.50", "32.00"],
    ),
    "two_pages_de": (
        two_page_rechnung_carried_forward_de,
        {
            "document_type": "invoice",
            "invoice_number": "2024-1177",
            "invoice_date": "2024-04-18",
            "due_date": "2024-05-18",
            "vendor_name": "Elektro Schuster GmbH",
            "customer_name": "Bauträger Isarbogen GmbH & Co. KG",
            "currency": "EUR",
            "subtotal": "3130.50",
            "tax_amount": "594.80",
            "total": "3725.30",
            "amount_due": "3725.30",
            "vendor_tax_id": "DE265918347",
            "iban": "DE02701500001004512345",
        },
        [
            "187.20",
            "24.00",
            "165.60",
            "93.60",
            "89.10",
            "97.00",
            "689.00",
            "928.00",
            "672.00",
            "140.00",
            "45.00",
        ],
    ),
    "irpf_es": (
        factura_irpf_es,
        {
            "document_type": "invoice",
            "invoice_number": "2024-015",
            "invoice_date": "2024-03-12",
            "due_date": "2024-04-11",
            "vendor_name": "Laura Gómez Martín",
            "customer_name": "Editorial Cierzo, S.L.",
            "currency": "EUR",
            "subtotal": "1000.00",
            "tax_amount": "210.00",
            "total": "1210.00",
            "amount_due": "1060.00",  # after the IRPF retention
            "vendor_tax_id": "ES47382916H",
            "iban": "ES7000491500010512345678",
        },
        ["300.00", "700.00"],
    ),
    "electricity_de": (
        electricity_bill_de,
        {
            "document_type": "invoice",
            "invoice_number": "31002457731",
            "invoice_date": "2025-01-15",
            "due_date": "2025-01-29",
            "vendor_name": "Stadtwerke Lindenau GmbH",
            "customer_name": "Michael Wendt",
            "currency": "EUR",
            "subtotal": "947.40",
            "tax_amount": "180.01",
            "total": "1127.41",
            "amount_due": "107.41",  # after the advance payments
            "vendor_tax_id": "DE147295835",
            "iban": "DE24860555921100223344",
        },
        ["809.40", "138.00"],
    ),
    "deposit_nl": (
        factuur_with_deposit_nl,
        {
            "document_type": "invoice",
            "invoice_number": "2024-1042",
            "invoice_date": "2024-03-12",
            "due_date": "2024-03-26",
            "vendor_name": "Keukenstudio Maasland B.V.",
            "customer_name": "Fam. J. Bakker",
            "currency": "EUR",
            "subtotal": "10500.00",
            "tax_amount": "2205.00",
            "total": "12705.00",
            "amount_due": "7705.00",
            "vendor_tax_id": "NL814627390B01",
            "iban": "NL98RABO0327641593",
        },
        ["6450.00", "3200.00", "850.00"],
    ),
    "structured_communication_be": (
        factuur_be_structured_communication,
        {
            "document_type": "invoice",
            "invoice_number": "FV24/00213",
            "invoice_date": "2024-03-15",
            "due_date": "2024-04-14",
            "vendor_name": "Drukkerij Vanhove BV",
            "customer_name": "Brouwerij De Leie CV",
            "currency": "EUR",
            "subtotal": "1410.00",
            "tax_amount": "296.10",
            "total": "1706.10",
            "amount_due": "1706.10",
            "vendor_tax_id": "BE0836412786",
            "iban": "BE52068254371009",
        },
        ["950.00", "460.00"],
    ),
    "totals_left_lu": (
        facture_lu_totals_left,
        {
            "document_type": "invoice",
            "invoice_number": "24-0087",
            "invoice_date": "2024-03-20",
            "due_date": "2024-04-19",  # `Payable dans les 30 jours`
            "vendor_name": "Menuiserie Weber S.à r.l.",
            "customer_name": "Hôtel du Parc S.A.",
            "currency": "EUR",
            "subtotal": "4070.00",
            "tax_amount": "691.90",
            "total": "4761.90",
            "amount_due": "4761.90",
            "vendor_tax_id": "LU26184709",
            "iban": "LU280019400644750000",
        },
        ["3300.00", "770.00"],
    ),
    "state_county_tax_us": (
        us_invoice_state_and_county_tax,
        {
            "document_type": "invoice",
            "invoice_number": "KJS-240311",
            "invoice_date": "2024-03-11",
            "due_date": "2024-03-26",  # Net 15
            "vendor_name": "Keystone Janitorial Supply Co.",
            "customer_name": "Three Rivers Medical Offices PC",
            "currency": "USD",
            "subtotal": "1044.00",
            "tax_amount": "69.43",  # state 59.51 + county 9.92
            "total": "1106.23",
            "amount_due": "1106.23",
            "vendor_tax_id": None,
            "iban": None,
        },
        ["504.00", "315.00", "225.00"],
    ),
    "credit_note_uk": (
        credit_note_uk,
        {
            "document_type": "credit_note",
            "invoice_number": "CN-1002",
            "invoice_date": "2024-03-28",
            "due_date": None,
            "vendor_name": "Harrow & Finch Stationers Ltd",
            "customer_name": "Pennine Architects LLP",
            "currency": "GBP",
            "subtotal": "120.00",
            "tax_amount": "24.00",
            "total": "144.00",
            "vendor_tax_id": "GB384716229",
            "iban": None,
        },
        ["74.00", "46.00"],
    ),
    "reverse_charge_de": (
        reverse_charge_rechnung_de,
        {
            "document_type": "invoice",
            "invoice_number": "RE-2024-0412",
            "invoice_date": "2024-04-02",
            "due_date": "2024-05-02",
            "po_number": "PO 4500123",
            "vendor_name": "Datenwerk Consulting GmbH",
            "customer_name": "Tiroler Bergbahnen Service GmbH",
            "currency": "EUR",
            "subtotal": "7200.00",
            "tax_amount": "0.00",
            "total": "7200.00",
            "amount_due": "7200.00",
            "vendor_tax_id": "DE265918347",
            "iban": "DE07600501017421902356",
        },
        ["6300.00", "900.00"],
    ),
    "credit_note_it": (
        nota_di_credito_it,
        {
            "document_type": "credit_note",
            "invoice_number": "12/NC",
            "invoice_date": "2024-03-28",
            "due_date": None,
            "vendor_name": "Tessitura Brambilla S.p.A.",
            "customer_name": "Boutique Lucia di Rossi Lucia",
            "currency": "EUR",
            "subtotal": "361.00",
            "tax_amount": "79.42",
            "total": "440.42",
            "vendor_tax_id": "IT02857190462",
            "iban": "IT67P0306909606000000012345",
        },
        ["171.00", "190.00"],
    ),
    "qr_bill_ch": (
        facture_ch_with_qr_bill,
        {
            "document_type": "invoice",
            "invoice_number": "2024-0057",
            "invoice_date": "2024-03-12",
            "due_date": "2024-04-11",  # `Payable à 30 jours net`
            "vendor_name": "Atelier Horloger Favre Sàrl",
            "customer_name": "Pierre Dufour",
            "currency": "CHF",
            "subtotal": "850.00",
            "tax_amount": "68.85",
            "total": "918.85",
            "amount_due": "918.85",
            "vendor_tax_id": "CHE109473629",
            "iban": "CH0900788000050512345",
        },
        ["480.00", "160.00", "210.00"],
    ),
    "cash_discount_at": (
        rechnung_with_cash_discount_terms_at,
        {
            "document_type": "invoice",
            "invoice_number": "2024/031",
            "invoice_date": "2024-03-05",
            "due_date": "2024-04-04",  # the net term: 30 days
            "vendor_name": "Tischlerei Gruber e.U.",
            "customer_name": "Bäckerei Huber OG",
            "currency": "EUR",
            "subtotal": "2790.00",
            "tax_amount": "558.00",
            "total": "3348.00",
            "amount_due": "3348.00",
            "vendor_tax_id": "ATU64192830",
            "iban": "AT142032032100012345",
        },
        ["2400.00", "390.00"],
    ),
    "credit_note_nl": (
        creditnota_nl,
        {
            "document_type": "credit_note",
            "invoice_number": "CN24-008",
            "invoice_date": "2024-04-02",
            "due_date": None,
            "vendor_name": "Kwekerij Van der Berg B.V.",
            "customer_name": "Tuincentrum De Linde",
            "currency": "EUR",
            "subtotal": "205.00",
            "tax_amount": "18.45",
            "total": "223.45",
            "vendor_tax_id": "NL853129472B01",
            "iban": "NL73INGB0004567891",
        },
        ["180.00", "25.00"],
    ),
    "forfettario_it": (
        fattura_forfettario_it,
        {
            "document_type": "invoice",
            "invoice_number": "7/2024",
            "invoice_date": "2024-04-15",
            "due_date": "2024-05-15",
            "vendor_name": "Chiara Rinaldi",
            "customer_name": "Reno Volley A.S.D.",
            "currency": "EUR",
            # the fees before the levy and the stamp, or everything charged (no VAT either way)
            "subtotal": ("800.00", "834.00"),
            "tax_amount": NO_TAX,
            "total": "834.00",
            "amount_due": "834.00",
            "vendor_tax_id": "IT03918270376",
            "iban": "IT06D0538702400000012345678",
        },
        ["650.00", "150.00"],
    ),
    "ticino_ch": (
        fattura_ticino_ch,
        {
            "document_type": "invoice",
            "invoice_number": "24-0311",
            "invoice_date": "2024-03-12",
            "due_date": "2024-04-11",
            "vendor_name": "Garage Bernasconi SA",
            "customer_name": "Ristorante Al Porto Sagl",
            "currency": "CHF",
            "subtotal": "1150.00",
            "tax_amount": "93.15",
            "total": "1243.15",
            "amount_due": "1243.15",
            "vendor_tax_id": "CHE218734657",
            "iban": "CH5100764000123456789",
        },
        ["290.00", "560.00", "300.00"],
    ),
    "remittance_stub_us": (
        us_invoice_with_remittance_stub,
        {
            "document_type": "invoice",
            "invoice_number": "5531",
            "invoice_date": "2024-04-01",
            "due_date": "2024-05-01",
            "vendor_name": "Evergreen Landscaping & Snow Removal LLC",
            "customer_name": "Lakeside Condominium Association",
            "currency": "USD",
            "subtotal": "1630.00",
            "tax_amount": NO_TAX,
            "total": "1630.00",
            "amount_due": "1630.00",
            "vendor_tax_id": None,
            "iban": None,
        },
        ["425.00", "425.00", "180.00", "600.00"],
    ),
    "gutschrift_de": (
        gutschrift_de,
        {
            "document_type": "credit_note",
            "invoice_number": "GS-2024-017",
            "invoice_date": "2024-04-22",
            "due_date": None,
            "vendor_name": "Weinhandlung Kessler GmbH & Co. KG",
            "customer_name": "Hotel Sonnenhof GmbH",
            "currency": "EUR",
            "subtotal": "181.80",
            "tax_amount": "34.54",
            "total": "216.34",
            "vendor_tax_id": "DE293847560",
            "iban": "DE87550501200012345678",
        },
        ["106.80", "75.00"],
    ),
    "recargo_es": (
        factura_recargo_equivalencia_es,
        {
            "document_type": "invoice",
            "invoice_number": "FV-2024-00458",
            "invoice_date": "2024-03-12",
            "due_date": "2024-04-11",
            "vendor_name": "Distribuciones Levante Hogar, S.L.",
            "customer_name": "Ferretería El Clavo, C.B.",
            "currency": "EUR",
            "subtotal": "500.00",
            "tax_amount": "131.00",  # IVA 105.00 + recargo de equivalencia 26.00
            "total": "631.00",
            "amount_due": "631.00",
            "vendor_tax_id": "ESB46138574",
            "iban": None,  # the IBAN printed is the client's, debited
        },
        ["288.00", "212.00"],
    ),
    "acompte_fr": (
        facture_acompte_fr,
        {
            "document_type": "invoice",
            "invoice_number": "2024-0211",
            "invoice_date": "2024-03-18",
            "due_date": "2024-04-17",
            "vendor_name": "Menuiserie Durand & Fils SARL",  # as round 1: the legal form printed under it
            "customer_name": "M. et Mme Lefèvre",
            "currency": "EUR",
            "subtotal": "8500.00",
            "tax_amount": "850.00",
            "total": "9350.00",
            "amount_due": "6545.00",
            "vendor_tax_id": "FR86538172644",
            "iban": "FR7610278000010002019670127",
        },
        ["5100.00", "2400.00", "1000.00"],
    ),
    "cis_uk": (
        invoice_with_cis_deduction_uk,
        {
            "document_type": "invoice",
            "invoice_number": "0142",
            "invoice_date": "2024-03-29",
            "due_date": "2024-04-12",
            "vendor_name": "Patel Plastering Ltd",
            "customer_name": "Midland Build Contractors Ltd",
            "currency": "GBP",
            "subtotal": "3000.00",
            "tax_amount": "600.00",
            "total": "3600.00",
            "amount_due": "3120.00",  # after the CIS deduction
            "vendor_tax_id": "GB291837428",
            "iban": None,
        },
        ["2400.00", "600.00"],
    ),
    "verlegd_nl": (
        factuur_btw_verlegd_nl,
        {
            "document_type": "invoice",
            "invoice_number": "F2024-033",
            "invoice_date": "2024-03-20",
            "due_date": "2024-04-19",
            "vendor_name": "Jansen Schilderwerken B.V.",
            "customer_name": "Bouwcombinatie Noord B.V.",
            "currency": "EUR",
            "subtotal": "4800.00",
            "tax_amount": NO_TAX,
            "total": "4800.00",
            "amount_due": "4800.00",
            "vendor_tax_id": "NL819347267B01",
            "iban": "NL17ABNA0538217461",
        },
        ["3072.00", "1728.00"],
    ),
    "split_payment_it": (
        fattura_split_payment_it,
        {
            "document_type": "invoice",
            "invoice_number": "45/PA",
            "invoice_date": "2024-03-29",
            "due_date": "2024-04-28",
            "vendor_name": "Tecnoservizi Emilia S.r.l.",
            "customer_name": "Comune di Formigine",
            "currency": "EUR",
            "subtotal": "2000.00",
            "tax_amount": "440.00",
            "total": "2440.00",
            "amount_due": "2000.00",  # the council pays the VAT to the state
            "vendor_tax_id": "IT04621830365",
            "iban": "IT15H0623012900000046512345",
        },
        ["1600.00", "400.00"],
    ),
    "values_before_labels_de": (
        rechnung_values_before_labels_de,
        {
            "document_type": "invoice",
            "invoice_number": "RE-77120",
            "invoice_date": "2024-05-07",
            "due_date": "2024-05-21",
            "vendor_name": "Radhaus Dreisam GmbH",
            "customer_name": "Kita Sonnenblume e.V.",
            "currency": "EUR",
            "subtotal": "566.70",
            "tax_amount": "107.67",
            "total": "674.37",
            "amount_due": "674.37",
            "vendor_tax_id": "DE246813508",
            "iban": "DE85760501010011223344",
        },
        ["258.00", "189.00", "119.70"],
    ),
    "amount_column_ie": (
        invoice_ie_amount_column_in_eur,
        {
            "document_type": "invoice",
            "invoice_number": "LVS-2024-031",
            "invoice_date": "2024-03-05",
            "due_date": "2024-04-04",
            "po_number": "PO 1187",
            "vendor_name": "Lee Valley Systems Ltd",
            "customer_name": "Harbour Dental Practice",
            "currency": "EUR",
            "subtotal": "1500.00",
            "tax_amount": "345.00",
            "total": "1845.00",
            "amount_due": "1845.00",
            "vendor_tax_id": "IE3456789U",
            "iban": "IE70BOFI90001712345678",
        },
        ["1020.00", "480.00"],
    ),
    "report_two_pages_fr": (
        facture_two_pages_report_fr,
        {
            "document_type": "invoice",
            "invoice_number": "24-0612",
            "invoice_date": "2024-06-14",
            "due_date": "2024-07-14",
            "vendor_name": "Traiteur Rhône Saveurs SAS",
            "customer_name": "Cabinet Morel Avocats",
            "currency": "EUR",
            "subtotal": "2400.00",
            "tax_amount": "240.00",
            "total": "2640.00",
            "amount_due": "2640.00",
            "vendor_tax_id": "FR14427183959",
            "iban": "FR1420041010050500013M02606",
        },
        ["260.00", "1280.00", "240.00", "220.00", "280.00", "120.00"],
    ),
    "cocontractant_be": (
        facture_cocontractant_be,
        {
            "document_type": "invoice",
            "invoice_number": "2024/0187",
            "invoice_date": "2024-05-28",
            "due_date": "2024-06-27",
            "vendor_name": "Électricité Lambotte SRL",
            "customer_name": "Construct Meuse SA",
            "currency": "EUR",
            "subtotal": "2400.00",
            "tax_amount": NO_TAX,
            "total": "2400.00",
            "amount_due": "2400.00",
            "vendor_tax_id": "BE0472918352",
            "iban": "BE21001234567803",
        },
        ["1850.00", "550.00"],
    ),
}


def _compact(value: str | None) -> str | None:
    if value is None:
        return None
    for mark in " .-/":
        value = value.replace(mark, "")
    return value.upper()


def _matches(name: str, got: str | None, expected) -> bool:
    if isinstance(expected, tuple):
        return any(_matches(name, got, one) for one in expected)
    if name == "vendor_tax_id" and got is not None and expected is not None:
        # the id as printed, compacted (`CHE-109.473.629 TVA` -> CHE109473629); an id printed without its
        # country prefix may be reported with it
        got_id, want = _compact(got).removesuffix("TVA").removesuffix("MWST"), _compact(expected)
        return got_id == want or got_id[2:] == want or want[2:] == got_id
    if name in {"vendor_name", "customer_name"} and got is not None and expected is not None:
        return got.casefold() == expected.casefold()  # a letterhead in capitals prints the same name
    if name == "po_number" and got is not None and expected is not None:
        return got.replace(" ", "") == expected.replace(" ", "")  # a code's spacing is no part of it
    return got == expected


def _field_params():
    for case in sorted(CASES):
        for name in CASES[case][1]:
            yield pytest.param(case, name, id=f"{case}-{name}")


_EXTRACTED: dict[str, object] = {}


def _extract(case: str):
    if case not in _EXTRACTED:
        _EXTRACTED[case] = extract_invoice(CASES[case][0](), options=TODAY)
    return _EXTRACTED[case]


@pytest.mark.parametrize(("case", "name"), list(_field_params()))
def test_field_a_reader_would_write_down(case, name):
    invoice = _extract(case)
    field = invoice.fields.get(name)
    got = None if field is None else field.value
    expected = CASES[case][1][name]
    assert _matches(name, got, expected), f"{case}.{name}: got {got!r}, expected {expected!r}"


@pytest.mark.parametrize("case", sorted(CASES))
def test_line_items_and_their_amounts(case):
    invoice = _extract(case)
    amounts = [item.cells["amount"].value for item in invoice.line_items if "amount" in item.cells]
    assert amounts == CASES[case][2]


def test_the_pages_identifiers_carry_valid_check_digits():
    """The ids printed on these pages are real-format ids (so a miss is the extraction's, not the data's)."""
    for _, expected, _ in CASES.values():
        if expected.get("iban"):
            IBAN(expected["iban"])  # raises on a bad check digit
    vendor_vats = [e["vendor_tax_id"] for _, e, _ in CASES.values() if e.get("vendor_tax_id")]
    for vat in vendor_vats:
        if vat.startswith("GB"):
            assert gb_vat.is_valid(vat)
        elif vat.startswith("CHE"):
            assert ch_uid.is_valid(vat)
        elif vat.startswith("ES"):
            assert es_dni.is_valid(vat[2:]) or es_cif.is_valid(vat[2:])
        elif vat[0].isdigit() and len(vat) == 14:
            assert fr_siret.is_valid(vat)
        elif "/" not in vat:  # a German Steuernummer has no check digit to test
            assert eu_vat.is_valid(vat), vat
    for buyer in ("DE281746396", "BE0458236116", "ATU57382914", "IT04739120584"):
        assert eu_vat.is_valid(buyer)
    assert es_cif.is_valid("B86472131") and es_cif.is_valid("E46281754")
    communication = "240315042765"  # +++240/3150/42765+++: the first ten digits mod 97 are the last two
    assert int(communication[:10]) % 97 == int(communication[10:])


def test_the_expected_amounts_add_up():
    """The pages' arithmetic is right (subtotal + tax = total; the items add up to the subtotal except
    where a discount or shipping sits between them)."""
    for case, (_, expected, items) in CASES.items():
        tax = expected["tax_amount"] if isinstance(expected["tax_amount"], str) else "0.00"
        if case not in {"state_county_tax_us", "forfettario_it"}:  # charges between subtotal and total
            assert float(expected["subtotal"]) + float(tax) == pytest.approx(float(expected["total"])), case
            assert sum(float(a) for a in items) == pytest.approx(float(expected["subtotal"])), case


# The general rules behind the fixes, each on a small page of its own.


def _fields(rows, today=date(2025, 6, 1)):
    invoice = extract_invoice(text_layer_page(rows), options=ExtractionOptions(today=today))
    return {name: field.value for name, field in invoice.fields.items()}


def _small_invoice(*tail, vendor=("Northgate Tools Ltd", 0.06)):
    return [
        [vendor],
        [("12 Mill Road, Leeds LS1 4AB", 0.06)],
        [],
        [("Invoice No.", 0.56), ("NT-1001", 0.74)],
        [("Invoice Date", 0.56), ("04/03/2024", 0.74)],
        [],
        [("Description", 0.06), ("Amount", 0.82)],
        [("Bench grinder", 0.06), ("200.00", 0.82)],
        [],
        *tail,
    ]


@pytest.mark.parametrize(
    ("terms", "due"),
    [
        ("Terms  Net 15", "2024-03-19"),
        ("NET 30", "2024-04-03"),
        ("Payable dans les 30 jours, sans escompte.", "2024-04-03"),
        ("2 % Skonto bei Zahlung innerhalb 8 Tagen", None),  # the terms of a cash discount: no due date
        ("Zahlbar innerhalb von 8 Tagen, abzüglich 2,5 % Skonto.", None),
        ("Zahlbar innerhalb 14 Tagen mit 2 % Skonto oder 30 Tage netto.", "2024-04-03"),
        ("Het bedrag wordt binnen 14 dagen teruggestort.", None),  # a refund, no term
    ],
)
def test_payment_terms_give_the_due_date(terms, due):
    rows = _small_invoice(
        [("Total", 0.56), ("200.00", 0.82)],
        [],
        [(terms, 0.06)],
    )
    assert _fields(rows).get("due_date") == due


@pytest.mark.parametrize(
    "note",
    [
        "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",
        "TVA non applicable, art. 293 B du CGI",
        "Steuernummer 13/245/67890",
    ],
)
def test_a_legal_reference_or_a_slashed_number_is_no_tax(note):
    fields = _fields(_small_invoice([("Total", 0.56), ("200.00", 0.82)], [], [(note, 0.06)]))
    assert fields.get("tax_amount") in (None, "0.00")
    assert fields["total"] == "200.00"


def test_a_page_that_says_no_vat_is_charged_has_its_total_as_net():
    with_note = _small_invoice([("Total", 0.56), ("200.00", 0.82)], [], [("VAT not applicable.", 0.06)])
    without = _small_invoice([("Total", 0.56), ("200.00", 0.82)])
    assert _fields(with_note).get("subtotal") == "200.00"
    assert _fields(without).get("subtotal") is None  # nothing says the total has no tax in it


def test_a_zero_rate_on_its_base_is_a_zero_tax():
    rows = _small_invoice(
        [("Subtotal", 0.56), ("200.00", 0.82)],
        [("VAT (0% on 200.00)", 0.56), ("0.00", 0.83)],
        [("Total", 0.56), ("200.00", 0.82)],
    )
    fields = _fields(rows)
    assert (fields.get("tax_amount"), fields.get("subtotal"), fields.get("total")) == (
        "0.00",
        "200.00",
        "200.00",
    )


def test_a_title_across_a_column_gap_is_no_part_of_the_name():
    from ocr_tasks.extraction.party_fields import clean_name

    assert clean_name("NORTHGATE TOOLS LTD      INVOICE") == "NORTHGATE TOOLS LTD"
    assert clean_name("Julien Marchand      FACTURE N° F2024-118") == "Julien Marchand"
    assert clean_name("ACME INVOICE SERVICES") == "ACME INVOICE SERVICES"  # a title word inside a name


def test_taxes_between_subtotal_and_total_add_up_with_the_charges():
    rows = _small_invoice(
        [("Subtotal", 0.56), ("200.00", 0.82)],
        [("Discount (10%)", 0.56), ("-20.00", 0.82)],
        [("Shipping", 0.56), ("10.00", 0.83)],
        [("State Sales Tax 6%", 0.56), ("10.80", 0.83)],
        [("County Tax 1%", 0.56), ("1.80", 0.84)],
        [("TOTAL", 0.56), ("202.60", 0.82)],
    )
    assert _fields(rows)["tax_amount"] == "12.60"
    broken = [
        [("Shipping", 0.56), ("12.00", 0.83)] if row and row[0][0] == "Shipping" else row for row in rows
    ]
    assert _fields(broken)["tax_amount"] != "12.60"  # the rows do not add up: no sum is made


def test_a_vat_id_in_the_column_under_bill_to_is_the_buyers():
    rows = [
        [("Invoice", 0.06)],
        [("Invoice number", 0.06), ("NT-1001", 0.24)],
        [("Date of issue", 0.06), ("March 4, 2024", 0.24)],
        [],
        [("Northgate Tools Ltd", 0.06), ("Bill to", 0.40)],
        [("12 Mill Road", 0.06), ("Vandermeer B.V.", 0.40)],
        [("Leeds LS1 4AB", 0.06), ("Keizersgracht 100", 0.40)],
        [("United Kingdom", 0.06), ("1015 CX Amsterdam", 0.40)],
        [("NL VAT NL814627390B01", 0.40)],
        [],
        [("Description", 0.06), ("Amount", 0.82)],
        [("Bench grinder", 0.06), ("200.00", 0.82)],
        [("Total", 0.56), ("200.00", 0.82)],
        [],
        [("Northgate Tools Ltd · VAT GB384716229", 0.06)],
    ]
    assert _fields(rows)["vendor_tax_id"] == "GB384716229"


@pytest.mark.parametrize(
    ("line", "iban"),
    [
        ("Wir buchen den Betrag per Lastschrift von Ihrem Konto DE34 2005 0550 1234 5678 90 ab.", None),
        ("Recibo domiciliado en ES91 2100 0418 4502 0005 1332", None),
        (  # a creditor's direct-debit id in another part of the row says nothing of the IBAN
            "SEPA-Lastschrift Gläubiger-ID DE98ZZZ09999999999 · IBAN DE34 2005 0550 1234 5678 90",
            "DE34200505501234567890",
        ),
    ],
)
def test_the_account_a_direct_debit_draws_on_is_the_payers(line, iban):
    fields = _fields(_small_invoice([("Total", 0.56), ("200.00", 0.82)], [], [(line, 0.06)]))
    assert fields.get("iban") == iban
