"""Round 4 of the held-out scan check (issue 13): nine invoices and receipts drawn with the reportlab pen
(`styled_pages.Pen`) and captured in forms rounds 1-3 lack (`capture_forms.py`): phone photos of a page
(perspective tilt, bulged paper, light falling off and a shadow, JPEG 70), a fax (1 bit, 200 dpi), a
two-page invoice whose items run over to page 2 with the totals there, a till roll photographed on a dark
table, a red `BEZAHLT` stamp at an angle over the totals with pen marks by hand, pages scanned upside down
and sideways, a landscape invoice. Seven languages and country forms (de, en-US, fr, nl, es, de-AT, en-GB,
it, de-CH); VAT ids, SIRET and IBANs carry valid check digits (python-stdnum, schwifty).

The expectations (what a reader of the page writes down) were written before the product was run on the
pages. `bench/held_out_scans.py` reads them (keys `4:<case>`) from the text layer, at 200 dpi, degraded,
and in the case's own capture form (`captured`)."""

from __future__ import annotations

from datetime import date

from tests.ocr_tasks.extraction.held_out_scans_3 import _table
from tests.ocr_tasks.extraction.styled_pages import Pen

TODAY = date(2025, 6, 1)
LANDSCAPE = (297.0, 210.0)
TILL_ROLL = (80.0, 190.0)


def _lines(pen: Pen, x: float, y: float, lines, *, size: float = 9.0, step: float = 4.6) -> None:
    for k, line in enumerate(lines):
        pen.text(x, y + k * step, line, size=size)


def _right_block(pen: Pen, x_label: float, x_value: float, y: float, pairs, *, size: float = 9.0) -> None:
    for k, (label, value) in enumerate(pairs):
        pen.text(x_label, y + k * 5, label, size=size)
        pen.text(x_value, y + k * 5, value, size=size, right=True)


def photo_rechnung_de(pen: Pen) -> None:
    """A Dresden tiler's Rechnung photographed with a phone: letterhead left, the information block right,
    the address window, a three-item table in m² and sacks, `Nettobetrag` / `zzgl. 19 % MwSt.` /
    `Rechnungsbetrag`, the bank and VAT id in a footer."""
    pen.text(18, 20, "Fliesen Hartung GmbH", size=15, bold=True)
    pen.text(18, 26, "Meisterbetrieb für Fliesen, Platten und Mosaik", size=8)
    pen.text(18, 44, "Fliesen Hartung GmbH · Großenhainer Str. 101 · 01127 Dresden", size=7)
    _lines(pen, 18, 52, ["Wohnbau Elbtal GmbH", "Leipziger Straße 40", "01127 Dresden"], size=10, step=5)
    _right_block(
        pen,
        125,
        192,
        52,
        [
            ("Rechnungs-Nr.", "2024-0617"),
            ("Rechnungsdatum", "12.06.2024"),
            ("Kunden-Nr.", "K-3318"),
            ("Leistungszeitraum", "03.06.-07.06.2024"),
        ],
    )
    pen.text(18, 88, "Rechnung", size=14, bold=True)
    pen.text(18, 96, "Bauvorhaben: Neubau Leipziger Straße 40, Treppenhaus und Flure")
    columns = [(18, False), (28, False), (125, True), (155, True), (192, True)]
    y = _table(
        pen,
        108,
        columns,
        ["Pos.", "Leistung", "Menge", "Einzelpreis", "Gesamtpreis"],
        [
            ["1", "Bodenfliesen Feinsteinzeug 60x60", "42,5 m²", "38,90 €", "1.653,25 €"],
            ["2", "Verlegearbeiten Boden", "42,5 m²", "29,00 €", "1.232,50 €"],
            ["3", "Fugenmaterial grau", "6 Sack", "14,80 €", "88,80 €"],
        ],
    )
    _right_block(pen, 125, 192, y + 6, [("Nettobetrag", "2.974,55 €"), ("zzgl. 19 % MwSt.", "565,16 €")])
    pen.rule(120, 192, y + 13)
    pen.text(125, y + 18, "Rechnungsbetrag", bold=True)
    pen.text(192, y + 18, "3.539,71 €", bold=True, right=True)
    pen.text(18, y + 32, "Bitte überweisen Sie den Betrag bis zum 26.06.2024 ohne Abzug.")
    pen.rule(18, 192, 272)
    pen.text(18, 277, "Fliesen Hartung GmbH · Geschäftsführer: Ralf Hartung · HRB 41877 Dresden", size=7)
    pen.text(
        18, 281, "USt-IdNr. DE274193600 · Ostsächsische Sparkasse · IBAN DE89 5001 0517 5407 3242 18", size=7
    )


def photo_invoice_us(pen: Pen) -> None:
    """A Vancouver (WA) print shop's invoice photographed with a phone: the name and address left, INVOICE
    and its data right, BILL TO, four items with quantities, `Subtotal` / `Sales Tax 8.7%` / `Total` /
    `Balance Due`, terms Net 30."""
    pen.text(18, 20, "Cascade Print & Sign", size=16, bold=True)
    _lines(pen, 18, 27, ["2210 Main Street", "Vancouver, WA 98660", "(360) 555-0187"], size=8.5, step=4)
    pen.text(192, 20, "INVOICE", size=18, bold=True, right=True)
    _right_block(
        pen,
        140,
        192,
        30,
        [
            ("Invoice #", "20931"),
            ("Invoice Date", "05/14/2024"),
            ("Terms", "Net 30"),
            ("Due Date", "06/13/2024"),
        ],
    )
    pen.text(18, 58, "BILL TO", bold=True)
    _lines(
        pen,
        18,
        63,
        ["Willamette Dental Group", "Attn: Office Manager", "415 E Mill Plain Blvd", "Vancouver, WA 98663"],
    )
    columns = [(18, False), (125, True), (155, True), (192, True)]
    y = _table(
        pen,
        92,
        columns,
        ["DESCRIPTION", "QTY", "RATE", "AMOUNT"],
        [
            ["Vinyl banner 3 x 8 ft, full color", "2", "96.00", "192.00"],
            ["Business cards, 500 per box", "4", "42.50", "170.00"],
            ["Window decals, die cut", "6", "18.75", "112.50"],
            ["Design time (hours)", "1.5", "65.00", "97.50"],
        ],
        band=0.9,
    )
    _right_block(
        pen, 130, 192, y + 6, [("Subtotal", "572.00"), ("Sales Tax 8.7%", "49.76"), ("Total", "621.76")]
    )
    pen.rule(128, 192, y + 19)
    pen.text(130, y + 24, "Balance Due", bold=True)
    pen.text(192, y + 24, "$621.76", bold=True, right=True)
    pen.text(
        18,
        y + 40,
        "Thank you for your business! Please include the invoice number with your payment.",
        size=8.5,
    )


def fax_facture_fr(pen: Pen) -> None:
    """A Rouen plumber's facture sent by fax: the firm in capitals, the client at the right, `FACTURE N°`,
    a table with a VAT column at the reduced renovation rate (10 %), `Total HT` / `TVA 10 %` / `Total TTC`,
    the legal mentions in the footer (SIRET, TVA, IBAN)."""
    pen.text(18, 20, "PLOMBERIE LEMAIRE", size=15, bold=True)
    _lines(
        pen,
        18,
        26,
        ["Chauffage - Sanitaire", "27 rue Jeanne d'Arc", "76000 Rouen", "Tél. 02 35 71 48 20"],
        size=9,
    )
    _lines(
        pen,
        118,
        48,
        ["Résidence Les Acacias", "c/o Cabinet Foncia Rouen", "5 place Saint-Marc", "76000 Rouen"],
        size=10,
        step=5,
    )
    pen.text(18, 82, "FACTURE N° F24-0392", size=13, bold=True)
    pen.text(18, 89, "Date : 21/05/2024")
    pen.text(18, 94, "Échéance : 20/06/2024")
    columns = [(18, False), (115, True), (135, True), (160, True), (192, True)]
    y = _table(
        pen,
        106,
        columns,
        ["Désignation", "Qté", "TVA", "P.U. HT", "Total HT"],
        [
            ["Remplacement chauffe-eau 200 L", "1", "10 %", "689,00", "689,00"],
            ["Main d'oeuvre (heures)", "3,5", "10 %", "52,00", "182,00"],
            ["Déplacement", "1", "10 %", "35,00", "35,00"],
        ],
        band=None,
    )
    pen.rule(18, 192, y - 3)
    _right_block(
        pen, 130, 192, y + 6, [("Total HT", "906,00 €"), ("TVA 10 %", "90,60 €"), ("Total TTC", "996,60 €")]
    )
    pen.text(
        18, y + 30, "Règlement par virement à 30 jours. Pas d'escompte pour paiement anticipé.", size=8.5
    )
    pen.rule(18, 192, 274)
    pen.text(
        18,
        279,
        "SARL Plomberie Lemaire - SIRET 532 817 269 00018 - TVA FR71532817269 - RCS Rouen",
        size=7.5,
    )
    pen.text(18, 283.5, "IBAN FR76 3000 4000 3100 0123 4567 865 - BIC BNPAFRPPXXX", size=7.5)


NL_ITEMS = [
    ("Bloem tarwe 25 kg", "4", "18,40", "9%", "73,60"),
    ("Roomboter 10 x 250 g", "6", "21,90", "9%", "131,40"),
    ("Eieren scharrel 180 st.", "2", "34,20", "9%", "68,40"),
    ("Olijfolie extra vierge 5 l", "3", "42,75", "9%", "128,25"),
    ("Zonnebloemolie 10 l", "2", "24,60", "9%", "49,20"),
    ("Tomaten gepeld 6 x 2,5 kg", "2", "19,80", "9%", "39,60"),
    ("Basmati rijst 10 kg", "2", "23,45", "9%", "46,90"),
    ("Pasta penne 12 x 1 kg", "3", "16,20", "9%", "48,60"),
    ("Parmezaan 1 kg", "4", "22,90", "9%", "91,60"),
    ("Mozzarella 12 x 125 g", "5", "11,40", "9%", "57,00"),
    ("Slagroom 35% 1 l", "12", "4,15", "9%", "49,80"),
    ("Kippendijen 5 kg", "3", "38,50", "9%", "115,50"),
    ("Zalmfilet 2 kg", "2", "49,90", "9%", "99,80"),
    ("Frites 4 x 2,5 kg", "5", "13,75", "9%", "68,75"),
    ("Mayonaise emmer 10 l", "1", "27,30", "9%", "27,30"),
    ("Koffiebonen 1 kg", "6", "17,95", "9%", "107,70"),
    ("Thee assortiment 6 x 25", "2", "12,60", "9%", "25,20"),
    ("Suikerzakjes 1000 st.", "1", "14,10", "9%", "14,10"),
    ("Sinaasappelsap 12 x 1 l", "3", "15,90", "9%", "47,70"),
    ("Mineraalwater 24 x 0,5 l", "6", "8,40", "9%", "50,40"),
    ("Afwasmiddel 5 l", "2", "11,95", "21%", "23,90"),
    ("Servetten 3-laags 1000 st.", "3", "16,80", "21%", "50,40"),
    ("Vuilniszakken 120 l", "4", "9,35", "21%", "37,40"),
    ("Handschoenen nitril 100 st.", "5", "7,60", "21%", "38,00"),
    ("Aluminiumfolie 300 m", "1", "28,40", "21%", "28,40"),
    ("Bakpapier 500 vel", "2", "19,25", "21%", "38,50"),
]


def two_page_factuur_nl(pen: Pen) -> None:
    """A Zwolle wholesaler's two-page factuur: 26 items, 20 on page 1 and 6 on page 2 under the repeated
    heading, page numbers in the footers, the totals on page 2 with VAT per rate (9 % and 21 %) and no VAT
    sum printed."""
    columns = [(18, False), (120, True), (145, True), (160, True), (192, True)]
    head = ["Omschrijving", "Aantal", "Prijs", "BTW", "Bedrag"]
    rows = [[d, q, p, r, a] for d, q, p, r, a in NL_ITEMS]
    pen.text(18, 20, "Groothandel Van der Meer B.V.", size=14, bold=True)
    _lines(pen, 18, 26, ["Hanzelaan 310", "8017 JM Zwolle", "Tel. 038 421 77 00"], size=8.5, step=4)
    _lines(
        pen,
        118,
        44,
        ["Restaurant De Gouden Leeuw", "t.a.v. crediteurenadministratie", "Markt 12", "8011 LK Zwolle"],
        size=9.5,
        step=4.8,
    )
    pen.text(18, 72, "FACTUUR", size=13, bold=True)
    _right_block(
        pen,
        18,
        90,
        79,
        [("Factuurnummer", "2024-30518"), ("Factuurdatum", "03-06-2024"), ("Vervaldatum", "03-07-2024")],
    )
    _table(pen, 102, columns, head, rows[:20], step=6.4)
    pen.text(105, 285, "Pagina 1 van 2", size=8, right=True)
    pen.page()
    pen.text(18, 20, "Groothandel Van der Meer B.V.", size=10, bold=True)
    pen.text(18, 26, "Factuur 2024-30518 (vervolg)", size=9)
    y = _table(pen, 38, columns, head, rows[20:], step=6.4)
    pen.rule(110, 192, y)
    _right_block(
        pen,
        115,
        192,
        y + 6,
        [
            ("Subtotaal", "1.557,40"),
            ("BTW 9% over 1.340,80", "120,67"),
            ("BTW 21% over 216,60", "45,49"),
        ],
    )
    pen.rule(110, 192, y + 19)
    pen.text(115, y + 24, "Totaal te betalen", bold=True)
    pen.text(192, y + 24, "€ 1.723,56", bold=True, right=True)
    pen.text(18, y + 40, "Gelieve te betalen binnen 30 dagen op IBAN NL63 INGB 0007 3912 56.", size=8.5)
    pen.rule(18, 192, 274)
    pen.text(18, 279, "KvK 05063127  ·  BTW NL853172602B01  ·  IBAN NL63 INGB 0007 3912 56", size=7.5)
    pen.text(105, 285, "Pagina 2 van 2", size=8, right=True)


def till_receipt_es(pen: Pen) -> None:
    """A Madrid hardware shop's simplified invoice on an 80 mm till roll: the shop in capitals centred, CIF,
    `FACTURA SIMPLIFICADA`, number and date with the time, four items with quantities, `TOTAL`, the VAT
    breakdown (VAT included), the card payment."""
    s = 8.0

    def centre(y: float, text: str, *, size: float = s, bold: bool = False) -> None:
        pen.text(40 - pen.width(text, size=size, bold=bold) / 2, y, text, size=size, bold=bold)

    centre(12, "FERRETERIA SAN ROQUE S.L.", size=9.5, bold=True)
    centre(17, "Calle Mayor 12")
    centre(21, "28013 Madrid")
    centre(25, "CIF B82174301")
    centre(31, "FACTURA SIMPLIFICADA", bold=True)
    pen.text(5, 37, "Nº T24-018823", size=s)
    pen.text(5, 41, "Fecha 07/06/2024  12:41", size=s)
    pen.rule(5, 75, 44, line=0.4)
    y = 49.0
    for desc, qty, price, amount in [
        ("TORNILLO 4X40 CAJA", "2", "3,95", "7,90"),
        ("CINTA AISLANTE", "1", "1,80", "1,80"),
        ("BROCA HSS 6MM", "3", "2,45", "7,35"),
        ("PILAS AA 4U", "1", "4,99", "4,99"),
    ]:
        pen.text(5, y, desc, size=s)
        pen.text(10, y + 4, f"{qty} x {price}", size=s)
        pen.text(75, y + 4, amount, size=s, right=True)
        y += 9.5
    pen.rule(5, 75, y, line=0.4)
    pen.text(5, y + 6, "TOTAL", size=10, bold=True)
    pen.text(75, y + 6, "22,04 €", size=10, bold=True, right=True)
    pen.text(5, y + 13, "IVA 21%  Base 18,21  Cuota 3,83", size=s)
    pen.text(5, y + 19, "TARJETA", size=s)
    pen.text(75, y + 19, "22,04", size=s, right=True)
    centre(y + 28, "IVA INCLUIDO - GRACIAS POR SU VISITA")


def stamped_rechnung_at(pen: Pen) -> None:
    """A Linz joinery's Rechnung with a red `BEZAHLT` stamp turned over the totals and pen marks by hand: a
    tick beside the total, the payment date and initials scribbled, a signature, an underline."""
    pen.text(18, 20, "Tischlerei Mayrhofer GmbH", size=14, bold=True)
    _lines(
        pen, 18, 26, ["Dornacher Straße 18", "4040 Linz", "office@mayrhofer-tischlerei.at"], size=8.5, step=4
    )
    _lines(pen, 18, 50, ["Café Konditorei Aigner", "Herrenstraße 6", "4020 Linz"], size=10, step=5)
    _right_block(
        pen,
        125,
        192,
        50,
        [
            ("Rechnung Nr.", "24-1108"),
            ("Datum", "18.06.2024"),
            ("Fällig am", "02.07.2024"),
            ("UID Kunde", "ATU61528403"),
        ],
    )
    pen.text(18, 84, "RECHNUNG", size=14, bold=True)
    columns = [(18, False), (120, True), (150, True), (192, True)]
    y = _table(
        pen,
        96,
        columns,
        ["Bezeichnung", "Menge", "Einzelpreis", "Betrag"],
        [
            ["Sitzbank Eiche nach Maß", "1", "1.840,00", "1.840,00"],
            ["Tischplatten Eiche massiv", "4", "265,00", "1.060,00"],
            ["Montage (Stunden)", "6", "58,00", "348,00"],
        ],
    )
    _right_block(pen, 125, 192, y + 6, [("Nettobetrag", "3.248,00 €"), ("20 % USt.", "649,60 €")])
    pen.rule(120, 192, y + 13)
    pen.text(125, y + 18, "Gesamtbetrag", bold=True)
    pen.text(192, y + 18, "3.897,60 €", bold=True, right=True)
    pen.text(18, y + 34, "Zahlbar bis 02.07.2024 ohne Abzug. Wir danken für Ihren Auftrag.", size=9)
    # the hand marks and the stamp, as the customer's bookkeeper left them
    pen.stroke([(196, y + 16), (198, y + 19), (203, y + 11)], line=1.0)  # a tick beside the total
    pen.stroke([(124, y + 20.5), (150, y + 21.2), (176, y + 20.4), (193, y + 21)], line=0.7)  # underline
    pen.stroke(
        [(40, y + 52), (44, y + 46), (47, y + 53), (51, y + 45), (54, y + 52), (60, y + 49), (70, y + 50)],
        line=0.8,
    )  # a signature
    pen.stroke([(78, y + 49), (81, y + 46), (83, y + 51), (86, y + 47), (90, y + 50)], line=0.7)  # initials
    pen.stamp(150, y + 8, "BEZAHLT", angle=16)
    pen.rule(18, 192, 276)
    pen.text(
        18,
        281,
        "Tischlerei Mayrhofer GmbH · FN 318274 k · UID ATU58291707 · IBAN AT06 2011 1827 4319 0122",
        size=7,
    )


def upside_down_invoice_gb(pen: Pen) -> None:
    """A Hertford office furnisher's invoice, scanned upside down: Invoice No., dates, Bill to, three items
    (the delivery charged as a line), `Subtotal` / `VAT @ 20%` / `Total`, bank details with an IBAN."""
    pen.text(18, 20, "Harrow Office Interiors Ltd", size=14, bold=True)
    _lines(
        pen,
        18,
        26,
        ["Unit 4, Mead Lane", "Hertford SG13 7AX", "VAT Reg No. GB 284 7193 26"],
        size=8.5,
        step=4,
    )
    pen.text(192, 20, "INVOICE", size=16, bold=True, right=True)
    _right_block(
        pen,
        135,
        192,
        30,
        [("Invoice No.", "HOI-5582"), ("Invoice Date", "11/06/2024"), ("Payment due", "11/07/2024")],
    )
    pen.text(18, 52, "Bill to:", bold=True)
    _lines(pen, 18, 57, ["Marlow & Finch Solicitors", "22 Fore Street", "Hertford SG14 1BY"])
    columns = [(18, False), (120, True), (152, True), (192, True)]
    y = _table(
        pen,
        82,
        columns,
        ["Description", "Qty", "Unit price", "Amount"],
        [
            ["Ergonomic task chair, black mesh", "6", "189.00", "1,134.00"],
            ["Desk 1600 x 800, white oak finish", "3", "245.00", "735.00"],
            ["Delivery and installation", "1", "120.00", "120.00"],
        ],
        band=0.85,
    )
    _right_block(pen, 125, 192, y + 6, [("Subtotal", "£1,989.00"), ("VAT @ 20%", "£397.80")])
    pen.text(125, y + 17, "Total", bold=True)
    pen.text(192, y + 17, "£2,386.80", bold=True, right=True)
    pen.text(18, y + 32, "Payment within 30 days by bank transfer to:", size=8.5)
    pen.text(
        18,
        y + 36.5,
        "NatWest  Sort code 60-16-13  Account 31926819  IBAN GB29 NWBK 6016 1331 9268 19",
        size=8.5,
    )
    pen.rule(18, 192, 278)
    pen.text(18, 283, "Harrow Office Interiors Ltd · Registered in England and Wales No. 09182734", size=7)


def sideways_fattura_it(pen: Pen) -> None:
    """A Bergamo plumbing firm's fattura scanned a quarter turned: the firm with its P.IVA, `Spett.le` the
    client, `Fattura n. ... del ...`, a table, `Imponibile` / `IVA 22%` / `Totale fattura`, the IBAN and
    the due date in the payment line."""
    pen.text(18, 20, "Idraulica Bassi S.r.l.", size=14, bold=True)
    _lines(pen, 18, 26, ["Via Borgo Palazzo 88", "24125 Bergamo (BG)", "P.IVA 03182750103"], size=8.5, step=4)
    pen.text(118, 46, "Spett.le", size=9)
    _lines(pen, 118, 51, ["Condominio Le Betulle", "Via Suardi 31", "24124 Bergamo (BG)"], size=10, step=5)
    pen.text(18, 74, "Fattura n. 412/2024 del 20/06/2024", size=12, bold=True)
    columns = [(18, False), (120, True), (150, True), (192, True)]
    y = _table(
        pen,
        88,
        columns,
        ["Descrizione", "Quantità", "Prezzo", "Importo"],
        [
            ["Sostituzione caldaia a condensazione", "1", "2.150,00", "2.150,00"],
            ["Kit scarico fumi", "1", "185,00", "185,00"],
            ["Manodopera (ore)", "8", "38,00", "304,00"],
        ],
    )
    _right_block(
        pen,
        125,
        192,
        y + 6,
        [("Imponibile", "2.639,00"), ("IVA 22%", "580,58"), ("Totale fattura", "€ 3.219,58")],
    )
    pen.text(18, y + 30, "Pagamento: bonifico bancario entro il 20/07/2024", size=9)
    pen.text(18, y + 35, "IBAN IT67 P030 6909 6060 0000 0012 345", size=9)


def landscape_rechnung_ch(pen: Pen) -> None:
    """A Bern bicycle workshop's Rechnung on a landscape page: a wide table with article numbers, unit,
    discount and VAT columns, `Total netto` / `MWST 8,1 %` / `Total CHF`, the UID with MWST, the IBAN."""
    pen.text(18, 18, "Velowerkstatt Brunner GmbH", size=15, bold=True)
    _lines(pen, 18, 24, ["Lorrainestrasse 15", "3013 Bern", "CHE-318.274.165 MWST"], size=8.5, step=4)
    _lines(pen, 190, 18, ["Kurierdienst Aare AG", "Monbijoustrasse 61", "3007 Bern"], size=10, step=5)
    pen.text(18, 50, "Rechnung", size=14, bold=True)
    _right_block(
        pen,
        18,
        95,
        57,
        [("Rechnungsnummer", "2024-0219"), ("Rechnungsdatum", "25.06.2024"), ("Zahlbar bis", "25.07.2024")],
    )
    columns = [
        (18, False),
        (30, False),
        (55, False),
        (180, True),
        (196, False),
        (225, True),
        (242, True),
        (258, True),
        (279, True),
    ]
    y = _table(
        pen,
        82,
        columns,
        ["Pos.", "Art.-Nr.", "Bezeichnung", "Menge", "Einheit", "Preis", "Rabatt", "MWST", "Betrag"],
        [
            ["1", "40-118", "Service Lastenvelo komplett", "3", "Stk", "145.00", "", "8.1%", "435.00"],
            ["2", "22-305", "Kettenblatt 38 Zähne", "3", "Stk", "42.50", "10%", "8.1%", "114.75"],
            ["3", "31-002", "Bremsbeläge Satz", "6", "Stk", "18.90", "", "8.1%", "113.40"],
        ],
        x1=281,
    )
    _right_block(pen, 210, 279, y + 6, [("Total netto", "663.15"), ("MWST 8,1 %", "53.72")])
    pen.rule(205, 281, y + 13)
    pen.text(210, y + 18, "Total CHF", bold=True)
    pen.text(279, y + 18, "716.87", bold=True, right=True)
    pen.text(18, y + 18, "Zahlbar innert 30 Tagen auf IBAN CH82 0076 7000 0005 2681 7", size=9)
    pen.rule(18, 281, 196)
    pen.text(
        18, 201, "Velowerkstatt Brunner GmbH · Lorrainestrasse 15 · 3013 Bern · info@velo-brunner.ch", size=7
    )


# case -> (drawing, what a reader writes down, item count, capture form, page size in mm)
CASES = {
    "photo_de": (
        photo_rechnung_de,
        {
            "document_type": "invoice",
            "invoice_number": "2024-0617",
            "invoice_date": "2024-06-12",
            "due_date": "2024-06-26",
            "vendor_name": "Fliesen Hartung GmbH",
            "customer_name": "Wohnbau Elbtal GmbH",
            "currency": "EUR",
            "subtotal": "2974.55",
            "tax_amount": "565.16",
            "total": "3539.71",
            "amount_due": "3539.71",
            "vendor_tax_id": "DE274193600",
            "iban": "DE89500105175407324218",
        },
        3,
        "phone photo",
        None,
    ),
    "photo_us": (
        photo_invoice_us,
        {
            "document_type": "invoice",
            "invoice_number": "20931",
            "invoice_date": "2024-05-14",
            "due_date": "2024-06-13",
            "vendor_name": "Cascade Print & Sign",
            "customer_name": "Willamette Dental Group",
            "currency": "USD",
            "subtotal": "572.00",
            "tax_amount": "49.76",
            "total": "621.76",
            "amount_due": "621.76",
            "vendor_tax_id": None,
            "iban": None,
        },
        4,
        "phone photo",
        None,
    ),
    "fax_fr": (
        fax_facture_fr,
        {
            "document_type": "invoice",
            "invoice_number": "F24-0392",
            "invoice_date": "2024-05-21",
            "due_date": "2024-06-20",
            "vendor_name": ("PLOMBERIE LEMAIRE", "SARL Plomberie Lemaire"),
            "customer_name": "Résidence Les Acacias",
            "currency": "EUR",
            "subtotal": "906.00",
            "tax_amount": "90.60",
            "total": "996.60",
            "amount_due": "996.60",
            "vendor_tax_id": "FR71532817269",
            "iban": "FR7630004000310001234567865",
        },
        3,
        "fax",
        None,
    ),
    "two_pages_nl": (
        two_page_factuur_nl,
        {
            "document_type": "invoice",
            "invoice_number": "2024-30518",
            "invoice_date": "2024-06-03",
            "due_date": "2024-07-03",
            "vendor_name": "Groothandel Van der Meer B.V.",
            "customer_name": "Restaurant De Gouden Leeuw",
            "currency": "EUR",
            "subtotal": "1557.40",
            "tax_amount": "166.16",
            "total": "1723.56",
            "amount_due": "1723.56",
            "vendor_tax_id": "NL853172602B01",
            "iban": "NL63INGB0007391256",
        },
        26,
        "scan",
        None,
    ),
    "till_roll_es": (
        till_receipt_es,
        {
            "document_type": "receipt",
            "invoice_number": (None, "T24-018823"),
            "invoice_date": "2024-06-07",
            "due_date": None,
            "vendor_name": "FERRETERIA SAN ROQUE S.L.",
            "customer_name": None,
            "currency": "EUR",
            "subtotal": "18.21",
            "tax_amount": "3.83",
            "total": "22.04",
            "amount_due": (None, "22.04"),
            "vendor_tax_id": "ESB82174301",
            "iban": None,
        },
        4,
        "till roll on a table",
        TILL_ROLL,
    ),
    "stamp_at": (
        stamped_rechnung_at,
        {
            "document_type": "invoice",
            "invoice_number": "24-1108",
            "invoice_date": "2024-06-18",
            "due_date": "2024-07-02",
            "vendor_name": "Tischlerei Mayrhofer GmbH",
            "customer_name": "Café Konditorei Aigner",
            "currency": "EUR",
            "subtotal": "3248.00",
            "tax_amount": "649.60",
            "total": "3897.60",
            "amount_due": "3897.60",
            "vendor_tax_id": "ATU58291707",
            "iban": "AT062011182743190122",
        },
        3,
        "colour scan",
        None,
    ),
    "upside_down_gb": (
        upside_down_invoice_gb,
        {
            "document_type": "invoice",
            "invoice_number": "HOI-5582",
            "invoice_date": "2024-06-11",
            "due_date": "2024-07-11",
            "vendor_name": "Harrow Office Interiors Ltd",
            "customer_name": "Marlow & Finch Solicitors",
            "currency": "GBP",
            "subtotal": "1989.00",
            "tax_amount": "397.80",
            "total": "2386.80",
            "amount_due": "2386.80",
            "vendor_tax_id": "GB284719326",
            "iban": "GB29NWBK60161331926819",
        },
        3,
        "upside down",
        None,
    ),
    "sideways_it": (
        sideways_fattura_it,
        {
            "document_type": "invoice",
            "invoice_number": "412/2024",
            "invoice_date": "2024-06-20",
            "due_date": "2024-07-20",
            "vendor_name": "Idraulica Bassi S.r.l.",
            "customer_name": "Condominio Le Betulle",
            "currency": "EUR",
            "subtotal": "2639.00",
            "tax_amount": "580.58",
            "total": "3219.58",
            "amount_due": "3219.58",
            "vendor_tax_id": "IT03182750103",
            "iban": "IT67P0306909606000000012345",
        },
        3,
        "sideways",
        None,
    ),
    "landscape_ch": (
        landscape_rechnung_ch,
        {
            "document_type": "invoice",
            "invoice_number": "2024-0219",
            "invoice_date": "2024-06-25",
            "due_date": "2024-07-25",
            "vendor_name": "Velowerkstatt Brunner GmbH",
            "customer_name": "Kurierdienst Aare AG",
            "currency": "CHF",
            "subtotal": "663.15",
            "tax_amount": "53.72",
            "total": "716.87",
            "amount_due": "716.87",
            "vendor_tax_id": "CHE318274165",
            "iban": "CH8200767000000526817",
        },
        3,
        "scan",
        LANDSCAPE,
    ),
}
