"""Writes the held-out payment-QR invoices of this folder (`<case>.pdf`) and their `expectations.json`.

Swiss invoices with the QR-bill payment part at the bottom of the A4 page (receipt and payment part, the
Swiss QR code 46 mm, payload written by the `qrbill` package with Swico `//S1/` bill information) in de,
fr, it and en; German, Dutch, Belgian and Austrian invoices with a small EPC QR code ("GiroCode", payload by
`segno.helpers.make_epc_qr`) near the totals. The code is drawn as vector squares on some pages (as the
QR-bill's SVG is) and placed as an image on others. Labelled by construction: what a reader of each page
writes down is the data the page is drawn from. Run from the repository root:

    .venv/bin/python tests/ocr_tasks/extraction/payment_qr_invoices/make_pdfs.py
"""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import segno
from qrbill import QRBill
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from segno import helpers

HERE = Path(__file__).resolve().parent
W, H = A4

WORDS = {
    "de": dict(
        title="Rechnung",
        number="Rechnungsnummer",
        date="Datum",
        to="Rechnung an",
        desc="Beschreibung",
        qty="Menge",
        price="Preis",
        amount="Betrag",
        net="Zwischensumme",
        vat="MWST",
        total="Total",
        receipt="Empfangsschein",
        part="Zahlteil",
        account="Konto / Zahlbar an",
        ref="Referenz",
        info="Zusätzliche Informationen",
        by="Zahlbar durch",
        cur="Währung",
        amt="Betrag",
        accept="Annahmestelle",
        pay_code="Zahlen mit Code",
        due="Zahlbar innert 30 Tagen",
    ),
    "fr": dict(
        title="Facture",
        number="N° de facture",
        date="Date",
        to="Facturé à",
        desc="Désignation",
        qty="Qté",
        price="Prix",
        amount="Montant",
        net="Sous-total",
        vat="TVA",
        total="Total",
        receipt="Récépissé",
        part="Section paiement",
        account="Compte / Payable à",
        ref="Référence",
        info="Informations supplémentaires",
        by="Payable par",
        cur="Monnaie",
        amt="Montant",
        accept="Point de dépôt",
        pay_code="Payer avec le code",
        due="Payable à 30 jours",
    ),
    "it": dict(
        title="Fattura",
        number="Numero fattura",
        date="Data",
        to="Fatturato a",
        desc="Descrizione",
        qty="Qtà",
        price="Prezzo",
        amount="Importo",
        net="Subtotale",
        vat="IVA",
        total="Totale",
        receipt="Ricevuta",
        part="Sezione pagamento",
        account="Conto / Pagabile a",
        ref="Riferimento",
        info="Informazioni supplementari",
        by="Pagabile da",
        cur="Valuta",
        amt="Importo",
        accept="Punto di accettazione",
        pay_code="Pagare con il codice",
        due="Pagabile entro 30 giorni",
    ),
    "en": dict(
        title="Invoice",
        number="Invoice number",
        date="Date",
        to="Bill to",
        desc="Description",
        qty="Qty",
        price="Price",
        amount="Amount",
        net="Subtotal",
        vat="VAT",
        total="Total",
        receipt="Receipt",
        part="Payment part",
        account="Account / Payable to",
        ref="Reference",
        info="Additional information",
        by="Payable by",
        cur="Currency",
        amt="Amount",
        accept="Acceptance point",
        pay_code="Pay with the code",
        due="Payable within 30 days",
    ),
    "nl": dict(
        title="Factuur",
        number="Factuurnummer",
        date="Factuurdatum",
        to="Factuur aan",
        desc="Omschrijving",
        qty="Aantal",
        price="Prijs",
        amount="Bedrag",
        net="Subtotaal",
        vat="BTW",
        total="Totaal",
        pay_code="Betaal met de QR-code",
        due="Te betalen binnen 30 dagen",
    ),
}

# name, street, postcode and town, country, IBAN, VAT id as printed
CASES = [
    dict(
        name="rechnung_qrbill_de",
        kind="spc",
        lang="de",
        vector=True,
        rate="8.1",
        vendor=("Holzbau Aebischer AG", "Industriestrasse 14", "3186 Düdingen", "CH"),
        vat_id="CHE-109.322.551 MWST",
        iban="CH44 3199 9123 0008 8901 2",
        reference="210000000003139471430009017",
        customer=("Gemeinde Tafers", "Schwarzseestrasse 5", "1712 Tafers", "CH"),
        number="R-2025-0417",
        date=("2025-03-12", "12.03.2025"),
        currency="CHF",
        items=[
            ("Dachlatten Fichte 30x50", "120", "4.85"),
            ("Montagearbeit (Std.)", "14", "92.00"),
            ("Transportpauschale", "1", "145.00"),
        ],
    ),
    dict(
        name="facture_qrbill_fr",
        kind="spc",
        lang="fr",
        vector=False,
        rate="8.1",
        vendor=("Imprimerie du Léman SA", "Avenue de la Gare 22", "1003 Lausanne", "CH"),
        vat_id="CHE-116.281.710 TVA",
        iban="CH93 0076 2011 6238 5295 7",
        reference="RF18539007547034",
        customer=("Fondation Clair-Soleil", "Chemin des Vignes 3", "1095 Lutry", "CH"),
        number="F-88213",
        date=("2025-02-27", "27.02.2025"),
        currency="CHF",
        items=[("Brochures A5, 24 pages", "500", "1.90"), ("Mise en page", "6", "110.00")],
    ),
    dict(
        name="fattura_qrbill_it",
        kind="spc",
        lang="it",
        vector=True,
        rate="8.1",
        vendor=("Elettro Ticino Sagl", "Via Cantonale 41", "6900 Lugano", "CH"),
        vat_id="CHE-192.840.337 IVA",
        iban="CH56 0483 5012 3456 7800 9",
        reference=None,
        customer=("Ristorante Al Porto", "Riva Albertolli 7", "6900 Lugano", "CH"),
        number="2025/118",
        date=("2025-04-03", "03.04.2025"),
        currency="CHF",
        items=[
            ("Quadro elettrico", "1", "1240.00"),
            ("Cavo NYM 3x1.5 (m)", "80", "2.35"),
            ("Ore di lavoro", "9", "88.00"),
        ],
    ),
    dict(
        name="invoice_qrbill_en",
        kind="spc",
        lang="en",
        vector=False,
        rate="8.1",
        vendor=("Alpine Data Services AG", "Bahnhofplatz 2", "6300 Zug", "CH"),
        vat_id="CHE-445.102.918 VAT",
        iban="CH44 3199 9123 0008 8901 2",
        reference="210000000003139471430009017",
        customer=("Nordwind Logistics GmbH", "Hafenstrasse 9", "20457 Hamburg", "DE"),
        number="ADS-24-0931",
        date=("2025-01-20", "20.01.2025"),
        currency="EUR",
        items=[("Managed hosting, January", "1", "1850.00"), ("Support hours", "7", "135.00")],
    ),
    dict(
        name="rechnung_girocode_de",
        kind="epc",
        lang="de",
        vector=False,
        rate="19",
        vendor=("Druckerei Feldmann GmbH", "Lindenallee 18", "50968 Köln", "DE"),
        vat_id="DE 811 569 869",
        iban="DE89 3704 0044 0532 0130 00",
        bic="COBADEFFXXX",
        customer=("Weingut Hollerbach", "Am Rebhang 4", "67098 Bad Dürkheim", "DE"),
        number="2025-1107",
        date=("2025-05-06", "06.05.2025"),
        currency="EUR",
        items=[
            ("Etiketten 90x120, 4-farbig", "3000", "0.21"),
            ("Stanzform", "1", "185.00"),
            ("Versand", "1", "24.90"),
        ],
    ),
    dict(
        name="factuur_girocode_nl",
        kind="epc",
        lang="nl",
        vector=True,
        rate="21",
        vendor=("Bakkerij Van Dongen B.V.", "Molenstraat 31", "5211 AB 's-Hertogenbosch", "NL"),
        vat_id="NL 8048.22.570.B01",
        iban="NL91 ABNA 0417 1643 00",
        bic="ABNANL2A",
        customer=("Hotel De Gouden Leeuw", "Markt 12", "5211 JX 's-Hertogenbosch", "NL"),
        number="VD-2025-0388",
        date=("2025-03-31", "31-03-2025"),
        currency="EUR",
        items=[("Croissants (doos 40)", "12", "18.50"), ("Roggebrood", "30", "3.10")],
    ),
    dict(
        name="facture_girocode_be",
        kind="epc",
        lang="fr",
        vector=False,
        rate="21",
        vendor=("Menuiserie Lambert SRL", "Rue du Moulin 8", "5000 Namur", "BE"),
        vat_id="BE 0472.918.352",
        iban="BE68 5390 0754 7034",
        bic="BBRUBEBB",
        customer=("Cabinet Dufour", "Place d'Armes 2", "5000 Namur", "BE"),
        number="2025-0064",
        date=("2025-04-17", "17/04/2025"),
        currency="EUR",
        reference="RF18539007547034",
        items=[("Étagères chêne sur mesure", "4", "265.00"), ("Pose", "5", "48.00")],
    ),
    dict(
        name="rechnung_girocode_at",
        kind="epc",
        lang="de",
        vector=True,
        rate="20",
        vendor=("Tischlerei Hofbauer e.U.", "Hauptplatz 6", "4020 Linz", "AT"),
        vat_id="ATU13585627",
        iban="AT61 1904 3002 3457 3201",
        bic="BKAUATWW",
        customer=("Praxis Dr. Wimmer", "Landstraße 50", "4020 Linz", "AT"),
        number="HB-25-031",
        date=("2025-02-10", "10.02.2025"),
        currency="EUR",
        items=[("Empfangstheke Eiche", "1", "2480.00"), ("Montage", "6", "62.00")],
    ),
]


def money(value: Decimal, country: str, lang: str) -> str:
    """An amount as the vendor's country prints it (Swiss `1'949.75`, `1.949,75` in DE/AT/NL/BE)."""
    text = f"{value:,.2f}"
    if country == "CH":
        return text.replace(",", "'")
    if lang == "en":
        return text
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def totals(case) -> tuple[list[Decimal], Decimal, Decimal, Decimal]:
    amounts = [(Decimal(q) * Decimal(p)).quantize(Decimal("0.01")) for _, q, p in case["items"]]
    net = sum(amounts, Decimal("0.00"))
    tax = (net * Decimal(case["rate"]) / 100).quantize(Decimal("0.01"))
    return amounts, net, tax, net + tax


def qr_code(case, gross: Decimal):
    """The page's payment code as a segno QR code (error correction M, UTF-8)."""
    if case["kind"] == "spc":
        vendor, customer = case["vendor"], case["customer"]
        bill = QRBill(
            account=case["iban"],
            creditor={"name": vendor[0], "line1": vendor[1], "line2": vendor[2], "country": vendor[3]},
            debtor={"name": customer[0], "line1": customer[1], "line2": customer[2], "country": customer[3]},
            amount=str(gross),
            currency=case["currency"],
            reference_number=case["reference"],
            additional_information=f"{WORDS[case['lang']]['title']} {case['number']}",
            billing_information="//S1/10/{}/11/{}/30/{}/32/{}".format(
                case["number"].replace("/", "\\/"),
                case["date"][0][2:].replace("-", ""),
                "".join(ch for ch in case["vat_id"] if ch.isdigit()),
                case["rate"],
            ),
        )
        return segno.make(bill.qr_data(), error="m", micro=False, encoding="utf-8")
    return helpers.make_epc_qr(
        name=case["vendor"][0],
        iban=case["iban"].replace(" ", ""),
        amount=float(gross),
        bic=case["bic"],
        text=None if case.get("reference") else f"{WORDS[case['lang']]['title']} {case['number']}",
        reference=case.get("reference"),
        encoding="utf-8",
    )


def draw_qr(c, qr, x: float, y: float, size: float, *, vector: bool, swiss: bool) -> None:
    """The code at (x, y) bottom left, `size` wide: vector squares or a placed PNG image."""
    if vector:
        matrix = [list(row) for row in qr.matrix]
        n = len(matrix)
        cell = size / n
        c.setFillColorRGB(0, 0, 0)
        for r, row in enumerate(matrix):
            for col, on in enumerate(row):
                if on:
                    c.rect(x + col * cell, y + size - (r + 1) * cell, cell, cell, stroke=0, fill=1)
    else:
        buf = io.BytesIO()
        qr.save(buf, kind="png", scale=10, border=0)
        buf.seek(0)
        c.drawImage(ImageReader(buf), x, y, size, size)
    if swiss:  # the Swiss cross, 7 mm, in the middle
        s = 7 * mm
        cx, cy = x + size / 2 - s / 2, y + size / 2 - s / 2
        c.setFillColorRGB(1, 1, 1)
        c.rect(cx - 0.4 * mm, cy - 0.4 * mm, s + 0.8 * mm, s + 0.8 * mm, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.rect(cx, cy, s, s, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.rect(cx + s * 0.41, cy + s * 0.19, s * 0.18, s * 0.62, stroke=0, fill=1)
        c.rect(cx + s * 0.19, cy + s * 0.41, s * 0.62, s * 0.18, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)


def draw_invoice(c, case) -> dict:
    """One A4 page; returns what a reader writes down."""
    w = WORDS[case["lang"]]
    vendor, customer, country = case["vendor"], case["customer"], case["vendor"][3]
    amounts, net, tax, gross = totals(case)
    m = lambda v: money(v, country, case["lang"])  # noqa: E731
    c.setFont("Helvetica-Bold", 16)
    c.drawString(20 * mm, H - 22 * mm, vendor[0])
    c.setFont("Helvetica", 9)
    c.drawString(20 * mm, H - 28 * mm, f"{vendor[1]} · {vendor[2]} · {case['vat_id']}")
    c.setFont("Helvetica", 10)
    c.drawString(20 * mm, H - 48 * mm, w["to"] + ":")
    for i, line in enumerate(customer[:3]):
        c.drawString(20 * mm, H - (54 + 5 * i) * mm, line)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(20 * mm, H - 82 * mm, w["title"])
    c.setFont("Helvetica", 10)
    c.drawString(120 * mm, H - 54 * mm, f"{w['number']}: {case['number']}")
    c.drawString(120 * mm, H - 59 * mm, f"{w['date']}: {case['date'][1]}")
    y = H - 95 * mm
    c.setFont("Helvetica-Bold", 10)
    c.drawString(20 * mm, y, w["desc"])
    c.drawRightString(125 * mm, y, w["qty"])
    c.drawRightString(155 * mm, y, w["price"])
    c.drawRightString(190 * mm, y, w["amount"])
    c.setFont("Helvetica", 10)
    for (desc, qty, price), amount in zip(case["items"], amounts, strict=True):
        y -= 6 * mm
        c.drawString(20 * mm, y, desc)
        c.drawRightString(125 * mm, y, qty)
        c.drawRightString(155 * mm, y, m(Decimal(price)))
        c.drawRightString(190 * mm, y, m(amount))
    cur = case["currency"]
    y -= 10 * mm
    for label, value, bold in (
        (w["net"], net, False),
        (f"{w['vat']} {case['rate']} %", tax, False),
        (f"{w['total']} {cur}", gross, True),
    ):
        c.setFont("Helvetica-Bold" if bold else "Helvetica", 10)
        c.drawString(120 * mm, y, label)
        c.drawRightString(190 * mm, y, m(value))
        y -= 6 * mm
    c.setFont("Helvetica", 9)
    c.drawString(20 * mm, y - 4 * mm, w["due"])
    qr = qr_code(case, gross)
    iban_printed = case["iban"]
    if case["kind"] == "spc":
        draw_payment_part(c, case, qr, gross)
    else:
        size = 24 * mm
        draw_qr(c, qr, 20 * mm, y - 36 * mm, size, vector=case["vector"], swiss=False)
        c.setFont("Helvetica", 8)
        c.drawString(20 * mm, y - 40 * mm, w["pay_code"])
        c.setFont("Helvetica", 7)
        c.drawString(20 * mm, 14 * mm, f"{vendor[0]} · IBAN {iban_printed} · BIC {case['bic']}")
    fields = {
        "document_type": "invoice",
        "invoice_number": case["number"],
        "invoice_date": case["date"][0],
        "vendor_name": vendor[0],
        "customer_name": customer[0],
        "currency": cur,
        "subtotal": f"{net:.2f}",
        "tax_amount": f"{tax:.2f}",
        "total": f"{gross:.2f}",
        "amount_due": f"{gross:.2f}",
        "iban": iban_printed.replace(" ", ""),
    }
    return {
        "kind": case["kind"],
        "language": case["lang"],
        "qr_drawn_as": "vector" if case["vector"] else "image",
        "fields": fields,
        "items": [f"{a:.2f}" for a in amounts],
    }


def draw_payment_part(c, case, qr, gross: Decimal) -> None:
    """The QR-bill's receipt (62 mm) and payment part (148 mm) on the page's bottom 105 mm, with the
    dashed separation line, as SIX's style guide lays them out."""
    w = WORDS[case["lang"]]
    vendor, customer = case["vendor"], case["customer"]
    amount = money(gross, "CH", case["lang"]).replace("'", " ")
    ref = case["reference"] or ""
    if ref.isdigit():
        ref = ref[:2] + " " + " ".join(ref[i : i + 5] for i in range(2, len(ref), 5))
    else:
        ref = " ".join(ref[i : i + 4] for i in range(0, len(ref), 4))
    c.setDash(2, 2)
    c.line(0, 105 * mm, W, 105 * mm)
    c.line(62 * mm, 0, 62 * mm, 105 * mm)
    c.setDash()

    def block(x, y, rows, size=8):
        for label, lines in rows:
            if not lines:
                continue
            c.setFont("Helvetica-Bold", size - 2)
            c.drawString(x, y, label)
            y -= 3.5 * mm
            c.setFont("Helvetica", size)
            for line in lines:
                c.drawString(x, y, line)
                y -= 3.5 * mm
            y -= 2 * mm

    creditor = [case["iban"], vendor[0], vendor[1], vendor[2]]
    debtor = list(customer[:3])
    c.setFont("Helvetica-Bold", 11)
    c.drawString(5 * mm, 95 * mm, w["receipt"])
    block(5 * mm, 88 * mm, [(w["account"], creditor), (w["ref"], [ref] if ref else []), (w["by"], debtor)], 8)
    c.setFont("Helvetica-Bold", 6)
    c.drawString(5 * mm, 28 * mm, w["cur"])
    c.drawString(20 * mm, 28 * mm, w["amt"])
    c.setFont("Helvetica", 8)
    c.drawString(5 * mm, 24 * mm, case["currency"])
    c.drawString(20 * mm, 24 * mm, amount)
    c.setFont("Helvetica-Bold", 6)
    c.drawRightString(57 * mm, 12 * mm, w["accept"])
    c.setFont("Helvetica-Bold", 11)
    c.drawString(67 * mm, 95 * mm, w["part"])
    draw_qr(c, qr, 67 * mm, 42 * mm, 46 * mm, vector=case["vector"], swiss=True)
    c.setFont("Helvetica-Bold", 8)
    c.drawString(67 * mm, 33 * mm, w["cur"])
    c.drawString(85 * mm, 33 * mm, w["amt"])
    c.setFont("Helvetica", 10)
    c.drawString(67 * mm, 28 * mm, case["currency"])
    c.drawString(85 * mm, 28 * mm, amount)
    info = [f"{w['title']} {case['number']}"]
    block(
        118 * mm,
        97 * mm,
        [(w["account"], creditor), (w["ref"], [ref] if ref else []), (w["info"], info), (w["by"], debtor)],
        10,
    )


def main() -> None:
    expectations = {
        "_about": " ".join(
            [
                "Invoices that carry a payment QR code (issue 13, session 15 H1): Swiss QR-bills",
                "(SPC payload by the qrbill package, Swico S1 bill information with the invoice number",
                "and date) with the receipt and payment part at the page's bottom in de/fr/it/en, and",
                "German, Dutch, Belgian and Austrian invoices with a small EPC GiroCode (segno) near the",
                "totals. Drawn by make_pdfs.py with reportlab, the code as vector squares or a placed",
                "image. Labelled by construction, written before the product read them. Amount due:",
                "what the code asks to be paid, the total printed. IBANs valid (schwifty), references",
                "valid (QR reference mod 10, ISO 11649).",
            ]
        ),
        "_today": "2025-07-01",
    }
    for case in CASES:
        c = canvas.Canvas(str(HERE / f"{case['name']}.pdf"), pagesize=A4, invariant=1)
        c.setTitle(case["name"])
        expectations[case["name"]] = draw_invoice(c, case)
        c.showPage()
        c.save()
    (HERE / "expectations.json").write_text(json.dumps(expectations, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
