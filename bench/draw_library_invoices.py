"""Draw the held-out invoices of round 6a (issue 13) with PDF libraries, the way ERP and web-shop back ends
emit them: reportlab canvas code (glyphs, words and right-aligned amounts placed one draw call at a time,
letter-spaced titles, rotated margin text, tiny footers, labels and values on slightly different baselines)
and fpdf2 cell tables (bordered cells, a header row repeated on each page, a carried-forward subtotal). The
standard Type-1 fonts (Helvetica, Times, Courier with WinAnsi: `€`, accented letters) throughout.

reportlab and fpdf2 are build-time tools, not product dependencies; they live in a venv of their own:

    python3 -m venv /tmp/genvenv && /tmp/genvenv/bin/pip install reportlab fpdf2
    /tmp/genvenv/bin/python bench/draw_library_invoices.py            # every invoice
    /tmp/genvenv/bin/python bench/draw_library_invoices.py NAME ...   # some of them

The PDFs go to `tests/ocr_tasks/extraction/library_invoices/` (committed; the tests and
`bench/held_out_pdfs.py --folder` read them), beside `expectations.json`, written by hand from the printed
pages. Parties, numbers and amounts are invented; the IBANs and VAT ids carry valid check digits (computed
once with schwifty / python-stdnum in the product's venv, checked by `test_held_out_library.py`). The output
is reproducible: reportlab's invariant mode and a fixed fpdf2 creation date.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from fpdf import FPDF
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

OUT = Path(__file__).resolve().parent.parent / "tests/ocr_tasks/extraction/library_invoices"
CENT = Decimal("0.01")
MM = 72 / 25.4


def d(value) -> Decimal:
    return Decimal(str(value)).quantize(CENT, ROUND_HALF_UP)


def money(value, style: str) -> str:
    """`1,234.56` (en), `1.234,56` (de, es, it, nl), `1 234,56` (fr, a no-break space)."""
    text = f"{d(value):,.2f}"
    if style == "en":
        return text
    swapped = text.replace(",", "_").replace(".", ",")
    return swapped.replace("_", "\u00a0" if style == "fr" else ".")


def qty(value, style: str) -> str:
    text = f"{Decimal(str(value)).normalize():f}"
    return text if style == "en" else text.replace(".", ",")


def lines_of(items, at: int = 1):
    """Items (..., quantity at `at`, unit price after it, ...) with their line amounts appended."""
    return [(*item, d(Decimal(str(item[at])) * Decimal(str(item[at + 1])))) for item in items]


# ---------------------------------------------------------------------------------------------------------
# reportlab helpers


def rl_canvas(name: str, size=A4) -> Canvas:
    canvas = Canvas(str(OUT / f"{name}.pdf"), pagesize=size, invariant=1, pageCompression=1)
    canvas.setTitle(name)
    canvas.setAuthor("bench/draw_library_invoices.py")
    return canvas


def rl_words(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """Each word its own draw call, placed where a layout engine would put it (as some report writers do)."""
    canvas.setFont(font, size)
    space = stringWidth(" ", font, size)
    for word in text.split(" "):
        canvas.drawString(x, y, word)
        x += stringWidth(word, font, size) + space


def rl_glyphs(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, right=False) -> None:
    """Each glyph its own draw call (a right-aligned amount set glyph by glyph from its right edge)."""
    canvas.setFont(font, size)
    if right:
        x -= stringWidth(text, font, size)
    for char in text:
        canvas.drawString(x, y, char)
        x += stringWidth(char, font, size)


def rl_spaced(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, space: float) -> None:
    """A letter-spaced title (the text object's character spacing, Tc)."""
    obj = canvas.beginText(x, y)
    obj.setFont(font, size)
    obj.setCharSpace(space)
    obj.textOut(text)
    obj.setCharSpace(0)  # Tc stays in the graphics state otherwise
    canvas.drawText(obj)


def rl_lines(canvas: Canvas, x: float, y: float, rows, font="Helvetica", size=9.0, lead=11.0) -> float:
    canvas.setFont(font, size)
    for row in rows:
        canvas.drawString(x, y, row)
        y -= lead
    return y


def rl_wrap(text: str, font: str, size: float, width: float) -> list[str]:
    rows, row = [], ""
    for word in text.split():
        candidate = f"{row} {word}".strip()
        if row and stringWidth(candidate, font, size) > width:
            rows.append(row)
            row = word
        else:
            row = candidate
    return [*rows, row]


# ---------------------------------------------------------------------------------------------------------
# fpdf2 helpers


class Doc(FPDF):
    """An fpdf2 document with the standard fonts in WinAnsi, a fixed creation date and optional header and
    footer callbacks (the way a shop back end subclasses FPDF)."""

    def __init__(self, fmt="A4", header=None, footer=None):
        super().__init__(orientation="P", unit="mm", format=fmt)
        self.core_fonts_encoding = "windows-1252"
        self.set_creation_date(datetime(2025, 11, 30, 12, 0, tzinfo=UTC))
        self._header, self._footer = header, footer
        self.set_auto_page_break(auto=False)
        self.set_margins(18, 15, 18)

    def header(self):
        if self._header:
            self._header(self)

    def footer(self):
        if self._footer:
            self._footer(self)


def fpdf_save(pdf: Doc, name: str) -> None:
    pdf.set_title(name)
    pdf.set_author("bench/draw_library_invoices.py")
    pdf.output(str(OUT / f"{name}.pdf"))


# ---------------------------------------------------------------------------------------------------------
# batch 1


def invoice_us_rl() -> None:
    """A US print shop's invoice (Letter): info labels right-aligned against values a point lower, a filled
    header bar, amounts by drawRightString, sales tax and shipping, a deposit taken off the balance."""
    c = rl_canvas("invoice_us_rl", LETTER)
    w, h = LETTER
    c.setFillColorRGB(0.12, 0.27, 0.38)
    c.rect(0, h - 92, w, 92, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Helvetica-Bold", 20)
    c.drawString(40, h - 48, "Cedar Ridge Print Works, Inc.")
    rl_lines(
        c,
        40,
        h - 66,
        ["1418 Dock Street, Tacoma, WA 98402", "(253) 555-0148  ·  billing@cedarridgeprint.com"],
        size=8.5,
        lead=10.5,
    )
    c.setFont("Helvetica-Bold", 26)
    c.drawRightString(w - 40, h - 56, "INVOICE")
    c.setFillColorRGB(0, 0, 0)
    y = h - 125
    info = [
        ("Invoice No.", "24-1187"),
        ("Invoice Date", "October 14, 2025"),
        ("Order #", "7731"),
        ("P.O. Number", "PO-55812"),
        ("Terms", "Net 30"),
        ("Due Date", "November 13, 2025"),
    ]
    for label, value in info:
        c.setFont("Helvetica-Bold", 9)
        c.drawRightString(w - 150, y, label)
        c.setFont("Helvetica", 9)
        c.drawString(w - 140, y - 1.2, value)
        y -= 14
    c.setFont("Helvetica-Bold", 9)
    c.drawString(40, h - 125, "BILL TO")
    rl_lines(
        c,
        40,
        h - 139,
        ["Harbor Lane Coffee Co.", "Attn: Accounts Payable", "2290 Pacific Avenue", "Olympia, WA 98501"],
        size=9.5,
    )
    c.setFont("Helvetica-Bold", 9)
    c.drawString(200, h - 125, "SHIP TO")
    rl_lines(c, 200, h - 139, ["Harbor Lane Roastery", "77 Capitol Way N", "Olympia, WA 98501"], size=9.5)
    items = lines_of(
        [
            ("Custom printed coffee bags, 12 oz kraft, 2 colors", 2000, "0.38"),
            ('Round label stickers 3", matte', 5000, "0.045"),
            ("Plate setup fee", 1, "85.00"),
            ("Design revision (hours)", "2.5", "60.00"),
        ]
    )
    top = h - 245
    c.setFillColorRGB(0.88, 0.92, 0.95)
    c.rect(40, top - 6, w - 80, 18, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(46, top, "DESCRIPTION")
    c.drawRightString(380, top, "QTY")
    c.drawRightString(470, top, "UNIT PRICE")
    c.drawRightString(w - 46, top, "AMOUNT")
    y = top - 22
    for desc, q, price, amount in items:
        c.setFont("Helvetica", 9.5)
        c.drawString(46, y, desc)
        c.drawRightString(380, y, f"{Decimal(str(q)):,}")
        c.drawRightString(470, y, f"{Decimal(price):,.3f}".rstrip("0") if len(price) > 5 else price)
        c.drawRightString(w - 46, y, money(amount, "en"))
        c.setStrokeColorRGB(0.8, 0.8, 0.8)
        c.line(40, y - 6, w - 40, y - 6)
        y -= 20
    subtotal = sum(a for *_, a in items)
    tax = d(subtotal * Decimal("0.101"))
    shipping = d("42.50")
    total = subtotal + tax + shipping
    deposit = d("500.00")
    y -= 14
    rows = [
        ("Subtotal", money(subtotal, "en")),
        ("Sales Tax (10.1%)", money(tax, "en")),
        ("Shipping & Handling", money(shipping, "en")),
        ("Total", money(total, "en")),
        ("Less: Deposit received 09/22/2025", "-" + money(deposit, "en")),
    ]
    for label, value in rows:
        c.setFont("Helvetica-Bold" if label == "Total" else "Helvetica", 9.5)
        c.drawRightString(470, y, label)
        c.drawRightString(w - 46, y, value)
        y -= 15
    y -= 6
    c.setFillColorRGB(0.12, 0.27, 0.38)
    c.rect(330, y - 8, w - 370, 22, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Helvetica-Bold", 11)
    c.drawRightString(470, y, "BALANCE DUE")
    c.drawRightString(w - 46, y, "$" + money(total - deposit, "en"))
    c.setFillColorRGB(0, 0, 0)
    rl_lines(
        c,
        40,
        120,
        [
            "Make checks payable to Cedar Ridge Print Works, Inc.",
            "A 1.5% monthly finance charge applies to balances past due.",
            "Questions about this invoice? Call Dana Whitaker at (253) 555-0148.",
        ],
        size=8,
    )
    c.setFont("Helvetica-Oblique", 10)
    c.drawCentredString(w / 2, 60, "Thank you for your business!")
    c.showPage()
    c.save()


def rechnung_de_fpdf() -> None:
    """A German trade-fair builder's invoice as an ERP prints it with fpdf2: sender line over the window,
    an info block of label/value cells, a bordered item table with two VAT rates, Skonto terms, a three-column
    footer with the register and the bank."""

    def footer(pdf: Doc) -> None:
        pdf.set_y(-28)
        pdf.set_draw_color(150)
        pdf.line(18, pdf.get_y() - 2, 192, pdf.get_y() - 2)
        pdf.set_font("Helvetica", size=7)
        cols = [
            ["Haberland Messebau GmbH", "Werftstraße 12, 24148 Kiel", "Tel. 0431 55 60 70"],
            ["Geschäftsführer: Jens Haberland", "Amtsgericht Kiel HRB 18234", "USt-IdNr.: DE421877701"],
            ["Commerzbank Köln", "IBAN: DE78 3704 0044 0532 0131 01", "BIC: COBADEFFXXX"],
        ]
        top = pdf.get_y()
        for i, col in enumerate(cols):
            pdf.set_xy(18 + i * 58, top)
            pdf.multi_cell(58, 3.4, "\n".join(col))

    pdf = Doc(footer=footer)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_xy(120, 15)
    pdf.cell(72, 9, "HABERLAND", align="R")
    pdf.set_font("Helvetica", size=8)
    pdf.set_xy(120, 24)
    pdf.cell(72, 4, "Messebau · Ladenbau · Eventtechnik", align="R")
    pdf.set_xy(20, 45)
    pdf.set_font("Helvetica", "U", 6.5)
    pdf.cell(85, 4, "Haberland Messebau GmbH · Werftstraße 12 · 24148 Kiel")
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(20, 52)
    pdf.multi_cell(
        85, 4.6, "Nordlicht Aquaristik GmbH\nz. Hd. Frau Petra Janssen\nRingstraße 41\n26121 Oldenburg"
    )
    info = [
        ("Rechnungs-Nr.", "2025-10342"),
        ("Auftrags-Nr.", "A-25-0871"),
        ("Kunden-Nr.", "10457"),
        ("Rechnungsdatum", "21.10.2025"),
        ("Leistungsdatum", "14.10.2025"),
        ("Ihre USt-IdNr.", "DE608048993"),
        ("Bearbeiter", "M. Sörensen"),
    ]
    y = 48
    for label, value in info:
        pdf.set_xy(125, y)
        pdf.set_font("Helvetica", size=8.5)
        pdf.cell(30, 4.5, label + ":")
        pdf.set_font("Helvetica", "B", 8.5)
        pdf.cell(37, 4.5, value, align="R")
        y += 4.6
    pdf.set_xy(18, 95)
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, "Rechnung Nr. 2025-10342")
    pdf.set_xy(18, 104)
    pdf.set_font("Helvetica", size=9.5)
    pdf.multi_cell(
        174,
        4.6,
        "Sehr geehrte Frau Janssen,\nfür den Messeauftritt auf der Interzoo 2025 "
        "berechnen wir Ihnen vereinbarungsgemäß:",
    )
    items = [
        (*row, d(Decimal(str(row[3])) * Decimal(row[5])))
        for row in [
            ("1", "MB-3040", "Messestand Systembau 3 x 4 m, Miete", 1, "Stk", "2450.00", 19),
            ("2", "DL-MONT", "Aufbau und Abbau, Montage vor Ort", 16, "Std", "58.00", 19),
            ("3", "LED-S4", "LED-Beleuchtungsset, Miete", 4, "Stk", "37.50", 19),
            ("4", "DR-A5-8", "Prospekte A5, 8 Seiten, Druck", 1000, "Stk", "0.29", 7),
        ]
    ]
    widths = [10, 20, 66, 16, 12, 22, 10, 18]
    heads = ["Pos.", "Art.-Nr.", "Bezeichnung", "Menge", "Einh.", "Einzelpreis", "USt", "Gesamt"]
    pdf.set_xy(18, 118)
    pdf.set_font("Helvetica", "B", 8.5)
    pdf.set_fill_color(225)
    for wdt, head in zip(widths, heads, strict=True):
        pdf.cell(
            wdt,
            6,
            head,
            border=1,
            fill=True,
            align="R" if head in {"Menge", "Einzelpreis", "Gesamt"} else "L",
        )
    pdf.ln()
    pdf.set_font("Helvetica", size=8.5)
    for pos, art, desc, q, unit, price, rate, amount in items:
        pdf.set_x(18)
        cells = [pos, art, desc, qty(q, "de"), unit, money(price, "de"), f"{rate} %", money(amount, "de")]
        for wdt, text, align in zip(widths, cells, "LLLRLRRR", strict=True):
            pdf.cell(wdt, 6, text, border=1, align=align)
        pdf.ln()
    net19 = sum(i[-1] for i in items if i[6] == 19)
    net7 = sum(i[-1] for i in items if i[6] == 7)
    tax19, tax7 = d(net19 * Decimal("0.19")), d(net7 * Decimal("0.07"))
    net = net19 + net7
    total = net + tax19 + tax7
    rows = [
        ("Nettobetrag", money(net, "de") + " €", ""),
        (f"zzgl. 19 % USt auf {money(net19, 'de')} €", money(tax19, "de") + " €", ""),
        (f"zzgl. 7 % USt auf {money(net7, 'de')} €", money(tax7, "de") + " €", ""),
        ("Rechnungsbetrag", money(total, "de") + " €", "B"),
    ]
    y = pdf.get_y() + 3
    for label, value, style in rows:
        pdf.set_xy(100, y)
        pdf.set_font("Helvetica", style, 9)
        pdf.cell(62, 5.5, label, border="T" if style else "", align="R")
        pdf.cell(30, 5.5, value, border="T" if style else "", align="R")
        y += 5.5
    skonto = d(total * Decimal("0.02"))
    pdf.set_xy(18, y + 8)
    pdf.set_font("Helvetica", size=9)
    pdf.multi_cell(
        174,
        4.6,
        "Zahlbar innerhalb von 14 Tagen bis zum 04.11.2025 ohne Abzug. Bei Zahlung bis "
        f"zum 28.10.2025 gewähren wir 2 % Skonto ({money(skonto, 'de')} €).\n"
        "Leistungszeitraum: 12.10.2025 bis 14.10.2025. Mit freundlichen Grüßen\nHaberland Messebau GmbH",
    )
    fpdf_save(pdf, "rechnung_de_fpdf")


def facture_fr_rl() -> None:
    """A French joinery's facture drawn with reportlab: a letter-spaced title (Tc), label and value cells of
    the reference box on baselines 1.5 pt apart, amounts with a no-break space, a discount and a deposit
    already paid (net à payer below the TTC), the SIRET and the TVA in a 6 pt footer."""
    c = rl_canvas("facture_fr_rl")
    w, h = A4
    c.setFont("Times-Bold", 17)
    c.drawString(50, h - 60, "Menuiserie Delorme & Fils")
    rl_lines(
        c,
        50,
        h - 76,
        [
            "SARL au capital de 20 000 €",
            "14, rue des Tanneurs",
            "69007 Lyon",
            "Tél. 04 78 61 22 09 – contact@menuiserie-delorme.fr",
        ],
        font="Times-Roman",
        size=9.5,
        lead=11.5,
    )
    rl_spaced(c, 360, h - 62, "FACTURE", "Helvetica-Bold", 20, 5)
    c.setStrokeColorRGB(0.3, 0.3, 0.3)
    c.rect(360, h - 160, 185, 84, stroke=1, fill=0)
    refs = [
        ("N° de facture", "F2025-0288"),
        ("Date", "7 octobre 2025"),
        ("Devis n°", "D2025-0140"),
        ("Votre commande", "BC-7719"),
        ("Échéance", "6 novembre 2025"),
    ]
    y = h - 92
    for label, value in refs:
        c.setFont("Helvetica", 8.5)
        c.drawString(366, y, label)
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(450, y - 1.5, value)
        y -= 15
    c.setFont("Helvetica", 8)
    c.drawString(330, h - 190, "Facturé à :")
    rl_lines(
        c,
        330,
        h - 205,
        [
            "Clinique Vétérinaire des Pentes",
            "Dr Amélie Roux",
            "3, montée de la Grande-Côte",
            "69001 Lyon",
            "N° TVA client : FR64710818022",
        ],
        font="Times-Roman",
        size=10.5,
        lead=13,
    )
    items = lines_of(
        [
            ("Agencement comptoir d'accueil en chêne massif", 1, "3850.00"),
            ("Étagères murales sur mesure", 6, "145.00"),
            ("Pose et réglages (heures)", 12, "52.00"),
            ("Livraison et mise en place", 1, "90.00"),
        ]
    )
    top = h - 300
    cols = [(50, "Désignation", "l"), (370, "Qté", "r"), (455, "P.U. HT", "r"), (545, "Montant HT", "r")]
    c.setLineWidth(0.6)
    c.line(50, top + 12, 545, top + 12)
    c.line(50, top - 5, 545, top - 5)
    c.setFont("Helvetica-Bold", 9)
    for x, head, align in cols:
        (c.drawString if align == "l" else c.drawRightString)(x, top, head)
    y = top - 22
    for desc, q, price, amount in items:
        c.setFont("Times-Roman", 10.5)
        c.drawString(50, y, desc)
        c.drawRightString(370, y, str(q))
        c.drawRightString(455, y, money(price, "fr") + " €")
        c.drawRightString(545, y, money(amount, "fr") + " €")
        y -= 17
    c.line(50, y + 8, 545, y + 8)
    gross = sum(a for *_, a in items)
    discount = d(gross * Decimal("0.05"))
    net = gross - discount
    tva = d(net * Decimal("0.20"))
    ttc = net + tva
    deposit = d("1500.00")
    rows = [
        ("Total brut HT", money(gross, "fr") + " €"),
        ("Remise 5 %", "- " + money(discount, "fr") + " €"),
        ("Total HT", money(net, "fr") + " €"),
        ("TVA 20 %", money(tva, "fr") + " €"),
        ("Total TTC", money(ttc, "fr") + " €"),
        ("Acompte versé le 12/09/2025", "- " + money(deposit, "fr") + " €"),
    ]
    y -= 12
    for label, value in rows:
        c.setFont("Helvetica-Bold" if label.startswith("Total") else "Helvetica", 9.5)
        c.drawString(330, y, label)
        c.drawRightString(545, y, value)
        y -= 15
    c.setFillColorRGB(0.92, 0.92, 0.92)
    c.rect(325, y - 6, 225, 19, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(330, y, "Net à payer")
    c.drawRightString(545, y, money(ttc - deposit, "fr") + " €")
    rl_lines(
        c,
        50,
        190,
        [
            "Conditions de règlement : virement à 30 jours date de facture.",
            "En cas de retard de paiement, pénalités au taux de 3 fois le taux d'intérêt légal et "
            "indemnité forfaitaire de 40 € (art. L441-10 C. com.).",
            "Pas d'escompte pour paiement anticipé.",
            "IBAN : FR76 3000 4000 0300 0123 4568 770 – BIC : BNPAFRPP",
        ],
        font="Times-Roman",
        size=9,
        lead=11.5,
    )
    c.setFont("Helvetica", 6)
    c.drawCentredString(
        w / 2,
        40,
        "Menuiserie Delorme & Fils SARL – SIRET 765 698 410 00027 – RCS Lyon 765 698 410 – "
        "APE 1623Z – N° TVA intracommunautaire FR24765698410",
    )
    c.showPage()
    c.save()


def fattura_it_fpdf() -> None:
    """An Italian hardware wholesaler's fattura over two pages, fpdf2 cells: the header row repeated, `A
    riportare` at the foot of page 1 and `Riporto` at the head of page 2, a DDT number and date beside the
    invoice's, one IVA rate."""
    rnd = random.Random(1284)
    names = [
        "Viti autofilettanti 4,2x32 (conf. 200)",
        "Tasselli nylon 8 mm (conf. 100)",
        "Silicone sigillante bianco",
        "Nastro carta 50 mm",
        "Guanti da lavoro in nitrile, tg. 9",
        "Punta HSS 6 mm",
        "Punta muro 8 mm",
        "Disco diamantato 230 mm",
        "Cartuccia schiuma poliuretanica",
        "Rullo pittura 18 cm",
        "Pennello piatto 50 mm",
        "Stucco in pasta 1 kg",
        "Livella alluminio 60 cm",
        "Metro a nastro 5 m",
        "Cutter professionale 18 mm",
        "Lame cutter (conf. 10)",
        "Cavo elettrico FG16 3x2,5 (m)",
        "Scatola di derivazione 100x100",
        "Morsetti a leva (conf. 50)",
        "Guaina corrugata 25 mm (m)",
        "Tubo multistrato 16 mm (m)",
        "Raccordo a pressare 16x16",
        'Valvola a sfera 1/2"',
        "Canapa idraulica 100 g",
        "Pasta verde per canapa",
        "Collante per piastrelle C2TE (sacco 25 kg)",
        "Fugante cementizio grigio 5 kg",
        "Distanziatori piastrelle 3 mm",
        "Secchio muratore 12 l",
        "Cazzuola a punta",
        "Frattazzo in spugna",
        "Carta abrasiva grana 120 (foglio)",
        "Tavola abete 25x200 (m)",
        "Chiodi acciaio 50 mm (kg)",
        "Cerniera anuba 14 mm",
        "Lucchetto ottone 40 mm",
        "Catena zincata 6 mm (m)",
        "Grasso al litio 400 g",
        "Sgrassatore spray 500 ml",
        "Occhiali protettivi",
    ]
    items = []
    for i, name in enumerate(names, start=1):
        q = rnd.choice([1, 2, 3, 4, 5, 6, 10, 12, 20, 25, 50])
        price = d(Decimal(rnd.randint(45, 4990)) / 100)
        items.append((f"{i:02d}", f"FC{rnd.randint(10000, 99999)}", name, q, price, d(q * price)))

    def footer(pdf: Doc) -> None:
        pdf.set_y(-18)
        pdf.set_font("Helvetica", size=6.5)
        pdf.cell(
            0,
            3.2,
            "Ferramenta Colombo S.r.l. - Via Cavour 88 - 20871 Vimercate (MB) - Partita IVA e C.F. "
            "IT69160750811 - REA MB-1872345 - Cap. soc. € 50.000,00 i.v.",
            align="C",
        )
        pdf.ln()
        pdf.cell(0, 3.2, f"Pagina {pdf.page_no()} di 2", align="C")

    pdf = Doc(footer=footer)
    widths = [9, 20, 83, 12, 22, 28]
    heads = ["N.", "Codice", "Descrizione", "Q.tà", "Prezzo unit.", "Importo"]

    def head_block(first: bool) -> None:
        pdf.set_xy(18, 14)
        pdf.set_font("Helvetica", "B", 15)
        pdf.cell(100, 7, "Ferramenta Colombo S.r.l.")
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(18, 21)
        pdf.multi_cell(
            90,
            3.6,
            "Via Cavour 88 - 20871 Vimercate (MB)\nTel. 039 668 2210 - "
            "amministrazione@ferramentacolombo.it\nP.IVA IT69160750811",
        )
        pdf.set_xy(120, 14)
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(72, 6, "FATTURA N. 1284/2025", border=1, align="C")
        pdf.set_xy(120, 20)
        pdf.set_font("Helvetica", size=8.5)
        pdf.cell(72, 5, "del 15/09/2025", border="LRB", align="C")
        if first:
            pdf.set_xy(120, 32)
            pdf.set_font("Helvetica", size=7.5)
            pdf.cell(72, 4, "Spett.le")
            pdf.set_xy(120, 36)
            pdf.set_font("Helvetica", "B", 10)
            pdf.multi_cell(72, 4.6, "Impresa Edile Brambilla & C. S.n.c.")
            pdf.set_font("Helvetica", size=9)
            pdf.set_x(120)
            pdf.multi_cell(72, 4.4, "Via Roma 5\n20900 Monza (MB)\nP.IVA IT18239930052")
            pdf.set_xy(18, 42)
            pdf.set_font("Helvetica", size=8)
            for label, value in [
                ("DDT n.", "977 del 12/09/2025"),
                ("Vs. ordine", "45/B"),
                ("Pagamento", "Bonifico 30 gg d.f."),
                ("Scadenza", "15/10/2025"),
            ]:
                pdf.set_x(18)
                pdf.cell(22, 4.4, label, border="B")
                pdf.cell(50, 4.4, value, border="B")
                pdf.ln()
        pdf.set_xy(18, 68 if first else 34)
        pdf.set_font("Helvetica", "B", 8)
        pdf.set_fill_color(210, 222, 235)
        for wdt, head in zip(widths, heads, strict=True):
            pdf.cell(
                wdt,
                5.5,
                head,
                border=1,
                fill=True,
                align="R" if head in {"Q.tà", "Prezzo unit.", "Importo"} else "L",
            )
        pdf.ln()

    def row(cells, bold=False) -> None:
        pdf.set_x(18)
        pdf.set_font("Helvetica", "B" if bold else "", 8)
        for wdt, text, align in zip(widths, cells, "LLLRRR", strict=True):
            pdf.cell(wdt, 5.2, text, border="LR" if not bold else 1, align=align)
        pdf.ln()

    pdf.add_page()
    head_block(True)
    carried = Decimal(0)
    first_page = 30
    for it in items[:first_page]:
        row([it[0], it[1], it[2], str(it[3]), money(it[4], "it"), money(it[5], "it")])
        carried += it[5]
    row(["", "", "A riportare", "", "", money(carried, "it")], bold=True)
    pdf.add_page()
    head_block(False)
    row(["", "", "Riporto", "", "", money(carried, "it")], bold=True)
    for it in items[first_page:]:
        row([it[0], it[1], it[2], str(it[3]), money(it[4], "it"), money(it[5], "it")])
    pdf.set_x(18)
    pdf.cell(sum(widths), 0, "", border="T")
    net = sum(it[5] for it in items)
    iva = d(net * Decimal("0.22"))
    y = pdf.get_y() + 6
    for label, value, style in [
        ("Imponibile", money(net, "it"), ""),
        ("IVA 22%", money(iva, "it"), ""),
        ("Totale fattura €", money(net + iva, "it"), "B"),
    ]:
        pdf.set_xy(110, y)
        pdf.set_font("Helvetica", style, 9.5)
        pdf.cell(50, 6, label, border=1)
        pdf.cell(32, 6, value, border=1, align="R")
        y += 6
    pdf.set_xy(18, y + 6)
    pdf.set_font("Helvetica", size=8.5)
    pdf.multi_cell(
        174,
        4.2,
        "Modalità di pagamento: bonifico bancario a 30 giorni data fattura, scadenza 15/10/2025.\n"
        "IBAN IT51 U030 6909 6061 0000 0063 719 - BIC BCITITMM - Intesa Sanpaolo, filiale di Vimercate\n"
        "Contributo CONAI assolto ove dovuto.",
    )
    fpdf_save(pdf, "fattura_it_fpdf")
    return items


def factuur_nl_rl() -> None:
    """A Dutch landscaper's factuur drawn word by word (each word a draw call, as some report writers
    place text), two BTW rates (21 % and 9 %), the customer's BTW number and reference, a Vervaldatum."""
    c = rl_canvas("factuur_nl_rl")
    w, h = A4
    f, fb = "Helvetica", "Helvetica-Bold"
    c.setFillColorRGB(0.18, 0.42, 0.22)
    c.circle(62, h - 62, 16, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    rl_words(c, 86, h - 58, "Groenvoorziening De Linde B.V.", fb, 15)
    rl_words(c, 86, h - 72, "Hoveniers · Groenonderhoud · Boomverzorging", f, 8.5)
    for i, text in enumerate(
        [
            "Industrieweg 17",
            "3421 LG Oudewater",
            "T 0348 56 12 90",
            "info@delinde-groen.nl",
            "KvK 81234567",
            "BTW NL541896337B01",
            "IBAN NL82 RABO 0331 2345 67",
            "BIC RABONL2U",
        ]
    ):
        rl_words(c, 440, h - 50 - i * 11, text, f, 8)
    rl_words(c, 60, h - 150, "Hotel De Zwaan B.V.", f, 10.5)
    for i, text in enumerate(["t.a.v. de heer R. Verhoeven", "Markt 8", "2801 JH Gouda"]):
        rl_words(c, 60, h - 164 - i * 14, text, f, 10.5)
    rl_words(c, 60, h - 250, "FACTUUR", fb, 18)
    meta = [
        ("Factuurnummer", "2025-0593"),
        ("Factuurdatum", "3 november 2025"),
        ("Vervaldatum", "17 november 2025"),
        ("Klantnummer", "20118"),
        ("Uw referentie", "PO 8812"),
        ("Uw btw-nummer", "NL542761269B01"),
    ]
    for i, (label, value) in enumerate(meta):
        x = 60 + (i % 3) * 165
        y = h - 280 - (i // 3) * 30
        rl_words(c, x, y, label, f, 7.5)
        rl_words(c, x, y - 11, value, fb, 9.5)
    items = lines_of(
        [
            ("Onderhoud tuin, uren oktober", 14, "42.50", 21),
            ("Snoeiwerk beukenhaag, 60 m", 1, "385.00", 21),
            ("Planten en bloembollen voorjaar", 1, "212.40", 9),
            ("Afvoer groenafval, container", 2, "65.00", 21),
        ]
    )
    top = h - 360
    c.setLineWidth(0.8)
    c.line(60, top + 12, 535, top + 12)
    for x, head, right in [
        (60, "Omschrijving", False),
        (340, "Aantal", True),
        (420, "Prijs", True),
        (465, "Btw", True),
        (535, "Bedrag", True),
    ]:
        c.setFont(fb, 8.5)
        (c.drawRightString if right else c.drawString)(x, top, head)
    c.line(60, top - 5, 535, top - 5)
    y = top - 21
    for desc, q, price, rate, amount in items:
        rl_words(c, 60, y, desc, f, 9.5)
        c.setFont(f, 9.5)
        c.drawRightString(340, y, str(q))
        c.drawRightString(420, y, "€ " + money(price, "nl"))
        c.drawRightString(465, y, f"{rate}%")
        c.drawRightString(535, y, "€ " + money(amount, "nl"))
        y -= 17
    net21 = sum(i[-1] for i in items if i[3] == 21)
    net9 = sum(i[-1] for i in items if i[3] == 9)
    t21, t9 = d(net21 * Decimal("0.21")), d(net9 * Decimal("0.09"))
    net = net21 + net9
    y -= 10
    for label, value, bold in [
        ("Totaal excl. btw", money(net, "nl"), False),
        (f"Btw 21% over € {money(net21, 'nl')}", money(t21, "nl"), False),
        (f"Btw 9% over € {money(net9, 'nl')}", money(t9, "nl"), False),
        ("Totaal incl. btw", money(net + t21 + t9, "nl"), True),
    ]:
        rl_words(c, 320, y, label, fb if bold else f, 9.5)
        c.setFont(fb if bold else f, 9.5)
        c.drawRightString(535, y, "€ " + value)
        y -= 15
    for i, text in enumerate(
        [
            "Wij verzoeken u het totaalbedrag vóór 17 november 2025 over te maken op",
            "IBAN NL82 RABO 0331 2345 67 t.n.v. Groenvoorziening De Linde B.V. o.v.v. het factuurnummer.",
            "Op al onze leveringen zijn de algemene voorwaarden van de branchevereniging VHG van toepassing.",
        ]
    ):
        rl_words(c, 60, 150 - i * 12, text, f, 8.5)
    c.showPage()
    c.save()


def factura_es_fpdf() -> None:
    """A Spanish catering supplier's factura as a web back end draws it with fpdf2: a zebra item table, the
    pedido and albarán numbers next to the factura's, a date in words, one IVA rate."""
    pdf = Doc()
    pdf.add_page()
    pdf.set_fill_color(180, 40, 40)
    pdf.rect(0, 0, 210, 6, style="F")
    pdf.set_xy(18, 14)
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(110, 8, "Suministros Hosteleros Levante, S.L.")
    pdf.set_font("Helvetica", size=8.5)
    pdf.set_xy(18, 22)
    pdf.multi_cell(
        100, 4, "C/ Colón 22, 46004 Valencia\nCIF: B12861662\nTel. 963 52 18 40 · pedidos@shlevante.es"
    )
    pdf.set_xy(140, 14)
    pdf.set_font("Helvetica", "B", 22)
    pdf.set_text_color(180, 40, 40)
    pdf.cell(52, 10, "FACTURA", align="R")
    pdf.set_text_color(0)
    y = 28
    for label, value in [
        ("Nº factura:", "FV25-00731"),
        ("Fecha:", "22 de octubre de 2025"),
        ("Nº pedido:", "PED-4471"),
        ("Albarán:", "ALB-9902"),
        ("Vencimiento:", "21/11/2025"),
    ]:
        pdf.set_xy(120, y)
        pdf.set_font("Helvetica", "B", 8.5)
        pdf.cell(26, 5, label, align="R")
        pdf.set_font("Helvetica", size=8.5)
        pdf.cell(46, 5, value, align="R")
        y += 5
    pdf.set_xy(18, 60)
    pdf.set_font("Helvetica", "B", 8)
    pdf.cell(80, 5, "DATOS DEL CLIENTE", border="B")
    pdf.set_xy(18, 66)
    pdf.set_font("Helvetica", size=9.5)
    pdf.multi_cell(
        80,
        4.6,
        "Restaurante La Albufera, S.L.\nCamí del Palmar 3\n46012 El Palmar (Valencia)\nNIF: B87657102",
    )
    items = lines_of(
        [
            ("CAF-2G", "Cafetera industrial 2 grupos, acero inox.", 1, "1890.00"),
            ("MOL-64", "Molino de café 64 mm", 1, "420.00"),
            ("TZ-12", "Juego de tazas porcelana (caja 12 uds.)", 10, "38.50"),
            ("INST", "Instalación y puesta en marcha", 1, "150.00"),
        ],
        at=2,
    )
    widths = [22, 82, 18, 26, 26]
    pdf.set_xy(18, 100)
    pdf.set_font("Helvetica", "B", 8.5)
    pdf.set_fill_color(60)
    pdf.set_text_color(255)
    for wdt, head, align in zip(
        widths, ["Referencia", "Descripción", "Cant.", "Precio", "Importe"], "LLRRR", strict=True
    ):
        pdf.cell(wdt, 7, head, fill=True, align=align)
    pdf.ln()
    pdf.set_text_color(0)
    pdf.set_font("Helvetica", size=9)
    for n, (ref, desc, q, price, amount) in enumerate(items):
        pdf.set_x(18)
        pdf.set_fill_color(242 if n % 2 else 255)
        for wdt, text, align in zip(
            widths,
            [ref, desc, str(q), money(price, "es") + " €", money(amount, "es") + " €"],
            "LLRRR",
            strict=True,
        ):
            pdf.cell(wdt, 7, text, fill=True, align=align)
        pdf.ln()
    net = sum(i[-1] for i in items)
    iva = d(net * Decimal("0.21"))
    y = pdf.get_y() + 6
    for label, value, style in [
        ("Base imponible", money(net, "es") + " €", ""),
        ("IVA (21 %)", money(iva, "es") + " €", ""),
        ("TOTAL FACTURA", money(net + iva, "es") + " €", "B"),
    ]:
        pdf.set_xy(122, y)
        pdf.set_font("Helvetica", style, 10 if style else 9)
        pdf.cell(40, 7, label, border="T" if style else "")
        pdf.cell(30, 7, value, border="T" if style else "", align="R")
        y += 7
    pdf.set_xy(18, y + 10)
    pdf.set_font("Helvetica", size=8.5)
    pdf.multi_cell(
        174,
        4.4,
        "Forma de pago: transferencia bancaria a 30 días.\n"
        "IBAN: ES80 2100 0418 4245 0200 0513 · BIC: CAIXESBB\n"
        "Inscrita en el Registro Mercantil de Valencia, Tomo 9.812, Libro 7.094, Folio 121, Hoja V-158.771.",
    )
    pdf.set_xy(18, 280)
    pdf.set_font("Helvetica", size=6)
    pdf.cell(
        174,
        3,
        "De conformidad con el RGPD le informamos de que sus datos se tratarán para la gestión de la "
        "relación comercial. Puede ejercer sus derechos en lopd@shlevante.es.",
        align="C",
    )
    fpdf_save(pdf, "factura_es_fpdf")


def invoice_gb_rl() -> None:
    """A British joinery's VAT invoice: the registered-office line rotated in the left margin, the tax point
    beside the invoice date, a 5.5 pt footer with the company and VAT numbers, sort code and account."""
    c = rl_canvas("invoice_gb_rl")
    w, h = A4
    c.saveState()
    c.translate(24, 160)
    c.rotate(90)
    c.setFont("Helvetica", 6.5)
    c.setFillColorRGB(0.4, 0.4, 0.4)
    c.drawString(
        0,
        0,
        "Pennine Joinery Ltd · Registered in England and Wales No. 08812345 · Registered office: "
        "Unit 4, Calder Works, Hebden Bridge HX7 8AD",
    )
    c.restoreState()
    c.setFont("Times-Bold", 22)
    c.drawString(60, h - 70, "Pennine Joinery")
    c.setFont("Times-Italic", 10)
    c.drawString(60, h - 84, "Bespoke timber interiors since 1998")
    rl_lines(
        c,
        400,
        h - 56,
        [
            "Unit 4, Calder Works",
            "Hebden Bridge",
            "West Yorkshire HX7 8AD",
            "01422 845 310",
            "accounts@penninejoinery.co.uk",
        ],
        size=8.5,
        lead=10.5,
    )
    c.setFont("Helvetica-Bold", 13)
    c.drawString(60, h - 140, "VAT INVOICE")
    rl_lines(
        c,
        60,
        h - 170,
        ["The Old Mill Brewery Ltd", "Bridge Street", "Todmorden", "OL14 5AB"],
        size=10,
        lead=12.5,
    )
    y = h - 170
    for label, value in [
        ("Invoice number:", "INV-3307"),
        ("Invoice date:", "5 November 2025"),
        ("Tax point:", "5 November 2025"),
        ("Your order ref:", "OMB-PO-229"),
        ("Account:", "OLDM01"),
    ]:
        c.setFont("Helvetica", 9)
        c.drawString(350, y, label)
        c.drawString(440, y + 0.8, value)
        y -= 13
    items = lines_of(
        [
            ("Solid oak bar top, 4.2 m, oiled", 1, "1240.00"),
            ("Back-bar shelving units, painted", 3, "185.00"),
            ("Fitting labour (hours)", 18, "32.00"),
        ]
    )
    top = h - 270
    c.setStrokeColorRGB(0, 0, 0)
    grid_x = [60, 330, 380, 450, 535]
    rows = [("Description", "Qty", "Unit price", "Net")] + [
        (desc, str(q), money(price, "en"), money(amount, "en")) for desc, q, price, amount in items
    ]
    y = top
    for r, cells in enumerate(rows):
        c.rect(60, y - 6, 475, 18, stroke=1, fill=0)
        for x in grid_x[1:-1]:
            c.line(x, y - 6, x, y + 12)
        c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 9)
        c.drawString(65, y, cells[0])
        for x, text in zip(grid_x[2:], cells[1:], strict=True):
            c.drawRightString(x - 5, y, text)
        y -= 18
    net = sum(a for *_, a in items)
    vat = d(net * Decimal("0.20"))
    y -= 10
    for label, value in [
        ("Total net", "£" + money(net, "en")),
        ("VAT at 20%", "£" + money(vat, "en")),
        ("Invoice total", "£" + money(net + vat, "en")),
    ]:
        c.setFont("Helvetica-Bold" if label == "Invoice total" else "Helvetica", 9.5)
        c.drawString(380, y, label)
        c.drawRightString(530, y, value)
        y -= 15
    rl_lines(
        c,
        60,
        200,
        [
            "Payment terms: 30 days. Payment due by 5 December 2025.",
            "Please pay by bank transfer to Pennine Joinery Ltd, NatWest, sort code 60-16-13,",
            "account 31926820 (IBAN GB02 NWBK 6016 1331 9268 20, BIC NWBKGB2L), quoting INV-3307.",
        ],
        size=9,
        lead=12,
    )
    c.setFont("Helvetica", 5.5)
    c.drawCentredString(
        w / 2 + 10, 36, "Pennine Joinery Ltd · Company No. 08812345 · VAT Reg. No. GB 563 0923 04"
    )
    c.showPage()
    c.save()


def gutschrift_de_rl() -> None:
    """A German office-equipment dealer's Gutschrift (credit note): a date in words, the credited invoice's
    number and date in the subject, negative amounts, labels drawn a point above their values."""
    c = rl_canvas("gutschrift_de_rl")
    w, h = A4
    c.setFont("Helvetica-Bold", 16)
    c.drawRightString(w - 56, h - 60, "Brandt Bürotechnik GmbH")
    rl_lines(
        c, w - 200, h - 76, ["Lindenallee 3", "30159 Hannover", "Telefon 0511 47 38 20"], size=8.5, lead=10.5
    )
    c.setFont("Helvetica", 7)
    c.drawString(70, h - 128, "Brandt Bürotechnik GmbH, Lindenallee 3, 30159 Hannover")
    rl_lines(
        c,
        70,
        h - 145,
        ["Steuerkanzlei Albers & Partner mbB", "Frau Dr. Katrin Albers", "Am Marstall 12", "30159 Hannover"],
        size=10.5,
        lead=13,
    )
    y = h - 145
    for label, value in [
        ("Gutschrift-Nr.", "GS-25-0046"),
        ("Kunden-Nr.", "K-30211"),
        ("Datum", "30. September 2025"),
    ]:
        c.setFont("Helvetica", 8)
        c.drawString(380, y + 1.4, label)
        c.setFont("Helvetica", 9.5)
        c.drawRightString(w - 56, y, value)
        y -= 14
    c.setFont("Helvetica-Bold", 12)
    c.drawString(70, h - 250, "Gutschrift GS-25-0046 zur Rechnung R-25-1183 vom 02.09.2025")
    rl_lines(
        c,
        70,
        h - 272,
        ["Sehr geehrte Frau Dr. Albers,", "wie besprochen schreiben wir Ihnen die folgenden Positionen gut:"],
        size=10,
        lead=13,
    )
    items = lines_of(
        [
            ("Rücknahme Toner-Kartusche TK-5240 (originalverpackt)", 3, "-89.90"),
            ("Wartungspauschale Oktober bis Dezember, anteilig", 1, "-120.00"),
        ]
    )
    top = h - 320
    c.setLineWidth(0.5)
    c.line(70, top + 12, w - 56, top + 12)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(70, top, "Bezeichnung")
    c.drawRightString(390, top, "Menge")
    c.drawRightString(465, top, "Einzelpreis")
    c.drawRightString(w - 56, top, "Betrag")
    c.line(70, top - 5, w - 56, top - 5)
    y = top - 20
    for desc, q, price, amount in items:
        c.setFont("Helvetica", 9.5)
        c.drawString(70, y, desc)
        c.drawRightString(390, y, str(q))
        c.drawRightString(465, y, money(price, "de") + " €")
        c.drawRightString(w - 56, y, money(amount, "de") + " €")
        y -= 16
    net = sum(a for *_, a in items)
    tax = d(net * Decimal("0.19"))
    y -= 12
    for label, value in [("Summe netto", net), ("Umsatzsteuer 19 %", tax), ("Gutschriftsbetrag", net + tax)]:
        c.setFont("Helvetica-Bold" if label == "Gutschriftsbetrag" else "Helvetica", 9.5)
        c.drawString(330, y + 1, label)
        c.drawRightString(w - 56, y, money(value, "de") + " €")
        y -= 15
    rl_lines(
        c,
        70,
        y - 20,
        [
            "Den Betrag überweisen wir in den nächsten Tagen auf Ihr Konto. Bitte verrechnen Sie",
            "die Gutschrift nicht mit offenen Rechnungen.",
            "",
            "Mit freundlichen Grüßen",
            "Brandt Bürotechnik GmbH",
        ],
        size=10,
        lead=13,
    )
    c.setFont("Helvetica", 6.5)
    for i, text in enumerate(
        [
            "Brandt Bürotechnik GmbH · Sitz Hannover · Amtsgericht Hannover HRB 61187 · "
            "Geschäftsführerin: Ines Brandt",
            "USt-IdNr. DE986751969 · Postbank Hannover · IBAN DE20 7601 0085 0212 3456 01 · BIC PBNKDEFFXXX",
        ]
    ):
        c.drawCentredString(w / 2, 46 - i * 9, text)
    c.showPage()
    c.save()


def invoice_rc_nl_en_fpdf() -> None:
    """A Dutch software house's English invoice to a German customer under the reverse charge: both VAT ids,
    VAT 0.00, the customer's purchase order number, amounts with the euro sign before them."""
    pdf = Doc()
    pdf.add_page()
    pdf.set_xy(18, 16)
    pdf.set_font("Courier", "B", 18)
    pdf.cell(100, 8, "KROON//SOFTWARE")
    pdf.set_xy(18, 25)
    pdf.set_font("Helvetica", size=8)
    pdf.multi_cell(
        90,
        3.8,
        "Kroon Software Solutions B.V.\nKeizersgracht 214\n1016 DZ Amsterdam\nThe Netherlands\n"
        "VAT NL586712720B01 · CoC 70419385",
    )
    pdf.set_xy(18, 58)
    pdf.set_font("Helvetica", "B", 8)
    pdf.cell(80, 4, "Invoice to")
    pdf.set_xy(18, 63)
    pdf.set_font("Helvetica", size=9.5)
    pdf.multi_cell(
        80,
        4.6,
        "Feldmann Logistik GmbH\nAccounts Payable\nHafenstraße 9\n28217 Bremen\nGermany\nVAT ID: DE977028057",
    )
    pdf.set_xy(120, 58)
    pdf.set_font("Helvetica", "B", 20)
    pdf.cell(72, 9, "Invoice", align="R")
    y = 70
    for label, value in [
        ("Invoice number", "KS-2025-118"),
        ("Invoice date", "31 Oct 2025"),
        ("Due date", "30 Nov 2025"),
        ("Customer PO", "4500018273"),
        ("Contract", "RS-2023-07"),
    ]:
        pdf.set_xy(120, y)
        pdf.set_font("Helvetica", size=8.5)
        pdf.cell(36, 5.2, label, border="B")
        pdf.set_font("Helvetica", "B", 8.5)
        pdf.cell(36, 5.2, value, border="B", align="R")
        y += 5.2
    items = lines_of(
        [
            ("RouteSense Pro annual licence, 01/11/2025 - 31/10/2026", 1, "4800.00"),
            ("Implementation and data migration (days)", 3, "950.00"),
            ("Premium support package Q4 2025", 1, "600.00"),
        ]
    )
    widths = [100, 16, 28, 30]
    pdf.set_xy(18, 112)
    pdf.set_font("Helvetica", "B", 8.5)
    pdf.set_draw_color(120)
    for wdt, head, align in zip(widths, ["Description", "Qty", "Unit price", "Amount"], "LRRR", strict=True):
        pdf.cell(wdt, 7, head, border="TB", align=align)
    pdf.ln()
    pdf.set_font("Helvetica", size=9)
    for desc, q, price, amount in items:
        pdf.set_x(18)
        for wdt, text, align in zip(
            widths, [desc, str(q), "€ " + money(price, "en"), "€ " + money(amount, "en")], "LRRR", strict=True
        ):
            pdf.cell(wdt, 7, text, border="B", align=align)
        pdf.ln()
    net = sum(i[-1] for i in items)
    y = pdf.get_y() + 4
    for label, value, style in [
        ("Subtotal", "€ " + money(net, "en"), ""),
        ("VAT 0% (reverse charge)", "€ 0.00", ""),
        ("Total due (EUR)", "€ " + money(net, "en"), "B"),
    ]:
        pdf.set_xy(104, y)
        pdf.set_font("Helvetica", style, 9.5)
        pdf.cell(58, 6.5, label)
        pdf.cell(30, 6.5, value, align="R")
        y += 6.5
    pdf.set_xy(18, y + 10)
    pdf.set_font("Helvetica", size=8.5)
    pdf.multi_cell(
        174,
        4.4,
        "VAT reverse charged: the recipient is liable for VAT under Article 196 of Council "
        "Directive 2006/112/EC.\nPlease transfer the amount within 30 days to IBAN NL57 INGB 0007 4521 83 "
        "(BIC INGBNL2A), stating invoice number KS-2025-118.",
    )
    fpdf_save(pdf, "invoice_rc_nl_en_fpdf")


def fattura_professionista_it_rl() -> None:
    """An Italian architect's fattura drawn with reportlab, amounts set glyph by glyph from the right edge:
    the 4 % cassa contribution, IVA 22 %, the ritenuta d'acconto taken off the total (netto a pagare)."""
    c = rl_canvas("fattura_professionista_it_rl")
    w, h = A4
    f, fb = "Times-Roman", "Times-Bold"
    c.setFont(fb, 15)
    c.drawString(60, h - 64, "Arch. Giulia Marchetti")
    rl_lines(
        c,
        60,
        h - 80,
        [
            "Studio di architettura",
            "Corso Vittorio Emanuele II 141, 10128 Torino",
            "P.IVA IT29459770144 – C.F. MRCGLI82L54L219K",
            "PEC giulia.marchetti@pec.architettitorino.it",
        ],
        font=f,
        size=9.5,
        lead=11.5,
    )
    c.setFont(f, 10)
    c.drawString(330, h - 160, "Spett.le")
    rl_lines(
        c,
        330,
        h - 176,
        [
            "Condominio Residenza Le Betulle",
            "c/o Studio Amministrazioni Gallo",
            "Via Nizza 230, 10126 Torino",
            "C.F. 97812340016",
        ],
        font=f,
        size=10.5,
        lead=13,
    )
    c.setFont(fb, 12)
    c.drawString(60, h - 250, "Fattura n. 18/2025 del 30 settembre 2025")
    c.setFont(f, 10)
    c.drawString(
        60, h - 266, "Oggetto: direzione lavori rifacimento facciate, SAL n. 2 (incarico del 14/03/2025)"
    )
    rows = [
        ("Onorario direzione lavori, SAL n. 2", d("2000.00")),
        ("Rilievi e restituzione grafica", d("350.00")),
    ]
    onorario = sum(v for _, v in rows)
    cassa = d(onorario * Decimal("0.04"))
    imponibile = onorario + cassa
    iva = d(imponibile * Decimal("0.22"))
    totale = imponibile + iva
    ritenuta = d(onorario * Decimal("0.20"))
    y = h - 300
    c.setFont(fb, 10)
    c.drawString(60, y, "Descrizione")
    c.drawRightString(535, y, "Importo")
    c.line(60, y - 5, 535, y - 5)
    y -= 22
    for label, value in rows:
        c.setFont(f, 10.5)
        c.drawString(60, y, label)
        rl_glyphs(c, 535, y, "€ " + money(value, "it"), f, 10.5, right=True)
        y -= 17
    c.line(60, y + 8, 535, y + 8)
    y -= 8
    for label, value, bold in [
        ("Totale onorari", onorario, False),
        ("Contributo integrativo Inarcassa 4%", cassa, False),
        ("Imponibile IVA", imponibile, False),
        ("IVA 22%", iva, False),
        ("Totale fattura", totale, True),
        ("Ritenuta d'acconto 20% su € " + money(onorario, "it"), -ritenuta, False),
        ("Netto a pagare", totale - ritenuta, True),
    ]:
        c.setFont(fb if bold else f, 10.5)
        c.drawString(300, y, label)
        text = ("- € " if value < 0 else "€ ") + money(abs(value), "it")
        rl_glyphs(c, 535, y, text, fb if bold else f, 10.5, right=True)
        y -= 16
    rl_lines(
        c,
        60,
        200,
        [
            "Pagamento: bonifico bancario entro il 30/10/2025.",
            "IBAN IT78 K020 0801 6090 0010 1234 567 – UniCredit, ag. Torino Crocetta",
            "Operazione soggetta a ritenuta d'acconto ai sensi dell'art. 25 DPR 600/1973.",
        ],
        font=f,
        size=9.5,
        lead=12,
    )
    c.setFont(f, 6.5)
    c.drawString(
        60,
        40,
        "Documento privo di valenza fiscale ai sensi dell'art. 21 DPR 633/72; l'originale è "
        "disponibile nel cassetto fiscale del cliente (SdI).",
    )
    c.showPage()
    c.save()


BATCH_1 = [
    invoice_us_rl,
    rechnung_de_fpdf,
    facture_fr_rl,
    fattura_it_fpdf,
    factuur_nl_rl,
    factura_es_fpdf,
    invoice_gb_rl,
    gutschrift_de_rl,
    invoice_rc_nl_en_fpdf,
    fattura_professionista_it_rl,
]
# ---------------------------------------------------------------------------------------------------------
# batch 2 (written after batch 1's fixes)


def rl_kerned(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, right=False) -> None:
    """Text as a TJ array with kerning adjustments between its pieces (as kerning-aware report writers emit
    it); ASCII only. `right`: `x` is the right edge."""
    canvas.setFont(font, size)
    pieces = [text[i : i + 2] for i in range(0, len(text), 2)]
    kerns = [(-1) ** i * (12 + 7 * (i % 3)) for i in range(len(pieces) - 1)]
    width = stringWidth(text, font, size) - sum(kerns) / 1000 * size
    if right:
        x -= width
    name = canvas._doc.getInternalFontName(font)
    parts = []
    for i, piece in enumerate(pieces):
        escaped = piece.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        parts.append(f"({escaped})")
        if i < len(kerns):
            parts.append(str(kerns[i]))
    canvas._code.append(f"BT {name} {size} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm [{' '.join(parts)}] TJ ET")


def avoir_fr_fpdf() -> None:
    """A French electrician's credit note (avoir) as fpdf2 draws it: the credited invoice's number and date
    in the heading, two TVA rates in a recap table, a justified paragraph (word spacing), amounts printed
    positive under the title AVOIR."""
    pdf = Doc()
    pdf.add_page()
    pdf.set_xy(18, 16)
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(110, 7, "Électricité Garnier Frères")
    pdf.set_font("Helvetica", size=8.5)
    pdf.set_xy(18, 24)
    pdf.multi_cell(
        90,
        4,
        "SAS au capital de 40 000 €\n27, avenue Jean-Jaurès\n38100 Grenoble\n"
        "Tél. 04 76 43 18 90 – compta@garnier-elec.fr",
    )
    pdf.set_xy(128, 16)
    pdf.set_font("Helvetica", "B", 20)
    pdf.cell(64, 10, "AVOIR", align="R")
    pdf.set_font("Helvetica", size=9)
    y = 28
    for label, value in [
        ("Avoir n°", "AV-2025-0031"),
        ("Date", "3 oct. 2025"),
        ("Client n°", "C-0872"),
        ("Sur facture", "FA-2025-0412 du 18/09/2025"),
    ]:
        pdf.set_xy(118, y)
        pdf.cell(26, 5, label)
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(48, 5, value, align="R")
        pdf.set_font("Helvetica", size=9)
        y += 5
    pdf.set_xy(118, 56)
    pdf.set_draw_color(90)
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(
        74, 5, "SCI Les Tilleuls\nM. Olivier Bret, gérant\n12, chemin des Vignes\n38240 Meylan", border=1
    )
    pdf.set_xy(18, 90)
    pdf.set_font("Helvetica", size=9)
    pdf.multi_cell(
        174,
        4.6,
        "Suite au retour de matériel non utilisé sur le chantier de la résidence Les Tilleuls "
        "et au geste commercial convenu avec M. Bret, nous vous adressons le présent avoir, qui "
        "vient en déduction de notre facture FA-2025-0412 du 18 septembre 2025.",
        align="J",
    )
    items = [
        ("Retour disjoncteur différentiel 40 A type A", 2, d("68.50"), 20),
        ("Retour gaine ICTA 20 mm (couronne de 100 m)", 1, d("54.00"), 20),
        ("Geste commercial sur main-d'œuvre (rénovation)", 1, d("150.00"), 10),
    ]
    items = [(*it, d(it[1] * it[2])) for it in items]
    widths = [96, 14, 26, 12, 26]
    pdf.set_xy(18, 110)
    pdf.set_font("Helvetica", "B", 8.5)
    pdf.set_fill_color(235)
    for wdt, head, align in zip(
        widths, ["Désignation", "Qté", "P.U. HT", "TVA", "Total HT"], "LRRRR", strict=True
    ):
        pdf.cell(wdt, 6.5, head, border=1, fill=True, align=align)
    pdf.ln()
    pdf.set_font("Helvetica", size=8.5)
    for desc, q, price, rate, amount in items:
        pdf.set_x(18)
        for wdt, text, align in zip(
            widths, [desc, str(q), money(price, "fr"), f"{rate} %", money(amount, "fr")], "LRRRR", strict=True
        ):
            pdf.cell(wdt, 6.5, text, border=1, align=align)
        pdf.ln()
    rates = {}
    for *_, rate, amount in items:
        rates[rate] = rates.get(rate, Decimal(0)) + amount
    taxes = {rate: d(base * rate / 100) for rate, base in rates.items()}
    net, tva = sum(rates.values()), sum(taxes.values())
    pdf.set_xy(18, pdf.get_y() + 8)
    pdf.set_font("Helvetica", "B", 8)
    top = pdf.get_y()
    for wdt, head in zip([22, 28, 28], ["Taux TVA", "Base HT", "Montant TVA"], strict=True):
        pdf.cell(wdt, 5.5, head, border=1, align="C")
    pdf.ln()
    pdf.set_font("Helvetica", size=8)
    for rate in sorted(rates, reverse=True):
        pdf.set_x(18)
        for wdt, text in zip(
            [22, 28, 28], [f"{rate},0 %", money(rates[rate], "fr"), money(taxes[rate], "fr")], strict=True
        ):
            pdf.cell(wdt, 5.5, text, border=1, align="R")
        pdf.ln()
    y = top
    for label, value, style in [
        ("Total HT", money(net, "fr") + " €", ""),
        ("Total TVA", money(tva, "fr") + " €", ""),
        ("Montant de l'avoir TTC", money(net + tva, "fr") + " €", "B"),
    ]:
        pdf.set_xy(120, y)
        pdf.set_font("Helvetica", style, 9.5)
        pdf.cell(44, 6.5, label, border=1)
        pdf.cell(28, 6.5, value, border=1, align="R")
        y += 6.5
    pdf.set_xy(18, y + 14)
    pdf.set_font("Helvetica", size=8.5)
    pdf.multi_cell(
        174,
        4.4,
        "Cet avoir sera déduit de votre prochain règlement ou remboursé par virement sur "
        "demande.\nRIB : Crédit Agricole Sud Rhône Alpes – IBAN FR76 1820 6000 0265 0123 4567 875 – "
        "BIC AGRIFRPP882",
    )
    pdf.set_xy(18, 282)
    pdf.set_font("Helvetica", size=6.5)
    pdf.cell(
        174,
        3,
        "Électricité Garnier Frères SAS – SIRET 338 949 662 00041 – RCS Grenoble 338 949 662 – "
        "TVA intracommunautaire FR35338949662 – Qualifelec E2",
        align="C",
    )
    fpdf_save(pdf, "avoir_fr_fpdf")


def factura_es_rl() -> None:
    """A Spanish metalwork shop's factura drawn with reportlab: amounts set as TJ arrays with kerning,
    right-aligned; an advance already paid (entrega a cuenta) below the total, the rest to pay; the order
    number beside the invoice's."""
    c = rl_canvas("factura_es_rl")
    w, h = A4
    c.setStrokeColorRGB(0.2, 0.2, 0.2)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, h - 60, "TALLERES METÁLICOS EBRO, S.L.")
    rl_lines(
        c,
        50,
        h - 75,
        ["Polígono Malpica, calle E, nave 14", "50016 Zaragoza", "CIF B56299068 · Tel. 976 57 22 10"],
        size=8.5,
        lead=10.5,
    )
    c.rect(330, h - 140, 215, 78, stroke=1, fill=0)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(338, h - 76, "FACTURA")
    rows = [
        ("Número", "2025/0618"),
        ("Fecha", "14/11/2025"),
        ("Su pedido", "4471-B"),
        ("Vencimiento", "14/12/2025"),
    ]
    y = h - 92
    for label, value in rows:
        c.setFont("Helvetica", 8.5)
        c.drawString(338, y, label)
        rl_kerned(c, 537, y, value, "Helvetica-Bold", 8.5, right=True)
        y -= 12
    c.setFont("Helvetica", 8)
    c.drawString(50, h - 165, "Cliente")
    rl_lines(
        c,
        50,
        h - 180,
        ["Bodegas Campo de Borja, S.A.", "Ctra. de Ainzón, km 2", "50540 Borja (Zaragoza)", "CIF A21888318"],
        size=10,
        lead=12.5,
    )
    items = [
        ("Estructura metálica para depósitos, acero S275", 1, d("3150.00")),
        ("Pasarela de inspección con barandilla (m)", 12, d("95.00")),
        ("Escalera de gato con quitamiedos", 1, d("420.00")),
        ("Montaje en bodega (horas)", 6, d("25.00")),
    ]
    items = [(*it, d(it[1] * it[2])) for it in items]
    top = h - 270
    c.setFillColorRGB(0.85, 0.85, 0.85)
    c.rect(50, top - 5, 495, 16, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", 8.5)
    c.drawString(55, top, "Concepto")
    c.drawRightString(370, top, "Unidades")
    c.drawRightString(450, top, "Precio")
    c.drawRightString(540, top, "Importe")
    y = top - 20
    for desc, q, price, amount in items:
        c.setFont("Helvetica", 9)
        c.drawString(55, y, desc)
        c.drawRightString(370, y, str(q))
        rl_kerned(c, 450, y, money(price, "es"), "Helvetica", 9, right=True)
        rl_kerned(c, 540, y, money(amount, "es"), "Helvetica", 9, right=True)
        y -= 16
    c.line(50, y + 6, 545, y + 6)
    base = sum(i[-1] for i in items)
    iva = d(base * Decimal("0.21"))
    total = base + iva
    advance = d("2000.00")
    y -= 14
    for label, value, bold in [
        ("Base imponible", base, False),
        ("IVA 21 %", iva, False),
        ("Total factura", total, True),
        ("Entrega a cuenta 20/10/2025", -advance, False),
        ("TOTAL A PAGAR", total - advance, True),
    ]:
        font = "Helvetica-Bold" if bold else "Helvetica"
        c.setFont(font, 9.5)
        c.drawString(300, y, label)
        rl_kerned(c, 530, y, money(value, "es"), font, 9.5, right=True)
        c.setFont(font, 9.5)
        c.drawString(533, y, "€")
        y -= 15
    rl_lines(
        c,
        50,
        150,
        [
            "Forma de pago: transferencia a 30 días fecha factura.",
            "IBAN ES48 2085 2063 2503 3012 3456 (Ibercaja) – BIC CAZRES2Z",
            "Inscrita en el Registro Mercantil de Zaragoza, tomo 4.417, folio 88, hoja Z-61.203.",
        ],
        size=8.5,
        lead=11,
    )
    c.showPage()
    c.save()


def rechnung_lang_de_rl() -> None:
    """A plumbing contractor's two-page Rechnung drawn with reportlab: 46 positions, `Übertrag` at the foot of
    page 1 and the head of page 2 (the header row repeated), a partial payment (Abschlagszahlung) taken off
    the gross, amounts as kerned TJ arrays, `Seite 1 von 2` in the footer."""
    rnd = random.Random(2207)
    goods = [
        "Kupferrohr 15 x 1 mm (m)",
        "Kupferrohr 22 x 1 mm (m)",
        "Pressfitting Bogen 90° 15 mm",
        "Pressfitting T-Stück 22 mm",
        "Kugelhahn DN 20",
        "Rohrschelle M8 15 mm",
        "Dämmschlauch 15 mm (m)",
        "Dämmschlauch 22 mm (m)",
        "HT-Rohr DN 50 (m)",
        "HT-Bogen DN 50 45°",
        "HT-Abzweig DN 100",
        "Waschtisch 60 cm, Keramik",
        "Einhebelmischer Waschtisch",
        "Siphon DN 32, verchromt",
        "Wand-WC spülrandlos",
        "WC-Sitz mit Absenkautomatik",
        "Vorwandelement WC 112 cm",
        "Betätigungsplatte, weiß",
        "Duschrinne 80 cm",
        "Duschabtrennung Glas 90 cm",
        "Thermostat-Brausebatterie",
        "Handbrause mit Brauseschlauch",
        "Heizkörper Typ 22, 600 x 1000",
        "Thermostatkopf",
        "Heizkörperventil DN 15",
        "Rücklaufverschraubung DN 15",
        "Handtuchheizkörper 1200 mm",
        "Silikon sanitär, transparent",
        "Montageschaum 750 ml",
        "Dübel und Schrauben (Pauschale)",
        "Kernbohrung bis 100 mm (Stk)",
        "Wanddurchbruch verschließen",
        "Druckprüfung Trinkwasser",
        "Spülung nach DVGW W 557",
        "Entsorgung Altmaterial (Pauschale)",
        "Kleinmaterial",
        "Anfahrt (Pauschale)",
        "Monteur (Std)",
        "Helfer (Std)",
        "Meister (Std)",
        "Hydraulischer Abgleich",
        "Einregulierung Heizkreis",
        "Dokumentation und Übergabe",
        "Baustelleneinrichtung",
        "Schutzabdeckung Boden (m²)",
        "Fugenarbeiten Silikon (m)",
    ]
    items = []
    for i, name in enumerate(goods, start=1):
        q = rnd.choice([1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 16, 24])
        price = d(Decimal(rnd.randint(120, 14900)) / 100)
        items.append((i, name, q, price, d(q * price)))
    c = rl_canvas("rechnung_lang_de_rl")
    w, h = A4
    per_page = 30

    def header(first: bool) -> float:
        c.setFont("Helvetica-Bold", 13)
        c.drawString(56, h - 56, "Sanitär Krüger GmbH & Co. KG")
        c.setFont("Helvetica", 8)
        c.drawString(
            56, h - 68, "Heizung · Sanitär · Solar  |  Moselstraße 41  |  54290 Trier  |  Tel. 0651 99 41 20"
        )
        if first:
            c.setFont("Helvetica", 6.5)
            c.drawString(56, h - 118, "Sanitär Krüger GmbH & Co. KG · Moselstraße 41 · 54290 Trier")
            rl_lines(
                c,
                56,
                h - 134,
                ["Wohnbau Rheinblick GmbH", "Herrn Dipl.-Ing. Frank Adler", "Am Zollhafen 5", "55118 Mainz"],
                size=10,
                lead=12.5,
            )
            y = h - 118
            for label, value in [
                ("Rechnung Nr.", "SK-25-2207"),
                ("Datum", "5. November 2025"),
                ("Kunden-Nr.", "40219"),
                ("Ihre Bestellung", "BV-RB-0093"),
                ("Bauvorhaben", "Rheinblick, Haus C"),
            ]:
                c.setFont("Helvetica", 8.5)
                c.drawString(360, y, label)
                c.drawRightString(540, y, value)
                y -= 12
            c.setFont("Helvetica-Bold", 12)
            c.drawString(56, h - 222, "Rechnung SK-25-2207")
            c.setFont("Helvetica", 9)
            c.drawString(
                56,
                h - 236,
                "Leistungszeitraum: 08.09.2025 bis 24.10.2025, Sanitärinstallation Haus C, Bäder 1. OG",
            )
            top = h - 262
        else:
            top = h - 100
        c.setLineWidth(0.6)
        c.line(56, top + 11, 540, top + 11)
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(56, top, "Pos.")
        c.drawString(84, top, "Bezeichnung")
        c.drawRightString(380, top, "Menge")
        c.drawRightString(460, top, "E-Preis €")
        c.drawRightString(540, top, "Gesamt €")
        c.line(56, top - 5, 540, top - 5)
        return top - 18

    def footer(page: int) -> None:
        c.setFont("Helvetica", 6.5)
        c.drawCentredString(
            w / 2,
            40,
            "Sanitär Krüger GmbH & Co. KG · Sitz Trier · AG Wittlich HRA 41127 · "
            "USt-IdNr. DE742542686 · Sparkasse Trier · IBAN DE61 3705 0198 1934 5678 02 · "
            "BIC COLSDE33XXX",
        )
        c.drawRightString(540, 52, f"Seite {page} von 2")

    def row(y, pos, name, q, price, amount):
        c.setFont("Helvetica", 8.5)
        c.drawString(56, y, str(pos))
        c.drawString(84, y, name)
        c.drawRightString(380, y, str(q))
        rl_kerned(c, 460, y, money(price, "de"), "Helvetica", 8.5, right=True)
        rl_kerned(c, 540, y, money(amount, "de"), "Helvetica", 8.5, right=True)

    y = header(True)
    carried = Decimal(0)
    for it in items[:per_page]:
        row(y, *it)
        carried += it[-1]
        y -= 13
    c.line(400, y + 7, 540, y + 7)
    c.setFont("Helvetica-Bold", 8.5)
    c.drawString(300, y - 4, "Übertrag")
    rl_kerned(c, 540, y - 4, money(carried, "de"), "Helvetica-Bold", 8.5, right=True)
    footer(1)
    c.showPage()
    y = header(False)
    c.setFont("Helvetica-Bold", 8.5)
    c.drawString(300, y, "Übertrag")
    rl_kerned(c, 540, y, money(carried, "de"), "Helvetica-Bold", 8.5, right=True)
    y -= 16
    for it in items[per_page:]:
        row(y, *it)
        y -= 13
    net = sum(it[-1] for it in items)
    tax = d(net * Decimal("0.19"))
    gross = net + tax
    paid = d("3000.00")
    c.line(56, y + 7, 540, y + 7)
    y -= 10
    for label, value, bold in [
        ("Summe netto", net, False),
        ("zzgl. 19 % Umsatzsteuer", tax, False),
        ("Rechnungsbetrag brutto", gross, True),
        ("abzgl. Abschlagszahlung vom 01.10.2025", -paid, False),
        ("Zahlbetrag", gross - paid, True),
    ]:
        font = "Helvetica-Bold" if bold else "Helvetica"
        c.setFont(font, 9)
        c.drawString(300, y, label)
        rl_kerned(c, 540, y, money(value, "de"), font, 9, right=True)
        y -= 14
    rl_lines(
        c,
        56,
        y - 16,
        [
            "Zahlbar ohne Abzug bis zum 19.11.2025.",
            "Gemäß § 14 UStG: Leistungen an einem Grundstück; bitte bewahren Sie diese Rechnung "
            "zwei Jahre auf.",
        ],
        size=8.5,
        lead=11,
    )
    footer(2)
    c.showPage()
    c.save()
    return items


def invoice_webshop_us_fpdf() -> None:
    """A US web shop's order invoice (fpdf2, Letter): the order number and date beside the invoice's, paid by
    card at checkout (balance due 0.00), shipping and sales tax, a stretched (Tz) store name."""
    pdf = Doc(fmt="Letter")
    pdf.add_page()
    pdf.set_xy(18, 16)
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_stretching(115)
    pdf.cell(120, 9, "BLUE HERON OUTFITTERS")
    pdf.set_stretching(100)
    pdf.set_xy(18, 26)
    pdf.set_font("Helvetica", size=8.5)
    pdf.multi_cell(
        100,
        4,
        "Blue Heron Outfitters LLC\n315 Riverside Drive, Asheville, NC 28801\n"
        "support@blueheronoutfitters.com · (828) 555-0199",
    )
    y = 16
    for label, value in [
        ("Invoice #", "54021"),
        ("Invoice Date", "Nov 7, 2025"),
        ("Order #", "100234"),
        ("Order Date", "Nov 5, 2025"),
        ("Payment", "Visa ending 4417"),
    ]:
        pdf.set_xy(128, y)
        pdf.set_font("Helvetica", "B", 8.5)
        pdf.cell(28, 5, label)
        pdf.set_font("Helvetica", size=8.5)
        pdf.cell(40, 5, value, align="R")
        y += 5
    for x, head, lines in [
        (18, "Bill To", "Jennifer Alvarez\n1208 Maple Grove Ln\nRaleigh, NC 27606"),
        (100, "Ship To", "Jennifer Alvarez\nc/o Alvarez Family Cabin\n44 Ridge Top Rd\nBoone, NC 28607"),
    ]:
        pdf.set_xy(x, 52)
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(70, 5, head.upper(), border="B")
        pdf.set_xy(x, 58)
        pdf.set_font("Helvetica", size=9.5)
        pdf.multi_cell(70, 4.6, lines)
    items = [
        ("HRN-TENT2", "Ridgeline 2-Person Backpacking Tent", 1, d("289.00")),
        ("HRN-PAD-R", "Insulated Sleeping Pad, Regular", 2, d("64.95")),
        ("HRN-STOVE", "Titanium Canister Stove", 1, d("54.50")),
        ("HRN-SOCK3", "Merino Hiking Socks (3-pack)", 2, d("24.00")),
    ]
    items = [(*it, d(it[2] * it[3])) for it in items]
    widths = [28, 86, 14, 24, 26]
    pdf.set_xy(18, 90)
    pdf.set_font("Helvetica", "B", 8.5)
    pdf.set_fill_color(30, 70, 90)
    pdf.set_text_color(255)
    for wdt, head, align in zip(widths, ["SKU", "Item", "Qty", "Price", "Total"], "LLRRR", strict=True):
        pdf.cell(wdt, 7, head, fill=True, align=align)
    pdf.ln()
    pdf.set_text_color(0)
    pdf.set_font("Helvetica", size=9)
    for sku, name, q, price, amount in items:
        pdf.set_x(18)
        for wdt, text, align in zip(
            widths,
            [sku, name, str(q), "$" + money(price, "en"), "$" + money(amount, "en")],
            "LLRRR",
            strict=True,
        ):
            pdf.cell(wdt, 7, text, border="B", align=align)
        pdf.ln()
    sub = sum(i[-1] for i in items)
    shipping = d("12.95")
    tax = d(sub * Decimal("0.0675"))
    total = sub + shipping + tax
    y = pdf.get_y() + 4
    for label, value, style in [
        ("Subtotal", sub, ""),
        ("Shipping (UPS Ground)", shipping, ""),
        ("Sales Tax (6.75%)", tax, ""),
        ("Total", total, "B"),
        ("Paid (Visa ending 4417)", -total, ""),
        ("Balance Due", Decimal(0), "B"),
    ]:
        pdf.set_xy(112, y)
        pdf.set_font("Helvetica", style, 9.5)
        pdf.cell(50, 6, label)
        text = ("-$" if value < 0 else "$") + money(abs(value), "en")
        pdf.cell(30, 6, text, align="R")
        y += 6
    pdf.set_xy(18, y + 10)
    pdf.set_font("Helvetica", size=8.5)
    pdf.multi_cell(
        174,
        4.4,
        "Thank you for shopping with Blue Heron Outfitters! Returns are accepted within 30 "
        "days of delivery; start a return at blueheronoutfitters.com/returns with your order number "
        "100234.",
    )
    fpdf_save(pdf, "invoice_webshop_us_fpdf")


def factuur_be_fpdf() -> None:
    """A Belgian joinery's factuur (fpdf2): 6 % and 21 % BTW with their bases, a structured payment
    reference (gestructureerde mededeling), Vervaldag, the customer's ondernemingsnummer and BTW number."""
    pdf = Doc()
    pdf.add_page()
    pdf.set_fill_color(120, 80, 40)
    pdf.rect(18, 14, 4, 22, style="F")
    pdf.set_xy(25, 14)
    pdf.set_font("Times", "B", 17)
    pdf.cell(120, 8, "Schrijnwerkerij Peeters BV")
    pdf.set_xy(25, 23)
    pdf.set_font("Times", size=9)
    pdf.multi_cell(
        100, 4.2, "Kempenlaan 118, 2300 Turnhout\nBTW BE 0198.424.386 · RPR Antwerpen, afdeling Turnhout"
    )
    pdf.set_xy(120, 50)
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(72, 4.8, "Brasserie 't Hoekske BV\nGrote Markt 27\n2300 Turnhout\nBTW BE 0161.310.703")
    pdf.set_xy(18, 84)
    pdf.set_font("Helvetica", "B", 15)
    pdf.cell(60, 8, "FACTUUR")
    labels = ["Factuurnr.", "Factuurdatum", "Vervaldag", "Klantnr.", "Uw bestelbon"]
    values = ["F25-0307", "31/10/2025", "30/11/2025", "K117", "BH-2025-14"]
    pdf.set_xy(18, 95)
    pdf.set_font("Helvetica", "B", 8)
    for label in labels:
        pdf.cell(34.8, 5.5, label, border="LTR")
    pdf.ln()
    pdf.set_x(18)
    pdf.set_font("Helvetica", size=9)
    for value in values:
        pdf.cell(34.8, 6, value, border="LBR")
    pdf.ln()
    items = [
        ("Toog in massieve eik, op maat (renovatie horeca)", 1, d("4200.00"), 21),
        ("Wandbekleding eik, plaatsing (m²)", 14, d("86.00"), 21),
        ("Herstelling bestaande lambrisering (woning > 10 jaar)", 1, d("640.00"), 6),
        ("Verplaatsingskosten", 2, d("35.00"), 21),
    ]
    items = [(*it, d(it[1] * it[2])) for it in items]
    widths = [98, 14, 24, 12, 26]
    pdf.set_xy(18, 118)
    pdf.set_font("Helvetica", "B", 8.5)
    for wdt, head, align in zip(
        widths, ["Omschrijving", "Aantal", "Eenheidsprijs", "BTW", "Totaal"], "LRRRR", strict=True
    ):
        pdf.cell(wdt, 6, head, border="B", align=align)
    pdf.ln()
    pdf.set_font("Helvetica", size=8.5)
    for desc, q, price, rate, amount in items:
        pdf.set_x(18)
        for wdt, text, align in zip(
            widths, [desc, str(q), money(price, "nl"), f"{rate}%", money(amount, "nl")], "LRRRR", strict=True
        ):
            pdf.cell(wdt, 6, text, align=align)
        pdf.ln()
    bases = {21: Decimal(0), 6: Decimal(0)}
    for *_, rate, amount in items:
        bases[rate] += amount
    taxes = {rate: d(base * rate / 100) for rate, base in bases.items()}
    net, tax = sum(bases.values()), sum(taxes.values())
    y = pdf.get_y() + 8
    for label, value, style in [
        ("Maatstaf van heffing 21%", bases[21], ""),
        ("BTW 21%", taxes[21], ""),
        ("Maatstaf van heffing 6%", bases[6], ""),
        ("BTW 6%", taxes[6], ""),
        ("Totaal excl. BTW", net, ""),
        ("Totaal BTW", tax, ""),
        ("Te betalen", net + tax, "B"),
    ]:
        pdf.set_xy(112, y)
        pdf.set_font("Helvetica", style, 9)
        pdf.cell(50, 5.5, label, border="T" if style else "")
        pdf.cell(30, 5.5, "€ " + money(value, "nl"), border="T" if style else "", align="R")
        y += 5.5
    pdf.set_xy(18, y + 8)
    pdf.set_font("Helvetica", size=8.5)
    pdf.multi_cell(
        174,
        4.4,
        "Gelieve te betalen vóór 30/11/2025 op rekening BE25 0682 1436 5882 (BIC GKCCBEBB) "
        "met gestructureerde mededeling +++090/9337/55493+++.\n"
        "Btw-tarief 6 %: renovatie van een woning ouder dan 10 jaar, verklaring van de klant volgens "
        "KB nr. 20.",
    )
    fpdf_save(pdf, "factuur_be_fpdf")


def fattura_hotel_it_rl() -> None:
    """An Italian hotel's fattura to a company (reportlab): lodging at IVA 10 %, extras at 22 %, the tourist
    tax outside the IVA (fuori campo), a riepilogo IVA table, check-in and check-out dates beside the
    invoice's."""
    c = rl_canvas("fattura_hotel_it_rl")
    w, h = A4
    c.setFont("Times-Bold", 20)
    c.drawCentredString(w / 2, h - 58, "Albergo Bellavista")
    c.setFont("Times-Italic", 9.5)
    c.drawCentredString(w / 2, h - 72, "Lungolago Zanardelli 44 · 25087 Salò (BS) · tel. 0365 21 47 80")
    c.setFont("Helvetica", 7.5)
    c.drawCentredString(w / 2, h - 84, "Albergo Bellavista S.r.l. – P.IVA IT70496500797 – REA BS-512633")
    c.setFont("Helvetica", 9)
    c.drawString(56, h - 130, "Fattura n. 2025/1187")
    c.drawString(56, h - 143, "Data: 28/10/2025")
    c.drawString(56, h - 156, "Soggiorno: dal 25/10/2025 al 28/10/2025, camera 214")
    c.drawString(56, h - 169, "Ospite: Ing. Paolo Ferrari")
    c.setFont("Helvetica", 8)
    c.drawString(340, h - 126, "Intestatario")
    rl_lines(
        c,
        340,
        h - 140,
        [
            "Meccanica Fontana S.p.A.",
            "Via dell'Industria 18",
            "24050 Grassobbio (BG)",
            "P.IVA IT93175240196",
            "Codice SDI: M5UXCR1",
        ],
        size=9.5,
        lead=12,
    )
    items = [
        ("Pernottamento camera doppia uso singola", 3, d("95.00"), "10"),
        ("Minibar", 1, d("12.00"), "22"),
        ("Garage", 3, d("15.00"), "22"),
        ("Imposta di soggiorno", 3, d("3.00"), "FC"),
    ]
    items = [(*it, d(it[1] * it[2])) for it in items]
    top = h - 240
    c.setLineWidth(0.5)
    c.line(56, top + 12, 540, top + 12)
    c.setFont("Helvetica-Bold", 8.5)
    for x, head, right in [
        (56, "Descrizione", False),
        (350, "Q.tà", True),
        (420, "Prezzo", True),
        (460, "IVA", True),
        (540, "Importo", True),
    ]:
        (c.drawRightString if right else c.drawString)(x, top, head)
    c.line(56, top - 5, 540, top - 5)
    y = top - 20
    for desc, q, price, rate, amount in items:
        c.setFont("Helvetica", 9)
        c.drawString(56, y, desc)
        c.drawRightString(350, y, str(q))
        c.drawRightString(420, y, money(price, "it"))
        c.drawRightString(460, y, rate + ("%" if rate != "FC" else ""))
        rl_kerned(c, 540, y, money(amount, "it"), "Helvetica", 9, right=True)
        y -= 15
    c.line(56, y + 6, 540, y + 6)
    bases = {"10": Decimal(0), "22": Decimal(0)}
    outside = Decimal(0)
    for *_, rate, amount in items:
        if rate == "FC":
            outside += amount
        else:
            bases[rate] += amount
    taxes = {r: d(b * int(r) / 100) for r, b in bases.items()}
    y -= 16
    c.setFont("Helvetica-Bold", 8)
    c.drawString(56, y, "Riepilogo IVA")
    y -= 12
    c.setFont("Helvetica", 8)
    for x, head in [(56, "Aliquota"), (150, "Imponibile"), (240, "Imposta")]:
        c.drawString(x, y, head)
    y -= 11
    for r in ("10", "22"):
        c.drawString(56, y, f"{r}%")
        c.drawRightString(200, y, money(bases[r], "it"))
        c.drawRightString(280, y, money(taxes[r], "it"))
        y -= 11
    c.drawString(56, y, "FC art. 4 c. 1 D.Lgs. 23/2011")
    c.drawRightString(200, y, money(outside, "it"))
    ty = top - 20 - 15 * len(items) - 16
    net, tax = sum(bases.values()), sum(taxes.values())
    for label, value, bold in [
        ("Totale imponibile", net, False),
        ("Totale IVA", tax, False),
        ("Fuori campo IVA", outside, False),
        ("Totale documento", net + tax + outside, True),
    ]:
        font = "Helvetica-Bold" if bold else "Helvetica"
        c.setFont(font, 9.5)
        c.drawString(360, ty, label)
        c.drawRightString(540, ty, "€ " + money(value, "it"))
        ty -= 15
    rl_lines(
        c,
        56,
        170,
        [
            "Pagamento: bonifico bancario a 30 giorni, scadenza 27/11/2025.",
            "IBAN IT57 E050 3411 7010 0000 0012 345 – Banco BPM, filiale di Salò",
            "Copia di cortesia: l'originale della fattura elettronica è trasmesso tramite SdI.",
        ],
        size=8.5,
        lead=11,
    )
    c.showPage()
    c.save()


BATCH_2 = [
    avoir_fr_fpdf,
    factura_es_rl,
    rechnung_lang_de_rl,
    invoice_webshop_us_fpdf,
    factuur_be_fpdf,
    fattura_hotel_it_rl,
]


DRAWINGS = {fn.__name__: fn for fn in BATCH_1 + BATCH_2}


def main(names: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name in names or list(DRAWINGS):
        DRAWINGS[name]()
        print(OUT / f"{name}.pdf")


if __name__ == "__main__":
    main(sys.argv[1:])
