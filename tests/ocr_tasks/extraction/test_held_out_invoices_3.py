"""Round 3 of the held-out check (issue 13), independent of the synthetic generator (`bench/synthetic/`) and
of rounds 1 and 2 (`test_held_out_invoices.py`, `test_held_out_invoices_2.py`): 43 documents written by
hand as text-layer rows in the styles of the accounting software, platforms and tills that print most
small-business invoices, in layouts neither covers. VAT ids and IBANs carry valid check digits
(python-stdnum, schwifty). Each test asserts what a reader of the page would write down; the expectations
were written before the extraction was run on the pages.

Batch 1 (ten invoices): a Lexoffice-style Rechnung (logo letterhead, sender line, Lieferdatum beside the
date, a four-column footer, `Zahlung innerhalb von 14 Tagen` with no date printed), a craftsman's Rechnung
whose vendor is named only in the footer, with `EP €` / `GP €` columns and a Skonto clause before `zahlbar
bis`, an Exact-style factuur (`Factuur 2024/0042`, Vervaldatum, an article column, `€ 414,00`), a
QuickBooks-style US invoice (a DATE column in the items, `TERMS Net 30` and no due date printed, a payment,
`BALANCE DUE`, no sales tax in Oregon), a Spanish factura with a series (`Factura Serie A Nº 000123`), a
discount column and the client's CIF before the vendor's, a Fatture in Cloud-style fattura (`Fattura n.
12/A`, `Scadenze`), a Pennylane-style facture with spaces as thousands separators, a Xero-style UK tax
invoice (labels above values in a middle column, the vendor in the right column, zero-rated and standard
lines, a payment advice), a marketplace seller's Rechnung (`Verkauft von`, issued by the platform on the
seller's behalf with the platform's VAT id, the order number and date beside the invoice's, gross prices
per item), an Austrian hotel folio (dated stay rows, a local tax outside VAT, VAT per rate, paid by card).

Measurement, the first run of batch 1 before any fix (145 tests: 133 field checks, 10 item lists, 2 of the
pages' own data): 14 failed. Their general causes, fixed unless said:
- a vendor named only in a footer line (`Malerbetrieb Schröder · Inh. ... · Gartenstraße 9 · 34117 Kassel`)
  was no candidate, so the addressee (with `z. Hd.` under its name) was taken as the vendor and the
  customer went empty: a one-row sender address anywhere names the vendor (`party_fields.sender_line_name`,
  feature `sender_line`), an attention line under a name marks the recipient's block (2);
- `EP €` / `GP €` (Einzelpreis / Gesamtpreis) were no column labels: no items (1); `Scadenze` (1);
- `Rechnungsdatum/Lieferdatum` read as a delivery date, so the order date became the invoice date (a
  slash-joined label naming the invoice date is an invoice-date label) (1);
- `Verkauft von Müller Elektronik GmbH` and `To: Harbour Coffee Roasters Ltd` kept their labels in the name
  (2); on the Xero page: `Reference  PO 5521` taken as the invoice number and no PO (a value that names
  itself a PO is a po_number) (2), `Customer   The Lantern Café` on the payment advice read as the name under
  the label (`Number`) (a customer label's value across a column gap on its row) (1), `VAT Number` over
  `GB 285 3749 19` not read as the id's label, the company number won (a VAT-id label over its id) (1);
- the marketplace's `Versandkosten 0,00 €` row read as an item: not fixed, xfail below (1);
- two were the test's: the Lexoffice footer's IBAN ran into the next column's text (the page's columns
  overlapped; the column moved right), and `Atelier Bois & Lumière SAS` (the legal name in the footer) is as
  right as the letterhead's trade name (both accepted, as round 2 decided for `MENUISERIE DURAND & FILS`) (2).

Batch 2 (ten documents written after those fixes, as a check of them): an Italian till receipt
(`DOCUMENTO COMMERCIALE`, `di cui IVA`), a German fuel station's receipt, a Dutch taxi receipt
(`Ritnummer`, `Waarvan btw 9%`), a German Schlussrechnung (two Abschlagsrechnungen subtracted, a 5 %
Sicherheitseinbehalt, `Zahlbetrag`), a French situation de travaux (`Maître d'ouvrage`, cumulative lots,
earlier situations subtracted, retenue de garantie, `Net à payer`), a Zoho-style US invoice (a discount in
parentheses, `Payment Made (-)`, `Balance Due`, `Due on Receipt`), a Sage-style UK invoice (`Invoice/Tax
Date`, `Net Amt` with a VAT column right of it, the VAT number without its prefix, `Company No.`), an Irish
invoice in euro at 0 %, 13.5 % and 23 %, a German ERP Rechnung with `Beleg-Nr.` and discount rows with a
trailing minus (`24,96-`), a French quote (`DEVIS`). 9 of their 142 checks failed at first:
- an untitled page paid by card with no customer (the fuel station's, the taxi's) read as an invoice: it is
  a receipt (`document_type`; lexicons' `card_payment` in six languages) (2);
- `Plomberie Martin  DEVIS N° D-2024-031`: a quote's title across the column gap made the name no name
  (lexicons' `quote_title`) (1); the quote's `document_type` was `invoice` because there was no `quote`
  type: fixed in round 4, which added the type (`test_held_out_invoices_4.py`) (1);
- `Maître d'ouvrage` (the client's label on building work) read as the client's name (1); `Montant de la
  situation HT` no net label, so `Net à payer` after the retention became total and net (a label ending in
  `HT` is a net label; subtotal + tax = total then picks `Montant TTC`) (2);
- `Ritnummer: 20240315-088`: no number label, and a number holding a date read as a date (1);
- the ERP's discount row under an item ended the items table (1): fixed after batch 4 (an item's discount
  row, a discount label with one negative amount and another item after it, is skipped; line_items.py).

Batch 3 (five documents written after the fixes of batch 2): an Italian e-invoice's courtesy copy as the
SDI viewers print it (`Cedente/prestatore` and `Cessionario/committente` side by side, `Denominazione:`,
unit prices with eight decimals, `RIEPILOGHI IVA E TOTALI`), a Spanish `FACTURA RECTIFICATIVA` with negative
amounts, a sevDesk-style Rechnung (`Zahlungsziel  14 Tage`, 7 % and 19 %, pipes as separators), a French
car park's receipt, a Moneybird-style factuur (a discount line in parentheses). 6 of their 70 checks failed
at first, all on the courtesy copy, all fixed:
- `Denominazione: Ferramenta Colombo S.r.l.` kept its label (lexicons' `name_label`) (1);
- `Cessionario/committente (cliente)`: the gloss in brackets made the label no label, so the customer was
  the label and the customer's VAT id (under it) the vendor's (lexicon phrases for the SDI's two party
  labels; a bracketed gloss after a customer label) (2);
- `Totale imponibile` / `Totale imposta` over a row that starts with a cell (`I (immediata)`): the cell was
  taken as the amounts' label, no net, no tax (a row of a table whose header also heads the amounts takes
  the header's labels) (2);
- `8,50000000` read as 8 and 50000000 (amounts with up to eight decimals); then the VAT summary's row under
  its own header was read as a fourth item (another table's header ends the items) (1).

Batch 4 (five documents written after the fixes of batch 3): a FreshBooks-style US invoice (a row of
labels over their values, `Amount Due (USD)`), a bexio-style Swiss Rechnung (a sender line with commas,
MWST 8.1 %, `Zahlbar innert 30 Tagen netto`), a Dutch webshop's factuur paid by iDEAL (`Openstaand € 0,00`),
an Austrian bakery's till receipt (`1 x Vollkornbrot  4,20 A`, two VAT rates in a table without a sum row,
`Bar` and `Rückgeld`), a marketplace seller's VAT invoice in English (`Sold by`, `Invoice date / Delivery
date`). 5 of their 72 checks failed at first, all on the till receipt, all fixed:
- `Bar` (cash) was in no German lexicon entry, so cash handed over and change given did not make it a
  receipt (1); an item row with its price (`2 x Kaisersemmel à 0,45`) read as the customer's name (1);
- the VAT table's rows per rate without a sum row: the first rate's net and tax were taken (the columns'
  sums are the net and the tax when they add up to the total) (2);
- items printed quantity first (`1 x Vollkornbrot  4,20 A`) had no description and were dropped
  (receipt_items.py, another helper's module: a small change) (1).

Batch 5 (five documents written after the fixes of batch 4): a Spanish garage's factura (parts and labour,
`Cliente:` inline), a German plumber's Rechnung (`Zahlbar sofort`, the labour share under § 35a EStG), a
French facture with `45 jours fin de mois`, a US law firm's invoice with a statement of account (fees and
expenses in two sections, previous balance, payments received), a Dutch freelancer's factuur under the KOR
(no VAT, `Betaaltermijn: 14 dagen`). 4 of their 71 checks failed at first:
- `45 jours fin de mois` gave the 45th day, not the end of that month (lexicons' `end_of_month`) (1);
- `Betaaltermijn` was no payment-terms word (1);
- `Cliente: Transportes Moncayo S.L.`: the address block's name kept its label, and the labelled reading
  lost the name's last dot (1);
- the law firm's expenses after `Total Fees` were not read as items: xfail below (1).

Batch 6 (five documents written after the fixes of batch 5): a German Rechnung with `Fälligkeitsdatum` in
the box and a dated Skonto in the text, a Florence B&B's fattura (a city tax outside VAT, the guest under
`Ospite:`, no currency sign), a UK energy bill (VAT at 5 % and 20 % on their bases between the charges, a
direct debit date), a French `NOTE D'HONORAIRES`, a Spanish factura with `Albarán` and `Pedido` numbers,
IVA at 4 % and 10 % and `Vencimiento: 30 días f.f.`. 9 of their 71 checks failed at first:
- per-rate nets and taxes without a sum (`Base imponible 4% / IVA 4% / Base imponible 10% / IVA 10%`, `VAT
  at 5% on 117.48  5.87 / VAT at 20% on 12.00  2.40`): one rate's taken (their sums are the net and the tax
  when they add up to the total) (4);
- `We will collect £137.75 by Direct Debit on or after 15 April 2024` gave no due date (lexicon) (1);
- `Ospite: Mr. James Wilson` kept its label (1); no currency on a page without a sign whose only country
  cue is `P.IVA` (country packs' `tax_id_labels`: a national id's label votes for its country) (1);
- the B&B's city-tax item and the energy bill's VAT rows between the charges: xfail below (2).
The test of the pages' own arithmetic also failed once: the B&B's items add up to the total, not the net
(the test's error, corrected).

Batch 7 (three documents written after the fixes of batch 6): a German physician's GOÄ invoice (no VAT
under § 4 Nr. 14 UStG), a US hardware store's register receipt (barcodes, `VISA`, a return policy naming
the receipt), a French rent call (`AVIS D'ÉCHÉANCE`, `Date d'exigibilité`, an SCI). 6 of their 42 checks
failed at first:
- a receipt word in a sentence (`RETURN POLICY: ... WITH RECEIPT`) counted as an invoice title, so the
  card-paid page stayed an invoice (1); a bare 12-digit barcode read as the vendor's tax id (a number of
  digits alone is a tax id only with a tax-id label) (1);
- `SCI Presqu'île Invest` cut to `SCI` (a legal form that starts a name starts it), and two rows that hold
  the recipient's name (`TVA FR... Boulangerie Fournier SARL`) were no recipient's block; `AVIS D'ÉCHÉANCE`
  no title (lexicon) and taken as the customer (2);
- the items table's own sum row read as the first item's HT and TVA: xfail below (2).

The xfail marks (strict) keep the right expectation where the fix is not made here: see `KNOWN_MISSES`.
"""

from __future__ import annotations

from datetime import date

import pytest
from schwifty import IBAN
from stdnum.ch import uid as ch_uid
from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from tests.ocr_tasks.extraction.held_out_checks import field_params, item_params, matches
from tests.ocr_tasks.extraction.layout_pages import text_layer_page

TODAY = ExtractionOptions(today=date(2025, 6, 1))
NO_TAX = (None, "0.00")


def lexoffice_rechnung_de():
    """A Leipzig web agency's Rechnung as Lexoffice prints it: the letterhead is a logo (no text), the sender
    line over the address window with `z.Hd.`, an info box right (Rechnungsnr., Kundennr., Datum,
    Lieferdatum, contact person), `Rechnung Nr. ...` as the title, a salutation, an Einheit column,
    `Gesamtbetrag netto` / `zzgl. Umsatzsteuer 19 %` / `Gesamtbetrag brutto`, payment terms in days only,
    the footer in four columns (address, contact, bank, registration and VAT id)."""
    rows = [
        [],
        [],
        [("Pixelwerk Medien GmbH · Karl-Liebknecht-Str. 45 · 04107 Leipzig", 0.06)],
        [("Bäckerei Krüger OHG", 0.06), ("Rechnungsnr.", 0.60), ("RE-2024-000123", 0.78)],
        [("z.Hd. Herrn Martin Krüger", 0.06), ("Kundennr.", 0.60), ("10042", 0.78)],
        [("Lindenauer Markt 8", 0.06), ("Datum", 0.60), ("15.04.2024", 0.78)],
        [("04177 Leipzig", 0.06), ("Lieferdatum", 0.60), ("12.04.2024", 0.78)],
        [("Ihr Ansprechpartner", 0.60), ("Sandra Weiß", 0.78)],
        [],
        [("Rechnung Nr. RE-2024-000123", 0.06)],
        [],
        [("Sehr geehrter Herr Krüger,", 0.06)],
        [("vielen Dank für Ihren Auftrag. Wir stellen Ihnen hiermit folgende Leistungen in Rechnung:", 0.06)],
        [],
        [
            ("Pos.", 0.06),
            ("Bezeichnung", 0.11),
            ("Menge", 0.50),
            ("Einheit", 0.58),
            ("Einzelpreis", 0.68),
            ("Gesamtpreis", 0.83),
        ],
        [
            ("1", 0.06),
            ("Webdesign Startseite", 0.11),
            ("1", 0.52),
            ("pauschal", 0.58),
            ("1.200,00 €", 0.68),
            ("1.200,00 €", 0.84),
        ],
        [
            ("2", 0.06),
            ("Unterseiten", 0.11),
            ("6", 0.52),
            ("Stk.", 0.58),
            ("85,00 €", 0.70),
            ("510,00 €", 0.85),
        ],
        [
            ("3", 0.06),
            ("Hosting-Paket Business", 0.11),
            ("12", 0.52),
            ("Monat", 0.58),
            ("9,90 €", 0.71),
            ("118,80 €", 0.85),
        ],
        [("Laufzeit 01.05.2024 bis 30.04.2025", 0.11)],
        [],
        [("Gesamtbetrag netto", 0.58), ("1.828,80 €", 0.84)],
        [("zzgl. Umsatzsteuer 19 %", 0.58), ("347,47 €", 0.85)],
        [("Gesamtbetrag brutto", 0.58), ("2.176,27 €", 0.84)],
        [],
        [("Zahlungsbedingungen: Zahlung innerhalb von 14 Tagen ab Rechnungsdatum ohne Abzug.", 0.06)],
        [],
        [("Mit freundlichen Grüßen", 0.06)],
        [("Sandra Weiß", 0.06)],
        [],
        [],
        [
            ("Pixelwerk Medien GmbH", 0.06),
            ("Tel. 0341 2345678", 0.30),
            ("Sparkasse Leipzig", 0.52),
            ("USt-IdNr. DE274518364", 0.81),
        ],
        [
            ("Karl-Liebknecht-Str. 45", 0.06),
            ("info@pixelwerk-medien.de", 0.30),
            ("IBAN DE95 8605 0000 1100 4567 89", 0.52),
            ("Amtsgericht Leipzig", 0.81),
        ],
        [
            ("04107 Leipzig", 0.06),
            ("www.pixelwerk-medien.de", 0.30),
            ("BIC WELADE8LXXX", 0.52),
            ("HRB 34567", 0.81),
        ],
        [("GF: Jan Weiß", 0.81)],
    ]
    return text_layer_page(rows)


def craftsman_rechnung_footer_vendor_de():
    """A Kassel painter's Rechnung from a craftsman's software: the letterhead is a logo, no sender line, the
    customer with `z. Hd.`, `Rechnungs-Nr.:` / `Rechnungsdatum:` / `Leistungszeitraum:` right, quantities
    with decimals and units (m², psch), a Skonto clause whose own date comes before the net date
    (`Bei Zahlung innerhalb von 10 Tagen 2 % Skonto, zahlbar bis 30.04.2024`), the vendor named only in
    the footer with its bank and VAT id."""
    rows = [
        [],
        [],
        [],
        [("Hausverwaltung Becker GmbH", 0.06)],
        [("z. Hd. Frau Anja Becker", 0.06), ("Rechnungs-Nr.:", 0.60), ("2024-0311", 0.78)],
        [("Wilhelmshöher Allee 201", 0.06), ("Rechnungsdatum:", 0.60), ("16.04.2024", 0.78)],
        [("34119 Kassel", 0.06), ("Leistungszeitraum:", 0.60), ("08.04.–12.04.2024", 0.78)],
        [("Kunden-Nr.:", 0.60), ("K-2207", 0.78)],
        [],
        [("Rechnung", 0.06)],
        [("Bauvorhaben: Treppenhaus Wilhelmshöher Allee 201", 0.06)],
        [],
        [
            ("Pos.", 0.06),
            ("Leistung", 0.11),
            ("Menge", 0.52),
            ("Einh.", 0.60),
            ("EP €", 0.70),
            ("GP €", 0.85),
        ],
        [
            ("1", 0.06),
            ("Wandflächen streichen, Dispersion weiß", 0.11),
            ("86,50", 0.52),
            ("m²", 0.60),
            ("8,40", 0.71),
            ("726,60", 0.85),
        ],
        [
            ("2", 0.06),
            ("Decken streichen", 0.11),
            ("32,00", 0.52),
            ("m²", 0.60),
            ("9,20", 0.71),
            ("294,40", 0.85),
        ],
        [
            ("3", 0.06),
            ("Abdeck- und Schutzarbeiten", 0.11),
            ("1,00", 0.52),
            ("psch", 0.60),
            ("120,00", 0.70),
            ("120,00", 0.85),
        ],
        [],
        [("Nettobetrag", 0.60), ("1.141,00", 0.84)],
        [("MwSt. 19 %", 0.60), ("216,79", 0.85)],
        [("Rechnungsbetrag", 0.60), ("1.357,79", 0.84)],
        [],
        [("Bei Zahlung innerhalb von 10 Tagen 2 % Skonto, zahlbar bis 30.04.2024.", 0.06)],
        [],
        [],
        [
            (
                "Malerbetrieb Schröder · Inh. Kai Schröder · Gartenstraße 9 · 34117 Kassel · Tel. 0561 7122",
                0.06,
            )
        ],
        [
            (
                "Sparkasse · IBAN DE87 5205 0353 0002 3456 78 · BIC HELADEF1KAS · USt-Id DE318620496",
                0.06,
            )
        ],
    ]
    return text_layer_page(rows)


def exact_factuur_nl():
    """An Utrecht refrigeration installer's factuur as Exact Online prints it: the letterhead left, the title
    with the number (`Factuur 2024/0042`), label-value rows right (Factuurdatum, Vervaldatum,
    Debiteurnummer, Uw referentie), the customer `Ter attentie van`, an article column before the
    description, a BTW column, `€ 414,00` with the sign before the amount, `Btw 21% over € 414,00`, the
    footer with KvK, btw-nummer, IBAN and BIC."""
    rows = [
        [("Van Dijk Koeltechniek B.V.", 0.06)],
        [("Atoomweg 62", 0.06)],
        [("3542 AB Utrecht", 0.06)],
        [("030 - 241 88 90", 0.06)],
        [],
        [("Broodbakkerij De Korenaar", 0.06), ("Factuur 2024/0042", 0.58)],
        [("Ter attentie van dhr. P. Smit", 0.06)],
        [("Voorstraat 17", 0.06), ("Factuurdatum", 0.58), ("18-03-2024", 0.76)],
        [("3512 AJ Utrecht", 0.06), ("Vervaldatum", 0.58), ("17-04-2024", 0.76)],
        [("Debiteurnummer", 0.58), ("20315", 0.76)],
        [("Uw referentie", 0.58), ("Storing koelcel", 0.76)],
        [],
        [
            ("Artikel", 0.06),
            ("Omschrijving", 0.17),
            ("Aantal", 0.52),
            ("Prijs", 0.62),
            ("Btw", 0.73),
            ("Bedrag", 0.85),
        ],
        [
            ("SRV-01", 0.06),
            ("Onderhoud koelinstallatie", 0.17),
            ("4,00", 0.52),
            ("€ 68,50", 0.62),
            ("21%", 0.73),
            ("€ 274,00", 0.84),
        ],
        [
            ("KM-R32", 0.06),
            ("Koudemiddel R32 (kg)", 0.17),
            ("2,50", 0.52),
            ("€ 42,00", 0.62),
            ("21%", 0.73),
            ("€ 105,00", 0.84),
        ],
        [
            ("VRK", 0.06),
            ("Voorrijkosten", 0.17),
            ("1,00", 0.52),
            ("€ 35,00", 0.62),
            ("21%", 0.73),
            ("€ 35,00", 0.85),
        ],
        [],
        [("Totaal excl. btw", 0.58), ("€ 414,00", 0.84)],
        [("Btw 21% over € 414,00", 0.58), ("€ 86,94", 0.85)],
        [("Totaal incl. btw", 0.58), ("€ 500,94", 0.84)],
        [],
        [
            (
                "Gelieve het bedrag vóór de vervaldatum over te maken o.v.v. het factuurnummer.",
                0.06,
            )
        ],
        [],
        [("KvK 30123456 · Btw-nr. NL853071421B01 · IBAN NL67 INGB 0006 5432 10 · BIC INGBNL2A", 0.06)],
    ]
    return text_layer_page(rows)


def quickbooks_invoice_us():
    """An Oregon landscaper's invoice as QuickBooks prints it: letterhead left, `INVOICE` right, BILL TO and
    SHIP TO side by side beside an `INVOICE #` / `DATE` / `TERMS` box with no due date printed (Net 30 from
    the date), a P.O. number, a DATE column in the items (service dates, no invoice dates), TAX 0.00 (no
    sales tax in Oregon), a payment received and a BALANCE DUE."""
    rows = [
        [("Redwood Landscaping LLC", 0.06), ("INVOICE", 0.76)],
        [("850 Alder St", 0.06)],
        [("Eugene, OR 97401", 0.06)],
        [("(541) 555-0137", 0.06)],
        [("office@redwoodlandscaping.com", 0.06)],
        [],
        [("BILL TO", 0.06), ("SHIP TO", 0.34), ("INVOICE #", 0.62), ("10023", 0.80)],
        [
            ("Willamette Dental Group", 0.06),
            ("Willamette Dental Group", 0.34),
            ("DATE", 0.62),
            ("03/15/2024", 0.80),
        ],
        [("PO Box 1120", 0.06), ("2290 Oakmont Way", 0.34), ("TERMS", 0.62), ("Net 30", 0.80)],
        [("Eugene, OR 97440", 0.06), ("Eugene, OR 97401", 0.34)],
        [],
        [("P.O. NUMBER", 0.06)],
        [("7734", 0.06)],
        [],
        [
            ("DATE", 0.06),
            ("ACTIVITY", 0.17),
            ("DESCRIPTION", 0.30),
            ("QTY", 0.60),
            ("RATE", 0.70),
            ("AMOUNT", 0.84),
        ],
        [
            ("03/04/2024", 0.06),
            ("Labor", 0.17),
            ("Spring cleanup crew (hours)", 0.30),
            ("12", 0.61),
            ("55.00", 0.70),
            ("660.00", 0.85),
        ],
        [
            ("03/04/2024", 0.06),
            ("Materials", 0.17),
            ("Bark mulch (cu yd)", 0.30),
            ("8", 0.61),
            ("42.50", 0.70),
            ("340.00", 0.85),
        ],
        [
            ("03/11/2024", 0.06),
            ("Irrigation", 0.17),
            ("Sprinkler head replacement", 0.30),
            ("6", 0.61),
            ("18.75", 0.70),
            ("112.50", 0.85),
        ],
        [],
        [("Thank you for your business!", 0.06), ("SUBTOTAL", 0.62), ("1,112.50", 0.84)],
        [("TAX", 0.62), ("0.00", 0.86)],
        [("TOTAL", 0.62), ("1,112.50", 0.84)],
        [("PAYMENT", 0.62), ("500.00", 0.85)],
        [("BALANCE DUE", 0.62), ("$612.50", 0.84)],
    ]
    return text_layer_page(rows)


def factura_serie_es():
    """A Málaga photography studio's factura: `Factura Serie A Nº 000123`, `Fecha` and `Fecha de
    vencimiento`, the client's block with its CIF printed before the vendor's (the vendor's NIF is in the
    footer), a discount column (`Dto.`), `Base imponible` / `IVA 21 %` / `Total factura`, the bank account
    under `Forma de pago`."""
    rows = [
        [("ESTUDIO LUMEN", 0.06)],
        [("fotografía de interiores", 0.06)],
        [],
        [("Factura Serie A Nº 000123", 0.06)],
        [("Fecha: 12/03/2024", 0.06)],
        [("Fecha de vencimiento: 11/04/2024", 0.06)],
        [],
        [("Cliente", 0.52)],
        [("Hostal Miramar S.L.", 0.52)],
        [("CIF: B45183928", 0.52)],
        [("Paseo Marítimo Pablo Ruiz Picasso 12", 0.52)],
        [("29016 Málaga", 0.52)],
        [],
        [("Concepto", 0.06), ("Cant.", 0.50), ("Precio", 0.60), ("Dto.", 0.71), ("Importe", 0.84)],
        [
            ("Sesión fotográfica de habitaciones", 0.06),
            ("1", 0.51),
            ("650,00", 0.60),
            ("0 %", 0.71),
            ("650,00 €", 0.84),
        ],
        [("Retoque de imágenes", 0.06), ("40", 0.51), ("12,00", 0.61), ("10 %", 0.71), ("432,00 €", 0.84)],
        [("Desplazamiento", 0.06), ("1", 0.51), ("45,00", 0.61), ("0 %", 0.71), ("45,00 €", 0.85)],
        [],
        [("Base imponible", 0.60), ("1.127,00 €", 0.83)],
        [("IVA 21 %", 0.60), ("236,67 €", 0.84)],
        [("Total factura", 0.60), ("1.363,67 €", 0.83)],
        [],
        [("Forma de pago: transferencia bancaria", 0.06)],
        [("ES59 2100 0418 4145 0234 5678", 0.06)],
        [],
        [
            (
                "Estudio Lumen S.L. · NIF B06273817 · Calle Larios 4 · 29005 Málaga · hola@estudiolumen.es",
                0.06,
            )
        ],
        [("Inscrita en el Registro Mercantil de Málaga, Tomo 5432, Folio 87, Hoja MA-123456", 0.06)],
    ]
    return text_layer_page(rows)


def fatture_in_cloud_it():
    """A Verona print shop's fattura as Fatture in Cloud prints it: the vendor left with P.IVA, the customer
    under `Destinatario` right with its own P.IVA and codice destinatario (SDI), `Fattura n. 12/A` and
    `Data 15/03/2024`, `Qtà`, an IVA column, `Imponibile` / `IVA 22%` / `Totale documento`, a `Scadenze`
    list (date and amount) and the IBAN under `Metodo di pagamento`."""
    rows = [
        [("Tipografia Scaligera di Marco Rossi", 0.06)],
        [("Via Mazzini 40", 0.06)],
        [("37121 Verona (VR)", 0.06), ("Destinatario", 0.56)],
        [("P.IVA IT02847150360", 0.06), ("Pasticceria Dolce Vita S.r.l.", 0.56)],
        [("info@tipografiascaligera.it", 0.06), ("Corso Porta Nuova 9", 0.56)],
        [("37122 Verona (VR)", 0.56)],
        [("P.IVA IT01739520482", 0.56)],
        [("Codice destinatario: M5UXCR1", 0.56)],
        [],
        [("Fattura n. 12/A", 0.06)],
        [("Data 15/03/2024", 0.06)],
        [],
        [("Descrizione", 0.06), ("Qtà", 0.50), ("Prezzo", 0.60), ("IVA", 0.71), ("Importo", 0.84)],
        [
            ("Stampa brochure A4, 500 copie", 0.06),
            ("500", 0.50),
            ("1,20", 0.61),
            ("22%", 0.71),
            ("600,00", 0.85),
        ],
        [("Progettazione grafica", 0.06), ("1", 0.51), ("250,00", 0.60), ("22%", 0.71), ("250,00", 0.85)],
        [],
        [("Imponibile", 0.60), ("€ 850,00", 0.83)],
        [("IVA 22%", 0.60), ("€ 187,00", 0.83)],
        [("Totale documento", 0.60), ("€ 1.037,00", 0.82)],
        [],
        [("Scadenze", 0.06)],
        [("14/04/2024", 0.06), ("€ 1.037,00", 0.24)],
        [],
        [("Metodo di pagamento", 0.06)],
        [("Bonifico bancario - IBAN IT25 O030 6909 6061 0000 0012 345", 0.06)],
    ]
    return text_layer_page(rows)


def pennylane_facture_fr():
    """A Lyon carpentry workshop's facture as Pennylane prints it: the vendor left, `Facture` right with
    `Numéro`, `Date d'émission` and `Date d'échéance`, the client with `À l'attention de`, amounts with a
    space as the thousands separator and `€` after them (`2 900,00 €`), `Total HT` / `TVA 20 %` /
    `Total TTC` / `Montant restant dû`, the legal footer (SAS, capital, SIREN, RCS, TVA) and the bank."""
    rows = [
        [("Atelier Bois & Lumière", 0.06), ("Facture", 0.62)],
        [("14 rue de la Charité", 0.06), ("Numéro", 0.62), ("F-2024-0042", 0.80)],
        [("69002 Lyon", 0.06), ("Date d'émission", 0.62), ("15/03/2024", 0.80)],
        [("contact@boisetlumiere.fr", 0.06), ("Date d'échéance", 0.62), ("14/04/2024", 0.80)],
        [],
        [("Facturé à", 0.06)],
        [("Hôtel Le Cèdre SARL", 0.06)],
        [("À l'attention de M. Paul Girard", 0.06)],
        [("3 place Bellecour", 0.06)],
        [("69002 Lyon", 0.06)],
        [],
        [
            ("Désignation", 0.06),
            ("Qté", 0.48),
            ("Prix unitaire HT", 0.56),
            ("TVA", 0.72),
            ("Total HT", 0.83),
        ],
        [
            ("Table en chêne massif sur mesure", 0.06),
            ("2", 0.49),
            ("1 450,00 €", 0.56),
            ("20 %", 0.72),
            ("2 900,00 €", 0.83),
        ],
        [
            ("Livraison et installation", 0.06),
            ("1", 0.49),
            ("180,00 €", 0.57),
            ("20 %", 0.72),
            ("180,00 €", 0.85),
        ],
        [],
        [("Total HT", 0.62), ("3 080,00 €", 0.83)],
        [("TVA 20 %", 0.62), ("616,00 €", 0.84)],
        [("Total TTC", 0.62), ("3 696,00 €", 0.83)],
        [("Montant restant dû", 0.62), ("3 696,00 €", 0.83)],
        [],
        [("Paiement par virement : IBAN FR76 3000 4015 8700 0123 4567 805 · BIC BNPAFRPPXXX", 0.06)],
        [
            (
                "En cas de retard de paiement, une indemnité forfaitaire de 40 € pour frais de recouvrement",
                0.06,
            )
        ],
        [("sera exigée (art. L441-10 du Code de commerce).", 0.06)],
        [],
        [("Atelier Bois & Lumière SAS au capital de 10 000 € · SIREN 823 104 567 · RCS Lyon", 0.06)],
        [("TVA intracommunautaire FR39823104567", 0.06)],
    ]
    return text_layer_page(rows)


def xero_tax_invoice_uk():
    """A Bristol coffee roaster's tax invoice as Xero prints it: `TAX INVOICE` and the customer left, a
    middle column of labels above their values (Invoice Date, Invoice Number, Reference, VAT Number), the
    vendor's name and address in the right column, a zero-rated line beside standard-rated ones, `TOTAL VAT
    20%`, `TOTAL GBP`, the due date under the table, bank details by sort code (no IBAN), the company number
    in the footer, and a payment advice to cut off that repeats the number, the amount and the due date."""
    rows = [
        [("TAX INVOICE", 0.06), ("Invoice Date", 0.48), ("Harbour Coffee Roasters Ltd", 0.72)],
        [("15 Mar 2024", 0.48), ("Unit 4, Wapping Wharf", 0.72)],
        [("The Lantern Café", 0.06), ("Invoice Number", 0.48), ("Bristol", 0.72)],
        [("22 Gloucester Road", 0.06), ("INV-0042", 0.48), ("BS1 6WP", 0.72)],
        [("Bristol", 0.06), ("Reference", 0.48), ("United Kingdom", 0.72)],
        [("BS7 8AE", 0.06), ("PO 5521", 0.48)],
        [("VAT Number", 0.48)],
        [("GB 285 3749 19", 0.48)],
        [],
        [
            ("Description", 0.06),
            ("Quantity", 0.46),
            ("Unit Price", 0.57),
            ("VAT", 0.69),
            ("Amount GBP", 0.82),
        ],
        [
            ("Espresso Blend 1kg", 0.06),
            ("10.00", 0.48),
            ("18.50", 0.59),
            ("Zero Rated", 0.67),
            ("185.00", 0.85),
        ],
        [("Milk Jug 600ml", 0.06), ("4.00", 0.49), ("12.00", 0.59), ("20%", 0.69), ("48.00", 0.86)],
        [
            ("Barista Training (half day)", 0.06),
            ("1.00", 0.49),
            ("150.00", 0.58),
            ("20%", 0.69),
            ("150.00", 0.85),
        ],
        [],
        [("Subtotal", 0.62), ("383.00", 0.85)],
        [("TOTAL VAT 20%", 0.62), ("39.60", 0.86)],
        [("TOTAL GBP", 0.62), ("422.60", 0.85)],
        [],
        [("Due Date: 14 April 2024", 0.06)],
        [("Bank: Barclays  Sort Code: 20-00-00  Account: 53917284", 0.06)],
        [],
        [
            (
                "Company Registration No: 08123456. Registered Office: Unit 4, Wapping Wharf, Bristol.",
                0.06,
            )
        ],
        [],
        [("- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -", 0.06)],
        [("PAYMENT ADVICE", 0.06)],
        [("To: Harbour Coffee Roasters Ltd", 0.06), ("Customer", 0.48), ("The Lantern Café", 0.66)],
        [("Unit 4, Wapping Wharf", 0.06), ("Invoice Number", 0.48), ("INV-0042", 0.66)],
        [("Bristol", 0.06), ("Amount Due", 0.48), ("422.60", 0.66)],
        [("BS1 6WP", 0.06), ("Due Date", 0.48), ("14 Apr 2024", 0.66)],
        [("Amount Enclosed", 0.48)],
    ]
    return text_layer_page(rows)


def marketplace_rechnung_de():
    """A marketplace seller's Rechnung as the platform prints it: `Rechnung` with the platform's payment
    reference, `Verkauft von` the seller with its USt-IdNr., billing and delivery address side by side, the
    invoice number beside the order number and date, items with a net unit price, a rate, a gross unit
    price and a gross subtotal, the VAT summary per rate, and the note that the platform issued the
    invoice on the seller's behalf with the platform's own VAT id."""
    rows = [
        [("Rechnung", 0.06), ("Zahlungsreferenznummer 2hKd7QmWxLp", 0.56)],
        [("Verkauft von Müller Elektronik GmbH", 0.56)],
        [("USt-IdNr. DE209734512", 0.56)],
        [],
        [("Rechnungsdatum/Lieferdatum", 0.06), ("15.03.2024", 0.30)],
        [("Rechnungsnummer", 0.06), ("INV-DE-1187346-2024", 0.30)],
        [("Gesamtbetrag", 0.06), ("49,97 €", 0.30)],
        [],
        [("Rechnungsadresse", 0.06), ("Lieferadresse", 0.36), ("Verkauft von", 0.66)],
        [("Sabine Hartmann", 0.06), ("Sabine Hartmann", 0.36), ("Müller Elektronik GmbH", 0.66)],
        [("Sonnenstraße 8", 0.06), ("Packstation 142", 0.36), ("Industriestraße 3", 0.66)],
        [("80331 München", 0.06), ("80335 München", 0.36), ("90765 Fürth", 0.66)],
        [("DE", 0.06), ("DE", 0.36), ("DE", 0.66)],
        [],
        [("Bestellinformationen", 0.06)],
        [("Bestelldatum 13.03.2024", 0.06)],
        [("Bestellnummer 302-4471829-6650312", 0.06)],
        [],
        [
            ("Beschreibung", 0.06),
            ("Menge", 0.40),
            ("Stückpreis", 0.48),
            ("USt. %", 0.60),
            ("Stückpreis", 0.68),
            ("Zwischensumme", 0.82),
        ],
        [("(ohne USt.)", 0.48), ("(inkl. USt.)", 0.68), ("(inkl. USt.)", 0.82)],
        [
            ("USB-C Ladegerät 65 W", 0.06),
            ("1", 0.41),
            ("25,20 €", 0.49),
            ("19 %", 0.60),
            ("29,99 €", 0.69),
            ("29,99 €", 0.84),
        ],
        [
            ("HDMI-Kabel 2 m", 0.06),
            ("2", 0.41),
            ("8,39 €", 0.50),
            ("19 %", 0.60),
            ("9,99 €", 0.70),
            ("19,98 €", 0.84),
        ],
        [("Versandkosten", 0.06), ("0,00 €", 0.70), ("0,00 €", 0.85)],
        [],
        [("Gesamtpreis", 0.60), ("49,97 €", 0.84)],
        [],
        [("USt. %", 0.48), ("Zwischensumme (ohne USt.)", 0.60), ("USt.", 0.86)],
        [("19 %", 0.48), ("41,99 €", 0.64), ("7,98 €", 0.86)],
        [("Gesamt", 0.48), ("41,99 €", 0.64), ("7,98 €", 0.86)],
        [],
        [
            (
                "Diese Rechnung wurde von Amazon Services Europe S.à r.l. im Namen der",
                0.06,
            )
        ],
        [("Müller Elektronik GmbH ausgestellt. USt-IdNr. Amazon Services Europe S.à r.l.: LU20260743", 0.06)],
    ]
    return text_layer_page(rows)


def hotel_folio_at():
    """A St. Anton hotel's folio: the hotel centred, the guest left, the folio's data right (Rechnung Nr.,
    Datum, Zimmer, Anreise, Abreise), dated stay rows (a date per row, no invoice dates), a local tax that
    carries no VAT, a VAT summary per rate with a total row (Netto, MwSt, Brutto), the card payment as a
    negative row and a zero balance."""
    rows = [
        [("Hotel Alpenrose", 0.40)],
        [("Dorfstraße 14 · 6580 St. Anton am Arlberg · Österreich", 0.24)],
        [("Tel. +43 5446 2233 · rezeption@alpenrose-stanton.at", 0.27)],
        [],
        [("Herr", 0.06), ("Rechnung Nr.", 0.60), ("45123", 0.78)],
        [("Thomas Berger", 0.06), ("Datum", 0.60), ("13.03.2024", 0.78)],
        [("Friedrichstraße 55", 0.06), ("Zimmer", 0.60), ("214", 0.78)],
        [("10117 Berlin", 0.06), ("Anreise", 0.60), ("10.03.2024", 0.78)],
        [("Deutschland", 0.06), ("Abreise", 0.60), ("13.03.2024", 0.78)],
        [],
        [("Rechnung", 0.06)],
        [],
        [("Datum", 0.06), ("Beschreibung", 0.17), ("Menge", 0.56), ("Preis", 0.66), ("Betrag", 0.84)],
        [
            ("10.03.24", 0.06),
            ("Übernachtung Doppelzimmer inkl. Frühstück", 0.17),
            ("1", 0.57),
            ("198,00", 0.66),
            ("198,00", 0.84),
        ],
        [
            ("11.03.24", 0.06),
            ("Übernachtung Doppelzimmer inkl. Frühstück", 0.17),
            ("1", 0.57),
            ("198,00", 0.66),
            ("198,00", 0.84),
        ],
        [
            ("12.03.24", 0.06),
            ("Übernachtung Doppelzimmer inkl. Frühstück", 0.17),
            ("1", 0.57),
            ("198,00", 0.66),
            ("198,00", 0.84),
        ],
        [("12.03.24", 0.06), ("Minibar", 0.17), ("1", 0.57), ("14,50", 0.67), ("14,50", 0.85)],
        [
            ("13.03.24", 0.06),
            ("Ortstaxe (2 Pers. x 3 Nächte)", 0.17),
            ("6", 0.57),
            ("3,00", 0.67),
            ("18,00", 0.85),
        ],
        [],
        [("Summe EUR", 0.56), ("626,50", 0.84)],
        [("Zahlung Mastercard **** 4821", 0.06), ("-626,50", 0.83)],
        [("Saldo EUR", 0.56), ("0,00", 0.86)],
        [],
        [("MwSt-Satz", 0.06), ("Netto", 0.30), ("MwSt", 0.46), ("Brutto", 0.62)],
        [("10 %", 0.06), ("540,00", 0.30), ("54,00", 0.46), ("594,00", 0.62)],
        [("20 %", 0.06), ("12,08", 0.31), ("2,42", 0.47), ("14,50", 0.63)],
        [("Ortstaxe, nicht steuerbar", 0.06), ("18,00", 0.31), ("0,00", 0.47), ("18,00", 0.63)],
        [("Gesamt", 0.06), ("570,08", 0.30), ("56,42", 0.46), ("626,50", 0.62)],
        [],
        [("Wir danken für Ihren Aufenthalt und freuen uns auf ein Wiedersehen!", 0.06)],
        [],
        [("Alpenrose Gruber GmbH · FN 287341k · UID ATU63852414", 0.06)],
        [("Raiffeisenbank St. Anton · IBAN AT58 3600 0000 0051 2345 · BIC RZTIAT22", 0.06)],
    ]
    return text_layer_page(rows)


CASES = {
    "lexoffice_de": (
        lexoffice_rechnung_de,
        {
            "document_type": "invoice",
            "invoice_number": "RE-2024-000123",
            "invoice_date": "2024-04-15",
            "due_date": "2024-04-29",
            "vendor_name": "Pixelwerk Medien GmbH",
            "customer_name": "Bäckerei Krüger OHG",
            "currency": "EUR",
            "subtotal": "1828.80",
            "tax_amount": "347.47",
            "total": "2176.27",
            "amount_due": "2176.27",
            "vendor_tax_id": "DE274518364",
            "iban": "DE95860500001100456789",
        },
        ["1200.00", "510.00", "118.80"],
    ),
    "craftsman_footer_vendor_de": (
        craftsman_rechnung_footer_vendor_de,
        {
            "document_type": "invoice",
            "invoice_number": "2024-0311",
            "invoice_date": "2024-04-16",
            "due_date": "2024-04-30",
            "vendor_name": "Malerbetrieb Schröder",
            "customer_name": "Hausverwaltung Becker GmbH",
            "currency": "EUR",
            "subtotal": "1141.00",
            "tax_amount": "216.79",
            "total": "1357.79",
            "amount_due": "1357.79",
            "vendor_tax_id": "DE318620496",
            "iban": "DE87520503530002345678",
        },
        ["726.60", "294.40", "120.00"],
    ),
    "exact_nl": (
        exact_factuur_nl,
        {
            "document_type": "invoice",
            "invoice_number": "2024/0042",
            "invoice_date": "2024-03-18",
            "due_date": "2024-04-17",
            "vendor_name": "Van Dijk Koeltechniek B.V.",
            "customer_name": "Broodbakkerij De Korenaar",
            "currency": "EUR",
            "subtotal": "414.00",
            "tax_amount": "86.94",
            "total": "500.94",
            "amount_due": "500.94",
            "vendor_tax_id": "NL853071421B01",
            "iban": "NL67INGB0006543210",
        },
        ["274.00", "105.00", "35.00"],
    ),
    "quickbooks_us": (
        quickbooks_invoice_us,
        {
            "document_type": "invoice",
            "invoice_number": "10023",
            "invoice_date": "2024-03-15",
            "due_date": "2024-04-14",
            "vendor_name": "Redwood Landscaping LLC",
            "customer_name": "Willamette Dental Group",
            "currency": "USD",
            "subtotal": "1112.50",
            "tax_amount": "0.00",
            "total": "1112.50",
            "amount_due": "612.50",
            "vendor_tax_id": None,
            "iban": None,
            "po_number": "7734",
        },
        ["660.00", "340.00", "112.50"],
    ),
    "serie_es": (
        factura_serie_es,
        {
            "document_type": "invoice",
            "invoice_number": ("000123", "A000123"),  # the series is part of the number or printed beside it
            "invoice_date": "2024-03-12",
            "due_date": "2024-04-11",
            "vendor_name": ("Estudio Lumen", "Estudio Lumen S.L."),
            "customer_name": "Hostal Miramar S.L.",
            "currency": "EUR",
            "subtotal": "1127.00",
            "tax_amount": "236.67",
            "total": "1363.67",
            "amount_due": "1363.67",
            "vendor_tax_id": "ESB06273817",
            "iban": "ES5921000418414502345678",
        },
        ["650.00", "432.00", "45.00"],
    ),
    "fatture_in_cloud_it": (
        fatture_in_cloud_it,
        {
            "document_type": "invoice",
            "invoice_number": "12/A",
            "invoice_date": "2024-03-15",
            "due_date": "2024-04-14",
            "vendor_name": "Tipografia Scaligera di Marco Rossi",
            "customer_name": "Pasticceria Dolce Vita S.r.l.",
            "currency": "EUR",
            "subtotal": "850.00",
            "tax_amount": "187.00",
            "total": "1037.00",
            "amount_due": "1037.00",
            "vendor_tax_id": "IT02847150360",
            "iban": "IT25O0306909606100000012345",
        },
        ["600.00", "250.00"],
    ),
    "pennylane_fr": (
        pennylane_facture_fr,
        {
            "document_type": "invoice",
            "invoice_number": "F-2024-0042",
            "invoice_date": "2024-03-15",
            "due_date": "2024-04-14",
            "vendor_name": (
                "Atelier Bois & Lumière",
                "Atelier Bois & Lumière SAS",
            ),  # trade name or legal name
            "customer_name": "Hôtel Le Cèdre SARL",
            "currency": "EUR",
            "subtotal": "3080.00",
            "tax_amount": "616.00",
            "total": "3696.00",
            "amount_due": "3696.00",
            "vendor_tax_id": "FR39823104567",
            "iban": "FR7630004015870001234567805",
        },
        ["2900.00", "180.00"],
    ),
    "xero_uk": (
        xero_tax_invoice_uk,
        {
            "document_type": "invoice",
            "invoice_number": "INV-0042",
            "invoice_date": "2024-03-15",
            "due_date": "2024-04-14",
            "vendor_name": "Harbour Coffee Roasters Ltd",
            "customer_name": "The Lantern Café",
            "currency": "GBP",
            "subtotal": "383.00",
            "tax_amount": "39.60",
            "total": "422.60",
            "amount_due": "422.60",
            "vendor_tax_id": "GB285374919",
            "iban": None,
            "po_number": "PO 5521",
        },
        ["185.00", "48.00", "150.00"],
    ),
    "marketplace_de": (
        marketplace_rechnung_de,
        {
            "document_type": "invoice",
            "invoice_number": "INV-DE-1187346-2024",
            "invoice_date": "2024-03-15",
            "due_date": None,
            "vendor_name": "Müller Elektronik GmbH",
            "customer_name": "Sabine Hartmann",
            "currency": "EUR",
            "subtotal": "41.99",
            "tax_amount": "7.98",
            "total": "49.97",
            "amount_due": (None, "49.97"),  # paid at the order; nothing else is printed as due
            "vendor_tax_id": "DE209734512",
            "iban": None,
            "po_number": "302-4471829-6650312",
        },
        ["29.99", "19.98"],
    ),
    "hotel_folio_at": (
        hotel_folio_at,
        {
            "document_type": "invoice",
            "invoice_number": "45123",
            "invoice_date": "2024-03-13",
            "due_date": None,
            "vendor_name": ("Hotel Alpenrose", "Alpenrose Gruber GmbH"),
            "customer_name": ("Thomas Berger", "Herr Thomas Berger"),
            "currency": "EUR",
            "subtotal": "570.08",
            "tax_amount": "56.42",
            "total": "626.50",
            "amount_due": "0.00",
            "vendor_tax_id": "ATU63852414",
            "iban": "AT583600000000512345",
        },
        ["198.00", "198.00", "198.00", "14.50", "18.00"],
    ),
}


# Batch 2, written after the fixes of batch 1 (see the module docstring), as a check of them.


def documento_commerciale_it():
    """A Bologna trattoria's till receipt as Italian registers print it since 2020 (`DOCUMENTO COMMERCIALE di
    vendita o prestazione`): the owner's name under the trade name, a VAT column per line, the cover charge
    as a line, `TOTALE COMPLESSIVO`, `di cui IVA` (tax included), card payment, date and time, the
    document's number and the register's serial number."""
    rows = [
        [("TRATTORIA DA GINO", 0.36)],
        [("di Rossi Luigi", 0.40)],
        [("Via San Vitale 12 - 40125 Bologna", 0.30)],
        [("P.IVA 03827150230", 0.38)],
        [],
        [("DOCUMENTO COMMERCIALE", 0.33)],
        [("di vendita o prestazione", 0.34)],
        [],
        [("DESCRIZIONE", 0.20), ("IVA", 0.56), ("Prezzo(€)", 0.66)],
        [("COPERTO x2", 0.20), ("10%", 0.56), ("5,00", 0.70)],
        [("TAGLIATELLE RAGU x2", 0.20), ("10%", 0.56), ("24,00", 0.69)],
        [("TORTELLINI IN BRODO", 0.20), ("10%", 0.56), ("14,00", 0.69)],
        [("ACQUA NATURALE", 0.20), ("10%", 0.56), ("3,00", 0.70)],
        [("VINO SANGIOVESE 1/2 L", 0.20), ("10%", 0.56), ("12,00", 0.69)],
        [("CAFFE' x2", 0.20), ("10%", 0.56), ("3,00", 0.70)],
        [],
        [("TOTALE COMPLESSIVO", 0.20), ("61,00", 0.69)],
        [("di cui IVA", 0.20), ("5,55", 0.70)],
        [],
        [("Pagamento elettronico", 0.20), ("61,00", 0.69)],
        [("Importo pagato", 0.20), ("61,00", 0.69)],
        [],
        [("15-03-2024 21:34", 0.20)],
        [("DOCUMENTO N. 0123-0045", 0.20)],
        [("RT 99MEY012345", 0.20)],
    ]
    return text_layer_page(rows)


def fuel_receipt_de():
    """A Stuttgart filling station's receipt: the station's name and address (the brand is a logo), the pump
    and fuel over the litres x price row, a car wash, tax codes after the amounts (`76,12 A`), a VAT table
    (Netto, MwSt, Brutto), `Bezahlt girocard`, `Beleg-Nr.` beside the terminal, date and time, the
    operator (a sole trader, `e.K.`) and its VAT id at the foot."""
    rows = [
        [("Aral Tankstelle Müller", 0.34)],
        [("Hauptstraße 120", 0.40)],
        [("70563 Stuttgart", 0.40)],
        [("Tel. 0711 7351122", 0.39)],
        [],
        [("Säule 4  Super E10", 0.20)],
        [("42,31 l x 1,799 EUR/l", 0.24), ("76,12 A", 0.70)],
        [("Waschstraße Premium", 0.20), ("14,90 A", 0.70)],
        [],
        [("Summe EUR", 0.20), ("91,02", 0.70)],
        [],
        [("MwSt", 0.20), ("Netto", 0.36), ("MwSt", 0.52), ("Brutto", 0.68)],
        [("A 19 %", 0.20), ("76,49", 0.36), ("14,53", 0.52), ("91,02", 0.68)],
        [],
        [("Bezahlt girocard", 0.20), ("91,02 EUR", 0.66)],
        [],
        [("Beleg-Nr. 4711", 0.20), ("Terminal 6031", 0.52)],
        [("Datum 15.03.2024 14:22", 0.20)],
        [],
        [("Vielen Dank für Ihren Besuch", 0.30)],
        [("Tankstellenbetreiber: Klaus Müller e.K.", 0.22)],
        [("USt-IdNr. DE147258365", 0.34)],
    ]
    return text_layer_page(rows)


def taxi_receipt_nl():
    """An Amsterdam taxi's receipt: the company, the car's plate and the driver's number, `Ritnummer`, the
    trip (Van / Naar, distance, time), `Ritprijs` and `Totaal` with the VAT included (`Waarvan btw 9%`),
    paid by card, the company's KvK and btw number at the foot."""
    rows = [
        [("Taxibedrijf Van der Berg", 0.30)],
        [("Kenteken: 12-ABC-3", 0.30)],
        [("Chauffeur: 4471", 0.30)],
        [],
        [("Ritnummer: 20240315-088", 0.30)],
        [("Datum: 15-03-2024  14:05", 0.30)],
        [("Van: Schiphol Airport", 0.30)],
        [("Naar: Keizersgracht 100, Amsterdam", 0.30)],
        [("Afstand: 18,4 km   Tijd: 27 min", 0.30)],
        [],
        [("Ritprijs", 0.30), ("€ 52,40", 0.60)],
        [("Totaal", 0.30), ("€ 52,40", 0.60)],
        [("Waarvan btw 9%", 0.30), ("€ 4,33", 0.61)],
        [],
        [("Betaald met pin", 0.30)],
        [],
        [("Taxibedrijf Van der Berg · KvK 34128765 · btw NL802645197B01", 0.14)],
    ]
    return text_layer_page(rows)


def schlussrechnung_de():
    """A Freiburg timber builder's final invoice (`Schlussrechnung`) after two partial invoices: the
    letterhead right, the sender line over a private customer (`Herrn Dr. ...`), the site (`Bauvorhaben`),
    the whole work's net, VAT and gross, the two partial invoices subtracted with their own numbers and
    dates, a 5 % retention (`Sicherheitseinbehalt`), `Zahlbetrag`, `Zahlbar bis`."""
    rows = [
        [("Holzbau Schneider GmbH", 0.62)],
        [("Zimmerei · Dachbau · Carports", 0.62)],
        [("Mooswaldallee 30", 0.62)],
        [("79110 Freiburg im Breisgau", 0.62)],
        [],
        [("Holzbau Schneider GmbH · Mooswaldallee 30 · 79110 Freiburg", 0.06)],
        [("Herrn", 0.06)],
        [("Dr. Stefan Wagner", 0.06)],
        [("Am Hang 7", 0.06)],
        [("79117 Freiburg", 0.06)],
        [],
        [("Schlussrechnung Nr. SR-2024-018", 0.06), ("Datum: 22.04.2024", 0.70)],
        [("Bauvorhaben: Carport und Terrassenüberdachung, Am Hang 7", 0.06), ("Kunden-Nr. 3391", 0.70)],
        [],
        [
            ("Pos.", 0.06),
            ("Leistung", 0.12),
            ("Menge", 0.50),
            ("Einheit", 0.58),
            ("EP €", 0.68),
            ("GP €", 0.84),
        ],
        [
            ("1", 0.06),
            ("Carport Brettschichtholz", 0.12),
            ("1", 0.52),
            ("Stk", 0.58),
            ("18.400,00", 0.66),
            ("18.400,00", 0.83),
        ],
        [
            ("2", 0.06),
            ("Terrassenüberdachung 6 x 4 m", 0.12),
            ("1", 0.52),
            ("Stk", 0.58),
            ("24.600,00", 0.66),
            ("24.600,00", 0.83),
        ],
        [
            ("3", 0.06),
            ("Dacheindeckung Trapezblech", 0.12),
            ("72", 0.52),
            ("m²", 0.58),
            ("48,50", 0.68),
            ("3.492,00", 0.84),
        ],
        [
            ("4", 0.06),
            ("Regiearbeiten", 0.12),
            ("28", 0.52),
            ("Std.", 0.58),
            ("62,50", 0.68),
            ("1.750,00", 0.84),
        ],
        [],
        [("Gesamtleistung netto", 0.50), ("48.242,00", 0.83)],
        [("zzgl. 19 % USt", 0.50), ("9.165,98", 0.84)],
        [("Gesamtleistung brutto", 0.50), ("57.407,98", 0.83)],
        [("abzgl. 1. Abschlagsrechnung AR-2024-007 vom 15.02.2024", 0.06), ("-23.800,00", 0.82)],
        [("abzgl. 2. Abschlagsrechnung AR-2024-012 vom 20.03.2024", 0.06), ("-17.850,00", 0.82)],
        [("Restforderung brutto", 0.50), ("15.757,98", 0.83)],
        [("abzgl. 5 % Sicherheitseinbehalt", 0.50), ("-2.870,40", 0.83)],
        [("Zahlbetrag", 0.50), ("12.887,58", 0.83)],
        [],
        [("Zahlbar bis 06.05.2024 ohne Abzug.", 0.06)],
        [],
        [("Holzbau Schneider GmbH · Sitz Freiburg · Amtsgericht Freiburg HRB 712345", 0.06)],
        [("USt-IdNr. DE263819474 · Sparkasse Freiburg · IBAN DE90 7015 0000 0012 3456 79", 0.06)],
    ]
    return text_layer_page(rows)


def situation_travaux_fr():
    """A Toulouse builder's `situation de travaux` (a progress invoice): the client under `Maître d'ouvrage`,
    the number and the situation's own number and date, lots with the contract amount, a percentage done and
    the cumulative amount done, the earlier situations subtracted, the situation's HT, TVA and TTC, a 5 %
    `retenue de garantie`, `Net à payer`, the due date with its rule."""
    rows = [
        [("BATI-CONCEPT SARL", 0.06)],
        [("12 avenue Jean Jaurès", 0.06), ("Maître d'ouvrage", 0.58)],
        [("31000 Toulouse", 0.06), ("SCI Les Tilleuls", 0.58)],
        [("SIRET 491 527 834 00027", 0.06), ("45 route de Narbonne", 0.58)],
        [("TVA FR87491527834", 0.06), ("31400 Toulouse", 0.58)],
        [],
        [("FACTURE N° FA-2024-0087", 0.06)],
        [("Situation de travaux n° 3 arrêtée au 31/03/2024", 0.06)],
        [("Date : 05/04/2024", 0.06)],
        [("Chantier : extension maison individuelle, 45 route de Narbonne", 0.06)],
        [],
        [
            ("Désignation", 0.06),
            ("Montant marché HT", 0.40),
            ("% avancement", 0.58),
            ("Montant réalisé HT", 0.76),
        ],
        [("Lot 1 Gros œuvre", 0.06), ("48 000,00", 0.42), ("100 %", 0.60), ("48 000,00", 0.80)],
        [("Lot 2 Charpente", 0.06), ("16 000,00", 0.42), ("60 %", 0.61), ("9 600,00", 0.81)],
        [("Lot 3 Couverture", 0.06), ("12 000,00", 0.42), ("40 %", 0.61), ("4 800,00", 0.81)],
        [],
        [("Total travaux réalisés HT", 0.46), ("62 400,00", 0.80)],
        [("À déduire situations précédentes HT", 0.46), ("-41 600,00", 0.79)],
        [("Montant de la situation HT", 0.46), ("20 800,00", 0.80)],
        [("TVA 20 %", 0.46), ("4 160,00", 0.81)],
        [("Montant TTC", 0.46), ("24 960,00", 0.80)],
        [("Retenue de garantie 5 %", 0.46), ("-1 248,00", 0.80)],
        [("Net à payer", 0.46), ("23 712,00", 0.80)],
        [],
        [("Échéance : 05/05/2024 (30 jours date de facture)", 0.06)],
        [("Règlement par virement : IBAN FR76 1027 8073 4400 0201 4580 196 · BIC CMCIFR2A", 0.06)],
    ]
    return text_layer_page(rows)


def zoho_invoice_us():
    """A Brooklyn print shop's invoice as Zoho Invoice prints it: `INVOICE` and `# INV-000123` right with the
    `Balance Due` headline, `Invoice Date :` / `Terms : Due on Receipt` / `Due Date :` / `P.O.# :` as
    label-colon-value rows, `Bill To`, a `#` column and `Item & Description`, a discount in parentheses,
    New York sales tax, `Payment Made (-)`, `Balance Due`."""
    rows = [
        [("Brooklyn Print Co.", 0.06), ("INVOICE", 0.78)],
        [("212 Flatbush Ave", 0.06), ("# INV-000123", 0.76)],
        [("Brooklyn, NY 11217", 0.06)],
        [("U.S.A", 0.06), ("Balance Due", 0.76)],
        [("hello@brooklynprint.co", 0.06), ("$1,022.20", 0.77)],
        [],
        [("Bill To", 0.06), ("Invoice Date :", 0.56), ("15 Mar 2024", 0.76)],
        [("Hudson Coffee Roasters Inc.", 0.06), ("Terms :", 0.56), ("Due on Receipt", 0.76)],
        [("45 Water St", 0.06), ("Due Date :", 0.56), ("15 Mar 2024", 0.76)],
        [("Brooklyn, NY 11201", 0.06), ("P.O.# :", 0.56), ("4410", 0.76)],
        [],
        [("#", 0.06), ("Item & Description", 0.10), ("Qty", 0.56), ("Rate", 0.68), ("Amount", 0.84)],
        [("1", 0.06), ("Business cards (500)", 0.10), ("4.00", 0.56), ("45.00", 0.68), ("180.00", 0.85)],
        [
            ("2", 0.06),
            ("Menu printing A3, laminated", 0.10),
            ("40.00", 0.55),
            ("22.50", 0.68),
            ("900.00", 0.85),
        ],
        [("3", 0.06), ("Rush fee", 0.10), ("1.00", 0.56), ("150.00", 0.67), ("150.00", 0.85)],
        [],
        [("Sub Total", 0.62), ("1,230.00", 0.84)],
        [("Discount (5%)", 0.62), ("(61.50)", 0.85)],
        [("NY Sales Tax (8.875%)", 0.62), ("103.70", 0.85)],
        [("Total", 0.62), ("$1,272.20", 0.83)],
        [("Payment Made (-)", 0.62), ("250.00", 0.85)],
        [("Balance Due", 0.62), ("$1,022.20", 0.83)],
        [],
        [("Thanks for your business.", 0.06)],
    ]
    return text_layer_page(rows)


def sage_invoice_uk():
    """A Halifax joinery supplier's invoice as Sage 50 prints it: `INVOICE` over the letterhead, `Invoice
    Address` and `Delivery Address` boxes, `Invoice No.` / `Invoice/Tax Date` / `Order No.` / `Account Ref`
    right, items with the quantity first, a discount column, `Net Amt` and a VAT column right of it,
    `Total Net Amount` / `Total VAT Amount` / `Carriage` / `Invoice Total`, the VAT number without its
    prefix and the company number at the foot, terms in days."""
    rows = [
        [("INVOICE", 0.44)],
        [("Pennine Joinery Supplies Ltd", 0.06)],
        [("Unit 7, Dean Clough Mills", 0.06), ("Invoice No.", 0.60), ("5621", 0.80)],
        [("Halifax HX3 5AX", 0.06), ("Invoice/Tax Date", 0.60), ("15/03/2024", 0.80)],
        [("Tel 01422 330145", 0.06), ("Order No.", 0.60), ("CB-2291", 0.80)],
        [("Account Ref", 0.60), ("CALDER01", 0.80)],
        [],
        [("Invoice Address", 0.06), ("Delivery Address", 0.34)],
        [("Calder Builders Ltd", 0.06), ("Site 4, Holmfield Lane", 0.34)],
        [("14 Mill Street", 0.06), ("Halifax", 0.34)],
        [("Sowerby Bridge HX6 2AB", 0.06), ("HX2 9TN", 0.34)],
        [],
        [
            ("Quantity", 0.06),
            ("Details", 0.16),
            ("Disc%", 0.50),
            ("Unit Price", 0.58),
            ("Net Amt", 0.72),
            ("VAT", 0.86),
        ],
        [
            ("20.00", 0.06),
            ("Oak skirting 2.4m", 0.16),
            ("0.00", 0.50),
            ("14.50", 0.59),
            ("290.00", 0.72),
            ("58.00", 0.86),
        ],
        [
            ("6.00", 0.07),
            ("Internal door FD30", 0.16),
            ("10.00", 0.50),
            ("85.00", 0.59),
            ("459.00", 0.72),
            ("91.80", 0.86),
        ],
        [
            ("1.00", 0.07),
            ("Delivery", 0.16),
            ("0.00", 0.50),
            ("35.00", 0.59),
            ("35.00", 0.73),
            ("7.00", 0.87),
        ],
        [],
        [("Total Net Amount", 0.58), ("784.00", 0.80)],
        [("Total VAT Amount", 0.58), ("156.80", 0.80)],
        [("Carriage", 0.58), ("0.00", 0.81)],
        [("Invoice Total", 0.58), ("940.80", 0.80)],
        [],
        [("Terms: payment within 30 days of invoice date", 0.06)],
        [("Bank: Lloyds  Sort code 30-94-57  Account 71234567", 0.06)],
        [],
        [("VAT Reg No. 194 7382 24 · Company No. 04815162 · Registered in England & Wales", 0.06)],
    ]
    return text_layer_page(rows)


def invoice_ie_three_rates():
    """A Galway fish wholesaler's invoice in euro: the VAT number in the letterhead (`VAT Reg No. IE
    6388154W`), zero-rated fresh fish beside lines at 13.5 % and 23 %, a rate column, VAT per rate and its
    total, `Total Due`, terms in days, IBAN and BIC in the footer."""
    rows = [
        [("Atlantic Seafood Traders Ltd", 0.06), ("INVOICE", 0.76)],
        [("Docks Road, Galway H91 F6C2", 0.06)],
        [("VAT Reg No. IE 6388154W", 0.06)],
        [],
        [("Invoice To:", 0.06), ("Invoice No:", 0.58), ("AST-24-0311", 0.74)],
        [("The Quay Street Kitchen", 0.06), ("Date:", 0.58), ("15/03/2024", 0.74)],
        [("12 Quay Street", 0.06), ("Account:", 0.58), ("QSK-01", 0.74)],
        [("Galway H91 X2Y3", 0.06)],
        [],
        [("Description", 0.06), ("Qty", 0.48), ("Price", 0.57), ("VAT %", 0.68), ("Net", 0.84)],
        [("Fresh hake fillets (kg)", 0.06), ("25", 0.48), ("€18.40", 0.57), ("0%", 0.69), ("€460.00", 0.83)],
        [
            ("Smoked salmon, sliced (kg)", 0.06),
            ("8", 0.49),
            ("€32.00", 0.57),
            ("0%", 0.69),
            ("€256.00", 0.83),
        ],
        [("Filleting service", 0.06), ("1", 0.49), ("€40.00", 0.57), ("13.5%", 0.68), ("€40.00", 0.84)],
        [("Delivery charge", 0.06), ("1", 0.49), ("€25.00", 0.57), ("23%", 0.69), ("€25.00", 0.84)],
        [],
        [("Net Total", 0.58), ("€781.00", 0.83)],
        [("VAT @ 13.5%", 0.58), ("€5.40", 0.85)],
        [("VAT @ 23%", 0.58), ("€5.75", 0.85)],
        [("Total VAT", 0.58), ("€11.15", 0.84)],
        [("Total Due", 0.58), ("€792.15", 0.83)],
        [],
        [("Payment terms: 30 days from date of invoice.", 0.06)],
        [("AIB Bank, Galway · IBAN IE29 AIBK 9311 5212 3456 78 · BIC AIBKIE2D", 0.06)],
        [("Registered in Ireland No. 612345 · Directors: S. Ó Briain, M. Walsh", 0.06)],
    ]
    return text_layer_page(rows)


def erp_rechnung_trailing_minus_de():
    """A Hamburg electrical wholesaler's Rechnung from an old ERP: a header row of label-colon-value pairs
    (`Beleg-Nr.: ...  Beleg-Datum: ...  Kunden-Nr.: ...`), article numbers, a unit column (RI, ST),
    discount rows under two items with a trailing minus (`24,96-`), `Warenwert` / `Rabatt ...-` /
    `Nettobetrag` / `MwSt 19,00 %` / `Endbetrag EUR`, terms with a cash discount and a net term."""
    rows = [
        [("Elektro-Großhandel Nord GmbH & Co. KG", 0.06)],
        [("Billstraße 80 · 20539 Hamburg", 0.06)],
        [("Tel. 040 7889010 · Fax 040 7889011", 0.06)],
        [],
        [("Elektro Jansen GmbH", 0.06)],
        [("Lüneburger Straße 5", 0.06)],
        [("21073 Hamburg", 0.06)],
        [],
        [("RECHNUNG", 0.06)],
        [
            ("Beleg-Nr.: 90045871", 0.06),
            ("Beleg-Datum: 18.03.2024", 0.34),
            ("Kunden-Nr.: 10233", 0.62),
            ("Seite: 1", 0.84),
        ],
        [],
        [
            ("Pos", 0.06),
            ("Artikel-Nr.", 0.11),
            ("Bezeichnung", 0.26),
            ("Menge", 0.55),
            ("ME", 0.62),
            ("Preis/ME", 0.68),
            ("Wert EUR", 0.84),
        ],
        [
            ("10", 0.06),
            ("NYM3X15-100", 0.11),
            ("Mantelleitung NYM-J 3x1,5 100m", 0.26),
            ("5", 0.57),
            ("RI", 0.62),
            ("62,40", 0.69),
            ("312,00", 0.85),
        ],
        [("Rabatt 8 %", 0.26), ("24,96-", 0.85)],
        [
            ("20", 0.06),
            ("S203B16", 0.11),
            ("LS-Schalter B16 3-polig", 0.26),
            ("12", 0.56),
            ("ST", 0.62),
            ("18,90", 0.69),
            ("226,80", 0.85),
        ],
        [
            ("30", 0.06),
            ("VZ312N", 0.11),
            ("Zählerschrank 2-feldig", 0.26),
            ("1", 0.57),
            ("ST", 0.62),
            ("389,00", 0.68),
            ("389,00", 0.85),
        ],
        [("Rabatt 8 %", 0.26), ("31,12-", 0.85)],
        [],
        [("Warenwert", 0.55), ("927,80", 0.85)],
        [("Rabatt", 0.55), ("56,08-", 0.86)],
        [("Nettobetrag", 0.55), ("871,72", 0.85)],
        [("MwSt 19,00 %", 0.55), ("165,63", 0.85)],
        [("Endbetrag EUR", 0.55), ("1.037,35", 0.84)],
        [],
        [("Zahlungsbedingung: 10 Tage 2 % Skonto, 30 Tage netto", 0.06)],
        [],
        [("Elektro-Großhandel Nord GmbH & Co. KG · Sitz Hamburg · HRA 98765 · USt-IdNr. DE311592645", 0.06)],
        [("Commerzbank Hamburg · IBAN DE78 1005 0000 6603 8472 11 · BIC BELADEBEXXX", 0.06)],
    ]
    return text_layer_page(rows)


def devis_fr():
    """A Nantes plumber's quote (`DEVIS N° D-2024-031`): a validity period instead of a due date, 10 % VAT
    on renovation work, a deposit asked at the order, `Bon pour accord`."""
    rows = [
        [("Plomberie Martin", 0.06), ("DEVIS N° D-2024-031", 0.62)],
        [("Artisan plombier chauffagiste", 0.06), ("Date : 12/03/2024", 0.62)],
        [("7 rue de la Bastille", 0.06), ("Validité : 30 jours", 0.62)],
        [("44000 Nantes", 0.06)],
        [("TVA FR38732918461", 0.06)],
        [],
        [("Client", 0.56)],
        [("Mme Claire Dubois", 0.56)],
        [("18 boulevard Guist'hau", 0.56)],
        [("44000 Nantes", 0.56)],
        [],
        [("Désignation", 0.06), ("Qté", 0.50), ("PU HT", 0.60), ("Total HT", 0.82)],
        [("Remplacement chauffe-eau 200 L", 0.06), ("1", 0.51), ("1 250,00 €", 0.58), ("1 250,00 €", 0.81)],
        [("Groupe de sécurité et raccords", 0.06), ("1", 0.51), ("180,00 €", 0.60), ("180,00 €", 0.83)],
        [("Main d'œuvre", 0.06), ("8", 0.51), ("52,50 €", 0.60), ("420,00 €", 0.83)],
        [],
        [("Total HT", 0.60), ("1 850,00 €", 0.81)],
        [("TVA 10 %", 0.60), ("185,00 €", 0.82)],
        [("Total TTC", 0.60), ("2 035,00 €", 0.81)],
        [],
        [("Acompte à la commande (30 %) : 610,50 €", 0.06)],
        [("Bon pour accord, date et signature :", 0.06)],
    ]
    return text_layer_page(rows)


CASES.update(
    {
        "documento_commerciale_it": (
            documento_commerciale_it,
            {
                "document_type": "receipt",
                "invoice_number": "0123-0045",
                "invoice_date": "2024-03-15",
                "due_date": None,
                "vendor_name": ("Trattoria da Gino", "Trattoria da Gino di Rossi Luigi"),
                "customer_name": None,
                "currency": "EUR",
                "subtotal": (None, "55.45"),  # no net is printed
                "tax_amount": "5.55",
                "total": "61.00",
                "amount_due": (None, "61.00"),
                "vendor_tax_id": "IT03827150230",
                "iban": None,
            },
            ["5.00", "24.00", "14.00", "3.00", "12.00", "3.00"],
        ),
        "fuel_receipt_de": (
            fuel_receipt_de,
            {
                "document_type": "receipt",
                "invoice_number": "4711",
                "invoice_date": "2024-03-15",
                "due_date": None,
                "vendor_name": ("Aral Tankstelle Müller", "Klaus Müller e.K."),
                "customer_name": None,
                "currency": "EUR",
                "subtotal": "76.49",
                "tax_amount": "14.53",
                "total": "91.02",
                "amount_due": (None, "91.02"),
                "vendor_tax_id": "DE147258365",
                "iban": None,
            },
            ["76.12", "14.90"],
        ),
        "taxi_receipt_nl": (
            taxi_receipt_nl,
            {
                "document_type": "receipt",
                "invoice_number": "20240315-088",
                "invoice_date": "2024-03-15",
                "due_date": None,
                "vendor_name": "Taxibedrijf Van der Berg",
                "customer_name": None,
                "currency": "EUR",
                "subtotal": (None, "48.07"),  # no net is printed
                "tax_amount": "4.33",
                "total": "52.40",
                "amount_due": (None, "52.40"),
                "vendor_tax_id": "NL802645197B01",
                "iban": None,
            },
            ([], ["52.40"]),  # no items table: the fare alone, or nothing
        ),
        "schlussrechnung_de": (
            schlussrechnung_de,
            {
                "document_type": "invoice",
                "invoice_number": "SR-2024-018",
                "invoice_date": "2024-04-22",
                "due_date": "2024-05-06",
                "vendor_name": "Holzbau Schneider GmbH",
                "customer_name": ("Dr. Stefan Wagner", "Herrn Dr. Stefan Wagner"),
                "currency": "EUR",
                "subtotal": "48242.00",
                "tax_amount": "9165.98",
                "total": "57407.98",
                "amount_due": "12887.58",
                "vendor_tax_id": "DE263819474",
                "iban": "DE90701500000012345679",
            },
            ["18400.00", "24600.00", "3492.00", "1750.00"],
        ),
        "situation_travaux_fr": (
            situation_travaux_fr,
            {
                "document_type": "invoice",
                "invoice_number": "FA-2024-0087",
                "invoice_date": "2024-04-05",
                "due_date": "2024-05-05",
                "vendor_name": "BATI-CONCEPT SARL",
                "customer_name": "SCI Les Tilleuls",
                "currency": "EUR",
                "subtotal": "20800.00",
                "tax_amount": "4160.00",
                "total": "24960.00",
                "amount_due": "23712.00",
                "vendor_tax_id": "FR87491527834",
                "iban": "FR7610278073440002014580196",
            },
            ["48000.00", "9600.00", "4800.00"],  # the cumulative work done per lot
        ),
        "zoho_us": (
            zoho_invoice_us,
            {
                "document_type": "invoice",
                "invoice_number": "INV-000123",
                "invoice_date": "2024-03-15",
                "due_date": "2024-03-15",
                "vendor_name": "Brooklyn Print Co.",
                "customer_name": "Hudson Coffee Roasters Inc.",
                "currency": "USD",
                "subtotal": "1230.00",
                "tax_amount": "103.70",
                "total": "1272.20",
                "amount_due": "1022.20",
                "vendor_tax_id": None,
                "iban": None,
                "po_number": "4410",
            },
            ["180.00", "900.00", "150.00"],
        ),
        "sage_uk": (
            sage_invoice_uk,
            {
                "document_type": "invoice",
                "invoice_number": "5621",
                "invoice_date": "2024-03-15",
                "due_date": "2024-04-14",
                "vendor_name": "Pennine Joinery Supplies Ltd",
                "customer_name": "Calder Builders Ltd",
                "currency": "GBP",
                "subtotal": "784.00",
                "tax_amount": "156.80",
                "total": "940.80",
                "amount_due": "940.80",
                "vendor_tax_id": "GB194738224",
                "iban": None,
                "po_number": "CB-2291",
            },
            ["290.00", "459.00", "35.00"],
        ),
        "three_rates_ie": (
            invoice_ie_three_rates,
            {
                "document_type": "invoice",
                "invoice_number": "AST-24-0311",
                "invoice_date": "2024-03-15",
                "due_date": "2024-04-14",
                "vendor_name": "Atlantic Seafood Traders Ltd",
                "customer_name": "The Quay Street Kitchen",
                "currency": "EUR",
                "subtotal": "781.00",
                "tax_amount": "11.15",
                "total": "792.15",
                "amount_due": "792.15",
                "vendor_tax_id": "IE6388154W",
                "iban": "IE29AIBK93115212345678",
            },
            ["460.00", "256.00", "40.00", "25.00"],
        ),
        "erp_trailing_minus_de": (
            erp_rechnung_trailing_minus_de,
            {
                "document_type": "invoice",
                "invoice_number": "90045871",
                "invoice_date": "2024-03-18",
                "due_date": "2024-04-17",
                "vendor_name": "Elektro-Großhandel Nord GmbH & Co. KG",
                "customer_name": "Elektro Jansen GmbH",
                "currency": "EUR",
                "subtotal": "871.72",
                "tax_amount": "165.63",
                "total": "1037.35",
                "amount_due": "1037.35",
                "vendor_tax_id": "DE311592645",
                "iban": "DE78100500006603847211",
            },
            (["312.00", "226.80", "389.00"], ["287.04", "226.80", "357.88"]),  # before or after the discount
        ),
        "devis_fr": (
            devis_fr,
            {
                "document_type": "quote",
                "invoice_number": "D-2024-031",
                "invoice_date": "2024-03-12",
                "due_date": None,
                "vendor_name": "Plomberie Martin",
                "customer_name": ("Claire Dubois", "Mme Claire Dubois"),
                "currency": "EUR",
                "subtotal": "1850.00",
                "tax_amount": "185.00",
                "total": "2035.00",
                "amount_due": (None, "2035.00"),  # a quote asks for nothing yet; the deposit is not due
                "vendor_tax_id": "FR38732918461",
                "iban": None,
            },
            ["1250.00", "180.00", "420.00"],
        ),
    }
)


# Batch 3, written after the fixes of batch 2, as a check of them.


def fattura_elettronica_copia_it():
    """An Italian e-invoice's courtesy copy as the SDI viewers print it: `Cedente/prestatore (fornitore)` and
    `Cessionario/committente (cliente)` side by side with `Denominazione:` and the VAT ids, a header table
    (Tipologia documento, Numero documento, Data documento, Codice destinatario), unit prices with eight
    decimals, `RIEPILOGHI IVA E TOTALI` as a table, `Totale documento` under a row of labels, and the
    payment row (Modalità pagamento, IBAN, Data scadenza, Importo)."""
    rows = [
        [("Copia di cortesia - documento privo di valenza fiscale", 0.06)],
        [],
        [("Cedente/prestatore (fornitore)", 0.06), ("Cessionario/committente (cliente)", 0.52)],
        [
            ("Identificativo fiscale ai fini IVA: IT06512380145", 0.06),
            ("Identificativo fiscale ai fini IVA:", 0.52),
        ],
        [("Codice fiscale: 06512380145", 0.06), ("IT01456320876", 0.52)],
        [("Denominazione: Ferramenta Colombo S.r.l.", 0.06), ("Denominazione: Edilnova S.p.A.", 0.52)],
        [("Regime fiscale: RF01", 0.06), ("Indirizzo: Via Emilia 220", 0.52)],
        [("Indirizzo: Via Padova 15", 0.06), ("Comune: Reggio Emilia Provincia: RE", 0.52)],
        [("Comune: Milano Provincia: MI", 0.06), ("Cap: 42124 Nazione: IT", 0.52)],
        [("Cap: 20127 Nazione: IT", 0.06)],
        [],
        [
            ("Tipologia documento", 0.06),
            ("Numero documento", 0.30),
            ("Data documento", 0.52),
            ("Codice destinatario", 0.72),
        ],
        [("TD01 fattura", 0.06), ("FPR 48/24", 0.30), ("15-03-2024", 0.52), ("X2PH38J", 0.72)],
        [],
        [
            ("Cod. articolo", 0.06),
            ("Descrizione", 0.19),
            ("Quantità", 0.46),
            ("Prezzo unitario", 0.55),
            ("UM", 0.695),
            ("%IVA", 0.745),
            ("Prezzo totale", 0.82),
        ],
        [
            ("VIT-6x60", 0.06),
            ("Viti legno 6x60 conf. 100", 0.19),
            ("12,00", 0.46),
            ("8,50000000", 0.55),
            ("CF", 0.695),
            ("22,00", 0.745),
            ("102,00", 0.86),
        ],
        [
            ("TAS-10", 0.06),
            ("Tasselli nylon 10 mm", 0.19),
            ("20,00", 0.46),
            ("4,20000000", 0.55),
            ("CF", 0.695),
            ("22,00", 0.745),
            ("84,00", 0.87),
        ],
        [
            ("TRAP-18V", 0.06),
            ("Trapano avvitatore 18V", 0.19),
            ("2,00", 0.47),
            ("129,00000000", 0.55),
            ("PZ", 0.695),
            ("22,00", 0.745),
            ("258,00", 0.86),
        ],
        [],
        [("RIEPILOGHI IVA E TOTALI", 0.06)],
        [
            ("esigibilità iva", 0.06),
            ("%IVA", 0.36),
            ("Spese accessorie", 0.46),
            ("Totale imponibile", 0.64),
            ("Totale imposta", 0.82),
        ],
        [("I (immediata)", 0.06), ("22,00", 0.36), ("0,00", 0.50), ("444,00", 0.68), ("97,68", 0.85)],
        [],
        [("Importo bollo", 0.06), ("Sconto/Maggiorazione", 0.26), ("Arr.", 0.50), ("Totale documento", 0.70)],
        [("0,00", 0.30), ("541,68", 0.74)],
        [],
        [("Modalità pagamento", 0.06), ("IBAN", 0.30), ("Data scadenza", 0.64), ("Importo", 0.82)],
        [
            ("MP05 bonifico", 0.06),
            ("IT57E0503411701000000012345", 0.30),
            ("14-04-2024", 0.64),
            ("541,68", 0.83),
        ],
    ]
    return text_layer_page(rows)


def factura_rectificativa_es():
    """A Valencian catering supplier's corrective invoice (`FACTURA RECTIFICATIVA`) for a returned machine:
    its own number and date, the invoice it corrects (`Rectifica a la factura Nº ... de ...`) and the
    reason, the client with its CIF, negative amounts, the refund by transfer (no IBAN of the vendor)."""
    rows = [
        [("Suministros Hosteleros Levante S.L.", 0.06)],
        [("Avenida del Puerto 118", 0.06)],
        [("46023 Valencia", 0.06)],
        [("CIF B62184379", 0.06)],
        [],
        [("FACTURA RECTIFICATIVA", 0.06)],
        [("Nº R-2024-007", 0.06), ("Cliente", 0.56)],
        [("Fecha: 20/03/2024", 0.06), ("Bar Restaurante La Lonja S.L.", 0.56)],
        [("Calle de la Lonja 3", 0.56)],
        [("Rectifica a la factura Nº F-2024-0152 de 05/03/2024", 0.06), ("46001 Valencia", 0.56)],
        [("Motivo: devolución de mercancía defectuosa", 0.06), ("CIF: B98263411", 0.56)],
        [],
        [("Concepto", 0.06), ("Cantidad", 0.50), ("Precio", 0.62), ("Importe", 0.82)],
        [
            ("Cafetera industrial 2 grupos (devolución)", 0.06),
            ("-1", 0.52),
            ("890,00", 0.62),
            ("-890,00", 0.82),
        ],
        [],
        [("Base imponible", 0.56), ("-890,00 €", 0.81)],
        [("IVA 21 %", 0.56), ("-186,90 €", 0.81)],
        [("Total", 0.56), ("-1.076,90 €", 0.80)],
        [],
        [("El importe se abonará mediante transferencia a la cuenta del cliente.", 0.06)],
    ]
    return text_layer_page(rows)


def sevdesk_rechnung_de():
    """A Hamburg coffee roaster's Rechnung as sevDesk prints it: the letterhead left, the sender line with
    pipes, an info box with `Ihre Kundennummer`, `Leistungsdatum` and `Zahlungsziel  14 Tage` (days only: the
    due date is counted from the invoice date), 7 % and 19 % items, the VAT per rate `auf` its base, the
    footer with pipes."""
    rows = [
        [("Kaffeerösterei Hanse GmbH", 0.06)],
        [("Am Sandtorkai 5", 0.06)],
        [("20457 Hamburg", 0.06)],
        [],
        [("Kaffeerösterei Hanse GmbH | Am Sandtorkai 5 | 20457 Hamburg", 0.06)],
        [("Café Elbufer UG (haftungsbeschränkt)", 0.06), ("Rechnungs-Nr.", 0.60), ("RE-1042", 0.80)],
        [("Övelgönne 20", 0.06), ("Rechnungsdatum", 0.60), ("15.03.2024", 0.80)],
        [("22605 Hamburg", 0.06), ("Leistungsdatum", 0.60), ("15.03.2024", 0.80)],
        [("Ihre Kundennummer", 0.60), ("1017", 0.80)],
        [("Zahlungsziel", 0.60), ("14 Tage", 0.80)],
        [],
        [("Rechnung RE-1042", 0.06)],
        [],
        [
            ("Pos.", 0.06),
            ("Beschreibung", 0.12),
            ("Menge", 0.50),
            ("USt.", 0.58),
            ("Preis", 0.68),
            ("Gesamt", 0.84),
        ],
        [
            ("1", 0.06),
            ("Espresso Crema 1 kg", 0.12),
            ("10 Stk", 0.50),
            ("7 %", 0.58),
            ("18,90 €", 0.68),
            ("189,00 €", 0.83),
        ],
        [
            ("2", 0.06),
            ("Milchkännchen 0,6 l", 0.12),
            ("2 Stk", 0.50),
            ("19 %", 0.58),
            ("14,50 €", 0.68),
            ("29,00 €", 0.84),
        ],
        [],
        [("Summe netto", 0.58), ("218,00 €", 0.83)],
        [("zzgl. 7 % USt. auf 189,00 €", 0.50), ("13,23 €", 0.84)],
        [("zzgl. 19 % USt. auf 29,00 €", 0.50), ("5,51 €", 0.85)],
        [("Gesamtbetrag", 0.58), ("236,74 €", 0.83)],
        [],
        [("Bitte überweisen Sie den Rechnungsbetrag unter Angabe der Rechnungsnummer.", 0.06)],
        [],
        [
            (
                "Kaffeerösterei Hanse GmbH | Am Sandtorkai 5 | 20457 Hamburg | Geschäftsführer: Jan Petersen",
                0.06,
            )
        ],
        [("GLS Bank | IBAN DE18 4306 0967 1234 5678 00 | BIC GENODEM1GLS | USt-IdNr. DE248159374", 0.06)],
    ]
    return text_layer_page(rows)


def parking_ticket_fr():
    """A Lyon car park's payment receipt: the car park's name, entry and exit with times, the duration,
    `Montant TTC` with `dont TVA 20 %`, paid by card, a transaction number, the operating company's SIREN
    and VAT id at the foot."""
    rows = [
        [("Parking Bellecour", 0.36)],
        [("Place Bellecour - 69002 Lyon", 0.30)],
        [],
        [("Entrée", 0.24), ("15/03/2024 09:12", 0.52)],
        [("Sortie", 0.24), ("15/03/2024 17:47", 0.52)],
        [("Durée", 0.24), ("8 h 35 min", 0.52)],
        [],
        [("Montant TTC", 0.24), ("18,60 €", 0.56)],
        [("dont TVA 20 %", 0.24), ("3,10 €", 0.57)],
        [("Payé par carte bancaire", 0.24)],
        [("N° transaction", 0.24), ("004512", 0.52)],
        [],
        [("SAS Parkings du Rhône · SIREN 552 189 375", 0.24)],
        [("TVA FR03552189375", 0.30)],
        [("Merci de votre visite", 0.32)],
    ]
    return text_layer_page(rows)


def moneybird_factuur_nl():
    """An Amsterdam design studio's factuur as Moneybird prints it: the studio right, the customer left with
    `t.a.v.`, Factuurnummer / Factuurdatum / Vervaldatum with dates in words, quantities with `×`, a discount
    line in parentheses (`(€ 50,00)`), `Subtotaal`, `21% btw`, `Totaal`, the footer with pipes."""
    rows = [
        [("Studio Noorderlicht", 0.66)],
        [("Czaar Peterstraat 88", 0.66)],
        [("1018 PR Amsterdam", 0.66)],
        [("hallo@noorderlicht.studio", 0.66)],
        [],
        [("Fietsenwinkel De Spaak B.V.", 0.06)],
        [("t.a.v. Mark de Vries", 0.06)],
        [("Javastraat 41", 0.06)],
        [("1094 HA Amsterdam", 0.06)],
        [],
        [("Factuur", 0.06)],
        [("Factuurnummer", 0.06), ("2024-0042", 0.26)],
        [("Factuurdatum", 0.06), ("15 maart 2024", 0.26)],
        [("Vervaldatum", 0.06), ("29 maart 2024", 0.26)],
        [],
        [("Omschrijving", 0.06), ("Aantal", 0.50), ("Prijs", 0.60), ("Btw", 0.72), ("Totaal", 0.84)],
        [("Huisstijl ontwerp", 0.06), ("1 ×", 0.50), ("€ 950,00", 0.60), ("21%", 0.72), ("€ 950,00", 0.83)],
        [
            ("Visitekaartjes drukwerk", 0.06),
            ("500 ×", 0.50),
            ("€ 0,18", 0.61),
            ("21%", 0.72),
            ("€ 90,00", 0.84),
        ],
        [
            ("Korting vaste klant", 0.06),
            ("1 ×", 0.50),
            ("(€ 50,00)", 0.59),
            ("21%", 0.72),
            ("(€ 50,00)", 0.82),
        ],
        [],
        [("Subtotaal", 0.60), ("€ 990,00", 0.83)],
        [("21% btw", 0.60), ("€ 207,90", 0.83)],
        [("Totaal", 0.60), ("€ 1.197,90", 0.82)],
        [],
        [("Wij verzoeken u het bedrag vóór de vervaldatum over te maken.", 0.06)],
        [],
        [("Studio Noorderlicht | KvK 87654321 | Btw NL861234509B01 | IBAN NL44 RABO 0123 4567 89", 0.06)],
    ]
    return text_layer_page(rows)


CASES.update(
    {
        "fattura_elettronica_it": (
            fattura_elettronica_copia_it,
            {
                "document_type": "invoice",
                "invoice_number": "FPR 48/24",
                "invoice_date": "2024-03-15",
                "due_date": "2024-04-14",
                "vendor_name": "Ferramenta Colombo S.r.l.",
                "customer_name": "Edilnova S.p.A.",
                "currency": "EUR",
                "subtotal": "444.00",
                "tax_amount": "97.68",
                "total": "541.68",
                "amount_due": "541.68",
                "vendor_tax_id": "IT06512380145",
                "iban": "IT57E0503411701000000012345",
            },
            ["102.00", "84.00", "258.00"],
        ),
        "rectificativa_es": (
            factura_rectificativa_es,
            {
                "document_type": "credit_note",
                "invoice_number": "R-2024-007",
                "invoice_date": "2024-03-20",
                "due_date": None,
                "vendor_name": "Suministros Hosteleros Levante S.L.",
                "customer_name": "Bar Restaurante La Lonja S.L.",
                "currency": "EUR",
                "subtotal": "890.00",  # a credit note's amounts are magnitudes (README)
                "tax_amount": "186.90",
                "total": "1076.90",
                "amount_due": (None, "1076.90"),
                "vendor_tax_id": "ESB62184379",
                "iban": None,
            },
            ["890.00"],
        ),
        "sevdesk_de": (
            sevdesk_rechnung_de,
            {
                "document_type": "invoice",
                "invoice_number": "RE-1042",
                "invoice_date": "2024-03-15",
                "due_date": "2024-03-29",
                "vendor_name": "Kaffeerösterei Hanse GmbH",
                "customer_name": "Café Elbufer UG (haftungsbeschränkt)",
                "currency": "EUR",
                "subtotal": "218.00",
                "tax_amount": "18.74",
                "total": "236.74",
                "amount_due": "236.74",
                "vendor_tax_id": "DE248159374",
                "iban": "DE18430609671234567800",
            },
            ["189.00", "29.00"],
        ),
        "parking_fr": (
            parking_ticket_fr,
            {
                "document_type": "receipt",
                "invoice_number": (None, "004512"),  # a transaction number, or none
                "invoice_date": "2024-03-15",
                "due_date": None,
                "vendor_name": ("Parking Bellecour", "SAS Parkings du Rhône", "Parkings du Rhône"),
                "customer_name": None,
                "currency": "EUR",
                "subtotal": (None, "15.50"),
                "tax_amount": "3.10",
                "total": "18.60",
                "amount_due": (None, "18.60"),
                "vendor_tax_id": "FR03552189375",
                "iban": None,
            },
            [],
        ),
        "moneybird_nl": (
            moneybird_factuur_nl,
            {
                "document_type": "invoice",
                "invoice_number": "2024-0042",
                "invoice_date": "2024-03-15",
                "due_date": "2024-03-29",
                "vendor_name": "Studio Noorderlicht",
                "customer_name": "Fietsenwinkel De Spaak B.V.",
                "currency": "EUR",
                "subtotal": "990.00",
                "tax_amount": "207.90",
                "total": "1197.90",
                "amount_due": "1197.90",
                "vendor_tax_id": "NL861234509B01",
                "iban": "NL44RABO0123456789",
            },
            (["950.00", "90.00", "-50.00"], ["950.00", "90.00"]),  # the discount line, or items only
        ),
    }
)


# Batch 4, written after the fixes of batch 3, as a check of them.


def freshbooks_invoice_us():
    """A Boulder web studio's invoice as FreshBooks prints it: the studio right, a row of labels over their
    values (`Billed To`, `Date of Issue`, `Invoice Number`, `Amount Due (USD)`) with the due date under the
    date, `Rate  Qty  Line Total`, `Amount Paid`, `Amount Due (USD)`, terms as a sentence."""
    rows = [
        [("Summit Web Studio LLC", 0.62)],
        [("1200 Pearl St, Suite 4", 0.62)],
        [("Boulder, CO 80302", 0.62)],
        [("(303) 555-0199", 0.62)],
        [],
        [("Billed To", 0.06), ("Date of Issue", 0.34), ("Invoice Number", 0.54), ("Amount Due (USD)", 0.74)],
        [("Alpine Outfitters Co.", 0.06), ("03/15/2024", 0.34), ("0000123", 0.54), ("$2,015.90", 0.76)],
        [("88 Main Street", 0.06)],
        [("Frisco, CO 80443", 0.06), ("Due Date", 0.34)],
        [("04/14/2024", 0.34)],
        [],
        [("Description", 0.06), ("Rate", 0.56), ("Qty", 0.68), ("Line Total", 0.82)],
        [("Website redesign, phase 2", 0.06), ("$95.00", 0.56), ("16", 0.69), ("$1,520.00", 0.82)],
        [("Hosting (annual)", 0.06), ("$240.00", 0.56), ("1", 0.69), ("$240.00", 0.83)],
        [("Stock photo license", 0.06), ("$35.00", 0.57), ("4", 0.69), ("$140.00", 0.83)],
        [],
        [("Subtotal", 0.56), ("1,900.00", 0.83)],
        [("Tax (6.1%)", 0.56), ("115.90", 0.84)],
        [("Total", 0.56), ("2,015.90", 0.83)],
        [("Amount Paid", 0.56), ("0.00", 0.85)],
        [("Amount Due (USD)", 0.56), ("$2,015.90", 0.82)],
        [],
        [("Terms", 0.06)],
        [("Please pay within 30 days. Thank you for your business!", 0.06)],
    ]
    return text_layer_page(rows)


def bexio_rechnung_ch():
    """A Frauenfeld joinery's Rechnung as bexio prints it: the sender line with commas over a private
    customer (`Frau`), place and date in words, `Rechnung RE-00123`, apostrophes as thousands separators,
    `Total exkl. MWST`, MWST 8.1 % (the Swiss rate from 2024), `Total CHF`, `Zahlbar innert 30 Tagen netto`
    (Swiss wording), the UID with its MWST suffix and the IBAN in the footer."""
    rows = [
        [("Schreinerei Brunner AG", 0.06)],
        [("Industriestrasse 12", 0.06)],
        [("8500 Frauenfeld", 0.06)],
        [],
        [("Schreinerei Brunner AG, Industriestrasse 12, 8500 Frauenfeld", 0.06)],
        [("Frau", 0.06)],
        [("Sandra Keller", 0.06)],
        [("Rosenweg 3", 0.06)],
        [("8400 Winterthur", 0.06)],
        [],
        [("Frauenfeld, 15. März 2024", 0.62)],
        [],
        [("Rechnung RE-00123", 0.06)],
        [("Kundennummer: 10421", 0.06)],
        [],
        [
            ("Pos.", 0.06),
            ("Beschreibung", 0.12),
            ("Menge", 0.50),
            ("Einheit", 0.58),
            ("Preis", 0.70),
            ("Total", 0.85),
        ],
        [
            ("1", 0.06),
            ("Einbauschrank Eiche massiv", 0.12),
            ("1", 0.52),
            ("Stk", 0.58),
            ("3'850.00", 0.68),
            ("3'850.00", 0.84),
        ],
        [("2", 0.06), ("Montage", 0.12), ("6", 0.52), ("Std", 0.58), ("95.00", 0.70), ("570.00", 0.85)],
        [
            ("3", 0.06),
            ("Entsorgung Altmöbel", 0.12),
            ("1", 0.52),
            ("pauschal", 0.58),
            ("120.00", 0.69),
            ("120.00", 0.85),
        ],
        [],
        [("Total exkl. MWST", 0.56), ("4'540.00", 0.84)],
        [("MWST 8.1 %", 0.56), ("367.74", 0.86)],
        [("Total CHF", 0.56), ("4'907.74", 0.84)],
        [],
        [("Zahlbar innert 30 Tagen netto.", 0.06)],
        [],
        [("Schreinerei Brunner AG · CHE-412.587.301 MWST · IBAN CH69 0070 0110 0012 3456 7", 0.06)],
    ]
    return text_layer_page(rows)


def webshop_factuur_nl():
    """A Dutch webshop's factuur for an order paid at checkout: `Factuurnummer` beside `Bestelnummer`,
    `Factuuradres` and `Afleveradres` side by side, prices with VAT, `Subtotaal excl. btw`, `Btw 21%`,
    `Totaal incl. btw`, `Betaald via iDEAL` and `Openstaand € 0,00`."""
    rows = [
        [("Wielerwinkel Brabant B.V.", 0.06), ("Factuur", 0.70)],
        [("Ringbaan-Oost 150", 0.06)],
        [("5013 CD Tilburg", 0.06)],
        [],
        [("Factuurnummer:", 0.06), ("F2024-10233", 0.24), ("Bestelnummer:", 0.52), ("100045871", 0.70)],
        [("Factuurdatum:", 0.06), ("15-03-2024", 0.24), ("Besteldatum:", 0.52), ("14-03-2024", 0.70)],
        [],
        [("Factuuradres", 0.06), ("Afleveradres", 0.40)],
        [("J. Bakker", 0.06), ("J. Bakker", 0.40)],
        [("Lindelaan 22", 0.06), ("Lindelaan 22", 0.40)],
        [("5611 AB Eindhoven", 0.06), ("5611 AB Eindhoven", 0.40)],
        [],
        [("Artikel", 0.06), ("Aantal", 0.50), ("Prijs incl. btw", 0.60), ("Totaal", 0.84)],
        [("Fietsband 28 inch", 0.06), ("2", 0.51), ("€ 24,95", 0.62), ("€ 49,90", 0.84)],
        [("Binnenband 28 inch", 0.06), ("2", 0.51), ("€ 6,95", 0.63), ("€ 13,90", 0.84)],
        [("Fietsslot", 0.06), ("1", 0.51), ("€ 34,95", 0.62), ("€ 34,95", 0.84)],
        [],
        [("Subtotaal excl. btw", 0.56), ("€ 81,61", 0.84)],
        [("Btw 21%", 0.56), ("€ 17,14", 0.84)],
        [("Totaal incl. btw", 0.56), ("€ 98,75", 0.84)],
        [("Betaald via iDEAL", 0.56), ("€ 98,75", 0.84)],
        [("Openstaand", 0.56), ("€ 0,00", 0.85)],
        [],
        [("Wielerwinkel Brabant B.V. · KvK 18045231 · Btw NL854210332B01", 0.06)],
    ]
    return text_layer_page(rows)


def kassenbon_at():
    """A Linz bakery's till receipt (Registrierkasse): the bakery in capitals with its UID, `Beleg-Nr.` with
    the till and the time, quantity-times-price rows, two VAT rates in a table (no net or VAT total
    printed), cash given and change."""
    rows = [
        [("BÄCKEREI ÖFNER", 0.36)],
        [("Hauptplatz 7, 4020 Linz", 0.30)],
        [("UID: ATU73159262", 0.34)],
        [],
        [("Beleg-Nr. 48213", 0.20), ("Kassa 1", 0.56)],
        [("15.03.2024 07:42", 0.20)],
        [],
        [("2 x Kaisersemmel à 0,45", 0.20), ("0,90 A", 0.64)],
        [("1 x Vollkornbrot", 0.20), ("4,20 A", 0.64)],
        [("1 x Kaffee Melange", 0.20), ("3,60 B", 0.64)],
        [],
        [("Summe EUR", 0.20), ("8,70", 0.64)],
        [("Bar", 0.20), ("10,00", 0.63)],
        [("Rückgeld", 0.20), ("1,30", 0.64)],
        [],
        [("MwSt", 0.20), ("Netto", 0.36), ("Steuer", 0.50), ("Brutto", 0.62)],
        [("A 10 %", 0.20), ("4,64", 0.36), ("0,46", 0.50), ("5,10", 0.62)],
        [("B 20 %", 0.20), ("3,00", 0.36), ("0,60", 0.50), ("3,60", 0.62)],
        [],
        [("Danke für Ihren Einkauf!", 0.26)],
    ]
    return text_layer_page(rows)


def marketplace_vat_invoice_uk():
    """A marketplace seller's VAT invoice in English: `Sold by` with the seller's VAT number, `Invoice date /
    Delivery date` as one label, the invoice number beside the order number, billing and delivery address
    side by side, items with a net unit price, a rate, a gross unit price and a gross subtotal, the VAT
    summary, and the platform's note with its own VAT number."""
    rows = [
        [("VAT Invoice", 0.06), ("Payment reference 2kLm9QpRxT", 0.56)],
        [("Sold by Riverside Home Goods Ltd", 0.56)],
        [("VAT # GB264819335", 0.56)],
        [],
        [("Invoice date / Delivery date", 0.06), ("15.03.2024", 0.34)],
        [("Invoice #", 0.06), ("GB4-AB12-5589", 0.34)],
        [("Total payable", 0.06), ("£63.47", 0.34)],
        [],
        [("Billing address", 0.06), ("Delivery address", 0.36), ("Sold by", 0.66)],
        [("Emma Clarke", 0.06), ("Emma Clarke", 0.36), ("Riverside Home Goods Ltd", 0.66)],
        [("14 Elm Grove", 0.06), ("14 Elm Grove", 0.36), ("Unit 3, Canal Park", 0.66)],
        [("Leeds LS6 2AQ", 0.06), ("Leeds LS6 2AQ", 0.36), ("Nottingham NG7 1HJ", 0.66)],
        [],
        [("Order information", 0.06)],
        [("Order date 13.03.2024", 0.06)],
        [("Order # 204-7712345-1188412", 0.06)],
        [],
        [
            ("Description", 0.06),
            ("Qty", 0.40),
            ("Unit price", 0.47),
            ("VAT rate", 0.59),
            ("Unit price", 0.69),
            ("Item subtotal", 0.82),
        ],
        [("(excl. VAT)", 0.47), ("(incl. VAT)", 0.69), ("(incl. VAT)", 0.82)],
        [
            ("Linen duvet cover, double", 0.06),
            ("1", 0.41),
            ("£37.49", 0.48),
            ("20%", 0.60),
            ("£44.99", 0.70),
            ("£44.99", 0.84),
        ],
        [
            ("Cotton pillowcases (pair)", 0.06),
            ("2", 0.41),
            ("£7.70", 0.49),
            ("20%", 0.60),
            ("£9.24", 0.70),
            ("£18.48", 0.84),
        ],
        [],
        [("Invoice total", 0.59), ("£63.47", 0.84)],
        [],
        [("VAT rate", 0.47), ("Item subtotal (excl. VAT)", 0.57), ("VAT", 0.86)],
        [("20%", 0.47), ("£52.89", 0.62), ("£10.58", 0.86)],
        [("Total", 0.47), ("£52.89", 0.62), ("£10.58", 0.86)],
        [],
        [("This invoice was issued by Amazon EU S.à r.l., UK Branch, on behalf of the seller.", 0.06)],
        [("VAT # Amazon EU S.à r.l., UK Branch: GB727255821", 0.06)],
    ]
    return text_layer_page(rows)


CASES.update(
    {
        "freshbooks_us": (
            freshbooks_invoice_us,
            {
                "document_type": "invoice",
                "invoice_number": "0000123",
                "invoice_date": "2024-03-15",
                "due_date": "2024-04-14",
                "vendor_name": "Summit Web Studio LLC",
                "customer_name": "Alpine Outfitters Co.",
                "currency": "USD",
                "subtotal": "1900.00",
                "tax_amount": "115.90",
                "total": "2015.90",
                "amount_due": "2015.90",
                "vendor_tax_id": None,
                "iban": None,
            },
            ["1520.00", "240.00", "140.00"],
        ),
        "bexio_ch": (
            bexio_rechnung_ch,
            {
                "document_type": "invoice",
                "invoice_number": "RE-00123",
                "invoice_date": "2024-03-15",
                "due_date": "2024-04-14",
                "vendor_name": "Schreinerei Brunner AG",
                "customer_name": ("Sandra Keller", "Frau Sandra Keller"),
                "currency": "CHF",
                "subtotal": "4540.00",
                "tax_amount": "367.74",
                "total": "4907.74",
                "amount_due": "4907.74",
                "vendor_tax_id": "CHE-412.587.301",
                "iban": "CH6900700110001234567",
            },
            ["3850.00", "570.00", "120.00"],
        ),
        "webshop_nl": (
            webshop_factuur_nl,
            {
                "document_type": "invoice",
                "invoice_number": "F2024-10233",
                "invoice_date": "2024-03-15",
                "due_date": None,
                "vendor_name": "Wielerwinkel Brabant B.V.",
                "customer_name": "J. Bakker",
                "currency": "EUR",
                "subtotal": "81.61",
                "tax_amount": "17.14",
                "total": "98.75",
                "amount_due": "0.00",
                "vendor_tax_id": "NL854210332B01",
                "iban": None,
                "po_number": "100045871",
            },
            ["49.90", "13.90", "34.95"],
        ),
        "kassenbon_at": (
            kassenbon_at,
            {
                "document_type": "receipt",
                "invoice_number": "48213",
                "invoice_date": "2024-03-15",
                "due_date": None,
                "vendor_name": "BÄCKEREI ÖFNER",
                "customer_name": None,
                "currency": "EUR",
                "subtotal": (None, "7.64"),  # no net total is printed
                "tax_amount": "1.06",  # the two rates' taxes
                "total": "8.70",
                "amount_due": (None, "8.70", "0.00"),
                "vendor_tax_id": "ATU73159262",
                "iban": None,
            },
            ["0.90", "4.20", "3.60"],
        ),
        "marketplace_uk": (
            marketplace_vat_invoice_uk,
            {
                "document_type": "invoice",
                "invoice_number": "GB4-AB12-5589",
                "invoice_date": "2024-03-15",
                "due_date": None,
                "vendor_name": "Riverside Home Goods Ltd",
                "customer_name": "Emma Clarke",
                "currency": "GBP",
                "subtotal": "52.89",
                "tax_amount": "10.58",
                "total": "63.47",
                "amount_due": (None, "63.47"),
                "vendor_tax_id": "GB264819335",
                "iban": None,
                "po_number": "204-7712345-1188412",
            },
            ["44.99", "18.48"],
        ),
    }
)


# Batch 5, written after the fixes of batch 4, as a check of them.


def factura_taller_es():
    """A Zaragoza garage's factura after a repair order: `Orden de reparación` beside the number, the car
    (matrícula, km), parts and labour in one table with a discount column, `Total piezas` and `Total mano de
    obra` before `Base imponible`, `TOTAL A PAGAR`, payment at pick-up."""
    rows = [
        [("TALLERES EBRO MOTOR S.L.", 0.06), ("FACTURA", 0.70)],
        [("Polígono Cogullada, nave 14", 0.06), ("Nº: T24-0318", 0.70)],
        [("50014 Zaragoza", 0.06), ("Fecha: 18/03/2024", 0.70)],
        [("CIF: B87452108", 0.06), ("Orden de reparación: OR-2291", 0.62)],
        [],
        [("Cliente: Transportes Moncayo S.L.", 0.06)],
        [("Matrícula: 4821 KLM   Km: 182.450", 0.06)],
        [],
        [
            ("Ref.", 0.06),
            ("Descripción", 0.16),
            ("Uds.", 0.52),
            ("Precio", 0.60),
            ("Dto.", 0.71),
            ("Importe", 0.83),
        ],
        [
            ("FIL-032", 0.06),
            ("Filtro de aceite", 0.16),
            ("1", 0.53),
            ("18,50", 0.60),
            ("10%", 0.71),
            ("16,65", 0.84),
        ],
        [
            ("ACE-5W30", 0.06),
            ("Aceite 5W30 (litros)", 0.16),
            ("7", 0.53),
            ("9,80", 0.61),
            ("10%", 0.71),
            ("61,74", 0.84),
        ],
        [
            ("MO", 0.06),
            ("Mano de obra (horas)", 0.16),
            ("1,5", 0.52),
            ("48,00", 0.60),
            ("0%", 0.71),
            ("72,00", 0.84),
        ],
        [],
        [("Total piezas", 0.56), ("78,39", 0.84)],
        [("Total mano de obra", 0.56), ("72,00", 0.84)],
        [("Base imponible", 0.56), ("150,39", 0.83)],
        [("IVA 21%", 0.56), ("31,58", 0.84)],
        [("TOTAL A PAGAR", 0.56), ("181,97 €", 0.82)],
        [],
        [("Forma de pago: tarjeta, a la recogida del vehículo.", 0.06)],
    ]
    return text_layer_page(rows)


def handwerker_rechnung_sofort_de():
    """A Cologne plumber's Rechnung to a private customer: `Zahlbar sofort nach Erhalt ohne Abzug` (due at
    once: the invoice date), the labour share stated for the tax deduction of household services (§ 35a
    EStG: an amount that is no total), material and labour items."""
    rows = [
        [("Sanitär Schmitz GmbH", 0.62)],
        [("Venloer Straße 311", 0.62)],
        [("50823 Köln", 0.62)],
        [],
        [("Sanitär Schmitz GmbH · Venloer Straße 311 · 50823 Köln", 0.06)],
        [("Herrn", 0.06)],
        [("Thomas Weber", 0.06)],
        [("Subbelrather Straße 40", 0.06)],
        [("50823 Köln", 0.06)],
        [],
        [("Rechnung Nr. 24-0457", 0.06), ("Köln, 19.03.2024", 0.70)],
        [("Leistungsdatum: 14.03.2024", 0.06)],
        [],
        [("Pos.", 0.06), ("Bezeichnung", 0.12), ("Menge", 0.52), ("Einzelpreis", 0.62), ("Gesamt", 0.84)],
        [("1", 0.06), ("Austausch Eckventile", 0.12), ("2", 0.53), ("14,80", 0.63), ("29,60", 0.85)],
        [("2", 0.06), ("Monteurstunde", 0.12), ("3", 0.53), ("62,00", 0.63), ("186,00", 0.84)],
        [("3", 0.06), ("Anfahrtspauschale", 0.12), ("1", 0.53), ("35,00", 0.63), ("35,00", 0.85)],
        [],
        [("Nettobetrag", 0.60), ("250,60", 0.84)],
        [("19 % MwSt.", 0.60), ("47,61", 0.85)],
        [("Rechnungsbetrag", 0.60), ("298,21", 0.84)],
        [],
        [("Zahlbar sofort nach Erhalt ohne Abzug.", 0.06)],
        [("Im Rechnungsbetrag enthaltene Lohnkosten (§ 35a EStG): 221,00 € netto, 41,99 € MwSt.", 0.06)],
        [],
        [("Sanitär Schmitz GmbH · HRB 98123 Köln · USt-IdNr. DE278364156", 0.06)],
        [("Sparkasse KölnBonn · IBAN DE15 6005 0101 7412 5896 30", 0.06)],
    ]
    return text_layer_page(rows)


def facture_fin_de_mois_fr():
    """A Marseille IT consultancy's facture with the French term `45 jours fin de mois` (45 days, then the
    end of that month: 15 March + 45 days = 29 April, end of month 30 April), an EURL, daily rates, HT/TVA/TTC
    and the legal penalty notes."""
    rows = [
        [("NumériSud EURL", 0.06), ("FACTURE", 0.70)],
        [("22 quai de Rive Neuve", 0.06), ("N° 2024-031", 0.70)],
        [("13007 Marseille", 0.06), ("Date : 15/03/2024", 0.70)],
        [],
        [("Client :", 0.52)],
        [("Provence Logistique SAS", 0.52)],
        [("ZI des Paluds, 12 avenue du Garigan", 0.52)],
        [("13400 Aubagne", 0.52)],
        [],
        [("Désignation", 0.06), ("Jours", 0.52), ("Tarif HT", 0.62), ("Montant HT", 0.80)],
        [("Audit de l'infrastructure réseau", 0.06), ("3", 0.53), ("650,00", 0.62), ("1 950,00", 0.81)],
        [("Migration serveur de fichiers", 0.06), ("2", 0.53), ("650,00", 0.62), ("1 300,00", 0.81)],
        [],
        [("Total HT", 0.60), ("3 250,00 €", 0.80)],
        [("TVA 20 %", 0.60), ("650,00 €", 0.81)],
        [("Total TTC", 0.60), ("3 900,00 €", 0.80)],
        [],
        [("Conditions de paiement : 45 jours fin de mois.", 0.06)],
        [("Pénalités de retard : 3 fois le taux d'intérêt légal. Indemnité forfaitaire : 40 €.", 0.06)],
        [],
        [("NumériSud EURL · SIREN 812 476 935 · TVA FR73812476935", 0.06)],
        [("IBAN FR14 2004 1010 0505 0001 3M02 606", 0.06)],
    ]
    return text_layer_page(rows)


def law_firm_statement_us():
    """A Denver law firm's invoice with a statement of account: professional services by date with hours and
    rate, expenses, `Total Fees` and `Total Expenses`, `Total This Invoice`, then the previous balance and
    the payments received, `Balance Due`."""
    rows = [
        [("Hartley & Moss LLP", 0.06), ("INVOICE", 0.76)],
        [("1700 Lincoln St, Suite 2400", 0.06), ("Invoice No. 24-1187", 0.66)],
        [("Denver, CO 80203", 0.06), ("Date: March 31, 2024", 0.66)],
        [],
        [("Client:", 0.06), ("Front Range Brewing Co.", 0.18)],
        [("Matter:", 0.06), ("Trademark registration - 2024-014", 0.18)],
        [],
        [("PROFESSIONAL SERVICES", 0.06)],
        [("Date", 0.06), ("Description", 0.18), ("Hours", 0.62), ("Rate", 0.72), ("Amount", 0.84)],
        [
            ("03/04/24", 0.06),
            ("Trademark search and analysis", 0.18),
            ("3.50", 0.62),
            ("320.00", 0.71),
            ("1,120.00", 0.83),
        ],
        [
            ("03/12/24", 0.06),
            ("Prepare and file application", 0.18),
            ("2.00", 0.62),
            ("320.00", 0.71),
            ("640.00", 0.84),
        ],
        [("Total Fees", 0.62), ("1,760.00", 0.83)],
        [],
        [("EXPENSES", 0.06)],
        [("03/12/24", 0.06), ("USPTO filing fee", 0.18), ("350.00", 0.84)],
        [("Total Expenses", 0.62), ("350.00", 0.84)],
        [],
        [("Total This Invoice", 0.56), ("2,110.00", 0.83)],
        [("Previous Balance", 0.56), ("900.00", 0.84)],
        [("Payments Received", 0.56), ("(900.00)", 0.83)],
        [("Balance Due", 0.56), ("$2,110.00", 0.82)],
        [],
        [("Payment is due within 30 days of the invoice date.", 0.06)],
    ]
    return text_layer_page(rows)


def factuur_kor_nl():
    """A Utrecht freelance illustrator's factuur under the small business scheme (KOR: no VAT, `Vrijgesteld
    van btw op grond van de kleineondernemersregeling`), `Betaaltermijn: 14 dagen` with no date printed, the
    KvK number, her btw-id and IBAN."""
    rows = [
        [("Illustratie Fleur Visser", 0.06)],
        [("Biltstraat 120", 0.06)],
        [("3572 BM Utrecht", 0.06)],
        [],
        [("Aan:", 0.06)],
        [("Uitgeverij De Vlinder", 0.06)],
        [("Prinsengracht 300", 0.06)],
        [("1016 HX Amsterdam", 0.06)],
        [],
        [("FACTUUR", 0.06)],
        [("Factuurnummer: 2024-07", 0.06)],
        [("Factuurdatum: 20 maart 2024", 0.06)],
        [("Betaaltermijn: 14 dagen", 0.06)],
        [],
        [("Omschrijving", 0.06), ("Bedrag", 0.82)],
        [("Omslagillustratie 'De Zeemeermin'", 0.06), ("€ 850,00", 0.81)],
        [("Binnenwerk, 12 illustraties à € 75,00", 0.06), ("€ 900,00", 0.81)],
        [],
        [("Totaal", 0.60), ("€ 1.750,00", 0.80)],
        [],
        [("Vrijgesteld van btw op grond van de kleineondernemersregeling (KOR).", 0.06)],
        [],
        [("KvK 81234567 · Btw-id NL867512039B01 · IBAN NL36 INGB 0007 6543 21", 0.06)],
    ]
    return text_layer_page(rows)


CASES.update(
    {
        "taller_es": (
            factura_taller_es,
            {
                "document_type": "invoice",
                "invoice_number": "T24-0318",
                "invoice_date": "2024-03-18",
                "due_date": (None, "2024-03-18"),  # paid at pick-up
                "vendor_name": "TALLERES EBRO MOTOR S.L.",
                "customer_name": "Transportes Moncayo S.L.",
                "currency": "EUR",
                "subtotal": "150.39",
                "tax_amount": "31.58",
                "total": "181.97",
                "amount_due": "181.97",
                "vendor_tax_id": "ESB87452108",
                "iban": None,
                "po_number": (None, "OR-2291"),  # the repair order, if read as the order's number
            },
            ["16.65", "61.74", "72.00"],
        ),
        "sofort_de": (
            handwerker_rechnung_sofort_de,
            {
                "document_type": "invoice",
                "invoice_number": "24-0457",
                "invoice_date": "2024-03-19",
                "due_date": ("2024-03-19", None),  # due at once: the invoice date, or none written
                "vendor_name": "Sanitär Schmitz GmbH",
                "customer_name": ("Thomas Weber", "Herrn Thomas Weber"),
                "currency": "EUR",
                "subtotal": "250.60",
                "tax_amount": "47.61",
                "total": "298.21",
                "amount_due": "298.21",
                "vendor_tax_id": "DE278364156",
                "iban": "DE15600501017412589630",
            },
            ["29.60", "186.00", "35.00"],
        ),
        "fin_de_mois_fr": (
            facture_fin_de_mois_fr,
            {
                "document_type": "invoice",
                "invoice_number": "2024-031",
                "invoice_date": "2024-03-15",
                "due_date": "2024-04-30",
                "vendor_name": "NumériSud EURL",
                "customer_name": "Provence Logistique SAS",
                "currency": "EUR",
                "subtotal": "3250.00",
                "tax_amount": "650.00",
                "total": "3900.00",
                "amount_due": "3900.00",
                "vendor_tax_id": "FR73812476935",
                "iban": "FR1420041010050500013M02606",
            },
            ["1950.00", "1300.00"],
        ),
        "law_firm_us": (
            law_firm_statement_us,
            {
                "document_type": "invoice",
                "invoice_number": "24-1187",
                "invoice_date": "2024-03-31",
                "due_date": "2024-04-30",
                "vendor_name": "Hartley & Moss LLP",
                "customer_name": "Front Range Brewing Co.",
                "currency": "USD",
                "subtotal": (None, "2110.00"),
                "tax_amount": NO_TAX,
                "total": "2110.00",
                "amount_due": "2110.00",
                "vendor_tax_id": None,
                "iban": None,
            },
            ["1120.00", "640.00", "350.00"],
        ),
        "kor_nl": (
            factuur_kor_nl,
            {
                "document_type": "invoice",
                "invoice_number": "2024-07",
                "invoice_date": "2024-03-20",
                "due_date": "2024-04-03",
                "vendor_name": "Illustratie Fleur Visser",
                "customer_name": "Uitgeverij De Vlinder",
                "currency": "EUR",
                "subtotal": "1750.00",
                "tax_amount": NO_TAX,
                "total": "1750.00",
                "amount_due": "1750.00",
                "vendor_tax_id": "NL867512039B01",
                "iban": "NL36INGB0007654321",
            },
            ["850.00", "900.00"],
        ),
    }
)


# Batch 6, written after the fixes of batch 5, as a check of them.


def rechnung_skonto_datum_de():
    """A Bielefeld office supplier's Rechnung with the due date in the info box (`Fälligkeitsdatum`) and a
    dated cash discount in the text (`Bei Zahlung bis 25.03.2024 gewähren wir 2 % Skonto`): the due date is
    the box's, never the discount's."""
    rows = [
        [("Bürobedarf Ostwestfalen GmbH", 0.06)],
        [("Herforder Straße 92 · 33602 Bielefeld", 0.06)],
        [],
        [("Bürobedarf Ostwestfalen GmbH · Herforder Straße 92 · 33602 Bielefeld", 0.06)],
        [("Steuerkanzlei Brandt & Partner", 0.06), ("Rechnungsnummer", 0.60), ("R-2024-0815", 0.80)],
        [("Niederwall 10", 0.06), ("Rechnungsdatum", 0.60), ("18.03.2024", 0.80)],
        [("33602 Bielefeld", 0.06), ("Fälligkeitsdatum", 0.60), ("17.04.2024", 0.80)],
        [("Kundennummer", 0.60), ("40117", 0.80)],
        [],
        [("Rechnung", 0.06)],
        [],
        [("Pos.", 0.06), ("Artikel", 0.12), ("Menge", 0.52), ("Einzelpreis", 0.62), ("Gesamtpreis", 0.82)],
        [
            ("1", 0.06),
            ("Kopierpapier A4, 80 g, Karton", 0.12),
            ("10", 0.53),
            ("24,90", 0.63),
            ("249,00", 0.84),
        ],
        [("2", 0.06), ("Toner HP 59A schwarz", 0.12), ("3", 0.53), ("89,00", 0.63), ("267,00", 0.84)],
        [],
        [("Warenwert netto", 0.60), ("516,00", 0.84)],
        [("USt. 19 %", 0.60), ("98,04", 0.85)],
        [("Rechnungsbetrag", 0.60), ("614,04", 0.84)],
        [],
        [("Bei Zahlung bis 25.03.2024 gewähren wir 2 % Skonto (12,28 €).", 0.06)],
        [],
        [("Sparkasse Bielefeld · IBAN DE89 3704 0044 0532 0130 00 · USt-IdNr. DE318742567", 0.06)],
    ]
    return text_layer_page(rows)


def fattura_bnb_it():
    """A Florence B&B's fattura: the guest as the customer, nights with 10 % IVA, the city tax (`Imposta di
    soggiorno`, outside VAT: `esente art. 15`), `Totale imponibile`, `IVA 10%`, `Totale fattura`,
    `Pagato` with the card, `Saldo 0,00`."""
    rows = [
        [("B&B Il Giglio di Firenze", 0.06)],
        [("di Chiara Bianchi", 0.06)],
        [("Via dei Serragli 45 - 50124 Firenze", 0.06)],
        [("P.IVA 07463290150", 0.06)],
        [],
        [("Fattura n. 58/2024 del 16/03/2024", 0.06), ("Spett.le", 0.56)],
        [("Ospite: Mr. James Wilson", 0.56)],
        [("12 Orchard Road", 0.56)],
        [("Bath BA1 2AB - Regno Unito", 0.56)],
        [],
        [("Descrizione", 0.06), ("Q.tà", 0.52), ("Prezzo", 0.62), ("IVA", 0.72), ("Importo", 0.84)],
        [
            ("Pernottamento camera doppia 13-16/03", 0.06),
            ("3", 0.53),
            ("120,00", 0.62),
            ("10%", 0.72),
            ("360,00", 0.84),
        ],
        [
            ("Imposta di soggiorno (2 pers. x 3 notti)", 0.06),
            ("6", 0.53),
            ("3,50", 0.63),
            ("esente", 0.71),
            ("21,00", 0.85),
        ],
        [],
        [("Totale imponibile", 0.60), ("327,27", 0.84)],
        [("IVA 10%", 0.60), ("32,73", 0.85)],
        [("Imposta di soggiorno esente art. 15", 0.40), ("21,00", 0.85)],
        [("Totale fattura", 0.60), ("381,00", 0.84)],
        [("Pagato con carta di credito", 0.50), ("381,00", 0.84)],
        [("Saldo", 0.60), ("0,00", 0.86)],
    ]
    return text_layer_page(rows)


def energy_bill_uk():
    """A UK energy supplier's bill: `Account number`, `Bill date`, the period, electricity at 5 % VAT and a
    boiler cover at 20 %, `Total charges this bill`, the direct debit to be collected on a date (the due
    date), the company number and VAT number in the footer."""
    rows = [
        [("Greenfield Energy Ltd", 0.06), ("Your bill", 0.70)],
        [("PO Box 4410, Reading RG1 8DA", 0.06)],
        [],
        [("Mr D Patel", 0.06), ("Account number", 0.56), ("GE-4417-2290", 0.76)],
        [("27 Beech Avenue", 0.06), ("Bill number", 0.56), ("700184512", 0.76)],
        [("Reading RG30 2HX", 0.06), ("Bill date", 0.56), ("1 April 2024", 0.76)],
        [("Period", 0.56), ("1 Mar - 31 Mar 2024", 0.76)],
        [],
        [("Your charges", 0.06), ("Amount", 0.84)],
        [("Electricity, 412 kWh at 24.50p", 0.06), ("100.94", 0.84)],
        [("Standing charge, 31 days at 53.35p", 0.06), ("16.54", 0.85)],
        [("VAT at 5% on 117.48", 0.06), ("5.87", 0.86)],
        [("Boiler cover", 0.06), ("12.00", 0.85)],
        [("VAT at 20% on 12.00", 0.06), ("2.40", 0.86)],
        [],
        [("Total charges this bill", 0.56), ("137.75", 0.84)],
        [],
        [("We will collect £137.75 by Direct Debit on or after 15 April 2024.", 0.06)],
        [],
        [("Greenfield Energy Ltd · Registered in England No. 08746521 · VAT No. GB 381 9274 26", 0.06)],
    ]
    return text_layer_page(rows)


def note_honoraires_fr():
    """A Bordeaux architect's `NOTE D'HONORAIRES` (a professional's invoice under another title): the
    number after the title, the client with `À l'attention de`, fee stages as percentages of the works,
    `Total HT`, `TVA 20 %`, `Net à payer`, `Règlement à réception`."""
    rows = [
        [("Cabinet Durand Architectes", 0.06)],
        [("14 cours de l'Intendance", 0.06)],
        [("33000 Bordeaux", 0.06)],
        [("SIRET 793 412 685 00014 · TVA FR75793412685", 0.06)],
        [],
        [("NOTE D'HONORAIRES N° 2024-12", 0.06)],
        [("Bordeaux, le 20 mars 2024", 0.06)],
        [],
        [("SCI Les Chartrons", 0.56)],
        [("À l'attention de Mme Lefèvre", 0.56)],
        [("8 quai des Chartrons", 0.56)],
        [("33300 Bordeaux", 0.56)],
        [],
        [("Mission", 0.06), ("Base HT", 0.50), ("Taux", 0.64), ("Montant HT", 0.80)],
        [("Avant-projet définitif (APD)", 0.06), ("180 000,00", 0.48), ("3 %", 0.64), ("5 400,00", 0.81)],
        [("Dossier de permis de construire", 0.06), ("180 000,00", 0.48), ("1 %", 0.64), ("1 800,00", 0.81)],
        [],
        [("Total HT", 0.60), ("7 200,00 €", 0.80)],
        [("TVA 20 %", 0.60), ("1 440,00 €", 0.80)],
        [("Net à payer", 0.60), ("8 640,00 €", 0.80)],
        [],
        [("Règlement à réception de la note, par virement.", 0.06)],
    ]
    return text_layer_page(rows)


def factura_albaran_es():
    """A Murcia produce wholesaler's factura: the client's NIF printed before the vendor's, `Albarán nº` and
    `Pedido nº` beside the invoice number, boxes and kilos, `Vencimiento: 30 días f.f.` (from the invoice
    date), IVA at 4 % (basic food) and 10 %."""
    rows = [
        [("FRUTAS SEGURA S.L.", 0.06)],
        [("Carretera de Alicante km 4 · 30007 Murcia", 0.06)],
        [],
        [("Cliente: Supermercados La Huerta S.L.", 0.06), ("NIF cliente: B46372819", 0.56)],
        [("Avenida de la Libertad 22 · 30009 Murcia", 0.06)],
        [],
        [("FACTURA Nº 24/00812", 0.06), ("Fecha: 21/03/2024", 0.40), ("Albarán nº: A-5521", 0.66)],
        [("Pedido nº: P-1180", 0.66)],
        [],
        [
            ("Artículo", 0.06),
            ("Cajas", 0.46),
            ("Kilos", 0.55),
            ("Precio/kg", 0.64),
            ("IVA", 0.75),
            ("Importe", 0.84),
        ],
        [("Limón Verna", 0.06), ("20", 0.47), ("300", 0.55), ("0,95", 0.65), ("4%", 0.75), ("285,00", 0.84)],
        [("Alcachofa", 0.06), ("10", 0.47), ("80", 0.56), ("1,80", 0.65), ("4%", 0.75), ("144,00", 0.84)],
        [
            ("Zumo de naranja 1 l", 0.06),
            ("5", 0.47),
            ("60", 0.56),
            ("1,20", 0.65),
            ("10%", 0.74),
            ("72,00", 0.85),
        ],
        [],
        [("Base imponible 4%", 0.56), ("429,00", 0.84)],
        [("IVA 4%", 0.56), ("17,16", 0.85)],
        [("Base imponible 10%", 0.56), ("72,00", 0.85)],
        [("IVA 10%", 0.56), ("7,20", 0.86)],
        [("TOTAL FACTURA", 0.56), ("525,36 €", 0.83)],
        [],
        [("Vencimiento: 30 días f.f. · Transferencia a ES55 0081 0216 7800 0123 4567", 0.06)],
        [("Frutas Segura S.L. · CIF B46372827 · Inscrita en el R.M. de Murcia", 0.06)],
    ]
    return text_layer_page(rows)


CASES.update(
    {
        "skonto_datum_de": (
            rechnung_skonto_datum_de,
            {
                "document_type": "invoice",
                "invoice_number": "R-2024-0815",
                "invoice_date": "2024-03-18",
                "due_date": "2024-04-17",
                "vendor_name": "Bürobedarf Ostwestfalen GmbH",
                "customer_name": "Steuerkanzlei Brandt & Partner",
                "currency": "EUR",
                "subtotal": "516.00",
                "tax_amount": "98.04",
                "total": "614.04",
                "amount_due": "614.04",
                "vendor_tax_id": "DE318742567",
                "iban": "DE89370400440532013000",
            },
            ["249.00", "267.00"],
        ),
        "bnb_it": (
            fattura_bnb_it,
            {
                "document_type": "invoice",
                "invoice_number": "58/2024",
                "invoice_date": "2024-03-16",
                "due_date": None,
                "vendor_name": ("B&B Il Giglio di Firenze", "B&B Il Giglio di Firenze di Chiara Bianchi"),
                "customer_name": ("James Wilson", "Mr. James Wilson"),
                "currency": "EUR",
                "subtotal": "327.27",
                "tax_amount": "32.73",
                "total": "381.00",
                "amount_due": "0.00",
                "vendor_tax_id": "IT07463290150",
                "iban": None,
            },
            ["360.00", "21.00"],
        ),
        "energy_bill_uk": (
            energy_bill_uk,
            {
                "document_type": "invoice",
                "invoice_number": "700184512",
                "invoice_date": "2024-04-01",
                "due_date": "2024-04-15",
                "vendor_name": "Greenfield Energy Ltd",
                "customer_name": ("D Patel", "Mr D Patel"),
                "currency": "GBP",
                "subtotal": "129.48",
                "tax_amount": "8.27",
                "total": "137.75",
                "amount_due": "137.75",
                "vendor_tax_id": "GB381927426",
                "iban": None,
            },
            ["100.94", "16.54", "12.00"],
        ),
        "honoraires_fr": (
            note_honoraires_fr,
            {
                "document_type": "invoice",
                "invoice_number": "2024-12",
                "invoice_date": "2024-03-20",
                "due_date": (None, "2024-03-20"),  # on receipt
                "vendor_name": "Cabinet Durand Architectes",
                "customer_name": "SCI Les Chartrons",
                "currency": "EUR",
                "subtotal": "7200.00",
                "tax_amount": "1440.00",
                "total": "8640.00",
                "amount_due": "8640.00",
                "vendor_tax_id": "FR75793412685",
                "iban": None,
            },
            ["5400.00", "1800.00"],
        ),
        "albaran_es": (
            factura_albaran_es,
            {
                "document_type": "invoice",
                "invoice_number": "24/00812",
                "invoice_date": "2024-03-21",
                "due_date": "2024-04-20",
                "vendor_name": "FRUTAS SEGURA S.L.",
                "customer_name": "Supermercados La Huerta S.L.",
                "currency": "EUR",
                "subtotal": "501.00",
                "tax_amount": "24.36",
                "total": "525.36",
                "amount_due": "525.36",
                "vendor_tax_id": "ESB46372827",
                "iban": "ES5500810216780001234567",
                "po_number": "P-1180",
            },
            ["285.00", "144.00", "72.00"],
        ),
    }
)


# Batch 7, written after the fixes of batch 6, as a check of them.


def arztrechnung_goae_de():
    """A Düsseldorf physician's private invoice under the German fee schedule (GOÄ): the patient as the
    customer, `Rechnungsdatum`, items with the GOÄ number, the multiplier and the fee, no VAT
    (`umsatzsteuerfrei gemäß § 4 Nr. 14 UStG`), `Rechnungsbetrag`, payment within 30 days."""
    rows = [
        [("Dr. med. Katrin Hoffmann", 0.62)],
        [("Fachärztin für Innere Medizin", 0.62)],
        [("Königsallee 60", 0.62)],
        [("40212 Düsseldorf", 0.62)],
        [],
        [("Dr. med. Katrin Hoffmann · Königsallee 60 · 40212 Düsseldorf", 0.06)],
        [("Herrn", 0.06)],
        [("Markus Lange", 0.06), ("Rechnungsnummer", 0.60), ("2024-1193", 0.80)],
        [("Graf-Adolf-Straße 8", 0.06), ("Rechnungsdatum", 0.60), ("22.03.2024", 0.80)],
        [("40210 Düsseldorf", 0.06), ("Behandlungsdatum", 0.60), ("12.03.2024", 0.80)],
        [],
        [("Rechnung nach der Gebührenordnung für Ärzte (GOÄ)", 0.06)],
        [],
        [("Ziffer", 0.06), ("Leistung", 0.16), ("Faktor", 0.62), ("Betrag", 0.84)],
        [("1", 0.06), ("Beratung", 0.16), ("2,3", 0.63), ("10,72", 0.85)],
        [("7", 0.06), ("Vollständige körperliche Untersuchung", 0.16), ("2,3", 0.63), ("21,45", 0.85)],
        [("651", 0.06), ("Elektrokardiographische Untersuchung", 0.16), ("1,8", 0.63), ("26,44", 0.85)],
        [],
        [("Rechnungsbetrag", 0.60), ("58,61 €", 0.84)],
        [],
        [("Die Leistungen sind umsatzsteuerfrei gemäß § 4 Nr. 14 UStG.", 0.06)],
        [("Bitte überweisen Sie den Betrag innerhalb von 30 Tagen nach Rechnungsdatum.", 0.06)],
        [("Deutsche Apotheker- und Ärztebank · IBAN DE67 3006 0601 0004 7182 93", 0.06)],
    ]
    return text_layer_page(rows)


def hardware_receipt_us():
    """A US hardware store's register receipt: the store and its number, the register and transaction,
    SKU rows with the item and price, `SUBTOTAL`, `SALES TAX 7.25%`, `TOTAL`, paid by `VISA` with an
    authorization code, date and time, a return policy."""
    rows = [
        [("ORCHARD HARDWARE #0412", 0.32)],
        [("2150 Stevens Creek Blvd", 0.32)],
        [("San Jose, CA 95128", 0.34)],
        [("(408) 555-0163", 0.36)],
        [],
        [("REG 03  TRANS 88214  CASHIER 17", 0.22)],
        [],
        [("071121958404  GARDEN HOSE 50FT", 0.16), ("34.98", 0.70)],
        [("070798182059  HOSE NOZZLE", 0.16), ("8.97", 0.71)],
        [("049793020315  WORK GLOVES", 0.16), ("8.96", 0.71)],
        [("2 @ 4.48", 0.22)],
        [],
        [("SUBTOTAL", 0.40), ("52.91", 0.70)],
        [("SALES TAX 7.25%", 0.40), ("3.84", 0.71)],
        [("TOTAL", 0.40), ("$56.75", 0.69)],
        [("VISA USD$", 0.40), ("56.75", 0.70)],
        [("AUTH CODE 044217", 0.22)],
        [],
        [("03/23/24  14:37", 0.30)],
        [("RETURN POLICY: 90 DAYS WITH RECEIPT", 0.20)],
    ]
    return text_layer_page(rows)


def appel_de_loyer_fr():
    """A Lyon property company's rent call (`AVIS D'ÉCHÉANCE`) for a commercial lease: the quarter, the
    rent with 20 % TVA (the lease opts for VAT), the service charge provision with TVA, `Date
    d'exigibilité`, `Montant à régler`, the bank."""
    rows = [
        [("SCI Presqu'île Invest", 0.06)],
        [("45 rue de la République", 0.06)],
        [("69002 Lyon", 0.06)],
        [("TVA FR25532187465", 0.06)],
        [],
        [("Boulangerie Fournier SARL", 0.56)],
        [("12 rue Mercière", 0.56)],
        [("69002 Lyon", 0.56)],
        [],
        [("AVIS D'ÉCHÉANCE N° 2024-T2-014", 0.06)],
        [("Lyon, le 15 mars 2024", 0.06)],
        [("Période : du 01/04/2024 au 30/06/2024", 0.06)],
        [("Date d'exigibilité : 01/04/2024", 0.06)],
        [],
        [("Désignation", 0.06), ("Montant HT", 0.50), ("TVA 20 %", 0.64), ("Montant TTC", 0.80)],
        [("Loyer commercial 2e trimestre", 0.06), ("4 500,00", 0.50), ("900,00", 0.65), ("5 400,00", 0.80)],
        [("Provision sur charges", 0.06), ("600,00", 0.51), ("120,00", 0.65), ("720,00", 0.81)],
        [],
        [("Total", 0.06), ("5 100,00", 0.50), ("1 020,00", 0.64), ("6 120,00", 0.80)],
        [],
        [("Montant à régler : 6 120,00 €", 0.06)],
        [("Par virement : IBAN FR76 3006 6100 2100 0102 3450 107", 0.06)],
    ]
    return text_layer_page(rows)


CASES.update(
    {
        "goae_de": (
            arztrechnung_goae_de,
            {
                "document_type": "invoice",
                "invoice_number": "2024-1193",
                "invoice_date": "2024-03-22",
                "due_date": "2024-04-21",
                "vendor_name": "Dr. med. Katrin Hoffmann",
                "customer_name": ("Markus Lange", "Herrn Markus Lange"),
                "currency": "EUR",
                "subtotal": "58.61",
                "tax_amount": NO_TAX,
                "total": "58.61",
                "amount_due": "58.61",
                "vendor_tax_id": None,
                "iban": "DE67300606010004718293",
            },
            ["10.72", "21.45", "26.44"],
        ),
        "hardware_receipt_us": (
            hardware_receipt_us,
            {
                "document_type": "receipt",
                "invoice_number": (None, "88214"),  # the transaction number, if read as the document's
                "invoice_date": "2024-03-23",
                "due_date": None,
                "vendor_name": ("ORCHARD HARDWARE #0412", "ORCHARD HARDWARE"),
                "customer_name": None,
                "currency": "USD",
                "subtotal": "52.91",
                "tax_amount": "3.84",
                "total": "56.75",
                "amount_due": (None, "56.75"),
                "vendor_tax_id": None,
                "iban": None,
            },
            ["34.98", "8.97", "8.96"],
        ),
        "appel_de_loyer_fr": (
            appel_de_loyer_fr,
            {
                "document_type": "invoice",
                "invoice_number": "2024-T2-014",
                "invoice_date": "2024-03-15",
                "due_date": "2024-04-01",
                "vendor_name": "SCI Presqu'île Invest",
                "customer_name": "Boulangerie Fournier SARL",
                "currency": "EUR",
                "subtotal": "5100.00",
                "tax_amount": "1020.00",
                "total": "6120.00",
                "amount_due": "6120.00",
                "vendor_tax_id": "FR25532187465",
                "iban": "FR7630066100210001023450107",
            },
            (["5400.00", "720.00"], ["4500.00", "600.00"]),  # the TTC or the HT column
        ),
    }
)

# checks that fail for a reason the extraction cannot fix by a general rule today: (case, field) -> reason
KNOWN_MISSES: dict[tuple[str, str], str] = {}


_EXTRACTED: dict[str, object] = {}


def _extract(case: str):
    if case not in _EXTRACTED:
        _EXTRACTED[case] = extract_invoice(CASES[case][0](), options=TODAY)
    return _EXTRACTED[case]


@pytest.mark.parametrize(("case", "name"), list(field_params(CASES, KNOWN_MISSES)))
def test_field_a_reader_would_write_down(case, name):
    invoice = _extract(case)
    field = invoice.fields.get(name)
    got = None if field is None else field.value
    expected = CASES[case][1][name]
    assert matches(name, got, expected), f"{case}.{name}: got {got!r}, expected {expected!r}"


@pytest.mark.parametrize("case", list(item_params(CASES, KNOWN_MISSES)))
def test_line_items_and_their_amounts(case):
    invoice = _extract(case)
    amounts = [item.cells["amount"].value for item in invoice.line_items if "amount" in item.cells]
    expected = CASES[case][2]
    assert amounts in expected if isinstance(expected, tuple) else amounts == expected


def test_the_pages_identifiers_carry_valid_check_digits():
    """The ids printed on these pages are real-format ids (so a miss is the extraction's, not the data's)."""
    for _, expected, _ in CASES.values():
        if expected.get("iban"):
            IBAN(expected["iban"])  # raises on a bad check digit
        vat = expected.get("vendor_tax_id")
        if vat is None:
            continue
        if vat.startswith("GB"):
            assert gb_vat.is_valid(vat)
        elif vat.startswith("CHE"):
            assert ch_uid.is_valid(vat)
        else:
            assert eu_vat.is_valid(vat), vat
    for other in ("ESB45183928", "IT01739520482", "LU20260743"):  # buyers' and the platform's ids
        assert eu_vat.is_valid(other)


def _first(value):
    return value[0] if isinstance(value, tuple) else value


def test_the_expected_amounts_add_up():
    """The pages' arithmetic is right: subtotal + tax = total (a discount between them on the US invoice);
    the items add up to the subtotal, or to the total where they are printed with tax (a marketplace's
    gross prices, a folio, till receipts), or to the work done before the earlier situations are
    subtracted (a progress invoice), or to the goods' value before the discount rows (the ERP's)."""
    gross_items = {
        "marketplace_de",
        "hotel_folio_at",
        "documento_commerciale_it",
        "fuel_receipt_de",
        "webshop_nl",
        "kassenbon_at",
        "marketplace_uk",
        "bnb_it",
        "appel_de_loyer_fr",
    }
    printed_sum = {
        "situation_travaux_fr": "62400.00",
        "erp_trailing_minus_de": "927.80",
        "zoho_us": "1230.00",
    }
    for case, (_, expected, items) in CASES.items():
        tax = expected["tax_amount"] if isinstance(expected["tax_amount"], str) else "0.00"
        subtotal = _first(expected["subtotal"]) or f"{float(expected['total']) - float(tax):.2f}"
        if case not in {"zoho_us", "bnb_it"}:  # a discount; a city tax outside VAT
            assert float(subtotal) + float(tax) == pytest.approx(float(expected["total"])), case
        items = _first(items)
        if not items:
            continue
        target = expected["total"] if case in gross_items else printed_sum.get(case, subtotal)
        assert sum(float(a) for a in items) == pytest.approx(float(target)), case
    zoho = CASES["zoho_us"][1]  # Sub Total - Discount + Tax = Total
    assert 1230.00 - 61.50 + float(zoho["tax_amount"]) == pytest.approx(float(zoho["total"]))


# The general rules behind the fixes, each on a small page of its own.


def _fields(rows, today=date(2025, 6, 1)):
    invoice = extract_invoice(text_layer_page(rows), options=ExtractionOptions(today=today))
    return {name: field.value for name, field in invoice.fields.items()}


def _items_and_total(*head, tail=()):
    return [
        *head,
        [],
        [("Beschreibung", 0.06), ("Menge", 0.52), ("Preis", 0.64), ("Betrag", 0.82)],
        [("Wartung Heizungsanlage", 0.06), ("1", 0.53), ("200,00", 0.64), ("200,00", 0.82)],
        [],
        [("Nettobetrag", 0.56), ("200,00", 0.82)],
        [("MwSt. 19 %", 0.56), ("38,00", 0.83)],
        [("Rechnungsbetrag", 0.56), ("238,00", 0.82)],
        [],
        *tail,
    ]


def test_a_one_row_sender_address_in_the_footer_names_the_vendor():
    """No letterhead text (a logo), the customer first with an attention line: the footer's `name · street
    no · postcode town` names the vendor; a bank line with a postcode-like number names nobody."""
    from ocr_tasks.extraction.party_fields import sender_line_name

    rows = _items_and_total(
        [("Hausverwaltung Becker GmbH", 0.06)],
        [("z. Hd. Frau Anja Becker", 0.06), ("Rechnungs-Nr.:", 0.60), ("2024-0400", 0.78)],
        [("Wilhelmshöher Allee 201", 0.06), ("Rechnungsdatum:", 0.60), ("16.04.2024", 0.78)],
        [("34119 Kassel", 0.06)],
        tail=[[("Sanitär Vogel · Inh. Uwe Vogel · Ringstraße 3 · 34123 Kassel · Tel. 0561 5566", 0.06)]],
    )
    fields = _fields(rows)
    assert (fields.get("vendor_name"), fields.get("customer_name")) == (
        "Sanitär Vogel",
        "Hausverwaltung Becker GmbH",
    )
    assert sender_line_name("Dresdner Bank · (BLZ 699 800 99) 99 55555 SWIFT DEUT DE · Deutsche Bank") is None


def test_seller_and_short_labels_before_a_name_are_no_part_of_it():
    from ocr_tasks.extraction.party_fields import clean_name

    assert clean_name("Verkauft von Müller Elektronik GmbH") == "Müller Elektronik GmbH"
    assert clean_name("Sold by Acme Inc.") == "Acme Inc."
    assert clean_name("To: Harbour Coffee Roasters Ltd") == "Harbour Coffee Roasters Ltd"
    assert clean_name("Vendor Solutions Inc") == "Vendor Solutions Inc"  # a name, no label with a colon


def test_a_vat_label_over_its_id_and_a_po_under_a_reference_label():
    """Labels above values in a column (Xero): `VAT Number` over the id beats a labelled company number;
    `Reference` over `PO 5521` is the buyer's order, never the invoice number. (A label is read over its
    value only from a row without digits: the letterhead's rows beside the labels carry none here.)"""
    rows = [
        [("Northgate Tools Ltd", 0.06), ("Invoice Number", 0.56)],
        [("12 Mill Road", 0.06), ("NT-2040", 0.56)],
        [("Leeds", 0.06), ("Reference", 0.56)],
        [("LS1 4AB", 0.06), ("PO 5521", 0.56)],
        [("VAT Number", 0.56)],
        [("GB 285 3749 19", 0.56)],
        [],
        [("Description", 0.06), ("Amount", 0.82)],
        [("Bench grinder", 0.06), ("200.00", 0.82)],
        [("Total", 0.56), ("200.00", 0.82)],
        [],
        [("Company Registration No: 08123456.", 0.06)],
    ]
    fields = _fields(rows)
    assert fields.get("vendor_tax_id") == "GB285374919"
    assert fields.get("invoice_number") == "NT-2040"
    assert fields.get("po_number") == "PO5521"


def test_a_customer_label_with_its_name_across_a_column_gap():
    rows = _items_and_total(
        [("Northgate Tools Ltd", 0.06)],
        [("12 Mill Road, Leeds LS1 4AB", 0.06)],
        [],
        [("Customer", 0.48), ("The Lantern Café", 0.66)],
        [("Invoice Number", 0.48), ("NT-2041", 0.66)],
    )
    assert _fields(rows).get("customer_name") == "The Lantern Café"


def test_a_label_naming_the_invoice_date_and_another_date_in_one():
    rows = _items_and_total(
        [("Müller Elektronik GmbH", 0.06)],
        [("Rechnungsdatum/Lieferdatum", 0.06), ("15.03.2024", 0.32)],
        [("Bestelldatum 13.03.2024", 0.06)],  # an order date: an invoice-date label too in the lexicons
    )
    assert _fields(rows).get("invoice_date") == "2024-03-15"


@pytest.mark.parametrize(
    ("customer", "expected"),
    [(None, "receipt"), ("Hausverwaltung Becker GmbH", "invoice")],
)
def test_an_untitled_page_paid_by_card_without_a_customer_is_a_receipt(customer, expected):
    head = [[("Aral Tankstelle Müller", 0.34)], [("Hauptstraße 120", 0.40)], [("70563 Stuttgart", 0.40)]]
    if customer:
        head += [
            [],
            [(f"Kunde: {customer}", 0.06)],
            [("Am Markt 1", 0.06)],
            [("34117 Kassel", 0.06)],
        ]
    rows = [
        *head,
        [],
        [("Summe EUR", 0.20), ("91,02", 0.70)],
        [("Bezahlt girocard", 0.20), ("91,02 EUR", 0.66)],
    ]
    assert _fields(rows)["document_type"] == expected


def test_a_number_that_holds_a_date_is_still_a_number():
    rows = _items_and_total([("Taxi Noord B.V.", 0.06)], [("Ritnummer: 20240315-088", 0.06)])
    assert _fields(rows).get("invoice_number") == "20240315-088"


def test_a_name_label_before_a_name_is_no_part_of_it():
    from ocr_tasks.extraction.party_fields import clean_name

    assert clean_name("Denominazione: Ferramenta Colombo S.r.l.") == "Ferramenta Colombo S.r.l."
    assert clean_name("Raison sociale : Atelier Moreau SARL") == "Atelier Moreau SARL"


def test_unit_prices_with_eight_decimals_are_one_amount():
    from ocr_tasks.normalise.amounts import find_amounts

    found = find_amounts("Viti legno  12,00  8,50000000  22,00  102,00")
    assert [str(a.value) for a in found] == ["12.00", "8.50000000", "22.00", "102.00"]


def test_a_totals_table_row_that_starts_with_a_cell_takes_its_headers_labels():
    """`Totale imponibile` / `Totale imposta` over `I (immediata) ... 444,00  97,68`; the table's header
    also ends the items above it."""
    rows = [
        [("Ferramenta Colombo S.r.l.", 0.06)],
        [("Fattura n. 48", 0.06), ("Data 15/03/2024", 0.40)],
        [],
        [("Descrizione", 0.06), ("Quantità", 0.46), ("Prezzo", 0.60), ("Importo", 0.82)],
        [("Viti legno", 0.06), ("12,00", 0.46), ("15,00", 0.60), ("180,00", 0.83)],
        [("Trapano avvitatore", 0.06), ("2,00", 0.46), ("132,00", 0.60), ("264,00", 0.83)],
        [],
        [("esigibilità iva", 0.06), ("%IVA", 0.36), ("Totale imponibile", 0.54), ("Totale imposta", 0.76)],
        [("I (immediata)", 0.06), ("22,00", 0.36), ("444,00", 0.58), ("97,68", 0.80)],
        [("Totale documento", 0.54), ("541,68", 0.80)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    fields = {name: field.value for name, field in invoice.fields.items()}
    assert (fields.get("subtotal"), fields.get("tax_amount"), fields.get("total")) == (
        "444.00",
        "97.68",
        "541.68",
    )
    assert [item.cells["amount"].value for item in invoice.line_items] == ["180.00", "264.00"]


def test_a_customer_label_with_a_gloss_in_brackets():
    rows = _items_and_total(
        [("Cedente/prestatore (fornitore)", 0.06), ("Cessionario/committente (cliente)", 0.52)],
        [("Identificativo fiscale ai fini IVA:", 0.06), ("Identificativo fiscale ai fini IVA:", 0.52)],
        [("IT06512380145", 0.06), ("IT01456320876", 0.52)],
        [("Denominazione: Ferramenta Colombo S.r.l.", 0.06), ("Denominazione: Edilnova S.p.A.", 0.52)],
    )
    fields = _fields(rows)
    assert (fields.get("vendor_name"), fields.get("customer_name"), fields.get("vendor_tax_id")) == (
        "Ferramenta Colombo S.r.l.",
        "Edilnova S.p.A.",
        "IT06512380145",
    )


def test_a_vat_table_without_a_sum_row_gives_the_net_and_the_tax():
    rows = [
        [("BÄCKEREI ÖFNER", 0.36)],
        [("Beleg-Nr. 48213", 0.20)],
        [("1 x Vollkornbrot", 0.20), ("5,10 A", 0.64)],
        [("1 x Kaffee Melange", 0.20), ("3,60 B", 0.64)],
        [("Summe EUR", 0.20), ("8,70", 0.64)],
        [("Bar", 0.20), ("10,00", 0.63)],
        [("Rückgeld", 0.20), ("1,30", 0.64)],
        [],
        [("MwSt", 0.20), ("Netto", 0.36), ("Steuer", 0.50), ("Brutto", 0.62)],
        [("A 10 %", 0.20), ("4,64", 0.36), ("0,46", 0.50), ("5,10", 0.62)],
        [("B 20 %", 0.20), ("3,00", 0.36), ("0,60", 0.50), ("3,60", 0.62)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    fields = {name: field.value for name, field in invoice.fields.items()}
    assert (fields.get("subtotal"), fields.get("tax_amount"), fields.get("total")) == ("7.64", "1.06", "8.70")
    assert fields["document_type"] == "receipt"  # `Bar` handed over, `Rückgeld` given
    assert "customer_name" not in fields  # `1 x Vollkornbrot  5,10 A` is an item, no name
    assert [item.cells["description"].value for item in invoice.line_items] == [
        "Vollkornbrot",
        "Kaffee Melange",
    ]


def test_an_items_discount_row_between_items_does_not_end_the_items():
    """`Rabatt 8 %  24,96-` under an item, another item after it: a detail of the item; a discount row
    followed by the totals still ends the items."""
    rows = [
        [("Elektro-Großhandel Nord GmbH", 0.06)],
        [("Beleg-Nr.: 90045871", 0.06), ("Beleg-Datum: 18.03.2024", 0.40)],
        [],
        [("Bezeichnung", 0.06), ("Menge", 0.55), ("Preis", 0.68), ("Wert EUR", 0.84)],
        [("Mantelleitung NYM-J 3x1,5", 0.06), ("5", 0.57), ("62,40", 0.69), ("312,00", 0.85)],
        [("Rabatt 8 %", 0.10), ("24,96-", 0.85)],
        [("LS-Schalter B16", 0.06), ("12", 0.56), ("18,90", 0.69), ("226,80", 0.85)],
        [("Rabatt 5 %", 0.10), ("11,34-", 0.85)],
        [("Nettobetrag", 0.55), ("502,50", 0.85)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    assert [item.cells["amount"].value for item in invoice.line_items] == ["312.00", "226.80"]


@pytest.mark.parametrize(
    ("terms", "due"),
    [
        ("Conditions de paiement : 45 jours fin de mois.", "2024-04-30"),
        ("Pagamento: bonifico a 30 gg d.f.f.m.", "2024-04-30"),
        ("Betaaltermijn: 14 dagen", "2024-03-29"),
    ],
)
def test_terms_in_days_and_to_the_end_of_the_month(terms, due):
    rows = _items_and_total(
        [("Atelier Nord SARL", 0.06)],
        [("Facture N° 2024-031", 0.06), ("Date : 15/03/2024", 0.60)],
        tail=[[(terms, 0.06)]],
    )
    assert _fields(rows).get("due_date") == due


def test_a_customer_label_before_the_name_on_its_row():
    rows = _items_and_total(
        [("TALLERES EBRO MOTOR S.L.", 0.06)],
        [("Fecha: 18/03/2024", 0.60)],
        [],
        [("Cliente: Transportes Moncayo S.L.", 0.06)],
        [("Matrícula: 4821 KLM", 0.06)],
    )
    assert _fields(rows).get("customer_name") == "Transportes Moncayo S.L."


def test_per_rate_nets_and_taxes_without_a_sum_add_up_to_the_total():
    rows = _items_and_total(
        [("FRUTAS SEGURA S.L.", 0.06)],
        [("FACTURA Nº 24/00812", 0.06), ("Fecha: 21/03/2024", 0.40)],
    )[:-5] + [
        [("Base imponible 4%", 0.56), ("150,00", 0.84)],
        [("IVA 4%", 0.56), ("6,00", 0.85)],
        [("Base imponible 10%", 0.56), ("50,00", 0.85)],
        [("IVA 10%", 0.56), ("5,00", 0.86)],
        [("TOTAL FACTURA", 0.56), ("211,00", 0.84)],
    ]
    fields = _fields(rows)
    assert (fields.get("subtotal"), fields.get("tax_amount"), fields.get("total")) == (
        "200.00",
        "11.00",
        "211.00",
    )


def test_a_national_ids_label_names_the_country_and_so_the_currency():
    from ocr_tasks.normalise.countries import guess_country

    assert guess_country("Via dei Serragli 45 - 50124 Firenze\nP.IVA 07463290150\nBath BA1 2AB") == "IT"
    assert guess_country("SIRET 793 412 685 00014") == "FR"
