"""Write the held-out invoices of round 8a (issue 13) as spreadsheet workbooks and print them to PDF: invoices
as small businesses keep them in Excel or LibreOffice Calc templates. Each invoice is an `.xlsx` workbook
written with openpyxl (a cell grid: merged title and party cells, the seller's block top left or top right,
a bill-to block, an items table with cell borders, right-aligned numbers in number formats: the locale's
currency formats `1.234,50 €`, `£1,234.50`, `€ 1.234,50`, the accounting format with the currency symbol at
the cell's left edge and the number at its right, negatives in parentheses, zero as a dash; VAT rates in
percent cells; line totals, sums and taxes as formulas; totals in the right-hand columns with their labels
one or two cells to the left; notes rows; footer rows with the company data and bank details), portrait and
landscape, some fitted to the page width (small fonts), some with printed gridlines. LibreOffice Calc
recalculates the formulas when it loads a workbook written without cached values and prints the computed
values (checked on the printed pages when the expectations were written).

LibreOffice is a build-time tool only, like `bench/print_office_invoices.sh`'s Writer:

    apt-get install -y --no-install-recommends libreoffice-calc fonts-liberation2
    .venv/bin/python bench/print_spreadsheet_invoices.py              # every invoice
    .venv/bin/python bench/print_spreadsheet_invoices.py NAME ...     # some of them
    .venv/bin/python bench/print_spreadsheet_invoices.py --keep-xlsx /tmp/xlsx NAME   # keep the workbooks

openpyxl is already a product dependency (the XLSX download); schwifty and python-stdnum computed the IBANs'
and VAT ids' check digits once (the values are literals here; `test_held_out_spreadsheet.py` checks them).
The PDFs go to `tests/ocr_tasks/extraction/spreadsheet_invoices/` (committed; the tests and
`bench/held_out_pdfs.py --folder` read them) beside `expectations.json`, written by hand from the printed
pages. Parties, numbers and amounts are invented. The workbooks are not committed: this script is their
source. LibreOffice stamps the PDFs with the time of printing, so a rerun differs in those bytes only.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

OUT = Path(__file__).resolve().parent.parent / "tests/ocr_tasks/extraction/spreadsheet_invoices"

THIN = Side(style="thin", color="000000")
HAIR = Side(style="hair", color="7F7F7F")
MEDIUM = Side(style="medium", color="000000")
DOUBLE = Side(style="double", color="000000")
GREY = PatternFill("solid", fgColor="D9D9D9")
PALE = PatternFill("solid", fgColor="EEF3F8")

# Number formats as Excel writes them when a user picks a locale's currency (`[$-407]`: German separators)
GBP = "£#,##0.00"
GBP_PAREN = '_(£* #,##0.00_);_(£* (#,##0.00);_(£* "-"??_);_(@_)'
USD = "$#,##0.00"
USD_ACC = '_($* #,##0.00_);_($* (#,##0.00);_($* "-"??_);_(@_)'
EUR_DE = "[$-407]#,##0.00 [$€-407]"
EUR_AT_ACC = '[$-C07]_-[$€-C07] * #,##0.00_-;-[$€-C07] * #,##0.00_-;_-[$€-C07] * "-"??_-;_-@_-'
EUR_FR = "[$-40C]#,##0.00 [$€-40C]"
EUR_BE_FR = "[$-80C]#,##0.00 [$€-80C]"
EUR_NL_ACC = '[$-413]_ [$€-413] * #,##0.00_ ;_ [$€-413] * -#,##0.00_ ;_ [$€-413] * "-"??_ ;_ @_ '
EUR_BE_NL = "[$-813]#,##0.00 [$€-813]"
EUR_ES = "[$-C0A]#,##0.00 [$€-C0A]"
EUR_IT = "[$-410][$€-410] #,##0.00"
EUR_IE_ACC = '_-[$€-1809]* #,##0.00_-;-[$€-1809]* #,##0.00_-;_-[$€-1809]* "-"??_-;_-@_-'
PLAIN_DE = "[$-407]#,##0.00"
PLAIN_EN = "#,##0.00"
QTY_DE = "[$-407]#,##0.##"
QTY_EN = "#,##0.##"
PCT = "0%"
PCT_DE = "[$-407]0 %"
PCT_1 = "0.0%"
PCT_1_DE = "[$-407]0.0 %"


class Sheet:
    """One worksheet as a template is laid out: a default font, column widths, cells with their formats,
    merged ranges and borders, and the page setup (paper, orientation, fit to width, printed gridlines)."""

    def __init__(
        self,
        wb: Workbook,
        title: str,
        *,
        font: str = "Arial",
        size: float = 10,
        landscape: bool = False,
        letter: bool = False,
        print_gridlines: bool = False,
        fit_width: bool = False,
        margins: float = 0.6,
    ) -> None:
        self.ws: Worksheet = wb.active
        self.ws.title = title
        self.font, self.size = font, size
        self.ws.sheet_view.showGridLines = print_gridlines
        setup = self.ws.page_setup
        setup.paperSize = self.ws.PAPERSIZE_LETTER if letter else self.ws.PAPERSIZE_A4
        setup.orientation = "landscape" if landscape else "portrait"
        self.ws.print_options.gridLines = print_gridlines
        if fit_width:
            self.ws.sheet_properties.pageSetUpPr.fitToPage = True
            setup.fitToWidth = 1
            setup.fitToHeight = 0
        m = self.ws.page_margins
        m.left = m.right = margins
        m.top = m.bottom = 0.7

    def widths(self, **widths: float) -> None:
        for column, width in widths.items():
            self.ws.column_dimensions[column].width = width

    def put(
        self,
        ref: str,
        value=None,
        fmt: str | None = None,
        *,
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
        color: str | None = None,
        font: str | None = None,
        underline: bool = False,
        align: str | None = None,
        valign: str | None = None,
        wrap: bool = False,
        merge: str | None = None,
        fill: PatternFill | None = None,
    ):
        """Write `value` into `ref` (merged over `ref:merge` when given) with its format and style."""
        cell = self.ws[ref]
        cell.value = value
        if fmt:
            cell.number_format = fmt
        cell.font = Font(
            name=font or self.font,
            size=size or self.size,
            bold=bold,
            italic=italic,
            color=color,
            underline="single" if underline else None,
        )
        if align or valign or wrap:
            cell.alignment = Alignment(horizontal=align, vertical=valign, wrap_text=wrap)
        if fill:
            cell.fill = fill
        if size and size > self.size:  # as a spreadsheet grows a row to its tallest font
            height = self.ws.row_dimensions[cell.row].height or 0
            self.ws.row_dimensions[cell.row].height = max(height, round(size * 1.35, 1))
        if merge:
            self.ws.merge_cells(f"{ref}:{merge}")
        return cell

    def row(self, r: int, values: dict[str, object], fmts: dict[str, str] | None = None, **style) -> None:
        """Cells of row `r` by column letter, each with its column's format."""
        for column, value in values.items():
            self.put(f"{column}{r}", value, (fmts or {}).get(column), **style)

    def box(self, cells: str, *, side: Side = THIN, inner: Side | None = THIN) -> None:
        """Borders around `cells` (a range), and between its cells when `inner`."""
        c0, r0, c1, r1 = range_boundaries(cells)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                cell = self.ws.cell(r, c)
                cell.border = Border(
                    left=side if c == c0 else inner,
                    right=side if c == c1 else inner,
                    top=side if r == r0 else inner,
                    bottom=side if r == r1 else inner,
                )

    def rule(self, cells: str, *, top: Side | None = None, bottom: Side | None = None) -> None:
        """A line over or under every cell of `cells`."""
        c0, r0, c1, r1 = range_boundaries(cells)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                cell = self.ws.cell(r, c)
                cell.border = Border(
                    left=cell.border.left,
                    right=cell.border.right,
                    top=top or cell.border.top,
                    bottom=bottom or cell.border.bottom,
                )

    def shade(self, cells: str, fill: PatternFill = GREY) -> None:
        c0, r0, c1, r1 = range_boundaries(cells)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                self.ws.cell(r, c).fill = fill

    def area(self, cells: str) -> None:
        self.ws.print_area = cells

    def footer(self, center: str = "", right: str = "", size: int = 8) -> None:
        """Calc's page footer (`&P` the page number, `&N` the page count)."""
        if center:
            self.ws.oddFooter.center.text = center
            self.ws.oddFooter.center.size = size
        if right:
            self.ws.oddFooter.right.text = right
            self.ws.oddFooter.right.size = size


def columns(first: str, count: int) -> list[str]:
    start = range_boundaries(f"{first}1")[0]
    return [get_column_letter(start + i) for i in range(count)]


INVOICES: dict[str, tuple[int, Callable[[], Workbook]]] = {}


def invoice(batch: int):
    """Register a workbook function under its name, with the batch it was written in."""

    def register(build: Callable[[], Workbook]) -> Callable[[], Workbook]:
        INVOICES[build.__name__] = (batch, build)
        return build

    return register


# ---------------------------------------------------------------------------------------------------------
# batch 1


@invoice(batch=1)
def invoice_gb_joinery() -> Workbook:
    """en-GB, portrait, no gridlines: seller top left, a merged INVOICE title top right, label / value cells
    far apart, a bordered items table with a merged description, totals two cells from their labels, a
    due date computed by a formula, the company data and bank details in merged footer rows."""
    wb = Workbook()
    s = Sheet(wb, "Invoice")
    s.widths(A=12, B=12, C=12, D=7, E=13, F=13)
    s.put("A1", "Wharfedale Kitchens & Joinery Ltd", bold=True, size=14, merge="D1")
    for r, text in enumerate(["14 Mill Yard", "Otley, West Yorkshire", "LS21 3JP", "Tel. 01943 555 218"], 2):
        s.put(f"A{r}", text)
    s.put("A6", "accounts@wharfedalekitchens.co.uk", color="1F4E79")
    s.put("E1", "INVOICE", bold=True, size=20, align="right", merge="F2")
    s.put("E4", "Invoice No.", bold=True)
    s.put("F4", "WKJ-2025-0412", align="right")
    s.put("E5", "Invoice Date", bold=True)
    s.put("F5", date(2025, 10, 21), "DD/MM/YYYY")
    s.put("E6", "Due Date", bold=True)
    s.put("F6", "=F5+30", "DD/MM/YYYY")
    s.put("E7", "Your Ref.", bold=True)
    s.put("F7", "PO 7781", align="right")
    s.put("A9", "Bill to", bold=True, size=11)
    for r, text in enumerate(
        ["Harrogate Dental Practice Ltd", "22 Victoria Avenue", "Harrogate", "HG1 1EL"], 10
    ):
        s.put(f"A{r}", text)
    s.row(15, {"A": "Description", "D": "Qty", "E": "Unit Price", "F": "Amount"}, bold=True, fill=GREY)
    s.ws.merge_cells("A15:C15")
    items = [
        ("Oak reception desk, made to measure", 1, 1850),
        ("Wall cabinets, painted, fitted", 4, 312.5),
        ("Quartz worktop 30 mm, supply & fit (m)", 2.5, 420),
        ("Labour: removal of old units (hours)", 6, 38),
    ]
    for r, (text, qty, price) in enumerate(items, 16):
        s.put(f"A{r}", text, merge=f"C{r}")
        s.put(f"D{r}", qty, QTY_EN, align="center")
        s.put(f"E{r}", price, GBP)
        s.put(f"F{r}", f"=D{r}*E{r}", GBP)
    s.box("A15:F19")
    s.put("D21", "Subtotal")
    s.put("F21", "=SUM(F16:F19)", GBP)
    s.put("D22", "VAT")
    s.put("E22", 0.2, PCT, align="center")
    s.put("F22", "=ROUND(F21*E22,2)", GBP)
    s.put("D23", "TOTAL DUE", bold=True)
    s.put("F23", "=F21+F22", GBP, bold=True)
    s.rule("D23:F23", top=THIN, bottom=DOUBLE)
    s.put(
        "A25",
        "Payment terms: 30 days from the invoice date. Please quote the invoice number as your reference.",
        italic=True,
        size=9,
    )
    s.put("A26", "Thank you for your custom.", italic=True, size=9)
    s.put(
        "A40",
        "Wharfedale Kitchens & Joinery Ltd · Registered in England & Wales No. 08812345 · "
        "VAT Reg. No. GB 482 9175 14",
        size=8,
        align="center",
        merge="F40",
    )
    s.put(
        "A41",
        "Barclays Bank · Sort code 20-00-00 · Account 55779911 · IBAN GB60 BARC 2000 0055 7799 11",
        size=8,
        align="center",
        merge="F41",
    )
    s.rule("A40:F40", top=HAIR)
    s.area("A1:F41")
    return wb


@invoice(batch=1)
def invoice_us_irrigation() -> Workbook:
    """en-US, landscape Letter, printed gridlines: the accounting format's `$` at the cell's left edge, a
    numeric invoice number, BILL TO / SHIP TO side by side, the sales tax rate in a percent cell between its
    label and its amount, a zero shipping charge printed as the accounting dash."""
    wb = Workbook()
    s = Sheet(wb, "Invoice", landscape=True, letter=True, print_gridlines=True)
    s.widths(A=10, B=40, C=6, D=13, E=9, F=15)
    s.put("A1", "Redwood Valley Irrigation Co.", bold=True, size=16, merge="C1")
    s.put("A2", "2250 Orchard Pkwy, Santa Rosa, CA 95407")
    s.put("A3", "(707) 555-0186 · billing@redwoodvalleyirrigation.com")
    s.put("D1", "INVOICE", bold=True, size=18, align="right", merge="F1")
    s.put("D3", "Invoice #", bold=True)
    s.put("F3", 30917, "0")
    s.put("D4", "Date", bold=True)
    s.put("F4", date(2025, 8, 19), "MM/DD/YYYY")
    s.put("D5", "Terms", bold=True)
    s.put("F5", "Net 30", align="right")
    s.put("D6", "Due Date", bold=True)
    s.put("F6", "=F4+30", "MM/DD/YYYY")
    s.put("A8", "BILL TO", bold=True, fill=PALE)
    s.put("B8", None, fill=PALE)
    s.put("D8", "SHIP TO", bold=True, fill=PALE, merge="F8")
    bill = [
        "Sonoma Creek Vineyards LLC",
        "Attn: Accounts Payable",
        "1180 Vineyard Ln",
        "Healdsburg, CA 95448",
    ]
    ship = ["Sonoma Creek Vineyards LLC", "Block 7 Pump House", "3302 Westside Rd", "Healdsburg, CA 95448"]
    for r, (b, p) in enumerate(zip(bill, ship, strict=True), 9):
        s.put(f"A{r}", b, merge=f"B{r}")
        s.put(f"D{r}", p, merge=f"F{r}")
    s.row(14, {"A": "ITEM", "B": "DESCRIPTION", "C": "QTY", "D": "UNIT PRICE", "F": "AMOUNT"}, bold=True)
    s.put("D14", "UNIT PRICE", bold=True, merge="E14")
    items = [
        ("DRIP-500", 'Drip line 1/2" x 500 ft, pressure compensating', 6, 118.40),
        ("VLV-24", 'Solenoid valve 24VAC, 1" FPT', 12, 34.95),
        ("CTRL-12", "Irrigation controller, 12 stations, Wi-Fi", 1, 289.00),
        ("LAB", "Installation labor (hours)", 14, 85.00),
    ]
    for r, (code, text, qty, price) in enumerate(items, 15):
        s.row(r, {"A": code, "B": text})
        s.put(f"C{r}", qty, "0")
        s.put(f"D{r}", price, USD_ACC, merge=f"E{r}")
        s.put(f"F{r}", f"=C{r}*D{r}", USD_ACC)
    s.put("D21", "Subtotal")
    s.put("F21", "=SUM(F15:F18)", USD_ACC)
    s.put("D22", "Sales Tax")
    s.put("E22", 0.085, "0.00%")
    s.put("F22", "=ROUND(F21*E22,2)", USD_ACC)
    s.put("D23", "Shipping")
    s.put("F23", 0, USD_ACC)
    s.put("D24", "TOTAL", bold=True)
    s.put("F24", "=SUM(F21:F23)", USD_ACC, bold=True)
    s.put("A21", "Make all checks payable to Redwood Valley Irrigation Co.", merge="B21")
    s.put("A22", "Questions? Call Dana Whitaker, (707) 555-0186.", merge="B22")
    s.put("A26", "Thank you for your business!", bold=True, italic=True, align="center", merge="F26")
    s.area("A1:F26")
    return wb


@invoice(batch=1)
def invoice_us_event_rentals() -> Workbook:
    """en-US, portrait Letter fitted to the page width (wide columns: a small print), accounting format with
    the member discount and the deposit received in parentheses, a long date, a taxable amount under the
    subtotal, the balance due after the deposit."""
    wb = Workbook()
    s = Sheet(wb, "Invoice", letter=True, fit_width=True, font="Liberation Sans")
    s.widths(A=8, B=52, C=10, D=18, E=6, F=20, G=22)
    s.put("A1", "Blue Heron Event Rentals", bold=True, size=18, merge="D1")
    s.put("A2", "7710 Burnet Road, Suite 140 · Austin, TX 78757 · (512) 555-0122", merge="D2")
    s.put("F1", "INVOICE", bold=True, size=22, align="right", merge="G1")
    s.put("F3", "Invoice No.", bold=True)
    s.put("G3", "INV-2025-1147", align="right")
    s.put("F4", "Invoice Date", bold=True)
    s.put("G4", date(2025, 9, 3), "MMMM D, YYYY")
    s.put("F5", "Event Date", bold=True)
    s.put("G5", date(2025, 9, 20), "MMMM D, YYYY")
    s.put("F6", "Payment Due", bold=True)
    s.put("G6", date(2025, 9, 17), "MMMM D, YYYY")
    s.put("A4", "Customer", bold=True)
    for r, text in enumerate(
        [
            "Lakeshore Community Foundation",
            "Attn: Renee Caldwell",
            "4100 Lake Austin Blvd",
            "Austin, TX 78703",
        ],
        5,
    ):
        s.put(f"A{r}", text, merge=f"B{r}")
    s.row(11, {"A": "Qty", "B": "Item", "C": "Days", "D": "Rate", "F": "Line Total"}, bold=True, fill=GREY)
    s.ws.merge_cells("D11:E11")
    s.ws.merge_cells("F11:G11")
    items = [
        (1, "Frame tent 40' x 60', white, with sidewalls", 1, 2400.00),
        (250, "Folding chair, white resin", 1, 2.80),
        (30, 'Round table 60", seats 8', 1, 12.00),
        (1, "Delivery, setup and teardown", 1, 350.00),
    ]
    for r, (qty, text, days, rate) in enumerate(items, 12):
        s.put(f"A{r}", qty, "0", align="center")
        s.put(f"B{r}", text)
        s.put(f"C{r}", days, "0", align="center")
        s.put(f"D{r}", rate, USD_ACC, merge=f"E{r}")
        s.put(f"F{r}", f"=A{r}*C{r}*D{r}", USD_ACC, merge=f"G{r}")
    s.box("A11:G15", side=THIN, inner=HAIR)
    s.put("D17", "Subtotal", merge="E17")
    s.put("F17", "=SUM(F12:F15)", USD_ACC, merge="G17")
    s.put("D18", "Member discount 5%", merge="E18")
    s.put("F18", "=-ROUND(F17*0.05,2)", USD_ACC, merge="G18")
    s.put("D19", "Taxable amount", merge="E19")
    s.put("F19", "=F17+F18", USD_ACC, merge="G19")
    s.put("D20", "Sales tax 8.25%", merge="E20")
    s.put("F20", "=ROUND(F19*0.0825,2)", USD_ACC, merge="G20")
    s.put("D21", "Total", bold=True, merge="E21")
    s.put("F21", "=F19+F20", USD_ACC, bold=True, merge="G21")
    s.put("D22", "Deposit received 08/12/2025", merge="E22")
    s.put("F22", -1000, USD_ACC, merge="G22")
    s.put("D23", "Balance Due", bold=True, merge="E23")
    s.put("F23", "=F21+F22", USD_ACC, bold=True, merge="G23")
    s.rule("D23:G23", top=THIN, bottom=DOUBLE)
    s.put("A17", "Notes", bold=True)
    s.put("A18", "Rental period Sep 19 - Sep 21, 2025. Damage waiver declined.", merge="B18")
    s.put("A19", "Pay online at blueheronrentals.com/pay or by check.", merge="B19")
    s.put("A27", "Blue Heron Event Rentals LLC · EIN 74-3318205", size=8, align="center", merge="G27")
    s.area("A1:G27")
    return wb


@invoice(batch=1)
def rechnung_de_elektro() -> Workbook:
    """de-DE, portrait, no gridlines: a sender line over the address, the seller's block top right, a
    `Rechnungsempfänger` label, an info block of label / value cells, an items table with a percent column
    (`19 %`) and `1.234,50 €` cells, totals with the rate in a cell of its own, a three-cell footer."""
    wb = Workbook()
    s = Sheet(wb, "Rechnung")
    s.widths(A=4, B=27, C=6, D=5, E=10, F=6, G=12)
    s.put("E1", "Elektrotechnik Hansen GmbH", bold=True, size=13, merge="G1", align="right")
    for r, text in enumerate(
        ["Brunnenstraße 17", "24103 Kiel", "Tel. 0431 555 2840", "info@elektro-hansen.de"], 2
    ):
        s.put(f"E{r}", text, merge=f"G{r}", align="right")
    s.put(
        "A7", "Elektrotechnik Hansen GmbH · Brunnenstraße 17 · 24103 Kiel", size=7, underline=True, merge="C7"
    )
    s.put("A8", "Rechnungsempfänger", bold=True, size=8, merge="B8")
    for r, text in enumerate(
        ["Wohnungsbaugenossenschaft Kiel-Ost eG", "Herrn Thomas Petersen", "Ostring 140", "24148 Kiel"], 9
    ):
        s.put(f"A{r}", text, merge=f"C{r}")
    info = [
        ("Rechnungsnummer", "RE-2025-0873", None),
        ("Rechnungsdatum", date(2025, 10, 14), "DD.MM.YYYY"),
        ("Leistungszeitraum", "06.10.–10.10.2025", None),
        ("Kundennummer", "K-10442", None),
        ("Ihr Auftrag", "vom 22.09.2025", None),
    ]
    for r, (label, value, fmt) in enumerate(info, 9):
        s.put(f"E{r}", label, size=9, merge=f"F{r}")
        s.put(f"G{r}", value, fmt, size=9, align="right")
    s.put("A16", "Rechnung", bold=True, size=14, merge="B16")
    s.put("A17", "Objekt: Ostring 140, Treppenhaus und Keller", merge="D17")
    s.row(
        19,
        {
            "A": "Pos.",
            "B": "Bezeichnung",
            "C": "Menge",
            "D": "Einh.",
            "E": "Einzelpreis",
            "F": "USt.",
            "G": "Gesamt",
        },
        bold=True,
        fill=GREY,
    )
    items = [
        ("Unterverteilung 3-reihig, montiert", 1, "Stk", 685.00),
        ("FI/LS-Schalter B16 30 mA", 12, "Stk", 48.90),
        ("NYM-J 5x2,5 mm² verlegen", 85, "m", 6.40),
        ("Meisterstunde", 9.5, "Std", 68.00),
    ]
    for i, (text, qty, unit, price) in enumerate(items):
        r = 20 + i
        s.put(f"A{r}", i + 1, "0", align="center")
        s.put(f"B{r}", text)
        s.put(f"C{r}", qty, QTY_DE)
        s.put(f"D{r}", unit, align="center")
        s.put(f"E{r}", price, EUR_DE)
        s.put(f"F{r}", 0.19, PCT_DE, align="center")
        s.put(f"G{r}", f"=C{r}*E{r}", EUR_DE)
    s.box("A19:G23", side=THIN, inner=HAIR)
    s.put("E25", "Summe netto", merge="F25")
    s.put("G25", "=SUM(G20:G23)", EUR_DE)
    s.put("E26", "zzgl. USt.")
    s.put("F26", 0.19, PCT_DE, align="center")
    s.put("G26", "=ROUND(G25*F26,2)", EUR_DE)
    s.put("E27", "Rechnungsbetrag", bold=True, merge="F27")
    s.put("G27", "=G25+G26", EUR_DE, bold=True)
    s.rule("E27:G27", top=THIN, bottom=DOUBLE)
    s.put("A29", "Zahlbar ohne Abzug bis zum 28.10.2025.", merge="D29")
    s.put("A30", "Vielen Dank für Ihren Auftrag.", merge="D30")
    footer = [
        ("A", "B", ["Förde Sparkasse", "IBAN DE68 2105 0170 0012 3456 78", "BIC NOLADE21KIE"]),
        ("C", "E", ["Elektrotechnik Hansen GmbH", "Brunnenstraße 17, 24103 Kiel", "GF: Jens Hansen"]),
        ("F", "G", ["Amtsgericht Kiel HRB 18233", "USt-IdNr. DE274583910", "St.-Nr. 19 293 45678"]),
    ]
    for first, last, texts in footer:
        for r, text in enumerate(texts, 44):
            s.put(f"{first}{r}", text, size=7, merge=f"{last}{r}")
    s.rule("A44:G44", top=HAIR)
    s.area("A1:G46")
    return wb


@invoice(batch=1)
def rechnung_de_catering() -> Workbook:
    """de-DE, landscape, printed gridlines: a caterer's Rechnung at 7 % and 19 %, the rate per item in a
    percent column, a VAT summary table (rate, net, tax, gross) computed by SUMIF, the invoice date in a long
    German date format, payment terms in days."""
    wb = Workbook()
    s = Sheet(wb, "Rechnung", landscape=True, print_gridlines=True)
    s.widths(A=5, B=37, C=9, D=12, E=7, F=13, G=3, H=14)
    s.put("A1", "Feinkost & Catering Brandt", bold=True, size=16, merge="D1")
    s.put("A2", "Inh. Maria Brandt · Karl-Liebknecht-Straße 88 · 04275 Leipzig", merge="D2")
    s.put("A3", "Telefon 0341 555 7719 · catering@feinkost-brandt.de", merge="D3")
    s.put("F1", "RECHNUNG", bold=True, size=18, align="right", merge="H1")
    s.put("F3", "Rechnung Nr.", bold=True)
    s.put("H3", "2025-0419", align="right")
    s.put("F4", "Datum", bold=True)
    s.put("H4", date(2025, 9, 2), "[$-407]D. MMMM YYYY")
    s.put("F5", "Veranstaltung", bold=True)
    s.put("H5", date(2025, 8, 29), "DD.MM.YYYY")
    s.put("A5", "Kunde", bold=True)
    for r, text in enumerate(
        ["Kanzlei Vogt & Partner mbB", "Frau Dr. Anja Vogt", "Martin-Luther-Ring 4", "04109 Leipzig"], 6
    ):
        s.put(f"A{r}", text, merge=f"B{r}")
    s.row(11, {"A": "Pos", "B": "Leistung", "C": "Menge", "D": "Preis", "E": "USt", "F": "Betrag"}, bold=True)
    items = [
        ("Fingerfood-Buffet, 40 Personen", 40, 18.50, 0.07),
        ("Kaffee- und Kuchenbuffet", 40, 6.90, 0.07),
        ("Getränkepauschale alkoholfrei", 40, 4.50, 0.19),
        ("Servicepersonal (Stunden)", 12, 32.00, 0.19),
        ("Geschirr- und Gläserverleih", 1, 95.00, 0.19),
    ]
    for i, (text, qty, price, rate) in enumerate(items):
        r = 12 + i
        s.put(f"A{r}", i + 1, "0")
        s.put(f"B{r}", text)
        s.put(f"C{r}", qty, QTY_DE)
        s.put(f"D{r}", price, EUR_DE)
        s.put(f"E{r}", rate, PCT_DE)
        s.put(f"F{r}", f"=C{r}*D{r}", EUR_DE)
    s.rule("A11:F11", bottom=MEDIUM)
    s.row(18, {"C": "USt-Satz", "D": "Netto", "E": "", "F": "USt", "H": "Brutto"}, bold=True)
    for r, rate in ((19, 0.07), (20, 0.19)):
        s.put(f"C{r}", rate, PCT_DE)
        s.put(f"D{r}", f"=SUMIF(E12:E16,C{r},F12:F16)", EUR_DE, merge=f"E{r}")
        s.put(f"F{r}", f"=ROUND(D{r}*C{r},2)", EUR_DE)
        s.put(f"H{r}", f"=D{r}+F{r}", EUR_DE)
    s.put("C21", "Summe", bold=True)
    s.put("D21", "=D19+D20", EUR_DE, bold=True, merge="E21")
    s.put("F21", "=F19+F20", EUR_DE, bold=True)
    s.put("H21", "=H19+H20", EUR_DE, bold=True)
    s.put("F23", "Rechnungsbetrag", bold=True, size=12)
    s.put("H23", "=H21", EUR_DE, bold=True, size=12)
    s.put("A23", "Zahlbar innerhalb von 14 Tagen ohne Abzug.", merge="B23")
    s.put(
        "A24", "Speisen zum Verzehr vor Ort mit Service: Getränke und Personal zu 19 %.", size=8, merge="B24"
    )
    s.put(
        "A27",
        "Sparkasse Leipzig · IBAN DE45 8605 5592 1090 2216 84 · BIC WELADE8LXXX · "
        "USt-IdNr. DE311904750 · Steuernummer 232/254/07711",
        size=8,
        merge="H27",
        align="center",
    )
    s.area("A1:H27")
    return wb


@invoice(batch=1)
def rechnung_at_tischlerei() -> Workbook:
    """de-AT, landscape, fitted to the page width (ten columns: a small print): article numbers, a discount
    percent per line, the accounting format with `€` at the cell's left edge (`€   1.764,00`), a deposit
    already paid and the remaining amount, ATU and AT IBAN in the footer."""
    wb = Workbook()
    s = Sheet(wb, "Rechnung", landscape=True, fit_width=True, font="DejaVu Sans", size=9)
    s.widths(A=5, B=9, C=42, D=8, E=7, F=15, G=8, H=16, I=7, J=16)
    s.put("A1", "Tischlerei Gruber KG", bold=True, size=18, merge="E1")
    s.put(
        "A2", "Moosstraße 61 · 5020 Salzburg · Tel. +43 662 555 418 · office@tischlerei-gruber.at", merge="F2"
    )
    s.put("H1", "RECHNUNG", bold=True, size=16, align="right", merge="J1")
    s.put("A4", "Rechnungsadresse", bold=True)
    for r, text in enumerate(
        ["Hotel Alpenblick GmbH", "z. Hd. Herrn Markus Pichler", "Seeuferstraße 12", "5700 Zell am See"], 5
    ):
        s.put(f"A{r}", text, merge=f"D{r}")
    info = [
        ("Rechnungsnummer:", "2025/0347", None),
        ("Rechnungsdatum:", date(2025, 9, 16), "DD.MM.YYYY"),
        ("Lieferdatum:", date(2025, 9, 12), "DD.MM.YYYY"),
        ("Kunden-Nr.:", "20817", None),
        ("Fällig am:", date(2025, 9, 30), "DD.MM.YYYY"),
    ]
    for r, (label, value, fmt) in enumerate(info, 4):
        s.put(f"H{r}", label, bold=True)
        s.put(f"J{r}", value, fmt, align="right")
    head = {
        "A": "Pos",
        "B": "Art.-Nr.",
        "C": "Bezeichnung",
        "D": "Menge",
        "E": "ME",
        "F": "Einzelpreis",
        "G": "Rabatt",
        "H": "Netto",
        "I": "USt",
        "J": "USt-Betrag",
    }
    s.row(11, head, bold=True, fill=GREY)
    items = [
        ("T-301", "Nachtkästchen Zirbe massiv", 8, "Stk", 245.00, 0.10),
        ("T-318", "Kleiderschrank 2-türig, Eiche geölt", 4, "Stk", 890.00, 0.10),
        ("M-010", "Montage vor Ort", 16, "Std", 58.00, 0),
        ("F-001", "Anfahrt Salzburg – Zell am See", 2, "Pausch.", 75.00, 0),
    ]
    for i, (code, text, qty, unit, price, discount) in enumerate(items):
        r = 12 + i
        s.row(r, {"A": i + 1, "B": code, "C": text, "E": unit})
        s.put(f"D{r}", qty, QTY_DE)
        s.put(f"F{r}", price, EUR_AT_ACC)
        s.put(f"G{r}", discount, PCT_DE)
        s.put(f"H{r}", f"=ROUND(D{r}*F{r}*(1-G{r}),2)", EUR_AT_ACC)
        s.put(f"I{r}", 0.2, PCT_DE)
        s.put(f"J{r}", f"=ROUND(H{r}*I{r},2)", EUR_AT_ACC)
    s.box("A11:J15")
    totals = [
        ("Summe netto", "=SUM(H12:H15)", False),
        ("zzgl. 20 % USt", "=ROUND(J17*0.2,2)", False),
        ("Rechnungsbetrag brutto", "=J17+J18", True),
        ("abzgl. Anzahlung vom 15.07.2025", -2000, False),
        ("Restbetrag", "=J19+J20", True),
    ]
    for r, (label, value, bold) in enumerate(totals, 17):
        s.put(f"F{r}", label, bold=bold, merge=f"H{r}")
        s.put(f"J{r}", value, EUR_AT_ACC, bold=bold)
    s.rule("F21:J21", top=THIN, bottom=DOUBLE)
    s.put("A17", "Zahlungsbedingungen: 14 Tage netto.", merge="C17")
    s.put("A18", "Es gelten unsere AGB. Eigentumsvorbehalt bis zur vollständigen Bezahlung.", merge="D18")
    s.put(
        "A24",
        "Tischlerei Gruber KG · FN 284417 s, LG Salzburg · UID ATU66291835 · "
        "Salzburger Sparkasse · IBAN AT88 2040 4000 0428 7716 · BIC SBGSAT2SXXX",
        size=7,
        merge="J24",
        align="center",
    )
    s.area("A1:J24")
    return wb


@invoice(batch=1)
def facture_fr_plomberie() -> Workbook:
    """fr-FR, portrait, no gridlines: the client's block on the right, `1 234,50 €` cells, TVA at 10 % and
    20 % per line in a percent column, a tax line per rate, late-payment wording with a fixed 40 € fee,
    SIRET, TVA intracommunautaire and IBAN in the footer."""
    wb = Workbook()
    s = Sheet(wb, "Facture", font="Liberation Sans")
    s.widths(A=34, B=5, C=12, D=6, E=13)
    s.put("A1", "Plomberie Chauffage Lemoine", bold=True, size=15)
    s.put("A2", "Installation · Dépannage · Entretien", italic=True, size=9)
    for r, text in enumerate(
        ["27 rue Paul Bert", "69003 Lyon", "Tél. 04 78 55 31 20", "contact@lemoine-plomberie.fr"], 3
    ):
        s.put(f"A{r}", text)
    s.put("C4", "Client", bold=True, merge="E4")
    for r, text in enumerate(["SCI Les Tilleuls", "M. Bernard Fabre", "8 rue des Acacias", "69006 Lyon"], 5):
        s.put(f"C{r}", text, merge=f"E{r}")
    s.box("C4:E8", side=THIN, inner=None)
    s.put("A10", "FACTURE", bold=True, size=16)
    s.put("A12", "N° de facture")
    s.put("C12", "2025-0614", merge="D12")
    s.put("A13", "Date de facture")
    s.put("C13", date(2025, 11, 3), "DD/MM/YYYY", merge="D13", align="left")
    s.put("A14", "Date d'échéance")
    s.put("C14", date(2025, 12, 3), "DD/MM/YYYY", merge="D14", align="left")
    s.put("A15", "Chantier : remplacement chaudière, 8 rue des Acacias, Lyon 6e", italic=True, size=9)
    s.row(
        17,
        {"A": "Désignation", "B": "Qté", "C": "P.U. HT", "D": "TVA", "E": "Montant HT"},
        bold=True,
        fill=GREY,
    )
    items = [
        ("Chaudière gaz à condensation 24 kW", 1, 2890.00, 0.10),
        ("Kit de raccordement et ventouse", 1, 345.00, 0.10),
        ("Main d'œuvre (heures)", 12, 55.00, 0.10),
        ("Contrat d'entretien annuel", 1, 180.00, 0.20),
    ]
    for i, (text, qty, price, rate) in enumerate(items):
        r = 18 + i
        s.put(f"A{r}", text)
        s.put(f"B{r}", qty, "0", align="center")
        s.put(f"C{r}", price, EUR_FR)
        s.put(f"D{r}", rate, "[$-40C]0 %", align="center")
        s.put(f"E{r}", f"=B{r}*C{r}", EUR_FR)
    s.box("A17:E21")
    s.put("C23", "Total HT", merge="D23")
    s.put("E23", "=SUM(E18:E21)", EUR_FR)
    s.put("C24", "TVA 10 %", merge="D24")
    s.put("E24", "=ROUND(SUMIF(D18:D21,0.1,E18:E21)*0.1,2)", EUR_FR)
    s.put("C25", "TVA 20 %", merge="D25")
    s.put("E25", "=ROUND(SUMIF(D18:D21,0.2,E18:E21)*0.2,2)", EUR_FR)
    s.put("C26", "Total TTC", bold=True, merge="D26")
    s.put("E26", "=E23+E24+E25", EUR_FR, bold=True)
    s.box("C23:E26", inner=None)
    s.put("A28", "Conditions de paiement : 30 jours date de facture, par virement.", size=8)
    s.put(
        "A29",
        "Pas d'escompte pour paiement anticipé. Pénalités de retard : 3 fois le taux d'intérêt légal.",
        size=8,
    )
    s.put("A30", "Indemnité forfaitaire pour frais de recouvrement : 40 €.", size=8)
    s.put(
        "A44",
        "EURL Plomberie Chauffage Lemoine au capital de 5 000 € – SIRET 793 105 628 00010 – RCS Lyon – "
        "APE 4322A",
        size=7,
        align="center",
        merge="E44",
    )
    s.put("A45", "N° TVA intracommunautaire : FR16793105628", size=7, align="center", merge="E45")
    s.put(
        "A46",
        "IBAN : FR76 3000 4008 2800 0107 7341 220 – BIC : BNPAFRPPXXX",
        size=7,
        align="center",
        merge="E46",
    )
    s.area("A1:E46")
    return wb


@invoice(batch=1)
def facture_be_informatique() -> Workbook:
    """fr-BE, portrait, printed gridlines: references in a column of their own, `HTVA` labels, TVA 21 %, a
    Belgian structured communication (`+++090/9337/55493+++`), BE VAT and IBAN."""
    wb = Workbook()
    s = Sheet(wb, "Facture", print_gridlines=True)
    s.widths(A=8, B=34, C=5, D=12, E=11)
    s.put("A1", "Dubois Informatique SRL", bold=True, size=14, merge="C1")
    s.put("A2", "Rue de Fer 52 – 5000 Namur", merge="C2")
    s.put("A3", "TVA BE 0792.516.823 – RPM Liège, division Namur", merge="C3")
    s.put("D1", "FACTURE", bold=True, size=16, align="right", merge="E1")
    s.put("D3", "N°", bold=True)
    s.put("E3", "FA25-0192", align="right")
    s.put("D4", "Date", bold=True)
    s.put("E4", date(2025, 10, 22), "DD/MM/YYYY")
    s.put("D5", "Échéance", bold=True)
    s.put("E5", "=E4+30", "DD/MM/YYYY")
    s.put("A5", "Client", bold=True)
    for r, text in enumerate(
        ["Cabinet Vétérinaire Lambert SRL", "Chaussée de Liège 310", "4460 Grâce-Hollogne"], 6
    ):
        s.put(f"A{r}", text, merge=f"B{r}")
    s.put("A9", "TVA client", size=9)
    s.put("B9", "BE 0647.182.317", size=9)
    s.row(
        11, {"A": "Réf.", "B": "Description", "C": "Qté", "D": "Prix unitaire", "E": "Total HTVA"}, bold=True
    )
    items = [
        ("NB-14I5", 'PC portable 14" i5 16 Go', 3, 879.00),
        ("M365-BP", "Microsoft 365 Business, 1 an", 3, 149.00),
        ("SRV-H", "Installation et configuration (h)", 5, 65.00),
    ]
    for i, (ref, text, qty, price) in enumerate(items):
        r = 12 + i
        s.row(r, {"A": ref, "B": text})
        s.put(f"C{r}", qty, "0")
        s.put(f"D{r}", price, EUR_BE_FR)
        s.put(f"E{r}", f"=C{r}*D{r}", EUR_BE_FR)
    s.put("D17", "Total HTVA")
    s.put("E17", "=SUM(E12:E14)", EUR_BE_FR)
    s.put("D18", "TVA 21 %")
    s.put("E18", "=ROUND(E17*0.21,2)", EUR_BE_FR)
    s.put("D19", "Total TVAC", bold=True)
    s.put("E19", "=E17+E18", EUR_BE_FR, bold=True)
    s.put("A17", "Paiement à 30 jours par virement sur le compte", merge="B17")
    s.put("A18", "BE31 0689 0472 1855 – BIC GKCCBEBB", merge="B18")
    s.put("A19", "Communication structurée : +++090/9337/55493+++", merge="B19")
    s.put("A22", "Merci pour votre confiance !", italic=True, merge="E22", align="center")
    s.area("A1:E22")
    return wb


@invoice(batch=1)
def factuur_nl_schilder() -> Workbook:
    """nl-NL, portrait, no gridlines: `Factuur aan`, the accounting format with `€` at the cell's left edge
    (`€        1.680,00`), btw 9 % and 21 % per line in a percent column, a tax row per rate with its base
    in the cell between the label and the tax, dates `07-10-2025`, KvK and btw-id in the footer."""
    wb = Workbook()
    s = Sheet(wb, "Factuur", font="Liberation Sans")
    s.widths(A=30, B=6, C=7, D=11, E=5, F=11)
    s.put("A1", "Van Dijk Schilderwerken", bold=True, size=16)
    s.put("A2", "Amsterdamsestraatweg 311, 3551 CK Utrecht")
    s.put("A3", "06 5551 8422 · info@vandijkschilderwerken.nl")
    s.put("D1", "FACTUUR", bold=True, size=18, align="right", merge="F1")
    s.put("A6", "Factuur aan", bold=True, color="1F4E79")
    for r, text in enumerate(
        [
            "Stichting Huurdersbelang Zuilen",
            "t.a.v. de penningmeester",
            "Prinses Margrietstraat 8",
            "3554 AP Utrecht",
        ],
        7,
    ):
        s.put(f"A{r}", text)
    info = [
        ("Factuurnummer", "2025-118", None),
        ("Factuurdatum", date(2025, 10, 7), "DD-MM-YYYY"),
        ("Vervaldatum", date(2025, 10, 21), "DD-MM-YYYY"),
        ("Project", "Kozijnen buitenzijde", None),
    ]
    for r, (label, value, fmt) in enumerate(info, 6):
        s.put(f"C{r}", label, bold=True, merge=f"D{r}")
        s.put(f"E{r}", value, fmt, align="right", merge=f"F{r}")
    s.row(
        13,
        {"A": "Omschrijving", "B": "Aantal", "C": "Eenheid", "D": "Prijs", "E": "Btw", "F": "Bedrag"},
        bold=True,
        fill=PALE,
    )
    items = [
        ("Schilderwerk kozijnen (arbeid)", 32, "uur", 52.50, 0.09),
        ("Verf en materialen", 1, "post", 412.80, 0.21),
        ("Steigerhuur 2 weken", 1, "post", 350.00, 0.21),
    ]
    for i, (text, qty, unit, price, rate) in enumerate(items):
        r = 14 + i
        s.put(f"A{r}", text)
        s.put(f"B{r}", qty, "0", align="center")
        s.put(f"C{r}", unit, align="center")
        s.put(f"D{r}", price, EUR_NL_ACC)
        s.put(f"E{r}", rate, PCT, align="center")
        s.put(f"F{r}", f"=B{r}*D{r}", EUR_NL_ACC)
    s.rule("A13:F13", bottom=THIN)
    s.rule("A16:F16", bottom=THIN)
    s.put("B18", "Subtotaal", merge="C18")
    s.put("F18", "=SUM(F14:F16)", EUR_NL_ACC)
    s.put("B19", "Btw 9% over", merge="C19")
    s.put("D19", "=SUMIF(E14:E16,0.09,F14:F16)", EUR_NL_ACC)
    s.put("F19", "=ROUND(D19*0.09,2)", EUR_NL_ACC)
    s.put("B20", "Btw 21% over", merge="C20")
    s.put("D20", "=SUMIF(E14:E16,0.21,F14:F16)", EUR_NL_ACC)
    s.put("F20", "=ROUND(D20*0.21,2)", EUR_NL_ACC)
    s.put("B21", "Totaal", bold=True, merge="C21")
    s.put("F21", "=F18+F19+F20", EUR_NL_ACC, bold=True)
    s.rule("B21:F21", top=THIN)
    s.put(
        "A23",
        "Gelieve het totaalbedrag vóór de vervaldatum over te maken onder vermelding van het factuurnummer.",
        size=9,
    )
    s.put(
        "A42",
        "IBAN NL15 INGB 0007 8311 42 t.n.v. Van Dijk Schilderwerken · KvK 71234567 · btw-id NL853726413B01",
        size=8,
        align="center",
        merge="F42",
    )
    s.area("A1:F42")
    return wb


@invoice(batch=1)
def factuur_be_verbouwing() -> Workbook:
    """nl-BE, portrait fitted to the page width (nine columns: a small print): a discount percent per line,
    btw 6 % (renovation of a private home) and 21 % per line, a per-rate totals block, `Te betalen`, the
    6 % statement in a notes row, `vervaldag`, BE btw and IBAN."""
    wb = Workbook()
    s = Sheet(wb, "Factuur", fit_width=True)
    s.widths(A=9, B=44, C=8, D=9, E=14, F=9, G=7, H=16, I=3)
    s.put("A1", "Bouwbedrijf Peeters BV", bold=True, size=18, merge="D1")
    s.put("A2", "Kuringersteenweg 205 · 3500 Hasselt · 011 55 62 40 · info@bouwpeeters.be", merge="E2")
    s.put("A3", "Btw BE 0518.629.405 · RPR Antwerpen, afdeling Hasselt", merge="E3")
    s.put("F1", "FACTUUR", bold=True, size=18, align="right", merge="H1")
    s.put("A5", "Klant", bold=True)
    for r, text in enumerate(["Koen Janssens", "Boomkensstraat 42", "3500 Hasselt"], 6):
        s.put(f"A{r}", text, merge=f"B{r}")
    info = [
        ("Factuurnr.", "2025/0456", None),
        ("Factuurdatum", date(2025, 9, 12), "DD/MM/YYYY"),
        ("Vervaldag", date(2025, 10, 12), "DD/MM/YYYY"),
        ("Werf", "Boomkensstraat 42", None),
    ]
    for r, (label, value, fmt) in enumerate(info, 5):
        s.put(f"E{r}", label, bold=True, merge=f"F{r}")
        s.put(f"G{r}", value, fmt, align="right", merge=f"H{r}")
    head = {
        "A": "Code",
        "B": "Omschrijving",
        "C": "Aantal",
        "D": "Eenheid",
        "E": "Eenheidsprijs",
        "F": "Korting",
        "G": "Btw",
        "H": "Totaal excl. btw",
    }
    s.row(11, head, bold=True, fill=GREY)
    items = [
        ("AFB-01", "Renovatie badkamer: afbraak en afvoer", 1, "forfait", 1250.00, 0, 0.06),
        ("TEG-20", "Tegelwerk wand en vloer", 24, "m²", 68.00, 0, 0.06),
        ("SAN-07", "Inloopdouche met glaswand, geplaatst", 1, "st", 1480.00, 0.10, 0.06),
        ("CON-04", "Container 6 m³ bouwafval", 1, "st", 295.00, 0, 0.21),
    ]
    for i, (code, text, qty, unit, price, discount, rate) in enumerate(items):
        r = 12 + i
        s.row(r, {"A": code, "B": text, "D": unit})
        s.put(f"C{r}", qty, QTY_DE)
        s.put(f"E{r}", price, EUR_BE_NL)
        s.put(f"F{r}", discount, PCT_DE)
        s.put(f"G{r}", rate, PCT_DE)
        s.put(f"H{r}", f"=ROUND(C{r}*E{r}*(1-F{r}),2)", EUR_BE_NL)
    s.box("A11:H15", side=THIN, inner=HAIR)
    s.put("E17", "Totaal excl. btw", merge="G17")
    s.put("H17", "=SUM(H12:H15)", EUR_BE_NL)
    s.put("E18", "Btw 6 %", merge="G18")
    s.put("H18", "=ROUND(SUMIF(G12:G15,0.06,H12:H15)*0.06,2)", EUR_BE_NL)
    s.put("E19", "Btw 21 %", merge="G19")
    s.put("H19", "=ROUND(SUMIF(G12:G15,0.21,H12:H15)*0.21,2)", EUR_BE_NL)
    s.put("E20", "Totaal incl. btw", bold=True, merge="G20")
    s.put("H20", "=SUM(H17:H19)", EUR_BE_NL, bold=True)
    s.put("E21", "Te betalen", bold=True, merge="G21")
    s.put("H21", "=H20", EUR_BE_NL, bold=True)
    s.rule("E21:H21", top=THIN, bottom=THIN)
    s.put(
        "A17",
        "Btw-tarief 6 %: renovatie van een privéwoning ouder dan 10 jaar, verklaring klant ontvangen.",
        size=8,
        merge="C17",
        wrap=True,
    )
    s.put("A19", "Betaling op rekening BE67 0018 4716 0387 (GEBABEBB)", merge="C19")
    s.put("A20", "met vermelding van factuurnummer 2025/0456.", merge="C20")
    s.area("A1:H21")
    return wb


@invoice(batch=1)
def factura_es_carpinteria() -> Workbook:
    """es-ES, portrait, no gridlines: a self-employed carpenter's factura, `Cliente` with its CIF,
    `1.234,50 €` cells, IVA 21 % and a retención IRPF 15 % (negative) before the total to pay, NIF and
    IBAN."""
    wb = Workbook()
    s = Sheet(wb, "Factura")
    s.widths(A=38, B=9, C=11, D=12)
    s.put("A1", "Javier Morales Ruiz", bold=True, size=15)
    s.put("A2", "Carpintería y reformas")
    for r, text in enumerate(
        ["C/ San Vicente 48, 2º B", "46007 Valencia", "NIF 47291836H", "Tel. 655 512 874"], 3
    ):
        s.put(f"A{r}", text)
    s.put("C1", "FACTURA", bold=True, size=18, align="right", merge="D1")
    s.put("C3", "Nº factura", bold=True)
    s.put("D3", "F-2025/071", align="right")
    s.put("C4", "Fecha", bold=True)
    s.put("D4", date(2025, 9, 18), "DD/MM/YYYY")
    s.put("C5", "Vencimiento", bold=True)
    s.put("D5", date(2025, 10, 18), "DD/MM/YYYY")
    s.put("A8", "Cliente", bold=True, fill=GREY)
    for r, text in enumerate(
        ["Inmobiliaria Costa Dorada, S.L.", "CIF B62819370", "Avda. del Puerto 120, bajo", "46022 Valencia"],
        9,
    ):
        s.put(f"A{r}", text)
    s.row(14, {"A": "Concepto", "B": "Cantidad", "C": "Precio", "D": "Importe"}, bold=True, fill=GREY)
    items = [
        ("Puertas de paso lacadas, colocadas", 6, 285.00),
        ("Armario empotrado de 2 puertas", 2, 640.00),
        ("Rodapié DM lacado (metros lineales)", 48, 7.50),
    ]
    for i, (text, qty, price) in enumerate(items):
        r = 15 + i
        s.put(f"A{r}", text)
        s.put(f"B{r}", qty, "0", align="center")
        s.put(f"C{r}", price, EUR_ES)
        s.put(f"D{r}", f"=B{r}*C{r}", EUR_ES)
    s.box("A14:D17", side=THIN, inner=HAIR)
    totals = [
        ("Base imponible", "=SUM(D15:D17)", False),
        ("IVA 21%", "=ROUND(D19*0.21,2)", False),
        ("Retención IRPF 15%", "=-ROUND(D19*0.15,2)", False),
        ("TOTAL FACTURA", "=D19+D20+D21", True),
    ]
    for r, (label, formula, bold) in enumerate(totals, 19):
        s.put(f"B{r}", label, bold=bold, merge=f"C{r}")
        s.put(f"D{r}", formula, EUR_ES, bold=bold)
    s.rule("B22:D22", top=THIN)
    s.put("A24", "Forma de pago: transferencia bancaria a 30 días.", size=9)
    s.put("A25", "IBAN ES94 2100 2583 1102 0012 7345 (CaixaBank)", size=9)
    s.area("A1:D25")
    return wb


@invoice(batch=1)
def fattura_it_studio_tecnico() -> Workbook:
    """it-IT, portrait, no gridlines: `Spett.le` and `Destinatario`, `€ 1.234,50` cells (the symbol first),
    an `Aliquota IVA` percent column, Imponibile / IVA 22 % / Totale fattura, the payment terms and the due
    date, the registration data (REA, capitale sociale, P.IVA) and IBAN in footer rows."""
    wb = Workbook()
    s = Sheet(wb, "Fattura", font="Liberation Serif", size=11)
    s.widths(A=32, B=5, C=12, D=9, E=12)
    s.put("A1", "Studio Tecnico Ferrara S.r.l.", bold=True, size=15)
    s.put("A2", "Ingegneria impiantistica e prevenzione incendi", italic=True, size=9)
    for r, text in enumerate(
        ["Via dell'Indipendenza 58", "40121 Bologna (BO)", "tel. 051 555 3381 – info@studioferrara.it"], 3
    ):
        s.put(f"A{r}", text, size=10)
    s.put("C3", "Destinatario", bold=True, size=9, merge="E3")
    for r, text in enumerate(
        [
            "Spett.le",
            "Officine Meccaniche Bertolini S.p.A.",
            "Via Emilia Ponente 1120",
            "40133 Bologna (BO)",
            "P.IVA 01739520375",
        ],
        4,
    ):
        s.put(f"C{r}", text, size=10, merge=f"E{r}")
    s.put("A10", "FATTURA", bold=True, size=16)
    s.put("A11", "Fattura n.", size=10)
    s.put("B11", "112/2025", size=10, merge="C11")
    s.put("A12", "Data", size=10)
    s.put("B12", date(2025, 10, 29), "DD/MM/YYYY", size=10, merge="C12", align="left")
    s.row(
        14,
        {"A": "Descrizione", "B": "Q.tà", "C": "Prezzo unit.", "D": "Aliq. IVA", "E": "Importo"},
        bold=True,
        size=10,
        fill=GREY,
    )
    items = [
        ("Progetto impianto antincendio", 1, 3200.00),
        ("Pratica SCIA Vigili del Fuoco", 1, 850.00),
        ("Sopralluoghi tecnici in cantiere", 3, 180.00),
    ]
    for i, (text, qty, price) in enumerate(items):
        r = 15 + i
        s.put(f"A{r}", text, size=10)
        s.put(f"B{r}", qty, "0", size=10, align="center")
        s.put(f"C{r}", price, EUR_IT, size=10)
        s.put(f"D{r}", 0.22, PCT, size=10, align="center")
        s.put(f"E{r}", f"=B{r}*C{r}", EUR_IT, size=10)
    s.box("A14:E17")
    s.put("C19", "Imponibile", size=10, merge="D19")
    s.put("E19", "=SUM(E15:E17)", EUR_IT, size=10)
    s.put("C20", "IVA 22%", size=10, merge="D20")
    s.put("E20", "=ROUND(E19*0.22,2)", EUR_IT, size=10)
    s.put("C21", "Totale fattura", bold=True, size=10, merge="D21")
    s.put("E21", "=E19+E20", EUR_IT, bold=True, size=10)
    s.rule("C21:E21", top=THIN)
    s.put("A19", "Modalità di pagamento: bonifico bancario 30 gg d.f.", size=9)
    s.put("A20", "Scadenza: 28/11/2025", size=9)
    s.put(
        "A44",
        "Studio Tecnico Ferrara S.r.l. – Cap. soc. € 10.000,00 i.v. – REA BO-512345 – "
        "C.F. e P.IVA 02846170526",
        size=7,
        align="center",
        merge="E44",
    )
    s.put("A45", "BPER Banca – IBAN IT96 N053 8702 4000 0000 0314 159", size=7, align="center", merge="E45")
    s.area("A1:E45")
    return wb


@invoice(batch=1)
def invoice_ie_facilities() -> Workbook:
    """en-IE, landscape, printed gridlines: a service date per line, VAT at 13.5 % and 23 % per line in a
    percent column, the accounting format with `€` at the cell's left edge, a VAT analysis by rate beside
    the totals, the Irish VAT number and IBAN."""
    wb = Workbook()
    s = Sheet(wb, "Invoice", landscape=True, print_gridlines=True)
    s.widths(A=11, B=40, C=13, D=14, E=7, F=15)
    s.put("A1", "Shannon Facilities Services Ltd", bold=True, size=16, merge="C1")
    s.put("A2", "Unit 4, Raheen Business Park, Limerick V94 K2T8 · VAT No. IE6388047V", merge="C2")
    s.put("D1", "TAX INVOICE", bold=True, size=16, align="right", merge="F1")
    s.put("D3", "Invoice No.", bold=True)
    s.put("F3", "SFS-20931", align="right")
    s.put("D4", "Invoice Date", bold=True)
    s.put("F4", date(2025, 9, 30), "DD/MM/YYYY")
    s.put("D5", "Due Date", bold=True)
    s.put("F5", date(2025, 10, 30), "DD/MM/YYYY")
    s.put("A4", "Invoice To", bold=True)
    for r, text in enumerate(["Castletroy Medical Centre", "Dublin Road", "Castletroy, Co. Limerick"], 5):
        s.put(f"A{r}", text, merge=f"B{r}")
    s.row(10, {"A": "Date", "B": "Service", "C": "Qty", "D": "Rate", "E": "VAT %", "F": "Net"}, bold=True)
    items = [
        (date(2025, 9, 30), "Office cleaning, September (contract)", 1, 1450.00, 0.135),
        (date(2025, 9, 12), "Window cleaning, external", 2, 185.00, 0.135),
        (date(2025, 9, 30), "Consumables: paper towels, hand soap", 1, 212.40, 0.23),
        (date(2025, 9, 30), "Sanitary bin service (units)", 3, 28.00, 0.23),
    ]
    for i, (day, text, qty, rate, vat) in enumerate(items):
        r = 11 + i
        s.put(f"A{r}", day, "DD/MM/YYYY", align="left")
        s.put(f"B{r}", text)
        s.put(f"C{r}", qty, "0")
        s.put(f"D{r}", rate, EUR_IE_ACC)
        s.put(f"E{r}", vat, PCT_1)
        s.put(f"F{r}", f"=C{r}*D{r}", EUR_IE_ACC)
    s.row(16, {"A": "VAT rate", "B": "Goods / services", "C": "VAT"}, bold=True)
    for r, vat in ((17, 0.135), (18, 0.23)):
        s.put(f"A{r}", vat, PCT_1, align="left")
        s.put(f"B{r}", f"=SUMIF(E11:E14,A{r},F11:F14)", EUR_IE_ACC)
        s.put(f"C{r}", f"=ROUND(B{r}*A{r},2)", EUR_IE_ACC)
    s.put("D16", "Total Net")
    s.put("F16", "=SUM(F11:F14)", EUR_IE_ACC)
    s.put("D17", "Total VAT")
    s.put("F17", "=C17+C18", EUR_IE_ACC)
    s.put("D18", "Invoice Total", bold=True)
    s.put("F18", "=F16+F17", EUR_IE_ACC, bold=True)
    s.put(
        "A21", "Payment by EFT within 30 days to IBAN IE17 BOFI 9058 3812 3456 78, BIC BOFIIE2D.", merge="F21"
    )
    s.area("A1:F21")
    return wb


@invoice(batch=1)
def credit_note_gb_office() -> Workbook:
    """en-GB, portrait, no gridlines: a CREDIT NOTE for returned goods, negative quantities and amounts in the
    accounting format's parentheses (`£ (378.00)`), the original invoice referred to, VAT 20 %, GB VAT and
    IBAN in the footer."""
    wb = Workbook()
    s = Sheet(wb, "Credit Note", font="Liberation Sans")
    s.widths(A=36, B=6, C=13, D=15)
    s.put("A1", "Northgate Office Supplies Ltd", bold=True, size=15)
    for r, text in enumerate(["Unit 9, Kirkstall Industrial Park", "Leeds LS4 2AZ", "0113 555 6620"], 2):
        s.put(f"A{r}", text)
    s.put("C1", "CREDIT NOTE", bold=True, size=16, align="right", merge="D1")
    s.put("C3", "Credit Note No.")
    s.put("D3", "CN-00418", align="right")
    s.put("C4", "Date")
    s.put("D4", date(2025, 11, 11), "DD/MM/YYYY")
    s.put("C5", "Original Invoice")
    s.put("D5", "INV-10927", align="right")
    s.put("C6", "Invoice Date")
    s.put("D6", date(2025, 10, 28), "DD/MM/YYYY")
    s.put("A6", "Credit to", bold=True)
    for r, text in enumerate(
        ["Calder Valley Accountants LLP", "3 Station Parade", "Hebden Bridge HX7 8AD"], 7
    ):
        s.put(f"A{r}", text)
    s.row(12, {"A": "Description", "B": "Qty", "C": "Unit Price", "D": "Amount"}, bold=True, fill=GREY)
    items = [
        ("Returned: ergonomic mesh chair, black", -2, 189.00),
        ("Returned: dual monitor arm", -1, 64.50),
        ("Delivery charge refunded", -1, 12.00),
    ]
    for i, (text, qty, price) in enumerate(items):
        r = 13 + i
        s.put(f"A{r}", text)
        s.put(f"B{r}", qty, "0", align="center")
        s.put(f"C{r}", price, GBP_PAREN)
        s.put(f"D{r}", f"=B{r}*C{r}", GBP_PAREN)
    s.box("A12:D15", side=THIN, inner=None)
    s.put("B17", "Net", merge="C17")
    s.put("D17", "=SUM(D13:D15)", GBP_PAREN)
    s.put("B18", "VAT 20%", merge="C18")
    s.put("D18", "=ROUND(D17*0.2,2)", GBP_PAREN)
    s.put("B19", "Total Credit", bold=True, merge="C19")
    s.put("D19", "=D17+D18", GBP_PAREN, bold=True)
    s.rule("B19:D19", top=THIN, bottom=DOUBLE)
    s.put("A21", "Reason: goods returned unused, collected 06/11/2025.", size=9)
    s.put("A22", "This credit will be refunded to your account within 10 working days.", size=9)
    s.put(
        "A40",
        "Northgate Office Supplies Ltd · Company No. 06123457 · VAT Reg. No. GB 730 2614 17 · "
        "IBAN GB26 BUKB 2020 1558 8234 17",
        size=7,
        align="center",
        merge="D40",
    )
    s.area("A1:D40")
    return wb


# ---------------------------------------------------------------------------------------------------------
# batch 2: written after batch 1's fixes, before the product read them


@invoice(batch=2)
def rechnung_ch_treuhand() -> Workbook:
    """de-CH, portrait, no gridlines: Swiss francs with the apostrophe grouping (`4'032.13`), the currency
    code in a cell of its own left of each total, MWST 8.1 %, hours x rate items, the CHE number with MWST
    and a Swiss IBAN in the footer."""
    wb = Workbook()
    s = Sheet(wb, "Rechnung")
    s.widths(A=34, B=8, C=10, D=5, E=13)
    chf = "[$-807]#,##0.00"
    s.put("A1", "Treuhand Keller AG", bold=True, size=15)
    for r, text in enumerate(
        ["Bahnhofstrasse 21", "8001 Zürich", "Tel. 044 555 21 90", "mail@treuhand-keller.ch"], 2
    ):
        s.put(f"A{r}", text)
    s.put("C3", "Bäckerei Huber GmbH", merge="E3")
    for r, text in enumerate(["Herr Stefan Huber", "Dorfstrasse 5", "8610 Uster"], 4):
        s.put(f"C{r}", text, merge=f"E{r}")
    s.put("A9", "Rechnung", bold=True, size=14)
    info = [
        ("Rechnung Nr.", "2025-1183", None),
        ("Datum", date(2025, 10, 15), "DD.MM.YYYY"),
        ("Zahlbar bis", date(2025, 11, 14), "DD.MM.YYYY"),
        ("Kunden-Nr.", "4471", None),
    ]
    for r, (label, value, fmt) in enumerate(info, 10):
        s.put(f"A{r}", label)
        s.put(f"B{r}", value, fmt, align="left", merge=f"C{r}")
    s.row(15, {"A": "Leistung", "B": "Stunden", "C": "Ansatz", "E": "Betrag"}, bold=True)
    s.rule("A15:E15", bottom=THIN)
    items = [
        ("Jahresabschluss 2024", 14.5, 160.00),
        ("Steuererklärung juristische Person", 6, 160.00),
        ("Lohnbuchhaltung 3. Quartal", 1, 450.00),
    ]
    for i, (text, hours, rate) in enumerate(items):
        r = 16 + i
        s.put(f"A{r}", text)
        s.put(f"B{r}", hours, "0.0", align="center")
        s.put(f"C{r}", rate, chf)
        s.put(f"E{r}", f"=ROUND(B{r}*C{r},2)", chf)
    s.rule("A18:E18", bottom=THIN)
    totals = [
        ("Total exkl. MWST", "=SUM(E16:E18)", False),
        ("MWST 8.1 %", "=ROUND(E20*0.081,2)", False),
        ("Total inkl. MWST", "=E20+E21", True),
    ]
    for r, (label, formula, bold) in enumerate(totals, 20):
        s.put(f"B{r}", label, bold=bold, merge=f"C{r}")
        s.put(f"D{r}", "CHF", bold=bold)
        s.put(f"E{r}", formula, chf, bold=bold)
    s.rule("B22:E22", top=THIN, bottom=DOUBLE)
    s.put("A24", "Zahlbar innert 30 Tagen netto.", size=9)
    s.put(
        "A42",
        "Treuhand Keller AG · CHE-115.283.646 MWST · Zürcher Kantonalbank · IBAN CH93 0076 2011 6238 5295 7",
        size=7,
        align="center",
        merge="E42",
    )
    s.area("A1:E42")
    return wb


@invoice(batch=2)
def invoice_us_landscaping() -> Workbook:
    """en-US, landscape Letter, printed gridlines: a service date per line, a taxable flag and a per-line
    `Tax Amount` column before the line's `Amount`, the accounting format, `Sold To`, payments and
    credits as the accounting dash, the balance due."""
    wb = Workbook()
    s = Sheet(wb, "Invoice", landscape=True, letter=True, print_gridlines=True)
    s.widths(A=11, B=31, C=6, D=13, E=8, F=12, G=13)
    s.put("A1", "Prairie Wind Landscaping LLC", bold=True, size=15, merge="C1")
    s.put("A2", "4418 S 96th St, Omaha, NE 68127 · (402) 555-0173", merge="C2")
    s.put("E1", "INVOICE", bold=True, size=16, align="right", merge="G1")
    for r, (label, value, fmt) in enumerate(
        [
            ("Invoice #", "PW-5521", None),
            ("Date", date(2025, 10, 2), "MM/DD/YYYY"),
            ("Terms", "Net 30", None),
            ("Due Date", date(2025, 11, 1), "MM/DD/YYYY"),
        ],
        3,
    ):
        s.put(f"E{r}", label, bold=True, merge=f"F{r}")
        s.put(f"G{r}", value, fmt, align="right")
    s.put("A4", "Sold To", bold=True)
    for r, text in enumerate(
        ["Millard Heights HOA", "c/o Keystone Property Mgmt", "2020 S 120th St", "Omaha, NE 68144"], 5
    ):
        s.put(f"A{r}", text, merge=f"B{r}")
    head = {
        "A": "Date",
        "B": "Service",
        "C": "Qty",
        "D": "Rate",
        "E": "Taxable",
        "F": "Tax Amount",
        "G": "Amount",
    }
    s.row(10, head, bold=True)
    items = [
        (date(2025, 9, 8), "Fall aeration, common areas", 1, 1250.00),
        (date(2025, 9, 15), "Hardwood mulch (cu yd)", 18, 42.00),
        (date(2025, 9, 22), "Tree trimming crew (hours)", 12, 95.00),
        (date(2025, 9, 29), "Irrigation winterization", 1, 325.00),
    ]
    for i, (day, text, qty, rate) in enumerate(items):
        r = 11 + i
        s.put(f"A{r}", day, "MM/DD/YYYY", align="left")
        s.put(f"B{r}", text)
        s.put(f"C{r}", qty, "0")
        s.put(f"D{r}", rate, USD_ACC)
        s.put(f"E{r}", "Y", align="center")
        s.put(f"F{r}", f"=ROUND(G{r}*0.07,2)", USD_ACC)
        s.put(f"G{r}", f"=C{r}*D{r}", USD_ACC)
    totals = [
        ("Subtotal", "=SUM(G11:G14)"),
        ("Sales Tax (7%)", "=SUM(F11:F14)"),
        ("Total", "=G16+G17"),
        ("Payments/Credits", 0),
        ("Balance Due", "=G18-G19"),
    ]
    for r, (label, value) in enumerate(totals, 16):
        s.put(f"E{r}", label, bold=label in ("Total", "Balance Due"), merge=f"F{r}")
        s.put(f"G{r}", value, USD_ACC, bold=label in ("Total", "Balance Due"))
    s.put("A16", "Thank you! Please include the invoice number on your check.", merge="C16")
    s.put("A17", "Questions: billing@prairiewindlandscaping.com", merge="C17")
    s.area("A1:G20")
    return wb


@invoice(batch=2)
def facture_fr_traiteur() -> Workbook:
    """fr-FR, portrait, no gridlines: `1 234,50 €` cells (the narrow no-break space), TVA 10 % and 20 % per
    line, a TVA recap grid (`Taux  Base HT  TVA  Total TTC`, labels left, numbers right, a `Total` row),
    a deposit already paid and the remaining amount."""
    wb = Workbook()
    s = Sheet(wb, "Facture", font="Liberation Sans")
    s.widths(A=26, B=5, C=12, D=11, E=16)
    s.put("A1", "Les Saveurs de Margaux", bold=True, size=15)
    for r, text in enumerate(
        ["Traiteur – Réceptions", "12 quai des Chartrons, 33000 Bordeaux", "05 56 55 48 20"], 2
    ):
        s.put(f"A{r}", text, size=9)
    s.put("C2", "Facturé à", bold=True, merge="E2")
    for r, text in enumerate(
        ["Cabinet d'Avocats Duval & Associés", "45 cours de l'Intendance", "33000 Bordeaux"], 3
    ):
        s.put(f"C{r}", text, merge=f"E{r}")
    s.put("A7", "FACTURE N° FA-2025-0388", bold=True, size=13)
    s.put("A8", "Date : 14/10/2025")
    s.put("A9", "Échéance : 13/11/2025")
    s.put("A10", "Réception du 10/10/2025, 40 personnes", italic=True, size=9)
    s.row(
        12,
        {"A": "Désignation", "B": "Qté", "C": "P.U. HT", "D": "TVA", "E": "Total HT"},
        bold=True,
        fill=GREY,
    )
    items = [
        ("Plateaux repas, formule affaires", 24, 23.50, 0.10),
        ("Cocktail dînatoire (par personne)", 40, 28.00, 0.10),
        ("Vins et champagne", 1, 480.00, 0.20),
        ("Maîtres d'hôtel (heures)", 8, 38.00, 0.20),
    ]
    for i, (text, qty, price, rate) in enumerate(items):
        r = 13 + i
        s.put(f"A{r}", text)
        s.put(f"B{r}", qty, "0", align="center")
        s.put(f"C{r}", price, EUR_FR)
        s.put(f"D{r}", rate, "[$-40C]0 %", align="center")
        s.put(f"E{r}", f"=B{r}*C{r}", EUR_FR)
    s.box("A12:E16", side=THIN, inner=HAIR)
    s.row(18, {"B": "Taux", "C": "Base HT", "D": "TVA", "E": "Total TTC"}, bold=True)
    for r, rate in ((19, 0.10), (20, 0.20)):
        s.put(f"B{r}", rate, "[$-40C]0 %")
        s.put(f"C{r}", f"=SUMIF(D13:D16,B{r},E13:E16)", EUR_FR)
        s.put(f"D{r}", f"=ROUND(C{r}*B{r},2)", EUR_FR)
        s.put(f"E{r}", f"=C{r}+D{r}", EUR_FR)
    s.put("B21", "Total", bold=True)
    s.put("C21", "=C19+C20", EUR_FR, bold=True)
    s.put("D21", "=D19+D20", EUR_FR, bold=True)
    s.put("E21", "=E19+E20", EUR_FR, bold=True)
    s.box("B18:E21", side=THIN, inner=HAIR)
    s.put("C23", "Acompte versé (30 %)", merge="D23")
    s.put("E23", "=-ROUND(E21*0.3,2)", EUR_FR)
    s.put("C24", "Reste à payer", bold=True, merge="D24")
    s.put("E24", "=E21+E23", EUR_FR, bold=True)
    s.put("A26", "Règlement par virement à réception de facture.", size=8)
    s.put("A27", "En cas de retard, indemnité forfaitaire pour frais de recouvrement : 40 €.", size=8)
    s.put(
        "A44",
        "SAS Les Saveurs de Margaux – SIRET 412 873 564 00006 – TVA FR59412873564 – "
        "IBAN FR76 1020 7000 2802 1423 5780 177",
        size=7,
        align="center",
        merge="E44",
    )
    s.area("A1:E44")
    return wb


@invoice(batch=2)
def factuur_nl_ict() -> Workbook:
    """nl-NL, landscape fitted to the page width, printed gridlines: article codes, a `Btw-bedrag` column
    beside `Bedrag excl. btw`, the accounting format with `€` at the cell's left edge, KvK and btw-id."""
    wb = Workbook()
    s = Sheet(wb, "Factuur", landscape=True, print_gridlines=True, fit_width=True)
    s.widths(A=12, B=40, C=8, D=14, E=8, F=14, G=18)
    s.put("A1", "Bits & Bytes ICT Beheer B.V.", bold=True, size=16, merge="C1")
    s.put(
        "A2",
        "Kanaaldijk 14, 5611 ZZ Eindhoven · 040 555 2190 · KvK 60718243 · btw NL814263951B01",
        merge="D2",
    )
    s.put("F1", "FACTUUR", bold=True, size=16, align="right", merge="G1")
    s.put("A4", "Factuuradres", bold=True)
    for r, text in enumerate(
        ["Huisartsenpraktijk De Kempen", "t.a.v. de praktijkmanager", "Heuvelstraat 3", "5521 AE Eersel"], 5
    ):
        s.put(f"A{r}", text, merge=f"B{r}")
    for r, (label, value, fmt) in enumerate(
        [
            ("Factuurnummer", "F2025-0917", None),
            ("Factuurdatum", date(2025, 10, 31), "DD-MM-YYYY"),
            ("Vervaldatum", date(2025, 11, 30), "DD-MM-YYYY"),
            ("Klantnummer", "DK-0042", None),
        ],
        4,
    ):
        s.put(f"F{r}", label, bold=True)
        s.put(f"G{r}", value, fmt, align="right")
    head = {
        "A": "Artikel",
        "B": "Omschrijving",
        "C": "Aantal",
        "D": "Prijs",
        "E": "Btw %",
        "F": "Btw-bedrag",
        "G": "Bedrag excl. btw",
    }
    s.row(10, head, bold=True)
    items = [
        ("MS365-BB", "Microsoft 365 Business Basic, oktober", 12, 5.60),
        ("BEH-WP", "Beheer werkplekken (per maand)", 12, 18.50),
        ("SRV-UUR", "Technicus op locatie (uur)", 3, 85.00),
        ("HW-DOCK", "USB-C dockingstation", 2, 149.00),
    ]
    for i, (code, text, qty, price) in enumerate(items):
        r = 11 + i
        s.row(r, {"A": code, "B": text})
        s.put(f"C{r}", qty, "0")
        s.put(f"D{r}", price, EUR_NL_ACC)
        s.put(f"E{r}", 0.21, PCT)
        s.put(f"F{r}", f"=ROUND(G{r}*E{r},2)", EUR_NL_ACC)
        s.put(f"G{r}", f"=C{r}*D{r}", EUR_NL_ACC)
    for r, (label, formula, bold) in enumerate(
        [
            ("Totaal excl. btw", "=SUM(G11:G14)", False),
            ("Btw 21%", "=SUM(F11:F14)", False),
            ("Totaal incl. btw", "=G16+G17", True),
        ],
        16,
    ):
        s.put(f"E{r}", label, bold=bold, merge=f"F{r}")
        s.put(f"G{r}", formula, EUR_NL_ACC, bold=bold)
    s.put(
        "A16",
        "Betaling binnen 30 dagen op NL71 ABNA 0602 4196 25 t.n.v. Bits & Bytes ICT Beheer B.V.",
        merge="C16",
    )
    s.area("A1:G18")
    return wb


@invoice(batch=2)
def fattura_it_forniture() -> Workbook:
    """it-IT, landscape, printed gridlines: codes, units and a discount percent per line, the VAT column
    right of the amount, a `Riepilogo IVA` grid (`Aliquota  Imponibile  Imposta  Totale`), `Totale
    documento`, P.IVA and IBAN."""
    wb = Workbook()
    s = Sheet(wb, "Fattura", landscape=True, print_gridlines=True)
    s.widths(A=10, B=32, C=6, D=8, E=11, F=9, G=12, H=12)
    s.put("A1", "Colombo Forniture Edili S.r.l.", bold=True, size=15, merge="D1")
    s.put("A2", "Via Borgo Palazzo 140 – 24125 Bergamo – P.IVA 19384750618", merge="D2")
    s.put("E1", "FATTURA", bold=True, size=16, align="right", merge="H1")
    s.put("E3", "Numero", bold=True, merge="F3")
    s.put("G3", "2025/0741", align="right", merge="H3")
    s.put("E4", "Data", bold=True, merge="F4")
    s.put("G4", date(2025, 10, 20), "DD/MM/YYYY", merge="H4")
    s.put("E5", "Scadenza", bold=True, merge="F5")
    s.put("G5", date(2025, 11, 30), "DD/MM/YYYY", merge="H5")
    s.put("A4", "Spett.le", bold=True)
    for r, text in enumerate(["Impresa Edile Rota S.r.l.", "Via Roma 8", "24020 Gorle (BG)"], 5):
        s.put(f"A{r}", text, merge=f"B{r}")
    head = {
        "A": "Codice",
        "B": "Descrizione",
        "C": "U.M.",
        "D": "Q.tà",
        "E": "Prezzo",
        "F": "Sconto",
        "G": "Importo",
        "H": "IVA",
    }
    s.row(10, head, bold=True)
    items = [
        ("CEM-325", "Cemento Portland 32,5 R, sacchi 25 kg", "sa", 60, 6.80, 0.05),
        ("TON-12", "Tondino ferro B450C Ø 12", "kg", 420, 1.15, 0),
        ("RET-EL", "Rete elettrosaldata 2 x 3 m", "pz", 25, 14.90, 0),
        ("TRA-01", "Trasporto con gru", "nr", 1, 120.00, 0),
    ]
    for i, (code, text, unit, qty, price, discount) in enumerate(items):
        r = 11 + i
        s.row(r, {"A": code, "B": text, "C": unit})
        s.put(f"D{r}", qty, "0")
        s.put(f"E{r}", price, EUR_IT)
        s.put(f"F{r}", discount, PCT)
        s.put(f"G{r}", f"=ROUND(D{r}*E{r}*(1-F{r}),2)", EUR_IT)
        s.put(f"H{r}", 0.22, PCT)
    s.put("A16", "Riepilogo IVA", bold=True)
    s.row(17, {"A": "Aliquota", "B": "Imponibile", "C": "Imposta", "E": "Totale"}, bold=True)
    s.put("A18", 0.22, PCT, align="left")
    s.put("B18", "=SUM(G11:G14)", EUR_IT)
    s.put("C18", "=ROUND(B18*A18,2)", EUR_IT, merge="D18")
    s.put("E18", "=B18+C18", EUR_IT, merge="F18")
    s.put("F20", "Totale documento", bold=True, merge="G20")
    s.put("H20", "=E18", EUR_IT, bold=True)
    s.put("A21", "Pagamento: bonifico bancario 30 gg d.f.f.m.", merge="B21")
    s.put("A22", "IBAN IT52 U030 6901 7831 0000 0010 203 – Intesa Sanpaolo", merge="B22")
    s.area("A1:H22")
    return wb


@invoice(batch=2)
def factura_es_limpieza() -> Workbook:
    """es-ES, portrait fitted to the page width: per line the base, the VAT rate, the `Cuota IVA` and the
    line's total with VAT (the items' amount is the base, or the total a reader may write), the CIF in the
    seller's block, `Cliente`, IVA 21 %."""
    wb = Workbook()
    s = Sheet(wb, "Factura", fit_width=True)
    s.widths(A=40, B=10, C=12, D=14, E=8, F=13, G=14)
    s.put("A1", "Limpiezas Brillo Norte, S.L.", bold=True, size=16)
    for r, text in enumerate(["CIF B84129766", "Calle Licenciado Poza 31, 48011 Bilbao", "944 55 21 70"], 2):
        s.put(f"A{r}", text)
    s.put("E1", "FACTURA", bold=True, size=16, align="right", merge="G1")
    for r, (label, value, fmt) in enumerate(
        [
            ("Factura nº", "LBN-2025-0412", None),
            ("Fecha", date(2025, 11, 5), "DD/MM/YYYY"),
            ("Vencimiento", date(2025, 12, 5), "DD/MM/YYYY"),
        ],
        3,
    ):
        s.put(f"E{r}", label, bold=True, merge=f"F{r}")
        s.put(f"G{r}", value, fmt, align="right")
    s.put("A7", "Cliente", bold=True)
    for r, text in enumerate(
        ["Clínica Dental Abando, S.L.P.", "CIF B95817364", "Alameda Urquijo 12, 48008 Bilbao"], 8
    ):
        s.put(f"A{r}", text)
    head = {
        "A": "Servicio",
        "B": "Uds.",
        "C": "Precio",
        "D": "Base",
        "E": "% IVA",
        "F": "Cuota IVA",
        "G": "Total",
    }
    s.row(12, head, bold=True, fill=GREY)
    items = [
        ("Limpieza mensual de instalaciones", 1, 980.00),
        ("Limpieza de cristales", 2, 145.00),
        ("Desinfección de gabinetes", 6, 35.00),
    ]
    for i, (text, qty, price) in enumerate(items):
        r = 13 + i
        s.put(f"A{r}", text)
        s.put(f"B{r}", qty, "0", align="center")
        s.put(f"C{r}", price, EUR_ES)
        s.put(f"D{r}", f"=B{r}*C{r}", EUR_ES)
        s.put(f"E{r}", 0.21, PCT, align="center")
        s.put(f"F{r}", f"=ROUND(D{r}*E{r},2)", EUR_ES)
        s.put(f"G{r}", f"=D{r}+F{r}", EUR_ES)
    s.box("A12:G15", side=THIN, inner=HAIR)
    for r, (label, formula, bold) in enumerate(
        [
            ("Base imponible", "=SUM(D13:D15)", False),
            ("IVA 21 %", "=SUM(F13:F15)", False),
            ("Total factura", "=G17+G18", True),
        ],
        17,
    ):
        s.put(f"E{r}", label, bold=bold, merge=f"F{r}")
        s.put(f"G{r}", formula, EUR_ES, bold=bold)
    s.put("A17", "Forma de pago: transferencia a 30 días", size=9)
    s.put("A18", "IBAN ES70 0049 1500 0105 1234 5678", size=9)
    s.area("A1:G19")
    return wb


@invoice(batch=2)
def avoir_fr_mobilier() -> Workbook:
    """fr-FR, portrait, no gridlines: an AVOIR for returned chairs and a commercial discount, negative
    quantities and amounts (`-580,00 €`), the original invoice referred to, TVA 20 %, SIRET and IBAN."""
    wb = Workbook()
    s = Sheet(wb, "Avoir")
    s.widths(A=34, B=6, C=13, D=15)
    s.put("A1", "Atelier Bois & Lin SARL", bold=True, size=14)
    for r, text in enumerate(["8 rue de la Fosse", "44000 Nantes", "02 40 55 18 63"], 2):
        s.put(f"A{r}", text)
    s.put("C1", "AVOIR", bold=True, size=18, align="right", merge="D1")
    s.put("C3", "N° d'avoir")
    s.put("D3", "AV-2025-014", align="right")
    s.put("C4", "Date")
    s.put("D4", date(2025, 10, 21), "DD/MM/YYYY")
    s.put("C5", "Facture d'origine")
    s.put("D5", "FA-2025-0392", align="right")
    s.put("A7", "Client", bold=True)
    for r, text in enumerate(["Hôtel Le Quai des Arts", "3 quai de Versailles", "44000 Nantes"], 8):
        s.put(f"A{r}", text)
    s.row(12, {"A": "Désignation", "B": "Qté", "C": "P.U. HT", "D": "Montant HT"}, bold=True, fill=GREY)
    items = [("Retour : chaise bistrot chêne", -4, 145.00), ("Remise commerciale sur tables", 1, -120.00)]
    for i, (text, qty, price) in enumerate(items):
        r = 13 + i
        s.put(f"A{r}", text)
        s.put(f"B{r}", qty, "0", align="center")
        s.put(f"C{r}", price, EUR_FR)
        s.put(f"D{r}", f"=B{r}*C{r}", EUR_FR)
    s.box("A12:D14")
    for r, (label, formula, bold) in enumerate(
        [
            ("Total HT", "=SUM(D13:D14)", False),
            ("TVA 20 %", "=ROUND(D16*0.2,2)", False),
            ("Total TTC", "=D16+D17", True),
        ],
        16,
    ):
        s.put(f"B{r}", label, bold=bold, merge=f"C{r}")
        s.put(f"D{r}", formula, EUR_FR, bold=bold)
    s.put("A20", "Montant remboursé par virement sous 15 jours.", size=9)
    s.put(
        "A40",
        "Atelier Bois & Lin SARL – SIRET 538 204 918 00014 – TVA FR05538204918 – "
        "IBAN FR76 1470 7000 3408 2134 5701 202",
        size=7,
        align="center",
        merge="D40",
    )
    s.area("A1:D40")
    return wb


@invoice(batch=2)
def invoice_gb_timesheet() -> Workbook:
    """en-GB, landscape, printed gridlines: a week per row (date, task, hours, rate, amount), `Invoice to`,
    the accounting format's `£` at the cell's left edge, payment within 14 days, VAT 20 %, GB VAT and
    IBAN."""
    wb = Workbook()
    s = Sheet(wb, "Invoice", landscape=True, print_gridlines=True)
    s.widths(A=12, B=42, C=8, D=14, E=16)
    gbp_acc = '_-£* #,##0.00_-;-£* #,##0.00_-;_-£* "-"??_-;_-@_-'
    s.put("A1", "Harbour Lane Digital Ltd", bold=True, size=15, merge="B1")
    s.put("A2", "Unit 3, Paintworks, Bath Road, Bristol BS4 3EH · VAT GB 284 6103 03", merge="C2")
    s.put("D1", "INVOICE", bold=True, size=16, align="right", merge="E1")
    for r, (label, value, fmt) in enumerate(
        [
            ("Invoice No.", "HLD-0219", None),
            ("Date", date(2025, 10, 31), "DD/MM/YYYY"),
            ("Due", date(2025, 11, 14), "DD/MM/YYYY"),
        ],
        3,
    ):
        s.put(f"D{r}", label, bold=True)
        s.put(f"E{r}", value, fmt, align="right")
    s.put("A4", "Invoice to", bold=True)
    for r, text in enumerate(
        ["Severn Valley Housing Association", "Riverside House, Quay Street", "Gloucester GL1 2JN"], 5
    ):
        s.put(f"A{r}", text, merge=f"B{r}")
    s.row(9, {"A": "Week of", "B": "Task", "C": "Hours", "D": "Rate", "E": "Amount"}, bold=True)
    items = [
        (date(2025, 10, 6), "Discovery workshop", 6, 85),
        (date(2025, 10, 13), "Wireframes, tenant portal", 12.5, 85),
        (date(2025, 10, 20), "Front-end build", 22, 85),
        (date(2025, 10, 27), "Accessibility audit (WCAG 2.2)", 7, 95),
    ]
    for i, (day, text, hours, rate) in enumerate(items):
        r = 10 + i
        s.put(f"A{r}", day, "DD/MM/YYYY", align="left")
        s.put(f"B{r}", text)
        s.put(f"C{r}", hours, "0.0")
        s.put(f"D{r}", rate, gbp_acc)
        s.put(f"E{r}", f"=C{r}*D{r}", gbp_acc)
    for r, (label, formula, bold) in enumerate(
        [
            ("Net", "=SUM(E10:E13)", False),
            ("VAT 20%", "=ROUND(E15*0.2,2)", False),
            ("Total", "=E15+E16", True),
        ],
        15,
    ):
        s.put(f"D{r}", label, bold=bold)
        s.put(f"E{r}", formula, gbp_acc, bold=bold)
    s.put("A15", "Payment within 14 days by bank transfer:", merge="B15")
    s.put("A16", "Lloyds Bank, IBAN GB91 LOYD 3096 3417 2946 58", merge="B16")
    s.area("A1:E17")
    return wb


# ---------------------------------------------------------------------------------------------------------


# Column widths (in characters) that Calc prints on one page across at 0.6" side margins
PAGE_WIDTH = {
    ("A4", "portrait"): 70,
    ("A4", "landscape"): 100,
    ("Letter", "portrait"): 72,
    ("Letter", "landscape"): 94,
}


def fits_across(ws: Worksheet) -> bool:
    """Whether the sheet's used columns print on one page across (always, when fitted to the page width)."""
    if ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage:
        return True
    paper = "Letter" if ws.page_setup.paperSize == ws.PAPERSIZE_LETTER else "A4"
    used = sum(ws.column_dimensions[get_column_letter(c)].width or 13 for c in range(1, ws.max_column + 1))
    return used <= PAGE_WIDTH[paper, ws.page_setup.orientation]


def print_pdf(name: str, workbook: Workbook, workdir: Path, profile: Path) -> Path:
    """Save the workbook and print it with headless LibreOffice Calc into OUT."""
    if not fits_across(workbook.active):
        raise SystemExit(f"{name}: the columns are wider than the page")
    source = workdir / f"{name}.xlsx"
    workbook.properties.creator = "bench/print_spreadsheet_invoices.py"
    workbook.save(source)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(OUT),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    return OUT / f"{name}.pdf"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("names", nargs="*", help="invoice names (default: every one)")
    parser.add_argument("--keep-xlsx", type=Path, help="copy the workbooks into this folder")
    parser.add_argument("--profile", type=Path, default=Path("/tmp/spreadsheet-invoices-lo-profile"))
    args = parser.parse_args(argv)
    names = args.names or list(INVOICES)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="spreadsheet-invoices-") as workdir:
        for name in names:
            pdf = print_pdf(name, INVOICES[name][1](), Path(workdir), args.profile)
            if args.keep_xlsx:
                args.keep_xlsx.mkdir(parents=True, exist_ok=True)
                shutil.copy(Path(workdir) / f"{name}.xlsx", args.keep_xlsx)
            print(pdf.relative_to(OUT.parents[3]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
