"""Held-out invoices made in spreadsheets (issue 13, round 8a): invoices as small businesses keep them in
Excel or LibreOffice Calc templates, written as `.xlsx` workbooks by `bench/print_spreadsheet_invoices.py`
(openpyxl) and printed to PDF by headless LibreOffice Calc, which recalculates the formulas. A cell grid:
merged title and party cells, the seller's block top left or top right, `Bill to` / `Rechnungsempfänger` /
`Client` / `Factuur aan` / `Cliente` / `Destinatario` blocks, label and value cells far apart on a row, items
tables with cell borders, numbers in number formats (`1.234,50 €`, `£1,234.50`, `€ 1.234,50`, the
accounting format with the currency symbol at the cell's left edge and the number at its right, negatives in
parentheses, zero as a dash), VAT rates in percent cells and columns, totals with their labels one or two
cells to the left, notes rows, company data and bank details in footer rows; portrait and landscape, some
fitted to the page width (small print), some with printed gridlines. en (GB, US, IE), de (DE, AT), fr (FR,
BE), nl (NL, BE), es, it; a credit note, a deposit, a discount, two VAT rates, a retención IRPF. VAT ids and
IBANs carry valid check digits. The PDFs are committed in `spreadsheet_invoices/` with `expectations.json`,
written from the printed pages and committed before the product read them (batch 1: 14ca2b5).

First run of batch 1 (14 invoices, 14 pages, `bench/held_out_pdfs.py --folder
tests/ocr_tasks/extraction/spreadsheet_invoices`): text layer 6 of 184 checks wrong (macro 0.969), 200 dpi 5
of 184 (0.974). Their causes, each fixed by a general rule but the first:
- `NIF 47291836H  Vencimiento  18/10/2025`: the due date after the NIF on its row read as the tax number
  (text layer only); another helper's rule (a printed date is no tax number) fixes it, not yet committed;
- `Credit to` over the customer's block of a credit note was taken as the name (both readings): `credit
  to`, `credited to` head the buyer's block (the en lexicon's `bill_to`);
- `Chaudière gaz à condensation 24 kW  1  10 %` without its prices (text layer): LibreOffice drew the
  row's `2 890,00 €` cells (French grouping with a narrow no-break space) after the rest of the row, a
  line of its own whose span the first line's covers; two lines in one band whose words do not stand over
  one another are one row (`rows._stacked`);
- `Netto  USt  USt-Betrag`: the items' amounts were the per-line tax under `USt-Betrag` (both readings). A
  header word that joins a tax word and an amount word, in one token or as the two words of one cell
  (`USt-Betrag`, `VAT amount`, `Montant TVA`), names the line's tax (`item_table_header._names_tax_amount`),
  whose numbers are never the line's amount;
- a VAT summary grid, `USt-Satz  Netto  USt  Brutto` left-aligned over right-aligned numbers, so the
  net's `€` stood under `USt`: no subtotal, the net taken as the tax (both readings). When a header row and
  a value row have as many cells, each header between its neighbours' values, the k-th header heads the
  k-th value (`candidates.cell_in_order`, used for a totals table's last row).
At 200 dpi besides: the footer's `EIN 74-3318205`, printed small on the US page fitted to its width, read
`EN 742818205` (left alone: OCR). After these fixes (55e6672) and round 8b's (b55dbaa: a printed date is no
tax number): batch 1 text layer 0 of 184 wrong.

Batch 2, eight more written after those fixes (3445eed: a Swiss Rechnung in CHF with `4'032.13` and the
currency code in a cell of its own, a US invoice with a per-line `Tax Amount` column, a French traiteur's
facture with a TVA recap grid and a deposit, a Dutch factuur with `Btw-bedrag`, an Italian fattura with a
`Riepilogo IVA` grid, a Spanish factura with base, cuota and total per line, a French avoir, a British
timesheet invoice), first run: text layer 7 of 105 checks wrong (macro 0.938), 200 dpi 6 of 105 (0.946).
Fixed by general rules:
- `Taux Base HT  TVA  Total TTC`: the narrow rate column's label ran into the next one, so the recap grid's
  header had fewer cells than its values and the `Total` row's tax stood under no header word: the tax and
  the total wrong (text layer). Then each header word heads the first value that ends more than a character
  width after the word starts (`candidates._head_by_edges`);
- `Aliquota  Imponibile  Imposta  Totale` over one row: the net's number stood nearer `Imposta`; the last
  row of a totals table takes its header as the table reads it, cell by cell (`amount_fields`: `column`
  over the overlap reading), no subtotal and a wrong tax before (both readings);
- `€ 387,60  22%` under `Importo  IVA`, labels at their cells' left edges: the money landed nearest the VAT
  column, so no item had its amount in the amount column (both readings: no items). Money is no
  percentage: a decimal amount nearest a column of percentages on a row that prints its percentage goes to
  the nearest column of numbers (`line_items._column_of`);
- `Forma de pago: transferencia a 30 días  Base imponible  1.480,00 €`: a note's cell beside the totals
  label made the base and the VAT rows items (both readings). The cell just left of the first price is a
  totals label's place too (`line_items._cell_before_price`).
Left: the French avoir's `Remise commerciale` line (a discount credited as a line: no item by the items'
rule for negative prices), and at 200 dpi `Clínica` read `Clinica`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from schwifty import IBAN
from stdnum.ch import vat as ch_vat
from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat
from stdnum.us import ein as us_ein

from tests.ocr_tasks.extraction.pdf_folders import FolderReadings, pdf_cases

FOLDER = Path(__file__).with_name("spreadsheet_invoices")
CASES = pdf_cases(FOLDER)
RASTERISED = (
    "rechnung_de_elektro",
    "invoice_ie_facilities",
    "factuur_nl_schilder",
)  # ~6-15 s of Tesseract each

# (case, field, why the text-layer reading still misses it)
# avoir_fr_mobilier's `Remise commerciale sur tables  1  -120,00 €  -120,00 €` (a discount credited as a
# line) is read as an item since session 15 (H5): quantity x a negative price = amount counts too
_MISSES: list[tuple[str, str, str]] = []

READINGS = FolderReadings(CASES, _MISSES)


@pytest.mark.parametrize(("case", "name"), READINGS.params(fields=True))
def test_field_from_the_text_layer(case, name, tmp_path_factory):
    READINGS.assert_field(case, name, tmp_path_factory)


@pytest.mark.parametrize(("case", "name"), READINGS.params(fields=False))
def test_line_items_from_the_text_layer(case, name, tmp_path_factory):
    READINGS.assert_items(case, tmp_path_factory)


@pytest.mark.parametrize("case", RASTERISED)
def test_fields_of_the_page_rasterised_at_200_dpi(case, tmp_path_factory):
    """The same page without its text layer, read by Tesseract as a scan: every field and the items."""
    READINGS.assert_rasterised(case, tmp_path_factory)


def test_every_workbook_has_its_pdf_and_expectations():
    """Each invoice the script writes is printed, committed and described (one printed without its
    expectations would be measured by nothing), with its batch and how its sheet is printed."""
    source = (Path(__file__).parents[3] / "bench" / "print_spreadsheet_invoices.py").read_text(
        encoding="utf-8"
    )
    assert all(f"def {name}() -> Workbook:" in source for name in CASES)
    assert {p.stem for p in FOLDER.glob("*.pdf")} == set(CASES)
    assert all(case.pdf.read_bytes().startswith(b"%PDF") for case in CASES.values())
    assert all(case.notes["batch"] in {1, 2} and case.notes["sheet"] for case in CASES.values())


def test_the_pages_identifiers_carry_valid_check_digits():
    """The ids printed on the pages are real-format ids (a miss is the extraction's, not the data's)."""
    for case in CASES.values():
        if case.expected.get("iban"):
            IBAN(case.expected["iban"])  # raises on a bad check digit
        vat = case.expected.get("vendor_tax_id")
        if vat is None:
            continue
        if re.fullmatch(r"\d{2}-\d{7}", vat):
            assert us_ein.is_valid(vat), (case.name, vat)
        elif vat.startswith("CHE"):
            assert ch_vat.is_valid(vat + "MWST"), (case.name, vat)  # the suffix its printed form carries
        elif vat.startswith("GB"):
            assert gb_vat.is_valid(vat), (case.name, vat)
        else:
            assert eu_vat.is_valid(vat) or eu_vat.is_valid("ES" + vat), (case.name, vat)  # a Spanish NIF bare


def test_the_expected_amounts_add_up():
    """The pages' arithmetic: subtotal + tax = total (less the Spanish retención IRPF of 15 % of the base),
    the items add up to the net (less the US member discount of 5 %), and the amount due is the total less
    the deposit paid (the French traiteur's 30 %)."""
    withheld = {"factura_es_carpinteria": 0.15}
    discount = {"invoice_us_event_rentals": 0.05}
    paid = {
        "invoice_us_event_rentals": 1000.00,
        "rechnung_at_tischlerei": 2000.00,
        "facture_fr_traiteur": 837.96,
    }
    for case in CASES.values():
        expected = case.expected
        subtotal = expected["subtotal"]
        net = float(subtotal[0] if isinstance(subtotal, tuple) else subtotal)
        total = float(expected["total"])
        tax = float(expected["tax_amount"])
        assert net + tax - round(net * withheld.get(case.name, 0.0), 2) == pytest.approx(total), case.name
        items = sum(float(a) for a in case.items)
        assert round(items * (1 - discount.get(case.name, 0.0)), 2) == pytest.approx(net), case.name
        if "amount_due" in expected:
            assert total - paid[case.name] == pytest.approx(float(expected["amount_due"])), case.name


# --- the rules the first run called for ------------------------------------------------------------------


def test_cells_drawn_after_the_rest_of_their_row_join_it():
    """LibreOffice drew a row's right-aligned `2 890,00 €` cells after the rest of the row: two lines of the
    text layer in one band, the first spanning the second's words without touching them. They are one row;
    two lines whose words stand over one another in one band stay two rows."""
    from ocr_tasks.extraction.rows import page_rows
    from ocr_tasks.geometry import BBox
    from ocr_tasks.ocr_types import Block, Line, OcrPage, Word

    def line(words: list[tuple[str, float]], y: float) -> Line:
        return Line.of([Word(text, BBox(x, y, x + 0.0085 * len(text), y + 0.009), 1.0) for text, x in words])

    def rows_of(*lines: Line) -> list[str]:
        page = OcrPage(0, 2480, 3508, 300, tuple(Block.of([ln]) for ln in lines), "text_layer", "test")
        return [row.text for row in page_rows(page)]

    first = line(
        [("Chaudière", 0.074), ("24", 0.31), ("kW", 0.331), ("1", 0.497), ("10", 0.688), ("%", 0.712)], 0.381
    )
    cells = line(
        [("2", 0.591), ("890,00", 0.605), ("€", 0.661), ("2", 0.814), ("890,00", 0.828), ("€", 0.884)], 0.381
    )
    assert [" ".join(row.split()) for row in rows_of(first, cells)] == [
        "Chaudière 24 kW 1 2 890,00 € 10 % 2 890,00 €"
    ]
    over = line([("Chaudière", 0.074), ("gaz", 0.16)], 0.3815)
    assert len(rows_of(first, over)) == 2


def test_a_tax_amount_column_is_no_line_amount():
    """`Netto  USt  USt-Betrag`, `Montant HT  Montant TVA`, `VAT amount  Total`: a header word that joins a
    tax word and an amount word names the tax of each line; the line's amount is the net beside it, even
    when no other label names the amount column."""
    from ocr_tasks.extraction.item_table_header import header_hits
    from ocr_tasks.extraction.line_items import extract_line_items
    from ocr_tasks.extraction.rows import document_rows
    from tests.ocr_tasks.extraction.layout_pages import text_layer_page

    header = [("Bezeichnung", 0.1), ("Menge", 0.4), ("Einzelpreis", 0.5), ("Netto", 0.64), ("USt", 0.75)]
    rows = [
        [*header, ("USt-Betrag", 0.83)],
        [
            ("Nachtkästchen Zirbe", 0.1),
            ("8", 0.42),
            ("245,00", 0.52),
            ("1.764,00", 0.64),
            ("20 %", 0.75),
            ("352,80", 0.85),
        ],
        [
            ("Montage vor Ort", 0.1),
            ("16", 0.42),
            ("58,00", 0.52),
            ("928,00", 0.64),
            ("20 %", 0.75),
            ("185,60", 0.85),
        ],
        [("Summe netto", 0.5), ("2.692,00", 0.83)],
    ]
    parsed = document_rows(text_layer_page(rows))
    assert header_hits(parsed[0])["tax_amount"] > 0.8
    items = extract_line_items(parsed, decimal_separator=",")
    assert [item.cells["amount"].value for item in items] == ["1764.00", "928.00"]
    for words in (
        ["Description", "Qty", "Price", "VAT amount", "Total"],
        ["Désignation", "Qté", "Prix", "Montant TVA", "Montant HT"],
    ):
        hits = header_hits(
            document_rows(text_layer_page([[(w, 0.05 + 0.15 * i) for i, w in enumerate(words)]]))[0]
        )
        assert "tax_amount" in hits, words
    plain = ["Omschrijving", "Aantal", "Prijs", "Btw", "Bedrag"]
    hits = header_hits(
        document_rows(text_layer_page([[(w, 0.05 + 0.15 * i) for i, w in enumerate(plain)]]))[0]
    )
    assert "tax_amount" not in hits and "amount" in hits


def test_a_totals_grid_reads_its_header_cells_in_order():
    """A VAT summary of a spreadsheet: `USt-Satz  Netto  USt  Brutto` left-aligned in their cells over
    right-aligned numbers, so the net's `€` stands under `USt`. Header and value rows with as many cells,
    each header between its neighbours' values: the k-th header heads the k-th value, and the sum row's
    amounts are the net, the tax and the gross."""
    from ocr_tasks.extraction import extract_invoice
    from tests.ocr_tasks.extraction.layout_pages import text_layer_page

    page = text_layer_page(
        [
            [("Feinkost Brandt", 0.05)],
            [("RECHNUNG", 0.7)],
            [("Rechnung Nr.", 0.6), ("2025-0419", 0.8)],
            [],
            [("USt-Satz", 0.402), ("Netto", 0.49), ("USt", 0.66), ("Brutto", 0.80)],
            [("7 %", 0.454), ("1.016,00 €", 0.58), ("71,12 €", 0.72), ("1.087,12 €", 0.83)],
            [("19 %", 0.447), ("659,00 €", 0.597), ("125,21 €", 0.711), ("784,21 €", 0.847)],
            [("Summe", 0.402), ("1.675,00 €", 0.58), ("196,33 €", 0.711), ("1.871,33 €", 0.83)],
        ]
    )
    fields = extract_invoice(page).fields
    assert (fields["subtotal"].value, fields["tax_amount"].value, fields["total"].value) == (
        "1675.00",
        "196.33",
        "1871.33",
    )


def test_credit_to_heads_the_customers_block():
    """`Credit to` over the customer's name on a credit note, as `Bill to` on an invoice."""
    from ocr_tasks.extraction import extract_invoice
    from tests.ocr_tasks.extraction.layout_pages import text_layer_page

    page = text_layer_page(
        [
            [("Northgate Office Supplies Ltd", 0.05), ("CREDIT NOTE", 0.7)],
            [("Leeds LS4 2AZ", 0.05), ("Credit Note No.", 0.6), ("CN-00418", 0.8)],
            [],
            [("Credit to", 0.05)],
            [("Calder Valley Accountants LLP", 0.05)],
            [("3 Station Parade", 0.05)],
            [("Hebden Bridge HX7 8AD", 0.05)],
            [],
            [("Total Credit", 0.6), ("£545.40", 0.8)],
        ]
    )
    assert extract_invoice(page).fields["customer_name"].value == "Calder Valley Accountants LLP"


# --- the rules batch 2's first run called for --------------------------------------------------------


def test_a_totals_grid_whose_header_cells_run_together_reads_them_by_the_cells_edges():
    """`Taux Base HT  TVA  Total TTC` (the narrow rate column's label runs into the next one) over
    `Total  1 600,00 €  208,00 €  1 808,00 €`, the tax under no header word: fewer header cells than
    values, so each header word heads the first value that ends after it starts (labels at their cells'
    left edge, numbers at the right)."""
    from ocr_tasks.extraction import extract_invoice
    from tests.ocr_tasks.extraction.layout_pages import text_layer_page

    page = text_layer_page(
        [
            [("Les Saveurs de Margaux", 0.05)],
            [("FACTURE N° FA-2025-0388", 0.05)],
            [],
            [("Désignation", 0.07), ("Qté", 0.38), ("P.U. HT", 0.44), ("TVA", 0.58), ("Total HT", 0.70)],
            [
                ("Cocktail dînatoire", 0.07),
                ("40", 0.40),
                ("28,00 €", 0.51),
                ("10 %", 0.62),
                ("1 120,00 €", 0.80),
            ],
            [
                ("Vins et champagne", 0.07),
                ("1", 0.41),
                ("480,00 €", 0.50),
                ("20 %", 0.62),
                ("480,00 €", 0.817),
            ],
            [],
            [("Taux", 0.38), ("Base HT", 0.43), ("TVA", 0.58), ("Total TTC", 0.70)],
            [("10 %", 0.385), ("1 120,00 €", 0.48), ("112,00 €", 0.63), ("1 232,00 €", 0.80)],
            [("20 %", 0.385), ("480,00 €", 0.497), ("96,00 €", 0.639), ("576,00 €", 0.817)],
            [("Total", 0.38), ("1 600,00 €", 0.48), ("208,00 €", 0.63), ("1 808,00 €", 0.80)],
        ]
    )
    fields = extract_invoice(page).fields
    assert (fields["subtotal"].value, fields["tax_amount"].value, fields["total"].value) == (
        "1600.00",
        "208.00",
        "1808.00",
    )


def test_a_one_row_totals_grid_reads_its_header_cell_by_cell():
    """`Aliquota  Imponibile  Imposta  Totale` over one row `22%  € 1.363,10  € 299,88  € 1.662,98`: the
    header's labels at their cells' left edges, the net's number nearer `Imposta` than `Imponibile`."""
    from ocr_tasks.extraction import extract_invoice
    from tests.ocr_tasks.extraction.layout_pages import text_layer_page

    page = text_layer_page(
        [
            [("Colombo Forniture Edili S.r.l.", 0.05)],
            [("FATTURA", 0.7)],
            [],
            [("Riepilogo IVA", 0.05)],
            [("Aliquota", 0.05), ("Imponibile", 0.14), ("Imposta", 0.42), ("Totale", 0.55)],
            [("22%", 0.05), ("€ 1.363,10", 0.33), ("€ 299,88", 0.47), ("€ 1.662,98", 0.60)],
            [],
            [("Totale documento", 0.55), ("€ 1.662,98", 0.75)],
        ]
    )
    fields = extract_invoice(page).fields
    assert (fields["subtotal"].value, fields["tax_amount"].value) == ("1363.10", "299.88")


def test_money_nearest_a_column_of_percentages_is_the_amount_beside_it():
    """`Importo  IVA` as a spreadsheet prints them, labels at the cells' left edge: `€ 387,60` right-aligned
    under `Importo` lands nearer `IVA`, whose `22%` the row prints further right. Money is no percentage:
    it is the line's amount."""
    from ocr_tasks.extraction.line_items import extract_line_items
    from ocr_tasks.extraction.rows import document_rows
    from tests.ocr_tasks.extraction.layout_pages import text_layer_page

    rows = [
        [("Descrizione", 0.1), ("Q.tà", 0.4), ("Prezzo", 0.48), ("Importo", 0.62), ("IVA", 0.74)],
        [("Cemento Portland", 0.1), ("60", 0.44), ("€ 6,80", 0.52), ("€ 387,60", 0.68), ("22%", 0.81)],
        [("Trasporto con gru", 0.1), ("1", 0.45), ("€ 120,00", 0.50), ("€ 120,00", 0.68), ("22%", 0.81)],
        [("Totale documento", 0.5), ("€ 507,60", 0.68)],
    ]
    items = extract_line_items(document_rows(text_layer_page(rows)), decimal_separator=",")
    assert [item.cells["amount"].value for item in items] == ["387.60", "120.00"]


def test_a_totals_label_in_the_cell_before_the_price_ends_the_items():
    """`Forma de pago: transferencia a 30 días  Base imponible  1.270,00 €`: a note's cell and a totals
    label on one row (the items priced with their VAT, so no sum of them ends the table there); the label
    in the cell just left of the price makes it a totals row, no item."""
    from ocr_tasks.extraction.line_items import extract_line_items
    from ocr_tasks.extraction.rows import document_rows
    from tests.ocr_tasks.extraction.layout_pages import text_layer_page

    rows = [
        [
            ("Servicio", 0.1),
            ("Uds.", 0.4),
            ("Precio", 0.47),
            ("Base", 0.57),
            ("Cuota IVA", 0.68),
            ("Total", 0.82),
        ],
        [("Limpieza mensual", 0.1), ("1", 0.42), ("980,00 €", 0.47), ("980,00 €", 0.57), ("205,80 €", 0.68)]
        + [("1.185,80 €", 0.82)],
        [
            ("Limpieza de cristales", 0.1),
            ("2", 0.42),
            ("145,00 €", 0.47),
            ("290,00 €", 0.57),
            ("60,90 €", 0.68),
        ]
        + [("350,90 €", 0.82)],
        [("Forma de pago: transferencia a 30 días", 0.1), ("Base imponible", 0.57), ("1.270,00 €", 0.82)],
        [("IBAN ES70 0049 1500 0105 1234 5678", 0.1), ("IVA 21 %", 0.57), ("266,70 €", 0.82)],
        [("Total factura", 0.57), ("1.536,70 €", 0.82)],
    ]
    items = extract_line_items(document_rows(text_layer_page(rows)), decimal_separator=",")
    assert [item.cells["amount"].value for item in items] == ["1185.80", "350.90"]
