"""Held-out invoices drawn by PDF libraries (issue 13, round 6a): invoices as ERP and web-shop back ends emit
them, drawn by `bench/draw_library_invoices.py` with reportlab's canvas (words, glyphs and right-aligned
amounts placed one draw call at a time, a letter-spaced title, a registration line rotated into the margin,
5.5-6.5 pt footers, labels and values on baselines a point or two apart) and fpdf2's cell tables (bordered
cells, a header row repeated on page 2, `A riportare` / `Riporto` carrying the subtotal over), in the standard
Type-1 fonts with WinAnsi (`€`, accented letters). en (US, GB, a Dutch vendor's reverse charge to Germany),
de, fr, nl, es, it; a Gutschrift, a discount, a deposit already paid, a ritenuta, two VAT rates on one page,
quote, order, DDT and customer numbers beside the invoice's. VAT ids and IBANs carry valid check digits.
The PDFs are committed in `library_invoices/` with `expectations.json`, written from the printed pages and
committed before the product read them (batch 1: 8f21f0f).

First run of batch 1 (10 invoices, 11 pages, `bench/held_out_pdfs.py --folder
tests/ocr_tasks/extraction/library_invoices`): text layer 4 of 133 checks wrong (macro 0.971), 200 dpi the
same 4 (0.971). Their causes, each fixed by a general rule:
- `Devis n° D2025-0140` beside `N° de facture F2025-0288`: a quote's noun before a number marker labelled the
  invoice's number (both readings). On a document that is no quote, a quote's label (the lexicons'
  `quote_title`, `quote_number`) names the quote the invoice follows (`identifier_fields._quotes_number`);
- `Uw btw-nummer` over `NL542761269B01` in a grid of labels above values: a tax-id label heading a column
  labelled an invoice number by its `nummer` (both readings). A column headed by a tax-id label holds no
  invoice number, as the same row's label already said;
- the sender line over the address window printed with commas (`Brandt Bürotechnik GmbH, Lindenallee 3,
  30159 Hannover`) was read as the customer (both readings): a name, a street with its house number and a
  postcode part apart by commas is a sender line (`address_blocks._comma_sender`);
- `Please pay by bank transfer to Pennine Joinery Ltd, NatWest, ...` was the vendor's name (both readings):
  a payment sentence up to its payee (the lexicons' new `payee`: `payable to`, `zugunsten`, `t.n.v.`, `à
  l'ordre de`, `a favor de`, `a favore di`) names the company after it (`party_fields._PAYEE_LEAD`); and the
  registration line rotated into the left margin was read by PDFium glyph by glyph, each glyph a line of its
  own, one of which ran into that sentence's row: text turned off the page's own direction is no part of
  the lines (`ingest/text_layer._off_direction`).
After these fixes (ed9bf2e): batch 1 text layer 0 of 133 wrong.

Batch 2, six more written after those fixes (8d44a9c, 691035d: a French avoir with a TVA recap table and a
justified paragraph, a Spanish factura and a two-page German Rechnung whose amounts are kerned TJ arrays, the
German one with `Übertrag` on both pages and a partial payment, a US web shop's order paid by card, a
Belgian factuur at 6 and 21 %, an Italian hotel's fattura with the tourist tax outside the IVA), first run:
text layer 2 of 81 checks wrong (macro 0.976), 200 dpi 6 of 81 (0.929); none of batch 1's causes came
back. The text layer's two, fixed:
- `CIF B56299068 · Tel. 976 57 22 10  Número  2025/0618`: the vendor's CIF in the column beside the
  invoice's box shares the row, and a bare `Número` after a register's word is the register's number, so
  the invoice had no number (both readings). The register's word counts in the label's own printed segment
  only (`identifier_fields._someone_elses`);
- a web shop's order paid by card (`Balance Due $0.00`) got a due date 30 days on from `Returns are accepted
  within 30 days of delivery` (both readings): a page that leaves nothing to pay derives no due date from
  days in its text (`settle._nothing_due`). (`returns are accepted` is no `return_policy` phrase yet: that
  concept was another helper's work in progress.)
At 200 dpi besides: `Électricité Garnier Frères` read `Electricité Gamier Frares`, and the web shop's
`Invoice #  54021` beside its large stretched title read `invoice #  en`.
After these fixes all 16 read right from the text layer (0 of 214 wrong).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from schwifty import IBAN
from stdnum.eu import vat as eu_vat
from stdnum.gb import vat as gb_vat

from tests.ocr_tasks.extraction.pdf_folders import FolderReadings, pdf_cases

FOLDER = Path(__file__).with_name("library_invoices")
CASES = pdf_cases(FOLDER)
RASTERISED = ("invoice_gb_rl", "factuur_nl_rl", "fattura_professionista_it_rl")  # ~6-15 s of Tesseract each

# (case, field, why the text-layer reading still misses it)
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


def test_every_drawing_has_its_pdf_and_expectations():
    """Each invoice the generator draws is committed and described (one drawn without its expectations
    would be measured by nothing), and names the library that drew it."""
    source = (Path(__file__).parents[3] / "bench" / "draw_library_invoices.py").read_text(encoding="utf-8")
    assert all(f"def {name}() " in source for name in CASES)
    assert {p.stem for p in FOLDER.glob("*.pdf")} == set(CASES)
    assert all(case.pdf.read_bytes().startswith(b"%PDF") for case in CASES.values())
    assert all(case.notes["library"] in {"reportlab", "fpdf2"} for case in CASES.values())


def test_the_pages_identifiers_carry_valid_check_digits():
    """The ids printed on the pages are real-format ids (a miss is the extraction's, not the data's)."""
    for case in CASES.values():
        if case.expected.get("iban"):
            IBAN(case.expected["iban"])  # raises on a bad check digit
        vat = case.expected.get("vendor_tax_id")
        if vat:
            valid = gb_vat.is_valid(vat) if vat.startswith("GB") else eu_vat.is_valid(vat)
            assert valid or eu_vat.is_valid("ES" + vat), (case.name, vat)  # a Spanish CIF printed bare


def test_the_expected_amounts_add_up():
    """The pages' arithmetic: subtotal + tax (+ the US shipping, the Italian tourist tax outside the IVA) =
    total, the items add up to the net (less the French discount; the Italian architect's before the cassa;
    the hotel's with its tourist tax), and the amount due is the total less what was paid or withheld."""
    between = {"invoice_us_rl": 42.50, "invoice_webshop_us_fpdf": 12.95, "fattura_hotel_it_rl": 9.00}
    paid = {
        "invoice_us_rl": 500.00,
        "facture_fr_rl": 1500.00,
        "fattura_professionista_it_rl": 470.00,
        "factura_es_rl": 2000.00,
        "rechnung_lang_de_rl": 3000.00,
        "invoice_webshop_us_fpdf": 569.54,
    }
    for case in CASES.values():
        expected = case.expected
        subtotal = expected["subtotal"]
        net = float(subtotal[0] if isinstance(subtotal, tuple) else subtotal)
        total = float(expected["total"])
        assert net + float(expected["tax_amount"]) + between.get(case.name, 0.0) == pytest.approx(total)
        items = sum(float(a) for a in case.items)
        if case.name == "facture_fr_rl":
            items *= 0.95  # remise 5 %
        if case.name == "fattura_professionista_it_rl":
            items *= 1.04  # contributo integrativo 4 %
        if case.name == "fattura_hotel_it_rl":
            items -= 9.00  # the tourist tax, an item outside the IVA
        assert items == pytest.approx(net), case.name
        if "amount_due" in expected:
            assert total - paid[case.name] == pytest.approx(float(expected["amount_due"])), case.name


# --- the rules the first runs called for ------------------------------------------------------------------


def _numbers(rows: list[list[tuple[str, float]]]) -> set[str]:
    from ocr_tasks.extraction.extract import candidates_for
    from tests.ocr_tasks.extraction.layout_pages import text_layer_page

    return {c.value for c in candidates_for(text_layer_page(rows)) if c.field == "invoice_number"}


def test_a_quotes_number_labels_no_invoice_number_on_an_invoice():
    """`Devis n° D2025-0140` under `N° de facture F2025-0288`: on an invoice the quote's number is the quote
    the invoice follows; on a quote (`DEVIS` its title) it is the document's own number."""
    invoice = [
        [("Menuiserie Delorme & Fils SARL", 0.08)],
        [("FACTURE", 0.6)],
        [("N° de facture", 0.6), ("F2025-0288", 0.75)],
        [("Devis n°", 0.6), ("D2025-0140", 0.75)],
        [("Angebot Nr. AN-4471", 0.6)],
        [("Total TTC", 0.55), ("1 200,00 €", 0.85)],
    ]
    assert _numbers(invoice) == {"F2025-0288"}
    quote = [
        [("Menuiserie Delorme & Fils SARL", 0.08)],
        [("DEVIS", 0.6)],
        [("Devis n°", 0.6), ("D2025-0140", 0.75)],
    ]
    assert "D2025-0140" in _numbers(quote)


def test_a_column_headed_by_a_tax_id_label_holds_no_invoice_number():
    """Labels above their values in a grid (`Factuurnummer  Factuurdatum` / `Klantnummer  Uw btw-nummer`):
    the buyer's VAT number under `Uw btw-nummer` is no invoice number for the `nummer` in its label."""
    rows = [
        [("FACTUUR", 0.1)],
        [("Factuurnummer", 0.1), ("Factuurdatum", 0.38)],
        [("2025-0593", 0.1), ("3 november 2025", 0.38)],
        [("Klantnummer", 0.1), ("Uw btw-nummer", 0.38)],
        [("20118", 0.1), ("NL542761269B01", 0.38)],
    ]
    assert _numbers(rows) == {"2025-0593"}


def test_a_sender_line_apart_by_commas_is_no_address_block():
    """DIN 5008's sender line as report writers print it, with commas: the vendor's, over the customer's
    block; two address parts alone, or a name and a place, are no sender line."""
    from ocr_tasks.extraction import extract_invoice
    from ocr_tasks.extraction.address_blocks import is_sender_line
    from tests.ocr_tasks.extraction.layout_pages import text_layer_page

    assert is_sender_line("Brandt Bürotechnik GmbH, Lindenallee 3, 30159 Hannover")
    assert is_sender_line("Atelier Rivière SARL, 14, rue des Tanneurs, 69007 Lyon")
    assert not is_sender_line("Am Marstall 12, 30159 Hannover")
    assert not is_sender_line("Steuerkanzlei Albers, Hannover, Deutschland")
    page = text_layer_page(
        [
            [("Brandt Bürotechnik GmbH", 0.6)],
            [("Lindenallee 3, 30159 Hannover", 0.6)],
            [],
            [("Brandt Bürotechnik GmbH, Lindenallee 3, 30159 Hannover", 0.1)],
            [("Steuerkanzlei Albers & Partner mbB", 0.1)],
            [("Am Marstall 12", 0.1)],
            [("30159 Hannover", 0.1)],
            [],
            [("Rechnung Nr. R-25-1183", 0.1), ("Datum 02.09.2025", 0.6)],
            [("Summe netto", 0.55), ("100,00 €", 0.85)],
            [("Umsatzsteuer 19 %", 0.55), ("19,00 €", 0.85)],
            [("Rechnungsbetrag", 0.55), ("119,00 €", 0.85)],
        ]
    )
    fields = extract_invoice(page).fields
    assert fields["customer_name"].value == "Steuerkanzlei Albers & Partner mbB"


def test_a_company_named_as_the_payee_of_a_payment_sentence_is_the_name():
    """`Please pay by bank transfer to Pennine Joinery Ltd, NatWest, ...` names the company after its payee
    phrase (the lexicons' `payee`, six languages); a sentence without a company after it stays as it is."""
    from ocr_tasks.extraction.party_fields import clean_name

    assert clean_name("Please pay by bank transfer to Pennine Joinery Ltd, NatWest, sort code 60-16-13,") == (
        "Pennine Joinery Ltd"
    )
    assert (
        clean_name("Make checks payable to Cedar Ridge Print Works, Inc.") == "Cedar Ridge Print Works, Inc."
    )
    assert clean_name("Bitte überweisen Sie zugunsten Brandt Bürotechnik GmbH") == "Brandt Bürotechnik GmbH"
    assert clean_name("IBAN NL82 RABO 0331 2345 67 t.n.v. Groenvoorziening De Linde B.V.") == (
        "Groenvoorziening De Linde B.V."
    )
    assert (
        clean_name("Please pay by bank transfer to our account")
        == "Please pay by bank transfer to our account"
    )


def _page(draw) -> object:
    import pypdfium2 as pdfium
    from reportlab.pdfgen.canvas import Canvas

    from ocr_tasks.ingest.text_layer import read_text_layer

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, 842), invariant=1)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    pdf = pdfium.PdfDocument(buffer.getvalue())
    try:
        return read_text_layer(pdf[0], index=0, dpi=300)
    finally:
        pdf.close()


def test_text_turned_into_the_margin_is_no_part_of_the_lines():
    """A registration line rotated 90 degrees in the left margin, beside rows of text: PDFium reads it glyph
    by glyph, each a line; its glyphs join no row. A page whose text all turns one way keeps it."""

    def margin(canvas):
        canvas.setFont("Helvetica", 10)
        for i, text in enumerate(
            ["Invoice number: INV-3307", "Please pay to Pennine Joinery Ltd", "Total 12.00"]
        ):
            canvas.drawString(60, 620 - i * 14, text)
        canvas.saveState()
        canvas.translate(24, 560)
        canvas.rotate(90)
        canvas.setFont("Helvetica", 7)
        canvas.drawString(0, 0, "Registered in England and Wales No. 08812345")
        canvas.restoreState()

    lines = [" ".join(w.text for w in line.words) for line in _page(margin).lines]
    assert lines == ["Invoice number: INV-3307", "Please pay to Pennine Joinery Ltd", "Total 12.00"]

    def turned(canvas):
        canvas.translate(300, 100)
        canvas.rotate(90)
        canvas.setFont("Helvetica", 10)
        canvas.drawString(0, 0, "Invoice number INV-3307 Total 12.00")

    words = [w.text for w in _page(turned).words]
    assert "".join(words) == "InvoicenumberINV-3307Total12.00"  # glyph by glyph, as PDFium reads it


def test_a_register_in_the_column_beside_labels_no_number():
    """`CIF B56299068 · Tel. 976 57 22 10  Número  2025/0618`: the vendor's CIF in the column left of the
    invoice's box shares the row; a bare `Número` starting its own column is no register's number. A
    register's own `No.` in its segment stays the company's (`Registered in England No. 08812345`)."""
    beside = [
        [("TALLERES METÁLICOS EBRO, S.L.", 0.08)],
        [("CIF B56299068 · Tel. 976 57 22 10", 0.08), ("Número", 0.57), ("2025/0618", 0.75)],
        [("Total factura", 0.5), ("5.880,60 €", 0.85)],
    ]
    assert "2025/0618" in _numbers(beside)
    register = [[("Pennine Joinery Ltd", 0.1)], [("Registered in England No. 08812345", 0.1)]]
    assert "08812345" not in _numbers(register)


def _paid_by_card(balance: str, paid: bool) -> object:
    from ocr_tasks.extraction import extract_invoice
    from ocr_tasks.extraction.options import ExtractionOptions as Options
    from tests.ocr_tasks.extraction.layout_pages import text_layer_page

    rows = [
        [("Blue Heron Outfitters LLC", 0.1)],
        [("Invoice #", 0.6), ("54021", 0.8)],
        [("Invoice Date", 0.6), ("Nov 7, 2025", 0.8)],
        [("Subtotal", 0.55), ("$521.40", 0.85)],
        [("Sales Tax (6.75%)", 0.55), ("$35.19", 0.85)],
        [("Total", 0.55), ("$569.54", 0.85)],
        [("Paid (Visa ending 4417)", 0.55), ("-$569.54", 0.85)] if paid else [],
        [("Balance Due", 0.55), (balance, 0.85)],
        [("Payment is due within 30 days of the invoice date.", 0.1)],
    ]
    return extract_invoice(text_layer_page(rows), options=Options(today=date(2025, 12, 1))).fields


def test_nothing_left_to_pay_derives_no_due_date_from_days_in_the_text():
    """A web shop's order paid by card at checkout (`Balance Due $0.00`): days printed on the page are no
    term of payment, no due date is made up; the same page with the balance open derives it."""
    paid = _paid_by_card("$0.00", paid=True)
    assert paid["amount_due"].value == "0.00" and "due_date" not in paid
    assert _paid_by_card("$569.54", paid=False)["due_date"].value == "2025-12-07"
