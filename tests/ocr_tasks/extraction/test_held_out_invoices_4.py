"""Round 4 of the held-out check (issue 13), independent of the synthetic generator (`bench/synthetic/`) and
of rounds 1-3 (`test_held_out_invoices.py`, `_2.py`, `_3.py`): documents written by hand as text-layer rows
in kinds and wordings those do not cover. VAT ids, ABN, business numbers and IBANs carry valid check digits
(python-stdnum, schwifty). Each test asserts what a reader of the page would write down; the expectations
were written before the extraction was run on the pages.

Batch 1 (eight documents): a German mobile operator's monthly Rechnung (Kundennummer, Vertragsnummer and a
billing period beside the invoice date, `Rechnungsbetrag`, a debit date, the number printed in digit
groups), a Dutch SaaS company's invoice in US dollars to a German customer (reverse charge, both VAT ids,
`Total in EUR` for information), a Québec studio's invoice (GST and QST with their registration numbers,
CAD in dollars), an Australian plumber's `TAX INVOICE` (ABN, GST-inclusive prices, BSB), a Belgian `NOTE DE
CRÉDIT` with a structured communication, an Austrian `Stornorechnung` printed negative with `UID-Nr.`, a US
distributor's invoice (a header grid, `2/10 Net 30`, taxable and non-taxable subtotals, freight, `Remit
To`), a three-page Italian fattura (`A riportare` / `Riporto`, `Pagina n di 3`).

Measurement, the first run of batch 1 before any fix (115 tests: 105 field checks, 8 item lists, 2 of the
pages' own data): 8 failed, 7 of them the extraction's (every item list was right). Their general causes,
all fixed:
- no Canadian or Australian cues in the country packs, so `$` read USD on both (2): the packs now hold the
  labels of ids only those countries print (`GST/HST`, `QST`, `TVQ`, `ABN`, `ACN`), their address lines
  (`QC H2T 1R2`, `NSW 2038`), postcodes and python-stdnum's `ca.bn`;
- `QST 9.975%` was no tax label, so GST alone was the tax (1); `GST/HST No. 213119290 RT0001` no VAT-id
  label, and the program account `RT0001` no part of the number (1);
- `Subtotal (excl. GST)` read as no net (its tax word counted against it): a tax word after an exclusive
  marker (`excl.`, `ex`, `before`, `ohne`, `hors`) qualifies a net label (keywords.py) (1);
- `Taxable Subtotal 1,078.00 / Non-Taxable Subtotal 240.00`: the second part taken as the net; parts of a
  net on consecutive subtotal rows are summed when they and the rows down to the total add up (1);
- `Rechnungsnummer  2024 0312 4477` read as `2024`: digit groups alone in their cell are one number (1);
- one was the test's: the Australian items are priced with GST, they add up to the total (1).

Batch 2 (eight documents written after those fixes): a Swiss carpentry's Rechnung with its QR-bill payment
part (`Empfangsschein`, `Zahlteil`, QR-IBAN, QR reference, amounts spaced in thousands with a point, the
date in words), an Irish company's Rechnung in German with English number format (`€2,450.00`), a Spanish
subcontractor's factura under `Inversión del sujeto pasivo`, an Italian one under `inversione contabile`
(the nature code `N6.3` in the VAT column), a French one under `Autoliquidation` with a guarantee retention,
a Dutch `Creditfactuur` printed negative, a Dutch energy supplier's `Jaarafrekening` (advances paid, `Te
betalen`, a debit `op of na` a date), a UK invoice with day-first numeric dates and a sort code.

Measurement, the first run of batch 2 (113 checks: 105 fields, 8 item lists): 7 failed, all fixed:
- `1 803.75`, `1 949.75` (the QR bill's form, used on the whole page) read as 1 and 803.75: an amount spaced
  in thousands with a decimal point that fills its cell is one amount (net, total, amount due, items: 4);
- the last group of an IBAN (`... 0005 1332`) read as the tax on a page whose VAT row prints no amount: the
  digit groups of a valid IBAN are no amounts (1);
- `Wij schrijven dit bedrag op of na 29 maart 2024 af`: no due date (direct-debit phrases in nl, fr, es,
  it) (1); `Omschrijving  Verbruik  Bedrag excl. btw`: the `btw` of the amount's label read as a VAT column,
  no items (a tax word after `excl.`/`incl.` qualifies its label: line_items.py, committed with ae51b6d by
  the helper who owns that module) (1).
The check-digit test also failed on its own handling of a Swiss UID (the test's, corrected).

Batch 3 (nine documents written after the fixes of batch 2): a German kitchen studio's `Angebot` and a US
`PROFORMA INVOICE` (quotes), an Italian telecom bolletta (`Addebito su conto corrente il ...`), a Spanish
electricity bill (`Titular del contrato`, `Fecha de cargo`, the electricity tax), a Québec caterer's facture
in French (`TPS`, `TVQ`, `1 250,00 $`, `Payable sur réception`), a German craftsman's `Quittung` (`Betrag in
bar dankend erhalten von Herrn ...`, `Inh.` on the sender line), a two-page UK invoice (`Carried forward` /
`Brought forward`, no currency sign, the VAT number in groups), a US platform's usage invoice (prices to
four decimals, sales tax on part of the charges, autopay), a self-billed `Gutschrift` (§ 14 Abs. 2 UStG).

Measurement, the first run of batch 3 (127 checks: 118 fields, 9 item lists): 19 failed, all fixed:
- the two quotes typed `invoice` (2): `document_type` gains `quote` (a quote's title heading a row or a part
  of a row, no invoice title in the title area; no amount due; refused by the e-invoice export, left out of
  the spend and the anomaly ledger's amounts); `Angebotsnummer` no number label (the lexicons'
  `quote_number`, read on quotes only) (1); the quote's sum read as an amount due (1);
- the self-billed Gutschrift read as the issuer's credit note (document type, vendor, customer, VAT id: 4):
  a page that says it is self-billed (the lexicons' `self_billing`) is an invoice whose vendor is the
  addressee, with the VAT id printed as the addressee's (`self_billing.py`);
- due dates: `Addebito su conto corrente il`, `Fecha de cargo`, `Payable sur réception` (lexicons' due-date
  phrases and `due_on_receipt`) (3);
- `Titular del contrato` read as the customer's name (a bill-to label in es) (1); `Customer PO:` no order
  label (1); `TPS : 045977204 RT0001` no VAT-id label in fr (1); `Voce  Importo` no items header (1);
- the Quittung: `Inh. Detlef Krause · Lange Reihe 9 · ...` read as the vendor (an owner's label starts no
  sender line's name, lexicons' `owner_label`) (1), the payer named after `erhalten von` not read (lexicons'
  `received_from`) (1), the total taken as due though the page says it was received (`paid_in_full`) (1);
- no currency on the two-page UK invoice: `GB 475 2218 88` printed in groups was no country cue (a VAT id
  in groups with valid check digits is one) (1).
Two tests of the pages' own data failed too, the test's errors (a US EIN and a German Steuernummer not
handled by the check-digit test; the proforma's export packing and the Quittung's gross items not in the
arithmetic test), corrected.

Batch 4 (eight documents written after the fixes of batch 3): a Viennese lawyer's `HONORARNOTE` (services
with their dates, `Einheitssatz`, outlays free of VAT after the tax, `Wien, am 8. April 2024`), a Canary
Islands factura with IGIC 7 %, an Italian `Ricevuta per prestazione occasionale` (withholding, `Netto a
pagare`, a revenue stamp in the text), a Dutch subcontractor's factuur with a `G-rekening` share (two
IBANs of the vendor), a French facture with its legal mentions (share capital, penalties, the 40 €
indemnity), a US patient statement (insurance payments and adjustments in parentheses, a guarantor), a US
hotel's guest folio (dated nights with their occupancy tax, the guest from Germany), a German restaurant's
`Rechnung` paid by card with the form for business entertainment.

Measurement, the first run of batch 4 (112 checks: 104 fields, 8 item lists): 20 failed. Their causes:
- the lawyer's services dated `vom 12.02.2024` won the invoice date (and so the due date) over the
  letter's place and date: `Wien, am 8. April 2024` labels the invoice date (2); `Barauslagen (ust-frei)`
  read as the tax (a tax word with `frei` is no tax label) and no net: the labelled sum right above the tax
  is the net when it, the tax and the charges after it add up to the total (2);
- the folio: its item dates under the `Date` column labelled as invoice dates (an items header's `Date`
  labels the items' dates; `Departure` labels a folio's date) (1); the guest's German address outvoted the
  hotel's US address line, so EUR (a tie goes to the country named first) (1); its vendor, its customer,
  its tax (occupancy tax on every night) and its items: not fixed, xfail below (4);
- `IGIC 7%` no tax label (1); `PATIENT STATEMENT` across the gap kept in the vendor's name (a title in
  the lexicons), `Guarantor:` no customer label (2); the statement's `Amount Due 50.00` taken as the total
  over `Total Charges 275.00` (a total less the negative rows under it that leaves the amount due is the
  total) (1), its items (`Charges` no amount column label) (1);
- the ricevuta: `RICEVUTA PER PRESTAZIONE OCCASIONALE n. 3/2024` gave no number (a receipt's or quote's
  title with up to three words before its number sign) (1), `Netto a pagare` read as the net (1), and the
  Italian `due` (two) in the fee's description labelled the gross as the amount due (a word inside a
  sentence of six words or more before a value is no label unless it ends or starts it) (1);
- the restaurant's `Rechnung Nr. 4471` typed invoice: a bill titled as an invoice that names no customer
  and no due date and records a card payment is a receipt (1);
- one was the test's: the French studio's legal form printed under its name (`SARL au capital de ...`) is
  read into it, as round 2 decided for `MENUISERIE DURAND & FILS` (now accepted) (1).
The tests of the pages' own data also failed on the test's handling of a Steuernummer, an Italian fiscal
code, two IBANs and the outlays outside VAT (corrected).

Batch 5 (seven documents written after the fixes of batch 4): a Dublin solicitor's fee note (outlays
without VAT after the VAT), a Dutch dental practice's `Nota` (the patient's date of birth, exempt care, a
legal reference with its paragraphs), a US subcontractor's progress billing (retainage, previous
applications, `Current Payment Due`), a Spanish `NOTA DE ABONO`, an Australian `ADJUSTMENT NOTE`, a Dutch
factuur with `kredietbeperking`, a German car repair shop's Rechnung (labour and parts sums, plate and
mileage).

Measurement, the first run of batch 5 (98 checks: 91 fields, 7 item lists): 9 failed; 7 fixed, 2 xfail:
- `NOTA DE ABONO` and `ADJUSTMENT NOTE` were no credit-note titles (lexicons) (2);
- `Ms. Aoife Kelly` read `. Aoife Kelly` (the dot a salutation leaves) (1);
- the fee note's net: the fees row right above the VAT, with outlays after it, is the net when the
  arithmetic holds (batch 4's rule asked a net label of that row) (1);
- the patient's `Geboortedatum 14-09-1978` taken as the invoice date, and so the due date (a birth date is
  no invoice or due date: the lexicons' `birth_date`; `Notadatum` an invoice-date label) (2);
- `lid 1` of `art. 11 lid 1 sub g Wet OB` read as a tax of 1.00 (a legal reference's paragraphs) (1);
- the KvK number as the vendor's tax id, the fee note's VAT row as an item: xfail below (2).
The arithmetic test also needed the fee note's outlay and the adjustment note's GST-inclusive price (the
test's).

Batch 6 (four documents written after the fixes of batch 5, two of them checks of batch 4's outlays rule in
other languages): a Luxembourg facture (TVA 17 %, `Luxembourg, le 21 mai 2024`), a Toronto printer's invoice
(`HST 13%`, `HST Reg. #`), a Madrid gestoría's factura with `Suplidos` outside IVA, an Italian architect's
fattura with `Contributo integrativo 4%` and `Spese anticipate art. 15`. 2 of their 56 checks (52 fields,
4 item lists) failed at first, both fixed: `HST Reg. # 871234563 RT0001` had no VAT-id label (lexicon) (1);
`23 de mayo de 2024` was no date (`mayo` alone is kept out for a receipt's MAYO; with its `de`s it is the
month) (1). The arithmetic test needed the two pages' outlays (the test's).

After batch 6, the folio's per-night tax lines: another helper's change (a33cb70) reads them as items
(its items xfail removed there); the tax is now the sum of the item lines that carry a tax label with a rate
when the chosen tax is one of them (its xfail removed).

Batch 7 (three documents written after the fixes of batch 6): a Valencian printer's factura with both
dates in words (`15 de mayo de 2024`, `14 de junio de 2024`) and its data in the footer, a car rental's
Rechnung (pick-up and return dates, the deposit already charged, the rest to the card), a New Zealand
`TAX INVOICE` (`GST No. 49-091-850`, `Total NZD  $1,426.00`). 3 of their 42 checks (39 fields, 3 item lists)
failed at first: `$` read as USD on a page that names its dollar (`Total NZD`: a page that names one dollar
by its code makes its `$` that dollar) (1), a customer's street line (`C/ Pelayo 7, 46007 Valencia`, the
first line of the block under `Cliente:` and the client's NIF) taken as the customer's name (a street with
its number then postcode and town is no name) (1), both fixed; `To:` alone over the NZ customer's name:
xfail below (1).

The xfail marks (strict) keep the right expectation where the fix is not made here: see `KNOWN_MISSES`.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from schwifty import IBAN
from stdnum.au import abn as au_abn
from stdnum.ca import bn as ca_bn
from stdnum.ch import uid as ch_uid
from stdnum.de import stnr as de_stnr
from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat
from stdnum.it import codicefiscale as it_cf
from stdnum.nz import ird as nz_ird
from stdnum.us import ein as us_ein

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from tests.ocr_tasks.extraction.held_out_checks import field_params, item_params, matches
from tests.ocr_tasks.extraction.layout_pages import text_layer_page, text_layer_pages

TODAY = ExtractionOptions(today=date(2025, 6, 1))
NO_TAX = (None, "0.00")


def mobilfunk_rechnung_de():
    """A mobile operator's monthly Rechnung: the info box right holds Kundennummer, Vertragsnummer,
    Rechnungsnummer, Rechnungsdatum and the billing period (`Abrechnungszeitraum 01.03.2024 - 31.03.2024`,
    not the invoice date), the title names the month, a usage summary with net amounts, `Rechnungsbetrag`,
    the amount debited on a date from the customer's masked account; the operator's bank in the footer."""
    rows = [
        [("FunkNetz Mobil GmbH", 0.06)],
        [("Kundenservice: 0800 330 4400 · www.funknetz-mobil.de", 0.06)],
        [],
        [("FunkNetz Mobil GmbH · Postfach 10 22 40 · 40013 Düsseldorf", 0.06)],
        [("Herrn", 0.06), ("Kundennummer", 0.58), ("4711 0815 22", 0.78)],
        [("Jonas Albrecht", 0.06), ("Vertragsnummer", 0.58), ("V-88120344", 0.78)],
        [("Brunnenstraße 17", 0.06), ("Rechnungsnummer", 0.58), ("2024 0312 4477", 0.78)],
        [("50667 Köln", 0.06), ("Rechnungsdatum", 0.58), ("05.04.2024", 0.78)],
        [("Abrechnungszeitraum", 0.58), ("01.03.2024 - 31.03.2024", 0.78)],
        [],
        [("Ihre Rechnung für März 2024", 0.06)],
        [],
        [("Leistung", 0.06), ("Zeitraum", 0.46), ("Betrag netto", 0.80)],
        [("Grundgebühr Tarif Allnet L", 0.06), ("01.03.-31.03.", 0.46), ("25,17 €", 0.82)],
        [("Verbindungen ins Ausland (siehe Einzelverbindungsnachweis)", 0.06), ("3,36 €", 0.83)],
        [("Drittanbieter: StreamBox Abo", 0.06), ("01.03.-31.03.", 0.46), ("4,99 €", 0.83)],
        [],
        [("Summe netto", 0.58), ("33,52 €", 0.82)],
        [("zzgl. 19 % USt.", 0.58), ("6,37 €", 0.83)],
        [("Rechnungsbetrag", 0.58), ("39,89 €", 0.82)],
        [],
        [
            (
                "Der Rechnungsbetrag wird am 12.04.2024 von Ihrem Konto DE12 **** **** **** **34 56 "
                "abgebucht.",
                0.06,
            )
        ],
        [("Gläubiger-ID DE98ZZZ09999999999 · Mandatsreferenz M-4711081522", 0.06)],
        [],
        [
            (
                "FunkNetz Mobil GmbH · Königsallee 60 · 40212 Düsseldorf · HRB 88231 Amtsgericht Düsseldorf",
                0.06,
            )
        ],
        [("USt-IdNr. DE214304432 · Commerzbank · IBAN DE06 5001 0517 5407 3244 51 · BIC COBADEFFXXX", 0.06)],
    ]
    return text_layer_page(rows)


def saas_invoice_usd_from_nl():
    """A Dutch SaaS company's English invoice in US dollars to a German customer: reverse charge with both
    VAT ids, `Amount due (USD)`, and for information the total converted at the ECB rate (`Total in EUR`,
    the VAT line in euro): the document's total is the one in its own currency."""
    rows = [
        [("Cloudlane B.V.", 0.06), ("INVOICE", 0.78)],
        [("Keizersgracht 241", 0.06)],
        [("1016 EA Amsterdam, The Netherlands", 0.06)],
        [("VAT NL856768170B01 · KvK 74120388", 0.06)],
        [],
        [("Billed to", 0.06), ("Invoice number", 0.56), ("CL-2024-00917", 0.76)],
        [("Brandhaus Marketing GmbH", 0.06), ("Date of issue", 0.56), ("April 2, 2024", 0.76)],
        [("Schanzenstraße 30", 0.06), ("Date due", 0.56), ("May 2, 2024", 0.76)],
        [("20357 Hamburg, Germany", 0.06), ("Currency", 0.56), ("USD", 0.76)],
        [("VAT DE611195866", 0.06)],
        [],
        [("Description", 0.06), ("Qty", 0.54), ("Unit price", 0.64), ("Amount", 0.84)],
        [("Team plan (Apr 2, 2024 - May 1, 2024)", 0.06), ("12", 0.54), ("$79.00", 0.64), ("$948.00", 0.84)],
        [("Additional storage 500 GB", 0.06), ("1", 0.54), ("$240.00", 0.64), ("$240.00", 0.84)],
        [],
        [("Subtotal", 0.64), ("$1,188.00", 0.84)],
        [("VAT (0% reverse charge)", 0.64), ("$0.00", 0.85)],
        [("Total", 0.64), ("$1,188.00", 0.84)],
        [("Amount due (USD)", 0.64), ("$1,188.00", 0.84)],
        [],
        [
            (
                "Reverse charge: VAT to be accounted for by the recipient "
                "(Article 196 Directive 2006/112/EC).",
                0.06,
            )
        ],
        [("For information: exchange rate ECB 02.04.2024 1 USD = 0.9264 EUR", 0.06)],
        [("Total in EUR", 0.06), ("€1,100.56", 0.30), ("VAT in EUR", 0.50), ("€0.00", 0.66)],
        [],
        [("Pay by bank transfer to Cloudlane B.V., IBAN NL91 ABNA 0417 1643 00, BIC ABNANL2A", 0.06)],
    ]
    return text_layer_page(rows)


def quebec_invoice_ca():
    """A Québec studio's invoice in English to a Montréal client: ISO dates, GST and QST each with its
    registration number and rate, CAD, `Payment by Interac e-Transfer`, no IBAN."""
    rows = [
        [("Atelier Boréal Design Inc.", 0.06)],
        [("4520 boul. Saint-Laurent, Suite 300", 0.06)],
        [("Montréal, QC H2T 1R2", 0.06)],
        [("GST/HST No. 213119290 RT0001", 0.06)],
        [("QST No. 1219876543 TQ0001", 0.06)],
        [],
        [("INVOICE", 0.06)],
        [],
        [("Bill To:", 0.06), ("Invoice No.:", 0.56), ("2024-0318", 0.76)],
        [("Fromagerie Lanaudière Ltée", 0.06), ("Invoice Date:", 0.56), ("2024-03-18", 0.76)],
        [("1200 rue Notre-Dame", 0.06), ("Due Date:", 0.56), ("2024-04-17", 0.76)],
        [("Joliette, QC J6E 3Z9", 0.06), ("Currency:", 0.56), ("CAD", 0.76)],
        [],
        [("Description", 0.06), ("Hours", 0.52), ("Rate", 0.64), ("Amount", 0.84)],
        [("Packaging redesign - cheese line", 0.06), ("14", 0.52), ("$85.00", 0.64), ("$1,190.00", 0.84)],
        [("Label print proofs", 0.06), ("1", 0.52), ("$260.00", 0.64), ("$260.00", 0.84)],
        [],
        [("Subtotal", 0.64), ("$1,450.00", 0.84)],
        [("GST 5%", 0.64), ("$72.50", 0.85)],
        [("QST 9.975%", 0.64), ("$144.64", 0.85)],
        [("Total (CAD)", 0.64), ("$1,667.14", 0.84)],
        [],
        [("Payment by Interac e-Transfer to billing@atelierboreal.ca within 30 days.", 0.06)],
    ]
    return text_layer_page(rows)


def tax_invoice_au():
    """An Australian plumber's `TAX INVOICE`: the ABN under the name, day-first dates, prices including GST,
    `Total includes GST`, payment by BSB and account number (no IBAN), AUD in dollars."""
    rows = [
        [("Harbourside Plumbing Pty Ltd", 0.06), ("TAX INVOICE", 0.72)],
        [("ABN 40 695 582 591", 0.06)],
        [("14 Parramatta Road, Annandale NSW 2038", 0.06)],
        [("Ph 02 9516 4410", 0.06)],
        [],
        [("Invoice To:", 0.06), ("Invoice No:", 0.58), ("INV-3307", 0.76)],
        [("Glebe Point Cafe", 0.06), ("Date:", 0.58), ("12/03/2024", 0.76)],
        [("88 Glebe Point Road", 0.06), ("Due Date:", 0.58), ("26/03/2024", 0.76)],
        [("Glebe NSW 2037", 0.06), ("Job No:", 0.58), ("J-1142", 0.76)],
        [],
        [("Description", 0.06), ("Qty", 0.54), ("Price", 0.64), ("Amount", 0.84)],
        [("Replace hot water unit 50L", 0.06), ("1", 0.54), ("$480.00", 0.64), ("$480.00", 0.84)],
        [("Labour (hours)", 0.06), ("1.5", 0.54), ("$80.00", 0.64), ("$120.00", 0.84)],
        [],
        [("Subtotal (excl. GST)", 0.60), ("$545.45", 0.84)],
        [("GST 10%", 0.60), ("$54.55", 0.85)],
        [("Total (incl. GST)", 0.60), ("$600.00", 0.84)],
        [("Total includes GST of $54.55", 0.60)],
        [],
        [("Payment: Direct deposit BSB 062-000 Account 1234 5678, reference INV-3307", 0.06)],
    ]
    return text_layer_page(rows)


def note_de_credit_be():
    """A Belgian supplier's `NOTE DE CRÉDIT` in French: it names the invoice it corrects, the client's
    VAT id, amounts printed positive, a refund by transfer with a structured communication (no number of
    the document), `Total TVAC`."""
    rows = [
        [("Imprimerie Delvaux SRL", 0.06)],
        [("Chaussée de Louvain 412", 0.06)],
        [("1030 Schaerbeek", 0.06)],
        [("TVA BE 0531.544.558", 0.06)],
        [],
        [("Librairie Vanderlinden SA", 0.56)],
        [("Rue des Fripiers 21", 0.56)],
        [("1000 Bruxelles", 0.56)],
        [("TVA BE 0803.639.456", 0.56)],
        [],
        [("NOTE DE CRÉDIT N° NC-2024-007", 0.06)],
        [("Date : 08/04/2024", 0.06), ("Concerne votre facture n° 2024/0188 du 14/03/2024", 0.34)],
        [],
        [("Description", 0.06), ("Quantité", 0.50), ("Prix unitaire", 0.62), ("Total HTVA", 0.82)],
        [("Catalogues A4 - exemplaires défectueux", 0.06), ("120", 0.51), ("1,85", 0.64), ("222,00", 0.83)],
        [("Frais de livraison", 0.06), ("1", 0.51), ("18,00", 0.63), ("18,00", 0.84)],
        [],
        [("Total HTVA", 0.62), ("240,00 €", 0.82)],
        [("TVA 21 %", 0.62), ("50,40 €", 0.83)],
        [("Total TVAC", 0.62), ("290,40 €", 0.82)],
        [],
        [("Ce montant sera remboursé sur votre compte avec la communication +++090/9337/55493+++.", 0.06)],
        [("BNP Paribas Fortis · IBAN BE68 5390 0754 7034 · BIC GEBABEBB", 0.06)],
    ]
    return text_layer_page(rows)


def stornorechnung_at():
    """An Austrian wholesaler's `Stornorechnung` cancelling an invoice: the amounts printed negative, the
    `UID-Nr.` of both parties (ATU), `Storno zu Rechnung Nr.` with the original's date, no payment terms."""
    rows = [
        [("Alpenholz Handels GmbH", 0.06)],
        [("Industriestraße 14 · 6020 Innsbruck", 0.06)],
        [("UID-Nr. ATU96026718 · FN 412233 k", 0.06)],
        [],
        [("Tischlerei Moser e.U.", 0.06), ("Belegnummer", 0.58), ("ST-24-0031", 0.78)],
        [("Dorfstraße 5", 0.06), ("Datum", 0.58), ("11.04.2024", 0.78)],
        [("6330 Kufstein", 0.06), ("Kunden-Nr.", 0.58), ("20455", 0.78)],
        [("UID-Nr. ATU29134371", 0.06)],
        [],
        [("Stornorechnung", 0.06)],
        [("Storno zu Rechnung Nr. RE-24-0456 vom 04.03.2024", 0.06)],
        [],
        [("Artikel", 0.06), ("Bezeichnung", 0.18), ("Menge", 0.52), ("Preis", 0.64), ("Betrag", 0.84)],
        [("EI-2040", 0.06), ("Eichenbohle 40 mm", 0.18), ("-12", 0.52), ("95,00", 0.64), ("-1.140,00", 0.82)],
        [("LF-01", 0.06), ("Lieferpauschale", 0.18), ("-1", 0.53), ("60,00", 0.64), ("-60,00", 0.84)],
        [],
        [("Summe netto", 0.60), ("-1.200,00", 0.82)],
        [("USt. 20 %", 0.60), ("-240,00", 0.83)],
        [("Gesamtbetrag EUR", 0.60), ("-1.440,00", 0.82)],
        [],
        [("Der Betrag wird Ihrem Kundenkonto gutgeschrieben.", 0.06)],
        [("Raiffeisen-Landesbank Tirol · IBAN AT85 2011 1828 3848 5865 · BIC GIBAATWWXXX", 0.06)],
    ]
    return text_layer_page(rows)


def distributor_invoice_us():
    """A US distributor's invoice: the header grid (Invoice # | Invoice Date | Customer ID | PO Number | Ship
    Date | Terms) as one row of labels over one row of values, month-first dates, `Terms 2/10 Net 30`, a
    taxable / non-taxable split, Texas sales tax on the taxable part only, freight, and a `Remit To`
    lockbox different from the letterhead."""
    rows = [
        [("LONE STAR JANITORIAL SUPPLY, INC.", 0.06), ("INVOICE", 0.80)],
        [("2201 Industrial Blvd", 0.06)],
        [("Dallas, TX 75207", 0.06)],
        [("(214) 555-0142", 0.06)],
        [],
        [("Sold To:", 0.06), ("Ship To:", 0.52)],
        [("Riverbend Medical Center", 0.06), ("Riverbend Medical Center - Dock 3", 0.52)],
        [("Accounts Payable", 0.06), ("4500 River Pkwy", 0.52)],
        [("PO Box 8812", 0.06), ("Fort Worth, TX 76116", 0.52)],
        [("Fort Worth, TX 76124", 0.06)],
        [],
        [
            ("Invoice #", 0.06),
            ("Invoice Date", 0.20),
            ("Customer ID", 0.36),
            ("PO Number", 0.50),
            ("Ship Date", 0.64),
            ("Terms", 0.80),
        ],
        [
            ("448172", 0.06),
            ("03/04/2024", 0.20),
            ("RMC-0091", 0.36),
            ("PO-77120", 0.50),
            ("03/01/2024", 0.64),
            ("2/10 Net 30", 0.80),
        ],
        [],
        [("Item", 0.06), ("Description", 0.18), ("Qty", 0.54), ("Unit Price", 0.64), ("Ext. Price", 0.84)],
        [
            ("JS-4410", 0.06),
            ("Nitrile gloves, L (case)", 0.18),
            ("20", 0.54),
            ("42.50", 0.65),
            ("850.00", 0.85),
        ],
        [
            ("JS-1022", 0.06),
            ("Floor cleaner concentrate", 0.18),
            ("6", 0.55),
            ("38.00", 0.65),
            ("228.00", 0.85),
        ],
        [
            ("JS-7700", 0.06),
            ("Hand sanitizer refill (tax exempt)", 0.18),
            ("10", 0.54),
            ("24.00", 0.65),
            ("240.00", 0.85),
        ],
        [],
        [("Taxable Subtotal", 0.60), ("1,078.00", 0.84)],
        [("Non-Taxable Subtotal", 0.60), ("240.00", 0.85)],
        [("Sales Tax 8.25%", 0.60), ("88.94", 0.85)],
        [("Freight", 0.60), ("45.00", 0.85)],
        [("TOTAL DUE", 0.60), ("1,451.94", 0.84)],
        [],
        [("Remit To: Lone Star Janitorial Supply, Inc., Lockbox 660218, Houston, TX 77266-0218", 0.06)],
        [("Late payments are subject to a 1.5% monthly service charge.", 0.06)],
    ]
    return text_layer_page(rows)


def fattura_tre_pagine_it():
    """A three-page Italian fattura from a wholesaler: each page repeats `Fattura n. 245/2024 del
    28/03/2024` and `Pagina n di 3`, the items run over the pages with `A riportare` at a page's foot and
    `Riporto` at the next page's head, the totals and the IBAN only on the last page."""
    head = [
        [("Distribuzione Alimentare Ferri S.r.l.", 0.06), ("Fattura n. 245/2024 del 28/03/2024", 0.56)],
        [("Via Emilia Est 1120 - 41122 Modena", 0.06)],
        [("P.IVA IT90176110576", 0.06)],
    ]
    table_head = [
        ("Codice", 0.06),
        ("Descrizione", 0.16),
        ("Q.tà", 0.54),
        ("Prezzo", 0.64),
        ("Importo", 0.84),
    ]
    page1 = [
        *head,
        [],
        [("Spett.le", 0.56)],
        [("Trattoria Al Portico di Bianchi Luca", 0.56)],
        [("Piazza Grande 8", 0.56)],
        [("41121 Modena", 0.56)],
        [("P.IVA IT35567460742", 0.56)],
        [],
        [("Pagina 1 di 3", 0.80)],
        table_head,
        [
            ("PAR01", 0.06),
            ("Parmigiano Reggiano 24 mesi kg", 0.16),
            ("12", 0.54),
            ("18,50", 0.64),
            ("222,00", 0.84),
        ],
        [
            ("ACE02", 0.06),
            ("Aceto balsamico IGP 500 ml", 0.16),
            ("24", 0.54),
            ("4,20", 0.65),
            ("100,80", 0.84),
        ],
        [
            ("PRO03", 0.06),
            ("Prosciutto crudo disossato kg", 0.16),
            ("8", 0.55),
            ("16,90", 0.64),
            ("135,20", 0.84),
        ],
        [
            ("LAM04", 0.06),
            ("Lambrusco Grasparossa 75 cl", 0.16),
            ("36", 0.54),
            ("5,10", 0.65),
            ("183,60", 0.84),
        ],
        [],
        [("A riportare", 0.64), ("641,60", 0.84)],
    ]
    page2 = [
        *head,
        [],
        [("Pagina 2 di 3", 0.80)],
        table_head,
        [("Riporto", 0.64), ("641,60", 0.84)],
        [("TOR05", 0.06), ("Tortellini freschi kg", 0.16), ("10", 0.54), ("14,00", 0.64), ("140,00", 0.84)],
        [("OLI06", 0.06), ("Olio extravergine 5 l", 0.16), ("4", 0.55), ("42,00", 0.64), ("168,00", 0.84)],
        [("FAR07", 0.06), ("Farina tipo 00 25 kg", 0.16), ("2", 0.55), ("19,50", 0.64), ("39,00", 0.85)],
        [("MOR08", 0.06), ("Mortadella IGP kg", 0.16), ("6", 0.55), ("11,40", 0.64), ("68,40", 0.85)],
        [],
        [("A riportare", 0.64), ("1.057,00", 0.83)],
    ]
    page3 = [
        *head,
        [],
        [("Pagina 3 di 3", 0.80)],
        table_head,
        [("Riporto", 0.64), ("1.057,00", 0.83)],
        [("CAF09", 0.06), ("Caffè in grani kg", 0.16), ("5", 0.55), ("17,60", 0.64), ("88,00", 0.85)],
        [("ACQ10", 0.06), ("Acqua minerale 6x1,5 l", 0.16), ("20", 0.54), ("2,75", 0.65), ("55,00", 0.85)],
        [],
        [("Imponibile", 0.64), ("1.200,00", 0.83)],
        [("IVA 10%", 0.64), ("120,00", 0.84)],
        [("Totale fattura", 0.64), ("1.320,00", 0.83)],
        [],
        [("Pagamento: bonifico bancario 30 gg data fattura", 0.06)],
        [("IBAN IT60 X054 2811 1010 0000 0123 456", 0.06)],
    ]
    return text_layer_pages([page1, page2, page3])


# Batch 2: written after the fixes of batch 1.


def qr_rechnung_ch():
    """A Swiss carpentry's Rechnung in German with its QR-bill payment part: the date in words (`15. März
    2024`), MWST 8.1 % with the UID, the receipt (`Empfangsschein`) and the payment part (`Zahlteil`) each
    printing `Konto / Zahlbar an` with a QR-IBAN, the QR reference (no invoice number), `Zahlbar durch` (the
    debtor) and the amount again, `Währung  Betrag` over `CHF  1 949.85`."""
    rows = [
        [("Holzbau Brunner AG", 0.06)],
        [("Bahnhofstrasse 22, 8610 Uster", 0.06)],
        [("MWST-Nr. CHE-154.161.366 MWST", 0.06)],
        [],
        [("Schreinerei Huber GmbH", 0.56)],
        [("Dorfstrasse 3", 0.56)],
        [("8620 Wetzikon", 0.56)],
        [],
        [("Uster, 15. März 2024", 0.56)],
        [],
        [("Rechnung Nr. 2024-118", 0.06)],
        [("Objekt: Dachsanierung Werkstatt, Dorfstrasse 3", 0.06)],
        [],
        [("Pos.", 0.06), ("Beschreibung", 0.12), ("Menge", 0.52), ("Preis", 0.64), ("Betrag CHF", 0.82)],
        [
            ("1", 0.06),
            ("Dachlatten Fichte 24/48 mm, lm", 0.12),
            ("800", 0.52),
            ("1.50", 0.65),
            ("1 200.00", 0.83),
        ],
        [("2", 0.06), ("Montage Zimmermann, Std.", 0.12), ("7", 0.52), ("86.25", 0.64), ("603.75", 0.84)],
        [],
        [("Total exkl. MWST", 0.56), ("1 803.75", 0.83)],
        [("MWST 8.1 %", 0.56), ("146.10", 0.84)],
        [("Total inkl. MWST", 0.56), ("1 949.85", 0.83)],
        [],
        [("Zahlbar innert 30 Tagen netto.", 0.06)],
        [],
        [("Empfangsschein", 0.06), ("Zahlteil", 0.34), ("Konto / Zahlbar an", 0.62)],
        [("Konto / Zahlbar an", 0.06), ("CH44 3199 9123 0008 8901 2", 0.62)],
        [("CH44 3199 9123 0008 8901 2", 0.06), ("Holzbau Brunner AG", 0.62)],
        [("Holzbau Brunner AG", 0.06), ("Bahnhofstrasse 22", 0.62)],
        [("Bahnhofstrasse 22", 0.06), ("8610 Uster", 0.62)],
        [("8610 Uster", 0.06), ("Referenz", 0.62)],
        [("Referenz", 0.06), ("21 00000 00003 13947 14300 09017", 0.62)],
        [("21 00000 00003 13947 14300 09017", 0.06), ("Zahlbar durch", 0.62)],
        [("Zahlbar durch", 0.06), ("Schreinerei Huber GmbH", 0.62)],
        [("Schreinerei Huber GmbH", 0.06), ("Dorfstrasse 3", 0.62)],
        [("Dorfstrasse 3, 8620 Wetzikon", 0.06), ("8620 Wetzikon", 0.62)],
        [("Währung", 0.06), ("Betrag", 0.16), ("Währung", 0.34), ("Betrag", 0.44)],
        [("CHF", 0.06), ("1 949.85", 0.16), ("CHF", 0.34), ("1 949.85", 0.44)],
        [("Annahmestelle", 0.20)],
    ]
    return text_layer_page(rows)


def rechnung_irish_vendor_de():
    """An Irish-registered software company's Rechnung in German to a German law firm: English number
    format (`€2,450.00`) on a German page, the date in words (`3. April 2024`), reverse charge
    (`Steuerschuldnerschaft des Leistungsempfängers`) with both VAT ids, the IE bank account."""
    rows = [
        [("Greenfield Analytics Ltd", 0.06)],
        [("2 Grand Canal Square, Dublin 2, D02 A342, Ireland", 0.06)],
        [("VAT No. IE6590573W", 0.06)],
        [],
        [("Kanzlei Weber & Partner mbB", 0.06)],
        [("Friedrichstraße 88", 0.06)],
        [("10117 Berlin", 0.06)],
        [("USt-IdNr. DE200958794", 0.06)],
        [],
        [("Rechnung", 0.06)],
        [("Rechnungsnummer:", 0.06), ("GA-DE-2024-0142", 0.28)],
        [("Rechnungsdatum:", 0.06), ("3. April 2024", 0.28)],
        [("Leistungszeitraum:", 0.06), ("April 2024 - März 2025", 0.28)],
        [("Fällig am:", 0.06), ("3. Mai 2024", 0.28)],
        [],
        [("Beschreibung", 0.06), ("Menge", 0.54), ("Einzelpreis", 0.64), ("Betrag", 0.84)],
        [
            ("Jahreslizenz LexAnalytics Pro (5 Nutzer)", 0.06),
            ("5", 0.55),
            ("€390.00", 0.64),
            ("€1,950.00", 0.83),
        ],
        [("Einrichtung und Schulung", 0.06), ("1", 0.55), ("€500.00", 0.64), ("€500.00", 0.84)],
        [],
        [("Nettobetrag", 0.62), ("€2,450.00", 0.83)],
        [("USt. 0 %", 0.62), ("€0.00", 0.85)],
        [("Gesamtbetrag", 0.62), ("€2,450.00", 0.83)],
        [],
        [("Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, Art. 196 MwStSystRL).", 0.06)],
        [("Bankverbindung: AIB, IBAN IE29 AIBK 9311 5212 3456 78, BIC AIBKIE2D", 0.06)],
    ]
    return text_layer_page(rows)


def factura_inversion_sujeto_pasivo_es():
    """A Spanish subcontractor's factura for building work under the reverse charge (`Inversión del sujeto
    pasivo`, art. 84.Uno.2º f LIVA): no IVA charged, the date in words (`3 de abril de 2024`), the
    certification of work as its items, `Vencimiento` and the client's NIF."""
    rows = [
        [("INSTALACIONES ELÉCTRICAS NAVARRO S.L.", 0.06)],
        [("C/ Mayor 14, 30001 Murcia", 0.06)],
        [("NIF: B15262157", 0.06)],
        [],
        [("Cliente:", 0.56)],
        [("CONSTRUCCIONES LEVANTE SUR S.A.", 0.56)],
        [("Avda. Juan Carlos I 58", 0.56)],
        [("30009 Murcia", 0.56)],
        [("NIF: A30012348", 0.56)],
        [],
        [("FACTURA Nº 2024/047", 0.06)],
        [("Murcia, 3 de abril de 2024", 0.06)],
        [("Obra: Edificio Residencial Las Palmeras, fase 2", 0.06)],
        [],
        [("Concepto", 0.06), ("Medición", 0.52), ("Precio", 0.64), ("Importe", 0.84)],
        [("Instalación eléctrica viviendas (ud)", 0.06), ("12", 0.53), ("580,00", 0.64), ("6.960,00", 0.83)],
        [("Cuadros de zonas comunes (ud)", 0.06), ("2", 0.53), ("720,00", 0.64), ("1.440,00", 0.83)],
        [],
        [("Base imponible", 0.60), ("8.400,00 €", 0.82)],
        [("IVA", 0.60), ("Inversión del sujeto pasivo", 0.72)],
        [("TOTAL FACTURA", 0.60), ("8.400,00 €", 0.82)],
        [],
        [
            (
                "Operación con inversión del sujeto pasivo conforme al art. 84.Uno.2º f) "
                "de la Ley 37/1992 del IVA.",
                0.06,
            )
        ],
        [("Vencimiento: 03/05/2024 - Transferencia a ES91 2100 0418 4502 0005 1332", 0.06)],
    ]
    return text_layer_page(rows)


def fattura_inversione_contabile_it():
    """An Italian plumbing subcontractor's fattura under `inversione contabile` (art. 17 c. 6 lett. a DPR
    633/72): the VAT column prints the nature code `N6.3` instead of a rate, `Imponibile` and `Totale
    documento` equal, the date in words (`3 aprile 2024`), `Scadenza` and the IBAN."""
    rows = [
        [("Idraulica Martini di Martini Paolo", 0.06)],
        [("Via Roma 77 - 25121 Brescia", 0.06)],
        [("P.IVA 26577610780", 0.06), ("C.F. MRTPLA70A01B157F", 0.34)],
        [],
        [("Spett.le", 0.56)],
        [("Edil Lombarda S.p.A.", 0.56)],
        [("Via Milano 140", 0.56)],
        [("25126 Brescia", 0.56)],
        [("P.IVA 35567460742", 0.56)],
        [],
        [("FATTURA N. 18", 0.06), ("del 3 aprile 2024", 0.30)],
        [("Cantiere: via Solferino 12, Brescia", 0.06)],
        [],
        [("Descrizione", 0.06), ("Q.tà", 0.50), ("Prezzo", 0.60), ("IVA", 0.72), ("Importo", 0.84)],
        [
            ("Impianto idrico appartamenti", 0.06),
            ("8", 0.50),
            ("550,00", 0.60),
            ("N6.3", 0.72),
            ("4.400,00", 0.83),
        ],
        [
            ("Allacciamenti e collaudo", 0.06),
            ("1", 0.50),
            ("1.200,00", 0.59),
            ("N6.3", 0.72),
            ("1.200,00", 0.83),
        ],
        [],
        [("Imponibile", 0.60), ("5.600,00", 0.83)],
        [("IVA", 0.60), ("0,00", 0.85)],
        [("Totale documento", 0.60), ("5.600,00", 0.83)],
        [],
        [
            (
                "Operazione soggetta a inversione contabile ai sensi dell'art. 17 c. 6 lett. a) DPR 633/72.",
                0.06,
            )
        ],
        [("Scadenza: 03/05/2024 - Bonifico bancario IBAN IT25 O030 6909 6061 0000 0012 345", 0.06)],
    ]
    return text_layer_page(rows)


def facture_autoliquidation_fr():
    """A French subcontractor's facture on building work under the reverse charge (`Autoliquidation`, art.
    283-2 nonies du CGI): TVA due by the main contractor, the date in words (`le 3 avril 2024`), SIRET
    and the vendor's VAT id, a retention of 5 % guarantee (`Retenue de garantie`) before `Net à payer`."""
    rows = [
        [("CARRELAGES DU RHÔNE SAS", 0.06)],
        [("17 avenue Jean Jaurès - 69007 Lyon", 0.06)],
        [("SIRET 571 486 323 00021 - TVA FR83571486323", 0.06)],
        [],
        [("BÂTIR ENSEMBLE SARL", 0.56)],
        [("Service comptabilité fournisseurs", 0.56)],
        [("8 rue Garibaldi", 0.56)],
        [("69006 Lyon", 0.56)],
        [],
        [("Lyon, le 3 avril 2024", 0.56)],
        [("FACTURE N° 2024-0412", 0.06)],
        [("Chantier : Résidence Les Tilleuls - lot carrelage", 0.06)],
        [],
        [("Désignation", 0.06), ("Qté", 0.50), ("P.U. HT", 0.60), ("Total HT", 0.82)],
        [("Carrelage grès cérame 60x60 posé (m²)", 0.06), ("210", 0.50), ("45,00", 0.60), ("9 450,00", 0.82)],
        [("Plinthes assorties posées (ml)", 0.06), ("250", 0.50), ("12,00", 0.60), ("3 000,00", 0.82)],
        [],
        [("Total HT", 0.60), ("12 450,00 €", 0.80)],
        [("TVA autoliquidée", 0.60), ("0,00 €", 0.83)],
        [("Total TTC", 0.60), ("12 450,00 €", 0.80)],
        [("Retenue de garantie 5 %", 0.60), ("- 622,50 €", 0.81)],
        [("Net à payer", 0.60), ("11 827,50 €", 0.80)],
        [],
        [("Autoliquidation : TVA due par le preneur, article 283-2 nonies du CGI.", 0.06)],
        [("Échéance : 3 mai 2024 - Virement IBAN FR76 3000 4008 2100 0123 4560 186", 0.06)],
    ]
    return text_layer_page(rows)


def creditfactuur_negatief_nl():
    """A Dutch wholesaler's `Creditfactuur` with its amounts printed negative (`€ -125,00`), its own
    number (`Creditfactuurnummer`) beside the invoice it credits (`Betreft factuur`), BTW 21 %, a refund
    sentence, KvK and BTW-nummer in the footer."""
    rows = [
        [("Groothandel De Vries B.V.", 0.06)],
        [("Industrieweg 31", 0.06)],
        [("3542 AD Utrecht", 0.06)],
        [],
        [("Fietsenwinkel Jansen", 0.06)],
        [("t.a.v. de heer P. Jansen", 0.06)],
        [("Oudegracht 112", 0.06)],
        [("3511 AX Utrecht", 0.06)],
        [],
        [("CREDITFACTUUR", 0.06)],
        [("Creditfactuurnummer:", 0.06), ("CF-2024-0019", 0.30), ("Datum:", 0.56), ("9 april 2024", 0.66)],
        [("Betreft factuur:", 0.06), ("F-2024-0311", 0.30), ("Klantnummer:", 0.56), ("D-1187", 0.70)],
        [],
        [("Omschrijving", 0.06), ("Aantal", 0.50), ("Prijs", 0.62), ("Bedrag", 0.84)],
        [("Retour: fietsbel chroom", 0.06), ("-25", 0.51), ("€ 3,00", 0.62), ("€ -75,00", 0.82)],
        [("Creditering transportschade", 0.06), ("-1", 0.52), ("€ 50,00", 0.62), ("€ -50,00", 0.82)],
        [],
        [("Subtotaal", 0.62), ("€ -125,00", 0.82)],
        [("BTW 21%", 0.62), ("€ -26,25", 0.83)],
        [("Totaal", 0.62), ("€ -151,25", 0.82)],
        [],
        [("Het bedrag wordt binnen 14 dagen teruggestort op uw rekening.", 0.06)],
        [],
        [("KvK 30123456 · BTW NL122027887B01 · IBAN NL81 RABO 0312 3456 78", 0.06)],
    ]
    return text_layer_page(rows)


def jaarafrekening_energie_nl():
    """A Dutch energy supplier's annual statement (`Jaarafrekening`): the period `01-03-2023 t/m
    29-02-2024` beside the invoice date in words, costs per product with BTW, the monthly advances already
    paid subtracted (`Betaalde termijnbedragen`), `Te betalen`, a direct debit on a date, the customer's
    number and the meter's EAN code."""
    rows = [
        [("Windkracht Energie B.V.", 0.06)],
        [("Postbus 1207, 3500 BE Utrecht", 0.06)],
        [],
        [("Mevrouw S. de Boer", 0.06), ("Factuurnummer", 0.56), ("7720145532", 0.78)],
        [("Lindenlaan 4", 0.06), ("Factuurdatum", 0.56), ("15 maart 2024", 0.78)],
        [("3941 BK Doorn", 0.06), ("Klantnummer", 0.56), ("401 228 730", 0.78)],
        [("Periode", 0.56), ("01-03-2023 t/m 29-02-2024", 0.72)],
        [],
        [("Jaarafrekening", 0.06)],
        [("EAN-code 871687400001234567", 0.06)],
        [],
        [("Omschrijving", 0.06), ("Verbruik", 0.48), ("Bedrag excl. btw", 0.72)],
        [("Levering stroom", 0.06), ("2.840 kWh", 0.48), ("€ 722,12", 0.78)],
        [("Levering gas", 0.06), ("1.105 m³", 0.48), ("€ 901,45", 0.78)],
        [("Vaste leveringskosten", 0.06), ("12 mnd", 0.48), ("€ 86,40", 0.79)],
        [("Vermindering energiebelasting", 0.06), ("€ -543,06", 0.77)],
        [],
        [("Totaal excl. btw", 0.56), ("€ 1.166,91", 0.77)],
        [("Btw 21%", 0.56), ("€ 245,05", 0.78)],
        [("Totaal incl. btw", 0.56), ("€ 1.411,96", 0.77)],
        [("Betaalde termijnbedragen", 0.56), ("€ -1.200,00", 0.76)],
        [("Te betalen", 0.56), ("€ 211,96", 0.78)],
        [],
        [
            (
                "Wij schrijven dit bedrag op of na 29 maart 2024 af van uw rekening NL** INGB **** **** 42.",
                0.06,
            )
        ],
        [],
        [("Windkracht Energie B.V. · KvK 30211548 · BTW NL469541283B01 · IBAN NL91 ABNA 0417 1643 00", 0.06)],
    ]
    return text_layer_page(rows)


def invoice_uk_day_first():
    """A UK consultancy's invoice with all-numeric day-first dates (`03/04/2024` is 3 April), a VAT
    registration number, a sort code and account number (no IBAN), `Payment due within 30 days`."""
    rows = [
        [("Ashworth & Kemp Consulting Ltd", 0.06), ("INVOICE", 0.80)],
        [("Suite 4, 18 King Street", 0.06)],
        [("Manchester M2 4LQ", 0.06)],
        [("VAT Reg No. GB 916 4479 46", 0.06)],
        [],
        [("Invoice to:", 0.06), ("Invoice No.", 0.58), ("AK-0731", 0.78)],
        [("Pennine Foods Ltd", 0.06), ("Invoice Date", 0.58), ("03/04/2024", 0.78)],
        [("Unit 7, Calder Park", 0.06), ("Due Date", 0.58), ("03/05/2024", 0.78)],
        [("Wakefield WF2 7AW", 0.06), ("Your Ref.", 0.58), ("PF-PO-5521", 0.78)],
        [],
        [("Description", 0.06), ("Days", 0.56), ("Rate", 0.66), ("Net", 0.86)],
        [("Supply chain review, March 2024", 0.06), ("6", 0.56), ("£750.00", 0.66), ("£4,500.00", 0.84)],
        [("Travel expenses (at cost)", 0.06), ("", 0.56), ("", 0.66), ("£212.40", 0.86)],
        [],
        [("Net total", 0.62), ("£4,712.40", 0.84)],
        [("VAT @ 20%", 0.62), ("£942.48", 0.85)],
        [("Total due", 0.62), ("£5,654.88", 0.84)],
        [],
        [("Payment due within 30 days. Bank: Barclays, Sort Code 20-45-77, Account 53184092.", 0.06)],
        [("Registered in England and Wales No. 09876543.", 0.06)],
    ]
    return text_layer_page(rows)


# Batch 3: written after the fixes of batch 2.


def angebot_de():
    """A German kitchen studio's `Angebot` (a quote): its own number and a validity date (`Gültig bis`),
    no payment asked; a clerk files it, never books it as an invoice."""
    rows = [
        [("Küchenstudio Lehmann GmbH", 0.06)],
        [("Marktplatz 4 · 97070 Würzburg", 0.06)],
        [],
        [("Küchenstudio Lehmann GmbH · Marktplatz 4 · 97070 Würzburg", 0.06)],
        [("Frau", 0.06), ("Angebotsnummer", 0.58), ("AN-2024-0233", 0.78)],
        [("Claudia Richter", 0.06), ("Datum", 0.58), ("18.03.2024", 0.78)],
        [("Sanderstraße 12", 0.06), ("Gültig bis", 0.58), ("17.04.2024", 0.78)],
        [("97070 Würzburg", 0.06), ("Kundennummer", 0.58), ("K-5512", 0.78)],
        [],
        [("Angebot", 0.06)],
        [("Sehr geehrte Frau Richter, gerne bieten wir Ihnen an:", 0.06)],
        [],
        [("Pos.", 0.06), ("Bezeichnung", 0.12), ("Menge", 0.54), ("Einzelpreis", 0.64), ("Gesamt", 0.84)],
        [
            ("1", 0.06),
            ("Einbauküche Modell Linea, 4,2 m", 0.12),
            ("1", 0.55),
            ("8.900,00", 0.64),
            ("8.900,00", 0.83),
        ],
        [
            ("2", 0.06),
            ("Geschirrspüler vollintegriert", 0.12),
            ("1", 0.55),
            ("749,00", 0.65),
            ("749,00", 0.84),
        ],
        [("3", 0.06), ("Montage und Anschluss", 0.12), ("1", 0.55), ("651,00", 0.65), ("651,00", 0.84)],
        [],
        [("Nettobetrag", 0.60), ("10.300,00 €", 0.82)],
        [("zzgl. 19 % MwSt.", 0.60), ("1.957,00 €", 0.83)],
        [("Angebotssumme", 0.60), ("12.257,00 €", 0.82)],
        [],
        [("Bei Auftragserteilung 30 % Anzahlung, Rest nach Montage.", 0.06)],
        [("Sparkasse Mainfranken · IBAN DE61 7605 0101 0012 3456 78 · USt-IdNr. DE879976249", 0.06)],
    ]
    return text_layer_page(rows)


def proforma_invoice_us():
    """A US machine builder's `PROFORMA INVOICE` for an export order (to be paid before shipment):
    Incoterms, a validity, the buyer's PO; it asks for prepayment but is no invoice to book."""
    rows = [
        [("PRECISION FLOW SYSTEMS, LLC", 0.06), ("PROFORMA INVOICE", 0.66)],
        [("880 Commerce Drive", 0.06), ("Proforma No.", 0.66), ("PF-24-0117", 0.82)],
        [("Greenville, SC 29607, USA", 0.06), ("Date", 0.66), ("March 20, 2024", 0.82)],
        [("EIN 57-1234567", 0.06), ("Valid until", 0.66), ("April 19, 2024", 0.82)],
        [],
        [("Buyer:", 0.06), ("Ship to:", 0.52)],
        [("Maschinenbau Vogt GmbH", 0.06), ("Maschinenbau Vogt GmbH, Werk 2", 0.52)],
        [("Gewerbestraße 11", 0.06), ("Am Hafen 3", 0.52)],
        [("73431 Aalen, Germany", 0.06), ("73430 Aalen, Germany", 0.52)],
        [("VAT ID DE879976249", 0.06)],
        [],
        [("Customer PO: 4500098812", 0.06), ("Incoterms 2020: FCA Greenville", 0.52)],
        [],
        [("Item", 0.06), ("Description", 0.16), ("Qty", 0.56), ("Unit Price", 0.66), ("Amount", 0.86)],
        [
            ("1", 0.06),
            ("Gear pump GP-40, stainless", 0.16),
            ("4", 0.56),
            ("2,350.00", 0.66),
            ("9,400.00", 0.85),
        ],
        [("2", 0.06), ("Seal kit GP-40", 0.16), ("8", 0.56), ("85.00", 0.67), ("680.00", 0.86)],
        [],
        [("Subtotal", 0.66), ("10,080.00", 0.85)],
        [("Export packing", 0.66), ("220.00", 0.86)],
        [("TOTAL USD", 0.66), ("10,300.00", 0.85)],
        [],
        [("Terms: 100% prepayment by wire transfer before shipment.", 0.06)],
        [("This proforma invoice is not a demand for payment for tax purposes.", 0.06)],
    ]
    return text_layer_page(rows)


def bolletta_telecom_it():
    """An Italian fixed-line operator's `Fattura` (a bolletta): the billing period beside the issue date,
    `Codice cliente` and `Numero fattura`, costs per section, `Totale da pagare`, the debit to the
    customer's account on a date (`Addebito su conto corrente il ...`), VAT 22 %."""
    rows = [
        [("FibraViva S.p.A.", 0.06)],
        [("Via Tortona 33 - 20144 Milano", 0.06)],
        [("P.IVA IT90176110576", 0.06)],
        [],
        [("Intestatario:", 0.06), ("Numero fattura", 0.56), ("W2404118392", 0.76)],
        [("Giulia Ferrara", 0.06), ("Data emissione", 0.56), ("05/04/2024", 0.76)],
        [("Via Nizza 48", 0.06), ("Codice cliente", 0.56), ("1.20455871", 0.76)],
        [("10126 Torino", 0.06), ("Periodo", 0.56), ("01/03/2024 - 31/03/2024", 0.76)],
        [],
        [("Riepilogo importi", 0.06)],
        [("Voce", 0.06), ("Importo", 0.82)],
        [("Canone Fibra 1 Giga - marzo", 0.06), ("22,87", 0.83)],
        [("Opzione chiamate illimitate", 0.06), ("3,28", 0.84)],
        [("Noleggio modem", 0.06), ("2,05", 0.84)],
        [],
        [("Totale imponibile", 0.56), ("28,20", 0.83)],
        [("IVA 22%", 0.56), ("6,20", 0.84)],
        [("Totale da pagare", 0.56), ("34,40 €", 0.82)],
        [],
        [("Addebito su conto corrente il 20/04/2024 (IBAN IT** **** **** **** **** ***4 321).", 0.06)],
    ]
    return text_layer_page(rows)


def factura_luz_es():
    """A Spanish electricity supplier's `Factura de electricidad`: `Nº factura`, `Fecha emisión`, the
    billing period in words (`del 1 de febrero al 29 de febrero de 2024`), power and energy terms, the
    electricity tax and the meter rental before IVA 10 %, `Total importe factura`, the debit date
    (`Fecha de cargo`) to the customer's masked account."""
    rows = [
        [("ENERGÍA SOLAR DEL SUR S.L.", 0.06)],
        [("C/ Betis 45, 41010 Sevilla - CIF B55258792", 0.06)],
        [],
        [("Titular del contrato:", 0.06), ("Nº factura:", 0.56), ("FE24-0098812", 0.72)],
        [("Antonio Ruiz Morales", 0.06), ("Fecha emisión:", 0.56), ("06/03/2024", 0.72)],
        [("C/ Feria 120, 2º B", 0.06), ("Fecha de cargo:", 0.56), ("20/03/2024", 0.72)],
        [("41003 Sevilla", 0.06), ("Contrato:", 0.56), ("C-4410092", 0.72)],
        [],
        [("Periodo de facturación: del 1 de febrero al 29 de febrero de 2024 (29 días)", 0.06)],
        [],
        [("Concepto", 0.06), ("Cálculo", 0.40), ("Importe", 0.84)],
        [("Término de potencia", 0.06), ("4,6 kW x 29 días x 0,0831 €/kW día", 0.40), ("11,09 €", 0.83)],
        [("Término de energía", 0.06), ("312 kWh x 0,1420 €/kWh", 0.40), ("44,30 €", 0.83)],
        [("Impuesto sobre electricidad", 0.06), ("5,11%", 0.40), ("2,83 €", 0.84)],
        [("Alquiler de contador", 0.06), ("29 días x 0,0266 €/día", 0.40), ("0,77 €", 0.84)],
        [],
        [("Base imponible", 0.56), ("58,99 €", 0.83)],
        [("IVA 10%", 0.56), ("5,90 €", 0.84)],
        [("TOTAL IMPORTE FACTURA", 0.56), ("64,89 €", 0.83)],
        [],
        [("Se cargará en su cuenta ES** **** **** **** **** 4471 en la fecha de cargo indicada.", 0.06)],
    ]
    return text_layer_page(rows)


def facture_quebec_fr():
    """A Québec caterer's facture in French: `TPS` and `TVQ` with their registration numbers, CAD in
    dollars with a decimal comma (`1 250,00 $`), dates as `2024-03-22`, `Payable sur réception`."""
    rows = [
        [("Traiteur Les Saveurs du Plateau inc.", 0.06)],
        [("1450, rue Rachel Est, Montréal (Québec) H2J 2K1", 0.06)],
        [("TPS : 045977204 RT0001", 0.06), ("TVQ : 1228899771 TQ0001", 0.40)],
        [],
        [("FACTURE", 0.06), ("No de facture :", 0.56), ("T-2024-311", 0.76)],
        [("Facturé à :", 0.06), ("Date :", 0.56), ("2024-03-22", 0.76)],
        [("Cabinet Tremblay avocats S.E.N.C.R.L.", 0.06)],
        [("600, boul. de Maisonneuve Ouest", 0.06)],
        [("Montréal (Québec) H3A 3J2", 0.06)],
        [],
        [("Description", 0.06), ("Qté", 0.54), ("Prix unitaire", 0.64), ("Montant", 0.84)],
        [("Buffet froid - réunion annuelle", 0.06), ("50", 0.54), ("25,00 $", 0.64), ("1 250,00 $", 0.82)],
        [("Service (2 serveurs x 4 h)", 0.06), ("8", 0.55), ("32,50 $", 0.64), ("260,00 $", 0.84)],
        [],
        [("Sous-total", 0.62), ("1 510,00 $", 0.82)],
        [("TPS (5 %)", 0.62), ("75,50 $", 0.84)],
        [("TVQ (9,975 %)", 0.62), ("150,62 $", 0.83)],
        [("Total", 0.62), ("1 736,12 $", 0.82)],
        [],
        [("Payable sur réception. Merci de votre confiance!", 0.06)],
    ]
    return text_layer_page(rows)


def quittung_de():
    """A German craftsman's `Quittung` for cash paid on the spot: `Betrag dankend erhalten`, the VAT
    contained in the gross (`darin enthaltene MwSt.`), the payer named (`von Herrn ...`), no due date."""
    rows = [
        [("Schlüsseldienst Krause", 0.06)],
        [("Inh. Detlef Krause · Lange Reihe 9 · 20099 Hamburg", 0.06)],
        [("Steuernummer 43/123/45678", 0.06)],
        [],
        [("QUITTUNG Nr. 0417", 0.06)],
        [("Hamburg, den 22.03.2024", 0.06)],
        [],
        [("Türöffnung Notdienst, Wohnung 3. OG", 0.06), ("95,00 €", 0.82)],
        [("Anfahrt", 0.06), ("24,00 €", 0.82)],
        [],
        [("Gesamtbetrag", 0.56), ("119,00 €", 0.81)],
        [("darin enthaltene MwSt. 19 %", 0.56), ("19,00 €", 0.82)],
        [("Nettobetrag", 0.56), ("100,00 €", 0.81)],
        [],
        [("Betrag in bar dankend erhalten von Herrn Moritz Hansen, Lange Reihe 30, 20099 Hamburg.", 0.06)],
    ]
    return text_layer_page(rows)


def two_page_invoice_uk():
    """A two-page UK wholesaler's invoice: the page head repeats the invoice number and `Page 1 of 2`, the
    items run over the page break with `Carried forward` and `Brought forward`, the VAT analysis and the
    totals on page 2."""
    head = [
        [("Thornbury Catering Supplies Ltd", 0.06), ("INVOICE", 0.80)],
        [("Unit 12, Avonmouth Way, Bristol BS11 9HX", 0.06)],
        [("VAT Reg. No. GB 475 2218 88", 0.06), ("Invoice No. TCS-118204", 0.56)],
    ]
    columns = [("Code", 0.06), ("Description", 0.16), ("Qty", 0.56), ("Price", 0.66), ("Net", 0.86)]
    page1 = [
        *head,
        [("Date / Tax point: 21/03/2024", 0.56)],
        [],
        [("Invoice to:", 0.06)],
        [("The Old Mill Bistro", 0.06)],
        [("3 Mill Lane", 0.06)],
        [("Bath BA2 4JP", 0.06)],
        [],
        [("Page 1 of 2", 0.80)],
        columns,
        [("CS100", 0.06), ("Chef knife 8in", 0.16), ("4", 0.56), ("24.50", 0.66), ("98.00", 0.86)],
        [("CS210", 0.06), ("Gastronorm pan 1/1", 0.16), ("10", 0.56), ("18.20", 0.66), ("182.00", 0.85)],
        [("CS305", 0.06), ("Chopping board set", 0.16), ("3", 0.56), ("42.00", 0.66), ("126.00", 0.85)],
        [],
        [("Carried forward", 0.66), ("406.00", 0.85)],
    ]
    page2 = [
        *head,
        [],
        [("Page 2 of 2", 0.80)],
        columns,
        [("Brought forward", 0.66), ("406.00", 0.85)],
        [("CS412", 0.06), ("Blue roll (case of 6)", 0.16), ("5", 0.56), ("15.60", 0.66), ("78.00", 0.86)],
        [("CS520", 0.06), ("Food probe thermometer", 0.16), ("2", 0.56), ("33.00", 0.66), ("66.00", 0.86)],
        [],
        [("Goods total", 0.66), ("550.00", 0.85)],
        [("VAT 20%", 0.66), ("110.00", 0.85)],
        [("Invoice total", 0.66), ("660.00", 0.85)],
        [],
        [("Terms: 30 days from invoice date. Sort code 40-11-62, account 71552901.", 0.06)],
    ]
    return text_layer_pages([page1, page2])


def usage_invoice_us():
    """A US communications platform's monthly invoice: usage rows priced to four decimals (`$0.0079` per
    message), the billing period beside the invoice date, sales tax of one state on part of the charges,
    `Amount Due` and an autopay note naming a card and a date."""
    rows = [
        [("Relaywave, Inc.", 0.06)],
        [("500 Howard Street, Suite 400", 0.06)],
        [("San Francisco, CA 94105", 0.06)],
        [],
        [("INVOICE", 0.06)],
        [("Bill to", 0.06), ("Invoice number", 0.56), ("RW-8841-0324", 0.76)],
        [("Bluebird Dental Group", 0.06), ("Invoice date", 0.56), ("April 1, 2024", 0.76)],
        [("1200 Pearl Street", 0.06), ("Billing period", 0.56), ("Mar 1 - Mar 31, 2024", 0.76)],
        [("Boulder, CO 80302", 0.06), ("Account ID", 0.56), ("AC7733120", 0.76)],
        [],
        [("Product", 0.06), ("Usage", 0.46), ("Unit price", 0.62), ("Amount", 0.84)],
        [("Programmable SMS - US", 0.06), ("18,420", 0.46), ("$0.0079", 0.62), ("$145.52", 0.84)],
        [("Phone numbers (local)", 0.06), ("6", 0.46), ("$1.15", 0.62), ("$6.90", 0.85)],
        [("Voice minutes - inbound", 0.06), ("2,310", 0.46), ("$0.0085", 0.62), ("$19.64", 0.84)],
        [],
        [("Subtotal", 0.62), ("$172.06", 0.84)],
        [("Colorado sales tax (2.9% on $6.90)", 0.46), ("$0.20", 0.85)],
        [("Total", 0.62), ("$172.26", 0.84)],
        [("Amount Due", 0.62), ("$172.26", 0.84)],
        [],
        [("Autopay: this amount will be charged to Visa ending 4242 on April 8, 2024.", 0.06)],
    ]
    return text_layer_page(rows)


def gutschrift_self_billing_de():
    """A self-billed invoice (`Gutschrift` under § 14 Abs. 2 UStG): a scrap-metal recycler buys copper from
    an electrician and issues the document himself, letterhead and number his; the supplier, who sells
    and is paid, is the addressee, with his own VAT id. EN 16931 names the supplier the seller (type 389,
    self-billed invoice): the vendor is the addressee and the document is an invoice, not a credit note."""
    rows = [
        [("Metallrecycling Otto GmbH & Co. KG", 0.06)],
        [("Hafenstraße 40 · 28217 Bremen", 0.06)],
        [("USt-IdNr. DE200958794", 0.06)],
        [],
        [("Elektro Brinkmann e.K.", 0.06), ("Gutschrift-Nr.", 0.58), ("GS-24-00871", 0.76)],
        [("Am Deich 7", 0.06), ("Datum", 0.58), ("25.03.2024", 0.76)],
        [("28759 Bremen", 0.06), ("Lieferanten-Nr.", 0.58), ("L-3390", 0.76)],
        [("Ihre USt-IdNr. DE879976249", 0.06)],
        [],
        [("Gutschrift", 0.06)],
        [("Abrechnung im Gutschriftsverfahren gemäß § 14 Abs. 2 UStG", 0.06)],
        [],
        [("Material", 0.06), ("Gewicht kg", 0.50), ("Preis/kg", 0.64), ("Betrag", 0.84)],
        [("Kupferkabel blank", 0.06), ("142,0", 0.50), ("6,50", 0.65), ("923,00", 0.84)],
        [("Messing gemischt", 0.06), ("58,0", 0.51), ("3,90", 0.65), ("226,20", 0.84)],
        [],
        [("Nettobetrag", 0.60), ("1.149,20 €", 0.82)],
        [("Steuerschuldnerschaft des Leistungsempfängers (§ 13b UStG)", 0.06)],
        [("Auszahlungsbetrag", 0.60), ("1.149,20 €", 0.82)],
        [],
        [("Der Betrag wird bis zum 04.04.2024 auf Ihr Konto DE61 7605 0101 0012 3456 78 überwiesen.", 0.06)],
    ]
    return text_layer_page(rows)


# Batch 4: written after the fixes of batch 3.


def honorarnote_at():
    """A Viennese lawyer's `HONORARNOTE` under the tariff act: services with their tariff posts, the
    `Einheitssatz`, 20 % USt on the fees, then cash outlays outside VAT (`Barauslagen`) before the total,
    the date in words (`am 8. April 2024`), `zahlbar binnen 14 Tagen`."""
    rows = [
        [("Dr. Markus Gruber", 0.06)],
        [("Rechtsanwalt", 0.06)],
        [("Wipplingerstraße 12, 1010 Wien", 0.06)],
        [("UID: ATU81154992", 0.06)],
        [],
        [("Bauträger Steinhof GmbH", 0.06)],
        [("z.H. Herrn Ing. Peter Wallner", 0.06)],
        [("Ottakringer Straße 20", 0.06)],
        [("1160 Wien", 0.06)],
        [],
        [("Wien, am 8. April 2024", 0.56)],
        [],
        [("HONORARNOTE Nr. 2024/0187", 0.06)],
        [("betreffend: Steinhof ./. Huber, Mietrechtssache", 0.06)],
        [],
        [("Leistung", 0.06), ("Betrag", 0.84)],
        [("Klage vom 12.02.2024 (TP 3A)", 0.06), ("1.240,00", 0.83)],
        [("Tagsatzung vom 14.03.2024, 2 Std. (TP 3A)", 0.06), ("860,00", 0.84)],
        [("Einheitssatz 50 %", 0.06), ("1.050,00", 0.83)],
        [],
        [("Summe Leistungen", 0.56), ("3.150,00", 0.83)],
        [("20 % USt", 0.56), ("630,00", 0.84)],
        [("Barauslagen (Pauschalgebühr, ust-frei)", 0.40), ("398,00", 0.84)],
        [("Gesamtbetrag", 0.56), ("4.178,00", 0.83)],
        [],
        [("Zahlbar binnen 14 Tagen auf das Konto IBAN AT79 2011 1000 1234 5678 bei der Erste Bank.", 0.06)],
    ]
    return text_layer_page(rows)


def factura_igic_es():
    """A Canary Islands supplier's factura with IGIC 7 % (the islands' indirect tax instead of IVA), `Forma
    de pago: Transferencia 30 días`, the client's CIF."""
    rows = [
        [("SUMINISTROS ATLÁNTICO CANARIAS S.L.", 0.06)],
        [("C/ León y Castillo 210, 35004 Las Palmas de Gran Canaria", 0.06)],
        [("CIF: B37083706", 0.06)],
        [],
        [("HOTEL PLAYA DORADA S.A.", 0.56)],
        [("Avda. de Tirajana 5", 0.56)],
        [("35100 Maspalomas", 0.56)],
        [("CIF: A30012348", 0.56)],
        [],
        [("FACTURA", 0.06)],
        [("Número:", 0.06), ("A-2024-0355", 0.20)],
        [("Fecha:", 0.06), ("12/04/2024", 0.20)],
        [("Forma de pago:", 0.06), ("Transferencia 30 días", 0.20)],
        [],
        [("Descripción", 0.06), ("Cantidad", 0.50), ("Precio", 0.64), ("Importe", 0.84)],
        [("Toallas de baño 70x140", 0.06), ("200", 0.51), ("6,50", 0.65), ("1.300,00", 0.83)],
        [("Sábanas 150 cm", 0.06), ("120", 0.51), ("9,80", 0.65), ("1.176,00", 0.83)],
        [],
        [("Base imponible", 0.60), ("2.476,00 €", 0.82)],
        [("IGIC 7%", 0.60), ("173,32 €", 0.83)],
        [("Total factura", 0.60), ("2.649,32 €", 0.82)],
        [],
        [("IBAN: ES80 2100 0418 4245 0200 0513", 0.06)],
    ]
    return text_layer_page(rows)


def ricevuta_prestazione_occasionale_it():
    """A freelancer's `Ricevuta per prestazione occasionale`: a gross fee, the 20 % withholding (`Ritenuta
    d'acconto`), `Netto a pagare`, no VAT (out of its scope), a 2,00 € revenue stamp named in the text, the
    payer an association with a numeric fiscal code."""
    rows = [
        [("Luca Bianchi", 0.06)],
        [("Via Garibaldi 22 - 40121 Bologna", 0.06)],
        [("C.F. BNCLCU85M12A944G", 0.06)],
        [],
        [("Spett.le", 0.56)],
        [("Associazione Culturale Porta Saragozza", 0.56)],
        [("Via Saragozza 88", 0.56)],
        [("40135 Bologna", 0.56)],
        [("C.F. 91234560372", 0.56)],
        [],
        [("RICEVUTA PER PRESTAZIONE OCCASIONALE n. 3/2024", 0.06)],
        [("Bologna, 15 aprile 2024", 0.06)],
        [],
        [("Compenso lordo per la conduzione di due laboratori di fotografia", 0.06), ("1.000,00 €", 0.82)],
        [("Ritenuta d'acconto 20%", 0.06), ("- 200,00 €", 0.81)],
        [("Netto a pagare", 0.06), ("800,00 €", 0.83)],
        [],
        [("Operazione esclusa dal campo di applicazione IVA ai sensi dell'art. 5 DPR 633/72.", 0.06)],
        [("Marca da bollo da 2,00 € assolta sull'originale.", 0.06)],
        [("Pagamento tramite bonifico: IBAN IT60 X054 2811 1010 0000 0123 456", 0.06)],
    ]
    return text_layer_page(rows)


def factuur_g_rekening_nl():
    """A Dutch bricklaying subcontractor's factuur: `Btw verlegd`, a project reference, and the payment
    split under the chain-liability rules: a share to the vendor's blocked `G-rekening`, the rest to its
    ordinary account (two IBANs of the vendor)."""
    rows = [
        [("Bouwbedrijf Van Dijk B.V.", 0.06)],
        [("Nijverheidsweg 8, 3771 ME Barneveld", 0.06)],
        [("KvK 09112233 · BTW NL469541283B01", 0.06)],
        [],
        [("Aannemersbedrijf Hendriks B.V.", 0.06)],
        [("t.a.v. crediteurenadministratie", 0.06)],
        [("Postbus 45", 0.06)],
        [("6710 BA Ede", 0.06)],
        [],
        [("FACTUUR", 0.06)],
        [("Factuurnummer:", 0.06), ("2024-1042", 0.26), ("Factuurdatum:", 0.56), ("12 april 2024", 0.72)],
        [("Project:", 0.06), ("23-117 De Brink", 0.26), ("Vervaldatum:", 0.56), ("12 mei 2024", 0.72)],
        [],
        [("Omschrijving", 0.06), ("Bedrag", 0.84)],
        [("Metselwerk fase 2, termijn 3", 0.06), ("€ 18.000,00", 0.80)],
        [("Meerwerk stelkozijnen", 0.06), ("€ 2.400,00", 0.81)],
        [],
        [("Totaal excl. btw", 0.56), ("€ 20.400,00", 0.80)],
        [("Btw verlegd", 0.56), ("€ 0,00", 0.83)],
        [("Totaal", 0.56), ("€ 20.400,00", 0.80)],
        [],
        [("Btw verlegd op grond van art. 24ba Uitv.besch. OB 1968.", 0.06)],
        [("Gelieve € 6.120,00 te storten op onze G-rekening NL20 INGB 0001 2345 67", 0.06)],
        [("en € 14.280,00 op rekening NL44 RABO 0123 4567 89.", 0.06)],
    ]
    return text_layer_page(rows)


def facture_mentions_legales_fr():
    """A Toulouse design studio's facture with the legal mentions French invoices print: the share capital
    (`SARL au capital de 5 000 €`), `Escompte pour paiement anticipé : néant`, late-payment penalties and the
    40 € recovery indemnity, a `Date d'échéance`."""
    rows = [
        [("Studio Graphique Lumen", 0.06)],
        [("SARL au capital de 5 000 €", 0.06)],
        [("12 rue des Carmes, 31000 Toulouse", 0.06)],
        [("SIRET 260 353 271 00018 – TVA FR14260353271", 0.06)],
        [],
        [("Domaine de la Garrigue SCEA", 0.56)],
        [("Route de Gaillac", 0.56)],
        [("81600 Gaillac", 0.56)],
        [],
        [("Facture n° F-24-0419", 0.06)],
        [("Date d'émission : 19/04/2024", 0.06), ("Date d'échéance : 19/05/2024", 0.56)],
        [],
        [("Désignation", 0.06), ("Qté", 0.52), ("PU HT", 0.64), ("Montant HT", 0.82)],
        [
            ("Création étiquettes cuvée 2023 (forfait)", 0.06),
            ("1", 0.52),
            ("1 800,00", 0.64),
            ("1 800,00", 0.82),
        ],
        [("Déclinaisons formats", 0.06), ("3", 0.52), ("150,00", 0.65), ("450,00", 0.84)],
        [],
        [("Total HT", 0.62), ("2 250,00 €", 0.80)],
        [("TVA 20 %", 0.62), ("450,00 €", 0.82)],
        [("Total TTC", 0.62), ("2 700,00 €", 0.80)],
        [],
        [
            (
                "Escompte pour paiement anticipé : néant. En cas de retard de paiement, pénalités au taux de",
                0.06,
            )
        ],
        [
            (
                "3 fois le taux d'intérêt légal et indemnité forfaitaire pour frais de recouvrement de 40 €.",
                0.06,
            )
        ],
        [("Règlement par virement : IBAN FR14 2004 1010 0505 0001 3M02 606", 0.06)],
    ]
    return text_layer_page(rows)


def patient_statement_us():
    """A US medical practice's patient statement: month-first dates of service, charges with insurance
    payments and contractual adjustments in parentheses, `Amount Due` (the patient's share) and `Please pay
    by`, the practice's Tax ID, a guarantor."""
    rows = [
        [("Lakeside Family Medicine, P.C.", 0.06), ("PATIENT STATEMENT", 0.66)],
        [("2100 Lake Shore Dr, Suite 210", 0.06), ("Statement Date", 0.66), ("04/10/2024", 0.84)],
        [("Chicago, IL 60616", 0.06), ("Account #", 0.66), ("0045521", 0.84)],
        [("Tax ID 36-4123456", 0.06), ("Please pay by", 0.66), ("05/01/2024", 0.84)],
        [],
        [("Guarantor:", 0.06)],
        [("Carlos Lopez", 0.06)],
        [("1418 W Taylor St", 0.06)],
        [("Chicago, IL 60607", 0.06)],
        [],
        [("Patient: Maria Lopez", 0.06)],
        [
            ("Date", 0.06),
            ("Description", 0.16),
            ("Charges", 0.50),
            ("Ins. Paid", 0.62),
            ("Adjust.", 0.74),
            ("Balance", 0.86),
        ],
        [
            ("03/12/2024", 0.06),
            ("Office visit (99214)", 0.16),
            ("210.00", 0.50),
            ("(132.40)", 0.61),
            ("(42.60)", 0.74),
            ("35.00", 0.86),
        ],
        [
            ("03/12/2024", 0.06),
            ("Metabolic panel (80053)", 0.16),
            ("65.00", 0.51),
            ("(38.20)", 0.62),
            ("(11.80)", 0.74),
            ("15.00", 0.86),
        ],
        [],
        [("Total Charges", 0.62), ("275.00", 0.85)],
        [("Insurance Payments", 0.62), ("(170.60)", 0.84)],
        [("Adjustments", 0.62), ("(54.40)", 0.85)],
        [("Amount Due", 0.62), ("$50.00", 0.85)],
    ]
    return text_layer_page(rows)


def hotel_folio_us():
    """A San Francisco hotel's guest folio at check-out: dated charges (room, transient occupancy tax,
    restaurant), the card payment, `Balance Due 0.00`, month-first dates, a folio and a confirmation
    number."""
    rows = [
        [("THE HARBORVIEW HOTEL", 0.36)],
        [("455 Embarcadero, San Francisco, CA 94111", 0.30)],
        [],
        [("GUEST FOLIO", 0.06), ("Folio No.", 0.56), ("220391", 0.74)],
        [("Mr. Daniel Weber", 0.06), ("Room", 0.56), ("812", 0.74)],
        [("Weber Consulting GmbH", 0.06), ("Arrival", 0.56), ("04/08/2024", 0.74)],
        [("Marienplatz 3, 80331 München, Germany", 0.06), ("Departure", 0.56), ("04/11/2024", 0.74)],
        [("Conf. No.", 0.56), ("HV77812", 0.74)],
        [],
        [("Date", 0.06), ("Description", 0.20), ("Charges", 0.66), ("Credits", 0.84)],
        [("04/08/2024", 0.06), ("Room Charge", 0.20), ("289.00", 0.66)],
        [("04/08/2024", 0.06), ("Transient Occupancy Tax 14%", 0.20), ("40.46", 0.67)],
        [("04/09/2024", 0.06), ("Room Charge", 0.20), ("289.00", 0.66)],
        [("04/09/2024", 0.06), ("Transient Occupancy Tax 14%", 0.20), ("40.46", 0.67)],
        [("04/09/2024", 0.06), ("Harbor Grill - Dinner", 0.20), ("64.50", 0.67)],
        [("04/10/2024", 0.06), ("Room Charge", 0.20), ("289.00", 0.66)],
        [("04/10/2024", 0.06), ("Transient Occupancy Tax 14%", 0.20), ("40.46", 0.67)],
        [("04/11/2024", 0.06), ("VISA XXXX4242", 0.20), ("1,052.88", 0.83)],
        [],
        [("Total Charges", 0.46), ("1,052.88", 0.65)],
        [("Total Credits", 0.46), ("1,052.88", 0.83)],
        [("Balance Due", 0.46), ("0.00", 0.86)],
    ]
    return text_layer_page(rows)


def bewirtungsbeleg_de():
    """A Frankfurt restaurant's bill with the form for business entertainment on it (`Angaben zum Nachweis
    ... von Bewirtungsaufwendungen`, blank lines for guests, occasion and tip), items priced `2 x ... à`,
    net, VAT and gross, paid by card."""
    rows = [
        [("Trattoria da Enzo", 0.36)],
        [("Inh. Enzo Russo · Schillerstraße 14 · 60313 Frankfurt", 0.22)],
        [("St.-Nr. 045 234 56789", 0.36)],
        [],
        [("Rechnung Nr. 4471", 0.20), ("Tisch 12", 0.50)],
        [("22.04.2024 21:48", 0.20), ("Bed.: Marco", 0.50)],
        [],
        [("2 x Pasta al Tartufo à 18,50", 0.20), ("37,00", 0.70)],
        [("1 x Saltimbocca alla Romana", 0.20), ("24,90", 0.70)],
        [("1 x Fl. Chianti Classico", 0.20), ("36,00", 0.70)],
        [("2 x Espresso à 2,80", 0.20), ("5,60", 0.71)],
        [],
        [("Summe EUR", 0.20), ("103,50", 0.69)],
        [("Netto", 0.20), ("86,97", 0.70)],
        [("MwSt. 19 %", 0.20), ("16,53", 0.70)],
        [("Bezahlt Mastercard", 0.20), ("103,50", 0.69)],
        [],
        [("Angaben zum Nachweis der Höhe und der betrieblichen", 0.20)],
        [("Veranlassung von Bewirtungsaufwendungen (§ 4 Abs. 5 Ziff. 2 EStG)", 0.20)],
        [("Bewirtete Personen: ______________________", 0.20)],
        [("Anlass der Bewirtung: ____________________", 0.20)],
        [("Trinkgeld: ________  Ort, Datum, Unterschrift: ________", 0.20)],
    ]
    return text_layer_page(rows)


# Batch 5: written after the fixes of batch 4.


def solicitor_invoice_ie():
    """A Dublin solicitor's fee note: professional fees, VAT at 23 % on the fees only, then outlays paid on
    the client's behalf without VAT (`Outlay`), the total; `Date: 2 May 2024`, `Our Ref.`, `Payment within
    30 days`."""
    rows = [
        [("O'Brien & Walsh Solicitors", 0.06)],
        [("14 Fitzwilliam Square, Dublin 2, D02 X285", 0.06)],
        [("VAT No. IE6590573W", 0.06)],
        [],
        [("Ms. Aoife Kelly", 0.06), ("Invoice No.", 0.58), ("OBW-24-1187", 0.76)],
        [("27 Glenageary Road", 0.06), ("Date", 0.58), ("2 May 2024", 0.76)],
        [("Dún Laoghaire, Co. Dublin", 0.06), ("Our Ref.", 0.58), ("AK/CONV/0412", 0.76)],
        [],
        [("FEE NOTE", 0.06)],
        [("Re: Purchase of 8 Sandycove Avenue", 0.06)],
        [],
        [("Professional fees for acting in the purchase", 0.06), ("€2,000.00", 0.82)],
        [("VAT @ 23%", 0.56), ("€460.00", 0.83)],
        [("Outlay: Land Registry fee (no VAT)", 0.40), ("€130.00", 0.83)],
        [("Total", 0.56), ("€2,590.00", 0.82)],
        [],
        [("Payment within 30 days to IBAN IE70 BOFI 9000 1712 3456 78, quoting our reference.", 0.06)],
    ]
    return text_layer_page(rows)


def tandarts_nota_nl():
    """A Dutch dental practice's `Nota` to a patient: treatment codes with dates, no BTW (medical care is
    exempt), `Te betalen`, `Betaaltermijn 30 dagen`, the patient's date of birth (a date no invoice date)."""
    rows = [
        [("Tandartspraktijk Het Zuiden", 0.06)],
        [("Zuidplein 10, 3083 CX Rotterdam", 0.06)],
        [("AGB-code 12345678 · KvK 24398761", 0.06)],
        [],
        [("Dhr. J. Bakker", 0.06), ("Notanummer", 0.58), ("N-2024-05512", 0.76)],
        [("Maasboulevard 45", 0.06), ("Notadatum", 0.58), ("06-05-2024", 0.76)],
        [("3011 TX Rotterdam", 0.06), ("Geboortedatum", 0.58), ("14-09-1978", 0.76)],
        [],
        [("NOTA", 0.06)],
        [],
        [("Datum", 0.06), ("Code", 0.20), ("Omschrijving", 0.30), ("Bedrag", 0.84)],
        [("22-04-2024", 0.06), ("C002", 0.20), ("Periodieke controle", 0.30), ("€ 25,44", 0.82)],
        [("22-04-2024", 0.06), ("X10", 0.20), ("Kleine röntgenfoto", 0.30), ("€ 17,99", 0.82)],
        [("22-04-2024", 0.06), ("V92", 0.20), ("Vulling drievlaks composiet", 0.30), ("€ 76,95", 0.82)],
        [],
        [("Totaal", 0.58), ("€ 120,38", 0.81)],
        [("Te betalen", 0.58), ("€ 120,38", 0.81)],
        [],
        [("Vrijgesteld van btw (art. 11 lid 1 sub g Wet OB).", 0.06)],
        [("Betaaltermijn 30 dagen. IBAN NL02 ABNA 0123 4567 89 t.n.v. Tandartspraktijk Het Zuiden.", 0.06)],
    ]
    return text_layer_page(rows)


def progress_billing_us():
    """A US subcontractor's progress billing (an application for payment): the contract sum, work completed
    to date as a share, retainage of 10 % held back, the previous applications subtracted, `Current Payment
    Due`; month-first dates, `Application No.` and `Period To`."""
    rows = [
        [("Summit Mechanical Contractors, Inc.", 0.06), ("PROGRESS BILLING", 0.66)],
        [("7400 E Colfax Ave", 0.06), ("Application No.", 0.66), ("4", 0.86)],
        [("Denver, CO 80220", 0.06), ("Invoice No.", 0.66), ("SMC-2404", 0.84)],
        [],
        [("To:", 0.06), ("Date", 0.66), ("04/30/2024", 0.84)],
        [("Front Range Builders LLC", 0.06), ("Period To", 0.66), ("04/30/2024", 0.84)],
        [("1550 Wewatta St, Denver, CO 80202", 0.06), ("Project", 0.66), ("Union Station Lofts", 0.76)],
        [],
        [("Description of Work", 0.06), ("Scheduled Value", 0.40), ("Completed", 0.58), ("Amount", 0.84)],
        [("HVAC rough-in", 0.06), ("180,000.00", 0.40), ("75%", 0.60), ("135,000.00", 0.82)],
        [("Plumbing rough-in", 0.06), ("120,000.00", 0.40), ("60%", 0.60), ("72,000.00", 0.83)],
        [],
        [("Total Completed to Date", 0.50), ("207,000.00", 0.82)],
        [("Less Retainage 10%", 0.50), ("(20,700.00)", 0.81)],
        [("Total Earned Less Retainage", 0.50), ("186,300.00", 0.82)],
        [("Less Previous Applications", 0.50), ("(142,200.00)", 0.81)],
        [("Current Payment Due", 0.50), ("44,100.00", 0.83)],
        [],
        [("Payment due within 30 days of approval.", 0.06)],
    ]
    return text_layer_page(rows)


def nota_de_abono_es():
    """A Spanish distributor's `NOTA DE ABONO` (a credit note) naming the invoice it corrects, amounts
    printed positive, IVA 21 %, `Total abono`, the refund by transfer."""
    rows = [
        [("DISTRIBUCIONES LEVANTE S.L.", 0.06)],
        [("Pol. Ind. Fuente del Jarro, C/ Ciudad de Sevilla 12, 46988 Paterna", 0.06)],
        [("CIF: B55258792", 0.06)],
        [],
        [("Cliente:", 0.56)],
        [("FERRETERÍA ALBAIDA S.L.", 0.56)],
        [("C/ Mayor 3, 46860 Albaida", 0.56)],
        [],
        [("NOTA DE ABONO Nº AB-2024-0041", 0.06)],
        [("Fecha: 07/05/2024", 0.06), ("Factura rectificada: F-2024-1198 de 22/04/2024", 0.40)],
        [],
        [("Concepto", 0.06), ("Uds.", 0.52), ("Precio", 0.64), ("Importe", 0.84)],
        [("Devolución taladro percutor 800W", 0.06), ("2", 0.53), ("64,00", 0.64), ("128,00", 0.84)],
        [("Devolución juego brocas 19 pzs", 0.06), ("4", 0.53), ("18,00", 0.64), ("72,00", 0.85)],
        [],
        [("Base imponible", 0.60), ("200,00 €", 0.82)],
        [("IVA 21%", 0.60), ("42,00 €", 0.83)],
        [("Total abono", 0.60), ("242,00 €", 0.82)],
        [],
        [("El importe se abonará por transferencia en su cuenta en un plazo de 10 días.", 0.06)],
    ]
    return text_layer_page(rows)


def adjustment_note_au():
    """An Australian supplier's `ADJUSTMENT NOTE` (the GST law's name for a credit note): it names the tax
    invoice it adjusts, the ABN, GST-inclusive amounts and `Total credit (incl. GST)`."""
    rows = [
        [("Southern Cross Office Supplies Pty Ltd", 0.06), ("ADJUSTMENT NOTE", 0.70)],
        [("ABN 71 182 354 100", 0.06)],
        [("3/18 Rodborough Road, Frenchs Forest NSW 2086", 0.06)],
        [],
        [("Customer:", 0.06), ("Adjustment Note No:", 0.56), ("AN-0092", 0.78)],
        [("Manly Physio Clinic", 0.06), ("Date:", 0.56), ("09/05/2024", 0.78)],
        [("22 The Corso, Manly NSW 2095", 0.06), ("Original Invoice:", 0.56), ("INV-55817", 0.78)],
        [],
        [("Description", 0.06), ("Qty", 0.54), ("Price", 0.64), ("Amount", 0.84)],
        [("Ergonomic chair - returned damaged", 0.06), ("1", 0.54), ("$385.00", 0.64), ("$385.00", 0.84)],
        [],
        [("Subtotal (excl. GST)", 0.60), ("$350.00", 0.84)],
        [("GST", 0.60), ("$35.00", 0.85)],
        [("Total credit (incl. GST)", 0.60), ("$385.00", 0.84)],
        [],
        [("The credit will be applied to your account.", 0.06)],
    ]
    return text_layer_page(rows)


def factuur_kredietbeperking_nl():
    """A Dutch wholesaler's factuur with `kredietbeperking`: 2 % may be deducted when paid within 14 days,
    printed as its own amount under the total (the total stays the invoice's total), `Vervaldatum`."""
    rows = [
        [("Bloemengroothandel Aalsmeer B.V.", 0.06)],
        [("Legmeerdijk 313, 1431 GB Aalsmeer", 0.06)],
        [("BTW NL856768170B01 · KvK 34125588", 0.06)],
        [],
        [("Bloemsierkunst De Roos", 0.06)],
        [("Kerkstraat 14", 0.06)],
        [("2011 HB Haarlem", 0.06)],
        [],
        [("Factuur", 0.06), ("Factuurnr. 2024-08817", 0.30), ("Datum 13-05-2024", 0.56)],
        [("Debiteurnr. 40118", 0.30), ("Vervaldatum 12-06-2024", 0.56)],
        [],
        [("Artikel", 0.06), ("Aantal", 0.50), ("Prijs", 0.62), ("Bedrag", 0.84)],
        [("Rozen Avalanche 60 cm (bos)", 0.06), ("50", 0.51), ("12,40", 0.62), ("620,00", 0.83)],
        [("Tulpen gemengd (bos)", 0.06), ("100", 0.50), ("4,20", 0.62), ("420,00", 0.83)],
        [],
        [("Totaal excl. btw", 0.56), ("1.040,00", 0.83)],
        [("Btw 9%", 0.56), ("93,60", 0.84)],
        [("Totaal incl. btw", 0.56), ("1.133,60", 0.83)],
        [("Kredietbeperking 2% bij betaling binnen 14 dagen", 0.30), ("22,67", 0.84)],
        [],
        [("Betaling op IBAN NL63 TRIO 0212 3456 78 o.v.v. factuurnummer.", 0.06)],
    ]
    return text_layer_page(rows)


def werkstatt_rechnung_de():
    """A German car repair shop's Rechnung: the order number, the licence plate and mileage, labour in AW
    (Arbeitswerte) and parts in separate blocks with their sums (`Summe Lohn`, `Summe Teile`), then net, 19 %
    MwSt. and `Rechnungsbetrag`, `zahlbar sofort ohne Abzug`."""
    rows = [
        [("Autohaus Kramer GmbH", 0.06)],
        [("Kfz-Meisterbetrieb · Industriestr. 7 · 49074 Osnabrück", 0.06)],
        [],
        [("Herrn Stefan Meyer", 0.06), ("Rechnung Nr.", 0.58), ("R-24-03318", 0.76)],
        [("Lotter Straße 55", 0.06), ("Datum", 0.58), ("14.05.2024", 0.76)],
        [("49078 Osnabrück", 0.06), ("Auftrag", 0.58), ("A-24-1207", 0.76)],
        [("Kennzeichen", 0.58), ("OS-SM 412", 0.76)],
        [("km-Stand", 0.58), ("87.412", 0.76)],
        [],
        [("Pos.", 0.06), ("Bezeichnung", 0.12), ("Menge", 0.52), ("Preis", 0.64), ("Betrag", 0.84)],
        [
            ("1", 0.06),
            ("Inspektion nach Herstellervorgabe (AW)", 0.12),
            ("12", 0.53),
            ("11,50", 0.64),
            ("138,00", 0.84),
        ],
        [("2", 0.06), ("Bremsbeläge vorn ersetzt (AW)", 0.12), ("8", 0.53), ("11,50", 0.64), ("92,00", 0.85)],
        [("3", 0.06), ("Bremsbelagsatz vorn", 0.12), ("1", 0.53), ("68,90", 0.64), ("68,90", 0.85)],
        [("4", 0.06), ("Motoröl 5W-30 (Liter)", 0.12), ("5", 0.53), ("14,20", 0.64), ("71,00", 0.85)],
        [],
        [("Summe Lohn", 0.56), ("230,00", 0.84)],
        [("Summe Teile", 0.56), ("139,90", 0.84)],
        [("Nettobetrag", 0.56), ("369,90", 0.84)],
        [("MwSt. 19 %", 0.56), ("70,28", 0.85)],
        [("Rechnungsbetrag", 0.56), ("440,18 €", 0.82)],
        [],
        [("Zahlbar sofort ohne Abzug. Sparkasse Osnabrück · IBAN DE77 1001 0010 0123 4567 89", 0.06)],
        [("Autohaus Kramer GmbH · USt-IdNr. DE214304432 · HRB 20415 Amtsgericht Osnabrück", 0.06)],
    ]
    return text_layer_page(rows)


# Batch 6: written after the fixes of batch 5.


def facture_lu():
    """A Luxembourg IT firm's facture: TVA 17 %, `Numéro TVA LU...`, `RCS Luxembourg B...`, the date in
    words (`Luxembourg, le 21 mai 2024`), `Échéance : 20/06/2024`."""
    rows = [
        [("Datalux Services S.à r.l.", 0.06)],
        [("12, rue de Hollerich, L-1741 Luxembourg", 0.06)],
        [("Numéro TVA LU97337470 · RCS Luxembourg B 198765", 0.06)],
        [],
        [("Boulangerie Schumacher S.A.", 0.56)],
        [("45, Grand-Rue", 0.56)],
        [("L-9050 Ettelbruck", 0.56)],
        [],
        [("Luxembourg, le 21 mai 2024", 0.56)],
        [("FACTURE N° DLX-2024-0611", 0.06)],
        [("Échéance : 20/06/2024", 0.06)],
        [],
        [("Désignation", 0.06), ("Qté", 0.52), ("Prix unitaire", 0.62), ("Montant HTVA", 0.82)],
        [("Maintenance serveurs (mai 2024)", 0.06), ("1", 0.52), ("1 850,00", 0.62), ("1 850,00", 0.82)],
        [("Licences Microsoft 365 Business", 0.06), ("25", 0.52), ("94,00", 0.63), ("2 350,00", 0.82)],
        [],
        [("Total HTVA", 0.62), ("4 200,00 €", 0.80)],
        [("TVA 17 %", 0.62), ("714,00 €", 0.82)],
        [("Total TTC", 0.62), ("4 914,00 €", 0.80)],
        [],
        [("Paiement par virement : IBAN LU28 0019 4006 4475 0000 · BIC BCEELULL", 0.06)],
    ]
    return text_layer_page(rows)


def hst_invoice_on():
    """A Toronto printer's invoice: `HST 13%` with its registration number (`HST Reg. # 871234563 RT0001`),
    `Amount Due (CAD)`, an Ontario address, `Terms: Net 15`, month-name dates."""
    rows = [
        [("Queen West Print Co. Ltd.", 0.06)],
        [("688 Queen St W, Toronto, ON M6J 1E6", 0.06)],
        [("HST Reg. # 871234563 RT0001", 0.06)],
        [],
        [("INVOICE", 0.06)],
        [("Bill To", 0.06), ("Invoice #", 0.56), ("QW-5520", 0.74)],
        [("Lakeshore Yoga Studio", 0.06), ("Date", 0.56), ("May 22, 2024", 0.74)],
        [("2150 Lake Shore Blvd W, Etobicoke, ON M8V 4B3", 0.06), ("Terms", 0.56), ("Net 15", 0.74)],
        [],
        [("Description", 0.06), ("Qty", 0.54), ("Price", 0.64), ("Amount", 0.84)],
        [("Flyers 8.5x11, 2 sides", 0.06), ("1000", 0.54), ("$0.19", 0.64), ("$190.00", 0.84)],
        [("Vinyl banner 3x6 ft", 0.06), ("2", 0.55), ("$85.00", 0.64), ("$170.00", 0.84)],
        [],
        [("Subtotal", 0.64), ("$360.00", 0.84)],
        [("HST 13%", 0.64), ("$46.80", 0.85)],
        [("Total", 0.64), ("$406.80", 0.84)],
        [("Amount Due (CAD)", 0.64), ("$406.80", 0.84)],
    ]
    return text_layer_page(rows)


def factura_suplidos_es():
    """A Madrid gestoría's factura: fees with IVA 21 %, then `Suplidos` (fees paid on the client's behalf,
    outside IVA) before the total, `Fecha: 23 de mayo de 2024`, `Vencimiento`."""
    rows = [
        [("GESTORÍA ALCALÁ ASESORES S.L.", 0.06)],
        [("C/ Alcalá 155, 28009 Madrid · CIF B15262157", 0.06)],
        [],
        [("Cliente:", 0.56)],
        [("CAFETERÍA EL RETIRO S.L.", 0.56)],
        [("C/ Ibiza 12, 28009 Madrid", 0.56)],
        [],
        [("FACTURA Nº 2024/0388", 0.06)],
        [("Fecha: 23 de mayo de 2024", 0.06), ("Vencimiento: 07/06/2024", 0.56)],
        [],
        [("Concepto", 0.06), ("Importe", 0.84)],
        [("Honorarios: constitución de sociedad y alta censal", 0.06), ("1.000,00", 0.83)],
        [],
        [("Base imponible", 0.56), ("1.000,00 €", 0.81)],
        [("IVA 21%", 0.56), ("210,00 €", 0.82)],
        [("Suplidos (tasas registrales)", 0.56), ("85,00 €", 0.83)],
        [("TOTAL FACTURA", 0.56), ("1.295,00 €", 0.81)],
        [],
        [("Transferencia a ES91 2100 0418 4502 0005 1332", 0.06)],
    ]
    return text_layer_page(rows)


def fattura_spese_art15_it():
    """An Italian architect's fattura: the fee, the 4 % pension contribution (`Contributo integrativo
    4%`), `Imponibile`, IVA 22 %, then expenses advanced in the client's name outside VAT (`Spese anticipate
    art. 15 DPR 633/72`) before `Totale documento`."""
    rows = [
        [("Arch. Chiara Rinaldi", 0.06)],
        [("Corso Vittorio Emanuele 40 - 10123 Torino", 0.06)],
        [("P.IVA IT26577610780", 0.06)],
        [],
        [("Spett.le", 0.56)],
        [("Condominio Via Po 18", 0.56)],
        [("Via Po 18 - 10124 Torino", 0.56)],
        [],
        [("Fattura n. 14/2024", 0.06), ("del 24 maggio 2024", 0.30)],
        [],
        [("Descrizione", 0.06), ("Importo", 0.84)],
        [("Onorario direzione lavori facciata", 0.06), ("800,00", 0.84)],
        [("Contributo integrativo 4%", 0.06), ("32,00", 0.85)],
        [],
        [("Imponibile", 0.60), ("832,00", 0.84)],
        [("IVA 22%", 0.60), ("183,04", 0.84)],
        [("Spese anticipate art. 15 DPR 633/72", 0.40), ("50,00", 0.85)],
        [("Totale documento", 0.60), ("1.065,04", 0.83)],
        [],
        [("Pagamento: bonifico entro il 23/06/2024 - IBAN IT60 X054 2811 1010 0000 0123 456", 0.06)],
    ]
    return text_layer_page(rows)


# Batch 7: written after the fixes of batch 6.


def factura_fechas_en_letra_es():
    """A Valencian printer's factura with both dates in words (`Fecha de emisión: 15 de mayo de 2024`,
    `Fecha de vencimiento: 14 de junio de 2024`), the client's NIF before the vendor's data in the footer."""
    rows = [
        [("FACTURA", 0.06), ("Nº F-2024-0517", 0.60)],
        [],
        [("Cliente: LIBRERÍA PARIS-VALENCIA S.L.", 0.06)],
        [("NIF cliente: A30012348", 0.06)],
        [("C/ Pelayo 7, 46007 Valencia", 0.06)],
        [],
        [("Fecha de emisión: 15 de mayo de 2024", 0.06)],
        [("Fecha de vencimiento: 14 de junio de 2024", 0.06)],
        [],
        [("Descripción", 0.06), ("Unidades", 0.50), ("Precio", 0.64), ("Total", 0.84)],
        [("Catálogo otoño 48 págs.", 0.06), ("500", 0.51), ("1,20", 0.65), ("600,00", 0.84)],
        [("Marcapáginas impresos", 0.06), ("2000", 0.50), ("0,05", 0.65), ("100,00", 0.84)],
        [],
        [("Base imponible", 0.60), ("700,00 €", 0.82)],
        [("IVA 21%", 0.60), ("147,00 €", 0.82)],
        [("Total factura", 0.60), ("847,00 €", 0.82)],
        [],
        [("IMPRENTA TURIA S.L. · C/ Sueca 30, 46006 Valencia · CIF B37083706", 0.06)],
        [("IBAN ES80 2100 0418 4245 0200 0513", 0.06)],
    ]
    return text_layer_page(rows)


def mietwagen_rechnung_de():
    """A car rental's Rechnung: the rental agreement number, pick-up and return dates and stations, a day
    rate, extra kilometres, 19 % MwSt., and the deposit already charged to the card (`Kaution bereits
    belastet`), the rest charged to the card as well."""
    rows = [
        [("Hanse Autovermietung GmbH", 0.06)],
        [("Amsinckstraße 45 · 20097 Hamburg · USt-IdNr. DE611195866", 0.06)],
        [],
        [("Herrn Paul Schneider", 0.06), ("Rechnung Nr.", 0.58), ("HV-24-118230", 0.76)],
        [("Bahnhofstraße 3", 0.06), ("Rechnungsdatum", 0.58), ("27.05.2024", 0.76)],
        [("37073 Göttingen", 0.06), ("Mietvertrag", 0.58), ("MV-771204", 0.76)],
        [],
        [("Abholung: 24.05.2024 09:00, Hamburg Hbf", 0.06)],
        [("Rückgabe: 27.05.2024 08:30, Hamburg Hbf", 0.06)],
        [],
        [("Leistung", 0.06), ("Menge", 0.52), ("Preis", 0.64), ("Betrag", 0.84)],
        [("Tagesmiete VW Golf", 0.06), ("3", 0.53), ("59,00", 0.64), ("177,00", 0.84)],
        [("Mehrkilometer", 0.06), ("150", 0.52), ("0,30", 0.65), ("45,00", 0.85)],
        [],
        [("Nettobetrag", 0.58), ("222,00 €", 0.82)],
        [("MwSt. 19 %", 0.58), ("42,18 €", 0.83)],
        [("Gesamtbetrag", 0.58), ("264,18 €", 0.82)],
        [("Kaution bereits belastet", 0.58), ("-200,00 €", 0.81)],
        [("Restbetrag (Kreditkarte)", 0.58), ("64,18 €", 0.83)],
        [],
        [("Bankverbindung: Hamburger Sparkasse · IBAN DE34 2005 0550 1234 5678 90", 0.06)],
    ]
    return text_layer_page(rows)


def tax_invoice_nz():
    """A New Zealand electrician's `TAX INVOICE`: `GST No. 49-091-850`, GST 15 % on the net, NZD in dollars,
    day-first dates, `Due Date`, an Auckland address with its postcode, bank account in NZ form."""
    rows = [
        [("Kiwi Sparks Electrical Ltd", 0.06), ("TAX INVOICE", 0.72)],
        [("12 Dominion Road, Mt Eden, Auckland 1024", 0.06)],
        [("GST No. 49-091-850", 0.06)],
        [],
        [("To:", 0.06), ("Invoice No:", 0.58), ("KS-2291", 0.76)],
        [("Ponsonby Dental Ltd", 0.06), ("Date:", 0.58), ("28/05/2024", 0.76)],
        [("240 Ponsonby Road, Auckland 1011", 0.06), ("Due Date:", 0.58), ("20/06/2024", 0.76)],
        [],
        [("Description", 0.06), ("Amount", 0.84)],
        [("Install 6 LED downlights, labour and materials", 0.06), ("$1,240.00", 0.82)],
        [],
        [("Subtotal", 0.60), ("$1,240.00", 0.82)],
        [("GST 15%", 0.60), ("$186.00", 0.83)],
        [("Total NZD", 0.60), ("$1,426.00", 0.82)],
        [],
        [("Please pay to ANZ 01-0102-0123456-00, reference KS-2291", 0.06)],
    ]
    return text_layer_page(rows)


CASES: dict[str, tuple] = {
    "mobilfunk_de": (
        mobilfunk_rechnung_de,
        {
            "document_type": "invoice",
            "invoice_number": "2024 0312 4477",
            "invoice_date": "2024-04-05",
            "due_date": "2024-04-12",
            "vendor_name": "FunkNetz Mobil GmbH",
            "customer_name": ("Jonas Albrecht", "Herrn Jonas Albrecht"),
            "currency": "EUR",
            "subtotal": "33.52",
            "tax_amount": "6.37",
            "total": "39.89",
            "amount_due": (None, "39.89"),
            "vendor_tax_id": "DE214304432",
            "iban": "DE06500105175407324451",
        },
        ["25.17", "3.36", "4.99"],
    ),
    "saas_usd_nl": (
        saas_invoice_usd_from_nl,
        {
            "document_type": "invoice",
            "invoice_number": "CL-2024-00917",
            "invoice_date": "2024-04-02",
            "due_date": "2024-05-02",
            "vendor_name": "Cloudlane B.V.",
            "customer_name": "Brandhaus Marketing GmbH",
            "currency": "USD",
            "subtotal": "1188.00",
            "tax_amount": NO_TAX,
            "total": "1188.00",
            "amount_due": "1188.00",
            "vendor_tax_id": "NL856768170B01",
            "iban": "NL91ABNA0417164300",
        },
        ["948.00", "240.00"],
    ),
    "quebec_ca": (
        quebec_invoice_ca,
        {
            "document_type": "invoice",
            "invoice_number": "2024-0318",
            "invoice_date": "2024-03-18",
            "due_date": "2024-04-17",
            "vendor_name": "Atelier Boréal Design Inc.",
            "customer_name": "Fromagerie Lanaudière Ltée",
            "currency": "CAD",
            "subtotal": "1450.00",
            "tax_amount": "217.14",  # GST 72.50 + QST 144.64
            "total": "1667.14",
            "amount_due": (None, "1667.14"),
            "vendor_tax_id": ("213119290RT0001", "213119290"),  # the GST/HST registration
            "iban": None,
        },
        ["1190.00", "260.00"],
    ),
    "tax_invoice_au": (
        tax_invoice_au,
        {
            "document_type": "invoice",
            "invoice_number": "INV-3307",
            "invoice_date": "2024-03-12",
            "due_date": "2024-03-26",
            "vendor_name": "Harbourside Plumbing Pty Ltd",
            "customer_name": "Glebe Point Cafe",
            "currency": "AUD",
            "subtotal": "545.45",
            "tax_amount": "54.55",
            "total": "600.00",
            "amount_due": (None, "600.00"),
            "vendor_tax_id": "40695582591",  # the ABN
            "iban": None,
        },
        ["480.00", "120.00"],
    ),
    "note_de_credit_be": (
        note_de_credit_be,
        {
            "document_type": "credit_note",
            "invoice_number": "NC-2024-007",
            "invoice_date": "2024-04-08",
            "due_date": None,
            "vendor_name": "Imprimerie Delvaux SRL",
            "customer_name": "Librairie Vanderlinden SA",
            "currency": "EUR",
            "subtotal": "240.00",
            "tax_amount": "50.40",
            "total": "290.40",
            "amount_due": (None, "290.40"),
            "vendor_tax_id": "BE0531544558",
            "iban": "BE68539007547034",
        },
        ["222.00", "18.00"],
    ),
    "stornorechnung_at": (
        stornorechnung_at,
        {
            "document_type": "credit_note",
            "invoice_number": "ST-24-0031",
            "invoice_date": "2024-04-11",
            "due_date": None,
            "vendor_name": "Alpenholz Handels GmbH",
            "customer_name": "Tischlerei Moser e.U.",
            "currency": "EUR",
            "subtotal": "1200.00",
            "tax_amount": "240.00",
            "total": "1440.00",
            "amount_due": (None, "1440.00"),
            "vendor_tax_id": "ATU96026718",
            "iban": "AT852011182838485865",
        },
        ["1140.00", "60.00"],
    ),
    "distributor_us": (
        distributor_invoice_us,
        {
            "document_type": "invoice",
            "invoice_number": "448172",
            "invoice_date": "2024-03-04",
            "due_date": "2024-04-03",  # Net 30
            "vendor_name": "Lone Star Janitorial Supply, Inc.",
            "customer_name": "Riverbend Medical Center",
            "currency": "USD",
            "subtotal": ("1318.00", "1363.00"),  # taxable + non-taxable (and the freight, taxed at 0)
            "tax_amount": "88.94",
            "total": "1451.94",
            "amount_due": "1451.94",
            "vendor_tax_id": None,
            "iban": None,
            "po_number": "PO-77120",
        },
        ["850.00", "228.00", "240.00"],
    ),
    "fattura_tre_pagine_it": (
        fattura_tre_pagine_it,
        {
            "document_type": "invoice",
            "invoice_number": "245/2024",
            "invoice_date": "2024-03-28",
            "due_date": "2024-04-27",
            "vendor_name": "Distribuzione Alimentare Ferri S.r.l.",
            "customer_name": "Trattoria Al Portico di Bianchi Luca",
            "currency": "EUR",
            "subtotal": "1200.00",
            "tax_amount": "120.00",
            "total": "1320.00",
            "amount_due": (None, "1320.00"),
            "vendor_tax_id": "IT90176110576",
            "iban": "IT60X0542811101000000123456",
        },
        [
            "222.00",
            "100.80",
            "135.20",
            "183.60",
            "140.00",
            "168.00",
            "39.00",
            "68.40",
            "88.00",
            "55.00",
        ],
    ),
}

CASES.update(
    {
        "qr_rechnung_ch": (
            qr_rechnung_ch,
            {
                "document_type": "invoice",
                "invoice_number": "2024-118",
                "invoice_date": "2024-03-15",
                "due_date": "2024-04-14",
                "vendor_name": "Holzbau Brunner AG",
                "customer_name": "Schreinerei Huber GmbH",
                "currency": "CHF",
                "subtotal": "1803.75",
                "tax_amount": "146.10",
                "total": "1949.85",
                "amount_due": (None, "1949.85"),
                "vendor_tax_id": "CHE-154.161.366",
                "iban": "CH4431999123000889012",  # the QR-IBAN the bill is paid to
            },
            ["1200.00", "603.75"],
        ),
        "irish_vendor_de": (
            rechnung_irish_vendor_de,
            {
                "document_type": "invoice",
                "invoice_number": "GA-DE-2024-0142",
                "invoice_date": "2024-04-03",
                "due_date": "2024-05-03",
                "vendor_name": "Greenfield Analytics Ltd",
                "customer_name": "Kanzlei Weber & Partner mbB",
                "currency": "EUR",
                "subtotal": "2450.00",
                "tax_amount": NO_TAX,
                "total": "2450.00",
                "amount_due": (None, "2450.00"),
                "vendor_tax_id": "IE6590573W",
                "iban": "IE29AIBK93115212345678",
            },
            ["1950.00", "500.00"],
        ),
        "sujeto_pasivo_es": (
            factura_inversion_sujeto_pasivo_es,
            {
                "document_type": "invoice",
                "invoice_number": "2024/047",
                "invoice_date": "2024-04-03",
                "due_date": "2024-05-03",
                "vendor_name": "INSTALACIONES ELÉCTRICAS NAVARRO S.L.",
                "customer_name": "CONSTRUCCIONES LEVANTE SUR S.A.",
                "currency": "EUR",
                "subtotal": "8400.00",
                "tax_amount": NO_TAX,
                "total": "8400.00",
                "amount_due": (None, "8400.00"),
                "vendor_tax_id": "ESB15262157",
                "iban": "ES9121000418450200051332",
            },
            ["6960.00", "1440.00"],
        ),
        "inversione_contabile_it": (
            fattura_inversione_contabile_it,
            {
                "document_type": "invoice",
                "invoice_number": "18",
                "invoice_date": "2024-04-03",
                "due_date": "2024-05-03",
                "vendor_name": "Idraulica Martini di Martini Paolo",
                "customer_name": "Edil Lombarda S.p.A.",
                "currency": "EUR",
                "subtotal": "5600.00",
                "tax_amount": NO_TAX,
                "total": "5600.00",
                "amount_due": (None, "5600.00"),
                "vendor_tax_id": "IT26577610780",
                "iban": "IT25O0306909606100000012345",
            },
            ["4400.00", "1200.00"],
        ),
        "autoliquidation_fr": (
            facture_autoliquidation_fr,
            {
                "document_type": "invoice",
                "invoice_number": "2024-0412",
                "invoice_date": "2024-04-03",
                "due_date": "2024-05-03",
                "vendor_name": "CARRELAGES DU RHÔNE SAS",
                "customer_name": "BÂTIR ENSEMBLE SARL",
                "currency": "EUR",
                "subtotal": "12450.00",
                "tax_amount": NO_TAX,
                "total": "12450.00",
                "amount_due": "11827.50",  # after the 5 % guarantee retention
                "vendor_tax_id": "FR83571486323",
                "iban": "FR7630004008210001234560186",
            },
            ["9450.00", "3000.00"],
        ),
        "creditfactuur_nl": (
            creditfactuur_negatief_nl,
            {
                "document_type": "credit_note",
                "invoice_number": "CF-2024-0019",
                "invoice_date": "2024-04-09",
                "due_date": None,
                "vendor_name": "Groothandel De Vries B.V.",
                "customer_name": "Fietsenwinkel Jansen",
                "currency": "EUR",
                "subtotal": "125.00",
                "tax_amount": "26.25",
                "total": "151.25",
                "amount_due": (None, "151.25"),
                "vendor_tax_id": "NL122027887B01",
                "iban": "NL81RABO0312345678",
            },
            ["75.00", "50.00"],
        ),
        "jaarafrekening_nl": (
            jaarafrekening_energie_nl,
            {
                "document_type": "invoice",
                "invoice_number": "7720145532",
                "invoice_date": "2024-03-15",
                "due_date": "2024-03-29",
                "vendor_name": "Windkracht Energie B.V.",
                "customer_name": ("S. de Boer", "Mevrouw S. de Boer"),
                "currency": "EUR",
                "subtotal": "1166.91",
                "tax_amount": "245.05",
                "total": "1411.96",
                "amount_due": "211.96",  # after the advances paid
                "vendor_tax_id": "NL469541283B01",
                "iban": "NL91ABNA0417164300",
            },
            ["722.12", "901.45", "86.40", "-543.06"],
        ),
        "uk_day_first": (
            invoice_uk_day_first,
            {
                "document_type": "invoice",
                "invoice_number": "AK-0731",
                "invoice_date": "2024-04-03",
                "due_date": "2024-05-03",
                "vendor_name": "Ashworth & Kemp Consulting Ltd",
                "customer_name": "Pennine Foods Ltd",
                "currency": "GBP",
                "subtotal": "4712.40",
                "tax_amount": "942.48",
                "total": "5654.88",
                "amount_due": "5654.88",
                "vendor_tax_id": "GB916447946",
                "iban": None,
                "po_number": "PF-PO-5521",
            },
            ["4500.00", "212.40"],
        ),
    }
)


CASES.update(
    {
        "angebot_de": (
            angebot_de,
            {
                "document_type": "quote",
                "invoice_number": "AN-2024-0233",
                "invoice_date": "2024-03-18",
                "due_date": None,  # `Gültig bis`: the offer's validity, no payment date
                "vendor_name": "Küchenstudio Lehmann GmbH",
                "customer_name": ("Claudia Richter", "Frau Claudia Richter"),
                "currency": "EUR",
                "subtotal": "10300.00",
                "tax_amount": "1957.00",
                "total": "12257.00",
                "amount_due": None,
                "vendor_tax_id": "DE879976249",
                "iban": "DE61760501010012345678",
            },
            ["8900.00", "749.00", "651.00"],
        ),
        "proforma_us": (
            proforma_invoice_us,
            {
                "document_type": "quote",
                "invoice_number": "PF-24-0117",
                "invoice_date": "2024-03-20",
                "due_date": None,  # `Valid until`
                "vendor_name": "Precision Flow Systems, LLC",
                "customer_name": "Maschinenbau Vogt GmbH",
                "currency": "USD",
                "subtotal": "10080.00",
                "tax_amount": NO_TAX,
                "total": "10300.00",
                "amount_due": (None, "10300.00"),
                "vendor_tax_id": "57-1234567",  # the EIN, not the buyer's VAT id
                "iban": None,
                "po_number": "4500098812",
            },
            ["9400.00", "680.00"],
        ),
        "bolletta_it": (
            bolletta_telecom_it,
            {
                "document_type": "invoice",
                "invoice_number": "W2404118392",
                "invoice_date": "2024-04-05",
                "due_date": "2024-04-20",
                "vendor_name": "FibraViva S.p.A.",
                "customer_name": "Giulia Ferrara",
                "currency": "EUR",
                "subtotal": "28.20",
                "tax_amount": "6.20",
                "total": "34.40",
                "amount_due": (None, "34.40"),
                "vendor_tax_id": "IT90176110576",
                "iban": None,  # the customer's masked account only
            },
            ["22.87", "3.28", "2.05"],
        ),
        "factura_luz_es": (
            factura_luz_es,
            {
                "document_type": "invoice",
                "invoice_number": "FE24-0098812",
                "invoice_date": "2024-03-06",
                "due_date": "2024-03-20",
                "vendor_name": "ENERGÍA SOLAR DEL SUR S.L.",
                "customer_name": "Antonio Ruiz Morales",
                "currency": "EUR",
                "subtotal": "58.99",
                "tax_amount": "5.90",
                "total": "64.89",
                "amount_due": (None, "64.89"),
                "vendor_tax_id": "ESB55258792",
                "iban": None,
            },
            ["11.09", "44.30", "2.83", "0.77"],
        ),
        "quebec_fr": (
            facture_quebec_fr,
            {
                "document_type": "invoice",
                "invoice_number": "T-2024-311",
                "invoice_date": "2024-03-22",
                "due_date": "2024-03-22",  # payable on receipt
                "vendor_name": "Traiteur Les Saveurs du Plateau inc.",
                "customer_name": "Cabinet Tremblay avocats S.E.N.C.R.L.",
                "currency": "CAD",
                "subtotal": "1510.00",
                "tax_amount": "226.12",  # TPS 75.50 + TVQ 150.62
                "total": "1736.12",
                "amount_due": (None, "1736.12"),
                "vendor_tax_id": ("045977204RT0001", "045977204"),
                "iban": None,
            },
            ["1250.00", "260.00"],
        ),
        "quittung_de": (
            quittung_de,
            {
                "document_type": "receipt",
                "invoice_number": "0417",
                "invoice_date": "2024-03-22",
                "due_date": None,
                "vendor_name": "Schlüsseldienst Krause",
                "customer_name": ("Moritz Hansen", "Herrn Moritz Hansen"),
                "currency": "EUR",
                "subtotal": "100.00",
                "tax_amount": "19.00",
                "total": "119.00",
                "amount_due": (None, "0.00"),  # paid in cash
                "vendor_tax_id": "43/123/45678",
                "iban": None,
            },
            ["95.00", "24.00"],
        ),
        "two_page_uk": (
            two_page_invoice_uk,
            {
                "document_type": "invoice",
                "invoice_number": "TCS-118204",
                "invoice_date": "2024-03-21",
                "due_date": "2024-04-20",
                "vendor_name": "Thornbury Catering Supplies Ltd",
                "customer_name": "The Old Mill Bistro",
                "currency": "GBP",
                "subtotal": "550.00",
                "tax_amount": "110.00",
                "total": "660.00",
                "amount_due": (None, "660.00"),
                "vendor_tax_id": "GB475221888",
                "iban": None,
            },
            ["98.00", "182.00", "126.00", "78.00", "66.00"],
        ),
        "usage_us": (
            usage_invoice_us,
            {
                "document_type": "invoice",
                "invoice_number": "RW-8841-0324",
                "invoice_date": "2024-04-01",
                "due_date": "2024-04-08",  # charged by autopay on that day
                "vendor_name": "Relaywave, Inc.",
                "customer_name": "Bluebird Dental Group",
                "currency": "USD",
                "subtotal": "172.06",
                "tax_amount": "0.20",
                "total": "172.26",
                "amount_due": "172.26",
                "vendor_tax_id": None,
                "iban": None,
            },
            ["145.52", "6.90", "19.64"],
        ),
        "self_billing_de": (
            gutschrift_self_billing_de,
            {
                "document_type": "invoice",  # a self-billed invoice (EN 16931 type 389), no credit note
                "invoice_number": "GS-24-00871",
                "invoice_date": "2024-03-25",
                "due_date": "2024-04-04",
                "vendor_name": "Elektro Brinkmann e.K.",  # the supplier, who is paid
                "customer_name": "Metallrecycling Otto GmbH & Co. KG",
                "currency": "EUR",
                "subtotal": "1149.20",
                "tax_amount": NO_TAX,
                "total": "1149.20",
                "amount_due": (None, "1149.20"),
                "vendor_tax_id": "DE879976249",
                "iban": "DE61760501010012345678",
            },
            ["923.00", "226.20"],
        ),
    }
)


CASES.update(
    {
        "honorarnote_at": (
            honorarnote_at,
            {
                "document_type": "invoice",
                "invoice_number": "2024/0187",
                "invoice_date": "2024-04-08",
                "due_date": "2024-04-22",
                "vendor_name": ("Dr. Markus Gruber", "Dr. Markus Gruber Rechtsanwalt"),
                "customer_name": "Bauträger Steinhof GmbH",
                "currency": "EUR",
                "subtotal": ("3150.00", "3548.00"),  # the fees, or with the outlays outside VAT
                "tax_amount": "630.00",
                "total": "4178.00",
                "amount_due": (None, "4178.00"),
                "vendor_tax_id": "ATU81154992",
                "iban": "AT792011100012345678",
            },
            ["1240.00", "860.00", "1050.00"],
        ),
        "igic_es": (
            factura_igic_es,
            {
                "document_type": "invoice",
                "invoice_number": "A-2024-0355",
                "invoice_date": "2024-04-12",
                "due_date": "2024-05-12",
                "vendor_name": "SUMINISTROS ATLÁNTICO CANARIAS S.L.",
                "customer_name": "HOTEL PLAYA DORADA S.A.",
                "currency": "EUR",
                "subtotal": "2476.00",
                "tax_amount": "173.32",
                "total": "2649.32",
                "amount_due": (None, "2649.32"),
                "vendor_tax_id": "ESB37083706",
                "iban": "ES8021000418424502000513",
            },
            ["1300.00", "1176.00"],
        ),
        "prestazione_occasionale_it": (
            ricevuta_prestazione_occasionale_it,
            {
                "document_type": ("invoice", "receipt"),  # a request for payment titled `ricevuta`
                "invoice_number": "3/2024",
                "invoice_date": "2024-04-15",
                "due_date": None,
                "vendor_name": "Luca Bianchi",
                "customer_name": "Associazione Culturale Porta Saragozza",
                "currency": "EUR",
                "subtotal": (None, "1000.00"),
                "tax_amount": NO_TAX,
                "total": "1000.00",
                "amount_due": "800.00",  # after the withholding
                "vendor_tax_id": (None, "BNCLCU85M12A944G"),  # a personal fiscal code, no VAT id
                "iban": "IT60X0542811101000000123456",
            },
            (["1000.00"], []),
        ),
        "g_rekening_nl": (
            factuur_g_rekening_nl,
            {
                "document_type": "invoice",
                "invoice_number": "2024-1042",
                "invoice_date": "2024-04-12",
                "due_date": "2024-05-12",
                "vendor_name": "Bouwbedrijf Van Dijk B.V.",
                "customer_name": "Aannemersbedrijf Hendriks B.V.",
                "currency": "EUR",
                "subtotal": "20400.00",
                "tax_amount": NO_TAX,
                "total": "20400.00",
                "amount_due": (None, "20400.00"),
                "vendor_tax_id": "NL469541283B01",
                "iban": ("NL44RABO0123456789", "NL20INGB0001234567"),  # the vendor's two accounts
            },
            ["18000.00", "2400.00"],
        ),
        "mentions_legales_fr": (
            facture_mentions_legales_fr,
            {
                "document_type": "invoice",
                "invoice_number": "F-24-0419",
                "invoice_date": "2024-04-19",
                "due_date": "2024-05-19",
                # the legal form printed under the trade name is read as part of it (as round 2 decided)
                "vendor_name": ("Studio Graphique Lumen", "Studio Graphique Lumen SARL"),
                "customer_name": "Domaine de la Garrigue SCEA",
                "currency": "EUR",
                "subtotal": "2250.00",
                "tax_amount": "450.00",
                "total": "2700.00",
                "amount_due": (None, "2700.00"),
                "vendor_tax_id": "FR14260353271",
                "iban": "FR1420041010050500013M02606",
            },
            ["1800.00", "450.00"],
        ),
        "patient_statement_us": (
            patient_statement_us,
            {
                "document_type": "invoice",
                "invoice_number": (None, "0045521"),  # a statement has an account number only
                "invoice_date": "2024-04-10",
                "due_date": "2024-05-01",
                "vendor_name": "Lakeside Family Medicine, P.C.",
                "customer_name": ("Carlos Lopez", "Maria Lopez"),
                "currency": "USD",
                "subtotal": (None, "275.00"),
                "tax_amount": NO_TAX,
                "total": "275.00",
                "amount_due": "50.00",
                "vendor_tax_id": "36-4123456",  # the practice's EIN
                "iban": None,
            },
            (["210.00", "65.00"], ["35.00", "15.00"]),  # the charges or the patient's balance
        ),
        "hotel_folio_us": (
            hotel_folio_us,
            {
                "document_type": ("invoice", "receipt"),
                "invoice_number": "220391",
                "invoice_date": "2024-04-11",
                "due_date": None,
                "vendor_name": "THE HARBORVIEW HOTEL",
                "customer_name": ("Daniel Weber", "Mr. Daniel Weber", "Weber Consulting GmbH"),
                "currency": "USD",
                "subtotal": (None, "931.50"),
                "tax_amount": "121.38",  # the occupancy tax
                "total": "1052.88",
                "amount_due": (None, "0.00"),
                "vendor_tax_id": None,
                "iban": None,
            },
            ["289.00", "40.46", "289.00", "40.46", "64.50", "289.00", "40.46"],
        ),
        "bewirtungsbeleg_de": (
            bewirtungsbeleg_de,
            {
                "document_type": "receipt",
                "invoice_number": "4471",
                "invoice_date": "2024-04-22",
                "due_date": None,
                "vendor_name": "Trattoria da Enzo",
                "customer_name": None,
                "currency": "EUR",
                "subtotal": "86.97",
                "tax_amount": "16.53",
                "total": "103.50",
                "amount_due": (None, "0.00", "103.50"),
                "vendor_tax_id": "045 234 56789",
                "iban": None,
            },
            ["37.00", "24.90", "36.00", "5.60"],
        ),
    }
)


CASES.update(
    {
        "solicitor_ie": (
            solicitor_invoice_ie,
            {
                "document_type": "invoice",
                "invoice_number": "OBW-24-1187",
                "invoice_date": "2024-05-02",
                "due_date": "2024-06-01",
                "vendor_name": "O'Brien & Walsh Solicitors",
                "customer_name": ("Aoife Kelly", "Ms. Aoife Kelly"),
                "currency": "EUR",
                "subtotal": ("2000.00", "2130.00"),  # the fees, or with the outlay outside VAT
                "tax_amount": "460.00",
                "total": "2590.00",
                "amount_due": (None, "2590.00"),
                "vendor_tax_id": "IE6590573W",
                "iban": "IE70BOFI90001712345678",
            },
            (["2000.00"], []),
        ),
        "tandarts_nl": (
            tandarts_nota_nl,
            {
                "document_type": "invoice",
                "invoice_number": "N-2024-05512",
                "invoice_date": "2024-05-06",
                "due_date": "2024-06-05",
                "vendor_name": "Tandartspraktijk Het Zuiden",
                "customer_name": ("J. Bakker", "Dhr. J. Bakker"),
                "currency": "EUR",
                "subtotal": (None, "120.38"),
                "tax_amount": NO_TAX,
                "total": "120.38",
                "amount_due": "120.38",
                "vendor_tax_id": None,  # exempt care: no VAT id printed
                "iban": "NL02ABNA0123456789",
            },
            ["25.44", "17.99", "76.95"],
        ),
        "progress_billing_us": (
            progress_billing_us,
            {
                "document_type": "invoice",
                "invoice_number": "SMC-2404",
                "invoice_date": "2024-04-30",
                "due_date": (None, "2024-05-30"),  # 30 days of approval
                "vendor_name": "Summit Mechanical Contractors, Inc.",
                "customer_name": "Front Range Builders LLC",
                "currency": "USD",
                "subtotal": (None, "207000.00"),
                "tax_amount": NO_TAX,
                "total": "207000.00",  # the work to date, as round 3 reads a situation de travaux
                "amount_due": "44100.00",
                "vendor_tax_id": None,
                "iban": None,
            },
            ["135000.00", "72000.00"],
        ),
        "nota_de_abono_es": (
            nota_de_abono_es,
            {
                "document_type": "credit_note",
                "invoice_number": "AB-2024-0041",
                "invoice_date": "2024-05-07",
                "due_date": None,
                "vendor_name": "DISTRIBUCIONES LEVANTE S.L.",
                "customer_name": "FERRETERÍA ALBAIDA S.L.",
                "currency": "EUR",
                "subtotal": "200.00",
                "tax_amount": "42.00",
                "total": "242.00",
                "amount_due": (None, "242.00"),
                "vendor_tax_id": "ESB55258792",
                "iban": None,
            },
            ["128.00", "72.00"],
        ),
        "adjustment_note_au": (
            adjustment_note_au,
            {
                "document_type": "credit_note",
                "invoice_number": "AN-0092",
                "invoice_date": "2024-05-09",
                "due_date": None,
                "vendor_name": "Southern Cross Office Supplies Pty Ltd",
                "customer_name": "Manly Physio Clinic",
                "currency": "AUD",
                "subtotal": "350.00",
                "tax_amount": "35.00",
                "total": "385.00",
                "amount_due": (None, "385.00"),
                "vendor_tax_id": "71182354100",
                "iban": None,
            },
            ["385.00"],
        ),
        "kredietbeperking_nl": (
            factuur_kredietbeperking_nl,
            {
                "document_type": "invoice",
                "invoice_number": "2024-08817",
                "invoice_date": "2024-05-13",
                "due_date": "2024-06-12",
                "vendor_name": "Bloemengroothandel Aalsmeer B.V.",
                "customer_name": "Bloemsierkunst De Roos",
                "currency": "EUR",
                "subtotal": "1040.00",
                "tax_amount": "93.60",
                "total": "1133.60",
                "amount_due": (None, "1133.60"),
                "vendor_tax_id": "NL856768170B01",
                "iban": "NL63TRIO0212345678",
            },
            ["620.00", "420.00"],
        ),
        "werkstatt_de": (
            werkstatt_rechnung_de,
            {
                "document_type": "invoice",
                "invoice_number": "R-24-03318",
                "invoice_date": "2024-05-14",
                "due_date": (None, "2024-05-14"),  # zahlbar sofort
                "vendor_name": "Autohaus Kramer GmbH",
                "customer_name": ("Stefan Meyer", "Herrn Stefan Meyer"),
                "currency": "EUR",
                "subtotal": "369.90",
                "tax_amount": "70.28",
                "total": "440.18",
                "amount_due": (None, "440.18"),
                "vendor_tax_id": "DE214304432",
                "iban": "DE77100100100123456789",
            },
            ["138.00", "92.00", "68.90", "71.00"],
        ),
    }
)

CASES.update(
    {
        "facture_lu": (
            facture_lu,
            {
                "document_type": "invoice",
                "invoice_number": "DLX-2024-0611",
                "invoice_date": "2024-05-21",
                "due_date": "2024-06-20",
                "vendor_name": "Datalux Services S.à r.l.",
                "customer_name": "Boulangerie Schumacher S.A.",
                "currency": "EUR",
                "subtotal": "4200.00",
                "tax_amount": "714.00",
                "total": "4914.00",
                "amount_due": (None, "4914.00"),
                "vendor_tax_id": "LU97337470",
                "iban": "LU280019400644750000",
            },
            ["1850.00", "2350.00"],
        ),
        "hst_invoice_on": (
            hst_invoice_on,
            {
                "document_type": "invoice",
                "invoice_number": "QW-5520",
                "invoice_date": "2024-05-22",
                "due_date": "2024-06-06",  # Net 15
                "vendor_name": "Queen West Print Co. Ltd.",
                "customer_name": "Lakeshore Yoga Studio",
                "currency": "CAD",
                "subtotal": "360.00",
                "tax_amount": "46.80",
                "total": "406.80",
                "amount_due": "406.80",
                "vendor_tax_id": ("871234563RT0001", "871234563"),
                "iban": None,
            },
            ["190.00", "170.00"],
        ),
        "suplidos_es": (
            factura_suplidos_es,
            {
                "document_type": "invoice",
                "invoice_number": "2024/0388",
                "invoice_date": "2024-05-23",
                "due_date": "2024-06-07",
                "vendor_name": "GESTORÍA ALCALÁ ASESORES S.L.",
                "customer_name": "CAFETERÍA EL RETIRO S.L.",
                "currency": "EUR",
                "subtotal": ("1000.00", "1085.00"),  # the fees, or with the outlays outside IVA
                "tax_amount": "210.00",
                "total": "1295.00",
                "amount_due": (None, "1295.00"),
                "vendor_tax_id": "ESB15262157",
                "iban": "ES9121000418450200051332",
            },
            ["1000.00"],
        ),
        "spese_art15_it": (
            fattura_spese_art15_it,
            {
                "document_type": "invoice",
                "invoice_number": "14/2024",
                "invoice_date": "2024-05-24",
                "due_date": "2024-06-23",
                "vendor_name": "Arch. Chiara Rinaldi",
                "customer_name": "Condominio Via Po 18",
                "currency": "EUR",
                "subtotal": ("832.00", "882.00"),
                "tax_amount": "183.04",
                "total": "1065.04",
                "amount_due": (None, "1065.04"),
                "vendor_tax_id": "IT26577610780",
                "iban": "IT60X0542811101000000123456",
            },
            ["800.00", "32.00"],
        ),
    }
)

CASES.update(
    {
        "fechas_en_letra_es": (
            factura_fechas_en_letra_es,
            {
                "document_type": "invoice",
                "invoice_number": "F-2024-0517",
                "invoice_date": "2024-05-15",
                "due_date": "2024-06-14",
                "vendor_name": "IMPRENTA TURIA S.L.",
                "customer_name": "LIBRERÍA PARIS-VALENCIA S.L.",
                "currency": "EUR",
                "subtotal": "700.00",
                "tax_amount": "147.00",
                "total": "847.00",
                "amount_due": (None, "847.00"),
                "vendor_tax_id": "ESB37083706",
                "iban": "ES8021000418424502000513",
            },
            ["600.00", "100.00"],
        ),
        "mietwagen_de": (
            mietwagen_rechnung_de,
            {
                "document_type": "invoice",
                "invoice_number": "HV-24-118230",
                "invoice_date": "2024-05-27",
                "due_date": None,
                "vendor_name": "Hanse Autovermietung GmbH",
                "customer_name": ("Paul Schneider", "Herrn Paul Schneider"),
                "currency": "EUR",
                "subtotal": "222.00",
                "tax_amount": "42.18",
                "total": "264.18",
                "amount_due": "64.18",  # after the deposit charged
                "vendor_tax_id": "DE611195866",
                "iban": "DE34200505501234567890",
            },
            ["177.00", "45.00"],
        ),
        "tax_invoice_nz": (
            tax_invoice_nz,
            {
                "document_type": "invoice",
                "invoice_number": "KS-2291",
                "invoice_date": "2024-05-28",
                "due_date": "2024-06-20",
                "vendor_name": "Kiwi Sparks Electrical Ltd",
                "customer_name": "Ponsonby Dental Ltd",
                "currency": "NZD",
                "subtotal": "1240.00",
                "tax_amount": "186.00",
                "total": "1426.00",
                "amount_due": (None, "1426.00"),
                "vendor_tax_id": "49-091-850",  # the GST number (the IRD number)
                "iban": None,
            },
            (["1240.00"], []),
        ),
    }
)

# checks that fail for a reason the extraction cannot fix by a general rule today: (case, field) -> reason
_FOLIO_PARTIES = (
    "the guest's block (`Mr. Daniel Weber` / `Weber Consulting GmbH` / a Munich address) runs beside the "
    "folio's box of labels and values, so it is read as no address block: the company's legal form then "
    "outranks the hotel's centred letterhead in capitals and no customer is found; telling the guest's "
    "block needs the salutation line as a recipient's cue inside rows shared with another column "
    "(address_blocks.py, another helper's module): not done"
)
KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("tax_invoice_nz", "customer_name"): (
        "`To:` alone over the customer's name is no customer label: `to` is no lexicon phrase (tried in "
        "batch 7: as a bill-to phrase it marks `pay ... to IBAN` and `Ship to` rows as the buyer's and four "
        "held-out checks failed); reading a two-letter label only where it heads a block of name and "
        "address needs address_blocks.py (another helper's module): not done"
    ),
    ("tandarts_nl", "vendor_tax_id"): (
        "the practice prints no VAT id (exempt care), only `AGB-code 12345678 · KvK 24398761`: the KvK "
        "number is read as the vendor's tax id because company registrations label tax ids (the registry's "
        "`vendor_tax_id` concepts include `company_registration`, for the Belgian ondernemingsnummer that is "
        "the VAT id); telling a registration that is no tax id needs the country's id formats per label: "
        "not done"
    ),
    ("solicitor_ie", "line_items"): (
        "a fee note without an items header (`Professional fees ...  €2,000.00 / VAT @ 23%  €460.00 / "
        "Outlay: ...  €130.00`) is read as a receipt-style block and its VAT row becomes an item; a tax row "
        "among such rows is skipped only when the block adds up with it as a tax: receipt_items.py / "
        "line_items.py (another helper's modules): not done"
    ),
    ("hotel_folio_us", "vendor_name"): _FOLIO_PARTIES,
    ("hotel_folio_us", "customer_name"): _FOLIO_PARTIES,
}


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


# which library checks a printed tax id: by its shape (the EU VAT ids by their prefix)
_ID_CHECKS = (
    (r"CHE.*", ch_uid.is_valid),
    (r"GB.*", gb_vat.is_valid),
    (r"\d{2}-\d{7}", us_ein.is_valid),  # a US EIN
    (r"\d{3} \d{3} \d{5}|\d+/\d+/\d+", de_stnr.is_valid),  # a German Steuernummer
    (r"[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]", it_cf.is_valid),  # an Italian personal fiscal code
    (r"\d{11}", au_abn.is_valid),
    (r"\d{2}-\d{3}-\d{3}", nz_ird.is_valid),  # a New Zealand IRD / GST number
    (r"\d{9}.*", ca_bn.is_valid),
    (r".*", eu_vat.is_valid),
)


def _valid_id(value: str) -> bool:
    return next(check(value) for shape, check in _ID_CHECKS if re.fullmatch(shape, value))


def test_the_pages_identifiers_carry_valid_check_digits():
    """The ids printed on these pages are real-format ids (so a miss is the extraction's, not the data's)."""
    for _, expected, _ in CASES.values():
        for key in ("iban", "vendor_tax_id"):
            values = expected.get(key)
            for value in values if isinstance(values, tuple) else (values,):
                if value is None:
                    continue
                if key == "iban":
                    IBAN(value)  # raises on a bad check digit
                else:
                    assert _valid_id(value), value
    buyers = ("DE611195866", "BE0803639456", "ATU29134371", "IT35567460742", "DE200958794")
    for other in buyers:  # the buyers' ids
        assert eu_vat.is_valid(other)


def _first(value):
    return value[0] if isinstance(value, tuple) else value


def test_the_expected_amounts_add_up():
    """The pages' arithmetic is right: subtotal + tax = total (plus a charge after the subtotal); the items
    add up to the subtotal, or to the total where they are priced with tax (the Australian GST-inclusive
    prices, the Quittung's, a folio's and a restaurant's gross amounts)."""
    # freight; export packing; a lawyer's outlays outside VAT
    charges = {
        "distributor_us": 45.00,
        "proforma_us": 220.00,
        "honorarnote_at": 398.00,
        "solicitor_ie": 130.00,
        "suplidos_es": 85.00,
        "spese_art15_it": 50.00,
    }
    gross_items = {
        "tax_invoice_au",
        "quittung_de",
        "hotel_folio_us",
        "bewirtungsbeleg_de",
        "adjustment_note_au",
    }
    for case, (_, expected, items) in CASES.items():
        tax = expected["tax_amount"] if isinstance(expected["tax_amount"], str) else "0.00"
        subtotal = _first(expected["subtotal"]) or f"{float(expected['total']) - float(tax):.2f}"
        total = float(subtotal) + float(tax) + charges.get(case, 0.0)
        assert total == pytest.approx(float(expected["total"])), case
        items = _first(items)
        target = expected["total"] if case in gross_items else subtotal
        assert sum(float(a) for a in items) == pytest.approx(float(target)), case


# The general rules behind the fixes, each on a small page of its own.


def _fields(rows, today=date(2025, 6, 1)):
    invoice = extract_invoice(text_layer_page(rows), options=ExtractionOptions(today=today))
    return {name: field.value for name, field in invoice.fields.items()}


def _priced(*head, tail=()):
    return [
        *head,
        [],
        [("Description", 0.06), ("Qty", 0.52), ("Price", 0.64), ("Amount", 0.82)],
        [("Consulting", 0.06), ("1", 0.53), ("200.00", 0.64), ("200.00", 0.82)],
        [],
        [("Net", 0.56), ("200.00", 0.82)],
        [("VAT 20%", 0.56), ("40.00", 0.83)],
        [("Total", 0.56), ("240.00", 0.82)],
        [],
        *tail,
    ]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ([("ANGEBOT Nr. AN-77", 0.06)], "quote"),
        ([("Bau GmbH", 0.06), ("Offerte 2024-12", 0.60)], "quote"),
        ([("Acme Ltd", 0.06), ("PROFORMA INVOICE", 0.66)], "quote"),
        # an invoice's info box naming the quote it follows: still an invoice
        ([("RECHNUNG Nr. 2024-5", 0.06), ("Angebot", 0.60), ("AN-77", 0.78)], "invoice"),
    ],
)
def test_a_quote_or_proforma_title_makes_a_quote_with_no_amount_due(title, expected):
    fields = _fields(_priced([("Bau GmbH", 0.06)], title))
    assert fields["document_type"] == expected
    assert ("amount_due" in fields) == (expected == "invoice")


def test_a_quote_is_refused_by_the_e_invoice_export_and_owes_nothing_in_the_ledger():
    from ocr_tasks.anomaly.ledger import Entry
    from ocr_tasks.anomaly.records import InvoiceRecord
    from ocr_tasks.einvoice.writers import EInvoiceExportInvalid, export_einvoice

    invoice = extract_invoice(angebot_de(), options=TODAY)
    with pytest.raises(EInvoiceExportInvalid) as raised:
        export_einvoice(invoice, "ubl")
    assert [e["rule"] for e in raised.value.errors] == ["quote-not-invoice"]
    record = InvoiceRecord(document_id="q", sha256="0", total="12257.00", document_type="quote")
    assert Entry.of(record).total is None
    assert Entry.of(InvoiceRecord(document_id="i", sha256="1", total="12257.00")).total == 12257.0


def test_a_self_billed_gutschrift_is_the_addressees_invoice():
    rows = [
        [("Verlag Sonnenberg GmbH", 0.06)],
        [("USt-IdNr. DE200958794", 0.06)],
        [],
        [("Dr. Hanna Vogel", 0.06), ("Gutschrift-Nr. G-12", 0.60)],
        [("Lindenweg 4", 0.06), ("Datum 02.04.2024", 0.60)],
        [("80331 München", 0.06)],
        [("Ihre USt-IdNr. DE879976249", 0.06)],
        [],
        [("Gutschrift", 0.06)],
        [("Honorarabrechnung im Gutschriftsverfahren", 0.06)],
        [("Honorar 1. Quartal", 0.06), ("1.000,00 €", 0.80)],
        [("zzgl. 7 % USt.", 0.56), ("70,00 €", 0.81)],
        [("Auszahlungsbetrag", 0.56), ("1.070,00 €", 0.80)],
    ]
    fields = _fields(rows)
    assert (fields["document_type"], fields.get("vendor_name"), fields.get("customer_name")) == (
        "invoice",
        "Dr. Hanna Vogel",
        "Verlag Sonnenberg GmbH",
    )
    assert fields.get("vendor_tax_id") == "DE879976249"
    rows[9] = [("Wir schreiben Ihnen gut:", 0.06)]  # a plain Gutschrift: the issuer's credit note
    fields = _fields(rows)
    assert (fields["document_type"], fields.get("vendor_name")) == ("credit_note", "Verlag Sonnenberg GmbH")


def test_net_parts_on_consecutive_subtotal_rows_add_up():
    rows = _priced([("Acme Supply Inc.", 0.06)])[:-5] + [
        [("Taxable Subtotal", 0.56), ("200.00", 0.82)],
        [("Non-Taxable Subtotal", 0.56), ("50.00", 0.83)],
        [("Sales Tax 8%", 0.56), ("16.00", 0.83)],
        [("TOTAL", 0.56), ("266.00", 0.82)],
    ]
    assert _fields(rows).get("subtotal") == "250.00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Betrag  1 949.75", ["1949.75"]),
        ("CHF 1 949.75", ["1949.75"]),
        ("2 x 4 191.81", ["2", "4", "191.81"]),  # a quantity beside a price: no thousands
        ("Total 4 191.81", ["4", "191.81"]),
    ],
)
def test_an_amount_spaced_in_thousands_with_a_point_that_fills_its_cell(text, expected):
    from ocr_tasks.normalise.amounts import find_amounts

    assert [str(a.value) for a in find_amounts(text)] == expected


def test_digit_groups_alone_in_a_cell_are_one_number():
    rows = _priced([("FunkNetz GmbH", 0.06)], [("Rechnungsnummer", 0.58), ("2024 0312 4477", 0.78)])
    assert _fields(rows).get("invoice_number") == "202403124477"


@pytest.mark.parametrize(
    ("line", "country", "currency"),
    [
        ("GST/HST No. 213119290 RT0001 · Montréal, QC H2T 1R2", "CA", "CAD"),
        ("ABN 40 695 582 591 · Annandale NSW 2038", "AU", "AUD"),
        ("VAT Reg. No. GB 475 2218 88", "GB", "GBP"),
    ],
)
def test_national_cues_name_the_country_and_so_what_a_dollar_or_no_sign_means(line, country, currency):
    from ocr_tasks.normalise.countries import guess_country

    assert guess_country(line) == country
    rows = [[("Harbour Works", 0.06)], [(line, 0.06)], [("Total", 0.56), ("$240.00", 0.82)]]
    if currency == "GBP":
        rows[-1] = [("Total", 0.56), ("240.00", 0.82)]
    assert _fields(rows).get("currency") == currency


def test_the_digit_groups_of_an_iban_are_no_amounts():
    rows = _priced(
        [("Taller Ruiz S.L.", 0.06)],
        tail=[[("IVA: exento. Transferencia a ES91 2100 0418 4502 0005 1332", 0.06)]],
    )
    fields = _fields(rows)
    assert (fields.get("tax_amount"), fields.get("total")) == ("40.00", "240.00")


@pytest.mark.parametrize(
    ("terms", "due"),
    [
        ("Payable sur réception.", "2024-03-15"),
        ("Wij schrijven dit bedrag op of na 29 maart 2024 af van uw rekening.", "2024-03-29"),
        ("Addebito su conto corrente il 20/04/2024.", "2024-04-20"),
    ],
)
def test_payment_on_receipt_and_direct_debit_dates(terms, due):
    rows = _priced([("Atelier Nord", 0.06)], [("Invoice No. 2024-031", 0.06), ("Date: 15/03/2024", 0.60)])
    assert _fields(rows + [[(terms, 0.06)]]).get("due_date") == due


def test_a_receipt_of_cash_names_the_payer_and_leaves_nothing_due():
    rows = [
        [("Schlüsseldienst Krause", 0.06)],
        [("Inh. Detlef Krause · Lange Reihe 9 · 20099 Hamburg", 0.06)],
        [("QUITTUNG Nr. 0418", 0.06)],
        [("Gesamtbetrag", 0.56), ("59,50 €", 0.81)],
        [("Betrag in bar dankend erhalten von Frau Eva Lind, Hamburg.", 0.06)],
    ]
    fields = _fields(rows)
    assert (fields.get("vendor_name"), fields.get("customer_name")) == (
        "Schlüsseldienst Krause",
        "Frau Eva Lind",
    )
    assert "amount_due" not in fields


def test_a_letters_place_and_date_is_the_invoice_date_over_the_dates_of_its_services():
    rows = [
        [("Dr. Eva Brandt", 0.06)],
        [("Rechtsanwältin", 0.06)],
        [("Graz, am 3. Mai 2024", 0.56)],
        [("HONORARNOTE Nr. 2024/0201", 0.06)],
        [("Leistung", 0.06), ("Betrag", 0.84)],
        [("Klage vom 12.02.2024", 0.06), ("500,00", 0.84)],
        [("Summe Leistungen", 0.56), ("500,00", 0.84)],
        [("20 % USt", 0.56), ("100,00", 0.84)],
        [("Barauslagen (ust-frei)", 0.40), ("50,00", 0.85)],
        [("Gesamtbetrag", 0.56), ("650,00", 0.84)],
    ]
    fields = _fields(rows)
    assert fields.get("invoice_date") == "2024-05-03"
    # the outlays free of VAT are no tax; the sum above the tax is the net
    assert (fields.get("subtotal"), fields.get("tax_amount"), fields.get("total")) == (
        "500.00",
        "100.00",
        "650.00",
    )


def test_the_total_of_a_statement_is_the_charges_before_the_payments_subtracted():
    rows = _priced([("Lakeside Clinic, P.C.", 0.06)])[:-5] + [
        [("Total Charges", 0.62), ("200.00", 0.85)],
        [("Insurance Payments", 0.62), ("(150.00)", 0.84)],
        [("Amount Due", 0.62), ("$50.00", 0.85)],
    ]
    fields = _fields(rows)
    assert (fields.get("total"), fields.get("amount_due")) == ("200.00", "50.00")


def test_a_word_inside_a_sentence_before_a_value_is_no_label():
    """The Italian `due` (two) in a description is no `due` label; `Netto a pagare` is the amount due."""
    rows = [
        [("Luca Bianchi", 0.06)],
        [("RICEVUTA n. 4/2024", 0.06)],
        [("Compenso lordo per la conduzione di due laboratori di fotografia", 0.06), ("500,00 €", 0.82)],
        [("Ritenuta d'acconto 20%", 0.06), ("- 100,00 €", 0.81)],
        [("Netto a pagare", 0.06), ("400,00 €", 0.83)],
    ]
    fields = _fields(rows)
    assert (fields.get("invoice_number"), fields.get("total"), fields.get("amount_due")) == (
        "4/2024",
        "500.00",
        "400.00",
    )


@pytest.mark.parametrize(
    ("paid", "expected"), [("Bezahlt Mastercard", "receipt"), ("Zahlbar bis 30.04.2024", "invoice")]
)
def test_an_invoice_titled_bill_paid_by_card_with_no_customer_is_a_receipt(paid, expected):
    rows = [
        [("Trattoria da Enzo", 0.36)],
        [("Rechnung Nr. 4472", 0.20)],
        [("23.04.2024", 0.20)],
        [("1 x Saltimbocca", 0.20), ("24,90", 0.70)],
        [("Summe EUR", 0.20), ("24,90", 0.69)],
        [(paid, 0.20)],
    ]
    assert _fields(rows)["document_type"] == expected


def test_a_tie_between_countries_goes_to_the_one_named_first():
    from ocr_tasks.normalise.countries import guess_country

    text = "455 Embarcadero, San Francisco, CA 94111\nMr. D. Weber\nMarienplatz 3, 80331 München, Germany"
    assert guess_country(text) == "US"


def test_a_birth_date_is_no_invoice_date_and_a_legal_paragraph_no_tax():
    rows = _priced(
        [("Tandartspraktijk Noord", 0.06)],
        [("Dhr. P. de Vries", 0.06), ("Geboortedatum", 0.58), ("02-03-1961", 0.76)],
        [("Notadatum", 0.58), ("10-05-2024", 0.76)],
        tail=[[("Vrijgesteld van btw (art. 11 lid 1 sub g Wet OB).", 0.06)]],
    )
    fields = _fields(rows)
    assert (fields.get("invoice_date"), fields.get("tax_amount")) == ("2024-05-10", "40.00")


@pytest.mark.parametrize("title", ["NOTA DE ABONO Nº AB-7", "ADJUSTMENT NOTE AN-7"])
def test_credit_note_titles_of_spain_and_australia(title):
    assert _fields(_priced([("Harbour Works", 0.06)], [(title, 0.06)]))["document_type"] == "credit_note"


def test_a_total_of_other_supplies_between_is_no_payment():
    """SROIE X51006556838: `Total 6% supplies (Inc. GST): 30.01 / Total 0% supplies: -7.43 / Total Payable:
    22.58`: the return of zero-rated supplies is part of the document, so the payable is the total."""
    rows = [
        [("GARDENIA BAKERIES (KL) SDN BHD", 0.06)],
        [("TAX INVOICE / ADJUSTMENT NOTE", 0.06)],
        [("Total 6% supplies (excl. GST):", 0.06), ("28.32", 0.60)],
        [("GST:", 0.06), ("1.69", 0.61)],
        [("Total 6% supplies (Inc. GST):", 0.06), ("30.01", 0.60)],
        [("Total 0% supplies:", 0.06), ("-7.43", 0.60)],
        [("Total Payable:", 0.06), ("22.58", 0.60)],
    ]
    assert _fields(rows).get("total") == "22.58"


def test_the_spanish_may_with_its_de_is_a_month_and_alone_no_month():
    from ocr_tasks.normalise.dates import find_dates

    assert [d.value.isoformat() for d in find_dates("Fecha: 23 de mayo de 2024")] == ["2024-05-23"]
    assert find_dates("2 MAYO 2024") == []  # a receipt's mayonnaise


def test_a_tax_printed_only_as_item_lines_is_their_sum():
    rows = [
        [("THE HARBORVIEW HOTEL", 0.36)],
        [("Folio No. 220392", 0.06), ("Date 04/11/2024", 0.56)],
        [("Date", 0.06), ("Description", 0.20), ("Charges", 0.66)],
        [("04/09/2024", 0.06), ("Room Charge", 0.20), ("200.00", 0.66)],
        [("04/09/2024", 0.06), ("Occupancy Tax 14%", 0.20), ("28.00", 0.67)],
        [("04/10/2024", 0.06), ("Room Charge", 0.20), ("200.00", 0.66)],
        [("04/10/2024", 0.06), ("Occupancy Tax 14%", 0.20), ("28.00", 0.67)],
        [("04/10/2024", 0.06), ("Minibar", 0.20), ("12.00", 0.67)],  # (a tax line last reads as a totals row)
        [("Total Charges", 0.46), ("468.00", 0.65)],
    ]
    assert _fields(rows).get("tax_amount") == "56.00"


def test_a_page_that_names_its_dollar_by_its_code_makes_its_signs_that_dollar():
    from ocr_tasks.normalise.currency import printed_dollar

    assert printed_dollar("Total NZD  $1,426.00") == "NZD"
    assert printed_dollar("CAD drawings  $120.00") is None  # a word, no code
    rows = [
        [("Kiwi Sparks Ltd", 0.06)],
        [("Subtotal", 0.56), ("$100.00", 0.82)],
        [("Total NZD", 0.56), ("$115.00", 0.82)],
    ]
    assert _fields(rows).get("currency") == "NZD"


def test_a_street_line_with_postcode_and_town_is_no_customer_name():
    rows = _priced(
        [("IMPRENTA TURIA S.L.", 0.06)],
        [("Cliente: LIBRERÍA PARIS-VALENCIA S.L.", 0.06)],
        [("NIF cliente: A30012348", 0.06)],
        [("C/ Pelayo 7, 46007 Valencia", 0.06)],
    )
    assert _fields(rows).get("customer_name") == "LIBRERÍA PARIS-VALENCIA S.L."
