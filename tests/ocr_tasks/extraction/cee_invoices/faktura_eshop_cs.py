"""faktura_eshop_cs.pdf as an e-shop's invoicing module draws it with reportlab (A4, DejaVu Sans): run
`.venv/bin/python tests/ocr_tasks/extraction/cee_invoices/faktura_eshop_cs.py` to write the PDF beside it.

A Czech e-shop's Faktura - daňový doklad: the shop's block top left, the title and number top right,
labels above values in a row of boxes (Číslo objednávky, Datum vystavení, DUZP, Datum splatnosti, Způsob
úhrady), Fakturační adresa and Dodací adresa side by side, items Kód | Název | Množství | Cena/ks bez DPH
| DPH % | Celkem s DPH at 21 % and 12 %, shipping as a line, a VAT recapitulation and Celkem k úhradě."""

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONTS = Path("/usr/share/fonts/truetype/dejavu")


def _text(c, x, y, s, size, bold, align):
    c.setFont("DVB" if bold else "DV", size)
    if align == "right":
        c.drawRightString(x, y, s)
    else:
        c.drawString(x, y, s)


def draw(out: Path) -> None:
    pdfmetrics.registerFont(TTFont("DV", str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DVB", str(FONTS / "DejaVuSans-Bold.ttf")))
    c = canvas.Canvas(str(out), pagesize=A4)
    c.setTitle("Faktura 2026-00871")
    w, h = A4
    left, right = 40, w - 40

    def text(x, y, s, size=9, bold=False, align="left"):
        _text(c, x, y, s, size, bold, align)

    text(left, h - 50, "ZahradaPlus s.r.o.", 14, True)
    for i, line in enumerate(
        ["Průmyslová 1472/12", "779 00 Olomouc", "IČO: 27082440", "DIČ: CZ27082440", "www.zahradaplus.cz"]
    ):
        text(left, h - 66 - 12 * i, line)
    text(right, h - 50, "Faktura - daňový doklad", 15, True, "right")
    text(right, h - 68, "č. 2026-00871", 11, False, "right")
    # the row of boxes: labels above values
    boxes = [
        ("Číslo objednávky", "OBJ-558120"),
        ("Datum vystavení", "04.12.2026"),
        ("DUZP", "04.12.2026"),
        ("Datum splatnosti", "18.12.2026"),
        ("Způsob úhrady", "bankovní převod"),
    ]
    bw = (right - left) / len(boxes)
    y = h - 150
    for i, (label, value) in enumerate(boxes):
        x = left + i * bw
        c.rect(x, y - 8, bw, 34, stroke=1, fill=0)
        text(x + 6, y + 14, label, 7.5)
        text(x + 6, y - 1, value, 10, True)
    # addresses
    y = h - 190
    text(left, y, "Fakturační adresa", 8, True)
    text(left + 270, y, "Dodací adresa", 8, True)
    bill = ["Zahradnictví Veselá s.r.o.", "Husova 18", "586 01 Jihlava", "IČO: 25312448", "DIČ: CZ25312448"]
    ship = ["Zahradnictví Veselá s.r.o.", "provozovna Třešť", "Nádražní 5", "589 01 Třešť"]
    for i, line in enumerate(bill):
        text(left, y - 14 - 12 * i, line, 9.5, i == 0)
    for i, line in enumerate(ship):
        text(left + 270, y - 14 - 12 * i, line, 9.5, i == 0)
    # items
    y = h - 290
    cols = [left, left + 60]
    heads = ["Kód", "Název", "Množství", "Cena/ks bez DPH", "DPH %", "Celkem s DPH"]
    c.setFillGray(0.9)
    c.rect(left, y - 5, right - left, 18, stroke=0, fill=1)
    c.setFillGray(0)
    edges = [None, None, left + 310, left + 395, left + 430, right - 4]  # right edges of the number columns
    for i, head in enumerate(heads):
        if edges[i] is not None:
            text(edges[i], y, head, 8, True, "right")
        else:
            text(cols[i] + 4, y, head, 8, True)
    items = [
        ("ZH-1140", "Zahradní hadice 25 m", "4", "589,00", "21", "2 850,76"),
        ("SU-0210", "Substrát pro zeleninu 50 l", "20", "149,00", "12", "3 337,60"),
        ("NA-3321", "Nůžky na živý plot", "2", "1 190,00", "21", "2 879,80"),
        ("DOP-01", "Doprava PPL", "1", "150,00", "21", "181,50"),
    ]
    for n, row in enumerate(items):
        yy = y - 20 - 16 * n
        text(cols[0] + 4, yy, row[0], 8.5)
        text(cols[1] + 4, yy, row[1], 8.5)
        for k in range(2, 6):
            text(edges[k], yy, row[k], 8.5, align="right")
        c.setStrokeGray(0.8)
        c.line(left, yy - 5, right, yy - 5)
        c.setStrokeGray(0)
    # VAT recapitulation and the total
    y = y - 110
    text(left + 250, y, "Rekapitulace DPH", 8.5, True)
    rec = [
        ("Sazba", "Základ", "DPH", "Celkem"),
        ("21 %", "4 886,00", "1 026,06", "5 912,06"),
        ("12 %", "2 980,00", "357,60", "3 337,60"),
    ]
    for n, row in enumerate(rec):
        yy = y - 14 - 13 * n
        text(left + 250, yy, row[0], 8.5, n == 0)
        for k, v in enumerate(row[1:]):
            text(left + 360 + 75 * k, yy, v, 8.5, n == 0, "right")
    y = y - 70
    text(left + 250, y, "Celkem bez DPH", 9)
    text(right - 4, y, "7 866,00 Kč", 9, align="right")
    text(left + 250, y - 13, "DPH celkem", 9)
    text(right - 4, y - 13, "1 383,66 Kč", 9, align="right")
    c.line(left + 250, y - 20, right, y - 20)
    text(left + 250, y - 36, "Celkem k úhradě", 12, True)
    text(right - 4, y - 36, "9 249,66 Kč", 12, True, "right")
    y = y - 80
    text(left, y, "Platbu prosím zašlete na účet 2801234567/2010, variabilní symbol 202600871.", 8.5)
    text(left, y - 12, "IBAN: CZ11 2010 0000 0028 0123 4567 · BIC: FIOBCZPPXXX", 8.5)
    text(
        left,
        y - 24,
        "Společnost je zapsána v obchodním rejstříku vedeném Krajským soudem v Ostravě, oddíl C, "
        "vložka 31177.",
        7.5,
    )
    c.showPage()
    c.save()


if __name__ == "__main__":
    draw(Path(__file__).with_suffix(".pdf"))
