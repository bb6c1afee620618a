"""Rules found on the held-out European and US till receipts (round 6c, `receipt_pages.py`), each on a small
text-layer page built here: a shop's return policy is no term of payment (the receipt stays a receipt), ...
"""

from __future__ import annotations

from datetime import date

import pytest

from ocr_tasks.extraction import ExtractionOptions, extract_invoice

from .layout_pages import text_layer_page

OPTIONS = ExtractionOptions(today=date(2026, 12, 1))
LEFT, RIGHT = 0.05, 0.4  # a till roll's columns on the page


def _fields(rows: list[list[tuple[str, float]]]) -> dict[str, str]:
    invoice = extract_invoice(text_layer_page(rows, step=0.014), options=OPTIONS)
    return {name: value.value for name, value in invoice.fields.items()}


@pytest.mark.parametrize(
    "policy",
    [
        "Returns within 30 days with receipt",
        "Exchanges within 28 days",
        "Umtausch innerhalb von 14 Tagen nur mit Kassenbon",
        "Ruilen binnen 14 dagen met kassabon",
        "Cambios y devoluciones en 15 días con el ticket",
        "Reso entro 14 giorni con lo scontrino",
        "Retour sous 30 jours avec le ticket",
    ],
)
def test_a_return_policy_is_no_term_of_payment(policy):
    """A card-paid sale whose foot states the shop's return policy has no due date, so nothing names it as
    addressed and it is a receipt (the US grocery and British hardware receipts read `invoice` with a due
    date 30 / 28 days after the sale)."""
    fields = _fields(
        [
            [("GREENLEAF MARKET", 0.12)],
            [("412 Atlantic Ave", 0.14)],
            [("Brooklyn, NY 11217", 0.14)],
            [],
            [("SOURDOUGH LOAF", LEFT), ("6.99", RIGHT)],
            [("DISH SOAP 19.4OZ", LEFT), ("3.79", RIGHT)],
            [("TOTAL", LEFT), ("10.78", RIGHT)],
            [("VISA ****1234", LEFT), ("10.78", RIGHT)],
            [("11/30/2026 6:41 PM", 0.1)],
            [(policy, LEFT)],
        ]
    )
    assert fields.get("due_date") is None
    assert fields["document_type"] == "receipt"


def _page(rows: list[tuple[str, float | None, float]], *, top: float = 0.03, gap: float = 0.004):
    """A till roll's text-layer page (640 x 1900 points): rows of (text, x or None for a centred row, letter
    height), one under the other, in a monospace font."""
    from ocr_tasks.geometry import BBox
    from ocr_tasks.ocr_types import Block, Line, OcrDocument, OcrPage, SourceDocument, Word

    lines, y = [], top
    for text, x, height in rows:
        char = height * 0.6 * 1900 / 640  # a character's width, relative to the page's
        words, cursor = [], 0.5 - len(text) * char / 2 if x is None else x
        for token in text.split():
            width = len(token) * char
            words.append(Word(token, BBox(cursor, y, min(1.0, cursor + width), y + height), 0.99))
            cursor += width + char
        if words:
            lines.append(Line.of(words))
        y += height + gap
    page = OcrPage(
        index=0,
        width=640,
        height=1900,
        dpi=200,
        blocks=tuple(Block.of([line]) for line in lines),
        source="text_layer",
        engine="test",
    )
    return OcrDocument(SourceDocument("roll", "memory://roll", "application/pdf", "0" * 64), (page,))


BODY, LARGE = 0.008, 0.011  # letter heights of a roll's text and of its shop name


def _receipt(head: list[tuple[str, float, float]]) -> dict[str, str]:
    """The shop's head rows over a French bakery's sale."""
    rows = head + [
        ("", 0.05, BODY),  # the roll's dashed rule between the head and the sale
        ("", 0.05, BODY),
        ("Ticket 0392 29/11/26 08:14", 0.05, BODY),
        ("2 BAGUETTE 2,40", 0.05, BODY),
        ("1 TARTE POMMES 6P 18,50", 0.05, BODY),
        ("TOTAL TTC 20,90 €", 0.05, BODY),
        ("CB 20,90 €", 0.05, BODY),
    ]
    invoice = extract_invoice(_page(rows), options=OPTIONS)
    return {name: value.value for name, value in invoice.fields.items()}


def test_a_shop_name_wrapped_over_two_large_rows_is_one_name():
    """A 58 mm roll wraps the shop's name, printed larger than the text, over two rows: both are the name,
    and the address starts under the second (the round's bakery read `Boulangerie Pâtisserie`, and `Morel`
    as its address's first row)."""
    fields = _receipt(
        [
            ("Boulangerie Pâtisserie", None, LARGE),
            ("Morel", None, LARGE),
            ("27 rue Nationale", None, BODY),
            ("37000 Tours", None, BODY),
        ]
    )
    assert fields["vendor_name"] == "Boulangerie Pâtisserie Morel"
    assert fields["vendor_address"] == "27 rue Nationale 37000 Tours"


@pytest.mark.parametrize(
    ("owner", "trade_name"),
    [("Inh. Jörg Brenner e.K.", "Tankstelle Brenner"), ("Lda. Elena Ruiz Castro", "Farmacia Ruiz Castro")],
)
def test_the_owner_under_a_trade_name_is_no_vendor_and_no_address(owner, trade_name):
    """The owner's row under the shop's name (`Inh.`, a Spanish pharmacist's `Lda.`: the lexicons'
    `owner_label`) is neither the vendor (a fuel station read `Inh. Jörg Brenner e.K.`, its legal form
    outscoring the trade name) nor the first row of the address."""
    fields = _receipt(
        [
            (trade_name, None, LARGE),
            (owner, None, BODY),
            ("Augsburger Str. 118", None, BODY),
            ("86368 Gersthofen", None, BODY),
        ]
    )
    assert fields["vendor_name"] == trade_name
    assert fields["vendor_address"] == "Augsburger Str. 118 86368 Gersthofen"


@pytest.mark.parametrize(
    "contact", ["Tél : 01 42 05 18 77", "SIRET 355 746 108 21079", "NIF: 47821305G", "KvK 30214857"]
)
def test_contact_and_legal_rows_end_the_shop_address(contact):
    """A phone, registration or tax-id row under the shop's address (`Tél :`, `SIRET`, `NIF:` - labels the
    address block's own list did not know) is no part of the address."""
    fields = _receipt(
        [
            ("LES HALLES DU CANAL", None, LARGE),
            ("14 quai de la Loire", None, BODY),
            ("75019 PARIS", None, BODY),
            (contact, None, BODY),
        ]
    )
    assert fields["vendor_address"] == "14 quai de la Loire 75019 PARIS"


@pytest.mark.parametrize(
    ("table", "net", "tax"),
    [
        (  # a Dutch kassabon: `BTW OVER BTW`, deposit outside VAT, so net + tax is not the total
            [
                ("BTW", "OVER", "BTW"),
                ("9%", "13,81", "1,24"),
                ("21%", "20,64", "4,34"),
                ("TOTAAL", "34,45", "5,58"),
            ],
            "34.45",
            "5.58",
        ),
        (  # a Spanish factura simplificada: `IVA BASE CUOTA TOTAL`
            [
                ("IVA", "BASE", "CUOTA"),
                ("4%", "5,26", "0,21"),
                ("21%", "33,76", "7,09"),
                ("Total", "39,02", "7,30"),
            ],
            "39.02",
            "7.30",
        ),
    ],
)
def test_the_sum_row_of_a_receipt_vat_table(table, net, tax):
    """A till's VAT table whose net column is headed `OVER` (nl) or whose tax column is headed `CUOTA` (es):
    its sum row gives the net and the tax (they read the first rate's tax, or none)."""
    total = "50,47" if table[0][0] == "BTW" else "46,32"
    rows = [
        [("Buurtsuper Van Dijk", 0.1)],
        [("Oudegracht 211", 0.12)],
        [("BIER KRAT 24X30CL", LEFT), (total, RIGHT)],
        [("TOTAAL" if table[0][0] == "BTW" else "TOTAL", LEFT), (total, RIGHT)],
        [],
        *[[(label, LEFT), (a, 0.25), (b, RIGHT)] for label, a, b in table],
    ]
    fields = _fields(rows)
    assert (fields.get("subtotal"), fields.get("tax_amount")) == (net, tax)


def _item_amounts(rows: list[list[tuple[str, float]]]) -> list[str]:
    invoice = extract_invoice(text_layer_page(rows, step=0.014), options=OPTIONS)
    return [item.cells["amount"].value for item in invoice.line_items if "amount" in item.cells]


HEAD_ROWS = [[("FRISCHMARKT KÖHLER", 0.12)], [("Lindenstraße 42", 0.14)], [("50674 Köln", 0.15)], []]


@pytest.mark.parametrize(
    ("goods", "total", "expected"),
    [
        (  # a discount line under its goods, a deposit's count under the deposit (VAT letters after each)
            [
                ("PFAND", "1,50 A"),
                ("6 Stk x 0,25", ""),
                ("KAFFEE CREMA 1KG", "12,99 B"),
                ("RABATT KAFFEE", "-2,00 B"),
                ("BATTERIEN AA 4ER", "4,99 A"),
            ],
            "SUMME  EUR 17,48",
            ["1.50", "12.99", "-2.00", "4.99"],
        ),
        (  # a euro sign and a VAT code digit after each amount, a loyalty discount
            [
                ("LESSIVE LIQUIDE 2L", "8,90 € 2"),
                ("Remise fidélité", "-1,50 € 2"),
                ("BAGUETTE TRADITION", "1,30 € 1"),
            ],
            "TOTAL TTC  8,70 €",
            ["8.90", "-1.50", "1.30"],
        ),
        (  # a saving printed negative without a discount word, a deposit's count under it
            [
                ("PAPER TOWELS 6PK", "12.99 T"),
                ("REWARDS SAVINGS", "-1.00 T"),
                ("NY BOTTLE DEPOSIT", "0.60"),
                ("12 @ 0.05", ""),
            ],
            "SUBTOTAL  12.59",
            ["12.99", "-1.00", "0.60"],
        ),
    ],
)
def test_receipt_items_with_discounts_details_and_vat_codes(goods, total, expected):
    """A till roll's items without a header: a discount or saving is an item of its own (negative), a
    count times a unit price under an item (`6 Stk x 0,25`, `12 @ 0.05`) is no item, and a VAT code after
    the amount (`B`, `€ 2`) leaves it the row's last (the round's rolls read no items at all)."""
    rows = HEAD_ROWS + [[(text, LEFT)] + ([(amount, RIGHT)] if amount else []) for text, amount in goods]
    rows += [[(total.split("  ")[0], LEFT), (total.split("  ")[1], RIGHT)]]
    assert _item_amounts(rows) == expected


def test_a_name_read_again_with_room_for_its_accents():
    """The vendor's box is read again with room above it, where a capital's umlaut stands (`KÖHLER` read
    `KOHLER` and boxed without its dots on a roll at 200 dpi), and a `ü` read as one stroke (`Mihle`) is an
    accent added, not another spelling."""
    from ocr_tasks.extraction.name_accents import accents_restored, with_accented_names
    from ocr_tasks.geometry import BBox
    from ocr_tasks.invoice_types import FieldValue, Invoice

    mill = "Gasthaus Zur Alten Mühle"
    assert accents_restored("Gasthaus Zur Alten Mihle", mill) == mill
    box = BBox(0.24, 0.026, 0.76, 0.039)
    name = FieldValue("vendor_name", "FRISCHMARKT KOHLER", "FRISCHMARKT KOHLER", 0.9, 0, box)
    invoice = Invoice(fields={"vendor_name": name})

    def reader(page: int, asked: BBox) -> str:  # the dots are inside the box only with room above it
        return "FRISCHMARKT KÖHLER" if asked.y0 < box.y0 - 0.004 else "FRISCHMARKT KOHLER"

    assert with_accented_names(invoice, reader).fields["vendor_name"].value == "FRISCHMARKT KÖHLER"


def test_a_vat_table_under_the_total_is_no_items_table():
    """A till's VAT table (`VAT RATE  NET  VAT  GROSS`: a rate column and prices, no description or
    quantity column) heads no items table: the goods above the total are the items (a British hardware
    receipt read the card slip's `SALE  £40.02` under that table as its only item)."""
    rows = [
        [("HARTLEY & SONS HARDWARE", 0.1)],
        [("27 Market Street", 0.12)],
        [],
        [("CLAW HAMMER 16OZ", LEFT), ("14.99", RIGHT)],
        [("PAINT BRUSH SET 5PC", LEFT), ("8.50", RIGHT)],
        [("TOTAL", LEFT), ("£23.49", RIGHT)],
        [("CARD", LEFT), ("£23.49", RIGHT)],
        [],
        [("VAT RATE", LEFT), ("NET", 0.2), ("VAT", 0.3), ("GROSS", RIGHT)],
        [("20%", LEFT), ("19.58", 0.2), ("3.91", 0.3), ("23.49", RIGHT)],
        [],
        [("SALE", LEFT), ("£23.49", RIGHT)],
    ]
    assert _item_amounts(rows) == ["14.99", "8.50"]


def test_a_spanish_street_abbreviated_c_is_no_customer():
    """`C/ de Sants 148` (calle, abbreviated: es `street_word`) under a pharmacy's name is its street, not a
    customer's block: the NIF under it stays the vendor's (a farmacia read the street as its customer and,
    the NIF inside that block, no vendor id)."""
    fields = _receipt(
        [
            ("FARMACIA RUIZ CASTRO", None, LARGE),
            ("C/ de Sants 148", None, BODY),
            ("08028 Barcelona", None, BODY),
            ("NIF: 47821305G", None, BODY),
        ]
    )
    assert fields.get("customer_name") is None
    assert fields["vendor_tax_id"] in {"47821305G", "ES47821305G"}


def test_an_italian_pharmacist_under_the_pharmacy_is_no_address():
    """`della Dott.ssa Anna Vitale` under `FARMACIA SAN MARCO` names the pharmacist who owns it (it
    `owner_label`): no first row of the address."""
    fields = _receipt(
        [
            ("FARMACIA SAN MARCO", None, LARGE),
            ("della Dott.ssa Anna Vitale", None, BODY),
            ("Via Roma 112", None, BODY),
            ("84121 Salerno (SA)", None, BODY),
        ]
    )
    assert fields["vendor_name"] == "FARMACIA SAN MARCO"
    assert fields["vendor_address"] == "Via Roma 112 84121 Salerno (SA)"
