"""Draw one invoice (content.Invoice) in its family's arrangement (layouts.Family) as a born-digital PDF."""

from __future__ import annotations

import io
import random
from decimal import Decimal
from functools import cache
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from .content import Invoice
from .layouts import Family
from .vocabulary import LABELS

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {
    "sans": ("DejaVuSans", "DejaVuSans-Bold", "Helvetica", "Helvetica-Bold"),
    "serif": ("DejaVuSerif", "DejaVuSerif-Bold", "Times-Roman", "Times-Bold"),
    "mono": ("DejaVuSansMono", "DejaVuSansMono-Bold", "Courier", "Courier-Bold"),
    "condensed": ("DejaVuSansCondensed", "DejaVuSansCondensed-Bold", "Helvetica", "Helvetica-Bold"),
}
PAGES = {"a4": A4, "letter": LETTER, "narrow": (80 / 25.4 * 72, 760)}
WIDTHS = {"pos": 28, "article": 58, "qty": 40, "unit": 38, "price": 68, "vat": 42, "amount": 74}
RIGHT_ALIGNED = {"qty", "price", "vat", "amount"}
FOOTER_HEIGHT = {"three_col": 78, "line": 50, "none": 10}


@cache
def fonts(style: str) -> tuple[str, str]:
    regular, bold, fallback, fallback_bold = FONTS[style]
    try:
        for name in (regular, bold):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    except Exception:  # noqa: BLE001 - no DejaVu on this machine: the PDF core fonts (Latin-1 only)
        return fallback, fallback_bold
    return regular, bold


def lv(label: str, value: str) -> str:
    return f"{label} {value}" if label.endswith(":") else f"{label}: {value}"


class Renderer:
    """One pass over the document; `total_pages` is known on the second pass (for "page 1 of 2")."""

    def __init__(self, inv: Invoice, fam: Family, seed: int, total_pages: int = 1) -> None:
        self.inv, self.fam, self.fmt = inv, fam, inv.fmt
        self.rng = random.Random(seed)
        self.words: dict[str, str] = {}
        self.width, self.height = PAGES[fam.page]
        self.narrow = fam.page == "narrow"
        self.buffer = io.BytesIO()
        self.c = canvas.Canvas(self.buffer, pagesize=(self.width, self.height), invariant=1)
        self.regular, self.bold = fonts(fam.font)
        self.page, self.total_pages = 1, total_pages
        margin = 14 if self.narrow else 50
        self.left, self.right = margin, self.width - margin
        if fam.letterhead == "sidebar":
            self.left = margin + 140
        self.y = 40.0
        self.footer = "none" if self.narrow and fam.footer == "three_col" else fam.footer
        self.limit = self.height - FOOTER_HEIGHT[self.footer] - (90 if self.narrow else 30)

    # -- primitives ---------------------------------------------------------------------------------
    def word(self, key: str, **values) -> str:
        if key not in self.words:
            self.words[key] = self.rng.choice(LABELS[self.inv.lang][key])
        return self.words[key].format(**values)

    def text(self, x: float, y: float, s: str, size: float = 9, bold: bool = False, align: str = "left"):
        font = self.bold if bold else self.regular
        self.c.setFont(font, size)
        draw = {
            "left": self.c.drawString,
            "right": self.c.drawRightString,
            "center": self.c.drawCentredString,
        }
        draw[align](x, self.height - y, s)

    def width_of(self, s: str, size: float, bold: bool = False) -> float:
        return pdfmetrics.stringWidth(s, self.bold if bold else self.regular, size)

    def fit_size(self, s: str, size: float, width: float, bold: bool = False) -> float:
        while size > 6 and self.width_of(s, size, bold) > width:
            size -= 0.5
        return size

    def wrapped(self, x: float, s: str, size: float = 8.5, width: float | None = None, align="left") -> None:
        width = width or (self.right - x)
        for line in simpleSplit(s, self.regular, size, width):
            self.text(x if align == "left" else (self.left + self.right) / 2, self.y, line, size, align=align)
            self.y += size + 3

    def pack(self, parts: list[str], sep: str, size: float, width: float) -> list[str]:
        """Parts joined by sep into lines that fit; a part (an IBAN, a name) is never split unless alone."""
        lines: list[str] = []
        for part in parts:
            joined = f"{lines[-1]}{sep}{part}" if lines else part
            if lines and self.width_of(joined, size) <= width:
                lines[-1] = joined
            elif self.width_of(part, size) <= width:
                lines.append(part)
            else:
                lines += simpleSplit(part, self.regular, size, width)
        return lines

    def hline(self, y: float, x0: float | None = None, x1: float | None = None, width: float = 0.6) -> None:
        self.c.setLineWidth(width)
        self.c.line(x0 if x0 is not None else self.left, self.height - y, x1 or self.right, self.height - y)

    # -- content helpers ----------------------------------------------------------------------------
    @property
    def title(self) -> str:
        return self.word("title_credit" if self.inv.doc_type == "credit_note" else "title_invoice")

    def number_label(self) -> str:
        return self.word("credit_number" if self.inv.doc_type == "credit_note" else "invoice_number")

    def vendor_lines(self) -> list[str]:
        v = self.inv.vendor
        lines = list(v.lines) + [lv(self.word("phone"), v.phone), lv(self.word("email"), v.email)]
        if self.fam.vat_in_letterhead or (self.fam.footer == "none" and v.vat_printed):
            if v.vat_printed:
                lines.append(lv(self.word("vendor_vat"), v.vat_printed))
        return lines

    def header_pairs(self) -> list[tuple[str, str]]:
        inv, fmt = self.inv, self.fmt
        first = [(self.number_label(), inv.number), (self.word("invoice_date"), fmt.date(inv.date))]
        if self.rng.random() < 0.25:
            first.reverse()
        values = {
            "customer_number": inv.customer_no,
            "order_number": inv.order_no,
            "delivery_note": inv.delivery_note,
            "delivery_date": fmt.date(inv.delivery),
        }
        others = [(self.word(key), values[key]) for key in self.fam.distractors]
        self.rng.shuffle(others)
        pairs = first + others
        if inv.due and self.fam.due_in_header:
            pairs.insert(self.rng.choice([2, len(pairs)]), (self.word("due_date"), fmt.date(inv.due)))
        return pairs

    # -- sections -----------------------------------------------------------------------------------
    def letterhead(self) -> None:
        v = self.inv.vendor
        kind = self.fam.letterhead
        if kind == "sidebar":
            self.sidebar()
            return
        size = self.fit_size(v.name, 16, self.right - self.left, bold=True)
        if kind == "center":
            mid = (self.left + self.right) / 2
            self.text(mid, 50, v.name, size, bold=True, align="center")
            self.y = 64
            for line in self.pack(self.vendor_lines(), " · ", 7.5, self.right - self.left):
                self.text(mid, self.y, line, 7.5, align="center")
                self.y += 10
            return
        x, align = (self.right, "right") if kind == "right" else (self.left, "left")
        self.text(x, 50, v.name, size, bold=True, align=align)
        self.y = 64
        for line in self.vendor_lines():
            self.text(x, self.y, line, 8, align=align)
            self.y += 10

    def sidebar(self) -> None:
        v = self.inv.vendor
        x, width = 40, 130
        self.y = 50
        size = self.fit_size(v.name, 11, width, bold=True)
        names = [v.name] if size >= 8 else simpleSplit(v.name, self.bold, 11, width)
        for line in names:
            self.text(x, self.y, line, max(size, 8), bold=True)
            self.y += 13
        self.y += 6
        for line in self.vendor_lines() + [v.web]:
            self.text(x, self.y, line, self.fit_size(line, 7.5, width))
            self.y += 10
        if v.iban_printed:
            self.y += 8
            for line in (self.word("bank"), v.bank_name, self.word("iban"), v.iban_printed, v.bic):
                self.text(x, self.y, line, self.fit_size(line, 7.5, width))
                self.y += 10
        self.c.setLineWidth(0.5)
        self.c.line(x + width + 5, 40, x + width + 5, self.height - 40)
        self.y = 64

    def customer_lines(self, party, heading: str | None = None) -> list[tuple[str, float, bool]]:
        lines: list[tuple[str, float, bool]] = []
        if heading:
            lines.append((heading, 7.5, True))
        lines.append((party.name, 10, False))
        lines += [(line, 10, False) for line in party.lines]
        if party.vat_id and self.rng.random() < self.fam.show_customer_vat:
            lines.append((lv(self.word("customer_vat"), party.vat_printed), 8, False))
        return lines

    def draw_block(self, x: float, y: float, lines, width: float) -> float:
        for s, size, bold in lines:
            self.text(x, y, s, self.fit_size(s, size, width, bold), bold=bold)
            y += size + 3
        return y

    def recipient(self) -> tuple[float, float]:
        """Draw the customer's address; (top, bottom) of the block."""
        kind, inv = self.fam.address, self.inv
        if kind == "din" and not self.narrow:
            top = 128.0
            sender = f"{inv.vendor.name} · {' · '.join(inv.vendor.lines)}"
            size = self.fit_size(sender, 6.5, 240)
            self.text(self.left, top, sender, size)
            self.hline(top + 2, self.left, self.left + self.width_of(sender, size), 0.3)
            return top, self.draw_block(self.left, top + 16, self.customer_lines(inv.customer), 240)
        if kind == "right" and not self.narrow:
            top = max(self.y + 30, 130)
            x = self.width * 0.56
            return top, self.draw_block(x, top, self.customer_lines(inv.customer), self.right - x)
        top = self.y + 22
        if kind == "billto_shipto" and inv.ship_to is not None:
            mid = self.left + (self.right - self.left) * 0.36
            a = self.draw_block(self.left, top, self.customer_lines(inv.customer, self.word("bill_to")), 170)
            b = self.draw_block(mid, top, self.customer_lines(inv.ship_to, self.word("ship_to")), 170)
            return top, max(a, b)
        heading = self.word("bill_to") if self.rng.random() < 0.5 else None
        width = self.right - self.left if self.narrow else 260
        return top, self.draw_block(self.left, top, self.customer_lines(inv.customer, heading), width)

    def header(self, top: float, bottom: float) -> float:
        """Draw the header fields; the lowest y drawn."""
        style = self.fam.header
        pairs = self.header_pairs()
        if self.narrow:
            return self.rows_narrow(pairs, bottom + 14)
        draw = {
            "box_right": lambda: self.box_right(pairs, top),
            "right_labels": lambda: self.right_labels(pairs, top),
            "left_rows": lambda: self.left_rows(pairs, bottom + 18),
            "table_2row": lambda: self.table_2row(pairs, bottom + 20),
            "inline": lambda: self.inline(pairs, bottom + 28),
            "us_top": lambda: self.us_top(pairs),
        }[style]
        return max(bottom, draw())

    def box_right(self, pairs, top: float) -> float:
        x0 = self.width * 0.58
        y = top
        for label, value in pairs:
            self.text(x0 + 6, y + 10, label, 8)
            self.text(self.right - 6, y + 10, value, 8.5, align="right")
            y += 13
        self.c.setLineWidth(0.5)
        self.c.rect(x0, self.height - y - 4, self.right - x0, y - top + 4)
        return y + 4

    def right_labels(self, pairs, top: float) -> float:
        tab = self.right - 105
        y = top
        for label, value in pairs:
            self.text(tab - 8, y + 8, label, 8, align="right")
            self.text(tab, y + 8, value, 8.5, bold=value == self.inv.number)
            y += 12
        return y

    def left_rows(self, pairs, top: float) -> float:
        y = top
        for label, value in pairs:
            self.text(self.left, y, label if label.endswith(":") else label + ":", 8.5)
            self.text(self.left + 115, y, value, 8.5)
            y += 12
        return y

    def rows_narrow(self, pairs, top: float) -> float:
        y = top
        for label, value in pairs:
            self.text(self.left, y, label, 7.5)
            self.text(self.right, y, value, 7.5, align="right")
            y += 10
        return y

    def table_2row(self, pairs, top: float) -> float:
        cell = (self.right - self.left) / len(pairs)
        self.hline(top - 10)
        for i, (label, value) in enumerate(pairs):
            x = self.left + i * cell + 2
            self.text(x, top, label, self.fit_size(label, 7.5, cell - 4, True), bold=True)
            self.text(x, top + 12, value, self.fit_size(value, 9, cell - 4))
        self.hline(top + 17)
        return top + 20

    def inline(self, pairs, top: float) -> float:
        inv = self.inv
        sentence = self.word("inline", title=self.title, number=inv.number, date=self.fmt.date(inv.date))
        self.text(
            self.left, top, sentence, self.fit_size(sentence, 13, self.right - self.left, True), bold=True
        )
        rest = [
            lv(label, value) for label, value in pairs if value not in (inv.number, self.fmt.date(inv.date))
        ]
        self.y = top + 15
        for line in self.pack(rest, "     ", 8, self.right - self.left):
            self.text(self.left, self.y, line, 8)
            self.y += 11
        return self.y

    def us_top(self, pairs) -> float:
        self.text(self.right, 52, self.title.upper(), 22, bold=True, align="right")
        return self.right_labels(pairs, 64)

    def heading(self, y: float) -> float:
        where = self.fam.heading
        if self.fam.header in ("inline", "us_top") or where == "none":
            y += 10
        else:
            x = {"left": self.left, "center": (self.left + self.right) / 2, "right": self.right}[where]
            y += 28
            self.text(x, y, self.title, 11 if self.narrow else 15, bold=True, align=where)
            y += 6
        if self.inv.doc_type == "credit_note":
            y += 12
            self.text(self.left, y, self.word("credit_ref", number=self.inv.related_number), 8.5)
        if self.fmt.currency_mode == "none":
            y += 12
            self.text(self.left, y, self.word("currency_note", code=self.inv.currency), 8)
        return y + 18

    # -- item table ---------------------------------------------------------------------------------
    def column_x(self) -> dict[str, tuple[float, float]]:
        """column -> (x0, x1)."""
        fixed = sum(WIDTHS[c] for c in self.fam.columns if c != "desc")
        desc = max(110.0, self.right - self.left - fixed)
        x, out = self.left, {}
        for col in self.fam.columns:
            w = desc if col == "desc" else WIDTHS[col]
            out[col] = (x, x + w)
            x += w
        return out

    def cell(self, col: str, span: tuple[float, float], y: float, s: str, size: float, bold: bool = False):
        x0, x1 = span
        if col in RIGHT_ALIGNED:
            self.text(x1 - 3, y, s, self.fit_size(s, size, x1 - x0 - 5, bold), bold=bold, align="right")
        else:
            self.text(x0 + 3, y, s, self.fit_size(s, size, x1 - x0 - 6, bold), bold=bold)

    def table_header(self) -> None:
        cols = self.column_x()
        style = self.fam.table_style
        if style == "shaded":
            self.c.setFillGray(0.85)
            self.c.rect(self.left, self.height - self.y - 4, self.right - self.left, 15, stroke=0, fill=1)
            self.c.setFillGray(0)
        for col, span in cols.items():
            label = self.word(col)
            if col == "amount" and self.fmt.currency_mode == "none":
                label += f" {self.inv.currency}"
            self.cell(col, span, self.y + 7, label, 8, bold=True)
        if style in ("lines", "grid"):
            self.hline(self.y - 4)
            self.hline(self.y + 11)
        self.y += 24

    def row_values(self, line) -> dict[str, str]:
        fmt = self.fmt
        return {
            "pos": str(line.pos),
            "article": line.article,
            "desc": line.desc[0],
            "qty": fmt.qty(line.qty),
            "unit": line.unit,
            "price": fmt.number(line.price),
            "vat": fmt.rate(line.rate),
            "amount": self.inv.money(line.amount, mark=False),
        }

    def items(self) -> None:
        if self.narrow:
            self.items_narrow()
            return
        self.table_header()
        cols = self.column_x()
        running = Decimal(0)
        for line in self.inv.lines:
            height = 13 + 10 * (len(line.desc) - 1)
            if self.y + height > self.limit - 16:
                self.page_break(running)
            values = self.row_values(line)
            for col, span in cols.items():
                self.cell(col, span, self.y, values[col], 8.5)
            for extra in line.desc[1:]:
                self.y += 10
                self.cell("desc", cols["desc"], self.y, extra, 7.5)
            if self.fam.table_style == "grid":
                self.hline(self.y + 4, width=0.3)
            running += line.amount
            self.y += 13
        if self.fam.table_style in ("lines", "shaded"):
            self.hline(self.y - 6)

    def items_narrow(self) -> None:
        self.hline(self.y - 8, width=0.3)
        for line in self.inv.lines:
            values = self.row_values(line)
            self.text(
                self.left, self.y, values["desc"], self.fit_size(values["desc"], 8, self.right - self.left)
            )
            self.y += 10
            self.text(self.left + 8, self.y, f"{values['qty']} x {values['price']}", 7.5)
            self.text(self.right, self.y, values["amount"], 8, align="right")
            self.y += 12
        self.hline(self.y - 6, width=0.3)

    def page_break(self, running: Decimal) -> None:
        if self.fam.carry:
            self.text(self.left + 3, self.y + 4, self.word("carried", m=self.page + 1), 8.5, bold=True)
            self.text(self.right - 3, self.y + 4, self.inv.money(running), 8.5, bold=True, align="right")
        self.finish_page()
        self.c.showPage()
        self.page += 1
        self.y = 45
        self.text(self.left, self.y, f"{self.inv.vendor.name} – {self.title} {self.inv.number}", 8)
        self.y += 26
        self.table_header()
        if self.fam.carry:
            self.text(self.left + 3, self.y, self.word("brought", m=self.page - 1), 8.5, bold=True)
            self.text(self.right - 3, self.y, self.inv.money(running), 8.5, bold=True, align="right")
            self.y += 16

    # -- totals -------------------------------------------------------------------------------------
    def adjust_rows(self) -> list[tuple[str, Decimal, bool]]:
        inv, rows = self.inv, []
        if inv.discount or inv.shipping:
            rows.append((self.word("items_total"), inv.items_net, False))
        if inv.discount:
            rows.append((self.word("discount", rate=self.fmt.rate(inv.discount_rate)), -inv.discount, False))
        if inv.shipping:
            rows.append((self.word("shipping"), inv.shipping, False))
        return rows

    def total_rows(self, *, per_rate_base: bool) -> list[tuple[str, Decimal, bool]]:
        rows = self.adjust_rows() + [(self.word("subtotal"), self.inv.subtotal, False)]
        rows += self.tax_rows(per_rate_base)
        rows.append((self.word("total"), self.inv.total, True))
        return rows + self.due_rows()

    def tax_rows(self, per_rate_base: bool) -> list[tuple[str, Decimal, bool]]:
        key = "sales_tax" if self.fam.us_tax else "tax"
        rows = []
        for rate, (base, tax) in self.inv.bases.items():
            label = self.word(key, rate=self.fmt.rate(rate))
            if per_rate_base:
                label += f" {self.word('on')} {self.inv.money(base, mark=False)}"
            rows.append((label, tax, False))
        if len(rows) > 1 and self.rng.random() < 0.5:
            rows.append((self.word("tax_total"), self.inv.tax, False))
        return rows

    def due_rows(self) -> list[tuple[str, Decimal, bool]]:
        inv = self.inv
        if inv.prepaid:
            return [
                (self.word("prepaid"), -inv.prepaid, False),
                (self.word("amount_due"), inv.amount_due, True),
            ]
        if self.rng.random() < self.fam.always_due_row:
            return [(self.word("amount_due"), inv.amount_due, True)]
        return []

    def totals(self) -> None:
        kind = self.fam.totals
        if kind != "table":
            rows = self.total_rows(per_rate_base=kind == "per_rate")
            self.ensure(14 * len(rows) + 10)
            self.draw_rows(rows)
            return
        before, after = self.adjust_rows(), self.due_rows()
        if not after and self.rng.random() < 0.5:
            after = [(self.word("amount_due"), self.inv.amount_due, True)]
        self.ensure(60 + 16 * len(self.inv.bases) + 14 * len(before + after))
        self.draw_rows(before)
        self.tax_table()
        self.draw_rows(after)

    def draw_rows(self, rows: list[tuple[str, Decimal, bool]]) -> None:
        x_label = self.left if self.narrow else max(self.left, self.right - 250)
        size = 8 if self.narrow else 9
        for label, value, bold in rows:
            if bold:
                self.hline(self.y - 9, x_label, self.right, 0.5)
            self.text(
                x_label, self.y, label, self.fit_size(label, size, self.right - x_label - 80, bold), bold=bold
            )
            self.text(self.right, self.y, self.inv.money(value), size, bold=bold, align="right")
            self.y += 14

    def tax_table(self) -> None:
        heads = [self.word("vat"), self.word("subtotal"), self.word("tax_total"), self.word("total")]
        x0 = max(self.left, self.right - 330)
        xs = [x0 + 60, x0 + 150, x0 + 240, self.right]
        self.text(x0, self.y, heads[0], 8, bold=True)
        for x, head in zip(xs[1:], heads[1:], strict=True):
            self.text(x, self.y, head, self.fit_size(head, 8, 85, True), bold=True, align="right")
        self.hline(self.y + 4, x0, self.right, 0.4)
        self.y += 16
        for rate, (base, tax) in self.inv.bases.items():
            self.text(x0, self.y, self.fmt.rate(rate), 8.5)
            for x, value in zip(xs[1:], (base, tax, base + tax), strict=True):
                self.text(x, self.y, self.inv.money(value, mark=False), 8.5, align="right")
            self.y += 13
        self.hline(self.y - 8, x0, self.right, 0.4)
        self.text(x0, self.y + 2, "Σ" if self.rng.random() < 0.3 else self.word("total"), 8.5, bold=True)
        for x, value in zip(xs[1:], (self.inv.subtotal, self.inv.tax, self.inv.total), strict=True):
            self.text(x, self.y + 2, self.inv.money(value), 8.5, bold=True, align="right")
        self.y += 22

    def ensure(self, height: float) -> None:
        if self.y + height > self.limit:
            self.finish_page()
            self.c.showPage()
            self.page += 1
            self.y = 60

    # -- notes, footer, page numbers ----------------------------------------------------------------
    def notes(self) -> None:
        inv = self.inv
        self.y += 14
        lines = []
        if inv.doc_type == "invoice":
            due = self.fmt.date(inv.due) if inv.due else ""
            lines.append(
                self.word("terms_date", date=due) if inv.due else self.word("terms_days", days=inv.terms_days)
            )
        if self.fam.bank_in_body or self.fam.footer == "none":
            lines += self.bank_lines()
        lines.append(self.word("thanks"))
        self.ensure(12 * len(lines) + 10)
        for line in lines:
            if isinstance(line, list):
                for packed in self.pack(line, ", ", 8.5, self.right - self.left):
                    self.text(self.left, self.y, packed, 8.5)
                    self.y += 11.5
            else:
                self.wrapped(self.left, line, 8.5)

    def bank_lines(self) -> list[str]:
        v = self.inv.vendor
        if v.iban_printed:
            parts = [v.bank_name, lv(self.word("iban"), v.iban_printed), lv(self.word("bic"), v.bic)]
            if self.rng.random() < 0.5:
                return [[lv(self.word("bank"), parts[0]), *parts[1:]]]
            return [self.word("bank"), *parts]
        account = f"{self.rng.randint(10**9, 10**10 - 1)}"
        routing = f"{self.rng.randint(10**8, 10**9 - 1)}"
        return [
            lv(self.word("bank"), v.bank_name),
            lv(self.word("account"), account),
            lv(self.word("routing"), routing),
        ]

    def footer_columns(self) -> list[list[str]]:
        v = self.inv.vendor
        city = v.lines[-1].split(" ")[-1]
        register = f"{self.word('register', city=city)} {v.register}"
        first = [v.name, *v.lines]
        second = [lv(self.word("phone"), v.phone), lv(self.word("fax"), v.fax), v.email, v.web]
        second += [register, lv(self.word("director"), v.director)]
        third = [v.bank_name]
        if v.iban_printed:
            third += [lv(self.word("iban"), v.iban_printed), lv(self.word("bic"), v.bic)]
        if v.vat_printed:
            third.append(lv(self.word("vendor_vat"), v.vat_printed))
        return [first, second, third]

    def draw_footer(self) -> None:
        columns = self.footer_columns()
        if self.footer == "three_col":
            top = self.height - FOOTER_HEIGHT["three_col"]
            self.hline(top - 10, width=0.4)
            step = (self.right - self.left) / 3
            for i, column in enumerate(columns):
                for j, line in enumerate(column):
                    self.text(self.left + i * step, top + j * 8.5, line, self.fit_size(line, 6.8, step - 6))
        elif self.footer == "line":
            saved = self.y
            lines = []
            for parts in (columns[0] + columns[1][:3], columns[1][4:] + columns[2]):
                lines += self.pack(parts, " · ", 6.5, self.right - self.left)
            self.y = self.height - 22 - 9.5 * len(lines)
            self.hline(self.y - 9, width=0.3)
            for line in lines:
                self.text((self.left + self.right) / 2, self.y, line, 6.5, align="center")
                self.y += 9.5
            self.y = saved

    def finish_page(self) -> None:
        self.draw_footer()
        where = self.fam.page_number
        if where == "none" and self.total_pages > 1:
            where = "bottom"
        label = self.word("page", n=self.page, m=self.total_pages)
        if where == "top":
            self.text(self.right, 28, label, 8, align="right")
        elif where == "bottom":
            self.text((self.left + self.right) / 2, self.height - 14, label, 7.5, align="center")

    def run(self) -> tuple[bytes, int]:
        self.c.setTitle(f"{self.title} {self.inv.number}")
        self.letterhead()
        top, bottom = self.recipient()
        self.y = self.heading(self.header(top, bottom))
        self.items()
        self.y += 10
        self.totals()
        self.notes()
        self.finish_page()
        self.c.showPage()
        self.c.save()
        return self.buffer.getvalue(), self.page


def render_pdf(inv: Invoice, fam: Family, seed: int) -> bytes:
    """The PDF bytes; drawn twice when the page count is printed ("page 1 of N")."""
    data, pages = Renderer(inv, fam, seed).run()
    if pages > 1 or fam.page_number != "none":
        data, _ = Renderer(inv, fam, seed, total_pages=pages).run()
    return data
