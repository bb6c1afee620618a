"""Flat ODF (`.fodt` Writer, `.fods` Calc) written the way a bookkeeper's template is built, for the held-out
office invoices: a Writer letter with the address window and the info block as page-anchored frames, the
company data in a header and a three-column footer table, the items in a table whose header row repeats on
every page and the totals on right tab stops; a Calc sheet with a merged title, a cell grid, formulas for
line totals and taxes (their values cached, as LibreOffice saves them) and the locale's number and date
formats. Only the authoring tool of the committed sources (`write_sources.py`); the tests read the PDFs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
)
PAPER = {"A4": ("21cm", "29.7cm"), "Letter": ("8.5in", "11in")}
FONTS = (
    '<office:font-face-decls><style:font-face style:name="Liberation Sans" '
    'svg:font-family="\'Liberation Sans\'" style:font-family-generic="swiss"/>'
    '<style:font-face style:name="DejaVu Sans" svg:font-family="\'DejaVu Sans\'" '
    'style:font-family-generic="swiss"/><style:font-face style:name="Liberation Serif" '
    'svg:font-family="\'Liberation Serif\'" style:font-family-generic="roman"/></office:font-face-decls>'
)


def x(text: str) -> str:
    """Text for a paragraph: escaped, tabs as `<text:tab/>`, runs of spaces kept."""
    out = escape(text).replace("\t", "<text:tab/>")
    return re.sub(r"  +", lambda m: " " + f'<text:s text:c="{len(m.group()) - 1}"/>', out)


# ---------------------------------------------------------------------------------------------- Writer
@dataclass
class Para:
    text: str
    style: str = "Body"  # Body, Small, Title, Bold, Right, Totals, TotalsBold, Centre


@dataclass
class Frame:
    """A text box anchored to the first page (the address window, the info block)."""

    x: str
    y: str
    width: str
    height: str
    paras: list[Para]


@dataclass
class Table:
    widths: list[str]  # column widths, e.g. "1cm"
    header: list[str]
    rows: list[list[str]]
    align: str  # per column: l, r, c
    repeat_header: bool = True
    grid: bool = True  # borders on every cell, or lines under the header only


@dataclass
class WriterDoc:
    language: str  # de
    country: str  # DE
    body: list[Para | Table | Frame]
    header: list[Para] = field(default_factory=list)
    footer_columns: list[list[str]] = field(default_factory=list)  # a table of columns in the footer
    footer: list[Para] = field(default_factory=list)  # plain footer paragraphs (after the columns)
    paper: str = "A4"
    font: str = "Liberation Sans"
    size: str = "10pt"
    totals_tab: str = "16.5cm"  # the right tab stop of the totals' amounts
    totals_label_tab: str = "10cm"  # the left tab stop where the totals' labels start
    top_margin: str = "1.2cm"


def writer_document(doc: WriterDoc) -> str:
    width, height = PAPER[doc.paper]
    frames = [b for b in doc.body if isinstance(b, Frame)]
    flow = [b for b in doc.body if not isinstance(b, Frame)]
    styles = _writer_styles(doc)
    auto, body = [], []
    for n, frame in enumerate(frames, 1):
        body.append(
            f'<draw:frame draw:style-name="fr1" draw:name="Frame{n}" text:anchor-type="page" '
            f'text:anchor-page-number="1" svg:x="{frame.x}" svg:y="{frame.y}" svg:width="{frame.width}" '
            f'svg:height="{frame.height}" draw:z-index="{n}"><draw:text-box>'
            + "".join(_para(p) for p in frame.paras)
            + "</draw:text-box></draw:frame>"
        )
    for n, block in enumerate(flow, 1):
        if isinstance(block, Table):
            auto.append(_table_styles(block, n))
            body.append(_table(block, n))
        else:
            body.append(_para(block))
    header = "".join(_para(p) for p in doc.header)
    footer = ""
    if doc.footer_columns:
        cols = len(doc.footer_columns)
        footer_table = Table(
            widths=[f"{17.0 / cols:.2f}cm"] * cols,
            header=[],
            rows=[["\n".join(c) for c in doc.footer_columns]],
            align="l" * cols,
            repeat_header=False,
            grid=False,
        )
        auto.append(_table_styles(footer_table, 99, small=True))
        footer = _table(footer_table, 99, style="Small")
    footer += "".join(_para(p) for p in doc.footer)
    master = (
        '<style:master-page style:name="Standard" style:page-layout-name="pm1">'
        + (f"<style:header>{header}</style:header>" if header else "")
        + (f"<style:footer>{footer}</style:footer>" if footer else "")
        + "</style:master-page>"
    )
    layout = (
        '<style:page-layout style:name="pm1"><style:page-layout-properties '
        f'fo:page-width="{width}" fo:page-height="{height}" style:print-orientation="portrait" '
        f'fo:margin-top="{doc.top_margin}" fo:margin-bottom="1cm" '
        'fo:margin-left="2cm" fo:margin-right="2cm"/>'
        '<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.3cm"/>'
        "</style:header-style>"
        '<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/>'
        "</style:footer-style></style:page-layout>"
    )
    frame_style = (
        '<style:style style:name="fr1" style:family="graphic" style:parent-style-name="Frame">'
        '<style:graphic-properties draw:stroke="none" '
        'style:wrap="none" style:vertical-pos="from-top" style:vertical-rel="page" '
        'style:horizontal-pos="from-left" style:horizontal-rel="page" fo:border="none" fo:padding="0cm" '
        'draw:fill="none" fo:background-color="transparent" style:background-transparency="100%"/>'
        "</style:style>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {NAMESPACES}office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text">\n'
        "<office:meta><meta:generator>LibreOffice/7.4</meta:generator></office:meta>\n"
        f"{FONTS}\n<office:styles>{styles}</office:styles>\n"
        f"<office:automatic-styles>{layout}{frame_style}{''.join(auto)}</office:automatic-styles>\n"
        f"<office:master-styles>{master}</office:master-styles>\n"
        "<office:body><office:text>\n"
        + "\n".join(body)
        + "\n</office:text></office:body></office:document>\n"
    )


def _writer_styles(doc: WriterDoc) -> str:
    lang = f'fo:language="{doc.language}" fo:country="{doc.country}"'
    base = (
        '<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" '
        'fo:margin-bottom="0cm"/><style:text-properties '
        f'style:font-name="{doc.font}" fo:font-size="{doc.size}" {lang}/></style:default-style>'
        '<style:default-style style:family="table-cell"><style:table-cell-properties fo:padding="0.06cm"/>'
        "</style:default-style>"
    )
    tabs = (
        f'<style:tab-stops><style:tab-stop style:position="{doc.totals_label_tab}"/>'
        f'<style:tab-stop style:position="{doc.totals_tab}" style:type="right"/></style:tab-stops>'
    )
    info_tabs = '<style:tab-stops><style:tab-stop style:position="3.2cm"/></style:tab-stops>'
    styles = {  # name: (paragraph properties, tab stops, text properties)
        "Body": ('fo:margin-bottom="0.1cm"', "", ""),
        "Small": ("", "", 'fo:font-size="7pt"'),
        "Sender": (
            "",
            "",
            'fo:font-size="7pt" style:text-underline-style="solid" style:text-underline-width="auto"',
        ),
        "Title": (
            'fo:margin-top="0.4cm" fo:margin-bottom="0.4cm"',
            "",
            'fo:font-size="15pt" fo:font-weight="bold"',
        ),
        "Bold": ("", "", 'fo:font-weight="bold"'),
        "Right": ('fo:text-align="end"', "", ""),
        "RightBold": ('fo:text-align="end"', "", 'fo:font-weight="bold"'),
        "Centre": ('fo:text-align="center"', "", 'fo:font-size="8pt"'),
        "Head": ("", "", 'fo:font-size="16pt" fo:font-weight="bold"'),
        "Totals": ("", tabs, ""),
        "TotalsBold": ("", tabs, 'fo:font-weight="bold"'),
        "Info": ("", info_tabs, ""),
        "Space": ('fo:margin-top="7.2cm"', "", ""),
        "Gap": ('fo:margin-top="0.4cm"', "", ""),
    }
    out = [base]
    for name, (para, tab_stops, text) in styles.items():
        para_xml = f"<style:paragraph-properties {para}>{tab_stops}</style:paragraph-properties>"
        text_xml = f"<style:text-properties {text}/>" if text else ""
        out.append(
            f'<style:style style:name="{name}" style:family="paragraph">{para_xml}{text_xml}</style:style>'
        )
    return "".join(out)


def _para(p: Para) -> str:
    lines = p.text.split("\n")
    return "".join(f'<text:p text:style-name="{p.style}">{x(line)}</text:p>' for line in lines)


def _table_styles(t: Table, n: int, *, small: bool = False) -> str:
    total = sum(float(w.removesuffix("cm")) for w in t.widths)
    out = [
        f'<style:style style:name="T{n}" style:family="table"><style:table-properties '
        f'style:width="{total:.2f}cm" table:align="left"/></style:style>'
    ]
    for i, w in enumerate(t.widths):
        out.append(
            f'<style:style style:name="T{n}.C{i}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{w}"/></style:style>'
        )
    line = "0.5pt solid #000000"
    cell = f'fo:border="{line}"' if t.grid else 'fo:border="none"'
    head = f'fo:border="{line}"' if t.grid else f'fo:border-bottom="{line}" fo:border-top="none"'
    out.append(
        f'<style:style style:name="T{n}.H" style:family="table-cell"><style:table-cell-properties '
        f'{head} fo:background-color="#e6e6e6" fo:padding="0.06cm"/></style:style>'
        f'<style:style style:name="T{n}.D" style:family="table-cell"><style:table-cell-properties '
        f'{cell} fo:padding="0.06cm"/></style:style>'
    )
    for a, align in (("l", "start"), ("r", "end"), ("c", "center")):
        size = ' fo:font-size="7pt"' if small else ""
        out.append(
            f'<style:style style:name="T{n}.P{a}" style:family="paragraph"><style:paragraph-properties '
            f'fo:text-align="{align}"/><style:text-properties{size}/></style:style>'
            f'<style:style style:name="T{n}.B{a}" style:family="paragraph"><style:paragraph-properties '
            f'fo:text-align="{align}"/><style:text-properties fo:font-weight="bold"/></style:style>'
        )
    return "".join(out)


def _table(t: Table, n: int, style: str | None = None) -> str:
    cols = "".join(f'<table:table-column table:style-name="T{n}.C{i}"/>' for i in range(len(t.widths)))

    def row(cells: list[str], head: bool) -> str:
        out = []
        for i, text in enumerate(cells):
            pstyle = f"T{n}.{'B' if head else 'P'}{t.align[i]}"
            paras = "".join(
                f'<text:p text:style-name="{pstyle}">{x(line)}</text:p>' for line in text.split("\n")
            )
            out.append(
                f'<table:table-cell table:style-name="T{n}.{"H" if head else "D"}" '
                'office:value-type="string">'
                f"{paras}</table:table-cell>"
            )
        return "<table:table-row>" + "".join(out) + "</table:table-row>"

    head = ""
    if t.header:
        head = row(t.header, True)
        if t.repeat_header:
            head = f"<table:table-header-rows>{head}</table:table-header-rows>"
    body = "".join(row(r, False) for r in t.rows)
    return f'<table:table table:name="Table{n}" table:style-name="T{n}">{cols}{head}{body}</table:table>'


# ------------------------------------------------------------------------------------------------ Calc
@dataclass
class Cell:
    """A Calc cell: a string, a number (`value`, shown in `fmt`), a date, or a formula with its cached
    value; `span` merges columns to the right, `style` picks bold / title / border."""

    text: str | None = None
    value: float | None = None
    when: date | None = None
    formula: str | None = None  # Excel-style `=D12*E12`, `=SUM(F12:F20)`
    fmt: str = "money"  # money, number, percent, plain
    span: int = 1
    style: str = ""  # "", "bold", "title", "head", "box", "right", "small"


@dataclass
class CalcDoc:
    language: str
    country: str
    sheet: str
    widths: list[str]
    rows: list[list[Cell | str | None]]  # a str is a text cell, None an empty one
    currency: str = "€"
    currency_before: bool = False
    date_order: str = "dmy"  # dmy with `.`, dmy with `/`, mdy with `/`, iso
    date_separator: str = "."
    paper: str = "A4"
    header: str | None = None  # None: Calc's default header (the sheet's name)
    footer: str | None = None  # None: Calc's default footer (`Page 1`)
    repeat_rows: str | None = None  # e.g. "$Rechnung.$12:$12" (print titles)
    grid_lines: bool = False
    font: str = "Liberation Sans"


def calc_document(doc: CalcDoc) -> str:
    width, height = PAPER[doc.paper]
    lang = f'number:language="{doc.language}" number:country="{doc.country}"'
    sep = doc.date_separator
    parts = {"d": '<number:day number:style="long"/>', "m": '<number:month number:style="long"/>'}
    parts["y"] = '<number:year number:style="long"/>'
    date_xml = f"<number:text>{sep}</number:text>".join(parts[c] for c in doc.date_order)
    symbol = f"<number:currency-symbol {lang}>{escape(doc.currency)}</number:currency-symbol>"
    number = '<number:number number:decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>'
    money = (
        f"{symbol}<number:text> </number:text>{number}"
        if doc.currency_before
        else f"{number}<number:text> </number:text>{symbol}"
    )
    if doc.currency == "$":
        money = f"{symbol}{number}"
    data_styles = (
        f'<number:currency-style style:name="Nmoney" {lang}>{money}</number:currency-style>'
        f'<number:number-style style:name="Nnumber" {lang}>{number}</number:number-style>'
        f'<number:number-style style:name="Nplain" {lang}><number:number number:decimal-places="0" '
        'number:min-integer-digits="1"/></number:number-style>'
        f'<number:percentage-style style:name="Npercent" {lang}><number:number number:decimal-places="0" '
        'number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>'
        f'<number:date-style style:name="Ndate" {lang}>{date_xml}</number:date-style>'
    )
    line = "0.5pt solid #000000"
    kinds = {
        "": ("", ""),
        "bold": ("", 'fo:font-weight="bold"'),
        "title": ("", 'fo:font-size="20pt" fo:font-weight="bold"'),
        "head": (f'fo:border="{line}" fo:background-color="#dddddd"', 'fo:font-weight="bold"'),
        "box": (f'fo:border="{line}"', ""),
        "right": ("", ""),
        "small": ("", 'fo:font-size="7pt"'),
        "total": (f'fo:border-top="{line}" fo:border-bottom="1.5pt double #000000"', 'fo:font-weight="bold"'),
    }
    cell_styles, names = [], {}
    for kind, (cellprops, textprops) in kinds.items():
        for fmt in ("text", "money", "number", "percent", "plain", "date"):
            name = f"ce_{kind or 'n'}_{fmt}"
            names[(kind, fmt)] = name
            data = f' style:data-style-name="N{fmt}"' if fmt != "text" else ""
            align = (
                '<style:paragraph-properties fo:text-align="end"/>'
                if kind == "right" or (kind in ("head",) and fmt != "text")
                else ""
            )
            cell_styles.append(
                f'<style:style style:name="{name}" style:family="table-cell" '
                f'style:parent-style-name="Default"{data}><style:table-cell-properties {cellprops} '
                f'style:vertical-align="top"/>{align}'
                + (f"<style:text-properties {textprops}/>" if textprops else "")
                + "</style:style>"
            )
    cols = "".join(
        f'<style:style style:name="co{i}" style:family="table-column"><style:table-column-properties '
        f'fo:break-before="auto" style:column-width="{w}"/></style:style>'
        for i, w in enumerate(doc.widths)
    )
    header = (
        "<style:header><text:p><text:sheet-name>???</text:sheet-name></text:p></style:header>"
        if doc.header is None
        else (f"<style:header><text:p>{x(doc.header)}</text:p></style:header>" if doc.header else "")
    )
    footer = (
        "<style:footer><text:p>Page <text:page-number>1</text:page-number></text:p></style:footer>"
        if doc.footer is None
        else (f"<style:footer><text:p>{x(doc.footer)}</text:p></style:footer>" if doc.footer else "")
    )
    layout = (
        '<style:page-layout style:name="pm1"><style:page-layout-properties '
        f'fo:page-width="{width}" fo:page-height="{height}" style:print-orientation="portrait" '
        'fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm" '
        f'style:print="{"grid " if doc.grid_lines else ""}objects charts drawings zero-values" '
        'style:scale-to="100%"/>'
        '<style:header-style><style:header-footer-properties fo:min-height="0.6cm" '
        'fo:margin-bottom="0.25cm"/>'
        "</style:header-style><style:footer-style><style:header-footer-properties fo:min-height="
        '"0.6cm" fo:margin-top="0.25cm"/></style:footer-style></style:page-layout>'
    )
    table_style = (
        '<style:style style:name="ta1" style:family="table" style:master-page-name="Default">'
        '<style:table-properties table:display="true"/></style:style>'
    )
    rows_xml = []
    for r, cells in enumerate(doc.rows, 1):
        xml_cells, covered = [], 0
        for cell in cells:
            if covered:
                # the places a merged cell covers (written as None in the row)
                if cell is not None:
                    raise ValueError(f"row {r}: a value in a merged cell's place")
                covered -= 1
                continue
            if cell is None:
                xml_cells.append("<table:table-cell/>")
                continue
            if isinstance(cell, str):
                cell = Cell(text=cell)
            xml_cells.append(_calc_cell(cell, names))
            xml_cells.extend(["<table:covered-table-cell/>"] * (cell.span - 1))
            covered = cell.span - 1
        rows_xml.append(
            '<table:table-row table:style-name="ro1">' + "".join(xml_cells) + "</table:table-row>"
        )
    columns = "".join(
        f'<table:table-column table:style-name="co{i}" table:default-cell-style-name="Default"/>'
        for i in range(len(doc.widths))
    )
    if doc.repeat_rows:
        # print titles: the rows given (1-based, inclusive) repeat on every printed page
        first, last = (int(v) for v in doc.repeat_rows.split(":"))
        before = rows_xml[: first - 1]
        titles = rows_xml[first - 1 : last]
        after = rows_xml[last:]
        rows_xml = [*before, "<table:table-header-rows>", *titles, "</table:table-header-rows>", *after]
    default_font = (
        '<style:default-style style:family="table-cell"><style:text-properties '
        f'style:font-name="{doc.font}" fo:font-size="10pt" fo:language="{doc.language}" '
        f'fo:country="{doc.country}"/></style:default-style>'
        '<style:style style:name="Default" style:family="table-cell"/>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {NAMESPACES}office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n'
        "<office:meta><meta:generator>LibreOffice/7.4</meta:generator></office:meta>\n"
        f"{FONTS}\n<office:styles>{default_font}{data_styles}</office:styles>\n"
        f"<office:automatic-styles>{layout}{table_style}{cols}"
        '<style:style style:name="ro1" style:family="table-row"><style:table-row-properties '
        'style:use-optimal-row-height="true"/></style:style>'
        f"{''.join(cell_styles)}</office:automatic-styles>\n"
        '<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1">'
        f"{header}{footer}</style:master-page></office:master-styles>\n"
        f'<office:body><office:spreadsheet><table:table table:name="{escape(doc.sheet)}" '
        f'table:style-name="ta1">{columns}\n' + "\n".join(rows_xml) + "\n</table:table></office:spreadsheet>"
        "</office:body></office:document>\n"
    )


def _calc_cell(cell: Cell, names: dict) -> str:
    span = (
        f' table:number-columns-spanned="{cell.span}" table:number-rows-spanned="1"' if cell.span > 1 else ""
    )
    if cell.when is not None:
        style = names[(cell.style, "date")]
        return (
            f'<table:table-cell table:style-name="{style}"{span} office:value-type="date" '
            f'office:date-value="{cell.when.isoformat()}"/>'
        )
    if cell.value is not None:
        style = names[(cell.style, cell.fmt)]
        kind = {"money": "currency", "percent": "percentage"}.get(cell.fmt, "float")
        formula = f' table:formula="of:{escape(_of(cell.formula))}"' if cell.formula else ""
        return (
            f'<table:table-cell table:style-name="{style}"{span}{formula} office:value-type="{kind}" '
            f'office:value="{round(cell.value, 10)}"/>'
        )
    style = names[(cell.style, "text")]
    text = "".join(f"<text:p>{x(line)}</text:p>" for line in (cell.text or "").split("\n"))
    return (
        f'<table:table-cell table:style-name="{style}"{span} office:value-type="string">'
        f"{text}</table:table-cell>"
    )


def _of(formula: str) -> str:
    """`=SUM(F12:F20)*E5` -> OpenFormula `=SUM([.F12:.F20])*[.E5]`."""
    out = re.sub(r"\b([A-Z]{1,2}\d+):([A-Z]{1,2}\d+)\b", r"[.\1:.\2]", formula)
    return re.sub(r"(?<![.\w\[])([A-Z]{1,2}\d+)\b(?!\])", r"[.\1]", out)
