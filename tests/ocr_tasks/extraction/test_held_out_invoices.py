"""A check of generalisation independent of the synthetic generator (`bench/synthetic/`): thirteen invoices
written by hand as text-layer rows, in layouts and wordings real producers use (a US invoice with Bill To /
Ship To side by side, a US one with labels above their values, a UK one with a tax point, a Spanish
factura, an Italian fattura, a Dutch factuur with two VAT rates, an Austrian Rechnung under a brand, a
German one with labels above values, a Belgian facture with HTVA/TVAC, a French one under a trade name, a
Swiss invoice with apostrophe thousands, a Spanish one with its totals as a row of columns, an Italian
lawyer's with a withholding tax under the total). VAT ids and IBANs carry valid check digits (python-stdnum,
schwifty). Each test asserts what a reader of the page would write down."""

from __future__ import annotations

from datetime import date

import pytest
from schwifty import IBAN
from stdnum.ch import uid as ch_uid
from stdnum.es import cif as es_cif
from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat
from stdnum.it import codicefiscale as it_cf
from stdnum.it import iva as it_iva

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from ocr_tasks.extraction.party_fields import address_after
from ocr_tasks.extraction.rows import document_rows
from tests.ocr_tasks.extraction.layout_pages import text_layer_page

TODAY = ExtractionOptions(today=date(2024, 6, 1))


def us_invoice():
    """A US small-business invoice: letterhead left, invoice box right, Bill To / Ship To side by side,
    a QTY-first table, $ amounts with comma thousands, a payment already received, a balance due."""
    rows = [
        [("Brightline Office Supply, Inc.", 0.06), ("INVOICE", 0.74)],
        [("1420 Commerce Drive, Suite 200", 0.06)],
        [("Columbus, OH 43215", 0.06), ("Invoice #", 0.58), ("10482", 0.76)],
        [("(614) 555-0182", 0.06), ("Invoice Date", 0.58), ("03/05/2024", 0.76)],
        [("billing@brightline-supply.com", 0.06), ("Due Date", 0.58), ("04/04/2024", 0.76)],
        [("P.O. #", 0.58), ("PO-77120", 0.76)],
        [],
        [("Bill To", 0.06), ("Ship To", 0.40)],
        [("Harbor View Dental LLC", 0.06), ("Harbor View Dental LLC", 0.40)],
        [("Attn: Accounts Payable", 0.06), ("Receiving Dock 4", 0.40)],
        [("88 Lakeshore Blvd", 0.06), ("2200 Marina Way", 0.40)],
        [("Cleveland, OH 44114", 0.06), ("Cleveland, OH 44102", 0.40)],
        [],
        [("QTY", 0.06), ("DESCRIPTION", 0.14), ("UNIT PRICE", 0.62), ("AMOUNT", 0.82)],
        [("10", 0.06), ("Copy paper, letter, 10-ream case", 0.14), ("$42.50", 0.64), ("$425.00", 0.82)],
        [("4", 0.06), ("Toner cartridge HP 58A", 0.14), ("$129.99", 0.64), ("$519.96", 0.82)],
        [("1", 0.06), ("Ergonomic task chair, mesh back", 0.14), ("$1,249.00", 0.62), ("$1,249.00", 0.82)],
        [],
        [("Subtotal", 0.62), ("$2,193.96", 0.82)],
        [("Sales Tax (8.0%)", 0.56), ("$175.52", 0.82)],
        [("Total", 0.62), ("$2,369.48", 0.82)],
        [("Payments/Credits", 0.56), ("-$500.00", 0.82)],
        [("Balance Due", 0.62), ("$1,869.48", 0.82)],
        [],
        [("Terms: Net 30", 0.06)],
        [("Make all checks payable to Brightline Office Supply, Inc.", 0.06)],
        [("Thank you for your business!", 0.06)],
    ]
    return text_layer_page(rows)


def uk_invoice():
    """A UK joinery's invoice: letterhead right with the VAT registration number, the customer under `To:`,
    Invoice No. / Date / Tax point on the right, a VAT column per line, £, a registered-office footer."""
    rows = [
        [("Thornbury Joinery Ltd", 0.56)],
        [("Unit 7, Mill Lane Trading Estate", 0.56)],
        [("Bristol BS3 4QA", 0.56)],
        [("Tel: 0117 496 0321", 0.56)],
        [("VAT Reg No. GB 287 5436 18", 0.56)],
        [],
        [("INVOICE", 0.06)],
        [],
        [
            ("To:", 0.06),
            ("Greenleaf Property Management Ltd", 0.12),
            ("Invoice No.", 0.62),
            ("TJ-2291", 0.80),
        ],
        [("14 Queen Square", 0.12), ("Date", 0.62), ("12 March 2024", 0.80)],
        [("Bath", 0.12), ("Tax point", 0.62), ("12 March 2024", 0.80)],
        [("BA1 2HN", 0.12), ("Account No.", 0.62), ("GPM01", 0.80)],
        [],
        [("Description", 0.06), ("Qty", 0.50), ("Unit price", 0.58), ("VAT", 0.71), ("Net", 0.84)],
        [
            ("Oak staircase handrail, supplied and fitted", 0.06),
            ("1", 0.51),
            ("£865.00", 0.58),
            ("20%", 0.71),
            ("£865.00", 0.84),
        ],
        [("Labour, hours", 0.06), ("6", 0.51), ("£42.00", 0.58), ("20%", 0.71), ("£252.00", 0.84)],
        [],
        [("Net total", 0.62), ("£1,117.00", 0.84)],
        [("VAT @ 20%", 0.62), ("£223.40", 0.84)],
        [("Total due", 0.62), ("£1,340.40", 0.84)],
        [],
        [("Payment within 30 days of the invoice date, please.", 0.06)],
        [("Bank transfer: Sort code 60-16-13  Account 31926819", 0.06)],
        [("IBAN: GB29 NWBK 6016 1331 9268 19", 0.06)],
        [],
        [("Thornbury Joinery Ltd. Registered in England and Wales No. 08123456.", 0.06)],
    ]
    return text_layer_page(rows)


def spanish_factura():
    """A Spanish workshop's factura: letterhead with NIF/CIF, Factura nº / Fecha / Vencimiento on the right,
    the client's block under `Cliente` with its own CIF, Base imponible / IVA 21% / Total factura."""
    rows = [
        [("Talleres Hermanos Ruiz, S.L.", 0.06), ("FACTURA", 0.72)],
        [("C/ de la Industria, 45", 0.06)],
        [("46988 Paterna (Valencia)", 0.06), ("Factura nº:", 0.58), ("2024/0137", 0.76)],
        [("NIF/CIF: B12345674", 0.06), ("Fecha:", 0.58), ("07/03/2024", 0.76)],
        [("Tel. 961 234 567", 0.06), ("Vencimiento:", 0.58), ("06/04/2024", 0.76)],
        [],
        [("Cliente:", 0.06)],
        [("Construcciones Levante Norte S.A.", 0.06)],
        [("Avda. del Puerto, 112", 0.06)],
        [("46023 Valencia", 0.06)],
        [("CIF: A46123451", 0.06)],
        [],
        [
            ("Código", 0.06),
            ("Descripción", 0.16),
            ("Cantidad", 0.52),
            ("Precio unitario", 0.63),
            ("Importe", 0.84),
        ],
        [
            ("MT-210", 0.06),
            ("Mecanizado de piezas de acero", 0.16),
            ("40", 0.54),
            ("28,50", 0.66),
            ("1.140,00", 0.84),
        ],
        [
            ("MO-01", 0.06),
            ("Mano de obra especializada", 0.16),
            ("20", 0.54),
            ("35,00", 0.66),
            ("700,00", 0.84),
        ],
        [],
        [("Base imponible", 0.58), ("1.840,00 €", 0.82)],
        [("IVA 21%", 0.58), ("386,40 €", 0.82)],
        [("Total factura", 0.58), ("2.226,40 €", 0.82)],
        [],
        [("Forma de pago: transferencia bancaria", 0.06)],
        [("IBAN: ES80 2100 0418 4245 0200 0513", 0.06)],
        [],
        [("Inscrita en el Registro Mercantil de Valencia, Tomo 1234, Folio 56, Hoja V-7890", 0.06)],
    ]
    return text_layer_page(rows)


def italian_fattura():
    """An Italian hardware wholesaler's fattura: letterhead with P.IVA and C.F., the addressee under
    `Spett.le` on the right with its own P.IVA, `Fattura n. 124/2024 del 15/03/2024`, an IVA column,
    Imponibile / IVA 22% / Totale documento, Scadenza and IBAN under the totals."""
    rows = [
        [("Ferramenta Colombo S.r.l.", 0.06)],
        [("Via Roma, 24 - 20121 Milano (MI)", 0.06)],
        [("P.IVA 00743110157 - C.F. 00743110157", 0.06)],
        [("Tel. 02 8765432 - info@ferramentacolombo.it", 0.06)],
        [],
        [("Spett.le", 0.56)],
        [("Studio Tecnico Bianchi S.r.l.", 0.56)],
        [("Corso Vittorio Emanuele II, 8", 0.56)],
        [("10121 Torino (TO)", 0.56)],
        [("P.IVA 03128770025", 0.56)],
        [],
        [("FATTURA N. 124/2024 del 15/03/2024", 0.06)],
        [],
        [
            ("Cod.", 0.06),
            ("Descrizione", 0.15),
            ("Q.tà", 0.50),
            ("U.M.", 0.57),
            ("Prezzo unitario", 0.63),
            ("Importo", 0.80),
            ("IVA", 0.91),
        ],
        [
            ("VT-8", 0.06),
            ("Viti autofilettanti 8 mm (conf. 500)", 0.15),
            ("10", 0.51),
            ("pz", 0.57),
            ("45,00", 0.66),
            ("450,00", 0.80),
            ("22", 0.91),
        ],
        [
            ("TR-2", 0.06),
            ("Trapano a percussione 850 W", 0.15),
            ("4", 0.51),
            ("pz", 0.57),
            ("200,00", 0.65),
            ("800,00", 0.80),
            ("22", 0.91),
        ],
        [],
        [("Imponibile", 0.60), ("1.250,00", 0.82)],
        [("IVA 22%", 0.60), ("275,00", 0.82)],
        [("Totale documento", 0.60), ("€ 1.525,00", 0.80)],
        [],
        [("Scadenza", 0.06), ("15/04/2024", 0.20), ("Pagamento: bonifico bancario 30 gg d.f.", 0.40)],
        [("IBAN", 0.06), ("IT60 X054 2811 1010 0000 0123 456", 0.20)],
    ]
    return text_layer_page(rows)


def dutch_factuur():
    """A Dutch installer's factuur: letterhead left, FACTUUR, the customer with `t.a.v.` on the left and
    Factuurnummer / Factuurdatum / Vervaldatum on the right, two BTW rates, Te betalen, company data
    (KvK, BTW-nummer, IBAN, BIC) in the footer."""
    rows = [
        [("Van Dijk Installatietechniek B.V.", 0.06)],
        [("Industrieweg 12", 0.06)],
        [("3542 AD Utrecht", 0.06)],
        [("Tel. 030 241 5566", 0.06)],
        [],
        [("FACTUUR", 0.06)],
        [],
        [("Bakkerij De Gouden Korrel", 0.06), ("Factuurnummer", 0.58), ("2024-0318", 0.78)],
        [("t.a.v. mevrouw J. de Vries", 0.06), ("Factuurdatum", 0.58), ("18-03-2024", 0.78)],
        [("Dorpsstraat 5", 0.06), ("Vervaldatum", 0.58), ("17-04-2024", 0.78)],
        [("3431 CB Nieuwegein", 0.06), ("Klantnummer", 0.58), ("K1042", 0.78)],
        [],
        [("Omschrijving", 0.06), ("Aantal", 0.50), ("Stukprijs", 0.60), ("BTW", 0.73), ("Bedrag", 0.85)],
        [
            ("Onderhoud oven en koelcel", 0.06),
            ("1", 0.52),
            ("€ 340,00", 0.60),
            ("21%", 0.73),
            ("€ 340,00", 0.85),
        ],
        [("Voorrijkosten", 0.06), ("1", 0.52), ("€ 45,00", 0.60), ("21%", 0.73), ("€ 45,00", 0.85)],
        [
            ("Vakliteratuur bakkerijtechniek", 0.06),
            ("2", 0.52),
            ("€ 30,00", 0.60),
            ("9%", 0.73),
            ("€ 60,00", 0.85),
        ],
        [],
        [("Subtotaal", 0.60), ("€ 445,00", 0.85)],
        [("BTW 21% over € 385,00", 0.60), ("€ 80,85", 0.85)],
        [("BTW 9% over € 60,00", 0.60), ("€ 5,40", 0.85)],
        [("Totaal", 0.60), ("€ 531,25", 0.85)],
        [("Te betalen", 0.60), ("€ 531,25", 0.85)],
        [],
        [
            (
                "Wij verzoeken u het bedrag binnen 30 dagen over te maken o.v.v. het factuurnummer.",
                0.06,
            )
        ],
        [],
        [("KvK 30123456 · BTW-nummer NL852746131B01 · IBAN NL91 ABNA 0417 1643 00 · BIC ABNANL2A", 0.06)],
    ]
    return text_layer_page(rows)


def austrian_rechnung():
    """An Austrian installer's Rechnung: a brand printed above the legal name, the sender line over the
    address window, a customer with a legal form, UID-Nr., `zzgl. 20 % USt`, Rechnungsbetrag,
    Zahlungsziel, company data in the footer."""
    rows = [
        [("ALPENBLICK", 0.60)],
        [("Alpenblick Haustechnik GmbH", 0.60)],
        [("Salzachstraße 14", 0.60)],
        [("5020 Salzburg", 0.60)],
        [("Tel. +43 662 871234", 0.60)],
        [],
        [("Alpenblick Haustechnik GmbH · Salzachstraße 14 · 5020 Salzburg", 0.06)],
        [("Gasthof Zur Post Wimmer KG", 0.06)],
        [("Hauptplatz 3", 0.06)],
        [("5350 Strobl", 0.06)],
        [],
        [("Rechnung", 0.06)],
        [("Rechnungsnummer:", 0.06), ("2024-0456", 0.26), ("Rechnungsdatum:", 0.56), ("21.03.2024", 0.74)],
        [("Kundennummer:", 0.06), ("K-2231", 0.26), ("Lieferdatum:", 0.56), ("15.03.2024", 0.74)],
        [("Ihre UID-Nr.:", 0.06), ("ATU13585627", 0.26)],
        [],
        [
            ("Pos.", 0.06),
            ("Bezeichnung", 0.12),
            ("Menge", 0.52),
            ("Einh.", 0.60),
            ("Einzelpreis", 0.67),
            ("Gesamt", 0.84),
        ],
        [
            ("1", 0.06),
            ("Wartung Heizungsanlage", 0.12),
            ("1", 0.54),
            ("Pausch.", 0.60),
            ("380,00", 0.69),
            ("380,00", 0.84),
        ],
        [
            ("2", 0.06),
            ("Umwälzpumpe Grundfos Alpha2", 0.12),
            ("1", 0.54),
            ("Stk.", 0.60),
            ("412,50", 0.69),
            ("412,50", 0.84),
        ],
        [
            ("3", 0.06),
            ("Monteurstunden", 0.12),
            ("3,5", 0.53),
            ("Std.", 0.60),
            ("68,00", 0.69),
            ("238,00", 0.84),
        ],
        [],
        [("Summe netto", 0.56), ("1.030,50 EUR", 0.80)],
        [("zzgl. 20 % USt", 0.56), ("206,10 EUR", 0.81)],
        [("Rechnungsbetrag", 0.56), ("1.236,60 EUR", 0.80)],
        [],
        [("Zahlungsziel: 14 Tage netto, zahlbar bis 04.04.2024.", 0.06)],
        [],
        [("Alpenblick Haustechnik GmbH · FN 123456a · Landesgericht Salzburg · UID-Nr. ATU61193700", 0.06)],
        [("Salzburger Sparkasse · IBAN AT61 1904 3002 3457 3201 · BIC SBGSAT2SXXX", 0.06)],
    ]
    return text_layer_page(rows)


def belgian_facture():
    """A Belgian printer's facture in French: N° d'entreprise and TVA in the letterhead, the client block
    on the right, HTVA amounts per line, Total HTVA / TVA 21 % / Total TVAC, Montant à payer, a
    structured communication with the IBAN."""
    rows = [
        [("Imprimerie Lambert SRL", 0.06)],
        [("Rue de la Station 18", 0.06)],
        [("4000 Liège", 0.06)],
        [("N° d'entreprise : 0417.497.304", 0.06)],
        [("TVA BE 0417.497.304", 0.06)],
        [],
        [("Client :", 0.56)],
        [("Boulangerie Dubois SRL", 0.56)],
        [("Chaussée de Namur 221", 0.56)],
        [("5030 Gembloux", 0.56)],
        [("TVA BE 0403.170.701", 0.56)],
        [],
        [("FACTURE", 0.06)],
        [("Facture n°", 0.06), ("F24-0091", 0.24), ("Date", 0.46), ("22/03/2024", 0.56)],
        [("Échéance", 0.06), ("21/04/2024", 0.24)],
        [],
        [("Désignation", 0.06), ("Qté", 0.50), ("P.U. HTVA", 0.58), ("TVA", 0.72), ("Total HTVA", 0.82)],
        [
            ("Dépliants A5 quadri recto-verso", 0.06),
            ("2000", 0.50),
            ("0,12", 0.60),
            ("21 %", 0.72),
            ("240,00", 0.84),
        ],
        [("Cartes de visite, 2 noms", 0.06), ("500", 0.50), ("0,18", 0.60), ("21 %", 0.72), ("90,00", 0.85)],
        [],
        [("Total HTVA", 0.60), ("330,00 €", 0.84)],
        [("TVA 21 %", 0.60), ("69,30 €", 0.85)],
        [("Total TVAC", 0.60), ("399,30 €", 0.84)],
        [("Montant à payer", 0.60), ("399,30 €", 0.84)],
        [],
        [("À verser au compte IBAN BE71 0961 2345 6769 - BIC GKCCBEBB", 0.06)],
        [("Communication structurée : +++090/9337/55493+++", 0.06)],
    ]
    return text_layer_page(rows)


def swiss_rechnung():
    """A Swiss cheese dairy's Rechnung: CHF, MWST-Nr. as UID with the MWST suffix, apostrophe thousands,
    MWST 8.1 %, Zahlbar innert 30 Tagen."""
    rows = [
        [("Bergkäserei Emmental AG", 0.06)],
        [("Dorfstrasse 21", 0.06)],
        [("3550 Langnau i.E.", 0.06)],
        [("MWST-Nr. CHE-116.281.710 MWST", 0.06)],
        [],
        [("Hotel Bellevue Interlaken AG", 0.56)],
        [("Küchenchef Herr M. Brunner", 0.56)],
        [("Höheweg 41", 0.56)],
        [("3800 Interlaken", 0.56)],
        [],
        [("Rechnung Nr. R-24-1187", 0.06)],
        [("Datum:", 0.06), ("25.03.2024", 0.20), ("Kunden-Nr.:", 0.56), ("4471", 0.70)],
        [],
        [("Pos.", 0.06), ("Artikel", 0.12), ("Menge", 0.50), ("Preis CHF", 0.62), ("Betrag CHF", 0.80)],
        [("1", 0.06), ("Emmentaler AOP, kg", 0.12), ("50", 0.51), ("24.50", 0.64), ("1'225.00", 0.80)],
        [("2", 0.06), ("Bergkäse rezent, kg", 0.12), ("35", 0.51), ("29.00", 0.64), ("1'015.00", 0.80)],
        [("3", 0.06), ("Raclette Laib, Stk.", 0.12), ("6", 0.51), ("35.00", 0.64), ("210.00", 0.82)],
        [],
        [("Zwischensumme", 0.56), ("CHF 2'450.00", 0.78)],
        [("MWST 8.1 %", 0.56), ("CHF 198.45", 0.80)],
        [("Total", 0.56), ("CHF 2'648.45", 0.78)],
        [],
        [("Zahlbar innert 30 Tagen rein netto.", 0.06)],
        [("IBAN CH93 0076 2011 6238 5295 7 · Berner Kantonalbank", 0.06)],
    ]
    return text_layer_page(rows)


def us_service_invoice():
    """A US agency's invoice as accounting software prints it: labels above values in a row
    (INVOICE # / DATE / DUE DATE / TERMS), an ACTIVITY / QTY / RATE / AMOUNT table, Balance Due."""
    rows = [
        [("Cascade Web Studio LLC", 0.06), ("INVOICE", 0.78)],
        [("512 Pine Street, Floor 3", 0.06)],
        [("Seattle, WA 98101", 0.06)],
        [("accounts@cascadeweb.io", 0.06)],
        [],
        [("BILL TO", 0.06)],
        [("Northwind Outdoor Gear Co.", 0.06)],
        [("Attn: Dana Whitfield", 0.06)],
        [("77 Harbor Rd", 0.06)],
        [("Portland, OR 97209", 0.06)],
        [],
        [("INVOICE #", 0.06), ("DATE", 0.26), ("DUE DATE", 0.46), ("TERMS", 0.66)],
        [("2291", 0.06), ("02/12/2024", 0.26), ("03/13/2024", 0.46), ("Net 30", 0.66)],
        [],
        [("ACTIVITY", 0.06), ("QTY", 0.52), ("RATE", 0.64), ("AMOUNT", 0.82)],
        [("Website redesign - phase 2", 0.06), ("1", 0.53), ("4,800.00", 0.62), ("4,800.00", 0.82)],
        [("Hosting (annual)", 0.06), ("1", 0.53), ("360.00", 0.64), ("360.00", 0.84)],
        [("Content updates (hours)", 0.06), ("12", 0.52), ("95.00", 0.645), ("1,140.00", 0.82)],
        [],
        [("SUBTOTAL", 0.62), ("6,300.00", 0.82)],
        [("TAX (10.25%)", 0.62), ("645.75", 0.835)],
        [("TOTAL", 0.62), ("6,945.75", 0.82)],
        [("BALANCE DUE", 0.62), ("$6,945.75", 0.81)],
    ]
    return text_layer_page(rows)


def french_facture():
    """A French workshop's facture: a trade name over `SARL au capital de ...`, SIRET and TVA
    intracommunautaire, the invoice box on the right, Total HT / TVA 20 % / Total TTC / Net à payer."""
    rows = [
        [("Atelier Moreau", 0.06)],
        [("SARL au capital de 8 000 €", 0.06)],
        [("12 rue des Tanneurs, 69001 Lyon", 0.06)],
        [("SIRET 732 829 320 00074 - TVA intracommunautaire FR44732829320", 0.06)],
        [],
        [("Facture N° FA-2024-118", 0.58)],
        [("Date d'émission : 05/03/2024", 0.58)],
        [("Date d'échéance : 04/04/2024", 0.58)],
        [],
        [("Client", 0.06)],
        [("Librairie du Parc SAS", 0.06)],
        [("4 avenue Foch", 0.06)],
        [("75116 Paris", 0.06)],
        [],
        [("Désignation", 0.06), ("Qté", 0.48), ("PU HT", 0.56), ("TVA", 0.68), ("Total HT", 0.80)],
        [("Reliure cuir (volume)", 0.06), ("6", 0.49), ("45,00", 0.56), ("20 %", 0.68), ("270,00", 0.81)],
        [
            ("Restauration de couverture", 0.06),
            ("2", 0.49),
            ("80,00", 0.56),
            ("20 %", 0.68),
            ("160,00", 0.81),
        ],
        [],
        [("Total HT", 0.58), ("430,00 €", 0.80)],
        [("TVA 20 %", 0.58), ("86,00 €", 0.81)],
        [("Total TTC", 0.58), ("516,00 €", 0.80)],
        [("Net à payer", 0.58), ("516,00 €", 0.80)],
        [],
        [("Conditions de paiement : 30 jours fin de mois. Pas d'escompte pour paiement anticipé.", 0.06)],
        [("IBAN : FR76 3000 6000 0101 2345 6789 049 - BIC : AGRIFRPP", 0.06)],
    ]
    return text_layer_page(rows)


def german_rechnung_labels_above():
    """A German joinery's Rechnung: a brand and tagline over the letterhead, the sender line over the
    address window, labels above their values in one row (Rechnungsnr. / Datum / Kundennr. /
    Lieferdatum), Nettobetrag / zzgl. 19 % MwSt. / Gesamtbetrag, company data in the footer."""
    rows = [
        [("HOLZWERKSTATT BRANDT", 0.60)],
        [("Möbel nach Maß seit 1987", 0.60)],
        [],
        [("Holzwerkstatt Brandt GmbH · Am Sägewerk 4 · 79822 Titisee-Neustadt", 0.06)],
        [("Café Sonnenschein", 0.06)],
        [("Inh. Maria Keller", 0.06)],
        [("Marktplatz 9", 0.06)],
        [("79098 Freiburg", 0.06)],
        [],
        [("Rechnung", 0.06)],
        [("Rechnungsnr.", 0.06), ("Datum", 0.26), ("Kundennr.", 0.44), ("Lieferdatum", 0.62)],
        [("R-2024-0311", 0.06), ("11.03.2024", 0.26), ("30417", 0.44), ("08.03.2024", 0.62)],
        [],
        [("Pos", 0.06), ("Artikel", 0.12), ("Menge", 0.50), ("Einzelpreis", 0.60), ("Gesamtpreis", 0.78)],
        [
            ("1", 0.06),
            ("Eichentisch massiv 180x90", 0.12),
            ("1", 0.51),
            ("1.290,00", 0.61),
            ("1.290,00", 0.80),
        ],
        [("2", 0.06), ("Stuhl Eiche, gepolstert", 0.12), ("6", 0.51), ("189,00", 0.62), ("1.134,00", 0.80)],
        [],
        [("Nettobetrag", 0.56), ("2.424,00 €", 0.79)],
        [("zzgl. 19 % MwSt.", 0.56), ("460,56 €", 0.80)],
        [("Gesamtbetrag", 0.56), ("2.884,56 €", 0.79)],
        [],
        [("Bitte überweisen Sie den Betrag bis zum 25.03.2024 ohne Abzug.", 0.06)],
        [],
        [
            (
                "Holzwerkstatt Brandt GmbH · Geschäftsführer: Jonas Brandt · Amtsgericht Freiburg HRB 712345",
                0.06,
            )
        ],
        [("USt-IdNr. DE814493226 · Sparkasse · IBAN DE46 5001 0517 5407 3244 10 · BIC INGDDEFFXXX", 0.06)],
    ]
    return text_layer_page(rows)


def spanish_factura_totals_in_columns():
    """A Spanish builder's factura: Nº / FECHA labels over their values, the client under `Datos del
    cliente` with its NIF, the totals as one row of columns (Base imponible | % IVA | Cuota IVA | Total
    factura), the IBAN in the payment sentence."""
    rows = [
        [("Reformas Castillo Hermanos, S.L.", 0.06)],
        [("Calle Alcalá 120, 28009 Madrid", 0.06)],
        [("CIF B12345674 · Tel. 915 551 234", 0.06)],
        [],
        [("FACTURA", 0.06), ("Nº", 0.55), ("FECHA", 0.70)],
        [("A-24/0311", 0.55), ("14/03/2024", 0.70)],
        [],
        [("Datos del cliente", 0.06)],
        [("Comunidad de Propietarios Calle Mayor 7", 0.06)],
        [("Calle Mayor 7, 28013 Madrid", 0.06)],
        [("NIF H28123453", 0.06)],
        [],
        [("Concepto", 0.06), ("Unidades", 0.52), ("Precio", 0.64), ("Importe", 0.82)],
        [("Reparación de bajante comunitaria", 0.06), ("1", 0.54), ("640,00", 0.64), ("640,00", 0.82)],
        [("Sustitución de luminarias del portal", 0.06), ("6", 0.54), ("35,00", 0.65), ("210,00", 0.82)],
        [],
        [("Base imponible", 0.06), ("% IVA", 0.30), ("Cuota IVA", 0.45), ("Total factura", 0.70)],
        [("850,00 €", 0.06), ("21 %", 0.30), ("178,50 €", 0.45), ("1.028,50 €", 0.70)],
        [],
        [("Forma de pago: transferencia a ES80 2100 0418 4245 0200 0513", 0.06)],
        [("Vencimiento: 13/04/2024", 0.06)],
    ]
    return text_layer_page(rows)


def italian_parcella_with_withholding():
    """An Italian lawyer's fattura: the client under `Spett.le`, `Fattura n. 18/2024 del 02/04/2024`, the
    bar's pension levy as a line, Totale documento, then the withholding tax (Ritenuta d'acconto) that
    makes the amount to pay (Netto a pagare) less than the total."""
    rows = [
        [("Studio Legale Avv. Marco Ferri", 0.06)],
        [("Via Garibaldi 12 - 40124 Bologna", 0.06)],
        [("P.IVA 03128770025 - C.F. FRRMRC75C12A944X", 0.06)],
        [],
        [("Spett.le", 0.56)],
        [("Ferramenta Colombo S.r.l.", 0.56)],
        [("Via Roma, 24", 0.56)],
        [("20121 Milano (MI)", 0.56)],
        [],
        [("Fattura n. 18/2024 del 02/04/2024", 0.06)],
        [],
        [("Descrizione", 0.06), ("Importo", 0.80)],
        [("Assistenza stragiudiziale - pratica recupero crediti", 0.06), ("1.000,00", 0.80)],
        [("Cassa avvocati 4%", 0.06), ("40,00", 0.82)],
        [],
        [("Totale imponibile", 0.50), ("1.040,00", 0.80)],
        [("IVA 22%", 0.50), ("228,80", 0.82)],
        [("Totale documento", 0.50), ("1.268,80", 0.80)],
        [("Ritenuta d'acconto 20% su 1.000,00", 0.50), ("-200,00", 0.82)],
        [("Netto a pagare", 0.50), ("1.068,80", 0.80)],
        [],
        [("Pagamento: bonifico entro il 02/05/2024 - IBAN IT60 X054 2811 1010 0000 0123 456", 0.06)],
    ]
    return text_layer_page(rows)


# (page, expected fields, expected item count)
CASES = {
    "us": (
        us_invoice,
        {
            "invoice_number": "10482",
            "invoice_date": "2024-03-05",
            "due_date": "2024-04-04",
            "po_number": "PO-77120",
            "vendor_name": "Brightline Office Supply, Inc.",
            "customer_name": "Harbor View Dental LLC",
            "currency": "USD",
            "subtotal": "2193.96",
            "tax_amount": "175.52",
            "total": "2369.48",
            "amount_due": "1869.48",
        },
        3,
    ),
    "uk": (
        uk_invoice,
        {
            "invoice_number": "TJ-2291",
            "invoice_date": "2024-03-12",
            "due_date": "2024-04-11",  # `within 30 days of the invoice date`
            "vendor_name": "Thornbury Joinery Ltd",
            "customer_name": "Greenleaf Property Management Ltd",
            "currency": "GBP",
            "subtotal": "1117.00",
            "tax_amount": "223.40",
            "total": "1340.40",
            "amount_due": "1340.40",
            "vendor_tax_id": "GB287543618",
            "iban": "GB29NWBK60161331926819",
        },
        2,
    ),
    "es": (
        spanish_factura,
        {
            "invoice_number": "2024/0137",
            "invoice_date": "2024-03-07",
            "due_date": "2024-04-06",
            "vendor_name": "Talleres Hermanos Ruiz, S.L.",
            "customer_name": "Construcciones Levante Norte S.A.",
            "currency": "EUR",
            "subtotal": "1840.00",
            "tax_amount": "386.40",
            "total": "2226.40",
            "amount_due": "2226.40",
            "vendor_tax_id": "ESB12345674",
            "iban": "ES8021000418424502000513",
        },
        2,
    ),
    "it": (
        italian_fattura,
        {
            "invoice_number": "124/2024",
            "invoice_date": "2024-03-15",
            "due_date": "2024-04-15",
            "vendor_name": "Ferramenta Colombo S.r.l.",
            "customer_name": "Studio Tecnico Bianchi S.r.l.",
            "currency": "EUR",
            "subtotal": "1250.00",
            "tax_amount": "275.00",
            "total": "1525.00",
            "amount_due": "1525.00",
            "vendor_tax_id": "IT00743110157",
            "iban": "IT60X0542811101000000123456",
        },
        2,
    ),
    "nl": (
        dutch_factuur,
        {
            "invoice_number": "2024-0318",
            "invoice_date": "2024-03-18",
            "due_date": "2024-04-17",
            "vendor_name": "Van Dijk Installatietechniek B.V.",
            "customer_name": "Bakkerij De Gouden Korrel",
            "currency": "EUR",
            "subtotal": "445.00",
            "tax_amount": "86.25",
            "total": "531.25",
            "amount_due": "531.25",
            "vendor_tax_id": "NL852746131B01",
            "iban": "NL91ABNA0417164300",
        },
        3,
    ),
    "at": (
        austrian_rechnung,
        {
            "invoice_number": "2024-0456",
            "invoice_date": "2024-03-21",
            "due_date": "2024-04-04",
            "vendor_name": "Alpenblick Haustechnik GmbH",
            "customer_name": "Gasthof Zur Post Wimmer KG",
            "currency": "EUR",
            "subtotal": "1030.50",
            "tax_amount": "206.10",
            "total": "1236.60",
            "amount_due": "1236.60",
            "vendor_tax_id": "ATU61193700",
            "iban": "AT611904300234573201",
        },
        3,
    ),
    "be": (
        belgian_facture,
        {
            "invoice_number": "F24-0091",
            "invoice_date": "2024-03-22",
            "due_date": "2024-04-21",
            "vendor_name": "Imprimerie Lambert SRL",
            "customer_name": "Boulangerie Dubois SRL",
            "currency": "EUR",
            "subtotal": "330.00",
            "tax_amount": "69.30",
            "total": "399.30",
            "amount_due": "399.30",
            "vendor_tax_id": "BE0417497304",
            "iban": "BE71096123456769",
        },
        2,
    ),
    "ch": (
        swiss_rechnung,
        {
            "invoice_number": "R-24-1187",
            "invoice_date": "2024-03-25",
            "due_date": "2024-04-24",  # `Zahlbar innert 30 Tagen`
            "vendor_name": "Bergkäserei Emmental AG",
            "customer_name": "Hotel Bellevue Interlaken AG",
            "currency": "CHF",
            "subtotal": "2450.00",
            "tax_amount": "198.45",
            "total": "2648.45",
            "amount_due": "2648.45",
            "vendor_tax_id": "CHE116281710",
            "iban": "CH9300762011623852957",
        },
        3,
    ),
    "us_service": (
        us_service_invoice,
        {
            "invoice_number": "2291",
            "invoice_date": "2024-02-12",
            "due_date": "2024-03-13",
            "vendor_name": "Cascade Web Studio LLC",
            "customer_name": "Northwind Outdoor Gear Co.",
            "currency": "USD",
            "subtotal": "6300.00",
            "tax_amount": "645.75",
            "total": "6945.75",
            "amount_due": "6945.75",
        },
        3,
    ),
    "fr": (
        french_facture,
        {
            "invoice_number": "FA-2024-118",
            "invoice_date": "2024-03-05",
            "due_date": "2024-04-04",
            "vendor_name": "Atelier Moreau SARL",  # the trade name with the legal form printed under it
            "customer_name": "Librairie du Parc SAS",
            "currency": "EUR",
            "subtotal": "430.00",
            "tax_amount": "86.00",
            "total": "516.00",
            "amount_due": "516.00",
            "vendor_tax_id": "FR44732829320",
            "iban": "FR7630006000010123456789049",
        },
        2,
    ),
    "de": (
        german_rechnung_labels_above,
        {
            "invoice_number": "R-2024-0311",
            "invoice_date": "2024-03-11",
            "due_date": "2024-03-25",
            "vendor_name": "Holzwerkstatt Brandt GmbH",
            "customer_name": "Café Sonnenschein",
            "currency": "EUR",
            "subtotal": "2424.00",
            "tax_amount": "460.56",
            "total": "2884.56",
            "amount_due": "2884.56",
            "vendor_tax_id": "DE814493226",
            "iban": "DE46500105175407324410",
        },
        2,
    ),
    "es_columns": (
        spanish_factura_totals_in_columns,
        {
            "invoice_number": "A-24/0311",
            "invoice_date": "2024-03-14",
            "due_date": "2024-04-13",
            "vendor_name": "Reformas Castillo Hermanos, S.L.",
            "customer_name": "Comunidad de Propietarios Calle Mayor 7",
            "currency": "EUR",
            "subtotal": "850.00",
            "tax_amount": "178.50",
            "total": "1028.50",
            "amount_due": "1028.50",
            "vendor_tax_id": "ESB12345674",
            "iban": "ES8021000418424502000513",
        },
        2,
    ),
    "it_withholding": (
        italian_parcella_with_withholding,
        {
            "invoice_number": "18/2024",
            "invoice_date": "2024-04-02",
            "due_date": "2024-05-02",
            "vendor_name": "Studio Legale Avv. Marco Ferri",
            "customer_name": "Ferramenta Colombo S.r.l.",
            "currency": "EUR",
            "subtotal": "1040.00",
            "tax_amount": "228.80",
            "total": "1268.80",
            "amount_due": "1068.80",  # after the withholding tax
            "vendor_tax_id": "IT03128770025",
            "iban": "IT60X0542811101000000123456",
        },
        2,
    ),
}


def _compact(value: str | None) -> str | None:
    return None if value is None else value.replace(" ", "").replace(".", "").replace("-", "").upper()


@pytest.mark.parametrize("case", sorted(CASES))
def test_fields_a_reader_would_write_down(case):
    build, expected, _ = CASES[case]
    invoice = extract_invoice(build(), options=TODAY)
    got = {name: field.value for name, field in invoice.fields.items()}
    wrong = {}
    for name, value in expected.items():
        if name == "vendor_tax_id":  # the id as printed, compacted (`CHE-116.281.710 MWST` -> CHE116281710)
            ok = _compact(got.get(name) or "").removesuffix("MWST") == _compact(value)
        else:
            ok = got.get(name) == value
        if not ok:
            wrong[name] = (got.get(name), value)
    assert not wrong, f"{case}: (got, expected) {wrong}"


@pytest.mark.parametrize("case", sorted(CASES))
def test_line_items_counted_and_adding_up(case):
    build, expected, count = CASES[case]
    invoice = extract_invoice(build(), options=TODAY)
    assert len(invoice.line_items) == count
    amounts = [item.cells["amount"].value for item in invoice.line_items]
    assert sum(float(a) for a in amounts) == pytest.approx(float(expected["subtotal"]))


def test_the_pages_identifiers_carry_valid_check_digits():
    """The ids printed on these pages are real-format ids (so a miss is the extraction's, not the data's)."""
    for _, expected, _ in CASES.values():
        if "iban" in expected:
            IBAN(expected["iban"])  # raises on a bad check digit
        vat = expected.get("vendor_tax_id")
        if vat is None:
            continue
        if vat.startswith("GB"):
            assert gb_vat.is_valid(vat)
        elif vat.startswith("CHE"):
            assert ch_uid.is_valid(vat)
        else:
            assert eu_vat.is_valid(vat)
    assert eu_vat.is_valid("ATU13585627") and eu_vat.is_valid("BE0403170701")  # the buyers' ids on the pages
    assert es_cif.is_valid("A46123451") and es_cif.is_valid("H28123453") and it_iva.is_valid("03128770025")
    assert it_cf.is_valid("FRRMRC75C12A944X")


def test_a_possessive_before_a_vat_label_names_the_addressees_id():
    """`Ihre UID-Nr.`, `Your VAT no.`, `Uw btw-nummer`: the buyer's id, whatever the lexicon lists."""
    from ocr_tasks.extraction.tax_id_fields import _YOUR_TAX_ID

    for label in ("Ihre UID-Nr.:", "Your VAT Reg No.", "Uw btw-nr", "Votre N° TVA", "Vs. P.IVA", "Su NIF"):
        assert _YOUR_TAX_ID.search(label), label
    assert not _YOUR_TAX_ID.search("UID-Nr.:") and not _YOUR_TAX_ID.search("VAT Reg No.")


def test_a_vat_id_printed_without_its_country_prefix_gets_the_documents_country():
    from ocr_tasks.extraction.tax_id_fields import with_country_prefix

    assert with_country_prefix("00743110157", "IT") == "IT00743110157"
    assert with_country_prefix("B12345674", "ES") == "ESB12345674"
    assert with_country_prefix("0417497304", "BE") == "BE0417497304"
    assert with_country_prefix("00743110158", "IT") == "00743110158"  # bad check digit: left as printed
    assert with_country_prefix("20112345678", "DE") == "20112345678"  # a Steuernummer is no VAT id
    assert with_country_prefix("00743110157", None) == "00743110157"


def test_a_us_city_state_zip_line_makes_dates_month_first():
    from ocr_tasks.normalise.countries import guess_country

    assert guess_country("Columbus, OH 43215") == "US"
    assert guess_country("46988 Paterna (Valencia)") is None


@pytest.mark.parametrize("sign", ["nº", "N2", "N&", "N°", "Nª"])
def test_number_sign_as_a_scan_reads_it(sign):
    """`Nº` read as `N2`, `N&`, `N°`: the Spanish factura's number label and its position column."""
    rows = [
        [("Talleres Hermanos Ruiz, S.L.", 0.06), ("FACTURA", 0.72)],
        [("46988 Paterna (Valencia)", 0.06), (f"Factura {sign}:", 0.58), ("2024/0137", 0.76)],
        [("NIF/CIF: B12345674", 0.06), ("Fecha:", 0.58), ("07/03/2024", 0.76)],
        [],
        [(sign, 0.06), ("Descripción", 0.12), ("Cantidad", 0.52), ("Precio", 0.63), ("Importe", 0.84)],
        [("1", 0.06), ("Mecanizado de piezas", 0.12), ("40", 0.54), ("28,50", 0.66), ("1.140,00", 0.84)],
        [("2", 0.06), ("Mano de obra", 0.12), ("20", 0.54), ("35,00", 0.66), ("700,00", 0.84)],
        [],
        [("Base imponible", 0.58), ("1.840,00 €", 0.82)],
        [("IVA 21%", 0.58), ("386,40 €", 0.82)],
        [("Total factura", 0.58), ("2.226,40 €", 0.82)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    assert invoice.fields["invoice_number"].value == "2024/0137"
    assert [item.cells["description"].value for item in invoice.line_items] == [
        "Mecanizado de piezas",
        "Mano de obra",
    ]


def test_sender_line_whose_town_starts_with_an_accented_capital():
    """`· 25026 Ávila`: a sender line over the address window (postcode + any letter), not the customer."""
    rows = [
        [("Ibérica S.L.", 0.08)],
        [("C/ Mayor 8", 0.08)],
        [("05001 Ávila", 0.08)],
        [],
        [("Ibérica S.L. · C/ Mayor 8 · 05001 Ávila", 0.08)],
        [("Promociones Duero S.L.L.", 0.08), ("Factura nº", 0.60), ("RE-2023-20323", 0.74)],
        [("Calle Mayor 56", 0.08), ("Fecha", 0.60), ("29/01/2023", 0.74)],
        [("47001 Valladolid", 0.08)],
        [],
        [("Base imponible", 0.50), ("1.000,00 €", 0.80)],
        [("IVA 21 %", 0.50), ("210,00 €", 0.80)],
        [("Total", 0.50), ("1.210,00 €", 0.80)],
    ]
    values = {k: f.value for k, f in extract_invoice(text_layer_page(rows), options=TODAY).fields.items()}
    assert values["customer_name"] == "Promociones Duero S.L.L."
    assert values["vendor_name"] == "Ibérica S.L."


def test_a_phone_label_with_its_number_makes_no_vendor_name():
    """A sidebar letterhead whose phone row shares its line with the client's name: the row is no name."""
    rows = [
        [("Dumas", 0.07)],
        [("291, rue Lucie Bazin", 0.07)],
        [("97448 Chevallier", 0.07)],
        [("Téléphone: 05 18 27 56 82", 0.07), ("Petitjean Diaz SA", 0.40)],
        [("E-mail: contact@dumas-conseil.fr", 0.07), ("76, rue Alix Peron", 0.40)],
        [("Identifiant TVA: FR44732829320", 0.07), ("65828 Saint-Françoise", 0.40)],
        [],
        [("Facture n°", 0.40), ("R1533645", 0.55)],
        [("Date", 0.40), ("22/03/2022", 0.55)],
        [],
        [("Total HT", 0.50), ("1 000,00 EUR", 0.75)],
        [("TVA 20 %", 0.50), ("200,00 EUR", 0.75)],
        [("Net à payer", 0.50), ("1 200,00 EUR", 0.75)],
    ]
    values = {k: f.value for k, f in extract_invoice(text_layer_page(rows), options=TODAY).fields.items()}
    assert values["vendor_name"] == "Dumas"


def test_sidebar_words_across_a_column_gap_do_not_qualify_the_invoice_number_label():
    """`Konto (IBAN)  Rechnungsnummer:  F2022/9944`: the sidebar's IBAN label is another column's."""
    rows = [
        [("Dehmel", 0.07)],
        [("Gerhardt-Allee 32", 0.07)],
        [("46504 Melsungen", 0.07)],
        [],
        [("Überweisung an", 0.07)],
        [("Konto (IBAN)", 0.07), ("Rechnungsnummer:", 0.32), ("F2022/9944", 0.50)],
        [("DE43 5305 3316 1480 0685 83", 0.07), ("Belegdatum:", 0.32), ("01.01.2022", 0.50)],
        [],
        [("Nettobetrag", 0.50), ("100,00 €", 0.75)],
        [("zzgl. 19% USt.", 0.50), ("19,00 €", 0.75)],
        [("Summe", 0.50), ("119,00 €", 0.75)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=ExtractionOptions(today=date(2022, 6, 1)))
    assert invoice.fields["invoice_number"].value == "F2022/9944"


def test_a_document_title_in_the_letterhead_is_no_vendor_name():
    rows = [
        [("FATTURA IMMEDIATA", 0.50)],
        [("Boccaccio, Palazzo e figli", 0.08)],
        [("Borgo Monicelli, 96", 0.08)],
        [("22063 Roccapreturo", 0.08), ("Numero fattura", 0.60), ("FT 2024/327", 0.78)],
        [("P. IVA: IT00743110157", 0.08), ("Data emissione", 0.60), ("16/10/2024", 0.78)],
        [],
        [("Imponibile", 0.50), ("100,00", 0.80)],
        [("IVA 22%", 0.50), ("22,00", 0.80)],
        [("Totale documento", 0.50), ("122,00", 0.80)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=ExtractionOptions(today=date(2024, 12, 1)))
    assert invoice.fields["vendor_name"].value == "Boccaccio, Palazzo e figli"


def test_an_address_block_ends_only_at_stop_words_of_its_own_column():
    """`22063 Roccapreturo   Numero fattura   FT 2024/327`: the document label stands in another column of the
    text row, so the vendor's address goes on to its postcode (the label once ended it after the street)."""
    rows = document_rows(
        text_layer_page(
            [
                [("Boccaccio, Palazzo e figli", 0.08)],
                [("Borgo Monicelli, 96", 0.08)],
                [("22063 Roccapreturo", 0.08), ("Numero fattura", 0.60), ("FT 2024/327", 0.78)],
                [("P. IVA: IT00743110157", 0.08), ("Data emissione", 0.60), ("16/10/2024", 0.78)],
            ]
        )
    )
    block, _ = address_after(rows, 0)
    assert [r.text.split("  ")[0] for r in block] == ["Borgo Monicelli, 96", "22063 Roccapreturo"]


def test_a_blank_line_after_a_tax_row_ends_the_search_for_an_address():
    """A letterhead's street, its VAT row, a blank line, then the customer's block beside the invoice's data:
    the customer's rows are no address of the street (which would make the street look like a name)."""
    rows = document_rows(
        text_layer_page(
            [
                [("O'Brien & Walsh Solicitors", 0.06)],
                [("14 Fitzwilliam Square, Dublin 2, D02 X285", 0.06)],
                [("VAT No. IE6590573W", 0.06)],
                [],
                [("Ms. Aoife Kelly", 0.06), ("Invoice No.", 0.58), ("OBW-24-1187", 0.76)],
                [("27 Glenageary Road", 0.06), ("Date", 0.58), ("2 May 2024", 0.76)],
            ]
        )
    )
    assert address_after(rows, 1) == ([], "")
    assert [r.text for r in address_after(rows, 0)[0]] == ["14 Fitzwilliam Square, Dublin 2, D02 X285"]


def _header_block_values(labels_and_values, *, sub_labels=None, today=date(2025, 6, 1)):
    """A page with one row of labels over one row of values (optionally a second label line between)."""
    xs = [0.09 + 0.15 * i for i in range(len(labels_and_values))]
    rows = [
        [("Rossini-Volterra Group", 0.08)],
        [("Strada Dionigi, 26", 0.08)],
        [("20126 Caravita", 0.08)],
        [],
        [(label, x) for (label, _), x in zip(labels_and_values, xs, strict=True)],
    ]
    if sub_labels:
        rows.append([(text, xs[i]) for i, text in sub_labels])
    rows += [
        [(value, x) for (_, value), x in zip(labels_and_values, xs, strict=True)],
        [],
        [("Imponibile", 0.50), ("100,00", 0.80)],
        [("IVA 22%", 0.50), ("22,00", 0.80)],
        [("Totale", 0.50), ("122,00", 0.80)],
    ]
    page = text_layer_page(rows, step=0.013)
    return {
        k: f.value for k, f in extract_invoice(page, options=ExtractionOptions(today=today)).fields.items()
    }


def test_labels_above_values_with_a_second_label_line_between():
    values = _header_block_values(
        [("N. fattura", "FT 2025/288"), ("Data fattura", "24/01/2025"), ("Ordine n.", "ORD-9076194")],
        sub_labels=[(2, "Documento di trasporto")],
    )
    assert values["invoice_number"].replace(" ", "") == "FT2025/288"
    assert values["invoice_date"] == "2025-01-24"


def test_a_bare_number_marker_names_the_number_column_in_a_row_of_labels():
    values = _header_block_values(
        [
            ("Num.", "23102885"),
            ("del", "11/03/2023"),
            ("Vs. ordine", "ORD-8467710"),
            ("Codice cliente", "47233"),
        ]
    )
    assert values["invoice_number"] == "23102885"


def test_a_column_label_does_not_run_into_the_next_columns_label():
    """`Rechnungsdatum Zahlbar bis` printed close together over two dates: each date has its own label."""
    rows = [
        [("Betschart AG", 0.08)],
        [("Bernasconistrasse 28", 0.08)],
        [("7527 Sarnen", 0.08)],
        [],
        [("Beleg-Nr.", 0.09), ("Rechnungsdatum", 0.19), ("Zahlbar bis", 0.319), ("Lieferdatum", 0.45)],
        [("R4918442", 0.09), ("30.11.2022", 0.19), ("07.12.2022", 0.319), ("19.11.2022", 0.45)],
        [],
        [("Nettobetrag", 0.50), ("CHF 100.00", 0.75)],
        [("8.1 % MwSt.", 0.50), ("CHF 8.10", 0.76)],
        [("Bruttobetrag", 0.50), ("CHF 108.10", 0.75)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=ExtractionOptions(today=date(2023, 1, 1)))
    assert invoice.fields["invoice_date"].value == "2022-11-30"
    assert invoice.fields["due_date"].value == "2022-12-07"


def test_a_rejected_date_reading_does_not_hide_the_date_after_it():
    """`Piano 4  Data 25 giugno 2022`: `4 Data 25` is no date, `25 giugno 2022` is."""
    from ocr_tasks.normalise.dates import find_dates

    assert [d.value for d in find_dates("Vicolo Perozzo, 86 Piano 4  Data 25 giugno 2022")] == [
        date(2022, 6, 25)
    ]


def test_the_address_window_printed_close_under_the_letterhead_is_the_customers():
    """No blank line between the letterhead's contact rows and the addressee: the addressee's legal form
    does not make it the vendor, and its block is the customer's."""
    rows = [
        [("Boccioni Group", 0.08)],
        [("Rotonda Giovanni, 5", 0.08)],
        [("37125 Verona", 0.08)],
        [("Tel: +39 045 830810", 0.08)],
        [("Email: amministrazione@boccioni.it", 0.08)],
        [("Pace, Bosurgi e Dallapé s.r.l.", 0.08), ("Fattura n. FT 2022/376", 0.58)],
        [("Viale Valeria, 82", 0.08), ("del 19/02/2022", 0.58)],
        [("84078 Vallo della Lucania", 0.08)],
        [],
        [("Imponibile", 0.50), ("1.000,00 €", 0.78)],
        [("I.V.A. 22 %", 0.50), ("220,00 €", 0.79)],
        [("Totale documento", 0.50), ("1.220,00 €", 0.78)],
    ]
    invoice = extract_invoice(
        text_layer_page(rows, step=0.012), options=ExtractionOptions(today=date(2022, 6, 1))
    )
    assert invoice.fields["vendor_name"].value == "Boccioni Group"
    assert invoice.fields["customer_name"].value == "Pace, Bosurgi e Dallapé s.r.l."


@pytest.mark.parametrize("printed", ["N° TVA", "Nº TVA", "N2 TVA", "N& TVA", "N.º TVA"])
def test_the_number_sign_folds_to_one_word_as_printed_or_misread(printed):
    from ocr_tasks.extraction.keywords import fold, has_negative

    assert fold(printed) == "no tva"
    assert has_negative(f"{printed}:", "tax_amount")  # the VAT number's label, no tax amount's


def test_a_fuzzy_label_needs_each_of_its_words():
    from ocr_tasks.extraction.keywords import LABELS, label_strength

    assert label_strength("Total des lignes", LABELS["amount_due"]) == 0.0  # not `total due`
    assert label_strength("T0TAL DUE", LABELS["amount_due"]) > 0.5  # an OCR slip in a word
    assert label_strength("TOTALDUE", LABELS["amount_due"]) > 0.0  # words run together


def test_tax_per_rate_after_the_word_base_and_a_tax_free_invoices_net():
    rows = [
        [("Atelier Moreau", 0.06)],
        [("12 rue des Tanneurs, 69001 Lyon", 0.06)],
        [("Facture N° FA-2024-119", 0.58)],
        [("Date : 05/03/2024", 0.58)],
        [],
        [("Total des lignes", 0.50), ("7 639,21 €", 0.78)],
        [("Livraison", 0.50), ("60,92 €", 0.80)],
        [("Net HT", 0.50), ("7 700,13 €", 0.78)],
        [("TVA à 6 % base 7 700,13", 0.50), ("462,01 €", 0.80)],
        [("Net TTC", 0.50), ("8 162,14 €", 0.78)],
    ]
    values = _values_of(rows)
    assert (values["subtotal"], values["tax_amount"], values["total"]) == ("7700.13", "462.01", "8162.14")
    assert values["amount_due"] == "8162.14"  # `Total des lignes` is no `total due`
    exempt = [
        [("Au bon moulin SARL", 0.06)],
        [("Invoice FA-2017-0008", 0.06)],
        [("Invoice Date", 0.06), ("11/03/2017", 0.26)],
        [],
        [("Tax  Base  Amount", 0.15), ("Net total", 0.70), ("2,076.76 €", 0.80)],
        [("TVA 0% livraisons intracommunautaires", 0.06), ("2,076.76 €", 0.50), ("0.00 €", 0.65)],
        [("Tax Total", 0.70), ("0.00 €", 0.80)],
        [("Total", 0.70), ("2,076.76 €", 0.80)],
    ]
    values = _values_of(exempt)
    assert (values.get("subtotal"), values["tax_amount"], values["total"]) == ("2076.76", "0.00", "2076.76")


def _values_of(rows):
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    return {k: f.value for k, f in invoice.fields.items()}


def test_a_credit_notes_own_number_over_the_corrected_invoices():
    """`Korrektur-Nr.` over the credit note's number; `Bezug: Rechnung 989900` names the corrected one."""
    rows = [
        [("Junken Haustechnik GmbH", 0.45)],
        [("Gusti-Gierschner-Weg 46 · 37895 Pinneberg", 0.20)],
        [("Rechnungsempfänger", 0.08)],
        [("Etzler AG", 0.08)],
        [("Bolzmann-Ring 915", 0.08)],
        [("60596 Herzberg", 0.08)],
        [],
        [("Korrektur-Nr.", 0.09), ("Ausstellungsdatum", 0.24), ("Debitor", 0.45)],
        [("202437026", 0.09), ("18.07.2024", 0.24), ("131260", 0.45)],
        [],
        [("GUTSCHRIFT", 0.08)],
        [("Bezug: Rechnung 989900", 0.08)],
        [],
        [("Zwischensumme", 0.50), ("EUR 100,00", 0.75)],
        [("19 % USt", 0.50), ("EUR 19,00", 0.75)],
        [("Gutschriftsbetrag", 0.50), ("EUR 119,00", 0.75)],
    ]
    assert _values_of(rows)["invoice_number"] == "202437026"


def test_a_party_label_read_without_its_accent_makes_no_vendor_name():
    """A scan reads `Rechnungsempfänger` as `Rechnungsempfanger` on the customer's name row."""
    rows = [
        [("Junken", 0.45)],
        [("Gusti-Gierschner-Weg 46 · 37895 Pinneberg", 0.20)],
        [("Rechnungsempfanger Etzler AG", 0.08)],
        [("Bolzmann-Ring 915", 0.08)],
        [("60596 Herzberg", 0.08)],
        [],
        [("Rechnung Nr. 202437026", 0.08)],
        [("Datum 18.07.2024", 0.08)],
        [],
        [("Zwischensumme", 0.50), ("EUR 100,00", 0.75)],
        [("19 % USt", 0.50), ("EUR 19,00", 0.75)],
        [("Gesamtbetrag", 0.50), ("EUR 119,00", 0.75)],
    ]
    assert _values_of(rows)["vendor_name"] == "Junken"


def test_the_customers_address_ends_before_the_items_table_header():
    invoice = extract_invoice(spanish_factura_totals_in_columns(), options=TODAY)
    address = invoice.fields["customer_address"].value
    assert address.startswith("Calle Mayor 7, 28013 Madrid")
    assert "Concepto" not in address and "Importe" not in address


def test_the_billed_party_beside_a_ship_to_block_is_the_customer():
    """`Billed To` and `Ship To` side by side, their address lines printed close enough to run together:
    the billed party is the buyer."""
    rows = [
        [("Baker-Cannon", 0.08)],
        [("2903 Cynthia Falls", 0.08)],
        [("Villarrealside, GU 37654", 0.08)],
        [("Tel: 9939301686", 0.08)],
        [],
        [("Billed To", 0.08), ("Ship To", 0.38)],
        [("Morris Inc", 0.08), ("Vaughn Group", 0.38), ("Date", 0.62), ("09/01/2025", 0.78)],
        [("37615 Galloway Extension Apt. 515", 0.08), ("827 Cynthia Street, Unit 4", 0.37)],
        [("West Katherinemouth, DC 34177", 0.08), ("Jenningsmouth, NV 20568", 0.38)],
        [("Invoice Number", 0.62), ("A-2025-107081", 0.78)],
        [],
        [("Subtotal", 0.60), ("$1,000.00", 0.80)],
        [("Tax 7.25 %", 0.60), ("$72.50", 0.80)],
        [("Total", 0.60), ("$1,072.50", 0.80)],
    ]
    page = text_layer_page(rows, step=0.014)
    invoice = extract_invoice(page, options=ExtractionOptions(today=date(2025, 12, 1)))
    assert invoice.fields["customer_name"].value == "Morris Inc"


def test_a_phone_label_in_another_column_says_nothing_of_the_document_number():
    """`Phone: 539.449.2325  Document No. R6556354`: the phone label is the letterhead column's."""
    rows = [
        [("Reyes Inc", 0.08), ("SALES INVOICE", 0.55)],
        [("03923 Cassandra Hollow", 0.08)],
        [("West Harold, VA 23182", 0.08), ("Tax Point", 0.55), ("11/29/2022", 0.70)],
        [("Phone: 539.449.2325", 0.08), ("Document No.", 0.55), ("R6556354", 0.70)],
        [("E: shawn22@stephens.com", 0.08), ("PO Number", 0.55), ("ORD-691484", 0.70)],
        [],
        [("Subtotal", 0.60), ("$1,000.00", 0.80)],
        [("Sales Tax", 0.60), ("$53.00", 0.80)],
        [("Total", 0.60), ("$1,053.00", 0.80)],
        [],
        [("Routing No.: 847896130", 0.08)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=ExtractionOptions(today=date(2023, 1, 1)))
    assert invoice.fields["invoice_number"].value == "R6556354"
