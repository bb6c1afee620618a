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


# ---------------------------------------------------------------------------------------------- batch 2
# written after the fixes of batch 1's misses: they measure the fixes
def rechnung_teileliste_de() -> str:
    """A machine builder's Calc spare-parts invoice over two printed pages (print titles repeat the header
    row), Skonto terms, Calc's default page footer."""
    parts = [
        ("Kugellager 6204-2RS", 4.85),
        ("Wellendichtring 30x47x7", 2.40),
        ("Zahnriemen HTD 8M-800", 38.90),
        ("Spannrolle 60 mm", 27.50),
        ("Sechskantschraube M8x30 (100 St.)", 9.80),
        ("Passfeder 8x7x40", 1.15),
        ("Sicherungsring DIN 471 25 mm", 0.38),
        ("Kupplungsstern 28/38", 14.60),
        ("Druckfeder 2,0x16x60", 3.25),
        ("Hydraulikschlauch DN10 1 m", 21.40),
        ("Näherungsschalter M12 PNP", 46.80),
        ("Schütz 3-polig 24 V DC", 58.20),
    ]
    quantities = [2, 10, 1, 4, 3, 12, 20, 2, 6, 1, 2, 1, 5, 8]
    rows: list[list] = [
        [
            Cell("Maschinenbau Riedel GmbH", style="title", span=4),
            None,
            None,
            None,
            Cell("RECHNUNG", style="title", span=2),
        ],
        [Cell("Gewerbepark Süd 7 · 73430 Aalen · Tel. 07361 55 20-0", span=6)],
        [],
        [
            Cell("Rechnungsempfänger:", style="bold", span=2),
            None,
            None,
            Cell("Rechnungsnummer", style="bold"),
            Cell("2025-20931", span=2),
        ],
        [
            Cell("Kunststofftechnik Brenner KG", span=2),
            None,
            None,
            Cell("Datum", style="bold"),
            Cell(when=date(2025, 2, 19), span=2),
        ],
        [
            Cell("Ersatzteillager", span=2),
            None,
            None,
            Cell("Kundennummer", style="bold"),
            Cell("48812", span=2),
        ],
        [
            Cell("Hauptstraße 118", span=2),
            None,
            None,
            Cell("Auftrag", style="bold"),
            Cell("AB-25-0412", span=2),
        ],
        [
            Cell("89518 Heidenheim", span=2),
            None,
            None,
            Cell("Lieferschein", style="bold"),
            Cell("LS-25-1877", span=2),
        ],
        [],
        [
            Cell("Pos.", style="head"),
            Cell("Artikel", style="head"),
            Cell("Menge", style="head"),
            Cell("Einzelpreis", style="head"),
            Cell("Rabatt", style="head"),
            Cell("Betrag", style="head"),
        ],
    ]
    first = 11
    net = 0.0
    for i in range(50):
        r = first + i
        text, price = parts[i % len(parts)]
        qty = quantities[i % len(quantities)]
        discount = 0.1 if i % 5 == 3 else 0.0
        amount = r2(qty * price * (1 - discount))
        net += amount
        rows.append(
            [
                Cell(value=i + 1, fmt="plain", style="box"),
                Cell(text, style="box"),
                Cell(value=qty, fmt="plain", style="box"),
                Cell(value=price, style="box"),
                Cell(value=discount, fmt="percent", style="box"),
                Cell(value=amount, formula=f"=ROUND(C{r}*D{r}*(1-E{r});2)", style="box"),
            ]
        )
    last = first + 49
    net = r2(net)
    vat = r2(net * 0.19)
    t = last + 2
    rows += [
        [],
        [
            None,
            None,
            None,
            Cell("Warenwert netto", span=2),
            None,
            Cell(value=net, formula=f"=SUM(F{first}:F{last})"),
        ],
        [None, None, None, Cell("USt. 19 %", span=2), None, Cell(value=vat, formula=f"=ROUND(F{t}*0.19;2)")],
        [
            None,
            None,
            None,
            Cell("Rechnungsbetrag", style="bold", span=2),
            None,
            Cell(value=r2(net + vat), formula=f"=F{t}+F{t + 1}", style="total"),
        ],
        [],
        [Cell("Zahlbar innerhalb von 10 Tagen mit 2 % Skonto oder innerhalb von 30 Tagen netto.", span=6)],
        [
            Cell(
                "Lieferung ab Werk Aalen. Es gelten unsere Allgemeinen Verkaufs- und Lieferbedingungen.",
                span=6,
            )
        ],
        [],
        [
            Cell(
                "Maschinenbau Riedel GmbH · Amtsgericht Ulm HRB 701234 · Geschäftsführer: Thomas Riedel · "
                "USt-IdNr. DE582698013",
                style="small",
                span=6,
            )
        ],
        [
            Cell(
                "Kreissparkasse Ostalb · IBAN DE12 5001 0517 0648 4898 90 · BIC INGDDEFFXXX",
                style="small",
                span=6,
            )
        ],
    ]
    return calc_document(
        CalcDoc(
            language="de",
            country="DE",
            sheet="Rechnung",
            widths=["1.2cm", "6.4cm", "1.5cm", "3.2cm", "1.6cm", "2.8cm"],
            rows=rows,
            header="",
            footer=None,
            repeat_rows="10:10",
        )
    )


def quotation_gb() -> str:
    """A British joinery's quotation in Writer (GBP, VAT 20 %), items aligned on tab stops, no table."""
    lines = [
        ("Supply and fit oak staircase, closed string, 13 risers", 4850.00),
        ("Oak handrail and spindles, 4.2 m", 1120.00),
        ("Remove and dispose of existing staircase", 380.00),
        ("Decoration: two coats of hardwax oil", 265.00),
    ]
    net = r2(sum(v for _, v in lines))
    vat = r2(net * 0.2)
    body: list = [
        Frame(
            "2cm",
            "4.6cm",
            "8.5cm",
            "3.8cm",
            [
                Para("Mr & Mrs J. Whitfield", "Bold"),
                Para("14 Orchard Close"),
                Para("Harrogate"),
                Para("HG2 8QP"),
            ],
        ),
        Frame(
            "12cm",
            "4.6cm",
            "7cm",
            "3.8cm",
            [
                Para("Quotation No:\tQ-2025-118", "Info"),
                Para("Date:\t12/05/2025", "Info"),
                Para("Valid until:\t11/06/2025", "Info"),
                Para("Site visit:\t08/05/2025", "Info"),
            ],
        ),
        Para("", "Space"),
        Para("QUOTATION", "Title"),
        Para("Dear Mr and Mrs Whitfield,"),
        Para(
            "Thank you for inviting us to quote for your new staircase. We are pleased to quote as follows:"
        ),
        Para("", "Gap"),
        Para("Description\t\tPrice", "TotalsBold"),
    ]
    body += [Para(f"{text}\t\t{money(value, 'gbp')}", "Totals") for text, value in lines]
    body += [
        Para("", "Gap"),
        Para(f"\tSubtotal\t{money(net, 'gbp')}", "Totals"),
        Para(f"\tVAT @ 20%\t{money(vat, 'gbp')}", "Totals"),
        Para(f"\tTotal\t{money(r2(net + vat), 'gbp')}", "TotalsBold"),
        Para("", "Gap"),
        Para("A deposit of 30% is payable on acceptance; the balance on completion."),
        Para("This quotation is valid for 30 days. Lead time currently 6-8 weeks."),
        Para("Yours sincerely,"),
        Para("Daniel Hargreaves"),
    ]
    return writer_document(
        WriterDoc(
            language="en",
            country="GB",
            totals_label_tab="11cm",
            header=[
                Para("Hargreaves Joinery Ltd", "Head"),
                Para(
                    "Unit 3, Station Yard, Knaresborough HG5 0AB · 01423 555 019 · "
                    "hello@hargreavesjoinery.co.uk"
                ),
            ],
            body=body,
            footer=[
                Para(
                    "Hargreaves Joinery Ltd · Registered in England and Wales No. 09876543 · VAT Reg. No. "
                    "GB 232 4262 53",
                    "Centre",
                )
            ],
        )
    )


def avoir_librairie_fr() -> str:
    """A bookshop's credit note kept in Calc: books at 5.5 %, stationery at 20 %, amounts printed negative."""
    lines = [
        ("9782070368228", "Camus – L'Étranger (Folio)", 2, 7.90, 0.055),
        ("9782253004226", "Hugo – Les Misérables, tome 1", 1, 9.70, 0.055),
        ("CAH-A4-96", "Cahier A4 96 pages grands carreaux", 10, 2.50, 0.20),
    ]
    rows: list[list] = [
        [Cell("Librairie du Vieux Port", style="title", span=4)],
        [Cell("12 quai de Rive-Neuve – 13007 Marseille – 04 91 54 22 10", span=5)],
        [],
        [Cell("AVOIR N° AV-2025-004", style="bold", span=2), None, None, Cell("Client", style="bold"), None],
        [Cell("Date :", span=1), Cell(when=date(2025, 4, 3)), None, Cell("Collège Jean-Moulin", span=2)],
        [Cell("Sur facture :"), "F-2025-0187 du 14/03/2025", None, Cell("Intendance", span=2)],
        [None, None, None, Cell("27 avenue des Chartreux", span=2)],
        [None, None, None, Cell("13004 Marseille", span=2)],
        [],
        [
            Cell("Référence", style="head"),
            Cell("Désignation", style="head"),
            Cell("Qté", style="head"),
            Cell("P.U. TTC", style="head"),
            Cell("Montant TTC", style="head"),
        ],
    ]
    first = 11
    gross = {0.055: 0.0, 0.20: 0.0}
    for i, (ref, text, qty, price, rate) in enumerate(lines):
        r = first + i
        amount = r2(qty * price)
        gross[rate] += amount
        rows.append(
            [
                Cell(ref, style="box"),
                Cell(text, style="box"),
                Cell(value=-qty, fmt="plain", style="box"),
                Cell(value=price, style="box"),
                Cell(value=-amount, formula=f"=C{r}*D{r}", style="box"),
            ]
        )
    last = first + len(lines) - 1
    total = r2(sum(gross.values()))
    ht55 = r2(gross[0.055] / 1.055)
    ht20 = r2(gross[0.20] / 1.20)
    tva55 = r2(gross[0.055] - ht55)
    tva20 = r2(gross[0.20] - ht20)
    t = last + 3
    rows += [
        [],
        [
            None,
            Cell("Taux", style="head"),
            Cell("Base HT", style="head"),
            Cell("TVA", style="head"),
            Cell("TTC", style="head"),
        ],
        [
            None,
            Cell("TVA 5,5 %", style="box"),
            Cell(value=-ht55, formula=f"=ROUND(E{t}/1.055;2)", style="box"),
            Cell(value=-tva55, formula=f"=E{t}-C{t}", style="box"),
            Cell(value=-r2(gross[0.055]), formula=f"=E{first}+E{first + 1}", style="box"),
        ],
        [
            None,
            Cell("TVA 20 %", style="box"),
            Cell(value=-ht20, formula=f"=ROUND(E{t + 1}/1.2;2)", style="box"),
            Cell(value=-tva20, formula=f"=E{t + 1}-C{t + 1}", style="box"),
            Cell(value=-r2(gross[0.20]), formula=f"=E{last}", style="box"),
        ],
        [],
        [None, None, Cell("Total HT", span=2), None, Cell(value=-r2(ht55 + ht20), formula=f"=C{t}+C{t + 1}")],
        [
            None,
            None,
            Cell("Total TVA", span=2),
            None,
            Cell(value=-r2(tva55 + tva20), formula=f"=D{t}+D{t + 1}"),
        ],
        [
            None,
            None,
            Cell("Total avoir TTC", style="bold", span=2),
            None,
            Cell(value=-total, formula=f"=SUM(E{first}:E{last})", style="total"),
        ],
        [],
        [
            Cell(
                "Retour de marchandises non conformes. Montant remboursé par virement ou déduit de la "
                "prochaine facture.",
                span=5,
            )
        ],
        [],
        [
            Cell(
                "Librairie du Vieux Port SARL – SIRET 835 714 863 00014 – TVA FR83571486323 – IBAN FR14 "
                "2004 1010 0505 0001 3M02 606",
                style="small",
                span=5,
            )
        ],
    ]
    return calc_document(
        CalcDoc(
            language="fr",
            country="FR",
            sheet="Avoir",
            widths=["3cm", "6.8cm", "2.4cm", "2.6cm", "3cm"],
            rows=rows,
            date_order="dmy",
            date_separator="/",
            header="",
            footer="",
        )
    )


def ogm(ten: str) -> str:
    """A Belgian structured communication `+++090/9337/55493+++` (check: the 10 digits mod 97)."""
    check = int(ten) % 97 or 97
    digits = f"{ten}{check:02d}"
    return f"+++{digits[:3]}/{digits[3:7]}/{digits[7:]}+++"


def factuur_be() -> str:
    """A Flemish installer's Writer invoice: 6 % renovation VAT and 21 %, structured communication."""
    items = [
        ("Condensatieketel 24 kW, geleverd en geplaatst", "1", 2890.00, "6%"),
        ("Thermostatische radiatorkranen", "8", 42.50, "6%"),
        ("Slimme thermostaat (los geleverd)", "1", 219.00, "21%"),
        ("Arbeid installateur", "14", 58.00, "6%"),
    ]
    rows, base6, base21 = [], 0.0, 0.0
    for text, qty, price, rate in items:
        amount = r2(int(qty) * price)
        if rate == "6%":
            base6 += amount
        else:
            base21 += amount
        rows.append([text, qty, money(price, "nl"), rate, money(amount, "nl")])
    base6, base21 = r2(base6), r2(base21)
    vat6, vat21 = r2(base6 * 0.06), r2(base21 * 0.21)
    total = r2(base6 + base21 + vat6 + vat21)
    return writer_document(
        WriterDoc(
            language="nl",
            country="BE",
            header=[
                Para("Verwarming Peeters BV", "Head"),
                Para("Kempische Steenweg 211 · 3500 Hasselt · 011 23 45 67 · info@peeters-verwarming.be"),
            ],
            body=[
                Frame(
                    "11cm",
                    "4.4cm",
                    "8cm",
                    "3.8cm",
                    [
                        Para("Dhr. en Mevr. Claes-Vermeulen"),
                        Para("Lindelaan 9"),
                        Para("3590 Diepenbeek"),
                    ],
                ),
                Frame(
                    "2cm",
                    "4.4cm",
                    "8cm",
                    "3.8cm",
                    [
                        Para("FACTUUR", "Head"),
                        Para("Factuurnummer:\t2025/0318", "Info"),
                        Para("Factuurdatum:\t22/04/2025", "Info"),
                        Para("Vervaldatum:\t22/05/2025", "Info"),
                        Para("Klant:\t1187", "Info"),
                    ],
                ),
                Para("", "Space"),
                Para("Betreft: vervanging verwarmingsketel, werf Lindelaan 9, Diepenbeek"),
                Table(
                    widths=["8.5cm", "1.5cm", "2.5cm", "1.5cm", "3cm"],
                    header=["Omschrijving", "Aantal", "Eenheidsprijs", "Btw", "Totaal excl."],
                    rows=rows,
                    align="lrrrr",
                    grid=False,
                ),
                Para("", "Gap"),
                Para(f"\tMaatstaf 6%\t{money(base6, 'nl')}", "Totals"),
                Para(f"\tBtw 6%\t{money(vat6, 'nl')}", "Totals"),
                Para(f"\tMaatstaf 21%\t{money(base21, 'nl')}", "Totals"),
                Para(f"\tBtw 21%\t{money(vat21, 'nl')}", "Totals"),
                Para(f"\tTe betalen\t{money(total, 'nl')}", "TotalsBold"),
                Para("", "Gap"),
                Para(
                    "Btw 6 %: renovatie van een privéwoning ouder dan 10 jaar, verklaring van de klant "
                    "conform "
                    "art. 1bis KB nr. 20."
                ),
                Para(
                    f"Gelieve te betalen op rekening BE71 0961 2345 6769 met mededeling {ogm('0909337554')}"
                ),
            ],
            footer_columns=[
                ["Verwarming Peeters BV", "Kempische Steenweg 211", "3500 Hasselt"],
                ["Ondernemingsnr. BE 0606.623.350", "RPR Antwerpen, afd. Hasselt"],
                ["KBC Bank", "IBAN BE71 0961 2345 6769", "BIC GKCCBEBB"],
            ],
        )
    )


def fattura_calc_it() -> str:
    """An Italian restaurant supplier's Calc fattura: IVA 10 % (food) and 22 %, a `Spett.le` block."""
    lines = [
        ("Olio extravergine d'oliva 5 l", 6, 42.00, 0.04),
        ("Pasta di semola 3 kg", 10, 5.80, 0.10),
        ("Pomodori pelati 2,5 kg", 12, 3.90, 0.10),
        ("Detergente lavastoviglie 10 kg", 2, 36.50, 0.22),
        ("Tovaglioli carta 40x40 (conf. 1000)", 4, 18.20, 0.22),
    ]
    rows: list[list] = [
        [Cell("ALIMENTARI DISTRIBUZIONE ROSSI S.p.A.", style="title", span=6)],
        [Cell("Via dell'Industria 45 – 40138 Bologna – P.IVA IT20639130077 – tel. 051 600 1122", span=6)],
        [],
        [Cell("FATTURA N.", style="bold"), "1043/A", None, Cell("Spett.le", style="bold", span=3)],
        [
            Cell("Data", style="bold"),
            Cell(when=date(2025, 3, 28)),
            None,
            Cell("Trattoria Da Nino S.n.c.", span=3),
        ],
        [
            Cell("Scadenza", style="bold"),
            Cell(when=date(2025, 4, 30)),
            None,
            Cell("Via Saragozza 80", span=3),
        ],
        [Cell("Pagamento", style="bold"), "RiBa 30 gg f.m.", None, Cell("40123 Bologna (BO)", span=3)],
        [None, None, None, Cell("P.IVA 03446480174", span=3)],
        [],
        [
            Cell("Descrizione", style="head", span=2),
            None,
            Cell("Q.tà", style="head"),
            Cell("Prezzo", style="head"),
            Cell("IVA", style="head"),
            Cell("Importo", style="head"),
        ],
    ]
    first = 11
    bases: dict[float, float] = {}
    for i, (text, qty, price, rate) in enumerate(lines):
        r = first + i
        amount = r2(qty * price)
        bases[rate] = bases.get(rate, 0.0) + amount
        rows.append(
            [
                Cell(text, style="box", span=2),
                None,
                Cell(value=qty, fmt="plain", style="box"),
                Cell(value=price, style="box"),
                Cell(value=rate, fmt="percent", style="box"),
                Cell(value=amount, formula=f"=C{r}*D{r}", style="box"),
            ]
        )
    last = first + len(lines) - 1
    taxes = {rate: r2(base * rate) for rate, base in bases.items()}
    net = r2(sum(bases.values()))
    tax = r2(sum(taxes.values()))
    t = last + 2
    rows += [
        [],
        [
            None,
            None,
            None,
            Cell("Imponibile", span=2),
            None,
            Cell(value=net, formula=f"=SUM(F{first}:F{last})"),
        ],
    ]
    for k, rate in enumerate(sorted(bases)):
        rows.append(
            [
                None,
                None,
                None,
                Cell(f"IVA {round(rate * 100)}% su", span=1),
                Cell(value=r2(bases[rate])),
                Cell(value=taxes[rate], formula=f"=ROUND(E{t + 1 + k}*{rate};2)"),
            ]
        )
    n = len(bases)
    rows += [
        [
            None,
            None,
            None,
            Cell("Totale documento", style="bold", span=2),
            None,
            Cell(value=r2(net + tax), formula=f"=F{t}+SUM(F{t + 1}:F{t + n})", style="total"),
        ],
        [],
        [Cell("Banca d'appoggio: Intesa Sanpaolo – IBAN IT51 N030 6909 6061 0000 0063 118", span=6)],
        [
            Cell(
                "Contributo CONAI assolto ove dovuto. Copia di cortesia: l'originale è la fattura "
                "elettronica trasmessa allo SdI.",
                style="small",
                span=6,
            )
        ],
    ]
    return calc_document(
        CalcDoc(
            language="it",
            country="IT",
            sheet="Fattura",
            widths=["3.2cm", "4.6cm", "1.4cm", "2.4cm", "2.4cm", "3cm"],
            rows=rows,
            date_order="dmy",
            date_separator="/",
            header="",
            footer="",
        )
    )


def factura_irpf_es() -> str:
    """A Spanish freelance architect's Writer invoice: IVA 21 %, IRPF withholding 15 %."""
    items = [
        ("Proyecto básico y de ejecución, reforma de vivienda (fase 2)", 2400.00),
        ("Dirección de obra, abril 2025", 650.00),
        ("Certificado de eficiencia energética", 180.00),
    ]
    base = r2(sum(v for _, v in items))
    iva = r2(base * 0.21)
    irpf = r2(base * 0.15)
    total = r2(base + iva - irpf)
    return writer_document(
        WriterDoc(
            language="es",
            country="ES",
            font="DejaVu Sans",
            size="9pt",
            header=[
                Para("Marta Sanz Ortega · Arquitecta", "Head"),
                Para("C/ Mayor 27, 2º B · 28013 Madrid · NIF 45678123P · Colegiada COAM 18.422"),
            ],
            body=[
                Frame(
                    "2cm",
                    "4.4cm",
                    "8.5cm",
                    "3.8cm",
                    [
                        Para("Cliente:", "Bold"),
                        Para("Reformas Castilla Sur, S.L."),
                        Para("C/ de Toledo 140"),
                        Para("28005 Madrid"),
                        Para("CIF B18469122"),
                    ],
                ),
                Frame(
                    "12cm",
                    "4.4cm",
                    "7cm",
                    "3.8cm",
                    [
                        Para("FACTURA", "Head"),
                        Para("Número:\t2025-017", "Info"),
                        Para("Fecha:\t30/04/2025", "Info"),
                        Para("Vencimiento:\t30/05/2025", "Info"),
                    ],
                ),
                Para("", "Space"),
                Table(
                    widths=["13cm", "4cm"],
                    header=["Concepto", "Importe"],
                    rows=[[t, money(v, "es")] for t, v in items],
                    align="lr",
                ),
                Para("", "Gap"),
                Para(f"\tBase imponible\t{money(base, 'es')}", "Totals"),
                Para(f"\tIVA 21%\t{money(iva, 'es')}", "Totals"),
                Para(f"\tRetención IRPF 15%\t-{money(irpf, 'es')}", "Totals"),
                Para(f"\tTotal a pagar\t{money(total, 'es')}", "TotalsBold"),
                Para("", "Gap"),
                Para("Forma de pago: transferencia bancaria a la cuenta ES91 2100 0418 4502 0005 1332"),
            ],
        )
    )


def invoice_consulting_us() -> str:
    """A US consultant's Writer letter invoice on Letter paper: hours x rate in a table, no sales tax on
    services, a retainer already paid, ACH remittance."""
    items = [
        ("03/03/2025", "Stakeholder interviews and workshop", "12.5", 165.00),
        ("03/10/2025", "Process mapping, order-to-cash", "18.0", 165.00),
        ("03/17/2025", "ERP requirements document, draft 1", "22.5", 165.00),
        ("03/24/2025", "Vendor demo evaluation (3 vendors)", "9.0", 165.00),
    ]
    rows, subtotal = [], 0.0
    for day, text, hours, rate in items:
        amount = r2(float(hours) * rate)
        subtotal += amount
        rows.append([day, text, hours, money(rate, "usd"), money(amount, "usd")])
    subtotal = r2(subtotal)
    retainer = 2500.00
    return writer_document(
        WriterDoc(
            language="en",
            country="US",
            paper="Letter",
            totals_label_tab="10.5cm",
            totals_tab="17.5cm",
            font="Liberation Serif",
            size="11pt",
            header=[
                Para("CEDAR RIDGE ADVISORY LLC", "Head"),
                Para("2207 Pearl Street, Suite 310 · Boulder, CO 80302 · (303) 555-0188"),
            ],
            body=[
                Frame(
                    "2cm",
                    "4.2cm",
                    "8.5cm",
                    "3.6cm",
                    [
                        Para("BILL TO", "Bold"),
                        Para("Front Range Outdoor Supply Co."),
                        Para("Attn: Karen Ostrowski, CFO"),
                        Para("5150 Valmont Rd"),
                        Para("Boulder, CO 80301"),
                    ],
                ),
                Frame(
                    "12cm",
                    "4.2cm",
                    "7.5cm",
                    "3.6cm",
                    [
                        Para("Invoice #:\t2025-031", "Info"),
                        Para("Invoice date:\tMarch 31, 2025", "Info"),
                        Para("Terms:\tNet 15", "Info"),
                        Para("Due date:\tApril 15, 2025", "Info"),
                    ],
                ),
                Para("", "Space"),
                Para("INVOICE — Professional Services, March 2025", "Title"),
                Table(
                    widths=["2.4cm", "7.6cm", "1.6cm", "2.4cm", "3.4cm"],
                    header=["Date", "Description", "Hours", "Rate", "Amount"],
                    rows=rows,
                    align="llrrr",
                ),
                Para("", "Gap"),
                Para(f"\tSubtotal\t{money(subtotal, 'usd')}", "Totals"),
                Para(f"\tLess retainer received 02/28/2025\t-{money(retainer, 'usd')}", "Totals"),
                Para(f"\tAmount Due\t{money(r2(subtotal - retainer), 'usd')}", "TotalsBold"),
                Para("", "Gap"),
                Para("Professional services are not subject to Colorado sales tax."),
                Para("Please remit by ACH: First Western Trust, routing 102006025, account 7781 2290 44."),
                Para("Thank you!"),
            ],
        )
    )


def rechnung_anzahlung_at() -> str:
    """An Austrian carpenter's Writer final invoice after a deposit (Schlussrechnung), 20 % USt., B2C."""
    items = [
        ("1", "Einbauschrank Vorraum, Eiche furniert, lt. Angebot 2024-211", "1", 4380.00),
        ("2", "Schiebetüren mit Soft-Close-Beschlag", "2", 640.00),
        ("3", "Montage inkl. Anfahrt", "9", 62.00),
    ]
    rows, net = [], 0.0
    for pos, text, qty, price in items:
        amount = r2(int(qty) * price)
        net += amount
        rows.append([pos, text, qty, money(price, "de-plain"), money(amount, "de-plain")])
    net = r2(net)
    vat = r2(net * 0.20)
    gross = r2(net + vat)
    deposit = 2500.00
    return writer_document(
        WriterDoc(
            language="de",
            country="AT",
            header=[Para("Tischlerei Huber e.U.", "RightBold"), Para("Meisterbetrieb seit 1987", "Right")],
            body=[
                Frame(
                    "2cm",
                    "4.5cm",
                    "8.5cm",
                    "4.5cm",
                    [
                        Para("Tischlerei Huber e.U. · Gewerbestraße 5 · 5020 Salzburg", "Sender"),
                        Para(""),
                        Para("Frau"),
                        Para("Mag. Elisabeth Pichler"),
                        Para("Aigner Straße 48"),
                        Para("5026 Salzburg"),
                    ],
                ),
                Frame(
                    "12.5cm",
                    "5cm",
                    "6.5cm",
                    "4cm",
                    [
                        Para("Rechnung Nr.:\tSR-2025-009", "Info"),
                        Para("Datum:\t06.05.2025", "Info"),
                        Para("Leistungszeitraum:\t22.-25.04.2025", "Info"),
                        Para("Ihr Angebot:\t2024-211", "Info"),
                    ],
                ),
                Para("", "Space"),
                Para("Schlussrechnung", "Title"),
                Para("Sehr geehrte Frau Mag. Pichler,"),
                Para("wir bedanken uns für Ihren Auftrag und verrechnen wie folgt:"),
                Table(
                    widths=["1cm", "9.2cm", "1.4cm", "2.6cm", "2.8cm"],
                    header=["Pos.", "Bezeichnung", "Menge", "Preis €", "Gesamt €"],
                    rows=rows,
                    align="llrrr",
                ),
                Para("", "Gap"),
                Para(f"\tSumme netto\t{money(net, 'de')}", "Totals"),
                Para(f"\t+ 20 % USt.\t{money(vat, 'de')}", "Totals"),
                Para(f"\tGesamtbetrag brutto\t{money(gross, 'de')}", "TotalsBold"),
                Para(f"\tabzgl. Anzahlung 03.03.2025\t-{money(deposit, 'de')}", "Totals"),
                Para(f"\tOffener Betrag\t{money(r2(gross - deposit), 'de')}", "TotalsBold"),
                Para("", "Gap"),
                Para("Zahlbar bis 20.05.2025 ohne Abzug."),
                Para("Mit freundlichen Grüßen"),
                Para("Josef Huber"),
            ],
            footer_columns=[
                ["Tischlerei Huber e.U.", "Gewerbestraße 5, 5020 Salzburg", "Tel. 0662 43 21 09"],
                ["UID: ATU65897194", "FN 412345 m, LG Salzburg"],
                ["Salzburger Sparkasse", "IBAN AT26 3200 0000 1234 5678", "BIC RLNWATWW"],
            ],
        )
    )


BATCH_2 = {
    "rechnung_teileliste_de.fods": rechnung_teileliste_de,
    "quotation_gb.fodt": quotation_gb,
    "avoir_librairie_fr.fods": avoir_librairie_fr,
    "factuur_be.fodt": factuur_be,
    "fattura_calc_it.fods": fattura_calc_it,
    "factura_irpf_es.fodt": factura_irpf_es,
    "invoice_consulting_us.fodt": invoice_consulting_us,
    "rechnung_anzahlung_at.fodt": rechnung_anzahlung_at,
}
SOURCES = {**BATCH_1, **BATCH_2}


def main(argv: list[str]) -> int:
    names = argv or list(SOURCES)
    for name in names:
        (HERE / name).write_text(SOURCES[name](), encoding="utf-8")
        print(HERE / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
