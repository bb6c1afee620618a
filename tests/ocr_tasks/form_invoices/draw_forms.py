"""Draw the fillable-form invoices of this folder (build-time tool, not a product dependency).

Small businesses fill in invoice templates made as PDF forms (AcroForm text fields) and send the file as
it is: the labels are page content, every typed value sits in a form field. Run under a venv with
reportlab (`python3 -m venv /tmp/genvenv && /tmp/genvenv/bin/pip install reportlab`):
`/tmp/genvenv/bin/python tests/ocr_tasks/form_invoices/draw_forms.py`. The values are those
`tests/ocr_tasks/test_pdf_forms.py` expects.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent

FORMS = {
    "invoice_form_gb.pdf": {
        "title": "INVOICE",
        "sender": [
            "Northwind Joinery Ltd",
            "4 Mill Lane, Leeds LS1 4AB",
            "VAT Reg. No. GB 123 4567 89",
        ],
        "fields": [
            ("Invoice number", "NJ-2025-0193"),
            ("Invoice date", "14/03/2025"),
            ("Due date", "13/04/2025"),
            ("Bill to", "Harbour Cafe Ltd"),
        ],
        "items_header": ("Description", "Qty", "Unit price", "Amount"),
        "items": [
            ("Oak shelving, fitted", "3", "310.00", "930.00"),
            ("Counter top repair", "1", "320.00", "320.00"),
        ],
        "totals": [("Subtotal", "1,250.00"), ("VAT 20%", "250.00"), ("Total due (GBP)", "1,500.00")],
        "footer": "Payment by bank transfer: Northwind Joinery Ltd, sort code 40-12-76, account 31926819",
    },
    "rechnung_formular_de.pdf": {
        "title": "RECHNUNG",
        "sender": ["Malerbetrieb Sonja Krüger", "Hauptstraße 12, 79098 Freiburg", "USt-IdNr. DE136695976"],
        "fields": [
            ("Rechnungsnummer", "2025-047"),
            ("Rechnungsdatum", "02.06.2025"),
            ("Zahlbar bis", "16.06.2025"),
            ("Kunde", "Weinhaus Berger GmbH"),
        ],
        "items_header": ("Leistung", "Menge", "Einzelpreis", "Betrag"),
        "items": [
            ("Innenanstrich Verkaufsraum", "1", "1.480,00", "1.480,00"),
            ("Lackierarbeiten Fenster", "6", "45,00", "270,00"),
        ],
        "totals": [
            ("Nettobetrag", "1.750,00"),
            ("zzgl. 19 % USt.", "332,50"),
            ("Rechnungsbetrag", "2.082,50"),
        ],
        "footer": "IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX · Sparkasse Freiburg",
    },
}


def draw(name: str, spec: dict) -> None:
    c = canvas.Canvas(str(HERE / name), pagesize=A4)
    form = c.acroForm
    serial = 0

    def field(value: str, x: float, y: float, width: float, align: int = 0) -> None:
        nonlocal serial
        serial += 1
        form.textfield(
            name=f"field{serial}",
            value=value,
            x=x,
            y=y - 4,
            width=width,
            height=15,
            borderWidth=0,
            fillColor=None,
            fontName="Helvetica",
            fontSize=10,
            fieldFlags="",
            maxlen=None,
        )

    c.setFont("Helvetica-Bold", 20)
    c.drawString(50, 790, spec["title"])
    c.setFont("Helvetica", 9)
    for i, line in enumerate(spec["sender"]):
        c.drawRightString(545, 795 - 12 * i, line)
    c.setFont("Helvetica", 10)
    y = 730
    for label, value in spec["fields"]:
        c.drawString(50, y, label)
        field(value, 170, y, 200)
        y -= 22
    y -= 20
    header = spec["items_header"]
    xs = (50, 330, 400, 480)
    c.setFont("Helvetica-Bold", 10)
    for x, text in zip(xs, header, strict=True):
        c.drawString(x, y, text)
    c.line(50, y - 4, 545, y - 4)
    c.setFont("Helvetica", 10)
    y -= 22
    for row in spec["items"]:
        for x, value, width in zip(xs, row, (270, 60, 70, 65), strict=True):
            field(value, x - 2, y, width)
        y -= 22
    c.line(50, y + 8, 545, y + 8)
    y -= 10
    for label, value in spec["totals"]:
        c.drawString(330, y, label)
        field(value, 478, y, 67)
        y -= 20
    c.setFont("Helvetica", 8)
    c.drawString(50, 60, spec["footer"])
    c.save()


if __name__ == "__main__":
    for name, spec in FORMS.items():
        draw(name, spec)
        print(HERE / name)
