"""Invoice numbers on realistic receipt and invoice rows: labels, address rows, other people's numbers,
OCR-garbled and separated prefixes (table-driven)."""

import pytest

from ocr_tasks.extraction import extract_invoice
from ocr_tasks.extraction.identifier_rules import (
    bare_no_value_ok,
    blocked_qualifier,
    in_address,
    repair_prefix,
    separated_prefix,
)

from .synthetic import SyntheticInvoice

HEAD = ["KEDAI PAPAN YEW CHUAN SDN BHD", "LOT 276 JALAN BANTING", "43800 DENGKIL, SELANGOR"]
TAIL = ["PAPAN 2X4  2  12.00  24.00", "TOTAL  24.00", "CASH  50.00", "CHANGE  26.00"]


def _document(rows: list) -> SyntheticInvoice:
    """Rows of plain text (printed at the left margin) or of (text, x pixel) chunks, 70 px apart."""
    printed = [[(row, 150)] if isinstance(row, str) else row for row in rows]
    return SyntheticInvoice(
        rows=printed, truth={}, items=[], lang="en", row_y=[150 + 70 * i for i in range(len(printed))]
    ).to_document()


def _number(rows: list) -> str | None:
    return extract_invoice(_document(rows)).get("invoice_number")


@pytest.mark.parametrize(
    ("middle", "expected"),
    [
        # the product's miss: the address line must not give `122.124`
        (
            ["NO 122.124, JALAN DEDAP 13, TAMAN JOHOR JAYA", "Doc No : CS00031663  Date: 25/12/2018"],
            "CS00031663",
        ),
        (["NO 122.124, JALAN DEDAP 13, TAMAN JOHOR JAYA", "SIMPLIFIED TAX INVOICE"], None),
        (["No.2, Jalan Temenggung 19/9,", "Tax Invoice", "No. :CS180319-0015"], "CS180319-0015"),
        (["NO.19 & 21", "TAX INVOICE"], None),
        (["No 14848 Jalan Permas 4/3 Bandar Baru Permas Jaya", "Receipt no: REC-0045016"], "REC-0045016"),
        # labels of receipts and invoices
        (["Receipt No : 100234"], "100234"),
        (["Inv# 10452  Cashier: ANN"], "10452"),
        (["INV NO.: 1052580  Cashier: Thandar"], "1052580"),
        (["Invoice Number  INV-2024-0042"], "INV-2024-0042"),
        (["No. Resit: R-000812"], "R-000812"),
        (["Bill No: 394024495  COMPLETED"], "394024495"),
        (["Cash Bill No. 7781"], "7781"),
        (["Trans No: 0012-3345"], "0012-3345"),
        (["Transaction No. 55501234"], "55501234"),
        (["Ref: AB-55120"], "AB-55120"),
        (["Slip No. : 6030098553"], "6030098553"),
        (["Rechnungs-Nr.: 2024-117"], "2024-117"),
        # numbers that belong to someone else
        (["GST Reg No: 001335787520", "INV No.: 1052580"], "1052580"),
        (["(GST ID No :000306020352)", "-TAX INVOICE-"], None),
        (["Co. Reg No. 795225-A"], None),
        (["Tel & Fax No: 03-6258 7191"], None),
        (["Card No: 5521 0000 1111 2222"], None),
        (["Company No; MA0057302-M", "Table No: 12"], None),
        # prefixes: OCR symbols for letters, and letters printed apart from the digits
        (["Receipt No : CS 23304"], "CS23304"),
        (["Receipt No.: C$1802/27714  Date: 12/02/2018"], "CS1802/27714"),
        (["Doc No  €S806012727  Date: 13/01/2018"], "CS806012727"),
        (["Doc No  C€$00012659  Date: 11/01/2018"], "CS00012659"),
        # a document title over a row of goods is no label
        (["TAX INVOICE", "BOOSTER CABLE XH-500A"], None),
    ],
)
def test_invoice_number_on_receipt_rows(middle, expected):
    assert _number(HEAD + middle + TAIL) == expected


def test_invoice_number_under_its_column_header():
    rows = (
        HEAD
        + [
            [("Klant", 150), ("Order", 700), ("Factuur", 1250), ("Vervaldatum", 1800)],
            [("C1001", 150), ("O2002", 700), ("F2024-0099", 1250), ("12-04-2024", 1800)],
        ]
        + TAIL
    )
    assert _number(rows) == "F2024-0099"


def test_address_in_another_column_does_not_hide_the_number():
    rows = HEAD + [[("12 Market Street", 150), ("Invoice No: 4711-A", 1400)]] + TAIL
    assert _number(rows) == "4711-A"


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("C$1802/27714", "CS1802/27714"),
        ("€S806012727", "CS806012727"),
        ("©S00017351", "CS00017351"),
        ("C€$00012659", "CS00012659"),
        ("$000046284", "S000046284"),
        ("CS00031663", "CS00031663"),
        ("$45.00", "$45.00"),  # an amount keeps its currency sign
        ("INV/2023/03/0008", "INV/2023/03/0008"),
        ("12$34", "12$34"),  # symbols after the first digit are not a prefix
    ],
)
def test_repair_prefix(token, expected):
    assert repair_prefix(token) == expected


@pytest.mark.parametrize(
    ("between", "token", "expected"),
    [
        (" : CS ", "23304", "CS"),
        (" ", "23304", None),
        (" NO ", "23304", None),
        (" : RM ", "12", None),
        (" : CS ", "A23304", None),
        (" :CS  ", "23304", None),  # a column gap, not a prefix
        (" : cs ", "23304", None),
    ],
)
def test_separated_prefix(between, token, expected):
    assert separated_prefix(between, token) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GST Reg No: 0012", True),
        ("Tel & Fax No: 03-62", True),
        ("Co. No. 4190", True),
        ("Card No 14", True),
        ("Doc No: CS0001", False),
        ("Bill No: 3940", False),
        ("Cash Inv No.: 7830F715", False),
    ],
)
def test_blocked_qualifier(text, expected):
    start = text.lower().rfind("no")
    assert blocked_qualifier(text, start) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NO 122.124, JALAN DEDAP 13", True),
        ("No. 76, Jalan SS15/4B,", True),
        ("Lot 3, 2nd Floor", True),
        ("Doc No: CS00031663", False),
        ("12 Market Street  Invoice No: 4711", False),
    ],
)
def test_in_address(text, expected):
    assert in_address(text, max(0, text.lower().rfind("no")), len(text)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("19", False), ("27/9", False), ("31G", False), ("223894", True), ("CS-1920", True)],
)
def test_bare_no_needs_four_digits(value, expected):
    assert bare_no_value_ok(value) is expected


INVOICE_HEAD = ["Muster GmbH", "Hauptstr. 5, 10115 Berlin"]
INVOICE_TAIL = ["Beratung  2  120,00  240,00", "Summe netto  240,00", "MwSt 19 %  45,60", "Gesamt  285,60"]


@pytest.mark.parametrize(
    ("middle", "expected"),
    [
        # a document noun with a number marker, in either order and any spacing
        (["Documentnr.: FA22-4377"], "FA22-4377"),
        (["Nr. documento F2023/9063"], "F2023/9063"),
        (["N° pièce RE-2024-64729"], "RE-2024-64729"),
        (["Nº rectificativa 143681"], "143681"),
        (["Verkoopfactuur nr. A-2023-881916 van 25-10-2023"], "A-2023-881916"),
        # a title with its number; `VAT` before `Invoice` is part of the title, not someone else's number
        (["VAT Invoice RE-2025-47331 dated 02/05/2025"], "RE-2025-47331"),
        # a bare number marker needs a long enough number
        (["Núm. R4472222"], "R4472222"),
        # a row starting with the title, a compound of it or a bilingual title, then the number
        (["Verkoopfactuur 2023-1993 – 15 februari 2023"], "2023-1993"),
        (["Handwerkerrechnung INV-88006, 28.10.2022"], "INV-88006"),
        (["Rechnung / Invoice RE-2022-60770 vom 03.09.2022"], "RE-2022-60770"),
        # a tax id's `Nr.` is the tax office's number, an amount is no number
        (["UID-Nr.: ATU10865580"], None),
        (["N.º 52195,60"], None),
        # numbers that are not the document's: a company register's, another invoice's
        (["Registered in England No. 93704"], None),
        (["Rechnung Nr. 2024-117", "zur Rechnung 2023-999"], "2024-117"),
    ],
)
def test_invoice_number_on_invoice_rows(middle, expected):
    assert _number(INVOICE_HEAD + middle + INVOICE_TAIL) == expected


def test_a_credit_note_gives_its_own_number_not_the_corrected_invoice():
    rows = [
        "AVOIR",  # the title, in the upper part of the page
        *INVOICE_HEAD,
        [("N° d'avoir", 150), ("Date", 700), ("N° de commande", 1250)],
        [("2025-2205", 150), ("02/04/2025", 700), ("680740", 1250)],
        "Réf. facture F2025/1317",
        "Relating to invoice 688219",
        *INVOICE_TAIL,
    ]
    assert _number(rows) == "2025-2205"


@pytest.mark.parametrize(
    "other",
    [
        "Order No. B226872",
        "Despatch Note No. 4289575",
        "Delivery Note No. 4289575",
        "Lieferschein-Nr. 4289575",
        "Customer No. 110638",
    ],
)
def test_another_documents_number_is_not_the_invoice_number(other):
    rows = ["Nordic Supplies Ltd", "12 Market Street", other, "Invoice # F2025/9414", "Date 24/03/2025"]
    rows += ["Consulting  1  100.00  100.00", "TOTAL  100.00"]
    assert _number(rows) == "F2025/9414"
    # printed after the invoice's own number too
    rows = rows[:2] + rows[3:4] + [other] + rows[4:]
    assert _number(rows) == "F2025/9414"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("VAT Invoice no. FA24-2956 of 20/07/2024", "FA24-2956"),  # `VAT` titles the invoice here
        ("Vencimiento: 03/04/2023 Nº albarán: 8935352", None),  # the marker labels a delivery note
        ("Nº cliente 676498", None),
    ],
)
def test_marker_before_another_documents_word(row, expected):
    rows = ["Nordic Supplies Ltd", "12 Market Street", row, "Consulting  1  100.00  100.00", "TOTAL  100.00"]
    assert _number(rows) == expected


def test_column_header_of_another_documents_number():
    rows = ["Davis LLC", "2602 Mitchell Park", "Inv. No.", "104602", "Despatch Note No.", "1245271"]
    rows += ["Consulting  1  100.00  100.00", "TOTAL  100.00"]
    assert _number(rows) == "104602"


def test_vat_number_after_a_number_marker_is_not_the_invoice_number():
    rows = ["Mees BV", "Merelhof 7", "N° TVA client: BE0678563005", "Date facture 04/11/2024"]
    rows += ["Conseil  1  100,00  100,00", "TOTAL  100,00"]
    assert _number(rows) is None


def test_column_header_with_a_misread_accent():
    rows = [
        "Mees BV",
        "Merelhof 7",
        "N° piéce    Date facture    Compte client",
        "24895896    04/11/2024    354654",
    ]
    rows += ["Conseil  1  100,00  100,00", "TOTAL  100,00"]
    assert _number(rows) == "24895896"


def test_a_number_sign_that_starts_a_segment_labels_the_number_under_a_lone_title():
    """Web templates print the title alone and `# INV-000087` under it (an SVG logo's letters may share
    the row): the sign starts its segment, so it is a bare number marker; inside a segment (`Table # 2044`)
    it labels nothing, and a bare marker still wants four digits."""
    from ocr_tasks.extraction.identifier_fields import labelled_identifier_candidates
    from ocr_tasks.extraction.rows import document_rows

    from .layout_pages import text_layer_page

    def labelled(second_row):
        rows = document_rows(
            text_layer_page([[("FATTURA", 0.7)], second_row, [], [("Totale", 0.6), ("€120,00", 0.8)]])
        )
        return [c.value for c in labelled_identifier_candidates(rows, "invoice_number")]

    assert labelled([("LT", 0.05), ("# FT-00087", 0.7)]) == ["FT-00087"]
    assert labelled([("# INV-000087", 0.7)]) == ["INV-000087"]
    assert labelled([("Table # 2044", 0.05)]) == []
    assert labelled([("# 87", 0.7)]) == []
