"""Two things scans and real letterheads do: OCR drops the decimal point of an item's price and amount
(`1  8091  8091` for `1  80.91  80.91`), and a letterhead that is only a logo leaves the address window as
the first text of the page, with the vendor named in the footer."""

from __future__ import annotations

from datetime import date

from ocr_tasks.extraction import ExtractionOptions, extract_invoice
from tests.ocr_tasks.extraction.layout_pages import text_layer_page

TODAY = ExtractionOptions(today=date(2025, 6, 1))


def _receipt(item_row):
    return [
        [("YONG HUAT ENTERPRISE", 0.20)],
        [("NO. 12, JALAN MERANTI 3", 0.20)],
        [("Doc No.  CS00041207", 0.05), ("Date  14/03/2019", 0.55)],
        [("Item", 0.05), ("Qty", 0.40), ("S/Price", 0.52), ("Amount", 0.68), ("Tax", 0.85)],
        item_row,
        [("GARDEN HOSE REEL 15M", 0.05)],
        [("Total Sales (Excluding GST)", 0.05), ("64.20", 0.70)],
        [("Total GST", 0.05), ("0.00", 0.72)],
        [("CASH", 0.05), ("100.00", 0.70)],
        [("Change", 0.05), ("35.80", 0.71)],
    ]


def test_an_item_whose_decimal_points_ocr_dropped_is_read_when_quantity_times_price_is_the_amount():
    rows = _receipt([("E8318", 0.05), ("1", 0.41), ("6420", 0.53), ("6420", 0.69), ("SR", 0.86)])
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    assert [(i.get("quantity"), i.get("unit_price"), i.get("amount")) for i in invoice.line_items] == [
        ("1.00", "64.20", "64.20")
    ]


def test_whole_numbers_that_do_not_multiply_out_are_no_item():
    rows = _receipt([("E8318", 0.05), ("2", 0.41), ("6420", 0.53), ("6420", 0.69), ("SR", 0.86)])
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    assert len(invoice.line_items) == 0


def test_a_logo_letterhead_leaves_the_window_to_the_customer_and_the_footer_names_the_vendor():
    rows = [
        [],
        [],
        [],
        [],
        [],
        [],
        [("Gärtnerei Lindenhof GmbH", 0.07), ("Rechnungsnummer", 0.60), ("RE-24-00391", 0.80)],
        [("Zum Lindenhof 7", 0.07), ("Rechnungsdatum", 0.60), ("18.04.2024", 0.80)],
        [("34117 Kassel", 0.07), ("Kundennummer", 0.60), ("K-20817", 0.80)],
        [],
        [("Rechnung", 0.06)],
        [("Pos.", 0.06), ("Bezeichnung", 0.12), ("Menge", 0.55), ("Einzelpreis", 0.66), ("Gesamt", 0.84)],
        [("1", 0.06), ("Bewässerungsset Profi", 0.12), ("2", 0.56), ("189,00 €", 0.66), ("378,00 €", 0.84)],
        [],
        [("Nettobetrag", 0.60), ("378,00 €", 0.84)],
        [("zzgl. 19 % USt.", 0.60), ("71,82 €", 0.85)],
        [("Rechnungsbetrag", 0.60), ("449,82 €", 0.84)],
        *[[] for _ in range(28)],  # the footer at the foot of the page
        [("Aqualis Bewässerungstechnik GmbH", 0.06), ("Geschäftsführer: Jan Heider", 0.38)],
        [("Industriestraße 22", 0.06), ("USt-IdNr. DE318472616", 0.38)],
        [("34123 Kassel", 0.06), ("IBAN DE84 7601 0085 0423 8155 07", 0.38)],
    ]
    invoice = extract_invoice(text_layer_page(rows), options=TODAY)
    assert invoice.fields["customer_name"].value == "Gärtnerei Lindenhof GmbH"
    assert invoice.fields["vendor_name"].value == "Aqualis Bewässerungstechnik GmbH"


def test_marks_ocr_made_of_a_logo_are_no_words_of_a_row():
    from ocr_tasks.extraction.rows import is_drawing_mark
    from ocr_tasks.geometry import BBox
    from ocr_tasks.ocr_types import Word

    typical = 0.009

    def word(text, confidence, height=typical):
        return Word(text, BBox(0.1, 0.05, 0.2, 0.05 + height), confidence)

    assert is_drawing_mark(word("©", 0.89, height=8 * typical), typical)  # a logo's ring, 8 rows tall
    assert is_drawing_mark(word("P|", 0.30), typical)
    assert is_drawing_mark(word("Sean", 0.0), typical)  # letters OCR made of the bars
    assert not is_drawing_mark(word("7", 0.20), typical)  # a house number read with little confidence
    assert not is_drawing_mark(word("GmbH", 0.40), typical)
    assert not is_drawing_mark(word("&", 0.92), typical)


def test_a_low_confidence_mark_between_words_stays_and_a_line_of_marks_goes():
    from dataclasses import replace

    from ocr_tasks.extraction.rows import page_rows
    from ocr_tasks.ocr_types import Block

    page = text_layer_page(
        [[("[| P|", 0.06)], [("Bei Spiel GmbH e Ecke 12 e 12345 Stadthausen", 0.06)]]
    ).pages[0]
    blocks = []
    for block in page.blocks:
        lines = []
        for line in block.lines:
            words = [replace(w, confidence=0.2) if w.text in {"[|", "P|", "e"} else w for w in line.words]
            lines.append(replace(line, words=tuple(words)))
        blocks.append(Block.of(lines))
    rows = page_rows(replace(page, blocks=tuple(blocks)))
    assert [row.text for row in rows] == ["Bei Spiel GmbH e Ecke 12 e 12345 Stadthausen"]
