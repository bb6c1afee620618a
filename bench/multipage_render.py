"""The pages of round 9c's long invoices (`make_multipage_invoices.py`): HTML for WeasyPrint, Chromium and
LibreOffice (one long table whose header the engine repeats, or pages laid out by the template with
carried-forward rows), and reportlab platypus stories (`LongTable(repeatRows=1)`, or a table per page)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from html import escape

from multipage_specs import TERMS, WORDS, Item, Spec

_MONTHS_EN = "January February March April May June July August September October November December".split()


def words(spec: Spec) -> dict:
    """The words the document prints: its language's, with the case's own (a credit note's title)."""
    return {**WORDS[spec.lang], **spec.extra.get("words", {})}


def day(iso: str, lang: str) -> str:
    d = date.fromisoformat(iso)
    if lang == "de":
        return f"{d:%d.%m.%Y}"
    if lang == "en":
        return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"
    if lang == "nl":
        return f"{d:%d-%m-%Y}"
    return f"{d:%d/%m/%Y}"


def money(value: Decimal, lang: str) -> str:
    text = f"{value:,.2f}"
    if lang == "en":
        return text
    if lang == "fr":
        return text.replace(",", " ").replace(".", ",")
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def rate(value: Decimal, lang: str) -> str:
    text = f"{value.normalize():f}"
    return text if lang == "en" else text.replace(".", ",")


def symbol(spec: Spec) -> str:
    return {"EUR": "€", "GBP": "£", "USD": "$"}[spec.currency]


def footer_lines(spec: Spec) -> list[str]:
    w, v = words(spec), spec.vendor
    first = f"{v.name} · {' · '.join(v.lines[:2])}"
    second = f"{w['vat_label']} {v.vat} · {w['iban_label']} {v.iban}" + (
        f" · {v.registry}" if v.registry else ""
    )
    return [first, second]


def running_header(spec: Spec) -> str:
    w = words(spec)
    return f"{spec.vendor.name} · {w['title'].capitalize()} {spec.number}"


# --- the rows of the items table, as the template lays them out -------------------------------------


def table_rows(spec: Spec) -> list[tuple]:
    """("item", position, item) / ("group", note) / ("group_sum", note, sum) in print order."""
    if not spec.groups:
        return [("item", i + 1, item) for i, item in enumerate(spec.items)]
    rows, start = [], 0
    for note, size in spec.groups:
        chunk = spec.items[start : start + size]
        rows.append(("group", note))
        rows += [("item", start + i + 1, item) for i, item in enumerate(chunk)]
        rows.append(("group_sum", note, sum((it.amount for it in chunk), Decimal(0))))
        start += size
    return rows


def paginate(spec: Spec, first: int, later: int, room_for_totals: int) -> list[list[tuple]]:
    """The rows cut into pages: `first` rows under page 1's letterhead, `later` rows on the others, and
    room for the totals block on the last page."""
    rows, pages = table_rows(spec), []
    capacity = first
    while rows:
        pages.append(rows[:capacity])
        rows = rows[capacity:]
        capacity = later
    if len(pages[-1]) > (first if len(pages) == 1 else later) - room_for_totals:
        last = pages.pop()
        keep = max(1, len(last) - 4)
        pages += [last[:keep], last[keep:]]
    return pages


def _sum(rows: list[tuple]) -> Decimal:
    return sum((row[2].amount for row in rows if row[0] == "item"), Decimal(0))


def carried_pages(
    spec: Spec, first: int, later: int
) -> list[tuple[list[tuple], Decimal | None, Decimal | None]]:
    """The pages' rows with the sums carried in at their top and out at their bottom (None: no such row)."""
    pages = paginate(spec, first, later, 9)
    out, so_far = [], Decimal(0)
    for number, rows in enumerate(pages, start=1):
        top = so_far if spec.carried and number > 1 else None
        so_far += _sum(rows)
        out.append((rows, top, so_far if spec.carried and number < len(pages) else None))
    return out


def meta_rows(spec: Spec) -> list[tuple[str, str]]:
    w = words(spec)
    meta = [(w["number"], spec.number), (w["date"], day(spec.date, spec.lang))]
    if spec.due:
        meta.append((w["due"], day(spec.due, spec.lang)))
    return meta + [(w["customer_no"], spec.extra.get("customer_no", "K-20417"))]


def totals_rows(spec: Spec, figs: dict) -> list[tuple[str, Decimal, bool]]:
    """(label, amount, whether it is a grand line) of the totals block."""
    w, lang, cur = words(spec), spec.lang, spec.currency
    rows = [(w["net"], figs["net"], False)]
    for r, tax in sorted(figs["taxes"].items()):
        rows.append((w["tax"].format(rate=rate(r, lang), base=money(figs["bases"][r], lang)), tax, False))
    rows.append((f"{w['total']} {cur}", figs["total"], True))
    if spec.paid:
        rows.append((w["paid"], -spec.paid, False))
    if spec.prints_due and (spec.paid or spec.extra.get("due_line")):
        rows.append((f"{w['due_label']} {cur}", figs["due"], True))
    return rows


def summary_rows(spec: Spec, figs: dict) -> list[list[str]]:
    lang = spec.lang
    return [
        [
            f"{rate(r, lang)} %",
            money(figs["bases"][r], lang),
            money(t, lang),
            money(figs["bases"][r] + t, lang),
        ]
        for r, t in sorted(figs["taxes"].items())
    ]


def payment_line(spec: Spec) -> str:
    return words(spec)["pay"].format(due=day(spec.due, spec.lang) if spec.due else "")


# --- HTML ----------------------------------------------------------------------------------------------

_CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8.6pt; color: #111; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 2mm 0; letter-spacing: 0.5pt; }
.vendor { font-size: 13pt; font-weight: bold; }
.small { font-size: 7.4pt; color: #333; }
table.items { width: 100%; border-collapse: collapse; margin-top: 3mm; }
table.items th { background: #e4e4e4; text-align: left; padding: 1.2mm 1.4mm; font-size: 8pt; }
table.items td { padding: 0.9mm 1.4mm; border-bottom: 0.2mm solid #ccc; vertical-align: top; }
table.items td.n, table.items th.n { text-align: right; white-space: nowrap; }
tr.group td { font-weight: bold; background: #f4f4f4; }
tr.gsum td, tr.carry td { font-style: italic; }
table.totals { margin-left: auto; margin-top: 4mm; border-collapse: collapse; }
table.totals td { padding: 0.8mm 2mm; }
table.totals td.n { text-align: right; }
table.totals tr.grand td { font-weight: bold; border-top: 0.3mm solid #000; }
table.meta td { padding: 0.3mm 3mm 0.3mm 0; }
.parties { display: flex; justify-content: space-between; margin: 6mm 0 4mm 0; }
.terms p { margin: 0 0 3mm 0; text-align: justify; }
"""


def _letterhead(spec: Spec) -> str:
    w, v, c = words(spec), spec.vendor, spec.customer
    meta_html = "".join(f"<tr><td>{escape(k)}</td><td>{escape(val)}</td></tr>" for k, val in meta_rows(spec))
    return (
        f"<div class='vendor'>{escape(v.name)}</div><div class='small'>{escape(' · '.join(v.lines))}</div>"
        f"<table style='width:100%;margin-top:8mm'><tr><td style='vertical-align:top'>"
        f"<div class='small'>{escape(v.name)} · {escape(v.lines[0])} · {escape(v.lines[1])}</div>"
        f"<div>{escape(c.name)}<br>{'<br>'.join(escape(line) for line in c.lines)}</div></td>"
        f"<td style='vertical-align:top;width:70mm'><h1>{escape(w['title'])}</h1>"
        f"<table class='meta'>{meta_html}</table></td></tr></table>"
    )


def _head_cells(spec: Spec) -> str:
    w = words(spec)
    cells = [
        ("pos", ""),
        ("code", ""),
        ("desc", ""),
        ("qty", "n"),
        ("unit", ""),
        ("price", "n"),
        ("vat", "n"),
    ]
    cells.append(("amount", "n"))
    return "".join(f"<th class='{cls}'>{escape(w[key])}</th>" for key, cls in cells)


def _row_html(spec: Spec, row: tuple) -> str:
    w, lang = words(spec), spec.lang
    if row[0] == "group":
        return f"<tr class='group'><td colspan='8'>{escape(w['group'].format(n=row[1]))}</td></tr>"
    if row[0] == "group_sum":
        label = escape(w["group_sum"].format(n=row[1]))
        return f"<tr class='gsum'><td colspan='7'>{label}</td><td class='n'>{money(row[2], lang)}</td></tr>"
    _, position, item = row
    return (
        f"<tr><td>{position}</td><td>{item.code}</td><td>{escape(item.description)}</td>"
        f"<td class='n'>{item.quantity}</td><td>{item.unit}</td><td class='n'>{money(item.price, lang)}</td>"
        f"<td class='n'>{rate(item.rate, lang)} %</td><td class='n'>{money(item.amount, lang)}</td></tr>"
    )


def _carry_html(label: str, amount: Decimal, lang: str) -> str:
    return (
        f"<tr class='carry'><td colspan='7'>{escape(label)}</td><td class='n'>{money(amount, lang)}</td></tr>"
    )


def _totals_html(spec: Spec, figs: dict) -> str:
    body = "".join(
        f"<tr class='{'grand' if grand else ''}'><td>{escape(label)}</td>"
        f"<td class='n'>{money(value, spec.lang)}</td></tr>"
        for label, value, grand in totals_rows(spec, figs)
    )
    return f"<table class='totals'>{body}</table><p style='margin-top:5mm'>{escape(payment_line(spec))}</p>"


def _summary_html(spec: Spec, figs: dict) -> str:
    w = words(spec)
    head = "".join(f"<th class='n'>{escape(c)}</th>" for c in w["summary_cols"])
    body = "".join(
        "<tr>" + "".join(f"<td class='n'>{cell}</td>" for cell in row) + "</tr>"
        for row in summary_rows(spec, figs)
    )
    return f"<h2>{escape(w['summary'])}</h2><table class='items'><tr>{head}</tr>{body}</table>"


def _terms_html(spec: Spec, page: int) -> str:
    clauses = TERMS[spec.lang]
    paragraphs = "".join(f"<p>{page * 10 + i + 1}. {escape(text)}</p>" for i, text in enumerate(clauses * 3))
    return f"<div class='terms'><h2>{escape(words(spec)['terms_title'])}</h2>{paragraphs}</div>"


def html_auto(spec: Spec, figs: dict, *, margin_boxes: bool) -> str:
    """One long table with a `thead` the engine repeats on every page; WeasyPrint's margin boxes carry the
    running header, the page x of y and the footer (`margin_boxes`), Chromium's templates otherwise."""
    w = words(spec)
    body = "".join(_row_html(spec, row) for row in table_rows(spec))
    css = _CSS
    if margin_boxes:
        first, second = (line.replace('"', "'") for line in footer_lines(spec))
        page = w["page"].replace("{p}", '" counter(page) "').replace("{n}", '" counter(pages) "')
        css += (
            f"@page {{ size: A4; margin: 26mm 16mm 24mm 16mm;"
            f' @top-left {{ content: "{running_header(spec)}"; font-size: 8pt; }}'
            f' @top-right {{ content: "{page}"; font-size: 8pt; }}'
            f' @bottom-center {{ content: "{first}\\A {second}"; white-space: pre; font-size: 7pt; }} }}'
            " @page :first { @top-left { content: none; } }"
        )
    extra = ""
    if spec.vat_summary_page:
        extra += f"<div style='page-break-before: always'>{_summary_html(spec, figs)}</div>"
    for page in range(spec.terms_pages):
        extra += f"<div style='page-break-before: always'>{_terms_html(spec, page)}</div>"
    return (
        f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>{_letterhead(spec)}"
        f"<table class='items'><thead><tr>{_head_cells(spec)}</tr></thead><tbody>{body}</tbody></table>"
        f"{_totals_html(spec, figs)}{extra}</body></html>"
    )


def html_pages(spec: Spec, figs: dict, *, fixed_pages: bool) -> str:
    """Pages laid out by the template: the header repeated by it, carried-forward rows at the bottom and
    top of each page (`spec.carried`), the footer on every page (at its bottom with `fixed_pages`, else
    after its table, as a word processor's import flows it)."""
    w, lang = words(spec), spec.lang
    pages = carried_pages(spec, spec.rows_per_page - 12, spec.rows_per_page)
    count = len(pages) + spec.vat_summary_page + spec.terms_pages
    footer = "<br>".join(escape(line) for line in footer_lines(spec))
    page_style = "height:266mm;position:relative;" if fixed_pages else ""
    foot = "position:absolute;bottom:0;left:0;right:0;" if fixed_pages else "margin-top:6mm;"
    foot = f"<div class='small' style='{foot}'>{footer}</div>"
    out, head = [], f"<tr>{_head_cells(spec)}</tr>"
    for number, (rows, carried_in, carried_out) in enumerate(pages, start=1):
        page_no = escape(w["page"].format(p=number, n=count))
        if number == 1:
            top = f"{_letterhead(spec)}<div class='small' style='text-align:right'>{page_no}</div>"
        else:
            top = (
                f"<table style='width:100%' class='small'><tr><td>{escape(running_header(spec))}</td>"
                f"<td style='text-align:right'>{page_no}</td></tr></table>"
            )
        body = (
            "" if carried_in is None else _carry_html(w["carry_top"].format(p=number - 1), carried_in, lang)
        )
        body += "".join(_row_html(spec, row) for row in rows)
        body += "" if carried_out is None else _carry_html(w["carry_bottom"], carried_out, lang)
        totals = _totals_html(spec, figs) if number == len(pages) else ""
        table = (head if number == 1 or spec.repeat_header else "") + body
        out.append(
            f"<div style='{page_style}page-break-after:always'>{top}"
            f"<table class='items'>{table}</table>{totals}{foot}</div>"
        )
    if spec.vat_summary_page:
        out.append(
            f"<div style='{page_style}page-break-after:always'>{_summary_html(spec, figs)}{foot}</div>"
        )
    for page in range(spec.terms_pages):
        out.append(f"<div style='page-break-after:always'>{_terms_html(spec, page)}</div>")
    css = _CSS + "@page { size: A4; margin: 14mm 16mm 12mm 16mm; }"
    return f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>{''.join(out)}</body></html>"


def chromium_templates(spec: Spec) -> tuple[str, str]:
    w = words(spec)
    page = (
        escape(w["page"])
        .replace("{p}", "<span class='pageNumber'></span>")
        .replace("{n}", "<span class='totalPages'></span>")
    )
    style = (
        "font-size:8px;width:100%;margin:0 16mm;display:flex;justify-content:space-between;font-family:Arial"
    )
    header = f"<div style='{style}'><span>{escape(running_header(spec))}</span><span>{page}</span></div>"
    foot = "<br>".join(escape(line) for line in footer_lines(spec))
    style = "font-size:7px;width:100%;margin:0 16mm;text-align:center;font-family:Arial"
    footer = f"<div style='{style}'>{foot}</div>"
    return header, footer


# --- reportlab -----------------------------------------------------------------------------------------


def _numbered_canvas(spec: Spec):
    """reportlab's two-pass canvas: pages kept until the end, then each drawn with its running header (on
    pages after the first), `page x of y` and the footer of company data."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    w, footer = words(spec), footer_lines(spec)

    class Numbered(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(len(self._pages))
                super().showPage()
            super().save()

        def _decorate(self, count: int) -> None:
            number = self._pageNumber
            self.setFont("Helvetica", 7.5)
            if number > 1:
                self.drawString(16 * mm, A4[1] - 12 * mm, running_header(spec))
            self.drawRightString(A4[0] - 16 * mm, A4[1] - 12 * mm, w["page"].format(p=number, n=count))
            self.setFont("Helvetica", 6.5)
            for i, line in enumerate(footer):
                self.drawCentredString(A4[0] / 2, 12 * mm - i * 8, line)

    return Numbered


class _Flow:
    """reportlab platypus pieces of one document: its paragraph styles and table formats."""

    def __init__(self, spec: Spec) -> None:
        from reportlab.lib import colors
        from reportlab.lib.styles import getSampleStyleSheet
        from reportlab.lib.units import mm
        from reportlab.platypus import TableStyle

        self.spec, self.w, self.lang = spec, words(spec), spec.lang
        self.styles = getSampleStyleSheet()
        self.normal = self.styles["Normal"].clone("n", fontName="Helvetica", fontSize=8.4, leading=10.5)
        self.small = self.normal.clone("s", fontSize=7)
        self.widths = [10 * mm, 22 * mm, 62 * mm, 12 * mm, 12 * mm, 22 * mm, 14 * mm, 24 * mm]
        self.head = [self.w[k] for k in ("pos", "code", "desc", "qty", "unit", "price", "vat", "amount")]
        self.table_style = TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Helvetica", 8.2),
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8.2),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                ("ALIGN", (5, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
        self.body_style = TableStyle(  # a page continuing the table without its header
            [
                ("FONT", (0, 0), (-1, -1), "Helvetica", 8.2),
                ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                ("ALIGN", (5, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )

    def p(self, text: str, style=None):
        from reportlab.platypus import Paragraph

        return Paragraph(escape(text), style or self.normal)

    def cells(self, row: tuple) -> list:
        w, lang = self.w, self.lang
        if row[0] == "group":
            return [self.p(w["group"].format(n=row[1])), "", "", "", "", "", "", ""]
        if row[0] == "group_sum":
            return [self.p(w["group_sum"].format(n=row[1])), "", "", "", "", "", "", money(row[2], lang)]
        _, position, item = row
        return [
            str(position),
            item.code,
            self.p(item.description),
            str(item.quantity),
            item.unit,
            money(item.price, lang),
            f"{rate(item.rate, lang)} %",
            money(item.amount, lang),
        ]

    def carry(self, label: str, amount: Decimal) -> list:
        return [self.p(label), "", "", "", "", "", "", money(amount, self.lang)]

    def letterhead(self) -> list:
        from reportlab.lib.units import mm
        from reportlab.platypus import Paragraph, Spacer, Table

        spec, w, p = self.spec, self.w, self.p
        v, c = spec.vendor, spec.customer
        title = self.styles["Title"].clone("t", fontName="Helvetica-Bold", fontSize=16, alignment=0)
        meta = Table([list(r) for r in meta_rows(spec)], style=[("FONT", (0, 0), (-1, -1), "Helvetica", 8.4)])
        sender = p(f"{v.name} · {v.lines[0]} · {v.lines[1]}", self.small)
        return [
            p(v.name, self.normal.clone("v", fontName="Helvetica-Bold", fontSize=13, leading=16)),
            p(" · ".join(v.lines), self.small),
            Spacer(1, 8 * mm),
            Table(
                [
                    [
                        [sender, p(c.name), *[p(x) for x in c.lines]],
                        [Paragraph(escape(w["title"]), title), meta],
                    ]
                ],
                colWidths=[100 * mm, 78 * mm],
                style=[("VALIGN", (0, 0), (-1, -1), "TOP")],
            ),
            Spacer(1, 5 * mm),
        ]

    def items(self, *, long_table: bool) -> list:
        from reportlab.platypus import LongTable, PageBreak, Table

        spec, w = self.spec, self.w
        if long_table:
            data = [self.head] + [self.cells(r) for r in table_rows(spec)]
            return [LongTable(data, colWidths=self.widths, repeatRows=1, style=self.table_style)]
        out = []
        pages = carried_pages(spec, spec.rows_per_page - 12, spec.rows_per_page)
        for number, (rows, carried_in, carried_out) in enumerate(pages, start=1):
            head = number == 1 or spec.repeat_header
            data = [self.head] if head else []
            if carried_in is not None:
                data.append(self.carry(w["carry_top"].format(p=number - 1), carried_in))
            data += [self.cells(r) for r in rows]
            if carried_out is not None:
                data += [self.carry(w["carry_bottom"], carried_out)]
            style = self.table_style if head else self.body_style
            out.append(Table(data, colWidths=self.widths, style=style))
            if number < len(pages):
                out.append(PageBreak())
        return out

    def totals(self, figs: dict) -> list:
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer, Table

        rows = [[label, money(value, self.lang)] for label, value, _ in totals_rows(self.spec, figs)]
        style = [("FONT", (0, 0), (-1, -1), "Helvetica", 8.6), ("ALIGN", (1, 0), (1, -1), "RIGHT")]
        style.append(("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 8.6))
        return [
            Spacer(1, 4 * mm),
            Table(rows, colWidths=[70 * mm, 28 * mm], hAlign="RIGHT", style=style),
            Spacer(1, 5 * mm),
            self.p(payment_line(self.spec)),
        ]

    def after(self, figs: dict) -> list:
        from reportlab.lib.units import mm
        from reportlab.platypus import PageBreak, Table

        spec, w, out = self.spec, self.w, []
        if spec.vat_summary_page:
            rows = [list(w["summary_cols"]), *summary_rows(spec, figs)]
            style = [("FONT", (0, 0), (-1, -1), "Helvetica", 8.6), ("ALIGN", (0, 0), (-1, -1), "RIGHT")]
            out += [PageBreak(), self.p(w["summary"], self.styles["Heading2"])]
            out.append(Table(rows, colWidths=[30 * mm] * 4, style=style))
        for page in range(spec.terms_pages):
            out += [PageBreak(), self.p(w["terms_title"], self.styles["Heading2"])]
            out += [self.p(f"{page * 10 + i + 1}. {t}") for i, t in enumerate(TERMS[self.lang] * 3)]
        return out


def reportlab_story(spec: Spec, figs: dict, *, long_table: bool):
    """A function drawing the document to a path: platypus with `LongTable(repeatRows=1)` (`long_table`)
    or one table per page with carried-forward rows, a running header and footer on every page and the
    page x of y counted by a two-pass canvas."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    flow = _Flow(spec)
    story = flow.letterhead() + flow.items(long_table=long_table) + flow.totals(figs) + flow.after(figs)

    def draw(target) -> None:
        doc = SimpleDocTemplate(
            str(target),
            pagesize=A4,
            leftMargin=16 * mm,
            rightMargin=16 * mm,
            topMargin=18 * mm,
            bottomMargin=24 * mm,
            invariant=1,
            title=f"{words(spec)['title']} {spec.number}",
        )
        doc.build(story, canvasmaker=_numbered_canvas(spec))

    return draw


def render(spec: Spec, figs: dict):
    """(producer kind, what it prints): HTML for `weasy` / `libreoffice`, {html, header, footer} for
    `chromium`, a drawing function for `reportlab`."""
    kind, mode = spec.producer.split("-")
    if kind == "reportlab":
        return kind, reportlab_story(spec, figs, long_table=mode == "long")
    if kind == "chromium":
        if mode == "auto":
            header, footer = chromium_templates(spec)
            return kind, {
                "html": html_auto(spec, figs, margin_boxes=False),
                "header": header,
                "footer": footer,
            }
        return kind, {"html": html_pages(spec, figs, fixed_pages=True), "header": "", "footer": ""}
    if kind == "weasy":
        html = (
            html_auto(spec, figs, margin_boxes=True)
            if mode == "auto"
            else html_pages(spec, figs, fixed_pages=True)
        )
        return kind, html
    return "reportlab", lambda target: calc_workbook(spec, figs, target)  # draws it itself, as reportlab


__all__ = ["Item", "render"]


# --- LibreOffice Calc ----------------------------------------------------------------------------------


class _Sheet:
    """A Calc sheet written row by row: its cells' formats and the next free row."""

    def __init__(self, spec: Spec) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Side

        self.spec, self.w, self.lang = spec, words(spec), spec.lang
        self.book = Workbook()
        self.ws = self.book.active
        self.ws.title = self.w["title"].capitalize()
        for col, width in zip("ABCDEFGH", (5, 11, 38, 6, 6, 12, 7, 13), strict=True):
            self.ws.column_dimensions[col].width = width
        locale = {"de": "407", "en": "809", "fr": "40C", "nl": "413", "es": "C0A", "it": "410"}[spec.lang]
        self.money = f"[$-{locale}]#,##0.00"  # the language's separators, as its Calc prints them
        self.right = Alignment(horizontal="right")
        self.thin = Border(bottom=Side(style="thin", color="BBBBBB"))
        self.r = 1

    def letterhead(self) -> None:
        from openpyxl.styles import Font

        ws, w, v, c = self.ws, self.w, self.spec.vendor, self.spec.customer
        ws.cell(1, 1, v.name).font = Font(bold=True, size=13)
        ws.cell(2, 1, " · ".join(v.lines)).font = Font(size=8)
        ws.cell(4, 1, f"{v.name} · {v.lines[0]} · {v.lines[1]}").font = Font(size=7)
        ws.cell(5, 1, c.name)
        for i, line in enumerate(c.lines):
            ws.cell(6 + i, 1, line)
        ws.cell(4, 6, w["title"]).font = Font(bold=True, size=15)
        for i, (label, value) in enumerate(meta_rows(self.spec)[:-1]):  # no customer number here
            ws.cell(5 + i, 6, label)
            ws.cell(5 + i, 8, value).alignment = self.right
        self.r = 10

    def head(self) -> None:
        from openpyxl.styles import Font, PatternFill

        for col, key in enumerate(("pos", "code", "desc", "qty", "unit", "price", "vat", "amount"), start=1):
            cell = self.ws.cell(self.r, col, self.w[key])
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="E4E4E4")
            if col in (4, 6, 7, 8):
                cell.alignment = self.right
        self.ws.print_title_rows = f"{self.r}:{self.r}"  # Calc repeats it on every page
        self.r += 1

    def amount_row(self, label: str, value: Decimal, *, italic: bool = True) -> None:
        from openpyxl.styles import Font

        self.ws.cell(self.r, 3, label).font = Font(italic=italic)
        self.ws.cell(self.r, 8, float(value)).number_format = self.money
        self.r += 1

    def item_row(self, row: tuple) -> None:
        from openpyxl.styles import Font

        w = self.w
        if row[0] == "group":
            self.ws.cell(self.r, 1, w["group"].format(n=row[1])).font = Font(bold=True)
            self.r += 1
            return
        if row[0] == "group_sum":
            self.amount_row(w["group_sum"].format(n=row[1]), row[2])
            return
        _, position, item = row
        values = [position, item.code, item.description, item.quantity, item.unit, float(item.price)]
        values += [f"{rate(item.rate, self.lang)} %", float(item.amount)]
        for col, value in enumerate(values, start=1):
            cell = self.ws.cell(self.r, col, value)
            cell.border = self.thin
            if col in (6, 8):
                cell.number_format = self.money
            if col in (4, 6, 7, 8):
                cell.alignment = self.right
        self.r += 1

    def items(self) -> None:
        from openpyxl.worksheet.pagebreak import Break

        spec, w = self.spec, self.w
        pages = carried_pages(spec, spec.rows_per_page - 10, spec.rows_per_page)
        for number, (rows, carried_in, carried_out) in enumerate(pages, start=1):
            if carried_in is not None:
                self.amount_row(w["carry_top"].format(p=number - 1), carried_in)
            for row in rows:
                self.item_row(row)
            if carried_out is not None:
                self.amount_row(w["carry_bottom"], carried_out)
            if number < len(pages):
                self.ws.row_breaks.append(Break(id=self.r - 1))

    def totals(self, figs: dict) -> None:
        self.r += 1
        for label, value, _ in totals_rows(self.spec, figs):
            self.amount_row(label, value, italic=False)
        self.r += 1
        self.ws.cell(self.r, 1, payment_line(self.spec))

    def page_setup(self) -> None:
        ws, spec = self.ws, self.spec
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.oddHeader.left.text = running_header(spec)
        ws.oddHeader.left.size = 8
        ws.oddHeader.right.text = self.w["page"].replace("{p}", "&P").replace("{n}", "&N")
        ws.oddHeader.right.size = 8
        ws.oddFooter.left.text = spec.vendor.name
        ws.oddFooter.left.size = 7
        ws.oddFooter.center.text = footer_lines(spec)[1]
        ws.oddFooter.center.size = 7


def calc_workbook(spec: Spec, figs: dict, target) -> None:
    """A Calc invoice: the items header as print titles (Calc repeats it on every page), manual page breaks
    with carried-forward rows, the running header and page x of y in the page header, the company data in
    the page footer; printed by headless LibreOffice."""
    import subprocess
    import tempfile
    from pathlib import Path

    sheet = _Sheet(spec)
    sheet.letterhead()
    sheet.head()
    sheet.items()
    sheet.totals(figs)
    sheet.page_setup()
    with tempfile.TemporaryDirectory(prefix="mp-calc-") as work:
        source = Path(work) / f"{Path(target).stem}.xlsx"
        sheet.book.save(source)
        command = ["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to"]
        command += ["pdf", "--outdir", work, str(source)]
        subprocess.run(command, check=True, capture_output=True, timeout=300)
        Path(work, f"{Path(target).stem}.pdf").replace(target)
