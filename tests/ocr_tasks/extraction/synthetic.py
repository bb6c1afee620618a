"""Synthetic invoices with known truth: random vendors, layouts, languages, date and amount formats.

`make_invoice(rng)` returns a `SyntheticInvoice`: the printed rows (text with x positions), the truth
(normalised values), and `to_document()` builds an `OcrDocument` with exact word boxes (monospace metrics)
while `render()` draws the same page as a PIL image for the few tests that run real Tesseract.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from ocr_tasks.geometry import BBox
from ocr_tasks.ocr_types import Block, Line, OcrDocument, OcrPage, SourceDocument, Word

PAGE_W, PAGE_H = 2480, 3508  # A4 at 300 dpi
CHAR_W, ROW_H = 30, 50  # monospace metrics in pixels (font size ~50 px)

VENDOR_WORDS = [
    "Acme",
    "Nordic",
    "Blue",
    "River",
    "Golden",
    "Summit",
    "Atlas",
    "Pixel",
    "Maple",
    "Orion",
    "Harbor",
    "Cedar",
    "Zenith",
    "Lumen",
    "Vertex",
]
VENDOR_KINDS = ["Trading", "Supplies", "Systems", "Hardware", "Foods", "Consulting", "Logistics", "Print"]
LEGAL = {"en": ["Ltd", "Inc.", "LLC", "Sdn Bhd"], "de": ["GmbH"], "nl": ["B.V."], "fr": ["SARL"]}
STREETS = {
    "en": ["{n} Market Street", "{n} Harbour Road", "Lot {n}, Jalan Besar"],
    "de": ["Hauptstrasse {n}", "Bahnhofstrasse {n}"],
    "nl": ["Kerkstraat {n}", "Dorpsweg {n}"],
    "fr": ["{n} rue de la Paix", "{n} boulevard Voltaire"],
}
CITIES = {
    "en": ["10115 Springfield", "43300 Seri Kembangan, Selangor"],
    "de": ["10115 Berlin", "80331 Muenchen"],
    "nl": ["3012 CN Rotterdam", "1011 AB Amsterdam"],
    "fr": ["75001 Paris", "69002 Lyon"],
}
LABELS = {
    "en": {
        "invoice": "INVOICE",
        "number": "Invoice No:",
        "date": "Invoice Date:",
        "due": "Due Date:",
        "subtotal": "Subtotal",
        "tax": "Tax",
        "total": "Total",
        "bill_to": "Bill To:",
        "desc": "Description",
        "qty": "Qty",
        "price": "Unit Price",
        "amount": "Amount",
    },
    "de": {
        "invoice": "RECHNUNG",
        "number": "Rechnungsnummer:",
        "date": "Rechnungsdatum:",
        "due": "Fällig:",
        "subtotal": "Zwischensumme",
        "tax": "MwSt",
        "total": "Gesamtbetrag",
        "bill_to": "Kunde:",
        "desc": "Beschreibung",
        "qty": "Menge",
        "price": "Einzelpreis",
        "amount": "Betrag",
    },
    "nl": {
        "invoice": "FACTUUR",
        "number": "Factuurnummer:",
        "date": "Factuurdatum:",
        "due": "Vervaldatum:",
        "subtotal": "Subtotaal",
        "tax": "BTW",
        "total": "Totaal",
        "bill_to": "Klant:",
        "desc": "Omschrijving",
        "qty": "Aantal",
        "price": "Prijs",
        "amount": "Bedrag",
    },
    "fr": {
        "invoice": "FACTURE",
        "number": "Facture N°",
        "date": "Date de facture:",
        "due": "Échéance:",
        "subtotal": "Sous-total",
        "tax": "TVA",
        "total": "Montant total",
        "bill_to": "Client:",
        "desc": "Désignation",
        "qty": "Qté",
        "price": "Prix unitaire",
        "amount": "Montant",
    },
}
MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
}
CURRENCY = {"en": ("$", "USD"), "de": ("€", "EUR"), "nl": ("€", "EUR"), "fr": ("€", "EUR")}
ITEMS = [
    "Printer paper A4",
    "Toner cartridge",
    "USB cable 2m",
    "Office chair",
    "Desk lamp",
    "Notebook pack",
    "Consulting hours",
    "Delivery fee",
    "Stapler",
    "Monitor stand",
]


@dataclass
class SyntheticInvoice:
    rows: list[list[tuple[str, int]]]  # each row: (text, x pixel) chunks; y from the row index
    truth: dict[str, str]
    items: list[dict[str, str]]
    lang: str
    row_y: list[int] = field(default_factory=list)

    def to_document(self, name: str = "synthetic") -> OcrDocument:
        lines = []
        for row, y in zip(self.rows, self.row_y, strict=False):
            for text, x in row:
                words, cursor = [], x
                for token in text.split():
                    w = len(token) * CHAR_W
                    box = BBox(cursor / PAGE_W, y / PAGE_H, (cursor + w) / PAGE_W, (y + ROW_H) / PAGE_H)
                    words.append(Word(token, box, 0.95))
                    cursor += w + CHAR_W
                if words:
                    lines.append(Line.of(words))
        page = OcrPage(
            index=0,
            width=PAGE_W,
            height=PAGE_H,
            dpi=300,
            blocks=tuple(Block.of([ln]) for ln in lines),
            source="text_layer",
            engine="synthetic",
        )
        return OcrDocument(SourceDocument(name, f"memory://{name}", "application/pdf", "0" * 64), (page,))

    def render(self, scale: float = 0.5):
        """The page as a grey PIL image (DejaVu Sans Mono when available), `scale` of 300 dpi."""
        from PIL import Image, ImageDraw, ImageFont

        width, height = int(PAGE_W * scale), int(PAGE_H * scale)
        image = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(image)
        try:
            font = ImageFont.truetype("DejaVuSansMono.ttf", int(ROW_H * scale))
        except OSError:
            font = ImageFont.load_default(size=int(ROW_H * scale))
        for row, y in zip(self.rows, self.row_y, strict=False):
            for text, x in row:
                draw.text((x * scale, y * scale), text, fill=0, font=font)
        return image


def _amount_text(value: Decimal, lang: str, symbol: str, rng: random.Random, *, marked: bool = False) -> str:
    plain = f"{value:,.2f}"
    if lang in ("de", "nl", "fr"):
        plain = plain.replace(",", "\u0001").replace(".", ",").replace("\u0001", "." if lang != "fr" else " ")
    style = rng.choice(["before", "after"] if marked else ["before", "after", "none"])
    if style == "before":
        return f"{symbol} {plain}"
    if style == "after":
        return f"{plain} {symbol if symbol != '$' else 'USD'}"
    return plain


def _date_text(value: date, lang: str, rng: random.Random) -> str:
    forms = [
        "{d:02d}/{m:02d}/{y}",
        "{d:02d}.{m:02d}.{y}",
        "{y}-{m:02d}-{d:02d}",
        "{d} {mon} {y}",
        "{d:02d}-{m:02d}-{y}",
    ]
    if lang == "en":
        forms += ["{mon} {d}, {y}", "{d}-{mon}-{y}"]
    form = rng.choice(forms)
    return form.format(d=value.day, m=value.month, y=value.year, mon=MONTHS[lang][value.month - 1])


MALAYSIAN = ("Sdn Bhd", "Jalan", "Selangor")


def _page_currency(rows: list[list[tuple[str, int]]], code: str) -> str:
    """What the page's amounts are in: a bare `$` on a page of a Malaysian party that never names the US
    dollar is the ringgit (the Malaysian dollar until 1993; Malaysian tills still print `$`)."""
    text = " ".join(chunk for row in rows for chunk, _ in row)
    if code == "USD" and "USD" not in text and any(mark in text for mark in MALAYSIAN):
        return "MYR"
    return code


def make_invoice(rng: random.Random) -> SyntheticInvoice:
    lang = rng.choice(["en", "en", "de", "nl", "fr"])
    labels = LABELS[lang]
    symbol, code = CURRENCY[lang]
    vendor = f"{rng.choice(VENDOR_WORDS)} {rng.choice(VENDOR_KINDS)} {rng.choice(LEGAL[lang])}"
    street = rng.choice(STREETS[lang]).format(n=rng.randint(1, 250))
    city = rng.choice(CITIES[lang])
    number = rng.choice(["INV-{n}", "{n}", "F{y}/{n}", "R-{n}-A"]).format(n=rng.randint(1000, 999999), y=2023)
    issued = date(2019, 1, 1) + timedelta(days=rng.randint(0, 1800))
    if rng.random() < 0.3:  # make day/month ambiguous unless another date settles it
        issued = issued.replace(day=rng.randint(1, 12))
    due = issued + timedelta(days=rng.choice([14, 30]))
    rate = Decimal(rng.choice(["21", "19", "20", "10", "6"]))
    items = []
    for _ in range(rng.randint(1, 4)):
        qty = rng.randint(1, 5)
        price = Decimal(rng.randint(100, 50000)) / 100
        items.append(
            {
                "description": rng.choice(ITEMS),
                "quantity": str(qty),
                "unit_price": f"{price:.2f}",
                "amount": f"{price * qty:.2f}",
            }
        )
    subtotal = sum(Decimal(i["amount"]) for i in items)
    tax = (subtotal * rate / 100).quantize(Decimal("0.01"))
    total = subtotal + tax

    rows: list[list[tuple[str, int]]] = [
        [(vendor, 150)],
        [(street, 150)],
        [(city, 150)],
        [],
        [(labels["invoice"], 150)],
    ]
    header_above = rng.random() < 0.3
    if header_above:
        rows.append(
            [
                (labels["number"].rstrip(":"), 150),
                (labels["date"].rstrip(":"), 900),
                (labels["due"].rstrip(":"), 1600),
            ]
        )
        rows.append([(number, 150), (_date_text(issued, lang, rng), 900), (_date_text(due, lang, rng), 1600)])
    else:
        rows.append([(f"{labels['number']} {number}", 150)])
        rows.append([(f"{labels['date']} {_date_text(issued, lang, rng)}", 150)])
        rows.append([(f"{labels['due']} {_date_text(due, lang, rng)}", 150)])
    rows += [
        [],
        [(labels["bill_to"], 150)],
        [(rng.choice(["Jane Doe", "Max Mustermann", "Jan Jansen"]), 150)],
        [(rng.choice(STREETS[lang]).format(n=rng.randint(1, 99)), 150)],
        [(rng.choice(CITIES[lang]), 150)],
        [],
    ]
    rows.append(
        [(labels["desc"], 150), (labels["qty"], 1100), (labels["price"], 1400), (labels["amount"], 1950)]
    )
    for item in items:
        rows.append(
            [
                (item["description"], 150),
                (item["quantity"], 1100),
                (
                    _amount_text(Decimal(item["unit_price"]), lang, symbol, rng)
                    .replace(symbol, "")
                    .strip()
                    .replace("USD", "")
                    .strip(),
                    1400,
                ),
                (
                    _amount_text(Decimal(item["amount"]), lang, symbol, rng)
                    .replace(symbol, "")
                    .strip()
                    .replace("USD", "")
                    .strip(),
                    1950,
                ),
            ]
        )
    rows.append([])
    rows.append([(labels["subtotal"], 1300), (_amount_text(subtotal, lang, symbol, rng), 1900)])
    rows.append([(f"{labels['tax']} {rate}%", 1300), (_amount_text(tax, lang, symbol, rng), 1900)])
    rows.append([(labels["total"], 1300), (_amount_text(total, lang, symbol, rng, marked=True), 1900)])
    row_y = []
    y = 180
    for row in rows:
        row_y.append(y)
        y += ROW_H + 30 if row else ROW_H
    truth = {
        "vendor_name": vendor,
        "invoice_number": number,
        "invoice_date": issued.isoformat(),
        "due_date": due.isoformat(),
        "subtotal": f"{subtotal:.2f}",
        "tax_amount": f"{tax:.2f}",
        "total": f"{total:.2f}",
        "currency": _page_currency(rows, code),
        "vendor_address": f"{street} {city}",
    }
    return SyntheticInvoice(rows=rows, truth=truth, items=items, lang=lang, row_y=row_y)
