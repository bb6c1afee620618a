"""Receipt rules of session 14 (round 6c's leftovers, helper H5), each on a small page built here: the word
lists that end a shop's address and a till's items block are lexicon data in every language (a row of till
data under an Italian, Spanish, Polish, ... shop's address is no part of it; a till's header row above
two-row items is no item's description), and a till receipt names a customer only where it says so (an
item's name or a `SALE` row under the shop's address is no recipient's block, so a card-paid roll stays a
receipt)."""

from __future__ import annotations

import pytest

from ocr_tasks.extraction import extract_invoice
from ocr_tasks.extraction.keywords import lexicon

from .layout_pages import text_layer_page
from .test_receipt_rules import BODY, LARGE, LEFT, OPTIONS, RIGHT, _receipt

WORD_LISTS = ("address_stop", "contact_channel", "till_data")


@pytest.mark.parametrize("language", ["en", "de", "fr", "nl", "es", "it", "pl", "pt"])
def test_the_receipt_word_lists_are_lexicon_data_of_every_language(language):
    """Each lexicon holds its own words that end an address (`address_stop`), name a contact channel
    (`contact_channel`) and mark a till's header or payment rows (`till_data`)."""
    table = lexicon((language,))
    assert all(table.get(concept) for concept in WORD_LISTS)


@pytest.mark.parametrize(
    ("name", "street", "town", "till_row"),
    [
        ("BAR CENTRALE", "Via Roma 12", "40121 Bologna", "Cassa 2 Scontrino 0148"),
        ("CAFETERIA SOL", "Gran Via 31", "28013 Madrid", "Cajero 4 Pedido 118"),
        ("SKLEP POD LIPAMI", "ul. Długa 12", "80-831 Gdańsk", "Kasa 2 Kasjer 14"),
        ("PASTELARIA AVENIDA", "Rua Augusta 41", "1100-048 Lisboa", "Caixa 3 Operador 12"),
        ("LES HALLES DU CANAL", "14 quai de la Loire", "75019 PARIS", "Caisse 02 Ticket 0148"),
    ],
)
def test_a_till_row_under_the_shop_address_ends_it(name, street, town, till_row):
    """A row of till data under a shop's address (`Cassa 2 Scontrino 0148`, `Kasa 2 Kasjer 14`: the
    lexicons' `address_stop`) is no part of it; the English-only list let it run into the address."""
    fields = _receipt([(name, None, LARGE), (street, None, BODY), (town, None, BODY), (till_row, None, BODY)])
    assert fields["vendor_address"] == f"{street} {town}"


@pytest.mark.parametrize(
    ("till_row", "goods"),
    [
        ("CASSA 2 OPERATORE 5", [("CAFFE", "1,20"), ("CORNETTO", "1,30")]),
        ("KASSE 3 BEDIENER 12", [("BROT", "2,40"), ("BUTTER", "1,99")]),
    ],
)
def test_a_till_header_row_is_no_item_description(till_row, goods):
    """Items printed over two rows (the name, then its price) under a till's header row (`CASSA 2
    OPERATORE 5`: the lexicons' `till_data`): the header row is no part of the first item's name."""
    rows = [[("BAR CENTRALE", 0.12)], [("Via Roma 12", 0.14)], [("40121 Bologna", 0.14)], []]
    rows += [[(till_row, LEFT)]]
    for text, amount in goods:
        rows += [[(text, LEFT)], [("1 x", LEFT), (amount, RIGHT)]]
    total = sum(float(a.replace(",", ".")) for _, a in goods)
    rows += [[("TOTALE", LEFT), (f"{total:.2f}".replace(".", ","), RIGHT)]]
    invoice = extract_invoice(text_layer_page(rows, step=0.014), options=OPTIONS)
    descriptions = [item.cells["description"].value for item in invoice.line_items]
    assert descriptions == [text for text, _ in goods]


def test_a_till_word_in_an_items_name_over_its_price_row_is_the_name():
    """A till word inside an item's name printed over its quantity and price (`TORNILLO 4X40 CAJA`: a box of
    screws, `caja` also being the till) is the item's name; the header row above the items still ends them."""
    rows = [[("FERRETERIA SAN ROQUE", 0.12)], [("Calle Mayor 12", 0.14)], [("28013 Madrid", 0.14)], []]
    rows += [[("CAJERO 4 PEDIDO 118", LEFT)]]
    goods = [("TORNILLO 4X40 CAJA", "2 x 3,95", "7,90"), ("CINTA AISLANTE", "1 x 1,80", "1,80")]
    for text, detail, amount in goods:
        rows += [[(text, LEFT)], [(detail, LEFT), (amount, RIGHT)]]
    rows += [[("TOTAL", LEFT), ("9,70", RIGHT)]]
    invoice = extract_invoice(text_layer_page(rows, step=0.014), options=OPTIONS)
    found = [(item.cells["description"].value, item.cells["amount"].value) for item in invoice.line_items]
    assert found == [("TORNILLO 4X40 CAJA", "7.90"), ("CINTA AISLANTE", "1.80")]


def _fields(rows: list[list[tuple[str, float]]]) -> dict[str, str]:
    invoice = extract_invoice(text_layer_page(rows, step=0.014), options=OPTIONS)
    return {name: value.value for name, value in invoice.fields.items()}


COL = 0.3  # a roll's right column (flex space-between rows: the label left, its value right)
SHOP = [
    [("HARTLEY & SONS HARDWARE", 0.1)],
    [("27 Market Street", 0.13)],
    [("Hebden Bridge HX7 6AA", 0.12)],
    [("Tel 01422 843219", 0.13)],
    [],
]
GOODS = [
    [],
    [("CLAW HAMMER 16OZ", LEFT), ("14.99", COL)],
    [("PAINT BRUSH SET 5PC", LEFT), ("8.50", COL)],
    [("TOTAL", LEFT), ("£23.49", COL)],
    [("CARD", LEFT), ("£23.49", COL)],
    [],
    [("Contactless", 0.1)],
    [("MASTERCARD", 0.1)],
]


def test_a_sale_row_under_the_shop_is_no_customer_of_a_card_paid_roll():
    """`SALE  25/11/26 15:20` over `Till 2  Receipt 20817` under a British shop's address, then goods paid by
    card: no recipient's block, so nothing addresses the roll and it is a receipt (it read `SALE` as the
    customer and typed the roll an invoice)."""
    head = [[("SALE", LEFT), ("25/11/26 15:20", COL)], [("Till 2", LEFT), ("Receipt 20817", COL)]]
    fields = _fields(SHOP + head + GOODS)
    assert fields.get("customer_name") is None
    assert fields["document_type"] == "receipt"


def test_a_receipt_names_its_customer_where_it_says_so():
    """A till receipt that prints a customer's label (`Customer:`) names that customer."""
    head = [[("Till 2", LEFT), ("Receipt 20817", COL)], [("Customer: Calder Builders Ltd", LEFT)]]
    fields = _fields(SHOP + head + GOODS)
    assert fields.get("customer_name") == "Calder Builders Ltd"


def test_an_item_under_a_ticket_title_is_no_customer():
    """On a roll titled `TICKET DE CAISSE`, the name of the goods under a weighed or counted row
    (`BAGUETTE TRADITION`, which an address block's shape made a recipient) is no customer."""
    fields = _fields(
        [
            [("LES HALLES DU CANAL", 0.1)],
            [("14 quai de la Loire", 0.12)],
            [("75019 PARIS", 0.14)],
            [("Tél : 01 42 05 18 77", 0.11)],
            [],
            [("TICKET DE CAISSE", 0.12)],
            [("30/11/2026 18:07", LEFT), ("Caisse 02", 0.2), ("Ticket 0148", COL)],
            [],
            [("LAIT DEMI-ECREME 1L", LEFT)],
            [("2 x 1,08 €", 0.07), ("2,16 € 1", COL)],
            [("BAGUETTE TRADITION", LEFT), ("1,30 € 1", COL)],
            [("COMTE AOP 250G", LEFT), ("4,95 € 1", COL)],
            [("TOTAL TTC", LEFT), ("8,41 €", COL)],
            [("Espèces", LEFT), ("10,00 €", COL)],
            [("Rendu monnaie", LEFT), ("1,59 €", COL)],
        ]
    )
    assert fields.get("customer_name") is None
    assert fields["document_type"] == "receipt"


def _scanned_roll(goods: list[tuple[str, str]], total: str):
    """A scanned roll's page reading: the goods' names sure, their price parts as given (garbled or not)
    and read unsurely, the total sure."""
    from ocr_tasks.geometry import BBox
    from ocr_tasks.ocr_types import Block, Line, OcrDocument, OcrPage, SourceDocument, Word

    def words(text: str, x0: float, x1: float, y: float, confidence: float) -> list:
        tokens, out, position = text.split(), [], 0
        for token in tokens:  # a word per token, spread over the part's width
            left = x0 + (x1 - x0) * position / len(text)
            out.append(
                Word(token, BBox(left, y, left + (x1 - x0) * len(token) / len(text), y + 0.012), confidence)
            )
            position += len(token) + 1
        return out

    lines, y = [], 0.05
    for text in ("LES HALLES DU CANAL", "14 quai de la Loire", "75019 PARIS"):
        lines.append(Line.of(words(text, 0.3, 0.3 + 0.0125 * len(text), y, 0.99)))
        y += 0.02
    for name, price, confidence in [(n, p, 0.4) for n, p in goods] + [("TOTAL TTC", total, 0.97)]:
        row = words(name, 0.05, 0.05 + 0.0125 * len(name), y, 0.98) + words(
            price, 0.92 - 0.0125 * len(price), 0.92, y, confidence
        )
        lines.append(Line.of(row))
        y += 0.02
    page = OcrPage(0, 640, 1900, 300, tuple(Block.of([line]) for line in lines), source="ocr", engine="test")
    return OcrDocument(SourceDocument("roll", "memory://roll", "image/png", "0" * 64), (page,))


PRINTED = {"2/16 e221": "2,16 € 1", "173076 1": "1,30 € 1", "890, €.2": "8,90 € 2"}


def _reader(printed: dict[str, str], document):
    """A stand-in for the region reader: the price part of a row read as printed (the row found by the
    box's height on the page reading)."""
    lines = [line for block in document.pages[0].blocks for line in block.lines]

    def read(page: int, box) -> str:
        for line in lines:
            if box.y0 <= (line.bbox.y0 + line.bbox.y1) / 2 <= box.y1:
                part = " ".join(w.text for w in line.words if w.bbox.x0 >= box.x0)
                return printed.get(part, part)
        return ""

    return read


def test_a_faded_roll_s_garbled_amounts_are_read_again():
    """A faded thermal roll's amounts misread by the page reading (`2/16 e221`, `173076 1`, `890, €.2`): the
    items do not add up, so their price parts are read again, and the items are the amounts so read (the
    round's thermal scan reported none)."""
    from ocr_tasks.extraction import ExtractionOptions

    document = _scanned_roll(
        [("LAIT DEMI-ECREME 1L", "2/16 e221"), ("BAGUETTE", "173076 1"), ("LESSIVE 2L", "890, €.2")],
        "12,36 €",
    )
    without = extract_invoice(document, options=OPTIONS)
    assert list(without.line_items) == []
    options = ExtractionOptions(today=OPTIONS.today, region_reader=_reader(PRINTED, document))
    invoice = extract_invoice(document, options=options)
    assert [item.cells["amount"].value for item in invoice.line_items] == ["2.16", "1.30", "8.90"]


def test_a_second_reading_that_does_not_add_up_is_not_taken():
    """Price parts read again into amounts that still do not make the total: no items (a guess is worse
    than none)."""
    from ocr_tasks.extraction import ExtractionOptions

    document = _scanned_roll([("LAIT DEMI-ECREME 1L", "2/16 e221"), ("BAGUETTE", "173076 1")], "9,99 €")
    options = ExtractionOptions(today=OPTIONS.today, region_reader=_reader(PRINTED, document))
    assert list(extract_invoice(document, options=options).line_items) == []
