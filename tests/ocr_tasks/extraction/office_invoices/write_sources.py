"""Writes the flat ODF sources of the held-out office invoices (`*.fodt`, `*.fods` in this folder), as a
bookkeeper's Writer letter template or Calc invoice sheet holds them (see `flat_odf.py`). The sources are
committed; run this only to change them, then `bench/print_office_invoices.sh` to export the PDFs.

    .venv/bin/python tests/ocr_tasks/extraction/office_invoices/write_sources.py
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from flat_odf import CalcDoc, Cell, Frame, Para, Table, WriterDoc, calc_document, writer_document  # noqa: E402

HERE = Path(__file__).parent


def money(amount: float, style: str) -> str:
    """An amount as a person types it in a Writer template of the locale."""
    negative = amount < 0
    whole, cents = f"{abs(amount):,.2f}".split(".")
    grouped = {
        "de": whole.replace(",", ".") + "," + cents + " €",
        "de-plain": whole.replace(",", ".") + "," + cents,
        "fr": whole.replace(",", " ") + "," + cents + " €",
        "nl": "€ " + whole.replace(",", ".") + "," + cents,
        "it": "€ " + whole.replace(",", ".") + "," + cents,
        "it-plain": whole.replace(",", ".") + "," + cents,
        "es": whole.replace(",", ".") + "," + cents + " €",
        "eur-en": "€" + whole + "." + cents,
        "usd": "$" + whole + "." + cents,
        "gbp": "£" + whole + "." + cents,
        "en-plain": whole + "." + cents,
    }[style]
    return ("-" if negative else "") + grouped


def r2(v: float) -> float:
    return round(v + 1e-9, 2)


# ---------------------------------------------------------------------------------------------- batch 1
def rechnung_din_de() -> str:
    """DIN 5008 Form B letter of a print shop to a business customer, Writer, one page."""
    items = [
        ("1", "500", "Stk.", "Visitenkarten 85 x 55 mm, 4/4-farbig, 350 g/m² matt", 0.18),
        ("2", "2.000", "Stk.", "Flyer DIN lang, 4/4-farbig, 135 g/m² Bilderdruck", 0.095),
        ("3", "250", "Stk.", "Briefbogen DIN A4, 4/0-farbig, 90 g/m² Offset", 0.42),
        ("4", "1", "Pausch.", "Datencheck und Druckvorstufe", 45.00),
        ("5", "1", "Pausch.", "Versand DHL Paket, versichert", 12.90),
    ]
    quantities = [500, 2000, 250, 1, 1]
    rows, net = [], 0.0
    for (pos, qty, unit, text, price), q in zip(items, quantities, strict=True):
        amount = r2(q * price)
        net += amount
        price_text = money(price, "de-plain") if price >= 1 else f"{price:.3f}".replace(".", ",")
        rows.append([pos, qty, unit, text, price_text, money(amount, "de-plain")])
    net = r2(net)
    vat = r2(net * 0.19)
    return writer_document(
        WriterDoc(
            language="de",
            country="DE",
            header=[
                Para("Druckerei Wegner GmbH", "RightBold"),
                Para("Offsetdruck · Digitaldruck · Weiterverarbeitung", "Right"),
            ],
            body=[
                Frame(
                    "2cm",
                    "4.5cm",
                    "8.5cm",
                    "4.5cm",
                    [
                        Para("Druckerei Wegner GmbH · Industriestraße 14 · 34123 Kassel", "Sender"),
                        Para(""),
                        Para("Hansen Logistik GmbH & Co. KG"),
                        Para("Buchhaltung"),
                        Para("Frau Petra Sommer"),
                        Para("Am Güterbahnhof 3"),
                        Para("37073 Göttingen"),
                    ],
                ),
                Frame(
                    "12.5cm",
                    "5cm",
                    "6.5cm",
                    "4cm",
                    [
                        Para("Rechnungs-Nr.:\t2025-0418", "Info"),
                        Para("Rechnungsdatum:\t14.03.2025", "Info"),
                        Para("Kunden-Nr.:\t10233", "Info"),
                        Para("Ihre Bestellung:\t4500127781", "Info"),
                        Para("Lieferdatum:\t12.03.2025", "Info"),
                        Para("Bearbeiter:\tM. Wegner", "Info"),
                    ],
                ),
                Para("", "Space"),
                Para("Rechnung Nr. 2025-0418", "Title"),
                Para("Sehr geehrte Frau Sommer,"),
                Para("für die ausgeführten Druckarbeiten erlauben wir uns, wie folgt zu berechnen:"),
                Table(
                    widths=["1cm", "1.6cm", "1.7cm", "7.2cm", "2.2cm", "2.3cm"],
                    header=["Pos.", "Menge", "Einheit", "Bezeichnung", "Einzelpreis €", "Gesamt €"],
                    rows=rows,
                    align="lrllrr",
                ),
                Para("", "Gap"),
                Para(f"\tNettobetrag\t{money(net, 'de')}", "Totals"),
                Para(f"\tzzgl. 19 % USt.\t{money(vat, 'de')}", "Totals"),
                Para(f"\tRechnungsbetrag\t{money(r2(net + vat), 'de')}", "TotalsBold"),
                Para("", "Gap"),
                Para("Zahlbar ohne Abzug bis zum 28.03.2025 auf das unten genannte Konto."),
                Para("Leistungsdatum entspricht dem Lieferdatum."),
                Para("Mit freundlichen Grüßen"),
                Para("Druckerei Wegner GmbH"),
            ],
            footer_columns=[
                ["Druckerei Wegner GmbH", "Industriestraße 14", "34123 Kassel", "Tel. 0561 47 11 80"],
                [
                    "Geschäftsführer: Markus Wegner",
                    "Amtsgericht Kassel HRB 18842",
                    "USt-IdNr.: DE945807302",
                    "Steuer-Nr.: 026 235 41187",
                ],
                [
                    "Kasseler Sparkasse",
                    "IBAN: DE89 3704 0044 0532 0130 00",
                    "BIC: COBADEFFXXX",
                    "info@druckerei-wegner.de",
                ],
            ],
        )
    )


def rechnung_partyservice_de() -> str:
    """A caterer's Calc invoice to a private customer: food at 7 %, drinks and rental at 19 %."""
    lines = [
        ("Fingerfood-Buffet „Sommerfest“ (pro Person)", 45, "Pers.", 18.50, 0.07),
        ("Antipasti-Platte groß", 3, "Stk.", 39.90, 0.07),
        ("Dessertauswahl im Glas", 45, "Stk.", 3.20, 0.07),
        ("Getränkepauschale alkoholfrei", 45, "Pers.", 6.50, 0.19),
        ("Stehtische inkl. Husse (Miete)", 6, "Stk.", 12.00, 0.19),
        ("Servicepersonal", 8, "Std.", 32.00, 0.19),
    ]
    first = 13
    rows: list[list] = [
        [Cell("Partyservice Köhler", style="bold", span=3), None, None, Cell("Inh. Sabine Köhler", span=3)],
        ["Lindenweg 22", None, None, "Tel. 0221 / 93 44 71"],
        ["50858 Köln", None, None, "kontakt@partyservice-koehler.de"],
        [],
        [Cell("RECHNUNG", style="title", span=6)],
        [],
        ["Herrn", None, None, Cell("Rechnung Nr.", style="bold"), Cell("RE-25-0072", span=2)],
        ["Jonas Breuer", None, None, Cell("Datum", style="bold"), Cell(when=date(2025, 6, 2), span=2)],
        [
            "Mauritiussteinweg 61",
            None,
            None,
            Cell("Veranstaltung", style="bold"),
            Cell(when=date(2025, 5, 31), span=2),
        ],
        ["50676 Köln", None, None, Cell("Kunden-Nr.", style="bold"), Cell("K-1187", span=2)],
        [],
        [
            Cell("Bezeichnung", style="head"),
            Cell("Menge", style="head"),
            Cell("Einheit", style="head"),
            Cell("Einzelpreis", style="head"),
            Cell("MwSt.", style="head"),
            Cell("Gesamt", style="head"),
        ],
    ]
    net7 = net19 = 0.0
    for i, (text, qty, unit, price, rate) in enumerate(lines):
        r = first + i
        amount = r2(qty * price)
        if rate == 0.07:
            net7 += amount
        else:
            net19 += amount
        rows.append(
            [
                Cell(text, style="box"),
                Cell(value=qty, fmt="plain", style="box"),
                Cell(unit, style="box"),
                Cell(value=price, style="box"),
                Cell(value=rate, fmt="percent", style="box"),
                Cell(value=amount, formula=f"=B{r}*D{r}", style="box"),
            ]
        )
    last = first + len(lines) - 1
    net7, net19 = r2(net7), r2(net19)
    net = r2(net7 + net19)
    vat7, vat19 = r2(net7 * 0.07), r2(net19 * 0.19)
    t = last + 2
    rows += [
        [],
        [None, None, None, "Summe netto", None, Cell(value=net, formula=f"=SUM(F{first}:F{last})")],
        [
            None,
            None,
            None,
            "zzgl. 7 % MwSt. auf",
            Cell(value=net7, formula=f"=SUMIF(E{first}:E{last};0.07;F{first}:F{last})"),
            Cell(value=vat7, formula=f"=ROUND(E{t + 1}*0.07;2)"),
        ],
        [
            None,
            None,
            None,
            "zzgl. 19 % MwSt. auf",
            Cell(value=net19, formula=f"=SUMIF(E{first}:E{last};0.19;F{first}:F{last})"),
            Cell(value=vat19, formula=f"=ROUND(E{t + 2}*0.19;2)"),
        ],
        [
            None,
            None,
            None,
            Cell("Gesamtbetrag", style="bold"),
            None,
            Cell(value=r2(net + vat7 + vat19), formula=f"=F{t}+F{t + 1}+F{t + 2}", style="total"),
        ],
        [],
        [Cell("Bitte überweisen Sie den Gesamtbetrag innerhalb von 14 Tagen ohne Abzug.", span=6)],
        [Cell("Vielen Dank für Ihren Auftrag!", span=6)],
        [],
        [
            Cell(
                "Bankverbindung: Sparkasse KölnBonn · IBAN DE56 7015 0000 1003 4567 89 · BIC COLSDE33XXX",
                style="small",
                span=6,
            )
        ],
        [Cell("Steuernummer 217/5021/3344 · USt-IdNr. DE224538323", style="small", span=6)],
    ]
    return calc_document(
        CalcDoc(
            language="de",
            country="DE",
            sheet="Rechnung",
            widths=["6.6cm", "1.4cm", "1.4cm", "3.2cm", "2.2cm", "2.6cm"],
            rows=rows,
            header="",
            footer="Seite 1",
        )
    )


def invoice_us_calc() -> str:
    """The classic US spreadsheet invoice (Letter, dollar format, month-first dates, sales tax, shipping)."""
    lines = [
        ("HV-2210", 'Hydraulic hose assembly 1/2" x 36"', 12, 27.45),
        ("HV-2215", 'Hydraulic hose assembly 3/4" x 48"', 8, 41.90),
        ("FT-0098", 'JIC swivel fitting, 1/2" (pack of 10)', 5, 18.75),
        ("QC-1140", "Quick coupler, steel, zinc plated", 10, 22.30),
    ]
    rows: list[list] = [
        [
            Cell("Bluegrass Fluid Power LLC", style="title", span=3),
            None,
            None,
            Cell("INVOICE", style="title", span=2),
        ],
        ["1840 Industry Road"],
        ["Lexington, KY 40505", None, None, Cell("Invoice #", style="bold"), "10482"],
        ["Phone (859) 555-0143", None, None, Cell("Date", style="bold"), Cell(when=date(2025, 4, 9))],
        [
            "billing@bluegrassfluid.com",
            None,
            None,
            Cell("Due Date", style="bold"),
            Cell(when=date(2025, 5, 9)),
        ],
        [None, None, None, Cell("Customer ID", style="bold"), "C-0377"],
        [],
        [Cell("BILL TO", style="head", span=2), None, Cell("SHIP TO", style="head", span=3)],
        [
            Cell("Ohio Valley Tractor Supply, Inc.", span=2),
            None,
            Cell("Ohio Valley Tractor Supply, Inc.", span=3),
        ],
        [Cell("Accounts Payable", span=2), None, Cell("Receiving Dock 4", span=3)],
        [Cell("PO Box 2231", span=2), None, Cell("4410 Riverside Dr", span=3)],
        [Cell("Cincinnati, OH 45201", span=2), None, Cell("Cincinnati, OH 45226", span=3)],
        [],
        [
            Cell("ITEM #", style="head"),
            Cell("DESCRIPTION", style="head"),
            Cell("QTY", style="head"),
            Cell("UNIT PRICE", style="head"),
            Cell("LINE TOTAL", style="head"),
        ],
    ]
    first = 15
    subtotal = 0.0
    for i, (sku, text, qty, price) in enumerate(lines):
        r = first + i
        amount = r2(qty * price)
        subtotal += amount
        rows.append(
            [
                Cell(sku, style="box"),
                Cell(text, style="box"),
                Cell(value=qty, fmt="plain", style="box"),
                Cell(value=price, style="box"),
                Cell(value=amount, formula=f"=C{r}*D{r}", style="box"),
            ]
        )
    last = first + len(lines) - 1
    subtotal = r2(subtotal)
    tax = r2(subtotal * 0.06)
    shipping = 38.50
    s = last + 2
    rows += [
        [],
        [
            Cell("Thank you for your business!", span=2),
            None,
            None,
            "Subtotal",
            Cell(value=subtotal, formula=f"=SUM(E{first}:E{last})"),
        ],
        [
            Cell("Terms: Net 30", span=2),
            None,
            None,
            "Sales Tax (6%)",
            Cell(value=tax, formula=f"=ROUND(E{s}*0.06;2)"),
        ],
        [
            Cell("Make checks payable to Bluegrass Fluid Power LLC", span=3),
            None,
            None,
            "Shipping",
            Cell(value=shipping),
        ],
        [
            None,
            None,
            None,
            Cell("TOTAL", style="bold"),
            Cell(value=r2(subtotal + tax + shipping), formula=f"=SUM(E{s}:E{s + 2})", style="total"),
        ],
    ]
    return calc_document(
        CalcDoc(
            language="en",
            country="US",
            sheet="Invoice",
            widths=["2.2cm", "7.5cm", "1.6cm", "3.2cm", "3.2cm"],
            rows=rows,
            currency="$",
            date_order="mdy",
            date_separator="/",
            paper="Letter",
            header="",
            footer="",
        )
    )


def facture_remise_fr() -> str:
    """A French web agency's Writer invoice with a commercial discount on the total, B2B."""
    items = [
        ("Refonte graphique du site vitrine (maquettes, 5 pages)", "1", 1800.00),
        ("Intégration WordPress et responsive", "1", 2400.00),
        ("Rédaction de contenus SEO", "12", 85.00),
        ("Formation back-office (demi-journée)", "1", 350.00),
    ]
    rows, brut = [], 0.0
    for text, qty, price in items:
        amount = r2(int(qty) * price)
        brut += amount
        rows.append([text, qty, money(price, "fr"), money(amount, "fr")])
    brut = r2(brut)
    remise = r2(brut * 0.10)
    ht = r2(brut - remise)
    tva = r2(ht * 0.20)
    return writer_document(
        WriterDoc(
            language="fr",
            country="FR",
            header=[
                Para("Atelier Pixel & Plume", "Head"),
                Para("SARL au capital de 8 000 € – 27 rue des Tanneurs – 69007 Lyon"),
            ],
            body=[
                Frame(
                    "11cm",
                    "4.2cm",
                    "8cm",
                    "3.5cm",
                    [
                        Para("Boulangeries Moreau SAS", "Bold"),
                        Para("Service comptabilité"),
                        Para("4 place du Marché"),
                        Para("42000 Saint-Étienne"),
                    ],
                ),
                Frame(
                    "2cm",
                    "4.2cm",
                    "8cm",
                    "3.5cm",
                    [
                        Para("FACTURE", "Head"),
                        Para("N° de facture :\tFA-2025-031", "Info"),
                        Para("Date :\t07/02/2025", "Info"),
                        Para("Échéance :\t09/03/2025", "Info"),
                        Para("Réf. client :\tMOR-004", "Info"),
                    ],
                ),
                Para("", "Space"),
                Para(
                    "Objet : refonte du site internet boulangeries-moreau.fr "
                    "(devis D-2024-118 accepté le 12/11/2024)"
                ),
                Para("", "Gap"),
                Table(
                    widths=["9.5cm", "1.5cm", "3cm", "3cm"],
                    header=["Désignation", "Qté", "Prix unitaire HT", "Montant HT"],
                    rows=rows,
                    align="lrrr",
                    grid=False,
                ),
                Para("", "Gap"),
                Para(f"\tTotal HT avant remise\t{money(brut, 'fr')}", "Totals"),
                Para(f"\tRemise commerciale 10 %\t-{money(remise, 'fr')}", "Totals"),
                Para(f"\tTotal HT\t{money(ht, 'fr')}", "Totals"),
                Para(f"\tTVA 20 %\t{money(tva, 'fr')}", "Totals"),
                Para(f"\tTotal TTC\t{money(r2(ht + tva), 'fr')}", "TotalsBold"),
                Para(f"\tNet à payer\t{money(r2(ht + tva), 'fr')}", "TotalsBold"),
                Para("", "Gap"),
                Para("Conditions de paiement : 30 jours à réception, par virement."),
                Para(
                    "En cas de retard de paiement, une pénalité égale à 3 fois le taux d'intérêt légal "
                    "sera exigible, ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 €. "
                    "Pas d'escompte pour "
                    "paiement anticipé."
                ),
            ],
            footer=[
                Para(
                    "Atelier Pixel & Plume SARL – SIRET 977 356 435 00018 – RCS Lyon 977 356 435 – APE 7311Z",
                    "Centre",
                ),
                Para("N° TVA intracommunautaire : FR71977356435", "Centre"),
                Para("IBAN : FR76 3000 6000 0112 3456 7890 189 – BIC : AGRIFRPP", "Centre"),
            ],
        )
    )


def creditnota_nl() -> str:
    """A Dutch wholesaler's credit note in Writer, two VAT rates (21 % and 9 %), B2B."""
    items = [
        ("Retour: koffiebonen Espresso Forte 1 kg", "6", 18.95, "9%"),
        ("Retour: melkopschuimer RVS 0,6 l (defect)", "2", 24.50, "21%"),
        ("Prijscorrectie thee assortiment, factuur 2025-1102", "1", 15.00, "9%"),
    ]
    rows, base9, base21 = [], 0.0, 0.0
    for text, qty, price, rate in items:
        amount = r2(int(qty) * price)
        if rate == "9%":
            base9 += amount
        else:
            base21 += amount
        rows.append([qty, text, money(price, "nl"), rate, money(amount, "nl")])
    base9, base21 = r2(base9), r2(base21)
    vat9, vat21 = r2(base9 * 0.09), r2(base21 * 0.21)
    net = r2(base9 + base21)
    total = r2(net + vat9 + vat21)
    return writer_document(
        WriterDoc(
            language="nl",
            country="NL",
            header=[
                Para("Van Dijk Horeca Groothandel B.V.", "Head"),
                Para("Energieweg 40 · 3542 DZ Utrecht · T 030 241 88 10 · www.vandijkhoreca.nl"),
            ],
            body=[
                Frame(
                    "2cm",
                    "4.5cm",
                    "8.5cm",
                    "4cm",
                    [
                        Para("Van Dijk Horeca Groothandel B.V. · Energieweg 40 · 3542 DZ Utrecht", "Sender"),
                        Para(""),
                        Para("Lunchroom De Zoete Inval"),
                        Para("t.a.v. de heer R. Bakker"),
                        Para("Oudegracht 112"),
                        Para("3511 AX Utrecht"),
                    ],
                ),
                Para("", "Space"),
                Para("CREDITNOTA", "Title"),
                Table(
                    widths=["4cm", "4cm", "4cm", "5cm"],
                    header=["Creditnotanummer", "Datum", "Klantnummer", "Betreft factuur"],
                    rows=[["CN-2025-0017", "18-03-2025", "20481", "2025-1102 van 03-03-2025"]],
                    align="llll",
                    repeat_header=False,
                ),
                Para("", "Gap"),
                Para("Geachte heer Bakker,"),
                Para("Hierbij crediteren wij u voor de onderstaande retourzending:"),
                Table(
                    widths=["1.5cm", "8.5cm", "2.5cm", "1.5cm", "3cm"],
                    header=["Aantal", "Omschrijving", "Prijs", "Btw", "Bedrag"],
                    rows=rows,
                    align="rlrrr",
                ),
                Para("", "Gap"),
                Para(f"\tTotaal excl. btw\t{money(net, 'nl')}", "Totals"),
                Para(f"\tBtw 9% over {money(base9, 'nl')}\t{money(vat9, 'nl')}", "Totals"),
                Para(f"\tBtw 21% over {money(base21, 'nl')}\t{money(vat21, 'nl')}", "Totals"),
                Para(f"\tTotaal te crediteren\t{money(total, 'nl')}", "TotalsBold"),
                Para("", "Gap"),
                Para(
                    "Het creditbedrag wordt binnen 14 dagen teruggestort op uw rekening, of verrekend met uw "
                    "volgende factuur."
                ),
                Para("Met vriendelijke groet,"),
                Para("Van Dijk Horeca Groothandel B.V."),
            ],
            footer_columns=[
                ["Van Dijk Horeca Groothandel B.V.", "Energieweg 40", "3542 DZ Utrecht"],
                ["KvK 30127745", "Btw-nr. NL516216715B01"],
                ["IBAN NL81 RABO 0312 3456 78", "BIC RABONL2U"],
            ],
        )
    )


def factura_es_calc() -> str:
    """A Spanish installer's Calc invoice: IVA 21 %, NIF, vencimiento, B2B."""
    lines = [
        ("Split inverter 3,5 kW, unidad interior y exterior", 4, 689.00),
        ("Instalación y puesta en marcha (por equipo)", 4, 180.00),
        ('Línea frigorífica 1/4"-3/8" (metro)', 26, 14.50),
        ("Soporte mural antivibratorio", 4, 32.00),
    ]
    rows: list[list] = [
        [Cell("CLIMATIZACIONES LEVANTE, S.L.", style="title", span=5)],
        [Cell("C/ Colón 58, 3º · 46004 València · CIF B73540874 · Tel. 963 512 870", span=5)],
        [],
        [Cell("FACTURA", style="bold"), None, None, "Nº factura", "2025/0144"],
        [None, None, None, "Fecha", Cell(when=date(2025, 5, 20))],
        [None, None, None, "Vencimiento", Cell(when=date(2025, 6, 19))],
        [Cell("Cliente:", style="bold")],
        [Cell("Gestoría Ruiz Ferrer, S.L.", span=3)],
        [Cell("Av. del Puerto 201, bajo", span=3)],
        [Cell("46023 València", span=3)],
        [Cell("NIF: B80624646", span=3)],
        [],
        [
            Cell("Concepto", style="head", span=2),
            None,
            Cell("Cantidad", style="head"),
            Cell("Precio", style="head"),
            Cell("Importe", style="head"),
        ],
    ]
    first = 14
    base = 0.0
    for i, (text, qty, price) in enumerate(lines):
        r = first + i
        amount = r2(qty * price)
        base += amount
        rows.append(
            [
                Cell(text, style="box", span=2),
                None,
                Cell(value=qty, fmt="plain", style="box"),
                Cell(value=price, style="box"),
                Cell(value=amount, formula=f"=C{r}*D{r}", style="box"),
            ]
        )
    last = first + len(lines) - 1
    base = r2(base)
    iva = r2(base * 0.21)
    b = last + 2
    rows += [
        [],
        [None, None, None, "Base imponible", Cell(value=base, formula=f"=SUM(E{first}:E{last})")],
        [None, None, None, "IVA 21%", Cell(value=iva, formula=f"=ROUND(E{b}*0.21;2)")],
        [
            None,
            None,
            None,
            Cell("TOTAL FACTURA", style="bold"),
            Cell(value=r2(base + iva), formula=f"=E{b}+E{b + 1}", style="total"),
        ],
        [],
        [Cell("Forma de pago: transferencia bancaria a 30 días", span=5)],
        [Cell("IBAN: ES91 2100 0418 4502 0005 1332 (CaixaBank)", span=5)],
        [],
        [
            Cell(
                "Inscrita en el Registro Mercantil de Valencia, Tomo 9812, Folio 44, Hoja V-158770",
                style="small",
                span=5,
            )
        ],
    ]
    return calc_document(
        CalcDoc(
            language="es",
            country="ES",
            sheet="Factura",
            widths=["5cm", "4cm", "2cm", "3.3cm", "3cm"],
            rows=rows,
            date_order="dmy",
            date_separator="/",
            header="",
            footer="",
        )
    )


def fattura_lunga_it() -> str:
    """An Italian office-supplies wholesaler's Writer invoice, 36 lines over two pages, header row
    repeated."""
    catalogue = [
        ("Carta A4 80 g risma 500 fogli", 3.95),
        ("Penna a sfera blu conf. 50", 12.40),
        ("Evidenziatore giallo conf. 10", 6.90),
        ("Raccoglitore ad anelli dorso 8 cm", 2.85),
        ("Cartelline con elastico conf. 10", 7.60),
        ("Post-it 76x76 conf. 12", 11.20),
        ("Toner compatibile HP 59A", 48.50),
        ("Cucitrice da tavolo 24/6", 9.80),
        ("Punti metallici 24/6 conf. 1000", 0.95),
        ("Buste a sacco 23x33 conf. 50", 8.40),
        ("Nastro adesivo trasparente 19 mm", 1.10),
        ("Etichette adesive A4 conf. 100 fogli", 14.90),
    ]
    rows, net = [], 0.0
    for i in range(36):
        text, price = catalogue[i % len(catalogue)]
        qty = [5, 2, 3, 10, 4, 1, 2, 6][i % 8]
        code = f"ART-{1040 + i * 7}"
        amount = r2(qty * price)
        net += amount
        rows.append([code, text, str(qty), money(price, "it-plain"), money(amount, "it-plain")])
    net = r2(net)
    iva = r2(net * 0.22)
    return writer_document(
        WriterDoc(
            language="it",
            country="IT",
            header=[
                Para("Forniture Ufficio Brambilla S.r.l.", "Head"),
                Para("Via Stezzano 87 – 24126 Bergamo (BG) – Tel. 035 421 7730 – ordini@brambillaufficio.it"),
            ],
            body=[
                Frame(
                    "11cm",
                    "4.2cm",
                    "8cm",
                    "3.8cm",
                    [
                        Para("Spett.le", "Small"),
                        Para("Studio Legale Associato Conti & Galli", "Bold"),
                        Para("Via Roma 14"),
                        Para("25121 Brescia (BS)"),
                        Para("P.IVA 03446480174"),
                    ],
                ),
                Frame(
                    "2cm",
                    "4.2cm",
                    "8cm",
                    "3.8cm",
                    [
                        Para("FATTURA", "Head"),
                        Para("Numero:\t312/2025", "Info"),
                        Para("Data:\t15/04/2025", "Info"),
                        Para("Cod. cliente:\tC0458", "Info"),
                        Para("Pagamento:\tBonifico 30 gg d.f.", "Info"),
                    ],
                ),
                Para("", "Space"),
                Table(
                    widths=["2.2cm", "8.3cm", "1.5cm", "2.5cm", "2.5cm"],
                    header=["Codice", "Descrizione", "Q.tà", "Prezzo €", "Importo €"],
                    rows=rows,
                    align="llrrr",
                ),
                Para("", "Gap"),
                Para(f"\tImponibile\t{money(net, 'it')}", "Totals"),
                Para(f"\tIVA 22%\t{money(iva, 'it')}", "Totals"),
                Para(f"\tTotale fattura\t{money(r2(net + iva), 'it')}", "TotalsBold"),
                Para("", "Gap"),
                Para("Scadenza pagamento: 15/05/2025"),
                Para(
                    "Coordinate bancarie: Banca Popolare di Bergamo – IBAN IT60 X054 2811 1010 0000 0123 456"
                ),
                Para("Contributo ambientale CONAI assolto ove dovuto."),
            ],
            footer=[
                Para(
                    "Forniture Ufficio Brambilla S.r.l. – Capitale sociale € 50.000 i.v. – REA BG-412877 – "
                    "P.IVA e C.F. IT01639050481",
                    "Centre",
                ),
            ],
        )
    )


def invoice_reverse_charge_ie() -> str:
    """An Irish software consultancy's Writer invoice to a German company: EU reverse charge, no VAT."""
    items = [
        ("Backend development, sprint 14 (March 2025)", "64 h", 95.00, 64),
        ("Code review and architecture sessions", "10 h", 120.00, 10),
        ("Cloud infrastructure (pass-through, see attached statement)", "1", 412.37, 1),
    ]
    rows, net = [], 0.0
    for text, qty, price, q in items:
        amount = r2(q * price)
        net += amount
        rows.append([text, qty, money(price, "eur-en"), money(amount, "eur-en")])
    net = r2(net)
    return writer_document(
        WriterDoc(
            language="en",
            country="IE",
            header=[
                Para("Corrib Code Labs Ltd", "Head"),
                Para("Unit 7, Galway Technology Park, Parkmore, Galway H91 R2TX, Ireland"),
            ],
            body=[
                Frame(
                    "2cm",
                    "4.4cm",
                    "8.5cm",
                    "4cm",
                    [
                        Para("Invoice to:", "Bold"),
                        Para("Nordlicht Mobility GmbH"),
                        Para("Attn. Accounts Payable"),
                        Para("Schanzenstraße 31"),
                        Para("20357 Hamburg"),
                        Para("Germany"),
                        Para("VAT No. DE185089414"),
                    ],
                ),
                Frame(
                    "12cm",
                    "4.4cm",
                    "7cm",
                    "4cm",
                    [
                        Para("Invoice No:\tCCL-0093", "Info"),
                        Para("Invoice Date:\t31 March 2025", "Info"),
                        Para("Due Date:\t30 April 2025", "Info"),
                        Para("Your PO:\tNM-PO-2025-118", "Info"),
                    ],
                ),
                Para("", "Space"),
                Para("INVOICE", "Title"),
                Table(
                    widths=["9cm", "2cm", "3cm", "3cm"],
                    header=["Description", "Qty", "Rate", "Amount"],
                    rows=rows,
                    align="lrrr",
                ),
                Para("", "Gap"),
                Para(f"\tNet amount\t{money(net, 'eur-en')}", "Totals"),
                Para(f"\tVAT 0% (reverse charge)\t{money(0, 'eur-en')}", "Totals"),
                Para(f"\tTotal due\t{money(net, 'eur-en')}", "TotalsBold"),
                Para("", "Gap"),
                Para(
                    "Reverse charge: VAT to be accounted for by the recipient under Article 196 of Council "
                    "Directive 2006/112/EC."
                ),
                Para("Payment within 30 days by bank transfer, quoting the invoice number."),
                Para("Bank: AIB, 1-4 Lower Baggot Street, Dublin 2"),
                Para("IBAN: IE29 AIBK 9311 5212 3456 78    BIC: AIBKIE2D"),
            ],
            footer=[
                Para(
                    "Corrib Code Labs Ltd · Registered in Ireland No. 712384 · VAT No. IE3572995W · "
                    "accounts@corribcode.ie",
                    "Centre",
                ),
            ],
        )
    )


BATCH_1 = {
    "rechnung_din_de.fodt": rechnung_din_de,
    "rechnung_partyservice_de.fods": rechnung_partyservice_de,
    "invoice_us_calc.fods": invoice_us_calc,
    "facture_remise_fr.fodt": facture_remise_fr,
    "creditnota_nl.fodt": creditnota_nl,
    "factura_es_calc.fods": factura_es_calc,
    "fattura_lunga_it.fodt": fattura_lunga_it,
    "invoice_reverse_charge_ie.fodt": invoice_reverse_charge_ie,
}
SOURCES = {**BATCH_1}


def main(argv: list[str]) -> int:
    names = argv or list(SOURCES)
    for name in names:
        (HERE / name).write_text(SOURCES[name](), encoding="utf-8")
        print(HERE / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
